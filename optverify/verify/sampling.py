"""Exact rational sample points in a claim's parameter domain."""

from __future__ import annotations

import random

import sympy as sp
from sympy.core.function import AppliedUndef


def _rational(x: float) -> sp.Rational:
    return sp.Rational(x).limit_denominator(10**6)


def sample_in_range(rng: random.Random, rng_spec, symbol: sp.Symbol | None = None):
    """An exact rational (or integer) strictly inside a Range, away from open ends."""
    lo, hi = rng_spec.lo, rng_spec.hi
    if rng_spec.integer:
        top = int(min(hi, lo + 12)) if hi is not sp.oo else int(lo) + 12
        return sp.Integer(rng.randint(int(lo), top))
    if lo is -sp.oo and hi is sp.oo:
        return _rational(rng.uniform(-4, 4))
    if hi is sp.oo:
        return sp.nsimplify(lo) + _rational(rng.choice([rng.uniform(0.01, 1), rng.uniform(1, 10)]))
    if lo is -sp.oo:
        return sp.nsimplify(hi) - _rational(rng.choice([rng.uniform(0.01, 1), rng.uniform(1, 10)]))
    flo, fhi = float(lo), float(hi)
    u = rng.choice([rng.uniform(0.02, 0.98), rng.uniform(0.001, 0.05), rng.uniform(0.95, 0.999)])
    val = _rational(flo + u * (fhi - flo))
    if val <= lo:
        val = lo + (hi - lo) / 1000
    if val >= hi:
        val = hi - (hi - lo) / 1000
    return val


def sample_free(rng: random.Random, symbol: sp.Symbol):
    """A value for a symbol with no declared range, honouring its sympy assumptions."""
    if symbol.is_integer:
        low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else -5)
        return sp.Integer(rng.randint(low, low + 8))
    if symbol.is_positive:
        return _rational(rng.choice([rng.uniform(0.05, 1), rng.uniform(1, 5)]))
    if symbol.is_nonnegative:
        return _rational(rng.uniform(0, 5))
    return _rational(rng.uniform(-4, 4))


def sample_point(rng: random.Random, exprs, domain: dict, sequences: dict):
    """A point for every free symbol of ``exprs``; integer-indexed sums are expanded first.

    Returns (point, concrete expressions, sequence values) where the concrete
    expressions have every symbol and every sequence term replaced by exact numbers.
    """
    free = set().union(*(e.free_symbols for e in exprs))
    point = {}
    # integer symbols first: they fix summation limits
    for s in sorted(free, key=lambda s: (not s.is_integer, s.name)):
        point[s] = sample_in_range(rng, domain[s], s) if s in domain else sample_free(rng, s)
    concrete = [sp.sympify(e).subs(point).doit() for e in exprs]
    seq_values = {}
    for e in concrete:
        for app in sorted(e.atoms(AppliedUndef), key=sp.default_sort_key):  # draw g(1), g(2), … in one order, whatever the hash seed
            if app in seq_values:
                continue
            spec = sequences.get(app.func)
            lo, hi = (spec if spec is not None else (-3, 3))
            seq_values[app] = _rational(rng.uniform(float(lo), float(hi)))
    concrete = [e.subs(seq_values) for e in concrete]
    return point, concrete, seq_values
