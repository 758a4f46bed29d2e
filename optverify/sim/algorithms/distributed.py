"""Data-parallel SGD: parallel minibatch SGD (003 Algorithm 13) and Hogwild! with a
delay model (003 Algorithms 14 and 15).

The machine is simulated, not used: asynchrony enters through the staleness
k(t) of the iterate a gradient is evaluated at (003 line 2651), drawn from a
delay model, so runs are deterministic and share noise across configurations.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import oracle
from ..noise import M_COORD, M_DELAY, substream
from ..blockrng import uniform
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record

__all__ = ["parallel_minibatch_sgd", "hogwild", "DELAY_FIXED", "DELAY_UNIFORM"]

DELAY_FIXED = 0
DELAY_UNIFORM = 1


@njit(cache=True)
def parallel_minibatch_sgd(P, w1, prm, grad_mode, T, seed, stream, W):
    """Parallel minibatch SGD, 003 Algorithm 13 (line 2579).

    Processor i = 0..M-1 sums g_{t,i} = sum_{j=iB/M}^{(i+1)B/M-1} grad l(w_t, z_{t,j});
    after all finish, g_t = 1/B sum_i g_{t,i} and w_{t+1} = w_t - eta g_t.
    prm = [eta, B, M] with M dividing B; sample j of step t uses key
    (seed, stream, t, j), the same samples as ``minibatch_sgd`` with batch B
    (only the order of summation differs).
    """
    eta, B, M = prm[0], int(prm[1]), int(prm[2])
    if B < 1 or M < 1 or B % M != 0:
        raise ValueError("need B >= 1, M >= 1 and M dividing B")
    d = w1.shape[0]
    w = w1.copy()
    g = np.empty(d)
    gp = np.empty(d)
    gj = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    per = B // M
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        for i in range(d):
            g[i] = 0.0
        for p in range(M):
            for i in range(d):
                gp[i] = 0.0
            for j in range(p * per, (p + 1) * per):
                oracle(P, w, grad_mode, seed, stream, t, j, gj, buf)
                for i in range(d):
                    gp[i] += gj[i]
            for i in range(d):
                g[i] += gp[i]
        for i in range(d):
            g[i] /= B
        track_grad(P, S, acc, g, w)
        for i in range(d):
            w[i] -= eta * g[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def hogwild(P, w1, prm, grad_mode, T, seed, stream, W):
    """Hogwild! SGD under a delay model (003 Algorithms 14, 15; analysis lines 2650-2680).

    Update t (t = 1..T, counted over all workers) uses a gradient evaluated at
    the stale iterate w_{k(t)}, t - k(t) <= tau:
      coordinate = 1 (Algorithm 15, line 2633): j(t) uniform on 0..d-1,
          w_{t+1}[j] = w_t[j] - eta * scale * grad l(w_{k(t)}, z_t)[j];
      coordinate = 0 (Algorithm 14, line 2608, with a consistent stale read):
          w_{t+1} = w_t - eta grad l(w_{k(t)}, z_t).
    scale = 1 as printed in Algorithm 15, scale = d as in the proof (line 2667,
    "w_{t+1}[j(t)] = w_t[j(t)] - eta d grad l(...)[j(t)]").
    prm = [eta, tau, delay_model, coordinate, scale_by_d]; delay_model 0:
    k(t) = max(1, t - tau); 1: t - k(t) uniform on 0..min(tau, t - 1).
    """
    eta, tau, model, coord, by_d = prm[0], int(prm[1]), int(prm[2]), prm[3] != 0.0, prm[4] != 0.0
    if tau < 0:
        raise ValueError("tau must be >= 0")
    d = w1.shape[0]
    scale = float(d) if by_d else 1.0
    hist = np.empty((tau + 1, d))
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        hist[t % (tau + 1), :] = w
        if model == DELAY_FIXED:
            lag = min(tau, t - 1)
        else:
            lag = int(uniform(seed, substream(stream, 0, M_DELAY), t, 0) * (min(tau, t - 1) + 1))
            if lag > min(tau, t - 1):
                lag = min(tau, t - 1)
        k = t - lag
        oracle(P, hist[k % (tau + 1)], grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        if coord:
            j = int(uniform(seed, substream(stream, 0, M_COORD), t, 0) * d)
            if j >= d:
                j = d - 1
            w[j] -= eta * scale * g[j]
        else:
            for i in range(d):
                w[i] -= eta * g[i]
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
