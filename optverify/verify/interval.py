"""Rigorous interval branch-and-bound prover for scalar inequalities.

The question decided here is always of the form

    f(p) <= 0   (or f(p) < 0 when ``strict``)   for every point p of a box,

where ``f`` is a sympy expression (typically ``lhs - rhs`` of a printed claim
``lhs <= rhs``).  :func:`prove_inequality` builds ``f`` from the two sides of a
relation and handles strictness.

Box convention
--------------
``box`` maps every free symbol of ``f`` to a range.  A range is one of

* ``(lo, hi)`` -- closed at every *finite* end, open at an infinite end
  (``sympy.oo`` / ``-sympy.oo``; ``float('inf')`` is accepted too);
* ``(lo, hi, lo_kind, hi_kind)`` with each kind ``"open"`` or ``"closed"``
  (an infinite end is always open, whatever its flag says);
* a ``sympy.Interval`` (its ``left_open`` / ``right_open`` flags are used).

Bounds may be ints, floats (taken at their exact binary value), sympy
numbers or constants such as ``sympy.pi``.

Semantics of "proved"
---------------------
Enclosures are valid at every point where ``f`` is defined (real and finite,
with sympy's principal-branch conventions: ``x**(1/3)`` needs ``x >= 0`` and
``log(x)`` needs ``x > 0``).  Sub-boxes that only partly leave the domain of a
``log``/fractional power are evaluated on the part inside the domain (the
number of such discharged boxes is ``domain_clipped_boxes``), and their
sample points are checked.  "proved" is only reported when no sampled point of
the box is outside the domain of ``f`` and no sub-box lies entirely outside
it; otherwise the run ends "inconclusive" with the reason.  A counterexample
is always a point where ``f`` is defined and certified > 0 (>= 0 if strict).

Preprocessing (value preserving)
--------------------------------
Besides ``f`` itself, the prover evaluates the following algebraically equal
forms and intersects their enclosures (every enclosure is valid wherever
``f`` is defined, so the intersection is too):

1. ``cancel(together(f))`` -- one fraction with common polynomial factors of
   numerator and denominator removed.  This agrees with ``f`` wherever ``f``
   is defined; it only *extends* ``f`` to removable singularities such as
   ``(1-b)**2/(1-b**2)`` at ``b = 1``.
2. ``factor`` of that fraction -- exposes sign structure (squares, factors
   such as ``(1 - b)`` that vanish on the boundary).
3. after the change of variables for infinite ranges (below), again
   ``factor(cancel(together(.)))`` of the substituted form; this can only
   remove singularities located at the image of +-infinity.

Every derived form is checked numerically against ``f`` at random interior
points (30 digits) and dropped if it disagrees -- a guard against a
transformation bug ever weakening soundness.

Infinite ranges
---------------
Unbounded ranges are mapped to bounded ones by monotone rational changes of
variable, and the substituted expressions are what gets bisected:

* ``[lo, oo)``:  ``x = lo + u/(1-u)``,  ``u in [0, 1)``;
* ``(-oo, hi]``: ``x = hi - u/(1-u)``,  ``u in [0, 1)``;
* ``(-oo, oo)``: ``x = u/(1-u**2)``,   ``u in (-1, 1)``.

Evaluation
----------
A small compiler turns sympy trees (Add, Mul, Pow with integer, rational and
general exponents, exp, log, Abs, Min, Max, sin, cos, tan, atan and the
hyperbolic functions via ``exp``) into closures over ``mpmath.iv`` intervals
at ``dps`` digits.  Division by an interval containing 0 yields an unbounded
interval.  Points are evaluated with the same compiler over ``mpmath.mp``.

Algorithm
---------
Branch and bound over boxes, level by level (within a level, boxes whose
parent had the largest upper bound first), so that a singular end such as
the image of infinity cannot starve the rest of the cover.  A box is
discharged when the intersected enclosure's upper bound is ``<= 0`` (``< 0``
for strict).  When the natural enclosure does not suffice and a form is
smooth and finite on the closed box, the enclosure of its gradient (the raw
derivative, intersected with its ``factor(cancel(.))`` form) is used for
(a) the mean-value form and (b) monotonicity: a coordinate with a
sign-definite partial derivative is fixed to the face where the maximum is
attained (recursively).  For strict claims, a derivative that is *strictly*
signed towards an open face gives ``f(p) < f(face) <= U`` for every point of
the box, which proves strict claims that are tight at an open end (``0 < x``
on ``(0, 1]``).  A non-strict claim that is tight somewhere (``x**2-2x+1 >= 0``
at ``x = 1``) is proved when an enclosure reaches exactly 0 there (factored
squares, monotonicity); otherwise it stays inconclusive -- it can never be a
counterexample, which needs a certified positive value.

Undischarged boxes are sampled at the midpoint and the corners that are not on
an open face (for up to 3 variables); a point value > 0 (>= 0 for strict) is
re-evaluated at 50 digits and certified by interval evaluation at the exact
50-digit decimal point.  A certified point inside the box as given ends the
run with "counterexample".  Otherwise the box is bisected along its widest
coordinate (in the mapped variables).  The run ends "inconclusive" at
``max_boxes`` or ``time_budget``, reporting the worst sampled point and the box
where the cover got stuck.

Private ``mpmath`` interval / float contexts are used, so the precision of the
global ``mpmath.mp`` / ``mpmath.iv`` is neither read nor changed.
"""

from __future__ import annotations

import heapq
import math
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Callable

import mpmath
import sympy
from mpmath.ctx_iv import MPIntervalContext
from mpmath.libmp import (
    ComplexResult,
    finf,
    fnan,
    fninf,
    from_int,
    fzero,
    mpf_abs,
    mpf_add,
    mpf_atan,
    mpf_le,
    mpf_log,
    mpf_lt,
    mpf_nthroot,
    mpf_pow_int,
    mpf_shift,
    mpf_sqrt,
    mpf_sub,
    round_ceiling,
    round_floor,
    to_float,
)

from optverify.verify.expr_compile import Backend, UnsupportedExpression, compile_expr

__all__ = [
    "IntervalResult",
    "UnsupportedExpression",
    "prove_nonpositive",
    "prove_inequality",
    "certify_counterexample",
]

#: Number of significant digits of reported points and values.
REPORT_DIGITS = 50

#: Private mpmath contexts: precision changes made here never leak into (or
#: depend on) the global ``mpmath.mp`` / ``mpmath.iv`` used elsewhere.
iv = MPIntervalContext()
mp = mpmath.mp.clone()


class _Undefined(Exception):
    """Raised when an expression is certainly undefined on a whole (sub)box / at a point."""


# --------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------


@dataclass
class IntervalResult:
    """Outcome of an interval branch-and-bound run.

    ``status`` is "proved", "counterexample" or "inconclusive".
    ``min_margin`` is the smallest ``-U`` over discharged boxes (``U`` the upper
    bound that discharged the box); it is ``math.inf`` if no box was discharged.
    ``worst_point`` / ``worst_value`` give the sampled point of the ORIGINAL
    variables with the largest value of ``f`` (for "counterexample": the
    certified counterexample), as 50-significant-digit decimal strings.
    ``stuck_box`` maps each variable to ``[lo, hi]`` (original variables) of the
    box the cover got stuck on, when inconclusive.
    """

    status: str
    boxes_examined: int
    boxes_in_cover: int
    min_margin: float
    worst_point: dict[str, str]
    worst_value: str
    elapsed_s: float
    boxes_per_second: float
    strict: bool = False
    reason: str = ""
    stuck_box: dict[str, list[str]] = field(default_factory=dict)
    stuck_upper_bound: str = ""
    domain_clipped_boxes: int = 0
    undefined_boxes: int = 0
    forms: list[str] = field(default_factory=list)

    def timings(self) -> dict[str, float]:
        """Wall time and speed: they vary from run to run, so they stay out of ``to_dict`` (report.json keeps them apart)."""
        return {"elapsed_s": float(self.elapsed_s), "boxes_per_second": float(self.boxes_per_second)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (plain str / float / int / bool, lists and dicts of them), without the timings.

        Non-finite floats (``min_margin`` when nothing was discharged) become ``None``.
        """

        def num(x: float) -> float | None:
            return x if math.isfinite(x) else None

        return {
            "status": self.status,
            "boxes_examined": int(self.boxes_examined),
            "boxes_in_cover": int(self.boxes_in_cover),
            "min_margin": num(float(self.min_margin)),
            "worst_point": {str(k): str(v) for k, v in self.worst_point.items()},
            "worst_value": str(self.worst_value),
            "strict": bool(self.strict),
            "reason": str(self.reason),
            "stuck_box": {str(k): [str(a), str(b)] for k, (a, b) in self.stuck_box.items()},
            "stuck_upper_bound": str(self.stuck_upper_bound),
            "domain_clipped_boxes": int(self.domain_clipped_boxes),
            "undefined_boxes": int(self.undefined_boxes),
            "forms": [str(s) for s in self.forms],
        }


# --------------------------------------------------------------------------
# Expression compiler (interval and point backends)
# --------------------------------------------------------------------------


class _Flags:
    """Side information collected during one interval evaluation.

    ``clipped``: an argument left the domain of log / a fractional power on
    part of the box (the value was computed on the part inside the domain).
    ``singular``: an unbounded intermediate occurred (division by an interval
    containing 0, ...).  A "clean" evaluation has neither; then the compiled
    form is defined, finite and continuous on the whole closed box.
    """

    __slots__ = ("clipped", "singular")

    def __init__(self) -> None:
        self.clipped = False
        self.singular = False


def _is_finite_mpf(x: tuple) -> bool:
    return x not in (finf, fninf, fnan)


def _iv_is_finite(v) -> bool:
    lo, hi = v._mpi_
    return _is_finite_mpf(lo) and _is_finite_mpf(hi)


def _iv_make(lo: tuple, hi: tuple):
    return iv.make_mpf((lo, hi))


def _iv_check(v, fl: _Flags):
    """Flag unbounded results (sign of a division by an interval containing 0)."""
    lo, hi = v._mpi_
    if lo == fnan or hi == fnan:
        return _iv_make(fninf, finf)
    if not (_is_finite_mpf(lo) and _is_finite_mpf(hi)):
        fl.singular = True
    return v


def _nudge(x: tuple, up: bool, prec: int) -> tuple:
    """Move a finite nonzero endpoint outward by a relative ``2**-(prec-8)``.

    Applied to results of libmp's transcendental functions (log, atan,
    n-th roots), whose directed rounding is accurate but not formally
    guaranteed; the extra margin makes the enclosure robust.
    """
    if x in (fzero, finf, fninf, fnan):
        return x
    delta = mpf_shift(mpf_abs(x), -(prec - 8))
    return mpf_add(x, delta, prec, round_ceiling) if up else mpf_sub(x, delta, prec, round_floor)


def _iv_log(v, fl: _Flags):
    lo, hi = v._mpi_
    if not mpf_lt(fzero, hi):  # hi <= 0: log undefined on the whole box
        raise _Undefined("log of a nonpositive interval")
    prec = iv.prec
    if not mpf_lt(fzero, lo):
        fl.clipped = True
        new_lo = fninf
    else:
        new_lo = _nudge(mpf_log(lo, prec, round_floor), False, prec)
    new_hi = finf if hi == finf else _nudge(mpf_log(hi, prec, round_ceiling), True, prec)
    return _iv_make(new_lo, new_hi)


def _iv_atan(v, fl: _Flags):
    lo, hi = v._mpi_
    prec = iv.prec
    return _iv_make(_nudge(mpf_atan(lo, prec, round_floor), False, prec),
                    _nudge(mpf_atan(hi, prec, round_ceiling), True, prec))


def _iv_pow_rat(v, p: int, q: int, fl: _Flags):
    """``v ** (p/q)`` for a non-integer rational exponent (principal branch: base >= 0)."""
    lo, hi = v._mpi_
    if mpf_lt(hi, fzero):
        raise _Undefined("fractional power of a negative interval")
    if mpf_lt(lo, fzero):
        fl.clipped = True
        lo = fzero
    prec = iv.prec
    ap = abs(p)
    if q == 2:  # mpf_sqrt is correctly rounded
        r_lo = mpf_sqrt(lo, prec, round_floor)
        r_hi = finf if hi == finf else mpf_sqrt(hi, prec, round_ceiling)
    else:
        r_lo = _nudge(mpf_nthroot(lo, q, prec, round_floor), False, prec) if lo != fzero else fzero
        r_hi = finf if hi == finf else _nudge(mpf_nthroot(hi, q, prec, round_ceiling), True, prec)
    if mpf_lt(r_lo, fzero):
        r_lo = fzero
    if ap != 1:
        r_lo = mpf_pow_int(r_lo, ap, prec, round_floor)
        r_hi = finf if r_hi == finf else mpf_pow_int(r_hi, ap, prec, round_ceiling)
    out = _iv_make(r_lo, r_hi)
    if p < 0:
        if hi == fzero:
            raise _Undefined("negative power of zero")
        out = _iv_check(1 / out, fl)
    return out


def _iv_minmax(vals: list, take_min: bool):
    los = [v._mpi_[0] for v in vals]
    his = [v._mpi_[1] for v in vals]

    def pick(xs):
        best = xs[0]
        for x in xs[1:]:
            if (mpf_lt(x, best) if take_min else mpf_lt(best, x)):
                best = x
        return best

    return _iv_make(pick(los), pick(his))


def _mp_pow_rat(x, p: int, q: int):
    if x < 0:
        raise _Undefined("fractional power of a negative number")
    if x == 0:
        if p > 0:
            return mp.mpf(0)
        raise _Undefined("negative power of zero")
    return mp.power(x, mp.mpf(p) / q)


def _mp_check(v):
    if isinstance(v, mp.mpc):
        if v.imag != 0:
            raise _Undefined("complex value")
        v = v.real
    if not mp.isfinite(v):
        raise _Undefined("non-finite value")
    return v


def _iv_rational(p: int, q: int) -> Callable:
    cache: dict[int, Any] = {}  # by precision: the constant is rounded outward at the precision in force

    def const(env, fl):
        prec = iv.prec
        c = cache.get(prec)
        if c is None:
            c = iv.mpf(p) if q == 1 else iv.mpf(p) / iv.mpf(q)
            cache[prec] = c
        return c

    return const


def _iv_ipow(x, n: int, fl: _Flags):
    return x**n if n >= 0 else _iv_check(x**n, fl)


def _iv_tan(x, fl: _Flags):
    return _iv_check(iv.sin(x) / iv.cos(x), fl)


#: mpmath interval arithmetic at the current ``iv.prec``; unbounded intermediates and clipped domains are flagged
IV = Backend(
    "interval", rational=_iv_rational, pi=lambda: (lambda env, fl: +iv.pi), e=lambda: (lambda env, fl: +iv.e),
    ipow=_iv_ipow, rpow=_iv_pow_rat, minmax=lambda vals, take_min, fl: _iv_minmax(vals, take_min),
    functions={sympy.exp: lambda x, fl: iv.exp(x), sympy.log: _iv_log, sympy.Abs: lambda x, fl: abs(x),
               sympy.sin: lambda x, fl: iv.sin(x), sympy.cos: lambda x, fl: iv.cos(x), sympy.tan: _iv_tan,
               sympy.atan: _iv_atan})


def _mp_ipow(x, n: int, fl):
    if n < 0 and x == 0:
        raise _Undefined("division by zero")
    return x**n


def _mp_log(x, fl):
    if x <= 0:
        raise _Undefined("log of a nonpositive number")
    return mp.log(x)


def _mp_tan(x, fl):
    c = mp.cos(x)
    if c == 0:
        raise _Undefined("tan at a pole")
    return mp.sin(x) / c


#: mpmath floating point at the current ``mp.prec``; an undefined operation raises :class:`_Undefined`
MP = Backend(
    "mpmath", rational=lambda p, q: (lambda env, fl: mp.mpf(p) / q if q != 1 else mp.mpf(p)),
    pi=lambda: (lambda env, fl: +mp.pi), e=lambda: (lambda env, fl: +mp.e), ipow=_mp_ipow,
    rpow=lambda x, p, q, fl: _mp_pow_rat(x, p, q), minmax=lambda vals, take_min, fl: (min if take_min else max)(vals),
    functions={sympy.exp: lambda x, fl: mp.exp(x), sympy.log: _mp_log, sympy.Abs: lambda x, fl: abs(x),
               sympy.sin: lambda x, fl: mp.sin(x), sympy.cos: lambda x, fl: mp.cos(x), sympy.tan: _mp_tan,
               sympy.atan: lambda x, fl: mp.atan(x)})

_BACKENDS = {"iv": IV, "mp": MP}


def _compile(expr: sympy.Expr, index: dict[sympy.Symbol, int], backend: str) -> Callable:
    """Compile ``expr`` into ``fn(env, flags)``; ``env[i]`` is the value of the i-th symbol.

    ``backend`` is ``"iv"`` (mpmath interval context at the current ``iv.prec``)
    or ``"mp"`` (mpmath floating point at the current ``mp.prec``; any undefined
    operation raises :class:`_Undefined`).
    """
    return compile_expr(expr, index, _BACKENDS[backend])


def _is_smooth(expr: sympy.Expr) -> bool:
    """True when ``expr`` has no non-differentiable building blocks (Abs, Min, Max)."""
    return not expr.has(sympy.Abs, sympy.Min, sympy.Max)


# --------------------------------------------------------------------------
# Box parsing and variable maps
# --------------------------------------------------------------------------


def _as_bound(x: Any) -> sympy.Expr:
    if isinstance(x, float):
        if math.isinf(x):
            return sympy.oo if x > 0 else -sympy.oo
        return sympy.Rational(x)
    v = sympy.sympify(x)
    if v.is_Float:
        return sympy.Rational(v)
    if not (v.is_real or v.is_infinite):
        raise ValueError(f"box bound {x!r} is not a real number")
    if v is sympy.zoo or v is sympy.nan:
        raise ValueError(f"box bound {x!r} is not a real number")
    return v


def _parse_range(spec: Any) -> tuple[sympy.Expr, sympy.Expr, bool, bool]:
    """Return ``(lo, hi, lo_open, hi_open)`` for one box entry (see module docstring)."""
    if isinstance(spec, sympy.Interval):
        lo, hi, lo_open, hi_open = spec.start, spec.end, bool(spec.left_open), bool(spec.right_open)
    else:
        spec = tuple(spec)
        if len(spec) == 2:
            lo, hi = _as_bound(spec[0]), _as_bound(spec[1])
            lo_open = hi_open = False
        elif len(spec) == 4:
            lo, hi = _as_bound(spec[0]), _as_bound(spec[1])
            kinds = []
            for k in spec[2:]:
                k = str(k).lower()
                if k not in ("open", "closed"):
                    raise ValueError(f"bound kind must be 'open' or 'closed', got {k!r}")
                kinds.append(k == "open")
            lo_open, hi_open = kinds
        else:
            raise ValueError(f"a box range is (lo, hi) or (lo, hi, lo_kind, hi_kind), got {spec!r}")
    lo, hi = _as_bound(lo), _as_bound(hi)
    if lo is sympy.oo or hi is -sympy.oo:
        raise ValueError("empty range")
    if lo.is_infinite:
        lo_open = True
    if hi.is_infinite:
        hi_open = True
    if bool(lo > hi) or (bool(sympy.Eq(lo, hi)) and (lo_open or hi_open)):
        raise ValueError(f"empty range {spec!r}")
    return lo, hi, lo_open, hi_open


def _mpf_tuple_of(value: sympy.Expr, rnd: str) -> tuple:
    """Outward-rounded mpf endpoint (at the current iv precision) of a finite sympy number."""
    fn = _compile(value, {}, "iv")
    enc = fn([], _Flags())
    return enc._mpi_[0] if rnd == "down" else enc._mpi_[1]


@dataclass
class _Var:
    """One box variable with its map from the bisected variable ``u`` to ``x``."""

    sym: sympy.Symbol
    u: sympy.Symbol
    kind: str  # "finite" | "lower" ([lo, oo)) | "upper" ((-oo, hi]) | "real"
    lo: sympy.Expr
    hi: sympy.Expr
    lo_open: bool
    hi_open: bool
    x_of_u: sympy.Expr = None  # type: ignore[assignment]
    ulo: tuple = None  # type: ignore[assignment]
    uhi: tuple = None  # type: ignore[assignment]
    u_lo_open: bool = False
    u_hi_open: bool = False

    def setup(self) -> None:
        u = self.u
        if not self.lo.is_infinite:
            self._lo_mp = _compile(self.lo, {}, "mp")
        if not self.hi.is_infinite:
            self._hi_mp = _compile(self.hi, {}, "mp")
        if self.kind == "finite":
            self.x_of_u = u
            self.ulo = _mpf_tuple_of(self.lo, "down")
            self.uhi = _mpf_tuple_of(self.hi, "up")
            self.u_lo_open, self.u_hi_open = self.lo_open, self.hi_open
        elif self.kind == "lower":
            self.x_of_u = self.lo + u / (1 - u)
            self.ulo, self.uhi = fzero, from_int(1)
            self.u_lo_open, self.u_hi_open = self.lo_open, True
        elif self.kind == "upper":
            self.x_of_u = self.hi - u / (1 - u)
            self.ulo, self.uhi = fzero, from_int(1)
            self.u_lo_open, self.u_hi_open = self.hi_open, True
        else:
            self.x_of_u = u / (1 - u**2)
            self.ulo, self.uhi = from_int(-1), from_int(1)
            self.u_lo_open = self.u_hi_open = True

    def x_mp(self, uval) -> Any:
        """Original coordinate (mp number, current precision) for a mapped value ``uval``.

        ``uval`` is a raw mpf tuple (taken exactly) or an mp number.

        The image of ``u = 1`` (resp. ``u = -1``) is returned as ``+-mp.inf``.
        """
        uu = mp.make_mpf(uval) if isinstance(uval, tuple) else uval  # exact
        if self.kind == "finite":
            return uu
        # Denominators are formed exactly so that u very close to +-1 still maps
        # to a finite (huge) x instead of rounding to infinity.
        if self.kind == "real":
            den = mp.fsub(1, mp.fmul(uu, uu, exact=True), exact=True)
            return uu / den if den != 0 else mp.inf * mp.sign(uu)
        den = mp.fsub(1, uu, exact=True)
        t = uu / den if den != 0 else mp.inf
        if self.kind == "lower":
            return self._lo_mp(None, None) + t
        return self._hi_mp(None, None) - t

    def _bound_key(self, bound: sympy.Expr) -> Fraction | None:
        return Fraction(int(bound.p), int(bound.q)) if bound.is_Rational else None

    def contains(self, x: Fraction) -> bool:
        """Exact membership of a rational value in the range as given (with open/closed ends)."""
        r = None
        if not self.lo.is_infinite:
            lo = self._bound_key(self.lo)
            if lo is not None:
                if x < lo or (self.lo_open and x == lo):
                    return False
            else:
                r = sympy.Rational(x.numerator, x.denominator)
                if not bool(r > self.lo if self.lo_open else r >= self.lo):
                    return False
        if not self.hi.is_infinite:
            hi = self._bound_key(self.hi)
            if hi is not None:
                if x > hi or (self.hi_open and x == hi):
                    return False
            else:
                r = sympy.Rational(x.numerator, x.denominator) if r is None else r
                if not bool(r < self.hi if self.hi_open else r <= self.hi):
                    return False
        return True


def _mp_number(value: sympy.Expr):
    return _compile(value, {}, "mp")([], None)


def _parse_box(box: dict, names: dict[str, sympy.Symbol] | None = None) -> list[_Var]:
    """Parse a box; string keys are matched by name against ``names`` (the symbols of f)."""
    out: list[_Var] = []
    for sym, spec in box.items():
        if isinstance(sym, str):
            sym = (names or {}).get(sym, sympy.Symbol(sym))
        lo, hi, lo_open, hi_open = _parse_range(spec)
        if lo.is_infinite and hi.is_infinite:
            kind = "real"
        elif hi.is_infinite:
            kind = "lower"
        elif lo.is_infinite:
            kind = "upper"
        else:
            kind = "finite"
        out.append(_Var(sym, sympy.Dummy(f"u_{sym}", real=True), kind, lo, hi, lo_open, hi_open))
    return out


# --------------------------------------------------------------------------
# Decimal points
# --------------------------------------------------------------------------


def _mpf_to_fraction(x) -> Fraction:
    """Exact rational value of a finite mp number or raw mpf tuple (no rounding)."""
    raw = x if isinstance(x, tuple) else mp.mpf(x)._mpf_ if not hasattr(x, "_mpf_") else x._mpf_
    sign, man, exp, _ = raw
    if not man:
        if raw != fzero:
            raise ValueError("non-finite value")
        return Fraction(0)
    val = Fraction(int(man)) * (Fraction(2) ** exp)
    return -val if sign else val


def _decimal_string(m: int, scale: int) -> str:
    """String of the exact decimal ``m * 10**(-scale)`` (no rounding anywhere)."""
    digits = tuple(int(c) for c in str(abs(m)))
    d = Decimal((1 if m < 0 else 0, digits, -scale))
    with localcontext() as ctx:
        ctx.prec = len(digits) + 10
        adj = d.adjusted()
        if -30 <= adj <= 60:
            s = format(d, "f")
            if "." in s:
                s = s.rstrip("0").rstrip(".") or "0"
            return s
        return str(d.normalize())


def _round_decimals(x: Fraction, digits: int = REPORT_DIGITS) -> list[tuple[str, Fraction]]:
    """Nearest, floor and ceiling decimals of ``x`` with ``digits`` significant digits."""
    if x == 0:
        return [("0", Fraction(0))]
    a = abs(x)
    e = len(str(a.numerator)) - len(str(a.denominator))
    while Fraction(10) ** e > a:
        e -= 1
    while Fraction(10) ** (e + 1) <= a:
        e += 1
    scale = digits - 1 - e
    scaled = x * Fraction(10) ** scale
    outs: list[tuple[str, Fraction]] = []
    for m in (round(scaled), math.floor(scaled), math.ceil(scaled)):
        s = _decimal_string(int(m), scale)
        fr = Fraction(Decimal(s))
        if all(fr != o[1] for o in outs):
            outs.append((s, fr))
    return outs


def _fmt_mp(v, digits: int = REPORT_DIGITS) -> str:
    return mp.nstr(v, digits, min_fixed=-30, max_fixed=60)


# --------------------------------------------------------------------------
# Candidate forms
# --------------------------------------------------------------------------


def _sample_interior(vars_: list[_Var], rng: random.Random, n: int) -> list[list[Fraction]]:
    pts = []
    for _ in range(n):
        pt = []
        for v in vars_:
            if v.kind == "finite":
                lo, hi = Fraction(str(sympy.N(v.lo, 30))), Fraction(str(sympy.N(v.hi, 30)))
                t = Fraction(rng.randint(1, 999), 1000)
                pt.append(lo + (hi - lo) * t)
            else:
                t = Fraction(rng.randint(1, 999), 1000)
                if v.kind == "real":
                    t = 2 * t - 1
                with mp.workdps(40):
                    pt.append(_mpf_to_fraction(v.x_mp(mp.mpf(t.numerator) / t.denominator)))
        pts.append(pt)
    return pts


def _agree(ref: Callable, cand: Callable, points: list[list[Fraction]]) -> bool:
    """Numerical check that ``cand`` equals ``ref`` wherever ``ref`` is defined."""
    checked = 0
    with mp.workdps(30):
        for pt in points:
            env = [mp.mpf(x.numerator) / x.denominator for x in pt]
            try:
                r = _mp_check(ref(env, None))
            except (_Undefined, ZeroDivisionError, ValueError, ComplexResult):
                continue
            try:
                c = _mp_check(cand(env, None))
            except (_Undefined, ZeroDivisionError, ValueError, ComplexResult):
                return False
            if abs(r - c) > mp.mpf(10) ** -18 * (1 + abs(r)):
                return False
            checked += 1
    return checked > 0


_MAX_SIMPLIFY_OPS = 400


def _simplified(e: sympy.Expr) -> sympy.Expr | None:
    """``factor(cancel(together(e)))`` for moderately sized ``e``; None when it fails or is too big."""
    if sympy.count_ops(e) > _MAX_SIMPLIFY_OPS:
        return None
    try:
        return sympy.factor(sympy.cancel(sympy.together(e)))
    except (sympy.PolynomialError, NotImplementedError, TypeError, ValueError):
        return None


_MAX_CANCEL_OPS = 3000


def _derived_forms(f: sympy.Expr) -> list[sympy.Expr]:
    """Algebraically equal candidate forms of ``f`` (see module docstring).

    ``cancel(together(f))`` is tried up to ``_MAX_CANCEL_OPS`` operations and
    its ``factor`` up to ``_MAX_SIMPLIFY_OPS``, to keep preprocessing cheap.
    """
    forms: list[sympy.Expr] = []
    if sympy.count_ops(f) > _MAX_CANCEL_OPS:
        return forms
    try:
        c = sympy.cancel(sympy.together(f))
    except (sympy.PolynomialError, NotImplementedError, TypeError, ValueError):
        return forms
    forms.append(c)
    fc = _simplified(c)
    if fc is not None:
        forms.append(fc)
    return forms


# --------------------------------------------------------------------------
# The prover
# --------------------------------------------------------------------------


@dataclass
class _Box:
    lo: list  # mpf tuples (u-space)
    hi: list
    open_lo: list  # face coincides with an original open end
    open_hi: list


class _Prover:
    def __init__(self, f: sympy.Expr, vars_: list[_Var], strict: bool, dps: int,
                 max_boxes: int, time_budget: float) -> None:
        self.f = f
        self.vars = vars_
        self.n = len(vars_)
        self.strict = strict
        self.dps = dps
        self.max_boxes = max_boxes
        self.time_budget = time_budget
        self.x_index = {v.sym: i for i, v in enumerate(vars_)}
        self.u_index = {v.u: i for i, v in enumerate(vars_)}
        self.rng = random.Random(12345)

        # Point evaluator and certifier for the ORIGINAL expression.
        self.f_mp = _compile(f, self.x_index, "mp")
        self.f_iv = _compile(f, self.x_index, "iv")

        # Candidate forms in x, validated, then mapped to u.
        samples = _sample_interior(vars_, self.rng, 8)
        forms_x = [f]
        for g in _derived_forms(f):
            if any(g == h for h in forms_x):
                continue
            try:
                cg = _compile(g, self.x_index, "mp")
            except UnsupportedExpression:
                continue
            if _agree(self.f_mp, cg, samples):
                forms_x.append(g)
        self._u_samples = _sample_interior_u(vars_, self.rng, 8)
        subs = {v.sym: v.x_of_u for v in vars_ if v.x_of_u != v.u}
        ident = {v.sym: v.u for v in vars_}
        forms_u = [g.xreplace(ident) if not subs else g.xreplace({**ident, **subs}) for g in forms_x]
        if subs:
            try:
                extra = sympy.factor(sympy.cancel(sympy.together(forms_u[-1])))
                if all(extra != h for h in forms_u):
                    ce = _compile(extra, self.u_index, "mp")
                    cref = _compile(forms_u[0], self.u_index, "mp")
                    if _agree(cref, ce, self._u_samples):
                        forms_u.append(extra)
            except (sympy.PolynomialError, NotImplementedError, TypeError, ValueError, UnsupportedExpression):
                pass
        self.forms_x = forms_x
        self.forms_u = forms_u
        self.iv_forms = [_compile(g, self.u_index, "iv") for g in forms_u]
        self._grads: dict[int, list[Callable] | None] = {}

        # Statistics.
        self.boxes_examined = 0
        self.discharged = 0
        self.min_margin = math.inf
        self.clipped_boxes = 0
        self.undefined_boxes: list[_Box] = []
        self.stuck_boxes: list[tuple[tuple, _Box]] = []
        self.worst: tuple[Any, dict[str, str], list[Fraction]] | None = None
        self.seen_points: set = set()
        self.counterexample: tuple[dict[str, str], list[Fraction]] | None = None
        self.undefined_point: dict[str, str] | None = None

    # ---------------- gradients ----------------

    def _gradient(self, k: int) -> list[list[Callable]] | None:
        """Interval evaluators of the partial derivatives of form ``k`` (u-space).

        For every coordinate a list of equal expressions is kept: the raw
        derivative and, when it validates numerically, ``factor(cancel(.))`` of
        it (which often fixes the sign, e.g. ``-u/(1-u)**2``); their enclosures
        are intersected.  ``None`` when the form is not smooth or not compilable.
        """
        if k not in self._grads:
            g = self.forms_u[k]
            grads: list[list[Callable]] | None = None
            if _is_smooth(g):
                try:
                    grads = []
                    for v in self.vars:
                        d = sympy.diff(g, v.u)
                        fns = [_compile(d, self.u_index, "iv")]
                        simp = _simplified(d)
                        if simp is not None and simp != d:
                            try:
                                if _agree(_compile(d, self.u_index, "mp"), _compile(simp, self.u_index, "mp"),
                                          self._u_samples):
                                    fns.append(_compile(simp, self.u_index, "iv"))
                            except UnsupportedExpression:
                                pass
                        grads.append(fns)
                except (UnsupportedExpression, TypeError, ValueError):
                    grads = None
            self._grads[k] = grads
        return self._grads[k]

    def _eval_gradient(self, grads: list[list[Callable]], X: list) -> list | None:
        """Intersected enclosures of the partial derivatives, or None.

        The raw derivative (first entry) must evaluate cleanly on the box --
        this is what certifies that the form is differentiable there; the
        simplified variants only tighten the enclosure.
        """
        out = []
        for fns in grads:
            lo, hi = fninf, finf
            for pos, fn in enumerate(fns):
                fl = _Flags()
                try:
                    g = fn(X, fl)
                except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
                    g = None
                if g is None or fl.clipped or fl.singular or not _iv_is_finite(g):
                    if pos == 0:
                        return None
                    continue
                glo, ghi = g._mpi_
                if mpf_lt(lo, glo):
                    lo = glo
                if mpf_lt(ghi, hi):
                    hi = ghi
            if mpf_lt(hi, lo):
                return None
            out.append(_iv_make(lo, hi))
        return out

    # ---------------- bounds ----------------

    def _intervals(self, lo: list, hi: list) -> list:
        return [_iv_make(a, b) for a, b in zip(lo, hi)]

    def _natural(self, X: list) -> tuple[tuple, int | None, bool, bool]:
        """Intersected upper bound over all forms; (U, clean form index, form-0 clipped, undefined)."""
        U = finf
        clean: int | None = None
        clipped0 = False
        for k, fn in enumerate(self.iv_forms):
            fl = _Flags()
            try:
                v = fn(X, fl)
            except _Undefined:
                if k == 0:  # f itself is undefined on the whole box
                    return U, None, clipped0, True
                continue
            except (ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
                continue
            hi = v._mpi_[1]
            if hi == fnan:
                continue
            if k == 0 and fl.clipped:
                clipped0 = True
            if mpf_lt(hi, U):
                U = hi
            if clean is None and not fl.clipped and not fl.singular and _iv_is_finite(v):
                clean = k
            if self._passes(U, False):
                break
        return U, clean, clipped0, False

    def _passes(self, U: tuple, strict_ok: bool) -> bool:
        if self.strict:
            return mpf_lt(U, fzero) or (strict_ok and mpf_le(U, fzero))
        return mpf_le(U, fzero)

    def _bound(self, box: _Box, depth: int = 0) -> tuple[tuple, bool, bool, bool]:
        """Best bound for the box: (U, strict_ok, form-0 clipped, undefined).

        ``strict_ok`` means ``f(p) < U`` (not just ``<=``) for every point of the box.
        """
        X = self._intervals(box.lo, box.hi)
        U, clean, clipped0, undefined = self._natural(X)
        if undefined:
            return U, False, clipped0, True
        best = (U, False)
        if self._passes(U, False) or clean is None or self.n == 0:
            return best[0], best[1], clipped0, False
        grads = self._gradient(clean)
        if grads is None:
            return best[0], best[1], clipped0, False
        G = self._eval_gradient(grads, X)
        if G is None:
            return best[0], best[1], clipped0, False

        def better(cand: tuple[tuple, bool]) -> None:
            nonlocal best
            u, s = cand
            if mpf_lt(u, best[0]) or (u == best[0] and s and not best[1]):
                best = cand

        # Mean-value form around the midpoint.
        form = self.iv_forms[clean]
        mids = [mpf_shift(mpf_add(a, b, 0), -1) for a, b in zip(box.lo, box.hi)]
        try:
            fl2 = _Flags()
            C = [_iv_make(m, m) for m in mids]
            mv = form(C, fl2)
            for gi, xi, ci in zip(G, X, C):
                mv = mv + gi * (xi - ci)
            if not fl2.clipped and mv._mpi_[1] != fnan:
                better((mv._mpi_[1], False))
        except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
            pass
        if self._passes(*best):
            return best[0], best[1], clipped0, False

        # Monotonicity: fix coordinates with a sign-definite partial derivative.
        new_lo, new_hi = list(box.lo), list(box.hi)
        new_olo, new_ohi = list(box.open_lo), list(box.open_hi)
        reduced = False
        strict_here = False
        for i, gi in enumerate(G):
            if box.lo[i] == box.hi[i]:
                continue
            glo, ghi = gi._mpi_
            if mpf_le(fzero, glo):  # nondecreasing: max on the upper face
                new_lo[i] = box.hi[i]
                new_olo[i] = box.open_hi[i]
                reduced = True
                if mpf_lt(fzero, glo) and box.open_hi[i]:
                    strict_here = True
            elif mpf_le(ghi, fzero):  # nonincreasing: max on the lower face
                new_hi[i] = box.lo[i]
                new_ohi[i] = box.open_lo[i]
                reduced = True
                if mpf_lt(ghi, fzero) and box.open_lo[i]:
                    strict_here = True
        if reduced and depth < self.n:
            face = _Box(new_lo, new_hi, new_olo, new_ohi)
            Uf, sf, _, und = self._bound(face, depth + 1)
            if not und:
                better((Uf, sf or strict_here))
        return best[0], best[1], clipped0, False

    # ---------------- points ----------------

    def _point_to_decimal(self, uvals: list) -> tuple[dict[str, str], list[Fraction]] | None:
        """Map a u-point to original coordinates as 50-digit decimals inside the box, or None."""
        names: dict[str, str] = {}
        fracs: list[Fraction] = []
        with mp.workdps(REPORT_DIGITS + 20):
            for v, uval in zip(self.vars, uvals):
                x = v.x_mp(uval)
                if not mp.isfinite(x):
                    return None
                for s, fr in _round_decimals(_mpf_to_fraction(x)):
                    if v.contains(fr):
                        names[str(v.sym)] = s
                        fracs.append(fr)
                        break
                else:
                    return None
        return names, fracs

    def _eval_point(self, fracs: list[Fraction], dps: int):
        with mp.workdps(dps):
            env = [mp.mpf(x.numerator) / x.denominator for x in fracs]
            return _mp_check(self.f_mp(env, None))

    def _certify(self, fracs: list[Fraction]) -> bool:
        return _certify_fracs(self.f_iv, fracs, self.strict, max(self.dps, REPORT_DIGITS) + 10)

    def _is_candidate(self, v) -> bool:
        return v >= 0 if self.strict else v > 0

    def _try_point(self, uvals: list) -> bool:
        """Evaluate f at a point; returns True when a certified counterexample was found.

        Points of the box (as given) at which ``f`` is undefined are recorded in
        ``self.undefined_point``; they prevent the status "proved".
        """
        key = tuple(uvals)
        if key in self.seen_points:
            return False
        self.seen_points.add(key)
        pt = self._point_to_decimal(uvals)
        if pt is None:
            return False
        names, fracs = pt
        try:
            v = self._eval_point(fracs, self.dps)
        except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
            if self.undefined_point is None:
                self.undefined_point = names
            return False
        if self.worst is None or v > self.worst[0]:
            self.worst = (v, names, fracs)
        if not self._is_candidate(v):
            return False
        try:
            v50 = self._eval_point(fracs, REPORT_DIGITS)
        except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
            return False
        if self._is_candidate(v50) and self._certify(fracs):
            self.counterexample = (names, fracs)
            self.worst = (v50, names, fracs)
            return True
        return False

    def _sample_box(self, box: _Box) -> bool:
        """Try the midpoint and (for up to 3 variables) the closed corners of a box."""
        mids = [mpf_shift(mpf_add(a, b, 0), -1) for a, b in zip(box.lo, box.hi)]
        if self._try_point(mids):
            return True
        if self.n <= 3:
            for mask in range(1 << self.n):
                corner = []
                ok = True
                for i in range(self.n):
                    upper = (mask >> i) & 1
                    if box.open_hi[i] if upper else box.open_lo[i]:
                        ok = False  # points on an open face are not in the box
                        break
                    corner.append(box.hi[i] if upper else box.lo[i])
                if ok and self._try_point(corner):
                    return True
        return False

    # ---------------- main loop ----------------

    def run(self) -> tuple[str, str, _Box | None, tuple | None]:
        """Branch and bound.  Returns (status, reason, stuck box or None, its bound or None).

        Boxes are processed level by level (breadth first), and within a level
        by decreasing upper bound of the parent, so that a singular end (e.g.
        the image of infinity) cannot starve the rest of the cover.
        """
        root = _Box([v.ulo for v in self.vars], [v.uhi for v in self.vars],
                     [v.u_lo_open for v in self.vars], [v.u_hi_open for v in self.vars])
        heap: list = [(0, -math.inf, 0, root)]
        counter = 0
        t0 = time.perf_counter()
        # Sample the root box once, so that a worst point is reported even when
        # the first enclosure already proves the claim.
        if self._sample_box(root):
            self.boxes_examined = 1
            return "counterexample", "certified counterexample", None, None

        def stuck_top() -> tuple[_Box, None]:
            entry = min(heap, key=lambda e: (e[1], e[0]))  # largest parent bound
            return entry[3], None

        while heap:
            if self.boxes_examined >= self.max_boxes:
                return ("inconclusive", f"box budget exhausted ({self.max_boxes} boxes)") + stuck_top()
            if time.perf_counter() - t0 > self.time_budget:
                return ("inconclusive", f"time budget exhausted ({self.time_budget:g} s)") + stuck_top()
            depth, _, _, box = heapq.heappop(heap)
            self.boxes_examined += 1
            U, strict_ok, clipped0, undefined = self._bound(box)
            if undefined:
                self.undefined_boxes.append(box)
                continue
            if self._passes(U, strict_ok):
                self.discharged += 1
                if clipped0:
                    # The enclosure was taken on the domain part only: look for
                    # points of the box where f is undefined.
                    self.clipped_boxes += 1
                    if self._sample_box(box):
                        return "counterexample", "certified counterexample", None, None
                margin = -to_float(U) + 0.0  # "+ 0.0" turns -0.0 into 0.0
                if margin < self.min_margin:
                    self.min_margin = margin
                continue
            if self._sample_box(box):
                return "counterexample", "certified counterexample", None, None
            # Bisect along the widest coordinate (in the mapped variables).
            widths = [mpf_sub(b, a, 0) for a, b in zip(box.lo, box.hi)]
            if not widths or all(w == fzero for w in widths):
                self.stuck_boxes.append((U, box))
                continue
            i = max(range(self.n), key=lambda j: to_float(widths[j]))
            mid = mpf_shift(mpf_add(box.lo[i], box.hi[i], 0), -1)
            left = _Box(list(box.lo), list(box.hi), list(box.open_lo), list(box.open_hi))
            right = _Box(list(box.lo), list(box.hi), list(box.open_lo), list(box.open_hi))
            left.hi[i], left.open_hi[i] = mid, False
            right.lo[i], right.open_lo[i] = mid, False
            key = -to_float(U) if U != fnan else -math.inf
            for child in (left, right):
                counter += 1
                heapq.heappush(heap, (depth + 1, key, counter, child))
        if self.undefined_boxes:
            return "inconclusive", "f is undefined on a whole sub-box", self.undefined_boxes[0], None
        if self.stuck_boxes:
            U, box = self.stuck_boxes[0]
            return "inconclusive", "a box could not be bisected further", box, U
        if self.undefined_point is not None:
            pt = ", ".join(f"{k}={v}" for k, v in self.undefined_point.items())
            return "inconclusive", f"every box discharged, but f is undefined at a point of the box ({pt})", None, None
        return "proved", "every box discharged", None, None

    def box_in_x(self, box: _Box) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        with mp.workdps(REPORT_DIGITS + 10):
            for v, a, b in zip(self.vars, box.lo, box.hi):
                xa, xb = v.x_mp(a), v.x_mp(b)
                if xb < xa:
                    xa, xb = xb, xa
                out[str(v.sym)] = [_fmt_mp(xa), _fmt_mp(xb)]
        return out


def _sample_interior_u(vars_: list[_Var], rng: random.Random, n: int) -> list[list[Fraction]]:
    """Random interior points in the mapped (u) coordinates."""
    pts = []
    for _ in range(n):
        pt = []
        for v in vars_:
            with mp.workdps(40):
                a, b = mp.mpf(v.ulo), mp.mpf(v.uhi)
                t = mp.mpf(rng.randint(1, 999)) / 1000
                pt.append(_mpf_to_fraction(a + (b - a) * t))
        pts.append(pt)
    return pts


def _certify_fracs(f_iv: Callable, fracs: list[Fraction], strict: bool, dps: int) -> bool:
    old = iv.prec
    try:
        iv.dps = dps
        env = [iv.mpf(x.numerator) / iv.mpf(x.denominator) if x.denominator != 1 else iv.mpf(x.numerator)
               for x in fracs]
        fl = _Flags()
        try:
            v = f_iv(env, fl)
        except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
            return False
        if fl.clipped or fl.singular or not _iv_is_finite(v):
            return False
        lo = v._mpi_[0]
        return mpf_le(fzero, lo) if strict else mpf_lt(fzero, lo)
    finally:
        iv.prec = old


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def prove_nonpositive(
    f: sympy.Expr,
    box: dict,
    *,
    max_boxes: int = 20000,
    time_budget: float = 10.0,
    dps: int = 50,
    tol: Any = 0,
    strict: bool = False,
) -> IntervalResult:
    """Decide ``f(p) <= tol`` (``< tol`` if ``strict``) for every point ``p`` of ``box``.

    ``box`` maps symbols (or their names) to ranges, see the module docstring.
    ``tol`` (default 0) shifts the threshold; it is converted exactly
    (floats at their binary value), so a positive ``tol`` proves the weaker
    claim ``f <= tol``.  Returns an :class:`IntervalResult`.
    """
    t0 = time.perf_counter()
    f = sympy.sympify(f)
    tol_r = _as_bound(tol)
    if tol_r.is_infinite:
        raise ValueError("tol must be finite")
    if tol_r != 0:
        f = f - tol_r
    vars_ = _parse_box(box, {str(sym): sym for sym in f.free_symbols})
    box_syms = {v.sym for v in vars_}
    missing = f.free_symbols - box_syms
    if missing:
        raise ValueError(f"free symbols without a range in the box: {sorted(map(str, missing))}")
    old_prec = iv.prec
    try:
        iv.dps = dps
        for v in vars_:
            v.setup()
        prover = _Prover(f, vars_, strict, dps, max_boxes, time_budget - (time.perf_counter() - t0))
        status, reason, stuck, stuck_U = prover.run()
        stuck_box = prover.box_in_x(stuck) if stuck is not None else {}
        stuck_upper = ""
        if stuck is not None:
            if stuck_U is None:
                U, _, _, _ = prover._bound(stuck)
            else:
                U = stuck_U
            stuck_upper = _fmt_mp(mp.mpf(U), 20)
    finally:
        iv.prec = old_prec

    worst_point: dict[str, str] = {}
    worst_value = ""
    if prover.worst is not None:
        _, names, fracs = prover.worst
        worst_point = dict(names)
        try:
            v50 = prover._eval_point(fracs, REPORT_DIGITS + 10)
            with mp.workdps(REPORT_DIGITS):
                worst_value = _fmt_mp(v50 + _mp_number(tol_r))  # value of the caller's f
        except (_Undefined, ZeroDivisionError, ValueError, ComplexResult, ArithmeticError):
            worst_value = ""
    elapsed = time.perf_counter() - t0
    return IntervalResult(
        status=status,
        boxes_examined=prover.boxes_examined,
        boxes_in_cover=prover.discharged,
        min_margin=prover.min_margin,
        worst_point=worst_point,
        worst_value=worst_value,
        elapsed_s=elapsed,
        boxes_per_second=prover.boxes_examined / elapsed if elapsed > 0 else 0.0,
        strict=strict,
        reason=reason,
        stuck_box=stuck_box,
        stuck_upper_bound=stuck_upper,
        domain_clipped_boxes=prover.clipped_boxes,
        undefined_boxes=len(prover.undefined_boxes),
        forms=[str(g) for g in prover.forms_x],
    )


_RELATIONS = {
    "<=": ("<=", False), "≤": ("<=", False), "le": ("<=", False), "\\le": ("<=", False), "\\leq": ("<=", False),
    "<": ("<", True), "lt": ("<", True),
    ">=": (">=", False), "≥": (">=", False), "ge": (">=", False), "\\ge": (">=", False), "\\geq": (">=", False),
    ">": (">", True), "gt": (">", True),
}


def prove_inequality(lhs: Any, rhs: Any, box: dict, rel: str = "<=", **kw: Any) -> IntervalResult:
    """Decide ``lhs rel rhs`` on ``box`` with ``rel`` in ``"<=", "<", ">=", ">"``.

    ``lhs <= rhs`` becomes ``lhs - rhs <= 0``; ``lhs >= rhs`` becomes
    ``rhs - lhs <= 0``; the strict relations require the interval upper bound
    of that difference to be strictly below 0.  Keyword arguments go to
    :func:`prove_nonpositive`.  A touching non-strict inequality (equality at
    some point of the box) is proved when an enclosure reaches 0 exactly
    (e.g. via factoring into a square) and otherwise stays inconclusive; it is
    never reported as a counterexample, because a counterexample needs a
    certified strictly positive value of the difference.
    """
    if rel not in _RELATIONS:
        raise ValueError(f"rel must be one of '<=', '<', '>=', '>', got {rel!r}")
    kind, strict = _RELATIONS[rel]
    lhs, rhs = sympy.sympify(lhs), sympy.sympify(rhs)
    f = lhs - rhs if kind in ("<=", "<") else rhs - lhs
    kw.setdefault("strict", strict)
    if kw["strict"] != strict:
        raise ValueError("strictness is given by rel; do not pass a conflicting strict=")
    return prove_nonpositive(f, box, **kw)


def certify_counterexample(f: Any, point: dict, *, strict: bool = False, dps: int = REPORT_DIGITS) -> bool:
    """Replay a counterexample: True iff ``f(point) > 0`` (``>= 0`` if strict) is certified.

    ``point`` maps symbols (or names) to exact values given as decimal strings,
    ints, Fractions or sympy Rationals; the check is an interval evaluation at
    ``dps`` (+10) digits, so True is a proof.
    """
    f = sympy.sympify(f)
    syms = []
    fracs = []
    for s, val in point.items():
        syms.append(sympy.Symbol(s) if isinstance(s, str) else s)
        if isinstance(val, str):
            fracs.append(Fraction(Decimal(val)))
        elif isinstance(val, sympy.Rational):
            fracs.append(Fraction(int(val.p), int(val.q)))
        else:
            fracs.append(Fraction(val))
    # Match symbols by name so that assumptions on the caller's symbols do not matter.
    by_name = {str(s): i for i, s in enumerate(syms)}
    index = {}
    for s in f.free_symbols:
        if str(s) not in by_name:
            raise ValueError(f"point gives no value for {s}")
        index[s] = by_name[str(s)]
    f_iv = _compile(f, index, "iv")
    return _certify_fracs(f_iv, fracs, strict, dps + 10)
