"""The words every printed update's step may use besides sqrt, cos, pi, inf: written once, in the step language.

The step language is plain Python that both backends run from the same text
(``optverify.sim.engine``): numba compiles it (``math.sqrt`` ...) and the
reference interpreter executes it on lists of mpmath numbers.  So a step may
only use: scalar arithmetic, comparisons, ``if``, ``for``/``while`` over
``range``, indexing (``H[i][j]`` for a matrix), ``max`` / ``min`` / ``abs`` /
``int``, ``raise ValueError(...)``, the names ``sqrt``, ``cos``, ``pi``,
``inf``, the oracle words below and the functions of this module.  Numeric
literals in a formula must be exact binary fractions (0.5, 1.0), never 0.1;
a tolerance (1e-13) is the same binary number in both backends.

Oracle words
------------
A step whose signature has the argument ``problem`` (after ``t, T, w, g``)
asks the problem for what it needs, and writes into ``g`` the gradient its
update uses (the one the tracker records); a step without ``problem``
receives g = the stochastic gradient at w_t with key (t, 0) (the kernel's
fused fast path).  The oracle words are primitives, like ``sqrt``: each
backend binds them to its own problem (the generated kernel to the family's
numba oracle, ``engine/runtime.py``; the reference to a Python / mpmath
``reference.Oracle``):

=====================================  ========================================================
``grad_at(problem, x, t, k, out)``     the oracle's gradient at the point x with sample index k
                                       of step t: key (seed, stream, t, k), so two points with
                                       one key see the same sample z (SVRG, variance-reduced
                                       momentum); grad L(x) under grad_mode "exact"
``exact_grad(problem, x, out)``        grad L(x), whatever the grad_mode
``sample_grad(problem, x, j, out)``    grad l(x, z_j), component j of a finite sum
``hessian_at(problem, x, H)``          grad^2 L(x) into the d x d matrix H
``sample_count(problem)``              n of a finite sum, 0 for a population family
``draw_uniform(problem, m, t, i)``     U(0,1) keyed (seed, substream(stream, 0, m), t, i), m one of
                                       the auxiliary channels M_DELAY, M_COORD, M_PERM (``noise.py``)
``eigh(H, lam, Q)``                    H = Q diag(lam) Q', lam ascending (symmetric H)
=====================================  ========================================================
"""

from __future__ import annotations

from math import cos, inf, pi, sqrt  # noqa: F401  (the float binding of the step language)

from ..noise import M_COORD, M_DELAY, M_PERM  # noqa: F401  (channels of draw_uniform)

# The float binding of the oracle words is the kernels' (engine/runtime.py), imported at the end of this
# module: runtime's package imports the declarations, which import this module.

ORACLE_WORDS = ("grad_at", "exact_grad", "sample_grad", "hessian_at", "sample_count", "draw_uniform", "eigh")
CONSTANTS = {"M_COORD": M_COORD, "M_DELAY": M_DELAY, "M_PERM": M_PERM}

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


def block_norm(v, lo, hi):
    """||v[lo:hi]||_2."""
    s = 0.0
    for i in range(lo, hi):
        s += v[i] * v[i]
    return sqrt(s)


def layerwise_step(w, D, blocks, eta):
    """Per block [blocks[j], blocks[j+1]): w <- w - eta ||w_b|| D_b / ||D_b|| (LARS / LAMB, 003 lines 3714-3724);
    a block with ||w_b|| = 0 or ||D_b|| = 0 does not move."""
    for j in range(len(blocks) - 1):
        lo = blocks[j]
        hi = blocks[j + 1]
        wn = block_norm(w, lo, hi)
        dn = block_norm(D, lo, hi)
        if wn > 0.0 and dn > 0.0:
            for i in range(lo, hi):
                w[i] = w[i] - eta * wn * D[i] / dn


def normalized_move(w, m, eta):
    """w <- w - eta m / ||m|| (a zero direction gives a zero step: 0/0 read as 0)."""
    nrm = 0.0
    for i in range(len(m)):
        nrm += m[i] * m[i]
    nrm = sqrt(nrm)
    if nrm > 0.0:
        for i in range(len(w)):
            w[i] = w[i] - eta * m[i] / nrm


def next_alpha(A):
    """A = [alpha_{t-2}, alpha_{t-1}, alpha_t, sum_{i<=t} alpha_i] of 003 Algorithm 11 moved from step t-1 to t.

    alpha_0 = 0 and alpha_{t+1} = (1 + sqrt(1 + 4 sum_{i<=t} alpha_i)) / 2 (the root > 1 of
    alpha^2 - alpha = sum_{i<=t} alpha_i); from A = 0 before step 1 the formula gives alpha_1 = 1 exactly.
    """
    a = 0.5 * (1.0 + sqrt(1.0 + 4.0 * A[3]))
    A[0] = A[1]
    A[1] = A[2]
    A[2] = a
    A[3] = A[3] + a


def shuffle(problem, order, epoch):
    """order <- a Fisher-Yates permutation of 0..n-1 drawn from the counters (seed, stream, epoch)."""
    n = len(order)
    for i in range(n):
        order[i] = i
    for i in range(n - 1, 0, -1):
        j = int(draw_uniform(problem, M_PERM, epoch, i) * (i + 1))
        if j > i:
            j = i
        tmp = order[i]
        order[i] = order[j]
        order[j] = tmp


def cubic_phi(lam, gam, J, r):
    """||(diag(lam) + J r/2 I)^{-1} gam||, inf where a non-positive shift meets gam_i != 0."""
    s = 0.0
    for i in range(len(lam)):
        den = lam[i] + 0.5 * J * r
        if den <= 0.0:
            if gam[i] != 0.0:
                return inf
        else:
            s += (gam[i] / den) ** 2
    return sqrt(s)


def cubic_step(g, H, J, lam, Q, gam, delta):
    """delta <- the global minimiser of <g, delta> + delta' H delta / 2 + J ||delta||^3 / 6 (J > 0, H symmetric).

    Through the eigendecomposition H = Q diag(lam) Q' (Nesterov & Polyak 2006): delta = -(H + J r/2 I)^{-1} g,
    r = ||delta|| the root of cubic_phi(r) = r on r > max(0, -2 lam_min / J), found by bisection; in the
    "hard case" (g orthogonal to the bottom eigenspace) the missing length is added along a bottom
    eigenvector.  lam, Q, gam: workspace (d, d x d, d).
    """
    if not J > 0.0:
        raise ValueError("J must be > 0")
    d = len(g)
    eigh(H, lam, Q)
    for i in range(d):
        s = 0.0
        for j in range(d):
            s += Q[j][i] * g[j]
        gam[i] = s
    r0 = max(0.0, -2.0 * lam[0] / J)
    scale = 1.0
    for i in range(d):
        scale = max(scale, abs(lam[i]))
    # hard case: phi stays <= r0 as r -> r0+
    hard = r0 > 0.0 and cubic_phi(lam, gam, J, r0 * (1.0 + 1e-13) + 1e-300) <= r0
    r = r0
    if not hard:
        lo = r0
        hi = r0 + 1.0
        while cubic_phi(lam, gam, J, hi) > hi:
            hi = r0 + 2.0 * (hi - r0)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if mid == lo or mid == hi:
                break
            if cubic_phi(lam, gam, J, mid) > mid:
                lo = mid
            else:
                hi = mid
        r = hi
    for i in range(d):
        den = lam[i] + 0.5 * J * r
        gam[i] = -gam[i] / den if den > 1e-15 * scale else 0.0
    if hard:
        s = 0.0
        for i in range(d):
            s += gam[i] * gam[i]
        gam[0] = gam[0] + sqrt(max(r * r - s, 0.0))
    for i in range(d):
        s = 0.0
        for j in range(d):
            s += Q[i][j] * gam[j]
        delta[i] = s


WORDS = (step_size, denominator, project, block_norm, layerwise_step, normalized_move, next_alpha, shuffle,
         cubic_phi, cubic_step)


from ..engine.runtime import (draw_uniform, eigh, exact_grad, grad_at, hessian_at, sample_count,  # noqa: E402,F401
                              sample_grad)
