"""Plain (stochastic / online / projected) gradient descent and SGD with weight decay, declared once."""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, Update
from .vocabulary import PROJECTIONS, SCHEDULES, project, step_size


def sgd_step(t, T, w, g, eta, schedule, schedule_a, projection, radius):
    eta_t = step_size(eta, schedule, schedule_a, t, T)
    for i in range(len(w)):
        w[i] = w[i] - eta_t * g[i]
    project(w, projection, radius)


def projected_sgd_strongly_convex_step(t, T, w, g, mu, D):
    for i in range(len(w)):
        w[i] = w[i] - g[i] / (mu * t)
    project(w, 2, D)


def sgd_weight_decay_step(t, T, w, g, gamma, lam, mode):
    for i in range(len(w)):
        if mode == 0:
            w[i] = w[i] - gamma * (g[i] + lam * w[i])
        else:
            w[i] = (1.0 - gamma * lam) * w[i] - gamma * g[i]


_SGD_PARAMS = (Param("eta", REQUIRED, float, "real"), Param("schedule", "constant", SCHEDULES, None),
               Param("schedule_a", 0.0, float, "nonnegative"), Param("projection", "none", PROJECTIONS, None),
               Param("radius", float("inf"), float, "radius"))

UPDATES = (
    Update("sgd", _SGD_PARAMS, (), sgd_step,
           "003 Alg. 1 l.152, Alg. 2 l.287/857, Alg. 3 l.994, l.1084; 003 Thm 15.1; 001 eq. (3) l.39; 002 l.39; 004 l.18",
           "(Projected, online) (stochastic) gradient descent: w_{t+1} = Pi(w_t - eta_t g_t)."),
    Update("gradient_descent", (Param("eta", REQUIRED, float, "real"),), (), sgd_step, "003 Algorithm 1, line 152",
           "w_{t+1} = w_t - eta grad L(w_t) (exact gradients whatever the grad_mode).",
           fixed={"schedule": 0, "schedule_a": 0.0, "projection": 0, "radius": float("inf")}, exact_gradient=True),
    Update("projected_sgd_strongly_convex",
           (Param("mu", REQUIRED, float, "positive"), Param("D", REQUIRED, float, "positive")), (),
           projected_sgd_strongly_convex_step, "003 Theorem 22.1, line 3136",
           "w_{t+1} = Pi_{||w|| <= D}[w_t - grad l(w_t, z_t)/(mu t)]."),
    Update("sgd_weight_decay",
           (Param("gamma", REQUIRED, float, "real"), Param("lam", REQUIRED, float, "real"),
            Param("mode", "l2", {"l2": 0, "weight_decay": 1}, None)), (), sgd_weight_decay_step,
           "004 lines 463-469",
           "mode 'l2': theta_{t+1} = theta_t - gamma (grad f + lam theta) (line 463); 'weight_decay': "
           "theta_{t+1} = (1 - gamma lam) theta_t - gamma grad f (line 469); line 471 says they are identical."),
)
