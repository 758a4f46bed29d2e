"""Counterexample constructions: the data they return has the properties the literature states."""

from __future__ import annotations

import numpy as np
import pytest

from optverify.counterexamples import constructions as K


def test_reddi_cyclic_adam_goes_to_plus_one_amsgrad_to_minus_one():
    res = K.reddi_cyclic_comparison(C=3.0, T=3000, alpha=0.1)
    adam, ams = res["adam"], res["amsgrad"]
    assert adam.beta2 == pytest.approx(1 / 10)
    assert adam.final_x > 0.99 and adam.last_cycle_mean > 0.95
    assert ams.final_x < -0.99
    # average regret: Adam's stays bounded away from 0, AMSGrad's decreases
    a300, a3000 = adam.avg_regret_at([300, 3000])
    m300, m3000 = ams.avg_regret_at([300, 3000])
    assert a3000 > 0.5 and a3000 >= 0.9 * a300
    assert m3000 < 0.5 * m300 and m3000 < 0.1
    # the regret curve is the one of the trajectory
    x = adam.trajectory[:-1]
    assert adam.regret[-1] == pytest.approx(K.cyclic_regret_curve(x, 3.0)[-1])


def test_reddi_cyclic_other_variants_return_data():
    r = K.reddi_cyclic("adamal", C=3.0, T=600)
    assert r.trajectory.shape == (601,) and np.all(np.abs(r.trajectory) <= 1.0)
    r = K.reddi_cyclic("amsgrad_feedback", C=3.0, T=600)
    assert r.regret.shape == (600,)
    with pytest.raises(ValueError):
        K.reddi_cyclic("sgd")


def test_sign_counterexample_exact_and_simulated():
    p, delta, sigma = 0.2, 0.05, 1.0
    s = K.sign_counterexample(p=p, delta=delta, sigma=sigma, eta=0.01, T=150, seeds=200)
    assert s.mean_grad == pytest.approx(delta)
    assert s.prob_positive == pytest.approx(p)
    assert s.expected_sign == pytest.approx(2 * p - 1)
    assert s.one_step_change > 0  # negative progress in expectation
    assert s.dist_sign[-1] > 4 * s.dist_sign[0]  # the sign update drifts away
    assert s.dist_sgd[-1] < 2 * s.dist_sgd[0] + 0.05


def test_wilson_separable_problem():
    data = K.wilson_separable(n=12, p=0.6, seed=1)
    assert data.X.shape == (12, 3 + 5 * 12)
    assert data.c == 4.0
    np.testing.assert_allclose(data.X @ data.sign_solution, data.y)  # the sign solution interpolates
    np.testing.assert_allclose(data.X @ data.min_norm, data.y, atol=1e-12)
    assert K.wilson_test_error(data.min_norm, data.p) == 0.0
    assert K.wilson_test_error(data.sign_solution, data.p) == pytest.approx(1 - data.p)
    res = K.wilson_experiment(data, T=3000)
    assert res["gd"]["test_error"] == 0.0 and res["gd"]["cos_min_norm"] > 0.999
    for name in ("adagrad", "adam"):
        assert res[name]["cos_sign"] > 0.999
        assert res[name]["test_error"] == pytest.approx(1 - data.p)
