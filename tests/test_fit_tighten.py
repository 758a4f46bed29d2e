"""Rate fits and tightening: exact power laws, planted constants, no false alarms on true bounds."""

from __future__ import annotations

import numpy as np
import pytest

from optverify.bounds.fit import fit_exponent, fit_exponent_mc
from optverify.bounds.tighten import tighten, tighten_samples
from optverify.sim import families as F
from optverify.sim import montecarlo as MC
from optverify.sim.algorithms import config


def test_exact_power_law_and_log_factor():
    T = np.array([10, 30, 100, 300, 1000], dtype=float)
    f = fit_exponent(T, 3.0 * T ** 0.5, stated=0.5)
    assert f.slope == pytest.approx(0.5, abs=1e-12) and f.prefactor == pytest.approx(3.0)
    assert f.consistent
    assert not fit_exponent(T, 3.0 * T ** 0.5 * (1 + 0.01 * np.sin(T)), stated=1.0).consistent
    g = fit_exponent(T, T ** 0.5 * np.log(T), stated=0.5, log_power=1)
    assert g.slope == pytest.approx(0.5, abs=1e-12) and g.consistent
    assert fit_exponent(T, T ** 0.5 * np.log(T), stated=0.5).excess > 0.1


def test_exponent_from_monte_carlo_values():
    g = np.random.default_rng(0)
    T = np.array([50, 100, 200, 400, 800])
    vals = [t ** -0.5 * (1 + 0.3 * g.standard_normal(200)) for t in T]
    f = fit_exponent_mc(T, vals, stated=-0.5, n_boot=500)
    assert f.consistent and f.boot_lo <= f.slope <= f.boot_hi
    assert f.lo <= min(f.ols_lo, f.boot_lo) + 1e-15
    assert not fit_exponent_mc(T, vals, stated=0.0, n_boot=500).consistent


def test_sgd_regret_exponent_is_one_half():
    # 003 Theorem 3.2 / 2.4: with eta = D/(G sqrt(T)) the regret grows like sqrt(T) on |w - w*|
    fam = F.abs_value([1.0], [0.0], sigma=0.5, noise="rademacher")
    sw_T = [200, 400, 800, 1600, 3200]
    vals = []
    for T in sw_T:
        cfg = config("sgd", eta=1.0 / (1.5 * np.sqrt(T)))
        vals.append(MC.simulate(cfg, fam, [1.0], T, seeds=200, base_seed=1).values("regret"))
    f = fit_exponent_mc(sw_T, vals, stated=0.5, n_boot=500)
    assert f.consistent, f


def test_tighten_finds_a_planted_constant():
    g = np.random.default_rng(1)
    c0 = 2.5
    instances = [1.0, 2.0, 5.0, 10.0]

    def measure(b):
        return c0 * b * (1 + 0.05 * g.standard_normal(400)) if b != 5.0 else 0.5 * b * np.ones(400)

    res = tighten(measure, lambda b: b, instances, confidence=0.999)
    assert res.c_lower <= c0 <= res.c_upper
    assert res.c_point == pytest.approx(c0, rel=0.02)
    assert res.c_upper - res.c_lower < 0.1
    assert res.any_broken and res.worst.instance != 5.0
    det = tighten_samples([3.0, 4.0], [2.0, 1.0])
    assert det.c_point == det.c_upper == det.c_lower == 4.0
    with pytest.raises(ValueError):
        tighten_samples([[1.0, np.nan]], [1.0])


def test_exactly_tight_bound_is_not_refuted_across_many_seeds():
    g = np.random.default_rng(2)
    broken = 0
    for rep in range(300):
        samples = [1.0 + g.standard_normal(100) for _ in range(3)]  # E = bound = 1 exactly
        broken += tighten_samples(samples, [1.0, 1.0, 1.0], confidence=1 - 1e-6).any_broken
    assert broken == 0


def test_true_sgd_bound_is_never_refuted():
    # 003 Theorem 3.2: E[sum_t L(w_t) - L*] <= D G sqrt(T) with eta = D/(G sqrt(T)), ||grad l|| <= G
    rows = []
    for rep, (k, s, w1) in enumerate([(1.0, 0.5, 1.0), (2.0, 1.0, -0.5), (0.5, 0.5, 2.0)]):
        fam = F.abs_value([k], [0.0], sigma=s, noise="rademacher")
        G, D = k + s, abs(w1)
        for T in (10, 100, 1000):
            r = MC.simulate(config("sgd", eta=D / (G * np.sqrt(T))), fam, [w1], T, seeds=300, base_seed=rep)
            rows.append((r.values("regret"), D * G * np.sqrt(T)))
    res = tighten_samples([x for x, _ in rows], [b for _, b in rows], confidence=1 - 1e-3)
    assert not res.any_broken
    assert res.c_upper < 1.0


def test_tighten_with_a_bound_measured_per_seed():
    """A right side with a random quantity in it (paired per seed): the planted constant 2 lies in [c_lower, c_upper]."""
    g = np.random.default_rng(11)
    samples, bounds = [], []
    for scale in (1.0, 3.0, 10.0):
        b = scale * (1.0 + g.exponential(1.0, 400))  # the bound, random per seed
        samples.append(2.0 * b * (1.0 + 0.1 * g.standard_normal(400)))  # E[x] = 2 E[b]
        bounds.append(b)
    res = tighten_samples(samples, bounds, confidence=0.999)
    assert res.c_lower <= 2.0 <= res.c_upper and res.c_upper - res.c_lower < 0.2
    assert res.any_broken  # the bound as stated (c = 1) is broken
    with pytest.raises(ValueError):
        tighten_samples([np.ones(3)], [np.ones(4)])


def test_simulation_check_reports_fits_and_the_tightest_constant():
    """The Simulation check's evidence: per-configuration exponents (bounds.fit) and bounds.tighten's constant."""
    import time

    import sympy as sp

    from optverify.budget import Budget
    from optverify.checks.result import CheckContext
    from optverify.checks.simulation import check_simulation
    from optverify.claims.specs import Simulation

    class SGDRegret:
        description = "SGD, eta = 1/(2 sqrt(T)), regret against 2 sqrt(T) (E[regret] ~ c sqrt(T))"

        def run(self, mode, seed, deadline):
            fam = F.diagonal_quadratic([1.0], [0.0], sigma=1.0)
            rows = []
            for T in (50, 200, 800):
                r = MC.simulate(config("sgd", eta=0.5 / np.sqrt(T)), fam, [1.0], T, 200, base_seed=seed)
                rows.append({"config": "quadratic", "T": T, "measured": r.values("regret"),
                             "values": {"T": float(T)}, "test": "le"})
            return rows

    T = sp.Symbol("T", positive=True)
    ctx = CheckContext(seed=1, mode="quick", bound=None, budget=Budget(time.monotonic() + 60))
    res = check_simulation(Simulation(SGDRegret(), 2 * sp.sqrt(T)), ctx)
    ev = res.evidence
    tc = ev["tightest_constant"]
    assert tc["c_lower"] <= ev["worst_ratio"] <= tc["c_upper"]
    assert (res.verdict == "refuted") == (tc["c_lower"] > 1)
    (rate,) = ev["rates"]
    lo, hi = rate["measured_exponent_ci"]
    assert lo <= rate["measured_exponent"] <= hi and 0.2 < rate["measured_exponent"] < 0.8
