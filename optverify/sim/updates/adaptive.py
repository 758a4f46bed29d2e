"""Adaptive step sizes, each printed update declared once: AdaGrad (norm, diagonal), adaptive SGD
with an EMA (003 Algorithms 8, 9), RMSProp, the Adam family (Adam, AMSGrad, Adam + L2, AdamW),
AdamAL and the sign update.

Switch codes of the Adam step (one step, five printed updates):

* eps_mode: 0 no epsilon (000 Alg. 1, 003 Alg. 12), 1 sqrt(vhat + eps^2)
  (000 lines 51/195: A_0 = eps^2), 2 sqrt(vhat) + eps (004 line 298),
  3 sqrt(vhat + eps) (004 lines 215, 231, 248; 002 line 365);
* momentum_sign: -1 as printed in 000 line 195 (m_t = b1 m - (1-b1) g), +1 usual;
* beta1_mode: 0 constant, 1 beta1 * beta1_decay^(t-1), 2 beta1 / t (Reddi et
  al.'s beta_{1t}, 004 line 450); the bias correction 1 - beta1^t always uses
  the constant beta1;
* ams_mode: 0 Adam; 1 vhat_t = max(vhat_{t-1}, v_t) kept apart from the EMA
  (004 line 432, Reddi et al. Alg. 2; with a bias correction switched on, the
  maximum of the raw v_t is corrected afterwards, as torch.optim.Adam's
  amsgrad does); 2 v_t = max(v_t, v_{t-1}) fed back into
  the EMA (001 eq. (16) and line 182);
* wd_mode: 0 none; 1 L2 added to the gradient before the moments (004 line
  476); 2 lam theta added to mhat before the preconditioner (004 line 484 as
  printed); 3 decoupled weight decay, AdamW (004 line 496).

A zero denominator gives a zero step (0/0 read as 0: the accumulated squares
vanish only while every gradient so far is 0).
"""

from __future__ import annotations

from ..engine.declaration import REQUIRED, Param, State, Update
from .vocabulary import EPS_MODES, PROJECTIONS, SCHEDULES, denominator, project, sqrt, step_size

BETA1_MODES = {"constant": 0, "geometric": 1, "inv_t": 2}


def _sched():
    return (Param("schedule", "constant", SCHEDULES, None), Param("schedule_a", 0.0, float, "nonnegative"))


def _proj():
    return (Param("projection", "none", PROJECTIONS, None), Param("radius", float("inf"), float, "radius"))


def _adagrad_params():
    return (Param("c", REQUIRED, float, "positive"), Param("eps", 0.0, float, "nonnegative"),
            Param("eps_mode", "none", EPS_MODES, None), Param("lag", 0, int, "count"), *_proj())


def adagrad_norm_step(t, T, w, g, sumsq, eta_t, c, eps, eps_mode, lag, projection, radius):
    gg = 0.0
    for i in range(len(w)):
        gg += g[i] * g[i]
    if lag == 0:
        sumsq[0] += gg
    den = denominator(sumsq[0], eps, eps_mode)
    eta_t[0] = inf
    if den > 0.0:
        eta_t[0] = c / den
        for i in range(len(w)):
            w[i] = w[i] - c * g[i] / den
    if lag != 0:
        sumsq[0] += gg
    project(w, projection, radius)


def adagrad_diag_step(t, T, w, g, s, c, eps, eps_mode, lag, projection, radius):
    for i in range(len(w)):
        gi2 = g[i] * g[i]
        if lag == 0:
            s[i] += gi2
        den = denominator(s[i], eps, eps_mode)
        if den > 0.0:
            w[i] = w[i] - c * g[i] / den
        if lag != 0:
            s[i] += gi2
    project(w, projection, radius)


def adaptive_sgd_ema_step(t, T, w, g, A, B, eta_t, c, eps, beta, corrected):
    gg = 0.0
    for i in range(len(w)):
        gg += g[i] * g[i]
    A[0] = beta * A[0] + gg
    if corrected:
        B[0] = max(max(B[0], eps * eps), t * A[0])
        den = sqrt(B[0])
    else:
        den = sqrt(eps * eps + A[0])
    eta_t[0] = inf
    if den > 0.0:
        eta_t[0] = c / den
        for i in range(len(w)):
            w[i] = w[i] - c * g[i] / den


def rmsprop_step(t, T, w, g, s, gamma, rho, eps, eps_mode):
    for i in range(len(w)):
        s[i] = rho * s[i] + (1.0 - rho) * g[i] * g[i]
        den = denominator(s[i], eps, eps_mode)
        if den > 0.0:
            w[i] = w[i] - gamma * g[i] / den


def adam_step(t, T, w, g, m, v, vmax, pw, eta, schedule, schedule_a, beta1, beta2, eps, eps_mode,
              momentum_sign, bias_correction1, bias_correction2, beta1_mode, beta1_decay, projection, radius,
              ams_mode, lam, wd_mode):
    if bias_correction1 and not (0.0 <= beta1 < 1.0):
        raise ValueError("bias correction needs 0 <= beta1 < 1")
    if bias_correction2 and not (0.0 <= beta2 < 1.0):
        raise ValueError("bias correction needs 0 <= beta2 < 1")
    eta_t = step_size(eta, schedule, schedule_a, t, T)
    b1 = beta1
    if beta1_mode == 1:
        b1 = beta1 * beta1_decay ** (t - 1)
    elif beta1_mode == 2:
        b1 = beta1 / t
    pw[0] = pw[0] * beta1
    pw[1] = pw[1] * beta2
    ibc1 = 1.0
    ibc2 = 1.0
    if bias_correction1:
        ibc1 = 1.0 / (1.0 - pw[0])
    if bias_correction2:
        ibc2 = 1.0 / (1.0 - pw[1])
    for i in range(len(w)):
        gi = g[i]
        if wd_mode == 1:
            gi = gi + lam * w[i]
        m[i] = b1 * m[i] + momentum_sign * (1.0 - b1) * gi
        vnew = beta2 * v[i] + (1.0 - beta2) * gi * gi
        if ams_mode == 2:
            vnew = max(vnew, v[i])
        v[i] = vnew
        vhat = v[i] * ibc2
        if ams_mode == 1:
            vmax[i] = max(vmax[i], v[i])
            vhat = vmax[i] * ibc2
        mhat = m[i] * ibc1
        if wd_mode == 2:
            mhat = mhat + lam * w[i]
        den = denominator(vhat, eps, eps_mode)
        step = 0.0
        if den > 0.0:
            step = eta_t * mhat / den
        if wd_mode == 3:
            w[i] = w[i] - step - eta_t * lam * w[i]
        else:
            w[i] = w[i] - step
    project(w, projection, radius)


def adamal_step(t, T, w, g, m, v, alpha, schedule, schedule_a, beta1, beta2, v_beta, eps, eps_mode,
                projection, radius):
    b = beta1
    if v_beta == 1:
        b = beta2
    a_t = step_size(alpha, schedule, schedule_a, t, T)
    for i in range(len(w)):
        m[i] = beta1 * m[i] + (1.0 - beta1) * g[i]
        ghat = max(g[i] * g[i], v[i])
        v[i] = b * v[i] + (1.0 - b) * ghat
        den = denominator(v[i], eps, eps_mode)
        if den > 0.0:
            w[i] = w[i] - a_t * m[i] / den
    project(w, projection, radius)


def sign_step(t, T, w, g, eta, schedule, schedule_a):
    eta_t = step_size(eta, schedule, schedule_a, t, T)
    for i in range(len(w)):
        if g[i] > 0.0:
            w[i] = w[i] - eta_t
        elif g[i] < 0.0:
            w[i] = w[i] + eta_t


def _adam_params(momentum_sign=REQUIRED, bc=True, eps_mode="none"):
    return (Param("eta", REQUIRED, float, "positive"), *_sched(), Param("beta1", 0.9, float, "[0,1]"),
            Param("beta2", 0.999, float, "[0,1]"), Param("eps", 0.0, float, "nonnegative"),
            Param("eps_mode", eps_mode, EPS_MODES, None), Param("momentum_sign", momentum_sign, float, "sign"),
            Param("bias_correction1", bc, bool, None), Param("bias_correction2", bc, bool, None),
            Param("beta1_mode", "constant", BETA1_MODES, None), Param("beta1_decay", 1.0, float, "[0,1]"),
            *_proj())


_ADAM_STATE = (State("m"), State("v"), State("vmax"), State("pw", 2, "one"))

UPDATES = (
    Update("adagrad_norm", _adagrad_params(), (State("sumsq", 1), State("eta_t", 1)), adagrad_norm_step,
           "000 Theorem 2 l.80; 003 Algorithm 7 l.1391, Algorithm 10 l.1679, l.1365",
           "AdaGrad-norm / adaptive SGD: w_{t+1} = Pi(w_t - c g_t / denom(sum_{i<=t} ||g_i||^2)); lag = 1 "
           "sums up to t - 1 (003 line 1365); eta_t: the step size c / denom of step t (inf when denom = 0)."),
    Update("adagrad_diag", _adagrad_params(), (State("s"),), adagrad_diag_step,
           "000 Theorem 3 l.91, l.51, l.73; 004 l.215",
           "Diagonal AdaGrad: w_{t+1}[i] = Pi(w_t[i] - c g_t[i] / denom(sum_{tau<=t} g_tau[i]^2))."),
    Update("adaptive_sgd_ema",
           (Param("c", REQUIRED, float, "positive"), Param("eps", 1e-4, float, "nonnegative"),
            Param("beta", REQUIRED, float, "[0,1]")),
           (State("A", 1), State("B", 1), State("eta_t", 1)), adaptive_sgd_ema_step, "003 Algorithm 8, line 1803",
           "A_t = beta A_{t-1} + ||g_t||^2, eta_t = c / sqrt(eps^2 + A_t) (003 line 1821: 'does not "
           "actually converge').", fixed={"corrected": False}),
    Update("adaptive_sgd_ema_corrected",
           (Param("c", REQUIRED, float, "positive"), Param("eps", 1e-4, float, "nonnegative"),
            Param("beta", REQUIRED, float, "[0,1]")),
           (State("A", 1), State("B", 1), State("eta_t", 1)), adaptive_sgd_ema_step, "003 Algorithm 9, line 1825",
           "A_t = beta A_{t-1} + ||g_t||^2, B_t = max(B_{t-1}, t A_t), B_0 = eps^2, eta_t = c / sqrt(B_t).",
           fixed={"corrected": True}),
    Update("rmsprop",
           (Param("gamma", REQUIRED, float, "positive"), Param("rho", 0.9, float, "[0,1]"),
            Param("eps", 1e-8, float, "nonnegative"), Param("eps_mode", "inside", EPS_MODES, None)),
           (State("s"),), rmsprop_step, "004 line 227",
           "s_t = rho s_{t-1} + (1-rho) g_t^2, theta_{t+1} = theta_t - gamma g_t / sqrt(s_t + eps); s_{-1} = 0."),
    Update("adam", _adam_params(), _ADAM_STATE, adam_step,
           "000 Alg. 1 l.195; 003 Alg. 12 l.2448; 002 l.322-365; 004 l.243, l.298",
           "m_t = b1 m_{t-1} + s (1-b1) g_t; v_t = b2 v_{t-1} + (1-b2) g_t^2; mhat = m_t/(1-b1^t), "
           "vhat = v_t/(1-b2^t); w_{t+1} = Pi(w_t - eta_t mhat / denom(vhat)).",
           fixed={"ams_mode": 0, "lam": 0.0, "wd_mode": 0}),
    Update("amsgrad", (*_adam_params(momentum_sign=1.0, bc=False),
                       Param("ams_mode", "reddi", {"reddi": 1, "feedback": 2}, None)),
           _ADAM_STATE, adam_step, "004 line 430 (Reddi et al. Alg. 2); 001 eq. (16), line 182",
           "Adam whose second-moment denominator never decreases (ams_mode 1: 004 line 432; 2: 001 line 182).",
           fixed={"lam": 0.0, "wd_mode": 0}),
    Update("adam_l2", (*_adam_params(momentum_sign=1.0, eps_mode="inside"), Param("lam", REQUIRED, float, "real"),
                       Param("l2_mode", "mhat", {"gradient": 1, "mhat": 2}, None)),
           _ADAM_STATE, adam_step, "004 lines 482-484",
           "Adam with L2: l2_mode 'gradient' adds lam theta to g (004 line 476), 'mhat' to mhat (line 484).",
           fixed={"ams_mode": 0}, aliases={"wd_mode": "l2_mode"}),
    Update("adamw", (*_adam_params(momentum_sign=1.0, eps_mode="inside"), Param("lam", REQUIRED, float, "real")),
           _ADAM_STATE, adam_step, "004 line 496",
           "AdamW: theta_{t+1} = (1 - gamma lam) theta_t - gamma D_t mhat_t.", fixed={"ams_mode": 0, "wd_mode": 3}),
    Update("adamal",
           (Param("alpha", REQUIRED, float, "positive"), *_sched(), Param("beta1", 0.9, float, "[0,1]"),
            Param("beta2", 0.999, float, "[0,1]"), Param("v_beta", "beta1", {"beta1": 0, "beta2": 1}, None),
            Param("eps", 0.0, float, "nonnegative"), Param("eps_mode", "none", EPS_MODES, None), *_proj()),
           (State("m"), State("v")), adamal_step, "001 Algorithm 1, line 212",
           "m_t = b1 m + (1-b1) g; ghat = max(g^2, v_{t-1}); v_t = b v + (1-b) ghat (b = beta1 as printed in "
           "line 7, beta2 as eq. (18)); x_{t+1} = P_X(x_t - alpha_t m_t / sqrt(v_t)), the sqrt(v)-weighted "
           "projection onto a box read as clipping."),
    Update("sign_sgd", (Param("eta", REQUIRED, float, "positive"), *_sched()), (), sign_step,
           "000 line 281; 003 line 2550", "w_{t+1}[i] = w_t[i] - eta_t g_t[i]/|g_t[i]| (0 if g_t[i] = 0)."),
)
