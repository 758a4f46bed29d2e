"""Quadratic and strongly convex instances for 003 §21 (lines 2952–3118): regularisation and gradient descent.

``regularized_gd``: L(w) = ½ Σ_i a_i (w_i − b_i)², two coordinates, H = a_1 ≥ a_2 > 0 (every convex quadratic
is one of these after a rotation, and a rotation changes no quantity here); w_* = b, w_*^λ = (a_i b_i/(a_i + λ))_i;
gradient descent with η = 1/(H + λ) on F = L + (λ/2)‖·‖² from w_1 = 0 has the closed form
w_t[i] = w_*^λ[i](1 − (1 − (a_i + λ)/(H + λ))^{t−1}), so every value is exact at any precision.

``strongly_convex_2d``: L(w) = (μ/2)‖w‖² + c_1 s(p_1·w) + c_2 s(p_2·w), s the softplus log(1 + e^x), c_i ≥ 0: a
twice-differentiable convex function whose Hessian is ⪰ μI with equality approached at infinity (μ is its exact
strong-convexity constant); used for first-order conditions that need no minimiser.
"""

from __future__ import annotations

from optverify.counterexamples.schema import family, integer, real


def _lam(p, num, choice_):
    if choice_ == "printed":  # line 3112: λ = (2H/t) log(t/2)
        t = num.num(int(p["t"]))
        return 2 * num.num(p["a1"]) / t * num.log(t / 2)
    return num.num(p["lam"])


@family(
    {
        "a1": real(0.01, 10, log=True),
        "r": real(1e-3, 1, examples=(1e-3, 1.0, 0.01)),  # a_2 = r·a_1 > 0: unique minimisers
        "b1": real(-5, 5),
        "b2": real(-5, 5, nonzero=1e-3),
        "lam": real(1e-4, 10, log=True),
        "lam2": real(0, 10, examples=(0.0,)),  # a second, smaller λ (Lemma 21.1): λ_2 = lam2·λ/10
        "t": integer(1, {"quick": 200, "thorough": 2000}, examples=(1, 2, 3)),
    },
    name="regularized-gd-{lam_choice}",
    description=lambda o: (
        "L(w) = ½Σ a_i(w_i − b_i)², d = 2, H = a_1 ∈ [0.01, 10], a_2 = r·a_1, |b_i| ≤ 5; gradient descent with η = 1/(H + λ) on "
        "L + (λ/2)‖w‖² from w_1 = 0, closed form; "
        + ("λ = (2H/t) log(t/2) (line 3112), t ≥ 3" if o["lam_choice"] == "printed" else "λ ∈ [10⁻⁴, 10], t ≤ 200 (quick)")
    ),
)
def regularized_gd(p, num, *, lam_choice="free"):
    a = [num.num(p["a1"]), num.num(p["r"]) * num.num(p["a1"])]
    b = [num.num(p["b1"]), num.num(p["b2"])]
    H = a[0]
    t = int(p["t"])
    if lam_choice == "printed" and t < 3:
        t = 3
    lam = _lam({**p, "t": t}, num, lam_choice)
    lam2 = num.num(p["lam2"]) * lam / 10
    wl = [ai * bi / (ai + lam) for ai, bi in zip(a, b)]
    wl2 = [ai * bi / (ai + lam2) for ai, bi in zip(a, b)] if all(ai + lam2 > 0 for ai in a) else wl
    wt = [wli * (1 - (1 - (ai + lam) / (H + lam)) ** (t - 1)) for wli, ai in zip(wl, a)]
    two = num.num(2)

    def Lf(w):
        return sum(ai * (wi - bi) ** 2 for ai, wi, bi in zip(a, w, b)) / two

    def Ff(w):
        return Lf(w) + lam / two * sum(wi * wi for wi in w)

    zero = [num.num(0), num.num(0)]
    sq = lambda w: sum(wi * wi for wi in w)  # noqa: E731
    return {
        "measured": Lf(wt),  # L(w_t) − L(w_*), L(w_*) = 0
        "F_gap": Ff(wt) - Ff(wl),
        "F_gap1": Ff(zero) - Ff(wl),
        "L_gap1": Lf(zero),
        "norm_lam1": num.sqrt(sq(wl)), "norm_lam2": num.sqrt(sq(wl2)),
        "H": H, "lambda": lam, "t": num.num(t), "ws_sq": sq(b), "wl_sq": sq(wl),
    }


@family(
    {
        "mu": real(0.01, 10, log=True),
        "kappa": real(1, 100, log=True, examples=(1.0,)),  # a_1 = κμ
        "b1": real(-5, 5), "b2": real(-5, 5),
        "w1": real(-10, 10), "w2": real(-10, 10, nonzero=1e-3),
    },
    name="strongly-convex-quadratic",
    description="L(w) = ½(κμ(w_1 − b_1)² + μ(w_2 − b_2)²), μ ∈ [0.01, 10], κ ∈ [1, 100]: μ-strongly convex, w_* = b, any w with |w_i| ≤ 10",
)
def strongly_convex_quadratic(p, num):
    mu, k = num.num(p["mu"]), num.num(p["kappa"])
    r = [num.num(p["w1"]) - num.num(p["b1"]), num.num(p["w2"]) - num.num(p["b2"])]
    a = [k * mu, mu]
    gap = (a[0] * r[0] ** 2 + a[1] * r[1] ** 2) / 2
    return {"measured": gap, "gap": gap, "grad_sq": (a[0] * r[0]) ** 2 + (a[1] * r[1]) ** 2, "dist_sq": r[0] ** 2 + r[1] ** 2, "mu": mu}


@family(
    {
        "mu": real(0.01, 10, log=True),
        "c1": real(0, 10), "c2": real(0, 10),
        "p11": real(-3, 3), "p12": real(-3, 3), "p21": real(-3, 3), "p22": real(-3, 3),
        "x1": real(-5, 5), "x2": real(-5, 5), "y1": real(-5, 5), "y2": real(-5, 5),
    },
    name="strongly-convex-softplus",
    description="L(w) = (μ/2)‖w‖² + c_1 log(1 + e^{p_1·w}) + c_2 log(1 + e^{p_2·w}), c_i ∈ [0, 10], |p_ij| ≤ 3, d = 2: μ-strongly convex "
                "(Hessian μI + Σ c_i s''(p_i·w) p_i p_iᵀ ⪰ μI); any x, y with |x_i|, |y_i| ≤ 5",
)
def strongly_convex_softplus(p, num):
    mu = num.num(p["mu"])
    cs = [num.num(p["c1"]), num.num(p["c2"])]
    ps = [[num.num(p["p11"]), num.num(p["p12"])], [num.num(p["p21"]), num.num(p["p22"])]]
    x = [num.num(p["x1"]), num.num(p["x2"])]
    y = [num.num(p["y1"]), num.num(p["y2"])]

    def L(w):
        return mu / 2 * (w[0] ** 2 + w[1] ** 2) + sum(c * num.log(1 + num.exp(q[0] * w[0] + q[1] * w[1])) for c, q in zip(cs, ps))

    def grad(w):
        g = [mu * w[0], mu * w[1]]
        for c, q in zip(cs, ps):
            s = 1 / (1 + num.exp(-(q[0] * w[0] + q[1] * w[1])))
            g = [g[0] + c * s * q[0], g[1] + c * s * q[1]]
        return g

    gx = grad(x)
    lower = L(x) + gx[0] * (y[0] - x[0]) + gx[1] * (y[1] - x[1]) + mu / 2 * ((y[0] - x[0]) ** 2 + (y[1] - x[1]) ** 2)
    return {"measured": lower, "L_y": L(y), "mu": mu}
