"""Run one check spec: find its registered check, enforce the claim's budget, never let it crash the run."""

from __future__ import annotations

import traceback

from optverify.budget import BudgetExceeded
from optverify.checks.result import CheckContext, CheckResult
from optverify.registry import check_for
from optverify.verdicts import INCONCLUSIVE


#: optional packages and the extra of pyproject.toml that installs them
OPTIONAL_EXTRAS = {"torch": "bench"}


def missing_dependency(exc: ImportError, strategy: str, part: str) -> CheckResult | None:
    """A package the check needs is not installed: the environment failed, not the text, so ``inconclusive``
    with what is missing and how to install it.  ``None`` when the missing module is optverify's own (a bug)."""
    name = getattr(exc, "name", None)
    if not name or name.split(".")[0] == "optverify":
        return None
    top = name.split(".")[0]
    extra = OPTIONAL_EXTRAS.get(top)
    how = f"pip install '.[{extra}]'" if extra else f"pip install {top}"
    return CheckResult(strategy, part, INCONCLUSIVE,
                       f"not decided in this environment: the check needs the package {top!r}, which is not installed ({how})",
                       {"environment_error": True, "missing_package": top, "install": how, "error": f"{type(exc).__name__}: {exc}"})


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
    except ImportError as exc:
        res = missing_dependency(exc, strategy, part)
        if res is not None:
            return res
        return CheckResult(strategy, part, INCONCLUSIVE, f"internal error in the {strategy} check: {type(exc).__name__}: {exc}",
                           {"internal_error": True, "traceback": traceback.format_exc(limit=6)})
    except Exception as exc:  # an engine failure is reported, never crashes the run, never decides
        return CheckResult(
            strategy,
            part,
            INCONCLUSIVE,
            f"internal error in the {strategy} check: {type(exc).__name__}: {exc}",
            {"internal_error": True, "traceback": traceback.format_exc(limit=6)},
        )
