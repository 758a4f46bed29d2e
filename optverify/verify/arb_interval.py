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

PREC = 64  # bits; enough for the margins a proof needs, fast in C


class UnsupportedArb(ValueError):
    """An expression node this compiler does not translate."""


def ball(lo: Fraction, hi: Fraction | None = None) -> arb:
    """The Arb ball enclosing the closed interval [lo, hi] (a point when hi is None)."""
    if hi is None or hi == lo:
        return arb(fmpq(lo.numerator, lo.denominator))
    mid, rad = (lo + hi) / 2, (hi - lo) / 2
    # exact when both are dyadic with short mantissas (bisection of dyadic ends keeps them so);
    # otherwise Arb rounds the midpoint and the radius outward
    return arb(arb(fmpq(mid.numerator, mid.denominator)), arb(fmpq(rad.numerator, rad.denominator)))


def _const(value: sympy.Expr) -> arb:
    if value.is_Float:
        value = sympy.Rational(value)
    if value.is_Rational:
        return arb(fmpq(int(value.p), int(value.q)))
    if value is sympy.pi:
        return arb.pi()
    if value is sympy.E:
        return arb(1).exp()
    raise UnsupportedArb(f"constant {value!r}")


def _maxmin(vals: list[arb], take_max: bool) -> arb:
    best = vals[0]
    for v in vals[1:]:
        if take_max:
            best = v if v >= best else (best if best >= v else best.union(v))
        else:
            best = v if v <= best else (best if best <= v else best.union(v))
    return best


def compile_arb(expr: sympy.Expr, symbols: list[sympy.Symbol]) -> Callable[[list[arb]], arb]:
    """``fn(env)`` enclosing ``expr`` when ``env[i]`` encloses ``symbols[i]``."""
    index = {s: k for k, s in enumerate(symbols)}

    def comp(e: sympy.Expr) -> Callable:
        if e.is_Symbol:
            if e not in index:
                raise UnsupportedArb(f"symbol {e} is not a box variable")
            k = index[e]
            return lambda env: env[k]
        if e.is_Number or e.is_NumberSymbol:
            if e.is_infinite or e is sympy.nan or e is sympy.zoo:
                raise UnsupportedArb(f"non-finite constant {e}")
            c = _const(e)
            return lambda env: c
        if e.is_Add:
            parts = [comp(a) for a in e.args]

            def add(env):
                acc = parts[0](env)
                for g in parts[1:]:
                    acc = acc + g(env)
                return acc

            return add
        if e.is_Mul:
            parts = [comp(a) for a in e.args]

            def mul(env):
                acc = parts[0](env)
                for g in parts[1:]:
                    acc = acc * g(env)
                return acc

            return mul
        if e.is_Pow:
            base, ex = e.args
            if base is sympy.E:
                return comp(sympy.exp(ex, evaluate=False))
            b = comp(base)
            if ex.is_Integer:
                n = int(ex)
                if n >= 0:
                    return lambda env: b(env) ** n
                return lambda env: arb(1) / (b(env) ** (-n))
            if ex == sympy.S.Half:
                return lambda env: b(env).sqrt()
            if ex.is_Rational and ex.q == 2:
                p = int(ex.p)
                return lambda env: b(env).sqrt() ** p if p > 0 else arb(1) / (b(env).sqrt() ** (-p))
            x = comp(ex)
            return lambda env: (x(env) * b(env).log()).exp()  # base > 0; otherwise not finite
        f = e.func
        if f in (sympy.Max, sympy.Min):
            parts = [comp(a) for a in e.args]
            take_max = f is sympy.Max
            return lambda env: _maxmin([g(env) for g in parts], take_max)
        if len(e.args) != 1:
            raise UnsupportedArb(f"function {e}")
        a = comp(e.args[0])
        table = {
            sympy.exp: lambda v: v.exp(),
            sympy.log: lambda v: v.log(),
            sympy.sin: lambda v: v.sin(),
            sympy.cos: lambda v: v.cos(),
            sympy.atan: lambda v: v.atan(),
            sympy.Abs: lambda v: abs(v),
            sympy.sinh: lambda v: v.sinh(),
            sympy.cosh: lambda v: v.cosh(),
            sympy.tanh: lambda v: v.tanh(),
        }
        if f not in table:
            raise UnsupportedArb(f"function {f}")
        op = table[f]
        return lambda env: op(a(env))

    fn = comp(expr)

    def run(env: list[arb]) -> arb:
        old = ctx.prec
        ctx.prec = PREC
        try:
            return fn(env)
        finally:
            ctx.prec = old

    return run


def finite(v: arb) -> bool:
    return v.is_finite()
