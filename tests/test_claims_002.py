"""Every claim of slides 002 decided in quick mode, against the verdicts worked out by hand."""

from fractions import Fraction

import pytest


REFUTED = {
    "002:L56": "proved",  # w_{1,0} printed where w_{2,0} belongs
    "002:L108": "proved",  # a long previous step outweighs the opposing gradient step: momentum moves further, not less far
    "002:L139": "proved",  # no eigen-decomposition at the double root
    "002:L149": "consistent",  # squares on ‖Q⁻¹‖ and ‖x_1‖
    "002:L155": None,  # Q not invertible at the double root
    "002:L206": None,  # Lessard et al.: heavy ball cycles
    "002:L361": "proved",  # stationary mean does not make the second moment stationary
    "002:L377": None,  # the printed Adam (constant η) cycles on w²/2 with β1 = β2 = 0
    "002:L184": "proved",  # the condition does not bound β: β = 4, η = 5 meets it and diverges
    "002:L194": "consistent",  # the same instance, one coordinate
    "002:L333": "proved",  # v_0 is not printed: the closed form needs v_0 = 0
    "002:L350": "proved",  # ξ = β1^t v_0/(1 − β1^t) when v_0 ≠ 0
}
PROVED = {"002:L74", "002:L76", "002:L92", "002:L93", "002:L107", "002:L109", "002:L256", "002:L283", "002:L37", "002:L41", "002:L43", "002:L49", "002:L51", "002:L60", "002:L123", "002:L137", "002:L161", "002:L165",
          "002:L171", "002:L198", "002:L202", "002:L212", "002:L240", "002:L244", "002:L269", "002:L273", "002:L279", "002:L72"}
CONSISTENT = {"002:L103", "002:L143", "002:L153", "002:L178", "002:L224", "002:L228", "002:L365"}


@pytest.fixture(scope="module")
def report(decided):
    return decided("002")  # decided once per test session, shared with every test that asks


def test_verdicts(report):
    for cid, corr in REFUTED.items():
        e = report[cid]
        assert e["verdict"] == "refuted", (cid, e["summary"])
        assert (e["corrected"]["verdict"] if e["corrected"] else None) == corr, cid
        assert all(c["certificate"] for c in e["checks"] if c["verdict"] == "refuted")
    for cid in PROVED:
        assert report[cid]["verdict"] == "proved", (cid, report[cid]["summary"])
    for cid in CONSISTENT:
        assert report[cid]["verdict"] == "consistent", (cid, report[cid]["summary"])
    rest = set(report) - set(REFUTED) - PROVED - CONSISTENT
    for cid in rest:
        assert report[cid]["verdict"] in ("not-checkable", "refuted", "consistent", "proved"), cid


def test_no_internal_errors(report):
    for e in report.values():
        for c in e["checks"] + (e["corrected"]["checks"] if e["corrected"] else []):
            assert not c["evidence"].get("internal_error"), (e["id"], c["summary"])


def test_heavy_ball_condition_does_not_bound_beta(report):
    for cid in ("002:L184", "002:L194"):
        e = report[cid]
        cert = e["checks"][0]["certificate"]
        assert cert["parameters"] == {"eta": 5, "beta": 4, "T": 60} and float(cert["f_wT1"]) > 1e30  # (1 + 4 − 5)/(2·2) = 0: inside the condition
    parts = {c["part"]: c["verdict"] for c in report["002:L184"]["corrected"]["checks"]}
    assert parts["√β < 1"] == "proved" and parts["|γ|² = β on the region"] == "proved"


def test_initial_moment_is_not_printed(report):
    e = report["002:L333"]
    assert "base case fails; at n = 1" in e["summary"] and "v_0" in e["checks"][0]["certificate"]["point"]
    assert {c["part"]: c["verdict"] for c in e["corrected"]["checks"]} == {"v_0 = 0": "proved", "any v_0": "proved"}
    e = report["002:L350"]
    assert "v_0" in e["checks"][0]["certificate"]["point"] and "beta_1**t*v_0" in e["summary"]
    assert e["corrected"]["verdict"] == "proved"


def test_printed_adam_with_constant_step_cycles(report):
    c = report["002:L377"]["checks"][0]
    cert = c["certificate"]
    assert cert["period"] == 2 and float(cert["distance_to_optimum"]) > 0.49
    assert abs(float(cert["orbit_50_digits"][0]) + float(cert["orbit_50_digits"][1])) < 1e-20  # ±w_0
    assert "bias-corrected" in cert["facts"]["algorithm"] and "β1 = β2 = 0" in cert["facts"]["algorithm"]
    assert abs(cert["facts"]["average_excess_at_T"] - 0.124999995) < 1e-12
    ev = c["evidence"]["facts"]["default_parameters_float_evidence"]  # β1 = 0.9, β2 = 0.999: levels off too (floats only)
    assert ev["average_excess"][-1] > 1e-4 and float(ev["limit_map_if_w_to_0"]["spectral_radius"]) > 900


def test_beta_small_and_quadratic_equivalence(report):
    assert {c["part"] for c in report["002:L212"]["checks"]} == {"γ_1γ_2 = β: ρ(M) ≥ √β for every β", "√β increases with β"}
    assert all(c["verdict"] == "proved" for c in report["002:L198"]["checks"])


def test_momentum_moves_further_against_the_gradient_when_the_last_step_was_long(report):
    e = report["002:L108"]
    cert = e["checks"][0]["certificate"]
    s_, d_, b_ = (Fraction(cert["point"][k]) for k in ("s", "Delta", "beta"))
    assert s_ * d_ < 0 and 0 < b_ < 1 and abs(s_ + b_ * d_) > abs(s_) and b_ * abs(d_) >= 2 * abs(s_)
    assert e["corrected"]["verdict"] == "proved" and report["002:L107"]["verdict"] == "proved"


def test_the_sign_rule_is_the_derivative_of_the_loss_in_the_step_size(report):
    for cid in ("002:L92", "002:L93"):
        assert report[cid]["checks"][0]["summary"] == "lhs − rhs simplifies to 0"
    # line 92's reason, overshooting the optimum: on a quadratic reversing gradients ⟺ x⁺ past x⋆; for any f, both ends slope inwards
    over = {c["part"]: c for c in report["002:L92"]["checks"][1:]}
    assert len(over) == 4 and all(c["verdict"] == "proved" and c["strategy"] == "exact (z3)" for c in over.values())
    assert any(p.startswith("overshooting: on a quadratic, reversing gradients put x⁺ past") for p in over)
    parts = {c["part"][:30]: c["verdict"] for c in report["002:L76"]["checks"]}
    assert set(parts.values()) == {"proved"} and len(parts) == 2
