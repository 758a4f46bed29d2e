"""Scalar inequalities over a parameter box: rigorous interval proof, or a 50-digit counterexample."""

from __future__ import annotations

import random

import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Inequality
from optverify.verdicts import INCONCLUSIVE, PROVED, REFUTED
from optverify.verify.branch_bound import prove_relation
from optverify.verify.interval import prove_inequality
from optverify.verify.sampling import sample_in_range

_HOLDS = {
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


def _sample_counterexample(lhs, rhs, rel, domain, rng, tries, budget):
    """Exact rational points; a violation must survive evaluation at 50 and 60 digits.

    Exact substitution can take long on a large expression: the loop stops when
    the budget is spent, and the check process's timer interrupts a single
    evaluation that does not return.
    """
    syms = sorted(lhs.free_symbols | rhs.free_symbols, key=lambda s: s.name)
    for _ in range(tries):
        if budget.expired():
            return None
        point = {s: sample_in_range(rng, domain[s], s) for s in syms}
        ok = False
        for dps in (50, 60):
            a, b = sp.N(lhs.subs(point), dps), sp.N(rhs.subs(point), dps)
            if not (a.is_real and b.is_real):
                break
            if _HOLDS[rel](a, b) or abs(a - b) <= sp.Float(10) ** -30 * max(1, abs(a), abs(b)):
                break
        else:
            ok = True
        if ok:
            return point, sp.N(lhs.subs(point), 50), sp.N(rhs.subs(point), 50)
    return None


@register(specs.Inequality)
def check_inequality(spec: Inequality, ctx: CheckContext) -> CheckResult:
    lhs, rhs = ctx.resolve(sp.sympify(spec.lhs)), ctx.resolve_rhs(sp.sympify(spec.rhs), spec.rel)
    free = sorted(lhs.free_symbols | rhs.free_symbols, key=sp.default_sort_key)  # the box's order is the bisection order: fixed
    missing = sorted(s.name for s in free if s not in spec.domain)
    if missing:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"no range declared for {missing}", {})
    box = {s: spec.domain[s].as_tuple() for s in free}
    bb = prove_relation(lhs, spec.rel, rhs, box, budget=ctx.budget.share(0.3, cap=4.0 if ctx.mode == "quick" else 30.0),
                        max_boxes=20000 if ctx.mode == "quick" else 200000)
    if bb.status == "proved":
        evidence = {"relation": f"{sp.sstr(lhs)} {spec.rel} {sp.sstr(rhs)}", "box": {str(s): [str(x) for x in box[s]] for s in box},
                    "interval": bb.to_dict()}
        how = ", ".join(f"{k} {v}" for k, v in bb.closed_by.items())
        return CheckResult(spec.strategy, spec.part, PROVED,
                           f"Arb branch and bound: {bb.boxes} boxes, {len(bb.pieces)} piece(s) closed ({how})", evidence,
                           timings=bb.timings())
    budget = max(0.5, min(ctx.remaining() * 0.7, 8.0 if ctx.mode == "quick" else 60.0))
    res = prove_inequality(lhs, rhs, box, rel=spec.rel, max_boxes=20000 if ctx.mode == "quick" else 200000, time_budget=budget)
    evidence = {"relation": f"{sp.sstr(lhs)} {spec.rel} {sp.sstr(rhs)}", "box": {str(s): [str(x) for x in box[s]] for s in box}, "interval": res.to_dict()}
    if res.status == "proved":
        return CheckResult(
            spec.strategy, spec.part, PROVED,
            f"interval cover of {res.boxes_in_cover} boxes, minimal margin {res.min_margin:.3g}", evidence, timings=res.timings(),
        )
    if res.status == "counterexample":
        # the prover maximises f = lhs − rhs for ≤/<, and f = rhs − lhs for ≥/>: its value at the point is the violation
        diff = "lhs − rhs" if spec.rel in ("<=", "<") else "rhs − lhs"
        expr = lhs - rhs if spec.rel in ("<=", "<") else rhs - lhs
        subs = ", ".join(f"{k}: Rational({v!r})" for k, v in res.worst_point.items())
        cert = {
            "point": res.worst_point,
            "violation": res.worst_value,
            "violation_is": f"{diff} (> 0 violates {spec.rel})",
            "digits": 50,
            "replay": f"from sympy import *\n{_symdefs(free)}\nprint(N(({sp.sstr(expr)}).subs({{{subs}}}), 50))",
        }
        return CheckResult(spec.strategy, spec.part, REFUTED, f"violated at {res.worst_point} ({diff} = {res.worst_value[:20]}, 50 digits)", evidence, cert,
                           timings=res.timings())
    found = _sample_counterexample(lhs, rhs, spec.rel, spec.domain, random.Random(ctx.substream("ineq:" + spec.part)), 30, ctx.budget)
    if found:
        point, a, b = found
        cert = {"point": {str(k): str(v) for k, v in point.items()}, "lhs": str(a), "rhs": str(b), "digits": 50}
        return CheckResult(spec.strategy, spec.part, REFUTED, f"violated at {cert['point']}", evidence, cert, timings=res.timings())
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"interval cover incomplete after {res.boxes_examined} boxes; worst point {res.worst_point}",
                       evidence, timings=res.timings())


def _symdefs(syms) -> str:
    return "\n".join(f"{s.name} = Symbol({s.name!r})" for s in sorted(syms, key=lambda s: s.name))
