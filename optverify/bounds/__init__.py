"""Bounds layer: honest statistics, rate-exponent fits and tightening for Monte Carlo checks."""

from .fit import ExponentFit, fit_exponent, fit_exponent_mc
from .tighten import Experiment, TightenResult, tighten, tighten_samples
from .stats import (
    LogLogFit,
    MeanCI,
    RatioCI,
    StreamingMoments,
    bernstein_ci,
    bonferroni,
    holm,
    loglog_fit,
    mean_ci,
    paired_ratio_ci,
    ratio_ci,
)

__all__ = [
    "ExponentFit",
    "fit_exponent",
    "fit_exponent_mc",
    "Experiment",
    "TightenResult",
    "tighten",
    "tighten_samples",
    "LogLogFit",
    "MeanCI",
    "RatioCI",
    "StreamingMoments",
    "bernstein_ci",
    "bonferroni",
    "holm",
    "loglog_fit",
    "mean_ci",
    "paired_ratio_ci",
    "ratio_ci",
]
