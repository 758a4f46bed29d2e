"""The public hypothesis strategies deliver the constants they promise."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from optverify import strategies as S

FAST = settings(max_examples=40, deadline=None)


@FAST
@given(S.smooth_convex_quadratics(dim=st.integers(1, 5), mu_min=0.0, H_max=10.0, minimiser_bound=2.0))
def test_quadratic_H_and_mu_are_the_extreme_eigenvalues(q):
    eig = np.linalg.eigvalsh(q.A)
    tol = 1e-12 * max(1.0, q.H) * q.dim
    assert abs(eig[-1] - q.H) <= tol
    assert abs(eig[0] - q.mu) <= tol
    np.testing.assert_allclose(q.A, q.A.T, atol=0)
    assert np.all(np.abs(q.minimiser) <= 2.0)
    # the minimiser: value 0, gradient 0; elsewhere the value is ≥ 0 and within the H / mu sandwich
    assert q.value(q.minimiser) == 0.0 and np.all(q.grad(q.minimiser) == 0.0)
    w = q.minimiser + np.linspace(-1.0, 1.0, q.dim)
    r2 = float(np.sum((w - q.minimiser) ** 2))
    assert q.mu * r2 / 2 - tol * r2 <= q.value(w) <= q.H * r2 / 2 + tol * r2


@FAST
@given(S.smooth_convex_quadratics(dim=3, mu_min=0.5, H_max=4.0), st.lists(st.floats(-3, 3), min_size=6, max_size=6))
def test_quadratic_gradient_is_H_lipschitz_and_mu_strongly_monotone(q, xs):
    u, v = np.array(xs[:3]), np.array(xs[3:])
    du, dg = u - v, q.grad(u) - q.grad(v)
    n2 = float(du @ du)
    assert 0.5 <= q.mu <= q.H <= 4.0
    assert np.linalg.norm(dg) <= q.H * math.sqrt(n2) * (1 + 1e-12) + 1e-12
    assert float(dg @ du) >= q.mu * n2 * (1 - 1e-12) - 1e-12


def _far_point(f, e):
    """A point from which f grows at rate G along e (for a max-affine: past every piece that is not parallel)."""
    if isinstance(f, S.Huber):
        return f.centre + (f.delta + 1.0)  # every coordinate in the linear part, and e ≥ 0 keeps it there
    G, star = f.G, int(np.argmax(np.linalg.norm(f.slopes, axis=1)))
    R = 1.0
    for a, b in zip(f.slopes, f.offsets):
        gap = G - float(a @ e)
        if gap > 1e-7 * G:  # a nearly parallel piece has slope G along e to within 1e-7 anyway
            R = max(R, 2 * (b - f.offsets[star]) / gap)
    return R * e


@FAST
@given(S.lipschitz_convex_functions(dim=st.integers(1, 4)), st.data())
def test_lipschitz_functions_have_the_promised_G(f, data):
    d = f.dim
    pts = data.draw(st.lists(st.lists(st.floats(-20, 20), min_size=d, max_size=d), min_size=2, max_size=2))
    u, v = np.array(pts[0]), np.array(pts[1])
    assert abs(f.value(u) - f.value(v)) <= f.G * np.linalg.norm(u - v) * (1 + 1e-9) + 1e-9
    # convexity: a subgradient gives a global lower bound, and its norm is at most G
    g = f.subgradient(u)
    assert f.value(v) >= f.value(u) + float(g @ (v - u)) - 1e-9 * (1 + abs(f.value(u)))
    assert np.linalg.norm(g) <= f.G * (1 + 1e-12)
    # G is attained: the finite-difference slope along the steepest direction, far out, is G
    e = f.steepest_direction()
    w = _far_point(f, e)
    h = max(1.0, float(np.linalg.norm(w)))
    slope = (f.value(w + h * e) - f.value(w)) / h
    assert slope == pytest.approx(f.G, rel=1e-6, abs=1e-12)


@FAST
@given(S.bounded_gradient_sequences(G=2.0, norm="2"), S.bounded_gradient_sequences(G=0.5, norm="inf"))
def test_bounded_gradient_sequences_respect_their_norm(g2, ginf):
    assert g2.ndim == 2 and np.all(np.linalg.norm(g2, axis=1) <= 2.0)
    assert ginf.ndim == 2 and np.all(np.abs(ginf) <= 0.5)


@FAST
@given(S.sparse_gradient_sequences(dim=st.integers(2, 6), length=st.integers(1, 15), scale=3.0))
def test_sparse_sequences_are_one_hot(g):
    assert np.all(np.count_nonzero(g, axis=1) == 1)
    assert set(np.abs(g[g != 0]).tolist()) == {3.0}


@FAST
@given(S.sign_gradient_sequences(dim=3, length=8, G=0.25))
def test_sign_sequences_are_plus_minus_G(g):
    assert g.shape == (8, 3)
    assert np.all(np.abs(g) == 0.25)


@FAST
@given(S.noise_models(kinds=("gaussian", "one-sided", "bounded")))
def test_noise_models_mean_variance_and_support(m):
    x = m.sample(np.random.default_rng(7), 200_000)
    assert np.all((m.lower <= x) & (x <= m.upper))
    assert abs(x.mean()) <= 6 * m.sigma / math.sqrt(x.size)
    assert x.var() == pytest.approx(m.variance, rel=0.05)


@FAST
@given(S.noise_models(kinds=("heavy-tailed",)))
def test_heavy_tailed_noise_has_the_stated_variance_and_heavier_tails(m):
    scale2 = (m.sigma * math.sqrt((m.df - 2) / m.df)) ** 2
    assert scale2 * stats.t(m.df).var() == pytest.approx(m.variance, rel=1e-12)
    x = m.sample(np.random.default_rng(3), 200_000)
    gaussian_tail = 2 * stats.norm.sf(5.0)  # ≈ 5.7e-7
    assert np.mean(np.abs(x) > 5 * m.sigma) > 100 * gaussian_tail


@FAST
@given(S.adam_hyperparameters(), S.betas(), S.learning_rates(), S.epsilons())
def test_hyperparameters_lie_in_their_domains(hp, beta, eta, eps):
    assert 0.0 <= hp["beta1"] < 1.0 and 0.0 <= hp["beta2"] < 1.0
    assert hp["eta"] > 0 and hp["eps"] > 0
    assert 0.0 <= beta < 1.0 and eta > 0 and eps > 0


@FAST
@given(S.adam_hyperparameters(eps=0.0, beta1=st.just(0.9)))
def test_hyperparameters_can_be_fixed(hp):
    assert hp["eps"] == 0.0 and hp["beta1"] == 0.9


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        S.betas(0.5, 0.2)
    with pytest.raises(ValueError):
        S.learning_rates(0.0)
    with pytest.raises(ValueError):
        S.smooth_convex_quadratics(mu_min=2.0, H_max=1.0)
    with pytest.raises(ValueError):
        S.noise_models(kinds=("cauchy",))
    with pytest.raises(ValueError):
        S.bounded_gradient_sequences(norm="1")
    with pytest.raises(ValueError):
        S.sparse_gradient_sequences(dim=0)
