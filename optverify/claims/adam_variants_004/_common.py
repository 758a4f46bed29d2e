"""Shared pieces for the claims of the slides 004 (Dong-Young Lim, UNIST: Adam and its variants)."""

from __future__ import annotations

import sympy as sp

from optverify.claims.sources import claim_factory

FILE = "004_464777fd574b32f3.txt"
claim = claim_factory("004", FILE)

# symbols shared across sections, named as the slides name them
gamma = sp.Symbol("gamma", positive=True)  # the learning rate γ
lam = sp.Symbol("lambda", positive=True)  # the regularisation / weight-decay coefficient λ
beta1 = sp.Symbol("beta_1", positive=True)
beta2 = sp.Symbol("beta_2", positive=True)
rho = sp.Symbol("rho", positive=True)
eps = sp.Symbol("epsilon", positive=True)
C = sp.Symbol("C", positive=True)  # the spike of Reddi et al.'s cyclic problem
t = sp.Symbol("t", integer=True, positive=True)
k = sp.Symbol("k", integer=True, positive=True)
g = sp.Function("g")  # a scalar gradient sequence g_1, g_2, …
