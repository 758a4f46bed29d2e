"""Counter-based random numbers for numba kernels.

Every random number is a pure function of a few integers::

    uniform(seed, stream, t, i)   # seed, stream, step t, coordinate i

so two algorithm configurations run with the same ``seed`` see exactly the
same noise at step ``t`` and coordinate ``i`` (common random numbers), runs are
deterministic, and Monte Carlo loops can be parallelised over seeds without any
shared generator state.

The hash absorbs the four words one at a time, each followed by the
splitmix64 finaliser (Steele, Lea & Flood 2014), which is a bijection on
uint64 with good avalanche.  Different kinds of draws (uniform / normal /
rademacher / categorical) are separated by xor-ing a fixed "domain tag" into
the hash before a final mix, so e.g. ``normal(s, 0, t, i)`` is not a function
of ``uniform(s, 0, t, i)`` in any simple way.

All functions are ``@njit`` and can also be called from plain Python (the
numba dispatcher compiles them on first use).  Integers arrive as int64 (or
uint64) and are reinterpreted as uint64 inside.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "uniform",
    "normal",
    "rademacher",
    "categorical_index",
    "seed_for",
    "uniform_array",
    "normal_array",
]

_GAMMA = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio increment of splitmix64
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S11 = np.uint64(11)
_S63 = np.uint64(63)
_S1 = np.uint64(1)

# domain tags: distinct odd constants so each kind of draw uses its own hash
_TAG_UNIFORM = np.uint64(0x0000000000000000)
_TAG_NORMAL_1 = np.uint64(0xA0761D6478BD642F)
_TAG_NORMAL_2 = np.uint64(0xE7037ED1A0B428DB)
_TAG_RADEMACHER = np.uint64(0x8EBC6AF09C88C6E3)
_TAG_CATEGORICAL = np.uint64(0x589965CC75374CC3)
_TAG_SEED = np.uint64(0x1D8E4E27C47D124F)

_INV_2_53 = 1.0 / 9007199254740992.0  # 2**-53
_TWO_PI = 2.0 * np.pi


@njit(cache=True, inline="always")
def _mix(z):
    """splitmix64 finaliser: z -> z' (a bijection on uint64)."""
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


@njit(cache=True, inline="always")
def _hash4(seed, stream, t, i):
    """Hash four integers to one uint64 (sequential absorb + finalise)."""
    h = _mix(np.uint64(seed) + _GAMMA)
    h = _mix(h ^ (np.uint64(stream) + _GAMMA))
    h = _mix(h ^ (np.uint64(t) + _GAMMA))
    h = _mix(h ^ (np.uint64(i) + _GAMMA))
    return h


@njit(cache=True, inline="always")
def _to_unit(h):
    """Top 53 bits of h mapped to the open interval (0, 1): (k + 1/2) 2^-53."""
    return (np.float64(h >> _S11) + 0.5) * _INV_2_53


@njit(cache=True)
def uniform(seed, stream, t, i):
    """U(0,1) draw for counter (seed, stream, t, i); never exactly 0 or 1.

    Resolution 2^-53: the value is (k + 1/2) / 2^53 for an integer k.
    """
    return _to_unit(_mix(_hash4(seed, stream, t, i) ^ _TAG_UNIFORM))


@njit(cache=True)
def normal(seed, stream, t, i):
    """N(0,1) draw for counter (seed, stream, t, i) by Box-Muller.

    The two uniforms are derived from the counter hash with two different
    domain tags; only the cosine branch is used (one normal per counter).
    """
    h = _hash4(seed, stream, t, i)
    u1 = _to_unit(_mix(h ^ _TAG_NORMAL_1))
    u2 = _to_unit(_mix(h ^ _TAG_NORMAL_2))
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(_TWO_PI * u2)


@njit(cache=True)
def rademacher(seed, stream, t, i):
    """Uniform random sign, returned as the float +1.0 or -1.0."""
    h = _mix(_hash4(seed, stream, t, i) ^ _TAG_RADEMACHER)
    if (h >> _S63) == _S1:
        return 1.0
    return -1.0


@njit(cache=True)
def categorical_index(seed, stream, t, probs_cumsum):
    """Index j with probability p_j, given ``probs_cumsum = cumsum(p)``.

    Returns the smallest j with u < probs_cumsum[j] for u ~ U(0, 1) drawn from
    the counter (seed, stream, t) with its own domain tag.  The last entry is
    treated as exactly 1 (guards against cumsum rounding to 1 - 1e-16).
    """
    u = _to_unit(_mix(_hash4(seed, stream, t, 0) ^ _TAG_CATEGORICAL))
    n = probs_cumsum.shape[0]
    for j in range(n - 1):
        if u < probs_cumsum[j]:
            return j
    return n - 1


@njit(cache=True)
def seed_for(base_seed, s):
    """Per-replicate seed for replicate ``s`` of a Monte Carlo run.

    A hash of (base_seed, s) reduced to [0, 2^63) so it is an ordinary int64.
    """
    h = _mix(_mix(np.uint64(base_seed) + _GAMMA) ^ _TAG_SEED ^ np.uint64(s))
    return np.int64(h >> _S1)


@njit(cache=True)
def uniform_array(seed, stream, t, n):
    """Array [uniform(seed, stream, t, i) for i in range(n)]."""
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        out[i] = uniform(seed, stream, t, i)
    return out


@njit(cache=True)
def normal_array(seed, stream, t, n):
    """Array [normal(seed, stream, t, i) for i in range(n)]."""
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        out[i] = normal(seed, stream, t, i)
    return out
