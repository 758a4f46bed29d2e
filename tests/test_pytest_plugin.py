"""The pytest plugin: @pytest.mark.claim, the optverify_claim fixture, the options and the session report."""

import json

import pytest
from plugin_loading import plugin_args

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module", autouse=True)
def imported_before_pytester():
    """Import in this process what the in-process sessions below import (engines, matplotlib).

    pytester restores ``sys.modules`` after each in-process run, dropping what the
    run imported first; numpy's extension modules cannot be imported twice in one
    process, so a later test importing them again would fail.
    """
    from optverify.claims import get
    from optverify.reports import plots
    from optverify.runner import decide

    decide(get("000:L21"))
    plots.trajectory_svg({"w": [1.0, 2.0]})


TESTS = '''
import pytest

@pytest.mark.claim("000:L222")
def test_relies_on_a_proved_claim():
    pass

@pytest.mark.claim("000:L220")
def test_relies_on_a_refuted_claim():
    raise AssertionError("the body must not run when a claim is refuted")

@pytest.mark.claim("000:L220", corrected=True)
def test_relies_on_the_corrected_form():
    pass

@pytest.mark.claim("000:L9")
def test_relies_on_a_definition():
    pass

@pytest.mark.claim("000:L222", "000:L21")
class TestTwice:
    def test_same_claims_again(self):
        pass

def test_fixture(optverify_claim):
    entry = optverify_claim("000:L21")
    assert entry["verdict"] == "proved" and entry["source"]["line"] == 21

def test_fixture_unknown_id(optverify_claim):
    optverify_claim("000:Thm 99")

@pytest.mark.claim("000:L21", strict=True)
def test_bad_marker():
    pass
'''


def test_marker_fixture_and_session_report(pytester):
    pytester.makepyfile(test_claims=TESTS)
    out = pytester.path / "ovreport"
    result = pytester.runpytest(*plugin_args(), "--strict-markers", f"--optverify-report={out}", "--optverify-seed=3", "-rA")
    result.assert_outcomes(passed=5, failed=3, warnings=1)
    text = result.stdout.str()
    result.stdout.fnmatch_lines(["optverify: claims decided in mode quick, seed 3; report to *ovreport"])
    # a refuted claim fails the test before its body runs, with the certificate and the corrected form
    assert "optverify: claim 000:L220 is refuted (mode quick, seed 3)" in text
    assert "certificate:" in text and '"replay"' in text
    assert 'to rely on the corrected form: @pytest.mark.claim("000:L220", corrected=True)' in text
    assert "the body must not run" not in text
    # an unknown id and a malformed marker fail with one clear line
    assert "optverify: unknown claim id '000:Thm 99'" in text
    assert "optverify: use @pytest.mark.claim('ID', ..., corrected=False)" in text
    # a definition is not-checkable: the test runs, with a warning
    assert "ClaimUndecidedWarning" in text and "claim 000:L9 is not-checkable" in text
    # each claim decided once, all of them in the report
    result.stdout.fnmatch_lines(["optverify: 4 claims decided (1 not-checkable, 2 proved, 1 refuted); report: *report.html"])
    rep = json.loads((out / "report.json").read_text())
    assert rep["seed"] == 3 and rep["mode"] == "quick"
    assert [e["id"] for e in rep["claims"]] == ["000:L9", "000:L21", "000:L220", "000:L222"]
    assert rep["counts"]["refuted"] == 1 and rep["claims"][2]["corrected"]["verdict"] == "proved"
    assert (out / "report.md").read_text().startswith("# optverify report")
    assert "<math" in (out / "report.html").read_text()


def test_bad_options_are_usage_errors(pytester):
    pytester.makepyfile("def test_nothing():\n    assert True\n")
    result = pytester.runpytest(*plugin_args(), "--optverify-mode=fast")
    assert result.ret == 4
    result.stderr.fnmatch_lines(["*--optverify-mode*invalid choice*"])
    result = pytester.runpytest(*plugin_args(), "--optverify-budget=0")
    assert result.ret == 4
    result.stderr.fnmatch_lines(["*--optverify-budget must be positive*"])


def test_no_report_and_no_summary_without_claims(pytester):
    pytester.makepyfile("def test_nothing():\n    assert True\n")
    out = pytester.path / "never"
    result = pytester.runpytest(*plugin_args())
    result.assert_outcomes(passed=1)
    assert "claims decided (" not in result.stdout.str() and not out.exists()
