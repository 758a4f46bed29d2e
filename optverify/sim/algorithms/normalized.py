"""Hand-written kernels (see ``_common.py``) of the normalized updates: normalized SGD with momentum and with variance-reduced momentum
(003 section 24), LARS and LAMB (003 section 24.2).

A zero direction (||m_t|| = 0) gives a zero step (0/0 read as 0).  LARS and
LAMB take the parameter blocks ("layers") as boundaries in ``prm``:
[..., nblocks, b_0 = 0, b_1, ..., b_nblocks = d]; nblocks = 0 means one block.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..families import oracle
from ..tracking import check_finite, track_end, track_grad, track_point, track_start
from ._common import record

__all__ = ["normalized_sgd_momentum", "normalized_sgd_vr_momentum", "lars", "lamb", "blocks_from_prm"]


@njit(cache=True)
def _normalized_core(P, w1, eta, alpha, vr, grad_mode, T, seed, stream, W):
    d = w1.shape[0]
    w = w1.copy()
    wprev = w1.copy()
    m = np.zeros(d)
    g = np.empty(d)
    gprev = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        if t == 1:
            for i in range(d):
                m[i] = g[i]
        elif vr:
            # same sample z_t at w_{t-1}: same key (seed, stream, t, 0)
            oracle(P, wprev, grad_mode, seed, stream, t, 0, gprev, buf)
            for i in range(d):
                m[i] = (1.0 - alpha) * (m[i] + g[i] - gprev[i]) + alpha * g[i]
        else:
            for i in range(d):
                m[i] = (1.0 - alpha) * m[i] + alpha * g[i]
        nrm = 0.0
        for i in range(d):
            nrm += m[i] * m[i]
        nrm = np.sqrt(nrm)
        for i in range(d):
            wprev[i] = w[i]
        if nrm > 0.0:
            for i in range(d):
                w[i] -= eta * m[i] / nrm
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def normalized_sgd_momentum(P, w1, prm, grad_mode, T, seed, stream, W):
    """Normalized gradient descent with momentum, 003 line 3436.

    m_1 = grad l(w_1, z_1); m_t = (1 - alpha) m_{t-1} + alpha grad l(w_t, z_t);
    w_{t+1} = w_t - eta m_t / ||m_t||.  prm = [eta, alpha].
    """
    return _normalized_core(P, w1, prm[0], prm[1], False, grad_mode, T, seed, stream, W)


@njit(cache=True)
def normalized_sgd_vr_momentum(P, w1, prm, grad_mode, T, seed, stream, W):
    """Normalized gradient descent with variance-reduced momentum, 003 line 3600.

    m_t = (1 - alpha)(m_{t-1} + grad l(w_t, z_t) - grad l(w_{t-1}, z_t)) + alpha grad l(w_t, z_t);
    w_{t+1} = w_t - eta m_t / ||m_t||.  prm = [eta, alpha].
    """
    return _normalized_core(P, w1, prm[0], prm[1], True, grad_mode, T, seed, stream, W)


@njit(cache=True)
def blocks_from_prm(prm, start, d):
    """Block boundaries [0, b_1, ..., d] read from prm[start] = nblocks and what follows."""
    nb = int(prm[start])
    if nb <= 0:
        out = np.empty(2, dtype=np.int64)
        out[0] = 0
        out[1] = d
        return out
    out = np.empty(nb + 1, dtype=np.int64)
    for j in range(nb + 1):
        out[j] = int(prm[start + 1 + j])
    if out[0] != 0 or out[nb] != d:
        raise ValueError("block boundaries must start at 0 and end at d")
    for j in range(nb):
        if out[j + 1] <= out[j]:
            raise ValueError("block boundaries must increase")
    return out


@njit(cache=True, inline="always")
def _block_norm(v, lo, hi):
    s = 0.0
    for i in range(lo, hi):
        s += v[i] * v[i]
    return np.sqrt(s)


@njit(cache=True)
def lars(P, w1, prm, grad_mode, T, seed, stream, W):
    """LARS, 003 line 3714: (W_i)_{t+1} = (W_i)_t - eta ||(W_i)_t|| G_i / ||G_i||, per block i.

    prm = [eta, nblocks, boundaries...].  A block with ||W_i|| = 0 or
    ||G_i|| = 0 does not move (so LARS started at 0 never moves).
    """
    eta = prm[0]
    d = w1.shape[0]
    bl = blocks_from_prm(prm, 1, d)
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        for j in range(bl.shape[0] - 1):
            lo, hi = bl[j], bl[j + 1]
            wn = _block_norm(w, lo, hi)
            gn = _block_norm(g, lo, hi)
            if wn > 0.0 and gn > 0.0:
                for i in range(lo, hi):
                    w[i] -= eta * wn * g[i] / gn
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w


@njit(cache=True)
def lamb(P, w1, prm, grad_mode, T, seed, stream, W):
    """LAMB, 003 lines 3720 and 3724, per block i (M_1 = V_1 = 0).

    variant 0 (momentum form, line 3720):
        M_{t+1} = beta M_t + (1 - beta) G_t;  W_{t+1} = W_t - eta ||W_t|| M_t / ||M_t||
      (M_t as printed, i.e. the momentum *before* this step's gradient; new_m = 1 uses M_{t+1});
    variant 1 (Adam form, line 3724):
        M_{t+1} = beta1 M_t + (1 - beta1) G_t;  V_{t+1} = beta2 V_t + (1 - beta2) G_t^2;
        D_{t+1} = M_{t+1} / denom(V_{t+1});  W_{t+1} = W_t - eta ||W_t|| D_{t+1} / ||D_{t+1}||
      (printed with one beta for both moments: beta2 = beta1 reproduces it; eps_mode 0 as printed).
    prm = [eta, beta1, beta2, variant, new_m, eps, eps_mode, nblocks, boundaries...].
    """
    eta, beta1, beta2, variant, new_m, eps, eps_mode = (prm[0], prm[1], prm[2], int(prm[3]),
                                                         prm[4] != 0.0, prm[5], int(prm[6]))
    d = w1.shape[0]
    bl = blocks_from_prm(prm, 7, d)
    w = w1.copy()
    g = np.empty(d)
    buf = np.empty(d)
    M = np.zeros(d)
    V = np.zeros(d)
    D = np.empty(d)
    S, acc = track_start(P, w1)
    for t in range(1, T + 1):
        record(W, t, w)
        track_point(P, S, acc, w, t, seed, stream)
        oracle(P, w, grad_mode, seed, stream, t, 0, g, buf)
        track_grad(P, S, acc, g, w)
        if variant == 0:
            for i in range(d):
                Mn = beta1 * M[i] + (1.0 - beta1) * g[i]
                D[i] = Mn if new_m else M[i]
                M[i] = Mn
        else:
            for i in range(d):
                M[i] = beta1 * M[i] + (1.0 - beta1) * g[i]
                V[i] = beta2 * V[i] + (1.0 - beta2) * g[i] * g[i]
                if eps_mode == 0:
                    den = np.sqrt(V[i])
                elif eps_mode == 1:
                    den = np.sqrt(V[i] + eps * eps)
                elif eps_mode == 2:
                    den = np.sqrt(V[i]) + eps
                else:
                    den = np.sqrt(V[i] + eps)
                D[i] = M[i] / den if den > 0.0 else 0.0
        for j in range(bl.shape[0] - 1):
            lo, hi = bl[j], bl[j + 1]
            wn = _block_norm(w, lo, hi)
            dn = _block_norm(D, lo, hi)
            if wn > 0.0 and dn > 0.0:
                for i in range(lo, hi):
                    w[i] -= eta * wn * D[i] / dn
        check_finite(S, w)
    record(W, T + 1, w)
    track_end(P, S, acc, w, T)
    return S, w
