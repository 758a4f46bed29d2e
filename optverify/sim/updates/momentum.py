"""Momentum methods declared once: heavy ball, Nesterov, SGD with momentum (002 line 228; 003 Algorithm 16), as an EMA (004) and undampened (001 SGDM)."""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update


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
    for i in range(len(w)):
        if t == 1:
            m[i] = g[i]
            if first_step_eta:
                w[i] = w[i] - eta * m[i]
            else:
                w[i] = w[i] - m[i]
        else:
            m[i] = (1.0 - alpha) * m[i] + alpha * g[i]
            w[i] = w[i] - eta * m[i]


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
    Update("sgd_momentum_alpha",
           (Param("eta", REQUIRED, float, "real"), Param("alpha", REQUIRED, float, "real"),
            Param("first_step_eta", False, bool, None)), (State("m"),), sgd_momentum_alpha_step,
           "003 Algorithm 16, line 2701",
           "m_1 = grad l(w_1, z_1), w_2 = w_1 - m_1 (as printed, no eta; first_step_eta: w_1 - eta m_1); for t >= 2: "
           "m_t = (1 - alpha) m_{t-1} + alpha grad l(w_t, z_t), w_{t+1} = w_t - eta m_t."),
    Update("sgdm", _eb(), (State("m"),), sgdm_step, "001 eq. (13), line 122 (SGDM, whose FTPRL form is printed)",
           "m_t = beta m_{t-1} + g_t; x_{t+1} = x_t - eta m_t, m_0 = 0 (undampened momentum; a step size eta_t per "
           "step is the reference's Step.rebind)."),
)
