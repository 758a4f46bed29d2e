"""Counter-based *block* generator: a whole noise vector per (seed, stream, t).

``rng.py`` hashes all four counters for every single draw (six splitmix64
rounds plus Box-Muller's log and cos per normal).  Here the three leading
counters are hashed once per block, and element ``i`` of the block is

    h_i = mix(base + (i + 1) * GAMMA),   base = hash(seed, stream, t)

(one splitmix64 round per element, i.e. splitmix64's own output stream
started at ``base``).  Normals come from a 256-layer ziggurat (Marsaglia &
Tsang 2000) driven by ``h_i``: the fast path (about 99 % of draws) uses the
low 8 bits of ``h_i`` for the layer and its top 53 bits for the abscissa; the
rare wedge / tail draws take further uniforms from ``mix(h_i ^ k * TAG)``,
k = 1, 2, ...  So

* element i of a block is a pure function of (seed, stream, t, i) and does
  not depend on the block length: configurations run with the same counters
  see the same noise (common random numbers) whatever their dimension;
* the hash (splitmix64 finaliser, Steele, Lea & Flood 2014, absorbing the
  words one at a time) also gives single draws keyed by all four counters:
  ``uniform(seed, stream, t, i)``, ``rademacher``, ``categorical_index`` (each
  kind of draw with its own domain tag) and the per-replicate ``seed_for``.

This is the one noise generator of the simulations.

The ziggurat is exact (not an approximation): layers of equal area v under
f(x) = exp(-x^2/2), base layer = rectangle [0, r] x [0, f(r)] plus the tail
x > r sampled by Marsaglia's exponential method.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit


__all__ = [
    "uniform",
    "rademacher",
    "categorical_index",
    "seed_for",
    "uniform_array",
    "ZIG_R",
    "ZIG_V",
    "block_base",
    "uniform_at",
    "normal_at",
    "normal_block",
    "uniform_block",
    "block_key",
    "normal_block_keyed",
    "normal_keyed_at",
]

_GAMMA = np.uint64(0x9E3779B97F4A7C15)
_TAG_RETRY = np.uint64(0xD1B54A32D192ED03)
_S11 = np.uint64(11)
_MASK8 = np.uint64(0xFF)
_INV_2_53 = 1.0 / 9007199254740992.0

# ---------------------------------------------------------------- keyed single draws

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S63 = np.uint64(63)
_S1 = np.uint64(1)

# domain tags: distinct odd constants so each kind of draw uses its own hash
_TAG_UNIFORM = np.uint64(0x0000000000000000)
_TAG_RADEMACHER = np.uint64(0x8EBC6AF09C88C6E3)
_TAG_CATEGORICAL = np.uint64(0x589965CC75374CC3)
_TAG_SEED = np.uint64(0x1D8E4E27C47D124F)



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
    """Top 53 bits of h mapped to the open interval (0, 1): (k + 1/2) 2^-53.

    k < 2^53 converts exactly through int64 (one instruction; uint64 to float64 takes several on x86-64)."""
    return (np.float64(np.int64(h >> _S11)) + 0.5) * _INV_2_53


@njit(cache=True)
def uniform(seed, stream, t, i):
    """U(0,1) draw for counter (seed, stream, t, i); never exactly 0 or 1.

    Resolution 2^-53: the value is (k + 1/2) / 2^53 for an integer k.
    """
    return _to_unit(_mix(_hash4(seed, stream, t, i) ^ _TAG_UNIFORM))



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


# ---------------------------------------------------------------- blocks

# 256-layer ziggurat constants (Marsaglia & Tsang 2000, double-precision table)
ZIG_R = 3.6541528853610088
ZIG_V = 0.00492867323399


def _ziggurat_tables(n: int = 256, r: float = ZIG_R, v: float = ZIG_V):
    """x[0..n] (x[0] = v/f(r) the base width, x[1] = r, x[n] = 0) and f(x)."""
    f = lambda x: math.exp(-0.5 * x * x)  # noqa: E731
    x = np.zeros(n + 1)
    x[0] = v / f(r)
    x[1] = r
    for i in range(1, n - 1):
        x[i + 1] = math.sqrt(-2.0 * math.log(v / x[i] + f(x[i])))
    x[n] = 0.0
    fx = np.exp(-0.5 * x * x)
    return x, fx


_ZX, _ZF = _ziggurat_tables()


@njit(cache=True)
def block_base(seed, stream, t):
    """The per-block hash of (seed, stream, t); element i uses mix(base + (i+1) GAMMA)."""
    return _hash4(seed, stream, t, np.uint64(0))


@njit(cache=True, inline="always")
def block_key(seed, stream):
    """The part of ``block_base`` that depends on (seed, stream) only: a run computes it once, and each step's
    block then costs two hash rounds instead of four (``normal_block_keyed``; the same numbers bit for bit)."""
    return _mix(_mix(np.uint64(seed) + _GAMMA) ^ (np.uint64(stream) + _GAMMA))


@njit(cache=True, inline="always")
def _base_keyed(key, t):
    """``block_base(seed, stream, t)`` from ``key = block_key(seed, stream)`` (the last two rounds of _hash4)."""
    return _mix(_mix(key ^ (np.uint64(t) + _GAMMA)) ^ (np.uint64(0) + _GAMMA))


@njit(cache=True, inline="always")
def _elem(base, i):
    return _mix(base + (np.uint64(i) + np.uint64(1)) * _GAMMA)


@njit(cache=True, inline="always")
def _retry(h, k):
    return _mix(h ^ (np.uint64(k) * _TAG_RETRY))


@njit(cache=True)
def _zig_from_hash(h, zx, zf):
    """Standard normal from the 64-bit word h (ziggurat; retries re-mix h)."""
    k = 0
    hh = h
    while True:
        layer = np.int64(hh & _MASK8)
        u = 2.0 * _to_unit(hh) - 1.0  # (-1, 1): carries the sign
        x = u * zx[layer]
        if abs(x) < zx[layer + 1]:
            return x
        if layer == 0:
            # tail |x| > r: Marsaglia (1964) exponential rejection
            while True:
                k += 1
                a = -np.log(_to_unit(_retry(h, k))) / ZIG_R
                k += 1
                b = -np.log(_to_unit(_retry(h, k)))
                if 2.0 * b > a * a:
                    return ZIG_R + a if u > 0.0 else -(ZIG_R + a)
        # wedge between layer boundaries
        k += 1
        y = zf[layer] + _to_unit(_retry(h, k)) * (zf[layer + 1] - zf[layer])
        if y < np.exp(-0.5 * x * x):
            return x
        k += 1
        hh = _retry(h, k)


@njit(cache=True, inline="always")
def _zig(h, zx, zf):
    """``_zig_from_hash(h, ...)``: its first, accepting test (about 99 % of draws) inline, the rest by the call
    (which repeats that test on the same h and goes on: the same number)."""
    layer = np.int64(h & _MASK8)
    x = (2.0 * _to_unit(h) - 1.0) * zx[layer]
    if abs(x) < zx[layer + 1]:
        return x
    return _zig_from_hash(h, zx, zf)


@njit(cache=True)
def normal_at(seed, stream, t, i):
    """Element i of ``normal_block(seed, stream, t, ...)`` (N(0,1))."""
    return _zig_from_hash(_elem(block_base(seed, stream, t), i), _ZX, _ZF)


@njit(cache=True)
def uniform_at(seed, stream, t, i):
    """Element i of ``uniform_block(seed, stream, t, ...)`` (U(0,1), open interval)."""
    return _to_unit(_elem(block_base(seed, stream, t), i))


@njit(cache=True)
def normal_block(seed, stream, t, out):
    """Fill ``out[i] = normal_at(seed, stream, t, i)`` for i < len(out); returns out."""
    return normal_block_keyed(block_key(seed, stream), t, out)


@njit(cache=True, inline="always")
def normal_block_keyed(key, t, out):
    """``normal_block(seed, stream, t, out)`` from ``key = block_key(seed, stream)``, inline in its caller."""
    base = _base_keyed(key, t)
    for i in range(out.shape[0]):
        out[i] = _zig(_elem(base, i), _ZX, _ZF)
    return out


@njit(cache=True, inline="always")
def normal_keyed_at(key, t, i):
    """Element i of ``normal_block_keyed(key, t, ...)`` alone (a seed-batched driver's draw at d = 1)."""
    return _zig(_elem(_base_keyed(key, t), i), _ZX, _ZF)


@njit(cache=True)
def uniform_block(seed, stream, t, out):
    """Fill ``out[i] = uniform_at(seed, stream, t, i)``; returns out."""
    base = block_base(seed, stream, t)
    for i in range(out.shape[0]):
        out[i] = _to_unit(_elem(base, i))
    return out
