"""Scaling check: both sides of a claim must transform alike under loss×a, parameters×b."""

from __future__ import annotations

import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Scaling
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.scaling import KINDS, a, b, exponents, factor_of


@register(specs.Scaling)
def check_scaling(spec: Scaling, ctx: CheckContext) -> CheckResult:
    lhs, rhs = ctx.resolve(sp.sympify(spec.lhs)), ctx.resolve(sp.sympify(spec.rhs))
    missing = sorted(s.name for s in (lhs.free_symbols | rhs.free_symbols) if s not in spec.dims)
    if missing:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"no scaling kind declared for {missing}", {})
    el, er = exponents(lhs, spec.dims), exponents(rhs, spec.dims)
    kinds = {s.name: f"{k} (a^{KINDS[k][0]} b^{KINDS[k][1]})" for s, k in spec.dims.items()}
    if el is None or er is None:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "a side is not homogeneous in a and b", {"kinds": kinds})
    evidence = {
        "kinds": kinds,
        "lhs_factor": sp.sstr(a ** el[0] * b ** el[1]),
        "rhs_factor": sp.sstr(a ** er[0] * b ** er[1]),
    }
    if sp.simplify(el[0] - er[0]) == 0 and sp.simplify(el[1] - er[1]) == 0:
        return CheckResult(spec.strategy, spec.part, CONSISTENT, f"both sides scale as {evidence['lhs_factor']} (necessary, not sufficient)", evidence)
    # a concrete rescaled pair: loss doubled (a = 2) or parameters doubled (b = 2), whichever separates the sides
    for av, bv in ((2, 1), (1, 2), (2, 2)):
        fl = (a ** el[0] * b ** el[1]).subs({a: av, b: bv})
        fr = (a ** er[0] * b ** er[1]).subs({a: av, b: bv})
        if fl != fr:
            break
    subs = {s: factor_of(k).subs({a: av, b: bv}) for s, k in spec.dims.items()}
    cert = {
        "rescaling": {"a (loss factor)": av, "b (parameter factor)": bv},
        "symbol_factors": {s.name: sp.sstr(f) for s, f in subs.items()},
        "lhs_multiplied_by": sp.sstr(fl),
        "rhs_multiplied_by": sp.sstr(fr),
        "meaning": (
            "if the relation held with a fixed constant on one instance, it would be off by the factor "
            f"{sp.sstr(sp.nsimplify(fl / fr))} on the rescaled instance; iterating the rescaling breaks any constant"
        ),
    }
    return CheckResult(
        spec.strategy,
        spec.part,
        REFUTED,
        f"lhs scales as {evidence['lhs_factor']} but rhs as {evidence['rhs_factor']}",
        evidence,
        cert,
    )
