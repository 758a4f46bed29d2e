"""What a generated kernel links against: the family oracle, the streaming trackers, the
per-chunk Welford accumulators and the counter-based seeds (one import line per generated module).

Also the numba binding of the step language's oracle words (``updates/vocabulary.py``): in a
generated kernel a step's ``problem`` is the tuple ``(P, grad_mode, seed, stream, buf)`` built by
the kernel (the family's arrays, the run's gradient mode and noise counters, a length-d
workspace), and ``grad_at``, ``exact_grad``, ... unpack it and call the family's oracle.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..blockrng import block_key, normal_block, normal_block_keyed, seed_for, uniform
from ..families import COORDINATE, EXACT, FP_LSTAR, SEPARABLE, component_grad, grad, hessian, is_finite_sum, oracle
from ..mc_common import merge_chunks, new_chunks, push_chunk
from ..noise import GAUSSIAN, M_COORD, M_DELAY, M_PERM, NONE, substream
from ..tracking import NSTAT, check_finite, track_end, track_grad, track_point, track_separable, track_start

__all__ = ["EXACT", "FP_LSTAR", "NSTAT", "check_finite", "merge_chunks", "new_chunks", "no_record", "no_tail", "oracle", "push_chunk",
           "seed_for", "tail_add", "track_end", "track_grad", "track_point", "track_start", "fused_separable",
           "normal_block", "track_separable", "block_key", "normal_block_keyed", "grad_at", "exact_grad",
           "sample_grad", "hessian_at", "sample_count", "draw_uniform", "eigh", "block_bounds", "M_COORD", "M_DELAY",
           "M_PERM"]


@njit(cache=True)
def fused_separable(P, grad_mode):
    """(fast, noisy): the fused one-pass path applies (a SEPARABLE family with Gaussian or no noise), with noise."""
    if P.kind != SEPARABLE or grad_mode == COORDINATE:
        return False, False
    if grad_mode == EXACT or P.noise == NONE:
        return True, False
    return P.noise == GAUSSIAN, P.noise == GAUSSIAN


@njit(cache=True)
def tail_add(Z, o, x):
    """Z[o : o + x.size] += x (flattened); the next offset."""
    f = x.ravel()
    for i in range(f.size):
        Z[o + i] += f[i]
    return o + f.size


@njit(cache=True)
def no_tail():
    """A (0, 0) window buffer: sum nothing."""
    return np.empty((0, 0), dtype=np.float64)


@njit(cache=True)
def no_record(d):
    """A (0, d) trajectory buffer: record nothing."""
    return np.empty((0, d), dtype=np.float64)


# ---------------------------------------------------------------- the oracle words, bound to the family


@njit(cache=True, inline="always")
def grad_at(problem, x, t, k, out):
    oracle(problem[0], x, problem[1], problem[2], problem[3], t, k, out, problem[4])


@njit(cache=True, inline="always")
def exact_grad(problem, x, out):
    grad(problem[0], x, out)


@njit(cache=True, inline="always")
def sample_grad(problem, x, j, out):
    component_grad(problem[0], x, j, out)


@njit(cache=True, inline="always")
def hessian_at(problem, x, H):
    hessian(problem[0], x, H)


@njit(cache=True)
def sample_count(problem):
    return problem[0].A.shape[0] if is_finite_sum(problem[0]) else 0


@njit(cache=True, inline="always")
def draw_uniform(problem, m, t, i):
    return uniform(problem[2], substream(problem[3], 0, m), t, i)


@njit(cache=True)
def eigh(H, lam, Q):
    el, ev = np.linalg.eigh(H)
    lam[:] = el
    Q[:, :] = ev


@njit(cache=True)
def block_bounds(prm, d):
    """Block boundaries [0, b_1, ..., d] of a "blocks" parameter packed as [nblocks, b_0, ..., b_nblocks]
    (nblocks = 0: one block)."""
    nb = int(prm[0])
    if nb <= 0:
        out = np.empty(2, dtype=np.int64)
        out[0] = 0
        out[1] = d
        return out
    out = np.empty(nb + 1, dtype=np.int64)
    for j in range(nb + 1):
        out[j] = int(prm[1 + j])
    if out[0] != 0 or out[nb] != d:
        raise ValueError("block boundaries must start at 0 and end at d")
    for j in range(nb):
        if out[j + 1] <= out[j]:
            raise ValueError("block boundaries must increase")
    return out
