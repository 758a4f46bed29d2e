"""The command line: bad input gives one clear line and exit 2; the commands' output."""

import json
import subprocess
import sys

import pytest

from optverify.cli import main


def run_cli(*args):
    p = subprocess.run([sys.executable, "-m", "optverify", *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


@pytest.mark.parametrize(
    "args, needle",
    [
        (["show", "000:Thm 99"], "unknown claim id"),
        (["check", "nope"], "unknown claim id"),
        (["run", "999:*"], "matches no claim"),
        (["list", "000:Lemma*"], "matches no claim"),
        (["check", "000:Thm 3", "--bound", "2*sqrt(2)*D_inf*("], "malformed bound"),
        (["check", "000:Thm 3", "--bound", "2*D_inf*G_max"], "does not have"),
        (["check", "000:Thm 3", "--scale", "0"], "positive"),
        (["check", "000:Thm 3", "--scale", "-1"], "positive"),
        (["check", "000:Thm 3", "--scale", "nan"], "positive"),
        (["check", "000:Thm 3", "--scale", "abc"], "not a number"),
        (["check", "000:Thm 3", "--mode", "fast"], "unknown mode"),
        (["run", "000:L21", "--mode", "slow"], "unknown mode"),
        (["check", "000:L21", "--scale", "2"], "no bound"),
        (["coverage", "/no/such/file.txt"], "no source"),
        (["frobnicate"], "invalid choice"),
        (["run", "000:L21", "--jobs", "0"], "jobs"),
    ],
)
def test_bad_input_one_line_exit_2(args, needle, capsys):
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_list_and_show_json():
    code, out, _ = run_cli("list", "000:Thm*", "--json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == ["000:Thm 2", "000:Thm 3"]
    code, out, _ = run_cli("show", "000:Thm 3", "--json")
    d = json.loads(out)
    assert d["source"] == {"file": "000_5f54ea678090eb2e.txt", "line": 88, "end_line": 95}
    assert d["bound"] == "2*sqrt(2)*D_inf*E_sum_sqrt_diag"
    assert set(d["symbols"]) == {"D_inf", "E_sum_sqrt_diag"}
    assert {c["strategy"] for c in d["checks"]} >= {"instance", "scaling", "pseudocode"}  # the simulation is the corrected form's
    assert "started inside the constraint set" in d["corrected"]["statement_latex"]


def test_check_scale_and_the_corrected_form():
    code, out, _ = run_cli("check", "000:Thm 3", "--scale", "0.5", "--json")
    assert code == 0
    e = json.loads(out)
    assert e["verdict"] == "refuted"
    inst = next(c for c in e["checks"] if c["strategy"] == "instance")
    assert inst["certificate"]["replay"]["violation_stands"]
    code, out, _ = run_cli("check", "000:Thm 3", "--json")
    e = json.loads(out)
    assert e["verdict"] == "refuted"  # as printed: w_1 is not constrained, and a start outside the box breaks the bound
    inst = next(c for c in e["checks"] if c["strategy"] == "instance")
    assert float(inst["certificate"]["replay"]["values"]["w1_norm_over_D"]) > 1
    assert e["corrected"]["verdict"] == "consistent"  # started in the box: the tight instance reaches 1/√2 of the bound
    assert 0.70 < max(c["evidence"]["worst_ratio"] for c in e["corrected"]["checks"] if c["strategy"] == "instance") <= 0.7072


def test_check_bound_replacement():
    code, out, _ = run_cli("check", "000:L175", "--bound", "D_inf*sqrt(S)/2", "--json")
    e = json.loads(out)
    assert e["verdict"] == "refuted" and e["bound_in_force"] == "D_inf*sqrt(S)/2"


def test_run_writes_reports_and_fail_on(tmp_path):
    code, out, _ = run_cli("run", "000:L21", "000:L231", "--out", str(tmp_path), "--quiet")
    assert code == 0
    rep = json.loads((tmp_path / "report.json").read_text())
    assert rep["schema_version"] == 1 and rep["mode"] == "quick" and rep["seed"] == 0
    assert [e["id"] for e in rep["claims"]] == ["000:L21", "000:L231"]
    assert rep["coverage"]["000"]["displays_encoded"] == rep["coverage"]["000"]["displays"]
    for key in ("id", "source", "title", "kind", "statement_latex", "verdict", "checks", "corrected", "duration_s"):
        assert key in rep["claims"][0]
    assert "## Claims" in (tmp_path / "report.md").read_text()
    code, _, _ = run_cli("run", "000:L231", "--out", str(tmp_path), "--quiet", "--fail-on", "refuted")
    assert code == 1


def test_coverage_lists_every_item_of_000():
    code, out, _ = run_cli("coverage", "000", "--json")
    cv = json.loads(out)
    assert cv["statements"] == cv["statements_encoded"] == 4
    assert cv["displays"] == cv["displays_encoded"]
    assert cv["missing"] == []


def test_run_json_for_machines(tmp_path):
    code, out, err = run_cli("run", "000:L21", "--out", str(tmp_path), "--json")
    assert code == 0
    rep = json.loads(out)
    assert rep["claims"][0]["id"] == "000:L21" and rep["claims"][0]["verdict"] == "proved"
    assert (tmp_path / "report.html").exists()
