"""The simulation engine: each printed update declared once, every backend derived from the declaration.

A declaration (``declaration.Update``: parameter schema, state, step, source line)
lives in ``optverify/sim/updates/<family>.py``.  From it come

* the numba kernel and Monte Carlo drivers (``codegen.py``: generated at run
  time into a cache directory, named by the hash of their text, jitted and
  cached by numba there; a user's update takes the same path);
* the parameter packing (``declaration.pack``: the kernel unpacks by the same schema);
* the any-precision reference (``reference.py``): the same step text run on
  lists of mpmath numbers, for 50-digit replays;
* for a step that asks the problem itself (several gradients, gradients at
  other points, component gradients, a Hessian, keyed draws), the oracle
  words of the step language bound per backend: to the family's numba oracle
  in the kernel (``runtime.py``), to a ``reference.Oracle`` in the reference;
* the equivalence test (tests/test_engine.py: kernel vs reference to 1e-12,
  reference at 50 digits vs the float run, the loaded module is the current
  generation).

Monte Carlo over a block of seeds (for distributing a run, e.g. with Dask)::

    from optverify.sim.engine import mc_block
    n, mean, M2, lo, hi, w_mean = mc_block(cfg, family, w1, T, seed_start, seed_stop,
                                           base_seed=0, stream=0, grad_mode="stochastic")

runs replicates s = seed_start .. seed_stop-1, replicate s at seed
``blockrng.seed_for(base_seed, s)`` (each replicate owns its noise counters
(seed, stream, t, i), so disjoint blocks are independent and a block's result
does not depend on how the seeds were split).  It returns, per statistic of
``tracking.STAT_NAMES``, the count of finite values, their mean and M2 (sum
of squared deviations), min and max, and the mean final iterate; two blocks
merge exactly with ``optverify.sim.montecarlo.merge_moments`` (Chan et al.).
Memory is O(d + statistics), whatever the number of seeds or steps.
"""

from __future__ import annotations

from ..updates import adaptive, distributed, ftrl, momentum, normalized, second_order, sgd
from . import codegen
from .declaration import REQUIRED, Param, State, Update, pack

__all__ = ["BUNDLED", "Param", "State", "Update", "REQUIRED", "pack", "module", "declare", "mc_block",
           "user_updates"]

BUNDLED: dict[str, Update] = {u.name: u for m in (sgd, adaptive, momentum, normalized, distributed, second_order, ftrl)
                              for u in m.UPDATES}
_USER: dict[str, Update] = {}
_MODULES: dict[str, object] = {}


def user_updates() -> dict:
    return dict(_USER)


def module(name: str):
    """The generated module (kernel, mc, mc_block, mc_moments, mc_trajectories) of a declared update."""
    if name not in _MODULES:
        _MODULES[name] = codegen.load(BUNDLED[name] if name in BUNDLED else _USER[name])
    return _MODULES[name]


def declare(name: str, step, params, state=(), source: str = "", doc: str = "", fixed=None,
            exact_gradient: bool = False) -> Update:
    """Declare an update of one's own; it runs on the same engine (``sim.config(name, ...)``, ``run``, ``simulate``).

    ``params``: Param(name, default, encoding, domain) in order; ``state``: State(name, size, init);
    ``step(t, T, w, g, ...)``: in place, written in the step language (``updates/vocabulary.py``); a step
    with the argument ``problem`` calls the oracle words and writes the gradient it uses into g.
    """
    from ..algorithms.registry import register_update

    if name in BUNDLED:
        raise ValueError(f"{name!r} is a bundled update; choose another name")
    u = Update(name, tuple(params), tuple(state), step, source, doc, dict(fixed or {}), exact_gradient)
    u.step_args  # validates the signature against the schema
    codegen.check_names(u)
    _USER[name] = u
    _MODULES.pop(name, None)
    register_update(u)
    return u


def mc_block(cfg, family, w1, T: int, seed_start: int, seed_stop: int, base_seed: int = 0, stream: int = 0,
             grad_mode="stochastic", nchunks: int = 64):
    """Streaming statistics of replicates seed_start..seed_stop-1 (see the module docstring)."""
    from ..algorithms import _prepare, grad_mode_code

    if cfg.spec.update is None:
        raise ValueError(f"{cfg.name} is not a declared update")
    if not 0 <= int(seed_start) < int(seed_stop):
        raise ValueError("need 0 <= seed_start < seed_stop")
    w1, T = _prepare(family, w1, T)
    return module(cfg.name).mc_block(family.P, w1, cfg.prm, grad_mode_code(grad_mode), int(T), int(seed_start),
                                     int(seed_stop), int(base_seed), int(stream), int(nchunks))
