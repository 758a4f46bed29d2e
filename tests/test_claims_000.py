"""Every claim of notes 000 decided in quick mode: the verdicts the analysis of the notes predicts.

The expectations are the mathematics of the notes worked out by hand (see the
closing notes of issue 2): a typo or a wrong constant must be refuted, a true
statement must never be.
"""

import pytest

from optverify.claims import match
from optverify.claims.sources import lines
from optverify.runner import run

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
    # true
    "000:Thm 2": ("consistent", None),
    "000:Thm 3": ("consistent", None),
    "000:L175": ("proved", None),
    "000:L101": ("proved", None),
    "000:L112": ("proved", None),
    "000:L126": ("proved", None),
    "000:L132": ("consistent", None),
    "000:L147": ("consistent", None),
    "000:L155": ("consistent", None),
    "000:L159": ("proved", None),
    "000:L163": ("proved", None),
    "000:L23": ("consistent", None),
    "000:L51": ("consistent", None),
    "000:L63": ("consistent", None),
    "000:L122": ("proved", None),
    "000:L21": ("proved", None),
    "000:L73": ("proved", None),
    "000:L137": ("proved", None),
    "000:L151": ("proved", None),
    "000:L161": ("proved", None),
    "000:L206": ("proved", None),
    "000:L216": ("proved", None),
    "000:L222": ("proved", None),
    "000:L233": ("proved", None),
    "000:L241": ("proved", None),
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
def report():
    entries, interrupted = run(match(["000:*"]), "quick", 0)
    assert not interrupted
    return {e["id"]: e for e in entries}


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


def test_statements_are_printed_text(report):
    for e in report.values():
        src = "\n".join(lines(e["source"]["file"])[e["source"]["line"] - 1 : e["source"].get("end_line", e["source"]["line"])])
        assert e["statement_latex"] in src
