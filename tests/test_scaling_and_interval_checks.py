"""Scaling and interval strategies on known truths."""

import sympy as sp

from optverify.checks.inequality import check_inequality
from optverify.checks.result import CheckContext
from optverify.checks.scaling import check_scaling
from optverify.claims.specs import Inequality, Scaling, left_open, open_

CTX = CheckContext(seed=3)
R, D, G, T, eta = sp.symbols("R D G T eta", positive=True)
DIMS = {R: "loss", D: "param", G: "grad", T: "none", eta: "step"}


def test_regret_bound_that_transforms_like_regret_passes():
    r = check_scaling(Scaling(R, D * G * sp.sqrt(T), DIMS), CTX)
    assert r.verdict == "consistent"
    assert r.evidence["lhs_factor"] == r.evidence["rhs_factor"] == "a"


def test_dimensionally_wrong_exponent_is_refuted_with_a_rescaled_instance():
    r = check_scaling(Scaling(R, D * G**2 * sp.sqrt(T), DIMS), CTX)
    assert r.verdict == "refuted"
    cert = r.certificate
    assert cert["lhs_multiplied_by"] != cert["rhs_multiplied_by"]
    assert cert["rescaling"]["a (loss factor)"] == 2


def test_step_size_rule():
    assert check_scaling(Scaling(eta, D / (G * sp.sqrt(T)), DIMS), CTX).verdict == "consistent"
    assert check_scaling(Scaling(eta, G / sp.sqrt(T), DIMS), CTX).verdict == "refuted"


def test_interval_true_on_box_and_false_in_a_corner():
    a, x, y = sp.symbols("alpha x y", positive=True)
    r = check_inequality(Inequality(a / (2 - a), "<=", a, {a: left_open(0, 1)}), CTX)
    assert r.verdict == "proved" and r.evidence["interval"]["boxes_in_cover"] >= 1
    box = {x: open_(0, 1), y: open_(0, 1)}
    assert check_inequality(Inequality(x * y, "<=", sp.Integer(1), box), CTX).verdict == "proved"
    r = check_inequality(Inequality(x * y, "<=", sp.Rational(99, 100), box), CTX)
    assert r.verdict == "refuted"
    px, py = (sp.Rational(r.certificate["point"][k]) if "/" in r.certificate["point"][k] else sp.Float(r.certificate["point"][k], 50)
              for k in ("x", "y"))
    assert px * py > sp.Rational(99, 100) and 0 < px < 1 and 0 < py < 1
