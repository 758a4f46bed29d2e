"""Problem families as numba-friendly arrays, with their constants computed.

Every family is one ``Problem`` named tuple (the same numba type for all
families, so a kernel compiles once) plus a Python ``Family`` record holding
the constants a theorem speaks of (H, mu, G, L*, w*, sigma^2, ...), each
COMPUTED from the arrays (eigenvalues, data) rather than assumed.

Stochastic families (population loss L, oracle g = grad l(w, z)):

=================  ====  ======================================================
kind               code  L(w)
=================  ====  ======================================================
SEPARABLE          0     sum_i h_i/2 (w_i - w*_i)^2 + k_i |w_i - w*_i|
QUADRATIC          1     1/2 w'Aw - b'w            (A symmetric PSD, dense)
HUBER              2     sum_i h_i rho_delta(w_i - w*_i)
LOGISTIC           3     1/n sum_j log(1 + exp(-y_j <x_j, w>)) + lam/2 |w|^2
LEAST_SQUARES      4     1/(2n) sum_j (<x_j, w> - y_j)^2 + lam/2 |w|^2
QUARTIC            5     sum_i (w_i^4/4 - s_i w_i^2/2)   (non-convex, s = h)
SATURATING         6     sum_i h_i/2 r_i^2/(1 + r_i^2), r = w - w*   (non-convex)
SEPARABLE_LINEAR   7     sum_i h_i/2 r_i^2 + b_i r_i + k_i |r_i|, r = w - p,
                         p = A[0] (the centre; w* != p in general)
=================  ====  ======================================================

rho_delta(r) = r^2/2 for |r| <= delta, delta |r| - delta^2/2 otherwise.
The population families (0, 1, 2, 5, 6, 7) take g = grad L(w) + sigma * xi with xi
from ``noise.py``; the finite sums (3, 4) take g = grad l(w, z_j) with j
uniform on 0..n-1 drawn from the counters (with replacement).  sign(0) = 0 in
the subgradient of |.|.

Online families (linear losses f_t(x) = <a_t, x> on a domain K; regret is
measured against the best fixed point of K in hindsight):

================  ====  =======================================================
kind              code  a_t
================  ====  =======================================================
ONLINE_CYCLIC     10    C if t mod 3 == 1 else -1 (Reddi et al. 2018; 004 l.369)
ONLINE_ONEHOT     11    s e_i, P(i) prop. to 1/i^2, s = +-1 (000, line 130)
ONLINE_SEQUENCE   12    A[(t - 1) mod n] (an explicit, e.g. adversarial, sequence)
ONLINE_ADAPTIVE   13    G_i sign+(x_t[i]) (adversary pushing against the iterate)
================  ====  =======================================================

The gradient oracle ``oracle(P, w, grad_mode, seed, stream, t, k, out, buf)``
is deterministic in its key (seed, stream, t, k): evaluated at two points with
the same key it uses the same sample z (what SVRG and variance-reduced
momentum need).  ``grad_mode`` EXACT (0) returns grad L(w); STOCHASTIC (1) the
sampled gradient; COORDINATE (2) the one-coordinate estimate d * (d/dw_z) L(w) e_z, z
uniform on 0..d-1 (unbiased for grad L; for a separable L = sum_i L_i(w_i) it is the
gradient of the sampled loss l(w, z) = d L_z(w_z), a sparse gradient as in Hogwild!).
Online families ignore ``grad_mode``.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field

import numpy as np
from numba import njit

from . import blockrng
from .noise import M_INDEX, M_ONLINE, fill_noise, noise_code, substream

__all__ = [
    "Problem",
    "Family",
    "EXACT",
    "STOCHASTIC",
    "COORDINATE",
    "GRAD_MODES",
    "SEPARABLE",
    "QUADRATIC",
    "HUBER",
    "LOGISTIC",
    "LEAST_SQUARES",
    "QUARTIC",
    "SATURATING",
    "SEPARABLE_LINEAR",
    "ONLINE_CYCLIC",
    "ONLINE_ONEHOT",
    "ONLINE_SEQUENCE",
    "ONLINE_ADAPTIVE",
    "DOMAIN_NONE",
    "DOMAIN_BOX",
    "DOMAIN_BALL",
    "is_finite_sum",
    "loss",
    "grad",
    "component_grad",
    "sample_index",
    "online_vec",
    "oracle",
    "hessian",
    "dist_to_opt",
    "separable",
    "diagonal_quadratic",
    "rotated_quadratic",
    "quadratic",
    "nesterov_worst_case",
    "huber",
    "abs_value",
    "logistic_regression",
    "least_squares",
    "quartic",
    "saturating_quadratic",
    "separable_linear",
    "reddi_cyclic",
    "onehot_stream",
    "online_sequence",
    "adaptive_sign_adversary",
]

Problem = namedtuple("Problem", ["kind", "noise", "A", "b", "h", "k", "wstar", "sigma", "fp", "ip"])
"""kind, noise: int codes; A: 2-D (dense Hessian / data X / online sequence /
one row, the centre p of SEPARABLE_LINEAR); b: 1-D (linear term / labels y /
1-hot cumulative probabilities); h, k, wstar,
sigma: length-d vectors (h: curvature or weights, k: |.| weights, wstar: a
minimiser or NaN, sigma: noise scales); fp, ip: float / int parameters."""

EXACT = 0
STOCHASTIC = 1
COORDINATE = 2
GRAD_MODES = {"exact": EXACT, "stochastic": STOCHASTIC, "coordinate": COORDINATE}

SEPARABLE, QUADRATIC, HUBER, LOGISTIC, LEAST_SQUARES, QUARTIC, SATURATING, SEPARABLE_LINEAR = 0, 1, 2, 3, 4, 5, 6, 7
ONLINE_CYCLIC, ONLINE_ONEHOT, ONLINE_SEQUENCE, ONLINE_ADAPTIVE = 10, 11, 12, 13
DOMAIN_NONE, DOMAIN_BOX, DOMAIN_BALL = 0, 1, 2

# fp slots
FP_LSTAR, FP_LAM, FP_DELTA, FP_C, FP_NOISE, FP_RADIUS, FP_SIGN_BIAS = 0, 1, 2, 3, 4, 5, 6
NFP = 8
# ip slots
IP_DOMAIN, IP_N = 0, 1
NIP = 4


# ---------------------------------------------------------------- numba side


@njit(cache=True)
def is_finite_sum(P):
    return P.kind == LOGISTIC or P.kind == LEAST_SQUARES


@njit(cache=True, inline="always")
def _softplus(z):
    """log(1 + exp(z)), stable."""
    if z > 0.0:
        return z + np.log1p(np.exp(-z))
    return np.log1p(np.exp(z))


@njit(cache=True, inline="always")
def _sigmoid(z):
    if z >= 0.0:
        return 1.0 / (1.0 + np.exp(-z))
    e = np.exp(z)
    return e / (1.0 + e)


@njit(cache=True)
def loss(P, w):
    """L(w) for stochastic families (not minus L*: see ``P.fp[FP_LSTAR]``); NaN for online ones."""
    d = w.shape[0]
    s = 0.0
    kind = P.kind
    if kind == SEPARABLE:
        for i in range(d):
            r = w[i] - P.wstar[i]
            s += 0.5 * P.h[i] * r * r + P.k[i] * abs(r)
    elif kind == QUADRATIC:
        for i in range(d):
            acc = 0.0
            for j in range(d):
                acc += P.A[i, j] * w[j]
            s += w[i] * (0.5 * acc - P.b[i])
    elif kind == HUBER:
        delta = P.fp[FP_DELTA]
        for i in range(d):
            r = abs(w[i] - P.wstar[i])
            if r <= delta:
                s += P.h[i] * 0.5 * r * r
            else:
                s += P.h[i] * (delta * r - 0.5 * delta * delta)
    elif kind == LOGISTIC or kind == LEAST_SQUARES:
        n = P.A.shape[0]
        for j in range(n):
            z = 0.0
            for i in range(d):
                z += P.A[j, i] * w[i]
            if kind == LOGISTIC:
                s += _softplus(-P.b[j] * z)
            else:
                s += 0.5 * (z - P.b[j]) ** 2
        s /= n
        lam = P.fp[FP_LAM]
        if lam != 0.0:
            for i in range(d):
                s += 0.5 * lam * w[i] * w[i]
    elif kind == QUARTIC:
        for i in range(d):
            w2 = w[i] * w[i]
            s += 0.25 * w2 * w2 - 0.5 * P.h[i] * w2
    elif kind == SATURATING:
        for i in range(d):
            r = w[i] - P.wstar[i]
            r2 = r * r
            s += 0.5 * P.h[i] * r2 / (1.0 + r2)
    elif kind == SEPARABLE_LINEAR:
        for i in range(d):
            r = w[i] - P.A[0, i]
            s += 0.5 * P.h[i] * r * r + P.b[i] * r + P.k[i] * abs(r)
    else:
        s = np.nan
    return s


@njit(cache=True)
def component_grad(P, w, j, out):
    """grad l(w, z_j) of a finite-sum family (LOGISTIC, LEAST_SQUARES) into ``out``."""
    d = w.shape[0]
    z = 0.0
    for i in range(d):
        z += P.A[j, i] * w[i]
    if P.kind == LOGISTIC:
        coef = -P.b[j] * _sigmoid(-P.b[j] * z)
    elif P.kind == LEAST_SQUARES:
        coef = z - P.b[j]
    else:
        raise ValueError("component_grad needs a finite-sum family")
    lam = P.fp[FP_LAM]
    for i in range(d):
        out[i] = coef * P.A[j, i] + lam * w[i]
    return out


@njit(cache=True)
def grad(P, w, out):
    """Exact (minimum-norm sub)gradient of L at w into ``out``; NaN for online families."""
    d = w.shape[0]
    kind = P.kind
    if kind == SEPARABLE:
        for i in range(d):
            r = w[i] - P.wstar[i]
            g = P.h[i] * r
            if r > 0.0:
                g += P.k[i]
            elif r < 0.0:
                g -= P.k[i]
            out[i] = g
    elif kind == QUADRATIC:
        for i in range(d):
            acc = 0.0
            for j in range(d):
                acc += P.A[i, j] * w[j]
            out[i] = acc - P.b[i]
    elif kind == HUBER:
        delta = P.fp[FP_DELTA]
        for i in range(d):
            r = w[i] - P.wstar[i]
            if r > delta:
                r = delta
            elif r < -delta:
                r = -delta
            out[i] = P.h[i] * r
    elif kind == LOGISTIC or kind == LEAST_SQUARES:
        n = P.A.shape[0]
        for i in range(d):
            out[i] = 0.0
        for j in range(n):
            z = 0.0
            for i in range(d):
                z += P.A[j, i] * w[i]
            if kind == LOGISTIC:
                coef = -P.b[j] * _sigmoid(-P.b[j] * z)
            else:
                coef = z - P.b[j]
            for i in range(d):
                out[i] += coef * P.A[j, i]
        lam = P.fp[FP_LAM]
        for i in range(d):
            out[i] = out[i] / n + lam * w[i]
    elif kind == QUARTIC:
        for i in range(d):
            out[i] = w[i] * w[i] * w[i] - P.h[i] * w[i]
    elif kind == SATURATING:
        for i in range(d):
            r = w[i] - P.wstar[i]
            q = 1.0 + r * r
            out[i] = P.h[i] * r / (q * q)
    elif kind == SEPARABLE_LINEAR:
        for i in range(d):
            r = w[i] - P.A[0, i]
            g = P.h[i] * r + P.b[i]
            if r > 0.0:
                g += P.k[i]
            elif r < 0.0:
                g -= P.k[i]
            out[i] = g
    else:
        for i in range(d):
            out[i] = np.nan
    return out


@njit(cache=True)
def sample_index(P, seed, stream, t, k):
    """Index j of the finite-sum sample drawn at step t for sample k (uniform on 0..n-1)."""
    return draw_index(seed, stream, t, k, P.A.shape[0])


@njit(cache=True)
def draw_index(seed, stream, t, k, n):
    """The sample index of key (seed, stream, t, k): uniform on 0..n-1 (a finite sum's sample, a sampled coordinate)."""
    u = blockrng.uniform(seed, substream(stream, k, M_INDEX), t, 0)
    j = int(u * n)
    return j if j < n else n - 1


@njit(cache=True)
def online_vec(P, w, t, seed, stream, out):
    """a_t of an online family (the gradient of f_t(x) = <a_t, x>), into ``out``."""
    d = out.shape[0]
    kind = P.kind
    if kind == ONLINE_CYCLIC:
        v = P.fp[FP_C] if t % 3 == 1 else -1.0
        for i in range(d):
            out[i] = v
    elif kind == ONLINE_ONEHOT:
        for i in range(d):
            out[i] = 0.0
        j = blockrng.categorical_index(seed, substream(stream, 0, M_ONLINE), t, P.b)
        p_plus = 0.5 * (1.0 + P.fp[FP_SIGN_BIAS])
        u = blockrng.uniform(seed, substream(stream, 0, M_ONLINE + 1), t, 0)
        out[j] = 1.0 if u < p_plus else -1.0
    elif kind == ONLINE_SEQUENCE:
        row = (t - 1) % P.A.shape[0]
        for i in range(d):
            out[i] = P.A[row, i]
    elif kind == ONLINE_ADAPTIVE:
        for i in range(d):
            out[i] = P.h[i] if w[i] >= 0.0 else -P.h[i]
    else:
        raise ValueError("online_vec needs an online family")
    return out


@njit(cache=True)
def oracle(P, w, grad_mode, seed, stream, t, k, out, buf):
    """Gradient g at w for key (seed, stream, t, k) into ``out`` (``buf``: length-d workspace).

    Online families: a_t.  EXACT: grad L(w).  COORDINATE: d * (d/dw_z) L(w) e_z with
    z = draw_index(seed, stream, t, k, d).  STOCHASTIC: finite sums return
    grad l(w, z_j) with j = sample_index(P, seed, stream, t, k); population
    families return grad L(w) + sigma * xi, xi = fill_noise(..., t, k, ...).
    """
    if P.kind >= 10:
        return online_vec(P, w, t, seed, stream, out)
    if grad_mode == EXACT:
        return grad(P, w, out)
    if grad_mode == COORDINATE:
        d = w.shape[0]
        z = draw_index(seed, stream, t, k, d)
        grad(P, w, out)
        for i in range(d):
            out[i] = d * out[i] if i == z else 0.0
        return out
    if P.kind == LOGISTIC or P.kind == LEAST_SQUARES:
        return component_grad(P, w, sample_index(P, seed, stream, t, k), out)
    grad(P, w, out)
    fill_noise(P.noise, P.fp[FP_NOISE], seed, stream, t, k, buf)
    for i in range(w.shape[0]):
        out[i] += P.sigma[i] * buf[i]
    return out


@njit(cache=True)
def hessian(P, w, H):
    """Hessian of L at w into the d x d array H (|.| parts contribute 0 almost everywhere)."""
    d = w.shape[0]
    kind = P.kind
    for i in range(d):
        for j in range(d):
            H[i, j] = 0.0
    if kind == SEPARABLE or kind == SEPARABLE_LINEAR:
        for i in range(d):
            H[i, i] = P.h[i]
    elif kind == QUADRATIC:
        for i in range(d):
            for j in range(d):
                H[i, j] = P.A[i, j]
    elif kind == SATURATING:
        for i in range(d):
            r2 = (w[i] - P.wstar[i]) ** 2
            H[i, i] = P.h[i] * (1.0 - 3.0 * r2) / (1.0 + r2) ** 3
    elif kind == HUBER:
        delta = P.fp[FP_DELTA]
        for i in range(d):
            if abs(w[i] - P.wstar[i]) < delta:
                H[i, i] = P.h[i]
    elif kind == LOGISTIC or kind == LEAST_SQUARES:
        n = P.A.shape[0]
        for r in range(n):
            if kind == LOGISTIC:
                z = 0.0
                for i in range(d):
                    z += P.A[r, i] * w[i]
                s = _sigmoid(z)
                c = s * (1.0 - s)
            else:
                c = 1.0
            for i in range(d):
                for j in range(d):
                    H[i, j] += c * P.A[r, i] * P.A[r, j]
        lam = P.fp[FP_LAM]
        for i in range(d):
            for j in range(d):
                H[i, j] /= n
            H[i, i] += lam
    elif kind == QUARTIC:
        for i in range(d):
            H[i, i] = 3.0 * w[i] * w[i] - P.h[i]
    else:
        raise ValueError("no Hessian for online families")
    return H


@njit(cache=True)
def dist_to_opt(P, w):
    """||w - w*|| (QUARTIC: to the nearest global minimiser); NaN when w* is unknown or online."""
    d = w.shape[0]
    s = 0.0
    if P.kind == QUARTIC:
        for i in range(d):
            m = np.sqrt(max(P.h[i], 0.0))
            r = min(abs(w[i] - m), abs(w[i] + m))
            s += r * r
        return np.sqrt(s)
    if P.kind >= 10:
        return np.nan
    for i in range(d):
        r = w[i] - P.wstar[i]
        s += r * r
    return np.sqrt(s)


# ---------------------------------------------------------------- Python side


@dataclass(frozen=True)
class Family:
    """A problem instance: ``P`` goes to the kernels, ``constants`` to the bounds.

    ``constants`` always has "d"; stochastic families add "L_star" and, where
    defined, "w_star", "H" (smoothness: largest Hessian eigenvalue, computed),
    "mu" (strong convexity: smallest eigenvalue, computed), "G" (Lipschitz
    constant where finite), "sigma2" (= E||g - grad L||^2 of the oracle).
    """

    name: str
    P: Problem
    constants: dict = field(default_factory=dict)
    source: str = ""

    @property
    def d(self) -> int:
        return int(self.constants["d"])

    @property
    def online(self) -> bool:
        return self.P.kind >= 10

    def loss(self, w) -> float:
        return float(loss(self.P, np.ascontiguousarray(w, dtype=np.float64)))

    def grad(self, w) -> np.ndarray:
        w = np.ascontiguousarray(w, dtype=np.float64)
        return grad(self.P, w, np.empty_like(w))

    def hessian(self, w) -> np.ndarray:
        w = np.ascontiguousarray(w, dtype=np.float64)
        return hessian(self.P, w, np.empty((w.size, w.size)))

    def stochastic_grad(self, w, seed: int, t: int, stream: int = 0, k: int = 0) -> np.ndarray:
        """The oracle's g at w for key (seed, stream, t, k): what every kernel sees."""
        w = np.ascontiguousarray(w, dtype=np.float64)
        return oracle(self.P, w, STOCHASTIC, seed, stream, t, k, np.empty_like(w), np.empty_like(w))

    def with_noise(self, noise: str, sigma=None, param: float | None = None) -> "Family":
        """Same loss, another noise model (and optionally other scales sigma)."""
        s = self.P.sigma if sigma is None else _vec(sigma, self.d, "sigma")
        fp = self.P.fp.copy()
        if param is not None:
            fp[FP_NOISE] = float(param)
        c = dict(self.constants)
        c["sigma2"] = float(np.sum(s * s)) if noise != "none" else 0.0
        c["noise"] = noise
        return Family(self.name, self.P._replace(noise=noise_code(noise), sigma=s, fp=fp), c, self.source)


def _vec(a, d=None, name="vector") -> np.ndarray:
    v = np.ascontiguousarray(np.asarray(a, dtype=np.float64).ravel())
    if d is not None and v.size != d:
        raise ValueError(f"{name} has length {v.size}, expected {d}")
    if not np.all(np.isfinite(v)):
        raise ValueError(f"{name} must be finite")
    return v


def _make(kind, d, noise="none", noise_param=0.0, A=None, b=None, h=None, k=None,
          wstar=None, sigma=None, lstar=0.0, lam=0.0, delta=0.0, C=0.0, radius=np.inf,
          domain=DOMAIN_NONE, n=0, sign_bias=0.0) -> Problem:
    fp = np.zeros(NFP)
    fp[FP_LSTAR], fp[FP_LAM], fp[FP_DELTA], fp[FP_C] = lstar, lam, delta, C
    fp[FP_NOISE], fp[FP_RADIUS], fp[FP_SIGN_BIAS] = noise_param, radius, sign_bias
    ip = np.zeros(NIP, dtype=np.int64)
    ip[IP_DOMAIN], ip[IP_N] = domain, n
    z = np.zeros(d)
    return Problem(
        int(kind), noise_code(noise),
        np.ascontiguousarray(A if A is not None else np.zeros((0, d)), dtype=np.float64),
        np.ascontiguousarray(b if b is not None else np.zeros(0), dtype=np.float64),
        _vec(h if h is not None else z), _vec(k if k is not None else z),
        np.ascontiguousarray(wstar if wstar is not None else np.full(d, np.nan), dtype=np.float64),
        _vec(sigma if sigma is not None else z), fp, ip,
    )


def _sigma_vec(sigma, d):
    s = np.broadcast_to(np.asarray(sigma, dtype=np.float64), (d,)).copy()
    if np.any(s < 0):
        raise ValueError("sigma must be >= 0")
    return s


def _noise_const(noise, noise_param, s):
    if noise == "none":
        return 0.0
    if noise == "student_t" and noise_param <= 2:
        return float("inf")
    return float(np.sum(s * s))


def separable(h, k, wstar, sigma, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """L(w) = sum_i h_i/2 (w_i - w*_i)^2 + k_i |w_i - w*_i|, L* = 0 at w*."""
    h = _vec(h, name="h")
    d = h.size
    k, wstar = _vec(k, d, "k"), _vec(wstar, d, "wstar")
    s = _sigma_vec(sigma, d)
    if np.any(h < 0) or np.any(k < 0):
        raise ValueError("h and k must be >= 0")
    smooth = bool(np.all(k == 0))
    c = {
        "d": d, "L_star": 0.0, "w_star": wstar.copy(),
        "H": float(h.max()) if smooth else float("inf"),
        "mu": float(h.min()),
        "G": float(np.linalg.norm(k)) if np.all(h == 0) else float("inf"),
        "sigma2": _noise_const(noise, noise_param, s), "noise": noise, "convex": True,
    }
    P = _make(SEPARABLE, d, noise, noise_param, h=h, k=k, wstar=wstar, sigma=s)
    return Family("separable", P, c, "000 Theorems 2-3")


def diagonal_quadratic(eigenvalues, wstar, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """L(w) = 1/2 sum_i lambda_i (w_i - w*_i)^2 (a separable family with k = 0)."""
    lam = _vec(eigenvalues, name="eigenvalues")
    f = separable(lam, np.zeros(lam.size), wstar, sigma, noise, noise_param)
    return Family("diagonal_quadratic", f.P, f.constants, "002 line 33; 004 line 175")


def quadratic(A, b=None, wstar=None, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0,
              name: str = "quadratic", source: str = "") -> Family:
    """L(w) = 1/2 w'Aw - b'w (A symmetric PSD); give b, or wstar (then b = A wstar).

    Constants from ``numpy.linalg.eigvalsh(A)``: H = largest, mu = smallest
    eigenvalue; w* = the minimum-norm minimiser (lstsq), L* = -1/2 b'w*.
    """
    A = np.ascontiguousarray(np.asarray(A, dtype=np.float64))
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be square")
    if not np.allclose(A, A.T, rtol=0, atol=1e-12 * max(1.0, np.abs(A).max())):
        raise ValueError("A must be symmetric")
    A = 0.5 * (A + A.T)
    d = A.shape[0]
    eig = np.linalg.eigvalsh(A)
    tol = 1e-12 * max(1.0, abs(eig).max())
    if eig.min() < -tol:
        raise ValueError(f"A must be positive semi-definite (smallest eigenvalue {eig.min():.3g})")
    if (b is None) == (wstar is None):
        raise ValueError("give exactly one of b and wstar")
    b = A @ _vec(wstar, d, "wstar") if b is None else _vec(b, d, "b")
    ws = np.linalg.lstsq(A, b, rcond=None)[0]
    if not np.allclose(A @ ws, b, atol=1e-9 * max(1.0, np.abs(b).max())):
        raise ValueError("b is not in the range of A: L is unbounded below")
    lstar = float(-0.5 * b @ ws)
    s = _sigma_vec(sigma, d)
    c = {"d": d, "L_star": lstar, "w_star": ws, "H": float(eig.max()), "mu": float(max(eig.min(), 0.0)),
         "eigenvalues": eig, "G": float("inf"), "sigma2": _noise_const(noise, noise_param, s),
         "noise": noise, "convex": True}
    P = _make(QUADRATIC, d, noise, noise_param, A=A, b=b, wstar=ws, sigma=s, lstar=lstar)
    return Family(name, P, c, source)


def rotated_quadratic(eigenvalues, wstar, seed: int = 0, sigma=0.0, noise: str = "gaussian",
                      noise_param: float = 0.0) -> Family:
    """L(w) = 1/2 (w - w*)' Q diag(lambda) Q' (w - w*) with Q a random rotation (seeded).

    H and mu are recomputed from the assembled matrix, not copied from lambda.
    """
    lam = _vec(eigenvalues, name="eigenvalues")
    d = lam.size
    g = np.random.default_rng(seed)
    Q, R = np.linalg.qr(g.standard_normal((d, d)))
    Q = Q * np.sign(np.diag(R))
    A = (Q * lam) @ Q.T
    A = 0.5 * (A + A.T)
    f = quadratic(A, wstar=_vec(wstar, d, "wstar"), sigma=sigma, noise=noise, noise_param=noise_param,
                  name="rotated_quadratic", source="002 line 263 (preconditioning)")
    f.constants["rotation"] = Q
    return f


def nesterov_worst_case(d: int, k: int | None = None, H: float = 1.0) -> Family:
    """Nesterov's worst function in the smooth convex class (Nesterov 2004, 2.1.2).

    L(w) = H/4 (1/2 (w_1^2 + sum_{i<k} (w_i - w_{i+1})^2 + w_k^2) - w_1), i.e.
    A = H/4 tridiag(-1, 2, -1) on the first k coordinates, b = H/4 e_1.
    Closed forms (checked in the tests against the computed ones):
    w*_i = 1 - i/(k+1) (i <= k, 0 beyond), L* = H/8 (-1 + 1/(k+1)).
    Any first-order method started at 0 has w_t in span(e_1..e_t).
    """
    k = d if k is None else int(k)
    if not 1 <= k <= d:
        raise ValueError("need 1 <= k <= d")
    A = np.zeros((d, d))
    for i in range(k):
        A[i, i] = 2.0
        if i + 1 < k:
            A[i, i + 1] = A[i + 1, i] = -1.0
    A *= H / 4.0
    b = np.zeros(d)
    b[0] = H / 4.0
    f = quadratic(A, b=b, sigma=0.0, noise="none", name="nesterov_worst_case",
                  source="Nesterov (2004) 2.1.2; lower bound behind 003 Thm 15.2")
    f.constants["k"] = k
    return f


def huber(weights, delta: float, wstar, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """L(w) = sum_i c_i rho_delta(w_i - w*_i): convex, H = max c_i, G = delta ||c||_2, L* = 0."""
    c_ = _vec(weights, name="weights")
    d = c_.size
    if delta <= 0 or np.any(c_ < 0):
        raise ValueError("need delta > 0 and weights >= 0")
    ws = _vec(wstar, d, "wstar")
    s = _sigma_vec(sigma, d)
    c = {"d": d, "L_star": 0.0, "w_star": ws, "H": float(c_.max()), "mu": 0.0,
         "G": float(delta * np.linalg.norm(c_)), "sigma2": _noise_const(noise, noise_param, s),
         "noise": noise, "convex": True}
    P = _make(HUBER, d, noise, noise_param, h=c_, wstar=ws, sigma=s, delta=float(delta))
    return Family("huber", P, c, "smooth Lipschitz convex test family")


def abs_value(k, wstar, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """L(w) = sum_i k_i |w_i - w*_i| (subgradient, sign(0) = 0): G = ||k||_2, not smooth."""
    k = _vec(k, name="k")
    f = separable(np.zeros(k.size), k, wstar, sigma, noise, noise_param)
    return Family("abs_value", f.P, f.constants, "non-smooth convex test family")


def _newton_minimise(f: Family, w0: np.ndarray, iters: int = 100) -> np.ndarray:
    """Damped Newton with backtracking on the family's loss (small d)."""
    w = w0.copy()
    for _ in range(iters):
        g = f.grad(w)
        if np.linalg.norm(g) < 1e-13:
            break
        Hm = f.hessian(w) + 1e-14 * np.eye(w.size)
        step = np.linalg.solve(Hm, g)
        lw, a = f.loss(w), 1.0
        while f.loss(w - a * step) > lw - 0.25 * a * (g @ step) and a > 1e-12:
            a *= 0.5
        w = w - a * step
    return w


def logistic_regression(n: int, d: int, seed: int = 0, lam: float = 0.0, label_noise: float = 0.1,
                        scale: float = 1.0, X=None, y=None) -> Family:
    """Logistic regression on synthetic data (or given X, y in {-1, +1}).

    L(w) = 1/n sum_j log(1 + exp(-y_j <x_j, w>)) + lam/2 ||w||^2.  Constants
    from the data: H = lambda_max(X'X)/(4n) + lam (the Hessian is
    1/n X' diag(s(1-s)) X + lam I with s(1-s) <= 1/4), H_component =
    max_j ||x_j||^2/4 + lam, G = max_j ||x_j|| (lam = 0; per-sample gradient
    bound), w* and L* by Newton's method, mu_local = smallest Hessian
    eigenvalue at w* (the data are made non-separable by flipping labels
    with probability ``label_noise``; a separable set raises).
    """
    g = np.random.default_rng(seed)
    if X is None:
        X = scale * g.standard_normal((n, d))
        wt = g.standard_normal(d)
        y = np.sign(X @ wt)
        y[y == 0] = 1.0
        flip = g.random(n) < label_noise
        y[flip] *= -1.0
    X = np.ascontiguousarray(np.asarray(X, dtype=np.float64))
    y = _vec(y, X.shape[0], "y")
    if not np.all(np.abs(y) == 1):
        raise ValueError("labels must be +-1")
    n, d = X.shape
    P = _make(LOGISTIC, d, "none", 0.0, A=X, b=y, lam=float(lam), n=n)
    fam = Family("logistic_regression", P, {"d": d})
    ws = _newton_minimise(fam, np.zeros(d))
    if np.linalg.norm(fam.grad(ws)) > 1e-8:
        raise ValueError("no finite minimiser found (separable data with lam = 0?)")
    lstar = fam.loss(ws)
    Hs = fam.hessian(ws)
    xx = np.linalg.eigvalsh(X.T @ X)
    rownorm = np.linalg.norm(X, axis=1)
    c = {"d": d, "n": n, "L_star": lstar, "w_star": ws,
         "H": float(xx.max() / (4 * n) + lam), "H_component": float(rownorm.max() ** 2 / 4 + lam),
         "mu": float(lam), "mu_local": float(np.linalg.eigvalsh(Hs).min()),
         "G": float(rownorm.max()) if lam == 0 else float("inf"), "sigma2": float("nan"),
         "noise": "sampling", "convex": True}
    P = P._replace(wstar=ws, fp=P.fp.copy())
    P.fp[FP_LSTAR] = lstar
    return Family("logistic_regression", P, c, "000 line 17; 003 line 2279")


def least_squares(X, y, lam: float = 0.0, name: str = "least_squares", source: str = "") -> Family:
    """L(w) = 1/(2n) ||Xw - y||^2 + lam/2 ||w||^2, finite sum over the rows.

    H = lambda_max(X'X)/n + lam, mu = lambda_min(X'X)/n + lam (0 when
    over-parameterised), H_component = max_j ||x_j||^2 + lam; w* = the
    minimum-norm minimiser (lstsq; = X^+ y for lam = 0), L* = L(w*).
    """
    X = np.ascontiguousarray(np.asarray(X, dtype=np.float64))
    n, d = X.shape
    y = _vec(y, n, "y")
    if lam > 0:
        ws = np.linalg.solve(X.T @ X / n + lam * np.eye(d), X.T @ y / n)
    else:
        ws = np.linalg.lstsq(X, y, rcond=None)[0]
    P = _make(LEAST_SQUARES, d, "none", 0.0, A=X, b=y, wstar=ws, lam=float(lam), n=n)
    lstar = float(loss(P, ws))
    P.fp[FP_LSTAR] = lstar
    xx = np.linalg.eigvalsh(X.T @ X)
    c = {"d": d, "n": n, "L_star": lstar, "w_star": ws, "H": float(xx.max() / n + lam),
         "mu": float(max(xx.min(), 0.0) / n + lam) if n >= d else float(lam),
         "H_component": float((np.linalg.norm(X, axis=1) ** 2).max() + lam),
         "G": float("inf"), "sigma2": float("nan"), "noise": "sampling", "convex": True}
    return Family(name, P, c, source)


def quartic(s, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """Non-convex L(w) = sum_i (w_i^4/4 - s_i w_i^2/2): a saddle at 0, minima at +-sqrt(s_i).

    L* = -sum_i max(s_i, 0)^2/4.  On the box |w_i| <= R the Hessian
    diag(3 w_i^2 - s_i) has operator norm <= H(R) = max_i max(3R^2 - s_i, s_i)
    and is J(R) = 6R Lipschitz (second-order smooth); both are given as
    functions of R in constants["H_on_box"], constants["J_on_box"].
    """
    s = _vec(s, name="s")
    d = s.size
    sg = _sigma_vec(sigma, d)
    lstar = float(-np.sum(np.maximum(s, 0.0) ** 2) / 4.0)
    smax = float(s.max())
    smin = float(s.min())
    c = {"d": d, "L_star": lstar, "w_star": np.sqrt(np.maximum(s, 0.0)),
         "H_on_box": lambda R: float(max(3.0 * R * R - smin, smax)), "J_on_box": lambda R: 6.0 * float(R),
         "sigma2": _noise_const(noise, noise_param, sg), "noise": noise, "convex": False}
    P = _make(QUARTIC, d, noise, noise_param, h=s, wstar=np.sqrt(np.maximum(s, 0.0)), sigma=sg, lstar=lstar)
    return Family("quartic", P, c, "non-convex second-order test family (003 section 25)")


def saturating_quadratic(h, wstar, sigma=0.0, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """Non-convex L(w) = sum_i h_i/2 r_i^2/(1 + r_i^2), r = w - w* (h_i > 0): L* = 0 at w* only.

    Per coordinate phi(x) = x^2/(2(1 + x^2)) has phi' = x/(1 + x^2)^2 and phi'' = (1 - 3x^2)/(1 + x^2)^3,
    whose range is [-1/4, 1] (the third derivative 12x(x^2 - 1)/(1 + x^2)^4 vanishes at x = 0, +-1, and
    phi'' -> 0 at infinity), and |phi'| <= 3 sqrt(3)/16 (at x^2 = 1/3).  So the Hessian diag(h_i phi''(r_i))
    gives H = max_i h_i (smoothness, attained at w*), "H_lower" = -max_i h_i/4 (the infimum of its
    smallest eigenvalue: L is H/4-almost convex, not convex) and G = 3 sqrt(3)/16 ||h|| (sup ||grad L||).
    """
    h = _vec(h, name="h")
    d = h.size
    if np.any(h <= 0):
        raise ValueError("h must be > 0")
    ws = _vec(wstar, d, "wstar")
    s = _sigma_vec(sigma, d)
    c = {"d": d, "L_star": 0.0, "w_star": ws.copy(), "H": float(h.max()), "H_lower": -float(h.max()) / 4.0,
         "G": float(3.0 * np.sqrt(3.0) / 16.0 * np.linalg.norm(h)), "sigma2": _noise_const(noise, noise_param, s),
         "noise": noise, "convex": False}
    P = _make(SATURATING, d, noise, noise_param, h=h, wstar=ws, sigma=s)
    return Family("saturating_quadratic", P, c, "003 Theorem 20.3 (a non-convex H-smooth loss)")


def _separable_min(h, b, k):
    """Per coordinate argmin_r and min of h/2 r^2 + b r + k|r| (soft-thresholding); raises if unbounded below."""
    excess = np.maximum(np.abs(b) - k, 0.0)  # |soft-threshold of b at k|
    if np.any((h == 0) & (excess > 0)):
        raise ValueError("L is unbounded below: a coordinate with h = 0 has |b| > k")
    hs = np.where(h > 0, h, 1.0)
    r = np.where(h > 0, -np.sign(b) * excess / hs, 0.0)
    return r, np.where(h > 0, -excess * excess / (2.0 * hs), 0.0)


def separable_linear(h, k, centre, b, sigma, noise: str = "gaussian", noise_param: float = 0.0) -> Family:
    """L(w) = sum_i h_i/2 (w_i - p_i)^2 + b_i (w_i - p_i) + k_i |w_i - p_i|, p = centre.

    The separable family with a linear term: its minimiser moves away from the centre p of the |.| term
    (b = 0 is ``separable(h, k, p, sigma)``).  w* and L* are computed per coordinate by soft-thresholding,
    r* = -sign(b_i) max(|b_i| - k_i, 0)/h_i, L* = -sum_i max(|b_i| - k_i, 0)^2/(2 h_i) (a coordinate with
    h_i = 0 needs |b_i| <= k_i).  H = max h (k = 0) or inf, mu = min h, G = || |b| + k || when h = 0.
    """
    h = _vec(h, name="h")
    d = h.size
    k, p, b = _vec(k, d, "k"), _vec(centre, d, "centre"), _vec(b, d, "b")
    s = _sigma_vec(sigma, d)
    if np.any(h < 0) or np.any(k < 0):
        raise ValueError("h and k must be >= 0")
    r, vals = _separable_min(h, b, k)
    ws, lstar = p + r, float(np.sum(vals))
    c = {
        "d": d, "L_star": lstar, "w_star": ws.copy(), "centre": p.copy(),
        "H": float(h.max()) if bool(np.all(k == 0)) else float("inf"),
        "mu": float(h.min()),
        "G": float(np.linalg.norm(np.abs(b) + k)) if np.all(h == 0) else float("inf"),
        "sigma2": _noise_const(noise, noise_param, s), "noise": noise, "convex": True,
    }
    P = _make(SEPARABLE_LINEAR, d, noise, noise_param, A=p.reshape(1, d), b=b, h=h, k=k, wstar=ws, sigma=s,
              lstar=lstar)
    return Family("separable_linear", P, c, "003 Theorem 22.1 (a non-smooth strongly convex loss)")


def _domain_code(domain: str) -> int:
    codes = {"box": DOMAIN_BOX, "ball": DOMAIN_BALL}
    if domain not in codes:
        raise ValueError("domain must be 'box' or 'ball'")
    return codes[domain]


def reddi_cyclic(C: float = 3.0, d: int = 1) -> Family:
    """Reddi et al.'s online problem on F = [-1, 1] (004 line 369): f_t(x) = C x if t mod 3 == 1, else -x.

    Over a cycle the sum is (C - 2) x, minimised at x* = -1 for C > 2
    (constants "x_star" = -1, "G" = C).  With d > 1 every coordinate sees the
    same sequence and F = [-1, 1]^d.
    """
    if not C > 0:
        raise ValueError("C must be > 0")
    P = _make(ONLINE_CYCLIC, d, C=float(C), radius=1.0, domain=DOMAIN_BOX)
    c = {"d": d, "C": float(C), "x_star": -np.ones(d) if C > 2 else None, "G": float(max(C, 1.0)),
         "D_inf": 2.0, "domain": "box", "radius": 1.0}
    return Family("reddi_cyclic", P, c, "004 line 369 (Reddi, Kale & Kumar 2018, Theorem 1)")


def onehot_stream(d: int, power: float = 2.0, sign_bias: float = 0.0, radius: float = 1.0,
                  domain: str = "box") -> Family:
    """1-hot gradients (000, line 130): a_t = s e_i, P(i) prop. to 1/i^power, P(s = +1) = (1 + bias)/2.

    Constants: probabilities p_i, and the expectations the notes compare,
    E[sum_i sqrt(g_{1:T}^2[i])] <= sum_i sqrt(T p_i) (Jensen) and
    ||g_t|| = 1 so sqrt(sum_t ||g_t||^2) = sqrt(T): both as functions of T.
    """
    i = np.arange(1, d + 1, dtype=np.float64)
    p = i ** (-float(power))
    p /= p.sum()
    cum = np.cumsum(p)
    cum[-1] = 1.0
    if not -1.0 <= sign_bias <= 1.0:
        raise ValueError("sign_bias in [-1, 1]")
    P = _make(ONLINE_ONEHOT, d, b=cum, radius=float(radius), domain=_domain_code(domain), sign_bias=float(sign_bias))
    c = {"d": d, "probs": p, "G": 1.0, "radius": float(radius), "domain": domain,
         "jensen_sum_sqrt": lambda T: float(np.sum(np.sqrt(T * p))), "sqrt_sum_norm": lambda T: float(np.sqrt(T))}
    return Family("onehot_stream", P, c, "000 line 130")


def online_sequence(A, radius: float = 1.0, domain: str = "box") -> Family:
    """Linear losses f_t(x) = <A[(t-1) mod n], x> on a box or ball of the given radius."""
    A = np.ascontiguousarray(np.asarray(A, dtype=np.float64))
    if A.ndim != 2 or A.shape[0] == 0:
        raise ValueError("A must be a non-empty 2-D array (rows a_t)")
    d = A.shape[1]
    P = _make(ONLINE_SEQUENCE, d, A=A, radius=float(radius), domain=_domain_code(domain), n=A.shape[0])
    c = {"d": d, "G": float(np.linalg.norm(A, axis=1).max()), "radius": float(radius), "domain": domain}
    return Family("online_sequence", P, c, "003 Theorem 15.1; 001 eq. (3)")


def adaptive_sign_adversary(G, radius: float = 1.0, domain: str = "box") -> Family:
    """Adaptive adversary a_t[i] = G_i sign+(x_t[i]) (sign+(0) = +1): always pushes against the iterate."""
    Gv = _vec(G, name="G")
    d = Gv.size
    P = _make(ONLINE_ADAPTIVE, d, h=Gv, radius=float(radius), domain=_domain_code(domain))
    c = {"d": d, "G": float(np.linalg.norm(Gv)), "radius": float(radius), "domain": domain}
    return Family("adaptive_sign_adversary", P, c, "online adversarial sequence")
