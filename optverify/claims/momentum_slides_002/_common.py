"""Shared pieces for the claims of the momentum/Adam slides 002 (Dingzhu Wen, ShanghaiTech)."""

from __future__ import annotations

import sympy as sp

from optverify.claims.model import Claim, Source
from optverify.claims.sources import excerpt

FILE = "002_8da1d557e39b6fb4.txt"


def claim(label, line, title, kind, conclusion, *, end_line=None, printed=None, **kw) -> Claim:
    return Claim(id=f"002:{label}" if label else f"002:L{line}", source=Source(FILE, line, end_line), title=title, kind=kind,
                 statement_latex=excerpt(FILE, line, end_line, printed), conclusion=conclusion, **kw)


L, mu = sp.symbols("L mu", positive=True)
eta, beta, lam = sp.symbols("eta beta lambda", positive=True)
T, t = sp.symbols("T t", integer=True, positive=True)
w1, w2 = sp.symbols("w_1 w_2", real=True)
