"""Shared pieces for the claims of lecture notes 000 (AdaGrad and Adam)."""

from __future__ import annotations

import sympy as sp

from optverify import Source

SOURCE = Source.bundled("000")
FILE = SOURCE.file
claim = SOURCE.claim

# symbols shared across sections, named as the notes name them
from optverify.notation import D_2, D_inf, T, alpha, beta1, beta2, d, eps, g, i, sigma, t, tau  # re-exported: the shared symbols this source uses
c = sp.Symbol("c", positive=True)
r = sp.Function("r")  # the mean-zero noise sequence r_t

__all__ = ['SOURCE', 'FILE', 'claim', 'c', 'r',  # this source
           'D_2', 'D_inf', 'T', 'alpha', 'beta1', 'beta2', 'd', 'eps', 'g', 'i', 'sigma', 't', 'tau']  # the shared symbols, re-exported
