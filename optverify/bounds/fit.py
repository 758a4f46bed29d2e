"""Rate exponents in T: log-log fits on a grid of horizons, compared with a stated rate.

``fit_exponent(T, y, stated=...)`` fits log y = a + p log T by least squares
(``stats.loglog_fit``) and says whether the stated exponent lies in the
confidence interval of p.  ``fit_exponent_mc`` does the same from per-seed
Monte Carlo values at each horizon: the slope of the log of the mean, with a
seed-bootstrap interval (resampling seeds independently at every horizon and
refitting) joined with the OLS t-interval, so both the curvature of the
points and the Monte Carlo noise widen it.

A stated rate with a logarithmic factor, e.g. O(sqrt(T) log T), is compared
with ``log_power=1``: the fit is then of y / (log T)^log_power.  As
``stats.loglog_fit`` warns, lower-order terms bias the slope and are not in
the interval: fit over horizons where the leading term dominates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .stats import loglog_fit

__all__ = ["ExponentFit", "fit_exponent", "fit_exponent_mc"]


@dataclass(frozen=True)
class ExponentFit:
    """Fitted exponent p of y ~ C T^p (optionally after dividing by (log T)^log_power)."""

    slope: float
    lo: float
    hi: float
    prefactor: float
    r2: float
    n: int
    confidence: float
    log_power: float
    stated: float | None
    ols_lo: float
    ols_hi: float
    boot_lo: float | None = None
    boot_hi: float | None = None

    @property
    def consistent(self) -> bool | None:
        """Whether the stated exponent lies in [lo, hi] (None when no exponent was stated)."""
        if self.stated is None:
            return None
        return bool(self.lo <= self.stated <= self.hi)

    @property
    def excess(self) -> float | None:
        """slope - stated: > 0 means the measurement grows faster than stated."""
        return None if self.stated is None else self.slope - self.stated


def _prepare(T, y, log_power):
    T = np.asarray(T, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    if T.size != y.size:
        raise ValueError("T and y must have the same length")
    if np.any(T <= 0):
        raise ValueError("horizons must be > 0")
    if log_power:
        if np.any(T <= 1):
            raise ValueError("a log factor needs horizons > 1")
        y = y / np.log(T) ** log_power
    return T, y


def fit_exponent(T, y, stated: float | None = None, confidence: float = 0.95, log_power: float = 0.0) -> ExponentFit:
    """OLS slope of log y on log T with a t-interval; ``consistent`` = stated in the interval."""
    T, y = _prepare(T, y, log_power)
    f = loglog_fit(T, y, confidence)
    return ExponentFit(f.slope, f.slope_lo, f.slope_hi, f.prefactor, f.r2, f.n, confidence, log_power,
                       None if stated is None else float(stated), f.slope_lo, f.slope_hi)


def _slope(x, ly):
    xm = x.mean()
    return float(np.sum((x - xm) * (ly - ly.mean())) / np.sum((x - xm) ** 2))


def fit_exponent_mc(horizons, values, stated: float | None = None, confidence: float = 0.95,
                    log_power: float = 0.0, n_boot: int = 2000, seed: int = 0) -> ExponentFit:
    """Exponent from per-seed values at each horizon (``values[k]`` = array over seeds at horizons[k]).

    Point estimate: OLS slope of log(mean) on log T.  Interval: the union of
    the OLS t-interval and the percentile interval of ``n_boot`` seed
    bootstraps (each horizon's seeds resampled with replacement).
    """
    T = np.asarray(horizons, dtype=np.float64).ravel()
    vals = [np.asarray(v, dtype=np.float64).ravel() for v in values]
    if len(vals) != T.size:
        raise ValueError("one array of values per horizon")
    means = np.array([v.mean() for v in vals])
    base = fit_exponent(T, means, stated, confidence, log_power)
    _, scale = _prepare(T, np.ones_like(T), log_power)
    x = np.log(T)
    g = np.random.default_rng(seed)
    slopes = np.empty(n_boot)
    for b in range(n_boot):
        m = np.array([v[g.integers(0, v.size, v.size)].mean() for v in vals]) * scale
        if np.any(m <= 0):
            slopes[b] = np.nan
            continue
        slopes[b] = _slope(x, np.log(m))
    slopes = slopes[np.isfinite(slopes)]
    if slopes.size < n_boot // 2:
        raise ValueError("too many bootstrap means <= 0 for a log-log fit")
    a = 0.5 * (1.0 - confidence)
    blo, bhi = (float(q) for q in np.quantile(slopes, [a, 1.0 - a]))
    return ExponentFit(base.slope, min(base.lo, blo), max(base.hi, bhi), base.prefactor, base.r2, base.n,
                       confidence, log_power, base.stated, base.ols_lo, base.ols_hi, blo, bhi)
