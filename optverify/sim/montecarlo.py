"""Monte Carlo over seeds: parallel (prange), common random numbers, streaming statistics.

Replicate s of a run uses seed = ``blockrng.seed_for(base_seed, s)`` and the same
``stream``; so configurations compared with the same ``base_seed`` see the
same noise at every (replicate, step, sample, coordinate): common random
numbers, and paired differences have small variance.  Each replicate is a
sequential kernel call; results are bit-identical across calls and thread
counts.

Three prange drivers per algorithm (generated from its declaration by
``engine/codegen.py``):

* ``mc_<name>``: per-seed statistics, array (seeds, NSTAT), and final
  iterates (seeds, d): O(seeds) memory, no trajectories;
* ``mc_moments_<name>``: streaming mean / variance / min / max of every
  statistic over seeds inside the kernel (Welford per chunk of seeds, chunks
  merged with Chan et al.'s formula in a fixed order): memory independent of
  the number of seeds.  NaN values (e.g. gradient statistics of an online
  run) are skipped and counted out;
* ``mc_trajectories_<name>``: per-seed statistics and every iterate;
and ``tail_means`` (one kernel call per replicate) the per-seed means over a
final window of the steps of w_{t+1} and of every state after step t
(Polyak–Ruppert tail averages of the iterate and of the algorithm's own state,
e.g. Adam's v).

``simulate`` / ``compare`` / ``horizon_sweep`` wrap them for Python callers (a
workload below ``SERIAL_WORK`` coordinate-updates calls the kernel once per
replicate instead of compiling the prange driver: the same numbers)
and turn the per-seed values into confidence intervals with
``optverify.bounds.stats``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats as _st

from ..bounds.stats import MeanCI, bernstein_ci, mean_ci, paired_ratio_ci
from . import engine
from .algorithms import Config, _prepare, grad_mode_code, kernel_args
from .blockrng import seed_for
from .families import Family, is_finite_sum
from .tracking import STAT_NAMES


__all__ = [
    "drivers",
    "MCResult",
    "Moments",
    "simulate",
    "simulate_moments",
    "TailMeans",
    "tail_means",
    "state_layout",
    "split_rows",
    "compare",
    "paired_difference_ci",
    "paired_ratio",
    "HorizonSweep",
    "horizon_sweep",
    "stat_index",
    "merge_moments",
]

N_CHUNKS = 64


def stat_index(name: str) -> int:
    if name not in STAT_NAMES:
        raise ValueError(f"unknown statistic {name!r}; one of {STAT_NAMES}")
    return STAT_NAMES.index(name)


def drivers(cfg: Config):
    """(mc, mc_moments, mc_trajectories) prange drivers of the configuration's algorithm (its generated module)."""
    m = engine.module(cfg.name)
    return m.mc, m.mc_moments, m.mc_trajectories


def merge_moments(a, b):
    """Merge two blocks' (count, mean, M2, min, max, w_mean) exactly (Chan et al.); see ``engine.mc_block``."""
    na, ma, m2a, loa, hia, wa = (np.asarray(x, dtype=np.float64) for x in a)
    nb, mb, m2b, lob, hib, wb = (np.asarray(x, dtype=np.float64) for x in b)
    n = na + nb
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = mb - ma
        frac = np.where(n > 0, nb / np.where(n > 0, n, 1.0), 0.0)
        mean = ma + delta * frac
        m2 = m2a + m2b + delta * delta * na * frac
    # the mean final iterate is weighted by the number of replicates, the largest count of a block's statistics
    ra, rb = float(np.max(na)), float(np.max(nb))
    w = (wa * ra + wb * rb) / max(ra + rb, 1.0)
    return n, np.where(n > 0, mean, 0.0), m2, np.minimum(loa, lob), np.maximum(hia, hib), w


@dataclass(frozen=True)
class Moments:
    """Streaming moments of every statistic over seeds (from ``mc_moments``)."""

    config: Config
    T: int
    seeds: int
    count: np.ndarray
    mean_: np.ndarray
    m2: np.ndarray
    min_: np.ndarray
    max_: np.ndarray
    w_mean: np.ndarray

    def mean(self, name: str) -> float:
        return float(self.mean_[stat_index(name)])

    def std(self, name: str) -> float:
        j = stat_index(name)
        return float(np.sqrt(self.m2[j] / (self.count[j] - 1))) if self.count[j] > 1 else float("nan")

    def ci(self, name: str, confidence: float = 0.99) -> MeanCI:
        """Student-t interval from the streamed mean and variance (as ``bounds.stats.mean_ci``)."""
        j = stat_index(name)
        n = int(self.count[j])
        if n == 0:
            raise ValueError(f"no finite values of {name}")
        m, s = float(self.mean_[j]), self.std(name)
        if n < 2:
            return MeanCI(m, -np.inf, np.inf, n, float("nan"))
        q = _st.t.ppf(0.5 + 0.5 * confidence, df=n - 1)
        hw = q * s / np.sqrt(n)
        return MeanCI(m, m - hw, m + hw, n, s)


@dataclass(frozen=True)
class MCResult:
    """Per-seed statistics of one configuration: ``values(name)`` is an array over seeds."""

    config: Config
    T: int
    base_seed: int
    stream: int
    stats: np.ndarray  # (seeds, NSTAT)
    w_final: np.ndarray  # (seeds, d)
    trajectories: np.ndarray | None = None
    meta: dict = field(default_factory=dict)

    @property
    def seeds(self) -> int:
        return int(self.stats.shape[0])

    def values(self, name: str) -> np.ndarray:
        return self.stats[:, stat_index(name)]

    def mean(self, name: str) -> float:
        return float(np.mean(self.values(name)))

    def ci(self, name: str, confidence: float = 0.99, method: str = "t", lower=None, upper=None) -> MeanCI:
        """Interval for E[stat]: Student t (``method='t'``) or empirical Bernstein (needs a range)."""
        x = self.values(name)
        if method == "t":
            return mean_ci(x, confidence)
        if method == "bernstein":
            if lower is None or upper is None:
                raise ValueError("the Bernstein interval needs the range [lower, upper] of the statistic")
            return bernstein_ci(x, lower, upper, confidence)
        raise ValueError("method must be 't' or 'bernstein'")

    def diverged(self) -> int:
        """Number of seeds whose run produced a non-finite iterate."""
        return int(np.sum(self.values("n_nonfinite") > 0))


def _seeds_ok(seeds: int) -> int:
    if int(seeds) < 1:
        raise ValueError("seeds must be >= 1")
    return int(seeds)


# below this many coordinate-updates (seeds × T × d) ``simulate`` calls the kernel once per replicate from Python
# instead of the prange driver: a cold driver takes several seconds to compile, about what 2·10⁷ updates take to run
SERIAL_WORK = 2 * 10**7


def simulate(cfg: Config, family: Family, w1, T: int, seeds: int = 100, base_seed: int = 0,
             stream: int = 0, grad_mode="stochastic", trajectories: bool = False, parallel: bool | None = None) -> MCResult:
    """Run ``seeds`` replicates; per-seed statistics (and trajectories if asked).

    ``parallel``: the prange driver (True), one kernel call per replicate (False), or by the size of the work
    (None: serial below ``SERIAL_WORK`` coordinate-updates).  Both give the same numbers bit for bit."""
    w1, T = _prepare(family, w1, T)
    seeds = _seeds_ok(seeds)
    gm = grad_mode_code(grad_mode)
    if parallel is None:
        parallel = seeds * max(T, 1) * w1.size > SERIAL_WORK
    if not parallel:
        kernel, d = engine.module(cfg.name).kernel, w1.size
        S, Wall = np.empty((seeds, len(STAT_NAMES))), np.empty((seeds, T + 1, d)) if trajectories else None
        Wf = np.empty((seeds, d))
        for s in range(seeds):
            W = Wall[s] if trajectories else None
            S[s], Wf[s] = kernel(*kernel_args(family.P, w1, cfg.prm, gm, T, seed_for(int(base_seed), s), stream, W))
        return MCResult(cfg, T, int(base_seed), int(stream), S, Wf, Wall)
    if trajectories:
        S, Wall = drivers(cfg)[2](family.P, w1, cfg.prm, gm, T, seeds, int(base_seed), int(stream))
        return MCResult(cfg, T, int(base_seed), int(stream), S, Wall[:, -1, :].copy(), Wall)
    S, Wf = drivers(cfg)[0](family.P, w1, cfg.prm, gm, T, seeds, int(base_seed), int(stream))
    return MCResult(cfg, T, int(base_seed), int(stream), S, Wf)


def simulate_moments(cfg: Config, family: Family, w1, T: int, seeds: int = 100, base_seed: int = 0,
                     stream: int = 0, grad_mode="stochastic", nchunks: int = N_CHUNKS) -> Moments:
    """Streaming version of ``simulate``: memory independent of the number of seeds."""
    w1, T = _prepare(family, w1, T)
    seeds = _seeds_ok(seeds)
    n, mean, m2, lo, hi, wm = drivers(cfg)[1](family.P, w1, cfg.prm, grad_mode_code(grad_mode), T,
                                              seeds, int(base_seed), int(stream), int(nchunks))
    return Moments(cfg, T, seeds, n, mean, m2, lo, hi, wm)


@dataclass(frozen=True)
class TailMeans:
    """Per-seed means over the steps t = start+1 .. T of w_{t+1} (``w``, shape (seeds, d)) and of each state after
    step t (``state[name]``, shape (seeds, *its shape)); with ``blocks`` > 1 a block axis follows the seed axis
    (block b: the b-th of equal parts of the window, batch means).  ``stats`` as ``MCResult.stats``."""

    config: Config
    T: int
    start: int
    stats: np.ndarray
    w: np.ndarray
    state: dict

    def values(self, name: str) -> np.ndarray:
        return self.stats[:, stat_index(name)]


def state_layout(cfg: Config, family: Family, d: int) -> tuple:
    """([(state name, shape)] of the declared update of ``cfg`` in declaration order, nz): the layout of a row of the
    kernel's window sums Z (w first, then each state flattened) and its length."""
    from .engine.declaration import encode

    u = cfg.spec.update
    if u is None:
        raise ValueError(f"{cfg.name} is not a declared update")
    n = family.P.A.shape[0] if is_finite_sum(family.P) else 0
    ints = {p.name: encode(p, cfg.values[p.name]) for p in u.params if p.encoding is int}
    layout = [(s.name, u.state_shape(s, d, n, ints)) for s in u.state]
    return layout, d + sum(int(np.prod(sh)) for _, sh in layout)


def split_rows(Z: np.ndarray, d: int, layout: list) -> tuple:
    """(w, {state: array}) from rows of the kernel's window sums Z (last axis: w, then each state flattened)."""
    state, o = {}, d
    for name, sh in layout:
        size = int(np.prod(sh))
        state[name] = Z[..., o:o + size].reshape((*Z.shape[:-1], *sh))
        o += size
    return Z[..., :d], state


def tail_means(cfg: Config, family: Family, w1, T: int, start: int, seeds: int = 100, base_seed: int = 0,
               stream: int = 0, grad_mode="stochastic", blocks: int = 1) -> TailMeans:
    """Tail averages of the iterate and of the declared state over steps start+1..T, per seed (and per block of the
    window when ``blocks`` > 1); O(seeds·blocks·state) memory."""
    w1, T = _prepare(family, w1, T)
    seeds = _seeds_ok(seeds)
    if not 0 <= int(start) < T:
        raise ValueError("need 0 <= start < T (a window of at least one step)")
    if not 1 <= int(blocks) <= T - int(start):
        raise ValueError("need 1 <= blocks <= T - start")
    layout, nz = state_layout(cfg, family, w1.size)
    # one kernel call per replicate from here (no parallel driver: compiling one takes longer than the runs the checks make)
    kernel, gm = engine.module(cfg.name).kernel, grad_mode_code(grad_mode)
    S, Z = np.empty((seeds, len(STAT_NAMES))), np.zeros((seeds, int(blocks), nz))
    for s in range(seeds):
        S[s], _ = kernel(*kernel_args(family.P, w1, cfg.prm, gm, T, seed_for(int(base_seed), s), stream, Z=Z[s],
                                      tail_start=start))
    edges = -((-np.arange(int(blocks) + 1) * (T - int(start))) // int(blocks))  # step j of the window is in block ⌊jB/N⌋
    Z /= np.diff(edges)[None, :, None]  # steps per block
    w, state = split_rows(Z if blocks > 1 else Z[:, 0, :], w1.size, layout)
    return TailMeans(cfg, T, int(start), S, w, state)


def compare(cfgs, family: Family, w1, T: int, seeds: int = 100, base_seed: int = 0, stream: int = 0,
            grad_mode="stochastic") -> dict:
    """Run several configurations with common random numbers; {label: MCResult}.

    ``cfgs`` is a list of Config (labelled by repr) or a dict {label: Config}.
    """
    items = cfgs.items() if isinstance(cfgs, dict) else [(repr(c), c) for c in cfgs]
    return {label: simulate(c, family, w1, T, seeds, base_seed, stream, grad_mode) for label, c in items}


def paired_difference_ci(a: MCResult, b: MCResult, name: str, confidence: float = 0.99) -> MeanCI:
    """t-interval for E[stat_a - stat_b] from the paired (same-seed) replicates of a and b."""
    if (a.base_seed, a.stream, a.seeds) != (b.base_seed, b.stream, b.seeds):
        raise ValueError("paired comparison needs the same base_seed, stream and number of seeds")
    return mean_ci(a.values(name) - b.values(name), confidence)


def paired_ratio(a: MCResult, b: MCResult, name: str, confidence: float = 0.99):
    """Delta-method interval for E[stat_a] / E[stat_b] from paired replicates."""
    return paired_ratio_ci(a.values(name), b.values(name), confidence)


@dataclass(frozen=True)
class HorizonSweep:
    """One statistic on a grid of horizons: per-seed values, means and t-intervals."""

    name: str
    horizons: np.ndarray
    values: list  # per horizon: array over seeds
    mean: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    confidence: float


def horizon_sweep(cfg: Config, family: Family, w1, horizons, stat: str, seeds: int = 100,
                  base_seed: int = 0, stream: int = 0, grad_mode="stochastic", confidence: float = 0.99,
                  transform=None) -> HorizonSweep:
    """Run each horizon T (same seeds: the runs share their common prefix) and collect ``stat``.

    ``transform(values, T)`` may map the per-seed values first (e.g. divide by a bound).
    """
    Ts = np.asarray(sorted(int(t) for t in horizons))
    vals, means, los, his = [], [], [], []
    for T in Ts:
        r = simulate(cfg, family, w1, int(T), seeds, base_seed, stream, grad_mode)
        v = r.values(stat)
        if transform is not None:
            v = np.asarray(transform(v, int(T)), dtype=np.float64)
        ci = mean_ci(v, confidence)
        vals.append(v)
        means.append(ci.mean)
        los.append(ci.lo)
        his.append(ci.hi)
    return HorizonSweep(stat, Ts, vals, np.array(means), np.array(los), np.array(his), confidence)
