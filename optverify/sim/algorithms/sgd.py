"""Minibatch and shuffled ERM SGD (hand-written kernels; plain / projected SGD is declared in sim/updates/sgd.py).

Every kernel follows the convention of ``_common.py``.  The gradient g_t
recorded by the tracker is the one the update uses (for minibatch SGD the
minibatch average).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import EXACT, component_grad, is_finite_sum, oracle
from ..noise import M_PERM, substream
from ..blockrng import uniform
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record, step_size

__all__ = [
    "minibatch_sgd",
    "sgd_erm_shuffle",
]


@njit(cache=True)
def minibatch_sgd(P, w1, prm, grad_mode, T, seed, stream, W):
    """Minibatch SGD, 003 Algorithm 6 (line 1126): g_t = 1/B sum_{i=1}^B grad l(w_t, z_{t,i}).

    prm = [eta, schedule, schedule_a, B]; sample i of step t uses key
    (seed, stream, t, k = i - 1), so batch sizes B < B' share their first B
    samples (common random numbers across batch sizes).
    """
    eta, sched, sched_a, B = prm[0], int(prm[1]), prm[2], int(prm[3])
    if B < 1:
        raise ValueError("batch size B must be >= 1")
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    gi = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        for i in range(d):
            g[i] = 0.0
        for k in range(B):
            oracle(P, w, grad_mode, seed, stream, t, k, gi, buf)
            for i in range(d):
                g[i] += gi[i]
        for i in range(d):
            g[i] /= B
        track_grad(P, S, acc, g, w)
        eta_t = step_size(eta, sched, sched_a, t, T)
        for i in range(d):
            w[i] -= eta_t * g[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def permutation(n, seed, stream, epoch):
    """Fisher-Yates permutation of 0..n-1 drawn from the counters (seed, stream, epoch)."""
    perm = np.arange(n)
    for i in range(n - 1, 0, -1):
        j = int(uniform(seed, substream(stream, 0, M_PERM), epoch, i) * (i + 1))
        if j > i:
            j = i
        tmp = perm[i]
        perm[i] = perm[j]
        perm[j] = tmp
    return perm


@njit(cache=True)
def sgd_erm_shuffle(P, w1, prm, grad_mode, T, seed, stream, W):
    """SGD for ERM with shuffling, 003 Algorithm 3 (line 385), on a finite-sum family.

    prm = [eta, reshuffle]: epoch e passes over the data in the order pi_e
    (pi_1 = dataset order; pi_{e+1} = a fresh random permutation drawn from
    (seed, stream, e) when reshuffle = 1, the same order otherwise: "Optionally
    shuffle the dataset into a new random order").  T need not be a multiple
    of N (the last epoch is partial).  ``grad_mode`` is ignored.
    """
    if not is_finite_sum(P):
        raise ValueError("sgd_erm_shuffle needs a finite-sum family")
    eta, reshuffle = prm[0], prm[1] != 0.0
    d = w1.shape[0]
    n = P.A.shape[0]
    w = w1.copy()
    g = np.empty(d)
    S, acc = track_start(P, w1)
    order = np.arange(n)
    t = 1
    e = 1
    while t <= T:
        for pos in range(n):
            if t > T:
                break
            record(W, t, w)
            track_point(P, S, acc, w, t, seed, stream)
            component_grad(P, w, order[pos], g)
            track_grad(P, S, acc, g, w)
            for i in range(d):
                w[i] -= eta * g[i]
            check_finite(S, w)
            t += 1
        if reshuffle:
            order = permutation(n, seed, stream, e)
        e += 1
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
