"""Every claim of slides 002 decided in quick mode, against the verdicts worked out by hand."""

import pytest

from optverify.claims import match
from optverify.runner import run

REFUTED = {
    "002:L56": "proved",  # w_{1,0} printed where w_{2,0} belongs
    "002:L139": "proved",  # no eigen-decomposition at the double root
    "002:L149": "consistent",  # squares on ‖Q⁻¹‖ and ‖x_1‖
    "002:L155": None,  # Q not invertible at the double root
    "002:L206": None,  # Lessard et al.: heavy ball cycles
    "002:L361": "proved",  # stationary mean does not make the second moment stationary
    "002:L377": None,  # Reddi et al.: Adam's average regret does not vanish
}
PROVED = {"002:L37", "002:L41", "002:L43", "002:L49", "002:L51", "002:L60", "002:L123", "002:L137", "002:L161", "002:L165",
          "002:L171", "002:L184", "002:L202", "002:L240", "002:L244", "002:L269", "002:L273", "002:L279", "002:L333", "002:L350", "002:L72"}
CONSISTENT = {"002:L103", "002:L143", "002:L153", "002:L178", "002:L194", "002:L224", "002:L228", "002:L365"}


@pytest.fixture(scope="module")
def report():
    entries, interrupted = run(match(["002:*"]), "quick", 0)
    assert not interrupted
    return {e["id"]: e for e in entries}


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
