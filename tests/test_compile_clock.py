"""A claim's budget does not pay for numba compilation: cold and warm caches give the same verdict."""

import time

import numpy as np
import sympy as sp

from optverify.budget import Budget, compile_time_excluded
from optverify.claims.model import Claim, Location
from optverify.claims.specs import Simulation
from optverify.runner import run


def _fresh_parallel_kernel():
    """A new function object each call, never cached: its first call always compiles (seconds, with parallel)."""
    from numba import njit, prange

    @njit(parallel=True, cache=False)
    def f(n):
        s = np.zeros(n)
        for i in prange(n):
            x = 0.0
            for k in range(i % 7 + 1):
                x += np.sqrt(k + i * 0.5)
            s[i] = x
        return s.sum()

    return f


def test_the_claim_clock_stands_still_while_numba_compiles():
    f = _fresh_parallel_kernel()
    with compile_time_excluded() as clock:
        c0, r0 = time.monotonic(), time.perf_counter()
        f(10)
        c1, r1 = time.monotonic(), time.perf_counter()
    assert r1 - r0 > 0.3  # a real compilation happened ...
    assert clock.total >= 0.9 * (r1 - r0) - 0.05  # ... it was counted ...
    assert c1 - c0 < 0.05 + 0.1 * (r1 - r0)  # ... and the claim clock did not run during it
    assert time.monotonic is not clock.now  # the real clock is back


def test_a_budget_timer_does_not_fire_while_the_clock_stood_still():
    f = _fresh_parallel_kernel()
    with compile_time_excluded():
        b = Budget.seconds(0.2)
        with b.enforced(grace=0.0):
            f(10)  # compiling takes longer than 0.2 s of real time: the armed timer must re-arm, not interrupt
            assert b.remaining() > 0.0
            t0 = time.perf_counter()
            try:
                while True:
                    time.sleep(0.01)
                    assert time.perf_counter() - t0 < 5
            except BaseException as exc:  # the deadline of the claim clock does come
                assert type(exc).__name__ == "BudgetExceeded"


class ColdKernelExperiment:
    """Compiles a kernel no cache holds, then reports only if its deadline has not passed."""

    description = "cold numba compilations longer than the claim's budget, then a result"

    def run(self, mode, seed, deadline):
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.0:  # however fast the machine, compile for twice the 0.5 s budget
            _fresh_parallel_kernel()(100)
        wall = time.perf_counter() - t0
        if time.monotonic() > deadline:
            return []
        return [{"config": "cold", "T": 1, "measured": np.zeros(20), "values": {}, "test": "le",
                 "extra": {"compile_wall_s": wall}}]


def test_a_cold_compilation_longer_than_the_budget_does_not_change_the_verdict():
    c = Claim(id="000:L9", source=Location("000_5f54ea678090eb2e.txt", 9), title="t", kind="expectation bound",
              statement_latex="s", conclusion="c", checks=[Simulation(ColdKernelExperiment(), sp.Integer(1))])
    (entry,), interrupted = run([c], "quick", 0, budget=0.5)
    assert not interrupted
    row = entry["checks"][0]["evidence"]["rows"][0]
    assert row["compile_wall_s"] > 0.5  # the compilation alone outlasted the budget ...
    assert entry["verdict"] == "consistent"  # ... and the check still decided, as a warm run does
    assert entry["timings"]["compile_s"] >= 0.9 * row["compile_wall_s"]
