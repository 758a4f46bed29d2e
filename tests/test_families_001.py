"""Known truths for the instance families, the AdamAL reference and the Reddi construction added for paper 001."""

import math
import time

import mpmath
import pytest
import sympy as sp

from optverify.checks.construction import check_non_convergence
from optverify.checks.instance import check_instances
from optverify.checks.result import CheckContext
from optverify.claims.specs import InstanceSearch, NonConvergence
from optverify.counterexamples.families import Measured, adamal_two_point, adaptive_budget, composite_ftprl, ftprl_form
from optverify.counterexamples.reddi_online import C, adamal_on_reddi
from optverify.sim.engine.reference import Step, trajectory
from optverify.sim.engine.replay import run_on_quadratic
from optverify.verify.numctx import FloatCtx, MpCtx

F = FloatCtx()
x_alg, x_md = sp.Symbol("x_alg", real=True), sp.Symbol("x_md", real=True)
INST = {"T": 6, "x1": 0.3, "beta1": 0.9, "beta2": 0.99, "k": 2.0, "g": [1.0, -2.0, 0.5, 3.0, 0.0, -1.0], "eta": [0.5, 0.3, 0.2, 1.0, 0.1, 0.7]}


def ctx(seed=0):
    return CheckContext(seed=seed, deadline=time.monotonic() + 60)


# ---------------------------------------------------------------- FTPRL forms
@pytest.mark.parametrize("method", ["sgd_inv_t", "sgd_fixed", "sgd", "adam", "sgdm", "adagrad"])
def test_ftprl_form_reproduces_the_method_exactly(method):
    fam = ftprl_form.bind(method=method)
    assert fam.evaluate(INST, F)["max_gap"] < 1e-12
    with mpmath.workdps(50):
        assert fam.evaluate(INST, MpCtx(50))["max_gap"] < mpmath.mpf(10) ** -45


def test_ftprl_form_by_hand_sgd_with_eta_one_over_t():
    # x_1 = 0, g = (1, 1): SGD x_2 = −1, x_3 = −1.5; FTPRL with σ_τ = 1: x_2 = (0 − 1)/1, x_3 = (0 + (−1) − 2)/2
    vals = ftprl_form.bind(method="sgd_inv_t").evaluate({**INST, "T": 2, "x1": 0.0, "g": [1.0, 1.0]}, F)
    assert vals["x_ftprl"] == vals["x_alg"] == -1.5


def test_a_wrong_budget_is_refuted_and_the_right_one_is_not():
    assert check_instances(InstanceSearch(ftprl_form.bind(method="sgd_inv_t"), x_alg, rel="=="), ctx()).verdict == "consistent"
    r = check_instances(InstanceSearch(ftprl_form.bind(method="sgd_inv_t"), x_alg + sp.Rational(1, 1000), rel="=="), ctx())
    assert r.verdict == "refuted" and r.certificate["replay"]["violation_stands"]


# ---------------------------------------------------------------- budgets and second moments
def test_adaptive_budget_by_hand():
    inst = {"T": 2, "beta1": 0.5, "beta2": 0.5, "alpha": 1.0, "p": 0.0, "kappa": 0.0, "g": [1.0, 0.0]}
    adam = adaptive_budget.bind(algorithm="adam").evaluate(inst, F)
    assert adam["v_last"] == 0.25 and adam["decrease"] == 0.25  # v = (1/2, 1/4)
    assert math.isclose(adam["sigma_last"], 0.5 - math.sqrt(0.5))
    ams = adaptive_budget.bind(algorithm="amsgrad").evaluate(inst, F)
    assert ams["v_last"] == 0.5 and ams["decrease"] == 0 and ams["used_minus_ema_last"] == 0.25
    assert adaptive_budget.bind(algorithm="amsgrad_inplace").evaluate(inst, F)["v_last"] == 0.5
    # AdamAL, line 7 with β1 = 1/2: v_1 = max(1, 0)/2 = 1/2, v_2 = 1/4 + max(0, 1/2)/2 = 1/2
    assert adaptive_budget.bind(algorithm="adamal").evaluate(inst, F)["v_last"] == 0.5
    forced = adaptive_budget.bind(algorithm="adam", force_decrease=True).evaluate({**inst, "g": [2.0, 5.0], "kappa": 0.5}, F)
    assert forced["sigma_last"] < 0 < forced["B_last"]


def test_adam_budget_can_decrease_and_amsgrad_never_does():
    assert check_instances(InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam"), "decrease"), sp.Integer(0), quantifier="exists"), ctx()).verdict == "proved"
    assert check_instances(InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad"), "decrease"), sp.Integer(0)), ctx()).verdict == "consistent"
    assert check_instances(InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam"), "decrease"), sp.Integer(0)), ctx()).verdict == "refuted"


# ---------------------------------------------------------------- Proposition 2
def test_mcmahan_ftprl_equals_proximal_mirror_descent_and_the_printed_form_does_not():
    assert check_instances(InstanceSearch(composite_ftprl.bind(variant="mcmahan"), x_md, rel="=="), ctx()).verdict == "consistent"
    r = check_instances(InstanceSearch(composite_ftprl.bind(variant="printed"), x_md, rel="=="), ctx())
    assert r.verdict == "refuted" and r.certificate["replay"]["violation_stands"]


def test_composite_by_hand():
    # T = 1, x_1 = 0, Ψ = |x| (μ = 1), g_1 = 3, σ_1 = 1: both give the soft threshold −(3 − 1) = −2
    inst = {"T": 1, "x1": 0.0, "a": 0.0, "lam": 0.0, "mu": 1.0, "g": [3.0], "sigma": [1.0]}
    vals = composite_ftprl.bind(variant="mcmahan").evaluate(inst, F)
    assert vals["x_ftprl"] == vals["x_md"] == -2.0


# ---------------------------------------------------------------- Theorem 3.1 instance
def test_theorem_instance_closed_forms():
    with mpmath.workdps(50):
        vals = adamal_two_point.evaluate({"T": 5}, MpCtx(50))
        assert abs(vals["E_lhs"] - 15 / (4 * mpmath.sqrt(2))) < mpmath.mpf(10) ** -40
        assert abs(vals["E_sums"] - (2 + mpmath.mpf(5) * 6 / 16) / 25) < mpmath.mpf(10) ** -40
        assert vals["hyp_gap"] < 0


# ---------------------------------------------------------------- AdamAL reference and Reddi's problem
def test_adamal_first_steps_by_hand():
    # w = 1, g = 1, α = 0.1, β1 = 0.9: m = 0.1; v = 0.1 (line 7 with β1) or 0.001 (with β2 = 0.999)
    step = Step("adamal", F, alpha=0.1, beta1=0.9, beta2=0.999, v_beta="beta1")
    (x,), st = step(1, [1.0], [1.0], step.init([1.0]))
    m, v = st["m"][0], st["v"][0]
    assert math.isclose(m, 0.1) and math.isclose(v, 0.1) and math.isclose(x, 1 - 0.1 * 0.1 / math.sqrt(0.1))
    step2 = Step("adamal", F, alpha=0.1, beta1=0.9, beta2=0.999, v_beta="beta2")
    (x, ), st2 = step2(1, [1.0], [1.0], step2.init([1.0]))
    assert math.isclose(st2["v"][0], 0.001) and math.isclose(x, 1 - 0.1 * 0.1 / math.sqrt(0.001))
    # the max of line 6 keeps v: g = 0 after v = 0.1 leaves v = 0.1
    assert step(2, [x], [0.0], {"m": [m], "v": [0.1]})[1]["v"][0] == pytest.approx(0.1)


@pytest.mark.parametrize("v_beta", ["beta1", "beta2"])
def test_adamal_descends_on_the_quadratic(v_beta):
    traj = run_on_quadratic(F, "adamal", {"alpha": 0.1, "beta1": 0.9, "beta2": 0.999, "v_beta": v_beta}, 200)
    assert traj[-1] ** 2 < 1e-6 * traj[0] ** 2


def test_adamal_converges_on_reddi_and_adam_does_not():
    assert check_non_convergence(NonConvergence(adamal_on_reddi, steps=3000), ctx()).verdict == "consistent"
    # Adam (β1 = 0, β2 = 1/(1 + C²), α_t = 0.5/√t, no corrections) from x_1 = 1 stays at the worst point x = 1
    traj = trajectory("adam", F, [1.0], lambda t, w: [C if t % 3 == 1 else -1], 3000, eta=0.5, schedule="inv_sqrt_t",
                      beta1=0.0, beta2=1 / (1 + C**2), momentum_sign=1, bias_correction1=False, bias_correction2=False,
                      projection="box", radius=1.0)
    assert traj[-1][0] > 0.99
