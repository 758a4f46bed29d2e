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
    "saturating": lambda: F.saturating_quadratic([1.0, 4.0, 0.5], [0.3, -0.2, 0.1], sigma=0.2),
    "separable_linear": lambda: F.separable_linear([1.0, 2.0, 0.5], [0.5, 0.1, 0.2], [0.5, 0.0, -0.5], [0.3, -1.0, 0.1], 0.3),
}


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_gradient_and_hessian_match_finite_differences(name):
    fam = FAMILIES[name]()
    g = np.random.default_rng(7)
    for _ in range(3):
        w = g.standard_normal(fam.d) * 1.5
        np.testing.assert_allclose(fam.grad(w), fd_grad(fam.loss, w), rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(fam.hessian(w), fd_hess(fam.grad, w), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["separable", "rotated", "huber", "logistic", "least_squares", "quartic", "nesterov", "saturating"])
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


def test_the_one_coordinate_oracle_is_d_times_one_partial_derivative_and_unbiased():
    """grad_mode "coordinate": g = d·(∂L/∂w_z)(w) e_z with z uniform on 0..d−1 (a sparse gradient, as in Hogwild!)."""
    fam = F.huber([1.0, 3.0, 0.5, 2.0], 0.5, [0.2, -0.1, 0.0, 0.4], sigma=1.0)  # the noise model is not used
    w = np.array([0.9, -0.3, 0.1, 0.45])
    full, d, n = fam.grad(w), 4, 4000
    seen = np.zeros(d)
    mean = np.zeros(d)
    for t in range(1, n + 1):
        g = F.oracle(fam.P, w, F.GRAD_MODES["coordinate"], 7, 1, t, 0, np.empty(d), np.empty(d))
        z = np.flatnonzero(g)
        assert len(z) == 1 and g[z[0]] == d * full[z[0]]
        seen[z[0]] += 1
        mean += g / n
    assert np.all(np.abs(seen - n / d) < 4 * np.sqrt(n * (1 / d) * (1 - 1 / d)))  # each coordinate about n/d times
    se = np.sqrt((d * full**2 - full**2) / n)
    assert np.all(np.abs(mean - full) < 5 * se)  # E g = ∇L


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


def test_saturating_quadratic_against_sympy_and_its_constants():
    """L = sum_i h_i/2 r_i^2/(1 + r_i^2): loss, gradient and Hessian against sympy; H, H_lower, G as sup/inf on a grid."""
    import sympy as sp

    h, ws = np.array([1.0, 4.0, 0.5]), np.array([0.3, -0.2, 0.1])
    fam = F.saturating_quadratic(h, ws, sigma=0.2)
    x, c = sp.symbols("x c", real=True)
    phi = c / 2 * x**2 / (1 + x**2)
    f0, f1, f2 = (sp.lambdify((x, c), e) for e in (phi, sp.diff(phi, x), sp.diff(phi, x, 2)))
    g = np.random.default_rng(11)
    for _ in range(5):
        w = g.standard_normal(3) * 2.0
        r = w - ws
        assert fam.loss(w) == pytest.approx(float(np.sum(f0(r, h))), rel=1e-13)
        np.testing.assert_allclose(fam.grad(w), f1(r, h), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(fam.hessian(w), np.diag(f2(r, h)), rtol=1e-12, atol=1e-15)
    assert fam.constants["L_star"] == 0.0 and fam.loss(ws) == 0.0
    np.testing.assert_array_equal(fam.constants["w_star"], ws)
    assert fam.constants["convex"] is False and fam.constants["sigma2"] == pytest.approx(3 * 0.04)
    # the constants are the extremes of the Hessian's eigenvalues and of ||grad L|| (a fine grid of r, per coordinate)
    r = np.linspace(-6.0, 6.0, 240001)
    curv = np.array([np.max(hi * f2(r, 1.0)) for hi in h])
    low = np.array([np.min(hi * f2(r, 1.0)) for hi in h])
    slope = np.array([np.max(np.abs(hi * f1(r, 1.0))) for hi in h])
    assert fam.constants["H"] == pytest.approx(curv.max(), rel=1e-9)
    assert fam.constants["H_lower"] == pytest.approx(low.min(), rel=1e-8)
    assert fam.constants["G"] == pytest.approx(np.linalg.norm(slope), rel=1e-8)
    assert F.dist_to_opt(fam.P, ws + np.array([0.0, 3.0, 4.0])) == pytest.approx(5.0)
    with pytest.raises(ValueError):
        F.saturating_quadratic([1.0, 0.0], [0.0, 0.0])


def test_separable_linear_minimiser_by_soft_thresholding():
    """w* and L* of h/2 r^2 + b r + k|r| (r = w - p) against a brute-force grid, thresholded coordinates included."""
    h, k, p, b = np.array([1.0, 2.0, 0.5, 0.0]), np.array([0.5, 0.1, 0.2, 0.7]), np.array([0.5, 0.0, -0.5, 1.0]), \
        np.array([0.3, -1.0, 0.1, -0.4])  # coordinates 0, 2, 3 thresholded (|b| <= k), 1 not
    fam = F.separable_linear(h, k, p, b, 0.3)
    ws, lstar = fam.constants["w_star"], fam.constants["L_star"]
    grid = np.linspace(-3.0, 3.0, 600001)
    for i in range(4):
        vals = h[i] / 2 * (grid - p[i]) ** 2 + b[i] * (grid - p[i]) + k[i] * np.abs(grid - p[i])
        assert ws[i] == pytest.approx(grid[np.argmin(vals)], abs=1e-5)
    np.testing.assert_allclose(ws[[0, 2, 3]], p[[0, 2, 3]])
    assert ws[1] == pytest.approx(p[1] + 0.9 / 2.0)
    assert fam.loss(ws) == pytest.approx(lstar, abs=1e-15) and lstar == pytest.approx(-0.9**2 / 4)
    g = np.random.default_rng(5)
    for _ in range(200):
        assert fam.loss(ws + g.standard_normal(4)) >= lstar
    assert fam.constants["mu"] == 0.0 and fam.constants["H"] == float("inf") and fam.constants["convex"]
    # b = 0 is the separable family, number for number
    base = F.separable(h[:3], k[:3], p[:3], 0.3)
    same = F.separable_linear(h[:3], k[:3], p[:3], np.zeros(3), 0.3)
    for _ in range(5):
        w = g.standard_normal(3)
        assert same.loss(w) == base.loss(w)
        np.testing.assert_array_equal(same.grad(w), base.grad(w))
        np.testing.assert_array_equal(same.stochastic_grad(w, 3, 4), base.stochastic_grad(w, 3, 4))
    np.testing.assert_array_equal(same.constants["w_star"], base.constants["w_star"])
    with pytest.raises(ValueError, match="unbounded"):
        F.separable_linear([0.0], [0.1], [0.0], [0.5], 0.0)


def test_separable_linear_is_the_shifted_strongly_convex_loss():
    """(mu/2)||w||^2 + <c, w> + a||w - w0||_1 = separable_linear(mu, a, w0, c + mu w0) + a constant."""
    mu, a = 0.7, 0.35
    c, w0 = np.array([0.21, -0.14, 0.07]), np.array([0.5, 0.0, -0.5])
    fam = F.separable_linear(mu * np.ones(3), a * np.ones(3), w0, c + mu * w0, 1.0)
    L = lambda w: mu / 2 * w @ w + c @ w + a * np.abs(w - w0).sum()  # noqa: E731
    g = np.random.default_rng(2)
    const = L(w0) - fam.loss(w0)
    for _ in range(10):
        w = g.standard_normal(3)
        assert L(w) - fam.loss(w) == pytest.approx(const, abs=1e-13)
        np.testing.assert_allclose(fam.grad(w), mu * w + c + a * np.sign(w - w0), rtol=1e-13, atol=1e-15)
