"""Statistics layer: coverage, fits, multiple testing, streaming moments."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as st

from optverify.bounds.stats import (
    StreamingMoments,
    bernstein_ci,
    bonferroni,
    holm,
    loglog_fit,
    mean_ci,
    paired_ratio_ci,
    ratio_ci,
)

REPS = 2000


def binom_slack(p, n, z=4.0):
    return z * np.sqrt(p * (1 - p) / n)


def test_mean_ci_matches_scipy():
    x = np.random.default_rng(0).normal(size=37)
    ci = mean_ci(x, 0.99)
    lo, hi = st.t.interval(0.99, df=36, loc=x.mean(), scale=st.sem(x))
    assert ci.n == 37 and ci.std == pytest.approx(x.std(ddof=1))
    assert (ci.lo, ci.hi) == pytest.approx((lo, hi), rel=1e-12)
    assert ci.contains(x.mean()) and ci.halfwidth > 0
    one = mean_ci([3.0])
    assert one.lo == -np.inf and one.hi == np.inf


def test_t_interval_coverage_99():
    rng = np.random.default_rng(12345)
    mu = 3.0
    data = rng.normal(mu, 2.0, size=(REPS, 20))
    cover = np.mean([mean_ci(row, 0.99).contains(mu) for row in data])
    assert abs(cover - 0.99) < binom_slack(0.99, REPS)


def test_bernstein_coverage_at_least_nominal():
    rng = np.random.default_rng(54321)
    a, b = 2.0, 5.0
    mu = a / (a + b)
    data = rng.beta(a, b, size=(REPS, 50))
    cis = [bernstein_ci(row, 0.0, 1.0, 0.95) for row in data]
    cover = np.mean([c.contains(mu) for c in cis])
    assert cover >= 0.95 - binom_slack(0.95, REPS, z=3.0)
    assert all(0.0 <= c.lo <= c.hi <= 1.0 for c in cis)


def test_bernstein_scaling_and_validation():
    rng = np.random.default_rng(1)
    z = rng.uniform(size=200)
    c01 = bernstein_ci(z, 0.0, 1.0, 0.9)
    c_scaled = bernstein_ci(10 * z - 5, -5.0, 5.0, 0.9)
    assert c_scaled.mean == pytest.approx(10 * c01.mean - 5)
    assert c_scaled.lo == pytest.approx(10 * c01.lo - 5)
    assert c_scaled.hi == pytest.approx(10 * c01.hi - 5)
    with pytest.raises(ValueError):
        bernstein_ci([0.5, 1.5], 0.0, 1.0, 0.9)


def test_bonferroni_and_holm_known_pvalues():
    assert bonferroni(0.05, 5) == pytest.approx(0.01)
    p = np.array([0.01, 0.04, 0.03, 0.005])  # sorted: .005 .01 .03 .04
    # Holm thresholds .0125, .01667, .025, .05: .005 ok, .01 ok, .03 > .025 stop
    np.testing.assert_array_equal(holm(p, 0.05), [True, False, False, True])
    p2 = np.array([0.012, 0.01, 0.02, 0.015])  # Holm rejects all, Bonferroni only two
    np.testing.assert_array_equal(holm(p2, 0.05), [True, True, True, True])
    np.testing.assert_array_equal(p2 <= bonferroni(0.05, 4), [True, True, False, False])
    np.testing.assert_array_equal(holm([0.2, 0.001], 0.05), [False, True])
    assert not holm([0.06, 0.07], 0.05).any()


def test_streaming_moments():
    rng = np.random.default_rng(7)
    x = 1e9 + rng.normal(size=1000)  # large offset: Welford must stay accurate
    sm = StreamingMoments()
    for v in x[:300]:
        sm.push(v)
    sm.push(x[300:700])
    other = StreamingMoments().push(x[700:])
    sm.merge(other)
    assert sm.n == 1000
    assert sm.mean == pytest.approx(x.mean(), rel=1e-15)
    # ulp(1e9) ~ 1.2e-7, so ~1e-8 relative is the attainable accuracy (naive
    # sum-of-squares would be off by O(100))
    assert sm.var == pytest.approx(np.var(x - 1e9, ddof=1), rel=1e-6)
    ci, ref = sm.ci(0.95), mean_ci(x, 0.95)
    assert (ci.lo, ci.hi) == pytest.approx((ref.lo, ref.hi), rel=1e-12)
    assert np.isnan(StreamingMoments().push(1.0).var)


def test_loglog_fit_recovers_sqrt():
    T = np.geomspace(10, 1e5, 12)
    exact = loglog_fit(T, 3 * T**0.5)
    assert exact.slope == pytest.approx(0.5, abs=1e-12)
    assert exact.prefactor == pytest.approx(3.0, rel=1e-10)
    noisy_y = 3 * T**0.5 * np.exp(0.02 * np.random.default_rng(3).normal(size=T.size))
    fit = loglog_fit(T, noisy_y, 0.95)
    assert fit.slope_lo < 0.5 < fit.slope_hi
    assert abs(fit.slope - 0.5) < 0.02 and fit.r2 > 0.99
    with pytest.raises(ValueError):
        loglog_fit([1, 2, 3], [1.0, -1.0, 2.0])


def test_loglog_slope_interval_coverage():
    rng = np.random.default_rng(99)
    T = np.geomspace(10, 1e4, 8)
    cover = np.mean([
        (lambda f: f.slope_lo <= 0.5 <= f.slope_hi)(
            loglog_fit(T, 3 * T**0.5 * np.exp(0.1 * rng.normal(size=T.size)), 0.95))
        for _ in range(REPS)
    ])
    assert abs(cover - 0.95) < binom_slack(0.95, REPS)


def test_ratio_ci():
    x = np.random.default_rng(5).exponential(2.0, size=100)
    r = ratio_ci(x, 4.0, 0.99)
    m = mean_ci(x, 0.99)
    assert r == pytest.approx((m.mean / 4, m.lo / 4, m.hi / 4))
    est, lo, hi = r
    assert lo < est < hi
    with pytest.raises(ValueError):
        ratio_ci(x, 0.0)


def test_paired_ratio_ci():
    y = np.random.default_rng(6).uniform(1, 2, size=50)
    assert paired_ratio_ci(2 * y, y, 0.99) == pytest.approx((2.0, 2.0, 2.0))
    rng = np.random.default_rng(8)
    hits = 0
    for _ in range(REPS):
        yy = rng.normal(5.0, 1.0, size=200)
        xx = 1.5 * yy + rng.normal(0.0, 1.0, size=200)  # E[x]/E[y] = 1.5
        _, lo, hi = paired_ratio_ci(xx, yy, 0.95)
        hits += lo <= 1.5 <= hi
    assert abs(hits / REPS - 0.95) < binom_slack(0.95, REPS)
    with pytest.raises(ValueError):
        paired_ratio_ci([1.0, 2.0], [1.0, -1.0])
