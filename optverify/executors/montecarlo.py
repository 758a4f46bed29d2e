"""Large Monte Carlo sweeps split across workers: seeds in blocks, statistics merged exactly.

Replicate ``s`` of a Monte Carlo run draws all its noise from counters keyed by ``seed_for(base_seed, s)``
(``optverify.sim``'s counter-based generators), so a *block* of replicates ``[start, stop)`` is a range of
counters: any process can run it, in any order, and it sees exactly the noise the single-process run gives
those replicates.  Each block returns mergeable streaming statistics per measured statistic, (count, mean, M2,
min, max), and the mean final iterate; :func:`merge` combines two blocks with Chan, Golub & LeVeque's pairwise
formulas (exact up to rounding), and :func:`merge_all` folds the blocks in block order, so the merged numbers do
not depend on which worker finished first.

The merge knows nothing of the engine: a block is a :class:`BlockStats`.  The engine enters at one place,
:func:`run_block` (the current ``optverify.sim`` API: one kernel call per replicate); point it at the engine's own
block driver when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

#: default replicates per block: large enough that a block's work dwarfs a task's overhead on a cluster
DEFAULT_BLOCK = 4096


@dataclass(frozen=True)
class BlockStats:
    """Streaming statistics of the replicates of one block (or of a union of blocks).

    Per measured statistic j: ``count[j]`` finite values (NaN ones are skipped and not counted), their ``mean``,
    ``m2`` (the sum of squared deviations from the mean), ``min``, ``max``; ``w_mean`` the mean final iterate over
    the block's ``seeds`` replicates."""

    seeds: int
    count: np.ndarray
    mean: np.ndarray
    m2: np.ndarray
    min: np.ndarray
    max: np.ndarray
    w_mean: np.ndarray

    @classmethod
    def of(cls, values: np.ndarray, w_final: np.ndarray) -> "BlockStats":
        """From per-replicate values (replicates × statistics; NaN skipped) and final iterates (replicates × d)."""
        x = np.asarray(values, dtype=np.float64)
        w = np.asarray(w_final, dtype=np.float64)
        ok = ~np.isnan(x)
        count = ok.sum(axis=0).astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(count > 0, np.where(ok, x, 0.0).sum(axis=0) / count, 0.0)
        dev = np.where(ok, x - mean, 0.0)
        m2 = (dev * dev).sum(axis=0)
        lo = np.where(ok, x, np.inf).min(axis=0, initial=np.inf)
        hi = np.where(ok, x, -np.inf).max(axis=0, initial=-np.inf)
        n = x.shape[0]
        w_mean = w.mean(axis=0) if n else np.zeros(w.shape[1] if w.ndim == 2 else 0)
        return cls(n, count, mean, m2, lo, hi, w_mean)

    @classmethod
    def of_tuple(cls, seeds: int, moments) -> "BlockStats":
        """From an engine's ``(count, mean, M2, min, max, w_mean)`` over ``seeds`` replicates."""
        count, mean, m2, lo, hi, wm = (np.asarray(a, dtype=np.float64) for a in moments)
        return cls(int(seeds), count, mean, m2, lo, hi, wm)

    def variance(self, ddof: int = 1) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.count > ddof, self.m2 / (self.count - ddof), np.nan)


def merge(a: BlockStats, b: BlockStats) -> BlockStats:
    """The statistics of the union of two disjoint blocks (Chan, Golub & LeVeque 1979, pairwise update):

    n = n_a + n_b,  δ = mean_b − mean_a,  mean = mean_a + δ·n_b/n,  M2 = M2_a + M2_b + δ²·n_a·n_b/n.
    """
    n = a.count + b.count
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = b.mean - a.mean
        mean = np.where(n > 0, a.mean + delta * np.where(n > 0, b.count / n, 0.0), 0.0)
        m2 = a.m2 + b.m2 + np.where(n > 0, delta * delta * (a.count * b.count / np.where(n > 0, n, 1.0)), 0.0)
    # a side without values contributes nothing, whatever its (meaningless) mean
    mean = np.where(a.count == 0, b.mean, np.where(b.count == 0, a.mean, mean))
    m2 = np.where(a.count == 0, b.m2, np.where(b.count == 0, a.m2, m2))
    seeds = a.seeds + b.seeds
    w = (a.seeds * a.w_mean + b.seeds * b.w_mean) / seeds if seeds else a.w_mean
    return BlockStats(seeds, n, mean, m2, np.minimum(a.min, b.min), np.maximum(a.max, b.max), w)


def merge_all(blocks: Iterable[BlockStats]) -> BlockStats:
    """Fold blocks left to right (give them in block order: the same order, the same rounding, anywhere)."""
    it = iter(blocks)
    try:
        out = next(it)
    except StopIteration:
        raise ValueError("no blocks to merge") from None
    for b in it:
        out = merge(out, b)
    return out


def split(seeds: int, block: int = DEFAULT_BLOCK) -> list[tuple[int, int]]:
    """Replicates ``0 … seeds − 1`` in blocks ``[start, stop)`` of at most ``block`` replicates, in order."""
    seeds, block = int(seeds), int(block)
    if seeds < 1 or block < 1:
        raise ValueError("seeds and block must be at least 1")
    return [(s, min(s + block, seeds)) for s in range(0, seeds, block)]


@dataclass(frozen=True)
class Sweep:
    """One Monte Carlo run of ``simulate_moments``' arguments: configuration, family, start, horizon, counters."""

    cfg: object
    family: object
    w1: object
    T: int
    base_seed: int = 0
    stream: int = 0
    grad_mode: str = "stochastic"


def run_block(sweep: Sweep, start: int, stop: int) -> BlockStats:
    """Replicates ``[start, stop)`` of ``sweep`` with the current engine: replicate s is one kernel call at seed
    ``seed_for(base_seed, s)`` (exactly the run ``simulate``/``simulate_moments`` make for it)."""
    from optverify.sim import seed_for
    from optverify.sim.algorithms import run as run_one

    rows, finals = [], []
    for s in range(int(start), int(stop)):
        r = run_one(sweep.cfg, sweep.family, sweep.w1, sweep.T, seed=int(seed_for(int(sweep.base_seed), s)),
                    stream=int(sweep.stream), grad_mode=sweep.grad_mode)
        rows.append(list(r.stats.values()))
        finals.append(r.w_final)
    return BlockStats.of(np.array(rows, dtype=np.float64), np.array(finals, dtype=np.float64))


def sweep_moments(sweep: Sweep, seeds: int, block: int = DEFAULT_BLOCK, client=None,
                  block_runner: Callable[[Sweep, int, int], BlockStats] = run_block):
    """``simulate_moments`` over ``seeds`` replicates, split into blocks: on the workers of a
    ``distributed.Client`` when ``client`` is given, else here, one block after another.  Returns the engine's
    ``Moments`` (mean, std and confidence interval per statistic), equal to a single-process run's up to rounding."""
    from optverify.sim.montecarlo import Moments

    blocks = split(seeds, block)
    if client is None:
        parts = [block_runner(sweep, a, b) for a, b in blocks]
    else:
        futures = client.map(block_runner, [sweep] * len(blocks), [a for a, _ in blocks], [b for _, b in blocks], pure=False)
        parts = client.gather(futures)  # in block order, whatever order they finished in
    m = merge_all(parts)
    return Moments(sweep.cfg, int(sweep.T), int(seeds), m.count, m.mean, m.m2, m.min, m.max, m.w_mean)
