"""Plain (stochastic / online / projected) gradient descent, SGD with weight decay, minibatch SGD, shuffled
ERM SGD and SVRG, declared once."""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import PROJECTIONS, SCHEDULES, exact_grad, grad_at, project, sample_count, sample_grad, shuffle, step_size


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


def minibatch_sgd_step(t, T, w, g, problem, gk, eta, schedule, schedule_a, B):
    if B < 1:
        raise ValueError("batch size B must be >= 1")
    for i in range(len(w)):
        g[i] = 0.0
    for k in range(B):
        grad_at(problem, w, t, k, gk)
        for i in range(len(w)):
            g[i] += gk[i]
    for i in range(len(w)):
        g[i] /= B
    eta_t = step_size(eta, schedule, schedule_a, t, T)
    for i in range(len(w)):
        w[i] = w[i] - eta_t * g[i]


def sgd_erm_shuffle_step(t, T, w, g, problem, order, eta, reshuffle):
    n = len(order)
    if n == 0:
        raise ValueError("sgd_erm_shuffle needs a finite-sum family")
    pos = (t - 1) % n
    if pos == 0:
        e = (t - 1) // n  # epochs done: epoch e + 1 starts
        if e == 0:
            for i in range(n):
                order[i] = i
        elif reshuffle:
            shuffle(problem, order, e)
    sample_grad(problem, w, int(order[pos]), g)
    for i in range(len(w)):
        w[i] = w[i] - eta * g[i]


def svrg_step(t, T, w, g, problem, v, mu, gw, gv, wsum, eta, N):
    if N <= 0:
        N = sample_count(problem)
        if N == 0:
            raise ValueError("SVRG on a population family needs an epoch length N > 0")
    if t == 1:
        exact_grad(problem, v, mu)
    grad_at(problem, w, t, 0, gw)
    grad_at(problem, v, t, 0, gv)  # the same key: the same sample z_t
    for i in range(len(w)):
        g[i] = gw[i] - gv[i] + mu[i]
    for i in range(len(w)):
        wsum[i] += w[i]
        w[i] = w[i] - eta * g[i]
    if t % N == 0:
        for i in range(len(w)):
            v[i] = wsum[i] / N
            wsum[i] = 0.0
        exact_grad(problem, v, mu)


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
    Update("minibatch_sgd", (*_SGD_PARAMS[:3], Param("B", 1, int, "count")), (State("gk"),), minibatch_sgd_step,
           "003 Algorithm 6, line 1126",
           "Minibatch SGD: g_t = 1/B sum_{i=1}^B grad l(w_t, z_{t,i}), w_{t+1} = w_t - eta_t g_t; sample i of step t "
           "has key (t, i - 1), so batch sizes B < B' share their first B samples (common random numbers)."),
    Update("sgd_erm_shuffle", (Param("eta", REQUIRED, float, "real"), Param("reshuffle", True, bool, None)),
           (State("order", "n"),), sgd_erm_shuffle_step, "003 Algorithm 3, line 385",
           "SGD for ERM with shuffling on a finite sum: epoch e passes over the data in the order pi_e (pi_1 = "
           "dataset order; pi_{e+1} a fresh permutation drawn from (seed, stream, e) when reshuffle, the same order "
           "otherwise: 'Optionally shuffle the dataset into a new random order'); w_{t+1} = w_t - eta grad "
           "l(w_t, z_{pi(t)}); T need not be a multiple of n; grad_mode is ignored."),
    Update("svrg", (Param("eta", REQUIRED, float, "real"), Param("N", 0, int, "count")),
           (State("v", "d", "w1"), State("mu"), State("gw"), State("gv"), State("wsum")), svrg_step,
           "003 Algorithm 17, line 3354",
           "SVRG as printed: v_1 = w_1, mu = grad L(v_e); g_t = grad l(w_t, z_t) - grad l(v_e, z_t) + mu (one "
           "sample z_t, key (t, 0)), w_{t+1} = w_t - eta g_t; when t = 0 mod N: v_{e+1} = 1/N sum_{i=t-N+1}^t w_i, "
           "mu = grad L(v_{e+1}).  N = 0: the data size n of a finite sum (the printed choice); a population "
           "family needs N > 0.  Under grad_mode 'exact' g_t = grad L(w_t) (plain GD)."),
)
