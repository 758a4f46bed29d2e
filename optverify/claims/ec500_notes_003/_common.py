"""Shared pieces for the claims of lecture notes 003 (EC500: Optimization for Machine Learning, A. Cutkosky)."""

from __future__ import annotations

from optverify import Source

SOURCE = Source.bundled("003")
FILE = SOURCE.file
claim = SOURCE.claim

# symbols shared across sections, named as the notes name them (H: smoothness, G: Lipschitz, σ: noise, D: diameter)
from optverify.notation import D, G, H, T, d, eta, mu, sigma, t  # re-exported: the shared symbols this source uses

__all__ = ['SOURCE', 'FILE', 'claim',  # this source
           'D', 'G', 'H', 'T', 'd', 'eta', 'mu', 'sigma', 't']  # the shared symbols, re-exported
