"""Polynomial and rational (in)equalities over semialgebraic sets, decided exactly by z3."""

from __future__ import annotations

import sympy as sp

from optverify.checks.result import CheckContext, CheckResult
from optverify.claims import specs
from optverify.registry import register
from optverify.verdicts import INCONCLUSIVE, PROVED, REFUTED
from optverify.verify.real_arith import decide


def z3_cap(ctx: CheckContext) -> float:
    """z3's time limit for one question, derived from the claim's budget."""
    return max(0.1, min(ctx.remaining() * 0.5, 10.0 if ctx.mode == "quick" else 60.0))


@register(specs.Semialgebraic)
def check_semialgebraic(spec: specs.Semialgebraic, ctx: CheckContext) -> CheckResult:
    lhs, rhs = ctx.resolve(sp.sympify(spec.lhs)), ctx.resolve(sp.sympify(spec.rhs))
    given = tuple(sp.sympify(g) for g in spec.given)
    res = decide(lhs, spec.rel, rhs, spec.domain, given, budget=ctx.budget, cap=z3_cap(ctx))
    evidence = {"relation": f"{sp.sstr(lhs)} {spec.rel} {sp.sstr(rhs)}", "given": [sp.sstr(g) for g in given],
                "domain": {str(s): [str(r.lo), str(r.hi)] for s, r in spec.domain.items()}, "z3": res.to_dict()}
    if res.status == "proved":
        return CheckResult(spec.strategy, spec.part, PROVED, f"z3 (nonlinear real arithmetic): no point of the domain violates it; {res.reason}", evidence)
    if res.status == "counterexample":
        pt = ", ".join(f"{k}: Rational({v!r})" for k, v in res.point.items())
        syms = "\n".join(f"{s.name} = Symbol({s.name!r})" for s in sorted(lhs.free_symbols | rhs.free_symbols, key=lambda s: s.name))
        cert = {"point": res.point, **res.values_50, "digits": 50,
                "replay": f"from sympy import *\n{syms}\nprint(N((({sp.sstr(lhs)}) - ({sp.sstr(rhs)})).subs({{{pt}}}), 50))"}
        return CheckResult(spec.strategy, spec.part, REFUTED, f"z3 counterexample {res.point}, replayed at 50 digits (lhs − rhs = {res.values_50['lhs_minus_rhs'][:20]})",
                           evidence, cert)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, res.reason, evidence)
