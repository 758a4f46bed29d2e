"""Instance strategy: a true bound, the same bound below a known tight instance, a planted violation, false alarms."""

import time

import sympy as sp

from optverify.checks.instance import check_instances
from optverify.checks.result import CheckContext
from optverify.claims.specs import InstanceSearch
from optverify.counterexamples.families import Measured, adagrad_coordinate, stochastic_separable
from optverify.counterexamples.search import RhsEvaluator, replay

D, S, E = sp.symbols("D_inf S E_sum_sqrt_diag", positive=True)
BOUND_THM3 = 2 * sp.sqrt(2) * D * E


def ctx(seed=0):
    return CheckContext(seed=seed, deadline=time.monotonic() + 60)


def test_theorem3_bound_holds_and_search_reaches_the_tight_instance():
    r = check_instances(InstanceSearch(Measured(stochastic_separable.bind(algorithm="diag_box"), "regret"), BOUND_THM3), ctx())
    assert r.verdict == "consistent"
    # T = 1, w_1 and w* at opposite corners, L = k|w − w*|: ratio exactly 1/√2
    assert 0.70 <= r.evidence["worst_ratio"] <= 0.7072


def test_bound_scaled_below_the_tight_instance_is_refuted_and_replays():
    fam = Measured(stochastic_separable.bind(algorithm="diag_box"), "regret")
    rhs = sp.Rational(1, 2) * BOUND_THM3
    r = check_instances(InstanceSearch(fam, rhs), ctx())
    assert r.verdict == "refuted"
    cert = r.certificate
    assert cert["replay"]["violation_stands"] and cert["replay"]["digits"] == 50
    again = replay(fam, cert["instance"], RhsEvaluator(rhs), "<=")
    assert again["violation_stands"]
    assert sp.Float(again["measured"], 30) > sp.Float(again["rhs"], 30)


def test_planted_violation_is_found():
    # Σ g_t²/√(Σ_{τ≤t} g_τ²) ≤ √(2S) fails for five equal gradients (the printed display at 000 line 171)
    r = check_instances(InstanceSearch(Measured(adagrad_coordinate, "sum_g2_over_sqrt"), sp.sqrt(2 * S)), ctx())
    assert r.verdict == "refuted"
    assert r.certificate["replay"]["violation_stands"]


def test_correct_bound_never_refuted_across_seeds():
    fam = Measured(adagrad_coordinate, "regret")
    for seed in range(6):
        r = check_instances(InstanceSearch(fam, 2 * sp.sqrt(2) * sp.Symbol("D", positive=True) * sp.sqrt(S)), ctx(seed))
        assert r.verdict == "consistent", r.summary
        assert r.evidence["worst_ratio"] < 1


def test_a_deadline_that_passes_while_hypothesis_shrinks_keeps_the_violation():
    """Past the deadline the probe stops evaluating, so hypothesis sees its failing example pass on replay and
    reports a flaky failure (an exception group of our AssertionError): that is a found violation, not an error."""
    import sympy as sp

    import optverify as ov
    from optverify.counterexamples.search import RhsEvaluator, SearchOutcome, _hypothesis_phase

    found = 0
    for d in (0.12, 0.2, 0.3, 0.5):
        out = SearchOutcome(worst=None)
        _hypothesis_phase(_slow_identity, RhsEvaluator(sp.Symbol("b")), "<=", "quick", 0, 150, time.monotonic() + d, out)
        assert out.worst is not None  # and no exception escaped
        found += out.worst.violates
    assert found >= 1


import optverify as _ov  # noqa: E402


@_ov.family({"x": _ov.real(0, 10)})
def _slow_identity(p, num):
    time.sleep(0.05)
    return {"measured": num.num(p["x"]), "b": num.num(1)}


def test_the_random_phase_draws_the_same_instances_whatever_modules_are_loaded(tmp_path, monkeypatch):
    """Hypothesis mixes constants parsed from the loaded local modules into its draws; the search holds them out,
    so a claim's instances depend on the seed alone, not on which test or claim modules the process imported."""
    import math
    import sys

    from optverify.counterexamples import search as S_

    fam = Measured(adagrad_coordinate, "regret")
    rhs = RhsEvaluator(2 * sp.sqrt(2) * sp.Symbol("D", positive=True) * sp.sqrt(S))
    drawn: list = []
    real = S_.evaluate
    monkeypatch.setattr(S_, "evaluate", lambda f, inst, r, rel: (drawn.append(repr(inst)), real(f, inst, r, rel))[1])

    def draws():
        drawn.clear()
        S_._hypothesis_phase(fam, rhs, "<=", "quick", 7, 200, math.inf, S_.SearchOutcome(worst=None), maximize=True)
        return list(drawn)

    before = draws()
    consts = ", ".join(f"{k / 7 + 0.001 * k:.6f}" for k in range(1, 400))
    (tmp_path / "ov_constants_module.py").write_text(f"C = [{consts}]\nN = [{', '.join(str(k) for k in range(2, 400))}]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("ov_constants_module")
    try:
        after = draws()
    finally:
        sys.modules.pop("ov_constants_module", None)
    assert len(before) == 200 and after == before
