"""Moment calculus, first version: expectations of polynomials in independent random symbols.

``expectation(expr, moments)`` expands ``expr`` and replaces each power r**k of a
random symbol r by its k-th moment (given as {r: {1: mean, 2: second moment}}),
using independence for products of distinct symbols.  Sums with symbolic limits
are handled term-wise by linearity (the summand's random symbols are replaced
inside the sum).
"""

from __future__ import annotations

import sympy as sp
from sympy.concrete.summations import Sum


def _expect_term(term: sp.Expr, moments: dict) -> sp.Expr:
    coeff, factors = sp.Integer(1), []
    for f in sp.Mul.make_args(term):
        base, exp = f.as_base_exp()
        key = base.func if isinstance(base, sp.core.function.AppliedUndef) else base
        if key in moments and exp.is_integer and exp > 0:
            mom = moments[key]
            if int(exp) not in mom:
                raise ValueError(f"moment {exp} of {base} not given")
            factors.append(mom[int(exp)])
        else:
            coeff *= f
    out = coeff
    for m in factors:
        out *= m
    return out


def expectation(expr: sp.Expr, moments: dict) -> sp.Expr:
    """E[expr] for expr polynomial in the random symbols (or sequence functions) named in ``moments``."""
    expr = sp.sympify(expr)
    if isinstance(expr, Sum):
        return Sum(expectation(expr.function, moments), *expr.limits)
    expr = sp.expand(expr)
    if isinstance(expr, sp.Add):
        return sp.Add(*[expectation(a, moments) for a in expr.args])
    if isinstance(expr, sp.Mul):
        sums = [f for f in expr.args if isinstance(f, Sum)]
        if sums:
            rest = sp.Mul(*[f for f in expr.args if not isinstance(f, Sum)])
            if len(sums) == 1:
                return expectation(rest, moments) * expectation(sums[0], moments) if not _random(rest, moments) else _expect_term(expr, moments)
    return _expect_term(expr, moments)


def _random(expr, moments) -> bool:
    for a in sp.preorder_traversal(expr):
        key = a.func if isinstance(a, sp.core.function.AppliedUndef) else a
        if key in moments:
            return True
    return False
