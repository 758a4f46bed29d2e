"""Run one check spec: pick its strategy, enforce its budget, never let it crash the run."""

from __future__ import annotations

import traceback

from optverify.checks.result import BudgetExceeded, CheckContext, CheckResult
from optverify.claims import specs
from optverify.verdicts import INCONCLUSIVE, NOT_CHECKABLE


def _strategies():
    from optverify.checks.inequality import check_inequality
    from optverify.checks.instance import check_instances
    from optverify.checks.pseudocode import check_pseudocode
    from optverify.checks.rate import check_rate
    from optverify.checks.scaling import check_scaling
    from optverify.checks.simulation import check_simulation
    from optverify.checks.construction import check_non_convergence
    from optverify.checks.linear_algebra import check_diagonalizable
    from optverify.checks.moments import check_moment
    from optverify.checks.parameter_choice import check_parameter_choice
    from optverify.checks.symbolic import check_identity, check_induction, check_limit
    from optverify.checks.iterate_limit import check_iterate_limit
    from optverify.checks.periodic_regret import check_periodic_regret, check_regret_probe

    return {
        specs.Identity: check_identity,
        specs.Induction: check_induction,
        specs.Limit: check_limit,
        specs.Inequality: check_inequality,
        specs.InstanceSearch: check_instances,
        specs.Simulation: check_simulation,
        specs.Pseudocode: check_pseudocode,
        specs.Scaling: check_scaling,
        specs.Moment: check_moment,
        specs.ParameterChoice: check_parameter_choice,
        specs.Diagonalizable: check_diagonalizable,
        specs.NonConvergence: check_non_convergence,
        specs.RateCounterexample: check_rate,
        specs.IterateLimit: check_iterate_limit,
        specs.PeriodicRegret: check_periodic_regret,
        specs.RegretProbe: check_regret_probe,
    }


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
    if isinstance(spec, specs.NotCheckable):
        return CheckResult("none", spec.part, NOT_CHECKABLE, spec.reason)
    fn = _strategies().get(type(spec))
    if fn is None:
        return CheckResult("unknown", getattr(spec, "part", "main"), INCONCLUSIVE, f"no strategy for {type(spec).__name__}")
    strategy = getattr(spec, "strategy", type(spec).__name__.lower())
    if ctx.expired():
        return CheckResult(strategy, spec.part, INCONCLUSIVE, "not started: the claim's time budget was spent by earlier checks")
    try:
        return fn(spec, ctx)
    except BudgetExceeded:
        return CheckResult(strategy, spec.part, INCONCLUSIVE, "stopped at the time budget")
    except ImportError as exc:
        res = missing_dependency(exc, strategy, spec.part)
        if res is not None:
            return res
        return CheckResult(strategy, spec.part, INCONCLUSIVE, f"internal error in the {strategy} check: {type(exc).__name__}: {exc}",
                           {"internal_error": True, "traceback": traceback.format_exc(limit=6)})
    except Exception as exc:  # an engine failure is reported, never crashes the run, never decides
        return CheckResult(
            strategy,
            spec.part,
            INCONCLUSIVE,
            f"internal error in the {strategy} check: {type(exc).__name__}: {exc}",
            {"internal_error": True, "traceback": traceback.format_exc(limit=6)},
        )
