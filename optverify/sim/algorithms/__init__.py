"""Every algorithm printed in the five sources, by name: ``config`` and ``run``.

Each algorithm is an update declared once in ``optverify/sim/updates`` (sgd, adaptive, momentum,
normalized, distributed, second_order); its numba kernel and Monte Carlo drivers are generated from the
declaration (``engine/codegen.py``).  Calling convention of every kernel::

    stats, w_final = kernel(P, w1, prm, grad_mode, T, seed, stream, W, Z, tail_start)

* ``P``: a ``families.Problem``; ``w1``: float64 start point (length d);
* ``prm``: float64 parameter vector in the order of the declaration's parameter schema
  (flags as 0.0 / 1.0, codes as small integers, block boundaries as [nblocks, b_0, ..., b_nblocks]);
* ``grad_mode``: ``families.EXACT`` (0), ``families.STOCHASTIC`` (1) or ``families.COORDINATE`` (2);
* ``T``: number of steps; ``seed``, ``stream``: the noise counters (step t uses key (seed, stream, t, k),
  so every configuration run with the same seed sees the same noise: common random numbers);
* ``W``: trajectory buffer, shape (T+1, d) to record w_1..w_{T+1} (row t-1 = w_t) or shape (0, d)
  (``no_record(d)``) to record nothing;
* ``Z``, ``tail_start``: window sums of w_{t+1} and of the declared state after each step t > tail_start,
  in the rows of Z (``engine/codegen.py``; ``montecarlo.tail_means``, ``run_states``), or ``no_tail()``
  (shape (0, 0)) to sum nothing.

It returns ``stats`` (length ``tracking.NSTAT``, see ``tracking.py``) and ``w_final`` = w_{T+1}.  From
Python use ``config`` and ``run``::

    from optverify.sim import families as F
    from optverify.sim.algorithms import config, run
    fam = F.diagonal_quadratic([1.0, 10.0], wstar=[0.0, 0.0], sigma=0.1)
    res = run(config("adam", eta=0.01, momentum_sign=1.0), fam, w1=[1.0, 1.0], T=1000, seed=3)
    res.stats["final_subopt"], res.w_final
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..families import GRAD_MODES, Family
from ..tracking import STAT_NAMES
from ..engine.runtime import no_record, no_tail
from ..updates.vocabulary import PROJECTIONS, SCHEDULES
from .registry import ALGORITHMS, Config, Spec, config

__all__ = [
    "ALGORITHMS",
    "Config",
    "Spec",
    "config",
    "run",
    "run_trajectory",
    "run_states",
    "RunResult",
    "StateRun",
    "no_record",
    "SCHEDULES",
    "PROJECTIONS",
    "grad_mode_code",
]


def grad_mode_code(grad_mode) -> int:
    if isinstance(grad_mode, str):
        if grad_mode not in GRAD_MODES:
            raise ValueError(f"grad_mode must be one of {sorted(GRAD_MODES)}")
        return GRAD_MODES[grad_mode]
    if int(grad_mode) not in GRAD_MODES.values():
        raise ValueError(f"grad_mode must be one of the codes {GRAD_MODES}")
    return int(grad_mode)


@dataclass(frozen=True)
class RunResult:
    """One run: ``stats`` by name (see ``tracking.py``), w_{T+1}, and the trajectory if recorded."""

    config: Config
    stats: dict
    w_final: np.ndarray
    trajectory: np.ndarray | None = None


def _prepare(family: Family, w1, T: int):
    w1 = np.ascontiguousarray(np.asarray(w1, dtype=np.float64).ravel())
    if w1.size != family.d:
        raise ValueError(f"w1 has length {w1.size}, the family has d = {family.d}")
    if int(T) < 0:
        raise ValueError("T must be >= 0")
    return w1, int(T)


def kernel_args(P, w1, prm, grad_mode=1, T: int = 0, seed: int = 0, stream: int = 0, W=None, Z=None,
                tail_start: int = 0):
    """The arguments of a generated ``kernel`` (codegen): no trajectory and no window sums unless W / Z are given."""
    return (P, w1, prm, grad_mode_code(grad_mode), int(T), int(seed), int(stream),
            no_record(w1.size) if W is None else W, no_tail() if Z is None else Z, int(tail_start))


def run(cfg: Config, family: Family, w1, T: int, seed: int = 0, stream: int = 0,
        grad_mode="stochastic") -> RunResult:
    """Run ``cfg`` for T steps on ``family`` from w1 (streaming statistics, no trajectory)."""
    w1, T = _prepare(family, w1, T)
    S, w = cfg.kernel(*kernel_args(family.P, w1, cfg.prm, grad_mode, T, seed, stream))
    return RunResult(cfg, dict(zip(STAT_NAMES, map(float, S))), w)


@dataclass(frozen=True)
class StateRun:
    """One run with its iterates (``trajectory[t-1]`` = w_t, shape (T+1, d)) and the declared state after every
    step (``state[name][t-1]``: after step t, shape (T, *the state's shape))."""

    config: Config
    stats: dict
    trajectory: np.ndarray
    state: dict


def run_states(cfg: Config, family: Family, w1, T: int, seed: int = 0, stream: int = 0,
               grad_mode="stochastic") -> StateRun:
    """As ``run_trajectory``, also recording the state after each step (e.g. the step size a method computed)."""
    from ..montecarlo import split_rows, state_layout

    w1, T = _prepare(family, w1, T)
    if T < 1:
        raise ValueError("run_states needs T >= 1")
    layout, nz = state_layout(cfg, family, w1.size)
    W = np.empty((T + 1, w1.size))
    Z = np.zeros((T, nz))
    S, _ = cfg.kernel(*kernel_args(family.P, w1, cfg.prm, grad_mode, T, seed, stream, W, Z))
    return StateRun(cfg, dict(zip(STAT_NAMES, map(float, S))), W, split_rows(Z, w1.size, layout)[1])


def run_trajectory(cfg: Config, family: Family, w1, T: int, seed: int = 0, stream: int = 0,
                   grad_mode="stochastic") -> RunResult:
    """As ``run``, also returning the iterates: trajectory[t-1] = w_t, shape (T+1, d)."""
    w1, T = _prepare(family, w1, T)
    W = np.empty((T + 1, w1.size))
    S, w = cfg.kernel(*kernel_args(family.P, w1, cfg.prm, grad_mode, T, seed, stream, W))
    return RunResult(cfg, dict(zip(STAT_NAMES, map(float, S))), w, W)
