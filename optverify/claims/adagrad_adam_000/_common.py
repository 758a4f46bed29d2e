"""Shared pieces for the claims of lecture notes 000 (AdaGrad and Adam)."""

from __future__ import annotations

import sympy as sp

from optverify.claims.sources import claim_factory

FILE = "000_5f54ea678090eb2e.txt"
claim = claim_factory("000", FILE)

# symbols shared across sections, named as the notes name them
t, T, d, i = sp.symbols("t T d i", integer=True, positive=True)
tau = sp.Symbol("tau", integer=True, nonnegative=True)
beta1 = sp.Symbol("beta_1", positive=True)
beta2 = sp.Symbol("beta_2", positive=True)
eps = sp.Symbol("epsilon", positive=True)
sigma = sp.Symbol("sigma", positive=True)
alpha = sp.Symbol("alpha", positive=True)
D_inf = sp.Symbol("D_inf", positive=True)
D_2 = sp.Symbol("D_2", positive=True)
c = sp.Symbol("c", positive=True)
g = sp.Function("g")  # a scalar gradient sequence g_1, g_2, ...
r = sp.Function("r")  # the mean-zero noise sequence r_t
