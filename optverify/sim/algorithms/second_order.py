"""Hand-written kernel (see ``_common.py``) of the cubic-regularised Newton step, 003 section 25 (lines 3827 and 3861).

    w_{t+1} = w_t + delta*_t,
    delta*_t = argmin_delta <grad L(w_t), delta> + delta' grad^2 L(w_t) delta / 2 + J ||delta||^3 / 6

(003 line 3857 prints grad^2 L(w) without the index t; read as w_t.)  The
subproblem is solved globally through the eigendecomposition of the Hessian
(Nesterov & Polyak 2006): delta = -(H + J r/2 I)^{-1} g with r = ||delta|| the
root of ||(H + J r/2 I)^{-1} g|| = r on r > max(0, -2 lambda_min / J), found
by bisection; in the "hard case" (g orthogonal to the bottom eigenspace) the
missing length is added along a bottom eigenvector.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import grad, hessian, is_online
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record

__all__ = ["cubic_newton", "cubic_step", "cubic_model"]


@njit(cache=True)
def cubic_model(g, H, J, delta):
    """<g, delta> + delta' H delta / 2 + J ||delta||^3 / 6."""
    lin = 0.0
    quad = 0.0
    nrm = 0.0
    d = g.shape[0]
    for i in range(d):
        lin += g[i] * delta[i]
        nrm += delta[i] * delta[i]
        acc = 0.0
        for j in range(d):
            acc += H[i, j] * delta[j]
        quad += delta[i] * acc
    nrm = np.sqrt(nrm)
    return lin + 0.5 * quad + J * nrm * nrm * nrm / 6.0


@njit(cache=True, inline="always")
def _phi(lam, gam, J, r):
    s = 0.0
    for i in range(lam.shape[0]):
        den = lam[i] + 0.5 * J * r
        if den <= 0.0:
            if gam[i] != 0.0:
                return np.inf
            continue
        s += (gam[i] / den) ** 2
    return np.sqrt(s)


@njit(cache=True)
def cubic_step(g, H, J):
    """Global minimiser delta* of the cubic model (J > 0); H symmetric."""
    if not J > 0.0:
        raise ValueError("J must be > 0")
    d = g.shape[0]
    lam, Q = np.linalg.eigh(H)
    gam = Q.T @ g
    lmin = lam[0]
    r0 = max(0.0, -2.0 * lmin / J)
    scale = 1.0
    for i in range(d):
        scale = max(scale, abs(lam[i]))
    # hard case: phi stays <= r0 as r -> r0+
    r_probe = r0 * (1.0 + 1e-13) + 1e-300
    hard = r0 > 0.0 and _phi(lam, gam, J, r_probe) <= r0
    if hard:
        r = r0
    else:
        lo = r0
        hi = r0 + 1.0
        while _phi(lam, gam, J, hi) > hi:
            hi = r0 + 2.0 * (hi - r0)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if mid == lo or mid == hi:
                break
            if _phi(lam, gam, J, mid) > mid:
                lo = mid
            else:
                hi = mid
        r = hi
    y = np.zeros(d)
    for i in range(d):
        den = lam[i] + 0.5 * J * r
        if den > 1e-15 * scale:
            y[i] = -gam[i] / den
    if hard:
        s = 0.0
        for i in range(d):
            s += y[i] * y[i]
        y[0] += np.sqrt(max(r * r - s, 0.0))
    return Q @ y


@njit(cache=True)
def cubic_newton(P, w1, prm, grad_mode, T, seed, stream, W):
    """Cubic-regularised Newton (003 lines 3827, 3861) with exact gradients and Hessians.

    prm = [J].  ``grad_mode`` is ignored; the tracker records grad L(w_t).
    """
    if is_online(P):
        raise ValueError("cubic_newton needs a family with a Hessian")
    J = prm[0]
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    H = np.empty((d, d))
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        grad(P, w, g)
        track_grad(P, S, acc, g, w)
        hessian(P, w, H)
        delta = cubic_step(g, H, J)
        for i in range(d):
            w[i] += delta[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
