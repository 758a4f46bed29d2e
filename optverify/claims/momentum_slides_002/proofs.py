"""Exact proofs for the deterministic claims of 002 (z3)."""

import sympy as sp

from optverify.claims.specs import Range, Semialgebraic


def L72(rate, eta, L, mu, part="main"):
    """η = 2/(L + μ) minimises max(|1 − ηL|, |1 − ημ|): its value is ≤ the value at every η > 0 (L = μ + k, k ≥ 0, μ > 0)."""
    k = sp.Symbol("k", real=True)
    r = rate.subs(L, mu + k)
    return Semialgebraic(r, ">=", r.subs(eta, 2 / (2 * mu + k)),
                         {eta: Range(sp.Integer(0), sp.oo, True), mu: Range(sp.Integer(0), sp.oo, True), k: Range(sp.Integer(0), sp.oo)},
                         part=part, note="every step size η > 0 against η = 2/(L + μ); L = μ + k with k ≥ 0")
