"""Welford accumulators for the streaming Monte Carlo drivers (``engine/codegen.py``'s DRIVERS_TEMPLATE).

A chunk c holds count / mean / M2 / min / max of every statistic over the
seeds it ran (NaN values skipped) and the sum of their final iterates;
``merge_chunks`` combines chunks in order with Chan et al.'s pairwise formula.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .tracking import NSTAT

__all__ = ["new_chunks", "push_chunk", "merge_chunks"]


@njit(cache=True)
def new_chunks(nch, d):
    cnt = np.zeros((nch, NSTAT))
    mu = np.zeros((nch, NSTAT))
    m2 = np.zeros((nch, NSTAT))
    mn = np.full((nch, NSTAT), np.inf)
    mx = np.full((nch, NSTAT), -np.inf)
    wsum = np.zeros((nch, d))
    return cnt, mu, m2, mn, mx, wsum


@njit(cache=True)
def push_chunk(cnt, mu, m2, mn, mx, wsum, c, st, w):
    """Welford update of chunk c with one replicate's statistics st and final iterate w."""
    for j in range(st.shape[0]):
        x = st[j]
        if np.isnan(x):
            continue
        cnt[c, j] += 1.0
        delta = x - mu[c, j]
        mu[c, j] += delta / cnt[c, j]
        m2[c, j] += delta * (x - mu[c, j])
        if x < mn[c, j]:
            mn[c, j] = x
        if x > mx[c, j]:
            mx[c, j] = x
    for i in range(w.shape[0]):
        wsum[c, i] += w[i]


@njit(cache=True)
def merge_chunks(cnt, mu, m2, mn, mx, wsum, seeds):
    """(count, mean, M2, min, max) per statistic over all chunks, and the mean final iterate."""
    nch, nstat = cnt.shape
    d = wsum.shape[1]
    n = np.zeros(nstat)
    mean = np.zeros(nstat)
    M2 = np.zeros(nstat)
    lo = np.full(nstat, np.inf)
    hi = np.full(nstat, -np.inf)
    wmean = np.zeros(d)
    for c in range(nch):
        for j in range(nstat):
            nb = cnt[c, j]
            if nb == 0.0:
                continue
            na = n[j]
            tot = na + nb
            delta = mu[c, j] - mean[j]
            mean[j] += delta * (nb / tot)
            M2[j] += m2[c, j] + delta * delta * (na * nb / tot)
            n[j] = tot
            lo[j] = min(lo[j], mn[c, j])
            hi[j] = max(hi[j], mx[c, j])
        for i in range(d):
            wmean[i] += wsum[c, i]
    for i in range(d):
        wmean[i] /= seeds
    return n, mean, M2, lo, hi, wmean
