"""What a generated kernel links against: the family oracle, the streaming trackers, the
per-chunk Welford accumulators and the counter-based seeds (one import line per generated module)."""

from __future__ import annotations

import numpy as np
from numba import njit

from ..blockrng import block_key, normal_block, normal_block_keyed, seed_for
from ..families import EXACT, FP_LSTAR, SEPARABLE, oracle
from ..mc_common import merge_chunks, new_chunks, push_chunk
from ..noise import GAUSSIAN, NONE
from ..tracking import NSTAT, check_finite, track_end, track_grad, track_point, track_separable, track_start

__all__ = ["EXACT", "FP_LSTAR", "NSTAT", "check_finite", "merge_chunks", "new_chunks", "no_record", "oracle", "push_chunk",
           "record", "seed_for", "track_end", "track_grad", "track_point", "track_start", "fused_separable",
           "normal_block", "track_separable", "block_key", "normal_block_keyed"]


@njit(cache=True)
def fused_separable(P, grad_mode):
    """(fast, noisy): the fused one-pass path applies (a SEPARABLE family with Gaussian or no noise), with noise."""
    if P.kind != SEPARABLE:
        return False, False
    if grad_mode == EXACT or P.noise == NONE:
        return True, False
    return P.noise == GAUSSIAN, P.noise == GAUSSIAN


@njit(cache=True)
def no_record(d):
    """A (0, d) trajectory buffer: record nothing."""
    return np.empty((0, d), dtype=np.float64)


@njit(cache=True, inline="always")
def record(W, t, w):
    """Store w_t as row t-1 of W when W has rows."""
    if W.shape[0] > 0:
        W[t - 1, :] = w
