"""The runner: time budget, determinism, aggregation; the run's interrupt handling."""

import json
import os
import signal
import subprocess
import sys
import time

import sympy as sp

from optverify.claims import match
from optverify.claims.model import Claim, Location
from optverify.claims.specs import Identity, Simulation
from optverify.runner import aggregate, run


class SleepyExperiment:
    description = "ignores its deadline"

    def run(self, mode, seed, deadline):
        time.sleep(60)
        return []


def _claim(checks):
    x = sp.Symbol("x")
    return Claim(id="000:L9", source=Location("000_5f54ea678090eb2e.txt", 9), title="t", kind="identity",
                 statement_latex="s", conclusion="c", checks=checks or [Identity(x, x)])


def test_overrunning_check_ends_inconclusive_and_keeps_what_was_decided():
    x = sp.Symbol("x")
    c = _claim([Identity((x + 1) ** 2, x**2 + 2 * x + 1), Simulation(SleepyExperiment(), sp.Integer(1), part="second link")])
    t0 = time.monotonic()
    (entry,), interrupted = run([c], "quick", 0, budget=2)
    assert not interrupted
    assert time.monotonic() - t0 < 15
    assert entry["checks"][0]["verdict"] == "proved"
    # the sleep is interrupted in the check process itself, one second after the deadline (not by the parent's kill)
    assert entry["checks"][1]["verdict"] == "inconclusive" and "time budget" in entry["checks"][1]["summary"]
    assert entry["checks"][1]["evidence"]["stopped_at_budget"] is True
    assert entry["duration_s"] < 2 + 1.5
    assert entry["verdict"] == "inconclusive"


class UnkillableExperiment:
    """A check that ignores its budget inside one call that Python cannot interrupt: the parent's hard limit ends it."""

    def run(self, mode, seed, deadline):
        import signal

        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # what a C extension blocking signals looks like from here
        time.sleep(60)
        return []


def test_a_check_that_cannot_be_interrupted_is_killed_at_the_hard_limit():
    c = _claim([Simulation(UnkillableExperiment(), sp.Integer(1))])
    (entry,), _ = run([c], "quick", 0, budget=1)
    assert entry["verdict"] == "inconclusive" and "hard time limit" in entry["checks"][0]["summary"]
    assert entry["duration_s"] < 1 + 5 + 3


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
