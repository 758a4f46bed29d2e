"""Shared pieces for the claims of paper 001 (Adam-type algorithms as mirror descent / FTPRL; AdamAL)."""

from __future__ import annotations

import sympy as sp

from optverify import Source

SOURCE = Source.bundled("001")
FILE = SOURCE.file
claim = SOURCE.claim

# symbols shared across sections, named as the paper names them
from optverify.notation import alpha, beta1, beta2, eta, g, n, t, tau  # re-exported: the shared symbols this source uses
k = sp.Symbol("k", positive=True)  # the paper's constant k (not a summation index)

# the FTPRL step of eq. (12)/(13) (X = R, one coordinate): with S = σ_{1:t−1}, P = Σ_{τ<t} σ_τ x_τ, C = C_{t−1},
# the centre x_t minimises the previous objective: P = S x_t + C.  The next iterate is (P + σ_t x_t − C − ΔC)/(S + σ_t).
S_prev, sig_t, C_prev, dC, x_t, P_prev = sp.symbols("S_prev sigma_t C_prev DeltaC x_t P_prev", real=True)
S_t = sp.Symbol("S_t", positive=True)  # σ_{1:t} > 0


def ftprl_next(S_before, sigma_now, xt, C_before, delta_C):
    """argmin_x (C_before + ΔC) x + ½ Σ_{τ≤t} σ_τ (x − x_τ)², given that x_t minimised the objective of round t − 1."""
    P_before = S_before * xt + C_before  # first-order condition of round t − 1
    return (P_before + sigma_now * xt - C_before - delta_C) / (S_before + sigma_now)


def lazy_and_greedy(x1, S1, S2, d1, d2):
    """Two rounds on X = [0, ∞) ⊂ R: the FTPRL form (argmin over X of C_t x + ½ Σ_{τ≤t} σ_τ (x − x_τ)², C_t = d_1 + … + d_t,
    σ_{1:t} = S_t) against the projected step x_{t+1} = P_X(x_t − d_t/S_t) that the same budgets give without a constraint.

    argmin_{x ≥ 0} of a + b x + ½ S x² is max(0, −b/S); both methods agree at t = 1.  Returns (x_3 of FTPRL, x_3 projected).
    """
    x1, S1, S2, d1, d2 = (sp.sympify(v) for v in (x1, S1, S2, d1, d2))  # exact arithmetic throughout
    proj = lambda y: sp.Max(0, y)
    x2 = proj(x1 - d1 / S1)
    sigma2 = S2 - S1
    lazy = proj((S1 * x1 + sigma2 * x2 - (d1 + d2)) / S2)
    greedy = proj(x2 - d2 / S2)
    return lazy, greedy

__all__ = ['SOURCE', 'FILE', 'claim', 'k', 'S_prev', 'sig_t', 'C_prev', 'dC', 'x_t', 'P_prev', 'S_t', 'ftprl_next', 'lazy_and_greedy',  # this source
           'alpha', 'beta1', 'beta2', 'eta', 'g', 'n', 't', 'tau']  # the shared symbols, re-exported
