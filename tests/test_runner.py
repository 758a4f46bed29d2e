"""The runner: time budget, determinism, aggregation; the run's interrupt handling."""

import json
import os
import signal
import subprocess
import sys
import time

import sympy as sp

from optverify.claims import match
from optverify.claims.model import Claim, Source
from optverify.claims.specs import Identity, Simulation
from optverify.runner import aggregate, run


class SleepyExperiment:
    description = "ignores its deadline"

    def run(self, mode, seed, deadline):
        time.sleep(60)
        return []


def _claim(checks):
    x = sp.Symbol("x")
    return Claim(id="000:L9", source=Source("000_5f54ea678090eb2e.txt", 9), title="t", kind="identity",
                 statement_latex="s", conclusion="c", checks=checks or [Identity(x, x)])


def test_overrunning_check_ends_inconclusive_and_keeps_what_was_decided():
    x = sp.Symbol("x")
    c = _claim([Identity((x + 1) ** 2, x**2 + 2 * x + 1), Simulation(SleepyExperiment(), sp.Integer(1), part="second link")])
    t0 = time.monotonic()
    (entry,), interrupted = run([c], "quick", 0, budget=2)
    assert not interrupted
    assert time.monotonic() - t0 < 15
    assert entry["checks"][0]["verdict"] == "proved"
    assert entry["checks"][1]["verdict"] == "inconclusive" and "time limit" in entry["checks"][1]["summary"]
    assert entry["verdict"] == "inconclusive"


class NeedsAPackage:
    description = "imports a package that is not installed"

    def __init__(self, module):
        self.module = module

    def run(self, mode, seed, deadline):
        import importlib

        importlib.import_module(self.module)


def test_a_missing_package_is_inconclusive_with_how_to_install_never_not_checkable():
    from optverify.checks.dispatch import run_check
    from optverify.checks.result import CheckContext

    ctx = CheckContext(seed=0)
    res = run_check(Simulation(NeedsAPackage("torch_not_installed_here.nn"), sp.Integer(1)), ctx)
    assert res.verdict == "inconclusive"
    assert res.evidence["environment_error"] and res.evidence["missing_package"] == "torch_not_installed_here"
    assert "'torch_not_installed_here', which is not installed (pip install torch_not_installed_here)" in res.summary
    res = run_check(Simulation(NeedsAPackage("torch"), sp.Integer(1)), ctx) if not _have("torch") else None
    if res is not None:
        assert res.verdict == "inconclusive" and "pip install '.[bench]'" in res.summary
    # optverify's own module missing is a bug: an internal error (inconclusive too), not an environment problem
    res = run_check(Simulation(NeedsAPackage("optverify.no_such_module"), sp.Integer(1)), ctx)
    assert res.verdict == "inconclusive" and res.evidence.get("internal_error") and "environment_error" not in res.evidence


def _have(module):
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_aggregation_rules():
    def ck(part, v):
        return {"part": part, "verdict": v}

    assert aggregate([ck("a", "proved"), ck("b", "proved")])[0] == "proved"
    assert aggregate([ck("a", "proved"), ck("b", "consistent")])[0] == "consistent"
    assert aggregate([ck("a", "proved"), ck("a", "consistent")])[0] == "proved"
    assert aggregate([ck("a", "proved"), ck("b", "refuted")])[0] == "refuted"
    v, notes = aggregate([ck("a", "proved"), ck("a", "refuted")])
    assert v == "inconclusive" and notes  # a contradiction is never reported as a refutation


def _strip_times(entries):
    out = []
    for e in entries:
        e = dict(e)
        e.pop("duration_s")
        out.append(json.loads(json.dumps(e, default=str).replace("elapsed_s", "x")) | {})
    for e in out:
        for c in e["checks"]:
            ev = c.get("evidence") or {}
            ev.get("interval", {}).pop("x", None)
            ev.get("interval", {}).pop("boxes_per_second", None)
    return out


def test_same_seed_same_results():
    claims = match(["000:L171", "000:L246", "000:Thm 3", "000:L269"])
    a, _ = run(claims, "quick", 5)
    b, _ = run(claims, "quick", 5)
    assert _strip_times(a) == _strip_times(b)


def test_ctrl_c_keeps_the_decided_claims(tmp_path):
    out = tmp_path / "rep"
    proc = subprocess.Popen([sys.executable, "-m", "optverify", "run", "000:*", "--out", str(out), "--jobs", "1", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if (out / "report.json").exists() and len(json.loads((out / "report.json").read_text())["claims"]) >= 3:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    assert proc.returncode == 130
    rep = json.loads((out / "report.json").read_text())
    assert rep["interrupted"] is True and rep["complete"] is False
    assert 3 <= len(rep["claims"]) < 59
    assert all(e["verdict"] in ("proved", "refuted", "consistent", "inconclusive", "not-checkable") for e in rep["claims"])
    assert (out / "report.md").exists()
