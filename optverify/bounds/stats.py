"""Honest statistics for Monte Carlo checks (pure numpy / scipy).

Every interval here is two-sided at the stated confidence and says what it
assumes:

* ``mean_ci``        Student-t; exact for iid normal data, asymptotic otherwise.
* ``bernstein_ci``   empirical Bernstein (Maurer & Pontil 2009, Thm 4); valid
                     for every n for iid data known to lie in [lower, upper].
* ``loglog_fit``     OLS of log y on log T with a t-interval for the slope;
                     assumes iid homoscedastic residuals in log space, so
                     lower-order terms in y(T) bias the slope and are NOT
                     covered by the interval; fit over a range where the
                     leading power dominates.
* ``ratio_ci``       t-interval of mean(x) divided by a fixed positive bound.
* ``paired_ratio_ci`` delta-method interval for E[x]/E[y] from paired samples;
                     asymptotic, unreliable when mean(y) is near 0 relative
                     to its standard error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import stats as _st

__all__ = [
    "MeanCI",
    "mean_ci",
    "bernstein_ci",
    "bonferroni",
    "holm",
    "StreamingMoments",
    "LogLogFit",
    "loglog_fit",
    "RatioCI",
    "ratio_ci",
    "paired_ratio_ci",
]


def _check_conf(confidence: float) -> float:
    c = float(confidence)
    if not 0.0 < c < 1.0:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    return c


def _as_1d(x, name: str = "x") -> np.ndarray:
    a = np.asarray(x, dtype=np.float64).ravel()
    if a.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"{name} contains non-finite values")
    return a


@dataclass(frozen=True)
class MeanCI:
    """A confidence interval [lo, hi] for a mean; std is the sample std (ddof=1)."""

    mean: float
    lo: float
    hi: float
    n: int
    std: float

    @property
    def halfwidth(self) -> float:
        return 0.5 * (self.hi - self.lo)

    def contains(self, value: float) -> bool:
        return bool(self.lo <= value <= self.hi)


def _t_interval(mean: float, std: float, n: int, confidence: float) -> MeanCI:
    if n < 2:
        return MeanCI(mean, -np.inf, np.inf, n, float("nan"))
    q = _st.t.ppf(0.5 + 0.5 * confidence, df=n - 1)
    hw = q * std / np.sqrt(n)
    return MeanCI(mean, mean - hw, mean + hw, n, std)


def mean_ci(x, confidence: float = 0.99) -> MeanCI:
    """Student-t interval mean +- t_{n-1} s / sqrt(n).

    n = 1 gives the honest (-inf, inf).  Zero sample variance gives a
    zero-width interval (the t formula's answer; use ``bernstein_ci`` if a
    range is known and that matters).
    """
    c = _check_conf(confidence)
    a = _as_1d(x)
    n = a.size
    std = float(np.std(a, ddof=1)) if n > 1 else float("nan")
    return _t_interval(float(np.mean(a)), std, n, c)


def bernstein_ci(x, lower: float, upper: float, confidence: float = 0.99) -> MeanCI:
    """Empirical-Bernstein interval for E[X] with X in [lower, upper] (iid).

    Maurer & Pontil (2009), Theorem 4, for Z in [0, 1] and n >= 2: with
    probability >= 1 - delta,  E Z - mean(Z) <= sqrt(2 V ln(2/delta) / n)
    + 7 ln(2/delta) / (3 (n - 1)),  V the unbiased sample variance.  Rescaled
    to range R = upper - lower and applied to both tails with delta/2 each:

        halfwidth = sqrt(2 s^2 ln(4/delta) / n) + 7 R ln(4/delta) / (3 (n - 1)),

    then clipped to [lower, upper].  Raises if any sample is outside the range.
    """
    c = _check_conf(confidence)
    a = _as_1d(x)
    lower, upper = float(lower), float(upper)
    if not upper > lower:
        raise ValueError("need upper > lower")
    if a.min() < lower or a.max() > upper:
        raise ValueError("samples outside [lower, upper]: the interval would not be valid")
    n = a.size
    mean = float(np.mean(a))
    if n < 2:
        return MeanCI(mean, lower, upper, n, float("nan"))
    var = float(np.var(a, ddof=1))
    log_term = np.log(4.0 / (1.0 - c))
    hw = np.sqrt(2.0 * var * log_term / n) + 7.0 * (upper - lower) * log_term / (3.0 * (n - 1))
    return MeanCI(mean, max(lower, mean - hw), min(upper, mean + hw), n, float(np.sqrt(var)))


def bonferroni(alpha: float, m: int) -> float:
    """Per-test level alpha / m controlling the family-wise error at alpha."""
    if m < 1:
        raise ValueError("m must be >= 1")
    return float(alpha) / int(m)


def holm(pvalues, alpha: float) -> np.ndarray:
    """Holm step-down: boolean reject mask (same order as ``pvalues``), FWER <= alpha.

    Sort p ascending; reject p_(j) (j = 0..m-1) while p_(j) <= alpha / (m - j);
    stop at the first failure.
    """
    p = np.asarray(pvalues, dtype=np.float64).ravel()
    m = p.size
    reject = np.zeros(m, dtype=bool)
    order = np.argsort(p, kind="stable")
    for j, idx in enumerate(order):
        if p[idx] <= alpha / (m - j):
            reject[idx] = True
        else:
            break
    return reject


class StreamingMoments:
    """Welford running mean / variance of a stream of scalar observations.

    ``push(x)`` accepts a scalar or an array (each element is one
    observation; batches are merged with Chan et al.'s pairwise formula).
    ``merge(other)`` combines two accumulators in place and returns self.
    """

    __slots__ = ("n", "mean", "_m2")

    def __init__(self) -> None:
        self.n = 0
        self.mean = 0.0
        self._m2 = 0.0

    def _combine(self, n_b: int, mean_b: float, m2_b: float) -> None:
        if n_b == 0:
            return
        n_a = self.n
        n = n_a + n_b
        delta = mean_b - self.mean
        self.mean = self.mean + delta * (n_b / n)
        self._m2 = self._m2 + m2_b + delta * delta * (n_a * n_b / n)
        self.n = n

    def push(self, x) -> "StreamingMoments":
        a = np.asarray(x, dtype=np.float64)
        if a.ndim == 0:
            xv = float(a)
            self.n += 1
            delta = xv - self.mean
            self.mean += delta / self.n
            self._m2 += delta * (xv - self.mean)
        elif a.size:
            a = a.ravel()
            mb = float(np.mean(a))
            self._combine(a.size, mb, float(np.sum((a - mb) ** 2)))
        return self

    def merge(self, other: "StreamingMoments") -> "StreamingMoments":
        self._combine(other.n, other.mean, other._m2)
        return self

    @property
    def var(self) -> float:
        """Unbiased sample variance (ddof=1); nan for n < 2."""
        return self._m2 / (self.n - 1) if self.n > 1 else float("nan")

    @property
    def std(self) -> float:
        return float(np.sqrt(self.var))

    def ci(self, confidence: float = 0.99) -> MeanCI:
        """Student-t interval from the accumulated moments (same as ``mean_ci``)."""
        if self.n == 0:
            raise ValueError("no observations")
        return _t_interval(self.mean, self.std, self.n, _check_conf(confidence))


@dataclass(frozen=True)
class LogLogFit:
    """log y = intercept + slope log T; y ~ exp(intercept) T^slope."""

    slope: float
    intercept: float
    slope_lo: float
    slope_hi: float
    slope_stderr: float
    n: int
    r2: float

    @property
    def prefactor(self) -> float:
        return float(np.exp(self.intercept))


def loglog_fit(T, y, confidence: float = 0.95) -> LogLogFit:
    """OLS fit of log y against log T with a t-interval (n - 2 df) on the slope.

    Needs >= 3 distinct T and y > 0.  With exactly collinear points the
    interval has zero width.
    """
    c = _check_conf(confidence)
    x = np.log(_as_1d(T, "T"))
    yv = _as_1d(y, "y")
    if x.size != yv.size:
        raise ValueError("T and y must have the same length")
    if np.any(yv <= 0):
        raise ValueError("y must be > 0 for a log-log fit")
    ly = np.log(yv)
    n = x.size
    if n < 3 or np.unique(x).size < 2:
        raise ValueError("need at least 3 points and 2 distinct T")
    xm, ym = x.mean(), ly.mean()
    sxx = float(np.sum((x - xm) ** 2))
    slope = float(np.sum((x - xm) * (ly - ym)) / sxx)
    intercept = float(ym - slope * xm)
    resid = ly - (intercept + slope * x)
    sse = float(np.sum(resid ** 2))
    sst = float(np.sum((ly - ym) ** 2))
    se = float(np.sqrt(sse / (n - 2) / sxx))
    q = _st.t.ppf(0.5 + 0.5 * c, df=n - 2)
    r2 = 1.0 - sse / sst if sst > 0 else 1.0
    return LogLogFit(slope, intercept, slope - q * se, slope + q * se, se, n, r2)


class RatioCI(NamedTuple):
    """Point estimate and two-sided interval of a ratio; unpacks as (estimate, lo, hi)."""

    estimate: float
    lo: float
    hi: float


def ratio_ci(x, bound: float, confidence: float = 0.99) -> RatioCI:
    """CI for E[x] / bound with a fixed (non-random) positive bound: t-interval / bound."""
    b = float(bound)
    if not (b > 0 and np.isfinite(b)):
        raise ValueError("bound must be finite and > 0")
    ci = mean_ci(x, confidence)
    return RatioCI(ci.mean / b, ci.lo / b, ci.hi / b)


def paired_ratio_ci(x, y, confidence: float = 0.99) -> RatioCI:
    """Delta-method CI for E[x] / E[y] from paired per-seed samples (x_s, y_s).

    R = mean(x)/mean(y);  Var(R) ~ (s_x^2 - 2 R s_xy + R^2 s_y^2) / (n mean(y)^2),
    interval R +- t_{n-1} sqrt(Var(R)).  Raises if mean(y) == 0.
    """
    c = _check_conf(confidence)
    xa, ya = _as_1d(x, "x"), _as_1d(y, "y")
    if xa.size != ya.size:
        raise ValueError("x and y must be paired (same length)")
    n = xa.size
    mx, my = float(xa.mean()), float(ya.mean())
    if my == 0.0:
        raise ValueError("mean(y) is 0: ratio undefined")
    r = mx / my
    if n < 2:
        return RatioCI(r, -np.inf, np.inf)
    cov = np.cov(xa, ya, ddof=1)
    var_r = (cov[0, 0] - 2.0 * r * cov[0, 1] + r * r * cov[1, 1]) / (n * my * my)
    se = float(np.sqrt(max(var_r, 0.0)))
    q = _st.t.ppf(0.5 + 0.5 * c, df=n - 1)
    return RatioCI(r, r - q * se, r + q * se)
