"""Search over gradient sequences against a derived sharp value: Adam's |m̂_T|/√v̂_T (004 line 298)."""

import itertools
import time

import numpy as np
import pytest
import sympy as sp

from optverify.checks.instance import check_instances
from optverify.checks.result import CheckContext
from optverify.claims.specs import InstanceSearch, Sharp
from optverify.counterexamples.families import adam_moments
from optverify.counterexamples.families.adam_step import limit_constant, sharp_constant, sharp_over_horizons
from optverify.counterexamples.schema import array, family, integer, real
from optverify.counterexamples.search import search
from optverify.verify.numctx import FloatCtx

ROOT = sp.Symbol("sqrt_v_hat", positive=True)


def ctx(seed=0):
    return CheckContext(seed=seed, deadline=time.monotonic() + 60)


# The same evaluation over a schema that is told nothing about the worst case: uniform random sequences, T ≤ 6.
generic_sequences = family(
    {"T": integer(1, 6), "g": array(real(-5, 5), "T", at={-1: real(-5, 5, nonzero=1e-3)})}, name="generic-adam-sequences"
)(adam_moments.fn)


def test_sharp_constant_matches_the_cauchy_schwarz_maximiser():
    b1, b2, T = 0.5, 0.9, 5
    fam = adam_moments.bind(beta1=b1, beta2=b2)
    k = np.arange(1, T + 1)
    g = list((b1 / b2) ** (T - k))  # g_k ∝ a_k / b_k
    vals = fam.evaluate({"g": g}, FloatCtx())
    assert abs(vals["measured"] / vals["sqrt_v_hat"] - sharp_constant(b1, b2, T)) < 1e-12
    # no sequence on a coarse grid beats it
    for g in itertools.product([-1.0, -0.3, 0.5, 1.0], repeat=T):
        vals = fam.evaluate({"g": list(g)}, FloatCtx())
        assert vals["measured"] <= sharp_constant(b1, b2, T) * vals["sqrt_v_hat"] * (1 + 1e-12)


def test_sharp_constant_is_one_exactly_when_the_weights_agree():
    assert abs(sharp_constant(0.7, 0.7, 9) - 1) < 1e-12
    assert sharp_constant(0.0, 0.9, 9) > 1  # β1 = 0 is not enough
    assert sharp_constant(0.9, 0.999, 1) == pytest.approx(1.0)
    assert sharp_over_horizons(0.9, 0.999, 2000) < limit_constant(0.9, 0.999) < 7.28


def test_search_finds_the_planted_worst_case_without_being_told():
    fam = generic_sequences.bind(beta1=0.5, beta2=0.9)
    out = search(fam, ROOT, "<=", "quick", 1, time.monotonic() + 30, maximize=True)
    sharp = sharp_over_horizons(0.5, 0.9, 6)
    assert out.worst.score >= 0.999 * sharp  # differential evolution + Nelder–Mead reach the Cauchy–Schwarz maximiser
    assert out.worst.score <= sharp * (1 + 1e-9)  # and never beat it
    g = np.array(out.worst.instance["g"])
    k = np.arange(1, g.size + 1)
    target = (0.5 / 0.9) ** (g.size - k)
    assert np.allclose(g / g[-1], target, rtol=1e-2)  # the maximiser's shape, found from random starts


def test_check_reports_the_sharp_value_beside_the_largest_ratio():
    fam = adam_moments.bind(beta1=0.9, beta2=0.999)
    ramp = [5.0 * (0.9 / 0.999) ** (16 - k) for k in range(1, 17)]  # g_k ∝ (β1/β2)^{T−k}, the Cauchy–Schwarz maximiser
    sharp = Sharp("Cauchy–Schwarz", {"T": 16, "g": ramp})
    r = check_instances(InstanceSearch(fam, ROOT, sharp=sharp), ctx())
    assert r.verdict == "refuted"  # |m̂| ≤ √v̂ fails for β1 ≠ β2
    ev = r.evidence
    # the sharp value is computed from the instance at 50 digits: the closed form √(Σ a_k²/b_k), sup over T ≤ 16
    assert ev["sharp_ratio"] == pytest.approx(sharp_over_horizons(0.9, 0.999, 16), rel=1e-12)
    assert ev["sharp_attained_at"]["g"] == ramp and 0.95 <= ev["found_over_sharp"] <= 1 + 1e-9
    assert not ev.get("sharp_exceeded")
    assert r.certificate["replay"]["violation_stands"] and "sharp value" in r.summary


def test_equal_weights_hold_with_ratio_one():
    r = check_instances(InstanceSearch(adam_moments.bind(beta1=0.8, beta2=0.8), ROOT,
                                       sharp=Sharp("a = b: a constant sequence attains it", {"T": 3, "g": [2.0, 2.0, 2.0]})), ctx())
    assert r.verdict == "consistent"
    assert r.evidence["sharp_ratio"] == pytest.approx(1.0, abs=1e-25)
    assert 0.999 <= r.evidence["worst_ratio"] <= 1 + 1e-9


def test_the_sharp_value_moves_with_the_bound_and_its_instance_must_be_in_the_family():
    fam = adam_moments.bind(beta1=0.8, beta2=0.8)
    r = check_instances(InstanceSearch(fam, 2 * ROOT, sharp=Sharp("a = b", {"T": 3, "g": [2.0, 2.0, 2.0]})), ctx())
    assert r.evidence["sharp_ratio"] == pytest.approx(0.5, abs=1e-25)  # computed against the bound in force, never typed in
    with pytest.raises(Exception, match="not in the family"):
        InstanceSearch(fam, ROOT, sharp=Sharp("a = b", {"T": 3, "g": [9.0, 9.0, 9.0]})).validate(None)  # |g| ≤ 5


def test_family_rejects_out_of_domain_parameters():
    with pytest.raises(ValueError):
        adam_moments.bind(beta1=1.0, beta2=0.5)
    with pytest.raises(ValueError):
        adam_moments.bind(beta1=0.5, beta2=0.5, quantity="v")
    with pytest.raises(TypeError):
        adam_moments.bind(beta1=0.5, beta2=0.5, beta3=0.1)  # not an option of the evaluation
