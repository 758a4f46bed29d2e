"""Second-order smooth functions with a computed J, and the cubic-regularised Newton step (003 section 25).

Separable functions L(w) = Σ_i f_i(w_i) on ℝ² with

    f_i(u) = q_i u²/2 + c_i·softplus(k_i u) + e_i u³/6,

whose third-derivative tensor is diagonal with entries f_i'''(w_i) = c_i k_i³ s(1−s)(1−2s) + e_i
(s = sigmoid(k_i w_i)); |s(1−s)(1−2s)| ≤ 1/(6√3), so the operator norm of ∇³L is at most

    J = max_i ( |c_i| k_i³/(6√3) + |e_i| )

(a diagonal trilinear form is bounded by its largest entry), and by Proposition 25.3 L is
J-second-order smooth.  The cubic terms make the class contain the extremal function
L = J u³/6 of Lemmas 25.4–25.5; q_i < 0 gives negative curvature for Theorem 25.7.

The cubic subproblem min_δ ⟨g, δ⟩ + δᵀHδ/2 + J‖δ‖³/6 with H diagonal is solved globally in the
number context (floats while searching, 50 digits on replay) through its secular equation
(Nesterov & Polyak 2006, Theorem 10): δ = −(H + (J r/2) I)⁻¹ g with r = ‖δ‖ the root of
‖(H + (J r/2) I)⁻¹ g‖ = r on r ≥ max(0, −2 λ_min/J), by bisection; the global-optimality
certificate (stationarity residual and H + (J r/2) I ⪰ 0) is returned with the step.
"""

from __future__ import annotations

from optverify.counterexamples.schema import family, integer, real
from optverify.verify.numctx import sigmoid as _sig, softplus as _softplus

D = 2  # dimension of the separable families


def separable_parts(p, num):
    """(q, c, k, e) per coordinate and J, in the number context."""
    q = [num.num(p[f"q{i}"]) for i in range(D)]
    c = [num.num(p[f"c{i}"]) for i in range(D)]
    k = [num.num(p[f"k{i}"]) for i in range(D)]
    e = [num.num(p[f"e{i}"]) for i in range(D)]
    six_root3 = 6 * num.sqrt(num.num(3))
    J = max(num.fabs(c[i]) * k[i] ** 3 / six_root3 + num.fabs(e[i]) for i in range(D))
    return q, c, k, e, J


def value(parts, num, w):
    q, c, k, e, _ = parts
    return sum(q[i] * w[i] ** 2 / 2 + c[i] * _softplus(num, k[i] * w[i]) + e[i] * w[i] ** 3 / 6 for i in range(D))


def gradient(parts, num, w):
    q, c, k, e, _ = parts
    return [q[i] * w[i] + c[i] * k[i] * _sig(num, k[i] * w[i]) + e[i] * w[i] ** 2 / 2 for i in range(D)]


def hessian_diag(parts, num, w):
    q, c, k, e, _ = parts
    out = []
    for i in range(D):
        s = _sig(num, k[i] * w[i])
        out.append(q[i] + c[i] * k[i] ** 2 * s * (1 - s) + e[i] * w[i])
    return out


def _norm(num, v):
    return num.sqrt(sum(x * x for x in v))


def cubic_model(num, g, h, J, delta):
    """P(δ) = ⟨g, δ⟩ + δᵀ diag(h) δ/2 + J‖δ‖³/6."""
    return sum(g[i] * delta[i] + h[i] * delta[i] ** 2 / 2 for i in range(len(g))) + J * _norm(num, delta) ** 3 / 6


def cubic_step(num, g, h, J, iters=None):
    """Global minimiser of the cubic model with diagonal Hessian diag(h), and its optimality certificate."""
    n = len(g)
    hmin = min(h)
    r0 = max(num.num(0), -2 * hmin / J)

    def phi(r):
        s = num.num(0)
        for i in range(n):
            den = h[i] + J * r / 2
            if den <= 0:
                if g[i] != 0:
                    return None  # +∞
                continue
            s += (g[i] / den) ** 2
        return num.sqrt(s)

    iters = iters or (400 if getattr(num, "name", "float64") != "float64" else 120)
    probe = r0 * (1 + num.num(10) ** -12) + num.num(10) ** -300
    ph = phi(probe)
    hard = r0 > 0 and ph is not None and ph <= r0
    if hard:
        r = r0
    else:
        lo, hi = r0, r0 + 1
        while True:
            v = phi(hi)
            if v is not None and v <= hi:
                break
            hi = r0 + 2 * (hi - r0)
        for _ in range(iters):
            mid = (lo + hi) / 2
            if mid == lo or mid == hi:
                break
            v = phi(mid)
            if v is None or v > mid:
                lo = mid
            else:
                hi = mid
        r = hi
    delta = []
    for i in range(n):
        den = h[i] + J * r / 2
        delta.append(-g[i] / den if den > 0 else num.num(0))
    if hard:
        i0 = min(range(n), key=lambda i: h[i])
        rest = sum(x * x for x in delta)
        delta[i0] = delta[i0] + num.sqrt(max(r * r - rest, num.num(0)))
    nd = _norm(num, delta)
    resid = _norm(num, [g[i] + h[i] * delta[i] + J * nd * delta[i] / 2 for i in range(n)])
    return delta, {"stationarity_residual": resid, "psd_margin": hmin + J * nd / 2, "norm": nd}


_SEP = {
    **{f"q{i}": real(-3, 3) for i in range(D)},
    **{f"c{i}": real(-2, 2, examples=(0.0,)) for i in range(D)},
    **{f"k{i}": real(0.3, 3) for i in range(D)},
    **{f"e{i}": real(-1, 1, examples=(0.0, 1.0)) for i in range(D)},
}
_PT = {f"x{i}": real(-3, 3) for i in range(D)}
_DIR = {f"d{i}": real(-3, 3, examples=(0.0,)) for i in range(D)}


def _vec(p, num, name):
    return [num.num(p[f"{name}{i}"]) for i in range(D)]


@family({**_SEP, **_PT, **_DIR}, name="second-order-smooth-separable-taylor",
        description="L(w) = Σ_i q_i w_i²/2 + c_i softplus(k_i w_i) + e_i w_i³/6 on ℝ², J = max_i |c_i|k_i³/(6√3) + |e_i|; point x, step δ in [−3, 3]²")
def taylor_remainders(p, num):
    """Remainders of the second-order Taylor expansions of L and ∇L at x along δ (Lemmas 25.4, 25.5)."""
    parts = separable_parts(p, num)
    x, dl = _vec(p, num, "x"), _vec(p, num, "d")
    xd = [x[i] + dl[i] for i in range(D)]
    g, h = gradient(parts, num, x), hessian_diag(parts, num, x)
    rem = value(parts, num, xd) - value(parts, num, x) - sum(g[i] * dl[i] + h[i] * dl[i] ** 2 / 2 for i in range(D))
    gd = gradient(parts, num, xd)
    grad_rem = _norm(num, [gd[i] - g[i] - h[i] * dl[i] for i in range(D)])
    return {"measured": rem, "value_remainder": rem, "gradient_remainder": grad_rem, "J": parts[4], "nd": _norm(num, dl)}


@family({**_SEP, **_PT, **{f"y{i}": real(-3, 3) for i in range(D)}, **_DIR}, name="second-order-smooth-separable-hessian-lipschitz",
        description="the separable family; points x, y and a vector v in [−3, 3]²")
def hessian_difference(p, num):
    """‖(∇²L(x) − ∇²L(y))v‖ against J‖x − y‖‖v‖ (Definition 25.1 through Proposition 25.3)."""
    parts = separable_parts(p, num)
    x, y, v = _vec(p, num, "x"), _vec(p, num, "y"), _vec(p, num, "d")
    hx, hy = hessian_diag(parts, num, x), hessian_diag(parts, num, y)
    return {"measured": _norm(num, [(hx[i] - hy[i]) * v[i] for i in range(D)]), "J": parts[4],
            "nxy": _norm(num, [x[i] - y[i] for i in range(D)]), "nv": _norm(num, v)}


@family({**_SEP, **_PT, **{f"v{i}": real(-1, 1, nonzero=1e-3) for i in range(D)}, "frac": real(0, 0.999, examples=(0.0, 0.999)),
         "Jx": real(0, 2, examples=(0.0,))},
        name="second-order-smooth-negative-curvature-step",
        description="the separable family at x with J = (its third-derivative bound) + Jx, Jx ∈ [0, 2], J ≥ 0.01 (any J' ≥ J is a valid "
                    "constant); a direction v (normalised) with vᵀ∇²L(x)v < 0 and λ = frac·(−vᵀ∇²L(x)v) < −vᵀ∇²L(x)v")
def negative_curvature_step(p, num):
    """Theorem 25.7: δ = −(2λ/J) v sign(⟨v, ∇L(w)⟩); L(w + δ) − L(w) against −2λ³/(3J²).

    measured = the claimed decrease 2λ³/(3J²), compared with the actual decrease L(w) − L(w + δ).
    An instance whose direction has no negative curvature is outside the hypothesis (there is no
    λ ≥ 0 with vᵀ∇²Lv < −λ); it is returned as satisfied (claimed 0 against actual 1)."""
    parts = separable_parts(p, num)
    J = max(parts[4] + num.num(p["Jx"]), num.num(1) / 100)  # a floor keeps δ = 2λ/J within reach of the number context
    x, v = _vec(p, num, "x"), _vec(p, num, "v")
    nv = _norm(num, v)
    v = [vi / nv for vi in v]
    h = hessian_diag(parts, num, x)
    curv = sum(h[i] * v[i] ** 2 for i in range(D))
    if not curv < 0 or J == 0:
        return {"measured": num.num(0), "actual_decrease": num.num(1), "lam": num.num(0), "J": J, "in_hypothesis": 0}
    lam = num.num(p["frac"]) * (-curv)
    g = gradient(parts, num, x)
    sgn = 1 if sum(v[i] * g[i] for i in range(D)) >= 0 else -1  # sign(x) = 1 if x ≥ 0, −1 otherwise (line 3847)
    delta = [-(2 * lam / J) * v[i] * sgn for i in range(D)]
    xd = [x[i] + delta[i] for i in range(D)]
    change = value(parts, num, xd) - value(parts, num, x)
    return {"measured": 2 * lam ** 3 / (3 * J ** 2), "actual_decrease": -change, "lam": lam, "J": J, "in_hypothesis": 1}


@family({**_SEP, **_PT, **{f"o{i}": real(-3, 3) for i in range(D)}, "Jx": real(0.05, 2, log=True)}, name="cubic-subproblem-separable",
        description="the separable family at w_t with J = (its third-derivative bound) + Jx, Jx ∈ [0.05, 2] (a J-second-order smooth "
                    "function is J'-second-order smooth for every J' ≥ J); the cubic model P_t with ∇²L(w_t) diagonal, solved globally; "
                    "a competitor step o")
def cubic_subproblem(p, num):
    """The cubic-regularised Newton step at w_t: P_t(δ*), its certificate, and the quantities of lines 3859–3875."""
    parts = separable_parts(p, num)
    J = parts[4] + num.num(p["Jx"])
    x, o = _vec(p, num, "x"), _vec(p, num, "o")
    g, h = gradient(parts, num, x), hessian_diag(parts, num, x)
    delta, cert = cubic_step(num, g, h, J)
    P = cubic_model(num, g, h, J, delta)
    lam = -min(h)  # λ(w): the smallest eigenvalue of ∇²L(w) is −λ(w)
    xd = [x[i] + delta[i] for i in range(D)]
    return {
        "measured": P,
        "P_star": P, "P_competitor": cubic_model(num, g, h, J, o),
        # L(w_{t+1}) ≤ L(w_t) + P_t(δ*) written as: remainder of the quadratic model ≤ the cubic term J‖δ*‖³/6
        "remainder": value(parts, num, xd) - value(parts, num, x) - (P - J * cert["norm"] ** 3 / 6),
        "cubic_term": J * cert["norm"] ** 3 / 6,
        # P_t(δ*) ≤ P_t(o), both sides shifted by |P_t(δ*)| + 1 > 0 so that the ratio is meaningful
        "shifted_star": P + num.fabs(P) + 1, "shifted_competitor": cubic_model(num, g, h, J, o) + num.fabs(P) + 1,
        "neg_P_star": -P,
        "lam_bound": 2 * max(lam, num.num(0)) ** 3 / (3 * J ** 2),
        "lam_nonneg": 1 if lam >= 0 else 0,
        "J": J, "zero": num.num(0),
        # relative to the size of the terms it balances
        "stationarity_residual": cert["stationarity_residual"]
        / (1 + _norm(num, g) + max(num.fabs(hi) for hi in h) * cert["norm"] + J * cert["norm"] ** 2),
        "psd_margin": cert["psd_margin"],
        "neg_psd_margin": -cert["psd_margin"],
        # line 3905: ‖∇L(w_{t+1})‖ ≤ J‖δ*‖²
        "grad_next": _norm(num, gradient(parts, num, xd)), "J_r2": J * cert["norm"] ** 2,
    }


# --- Theorem 25.8 on a one-dimensional class with a known minimum -------------------------------------------------

@family({"q": real(0.05, 10, log=True), "c": real(0, 2, examples=(0.0,)), "k": real(0.3, 3),
         "J_extra": real(1e-8, 10, log=True, examples=(1e-8,)), "w1": real(-5, 5, nonzero=1e-2), "T": integer(1, 4)},
        name="cubic-newton-1d-{statement}",
        description="L(u) = q u²/2 + c (softplus(ku) + softplus(−ku)), minimum L* = 2c log 2 at 0; "
                    "J = c k³/(3√3) + J_extra (a J-second-order smooth function is J'-second-order smooth for J' ≥ J); "
                    "T steps of the cubic-regularised Newton step from w_1")
def cubic_newton_1d(p, num, *, statement="printed"):
    """min over t ∈ {1..T} of max(‖∇L(w_{t+1})‖/A, λ(w_{t+1})/B): Theorem 25.8 says it is at most 1.

    printed: A = 6^{2/3}Δ^{2/3}J^{4/3}/T^{2/3}, B = 2·6^{1/3}Δ^{1/3}J^{2/3}/T^{1/3} (line 3881);
    corrected: ε = (3Δ√J/(2T))^{2/3}, A = 9ε, B = 4√(Jε) (the printed proof redone with thresholds
    √(Jε) on λ and 3√(Jε)/J on ‖δ*‖)."""
    q, c, k = num.num(p["q"]), num.num(p["c"]), num.num(p["k"])
    J = c * k ** 3 / (3 * num.sqrt(num.num(3))) + num.num(p["J_extra"])
    T = int(p["T"])

    def f(u):
        return q * u * u / 2 + c * (_softplus(num, k * u) + _softplus(num, -k * u))

    def f1(u):
        return q * u + c * k * (2 * _sig(num, k * u) - 1)

    def f2(u):
        s = _sig(num, k * u)
        return q + 2 * c * k * k * s * (1 - s)

    w = num.num(p["w1"])
    Delta = f(w) - 2 * c * num.log(num.num(2))
    if statement == "printed":
        A = num.num(6) ** (num.num(2) / 3) * Delta ** (num.num(2) / 3) * J ** (num.num(4) / 3) / num.num(T) ** (num.num(2) / 3)
        B = 2 * num.num(6) ** (num.num(1) / 3) * Delta ** (num.num(1) / 3) * J ** (num.num(2) / 3) / num.num(T) ** (num.num(1) / 3)
    else:
        eps = (3 * Delta * num.sqrt(J) / (2 * T)) ** (num.num(2) / 3)
        A, B = 9 * eps, 4 * num.sqrt(J * eps)
    best = None
    for _ in range(T):
        g, h = f1(w), f2(w)
        r = 2 * num.fabs(g) / (h + num.sqrt(h * h + 2 * J * num.fabs(g)))  # h > 0 on this class: the positive root, stably
        w = w - num.sign(g) * r
        score = max(num.fabs(f1(w)) / A, -f2(w) / B)
        best = score if best is None else min(best, score)
    return {"measured": best, "A": A, "B": B, "Delta": Delta, "J": J, "grad_last": num.fabs(f1(w))}
