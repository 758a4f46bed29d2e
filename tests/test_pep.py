"""Performance estimation (PEPit): known tight worst cases, refutation only by a replayed instance."""

from __future__ import annotations

import copy
import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sympy as sp

pytest.importorskip("PEPit")

from optverify.checks.pep import check_pep, evaluate, replay  # noqa: E402
from optverify.checks.result import CheckContext  # noqa: E402
from optverify.claims.model import BOUND, ClaimError  # noqa: E402
from optverify.claims.specs import PerformanceEstimation, pep_k  # noqa: E402
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
L, D, G, N = sp.symbols("L D G N", positive=True)
DT = L * D**2 / (4 * N + 2)  # Drori & Teboulle (2014): the exact worst case of GD with step 1/L
SUB = G * D / sp.sqrt(N + 1)  # the subgradient method with step D/(G√(N+1)): its exact worst case


def ctx(bound, seconds=60.0):
    return CheckContext(seed=0, bound=bound, deadline=time.monotonic() + seconds)


def gd_spec(**kw):
    base = dict(rhs=BOUND, L=L, params={"step": 1 / L}, radius=D, constants={L: 1, D: 1}, tight=DT, horizons=(1, 2, 3, 4, 5))
    base.update(kw)
    return PerformanceEstimation("smooth convex", "gradient descent", "last gap", N, **base)


def sub_spec(**kw):
    base = dict(rhs=BOUND, G=G, params={"step": D / (G * sp.sqrt(N + 1))}, radius=D, constants={G: 1, D: 1}, horizons=(1, 2, 3, 4))
    base.update(kw)
    return PerformanceEstimation("convex lipschitz", "gradient descent", "min gap", N, **base)


def test_gradient_descent_reproduces_drori_teboulle():
    # L = 3, D = 1/2: not normalised, so the constants really enter
    spec = gd_spec(constants={L: 3, D: sp.Rational(1, 2)})
    out = evaluate(spec, ctx(DT))
    assert [r["N"] for r in out["rows"]] == [1, 2, 3, 4, 5]
    for r in out["rows"]:
        exact = 3 * sp.Rational(1, 4) / (4 * r["N"] + 2)
        assert r["worst_case"] == pytest.approx(float(exact), rel=1e-5)
        assert r["ratio"] == pytest.approx(1.0, rel=1e-5)
        assert r["worst_case_over_tight"] == pytest.approx(1.0, rel=1e-5)
        data = r["worst_case_data"]
        assert len(data["points"]) == r["N"] + 1 and len(data["gradients"]) == r["N"] + 1  # x_0 … x_N and their gradients


def test_subgradient_method_tight_constant():
    out = evaluate(sub_spec(), ctx(SUB))
    for r in out["rows"]:
        assert r["worst_case"] == pytest.approx(1 / (r["N"] + 1) ** 0.5, rel=1e-5)


def test_tight_bound_is_consistent_not_refuted():
    res = check_pep(gd_spec(), ctx(DT))
    assert res.verdict == CONSISTENT, res.summary
    assert res.certificate is None
    assert all(v == pytest.approx(1.0, rel=1e-5) for v in res.evidence["sharp_ratio_per_N"].values())
    assert res.evidence["trend"][0]["power_law_exponent"] < -0.5  # the worst case falls like 1/N
    res = check_pep(sub_spec(), ctx(SUB))
    assert res.verdict == CONSISTENT, res.summary


@pytest.mark.parametrize("which", ["gd", "subgradient"])
def test_scaled_tight_bound_is_refuted_by_a_replayed_instance(which):
    spec, tight = (gd_spec(), DT) if which == "gd" else (sub_spec(), SUB)
    res = check_pep(spec, ctx(sp.Rational(9, 10) * tight))
    assert res.verdict == REFUTED, res.summary
    cert = res.certificate
    assert cert["N"] == 1
    assert float(cert["ratio"]) == pytest.approx(1 / 0.9, rel=1e-4)
    assert float(cert["measured_minus_bound"]) > 0
    # the snippet replays in a clean interpreter: class membership verified, the bound broken
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", cert["replay_snippet"]], capture_output=True, text=True, env=env, cwd="/", timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[:2] == ["True", "True"]


def test_replay_rejects_an_instance_outside_the_class():
    res = check_pep(gd_spec(horizons=(1,)), ctx(sp.Rational(9, 10) * DT))
    inst = res.certificate["instance"]
    assert replay(inst)["violates"]
    bad = copy.deepcopy(inst)
    bad["values"][-1] = str(float(bad["values"][-1]) * 2)  # f(x_N) raised past what an L-smooth convex f allows
    out = replay(bad)
    assert not out["in_class"] and not out["violates"]
    bad = copy.deepcopy(inst)
    bad["constants"]["L"] = "Rational(1, 2)"  # the same data are not 1/2-smooth
    assert not replay(bad)["violates"]


def test_wider_class_never_refutes():
    spec = gd_spec(horizons=(1, 2), wider_class="the claim speaks of one quadratic")
    res = check_pep(spec, ctx(sp.Rational(9, 10) * DT))
    assert res.verdict == INCONCLUSIVE
    assert "instance_outside_claim_class" in res.evidence


def test_no_printed_bound_reports_the_worst_case():
    # heavy ball with Lessard's tuning on F_{1,25} (002, line 206): the first step can move x away by |1 − 25/9|
    Lq, mu = sp.symbols("L mu", positive=True)
    spec = PerformanceEstimation("smooth strongly convex", "heavy ball", "last dist sq", N, L=Lq, mu=mu,
                                 params={"step": sp.Rational(1, 9), "beta": sp.Rational(4, 9)}, radius=sp.Integer(1),
                                 constants={Lq: 25, mu: 1}, horizons=(1, 2, 3))
    res = check_pep(spec, ctx(None))
    assert res.verdict == INCONCLUSIVE and "no bound is printed" in res.summary
    rows = res.evidence["pep_table"]
    assert rows[0]["worst_case"] == pytest.approx((16 / 9) ** 2, rel=1e-5)
    assert all(r["worst_case"] > 1 for r in rows)  # no contraction in the first steps
    w = res.evidence["certified_instance"]  # the last worst case as a function of the class, verified at 50 digits
    again = replay(w["instance"])
    assert again["in_class"] and float(again["measured"]) == pytest.approx(rows[-1]["worst_case"], rel=1e-4) and float(again["measured"]) > 1


def test_nesterov_and_regret_and_gap_initial_condition():
    nes = PerformanceEstimation("smooth convex", "nesterov", "last gap", N, rhs=BOUND, L=L, params={"step": 1 / L, "beta": pep_k / (pep_k + 3)},
                                radius=D, constants={L: 1, D: 1}, horizons=(1, 2))
    assert check_pep(nes, ctx(2 * L * D**2 / (N + 1) ** 2)).verdict == CONSISTENT
    ogd = PerformanceEstimation("convex lipschitz", "online gradient descent", "regret", N, rhs=BOUND, G=G, params={"step": D / (G * sp.sqrt(N))},
                                radius=D, constants={G: 1, D: 1}, horizons=(1, 2, 3))
    res = check_pep(ogd, ctx(G * D * sp.sqrt(N)))  # D²/(2η) + ηG²T/2 = GD√T, attained
    assert res.verdict == CONSISTENT and res.evidence["worst_ratio"] == pytest.approx(1.0, rel=1e-5)
    assert check_pep(ogd, ctx(sp.Rational(1, 2) * G * D * sp.sqrt(N))).verdict == REFUTED
    mu, Dl = sp.symbols("mu Delta", positive=True)
    gap = PerformanceEstimation("smooth strongly convex", "gradient descent", "last gap", N, rhs=BOUND, L=L, mu=mu, params={"step": 1 / L},
                                initial="gap", gap=Dl, constants={L: 1, mu: sp.Rational(1, 4), Dl: 1}, horizons=(1, 2))
    res = check_pep(gap, ctx((1 - mu / L) ** (2 * N) * Dl))  # the tight rate of GD with step 1/L from a gap
    assert res.verdict == CONSISTENT and res.evidence["worst_ratio"] == pytest.approx(1.0, rel=1e-5)
    res = check_pep(gap, ctx(sp.Rational(9, 10) * (1 - mu / L) ** (2 * N) * Dl))
    assert res.verdict == REFUTED and float(res.certificate["measured_minus_bound"]) > 0


def test_dependency_failure_is_inconclusive(monkeypatch):
    monkeypatch.setitem(sys.modules, "PEPit", None)
    res = check_pep(gd_spec(horizons=(1,)), ctx(DT))
    assert res.verdict == INCONCLUSIVE and "PEPit" in res.summary


def test_budget_stops_between_solves():
    spec = gd_spec(horizons=(1, 2, 3, 4, 5, 6, 8, 10))
    res = check_pep(spec, ctx(DT, seconds=0.5))
    assert res.verdict == INCONCLUSIVE and res.evidence["stopped_at_budget"]


def test_spec_validation():
    with pytest.raises(ClaimError, match="function_class"):
        PerformanceEstimation("smooth", "gradient descent", "last gap", N, L=L, params={"step": 1}, radius=D, constants={L: 1, D: 1}).validate(None)
    with pytest.raises(ClaimError, match="needs L"):
        PerformanceEstimation("smooth convex", "gradient descent", "last gap", N, params={"step": 1}, radius=D, constants={D: 1}).validate(None)
    with pytest.raises(ClaimError, match="no value or range"):
        gd_spec(constants={L: 1}).validate(DT)
    with pytest.raises(ClaimError, match="beta"):
        PerformanceEstimation("smooth convex", "heavy ball", "last gap", N, L=L, params={"step": 1}, radius=D, constants={L: 1, D: 1}).validate(None)


def test_bundled_claims_carry_the_check():
    from optverify.claims import get

    for cid in ("002:L60", "002:L206"):
        assert any(isinstance(s, PerformanceEstimation) for s in get(cid).checks)
    spec = next(s for s in get("002:L60").checks if isinstance(s, PerformanceEstimation))
    assert spec.wider_class and spec.part == "sign"  # evidence beside the proof, never a refutation of the quadratic's claim
    quick = dataclasses.replace(spec, horizons=(1, 2, 3))
    res = check_pep(quick, ctx(None))
    assert res.verdict == CONSISTENT and res.evidence["worst_ratio"] <= 1 + 1e-5


def test_cli_check_and_tighten(capsys):
    from optverify.cli import main

    claims = str(ROOT / "examples" / "performance_estimation" / "pep_claims.py")
    assert main(["tighten", "pep:Thm 2", "--claims", claims]) == 0
    out = capsys.readouterr().out
    assert "sharp constant 1" in out and "c ≥ 1" in out
    assert main(["check", "pep:Thm 1", "--claims", claims, "--scale", "0.9"]) == 0  # a tight bound scaled down
    out = capsys.readouterr().out
    assert "pep:Thm 1: refuted" in out and "certificate:" in out and "closed form 0.166667" in out
    assert main(["check", "pep:Thm 3", "--claims", claims]) == 0
    out = capsys.readouterr().out
    assert "refuted" in out and "PEP worst case 0.1, bound 0.0555556" in out


def test_values_below_the_solver_resolution_are_not_findings():
    mu = sp.Symbol("mu", positive=True)
    spec = PerformanceEstimation("smooth strongly convex", "gradient descent", "last dist sq", N, rhs=BOUND, L=L, mu=mu, params={"step": 1 / L},
                                 radius=D, constants={L: 1, mu: sp.Rational(1, 2), D: 1}, horizons=(1, 2, 30))
    res = check_pep(spec, ctx((1 - mu / L) ** (2 * N) * D**2))  # ‖x_N − x*‖ contracts by exactly 1 − μ/L per step
    assert res.verdict == CONSISTENT, res.summary
    assert [u["N"] for u in res.evidence["unresolved"]] == [30]
    assert all(v == pytest.approx(1.0, rel=1e-5) for v in res.evidence["sharp_ratio_per_N"].values())


def test_proximal_gradient_tight_rate_and_replayed_refutation():
    # F = f + h, f L-smooth convex, h convex, step 1/L: exact worst case L‖x_0 − x*‖²/(4N) (Taylor, Hendrickx & Glineur 2018)
    spec = PerformanceEstimation("smooth convex", "proximal gradient", "last gap", N, rhs=BOUND, L=L, params={"step": 1 / L}, radius=D,
                                 constants={L: 1, D: 1}, tight=L * D**2 / (4 * N), horizons=(1, 2, 3))
    res = check_pep(spec, ctx(L * D**2 / (4 * N)))
    assert res.verdict == CONSISTENT and all(r["worst_case_over_tight"] == pytest.approx(1, rel=1e-5) for r in res.evidence["pep_table"])
    res = check_pep(spec, ctx(sp.Rational(9, 10) * L * D**2 / (4 * N)))
    assert res.verdict == REFUTED
    inst = res.certificate["instance"]
    assert inst["prox_points"] and inst["star_gradient"]  # h's subgradients are recomputed from the proximal steps
    out = replay(inst)
    assert out["in_class"] and out["violates"]
    with pytest.raises(ClaimError, match="proximal"):
        dataclasses.replace(spec, measure="min gap").validate(None)
