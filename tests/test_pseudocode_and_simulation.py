"""Pseudocode sanity and Monte Carlo checks on known truths."""

import time

import mpmath
import numpy as np
import sympy as sp

from optverify.checks.pseudocode import check_pseudocode
from optverify.checks.result import CheckContext
from optverify.checks.simulation import check_simulation
from optverify.claims.specs import Pseudocode, Simulation
from optverify.sim.experiments import AdaGradRegret
from optverify.sim.engine.replay import run_on_quadratic
from optverify.verify.numctx import MpCtx

ADAM = {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "T": 100}


def ctx():
    return CheckContext(seed=11, deadline=time.monotonic() + 120)


def test_adam_with_the_printed_minus_sign_ascends_and_the_certificate_replays():
    r = check_pseudocode(Pseudocode("adam", {**ADAM, "momentum_sign": -1}), ctx())
    assert r.verdict == "refuted"
    with mpmath.workdps(50):
        traj = run_on_quadratic(MpCtx(50), "adam", {k: v for k, v in ADAM.items() if k != "T"} | {"momentum_sign": -1}, 100)
        assert traj[-1] ** 2 / 2 > traj[0] ** 2 / 2
        assert mpmath.mpf(r.certificate["f_wT1"]) == +mpmath.mpf(mpmath.nstr(traj[-1] ** 2 / 2, 30))


def test_adam_with_plus_sign_descends():
    r = check_pseudocode(Pseudocode("adam", {**ADAM, "momentum_sign": 1}), ctx())
    assert r.verdict == "consistent"
    assert r.evidence["f_last"] < r.evidence["f_first"]


def test_simulation_true_bound_consistent_and_planted_wrong_bound_refuted():
    D, E = sp.symbols("D_inf E_sum_sqrt_diag", positive=True)
    bound = 2 * sp.sqrt(2) * D * E
    ok = check_simulation(Simulation(AdaGradRegret("diag_box"), bound), ctx())
    assert ok.verdict == "consistent"
    assert 0 < ok.evidence["worst_ratio"] < 1
    assert all(row["ratio_ci"][1] <= 1 for row in ok.evidence["rows"])
    rates = {r["config"]: r["measured_exponent"] for r in ok.evidence["rates"]}
    assert all(e < 0.75 for e in rates.values())  # regret grows no faster than about √T
    bad = check_simulation(Simulation(AdaGradRegret("diag_box"), bound / 100), ctx())
    assert bad.verdict == "refuted"
    assert bad.certificate["kind"] == "statistical" and bad.certificate["ratio_ci"][0] > 1


def test_experiment_refuses_instances_outside_the_hypotheses():
    exp = AdaGradRegret("norm_ball", d=10, D=1.0)
    rows = exp.run("quick", 1, time.monotonic() + 60)
    assert rows and all(np.all(np.isfinite(r["measured"])) for r in rows)



class _OnePairThenOutOfTime:
    """Plans two (config, T) pairs; runs the first, then its deadline passes before the second (a cut by the budget)."""

    description = "one pair, then the deadline"

    def run(self, mode, seed, deadline):
        rows = [{"config": "c", "T": 10, "measured": np.full(50, 0.5), "values": {}, "test": "le"}]
        while time.monotonic() <= deadline:
            time.sleep(0.01)
        return rows


def test_a_simulation_cut_by_its_budget_says_so():
    """An experiment that ran all its (config, T) pairs says nothing of the kind; one whose deadline passed is
    consistent with what ran and says that the budget ran out, and after how many pairs."""
    D, E = sp.symbols("D_inf E_sum_sqrt_diag", positive=True)
    full = check_simulation(Simulation(AdaGradRegret("diag_box"), 2 * sp.sqrt(2) * D * E), ctx())
    assert full.evidence["pairs_run"] == 9 and full.evidence["stopped_at_budget"] is False
    assert "ran out" not in full.summary
    cut = check_simulation(Simulation(_OnePairThenOutOfTime(), sp.Integer(1)),
                           CheckContext(seed=11, deadline=time.monotonic() + 0.5))
    assert cut.verdict == "consistent"
    assert cut.evidence["stopped_at_budget"] is True and cut.evidence["pairs_run"] == 1
    assert "ran out after 1 pairs" in cut.summary
