"""Shared pieces for the claims of the momentum/Adam slides 002 (Dingzhu Wen, ShanghaiTech)."""

from __future__ import annotations

import sympy as sp

from optverify.claims.sources import claim_factory

FILE = "002_8da1d557e39b6fb4.txt"
claim = claim_factory("002", FILE)

L, mu = sp.symbols("L mu", positive=True)
eta, beta, lam = sp.symbols("eta beta lambda", positive=True)
T, t = sp.symbols("T t", integer=True, positive=True)
w1, w2 = sp.symbols("w_1 w_2", real=True)
