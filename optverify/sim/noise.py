"""Noise models for stochastic gradients: standardised draws xi with E xi = 0, E xi^2 = 1.

A stochastic gradient of a population family is ``grad L(w) + sigma * xi``
with ``xi`` drawn here.  Every draw is a pure function of the counters

    (seed, substream(stream, k, m), t, i)

where ``t`` is the step, ``i`` the coordinate, ``k`` the index of the sample
within a step (minibatch member, worker) and ``m`` separates auxiliary draws
(the chi-square parts of a Student t, the Bernoulli of a sparse draw, the
index of a finite-sum sample, ...).  So two configurations run with the same
seed see the same noise at the same (t, k, i): common random numbers.

Codes (all unit variance, except Student t with nu <= 2 whose variance is
infinite and which is then left unscaled):

======================  ====  ==============================================
name                    code  xi
======================  ====  ==============================================
"gaussian"              0     N(0,1) from the block ziggurat (``blockrng``)
"rademacher"            1     +-1 (``blockrng.rademacher``)
"student_t"             3     t_nu * sqrt((nu-2)/nu), integer nu = param <= 64
"sparse"                4     0 w.p. 1-p, +-1/sqrt(p) w.p. p (p = param)
"one_sided"             5     Exp(1) - 1 (support [-1, inf), right tail)
"bounded"               6     uniform on [-sqrt(3), sqrt(3)]
"two_point"             7     sqrt((1-p)/p) w.p. p, -sqrt(p/(1-p)) w.p. 1-p
"none"                  8     0
======================  ====  ==============================================

"two_point" with small p has mean 0 but median < 0: the distribution of the
sign-update counterexample (notes 000, line 283).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from . import blockrng

__all__ = [
    "NOISE_CODES",
    "GAUSSIAN",
    "RADEMACHER",
    "STUDENT_T",
    "SPARSE",
    "ONE_SIDED",
    "BOUNDED",
    "TWO_POINT",
    "NONE",
    "substream",
    "fill_noise",
    "noise_code",
    "M_INDEX",
    "M_COORD",
    "M_DELAY",
    "M_PERM",
    "M_ONLINE",
]

GAUSSIAN = 0
RADEMACHER = 1
STUDENT_T = 3
SPARSE = 4
ONE_SIDED = 5
BOUNDED = 6
TWO_POINT = 7
NONE = 8

NOISE_CODES = {
    "gaussian": GAUSSIAN,
    "rademacher": RADEMACHER,
    "student_t": STUDENT_T,
    "sparse": SPARSE,
    "one_sided": ONE_SIDED,
    "bounded": BOUNDED,
    "two_point": TWO_POINT,
    "none": NONE,
}

# auxiliary-draw channels m of ``substream`` (m = 0 is the noise itself,
# m = 1..64 the chi-square parts of a Student t and the Bernoulli of "sparse")
M_INDEX = 1 << 20  # index of a finite-sum sample
M_COORD = M_INDEX + 1  # coordinate chosen by a Hogwild! worker
M_DELAY = M_INDEX + 2  # random staleness of a Hogwild! read
M_PERM = M_INDEX + 3  # shuffling permutation (SGD for ERM)
M_ONLINE = M_INDEX + 4  # randomness of an online sequence (1-hot stream)
MAX_DF = 64


def noise_code(name: str) -> int:
    if name not in NOISE_CODES:
        raise ValueError(f"unknown noise model {name!r}; one of {sorted(NOISE_CODES)}")
    return NOISE_CODES[name]


@njit(cache=True, inline="always")
def substream(stream, k, m):
    """Counter word for sample k (< 2^20) and auxiliary channel m (< 2^22) of ``stream`` (< 2^20).

    substream(stream, 0, 0) == stream, so a single-sample draw uses the plain
    (seed, stream, t, i) counters.
    """
    return np.int64(stream) + (np.int64(k) << 20) + (np.int64(m) << 40)


@njit(cache=True)
def fill_noise(code, param, seed, stream, t, k, out):
    """Write the standardised noise xi[i], i < len(out), of sample k at step t into ``out``."""
    n = out.shape[0]
    s0 = substream(stream, k, 0)
    if code == GAUSSIAN:
        blockrng.normal_block(seed, s0, t, out)
    elif code == RADEMACHER:
        for i in range(n):
            out[i] = blockrng.rademacher(seed, s0, t, i)
    elif code == STUDENT_T:
        nu = int(param)
        if nu < 1 or nu > MAX_DF:
            raise ValueError("student_t needs an integer nu in 1..64")
        scale = np.sqrt((nu - 2.0) / nu) if nu > 2 else 1.0
        blockrng.normal_block(seed, s0, t, out)
        for i in range(n):
            v = 0.0
            for j in range(nu):
                z = blockrng.normal_at(seed, substream(stream, k, 1 + j), t, i)
                v += z * z
            out[i] = scale * out[i] / np.sqrt(v / nu)
    elif code == SPARSE:
        p = param
        if not (0.0 < p <= 1.0):
            raise ValueError("sparse noise needs 0 < p <= 1")
        amp = 1.0 / np.sqrt(p)
        for i in range(n):
            if blockrng.uniform_at(seed, substream(stream, k, 1), t, i) < p:
                out[i] = amp * blockrng.rademacher(seed, s0, t, i)
            else:
                out[i] = 0.0
    elif code == ONE_SIDED:
        blockrng.uniform_block(seed, s0, t, out)
        for i in range(n):
            out[i] = -np.log(out[i]) - 1.0
    elif code == BOUNDED:
        blockrng.uniform_block(seed, s0, t, out)
        r3 = np.sqrt(3.0)
        for i in range(n):
            out[i] = r3 * (2.0 * out[i] - 1.0)
    elif code == TWO_POINT:
        p = param
        if not (0.0 < p < 1.0):
            raise ValueError("two_point noise needs 0 < p < 1")
        hi = np.sqrt((1.0 - p) / p)
        lo = -np.sqrt(p / (1.0 - p))
        blockrng.uniform_block(seed, s0, t, out)
        for i in range(n):
            out[i] = hi if out[i] < p else lo
    elif code == NONE:
        for i in range(n):
            out[i] = 0.0
    else:
        raise ValueError("unknown noise code")
    return out
