"""Run one check spec: find its registered check, enforce the claim's budget, never let it crash the run."""

from __future__ import annotations

import traceback

from optverify.budget import BudgetExceeded
from optverify.checks.result import CheckContext, CheckResult
from optverify.registry import check_for
from optverify.verdicts import INCONCLUSIVE


def run_check(spec, ctx: CheckContext) -> CheckResult:
    strategy = getattr(spec, "strategy", "") or type(spec).__name__.lower()
    part = getattr(spec, "part", "main")
    fn = check_for(type(spec))
    if fn is None:
        return CheckResult(strategy, part, INCONCLUSIVE, f"no check is registered for {type(spec).__name__}")
    if ctx.expired():
        return CheckResult(strategy, part, INCONCLUSIVE, "not started: the claim's time budget was spent by earlier checks")
    try:
        with ctx.budget.enforced():
            return fn(spec, ctx)
    except BudgetExceeded:
        return CheckResult(strategy, part, INCONCLUSIVE, "stopped at the claim's time budget", {"stopped_at_budget": True})
    except Exception as exc:  # an engine failure is reported, never crashes the run, never decides
        return CheckResult(
            strategy,
            part,
            INCONCLUSIVE,
            f"internal error in the {strategy} check: {type(exc).__name__}: {exc}",
            {"internal_error": True, "traceback": traceback.format_exc(limit=6)},
        )
