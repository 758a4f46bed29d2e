"""Printed proofs encoded step by step: each step decided by its own check, and the steps' composition checked."""

from __future__ import annotations

import random

import sympy as sp

from optverify.checks.result import CheckContext, CheckResult
from optverify.claims import specs
from optverify.registry import check_for, register
from optverify.verdicts import INCONCLUSIVE, PROVED, REFUTED

# how two relations chain: a R1 b R2 c gives a R c
_CHAIN = {("==", "=="): "==", ("==", "<="): "<=", ("<=", "=="): "<=", ("<=", "<="): "<=",
          ("<", "<="): "<", ("<=", "<"): "<", ("<", "<"): "<", ("<", "=="): "<", ("==", "<"): "<"}
_IMPLIES = {"==": {"=="}, "<=": {"==", "<=", "<"}, "<": {"<"}}
_FLIP = {">=": "<=", ">": "<", "==": "==", "<=": "<=", "<": "<"}


def step_part(step: specs.ProofStep) -> str:
    return step.part if step.part != "main" else f"proof, line {step.line}"


@register(specs.ProofStep)
def check_proof_step(spec: specs.ProofStep, ctx: CheckContext) -> CheckResult:
    inner = check_for(type(spec.check))(spec.check, ctx)
    evidence = {"proof_step": {"line": spec.line, "relation": f"{sp.sstr(spec.lhs)} {spec.rel} {sp.sstr(spec.rhs)}",
                               "decided_by": inner.strategy}, **inner.evidence}
    return CheckResult(spec.strategy, step_part(spec), inner.verdict, f"line {spec.line}: {inner.summary}", evidence, inner.certificate)


def _oriented(lhs, rel, rhs):
    """The relation as ``a R b`` with R in ==, <=, < (≥ and > read right to left)."""
    return (rhs, _FLIP[rel], lhs) if rel in (">=", ">") else (lhs, rel, rhs)


def _equal(x, y, rng) -> tuple[bool | None, dict]:
    """True: sympy shows x − y = 0; False: a rational point where they differ at 50 digits; None: undecided."""
    d = sp.simplify(sp.sympify(x - y).doit())
    if d == 0:
        return True, {"residual": "0"}
    syms = sorted(d.free_symbols, key=lambda s: s.name)
    for _ in range(20):
        pt = {s: sp.Rational(rng.randint(1, 97), rng.randint(1, 13)) for s in syms}
        v = sp.N(d.subs(pt), 50)
        if v.is_number and v.is_real and abs(v) > sp.Float(10) ** -30:
            return False, {"residual": sp.sstr(d)[:300], "point": {str(k): str(v_) for k, v_ in pt.items()}, "difference_50_digits": str(v)}
    return None, {"residual": sp.sstr(d)[:300]}


@register(specs.ProofComposition)
def check_proof_composition(spec: specs.ProofComposition, ctx: CheckContext) -> CheckResult:
    rng = random.Random(ctx.substream("composition:" + spec.part))
    steps = [_oriented(s.lhs, s.rel, s.rhs) for s in spec.steps]
    goal = _oriented(spec.lhs, spec.rel, spec.rhs)
    links = []
    ends = [("the statement's left side is step 1's", goal[0], steps[0][0], spec.steps[0].line)]
    ends += [(f"step {k + 1}'s right side is step {k + 2}'s left side", steps[k][2], steps[k + 1][0], spec.steps[k + 1].line)
             for k in range(len(steps) - 1)]
    ends += [("the last step's right side is the statement's", steps[-1][2], goal[2], spec.steps[-1].line)]
    broken, undecided = None, False
    for what, x, y, line in ends:
        ok, ev = _equal(x, y, rng)
        links.append({"link": what, "line": line, "holds": ok, **ev})
        if ok is False and broken is None:
            broken = (what, line, ev)
        undecided |= ok is None
    rel = steps[0][1]
    for s in steps[1:]:
        rel = _CHAIN.get((rel, s[1]), "<=") if rel != "mixed" else rel
    relations_ok = rel in _IMPLIES[goal[1]]
    evidence = {"proof_composition": {"links": links, "chained_relation": rel, "statement_relation": goal[1],
                                      "relations_compose": relations_ok, "steps": [s.line for s in spec.steps]}}
    part = spec.part if spec.part != "main" else "proof: the steps compose into the statement"
    if broken is not None:
        what, line, ev = broken
        return CheckResult(spec.strategy, part, REFUTED, f"the proof does not compose at line {line}: {what} fails", evidence,
                           {"link": what, "line": line, **ev})
    if not relations_ok:
        return CheckResult(spec.strategy, part, REFUTED, f"the steps chain to '{rel}', which does not give the statement's '{goal[1]}'", evidence,
                           {"chained_relation": rel, "statement_relation": goal[1]})
    if undecided:
        return CheckResult(spec.strategy, part, INCONCLUSIVE, "a link of the composition is undecided", evidence)
    return CheckResult(spec.strategy, part, PROVED, f"{len(steps)} steps chain by '{rel}' from the statement's left side to its right side", evidence)
