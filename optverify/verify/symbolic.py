"""The symbolic engine: simplify lhs − rhs to zero, or find a point where it is not.

A residual that sympy cannot close is never a refutation by itself: it is
turned into a concrete point (exact rationals, summation limits made concrete,
sequence terms drawn), where both sides are evaluated at 50 digits and compared
again at 60; only a difference that survives both is a counterexample.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import mpmath
import sympy as sp
from sympy.concrete.summations import Sum

from optverify.verify.sampling import sample_point

REPLAY_DPS = 50


def generic_branch(expr: sp.Expr, domain: dict, rng: random.Random | None = None) -> sp.Expr:
    """Replace each Piecewise by the branch that holds on the domain's interior.

    ``summation`` returns piecewise results such as ``t if β = 1 else (1−β^t)/(1−β)``;
    the branch is chosen by evaluating the conditions at an interior point.
    """
    rng = rng or random.Random(0)
    from optverify.verify.sampling import sample_free, sample_in_range

    def pick(pw: sp.Piecewise):
        syms = sorted(set().union(*(c.free_symbols for _, c in pw.args)), key=sp.default_sort_key)  # draws in a fixed order
        probe = {s: (sample_in_range(rng, domain[s], s) if s in domain else sample_free(rng, s)) for s in syms}
        for e, c in pw.args:
            val = c.subs(probe)
            if val is sp.true or val == True:  # noqa: E712 - sympy truth value
                return e
        return pw

    return expr.replace(lambda e: isinstance(e, sp.Piecewise), pick)


def peel_sums(expr: sp.Expr, index: sp.Symbol, last: bool = False) -> sp.Expr:
    """Split off the first (or the last) term of every sum whose upper limit involves ``index``."""

    def peel(s: Sum):
        if len(s.limits) != 1:
            return s
        i, a, b = s.limits[0]
        if index not in sp.sympify(b).free_symbols:
            return s
        f = s.function
        if last:
            return Sum(f, (i, a, b - 1)) + f.subs(i, b)
        return f.subs(i, a) + Sum(f.subs(i, i + 1), (i, a, b - 1))

    return expr.replace(lambda e: isinstance(e, Sum), peel)


def canonical_indices(expr: sp.Expr, depth: int = 0) -> sp.Expr:
    """Rename every summation index to a canonical one per nesting depth, so equal sums compare equal."""
    if isinstance(expr, Sum):
        f = canonical_indices(expr.function, depth + len(expr.limits))
        limits = []
        for j, (var, lo, hi) in enumerate(expr.limits):
            k = sp.Symbol(f"_k{depth + j}", integer=True)
            f = f.xreplace({var: k})
            limits.append((k, canonical_indices(lo, depth), canonical_indices(hi, depth)))
        return Sum(f, *limits)
    if isinstance(expr, sp.Basic) and expr.args and not isinstance(expr, (sp.MatrixSymbol, sp.Symbol)):
        new = [canonical_indices(a, depth) if isinstance(a, sp.Basic) else a for a in expr.args]
        if any(n is not a for n, a in zip(new, expr.args)):
            return expr.func(*new)
    return expr


def is_zero(e) -> bool:
    """0 for scalars, the zero matrix for matrix expressions."""
    if isinstance(e, sp.MatrixExpr):
        return bool(e.is_ZeroMatrix) or e.is_zero_matrix is True
    return e == 0


@dataclass
class Simplification:
    residual: sp.Expr
    steps: list[str] = field(default_factory=list)

    @property
    def zero(self) -> bool:
        return is_zero(self.residual)


def _minmax_as_abs(e: sp.Expr) -> sp.Expr:
    """Two-argument Max and Min written with |x − y|, where sympy cancels them: max(x, y) = (x + y + |x − y|)/2."""
    return e.replace(lambda x: isinstance(x, (sp.Max, sp.Min)) and len(x.args) == 2,
                     lambda x: (x.args[0] + x.args[1] + (1 if isinstance(x, sp.Max) else -1) * sp.Abs(x.args[0] - x.args[1])) / 2)


def simplify_difference(lhs, rhs, domain: dict | None = None, peel_index: sp.Symbol | None = None) -> Simplification:
    """Try, in order: simplify; evaluate sums and pick generic branches; peel sums; expand."""
    domain = domain or {}
    diff = sp.sympify(lhs) - sp.sympify(rhs)
    if isinstance(diff, sp.MatrixExpr):
        r = sp.simplify(diff)
        return Simplification(sp.Integer(0) if is_zero(r) else r, ["simplify(lhs - rhs) as matrix expressions"])
    steps = ["cancel(lhs - rhs)"]
    if sp.cancel(diff) == 0:
        return Simplification(sp.Integer(0), steps)
    steps.append("simplify(lhs - rhs) with canonical summation indices")
    r = sp.simplify(canonical_indices(diff))
    if r == 0:
        return Simplification(sp.Integer(0), steps)
    if r.has(sp.sin, sp.cos, sp.exp):
        steps.append("rewrite trigonometric functions as exponentials + simplify")
        if sp.simplify(sp.expand(r.rewrite(sp.exp))) == 0:
            return Simplification(sp.Integer(0), steps)
    steps.append("doit + generic Piecewise branch + simplify")
    r = sp.simplify(generic_branch(sp.simplify(diff.doit()), domain))
    if r == 0:
        return Simplification(sp.Integer(0), steps)
    if peel_index is not None:
        for last in (False, True):
            steps.append(f"peel the {'last' if last else 'first'} term of the left side's sums in {peel_index}, expand powers, simplify")
            peeled = sp.expand(peel_sums(sp.sympify(lhs), peel_index, last) - sp.sympify(rhs), power_exp=True)
            r2 = sp.simplify(canonical_indices(peeled))
            if r2 == 0:
                return Simplification(sp.Integer(0), steps)
            r2 = sp.simplify(canonical_indices(sp.expand(sp.powsimp(r2, combine="exp"), power_exp=True)))
            if r2 == 0:
                return Simplification(sp.Integer(0), steps)
        m = sp.Symbol("_m", integer=True, nonnegative=True)
        steps.append(f"write {peel_index} = m + 1, expand powers, simplify")
        shifted = sp.expand((sp.sympify(lhs) - sp.sympify(rhs)).subs(peel_index, m + 1), power_exp=True)
        if sp.simplify(shifted) == 0:
            return Simplification(sp.Integer(0), steps)
    steps.append("expand + cancel")
    r3 = sp.cancel(sp.expand(r))
    if r3 == 0:
        return Simplification(sp.Integer(0), steps)
    if r.has(sp.Max, sp.Min, sp.Abs, sp.sign):
        steps.append("refine with the symbols' assumptions; max(x, y) = (x + y + |x − y|)/2, min likewise; else Max/Min/Abs/sign "
                     "as Piecewise, folded, simplified")
        if (sp.simplify(sp.refine(r)) == 0 or sp.expand(_minmax_as_abs(diff.doit())) == 0
                or sp.simplify(sp.piecewise_fold(r.rewrite(sp.Piecewise))) == 0):
            return Simplification(sp.Integer(0), steps)
    return Simplification(r, steps)


def eval50(expr: sp.Expr, dps: int = REPLAY_DPS):
    return sp.N(expr, dps)


@dataclass
class PointCheck:
    point: dict
    sequence_values: dict
    lhs: sp.Expr
    rhs: sp.Expr
    difference: sp.Expr

    def to_dict(self) -> dict:
        return {
            "point": {str(k): str(v) for k, v in self.point.items()},
            "sequence": {str(k): str(v) for k, v in self.sequence_values.items()},
            "lhs": str(eval50(self.lhs)),
            "rhs": str(eval50(self.rhs)),
            "difference": str(eval50(self.difference)),
            "digits": REPLAY_DPS,
        }


def differs(a: sp.Expr, b: sp.Expr) -> bool:
    """True when a ≠ b survives evaluation at 50 and at 60 digits with a relative margin of 1e-30."""
    for dps in (REPLAY_DPS, REPLAY_DPS + 10):
        va, vb = sp.N(a, dps), sp.N(b, dps)
        if not (va.is_number and vb.is_number):
            return False
        if va.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or vb.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return False
        scale = max(1, abs(complex(va)), abs(complex(vb)))
        if abs(complex(va - vb)) <= 1e-30 * scale:
            return False
    return True


def search_counterexample(lhs, rhs, domain: dict, sequences: dict, rng: random.Random, tries: int = 40) -> PointCheck | None:
    """Sample exact points; return the first where lhs ≠ rhs at high precision."""
    for _ in range(tries):
        point, (cl, cr), seq = sample_point(rng, [lhs, rhs], domain, sequences)
        if cl.free_symbols or cr.free_symbols:
            continue
        if differs(cl, cr):
            return PointCheck(point, seq, cl, cr, cl - cr)
    return None


def replay_snippet(lhs, rhs, pc: PointCheck) -> str:
    """A self-contained sympy snippet that recomputes both sides at the certificate's point."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    # bound symbols too (a summation index), with their assumptions (a Sum to ∞ over a positive integer n)
    syms = sorted({s for s in (*lhs.atoms(sp.Symbol), *rhs.atoms(sp.Symbol)) if s.name.isidentifier()}, key=lambda s: s.name)
    funcs = sorted({a.func.__name__ for a in (lhs - rhs).atoms(sp.core.function.AppliedUndef)})
    lines = ["import sympy", "from sympy import *"]
    for s in syms:
        kw = {k: v for k, v in s._assumptions_orig.items()} if hasattr(s, "_assumptions_orig") else {}
        lines.append(f"{s.name} = Symbol({s.name!r}" + "".join(f", {k}={v!r}" for k, v in sorted(kw.items())) + ")")
    for f in funcs:
        lines.append(f"{f} = Function({f!r})")
    lines.append(f"lhs = sympify({sp.sstr(lhs)})")
    lines.append(f"rhs = sympify({sp.sstr(rhs)})")
    subs = ", ".join(f"{k.name}: Rational({str(v)!r})" for k, v in pc.point.items())
    lines.append(f"point = {{{subs}}}")
    lines.append("L, R = lhs.subs(point).doit(), rhs.subs(point).doit()")
    if pc.sequence_values:
        seq = ", ".join(f"{sp.sstr(k)}: Rational({str(v)!r})" for k, v in pc.sequence_values.items())
        lines.append(f"seq = {{{seq}}}")
        lines.append("L, R = L.subs(seq), R.subs(seq)")
    lines.append("print(sympy.N(L, 50)); print(sympy.N(R, 50))")
    return "\n".join(lines)


def mp_limit_samples(ratio: sp.Expr, var: sp.Symbol, point, n: int = 4, direction: str = "+-", domain: dict | None = None) -> list[tuple[str, str]]:
    """The ratio evaluated at 50 digits at points approaching ``point`` (for the reader).

    Other parameters are fixed at the middle of their ``domain`` range (1 where unbounded).
    """
    fixed = {}
    for sym in sorted(ratio.free_symbols - {var}, key=sp.default_sort_key):
        rng_ = (domain or {}).get(sym)
        lo, hi = (rng_.lo, rng_.hi) if rng_ is not None else (-sp.oo, sp.oo)
        fixed[sym] = (lo + hi) / 2 if lo.is_finite and hi.is_finite else (lo + 1 if lo.is_finite else (hi - 1 if hi.is_finite else sp.Integer(1)))
    ratio = ratio.subs(fixed)
    out = []
    for k in range(1, n + 1):
        if point is sp.oo:
            x = sp.Integer(10) ** k
        elif direction == "+":
            x = sp.sympify(point) + sp.Integer(10) ** (-2 * k)
        else:
            x = sp.sympify(point) - sp.Integer(10) ** (-2 * k)
        val = sp.N(ratio.subs(var, x), REPLAY_DPS)
        out.append((str(x), mpmath.nstr(mpmath.mpf(str(val)), 15) if val.is_real else str(val)))
    return out
