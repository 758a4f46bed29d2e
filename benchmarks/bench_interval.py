"""Interval prover throughput: boxes per second on the inequalities the claims use.

Run on demand:  python benchmarks/bench_interval.py
Prints, for each inequality, boxes examined, boxes per second, and the ratio to
the first  inequality measured in the same run.
"""

from __future__ import annotations

import time

import sympy as sp

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
]


def main() -> None:
    base = None
    print(f"{'inequality':50s} {'status':14s} {'boxes':>8s} {'boxes/s':>10s} {'ratio':>7s} {'time s':>7s}")
    for name, lhs, rhs, box in CASES:
        t0 = time.perf_counter()
        res = prove_inequality(lhs, rhs, box, rel="<=", max_boxes=3000, time_budget=20)
        dt = time.perf_counter() - t0
        rate = res.boxes_examined / dt if dt > 0 else float("inf")
        base = base or rate
        print(f"{name:50s} {res.status:14s} {res.boxes_examined:8d} {rate:10.1f} {rate / base:7.2f} {dt:7.2f}")


if __name__ == "__main__":
    main()
