"""Every claim of notes 000 decided in quick mode: the verdicts the analysis of the notes predicts.

The expectations are the mathematics of the notes worked out by hand (see the
closing notes of issue 2): a typo or a wrong constant must be refuted, a true
statement must never be.
"""

import pytest

from optverify.claims.sources import lines

EXPECTED = {
    # refuted as printed, with the verdict of the corrected form
    "000:L19": ("refuted", "consistent"),  # 2-smooth: needs ‖x‖² ≤ 8
    "000:L25": ("refuted", "consistent"),  # η ∝ r/√t scales wrongly
    "000:L55": ("refuted", "proved"),  # y vs y_t
    "000:L167": ("refuted", "consistent"),  # D² where (2D)² is needed
    "000:L171": ("refuted", "consistent"),  # missing c; ∫ dx/√x = 2√S
    "000:L179": ("refuted", "consistent"),  # the right side lacks E
    "000:Alg 1": ("refuted", "consistent"),  # m_t = β m − (1−β) g ascends
    "000:L212": ("refuted", "proved"),  # v_0 = 0 vs ε²
    "000:L220": ("refuted", "proved"),  # unbiased for g², not g
    "000:L228": ("refuted", "proved"),  # stray β^t ε² in m_t
    "000:L231": ("refuted", "proved"),  # β_t^{t−1}
    "000:L246": ("refuted", "proved"),  # (1−β) not squared; 2t−1 not 2t
    "000:L254": ("refuted", "proved"),  # first-order Taylor is σ²(1−β)/2
    "000:L256": ("refuted", "proved"),  # batch size 2N − 1
    "000:L281": ("refuted", "proved"),  # Algorithm 1's sign flips the sign update
    "000:Thm 2": ("refuted", "consistent"),  # w_1 is not constrained: a start outside the ball breaks the bound
    "000:Thm 3": ("refuted", "consistent"),  # … outside the box
    "000:L175": ("refuted", "proved"),  # the same, per coordinate; started in the box it is proved by induction on T
    "000:L63": ("refuted", "consistent"),  # Σ g² estimates σ² + ∇L², not the variance σ² of line 59
    "000:L241": ("refuted", "proved"),  # line 239 freezes loss values, not gradients
    "000:L61": ("refuted", "proved"),  # Σ‖g‖² estimates σ² + ‖∇L‖² (as L63); g_t for g_τ under the sum
    "000:L122": ("refuted", "proved"),  # w√d needs w ≥ 0: 'some constant w' may be negative
    "000:L128": ("refuted", "proved"),  # 2^d values needs w ≠ 0
    "000:L139": ("refuted", "consistent"),  # drops the factor Σ 1/i ≈ log d of lines 132–137
    # true
    "000:L101": ("proved", None),
    "000:L110": ("proved", None),  # existence: a witness gradient sequence
    "000:L112": ("proved", None),
    "000:L126": ("proved", None),
    "000:L132": ("consistent", None),
    "000:L147": ("consistent", None),
    "000:L155": ("consistent", None),
    "000:L159": ("proved", None),
    "000:L163": ("proved", None),
    "000:L23": ("consistent", None),
    "000:L51": ("consistent", None),
    "000:L214": ("proved", None),  # E[g²] = ∇L² + σ² for an unbiased g
    "000:L21": ("proved", None),
    "000:L73": ("proved", None),
    "000:L137": ("proved", None),
    "000:L151": ("proved", None),
    "000:L161": ("proved", None),
    "000:L206": ("proved", None),
    "000:L216": ("proved", None),
    "000:L222": ("proved", None),
    "000:L233": ("proved", None),
    "000:L43": ("proved", None),  # the rarer word gets the larger count-based rate
    "000:L273": ("proved", None),  # under drift the bias of m̂_t grows with β1 as its variance falls
    "000:L250": ("proved", None),
    "000:L258": ("proved", None),
    "000:L261": ("proved", None),
    "000:L265": ("proved", None),
    "000:L267": ("proved", None),
    "000:L269": ("proved", None),
    "000:L277": ("proved", None),
    "000:L283": ("proved", None),
}


@pytest.fixture(scope="module")
def report(decided):
    return decided("000")  # decided once per test session, shared with every test that asks


def test_every_claim_has_its_expected_verdict(report):
    got = {cid: (e["verdict"], e["corrected"]["verdict"] if e["corrected"] else None) for cid, e in report.items()}
    for cid, want in EXPECTED.items():
        assert got[cid] == want, (cid, report[cid]["summary"])
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


def test_instance_refutations_survive_replay(report):
    for e in report.values():
        for c in e["checks"]:
            if c["verdict"] == "refuted" and c["strategy"] == "instance":
                assert c["certificate"]["replay"]["violation_stands"] and c["certificate"]["replay"]["digits"] == 50


def _refuting(e):
    """The statement's own refuting checks (a printed proof's broken steps are reported apart)."""
    return [c for c in e["checks"] if c["verdict"] == "refuted" and not c["strategy"].startswith("proof")]


def test_theorems_2_3_and_line_175_fall_only_through_the_unconstrained_start(report):
    for cid, sharp in (("000:Thm 2", 0.7072), ("000:Thm 3", 0.7072), ("000:L175", 1.0)):
        e = report[cid]
        (c,) = _refuting(e)
        rep_ = c["certificate"]["replay"]
        assert c["strategy"] == "instance" and c["certificate"]["family"] == "adagrad-start-anywhere"
        assert rep_["violation_stands"] and rep_["digits"] == 50 and float(rep_["measured_minus_rhs"]) > 0
        assert float(rep_["values"]["w1_norm_over_D"]) > 1  # the start lies outside the set
        corrected = e["corrected"]["checks"]
        # started in the set: consistent by search and simulation; line 175's corrected form is also proved by induction on T
        assert e["corrected"]["verdict"] == ("proved" if cid == "000:L175" else "consistent")
        assert all(k["verdict"] == "consistent" for k in corrected if k["strategy"] != "induction")
        assert cid != "000:L175" or any(k["strategy"] == "induction" and k["verdict"] == "proved" for k in corrected)
        worst = max(k["evidence"]["worst_ratio"] for k in corrected if k["strategy"] == "instance")
        assert worst <= sharp  # with w_1 in the set no instance comes near the bound (Theorem 3: 1/√2 at T = 1)
    assert "w_1 in the box" in report["000:L179"]["corrected"]["statement_latex"]
    assert "|w_1[i]| ≤ D_∞" in report["000:L167"]["corrected"]["statement_latex"]


def test_line_63_ratio_tends_to_three_fifths_on_a_biased_coordinate(report):
    e = report["000:L63"]
    (c,) = _refuting(e)
    assert c["strategy"] == "symbolic" and c["certificate"]["limit_of_ratio"] == "3/5"
    parts = {k["part"]: k["verdict"] for k in e["checks"]}
    assert parts["instance: σ[i]² of line 59 is 9a²/25"] == "proved"
    assert [k["verdict"] for k in e["corrected"]["checks"]] == ["proved", "consistent"]


def test_line_241_equal_losses_do_not_freeze_the_gradient(report):
    e = report["000:L241"]
    parts = {k["part"]: k for k in e["checks"]}
    assert parts["instance: L(w_1) = L(w_2), the printed assumption holds"]["verdict"] == "proved"
    (c,) = _refuting(e)
    assert abs(float(c["certificate"]["difference"])) > 1e-6 and c["certificate"]["digits"] == 50


def test_the_mechanisms_of_lines_43_and_273_are_decided(report):
    for cid in ("000:L43", "000:L273"):
        verdicts = [k["verdict"] for k in report[cid]["checks"]]
        assert "proved" in verdicts and set(verdicts) <= {"proved", "not-checkable"}
    parts = {k["part"]: k for k in report["000:L273"]["checks"]}
    assert parts["the bias factor β1/(1 − β1) increases with β1"]["verdict"] == "proved"
    assert parts["the variance factor (1 − β1)/(1 + β1) of line 250 decreases with β1"]["verdict"] == "proved"


def test_statements_are_printed_text(report):
    for e in report.values():
        src = "\n".join(lines(e["source"]["file"])[e["source"]["line"] - 1 : e["source"].get("end_line", e["source"]["line"])])
        assert e["statement_latex"] in src
