"""The IterateLimit check on known truths, the weight-decay experiments against the kernels, and the verdicts of
004 lines 454–595 (weight decay, AdamW, the proximal view, Wilson et al. and implicit bias)."""

import importlib.util
import numpy as np
import pytest
import sympy as sp

from optverify.checks.dispatch import run_check
from optverify.checks.iterate_limit import check_iterate_limit
from optverify.checks.result import CheckContext
from optverify.claims.adam_variants_004 import implicit_bias, weight_decay
from optverify.claims.specs import IterateLimit
from optverify.counterexamples.weight_decay_points import (Setting, WeightDecayLimits, adam_weight_decay_runs, derivation,
                                                         point_values)

A, C = np.array([1.0, 3.0]), np.array([2.0, -1.0])
SHIFTED = C + np.array([0.5, 0.0])


def _grad_condition(p):
    """Exact Σ (∂f)² at p for f = ½Σ a_i(θ_i − c_i)²: GD's limit condition."""
    return sum((sp.Rational(a) * (sp.Rational(x) - sp.Rational(c))) ** 2 for a, x, c in zip(A, p, C))


def gd_experiment(exact=True, complete=True, steps=400):
    """Gradient descent (step 0.2) on f: it provably converges to c, never to SHIFTED."""

    def experiment(mode, seed):
        th = np.zeros(2)
        for _ in range(steps):
            th = th - 0.2 * A * (th - C)
        out = {"points": {"argmin": C, "shifted": SHIFTED}, "finals": {"gd": th}, "deterministic": True,
               "values": {"f_at_limit": {"value": sp.Integer(0), "method": "gd", "point": "argmin"}}}
        if exact:
            out["exact"] = {"gd": {"limit_condition": {"argmin": _grad_condition(C), "shifted": _grad_condition(SHIFTED)},
                                   "complete": complete, "derivation": "a limit of GD has ∇f = 0"}}
        return out

    return experiment


def sgd_experiment(seeds=48, single=False):
    """SGD with Gaussian gradient noise and constant step, tail-averaged: E[θ̄] → c (linear dynamics)."""

    def experiment(mode, seed):
        rng = np.random.default_rng(seed)
        S = 1 if single else seeds
        th, acc = np.zeros((S, 2)), np.zeros((S, 2))
        for t in range(4000):
            th = th - 0.05 * (A * (th - C) + rng.standard_normal(th.shape))
            if t >= 2000:
                acc += th
        fin = acc / 2000
        return {"points": {"argmin": C, "shifted": SHIFTED}, "finals": {"sgd": fin},
                "residuals": {"sgd": {"argmin": A * (fin - C), "shifted": A * (fin - SHIFTED)}},
                "exact": {"sgd": {"limit_condition": {"argmin": _grad_condition(C), "shifted": _grad_condition(SHIFTED)},
                                  "complete": False, "derivation": "stationary mean of linear SGD: E∇f = 0"}}}

    return experiment


def _check(spec, seed=0):
    return check_iterate_limit(spec, CheckContext(seed=seed))


# ---------------------------------------------------------------- the check on known truths


def test_reaching_the_true_limit_is_consistent():
    r = _check(IterateLimit(gd_experiment(), {"gd": "argmin"}, tolerance=1e-9))
    assert r.verdict == "consistent"
    assert r.evidence["methods"]["gd"]["points"]["argmin"]["distance"]["hi"] < 1e-12
    assert r.evidence["methods"]["gd"]["points"]["argmin"]["exact"]["status"] == "zero"


def test_planted_wrong_limit_is_refuted_with_certificate():
    r = _check(IterateLimit(gd_experiment(), {"gd": "shifted"}, tolerance=1e-9))
    assert r.verdict == "refuted"
    cert = r.certificate["refutations"][0]
    assert cert["lands_at"] == "argmin" and cert["claimed_point"] == "shifted"
    assert sp.Float(cert["exact_limit_condition_at_claimed_point_50_digits"]) == pytest.approx(0.25)  # (1·0.5)²
    assert cert["distance_to_claimed_point"]["lo"] > 1e-9


def test_no_refutation_without_an_exact_certificate():
    r = _check(IterateLimit(gd_experiment(exact=False), {"gd": "shifted"}, tolerance=1e-9))
    assert r.verdict == "inconclusive"


def test_avoid_polarity():
    proved = _check(IterateLimit(gd_experiment(), {"gd": None}, avoid={"gd": "shifted"}, tolerance=1e-9))
    assert proved.verdict == "proved"
    refuted = _check(IterateLimit(gd_experiment(), {"gd": None}, avoid={"gd": "argmin"}, tolerance=1e-9))
    assert refuted.verdict == "refuted" and refuted.certificate["refutations"][0]["avoided_point"] == "argmin"
    idealised = _check(IterateLimit(gd_experiment(complete=False), {"gd": None}, avoid={"gd": "argmin"}, tolerance=1e-9))
    assert idealised.verdict == "inconclusive"  # an idealised derivation cannot prove where the iteration goes
    assert _check(IterateLimit(gd_experiment(complete=False), {"gd": None}, avoid={"gd": "shifted"}, tolerance=1e-9)).verdict == "consistent"


def test_an_unsettled_run_decides_nothing():
    early = gd_experiment(steps=3)  # three steps: still far from the only possible limit
    assert _check(IterateLimit(early, {"gd": None}, avoid={"gd": "argmin"}, tolerance=1e-9)).verdict == "inconclusive"
    assert _check(IterateLimit(early, {"gd": "argmin"}, tolerance=1e-9)).verdict == "inconclusive"
    assert _check(IterateLimit(early, {"gd": "shifted"}, tolerance=1e-9)).verdict == "inconclusive"  # lands nowhere yet


def test_stated_values_are_compared_exactly():
    ok = _check(IterateLimit(gd_experiment(), {"gd": "argmin"}, tolerance=1e-9, values={"f_at_limit": sp.Integer(0)}))
    assert ok.verdict == "consistent"
    bad = _check(IterateLimit(gd_experiment(), {"gd": "argmin"}, tolerance=1e-9, values={"f_at_limit": sp.Rational(1, 2)}))
    assert bad.verdict == "refuted" and bad.certificate["refutations"][0]["computed"] == "0"


@pytest.mark.parametrize("seed", range(4))
def test_stochastic_runs_confidence_intervals(seed):
    right = _check(IterateLimit(sgd_experiment(), {"sgd": "argmin"}, tolerance=0.05), seed)
    assert right.verdict == "consistent", right.summary  # never a false alarm at the true limit
    wrong = _check(IterateLimit(sgd_experiment(), {"sgd": "shifted"}, tolerance=0.05), seed)
    assert wrong.verdict == "refuted"
    assert wrong.certificate["refutations"][0]["residual_of_claimed_point"]["lo"] > 0.05


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(ValueError, match="one stochastic run"):
        _check(IterateLimit(sgd_experiment(single=True), {"sgd": "argmin"}, tolerance=0.05))
    with pytest.raises(ValueError, match="avoid names no point"):
        _check(IterateLimit(gd_experiment(), {"gd": None}))
    with pytest.raises(ValueError, match="ran no method"):
        _check(IterateLimit(gd_experiment(), {"adam": "argmin"}))
    with pytest.raises(ValueError, match="unknown point"):
        _check(IterateLimit(gd_experiment(), {"gd": "nowhere"}))
    r = run_check(IterateLimit(gd_experiment(), {"gd": "nowhere"}), CheckContext(seed=0))
    assert r.verdict == "inconclusive" and r.evidence["internal_error"]  # the dispatcher never lets it decide
    with pytest.raises(ValueError):
        Setting(a=(1.0, -1.0), c=(0.0, 0.0), sigma=(0.0, 0.0), lam=0.1, gamma=0.01)


# ---------------------------------------------------------------- the experiments


@pytest.mark.parametrize("method,cfg", [("adam_l2", dict(name="adam_l2", l2_mode="gradient")),
                                        ("adam_l2_printed", dict(name="adam_l2", l2_mode="mhat")),
                                        ("adamw", dict(name="adamw"))])
def test_numpy_runs_match_the_registry_kernels(method, cfg):
    from optverify.sim import families as F
    from optverify.sim.algorithms import config, run as run_kernel

    s = weight_decay.DETERMINISTIC
    th, _ = adam_weight_decay_runs(method, s, 500, 1, 0, tail=0.0)
    name = cfg.pop("name")
    k = config(name, eta=s.gamma, lam=s.lam, eps=s.eps, eps_mode="inside", beta1=s.beta1, beta2=s.beta2, **cfg)
    w = run_kernel(k, F.diagonal_quadratic(s.a, wstar=s.c), np.zeros(2), 500, grad_mode="exact").w_final
    np.testing.assert_allclose(th[0], w, rtol=1e-12, atol=1e-14)


def test_derivation_fixed_points():
    dv = derivation()
    assert dv["fixed_points"]["adam_l2"][0] == dict(zip(dv["theta"], dv["points"]["theta_L2"]))
    assert dv["fixed_points"]["adamw"][0] == dict(zip(dv["theta"], dv["points"]["theta_Dinv"]))
    pts = point_values(np.array([1.0, 1.0]), np.array([1.0, 1.0]), 0.5, np.array([[0.25, 4.0]]))
    np.testing.assert_allclose(pts["theta_D"][0], [1 / 1.125, 1 / 3.0])
    np.testing.assert_allclose(pts["theta_Dinv"][0], [1 / 3.0, 1 / 1.125])


def test_stochastic_weight_decay_runs_never_cry_wolf():
    exp = WeightDecayLimits(weight_decay.STOCHASTIC, horizons=(8000, 8000), seeds=(96, 96))
    right = {"adam_l2": "theta_L2[adam_l2]", "adam_l2_printed": "theta_L2[adam_l2_printed]", "adamw": "theta_Dinv[adamw]"}
    for seed in range(3):
        assert _check(IterateLimit(exp, right, tolerance=0.03), seed).verdict != "refuted"


# ---------------------------------------------------------------- the claims of 004, lines 454–595

HAVE_TORCH = importlib.util.find_spec("torch") is not None
TORCH_VERDICT = "consistent" if HAVE_TORCH else "inconclusive"  # L476 and L501 run torch itself, an optional extra: without it the environment, not the text, leaves them undecided
EXPECTED = {
    "004:L463": ("refuted", "proved"), "004:L471": ("proved", None), "004:L476": (TORCH_VERDICT, None),
    "004:L484": ("refuted", "proved"), "004:L486": ("proved", None), "004:L487": ("refuted", "consistent"),
    "004:L488": ("refuted", "consistent"), "004:L489": ("proved", None), "004:L496": ("proved", None),
    "004:L498": ("proved", None), "004:L500": ("proved", None), "004:L501": (TORCH_VERDICT, None),
    "004:L507": ("refuted", "proved"), "004:L509": ("refuted", "proved"), "004:L512": ("refuted", "proved"),
    "004:L513": ("refuted", "proved"), "004:L531": ("consistent", None), "004:L533": ("consistent", None),
    "004:L582": ("proved", None), "004:L585": ("consistent", None), "004:L588": ("refuted", "proved"),
}
CLAIMS = [*weight_decay.CLAIMS, *implicit_bias.CLAIMS]


@pytest.fixture(scope="module")
def report(decided):
    return {c.id: decided("004")[c.id] for c in CLAIMS}  # the session's one decision of 004


def test_verdicts(report):
    for cid, (verdict, corrected) in EXPECTED.items():
        e = report[cid]
        assert e["verdict"] == verdict, (cid, e["summary"])
        assert (e["corrected"]["verdict"] if e["corrected"] else None) == corrected, cid
        if verdict == "refuted":
            assert all(c["certificate"] for c in e["checks"] if c["verdict"] == "refuted"), cid
    for cid in set(report) - set(EXPECTED):
        assert report[cid]["verdict"] == "not-checkable", cid


def test_no_internal_errors(report):
    for e in report.values():
        for c in e["checks"] + (e["corrected"]["checks"] if e["corrected"] else []):
            assert not c["evidence"].get("internal_error"), (e["id"], c["summary"])


def test_evidence(report):
    # L463: the gradient of λ‖θ‖² is 2λθ, one λθ is missing
    assert "lambda*theta_1" in report["004:L463"]["checks"][0]["summary"]
    # L484: the printed update differs from Adam on g + λθ from t = 2 on
    cert = report["004:L484"]["checks"][0]["certificate"]
    assert int(cert["point"]["t"]) >= 2
    # L488: both naive-L2 forms land at the standard L2 point, not at the D-weighted one
    sims = [c for c in report["004:L488"]["checks"] if c["strategy"] == "simulation"]
    assert len(sims) == 2 and all(c["verdict"] == "refuted" for c in sims)
    for c in sims:
        for r in c["certificate"]["refutations"]:
            assert r["lands_at"].startswith("theta_L2") and r["claimed_point"].startswith("theta_D")
    # the certificate replays: the same experiment, mode and seed give the same runs
    cert487 = report["004:L487"]["checks"][0]["certificate"]
    scope = {}
    exec(cert487["replay_imports"], scope)
    again = eval(cert487["replay"], scope)
    assert np.linalg.norm(again["finals"]["adam_l2"] - again["points"]["theta_L2[adam_l2]"]) < 1e-9
    # AdamW lands at the D⁻¹-weighted point (L488 corrected)
    where = [c for c in report["004:L488"]["corrected"]["checks"] if c["part"] == "where the runs go"][0]
    assert where["evidence"]["methods"]["adamw"]["verdict"] == "consistent"
    # L476 / L501: torch's Adam(weight_decay) is the L2 form; the printed call lacks `params`
    if HAVE_TORCH:
        facts = report["004:L476"]["checks"][0]["evidence"]["facts"]
        assert facts["printed_call_without_params"].startswith("TypeError")
    else:
        for cid in ("004:L476", "004:L501"):  # the environment failed, not the text: inconclusive, with how to install
            ck = report[cid]["checks"][0]
            assert ck["evidence"]["missing_package"] == "torch" and ck["evidence"]["environment_error"]
            assert ck["verdict"] == "inconclusive" and "pip install '.[bench]'" in ck["summary"]
    # L533: exact test errors 0 and 1/2 at p = 1/2, 2/5 for Adam at Wilson's p = 0.6
    ev = report["004:L533"]["checks"][0]["evidence"]
    assert {r["name"]: r["computed"] for r in ev["values"]} == {"test_error_sgd": "0", "test_error_adam": "1/2"}
    assert ev["facts"]["test_error_at_p_train"]["sign_solution"] == "2/5"
    # L588 as printed ('they don't converge to the min-norm solution'): on X = [[1, 1]], y = [1] they do, exactly
    e = report["004:L588"]
    refs = e["checks"][0]["certificate"]["refutations"]
    assert {r["method"] for r in refs} <= {"adagrad", "rmsprop", "adam"} and refs
    assert all(r["avoided_point"] == "min_norm" and r["exact_limit_condition_at_point"] == "0" for r in refs)
    assert e["checks"][0]["evidence"]["facts"]["sign_solution"] == ["1/2", "1/2"] == e["checks"][0]["evidence"]["facts"]["min_norm"]
    # corrected ('need not'): on Wilson's problem the adaptive iterates provably stay on the line through sign(Xᵀy), away from X⁺y
    assert e["corrected"]["checks"][0]["evidence"]["methods"]["adam"]["complete_derivation"]
