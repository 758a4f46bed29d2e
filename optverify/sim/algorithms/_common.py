"""Shared pieces of the algorithm kernels: calling convention, projections, step-size schedules.

Calling convention of every kernel in this package::

    stats, w_final = kernel(P, w1, prm, grad_mode, T, seed, stream, W)

* ``P``: a ``families.Problem``; ``w1``: float64 start point (length d);
* ``prm``: float64 parameter vector, layout per kernel (built by the
  algorithm's config class in ``algorithms/__init__.py``; flags are stored as
  0.0 / 1.0 and codes as small integers);
* ``grad_mode``: ``families.EXACT`` (0) or ``families.STOCHASTIC`` (1);
* ``T``: number of steps; ``seed``, ``stream``: the noise counters (step t
  uses key (seed, stream, t, k), so every configuration run with the same
  seed sees the same noise: common random numbers);
* ``W``: trajectory buffer, shape (T+1, d) to record w_1..w_{T+1} (row t-1 =
  w_t) or shape (0, d) (``no_record(d)``) to record nothing.

Returns ``stats`` (length ``tracking.NSTAT``, see ``tracking.py``) and
``w_final`` = w_{T+1}.  No defaults anywhere (numba would compile one
specialisation per omitted-argument pattern): pass ints as int, floats as float.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "PROJ_NONE",
    "PROJ_BOX",
    "PROJ_BALL",
    "PROJECTIONS",
    "SCHED_CONSTANT",
    "SCHED_INV_T",
    "SCHED_INV_SQRT_T",
    "SCHED_COSINE",
    "SCHED_WARMUP",
    "SCHEDULES",
    "no_record",
    "record",
    "project",
    "step_size",
]

PROJ_NONE, PROJ_BOX, PROJ_BALL = 0, 1, 2
PROJECTIONS = {"none": PROJ_NONE, "box": PROJ_BOX, "ball": PROJ_BALL}

SCHED_CONSTANT, SCHED_INV_T, SCHED_INV_SQRT_T, SCHED_COSINE, SCHED_WARMUP = 0, 1, 2, 3, 4
SCHEDULES = {
    "constant": SCHED_CONSTANT,  # eta_t = eta                                  (003 Alg 2)
    "inv_t": SCHED_INV_T,  # eta_t = eta / t          (003 Thm 22.1: eta = 1/mu)
    "inv_sqrt_t": SCHED_INV_SQRT_T,  # eta_t = eta / sqrt(t)   (003 line 1084; Reddi's alpha/sqrt(t))
    "cosine": SCHED_COSINE,  # eta_min + (eta - eta_min)(1 + cos(t pi / T))/2   (003 line 1213)
    "warmup": SCHED_WARMUP,  # t eta / T_w for t <= T_w, then eta sqrt(T_w / t)     (003 line 1229)
}


@njit(cache=True)
def no_record(d):
    """A (0, d) trajectory buffer: record nothing."""
    return np.empty((0, d), dtype=np.float64)


@njit(cache=True, inline="always")
def record(W, t, w):
    """Store w_t as row t-1 of W when W has rows."""
    if W.shape[0] > 0:
        W[t - 1, :] = w


@njit(cache=True)
def project(w, proj, radius):
    """In place: Euclidean projection onto {|w_i| <= R} (PROJ_BOX) or {||w||_2 <= R} (PROJ_BALL).

    For the diagonal weighted projections of AMSGrad / AdamAL onto a box the
    weighted and the Euclidean projections coincide (coordinate clipping).
    """
    if proj == PROJ_BOX:
        for i in range(w.shape[0]):
            if w[i] > radius:
                w[i] = radius
            elif w[i] < -radius:
                w[i] = -radius
    elif proj == PROJ_BALL:
        nrm = 0.0
        for i in range(w.shape[0]):
            nrm += w[i] * w[i]
        nrm = np.sqrt(nrm)
        if nrm > radius:
            s = radius / nrm
            for i in range(w.shape[0]):
                w[i] *= s
    return w


@njit(cache=True)
def step_size(eta, sched, a, t, T):
    """eta_t of schedule ``sched`` (see SCHEDULES); ``a`` = eta_min (cosine) or T_w (warmup)."""
    if sched == SCHED_CONSTANT:
        return eta
    if sched == SCHED_INV_T:
        return eta / t
    if sched == SCHED_INV_SQRT_T:
        return eta / np.sqrt(t)
    if sched == SCHED_COSINE:
        return a + 0.5 * (eta - a) * (1.0 + np.cos(np.pi * t / T))
    if sched == SCHED_WARMUP:
        if t <= a:
            return t * eta / a
        return eta * np.sqrt(a / t)
    raise ValueError("unknown step-size schedule")
