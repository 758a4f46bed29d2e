"""Lecture notes 003: EC500 Optimization for Machine Learning (Ashok Cutkosky, Boston University).

One module per section of the notes, named ``s<NN>_<topic>`` so that a reader
finds Theorem 16.3 in ``s16_per_coordinate_rates``; proof steps live beside the
statement they prove.  Every section module defines ``CLAIMS``; this package
collects them in section order.
"""

from __future__ import annotations

import importlib
import pkgutil

_SECTIONS = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith(("s", "app")) and not m.name.startswith("_"))

CLAIMS = [c for name in _SECTIONS for c in importlib.import_module(f"{__name__}.{name}").CLAIMS]
