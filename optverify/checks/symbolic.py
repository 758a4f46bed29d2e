"""Symbolic checks: identities, recurrences solved by induction, approximations as limits."""

from __future__ import annotations

import random

import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Identity, Induction, Limit
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, PROVED, REFUTED
from optverify.verify.sampling import sample_point
from optverify.verify.symbolic import (
    PointCheck,
    differs,
    mp_limit_samples,
    replay_snippet,
    search_counterexample,
    simplify_difference,
)


def _tries(ctx: CheckContext) -> int:
    return 60 if ctx.thorough else 25


@register(specs.Identity)
def check_identity(spec: Identity, ctx: CheckContext) -> CheckResult:
    if isinstance(spec.lhs, sp.MatrixBase) or isinstance(spec.rhs, sp.MatrixBase):
        return _check_matrix_identity(spec, ctx)
    lhs, rhs = ctx.resolve(sp.sympify(spec.lhs)), ctx.resolve(sp.sympify(spec.rhs))
    simp = simplify_difference(lhs, rhs, spec.domain)
    evidence = {"lhs": sp.sstr(lhs), "rhs": sp.sstr(rhs), "residual": sp.sstr(simp.residual), "steps": simp.steps}
    if simp.zero:
        return CheckResult(spec.strategy, spec.part, PROVED, "lhs − rhs simplifies to 0", evidence)
    rng = random.Random(ctx.substream(f"identity:{spec.part}"))
    ce = search_counterexample(lhs, rhs, spec.domain, spec.sequences, rng, tries=_tries(ctx))
    if ce is not None:
        cert = ce.to_dict()
        cert["replay"] = replay_snippet(lhs, rhs, ce)
        return CheckResult(
            spec.strategy,
            spec.part,
            REFUTED,
            f"residual {sp.sstr(simp.residual)[:120]} ≠ 0; at {cert['point']} the sides differ by {cert['difference'][:24]}",
            evidence,
            cert,
        )
    evidence["points_checked"] = _tries(ctx)
    return CheckResult(
        spec.strategy,
        spec.part,
        CONSISTENT,
        f"sympy left a residual, but both sides agree to 50 digits at {_tries(ctx)} exact random points",
        evidence,
    )


@register(specs.Induction)
def check_induction(spec: Induction, ctx: CheckContext) -> CheckResult:
    n = spec.index
    base = sp.Integer(spec.base)
    base_simp = simplify_difference(spec.closed(base), spec.base_value, spec.domain)
    step_lhs, step_rhs = spec.closed(n), spec.step(spec.closed(n - 1), n)
    step_simp = simplify_difference(step_lhs, step_rhs, spec.domain, peel_index=n)
    evidence = {
        "base_case": f"n = {spec.base}: residual {sp.sstr(base_simp.residual)}",
        "step": f"closed(n) − step(closed(n−1), n) = {sp.sstr(step_simp.residual)[:200]}",
        "steps": step_simp.steps,
    }
    if base_simp.zero and step_simp.zero:
        return CheckResult(spec.strategy, spec.part, PROVED, f"base case n = {spec.base} and induction step both simplify to 0", evidence)
    rng = random.Random(ctx.substream(f"induction:{spec.part}"))
    # the decisive certificate: iterate the recurrence itself and compare with the closed form
    for _ in range(_tries(ctx)):
        nval = sp.Integer(rng.randint(spec.base, spec.base + 6))
        x = spec.base_value
        for k in range(spec.base + 1, int(nval) + 1):
            x = spec.step(x, sp.Integer(k))
        closed = spec.closed(nval)
        point, (cl, cr), seq = sample_point(rng, [closed, x], spec.domain, spec.sequences)
        if cl.free_symbols or cr.free_symbols:
            continue
        if differs(cl, cr):
            point = {n: nval, **point}
            pc = PointCheck(point, seq, cl, cr, cl - cr)
            cert = pc.to_dict()
            cert["meaning"] = "lhs: the printed closed form; rhs: the recurrence iterated from its initial value"
            where = "base case" if not base_simp.zero else "induction step"
            return CheckResult(spec.strategy, spec.part, REFUTED, f"{where} fails; at n = {nval} the closed form and the recurrence differ", evidence, cert)
    return CheckResult(spec.strategy, spec.part, CONSISTENT, "sympy did not close the induction, but closed form and recurrence agree at every sampled point", evidence)


@register(specs.Limit)
def check_limit(spec: Limit, ctx: CheckContext) -> CheckResult:
    from optverify.verify.symbolic import generic_branch

    ratio = sp.simplify(generic_branch(sp.simplify((sp.sympify(spec.f) / sp.sympify(spec.g)).doit()), spec.domain))
    # sympy cannot use "0 < β < 1" as an assumption: write such parameters as 1/(1 + x) with x > 0
    reparam = {}
    for sym, rng_ in spec.domain.items():
        if sym != spec.var and sym in ratio.free_symbols and rng_.lo == 0 and rng_.hi == 1 and not rng_.integer:
            x = sp.Symbol(f"_{sym.name}_x", positive=True)
            reparam[sym] = 1 / (1 + x)
    try:
        lim = sp.limit(ratio.subs(reparam), spec.var, spec.point, spec.direction)
        if reparam:
            lim = sp.simplify(lim.subs({v: sp.solve(sp.Eq(k, e), v)[0] for k, e in reparam.items() for v in e.free_symbols}))
    except (NotImplementedError, ValueError) as exc:  # sympy cannot take this limit
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"sympy could not take the limit: {exc}", {"ratio": sp.sstr(ratio)})
    evidence = {
        "ratio": sp.sstr(ratio),
        "limit": sp.sstr(lim),
        "approach": mp_limit_samples(ratio, spec.var, spec.point, direction=spec.direction, domain=spec.domain),
        "reading": f"'f ≈ g' read as f/g → 1 as {spec.var} → {spec.point}",
    }
    if spec.expect == "finite":
        evidence["reading"] = f"'f = O(g)' read as lim f/g finite as {spec.var} → {spec.point}"
        if lim.is_number and lim.is_finite:
            return CheckResult(spec.strategy, spec.part, PROVED, f"f/g → {sp.sstr(lim)} (finite) as {spec.var} → {spec.point}", evidence)
        if lim in (sp.oo, -sp.oo):
            cert = {"limit_of_ratio": sp.sstr(lim), "approach_50_digits": evidence["approach"]}
            return CheckResult(spec.strategy, spec.part, REFUTED, f"f/g → {lim}", evidence, cert)
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"limit of the ratio is {lim}", evidence)
    if lim == 1:
        return CheckResult(spec.strategy, spec.part, PROVED, f"f/g → 1 as {spec.var} → {spec.point}", evidence)
    if lim.is_number and lim.is_finite is not False or lim in (sp.oo, -sp.oo):
        cert = {"limit_of_ratio": sp.sstr(lim), "approach_50_digits": evidence["approach"], "ratio": sp.sstr(ratio)}
        return CheckResult(spec.strategy, spec.part, REFUTED, f"f/g → {sp.sstr(lim)}, not 1, as {spec.var} → {spec.point}", evidence, cert)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"limit of the ratio is {lim}", evidence)


def _check_matrix_identity(spec: Identity, ctx: CheckContext) -> CheckResult:
    """A matrix identity holds when every entry does; the first entry that fails gives the certificate."""
    L, R = sp.Matrix(spec.lhs), sp.Matrix(spec.rhs)
    if L.shape != R.shape:
        return CheckResult(spec.strategy, spec.part, REFUTED, f"shapes differ: {L.shape} vs {R.shape}", {}, {"lhs_shape": L.shape, "rhs_shape": R.shape})
    results = []
    for idx in range(len(L)):
        sub = Identity(L[idx], R[idx], domain=spec.domain, sequences=spec.sequences, part=spec.part)
        r = check_identity(sub, ctx)
        r.evidence["entry"] = list(divmod(idx, L.shape[1]))
        if r.verdict == REFUTED:
            r.summary = f"entry {tuple(divmod(idx, L.shape[1]))}: {r.summary}"
            return r
        results.append(r)
    verdict = PROVED if all(r.verdict == PROVED for r in results) else CONSISTENT
    return CheckResult(spec.strategy, spec.part, verdict, f"all {len(L)} entries: " + ("lhs − rhs simplifies to 0" if verdict == PROVED else "agree"),
                       {"entries": [r.evidence.get("residual") for r in results], "lhs": sp.sstr(L), "rhs": sp.sstr(R)})
