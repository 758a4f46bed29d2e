"""The smallest constant factor in front of a bound that the experiments cannot break.

For experiments e = 1..m with measured samples x_e (per-seed values, or one
exact value) and the stated bound b_e > 0, the ratio r_e = E[x_e] / b_e has
a two-sided t-interval [lo_e, hi_e] at the Bonferroni level
1 - (1 - confidence)/m.  Then

* ``c_point = max_e mean(x_e)/b_e``: the worst ratio measured;
* ``c_upper = max_e hi_e``: every experiment is consistent with the bound
  c * b for any c >= c_upper (the constant the experiments cannot break);
* ``c_lower = max_e lo_e``: the bound c * b with c < c_lower is broken by
  experiment argmax_e lo_e, with family-wise confidence ``confidence``.

``broken`` per experiment = lo_e > 1 (the bound as stated is exceeded with
confidence).  Deterministic experiments (a single value) have lo = hi = the
ratio.  A bound measured per seed (an array paired with the samples, e.g. a
right side that contains a random quantity) gives the delta-method interval
of E[x_e]/E[b_e] (``stats.paired_ratio_ci``).  Samples must be finite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from .stats import mean_ci, paired_ratio_ci

__all__ = ["Experiment", "TightenResult", "tighten", "tighten_samples"]


@dataclass(frozen=True)
class Experiment:
    """One experiment: its instance, the bound, the measured mean and the ratio interval."""

    instance: Any
    bound: float
    n: int
    mean: float
    ratio: float
    lo: float
    hi: float

    @property
    def broken(self) -> bool:
        return bool(self.lo > 1.0)


@dataclass(frozen=True)
class TightenResult:
    c_point: float
    c_upper: float
    c_lower: float
    worst: Experiment
    experiments: list = field(default_factory=list)
    confidence: float = 0.999
    per_test_confidence: float = 0.999

    @property
    def any_broken(self) -> bool:
        return any(e.broken for e in self.experiments)


def _experiment(instance, samples, bound, conf) -> Experiment:
    x = np.asarray(samples, dtype=np.float64).ravel()
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError(f"measurements of {instance!r} must be finite and non-empty")
    bb = np.asarray(bound, dtype=np.float64).ravel()
    if bb.size > 1:  # a bound measured per seed, paired with the samples
        if bb.size != x.size or not (np.all(np.isfinite(bb)) and bb.mean() > 0):
            raise ValueError(f"a per-seed bound of {instance!r} needs one finite value per sample and a mean > 0")
        est, lo, hi = paired_ratio_ci(x, bb, conf)
        return Experiment(instance, float(bb.mean()), x.size, float(x.mean()), float(est), float(lo), float(hi))
    b = float(bb[0]) if bb.size == 1 else float("nan")
    if not (b > 0 and np.isfinite(b)):
        raise ValueError(f"bound must be finite and > 0, got {bound!r} for {instance!r}")
    if x.size == 1:
        r = float(x[0]) / b
        return Experiment(instance, b, 1, float(x[0]), r, r, r)
    ci = mean_ci(x, conf)
    return Experiment(instance, b, x.size, ci.mean, ci.mean / b, ci.lo / b, ci.hi / b)


def tighten_samples(samples: Sequence, bounds: Sequence, instances: Sequence | None = None,
                    confidence: float = 0.999) -> TightenResult:
    """``tighten`` from already measured samples: samples[e] (array or scalar), bounds[e] > 0 (or per seed)."""
    m = len(samples)
    if m == 0 or len(bounds) != m:
        raise ValueError("need one bound per experiment and at least one experiment")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be in (0, 1)")
    per = 1.0 - (1.0 - confidence) / m
    inst = list(instances) if instances is not None else list(range(m))
    exps = [_experiment(i, s, b, per) for i, s, b in zip(inst, samples, bounds)]
    worst = max(exps, key=lambda e: e.hi)
    return TightenResult(max(e.ratio for e in exps), worst.hi, max(e.lo for e in exps), worst, exps,
                         confidence, per)


def tighten(measure_fn: Callable[[Any], Any], bound_fn: Callable[[Any], float], instances: Sequence,
            confidence: float = 0.999) -> TightenResult:
    """Smallest constant c with E[measure] <= c * bound not broken by any experiment.

    ``measure_fn(instance)`` returns the per-seed measurements (array) or one
    exact value; ``bound_fn(instance)`` the stated bound (> 0).  Intervals are
    Bonferroni-corrected over the experiments.
    """
    instances = list(instances)
    return tighten_samples([measure_fn(i) for i in instances], [bound_fn(i) for i in instances],
                           instances, confidence)
