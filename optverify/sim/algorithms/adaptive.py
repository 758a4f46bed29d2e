"""Adaptive step sizes: AdaGrad (norm and diagonal), adaptive SGD with EMA, RMSProp,
the Adam family (Adam, AMSGrad, Adam + L2, AdamW), AdamAL and the sign update.

``kernels.py`` already holds AdaGrad-norm (000 Theorem 2), diagonal AdaGrad
(000 Theorem 3), Adam (000 Algorithm 1) and the sign update for the separable
family of ``problems.py``; they are re-exported here unchanged.  The kernels
below run the same printed updates on every family of ``families.py`` (and
with the further switches the other sources need); on the separable family
they reproduce the ``kernels.py`` results (tests/test_algorithms.py).

Switch codes shared by the Adam family:

* eps_mode: 0 no epsilon (000 Alg. 1, 003 Alg. 12), 1 sqrt(vhat + eps^2)
  (000 lines 51/195: A_0 = eps^2), 2 sqrt(vhat) + eps (004 line 298),
  3 sqrt(vhat + eps) (004 lines 215, 231, 248; 002 line 365);
* momentum_sign: -1 as printed in 000 line 195 (m_t = b1 m - (1-b1) g), +1 usual;
* beta1_mode: 0 constant, 1 beta1 * lam^(t-1), 2 beta1 / t (Reddi et al.'s
  beta_{1t}, 004 line 450); the bias correction 1 - beta1^t always uses the
  constant beta1 (Reddi's algorithm has no bias correction);
* ams_mode: 0 Adam; 1 vhat_t = max(vhat_{t-1}, v_t) kept apart from the EMA
  (004 line 432, Reddi et al. Alg. 2); 2 v_t = max(v_t, v_{t-1}) fed back into
  the EMA (001 eq. (16) and line 182);
* wd_mode: 0 none; 1 L2 added to the gradient before the moments ("Adam with
  L2", 004 line 463 carried to Adam); 2 lam theta added to mhat before the
  preconditioner (004 line 484 as printed); 3 decoupled weight decay, AdamW
  (004 line 496).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..kernels import (
    AdamConfig,
    adagrad_diag_box,
    adagrad_diag_box_trajectory,
    adagrad_norm_ball,
    adagrad_norm_ball_trajectory,
    adam as adam_separable,
    adam_trajectory as adam_separable_trajectory,
    mc_adagrad_diag_box,
    mc_adagrad_norm_ball,
    mc_adam as mc_adam_separable,
    mc_sign_update,
    sign_update,
    sign_update_trajectory,
)
from ..families import oracle
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import project, record, step_size

__all__ = [
    # re-exported from kernels.py (separable family)
    "AdamConfig",
    "adagrad_norm_ball",
    "adagrad_norm_ball_trajectory",
    "mc_adagrad_norm_ball",
    "adagrad_diag_box",
    "adagrad_diag_box_trajectory",
    "mc_adagrad_diag_box",
    "adam_separable",
    "adam_separable_trajectory",
    "mc_adam_separable",
    "sign_update",
    "sign_update_trajectory",
    "mc_sign_update",
    # every family
    "adagrad_norm",
    "adagrad_diag",
    "adaptive_sgd_ema",
    "adaptive_sgd_ema_corrected",
    "rmsprop",
    "adam",
    "amsgrad",
    "adam_l2",
    "adamw",
    "adamal",
    "sign_sgd",
    "denominator",
]


@njit(cache=True, inline="always")
def denominator(v, eps, eps_mode):
    """sqrt(v) with the epsilon placement ``eps_mode`` (0 none, 1 +eps^2 inside, 2 +eps outside, 3 +eps inside)."""
    if eps_mode == 0:
        return np.sqrt(v)
    if eps_mode == 1:
        return np.sqrt(v + eps * eps)
    if eps_mode == 2:
        return np.sqrt(v) + eps
    if eps_mode == 3:
        return np.sqrt(v + eps)
    raise ValueError("eps_mode must be 0, 1, 2 or 3")


# ------------------------------------------------------------------ AdaGrad


@njit(cache=True)
def adagrad_norm(P, w1, prm, grad_mode, T, seed, stream, W):
    """AdaGrad-norm / adaptive SGD: w_{t+1} = Pi(w_t - c g_t / denom(sum_{i<=t} ||g_i||^2)).

    prm = [c, eps, eps_mode, lag, projection, radius].  lag = 0 sums up to t
    (as printed), lag = 1 up to t - 1 (003 line 1365).  A zero denominator
    gives a zero step.  Printed in: 000 Theorem 2 (line 80: eps_mode 0, ball
    of radius D_2, c = sqrt(2) D_2); 003 Algorithm 7 (line 1391) and
    Algorithm 10 (line 1679): eps_mode 1, no projection; 003 line 1349.
    """
    c, eps, eps_mode, lag, proj, radius = prm[0], prm[1], int(prm[2]), int(prm[3]), int(prm[4]), prm[5]
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    sumsq = 0.0
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        gg = 0.0
        for i in range(d):
            gg += g[i] * g[i]
        if lag == 0:
            sumsq += gg
        den = denominator(sumsq, eps, eps_mode)
        if den > 0.0:
            for i in range(d):
                w[i] -= c * g[i] / den
        if lag != 0:
            sumsq += gg
        project(w, proj, radius)
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def adagrad_diag(P, w1, prm, grad_mode, T, seed, stream, W):
    """Diagonal AdaGrad: w_{t+1}[i] = Pi(w_t[i] - c g_t[i] / denom(sum_{tau<=t} g_tau[i]^2)).

    prm = [c, eps, eps_mode, lag, projection, radius].  Printed in: 000
    Theorem 3 (line 91: eps_mode 0, box of radius D_inf, c = sqrt(2) D_inf);
    000 lines 51, 73 (eps_mode 1); 004 line 215 (eps_mode 3, c = gamma).
    """
    c, eps, eps_mode, lag, proj, radius = prm[0], prm[1], int(prm[2]), int(prm[3]), int(prm[4]), prm[5]
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    s = np.zeros(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        for i in range(d):
            gi2 = g[i] * g[i]
            if lag == 0:
                s[i] += gi2
            den = denominator(s[i], eps, eps_mode)
            if den > 0.0:
                w[i] -= c * g[i] / den
            if lag != 0:
                s[i] += gi2
        project(w, proj, radius)
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def _ema_core(P, w1, c, eps, beta, corrected, grad_mode, T, seed, stream, W):
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    A = 0.0
    B = eps * eps
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        gg = 0.0
        for i in range(d):
            gg += g[i] * g[i]
        A = beta * A + gg
        if corrected:
            B = max(B, t * A)
            den = np.sqrt(B)
        else:
            den = np.sqrt(eps * eps + A)
        if den > 0.0:
            for i in range(d):
                w[i] -= c * g[i] / den
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def adaptive_sgd_ema(P, w1, prm, grad_mode, T, seed, stream, W):
    """003 Algorithm 8 (line 1803): A_t = beta A_{t-1} + ||g_t||^2, eta_t = c / sqrt(eps^2 + A_t).

    prm = [c, eps, beta].  (003 line 1821: "does not actually converge".)
    """
    return _ema_core(P, w1, prm[0], prm[1], prm[2], False, grad_mode, T, seed, stream, W)


@njit(cache=True)
def adaptive_sgd_ema_corrected(P, w1, prm, grad_mode, T, seed, stream, W):
    """003 Algorithm 9 (line 1825): A_t = beta A_{t-1} + ||g_t||^2, B_t = max(B_{t-1}, t A_t), B_0 = eps^2.

    eta_t = c / sqrt(B_t).  prm = [c, eps, beta].
    """
    return _ema_core(P, w1, prm[0], prm[1], prm[2], True, grad_mode, T, seed, stream, W)


# ------------------------------------------------------------------ Adam family


@njit(cache=True)
def _adam_core(P, w1, eta, sched, sched_a, beta1, b1_mode, b1_decay, beta2, eps, eps_mode,
               msign, bc1_on, bc2_on, ams_mode, lam, wd_mode, proj, radius,
               grad_mode, T, seed, stream, W):
    if bc1_on and not (0.0 <= beta1 < 1.0):
        raise ValueError("bias correction needs 0 <= beta1 < 1")
    if bc2_on and not (0.0 <= beta2 < 1.0):
        raise ValueError("bias correction needs 0 <= beta2 < 1")
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    m = np.zeros(d)
    v = np.zeros(d)
    vmax = np.zeros(d)
    S, acc = track_start(P, w1)
    b1t = 1.0
    b2t = 1.0
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        eta_t = step_size(eta, sched, sched_a, t, T)
        if b1_mode == 0:
            b1 = beta1
        elif b1_mode == 1:
            b1 = beta1 * b1_decay ** (t - 1)
        else:
            b1 = beta1 / t
        b1t *= beta1
        b2t *= beta2
        ibc1 = 1.0 / (1.0 - b1t) if bc1_on else 1.0
        ibc2 = 1.0 / (1.0 - b2t) if bc2_on else 1.0
        for i in range(d):
            gi = g[i]
            if wd_mode == 1:
                gi += lam * w[i]
            m[i] = b1 * m[i] + msign * (1.0 - b1) * gi
            vnew = beta2 * v[i] + (1.0 - beta2) * gi * gi
            if ams_mode == 2:
                vnew = max(vnew, v[i])
            v[i] = vnew
            vhat = v[i] * ibc2
            if ams_mode == 1:
                vmax[i] = max(vmax[i], vhat)
                vhat = vmax[i]
            mhat = m[i] * ibc1
            if wd_mode == 2:
                mhat += lam * w[i]
            den = denominator(vhat, eps, eps_mode)
            step = eta_t * mhat / den if den > 0.0 else 0.0
            if wd_mode == 3:
                w[i] = w[i] - step - eta_t * lam * w[i]
            else:
                w[i] = w[i] - step
        project(w, proj, radius)
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def adam(P, w1, prm, grad_mode, T, seed, stream, W):
    """Adam with the switches the sources disagree on.

    m_t = b1 m_{t-1} + s (1-b1) g_t;  v_t = b2 v_{t-1} + (1-b2) g_t^2;
    mhat = m_t/(1-b1^t), vhat = v_t/(1-b2^t) (each correction on/off);
    w_{t+1} = Pi(w_t - eta_t mhat / denom(vhat)).

    prm = [eta, schedule, schedule_a, beta1, beta2, eps, eps_mode,
    momentum_sign, bias_correction1, bias_correction2, beta1_mode,
    beta1_decay, projection, radius].  Printed in: 000 Algorithm 1 (line 195:
    s = -1, eps_mode 0, both corrections); 003 Algorithm 12 (line 2448: s =
    +1); 002 lines 322-365 (first moment named v, second m, eps_mode 3,
    gradient at w_{t-1}: the same recursion re-indexed); 004 line 243
    (eps_mode 3) and line 298 (eps_mode 2); Reddi's counterexample without
    corrections (004 line 390).  A zero denominator gives a zero step.
    """
    return _adam_core(P, w1, prm[0], int(prm[1]), prm[2], prm[3], int(prm[10]), prm[11], prm[4], prm[5],
                      int(prm[6]), prm[7], prm[8] != 0.0, prm[9] != 0.0, 0, 0.0, 0, int(prm[12]), prm[13],
                      grad_mode, T, seed, stream, W)


@njit(cache=True)
def amsgrad(P, w1, prm, grad_mode, T, seed, stream, W):
    """AMSGrad: Adam whose second-moment denominator never decreases.

    prm = Adam's 14 entries + [ams_mode]: ams_mode 1 is 004 line 432 /
    Reddi et al. Algorithm 2 (vhat_t = max(vhat_{t-1}, v_t), the EMA v kept),
    ams_mode 2 is 001 eq. (16) read as at line 182 (the maximum replaces v_t
    in the EMA).  Reddi's version: no bias corrections, eps_mode 0,
    alpha_t = alpha/sqrt(t), beta1_mode 1 (004 line 450).
    """
    return _adam_core(P, w1, prm[0], int(prm[1]), prm[2], prm[3], int(prm[10]), prm[11], prm[4], prm[5],
                      int(prm[6]), prm[7], prm[8] != 0.0, prm[9] != 0.0, int(prm[14]), 0.0, 0,
                      int(prm[12]), prm[13], grad_mode, T, seed, stream, W)


@njit(cache=True)
def adam_l2(P, w1, prm, grad_mode, T, seed, stream, W):
    """Adam with L2 regularisation, 004 lines 482-484.

    prm = Adam's 14 entries + [lam, l2_mode]: l2_mode 1 adds lam theta_t to
    the gradient before the moments (the "naive L2" as implemented by
    ``torch.optim.Adam(weight_decay=...)``, 004 line 476); l2_mode 2 is the
    display of line 484 as printed, theta_{t+1} = theta_t - gamma D_t (mhat_t
    + lam theta_t).
    """
    mode = int(prm[15])
    if mode != 1 and mode != 2:
        raise ValueError("l2_mode must be 1 (gradient) or 2 (mhat, as printed)")
    return _adam_core(P, w1, prm[0], int(prm[1]), prm[2], prm[3], int(prm[10]), prm[11], prm[4], prm[5],
                      int(prm[6]), prm[7], prm[8] != 0.0, prm[9] != 0.0, 0, prm[14], mode,
                      int(prm[12]), prm[13], grad_mode, T, seed, stream, W)


@njit(cache=True)
def adamw(P, w1, prm, grad_mode, T, seed, stream, W):
    """AdamW, 004 line 496: theta_{t+1} = (1 - gamma lam) theta_t - gamma D_t mhat_t.

    prm = Adam's 14 entries + [lam]; D_t = diag((vhat_t + eps)^(-1/2)) in 004
    line 481 (eps_mode 3).
    """
    return _adam_core(P, w1, prm[0], int(prm[1]), prm[2], prm[3], int(prm[10]), prm[11], prm[4], prm[5],
                      int(prm[6]), prm[7], prm[8] != 0.0, prm[9] != 0.0, 0, prm[14], 3,
                      int(prm[12]), prm[13], grad_mode, T, seed, stream, W)


@njit(cache=True)
def rmsprop(P, w1, prm, grad_mode, T, seed, stream, W):
    """RMSProp, 004 line 227: s_t = rho s_{t-1} + (1-rho) g_t^2, theta_{t+1} = theta_t - gamma g_t / sqrt(s_t + eps).

    prm = [gamma, rho, eps, eps_mode] (eps_mode 3 as printed).  s_{-1} = 0.
    """
    return _adam_core(P, w1, prm[0], 0, 0.0, 0.0, 0, 0.0, prm[1], prm[2], int(prm[3]), 1.0,
                      False, False, 0, 0.0, 0, 0, 0.0, grad_mode, T, seed, stream, W)


@njit(cache=True)
def adamal(P, w1, prm, grad_mode, T, seed, stream, W):
    """AdamAL, 001 Algorithm 1 (line 212), exactly as printed.

    m_t = b1 m_{t-1} + (1-b1) g_t;  ghat_t = max(g_t^2, v_{t-1});
    v_t = b v_{t-1} + (1-b) ghat_t;  x_{t+1} = P_X(x_t - alpha_t m_t / sqrt(v_t));
    m_0 = v_0 = 0, no bias correction, no epsilon as printed.

    prm = [alpha, schedule, schedule_a, beta1, beta2, v_beta, eps, eps_mode,
    projection, radius].  v_beta 0: b = beta1 as printed in line 7 of the
    algorithm; v_beta 1: b = beta2 as in eq. (18) (line 216).  The printed
    projection P_X^{-sqrt(v_t)} is read as the sqrt(v_t)-weighted projection,
    which on a box is coordinate clipping (``_common.project``).
    """
    alpha, sched, sched_a, beta1, beta2 = prm[0], int(prm[1]), prm[2], prm[3], prm[4]
    b = beta1 if prm[5] == 0.0 else beta2
    eps, eps_mode, proj, radius = prm[6], int(prm[7]), int(prm[8]), prm[9]
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    m = np.zeros(d)
    v = np.zeros(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        a_t = step_size(alpha, sched, sched_a, t, T)
        for i in range(d):
            m[i] = beta1 * m[i] + (1.0 - beta1) * g[i]
            ghat = max(g[i] * g[i], v[i])
            v[i] = b * v[i] + (1.0 - b) * ghat
            den = denominator(v[i], eps, eps_mode)
            if den > 0.0:
                w[i] -= a_t * m[i] / den
        project(w, proj, radius)
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def sign_sgd(P, w1, prm, grad_mode, T, seed, stream, W):
    """Sign update, 000 line 281 / 003 line 2550: w_{t+1}[i] = w_t[i] - eta_t g_t[i]/|g_t[i]| (0 if g_t[i] = 0).

    prm = [eta, schedule, schedule_a]: Adam with beta1 = beta2 = 0.
    """
    eta, sched, sched_a = prm[0], int(prm[1]), prm[2]
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        eta_t = step_size(eta, sched, sched_a, t, T)
        for i in range(d):
            if g[i] > 0.0:
                w[i] -= eta_t
            elif g[i] < 0.0:
                w[i] += eta_t
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
