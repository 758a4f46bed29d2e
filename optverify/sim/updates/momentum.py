"""Momentum methods declared once: heavy ball, Nesterov, SGD with momentum (002 line 228, as an EMA in 004,
in the alpha form of 003 Algorithm 16, undampened as 001's SGDM), gradient descent with momentum (003 Algorithm 10)
and accelerated gradient descent (003 Algorithm 11)."""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import grad_at, next_alpha


def heavy_ball_step(t, T, w, g, wprev, eta, beta):
    for i in range(len(w)):
        wn = w[i] - eta * g[i] + beta * (w[i] - wprev[i])
        wprev[i] = w[i]
        w[i] = wn


def nesterov_step(t, T, w, g, v, eta, beta):
    for i in range(len(w)):
        vn = w[i] - eta * g[i]
        w[i] = vn + beta * (vn - v[i])
        v[i] = vn


def sgd_momentum_step(t, T, w, g, v, eta, beta):
    for i in range(len(w)):
        v[i] = beta * v[i] - eta * g[i]
        w[i] = w[i] + v[i]


def ema_momentum_step(t, T, w, g, v, gamma, beta):
    for i in range(len(w)):
        v[i] = beta * v[i] + (1.0 - beta) * g[i]
        w[i] = w[i] - gamma * v[i]


def sgdm_step(t, T, w, g, m, eta, beta):
    for i in range(len(w)):
        m[i] = beta * m[i] + g[i]
        w[i] = w[i] - eta * m[i]


def sgd_momentum_alpha_step(t, T, w, g, m, eta, alpha, first_step_eta):
    if t == 1:
        c = 1.0
        if first_step_eta:
            c = eta
        for i in range(len(w)):
            m[i] = g[i]
            w[i] = w[i] - c * m[i]
    else:
        for i in range(len(w)):
            m[i] = (1.0 - alpha) * m[i] + alpha * g[i]
            w[i] = w[i] - eta * m[i]


def gd_momentum_step(t, T, w, g, problem, v, x, A, eta, beta, two_step, update_sign, beta_schedule):
    next_alpha(A)
    b = beta
    if beta_schedule == 1:
        b = 0.0
        if t > 1:
            b = A[0] ** 2 / (A[2] * A[1])  # alpha_{t-2}^2 / (alpha_t alpha_{t-1})
    for i in range(len(w)):
        x[i] = w[i]
        if two_step:
            x[i] = w[i] + update_sign * b * v[i]
    grad_at(problem, x, t, 0, g)
    for i in range(len(w)):
        v[i] = b * v[i] - eta * g[i]
        w[i] = w[i] + update_sign * v[i]


def accelerated_gd_step(t, T, w, g, problem, y, x, A, eta):
    next_alpha(A)
    tau = A[2] / A[3]  # alpha_t / sum_{i<=t} alpha_i
    for i in range(len(w)):
        x[i] = (1.0 - tau) * w[i] + tau * y[i]
    grad_at(problem, x, t, 0, g)
    for i in range(len(w)):
        y[i] = y[i] - eta * A[2] * g[i]
        w[i] = x[i] - eta * g[i]


def _eb(step_name="eta"):
    return (Param(step_name, REQUIRED, float, "real"), Param("beta", REQUIRED, float, "real"))


UPDATES = (
    Update("heavy_ball", _eb(), (State("wprev", "d", "w1"),), heavy_ball_step, "002 line 103",
           "Polyak's heavy ball: w_{t+1} = w_t - eta grad f(w_t) + beta (w_t - w_{t-1}), w_0 = w_1."),
    Update("nesterov", _eb(), (State("v", "d", "w1"),), nesterov_step, "002 line 224",
           "v_{t+1} = w_t - eta grad f(w_t); w_{t+1} = v_{t+1} + beta (v_{t+1} - v_t), v_1 = w_1."),
    Update("sgd_momentum", _eb(), (State("v"),), sgd_momentum_step, "002 line 228",
           "v_{t+1} = beta v_t - eta grad f_{i_t}(w_t); w_{t+1} = w_t + v_{t+1}, v_1 = 0."),
    Update("ema_momentum", _eb("gamma"), (State("v"),), ema_momentum_step, "004 lines 103-108",
           "v_t = beta v_{t-1} + (1-beta) g_t; theta_{t+1} = theta_t - gamma v_t, v_0 = 0."),
    Update("gd_momentum",
           (Param("eta", REQUIRED, float, "real"), Param("beta", 0.0, float, "real"), Param("two_step", False, bool, None),
            Param("update_sign", -1.0, float, "sign"),
            Param("beta_schedule", "constant", {"constant": 0, "accelerated": 1}, None)),
           (State("v"), State("x"), State("A", 4)), gd_momentum_step, "003 Algorithm 10, line 2003",
           "Gradient descent with momentum with the printed sign switch: v_0 = 0; two-step integrator "
           "w_{t+1/2} = w_t + s beta_t v_{t-1} and g_t = grad L(w_{t+1/2}), else g_t = grad L(w_t); "
           "v_t = beta_t v_{t-1} - eta g_t; w_{t+1} = w_t + s v_t.  update_sign s = -1 is the algorithm as printed "
           "(w_{t+1} = w_t - v_t: with v_t = beta v - eta g this steps up the gradient), s = +1 the form derived "
           "at line 2151.  beta_schedule 'accelerated': Algorithm 11's beta_1 = 0, beta_t = alpha_{t-2}^2 / "
           "(alpha_t alpha_{t-1}) (line 2149)."),
    Update("sgd_momentum_alpha",
           (Param("eta", REQUIRED, float, "real"), Param("alpha", REQUIRED, float, "real"),
            Param("first_step_eta", False, bool, None)),
           (State("m"),), sgd_momentum_alpha_step, "003 Algorithm 16, line 2701",
           "m_1 = grad l(w_1, z_1), w_2 = w_1 - m_1 (as printed, no eta; first_step_eta: w_2 = w_1 - eta m_1); "
           "for t >= 2: m_t = (1 - alpha) m_{t-1} + alpha grad l(w_t, z_t), w_{t+1} = w_t - eta m_t."),
    Update("accelerated_gd", (Param("eta", REQUIRED, float, "real"),),
           (State("y", "d", "w1"), State("x"), State("A", 4)), accelerated_gd_step, "003 Algorithm 11, line 2083",
           "y_1 = w_1; tau_t = alpha_t / sum_{i<=t} alpha_i; x_t = (1 - tau_t) w_t + tau_t y_t; g_t = grad L(x_t) "
           "(the gradient recorded); y_{t+1} = y_t - eta alpha_t g_t; w_{t+1} = x_t - eta g_t.  The tracker sees "
           "the iterates w_t (Theorem 15.2 bounds L(w_{T+1}))."),
    Update("sgdm", _eb(), (State("m"),), sgdm_step, "001 eq. (13), line 122 (SGDM, whose FTPRL form is printed)",
           "m_t = beta m_{t-1} + g_t; x_{t+1} = x_t - eta m_t, m_0 = 0 (undampened momentum; a step size eta_t per "
           "step is the reference's Step.rebind)."),
)
