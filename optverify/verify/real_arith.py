"""Exact decisions of polynomial and rational (in)equalities over semialgebraic sets, with z3's nonlinear real arithmetic.

A question "for every x with H(x): lhs(x) rel rhs(x)?" is translated to z3 and
the negation ``H ∧ ¬(lhs rel rhs)`` is checked.  z3's nlsat procedure is
complete for the first-order theory of the reals:

* ``unsat``: no point satisfies the hypotheses and violates the goal: proved
  (the evidence carries the SMT-LIB query, which any z3 replays);
* ``sat``: z3's model (rational, or an algebraic number rounded to a rational)
  is a candidate; it is a counterexample only after an exact check of every
  hypothesis at the rational point and ``lhs − rhs`` evaluated by sympy at 50
  digits past the relation;
* ``unknown`` (z3's timeout, derived from the budget): nothing decided.

Square roots become auxiliary variables (``s ≥ 0``, ``s² = arg``, with
``arg ≥ 0`` as the condition for the expression to be real); Abs, Max, Min and
Piecewise become if-then-else terms; a division adds "denominator ≠ 0" (the
expression is defined) to the hypotheses.  Every such condition is listed in
the evidence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from optverify.budget import Budget


class NotSemialgebraic(ValueError):
    """The expression has a function z3's real arithmetic cannot express (exp, log, sin, …)."""


@dataclass
class RealArithResult:
    status: str  # "proved" | "counterexample" | "unknown"
    reason: str = ""
    point: dict = field(default_factory=dict)  # exact rationals, as strings
    values_50: dict = field(default_factory=dict)
    side_conditions: list = field(default_factory=list)
    query: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, without the time taken (a report is the same for the same seed apart from durations)."""
        return {"status": self.status, "reason": self.reason, "point": self.point, "values_50_digits": self.values_50,
                "side_conditions": self.side_conditions, "smtlib_query": self.query,
                "engine": "z3 nonlinear real arithmetic (nlsat)"}


_REL = {"<=": lambda a, b: a <= b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b, ">": lambda a, b: a > b,
        "==": lambda a, b: a == b}


class _Translator:
    def __init__(self, z3):
        self.z3 = z3
        self.vars: dict[sympy.Symbol, Any] = {}
        self.side: list = []  # z3 constraints that make the expressions defined and the aux variables exact
        self.side_text: list[str] = []
        self._cache: dict = {}
        self._aux = 0

    def var(self, s: sympy.Symbol, integer: bool = False):
        if s not in self.vars:
            self.vars[s] = self.z3.Int(s.name) if integer else self.z3.Real(s.name)
        return self.vars[s]

    def __call__(self, e: sympy.Expr):
        key = e
        if key in self._cache:
            return self._cache[key]
        out = self._tr(e)
        self._cache[key] = out
        return out

    def _fresh(self, stem: str):
        self._aux += 1
        return self.z3.Real(f"_{stem}{self._aux}")

    def _tr(self, e: sympy.Expr):
        z3 = self.z3
        if e.is_Symbol:
            return self.var(e, bool(e.is_integer))
        if e.is_Rational:
            return z3.RealVal(f"{int(e.p)}/{int(e.q)}")
        if e.is_Float:
            r = sympy.Rational(e)
            return z3.RealVal(f"{int(r.p)}/{int(r.q)}")
        if e.is_Add:
            return z3.Sum([self(a) for a in e.args])
        if e.is_Mul:
            out = self(e.args[0])
            for a in e.args[1:]:
                out = out * self(a)
            return out
        if e.is_Pow:
            base, ex = e.args
            if ex.is_Integer:
                return self._pow_int(self(base), int(ex), base)
            if ex.is_Rational and ex.q == 2:
                arg = self(base)
                s = self._fresh("sqrt")
                self.side += [arg >= 0, s >= 0, s * s == arg]
                self.side_text.append(f"{sympy.sstr(base)} ≥ 0 (√ of it is real); √ written as s ≥ 0 with s² = {sympy.sstr(base)}")
                return self._pow_int(s, int(ex.p), base)
            raise NotSemialgebraic(f"power {sympy.sstr(e)}")
        if isinstance(e, sympy.Abs):
            a = self(e.args[0])
            return z3.If(a >= 0, a, -a)
        if isinstance(e, (sympy.Max, sympy.Min)):
            args = [self(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = z3.If(a >= out, a, out) if isinstance(e, sympy.Max) else z3.If(a <= out, a, out)
            return out
        if isinstance(e, sympy.Piecewise):
            out = None
            for expr, cond in reversed(e.args):
                val = self(expr)
                out = val if out is None or cond is sympy.true else z3.If(self.cond(cond), val, out)
            return out
        raise NotSemialgebraic(f"{type(e).__name__}: {sympy.sstr(e)}")

    def _pow_int(self, s, p: int, base):
        z3 = self.z3
        q = z3.RealVal(1)
        for _ in range(abs(p)):
            q = q * s
        if p >= 0:
            return q
        self.side.append(s != 0)
        self.side_text.append(f"{sympy.sstr(base)} ≠ 0 (the expression is defined)")
        return 1 / q

    def cond(self, c):
        z3 = self.z3
        if c is sympy.true:
            return z3.BoolVal(True)
        if c is sympy.false:
            return z3.BoolVal(False)
        if isinstance(c, sympy.And):
            return z3.And(*[self.cond(a) for a in c.args])
        if isinstance(c, sympy.Or):
            return z3.Or(*[self.cond(a) for a in c.args])
        if isinstance(c, sympy.Not):
            return z3.Not(self.cond(c.args[0]))
        a, b = self(c.lhs), self(c.rhs)
        ops = {sympy.LessThan: lambda: a <= b, sympy.StrictLessThan: lambda: a < b, sympy.GreaterThan: lambda: a >= b,
               sympy.StrictGreaterThan: lambda: a > b, sympy.Equality: lambda: a == b, sympy.Unequality: lambda: a != b}
        for t, f in ops.items():
            if isinstance(c, t):
                return f()
        raise NotSemialgebraic(f"condition {c}")


def _range_constraints(tr: _Translator, s: sympy.Symbol, rng) -> list:
    v = tr.var(s, bool(getattr(rng, "integer", False)))
    out = []
    lo, hi = sympy.sympify(rng.lo), sympy.sympify(rng.hi)
    if lo.is_finite:
        out.append(v > tr(lo) if rng.lo_open else v >= tr(lo))
    if hi.is_finite:
        out.append(v < tr(hi) if rng.hi_open else v <= tr(hi))
    return out


def _to_fraction(z3, val) -> Fraction | None:
    if isinstance(val, z3.RatNumRef):
        return Fraction(int(val.numerator_as_long()), int(val.denominator_as_long()))
    if isinstance(val, z3.IntNumRef):
        return Fraction(val.as_long())
    if isinstance(val, z3.AlgebraicNumRef):
        return Fraction(val.approx(40).as_fraction())
    return None


def _atoms_hold(c, point: dict, margin_digits: int = 40) -> bool | None:
    """Value of a sympy condition at an exact rational point: relations evaluated at 60 digits,
    an atom within 10^-margin of equality counts as undecided (None) unless it is exactly decided."""
    if c is sympy.true or c is True:
        return True
    if c is sympy.false or c is False:
        return False
    if isinstance(c, sympy.And):
        vals = [_atoms_hold(a, point, margin_digits) for a in c.args]
        return False if False in vals else (None if None in vals else True)
    if isinstance(c, sympy.Or):
        vals = [_atoms_hold(a, point, margin_digits) for a in c.args]
        return True if True in vals else (None if None in vals else False)
    if isinstance(c, sympy.Not):
        v = _atoms_hold(c.args[0], point, margin_digits)
        return None if v is None else not v
    diff = sympy.sympify(c.lhs - c.rhs).subs(point)
    exact = sympy.simplify(diff) if diff.free_symbols == set() and len(sympy.sstr(diff)) < 400 else diff
    if exact.is_Rational:  # decided exactly
        return bool(type(c)(exact, 0))
    val = sympy.N(exact, 60)
    if not val.is_real:
        return None
    if abs(val) <= sympy.Float(10, 60) ** -margin_digits:
        return None
    return bool(type(c)(val, 0))


def decide(lhs, rel: str, rhs, domain: dict, given=(), *, budget: Budget | None = None, cap: float = 20.0) -> RealArithResult:
    """Is ``lhs rel rhs`` true at every point of ``domain`` (symbol → Range) where every relation in ``given`` holds?"""
    lhs, rhs = sympy.sympify(lhs), sympy.sympify(rhs)
    goal = sympy.Rel(lhs, rhs, rel if rel != "==" else "==", evaluate=False)
    res = decide_formula(goal, domain, given, budget=budget, cap=cap)
    if res.status == "counterexample":
        point = {_sym(k, lhs, rhs, domain, given): sympy.Rational(v) for k, v in res.point.items()}
        a, b = sympy.N(lhs.subs(point), 50), sympy.N(rhs.subs(point), 50)
        res.values_50 = {"lhs": str(a), "rhs": str(b), "lhs_minus_rhs": str(sympy.N(lhs.subs(point) - rhs.subs(point), 50))}
    return res


def _sym(name, *things):
    for t in things:
        for e in (t if isinstance(t, (list, tuple)) else (list(t) if isinstance(t, dict) else [t])):
            for s in getattr(sympy.sympify(e), "free_symbols", ()):
                if s.name == name:
                    return s
    return sympy.Symbol(name)


def decide_formula(goal, domain: dict, given=(), *, budget: Budget | None = None, cap: float = 20.0) -> RealArithResult:
    """Does the sympy condition ``goal`` hold at every point of ``domain`` where every relation in ``given`` holds?"""
    import z3

    budget = budget or Budget()
    t0 = time.perf_counter()
    tr = _Translator(z3)
    try:
        zgoal = tr.cond(goal)
        hyps = [tr.cond(g) for g in given]
    except NotSemialgebraic as exc:
        return RealArithResult("unknown", reason=f"not semialgebraic: {exc}", seconds=time.perf_counter() - t0)
    constraints = [c for v in tr.vars if v in domain for c in _range_constraints(tr, v, domain[v])]
    constraints += [*hyps, *tr.side, z3.Not(zgoal)]
    total = max(0.05, min(cap, budget.remaining() * 0.8))
    # z3's default solver (linear arithmetic with nonlinear terms as atoms first) closes the problems that
    # are linear in products quickly; nlsat (complete for the reals) gets the rest of the time
    answer, solver, timeout_ms = None, None, 0
    for make, share in ((z3.Solver, 0.3), (lambda: z3.SolverFor("QF_NRA"), 0.7)):
        solver = make()
        timeout_ms = int(max(0.05, total * share) * 1000)
        solver.set("timeout", timeout_ms)
        solver.add(*constraints)
        answer = solver.check()
        if answer != z3.unknown:
            break
    query = solver.to_smt2()
    res = RealArithResult("unknown", side_conditions=list(dict.fromkeys(tr.side_text)), query=query[:6000])
    res.seconds = time.perf_counter() - t0
    if answer == z3.unsat:
        res.status = "proved"
        res.reason = f"z3: the hypotheses with the negated goal are unsatisfiable ({len(tr.vars)} variables)"
        return res
    if answer == z3.unknown:
        res.reason = f"z3: unknown ({solver.reason_unknown()}) within {timeout_ms} ms"
        return res
    model = solver.model()
    point = {}
    for s, v in tr.vars.items():
        fr = _to_fraction(z3, model.eval(v, model_completion=True))
        if fr is None:
            res.reason = f"z3's model gives no number for {s}"
            return res
        point[s] = sympy.Rational(fr.numerator, fr.denominator)
    # replay: in the domain and the hypotheses exactly (or beyond 10^-40), the goal false beyond 10^-40, at 60 digits
    conds = []
    for s in point:
        if s in domain:
            lo, hi = sympy.sympify(domain[s].lo), sympy.sympify(domain[s].hi)
            if lo.is_finite:
                conds.append(sympy.Rel(s, lo, ">" if domain[s].lo_open else ">=", evaluate=False))
            if hi.is_finite:
                conds.append(sympy.Rel(s, hi, "<" if domain[s].hi_open else "<=", evaluate=False))
    if not all(_atoms_hold(c, point) is True for c in [*conds, *given]):
        res.reason = "z3 found a violation, but its rounded model is not certainly inside the hypotheses: not a certificate"
        return res
    if _atoms_hold(goal, point) is not False:
        res.reason = "z3's model does not violate the goal when replayed at 60 digits: not a certificate"
        return res
    res.status = "counterexample"
    res.point = {str(k): str(v) for k, v in point.items()}
    res.reason = "z3 model, replayed at the exact rational point (hypotheses, goal) at 60 digits"
    return res
