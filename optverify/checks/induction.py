"""Statements for any dimension or length: induction on the length, and reduction to named lemmas."""

from __future__ import annotations

import sympy as sp

from optverify.checks.real_arith import z3_cap
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims import specs
from optverify.registry import register
from optverify.verdicts import INCONCLUSIVE, PROVED
from optverify.verify.induction import induct
from optverify.verify.lemmas import LEMMAS, instantiate
from optverify.verify.real_arith import decide_formula


@register(specs.LengthInduction)
def check_length_induction(spec: specs.LengthInduction, ctx: CheckContext) -> CheckResult:
    goal = sp.sympify(spec.goal)
    from optverify.claims.model import BOUND

    if BOUND in goal.free_symbols:  # the bound in force (printed, --scale'd or --bound), in the state's terms
        goal = goal.subs(BOUND, ctx.resolve(BOUND).subs(spec.bound_subs, simultaneous=True))
    r = induct(state=spec.state, element=spec.element, update=spec.update, invariant=spec.invariant, goal=goal,
               params=spec.params, given=spec.given, definitions=spec.definitions,
               facts=spec.facts, step_uses=spec.step_uses, budget=ctx.budget, cap=z3_cap(ctx))
    evidence = {"induction_on": spec.index, "goal": sp.sstr(goal), "meaning": {str(k): v for k, v in spec.meaning.items()}, **r}
    if r["status"] == "proved":
        n_facts = len(r["facts"])
        return CheckResult(spec.strategy, spec.part, PROVED,
                           f"induction on {spec.index}: base case, step{f' (with {n_facts} proved facts)' if n_facts else ''} and conclusion proved by z3", evidence)
    failed = [k for k in ("base", "step", "conclusion") if r[k]["status"] != "proved"] + [f["claim"][:60] for f in r["facts"] if f["status"] != "proved"]
    # the invariant is the encoder's, not the text's: a failed case is no refutation of the claim
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"induction on {spec.index} not closed: {', '.join(failed)}", evidence)


_LEMMA_PROOFS: dict[str, dict] = {}


def prove_lemma(name: str, ctx: CheckContext) -> dict:
    """The induction proving a named lemma (decided once per process)."""
    if name not in _LEMMA_PROOFS or _LEMMA_PROOFS[name]["status"] != "proved":
        _LEMMA_PROOFS[name] = induct(**LEMMAS[name].proof, budget=ctx.budget, cap=z3_cap(ctx))
    return _LEMMA_PROOFS[name]


def _same(x: sp.Expr, y: sp.Expr) -> bool:
    x, y = sp.sympify(x).doit(), sp.sympify(y).doit()
    return x == y or sp.simplify(x - y) == 0


def _scalarize(rel):
    """Applied sequences (g(t, i)) and sums in a side condition become free real variables."""
    reps = {}
    for k, f in enumerate(sorted(rel.atoms(sp.core.function.AppliedUndef) | rel.atoms(sp.Sum), key=sp.sstr)):
        reps[f] = sp.Symbol(f"_v{k}", real=True)
    return rel.xreplace(reps), reps


@register(specs.NamedLemma)
def check_named_lemma(spec: specs.NamedLemma, ctx: CheckContext) -> CheckResult:
    lm = LEMMAS[spec.lemma]
    lhs, rhs = ctx.resolve(sp.sympify(spec.lhs)), ctx.resolve(sp.sympify(spec.rhs))
    il, ir, side = instantiate(lm, spec.instance)
    evidence = {"lemma": lm.name, "lemma_statement": lm.text, "instance": {k: sp.sstr(v) for k, v in spec.instance.items()},
                "instantiated": f"{sp.sstr(il.doit())} {lm.rel} {sp.sstr(ir.doit())}", "claim": f"{sp.sstr(lhs)} {spec.rel} {sp.sstr(rhs)}"}
    matches = _same(il, lhs) and _same(ir, rhs) and (lm.rel == spec.rel or (lm.rel, spec.rel) in (("<", "<="),))
    evidence["instance_is_the_claim"] = matches
    if not matches:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"the instance of '{lm.name}' is not the claim's relation", evidence)
    sides = []
    for rel, why in side:
        if rel is sp.true or (rel.lhs - rel.rhs).is_nonnegative and isinstance(rel, sp.GreaterThan):
            sides.append({"condition": why, "instance": sp.sstr(rel), "status": "proved", "by": "sympy (assumptions)"})
            continue
        srel, reps = _scalarize(rel)
        dom = {s: specs.Range(-sp.oo, sp.oo) for s in srel.free_symbols}
        dom.update({s: r for s, r in spec.element.items() if s in dom})
        res = decide_formula(srel, dom, (), budget=ctx.budget, cap=z3_cap(ctx))
        sides.append({"condition": why, "instance": sp.sstr(rel), "status": res.status, "by": "z3", "z3": res.to_dict()})
    evidence["side_conditions"] = sides
    proof = prove_lemma(lm.name, ctx)
    evidence["lemma_proof"] = {"by": "induction on n", "meaning": lm.meaning, **proof}
    if proof["status"] == "proved" and all(s["status"] == "proved" for s in sides):
        return CheckResult(spec.strategy, spec.part, PROVED,
                           f"instance of the lemma '{lm.name}' (proved by induction on n: base, step, conclusion by z3)"
                           + (f"; {len(sides)} side condition(s) proved" if sides else ""), evidence)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                       f"lemma '{lm.name}': proof {proof['status']}, side conditions {[s['status'] for s in sides]}", evidence)
