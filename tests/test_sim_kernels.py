"""Simulation layer: rng sanity, problem family, kernels vs plain-NumPy references."""

from __future__ import annotations

import numba
import numpy as np
import pytest
from scipy import stats as st

from optverify.bounds.stats import paired_ratio_ci
from optverify.sim import kernels as K
from optverify.sim import rng
from optverify.sim.problems import SeparableProblem, sep_grad, sep_loss

TOL = dict(rtol=1e-12, atol=1e-12)


# ----------------------------------------------------------------- fixtures


def make_problem(noise_kind="gaussian"):
    return SeparableProblem(
        h=[1.0, 2.0, 0.5, 0.0],
        k=[0.1, 0.0, 0.3, 0.2],
        wstar=[0.5, -0.2, 0.1, -0.4],
        sigma=[1.0, 0.5, 0.0, 0.3],
        noise_kind=noise_kind,
    )


W1 = np.array([0.3, 0.9, -0.7, 0.0])


# ------------------------------------------------------ NumPy references


def ref_grad(p, w, seed, stream, t):
    """g_t written independently of sep_grad, noise from the rng as plain calls."""
    r = w - p.wstar
    draw = rng.normal if p.noise_kind == "gaussian" else rng.rademacher
    xi = np.array([draw(seed, stream, t, i) for i in range(p.d)])
    return p.h * r + p.k * np.sign(r) + p.sigma * xi


def ref_adagrad_norm_ball(p, w1, c, D, T, seed, stream):
    w, W, regret, sumsq = w1.copy(), [w1.copy()], 0.0, 0.0
    for t in range(1, T + 1):
        regret += p.loss(w)
        g = ref_grad(p, w, seed, stream, t)
        sumsq += g @ g
        if sumsq > 0:
            w = w - c * g / np.sqrt(sumsq)
        nrm = np.linalg.norm(w)
        if nrm > D:
            w = w * (D / nrm)
        W.append(w.copy())
    return regret, np.sqrt(sumsq), np.array(W)


def ref_adagrad_diag_box(p, w1, c, D, T, seed, stream):
    w, W, regret, sumsq = w1.copy(), [w1.copy()], 0.0, np.zeros(p.d)
    for t in range(1, T + 1):
        regret += p.loss(w)
        g = ref_grad(p, w, seed, stream, t)
        sumsq = sumsq + g * g
        pos = sumsq > 0
        step = np.zeros(p.d)
        step[pos] = c * g[pos] / np.sqrt(sumsq[pos])
        w = np.clip(w - step, -D, D)
        W.append(w.copy())
    return regret, np.sum(np.sqrt(sumsq)), np.sqrt(sumsq.sum()), np.array(W)


def ref_adam(p, w1, eta, eta_power, b1, b2, eps_mode, eps, msign, bc, T, seed, stream):
    w, W, regret = w1.copy(), [w1.copy()], 0.0
    m, v, nz = np.zeros(p.d), np.zeros(p.d), 0
    for t in range(1, T + 1):
        regret += p.loss(w)
        g = ref_grad(p, w, seed, stream, t)
        eta_t = eta / t**eta_power
        m = b1 * m + msign * (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mh = m / (1 - b1**t) if bc else m
        vh = v / (1 - b2**t) if bc else v
        denom = {0: np.sqrt(vh), 1: np.sqrt(vh + eps * eps), 2: np.sqrt(vh) + eps}[eps_mode]
        zero = denom == 0
        nz += int(zero.sum())
        step = np.where(zero, 0.0, mh / np.where(zero, 1.0, denom))
        w = w - eta_t * step
        W.append(w.copy())
    return regret, w, p.loss(w), nz, np.array(W)


def ref_sign_update(p, w1, eta, eta_power, T, seed, stream):
    w, W, regret = w1.copy(), [w1.copy()], 0.0
    for t in range(1, T + 1):
        regret += p.loss(w)
        g = ref_grad(p, w, seed, stream, t)
        w = w - eta / t**eta_power * np.sign(g)
        W.append(w.copy())
    return regret, p.loss(w), np.array(W)


# ------------------------------------------------------------------- rng


def test_rng_deterministic_and_counter_sensitive():
    a = [rng.uniform(11, 2, 3, 4), rng.normal(11, 2, 3, 4), rng.rademacher(11, 2, 3, 4)]
    b = [rng.uniform(11, 2, 3, 4), rng.normal(11, 2, 3, 4), rng.rademacher(11, 2, 3, 4)]
    assert a == b
    u = {rng.uniform(*c) for c in [(11, 2, 3, 4), (12, 2, 3, 4), (11, 3, 3, 4),
                                   (11, 2, 4, 4), (11, 2, 3, 5)]}
    assert len(u) == 5
    assert rng.seed_for(5, 3) == rng.seed_for(5, 3) != rng.seed_for(5, 4)
    assert 0 <= rng.seed_for(2**62, 7) < 2**63
    # array helpers agree with scalar calls
    ua = rng.uniform_array(3, 1, 7, 50)
    na = rng.normal_array(3, 1, 7, 50)
    assert np.array_equal(ua, [rng.uniform(3, 1, 7, i) for i in range(50)])
    assert np.array_equal(na, [rng.normal(3, 1, 7, i) for i in range(50)])


def test_rng_uniform_and_normal_moments():
    n = 100_000
    u = rng.uniform_array(2024, 0, 1, n)
    assert 0.0 < u.min() and u.max() < 1.0
    assert abs(u.mean() - 0.5) < 5 * np.sqrt(1 / 12 / n)
    assert abs(u.var() - 1 / 12) < 0.002
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 5 / np.sqrt(n)
    z = rng.normal_array(2024, 0, 1, n)
    assert abs(z.mean()) < 5 / np.sqrt(n)
    assert abs(z.var() - 1.0) < 5 * np.sqrt(2 / n)
    assert st.kstest(z, "norm").pvalue > 1e-4
    # the normal draw is not a simple function of the uniform at the same counter
    assert abs(np.corrcoef(u, z)[0, 1]) < 5 / np.sqrt(n)


def test_rng_rademacher_and_categorical():
    n = 20_000
    r = np.array([rng.rademacher(9, 0, t, 0) for t in range(n)])
    assert set(np.unique(r)) == {-1.0, 1.0}
    assert abs(r.mean()) < 5 / np.sqrt(n)
    probs = np.array([0.2, 0.3, 0.5])
    cs = np.cumsum(probs)
    idx = np.array([rng.categorical_index(9, 0, t, cs) for t in range(n)])
    freq = np.bincount(idx, minlength=3) / n
    assert np.all(np.abs(freq - probs) < 5 * np.sqrt(probs * (1 - probs) / n))


# --------------------------------------------------------------- problem


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
def test_problem_loss_and_gradients(kind):
    p = make_problem(kind)
    assert p.d == 4 and p.loss(p.wstar) == 0.0
    assert np.array_equal(p.grad(p.wstar), np.zeros(4))
    w = np.array([1.0, -1.0, 0.1, 2.0])
    assert sep_loss(p.h, p.k, p.wstar, w) == pytest.approx(p.loss(w), rel=1e-15)
    np.testing.assert_allclose(p.grad(w), p.h * (w - p.wstar) + p.k * np.sign(w - p.wstar))
    for t in (1, 2, 17):
        g = sep_grad(p.h, p.k, p.wstar, p.sigma, w, 5, 1, t, p.noise_kind_int, np.empty(4))
        np.testing.assert_allclose(g, ref_grad(p, w, 5, 1, t), **TOL)
        np.testing.assert_array_equal(g, p.stochastic_grad(w, 5, t, stream=1))
    if kind == "rademacher":  # noise is exactly +-sigma
        noise = p.stochastic_grad(w, 5, 3) - p.grad(w)
        np.testing.assert_allclose(np.abs(noise), p.sigma, **TOL)


def test_problem_validation():
    with pytest.raises(ValueError):
        SeparableProblem(h=[-1.0], k=[0.0], wstar=[0.0], sigma=[0.0])
    with pytest.raises(ValueError):
        SeparableProblem(h=[1.0], k=[0.0, 1.0], wstar=[0.0], sigma=[0.0])
    with pytest.raises(ValueError):
        SeparableProblem(h=[1.0], k=[0.0], wstar=[0.0], sigma=[0.0], noise_kind="cauchy")


# ----------------------------------------------------- kernels vs reference


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
@pytest.mark.parametrize("D", [0.6, 10.0])  # projection active / inactive
def test_adagrad_norm_ball_matches_reference(kind, D):
    p, T = make_problem(kind), 25
    c = np.sqrt(2) * D
    reg, S, W = K.adagrad_norm_ball_trajectory(*p.arrays(), W1, c, D, T, 7, 0)
    r_reg, r_S, r_W = ref_adagrad_norm_ball(p, W1, c, D, T, 7, 0)
    np.testing.assert_allclose([reg, S], [r_reg, r_S], **TOL)
    np.testing.assert_allclose(W, r_W, **TOL)
    assert W.shape == (T + 1, p.d) and np.array_equal(W[0], W1)
    assert K.adagrad_norm_ball(*p.arrays(), W1, c, D, T, 7, 0) == (reg, S)
    if D < 1:
        assert np.all(np.linalg.norm(W[1:], axis=1) <= D * (1 + 1e-15))


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
@pytest.mark.parametrize("D", [0.45, 10.0])
def test_adagrad_diag_box_matches_reference(kind, D):
    p, T = make_problem(kind), 25
    c = np.sqrt(2) * D
    reg, Sd, S, W = K.adagrad_diag_box_trajectory(*p.arrays(), W1, c, D, T, 7, 0)
    r_reg, r_Sd, r_S, r_W = ref_adagrad_diag_box(p, W1, c, D, T, 7, 0)
    np.testing.assert_allclose([reg, Sd, S], [r_reg, r_Sd, r_S], **TOL)
    np.testing.assert_allclose(W, r_W, **TOL)
    assert K.adagrad_diag_box(*p.arrays(), W1, c, D, T, 7, 0) == (reg, Sd, S)
    assert Sd >= S  # sum of norms >= norm of the sum (triangle inequality)


ADAM_CASES = [
    K.AdamConfig(eta=0.05),  # exactly as printed
    K.AdamConfig(eta=0.05, momentum_sign=1.0),
    K.AdamConfig(eta=0.05, momentum_sign=1.0, eta_power=0.5, eps_mode=1, eps=1e-3),
    K.AdamConfig(eta=0.05, momentum_sign=1.0, eps_mode=2, eps=1e-2, bias_correction=False),
    K.AdamConfig(eta=0.1, beta1=0.0, beta2=0.0, momentum_sign=1.0, eta_power=0.5),
]


@pytest.mark.parametrize("cfg", ADAM_CASES)
def test_adam_matches_reference(cfg):
    p, T = make_problem(), 25
    reg, wf, fl, nz, nn, W = K.adam_trajectory(*p.arrays(), W1, *cfg.args(), T, 3, 1)
    r_reg, r_wf, r_fl, r_nz, r_W = ref_adam(p, W1, *cfg.args(), T, 3, 1)
    np.testing.assert_allclose([reg, fl], [r_reg, r_fl], **TOL)
    np.testing.assert_allclose(wf, r_wf, **TOL)
    np.testing.assert_allclose(W, r_W, **TOL)
    assert (nz, nn) == (r_nz, 0)
    out = K.adam(*p.arrays(), W1, *cfg.args(), T, 3, 1)
    assert out[0] == reg and out[2] == fl and np.array_equal(out[1], wf) and out[3:] == (nz, nn)


def test_adam_zero_over_zero_convention():
    # coordinate 2 has sigma = 0 and starts at wstar with h, k there: g_t[2] = 0 forever
    p, T = make_problem(), 20
    w1 = W1.copy()
    w1[2] = p.wstar[2]
    printed = K.AdamConfig(eta=0.05).args()
    reg, wf, fl, nz, nn, W = K.adam_trajectory(*p.arrays(), w1, *printed, T, 3, 0)
    assert nz == T and nn == 0 and np.all(W[:, 2] == p.wstar[2])
    assert ref_adam(p, w1, *printed, T, 3, 0)[3] == T
    inside = K.AdamConfig(eta=0.05, eps_mode=1, eps=1e-8).args()
    assert K.adam(*p.arrays(), w1, *inside, T, 3, 0)[3] == 0


def test_adam_printed_sign_ascends():
    """As printed (m_t = beta1 m - (1-beta1) g) the update climbs the loss."""
    p = SeparableProblem(h=[1.0], k=[0.0], wstar=[0.0], sigma=[0.0])
    w1 = np.array([1.0])
    printed = K.adam(*p.arrays(), w1, *K.AdamConfig(eta=0.1).args(), 50, 0, 0)
    usual = K.adam(*p.arrays(), w1, *K.AdamConfig(eta=0.1, momentum_sign=1.0).args(), 50, 0, 0)
    assert printed[2] > p.loss(w1) > usual[2]


def test_adam_rejects_bad_switches():
    p = make_problem()
    with pytest.raises(ValueError):
        K.adam(*p.arrays(), W1, *K.AdamConfig(eta=0.1, eps_mode=3).args(), 5, 0, 0)
    with pytest.raises(ValueError):
        K.adam(*p.arrays(), W1, *K.AdamConfig(eta=0.1, beta2=1.0).args(), 5, 0, 0)


@pytest.mark.parametrize("eta_power", [0.0, 0.5])
def test_sign_update_matches_reference(eta_power):
    p, T = make_problem(), 25
    w1 = W1.copy()
    w1[2] = p.wstar[2]  # g_t[2] == 0 -> that coordinate never moves
    reg, fl, W = K.sign_update_trajectory(*p.arrays(), w1, 0.05, eta_power, T, 4, 0)
    r_reg, r_fl, r_W = ref_sign_update(p, w1, 0.05, eta_power, T, 4, 0)
    np.testing.assert_allclose([reg, fl], [r_reg, r_fl], **TOL)
    np.testing.assert_allclose(W, r_W, **TOL)
    assert np.all(W[:, 2] == p.wstar[2])
    assert K.sign_update(*p.arrays(), w1, 0.05, eta_power, T, 4, 0) == (reg, fl)


def test_sign_update_equals_adam_with_zero_betas():
    """The notes: beta1 = beta2 = 0 turns Adam into the sign update."""
    p, T = make_problem(), 30
    cfg = K.AdamConfig(eta=0.05, beta1=0.0, beta2=0.0, momentum_sign=1.0, eta_power=0.5)
    a = K.adam(*p.arrays(), W1, *cfg.args(), T, 8, 0)
    s = K.sign_update(*p.arrays(), W1, 0.05, 0.5, T, 8, 0)
    np.testing.assert_allclose([a[0], a[2]], list(s), **TOL)


# ---------------------------------------------------------- Monte Carlo


def _mc_all(p, base_seed, seeds=16, T=40):
    cfg = K.AdamConfig(eta=0.05, momentum_sign=1.0, eta_power=0.5).args()
    return [
        K.mc_adagrad_norm_ball(*p.arrays(), W1, 1.0, 1.0, T, seeds, base_seed, 0),
        K.mc_adagrad_diag_box(*p.arrays(), W1, 1.0, 1.0, T, seeds, base_seed, 0),
        K.mc_adam(*p.arrays(), W1, *cfg, T, seeds, base_seed, 0),
        K.mc_sign_update(*p.arrays(), W1, 0.05, 0.5, T, seeds, base_seed, 0),
    ]


def _same(a, b):
    return all(np.array_equal(x, y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def test_mc_drivers_reproducible_and_seed_sensitive():
    p = make_problem()
    a, b, c = _mc_all(p, 123), _mc_all(p, 123), _mc_all(p, 124)
    assert _same(a, b)
    for ra, rc in zip(a, c):
        assert not np.array_equal(ra[0], rc[0])
    assert len(np.unique(a[0][0])) == 16  # replicates differ from each other
    # the same across thread counts
    old = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        one = _mc_all(p, 123)
    finally:
        numba.set_num_threads(old)
    assert _same(a, one)


def test_mc_entry_equals_single_kernel():
    p, T = make_problem(), 40
    reg, S = K.mc_adagrad_norm_ball(*p.arrays(), W1, 1.0, 1.0, T, 5, 99, 0)
    for s in range(5):
        assert K.adagrad_norm_ball(*p.arrays(), W1, 1.0, 1.0, T, rng.seed_for(99, s), 0) == (
            reg[s], S[s])
    cfg = K.AdamConfig(eta=0.05).args()
    reg, fl, nz, nn, wf = K.mc_adam(*p.arrays(), W1, *cfg, T, 3, 99, 0)
    single = K.adam(*p.arrays(), W1, *cfg, T, rng.seed_for(99, 2), 0)
    assert single[0] == reg[2] and np.array_equal(single[1], wf[2])


def test_theorem2_bound_holds_in_monte_carlo():
    """Smoke test of sim + stats: E[regret] <= 2 sqrt(2) D E[S] (Theorem 2)."""
    p = make_problem()
    D = 1.0  # ||wstar||_2 ~ 0.69 <= D
    reg, S = K.mc_adagrad_norm_ball(*p.arrays(), W1 * 0.5, np.sqrt(2) * D, D, 200, 400, 1, 0)
    est, lo, hi = paired_ratio_ci(reg, 2 * np.sqrt(2) * D * S, 0.99)
    assert hi < 1.0
