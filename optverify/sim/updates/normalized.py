"""Normalized updates declared once: normalized SGD with (variance-reduced) momentum (003 section 24), LARS
and LAMB (003 section 24.2).

A zero direction (||m_t|| = 0) gives a zero step (0/0 read as 0).  LARS and LAMB take the parameter
blocks ("layers") as the "blocks" parameter: boundaries [0, b_1, ..., d], None for one block.
"""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import EPS_MODES, denominator, grad_at, layerwise_step, normalized_move


def normalized_sgd_momentum_step(t, T, w, g, m, eta, alpha):
    for i in range(len(w)):
        m[i] = g[i] if t == 1 else (1.0 - alpha) * m[i] + alpha * g[i]
    normalized_move(w, m, eta)


def normalized_sgd_vr_momentum_step(t, T, w, g, problem, m, wprev, gprev, eta, alpha):
    grad_at(problem, w, t, 0, g)
    if t == 1:
        for i in range(len(w)):
            m[i] = g[i]
    else:
        grad_at(problem, wprev, t, 0, gprev)  # the same sample z_t at w_{t-1}: the same key (t, 0)
        for i in range(len(w)):
            m[i] = (1.0 - alpha) * (m[i] + g[i] - gprev[i]) + alpha * g[i]
    for i in range(len(w)):
        wprev[i] = w[i]
    normalized_move(w, m, eta)


def lars_step(t, T, w, g, blocks, eta):
    layerwise_step(w, g, blocks, eta)


def lamb_step(t, T, w, g, M, V, D, blocks, eta, beta1, beta2, variant, new_m, eps, eps_mode):
    for i in range(len(w)):
        if variant == 0:
            Mn = beta1 * M[i] + (1.0 - beta1) * g[i]
            D[i] = Mn if new_m else M[i]
            M[i] = Mn
        else:
            M[i] = beta1 * M[i] + (1.0 - beta1) * g[i]
            V[i] = beta2 * V[i] + (1.0 - beta2) * g[i] * g[i]
            den = denominator(V[i], eps, eps_mode)
            D[i] = M[i] / den if den > 0.0 else 0.0
    layerwise_step(w, D, blocks, eta)


def _ea():
    return (Param("eta", REQUIRED, float, "real"), Param("alpha", REQUIRED, float, "real"))


_BLOCKS = Param("blocks", None, "blocks", None)

UPDATES = (
    Update("normalized_sgd_momentum", _ea(), (State("m"),), normalized_sgd_momentum_step, "003 line 3436",
           "Normalized gradient descent with momentum: m_1 = grad l(w_1, z_1); m_t = (1 - alpha) m_{t-1} + alpha "
           "grad l(w_t, z_t); w_{t+1} = w_t - eta m_t / ||m_t||."),
    Update("normalized_sgd_vr_momentum", _ea(), (State("m"), State("wprev", "d", "w1"), State("gprev")),
           normalized_sgd_vr_momentum_step, "003 line 3600",
           "Normalized gradient descent with variance-reduced momentum: m_t = (1 - alpha)(m_{t-1} + grad l(w_t, z_t) "
           "- grad l(w_{t-1}, z_t)) + alpha grad l(w_t, z_t) (one sample z_t at both points), m_1 = grad l(w_1, z_1); "
           "w_{t+1} = w_t - eta m_t / ||m_t||."),
    Update("lars", (Param("eta", REQUIRED, float, "real"), _BLOCKS), (), lars_step, "003 line 3714",
           "LARS: (W_i)_{t+1} = (W_i)_t - eta ||(W_i)_t|| G_i / ||G_i|| per block i; a block with ||W_i|| = 0 or "
           "||G_i|| = 0 does not move (so LARS started at 0 never moves)."),
    Update("lamb",
           (Param("eta", REQUIRED, float, "real"), Param("beta1", 0.9, float, "[0,1]"), Param("beta2", None, float, "[0,1]", default_from="beta1"),
            Param("variant", "adam", {"momentum": 0, "adam": 1}, None), Param("new_m", False, bool, None),
            Param("eps", 0.0, float, "nonnegative"), Param("eps_mode", "none", EPS_MODES, None), _BLOCKS),
           (State("M"), State("V"), State("D")), lamb_step, "003 lines 3720, 3724",
           "LAMB per block i (M_1 = V_1 = 0).  variant 'momentum' (line 3720): M_{t+1} = beta M_t + (1 - beta) G_t, "
           "W_{t+1} = W_t - eta ||W_t|| M_t / ||M_t|| (M_t as printed: the momentum before this step's gradient; "
           "new_m uses M_{t+1}).  variant 'adam' (line 3724): M_{t+1} = beta1 M_t + (1 - beta1) G_t, V_{t+1} = "
           "beta2 V_t + (1 - beta2) G_t^2, D_{t+1} = M_{t+1} / denom(V_{t+1}), W_{t+1} = W_t - eta ||W_t|| D_{t+1} / "
           "||D_{t+1}|| (printed with one beta for both moments: beta2 = None takes beta1)."),
)
