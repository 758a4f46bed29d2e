"""Hypothesis strategies for property-based tests of optimizers, each with the constants it promises.

Small composable strategies: every size or constant may be a number or a
strategy.  What they draw carries its constants, so a test can assert the
invariant a theorem promises for exactly that class:

- :func:`smooth_convex_quadratics` — ``f(w) = ½ (w − w*)ᵀ A (w − w*)`` with
  ``H = λmax(A)``, ``mu = λmin(A)`` and the minimiser ``w*`` known.
- :func:`max_affine_functions`, :func:`huber_functions`,
  :func:`lipschitz_convex_functions` — convex functions with a known (and
  attained) Lipschitz constant ``G`` in the 2-norm.
- :func:`bounded_gradient_sequences`, :func:`sparse_gradient_sequences`,
  :func:`sign_gradient_sequences` — gradient sequences as ``(T, d)`` arrays.
- :func:`noise_models` — centred noise samplers (gaussian, heavy-tailed,
  one-sided, bounded) with their variance and support.
- :func:`betas`, :func:`learning_rates`, :func:`epsilons`,
  :func:`adam_hyperparameters` — optimizer hyper-parameters in their domains.

Example::

    from hypothesis import given
    from optverify.strategies import smooth_convex_quadratics, learning_rates

    @given(smooth_convex_quadratics(dim=3, mu_min=0.1), learning_rates(max_value=0.1))
    def test_gradient_descent_contracts(q, eta):
        w = q.minimiser + 1.0
        if eta <= 1 / q.H:   # the step size the theory allows
            assert q.value(w - eta * q.grad(w)) <= q.value(w)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

def _ints(x, name: str) -> SearchStrategy[int]:
    if isinstance(x, SearchStrategy):
        return x
    if isinstance(x, int) and x >= 1:
        return st.just(x)
    raise ValueError(f"{name} must be a positive int or a strategy, got {x!r}")


def _floats(x) -> SearchStrategy[float]:
    return x if isinstance(x, SearchStrategy) else st.just(float(x))


def _unit_floats(lo: float, hi: float) -> SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def _magnitudes(top: float) -> SearchStrategy[float]:
    """0, or a magnitude in [top·1e-9, top]: never so small that its square underflows and a norm reads 0."""
    if top <= 0:
        return st.just(0.0)
    return st.one_of(st.just(0.0), _unit_floats(top * 1e-9, top))


# ---------------------------------------------------------------- hyper-parameters

def betas(min_value: float = 0.0, max_value: float = 1.0) -> SearchStrategy[float]:
    """A momentum or averaging parameter β in [min_value, max_value), inside β's domain [0, 1).

    >>> b = betas(max_value=0.999).example()
    >>> 0.0 <= b < 0.999
    True
    """
    if not 0.0 <= min_value < max_value <= 1.0:
        raise ValueError("need 0 <= min_value < max_value <= 1")
    return st.floats(min_value, max_value, exclude_max=True, allow_nan=False, allow_subnormal=False)


def learning_rates(min_value: float = 1e-4, max_value: float = 10.0) -> SearchStrategy[float]:
    """A step size η in [min_value, max_value], η > 0."""
    if not 0.0 < min_value <= max_value:
        raise ValueError("need 0 < min_value <= max_value")
    return _unit_floats(min_value, max_value)


def epsilons(min_value: float = 1e-12, max_value: float = 1e-1) -> SearchStrategy[float]:
    """A stabilising ε in [min_value, max_value], ε > 0."""
    if not 0.0 < min_value <= max_value:
        raise ValueError("need 0 < min_value <= max_value")
    return _unit_floats(min_value, max_value)


def adam_hyperparameters(eta=None, beta1=None, beta2=None, eps=None) -> SearchStrategy[dict]:
    """Adam's ``{"eta", "beta1", "beta2", "eps"}``; each may be fixed (a number) or given as a strategy.

    >>> hp = adam_hyperparameters(eps=0.0).example()
    >>> hp["eps"] == 0.0 and 0 <= hp["beta1"] < 1 and hp["eta"] > 0
    True
    """
    def pick(value, default):
        return default if value is None else _floats(value)

    return st.fixed_dictionaries({
        "eta": pick(eta, learning_rates(1e-4, 1.0)),
        "beta1": pick(beta1, betas(0.0, 0.999)),
        "beta2": pick(beta2, betas(0.0, 0.9999)),
        "eps": pick(eps, epsilons()),
    })


# ---------------------------------------------------------------- smooth convex quadratics

@dataclass(frozen=True, eq=False)
class Quadratic:
    """``f(w) = ½ (w − w*)ᵀ A (w − w*)``: H-smooth and mu-strongly convex, minimum 0 at ``minimiser``."""

    A: np.ndarray
    minimiser: np.ndarray
    eigenvalues: np.ndarray  #: ascending, as drawn; A = Q diag(eigenvalues) Qᵀ

    @property
    def dim(self) -> int:
        return self.A.shape[0]

    @property
    def H(self) -> float:
        """Smoothness constant: the largest eigenvalue of A."""
        return float(self.eigenvalues[-1])

    @property
    def mu(self) -> float:
        """Strong-convexity constant: the smallest eigenvalue of A (0 when merely convex)."""
        return float(self.eigenvalues[0])

    def value(self, w) -> float:
        d = np.asarray(w, dtype=float) - self.minimiser
        return 0.5 * float(d @ self.A @ d)

    def grad(self, w) -> np.ndarray:
        return self.A @ (np.asarray(w, dtype=float) - self.minimiser)


def _rotation(dim: int, angles: list[float]) -> np.ndarray:
    """The product of Givens rotations by ``angles`` over the coordinate pairs (i, j), i < j: orthogonal."""
    Q = np.eye(dim)
    k = 0
    for i in range(dim):
        for j in range(i + 1, dim):
            c, s = math.cos(angles[k]), math.sin(angles[k])
            G = np.eye(dim)
            G[i, i], G[i, j], G[j, i], G[j, j] = c, -s, s, c
            Q = Q @ G
            k += 1
    return Q


def smooth_convex_quadratics(dim=st.integers(1, 4), mu_min: float = 0.0, H_max: float = 10.0,
                             minimiser_bound: float = 1.0) -> SearchStrategy[Quadratic]:
    """A convex quadratic with eigenvalues in [mu_min, H_max] and ``‖w*‖_∞ ≤ minimiser_bound``.

    ``mu_min > 0`` gives strongly convex ones.  ``q.H`` and ``q.mu`` are the
    largest and smallest eigenvalue of ``q.A`` (up to rounding in building A).

    >>> q = smooth_convex_quadratics(dim=2, mu_min=0.5, H_max=2.0).example()
    >>> 0.5 <= q.mu <= q.H <= 2.0 and q.value(q.minimiser) == 0.0
    True
    """
    if not 0.0 <= mu_min <= H_max or H_max <= 0 or minimiser_bound < 0:
        raise ValueError("need 0 <= mu_min <= H_max, H_max > 0 and minimiser_bound >= 0")
    return _quadratics(_ints(dim, "dim"), mu_min, H_max, minimiser_bound)


@st.composite
def _quadratics(draw, dim, mu_min, H_max, minimiser_bound) -> Quadratic:
    d = draw(dim)
    eig = sorted(draw(st.lists(_unit_floats(mu_min, H_max), min_size=d, max_size=d)))
    angles = draw(st.lists(_unit_floats(-math.pi, math.pi), min_size=d * (d - 1) // 2, max_size=d * (d - 1) // 2))
    Q = _rotation(d, angles)
    A = Q @ np.diag(eig) @ Q.T
    A = (A + A.T) / 2
    wstar = np.array(draw(st.lists(_unit_floats(-minimiser_bound, minimiser_bound), min_size=d, max_size=d)))
    return Quadratic(A=A, minimiser=wstar, eigenvalues=np.array(eig))


# ---------------------------------------------------------------- Lipschitz convex functions

@dataclass(frozen=True, eq=False)
class MaxAffine:
    """``f(w) = max_k ⟨a_k, w⟩ + b_k``: convex and G-Lipschitz with ``G = max_k ‖a_k‖₂`` (attained along a_k)."""

    slopes: np.ndarray   #: (pieces, dim)
    offsets: np.ndarray  #: (pieces,)

    @property
    def dim(self) -> int:
        return self.slopes.shape[1]

    @property
    def G(self) -> float:
        return float(np.max(np.linalg.norm(self.slopes, axis=1)))

    def value(self, w) -> float:
        return float(np.max(self.slopes @ np.asarray(w, dtype=float) + self.offsets))

    def subgradient(self, w) -> np.ndarray:
        """The slope of an active piece (a subgradient at w)."""
        return self.slopes[int(np.argmax(self.slopes @ np.asarray(w, dtype=float) + self.offsets))].copy()

    def steepest_direction(self) -> np.ndarray:
        """A unit direction along which f grows at rate G far from the origin."""
        a = self.slopes[int(np.argmax(np.linalg.norm(self.slopes, axis=1)))]
        n = np.linalg.norm(a)
        return a / n if n > 0 else np.eye(self.dim)[0]  # G = 0: every direction is steepest


@dataclass(frozen=True, eq=False)
class Huber:
    """``f(w) = Σ_i s_i h_δ(w_i − c_i)`` with ``h_δ(x) = x²/2`` for ``|x| ≤ δ``, else ``δ(|x| − δ/2)``.

    Convex, (max_i s_i)-smooth, and G-Lipschitz with ``G = δ ‖s‖₂``, attained where every ``|w_i − c_i| ≥ δ``.
    """

    weights: np.ndarray  #: s_i ≥ 0
    centre: np.ndarray   #: c
    delta: float

    @property
    def dim(self) -> int:
        return self.centre.shape[0]

    @property
    def G(self) -> float:
        return float(self.delta * np.linalg.norm(self.weights))

    def value(self, w) -> float:
        x = np.abs(np.asarray(w, dtype=float) - self.centre)
        h = np.where(x <= self.delta, 0.5 * x * x, self.delta * (x - 0.5 * self.delta))
        return float(self.weights @ h)

    def subgradient(self, w) -> np.ndarray:
        return self.weights * np.clip(np.asarray(w, dtype=float) - self.centre, -self.delta, self.delta)

    def steepest_direction(self) -> np.ndarray:
        n = np.linalg.norm(self.weights)
        return self.weights / n if n > 0 else np.eye(self.dim)[0]


def max_affine_functions(dim=st.integers(1, 4), pieces=st.integers(1, 5), G_max: float = 5.0) -> SearchStrategy[MaxAffine]:
    """A max of affine pieces whose slopes have 2-norm at most ``G_max`` (so ``f.G <= G_max``)."""
    if not G_max > 0:
        raise ValueError("G_max must be positive")
    return _max_affine(_ints(dim, "dim"), _ints(pieces, "pieces"), float(G_max))


@st.composite
def _max_affine(draw, dim, pieces, G_max) -> MaxAffine:
    d, k = draw(dim), draw(pieces)
    slopes = []
    for _ in range(k):
        a = np.array(draw(st.lists(_unit_floats(-1.0, 1.0), min_size=d, max_size=d)))
        n = np.linalg.norm(a)
        r = draw(_magnitudes(G_max))
        slopes.append(a * (r / n) * (1 - 2.0 ** -50) if n > 1e-100 else np.zeros(d))
    offsets = draw(st.lists(_unit_floats(-10.0, 10.0), min_size=k, max_size=k))
    return MaxAffine(slopes=np.array(slopes), offsets=np.array(offsets))


def huber_functions(dim=st.integers(1, 4), delta=_unit_floats(0.05, 5.0), weight_max: float = 3.0) -> SearchStrategy[Huber]:
    """A weighted Huber function with ``G = δ ‖s‖₂`` (weights in [0, weight_max], δ > 0)."""
    if not weight_max >= 0:
        raise ValueError("weight_max must be non-negative")
    return _huber(_ints(dim, "dim"), _floats(delta).filter(lambda x: x > 0), float(weight_max))


@st.composite
def _huber(draw, dim, delta, weight_max) -> Huber:
    d = draw(dim)
    w = np.array(draw(st.lists(_magnitudes(weight_max), min_size=d, max_size=d)))
    c = np.array(draw(st.lists(_unit_floats(-5.0, 5.0), min_size=d, max_size=d)))
    return Huber(weights=w, centre=c, delta=draw(delta))


def lipschitz_convex_functions(dim=st.integers(1, 4)) -> SearchStrategy[MaxAffine | Huber]:
    """Convex functions with a known Lipschitz constant ``f.G``: max-affine or Huber.

    Each has ``value(w)``, ``subgradient(w)``, ``G`` and ``steepest_direction()``.
    """
    return st.one_of(max_affine_functions(dim=dim), huber_functions(dim=dim))


# ---------------------------------------------------------------- gradient sequences

def bounded_gradient_sequences(dim=st.integers(1, 4), length=st.integers(1, 20), G: float = 1.0,
                               norm: str = "2") -> SearchStrategy[np.ndarray]:
    """A ``(T, d)`` array of gradients with ``‖g_t‖ ≤ G`` in the 2-norm (``norm="2"``) or max-norm (``"inf"``)."""
    if norm not in ("2", "inf"):
        raise ValueError("norm must be '2' or 'inf'")
    if not G > 0:
        raise ValueError("G must be positive")
    return _bounded_sequences(_ints(dim, "dim"), _ints(length, "length"), G, norm)


@st.composite
def _bounded_sequences(draw, dim, length, G, norm) -> np.ndarray:
    d, T = draw(dim), draw(length)
    rows = np.array(draw(st.lists(st.lists(_unit_floats(-G, G), min_size=d, max_size=d), min_size=T, max_size=T)),
                    dtype=float).reshape(T, d)
    if norm == "2":
        n = np.linalg.norm(rows, axis=1)
        over = n > G
        rows[over] *= (G / n[over] * (1 - 2.0 ** -50))[:, None]
    return rows


def sparse_gradient_sequences(dim=st.integers(2, 6), length=st.integers(1, 20), scale: float = 1.0) -> SearchStrategy[np.ndarray]:
    """1-hot gradients: each row of the ``(T, d)`` array has exactly one non-zero entry, ``±scale``."""
    if not scale > 0:
        raise ValueError("scale must be positive")
    return _sparse_sequences(_ints(dim, "dim"), _ints(length, "length"), float(scale))


@st.composite
def _sparse_sequences(draw, dim, length, scale) -> np.ndarray:
    d, T = draw(dim), draw(length)
    rows = np.zeros((T, d))
    for t in range(T):
        i = draw(st.integers(0, d - 1))
        rows[t, i] = scale if draw(st.booleans()) else -scale
    return rows


def _sign_pattern(T: int) -> SearchStrategy[list[int]]:
    alternating = st.sampled_from([1, -1]).map(lambda s: [s * (-1) ** t for t in range(T)])
    constant = st.sampled_from([1, -1]).map(lambda s: [s] * T)
    free = st.lists(st.sampled_from([1, -1]), min_size=T, max_size=T)
    return st.one_of(alternating, constant, free)


def sign_gradient_sequences(dim=st.integers(1, 4), length=st.integers(1, 20), G: float = 1.0) -> SearchStrategy[np.ndarray]:
    """Adversarial-sign gradients: every entry is exactly ``±G`` (``‖g_t‖_∞ = G``).

    Each coordinate's signs are alternating, constant or free: the patterns that
    stress momentum and adaptive step sizes most.
    """
    if not G > 0:
        raise ValueError("G must be positive")
    return _sign_sequences(_ints(dim, "dim"), _ints(length, "length"), float(G))


@st.composite
def _sign_sequences(draw, dim, length, G) -> np.ndarray:
    d, T = draw(dim), draw(length)
    cols = [draw(_sign_pattern(T)) for _ in range(d)]
    return G * np.array(cols, dtype=float).T.reshape(T, d)


# ---------------------------------------------------------------- noise models

@dataclass(frozen=True, eq=False)
class NoiseModel:
    """A centred noise distribution: ``sample(rng, size)`` draws it; mean 0 and the stated variance and support."""

    kind: str
    sigma: float
    variance: float
    lower: float
    upper: float
    sampler: Callable[[np.random.Generator, int | tuple], np.ndarray]
    df: float | None = None  #: degrees of freedom of the heavy-tailed kind

    mean = 0.0

    def sample(self, rng: np.random.Generator, size) -> np.ndarray:
        return self.sampler(rng, size)


def _gaussian(sigma: float) -> NoiseModel:
    return NoiseModel("gaussian", sigma, sigma ** 2, -math.inf, math.inf, lambda rng, n: rng.normal(0.0, sigma, n))


def _heavy_tailed(sigma: float, df: float) -> NoiseModel:
    # Student t scaled to variance σ²: finite variance (df > 2), infinite fourth moment (df ≤ 4)
    k = sigma * math.sqrt((df - 2) / df)
    return NoiseModel("heavy-tailed", sigma, sigma ** 2, -math.inf, math.inf,
                      lambda rng, n: k * rng.standard_t(df, n), df=df)


def _one_sided(sigma: float) -> NoiseModel:
    # σ(E − 1), E ~ Exp(1): bounded below by −σ, a long right tail
    return NoiseModel("one-sided", sigma, sigma ** 2, -sigma, math.inf, lambda rng, n: sigma * (rng.exponential(1.0, n) - 1.0))


def _bounded(sigma: float) -> NoiseModel:
    b = sigma * math.sqrt(3.0)  # uniform on [−b, b] has variance b²/3 = σ²
    return NoiseModel("bounded", sigma, sigma ** 2, -b, b, lambda rng, n: rng.uniform(-b, b, n))


NOISE_KINDS = ("gaussian", "heavy-tailed", "one-sided", "bounded")


def noise_models(sigma=_unit_floats(0.01, 10.0), kinds: tuple[str, ...] = NOISE_KINDS) -> SearchStrategy[NoiseModel]:
    """A centred noise model of variance σ²: gaussian, heavy-tailed (Student t, 2 < df ≤ 4),
    one-sided (shifted exponential, ≥ −σ) or bounded (uniform on ±σ√3).

    >>> m = noise_models(kinds=("bounded",)).example()
    >>> x = m.sample(np.random.default_rng(0), 1000)
    >>> bool(np.all((m.lower <= x) & (x <= m.upper)))
    True
    """
    unknown = set(kinds) - set(NOISE_KINDS)
    if unknown or not kinds:
        raise ValueError(f"kinds must be among {NOISE_KINDS}")
    return _noise(_floats(sigma), tuple(kinds))


@st.composite
def _noise(draw, sigma, kinds) -> NoiseModel:
    kind = draw(st.sampled_from(kinds))
    s = draw(sigma)
    if kind == "heavy-tailed":
        return _heavy_tailed(s, draw(_unit_floats(2.5, 4.0)))
    return {"gaussian": _gaussian, "one-sided": _one_sided, "bounded": _bounded}[kind](s)
