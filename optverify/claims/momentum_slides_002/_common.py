"""Shared pieces for the claims of the momentum/Adam slides 002 (Dingzhu Wen, ShanghaiTech)."""

from __future__ import annotations

import sympy as sp

from optverify import Source

SOURCE = Source.bundled("002")
FILE = SOURCE.file
claim = SOURCE.claim

from optverify.notation import L, T, beta, eta, lam, mu  # re-exported: the shared symbols this source uses
w1, w2 = sp.symbols("w_1 w_2", real=True)

__all__ = ['SOURCE', 'FILE', 'claim', 'w1', 'w2',  # this source
           'L', 'T', 'beta', 'eta', 'lam', 'mu']  # the shared symbols, re-exported
