"""Problem families: constants against eigenvalues / finite differences, noise models, online sequences."""

from __future__ import annotations

import numpy as np
import pytest

from optverify.sim import blockrng, noise
from optverify.sim import families as F
from optverify.sim.tracking import comparator


def fd_grad(f, w, h=1e-6):
    g = np.zeros_like(w)
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        g[i] = (f(w + e) - f(w - e)) / (2 * h)
    return g


def fd_hess(grad, w, h=1e-6):
    H = np.zeros((w.size, w.size))
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        H[:, i] = (grad(w + e) - grad(w - e)) / (2 * h)
    return H


FAMILIES = {
    "separable": lambda: F.separable([1.0, 2.0, 0.5], [0.0, 0.0, 0.0], [0.2, -0.1, 0.4], 0.5),
    "rotated": lambda: F.rotated_quadratic([0.1, 1.0, 3.0], [0.5, -0.5, 0.2], seed=4, sigma=0.3),
    "huber": lambda: F.huber([1.0, 2.0, 0.5], 0.7, [0.1, 0.2, -0.3], 0.1),
    "logistic": lambda: F.logistic_regression(40, 3, seed=2, lam=0.01),
    "least_squares": lambda: F.least_squares(np.random.default_rng(1).standard_normal((15, 3)),
                                             np.random.default_rng(2).standard_normal(15), lam=0.1),
    "quartic": lambda: F.quartic([1.0, 0.5, 2.0], sigma=0.1),
    "nesterov": lambda: F.nesterov_worst_case(6, k=4, H=2.0),
}


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_gradient_and_hessian_match_finite_differences(name):
    fam = FAMILIES[name]()
    g = np.random.default_rng(7)
    for _ in range(3):
        w = g.standard_normal(fam.d) * 1.5
        np.testing.assert_allclose(fam.grad(w), fd_grad(fam.loss, w), rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(fam.hessian(w), fd_hess(fam.grad, w), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["separable", "rotated", "huber", "logistic", "least_squares", "quartic", "nesterov"])
def test_minimiser_and_lstar(name):
    fam = FAMILIES[name]()
    ws = fam.constants["w_star"]
    assert np.linalg.norm(fam.grad(ws)) < 1e-8
    assert abs(fam.loss(ws) - fam.constants["L_star"]) < 1e-12
    # L* is a minimum: random points are not below it
    g = np.random.default_rng(3)
    for _ in range(20):
        assert fam.loss(ws + g.standard_normal(fam.d)) >= fam.constants["L_star"] - 1e-12


def test_quadratic_constants_are_eigenvalues_of_the_assembled_matrix():
    fam = F.rotated_quadratic([0.2, 1.0, 5.0, 2.5], np.zeros(4), seed=11)
    A = fam.P.A
    assert not np.allclose(A, np.diag(np.diag(A)))  # really rotated
    np.testing.assert_allclose(np.linalg.eigvalsh(A), [0.2, 1.0, 2.5, 5.0], rtol=1e-12)
    assert fam.constants["H"] == pytest.approx(5.0, rel=1e-12)
    assert fam.constants["mu"] == pytest.approx(0.2, rel=1e-12)
    with pytest.raises(ValueError):
        F.quadratic(np.array([[1.0, 0.0], [0.0, -1.0]]), wstar=[0.0, 0.0])


def test_nesterov_worst_case_closed_forms():
    H, k, d = 3.0, 5, 8
    fam = F.nesterov_worst_case(d, k=k, H=H)
    i = np.arange(1, d + 1)
    expected = np.where(i <= k, 1 - i / (k + 1), 0.0)
    np.testing.assert_allclose(fam.constants["w_star"], expected, atol=1e-12)
    assert fam.constants["L_star"] == pytest.approx(H / 8 * (-1 + 1 / (k + 1)), rel=1e-12)
    lam = np.sort(fam.constants["eigenvalues"])[-k:]
    np.testing.assert_allclose(lam, np.sort(H / 4 * (2 - 2 * np.cos(np.arange(1, k + 1) * np.pi / (k + 1)))), atol=1e-12)
    assert fam.constants["H"] < H


def test_logistic_smoothness_bound_from_data():
    fam = F.logistic_regression(60, 4, seed=5)
    X = fam.P.A
    assert fam.constants["H"] == pytest.approx(np.linalg.eigvalsh(X.T @ X).max() / (4 * 60), rel=1e-12)
    g = np.random.default_rng(0)
    for _ in range(10):
        w = 3 * g.standard_normal(4)
        assert np.linalg.eigvalsh(fam.hessian(w)).max() <= fam.constants["H"] * (1 + 1e-12)
    rows = np.linalg.norm(X, axis=1)
    assert fam.constants["G"] == pytest.approx(rows.max())
    # per-sample gradients are bounded by ||x_j|| (lam = 0)
    for t in range(1, 30):
        assert np.linalg.norm(fam.stochastic_grad(g.standard_normal(4), seed=1, t=t)) <= rows.max() + 1e-12


def test_separable_family_gradients_are_grad_plus_scaled_block_noise():
    fam = F.separable([1.0, 2.0, 0.0], [0.1, 0.0, 0.3], [0.5, -0.2, 0.1], [1.0, 0.5, 0.3])
    w = np.array([0.3, 0.9, -0.7])
    for t in (1, 2, 17):
        xi = blockrng.normal_block(9, 2, t, np.empty(3))
        np.testing.assert_allclose(fam.stochastic_grad(w, seed=9, t=t, stream=2),
                                   fam.grad(w) + np.array([1.0, 0.5, 0.3]) * xi, rtol=1e-15, atol=1e-15)


def test_huber_and_abs_constants():
    fam = F.huber([1.0, 3.0], 0.5, [0.0, 0.0])
    assert fam.constants["H"] == 3.0
    assert fam.constants["G"] == pytest.approx(0.5 * np.sqrt(10))
    g = np.random.default_rng(1)
    for _ in range(50):
        assert np.linalg.norm(fam.grad(5 * g.standard_normal(2))) <= fam.constants["G"] + 1e-12
    fa = F.abs_value([1.0, 2.0], [0.0, 0.5])
    assert fa.constants["G"] == pytest.approx(np.sqrt(5))
    np.testing.assert_array_equal(fa.grad(np.array([0.0, 0.5])), [0.0, 0.0])  # sign(0) = 0


N = 400_000


@pytest.mark.parametrize("name,param", [("gaussian", 0.0), ("rademacher", 0.0),
                                        ("student_t", 5.0), ("sparse", 0.1), ("one_sided", 0.0),
                                        ("bounded", 0.0), ("two_point", 0.2)])
def test_noise_models_are_standardised(name, param):
    x = noise.fill_noise(noise.noise_code(name), param, 3, 1, 7, 0, np.empty(N))
    se = np.sqrt(np.var(x ** 2) / N) if name != "student_t" else 0.05
    assert abs(x.mean()) < 5 * x.std() / np.sqrt(N)
    assert abs(x.var() - 1.0) < max(6 * se, 0.01)
    if name == "bounded":
        assert np.abs(x).max() <= np.sqrt(3)
    if name == "one_sided":
        assert x.min() >= -1.0
    if name == "two_point":
        assert np.median(x) < 0 < x.mean() + 0.01
    if name == "sparse":
        assert abs(np.mean(x != 0) - 0.1) < 0.005
    if name == "student_t":
        k = np.mean(x ** 4)
        assert k > 4.0  # t_5 has kurtosis 9: heavy tails


def test_block_normal_is_standard_normal_and_prefix_consistent():
    from scipy import stats as st

    x = blockrng.normal_block(11, 2, 5, np.empty(N))
    assert st.kstest(x, "norm").pvalue > 1e-4
    # tail mass beyond the ziggurat's base layer is right
    r = blockrng.ZIG_R
    assert abs(np.mean(np.abs(x) > r) - 2 * st.norm.sf(r)) < 6 * np.sqrt(2 * st.norm.sf(r) / N)
    short = blockrng.normal_block(11, 2, 5, np.empty(7))
    np.testing.assert_array_equal(short, x[:7])  # element i does not depend on the block length
    assert blockrng.normal_at(11, 2, 5, 3) == x[3]
    assert blockrng.normal_block(11, 2, 6, np.empty(7))[0] != x[0]


def test_counters_separate_samples_and_streams():
    code = noise.noise_code("gaussian")
    a = noise.fill_noise(code, 0.0, 1, 0, 3, 0, np.empty(5))
    b = noise.fill_noise(code, 0.0, 1, 0, 3, 1, np.empty(5))
    c = noise.fill_noise(code, 0.0, 1, 1, 3, 0, np.empty(5))
    assert not np.allclose(a, b) and not np.allclose(a, c)
    np.testing.assert_array_equal(a, noise.fill_noise(code, 0.0, 1, 0, 3, 0, np.empty(5)))
    assert noise.substream(5, 0, 0) == 5


def test_reddi_cyclic_sequence_and_comparator():
    fam = F.reddi_cyclic(4.0)
    a = [F.online_vec(fam.P, np.zeros(1), t, 0, 0, np.empty(1))[0] for t in range(1, 8)]
    assert a == [4.0, -1.0, -1.0, 4.0, -1.0, -1.0, 4.0]
    assert comparator(fam.P, np.array([2.0]), np.empty(1))[0] == -1.0
    ball = F.online_sequence(np.array([[3.0, 4.0]]), radius=2.0, domain="ball")
    np.testing.assert_allclose(comparator(ball.P, np.array([3.0, 4.0]), np.empty(2)), [-1.2, -1.6])


def test_onehot_stream_frequencies():
    d = 5
    fam = F.onehot_stream(d, sign_bias=0.5)
    p = fam.constants["probs"]
    np.testing.assert_allclose(p, (1 / np.arange(1, d + 1) ** 2) / np.sum(1 / np.arange(1, d + 1) ** 2))
    T = 20000
    A = np.array([F.online_vec(fam.P, np.zeros(d), t, 3, 0, np.empty(d)) for t in range(1, T + 1)])
    assert np.all(np.abs(A).sum(axis=1) == 1.0)
    freq = (A != 0).mean(axis=0)
    assert np.all(np.abs(freq - p) < 5 * np.sqrt(p * (1 - p) / T))
    assert abs((A.sum(axis=1) > 0).mean() - 0.75) < 0.02


def test_quartic_constants():
    fam = F.quartic([1.0, 4.0])
    assert fam.constants["L_star"] == pytest.approx(-(1 + 16) / 4)
    np.testing.assert_allclose(fam.constants["w_star"], [1.0, 2.0])
    R = 2.5
    g = np.random.default_rng(0)
    for _ in range(50):
        w = g.uniform(-R, R, 2)
        assert np.abs(np.linalg.eigvalsh(fam.hessian(w))).max() <= fam.constants["H_on_box"](R) + 1e-12
    assert F.dist_to_opt(fam.P, np.array([-1.0, 2.0])) == 0.0
    assert blockrng.seed_for(0, 1) != blockrng.seed_for(0, 2)
