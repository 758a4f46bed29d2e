"""Every claim of paper 001 decided in quick mode: the verdicts the analysis of the paper predicts.

Worked out by hand (see the hypotheses of each claim): a typo or a wrong statement is refuted with a
certificate, a true statement never is.
"""

import pytest

from optverify.claims.coverage_map import coverage
from optverify.claims.sources import lines

EXPECTED = {
    # refuted as printed, with the verdict of the corrected form
    "001:L39": ("refuted", "proved"),  # ‖·‖_A = ⟨x, Ax⟩ is not a norm (its square is)
    "001:Prop 1": ("refuted", "proved"),  # entropic mirror descent ≠ PGD; B&T's equivalence is dual form ≡ Bregman form
    "001:L71": ("refuted", "proved"),  # (5) centres its regulariser at x_t, not at the origin
    "001:Prop 2": ("refuted", "consistent"),  # (10) counts Ψ twice (φ_{1:t} instead of φ_{1:t−1})
    "001:L104": ("refuted", "proved"),  # Q_τ = σ_τ² I where (12) needs σ_τ I
    "001:L142": ("refuted", "proved"),  # (log t)' is the increment of the squared distance, not the step
    "001:L171": ("refuted", "consistent"),  # σ_τ < 0 does not make (13) unbounded: B_t > 0
    "001:L184": ("refuted", "proved"),  # (17): (1 − β2) g_{t+2} for g_{t+2}²
    "001:L189": ("refuted", "proved"),  # AMSGrad keeps its EMA: v̂_{t+2} ≠ β2 v_t + (1 − β2) g²
    "001:Alg 1": ("refuted", "consistent"),  # line 7 uses β1 where AdamAL (18) uses β2
    "001:L216": ("refuted", "proved"),  # (18): the same g_{t+2} typo
    "001:Thm 3.1": ("refuted", "consistent"),  # the left side lacks α_t: ratio → ∞ as T → ∞ with α = 1/T
    "001:L50": ("refuted", "proved"),  # Rockafellar's proximal point step on f is implicit; (5) is the step on the linearisation
    "001:L52": ("refuted", "proved"),  # over X the minimiser of (5) is P_X(x_t − η g_t), not x_t − η g_t
    "001:L68": ("refuted", "proved"),  # over X, FTPRL projects lazily, mirror descent greedily
    "001:L109": ("refuted", "proved"),  # over a disk the projected step turns away from −g_t
    "001:L120": ("refuted", "proved"),  # 'subgradient projected Adam' over X ≠ the FTPRL form (13)
    "001:L122": ("refuted", "proved"),  # the same for SGDM
    "001:L219": ("refuted", "consistent"),  # AdamAL leaves v_t = v_{t−1} when g_t² < v_{t−1}: it skips g_t
    # proved
    "001:L21": ("proved", None),
    "001:L99": ("proved", None),
    "001:L45": ("proved", None),
    "001:L47": ("proved", None),
    "001:L107": ("proved", None),  # Σσ_τ = t for η_t = 1/t and Σσ_τ = k for η_t = 1/k, exactly as printed
    "001:Cor 1": ("proved", None),  # successive SGDM steps correlate by → β1 under pure-noise gradients (SGD: 0)
    "001:L89": ("proved", None),  # Adam's step is invariant under scaling the gradients
    "001:Cor 2": ("proved", None),  # a persistent change moves SGDM's momentum by Δ(1 − β1^k)/(1 − β1) ≥ Δ; Adam's step is scale-free
    "001:L132": ("proved", None),  # … at most and → 10 at β1 = 0.9
    "001:L136": ("proved", None),  # D·B constant on the level sets of the proximal penalty
    "001:L124": ("proved", None),
    "001:L128": ("proved", None),
    "001:L156": ("proved", None),
    "001:L157": ("proved", None),
    "001:L161": ("proved", None),
    "001:L165": ("proved", None),
    "001:L169": ("proved", None),
    "001:L197": ("proved", None),
    "001:L206": ("proved", None),
    # consistent
    "001:L102": ("consistent", None),  # the minimiser's distance to the centre of C is min(c − l, ρa/S)
    "001:L164": ("proved", None),
    "001:L173": ("proved", None),
    "001:L180": ("proved", None),
    "001:L199": ("proved", None),
    "001:L208": ("consistent", None),
}


@pytest.fixture(scope="module")
def report(decided):
    return decided("001")  # decided once per test session, shared with every test that asks


def test_every_claim_has_its_expected_verdict(report):
    got = {cid: (e["verdict"], e["corrected"]["verdict"] if e["corrected"] else None) for cid, e in report.items()}
    for cid, want in EXPECTED.items():
        assert got[cid] == want, (cid, got[cid], report[cid]["summary"])
    others = {cid: v for cid, v in got.items() if cid not in EXPECTED}
    assert all(v == ("not-checkable", None) for v in others.values()), others


def test_no_internal_errors_and_every_refutation_has_a_certificate(report):
    for e in report.values():
        checks = e["checks"] + (e["corrected"]["checks"] if e["corrected"] else [])
        for c in checks:
            assert not c["evidence"].get("internal_error"), (e["id"], c["summary"])
            if c["verdict"] == "refuted":
                assert c["certificate"], (e["id"], c["part"])
        if e["verdict"] == "not-checkable":
            assert all(c["summary"] for c in e["checks"])


def test_corrected_forms_are_never_refuted(report):
    for e in report.values():
        if e["corrected"]:
            assert all(c["verdict"] != "refuted" for c in e["corrected"]["checks"]), e["id"]


def test_instance_refutations_survive_replay(report):
    for e in report.values():
        for c in e["checks"]:
            if c["verdict"] == "refuted" and c["strategy"] == "instance":
                assert c["certificate"]["replay"]["violation_stands"] and c["certificate"]["replay"]["digits"] == 50


def test_the_sgd_budgets_of_line_107_are_proved_as_printed(report):
    e = report["001:L107"]
    parts = {c["part"]: c["verdict"] for c in e["checks"] if c["strategy"] == "symbolic"}
    assert parts == {"η_t = 1/t: σ_{1:t} = t": "proved", "η_t = 1/k: σ_{1:t} = k": "proved"}


def test_theorem_3_1_is_refuted_by_the_limits_on_a_validated_instance(report):
    e = report["001:Thm 3.1"]
    by_part = {c["part"]: c for c in e["checks"]}
    refuted = [p for p, c in by_part.items() if c["verdict"] == "refuted"]
    assert refuted and all(by_part[p]["strategy"] == "symbolic" and by_part[p]["certificate"]["limit_of_ratio"] == "oo" for p in refuted)
    assert all(c["verdict"] in ("consistent", "proved") for p, c in by_part.items() if p.startswith("instance"))


def test_constraint_set_refutations_carry_exact_certificates(report):
    # lines 120/122/68: two rounds on X = [0, ∞) from x_1 = 1/10, lazy (FTPRL) against greedy (projected) projection
    want = {"001:L120": ("0", "10*sqrt(1999)/1999"), "001:L122": ("1/10", "11/20"), "001:L68": ("11/20", "1")}
    for cid, (lazy, greedy) in want.items():
        e = report[cid]
        (c,) = [k for k in e["checks"] if k["verdict"] == "refuted"]
        assert (c["evidence"]["lhs"], c["evidence"]["rhs"]) == (lazy, greedy) and c["certificate"]["digits"] == 50
        assert all(k["verdict"] != "refuted" for k in e["corrected"]["checks"])
    for cid in ("001:L52", "001:L109", "001:L50"):
        (c,) = [k for k in report[cid]["checks"] if k["verdict"] == "refuted"]
        assert abs(float(c["certificate"]["difference"])) > 1e-6
    assert report["001:L50"]["corrected"]["verdict"] == report["001:L52"]["corrected"]["verdict"] == "proved"


def test_adamal_skips_a_small_gradient_exactly(report):
    e = report["001:L219"]
    (c,) = [k for k in e["checks"] if k["verdict"] == "refuted"]
    assert c["strategy"] == "interval" and c["certificate"]["violation"] == "0.0"
    v, g = float(c["certificate"]["point"]["v_tm1"]), float(c["certificate"]["point"]["g_t"])
    assert g * g < v  # the gradient is replaced by v_{t−1}, so v_t = v_{t−1}
    assert e["corrected"]["checks"][0]["part"] == "AdamAL's v-update = the in-place AMSGrad's"


def test_statements_are_printed_text(report):
    for e in report.values():
        src = "\n".join(lines(e["source"]["file"])[e["source"]["line"] - 1 : e["source"].get("end_line", e["source"]["line"])])
        assert e["statement_latex"] in src


def test_coverage_of_001_is_complete():
    cov = coverage("001")
    assert cov["missing"] == []
    assert cov["statements_encoded"] == cov["statements"] == 6
    assert cov["displays_encoded"] == cov["displays"] == 21
