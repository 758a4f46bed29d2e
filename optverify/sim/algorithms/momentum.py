"""Momentum methods with hand-written kernels: gradient descent with momentum (003 Algorithm 10)
and accelerated GD (003 Algorithm 11).  (Heavy ball, Nesterov, SGD with momentum in the alpha form
(003 Algorithm 16) and the other printed momentum forms are declared in sim/updates/momentum.py.)

The tracker records the iterates w_t and the gradient each step evaluates
(at w_t, or at the look-ahead point for Nesterov-type steps: the vector the
update uses).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import oracle
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record

__all__ = [
    "gd_momentum",
    "accelerated_gd",
    "alpha_sequence",
]


@njit(cache=True)
def alpha_sequence(T):
    """alpha_0..alpha_{T+1} of 003 Algorithm 11: alpha_0 = 0, alpha_1 = 1,
    alpha_{t+1} = (1 + sqrt(1 + 4 sum_{i<=t} alpha_i)) / 2 (the root > 1 of
    alpha^2 - alpha = sum_{i<=t} alpha_i)."""
    a = np.zeros(T + 2)
    a[1] = 1.0
    s = 1.0
    for t in range(1, T + 1):
        a[t + 1] = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * s))
        s += a[t + 1]
    return a


@njit(cache=True)
def gd_momentum(P, w1, prm, grad_mode, T, seed, stream, W):
    """Gradient descent with momentum, 003 Algorithm 10 (line 2003), with the printed sign switch.

    v_0 = 0; two-step integrator: w_{t+1/2} = w_t + s beta_t v_{t-1} and
    g_t = grad L(w_{t+1/2}), else g_t = grad L(w_t); v_t = beta_t v_{t-1} - eta g_t;
    w_{t+1} = w_t + s v_t.

    prm = [eta, beta, two_step, update_sign, beta_schedule].  update_sign s =
    -1 is the algorithm as printed (w_{t+1} = w_t - v_t, w_{t+1/2} = w_t -
    v_{t-1/2}; with v_t = beta v - eta g this steps *up* the gradient), s = +1
    the form derived at line 2151.  beta_schedule 0: beta_t = beta; 1:
    Algorithm 11's beta_1 = 0, beta_t = alpha_{t-2}^2 / (alpha_t alpha_{t-1})
    (line 2149).
    """
    eta, beta, two_step, s_up, sched = prm[0], prm[1], prm[2] != 0.0, prm[3], int(prm[4])
    d = w1.shape[0]
    w = w1.copy()
    v = np.zeros(d)
    x = np.empty(d)
    g = np.empty(d)
    buf = np.empty(d)
    al = alpha_sequence(T)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        if sched == 0:
            b = beta
        else:
            b = 0.0 if t == 1 else al[t - 2] ** 2 / (al[t] * al[t - 1])
        if two_step:
            for i in range(d):
                x[i] = w[i] + s_up * b * v[i]
        else:
            for i in range(d):
                x[i] = w[i]
        oracle(P, x, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        for i in range(d):
            v[i] = b * v[i] - eta * g[i]
            w[i] += s_up * v[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def accelerated_gd(P, w1, prm, grad_mode, T, seed, stream, W):
    """Accelerated gradient descent via momentum, 003 Algorithm 11 (line 2083).

    y_1 = w_1; tau_t = alpha_t / sum_{i<=t} alpha_i; x_t = (1 - tau_t) w_t + tau_t y_t;
    g_t = alpha_t grad L(x_t); y_{t+1} = y_t - eta g_t; w_{t+1} = x_t - eta grad L(x_t).
    prm = [eta].  The tracker sees the iterates w_t (Theorem 15.2 bounds
    L(w_{T+1})) and records grad L(x_t).
    """
    eta = prm[0]
    d = w1.shape[0]
    w = w1.copy()
    y = w1.copy()
    x = np.empty(d)
    gx = np.empty(d)
    buf = np.empty(d)
    al = alpha_sequence(T)
    S, acc = track_start(P, w1)
    ssum = 0.0
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        ssum += al[t]
        tau = al[t] / ssum
        for i in range(d):
            x[i] = (1.0 - tau) * w[i] + tau * y[i]
        oracle(P, x, grad_mode, seed, stream, t, 0, gx, buf)
        track_grad(P, S, acc, gx, w)
        for i in range(d):
            y[i] -= eta * al[t] * gx[i]
            w[i] = x[i] - eta * gx[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
