"""Instances for the background appendices of 003 (A: probability, B: convexity, smoothness, Lipschitzness).

Random variables are finite distributions (three atoms, probabilities from positive weights), so every
expectation and probability is computed exactly in the number context (floats while searching,
50 digits on replay).  Convex test functions are f(x) = a x² + b|x| + c·e^{x} (a, b, c ≥ 0).
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, real
from optverify.verify.numctx import sigmoid as _sig, softplus as _softplus

K = 3  # atoms


def _f(num, a, b, c, x):
    return a * x * x + b * num.fabs(x) + c * num.exp(x)


def _fprime(num, a, b, c, x):
    """A subgradient of f at x (the derivative; at x = 0 the |x| term contributes 0 ∈ [−b, b])."""
    return 2 * a * x + b * num.sign(x) + c * num.exp(x)


def _probs(num, w):
    w = [num.num(v) for v in w]
    s = sum(w)
    return [v / s for v in w]


@family({"x": array(real(-3, 3), K), "w": array(real(0.01, 1), K), "y": real(-2, 2, nonzero=1e-3, examples=(-0.5, 1.0)),
         "a": real(0, 2, examples=(0.0,)), "b": real(0, 2, examples=(0.0,)), "c": real(0, 1, examples=(0.0,)),
         "yp": real(-3, 3)},
        name="three-atom-random-variable",
        description="X with three atoms x_i ∈ [−3, 3] of probabilities ∝ w_i ∈ [0.01, 1]; a threshold y ∈ [−2, 2] \\ {0}; "
                    "a convex f(x) = a x² + b|x| + c eˣ (a, b, c ≥ 0); a point y' ∈ [−3, 3]")
def random_variable(p, num):
    x = [num.num(v) for v in p["x"]]
    pr = _probs(num, p["w"])
    y = num.num(p["y"])
    a, b, c = (num.num(p[k]) for k in ("a", "b", "c"))
    EX = sum(pr[i] * x[i] for i in range(K))
    var = sum(pr[i] * (x[i] - EX) ** 2 for i in range(K))
    absX = [num.fabs(v) for v in x]
    E_abs = sum(pr[i] * absX[i] for i in range(K))
    Ef = sum(pr[i] * _f(num, a, b, c, x[i]) for i in range(K))
    fE = _f(num, a, b, c, EX)
    g = _fprime(num, a, b, c, EX)
    yp = num.num(p["yp"])
    return {
        # Markov on |X| (a non-negative random variable): P[|X| ≥ y] against E|X|/y (y > 0 only; y ≤ 0 returns a satisfied pair)
        "markov_p": sum(pr[i] for i in range(K) if absX[i] >= y) if y > 0 else num.num(0),
        "markov_rhs": E_abs / y if y > 0 else num.num(1),
        # Chebyshev: P[|X − EX| ≥ y] against σ²/y², y ∈ [−2, 2] as printed ("for all y")
        "cheb_p": sum(pr[i] for i in range(K) if num.fabs(x[i] - EX) >= y), "cheb_rhs": var / (y * y),
        # the same for y > 0 only (y ≤ 0 returns a satisfied pair)
        "cheb_p_pos": sum(pr[i] for i in range(K) if num.fabs(x[i] - EX) >= y) if y > 0 else num.num(0),
        "cheb_rhs_pos": var / (y * y) if y > 0 else num.num(1),
        "Ef": Ef, "fE": fE, "E_abs": E_abs, "sqrt_E_sq": num.sqrt(sum(pr[i] * x[i] ** 2 for i in range(K))),
        # supporting line at E[X]: f(E X) + g (y' − E X) ≤ f(y')
        "support": fE + g * (yp - EX), "f_yp": _f(num, a, b, c, yp),
        "measured": Ef,
    }


@family({"x": array(real(-3, 3), K), "wt": array(real(0, 3, examples=(2.0,)), K),
         "a": real(0, 2, examples=(0.0,)), "b": real(0, 2, examples=(0.0,)), "c": real(0, 1, examples=(0.0,)),
         "f0": real(-2, 2, examples=(1.0,))},
        name="weighted-jensen-{form}",
        description="points x_i ∈ [−3, 3], non-negative weights a_i ∈ [0, 3] (not all 0), convex f(x) = f0 + a x² + b|x| + c eˣ")
def weighted_jensen(p, num, *, form="printed"):
    """Corollary A.4: printed x̄ = Σx_i/Σa_i and (1/Σa_i)Σf(x_i) ≥ f(x̄); corrected with the weights a_i inside both sums."""
    x = [num.num(v) for v in p["x"]]
    wt = [num.num(v) for v in p["wt"]]
    a, b, c, f0 = (num.num(p[k]) for k in ("a", "b", "c", "f0"))
    S = sum(wt)
    if S <= 0:
        return {"measured": num.num(0), "rhs": num.num(1)}

    def f(v):
        return f0 + _f(num, a, b, c, v)

    if form == "printed":
        xbar = sum(x) / S
        lhs = sum(f(v) for v in x) / S
    else:
        xbar = sum(wt[i] * x[i] for i in range(K)) / S
        lhs = sum(wt[i] * f(x[i]) for i in range(K)) / S
    # f(x̄) ≤ lhs, shifted by a common constant so both sides are positive (the ratio needs it)
    shift = num.fabs(f(xbar)) + num.fabs(lhs) + 1
    return {"measured": f(xbar) + shift, "rhs": lhs + shift}


@family({"nx": real(0, 5), "ny": real(0, 5), "cos": real(-1, 1, examples=(1.0,)), "p": real(1.01, 10, log=True),
         "lam": real(0.05, 20, log=True)},
        name="young-inequality",
        description="‖X‖, ‖Y‖ ∈ [0, 5], cos∠(X, Y) ∈ [−1, 1], p ∈ (1, 10], q = p/(p − 1) (1/p + 1/q = 1), λ ∈ [0.05, 20]")
def young(p, num):
    nx, ny, cs, pp, lam = (num.num(p[k]) for k in ("nx", "ny", "cos", "p", "lam"))
    q = pp / (pp - 1)
    return {"measured": nx * ny * cs, "rhs": nx ** pp / (pp * lam ** pp) + lam ** q * ny ** q / q}


@family({"a": array(real(-3, 3), K), "b": array(real(-3, 3), K), "w": array(real(0.01, 1), K)},
        name="two-random-variables",
        description="(A, B) with three joint atoms (a_i, b_i) ∈ [−3, 3]², probabilities ∝ w_i")
def two_variables(p, num):
    pr = _probs(num, p["w"])
    A = [num.num(v) for v in p["a"]]
    B = [num.num(v) for v in p["b"]]
    EAB = sum(pr[i] * A[i] * B[i] for i in range(K))
    EA2 = sum(pr[i] * A[i] ** 2 for i in range(K))
    EB2 = sum(pr[i] * B[i] ** 2 for i in range(K))
    return {"measured": EAB, "rhs": num.sqrt(EA2 * EB2)}


# --- appendix B ---------------------------------------------------------------------------------------------------

@family({"q": real(-2, 2, examples=(0.0,)), "c": real(-2, 2), "k": real(0.3, 3), "b": real(-2, 2), "x": real(-4, 4), "y": real(-4, 4)},
        name="one-dimensional-{property}",
        description="L(u) = q u²/2 + c softplus(ku) + b u on ℝ; sup|L'| and sup|L''| computed in closed form")
def one_dimensional(p, num, *, property="smooth"):
    """Propositions B.1, 2.3, 5.2 ('if' directions) on a class where the derivative bounds are exact.

    smooth:    H = |q| + |c|k²/4 ≥ sup|L''|; measured |L'(x) − L'(y)| against H|x − y|.
    lipschitz: q = 0, G = max(|b|, |b + ck|) = sup|L'|; measured |L(x) − L(y)| against G|x − y|.
    convex:    q ≥ 0 and c ≥ 0 make L'' ≥ 0; measured L(x) + L'(x)(y − x) against L(y) (instances with q < 0 or c < 0
               are outside and returned satisfied)."""
    q, c, k, b, x, y = (num.num(p[n]) for n in ("q", "c", "k", "b", "x", "y"))
    if property == "lipschitz":
        q = num.num(0)

    def L(u):
        return q * u * u / 2 + c * _softplus(num, k * u) + b * u

    def L1(u):
        return q * u + c * k * _sig(num, k * u) + b

    if property == "smooth":
        H = num.fabs(q) + num.fabs(c) * k * k / 4
        return {"measured": num.fabs(L1(x) - L1(y)), "rhs": H * num.fabs(x - y)}
    if property == "lipschitz":
        G = max(num.fabs(b), num.fabs(b + c * k))
        return {"measured": num.fabs(L(x) - L(y)), "rhs": G * num.fabs(x - y)}
    if q < 0 or c < 0:
        return {"measured": num.num(0), "rhs": num.num(1)}
    shift = num.fabs(L(x)) + num.fabs(L(y)) + num.fabs(L1(x) * (y - x)) + 1
    return {"measured": L(x) + L1(x) * (y - x) + shift, "rhs": L(y) + shift}


@family({"G": real(0.1, 5), "H": real(0.1, 10, log=True), "x": real(-3, 3, nonzero=1e-6), "y": real(-3, 3, nonzero=1e-6),
         "sgn": real(-1, 1, nonzero=0.5, examples=(-1.0, 1.0))},
        name="moreau-envelope-of-abs",
        description="L(y) = s·G|y| with s = sign(sgn) (G-Lipschitz; convex for s = 1, concave for s = −1); its envelope "
                    "L̂(x) = inf_y L(y) + (H/2)(x − y)² in closed form (piecewise quadratic: the infimum over the stationary "
                    "points x ∓ sG/H and the kink 0)")
def moreau_abs(p, num, *, quantity="smooth", convex_only=False):
    """convex_only: s = 1 for every instance (the convex G|y|)."""
    G, H, x, y = (num.num(p[k]) for k in ("G", "H", "x", "y"))
    s = 1 if (convex_only or p["sgn"] > 0) else -1

    def L(u):
        return s * G * num.fabs(u)

    def env(u):
        """(L̂(u), minimiser): candidates u − sG/H (branch y > 0), u + sG/H (branch y < 0), 0; keep those in their branch."""
        cands = [num.num(0)]
        for z in (u - s * G / H, u + s * G / H):
            cands.append(z)
        vals = [(L(z) + H * (u - z) ** 2 / 2, z) for z in cands]
        return min(vals, key=lambda t: t[0])

    ex, zx = env(x)
    ey, zy = env(y)
    if quantity == "smooth":  # ∇L̂(u) = H(u − y*(u)) where the minimiser is unique (u ≠ 0 here)
        return {"measured": num.fabs(H * (x - zx) - H * (y - zy)), "rhs": H * num.fabs(x - y)}
    if quantity == "lipschitz":
        return {"measured": num.fabs(ex - ey), "rhs": G * num.fabs(x - y)}
    return {"measured": num.fabs(ex - L(x)), "rhs": G * G / H}
