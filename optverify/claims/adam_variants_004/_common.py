"""Shared pieces for the claims of the slides 004 (Dong-Young Lim, UNIST: Adam and its variants)."""

from __future__ import annotations

from optverify import Source

SOURCE = Source.bundled("004")
FILE = SOURCE.file
claim = SOURCE.claim

# symbols shared across sections, named as the slides name them
from optverify.notation import C, beta1, beta2, eps, g, gamma, k, lam, rho, t  # re-exported: the shared symbols this source uses

__all__ = ['SOURCE', 'FILE', 'claim',  # this source
           'C', 'beta1', 'beta2', 'eps', 'g', 'gamma', 'k', 'lam', 'rho', 't']  # the shared symbols, re-exported
