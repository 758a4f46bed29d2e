"""Arb ball arithmetic (python-flint) for sympy expressions: enclosures of a function over a box.

:func:`compile_arb` turns a sympy expression into ``fn(env) -> arb``, where
``env[i]`` is an Arb ball enclosing the i-th variable; the result is a ball
that contains every value of the expression at the points of the balls (Arb
rounds outward in every operation).  Where the expression may be undefined on
the balls (log of a ball reaching 0, division by a ball containing 0) the
result is not finite; callers then fall back to mpmath intervals, which carry
infinite end points (:mod:`optverify.verify.interval`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

import sympy
from flint import arb, ctx, fmpq

from optverify.verify.expr_compile import Backend, UnsupportedExpression, compile_expr

PREC = 64  # bits; enough for the margins a proof needs, fast in C


#: the name the Arb prover catches; the compiler is shared with the mpmath backends
UnsupportedArb = UnsupportedExpression


def ball(lo: Fraction, hi: Fraction | None = None) -> arb:
    """The Arb ball enclosing the closed interval [lo, hi] (a point when hi is None)."""
    if hi is None or hi == lo:
        return arb(fmpq(lo.numerator, lo.denominator))
    mid, rad = (lo + hi) / 2, (hi - lo) / 2
    # exact when both are dyadic with short mantissas (bisection of dyadic ends keeps them so);
    # otherwise Arb rounds the midpoint and the radius outward
    return arb(arb(fmpq(mid.numerator, mid.denominator)), arb(fmpq(rad.numerator, rad.denominator)))


def _maxmin(vals: list[arb], take_max: bool) -> arb:
    best = vals[0]
    for v in vals[1:]:
        if take_max:
            best = v if v >= best else (best if best >= v else best.union(v))
        else:
            best = v if v <= best else (best if best <= v else best.union(v))
    return best


def _arb_rational(p: int, q: int):
    c = arb(fmpq(p, q))
    return lambda env, fl: c


def _arb_ipow(x: arb, n: int, fl) -> arb:
    return x**n if n >= 0 else arb(1) / (x ** (-n))


def _arb_rpow(x: arb, p: int, q: int, fl) -> arb:
    if q == 2:
        r = x.sqrt()
        return r**p if p > 0 else arb(1) / (r ** (-p))
    return (arb(fmpq(p, q)) * x.log()).exp()  # base > 0; otherwise not finite


def _arb_constant(make: Callable[[], arb]):
    def factory():
        c = make()
        return lambda env, fl: c

    return factory


#: Arb balls at the precision in force (``compile_arb`` runs at :data:`PREC`); undefined values come out not finite
ARB = Backend(
    "Arb", rational=_arb_rational, pi=_arb_constant(arb.pi), e=_arb_constant(lambda: arb(1).exp()),
    ipow=_arb_ipow, rpow=_arb_rpow, minmax=lambda vals, take_min, fl: _maxmin(vals, not take_min),
    functions={sympy.exp: lambda v, fl: v.exp(), sympy.log: lambda v, fl: v.log(), sympy.sin: lambda v, fl: v.sin(),
               sympy.cos: lambda v, fl: v.cos(), sympy.atan: lambda v, fl: v.atan(), sympy.Abs: lambda v, fl: abs(v),
               sympy.sinh: lambda v, fl: v.sinh(), sympy.cosh: lambda v, fl: v.cosh(),
               sympy.tanh: lambda v, fl: v.tanh()},
    native=(sympy.sinh, sympy.cosh, sympy.tanh))


def compile_arb(expr: sympy.Expr, symbols: list[sympy.Symbol]) -> Callable[[list[arb]], arb]:
    """``fn(env)`` enclosing ``expr`` when ``env[i]`` encloses ``symbols[i]``."""
    fn = compile_expr(expr, {s: k for k, s in enumerate(symbols)}, ARB)

    def run(env: list[arb]) -> arb:
        old = ctx.prec
        ctx.prec = PREC
        try:
            return fn(env, None)
        finally:
            ctx.prec = old

    return run


def finite(v: arb) -> bool:
    return v.is_finite()
