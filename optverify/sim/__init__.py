"""Simulation layer: one engine for every printed update, problem families, one noise generator, Monte Carlo.

* ``updates/``: each printed update declared once (parameter schema, state,
  step, source line); ``engine/``: the numba kernels and Monte Carlo drivers
  generated from the declarations, the any-precision reference, user
  declarations (``engine.declare``) and the seed-block entry point for
  distributed runs (``engine.mc_block``);
* ``families.py``: the problem families; ``blockrng.py``: the counter-based
  noise; ``algorithms/``: the registry of the declared updates by name
  (``config``, ``run``); ``montecarlo.py``: many seeds, streaming statistics.
"""

from .numba_cache import install as _install_numba_cache

_install_numba_cache()  # before any jitted module: every cached sim function is keyed by all sim sources

from .parallel_layer import prefer_fork_safe_layer

# Before any kernel runs: the runner forks one child per claim, and GNU OpenMP aborts forked children
# of a process that already ran a parallel kernel.  One place decides the layer, at import.
prefer_fork_safe_layer()

from .families import Family, Problem
from .algorithms import ALGORITHMS, Config, RunResult, config, run, run_trajectory
from .montecarlo import MCResult, Moments, compare, horizon_sweep, merge_moments, simulate, simulate_moments
from .engine import declare, mc_block
from .blockrng import categorical_index, rademacher, seed_for, uniform, uniform_array

__all__ = [
    "Family",
    "Problem",
    "ALGORITHMS",
    "Config",
    "RunResult",
    "config",
    "run",
    "run_trajectory",
    "MCResult",
    "Moments",
    "compare",
    "horizon_sweep",
    "merge_moments",
    "simulate",
    "simulate_moments",
    "declare",
    "mc_block",
    "categorical_index",
    "rademacher",
    "seed_for",
    "uniform",
    "uniform_array",
]
