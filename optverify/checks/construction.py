"""Constructions that should converge by the claim but may cycle: replayed at 50 digits."""

from __future__ import annotations

import mpmath

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import NonConvergence
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.numctx import FloatCtx, MpCtx, show


@register(specs.NonConvergence)
def check_non_convergence(spec: NonConvergence, ctx: CheckContext) -> CheckResult:
    flt = spec.construction(FloatCtx(), spec.steps)
    xs = flt["iterates"]
    dist = abs(xs[-1] - flt["optimum"])
    evidence = {"facts": flt["facts"], "steps": spec.steps, "final_distance_float": dist}
    if dist < 1e-6:
        return CheckResult(spec.strategy, spec.part, CONSISTENT, f"converges on the construction (distance {dist:.2g} after {spec.steps} steps)", evidence)
    with mpmath.workdps(50):
        ex = spec.construction(MpCtx(50), spec.steps)
        zs = ex["iterates"]
        d = abs(zs[-1] - ex["optimum"])
        period = next((p for p in range(1, 50) if abs(zs[-1] - zs[-1 - p]) < mpmath.mpf(10) ** -40 and abs(zs[-2] - zs[-2 - p]) < mpmath.mpf(10) ** -40), None)
    if period is None or d < mpmath.mpf("1e-3"):
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "the float run did not converge but no periodic orbit was confirmed at 50 digits", evidence)
    orbit = [show(z, 25) for z in zs[-period:]]
    cert = {
        "facts": ex["facts"],
        "steps": spec.steps,
        "period": period,
        "orbit_50_digits": orbit,
        "distance_to_optimum": show(d, 20),
        "meaning": f"after {spec.steps} steps the iterates repeat with period {period} (to 40 digits) at distance {show(d, 6)} from the optimum: the iteration cycles and does not converge",
    }
    return CheckResult(spec.strategy, spec.part, REFUTED, cert["meaning"], evidence, cert)
