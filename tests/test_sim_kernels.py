"""Simulation layer: counter-based noise sanity, the separable family, generated kernels vs plain-NumPy references."""

from __future__ import annotations

import numba
import numpy as np
import pytest
from scipy import stats as st

from optverify.bounds.stats import paired_ratio_ci
from optverify.sim import blockrng
from optverify.sim import families as F
from optverify.sim.algorithms import config, run, run_trajectory
from optverify.sim.montecarlo import simulate

TOL = dict(rtol=1e-12, atol=1e-12)


# ----------------------------------------------------------------- fixtures

H, K_, WSTAR, SIGMA = [1.0, 2.0, 0.5, 0.0], [0.1, 0.0, 0.3, 0.2], [0.5, -0.2, 0.1, -0.4], [1.0, 0.5, 0.0, 0.3]


def make_problem(noise_kind="gaussian"):
    return F.separable(H, K_, WSTAR, SIGMA, noise_kind)


W1 = np.array([0.3, 0.9, -0.7, 0.0])


# ------------------------------------------------------ NumPy references


def ref_grad(p, w, seed, stream, t):
    """g_t written independently of the family's oracle: the noise drawn from blockrng by plain calls."""
    h, k, ws, sig = (np.asarray(x) for x in (H, K_, WSTAR, SIGMA))
    r = w - ws
    if p.constants["noise"] == "gaussian":
        xi = blockrng.normal_block(seed, stream, t, np.empty(4))
    else:
        xi = np.array([blockrng.rademacher(seed, stream, t, i) for i in range(4)])
    return h * r + k * np.sign(r) + sig * xi


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
    w, W, regret, sumsq = w1.copy(), [w1.copy()], 0.0, np.zeros(4)
    for t in range(1, T + 1):
        regret += p.loss(w)
        g = ref_grad(p, w, seed, stream, t)
        sumsq = sumsq + g * g
        pos = sumsq > 0
        step = np.zeros(4)
        step[pos] = c * g[pos] / np.sqrt(sumsq[pos])
        w = np.clip(w - step, -D, D)
        W.append(w.copy())
    return regret, np.sum(np.sqrt(sumsq)), np.sqrt(sumsq.sum()), np.array(W)


def ref_adam(p, w1, eta, eta_power, b1, b2, eps_mode, eps, msign, bc, T, seed, stream):
    w, W, regret = w1.copy(), [w1.copy()], 0.0
    m, v, nz = np.zeros(4), np.zeros(4), 0
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


def adam_cfg(eta, eta_power=0.0, beta1=0.9, beta2=0.999, eps_mode=0, eps=1e-8, momentum_sign=-1.0, bc=True):
    """The declared Adam with the switches of the reference above (eta_power 0 / 0.5: constant / eta/sqrt(t))."""
    return config("adam", eta=eta, schedule={0.0: "constant", 0.5: "inv_sqrt_t"}[eta_power], beta1=beta1,
                  beta2=beta2, eps=eps, eps_mode=eps_mode, momentum_sign=momentum_sign, bias_correction1=bc,
                  bias_correction2=bc)


def ref_args(eta, eta_power=0.0, beta1=0.9, beta2=0.999, eps_mode=0, eps=1e-8, momentum_sign=-1.0, bc=True):
    return eta, eta_power, beta1, beta2, eps_mode, eps, momentum_sign, bc


# ------------------------------------------------------------------- noise


def test_counters_deterministic_and_sensitive():
    a = [blockrng.uniform(11, 2, 3, 4), blockrng.normal_at(11, 2, 3, 4), blockrng.rademacher(11, 2, 3, 4)]
    b = [blockrng.uniform(11, 2, 3, 4), blockrng.normal_at(11, 2, 3, 4), blockrng.rademacher(11, 2, 3, 4)]
    assert a == b
    u = {blockrng.uniform(*c) for c in [(11, 2, 3, 4), (12, 2, 3, 4), (11, 3, 3, 4), (11, 2, 4, 4), (11, 2, 3, 5)]}
    assert len(u) == 5
    assert blockrng.seed_for(5, 3) == blockrng.seed_for(5, 3) != blockrng.seed_for(5, 4)
    assert 0 <= blockrng.seed_for(2**62, 7) < 2**63
    ua = blockrng.uniform_array(3, 1, 7, 50)
    assert np.array_equal(ua, [blockrng.uniform(3, 1, 7, i) for i in range(50)])


def test_uniform_and_normal_moments():
    n = 100_000
    u = blockrng.uniform_array(2024, 0, 1, n)
    assert 0.0 < u.min() and u.max() < 1.0
    assert abs(u.mean() - 0.5) < 5 * np.sqrt(1 / 12 / n)
    assert abs(u.var() - 1 / 12) < 0.002
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 5 / np.sqrt(n)
    z = blockrng.normal_block(2024, 0, 1, np.empty(n))
    assert abs(z.mean()) < 5 / np.sqrt(n)
    assert abs(z.var() - 1.0) < 5 * np.sqrt(2 / n)
    assert st.kstest(z, "norm").pvalue > 1e-4
    assert abs(np.corrcoef(u, z)[0, 1]) < 5 / np.sqrt(n)


def test_rademacher_and_categorical():
    n = 20_000
    r = np.array([blockrng.rademacher(9, 0, t, 0) for t in range(n)])
    assert set(np.unique(r)) == {-1.0, 1.0}
    assert abs(r.mean()) < 5 / np.sqrt(n)
    probs = np.array([0.2, 0.3, 0.5])
    cs = np.cumsum(probs)
    idx = np.array([blockrng.categorical_index(9, 0, t, cs) for t in range(n)])
    freq = np.bincount(idx, minlength=3) / n
    assert np.all(np.abs(freq - probs) < 5 * np.sqrt(probs * (1 - probs) / n))


# --------------------------------------------------------------- problem


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
def test_problem_loss_and_gradients(kind):
    p = make_problem(kind)
    ws = np.array(WSTAR)
    assert p.d == 4 and p.loss(ws) == 0.0
    assert np.array_equal(p.grad(ws), np.zeros(4))
    w = np.array([1.0, -1.0, 0.1, 2.0])
    r = w - ws
    assert p.loss(w) == pytest.approx(np.sum(0.5 * np.array(H) * r * r + np.array(K_) * np.abs(r)), rel=1e-15)
    np.testing.assert_allclose(p.grad(w), np.array(H) * r + np.array(K_) * np.sign(r))
    for t in (1, 2, 17):
        np.testing.assert_allclose(p.stochastic_grad(w, 5, t, stream=1), ref_grad(p, w, 5, 1, t), **TOL)
    if kind == "rademacher":  # noise is exactly +-sigma
        noise = p.stochastic_grad(w, 5, 3) - p.grad(w)
        np.testing.assert_allclose(np.abs(noise), SIGMA, **TOL)


def test_problem_validation():
    with pytest.raises(ValueError):
        F.separable([-1.0], [0.0], [0.0], [0.0])
    with pytest.raises(ValueError):
        F.separable([1.0], [0.0, 1.0], [0.0], [0.0])
    with pytest.raises(ValueError):
        F.separable([1.0], [0.0], [0.0], [0.0], noise="cauchy")


# ----------------------------------------------------- kernels vs reference


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
@pytest.mark.parametrize("D", [0.6, 10.0])  # projection active / inactive
def test_adagrad_norm_ball_matches_reference(kind, D):
    p, T = make_problem(kind), 25
    c = np.sqrt(2) * D
    r = run_trajectory(config("adagrad_norm", c=c, projection="ball", radius=D), p, W1, T, 7, 0)
    r_reg, r_S, r_W = ref_adagrad_norm_ball(p, W1, c, D, T, 7, 0)
    np.testing.assert_allclose([r.stats["regret"], np.sqrt(r.stats["sum_g_sq"])], [r_reg, r_S], **TOL)
    np.testing.assert_allclose(r.trajectory, r_W, **TOL)
    assert r.trajectory.shape == (T + 1, 4) and np.array_equal(r.trajectory[0], W1)
    assert run(r.config, p, W1, T, 7, 0).stats == r.stats
    if D < 1:
        assert np.all(np.linalg.norm(r.trajectory[1:], axis=1) <= D * (1 + 1e-15))


@pytest.mark.parametrize("kind", ["gaussian", "rademacher"])
@pytest.mark.parametrize("D", [0.45, 10.0])
def test_adagrad_diag_box_matches_reference(kind, D):
    p, T = make_problem(kind), 25
    c = np.sqrt(2) * D
    r = run_trajectory(config("adagrad_diag", c=c, projection="box", radius=D), p, W1, T, 7, 0)
    r_reg, r_Sd, r_S, r_W = ref_adagrad_diag_box(p, W1, c, D, T, 7, 0)
    Sd, S = r.stats["sum_sqrt_coord"], np.sqrt(r.stats["sum_g_sq"])
    np.testing.assert_allclose([r.stats["regret"], Sd, S], [r_reg, r_Sd, r_S], **TOL)
    np.testing.assert_allclose(r.trajectory, r_W, **TOL)
    assert Sd >= S  # sum of norms >= norm of the sum (triangle inequality)


ADAM_CASES = [
    dict(eta=0.05),  # exactly as printed
    dict(eta=0.05, momentum_sign=1.0),
    dict(eta=0.05, momentum_sign=1.0, eta_power=0.5, eps_mode=1, eps=1e-3),
    dict(eta=0.05, momentum_sign=1.0, eps_mode=2, eps=1e-2, bc=False),
    dict(eta=0.1, beta1=0.0, beta2=0.0, momentum_sign=1.0, eta_power=0.5),
]


@pytest.mark.parametrize("case", ADAM_CASES)
def test_adam_matches_reference(case):
    p, T = make_problem(), 25
    r = run_trajectory(adam_cfg(**case), p, W1, T, 3, 1)
    r_reg, r_wf, r_fl, r_nz, r_W = ref_adam(p, W1, *ref_args(**case), T, 3, 1)
    np.testing.assert_allclose([r.stats["regret"], r.stats["final_subopt"]], [r_reg, r_fl], **TOL)
    np.testing.assert_allclose(r.w_final, r_wf, **TOL)
    np.testing.assert_allclose(r.trajectory, r_W, **TOL)
    assert r.stats["n_nonfinite"] == 0


def test_adam_zero_over_zero_convention():
    # coordinate 2 has sigma = 0 and starts at wstar with h, k there: g_t[2] = 0 forever, the step is 0
    p, T = make_problem(), 20
    w1 = W1.copy()
    w1[2] = WSTAR[2]
    r = run_trajectory(adam_cfg(0.05), p, w1, T, 3, 0)
    assert r.stats["n_nonfinite"] == 0 and np.all(r.trajectory[:, 2] == WSTAR[2])
    assert ref_adam(p, w1, *ref_args(0.05), T, 3, 0)[3] == T


def test_adam_printed_sign_ascends():
    """As printed (m_t = beta1 m - (1-beta1) g) the update climbs the loss."""
    p = F.separable([1.0], [0.0], [0.0], [0.0])
    w1 = np.array([1.0])
    printed = run(adam_cfg(0.1), p, w1, 50).stats["final_subopt"]
    usual = run(adam_cfg(0.1, momentum_sign=1.0), p, w1, 50).stats["final_subopt"]
    assert printed > p.loss(w1) > usual


def test_adam_rejects_bad_switches():
    with pytest.raises(ValueError):
        config("adam", eta=0.1, momentum_sign=1.0, eps_mode=7)
    with pytest.raises(ValueError):
        run(adam_cfg(0.1, beta2=1.0), make_problem(), W1, 5)


@pytest.mark.parametrize("eta_power", [0.0, 0.5])
def test_sign_update_matches_reference(eta_power):
    p, T = make_problem(), 25
    w1 = W1.copy()
    w1[2] = WSTAR[2]  # g_t[2] == 0 -> that coordinate never moves
    cfg = config("sign_sgd", eta=0.05, schedule={0.0: "constant", 0.5: "inv_sqrt_t"}[eta_power])
    r = run_trajectory(cfg, p, w1, T, 4, 0)
    r_reg, r_fl, r_W = ref_sign_update(p, w1, 0.05, eta_power, T, 4, 0)
    np.testing.assert_allclose([r.stats["regret"], r.stats["final_subopt"]], [r_reg, r_fl], **TOL)
    np.testing.assert_allclose(r.trajectory, r_W, **TOL)
    assert np.all(r.trajectory[:, 2] == WSTAR[2])


def test_sign_update_equals_adam_with_zero_betas():
    """The notes: beta1 = beta2 = 0 turns Adam into the sign update."""
    p, T = make_problem(), 30
    a = run(adam_cfg(0.05, beta1=0.0, beta2=0.0, momentum_sign=1.0, eta_power=0.5), p, W1, T, 8).stats
    s = run(config("sign_sgd", eta=0.05, schedule="inv_sqrt_t"), p, W1, T, 8).stats
    np.testing.assert_allclose([a["regret"], a["final_subopt"]], [s["regret"], s["final_subopt"]], **TOL)


# ---------------------------------------------------------- Monte Carlo

MC_CFGS = [config("adagrad_norm", c=1.0, projection="ball", radius=1.0),
           config("adagrad_diag", c=1.0, projection="box", radius=1.0),
           adam_cfg(0.05, momentum_sign=1.0, eta_power=0.5),
           config("sign_sgd", eta=0.05, schedule="inv_sqrt_t")]


def _mc_all(p, base_seed, seeds=16, T=40):
    return [simulate(c, p, W1, T, seeds, base_seed) for c in MC_CFGS]


def _same(a, b):
    return all(np.array_equal(x.stats, y.stats) and np.array_equal(x.w_final, y.w_final) for x, y in zip(a, b))


def test_mc_drivers_reproducible_and_seed_sensitive():
    p = make_problem()
    a, b, c = _mc_all(p, 123), _mc_all(p, 123), _mc_all(p, 124)
    assert _same(a, b)
    for ra, rc in zip(a, c):
        assert not np.array_equal(ra.values("regret"), rc.values("regret"))
    assert len(np.unique(a[0].values("regret"))) == 16  # replicates differ from each other
    old = numba.get_num_threads()
    try:
        numba.set_num_threads(1)
        one = _mc_all(p, 123)
    finally:
        numba.set_num_threads(old)
    assert _same(a, one)


def test_mc_entry_equals_single_kernel():
    p, T = make_problem(), 40
    mc = simulate(MC_CFGS[0], p, W1, T, 5, base_seed=99)
    for s in range(5):
        single = run(MC_CFGS[0], p, W1, T, blockrng.seed_for(99, s))
        assert single.stats["regret"] == mc.values("regret")[s] and np.array_equal(single.w_final, mc.w_final[s])


def test_theorem2_bound_holds_in_monte_carlo():
    """Smoke test of sim + stats: E[regret] <= 2 sqrt(2) D E[S] (Theorem 2)."""
    p = make_problem()
    D = 1.0  # ||wstar||_2 ~ 0.69 <= D
    r = simulate(config("adagrad_norm", c=np.sqrt(2) * D, projection="ball", radius=D), p, W1 * 0.5, 200, 400, 1)
    est, lo, hi = paired_ratio_ci(r.values("regret"), 2 * np.sqrt(2) * D * np.sqrt(r.values("sum_g_sq")), 0.99)
    assert hi < 1.0
