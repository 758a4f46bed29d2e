"""Interval prover throughput: boxes per second on the inequalities the claims use.

Run on demand:  python benchmarks/bench_interval.py
Prints, for each inequality, boxes examined, boxes per second, and the ratio to
the first  inequality measured in the same run, for mpmath's interval context
(optverify.verify.interval) and, beside it in the same run, for Arb balls with
the derivative-aware branch and bound (optverify.verify.branch_bound); the
last lines time both on the same fixed set of boxes (raw enclosures/s).
"""

from __future__ import annotations

import time

import sympy as sp

from optverify.budget import Budget
from optverify.verify.branch_bound import prove_relation
from optverify.verify.interval import prove_inequality

b, u, a, x, y, s = sp.symbols("b u alpha x y s", real=True)
CASES = [
    ("steady state (baseline): log(1+x) ≤ x on [0,∞), to the budget", sp.log(1 + x), x, {x: (0, sp.oo)}),
    ("x(1−x)y(1−y) ≤ 1/16 + 10⁻³ on [0,1]² ", x * (1 - x) * y * (1 - y), sp.Rational(1, 16) + sp.Rational(1, 1000),
     {x: (0, 1), y: (0, 1)}),
    ("α/(2−α) ≤ α on (0,1]", a / (2 - a), a, {a: (0, 1, "open", "closed")}),
    ("000 L269: variance factor ≤ 4(1−β)", (1 - b) ** 2 * (1 - u**2 / b) / ((1 - b**2) * (1 - u) ** 2), 4 * (1 - b),
     {b: (0, 1, "open", "open"), u: (0, sp.Rational(1, 2), "open", "closed")}),
    ("x·y ≤ 1 on (0,1)²", x * y, sp.Integer(1), {x: (0, 1, "open", "open"), y: (0, 1, "open", "open")}),
    ("sigmoid² ≤ 1 on R", (sp.exp(-s) / (1 + sp.exp(-s))) ** 2, sp.Integer(1), {s: (-sp.oo, sp.oo)}),
    ("x² + y² ≥ 2xy + 0 on [−3,3]² (touching)", 2 * x * y, x**2 + y**2, {x: (-3, 3), y: (-3, 3)}),
    ("false: sin(x)·y/8 ≤ 1.2 on [0,10]² (max 1.25)", sp.sin(x) * y / 8, sp.Rational(12, 10), {x: (0, 10), y: (0, 10)}),
    ("touching: 1 − x ≤ e^{−x} on R", 1 - x, sp.exp(-x), {x: (-sp.oo, sp.oo)}),
    ("touching: (1 − 1/t)^t ≤ 1/e on [1,∞)", (1 - 1 / s) ** s, sp.exp(-1), {s: (1, sp.oo)}),
]


def raw_throughput(n: int = 4000) -> None:
    """Enclosures per second of one expression on the same n boxes: mpmath intervals vs Arb balls."""
    from fractions import Fraction

    from optverify.verify import interval as ivm
    from optverify.verify.arb_interval import ball, compile_arb

    e = (1 - b) ** 2 * (1 - u**2 / b) / ((1 - b**2) * (1 - u) ** 2) - 4 * (1 - b)
    boxes = [(Fraction(k, n + 1), Fraction(k + 1, n + 1), Fraction(1, 4), Fraction(1, 3)) for k in range(1, n)]
    fa = compile_arb(e, [b, u])
    fi = ivm._compile(e, {b: 0, u: 1}, "iv")
    t0 = time.perf_counter()
    for b0, b1, u0, u1 in boxes:
        fi([ivm.iv.mpf([ivm.iv.mpf(b0.numerator) / b0.denominator, ivm.iv.mpf(b1.numerator) / b1.denominator]),
            ivm.iv.mpf([ivm.iv.mpf(u0.numerator) / u0.denominator, ivm.iv.mpf(u1.numerator) / u1.denominator])], ivm._Flags())
    t_iv = time.perf_counter() - t0
    t0 = time.perf_counter()
    for b0, b1, u0, u1 in boxes:
        fa([ball(b0, b1), ball(u0, u1)])
    t_arb = time.perf_counter() - t0
    print(f"raw enclosures of the 000 L269 factor on {len(boxes)} boxes: mpmath {len(boxes) / t_iv:10.0f}/s   "
          f"Arb {len(boxes) / t_arb:10.0f}/s   (×{t_iv / t_arb:.1f})")


def main() -> None:
    base = None
    print(f"{'inequality':50s} {'engine':7s} {'status':14s} {'boxes':>8s} {'boxes/s':>10s} {'ratio':>7s} {'time s':>7s}")
    for name, lhs, rhs, box in CASES:
        t0 = time.perf_counter()
        res = prove_inequality(lhs, rhs, box, rel="<=", max_boxes=3000, time_budget=20)
        dt = time.perf_counter() - t0
        rate = res.boxes_examined / dt if dt > 0 else float("inf")
        base = base or rate
        print(f"{name:50s} {'mpmath':7s} {res.status:14s} {res.boxes_examined:8d} {rate:10.1f} {rate / base:7.2f} {dt:7.2f}")
        t0 = time.perf_counter()
        new = prove_relation(lhs, "<=", rhs, box, budget=Budget.seconds(20), max_boxes=3000)
        dt = time.perf_counter() - t0
        rate = new.boxes / dt if dt > 0 else float("inf")
        print(f"{'':50s} {'Arb+BB':7s} {new.status:14s} {new.boxes:8d} {rate:10.1f} {rate / base:7.2f} {dt:7.2f}  {dict(new.closed_by)}")
    raw_throughput()


if __name__ == "__main__":
    main()
