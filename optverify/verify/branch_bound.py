"""Derivative-aware branch and bound: prove ``f ≤ 0`` (or ``< 0``) on a box with Arb balls.

On each box the prover tries, in order:

1. the natural enclosure of ``f`` (Arb; mpmath intervals where Arb is not
   finite: infinite ends, a log reaching 0);
2. the mean-value form ``f(c) + Σ_j ∂_j f(B)·(B_j − c_j)`` with an enclosure of
   the gradient over the box;
3. monotonicity: where ``∂_j f`` has one sign on the box, the maximum lies on
   the face ``x_j = hi_j`` (or ``lo_j``): the coordinate is fixed there (an
   open end is allowed where ``f`` is finite at it: by continuity the supremum
   over the open box is the value at the end).  A box reduced to a point is
   decided by one exact-point ball.

Otherwise the box is bisected (at 0 when it straddles 0, so that a touching
point at 0 becomes a corner).  Infinite ranges are split at growing finite
points; a tail that never closes can be decided after a rewrite (see
:func:`prove_relation`): x = 1/u, then the numerator of ``f`` with its
denominator's sign proved, and for ``a^b`` sides the comparison of logarithms
when both sides are proved positive.  Every rewrite is recorded.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy

from optverify.budget import Budget
from optverify.verify import interval as _iv
from optverify.verify.arb_interval import UnsupportedArb, ball, compile_arb

INF = math.inf


@dataclass
class BBResult:
    status: str  # "proved" | "inconclusive"
    boxes: int = 0
    closed_by: Counter = field(default_factory=Counter)
    pieces: list = field(default_factory=list)  # [{"domain": …, "form": …, "rewrite": …, "boxes": …}]
    elapsed_s: float = 0.0
    reason: str = ""
    stuck_box: dict = field(default_factory=dict)

    @property
    def boxes_per_second(self) -> float:
        return self.boxes / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def timings(self) -> dict[str, float]:
        """Wall time and speed vary from run to run: they stay out of ``to_dict`` (report.json keeps them apart)."""
        return {"elapsed_s": float(self.elapsed_s), "boxes_per_second": float(self.boxes_per_second)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, without the timings (the same seed gives the same dict)."""
        return {"status": self.status, "boxes": self.boxes,
                "boxes_in_cover": sum(sum(p["closed_by"].values()) for p in self.pieces) if self.status == "proved" else 0, "closed_by": dict(self.closed_by), "pieces": self.pieces,
                "reason": self.reason, "stuck_box": self.stuck_box, "engine": "Arb balls (python-flint), mpmath intervals at infinite ends"}


def _frac(x) -> Fraction | float:
    x = sympy.sympify(x)
    if x is sympy.oo:
        return INF
    if x is -sympy.oo:
        return -INF
    if x.is_Rational:
        return Fraction(int(x.p), int(x.q))
    return Fraction(str(sympy.N(x, 30)))  # an irrational end: its 30-digit decimal (the box is then slightly different)


class _Form:
    """f and its gradient, compiled for Arb and for mpmath intervals."""

    def __init__(self, f: sympy.Expr, syms: list[sympy.Symbol]):
        self.f, self.syms = f, syms
        self.arb_f = compile_arb(f, syms)
        grads = [sympy.diff(f, s) for s in syms]
        try:
            self.arb_g = [compile_arb(g, syms) for g in grads]
        except UnsupportedArb:
            self.arb_g = None
        index = {s: k for k, s in enumerate(syms)}
        try:
            self.iv_f = _iv._compile(f, index, "iv")
            self.iv_g = [_iv._compile(g, index, "iv") for g in grads]
        except _iv.UnsupportedExpression:
            self.iv_f = self.iv_g = None


def _iv_of(lo, hi):
    def end(x, up):
        if x == INF:
            return _iv.iv.mpf("inf")
        if x == -INF:
            return _iv.iv.mpf("-inf")
        v = _iv.iv.mpf(x.numerator) / x.denominator
        return v
    a, b = end(lo, False), end(hi, True)
    return _iv.iv.mpf([a.a, b.b])


def _enclose(fn_arb, fn_iv, B, arb_first: bool = True):
    """An enclosure of a compiled function over B: ("arb", ball) or ("iv", mpmath interval), or None."""
    if arb_first and all(lo != INF and lo != -INF and hi != INF and hi != -INF for lo, hi in B):
        try:
            v = fn_arb([ball(lo, hi) for lo, hi in B])
        except (ZeroDivisionError, ValueError):
            v = None
        if v is not None and v.is_finite():
            return ("arb", v)
    if fn_iv is None:
        return None
    fl = _iv._Flags()
    try:
        old = _iv.iv.prec
        _iv.iv.prec = 64
        try:
            v = fn_iv([_iv_of(lo, hi) for lo, hi in B], fl)
        finally:
            _iv.iv.prec = old
    except (_iv._Undefined, ZeroDivisionError, ValueError):
        return None
    if fl.clipped:
        # part of the box leaves the domain of a log/root (a base reaching 0 at a closed end, such as
        # (1 − 1/t)^t at t = 1): the enclosure holds where the function is defined; it is used only
        # when the function is defined at the box's midpoint (checked by the caller through Arb)
        return ("iv-clipped", v)
    return ("iv", v)


def _defined_inside(form: _Form, B) -> bool:
    """f is finite at the box's midpoint (finite ends): the box is not wholly outside f's domain."""
    if any(math.isinf(lo) or math.isinf(hi) for lo, hi in B):
        return False
    return form.arb_f([ball((lo + hi) / 2) for lo, hi in B]).is_finite()


def _le0(enc, strict: bool) -> bool:
    if enc is None:
        return False
    kind, v = enc
    if kind == "arb":
        return bool(v < 0) if strict else bool(v <= 0)
    if kind == "iv-clipped":
        return False
    hi = v.b
    return bool(hi < 0) if strict else bool(hi <= 0)


def _sign(enc) -> int:
    """+1 if certainly ≥ 0, −1 if certainly ≤ 0, 0 otherwise."""
    if enc is None:
        return 0
    kind, v = enc
    if kind == "arb":
        return 1 if v >= 0 else (-1 if v <= 0 else 0)
    return 1 if v.a >= 0 else (-1 if v.b <= 0 else 0)


def _mean_value(form: _Form, B) -> bool | None:
    """Upper bound of the mean-value form ≤ 0?  (finite boxes, Arb only)."""
    if form.arb_g is None or any(math.isinf(lo) or math.isinf(hi) for lo, hi in B):
        return None
    c = [(lo + hi) / 2 for lo, hi in B]
    fc = form.arb_f([ball(x) for x in c])
    if not fc.is_finite():
        return None
    X = [ball(lo, hi) for lo, hi in B]
    acc = fc
    for j, (lo, hi) in enumerate(B):
        if lo == hi:
            continue
        gj = form.arb_g[j](X)
        if not gj.is_finite():
            return None
        acc = acc + gj * (X[j] - ball(c[j]))
    return acc


def _split(lo, hi):
    if lo == -INF and hi == INF:
        return Fraction(0)
    if hi == INF:
        return Fraction(0) if lo < 0 else (Fraction(1) if lo < 1 else lo * 4)
    if lo == -INF:
        return Fraction(0) if hi > 0 else (Fraction(-1) if hi > -1 else hi * 4)
    if lo < 0 < hi:
        return Fraction(0)
    return (lo + hi) / 2


def _width(lo, hi) -> float:
    if math.isinf(lo) or math.isinf(hi):
        return INF
    return float(hi - lo)


def bb_nonpositive(f: sympy.Expr, box: dict, *, strict: bool = False, budget: Budget | None = None,
                   max_boxes: int = 20000, min_width: float = 1e-9) -> BBResult:
    """Prove f ≤ 0 (f < 0 when ``strict``) on ``box`` ({symbol: (lo, hi[, lo_kind, hi_kind])})."""
    budget = budget or Budget()
    t0 = time.perf_counter()
    syms = sorted(box, key=lambda s: s.name)
    extra = f.free_symbols - set(syms)
    if extra:
        return BBResult("inconclusive", reason=f"no range for {sorted(map(str, extra))}")
    try:
        form = _Form(f, syms)
    except UnsupportedArb as exc:
        return BBResult("inconclusive", reason=f"unsupported: {exc}")
    ends = []
    for s in syms:
        r = box[s]
        lo, hi = _frac(r[0]), _frac(r[1])
        lo_open = len(r) > 2 and r[2] == "open"
        hi_open = len(r) > 3 and r[3] == "open"
        ends.append((lo, hi, lo_open, hi_open))
    res = BBResult("inconclusive")
    stack = [[(e[0], e[1]) for e in ends]]
    while stack:
        if budget.expired():
            res.reason = "time budget spent"
            break
        if res.boxes >= max_boxes:
            res.reason = f"{max_boxes} boxes examined"
            break
        B = stack.pop()
        res.boxes += 1
        enc = _enclose(form.arb_f, form.iv_f, B)
        if _le0(enc, strict):
            res.closed_by["enclosure"] += 1
            continue
        if enc is not None and enc[0] == "iv-clipped" and _le0(("iv", enc[1]), strict) and _defined_inside(form, B):
            res.closed_by["enclosure where defined"] += 1
            continue
        mv = _mean_value(form, B)
        if mv is not None and ((mv < 0) if strict else (mv <= 0)):
            res.closed_by["mean value"] += 1
            continue
        # monotonicity: fix coordinates where the partial derivative has one sign
        fixed = list(B)
        moved = False
        for j, (lo, hi) in enumerate(B):
            if lo == hi:
                continue
            ga = form.arb_g[j] if form.arb_g else None
            gi = form.iv_g[j] if form.iv_g else None
            sg = _sign(_enclose(ga, gi, B)) if ga is not None else 0
            if sg == 0 and gi is not None:
                # a ball overshoots the ends of the box by its rounding; at a touching end (the derivative
                # is 0 there) only exact end points decide the sign: mpmath intervals keep them exact
                sg = _sign(_enclose(None, gi, B, arb_first=False))
            if sg == 0:
                continue
            end = hi if sg > 0 else lo
            if math.isinf(end):
                continue
            fixed[j] = (end, end)
            moved = True
        if moved:
            if all(lo == hi for lo, hi in fixed):
                v = _enclose(form.arb_f, form.iv_f, fixed)
                if _le0(v, strict):
                    res.closed_by["monotone to a vertex"] += 1
                    continue
            else:
                stack.append(fixed)
                res.closed_by["monotone to a face"] += 1
                continue
        # bisect the widest coordinate
        j = max(range(len(B)), key=lambda k: _width(*B[k]))
        lo, hi = B[j]
        far = (hi == INF and lo > 2**40) or (lo == -INF and hi < -2**40)
        if far or _width(lo, hi) < min_width or lo == hi:
            res.reason = "a box shrank below the minimal width without closing"
            res.stuck_box = {str(s): [str(a), str(b)] for s, (a, b) in zip(syms, B)}
            break
        m = _split(lo, hi)
        if not (lo < m < hi):
            m = (lo + hi) / 2
        left, right = list(B), list(B)
        left[j], right[j] = (lo, m), (m, hi)
        stack.extend([right, left])
    else:
        res.status = "proved"
    res.elapsed_s = time.perf_counter() - t0
    return res


# --------------------------------------------------------------------------
# rewrites for tails: x = 1/u, numerator with a proved-positive denominator, logarithms of positive sides
# --------------------------------------------------------------------------


def _positive(e: sympy.Expr, box: dict, budget: Budget) -> bool:
    """e > 0 on box: structurally (exp, powers of positive bases, products) or by the prover on −e < 0."""
    if e.is_positive:
        return True
    if isinstance(e, sympy.exp):
        return True
    if e.is_Pow and e.args[0] is not sympy.E:
        return _positive(e.args[0], box, budget)
    if e.is_Mul:
        return all(_positive(a, box, budget) for a in e.args)
    return bb_nonpositive(-e, box, strict=True, budget=budget.share(0.3), max_boxes=2000).status == "proved"


def _rewrites(lhs, rhs, box, budget):
    """Equivalent forms g ≤ 0 of lhs ≤ rhs on box, each with the reason it is equivalent."""
    f = lhs - rhs
    yield f, box, "as printed: lhs − rhs ≤ 0"
    try:
        fac = sympy.factor(sympy.cancel(sympy.together(f)))
    except (sympy.PolynomialError, NotImplementedError):
        fac = f
    if fac != f:
        yield fac, box, "factored: factor(cancel(lhs − rhs)), equal to lhs − rhs wherever it is defined"
    if (lhs.has(sympy.Pow) or rhs.has(sympy.exp)) and _positive(lhs, box, budget) and _positive(rhs, box, budget):
        g = sympy.expand_log(sympy.log(lhs), force=True) - sympy.expand_log(sympy.log(rhs), force=True)
        yield g, box, "both sides proved > 0 on the box: log is increasing, so lhs ≤ rhs ⇔ log lhs − log rhs ≤ 0"
        f_alt = g
    else:
        f_alt = f
    for s, r in box.items():
        lo = _frac(r[0])
        if _frac(r[1]) == INF and lo != INF and lo > 0:
            u = sympy.Dummy("u", positive=True)
            g = sympy.together(f_alt.subs(s, 1 / u))
            num, den = sympy.fraction(g)
            nbox = dict(box)
            del nbox[s]
            nbox[u] = (sympy.Integer(0), 1 / sympy.Rational(lo), "open", "closed")
            yield g, nbox, f"{s} = 1/u with u ∈ (0, 1/{r[0]}]"
            if den != 1 and _positive(den, nbox, budget):
                yield num, nbox, f"{s} = 1/u with u ∈ (0, 1/{r[0]}]; the denominator {den} is proved > 0, so the numerator ≤ 0"


def prove_relation(lhs, rel: str, rhs, box: dict, *, budget: Budget | None = None, max_boxes: int = 20000) -> BBResult:
    """Prove ``lhs rel rhs`` on box (rel in <=, <, >=, >): an infinite range is split at a finite point,
    each piece proved by the first form that closes it."""
    budget = budget or Budget()
    lhs, rhs = sympy.sympify(lhs), sympy.sympify(rhs)
    if rel in (">=", ">"):
        lhs, rhs, rel = rhs, lhs, "<=" if rel == ">=" else "<"
    strict = rel == "<"
    t0 = time.perf_counter()
    total = BBResult("proved")
    pieces = [box]
    # split every half-infinite range at a finite point; the tail gets the rewrites
    for s, r in box.items():
        lo, hi = _frac(r[0]), _frac(r[1])
        if hi == INF and lo != -INF:
            m = max(Fraction(4), 4 * lo) if lo >= 0 else Fraction(4)
            new = []
            for p in pieces:
                a = dict(p)
                a[s] = (r[0], sympy.Rational(m.numerator, m.denominator), *(r[2:3] or ["closed"]), "closed")
                b = dict(p)
                b[s] = (sympy.Rational(m.numerator, m.denominator), sympy.oo, "closed", "open")
                new += [a, b]
            pieces = new
    for p in pieces:
        done = False
        tail = any(_frac(v[1]) == INF or _frac(v[0]) == -INF for v in p.values())
        for g, gbox, why in _rewrites(lhs, rhs, p, budget):
            r = bb_nonpositive(g, gbox, strict=strict, budget=budget.share(0.5),
                               max_boxes=min(max_boxes, 2000) if tail else max_boxes,
                               min_width=1e-9 if why.startswith("as printed") else 1e-6)
            total.boxes += r.boxes
            total.closed_by.update(r.closed_by)
            if r.status == "proved":
                total.pieces.append({"domain": {str(k): [str(v[0]), str(v[1])] for k, v in p.items()}, "form": sympy.sstr(g) + (" < 0" if strict else " ≤ 0"),
                                     "rewrite": why, "boxes": r.boxes, "closed_by": dict(r.closed_by)})
                done = True
                break
            last = r
        if not done:
            total.status = "inconclusive"
            total.reason = f"piece {({str(k): [str(v[0]), str(v[1])] for k, v in p.items()})} not closed: {last.reason}"
            total.stuck_box = last.stuck_box
            break
    total.elapsed_s = time.perf_counter() - t0
    return total
