"""Claims and Monte Carlo sweeps on a dask.distributed cluster: a real LocalCluster (two process workers, one
thread each) started here, not a mock.

The cluster decides claims as the local pool does (same entries but for timings); the budget is enforced on the
worker; a worker killed mid-claim costs that claim one retry elsewhere, and two deaths end it inconclusive with
the reason; Ctrl-C on the client keeps the report of what was decided.  Monte Carlo blocks merged exactly.
The tests that kill workers come last: the cluster's nannies restart them.
"""

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from optverify.claims import match, use
from optverify.executors.dask import DaskExecutor
from optverify.runner import GRACE_S, run

CLAIMS_FILE = str(Path(__file__).with_name("distributed_claims.py"))

#: quick claims decided by different strategies: symbolic, interval, scaling, linear algebra, simulation, instance
#: search (000:L19 refuted with a certificate; 000:L159 a search among ties, whose worst instance differed in the test
#: process while hypothesis drew constants from the loaded test modules)
QUICK = ["001:L71", "004:L489", "000:L25", "002:L139", "004:L291", "000:L19", "000:L159"]


def _warm():
    from optverify.claims import all_claims
    from optverify.executors.local import prewarm

    prewarm()
    use(CLAIMS_FILE)
    all_claims()


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    use(CLAIMS_FILE)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as lc, Client(lc, set_as_default=False) as client:
        client.run(_warm)  # import the engines and the claims on both workers before any claim's clock starts
        yield client


def _differences(x, y, path=""):
    """The paths at which two report entries differ, with both values (a readable failure message)."""
    if isinstance(x, dict) and isinstance(y, dict):
        return [d for k in sorted(set(x) | set(y), key=str) for d in _differences(x.get(k), y.get(k), f"{path}/{k}")]
    if isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
        return [d for i, (u, v) in enumerate(zip(x, y)) for d in _differences(u, v, f"{path}[{i}]")]
    return [] if x == y else [f"{path}: {str(x)[:200]!r} != {str(y)[:200]!r}"]


def _without_timings(entries):
    out = []
    for e in entries:
        e = dict(e)
        assert e.pop("timings")["duration_s"] >= 0
        out.append(e)
    return out


def test_the_cluster_gives_the_local_report_entry_by_entry(cluster):
    from optverify.reports import json_report

    claims = match(QUICK)
    # On a cold numba cache the first run compiles kernels inside its claims' time budgets (the workers were warmed
    # with the same claims' engines by _warm, but the kernels are compiled on first use): decide once to warm the
    # cache on this machine, then compare two warm runs.
    run(claims, "quick", 7)
    local, li = run(claims, "quick", 7)
    arrived = []
    remote, ri = run(claims, "quick", 7, executor=DaskExecutor(cluster), on_result=lambda e: arrived.append(e["id"]))
    assert not li and not ri
    assert [e["id"] for e in remote] == [c.id for c in claims] and sorted(arrived) == sorted(QUICK)
    for r_, l_ in zip(_without_timings(remote), _without_timings(local)):
        assert r_ == l_, (r_["id"], _differences(r_, l_)[:5])
    reports = [json_report.build(es, mode="quick", seed=7, started="-", ended="-", interrupted=False, coverage={}, requested=QUICK)
               for es in (local, remote)]
    for r in reports:
        r.pop("timings")
    assert json_report.dumps(reports[0]) == json_report.dumps(reports[1])
    # the subset means something: refutations with their certificates, proofs, experiments
    verdicts = {e["id"]: e["verdict"] for e in remote}
    assert {"refuted", "proved", "consistent"} <= set(verdicts.values())
    refuted = [e for e in remote if e["verdict"] == "refuted"]
    assert all(any(c.get("certificate") for c in e["checks"]) for e in refuted)


def test_the_budget_is_enforced_on_the_worker(cluster):
    budget = 2.0
    lem2, lem3 = run(match(["dist:Lem 2", "dist:Lem 3"]), "quick", 0, budget=budget, executor=DaskExecutor(cluster))[0]
    # Lem 2: the first check decided, the second interrupted by the budget's alarm in the process deciding it
    first, held = lem2["checks"]
    assert first["verdict"] == "consistent" and first["evidence"] == {"checked_up_to": 10000}
    assert held["verdict"] == "inconclusive" and held["evidence"]["stopped_at_budget"] is True
    assert "time budget" in held["summary"]
    assert lem2["verdict"] == "inconclusive" and lem2["timings"]["duration_s"] < budget + 1.5 + 1
    # Lem 3 ignores the alarm: the worker kills the process deciding it at the hard limit
    assert lem3["verdict"] == "inconclusive" and "hard time limit" in lem3["checks"][0]["summary"]
    assert budget + GRACE_S - 0.5 < lem3["timings"]["duration_s"] < budget + GRACE_S + 3


def test_a_claim_built_in_code_travels_as_itself_not_as_the_claim_in_use_under_its_id(cluster):
    import sympy as sp

    from optverify.claims.model import Claim, Location
    from optverify.claims.specs import Identity

    x = sp.Symbol("x")
    mine = Claim(id="000:L9", source=Location("000_5f54ea678090eb2e.txt", 9), title="t", kind="identity",
                 statement_latex="s", conclusion="c", checks=[Identity((x + 1) ** 2, x**2 + 2 * x + 1)])
    (remote,), _ = run([mine], "quick", 0, executor=DaskExecutor(cluster))
    (local,), _ = run([mine], "quick", 0)
    assert remote["verdict"] == "proved" and remote["title"] == "t"
    assert _without_timings([remote]) == _without_timings([local])


def test_run_scheduler_writes_the_local_report_and_ctrl_c_keeps_what_was_decided(cluster, tmp_path):
    address = cluster.scheduler.address
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in [str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH")] if p))
    out = tmp_path / "rep"
    # Lem 1 holds its process for 4 s; the two quick claims are decided long before: interrupt after them
    cmd = [sys.executable, "-m", "optverify", "run", "--claims", CLAIMS_FILE, "001:L71", "004:L489", "dist:Lem 1",
           "--out", str(out), "--quiet", "--seed", "7"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(env, OPTVERIFY_SCHEDULER=address))
    deadline = time.monotonic() + 60
    decided = []
    while time.monotonic() < deadline and len(decided) < 2:
        if (out / "report.json").exists():
            decided = json.loads((out / "report.json").read_text())["claims"]
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    rep = json.loads((out / "report.json").read_text())
    assert rep["interrupted"] is True and rep["complete"] is False
    assert [e["id"] for e in rep["claims"]] == ["001:L71", "004:L489"]
    from optverify.reports import json_report

    local = run(match(["001:L71", "004:L489"]), "quick", 7)[0]
    local = json.loads(json_report.dumps(json_report.build(local, mode="quick", seed=7, started="-", ended="-", interrupted=True,
                                                           coverage={}, requested=[])))["claims"]
    assert rep["claims"] == local
    assert (out / "report.md").exists() and "Traceback" not in err


def test_scheduler_without_dask_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path):
    from optverify.cli import main

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    code = main(["run", "001:L71", "--scheduler", "tcp://127.0.0.1:8786", "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "pip install 'optverify[distributed]'" in err
    assert not (tmp_path / "r" / "report.json").exists()


def test_without_a_scheduler_the_local_pool_decides_sized_by_workers(monkeypatch, capsys):
    from optverify.cli import main
    from optverify.executors import executor_for
    from optverify.executors.local import LocalPool

    monkeypatch.delenv("OPTVERIFY_SCHEDULER", raising=False)
    pool = executor_for(None, 3)
    assert isinstance(pool, LocalPool) and pool.workers == 3
    monkeypatch.setenv("OPTVERIFY_SCHEDULER", " ")
    assert isinstance(executor_for(None, 1), LocalPool)
    assert main(["run", "001:L71", "--workers", "0"]) == 2 and "--workers (--jobs) must be at least 1" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_clear_error():
    from optverify.errors import UserError

    with pytest.raises(UserError, match="cannot reach the dask scheduler at 'tcp://127.0.0.1:9'") as exc:
        DaskExecutor.connect("tcp://127.0.0.1:9", timeout=1)
    assert "\n" not in str(exc.value)


# ------------------------------------------------------------------ Monte Carlo: seeds in blocks, merged exactly

def test_chan_merge_of_blocks_equals_the_moments_of_the_whole_sample():
    from optverify.executors.montecarlo import BlockStats, merge_all

    rng = np.random.default_rng(11)
    x = rng.standard_normal((1000, 3)) * [1.0, 1e3, 1e-3] + [5.0, -2e4, 0.0]
    x[rng.random((1000, 3)) < 0.1] = np.nan  # skipped and not counted, as the engine's drivers do
    x[:, 2] = np.nan  # a statistic with no finite value at all
    w = rng.standard_normal((1000, 2))
    cuts = [0, 1, 1, 7, 250, 251, 600, 1000]  # blocks of 1 and 0 replicates too
    blocks = [BlockStats.of(x[a:b], w[a:b]) for a, b in zip(cuts, cuts[1:])]
    m = merge_all(blocks)
    ok = ~np.isnan(x[:, :2])
    assert m.seeds == 1000 and list(m.count) == [ok[:, 0].sum(), ok[:, 1].sum(), 0]
    np.testing.assert_allclose(m.mean[:2], np.nanmean(x[:, :2], axis=0), rtol=1e-13)
    np.testing.assert_allclose(m.variance()[:2], np.nanvar(x[:, :2], axis=0, ddof=1), rtol=1e-12)
    assert np.isnan(m.variance()[2]) and m.min[2] == np.inf and m.max[2] == -np.inf
    assert list(m.min[:2]) == list(np.nanmin(x[:, :2], axis=0)) and list(m.max[:2]) == list(np.nanmax(x[:, :2], axis=0))
    np.testing.assert_allclose(m.w_mean, w.mean(axis=0), rtol=1e-13)


def _sgd_sweep():
    from optverify.executors.montecarlo import Sweep
    from optverify.sim import families as F
    from optverify.sim.algorithms import config

    fam = F.diagonal_quadratic([0.5, 1.0, 2.0], [0.1, -0.2, 0.3], sigma=[1.0, 0.5, 0.2])
    return Sweep(config("sgd", eta=0.1, schedule="inv_sqrt_t"), fam, np.array([1.0, 1.0, -1.0]), 30, base_seed=4, stream=1)


def _assert_same_moments(a, b):
    assert list(a.count) == list(b.count) and list(a.min_) == list(b.min_) and list(a.max_) == list(b.max_)
    np.testing.assert_allclose(a.mean_, b.mean_, rtol=1e-12, atol=0)
    # M2 to rounding: relative to the size of the sum of squares it is the difference of
    scale = b.m2 + b.count * b.mean_ ** 2
    assert np.all(np.abs(a.m2 - b.m2) <= 1e-12 * scale + 1e-300)
    np.testing.assert_allclose(a.w_mean, b.w_mean, rtol=1e-12)


def test_seed_blocks_merged_equal_the_single_process_run():
    from optverify.executors.montecarlo import split, sweep_moments
    from optverify.sim.montecarlo import simulate_moments

    sw = _sgd_sweep()
    assert split(600, 97)[-1] == (582, 600) and sum(b - a for a, b in split(600, 97)) == 600
    whole = simulate_moments(sw.cfg, sw.family, sw.w1, sw.T, seeds=600, base_seed=sw.base_seed, stream=sw.stream)
    merged = sweep_moments(sw, 600, block=97)
    _assert_same_moments(merged, whole)
    assert merged.ci("final_subopt").lo == pytest.approx(whole.ci("final_subopt").lo, rel=1e-10)
    # a different split of the same counters: the same statistics
    _assert_same_moments(sweep_moments(sw, 600, block=600), whole)


def test_seed_blocks_on_the_cluster_merge_to_the_local_numbers(cluster):
    from optverify.executors.montecarlo import sweep_moments

    sw = _sgd_sweep()
    here = sweep_moments(sw, 600, block=97)
    there = sweep_moments(sw, 600, block=97, client=cluster)
    for f in ("count", "mean_", "m2", "min_", "max_", "w_mean"):  # same blocks, merged in block order: bit for bit
        assert np.array_equal(getattr(here, f), getattr(there, f)), f


# ------------------------------------------------------------------ faults: workers killed mid-claim (last)

def _killer(client, claim_id, times):
    killed = []

    def on_running(cid, worker):
        if cid == claim_id and len(killed) < times:
            pid = client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed.append(worker)

    return on_running, killed


def test_a_worker_killed_mid_claim_costs_that_claim_one_retry_elsewhere(cluster):
    ex = DaskExecutor(cluster)
    ex.on_running, killed = _killer(cluster, "dist:Lem 1", 1)
    entries, interrupted = run(match(["001:L71", "dist:Lem 1", "004:L489"]), "quick", 0, executor=ex)
    assert not interrupted and len(killed) == 1
    by = {e["id"]: e for e in entries}
    lem1 = by["dist:Lem 1"]
    assert lem1["verdict"] == "consistent" and lem1["checks"][0]["evidence"] == {"checked_up_to": 2000}
    assert any("died mid-claim" in n and killed[0] in n for n in lem1["notes"])
    assert by["001:L71"]["verdict"] == "refuted" and by["004:L489"]["verdict"] == "proved"
    cluster.wait_for_workers(2, timeout=60)


def test_a_claim_whose_worker_dies_twice_ends_inconclusive_with_the_reason(cluster):
    ex = DaskExecutor(cluster)
    ex.on_running, killed = _killer(cluster, "dist:Lem 1", 2)
    (lem1,), interrupted = run(match(["dist:Lem 1"]), "quick", 0, executor=ex)
    assert not interrupted and len(killed) == 2
    assert lem1["verdict"] == "inconclusive"
    summary = lem1["checks"][0]["summary"]
    assert "died mid-claim, 2 times" in summary and all(w in summary for w in killed) and "not tried again" in summary
    assert lem1["notes"] and "died mid-claim" in lem1["notes"][-1]
