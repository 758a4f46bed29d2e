"""Moment calculus for linear recurrences with random inputs.

``expectation(expr, moments)`` takes expectations of polynomials in independent
random symbols.  ``ema_moments`` derives, with sympy's ``rsolve``, the mean and
variance of an exponential moving average m_t = β m_{t−1} + (1−β) g_t with
independent inputs of mean μ and variance σ² (constants, so the recurrences for
E[m_t] and Var(m_t) have constant coefficients), from a given m_0.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def _random(expr, moments) -> bool:
    for a in sp.preorder_traversal(expr):
        key = a.func if isinstance(a, sp.core.function.AppliedUndef) else a
        if key in moments:
            return True
    return False


def expectation(expr: sp.Expr, moments: dict) -> sp.Expr:
    """E[expr] for expr polynomial in the random symbols (or sequence functions) named in ``moments``.

    ``moments`` maps a symbol (or an undefined function, for a sequence r(k)) to
    {1: mean, 2: second moment, …}; distinct symbols are independent.
    """
    expr = sp.sympify(expr)
    if isinstance(expr, Sum):
        return Sum(expectation(expr.function, moments), *expr.limits)
    expr = sp.expand(expr)
    if isinstance(expr, sp.Add):
        return sp.Add(*[expectation(a, moments) for a in expr.args])
    if isinstance(expr, sp.Mul):
        sums = [f for f in expr.args if isinstance(f, Sum)]
        rest = sp.Mul(*[f for f in expr.args if not isinstance(f, Sum)])
        if len(sums) == 1 and not _random(rest, moments):
            return rest * expectation(sums[0], moments)
    return _expect_term(expr, moments)


@dataclass
class EMAMoments:
    mean: sp.Expr  # E[m_t]
    var: sp.Expr  # Var(m_t)
    mean_corrected: sp.Expr  # E[m_t / (1 − β^t)]
    var_corrected: sp.Expr  # Var(m_t / (1 − β^t))
    derivation: list


def ema_moments(beta: sp.Symbol, mu: sp.Expr, var: sp.Expr, t: sp.Symbol, m0_mean=0, m0_var=0) -> EMAMoments:
    """Closed forms of E[m_t], Var(m_t) for m_t = β m_{t−1} + (1−β) g_t, g_t independent (μ, σ²)."""
    y = sp.Function("y")
    mean = sp.rsolve(y(t) - beta * y(t - 1) - (1 - beta) * mu, y(t), {y(0): m0_mean})
    v = sp.rsolve(y(t) - beta**2 * y(t - 1) - (1 - beta) ** 2 * var, y(t), {y(0): m0_var})
    corr = 1 - beta**t
    return EMAMoments(
        mean=sp.simplify(mean),
        var=sp.simplify(v),
        mean_corrected=sp.simplify(mean / corr),
        var_corrected=sp.simplify(v / corr**2),
        derivation=[
            f"E[m_t] = β E[m_(t−1)] + (1−β) μ, E[m_0] = {m0_mean}  ⇒  rsolve: {sp.sstr(sp.simplify(mean))}",
            f"Var(m_t) = β² Var(m_(t−1)) + (1−β)² σ², Var(m_0) = {m0_var}  ⇒  rsolve: {sp.sstr(sp.simplify(v))}",
        ],
    )
