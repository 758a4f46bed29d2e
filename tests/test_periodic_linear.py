"""Certified endpoints of Adam-type methods on periodic linear losses (004 lines 330–448)."""

import random
import time

import mpmath
import pytest

from optverify.checks.periodic_regret import check_periodic_regret, check_regret_probe
from optverify.checks.result import CheckContext
from optverify.claims.specs import PeriodicRegret, RegretProbe
from optverify.counterexamples.periodic_linear import Setting, certify, periodic_orbit, run
from optverify.verify.numctx import MpCtx

REDDI = dict(n=3, C=3.0, beta1=0.0, beta2=0.1, alpha=0.1, schedule="inv_sqrt_t")


def ctx():
    return CheckContext(seed=0, deadline=time.monotonic() + 60)


def test_closed_form_moments_match_the_recursion():
    G = [4.0, -1.0, -1.0, -1.0]
    for beta in (0.0, 0.3, 0.9):
        orbit = periodic_orbit([mpmath.mpf(g) for g in G], mpmath.mpf(beta), MpCtx())
        m = 0.0
        for t in range(1, 60):
            m = beta * m + (1 - beta) * G[(t - 1) % 4]
            closed = float(orbit[(t - 1) % 4] - mpmath.mpf(beta) ** t * orbit[-1])
            assert abs(m - closed) < 1e-12


def test_reddi_instance_adam_goes_to_the_wrong_end_with_the_stated_regret():
    cert = certify(Setting("adam", **REDDI))
    assert cert.endpoint == 1 and cert.t_reach is not None
    # every later cycle loses 2(C − n + 1) = 2 against x* = −1 over 3 steps; the steps vanish with α/√t
    assert float(cert.avg_regret_bound) == pytest.approx(2 / 3, rel=1e-9)
    r = run(Setting("adam", **REDDI), 30000)
    assert r["avg_regret"][-1] > 0.66


def test_sgd_and_amsgrad_reach_the_minimiser():
    for alg in ("sgd", "amsgrad"):
        cert = certify(Setting(alg, **REDDI))
        assert cert.endpoint == -1 and float(cert.avg_regret_bound) == 0.0


def test_no_certificate_when_the_minimiser_is_not_forced():
    cert = certify(Setting("adam", n=4, C=3.0, beta1=0.0, beta2=0.1))
    assert cert.endpoint is None and "C ≤ n − 1" in cert.reason


@pytest.mark.parametrize("bad", [dict(beta1=1.0), dict(beta2=-0.1), dict(alpha=-1.0), dict(n=1), dict(algorithm="adamw"),
                                 dict(schedule="cosine"), dict(beta2=0.0, eps=0.0)])
def test_settings_out_of_domain_are_rejected(bad):
    with pytest.raises(ValueError):
        Setting(**{**REDDI, "algorithm": "adam", **bad})


def test_certificates_agree_with_long_runs_on_random_settings():
    """Whatever is certified must be what the method's own recursion does after t_reach (from x_1 = 0 and from ±1)."""
    rnd = random.Random(5)
    checked = 0
    for _ in range(60):
        n = rnd.choice([2, 3, 4, 6, 10])
        s = dict(algorithm=rnd.choice(["adam", "amsgrad", "sgd"]), n=n, C=n - 1 + rnd.choice([0.3, 1.0, 4.0]),
                 beta1=rnd.choice([0.0, 0.5, 0.9]), beta2=rnd.choice([0.05, 0.5, 0.9, 0.99]), alpha=rnd.choice([0.01, 0.2]),
                 schedule=rnd.choice(["constant", "inv_sqrt_t"]), bias_correction=rnd.random() < 0.5,
                 eps=rnd.choice([0.0, 1e-8]), eps_mode=rnd.choice(["inside", "outside"]))
        cert = certify(Setting(**s))
        if cert.endpoint is None or cert.t_reach > 400_000:
            continue
        T = cert.t_reach + 2 * n
        T -= (T - cert.phase) % n  # x_{T+1} has phase T mod n = the certified phase
        for x1 in (-1.0, 0.0, 1.0):
            x = run(Setting(**s, x1=x1), T)["x"][T]
            assert x == cert.endpoint, (s, x1, cert.reason)
        checked += 1
    assert checked >= 30


def test_check_proves_refutes_and_stays_consistent_for_universal_claims():
    adam, sgd = dict(REDDI, algorithm="adam"), dict(REDDI, algorithm="sgd")
    r = check_periodic_regret(PeriodicRegret((adam,), "+1", compare="amsgrad"), ctx())
    assert r.verdict == "proved" and r.evidence["settings"][0]["amsgrad"]["endpoint"] == -1
    assert "certify" in r.certificate["replay_snippet"]
    planted = check_periodic_regret(PeriodicRegret((adam, sgd), "+1"), ctx())  # a wrong claim: SGD does not fail
    assert planted.verdict == "refuted" and planted.certificate["certificate"]["endpoint"] == -1
    uni = check_periodic_regret(PeriodicRegret((sgd,), "-1", universal=True), ctx())
    assert uni.verdict == "consistent"


def test_probe_counts_witnesses_inside_and_outside_the_region():
    grid = ((0.0, 0.1), (0.5, 0.9), (0.9, 0.1))
    r = check_regret_probe(RegretProbe(lambda b1, b2: b1 < b2**0.5, grid, {"periods": (3, 5, 10, 20)}), ctx())
    assert r.verdict == "consistent"
    assert r.evidence["witnessed_inside"] == "2/2"
    for p in r.evidence["inside_region"]:
        assert p["amsgrad_endpoint"] == -1 and float(p["adam_liminf_avg_regret_ge"]) > 0
