"""Bounds layer: honest statistics for Monte Carlo checks."""

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
