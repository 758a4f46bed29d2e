"""Young's inequality of 003 (Proposition 10.5) and Cauchy–Schwarz for random variables (Proposition 10.6).

``young``: vectors X, Y ∈ ℝ², λ > 0, p > 1 and q = p/(p − 1) (so 1/p + 1/q = 1); measured ⟨X, Y⟩ and
``young_rhs`` = ‖X‖^p/(pλ^p) + λ^q‖Y‖^q/q.  ``finite_cs``: a random variable (A, B) with n ≤ 5 atoms;
measured E[AB] and ``cs_rhs`` = √(E[A²]E[B²]).
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real


@family({"x": array(real(-5, 5), 2), "y": array(real(-5, 5), 2), "lam": real(1e-2, 1e2, log=True, examples=(1.0,)),
         "p": real(1.01, 10, examples=(2.0,))},
        name="young-inequality",
        description="X, Y ∈ [−5, 5]², λ ∈ [1e-2, 1e2], p ∈ [1.01, 10], q = p/(p − 1); measured ⟨X, Y⟩")
def young(inst, num):
    x, y = [num.num(v) for v in inst["x"]], [num.num(v) for v in inst["y"]]
    lam, p = num.num(inst["lam"]), num.num(inst["p"])
    q = p / (p - 1)
    nx, ny = num.sqrt(x[0] ** 2 + x[1] ** 2), num.sqrt(y[0] ** 2 + y[1] ** 2)
    pw = (lambda b, e: num.exp(e * num.log(b)) if b > 0 else num.num(0))
    return {"measured": x[0] * y[0] + x[1] * y[1], "young_rhs": pw(nx, p) / (p * pw(lam, p)) + pw(lam, q) * pw(ny, q) / q}


@family({"n": integer(1, 5), "w": array(real(1e-3, 1), "n"), "a": array(real(-5, 5), "n"), "b": array(real(-5, 5), "n")},
        name="finite-random-pair",
        description="(A, B) with n ≤ 5 atoms (weights normalised); measured E[AB], cs_rhs = √(E[A²]E[B²])")
def finite_cs(inst, num):
    w = [num.num(v) for v in inst["w"]]
    tot = sum(w)
    pr = [v / tot for v in w]
    a, b = [num.num(v) for v in inst["a"]], [num.num(v) for v in inst["b"]]
    EA2 = sum(p * x * x for p, x in zip(pr, a))
    EB2 = sum(p * x * x for p, x in zip(pr, b))
    return {"measured": sum(p * x * y for p, x, y in zip(pr, a, b)), "cs_rhs": num.sqrt(EA2 * EB2)}
