"""Induction on the length of a sequence (a dimension d, a horizon T), each case decided exactly by z3.

A sequence is summarised by a state (partial sums, a running maximum, the
current iterate); one more element maps the state by an update.  The
statement "goal holds for every length" follows from an invariant with

* base: the invariant holds at the initial state;
* step: invariant(state) ∧ the element's hypotheses ⇒ invariant(update(state, element));
* conclusion: invariant(state) ⇒ goal(state);

each proved by :func:`optverify.verify.real_arith.decide_formula` for every
real state, every element and every parameter in their ranges.
"""

from __future__ import annotations

import sympy

from optverify.budget import Budget
from optverify.claims.specs import Range
from optverify.verify.real_arith import decide_formula

_FREE = Range(-sympy.oo, sympy.oo)


def induct(*, state: dict, element: dict, update: dict, invariant, goal, params: dict | None = None, given=(),
           definitions: dict | None = None, facts=(), step_uses=None, budget: Budget | None = None, cap: float = 20.0) -> dict:
    """Decide base, step and conclusion; returns {"status": "proved" | "failed" | "unknown", "base", "step", "conclusion"}.

    ``definitions`` (element symbol → expression) define new values the update uses (a projected
    iterate); ``facts`` are relations about them, each proved from the definitions and the facts before
    it, then used in the step in place of the definitions (a cut: the step holds for every value with
    those facts, so for the defined ones).  A fact written ``(relation, uses)`` is proved from the
    hypotheses and only what ``uses`` names (indices of earlier facts, "invariant", "definitions");
    ``step_uses`` names what the step uses besides the invariant: indices of facts, "given" (default: all).
    """
    budget = budget or Budget()
    params = params or {}
    definitions = definitions or {}
    inv = sympy.And(*invariant)
    out: dict = {}
    pnames = set(params)
    on_params = tuple(g for g in given if sympy.sympify(g).free_symbols <= pnames)
    base = decide_formula(inv.subs(state, simultaneous=True), dict(params), on_params, budget=budget, cap=cap)
    out["base"] = {"claim": f"invariant at the initial state {_s(state)}", **base.to_dict()}
    dom = {**params, **element, **{s: _FREE for s in state}, **{s: _FREE for s in definitions}}
    defs = tuple(sympy.Eq(k, v) for k, v in definitions.items())
    out["facts"] = []
    facts_ok = True
    rels = [f[0] if isinstance(f, tuple) else f for f in facts]
    for k, f in enumerate(facts):
        if isinstance(f, tuple):  # (relation, uses): proved from the hypotheses and only the earlier facts named
            uses = [rels[j] for j in f[1] if isinstance(j, int)]
            hyps = (*given, *uses, *((inv,) if "invariant" in f[1] else ()), *(defs if "definitions" in f[1] else ()))
            frm = ", ".join(f"fact {j + 1}" if isinstance(j, int) else str(j) for j in f[1]) or "the hypotheses"
        else:
            hyps, frm = (inv, *given, *defs, *rels[:k]), "the invariant, the definitions and the facts before it"
        r = decide_formula(rels[k], dom, hyps, budget=budget, cap=cap)
        out["facts"].append({"claim": f"fact {k + 1}: {sympy.sstr(rels[k])}, from {frm}", **r.to_dict()})
        facts_ok &= r.status == "proved"
    if step_uses is None:
        hyps = (inv, *given, *rels) if facts else (inv, *given, *defs)
    else:
        hyps = (inv, *[rels[j] for j in step_uses if isinstance(j, int)], *(given if "given" in step_uses else ()))
    step = decide_formula(inv.subs(update, simultaneous=True), dom, hyps, budget=budget, cap=cap)
    out["step"] = {"claim": f"invariant ∧ hypotheses ⇒ invariant after {_s(update)}", **step.to_dict()}
    concl = decide_formula(goal, {**params, **{s: _FREE for s in state}}, (inv, *on_params), budget=budget, cap=cap)
    out["conclusion"] = {"claim": f"invariant ⇒ {sympy.sstr(goal)}", **concl.to_dict()}
    out["invariant"] = [sympy.sstr(c) for c in invariant]
    statuses = [base.status, step.status, concl.status] + [f["status"] for f in out["facts"]]
    out["status"] = "proved" if all(s == "proved" for s in statuses) else ("failed" if "counterexample" in statuses else "unknown")
    return out


def _s(d: dict) -> str:
    return "{" + ", ".join(f"{k} ← {sympy.sstr(v)}" for k, v in d.items()) + "}"
