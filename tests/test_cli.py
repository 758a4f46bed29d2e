"""The command line: bad input gives one clear line and exit 2; the commands' output."""

import json
import subprocess
import sys

import pytest
import sympy as sp

from optverify.claims import all_claims
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
        (["check", "001:L165", "--scale", "0.5"], "no inequality with a nonzero right-hand side"),
        (["coverage", "/no/such/file.txt"], "no source"),
        (["frobnicate"], "invalid choice"),
        (["run", "000:L21", "--jobs", "0"], "jobs"),
        (["check", "000:L175", "--bound", "D_inf*nosuchsym"], "uses nosuchsym, which"),
        (["check", "000:L175", "--bound", "D_inf*nosuch(S)"], "uses nosuch, which"),
        (["run", "000:L21", "--out", "/proc/no-such-folder"], "not a writable folder"),
    ],
)
def test_bad_input_one_line_exit_2(args, needle, capsys):
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bound_names_are_taken_whole_and_implicit_products_still_parse():
    from optverify.claims import get
    from optverify.cli import _parse_bound
    from optverify.errors import UserError

    c = get("000:L175")
    D, S = c.symbols["D_inf"], c.symbols["S"]
    assert _parse_bound(c, "2 D_inf sqrt(S)") == 2 * D * sp.sqrt(S)
    with pytest.raises(UserError) as exc:
        _parse_bound(c, "D_inf*nosuchsym")
    msg = str(exc.value)
    assert "uses nosuchsym," in msg and "c, h" not in msg
    # a sympy function's name is a name too unless it is called; pi, E, oo are constants
    with pytest.raises(UserError, match="uses gamma, which"):
        _parse_bound(c, "gamma*D_inf")
    assert _parse_bound(c, "pi*Max(D_inf, sqrt(S))") == sp.pi * sp.Max(D, sp.sqrt(S))


@pytest.mark.parametrize("where", ["file", "under a file"])
def test_run_out_unusable_is_one_line_exit_2_before_any_claim_is_decided(tmp_path, monkeypatch, capsys, where):
    import optverify.runner

    def no_run(*a, **k):
        raise AssertionError("a claim was decided before --out was found unusable")

    monkeypatch.setattr(optverify.runner, "run", no_run)
    f = tmp_path / "a-file"
    f.write_text("x")
    out = f if where == "file" else f / "sub"
    code = main(["run", "000:L21", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(out) in err
    assert f.read_text() == "x"


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


def test_scale_without_a_bound_scales_the_right_hand_side_of_each_inequality():
    # 000:L101 ‖g‖_∞ ≤ ‖g‖_2 (no `bound`; instance search, tight at one coordinate): half the right side is refuted
    code, out, _ = run_cli("check", "000:L101", "--scale", "0.5", "--json")
    assert code == 0
    e = json.loads(out)
    assert e["verdict"] == "refuted" and e["bound"] is None
    assert e["override"] == {"scale": 0.5, "bound": None, "scales": "right-hand side of each inequality"}
    ck = e["checks"][0]
    assert ck["evidence"]["relation"] == "measured <= two_norm/2"
    rep = ck["certificate"]["replay"]
    assert rep["violation_stands"] and float(rep["measured"]) == 2 * float(rep["rhs"])
    # the snippet replays the right side in force (half the printed one) in a clean interpreter
    replayed = subprocess.run([sys.executable, "-c", ck["certificate"]["replay_snippet"]], capture_output=True, text=True, timeout=120)
    assert "violation_stands: True" in replayed.stdout and "Rational(1, 2)" in ck["certificate"]["replay_snippet"]
    # 004:L233 (interval check, q(1 − ρ) + ρs ≤ 1, equality at q = 1, ρ = 0): proved as printed, refuted at half
    code, out, _ = run_cli("check", "004:L233", "--scale", "0.5", "--json")
    e = json.loads(out)
    assert e["verdict"] == "refuted"
    cert = e["checks"][0]["certificate"]
    assert e["checks"][0]["evidence"]["relation"].endswith("<= 1/2") and float(cert["violation"]) > 0
    code, out, _ = run_cli("check", "004:L233", "--json")
    assert json.loads(out)["verdict"] == "proved"


def test_check_bound_replacement():
    code, out, _ = run_cli("check", "000:L175", "--bound", "D_inf*sqrt(S)/2", "--json")
    e = json.loads(out)
    assert e["verdict"] == "refuted" and e["bound_in_force"] == "D_inf*sqrt(S)/2"


def test_run_writes_reports_and_fail_on(tmp_path):
    code, out, _ = run_cli("run", "000:L21", "000:L231", "--out", str(tmp_path), "--quiet")
    assert code == 0
    rep = json.loads((tmp_path / "report.json").read_text())
    assert rep["schema_version"] == 2 and rep["mode"] == "quick" and rep["seed"] == 0
    assert [e["id"] for e in rep["claims"]] == ["000:L21", "000:L231"]
    assert rep["coverage"]["000"]["displays_encoded"] == rep["coverage"]["000"]["displays"]
    # every bundled source is in the coverage, whatever was run: 003 with its own counts
    assert sorted(rep["coverage"]) == ["000", "001", "002", "003", "004"]
    c3 = rep["coverage"]["003"]
    n3 = sum(1 for c in all_claims() if c.seed == "003")
    assert (c3["claims"], c3["statements"], c3["displays"], c3["items"]) == (n3, 111, 587, 698)
    assert len(c3["missing"]) == 698 - c3["encoded"]
    row = f"| 003 | {n3} | {c3['encoded']} of 698 encoded | {c3['statements_encoded']}/111 | {c3['displays_encoded']}/587 |"
    assert row in (tmp_path / "report.md").read_text()
    assert f"{c3['encoded']} of 698 encoded" in (tmp_path / "report.html").read_text()
    for key in ("id", "source", "title", "kind", "statement_latex", "verdict", "checks", "corrected"):
        assert key in rep["claims"][0]
    assert rep["timings"]["claims"]["000:L21"]["duration_s"] >= 0 and "duration_s" not in rep["claims"][0]
    assert "## Claims" in (tmp_path / "report.md").read_text()
    code, _, _ = run_cli("run", "000:L231", "--out", str(tmp_path), "--quiet", "--fail-on", "refuted")
    assert code == 1


def test_coverage_lists_every_item_of_000():
    code, out, _ = run_cli("coverage", "000", "--json")
    cv = json.loads(out)
    assert cv["statements"] == cv["statements_encoded"] == 4
    assert cv["displays"] == cv["displays_encoded"]
    assert cv["missing"] == []


def test_coverage_without_argument_lists_every_bundled_source():
    code, out, _ = run_cli("coverage", "--json")
    assert code == 0
    cvs = {cv["seed"]: cv for cv in json.loads(out)}
    assert sorted(cvs) == ["000", "001", "002", "003", "004"]
    c3 = cvs["003"]
    assert (c3["claims"], c3["statements"], c3["displays"]) == (sum(1 for c in all_claims() if c.seed == "003"), 111, 587)
    code, out, _ = run_cli("coverage")
    assert (f"003_5cc426551908e376.txt: {c3['claims']} claims; statements {c3['statements_encoded']}/111 encoded, "
            f"displays {c3['displays_encoded']}/587 encoded") in out


def test_run_json_for_machines(tmp_path):
    code, out, err = run_cli("run", "000:L21", "--out", str(tmp_path), "--json")
    assert code == 0
    rep = json.loads(out)
    assert rep["claims"][0]["id"] == "000:L21" and rep["claims"][0]["verdict"] == "proved"
    assert (tmp_path / "report.html").exists()
