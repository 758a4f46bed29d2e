"""Tests of the interval branch-and-bound prover (known truth by construction)."""

from __future__ import annotations

import json
from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from optverify.verify import interval as ivmod
from optverify.verify.interval import (
    IntervalResult,
    certify_counterexample,
    prove_inequality,
    prove_nonpositive,
)

x, y, s, b, u = sp.symbols("x y s b u", real=True)
alpha = sp.Symbol("alpha", real=True)
oo = sp.oo


def exact(value: str) -> sp.Rational:
    return sp.Rational(Fraction(value))


def in_box(point: dict[str, str], box: dict) -> bool:
    """Exact membership of a reported point in a box given as (lo, hi[, kinds])."""
    for sym, spec in box.items():
        lo, hi, lo_open, hi_open = ivmod._parse_range(spec)
        v = exact(point[str(sym)])
        if not lo.is_infinite and (v < lo or (lo_open and v == lo)):
            return False
        if not hi.is_infinite and (v > hi or (hi_open and v == hi)):
            return False
    return True


def assert_json(res: IntervalResult) -> dict:
    d = res.to_dict()
    json.dumps(d, allow_nan=False)
    return d


# ---------------------------------------------------------------- proofs


def test_square_on_reals_touching_is_proved():
    res = prove_inequality(x**2 - 2 * x + 1, 0, {x: (-oo, oo)}, ">=")
    assert res.status == "proved"
    assert res.min_margin == 0.0  # tight at x = 1
    assert_json(res)


def test_square_strict_on_reals_is_refuted_at_the_touching_point():
    res = prove_inequality(x**2 - 2 * x + 1, 0, {x: (0, 2)}, ">")
    assert res.status == "counterexample"
    assert exact(res.worst_point["x"]) == 1
    assert certify_counterexample(-(x**2 - 2 * x + 1), res.worst_point, strict=True)


def test_alpha_over_two_minus_alpha():
    res = prove_inequality(alpha / (2 - alpha), alpha, {alpha: (0, 1, "open", "closed")}, "<=")
    assert res.status == "proved"
    assert res.boxes_in_cover >= 1
    assert 0.0 <= res.min_margin


def test_removable_singularity():
    res = prove_inequality((1 - b) ** 2 / (1 - b**2), 1 - b, {b: (0, 1, "open", "open")}, "<=")
    assert res.status == "proved"


def test_removable_singularity_on_closed_end_is_not_proved():
    # At b = 1 the left-hand side is 0/0: the claim is not meaningful there.
    res = prove_inequality((1 - b) ** 2 / (1 - b**2), 1 - b, {b: (0, 1)}, "<=", max_boxes=200)
    assert res.status == "inconclusive"


def test_sigmoid_square_unbounded_range():
    res = prove_inequality((sp.exp(-s) / (1 + sp.exp(-s))) ** 2, 1, {s: (-oo, oo)}, "<=")
    assert res.status == "proved"
    assert res.worst_point  # a sample point in the original variable is reported
    assert in_box(res.worst_point, {s: (-oo, oo)})


def test_adam_variance_bound_two_variables():
    lhs = (1 - b) ** 2 * (1 - u**2 / b) / ((1 - b**2) * (1 - u) ** 2)
    box = {b: (0, 1, "open", "open"), u: (0, sp.Rational(1, 2), "open", "closed")}
    res = prove_inequality(lhs, 4 * (1 - b), box, "<=")
    assert res.status == "proved", res.to_dict()
    assert in_box(res.worst_point, box)


def test_monotone_touching_inequality():
    # sin x <= x on [0, 1], equality at 0: proved through monotonicity.
    assert prove_inequality(sp.sin(x), x, {x: (0, 1)}, "<=").status == "proved"


def test_two_sided_half_line_and_amgm():
    assert prove_inequality((1 + x) ** 3, 1 + 3 * x, {x: (-1, oo)}, ">=").status == "proved"
    assert prove_inequality(x * y, ((x + y) / 2) ** 2, {x: (0, oo), y: (0, oo)}, "<=").status == "proved"


def test_sympy_interval_box_spec():
    res = prove_nonpositive(-x, {x: sp.Interval.Lopen(0, 1)}, strict=True)
    assert res.status == "proved"


# ---------------------------------------------------------------- strictness and open ends


def test_strict_open_end_is_proved_and_never_reported():
    box = {x: (0, 1, "open", "closed")}
    res = prove_inequality(0, x, box, "<")
    assert res.status == "proved"
    assert res.strict
    assert in_box(res.worst_point, box)
    assert exact(res.worst_point["x"]) != 0


def test_strict_tight_at_open_upper_end():
    res = prove_inequality(x, 1, {x: (0, 1, "closed", "open")}, "<")
    assert res.status == "proved"


def test_strict_false_at_closed_end():
    res = prove_inequality(0, x, {x: (0, 1)}, "<")
    assert res.status == "counterexample"
    assert exact(res.worst_point["x"]) == 0


def test_open_box_counterexample_is_interior():
    box = {x: (0, 1, "open", "open"), y: (0, 1, "open", "open")}
    res = prove_inequality(x * y, sp.Rational(99, 100), box, "<=")
    assert res.status == "counterexample"
    assert in_box(res.worst_point, box)


# ---------------------------------------------------------------- counterexamples


def test_corner_counterexample_confirmed_at_50_digits():
    box = {x: (0, 1), y: (0, 1)}
    res = prove_inequality(x * y, sp.Rational(99, 100), box, "<=")
    assert res.status == "counterexample"
    pt = res.worst_point
    assert in_box(pt, box)
    assert exact(pt["x"]) > sp.Rational(99, 100) and exact(pt["y"]) > sp.Rational(99, 100)
    # Independent exact check of the reported point, and a 50-digit check.
    value = (x * y - sp.Rational(99, 100)).subs({x: exact(pt["x"]), y: exact(pt["y"])})
    assert value > 0
    with mpmath.workdps(50):
        assert mpmath.mpf(res.worst_value) > 0
    assert certify_counterexample(x * y - sp.Rational(99, 100), pt)
    d = assert_json(res)
    assert d["status"] == "counterexample"


def test_float_threshold_counterexample():
    res = prove_inequality(x * y, 0.99, {x: (0, 1), y: (0, 1)}, "<=")
    assert res.status == "counterexample"


def test_sqrt_le_x_is_false():
    box = {x: (0, 1)}
    res = prove_inequality(sp.sqrt(x), x, box, "<=")
    assert res.status == "counterexample"
    assert in_box(res.worst_point, box)
    xv = exact(res.worst_point["x"])
    assert sp.sqrt(xv) - xv > 0


def test_certify_rejects_a_non_counterexample():
    assert not certify_counterexample(x * y - sp.Rational(99, 100), {"x": "0.5", "y": "0.5"})
    assert not certify_counterexample(sp.log(x), {"x": "0"})  # undefined point


# ---------------------------------------------------------------- budget and reporting


def test_budget_exhaustion_reports_worst_point_and_stuck_box():
    lhs = (1 - b) ** 2 * (1 - u**2 / b) / ((1 - b**2) * (1 - u) ** 2)
    box = {b: (0, 1, "open", "open"), u: (0, sp.Rational(1, 2), "open", "closed")}
    res = prove_inequality(lhs, 4 * (1 - b), box, "<=", max_boxes=3)
    assert res.status == "inconclusive"
    assert res.boxes_examined == 3
    assert set(res.worst_point) == {"b", "u"}
    assert in_box(res.worst_point, box)
    assert len(res.worst_value) > 0
    assert set(res.stuck_box) == {"b", "u"}
    d = assert_json(res)
    assert d["reason"].startswith("box budget")


def test_time_budget():
    # Not provable by interval arithmetic near +infinity (log(1+x) - x -> -oo is
    # invisible to enclosures of the form oo - oo), so the time budget ends it.
    res = prove_inequality(sp.log(1 + x), x, {x: (0, oo)}, "<=", time_budget=0.5, max_boxes=10**9)
    assert res.status == "inconclusive"
    assert res.elapsed_s < 5
    assert res.boxes_in_cover > 0


def test_undefined_points_prevent_a_proof():
    res = prove_inequality(sp.log(x - 2), 5, {x: (0, 3)}, "<=")
    assert res.status == "inconclusive"
    assert "undefined" in res.reason


def test_box_validation():
    with pytest.raises(ValueError):
        prove_nonpositive(x + y, {x: (0, 1)})
    with pytest.raises(ValueError):
        prove_nonpositive(x, {x: (0, 1, "half", "closed")})
    with pytest.raises(ValueError):
        prove_nonpositive(x, {x: (1, 0)})
    with pytest.raises(ValueError):
        prove_inequality(x, 0, {x: (0, 1)}, "==")


# ---------------------------------------------------------------- evaluator soundness


def _enclosure(expr, X: list[tuple[float, float]], syms):
    index = {sym: i for i, sym in enumerate(syms)}
    fn = ivmod._compile(expr, index, "iv")
    env = [ivmod.iv.mpf([lo, hi]) for lo, hi in X]
    return fn(env, ivmod._Flags())


def test_division_by_interval_containing_zero_is_unbounded():
    from mpmath.libmp import finf, fninf

    for expr, X, syms in [
        (1 / x, [(-1.0, 1.0)], [x]),
        (1 / x, [(0.0, 1.0)], [x]),
        ((x + 2) / (x - y), [(0.0, 1.0), (0.5, 2.0)], [x, y]),
        (x / (1 - x**2), [(0.5, 1.0)], [x]),
    ]:
        lo, hi = _enclosure(expr, X, syms)._mpi_
        assert hi == finf or lo == fninf


def test_log_and_sqrt_domains_are_handled_soundly():
    from mpmath.libmp import fninf

    lo, hi = _enclosure(sp.log(x), [(0.0, 1.0)], [x])._mpi_
    assert lo == fninf
    with pytest.raises(ivmod._Undefined):
        _enclosure(sp.sqrt(x), [(-2.0, -1.0)], [x])
    fl = ivmod._Flags()
    fn = ivmod._compile(sp.sqrt(x), {x: 0}, "iv")
    fn([ivmod.iv.mpf([-1, 4])], fl)
    assert fl.clipped


_EXPRS = [
    x * y - x**2,
    sp.sqrt(x + 3) * sp.exp(-y),
    sp.log(1 + x**2) / (1 + y**2),
    sp.sin(3 * x) * sp.cos(y) + sp.tan(x / 4),
    sp.atan(x - y) + sp.Abs(x) - sp.Min(x, y) + sp.Max(x, 2 * y),
    (x - y) / (1 + x**2) + (x + 3) ** sp.Rational(3, 2),
    sp.tanh(x) * y**3 - (y + 3) ** sp.Rational(-1, 3),
]


@settings(max_examples=60, deadline=None)
@given(
    k=st.integers(0, len(_EXPRS) - 1),
    a=st.floats(-2, 2),
    wa=st.floats(0, 1),
    c=st.floats(-2, 2),
    wc=st.floats(0, 1),
    t1=st.floats(0, 1),
    t2=st.floats(0, 1),
)
def test_enclosure_contains_point_values(k, a, wa, c, wc, t1, t2):
    expr = _EXPRS[k]
    X = [(a, a + wa), (c, c + wc)]
    enc = _enclosure(expr, X, [x, y])
    px, py = a + wa * t1, c + wc * t2
    px, py = min(max(px, a), a + wa), min(max(py, c), c + wc)
    with mpmath.workdps(30):
        val = sp.N(expr.subs({x: sp.Rational(px), y: sp.Rational(py)}), 30)
    assert val.is_real
    v = mpmath.mpf(str(val))
    tol = mpmath.mpf(10) ** -25 * (1 + abs(v))
    assert enc.a - tol <= v <= enc.b + tol
