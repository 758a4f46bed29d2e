"""Shared pieces of the hand-written algorithm kernels: calling convention and the step language's words.

Calling convention of every kernel (hand-written here, or generated from a
declaration by ``engine/codegen.py``)::

    stats, w_final = kernel(P, w1, prm, grad_mode, T, seed, stream, W)

* ``P``: a ``families.Problem``; ``w1``: float64 start point (length d);
* ``prm``: float64 parameter vector in the order of the algorithm's parameter
  schema (``registry.py``; flags are stored as 0.0 / 1.0 and codes as small
  integers);
* ``grad_mode``: ``families.EXACT`` (0) or ``families.STOCHASTIC`` (1);
* ``T``: number of steps; ``seed``, ``stream``: the noise counters (step t
  uses key (seed, stream, t, k), so every configuration run with the same
  seed sees the same noise: common random numbers);
* ``W``: trajectory buffer, shape (T+1, d) to record w_1..w_{T+1} (row t-1 =
  w_t) or shape (0, d) (``no_record(d)``) to record nothing.

Returns ``stats`` (length ``tracking.NSTAT``, see ``tracking.py``) and
``w_final`` = w_{T+1}.  No defaults anywhere (numba would compile one
specialisation per omitted-argument pattern): pass ints as int, floats as float.

The step-size schedules and projections are the words of the step language
(``updates/vocabulary.py``), compiled here for the hand-written kernels.
"""

from __future__ import annotations

from numba import njit

from ..engine.runtime import no_record, record
from ..updates import vocabulary as _v
from ..updates.vocabulary import PROJECTIONS, SCHEDULES

__all__ = ["PROJECTIONS", "SCHEDULES", "no_record", "record", "project", "step_size"]

step_size = njit(cache=True)(_v.step_size)
project = njit(cache=True)(_v.project)
