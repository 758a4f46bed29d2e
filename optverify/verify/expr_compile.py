"""One compiler from sympy expressions to evaluation closures, for every arithmetic the prover uses.

:func:`compile_expr` walks a sympy expression once and returns ``fn(env, fl)``,
where ``env[i]`` is the value of the i-th symbol and ``fl`` is side
information a backend may record (the interval backend's flags; ``None``
elsewhere).  What a value *is* — an mpmath interval, an mpmath float, an Arb
ball — and how each operation is carried out is the backend's: a
:class:`Backend` says how to make a constant, raise to an integer or rational
power, take a minimum/maximum, and apply each elementary function.  The tree
walk, the handling of sympy's node types and the rewrites (hyperbolic
functions through ``exp``, ``E**x`` as ``exp(x)``, a general power as
``exp(x·log b)``) are written here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import sympy

__all__ = ["UnsupportedExpression", "Backend", "compile_expr", "MAX_ROOT_DEGREE"]

MAX_ROOT_DEGREE = 64  #: rational exponents p/q with q above this go through exp(x·log b)

_HYPERBOLIC = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)


class UnsupportedExpression(ValueError):
    """An expression node the compiler (or the backend) does not translate."""


@dataclass(frozen=True)
class Backend:
    """The arithmetic of one kind of value.

    ``rational(p, q)``, ``pi()``, ``e()``: constant factories returning ``fn(env, fl)``.
    ``ipow(x, n, fl)``: integer power; ``rpow(x, p, q, fl)``: rational power with 1 < q ≤ MAX_ROOT_DEGREE.
    ``minmax(values, take_min, fl)``.  ``functions``: sympy function → ``op(x, fl)``.
    ``native``: sympy functions the backend evaluates itself instead of the exp rewrite (Arb's sinh, cosh, tanh).
    """

    name: str
    rational: Callable[[int, int], Callable]
    pi: Callable[[], Callable]
    e: Callable[[], Callable]
    ipow: Callable[[Any, int, Any], Any]
    rpow: Callable[[Any, int, int, Any], Any]
    minmax: Callable[[list, bool, Any], Any]
    functions: dict = field(default_factory=dict)
    native: tuple = ()


def compile_expr(expr: sympy.Expr, index: dict[sympy.Symbol, int], backend: Backend) -> Callable:
    """``fn(env, fl)`` evaluating ``expr`` in ``backend``'s arithmetic; ``index`` maps each symbol to its slot in ``env``."""
    B = backend

    def number(value: sympy.Expr) -> Callable:
        if value.is_Float:
            value = sympy.Rational(value)
        if value.is_Rational:
            return B.rational(int(value.p), int(value.q))
        if value is sympy.pi:
            return B.pi()
        if value is sympy.E:
            return B.e()
        raise UnsupportedExpression(f"unsupported constant {value!r}")

    def comp(e: sympy.Expr) -> Callable:
        if e.is_Symbol:
            if e not in index:
                raise UnsupportedExpression(f"symbol {e} is not a box variable")
            i = index[e]
            return lambda env, fl: env[i]
        if e.is_Number or e.is_NumberSymbol:
            if e.is_infinite or e is sympy.nan or e is sympy.zoo:
                raise UnsupportedExpression(f"non-finite constant {e}")
            return number(e)
        if e.is_Add:
            return _sum([comp(a) for a in e.args])
        if e.is_Mul:
            coeff, factors = e.as_coeff_mul()
            parts = [comp(a) for a in factors]
            if coeff == -1:
                prod = _product(parts)
                return lambda env, fl: -prod(env, fl)
            if coeff != 1:
                parts = [number(coeff)] + parts
            return _product(parts)
        if e.is_Pow:
            return power(*e.args)
        if isinstance(e, (sympy.Function, sympy.Min, sympy.Max)):
            return function(e.func, list(e.args))
        raise UnsupportedExpression(f"unsupported expression node {type(e).__name__}: {e}")

    def power(base: sympy.Expr, ex: sympy.Expr) -> Callable:
        if base is sympy.E:
            return comp(sympy.exp(ex, evaluate=False))
        b = comp(base)
        if ex.is_Float:
            ex = sympy.Rational(ex)
        if ex.is_Integer:
            n, ipow = int(ex), B.ipow
            return lambda env, fl: ipow(b(env, fl), n, fl)
        if ex.is_Rational and ex.q <= MAX_ROOT_DEGREE:
            p, q, rpow = int(ex.p), int(ex.q), B.rpow
            return lambda env, fl: rpow(b(env, fl), p, q, fl)
        # general exponent: base**ex = exp(ex·log(base)), base > 0
        lg, ee, exp = function(sympy.log, [base]), comp(ex), B.functions[sympy.exp]
        return lambda env, fl: exp(ee(env, fl) * lg(env, fl), fl)

    def function(func, args: list) -> Callable:
        if func in _HYPERBOLIC and func not in B.native:
            return comp(func(*args).rewrite(sympy.exp))
        if func is sympy.Min or func is sympy.Max:
            parts, take_min, minmax = [comp(a) for a in args], func is sympy.Min, B.minmax
            return lambda env, fl: minmax([g(env, fl) for g in parts], take_min, fl)
        if len(args) != 1:
            raise UnsupportedExpression(f"unsupported function {func}{tuple(args)}")
        op = B.functions.get(func)
        if op is None:
            raise UnsupportedExpression(f"unsupported function {func} in {B.name} arithmetic")
        a = comp(args[0])
        return lambda env, fl: op(a(env, fl), fl)

    return comp(expr)


def _sum(parts: list[Callable]) -> Callable:
    first, rest = parts[0], parts[1:]

    def add(env, fl):
        acc = first(env, fl)
        for g in rest:
            acc = acc + g(env, fl)
        return acc

    return add


def _product(parts: list[Callable]) -> Callable:
    first, rest = parts[0], parts[1:]
    if not rest:
        return first

    def mul(env, fl):
        acc = first(env, fl)
        for g in rest:
            acc = acc * g(env, fl)
        return acc

    return mul
