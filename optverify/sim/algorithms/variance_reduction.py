"""Hand-written kernel (see ``_common.py``) of variance reduction for finite sums: SVRG, 003 Algorithm 17 (line 3354)."""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import EXACT, grad, is_finite_sum, oracle
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record

__all__ = ["svrg"]


@njit(cache=True)
def svrg(P, w1, prm, grad_mode, T, seed, stream, W):
    """SVRG exactly as printed in 003 Algorithm 17 (line 3354).

    v_1 = w_1, mu_1 = grad L(v_1); for t = 1..T: sample z_t,
    g_t = grad l(w_t, z_t) - grad l(v_e, z_t) + grad L(v_e), w_{t+1} = w_t - eta g_t;
    when t = 0 mod N: e <- e + 1, v_e = 1/N sum_{i=t-N+1}^t w_i, recompute grad L(v_e).

    prm = [eta, N].  On a finite-sum family N = 0 means the data size n (the
    printed choice); on a population family N must be given and grad L is
    exact.  Both gradients of a step use the same key (seed, stream, t, 0), i.e.
    the same sample z_t.  The tracker records the estimator g_t.  With
    grad_mode EXACT every g_t = grad L(w_t) (plain GD), a useful sanity check.
    """
    eta = prm[0]
    N = int(prm[1])
    if N <= 0:
        if not is_finite_sum(P):
            raise ValueError("SVRG on a population family needs an epoch length N > 0")
        N = P.A.shape[0]
    d = w1.shape[0]
    w = w1.copy()
    v = w1.copy()
    mu = np.empty(d)
    grad(P, v, mu)
    gw = np.empty(d)
    gv = np.empty(d)
    g = np.empty(d)
    buf = np.empty(d)
    wsum = np.zeros(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, gw, buf)
        oracle(P, v, grad_mode, seed, stream, t, 0, gv, buf)
        for i in range(d):
            g[i] = gw[i] - gv[i] + mu[i]
        track_grad(P, S, acc, g, w)
        for i in range(d):
            wsum[i] += w[i]
            w[i] -= eta * g[i]
        if t % N == 0:
            for i in range(d):
                v[i] = wsum[i] / N
                wsum[i] = 0.0
            grad(P, v, mu)
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
