"""The words every printed update's step may use besides sqrt, cos, pi, inf: written once, in the step language.

The step language is plain Python that both backends run from the same text
(``optverify.sim.engine``): numba compiles it (``math.sqrt`` ...) and the
reference interpreter executes it on lists of mpmath numbers.  So a step may
only use: scalar arithmetic, comparisons, ``if``, ``for i in range(len(w))``,
indexing, ``max`` / ``min`` / ``abs`` / ``int``, the names ``sqrt``, ``cos``,
``pi``, ``inf`` and the functions of this module.  Numeric literals must be
exact binary fractions (0.5, 1.0), never 0.1.
"""

from __future__ import annotations

from math import cos, inf, pi, sqrt  # noqa: F401  (the float binding of the step language)

# codes of the switches (the parameter schemas map names to these)
PROJ_NONE, PROJ_BOX, PROJ_BALL = 0, 1, 2
PROJECTIONS = {"none": PROJ_NONE, "box": PROJ_BOX, "ball": PROJ_BALL}
SCHEDULES = {
    "constant": 0,  # eta_t = eta                                  (003 Alg 2)
    "inv_t": 1,  # eta_t = eta / t          (003 Thm 22.1: eta = 1/mu)
    "inv_sqrt_t": 2,  # eta_t = eta / sqrt(t)   (003 line 1084; Reddi's alpha/sqrt(t))
    "cosine": 3,  # eta_min + (eta - eta_min)(1 + cos(t pi / T))/2   (003 line 1213)
    "warmup": 4,  # t eta / T_w for t <= T_w, then eta sqrt(T_w / t)     (003 line 1229)
}
EPS_MODES = {"none": 0, "eps2_inside": 1, "outside": 2, "inside": 3}


def step_size(eta, sched, a, t, T):
    """eta_t of schedule ``sched`` (see SCHEDULES); ``a`` = eta_min (cosine) or T_w (warmup)."""
    if sched == 0:
        return eta
    if sched == 1:
        return eta / t
    if sched == 2:
        return eta / sqrt(t)
    if sched == 3:
        return a + 0.5 * (eta - a) * (1.0 + cos(pi * t / T))
    if sched == 4:
        if t <= a:
            return t * eta / a
        return eta * sqrt(a / t)
    raise ValueError("unknown step-size schedule")


def denominator(v, eps, eps_mode):
    """sqrt(v) with the epsilon placement ``eps_mode`` (0 none, 1 +eps^2 inside, 2 +eps outside, 3 +eps inside)."""
    if eps_mode == 0:
        return sqrt(v)
    if eps_mode == 1:
        return sqrt(v + eps * eps)
    if eps_mode == 2:
        return sqrt(v) + eps
    if eps_mode == 3:
        return sqrt(v + eps)
    raise ValueError("eps_mode must be 0, 1, 2 or 3")


def project(w, proj, radius):
    """In place: Euclidean projection onto {|w_i| <= R} (box) or {||w||_2 <= R} (ball).

    For the diagonal weighted projections of AMSGrad / AdamAL onto a box the
    weighted and the Euclidean projections coincide (coordinate clipping).
    """
    if proj == 1:
        for i in range(len(w)):
            if w[i] > radius:
                w[i] = radius
            elif w[i] < -radius:
                w[i] = -radius
    elif proj == 2:
        nrm = 0.0
        for i in range(len(w)):
            nrm += w[i] * w[i]
        nrm = sqrt(nrm)
        if nrm > radius:
            for i in range(len(w)):
                w[i] = w[i] * radius / nrm


WORDS = (step_size, denominator, project)
