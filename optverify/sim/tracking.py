"""Streaming per-run statistics every (generated) algorithm kernel returns (no trajectory stored).

A kernel calls, for t = 1..T,

    track_point(P, S, acc, w_t, t, seed, stream)   # at the iterate w_t
    track_grad(P, S, acc, g_t, w_t)                  # the gradient estimate g_t it uses

and ``track_end(P, S, acc, w_{T+1}, T)`` once.  ``S`` (length NSTAT) then holds:

=================  ===========================================================
index              value
=================  ===========================================================
REGRET             stochastic: sum_{t=1}^T (L(w_t) - L*);
                   online: sum_t f_t(w_t) - min_{x in K} sum_t f_t(x)
AVG_REGRET         REGRET / T
FINAL_SUBOPT       L(w_{T+1}) - L*
MIN_SUBOPT         min_{1<=t<=T+1} L(w_t) - L*
AVG_ITER_SUBOPT    L(wbar_T) - L*,  wbar_T = 1/T sum_{t=1}^T w_t
MIN_GRAD_SQ        min_{1<=t<=T} ||grad L(w_t)||^2
AVG_GRAD_SQ        1/T sum_{t=1}^T ||grad L(w_t)||^2
FINAL_GRAD_SQ      ||grad L(w_{T+1})||^2
FINAL_DIST         ||w_{T+1} - w*||  (online: to the best fixed point in hindsight)
MAX_DIST           max_{1<=t<=T+1} ||w_t - w*||
SUM_G_SQ           sum_t ||g_t||^2
SUM_SQRT_COORD     sum_i sqrt(sum_t g_t[i]^2)
LIN_REGRET         sum_t <g_t, w_t - w*>  (online: against the best fixed point)
SUBOPT_W1          L(w_1) - L*  (Delta)
N_NONFINITE        number of steps t after which w_{t+1} had a non-finite entry
STEPS              T
=================  ===========================================================

Gradient statistics are NaN for online families (no L); L-statistics are NaN
for them too, FINAL_DIST and LIN_REGRET use the comparator.  ``acc`` is a
(5, d) work array: running sum of w_t, per-coordinate sum of g_t^2, sum of
a_t (online), sum of g_t (for LIN_REGRET of online runs), scratch.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .families import (
    DOMAIN_BALL,
    DOMAIN_BOX,
    FP_LSTAR,
    FP_RADIUS,
    IP_DOMAIN,
    dist_to_opt,
    grad,
    loss,
    online_vec,
)

__all__ = [
    "NSTAT",
    "STAT_NAMES",
    "REGRET",
    "AVG_REGRET",
    "FINAL_SUBOPT",
    "MIN_SUBOPT",
    "AVG_ITER_SUBOPT",
    "MIN_GRAD_SQ",
    "AVG_GRAD_SQ",
    "FINAL_GRAD_SQ",
    "FINAL_DIST",
    "MAX_DIST",
    "SUM_G_SQ",
    "SUM_SQRT_COORD",
    "LIN_REGRET",
    "SUBOPT_W1",
    "N_NONFINITE",
    "STEPS",
    "track_start",
    "track_point",
    "track_grad",
    "track_end",
    "check_finite",
    "comparator",
    "track_separable",
]

STAT_NAMES = (
    "regret", "avg_regret", "final_subopt", "min_subopt", "avg_iter_subopt",
    "min_grad_sq", "avg_grad_sq", "final_grad_sq", "final_dist", "max_dist",
    "sum_g_sq", "sum_sqrt_coord", "lin_regret", "subopt_w1", "n_nonfinite", "steps",
)
NSTAT = len(STAT_NAMES)
(REGRET, AVG_REGRET, FINAL_SUBOPT, MIN_SUBOPT, AVG_ITER_SUBOPT, MIN_GRAD_SQ, AVG_GRAD_SQ,
 FINAL_GRAD_SQ, FINAL_DIST, MAX_DIST, SUM_G_SQ, SUM_SQRT_COORD, LIN_REGRET, SUBOPT_W1,
 N_NONFINITE, STEPS) = range(NSTAT)

_WSUM, _GSQ, _ASUM, _GSUM, _SCR = 0, 1, 2, 3, 4


@njit(cache=True)
def track_start(P, w1):
    """Fresh (S, acc) for a run from w1."""
    d = w1.shape[0]
    S = np.zeros(NSTAT)
    S[MIN_SUBOPT] = np.inf
    S[MIN_GRAD_SQ] = np.inf
    S[MAX_DIST] = -np.inf
    if P.kind >= 10:
        for j in (FINAL_SUBOPT, MIN_SUBOPT, AVG_ITER_SUBOPT, MIN_GRAD_SQ, AVG_GRAD_SQ,
                  FINAL_GRAD_SQ, MAX_DIST, SUBOPT_W1):
            S[j] = np.nan
    else:
        S[SUBOPT_W1] = loss(P, w1) - P.fp[FP_LSTAR]
    return S, np.zeros((5, d))


@njit(cache=True, inline="always")
def _at_point(P, acc, w):
    """(L(w) − L*, ‖∇L(w)‖², ‖w − w*‖) of a stochastic family (acc's scratch row holds the gradient)."""
    g = grad(P, w, acc[_SCR])
    gg = 0.0
    for i in range(w.shape[0]):
        gg += g[i] * g[i]
    return loss(P, w) - P.fp[FP_LSTAR], gg, dist_to_opt(P, w)


@njit(cache=True, inline="always")
def _account_point(S, sub, gg, dist):
    """The statistics of the iterate w_t from its L(w_t) − L*, ‖∇L(w_t)‖² and ‖w_t − w*‖."""
    S[REGRET] += sub
    if sub < S[MIN_SUBOPT]:
        S[MIN_SUBOPT] = sub
    S[AVG_GRAD_SQ] += gg
    if gg < S[MIN_GRAD_SQ]:
        S[MIN_GRAD_SQ] = gg
    if dist > S[MAX_DIST]:
        S[MAX_DIST] = dist


@njit(cache=True)
def track_point(P, S, acc, w, t, seed, stream):
    """Account for the iterate w_t (before the step that uses it)."""
    d = w.shape[0]
    for i in range(d):
        acc[_WSUM, i] += w[i]
    if P.kind >= 10:
        a = online_vec(P, w, t, seed, stream, acc[_SCR])
        f = 0.0
        for i in range(d):
            f += a[i] * w[i]
            acc[_ASUM, i] += a[i]
        S[REGRET] += f
        return
    sub, gg, dist = _at_point(P, acc, w)
    _account_point(S, sub, gg, dist)


@njit(cache=True)
def track_grad(P, S, acc, g, w):
    """Account for the gradient estimate g_t used at the point w_t."""
    d = g.shape[0]
    gg = 0.0
    lin = 0.0
    online = P.kind >= 10
    for i in range(d):
        gg += g[i] * g[i]
        acc[_GSQ, i] += g[i] * g[i]
        if online:
            lin += g[i] * w[i]
            acc[_GSUM, i] += g[i]
        else:
            lin += g[i] * (w[i] - P.wstar[i])
    S[SUM_G_SQ] += gg
    S[LIN_REGRET] += lin


@njit(cache=True, inline="always")
def track_separable(h, k, ws, sig, lstar, noisy, w, g, xi, S, acc):
    """track_point + oracle + track_grad of a SEPARABLE family fused in one pass over the coordinates.

    Writes g = grad L(w) (+ sigma * xi when ``noisy``) and accounts for w_t and g_t exactly as the three
    calls do (same expressions, same summation order: the generic and the fused kernels agree bit for
    bit; tests/test_engine.py).  It reads the family's arrays, not the Problem tuple, so a step does no
    reference counting on shared arrays.
    """
    d = w.shape[0]
    sub = 0.0
    gg = 0.0
    dist = 0.0
    gsq = 0.0
    lin = 0.0
    for i in range(d):
        wi = w[i]
        acc[_WSUM, i] += wi
        r = wi - ws[i]
        sub += 0.5 * h[i] * r * r + k[i] * abs(r)
        gi = h[i] * r
        if r > 0.0:
            gi += k[i]
        elif r < 0.0:
            gi -= k[i]
        gg += gi * gi
        dist += r * r
        if noisy:
            gi += sig[i] * xi[i]
        g[i] = gi
        gi2 = gi * gi
        gsq += gi2
        acc[_GSQ, i] += gi2
        lin += gi * r
    _account_point(S, sub - lstar, gg, np.sqrt(dist))
    S[SUM_G_SQ] += gsq
    S[LIN_REGRET] += lin


@njit(cache=True, inline="always")
def check_finite(S, w):
    """Count a step whose result w_{t+1} has a non-finite entry; returns True if all finite."""
    for i in range(w.shape[0]):
        if not np.isfinite(w[i]):
            S[N_NONFINITE] += 1.0
            return False
    return True


@njit(cache=True)
def comparator(P, a_sum, out):
    """argmin_{x in K} <a_sum, x> for the online domain K of P (box or ball of radius R)."""
    R = P.fp[FP_RADIUS]
    d = a_sum.shape[0]
    if P.ip[IP_DOMAIN] == DOMAIN_BOX:
        for i in range(d):
            out[i] = -R if a_sum[i] > 0.0 else (R if a_sum[i] < 0.0 else 0.0)
    elif P.ip[IP_DOMAIN] == DOMAIN_BALL:
        nrm = 0.0
        for i in range(d):
            nrm += a_sum[i] * a_sum[i]
        nrm = np.sqrt(nrm)
        for i in range(d):
            out[i] = -R * a_sum[i] / nrm if nrm > 0.0 else 0.0
    else:
        raise ValueError("online family without a bounded domain")
    return out


@njit(cache=True)
def track_end(P, S, acc, w, T):
    """Finish after T steps with the last iterate w = w_{T+1}."""
    d = w.shape[0]
    S[STEPS] = T
    if P.kind >= 10:
        xs = comparator(P, acc[_ASUM], acc[_SCR].copy())
        best = 0.0
        lin_off = 0.0
        dist = 0.0
        for i in range(d):
            best += acc[_ASUM, i] * xs[i]
            lin_off += acc[_GSUM, i] * xs[i]
            dist += (w[i] - xs[i]) ** 2
        S[REGRET] -= best
        S[LIN_REGRET] -= lin_off
        S[FINAL_DIST] = np.sqrt(dist)
    else:
        sub, gg, dist = _at_point(P, acc, w)
        S[FINAL_SUBOPT] = sub
        if sub < S[MIN_SUBOPT]:
            S[MIN_SUBOPT] = sub
        S[FINAL_GRAD_SQ] = gg
        S[FINAL_DIST] = dist
        if dist > S[MAX_DIST]:
            S[MAX_DIST] = dist
        wbar = acc[_SCR]
        for i in range(d):
            wbar[i] = acc[_WSUM, i] / T if T > 0 else w[i]
        S[AVG_ITER_SUBOPT] = loss(P, wbar) - P.fp[FP_LSTAR]
        S[AVG_GRAD_SQ] = S[AVG_GRAD_SQ] / T if T > 0 else np.nan
    S[AVG_REGRET] = S[REGRET] / T if T > 0 else np.nan
    sq = 0.0
    for i in range(d):
        sq += np.sqrt(acc[_GSQ, i])
    S[SUM_SQRT_COORD] = sq
    if T == 0 and P.kind < 10:
        S[MIN_GRAD_SQ] = np.nan
