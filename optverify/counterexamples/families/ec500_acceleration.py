"""Instance families for 003 §§13–15 (lines 1877–2263): smooth convex gradient descent, momentum, acceleration.

Every family runs the printed update with the number context ``num`` (floats while searching, 50 digits on
replay), on functions whose constants are exact:

* ``huber ⊕ quadratic`` on R²: L(w) = c₀ + Huber_{H,δ}(w[1]) + (h₂/2) w[2]², h₂ ≤ H — convex, H-smooth (sup of the
  second derivative is H exactly), minimiser w* = 0, L* = c₀; the Huber piece is the worst case of gradient
  descent (Drori & Teboulle) and the linear piece the worst case of momentum;
* ``(H/8)(x² + 3 sin² x)`` on R (⊕ the quadratic): H-smooth (f'' = (H/8)(2 + 6 cos 2x) ∈ [−H/2, H]), not convex,
  global minimum 0 at 0;
* ``G(√(‖w‖² + δ²) − δ)``: convex, G-Lipschitz (‖∇‖ < G), minimiser 0.

Algorithm 10 (line 2003) and Algorithm 11 (line 2083) are the engine's declared updates ``gd_momentum`` and
``accelerated_gd`` (``optverify/sim/updates/momentum.py``), run here by the reference interpreter
(``sim/engine/reference.py``) in the number context, on an oracle of exact gradients (``alg10_run``,
``alg11_run``); the α recursion is the step language's word ``next_alpha``.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, choice, family, integer, real
from optverify.sim.engine.reference import Oracle, Step, namespace

# ------------------------------------------------------------------------------------------------
# the functions


def huber(num, H, delta, x):
    ax = num.fabs(x)
    if ax <= delta:
        return H * x * x / 2, H * x
    return H * delta * ax - H * delta * delta / 2, H * delta * num.sign(x)


def huber_quad(num, p):
    """L, ∇L of c₀ + Huber_{H,δ}(w[1]) + (h₂/2)w[2]² (w* = 0, L* = c₀)."""
    H, delta = num.num(p["H"]), num.num(p["delta"])
    h2 = num.num(p["h2_frac"]) * H
    c0 = num.num(p.get("c0", 0))

    def f(w):
        v1, g1 = huber(num, H, delta, w[0])
        return c0 + v1 + h2 * w[1] * w[1] / 2, [g1, h2 * w[1]]

    return f, c0


def sin_sq(num, p):
    """L, ∇L of (H/8)(x² + 3 sin² x) + (h₂/2)y²: H-smooth, not convex, global minimum 0 at 0."""
    H = num.num(p["H"])
    h2 = num.num(p["h2_frac"]) * H

    def f(w):
        x, y = w
        s, c = _sin_cos(x)
        return H / 8 * (x * x + 3 * s * s) + h2 * y * y / 2, [H / 8 * (2 * x + 6 * s * c), h2 * y]

    return f, num.num(0)


def _sin_cos(x):
    import math

    import mpmath

    if isinstance(x, mpmath.mpf):
        return mpmath.sin(x), mpmath.cos(x)
    return math.sin(x), math.cos(x)


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def sub(a, b):
    return [x - y for x, y in zip(a, b)]


def axpy(a, x, y):
    """a·x + y."""
    return [a * xi + yi for xi, yi in zip(x, y)]


_SMOOTH = {
    "H": real(0.1, 10, log=True),
    "delta": real(1e-3, 5, log=True),
    "h2_frac": real(0, 1),
    "c0": real(-3, 3),
    "w1": array(real(-5, 5), (2,)),
}

# ------------------------------------------------------------------------------------------------
# a point of a smooth function: the smoothness upper bound, convexity's lower bound, Lemma 13.2


@family({**_SMOOTH, "kind": choice("huber_quad", "sin_sq"), "delta_step": array(real(-5, 5), (2,))},
        name="smooth-point",
        description="w ∈ [−5, 5]², δ ∈ [−5, 5]², on c₀ + Huber_{H,δ} ⊕ (h₂/2)y² (convex) or (H/8)(x² + 3sin²x) ⊕ (h₂/2)y² "
                    "(not convex); H ∈ [0.1, 10]")
def smooth_point(p, num, *, kind=None, excess=None):
    kind = kind or p["kind"]
    H = num.num(p["H"])
    f, fstar = (huber_quad if kind == "huber_quad" else sin_sq)(num, p)
    w = [num.num(v) for v in p["w1"]]
    dlt = [num.num(v) for v in p["delta_step"]]
    fw, g = f(w)
    f_plus, _ = f(axpy(1, dlt, w))
    f_step, _ = f(axpy(-1 / H, g, w))
    g2 = dot(g, g)
    return _excess({
        "f_plus": f_plus,
        "upper": fw + dot(g, dlt) + H / 2 * dot(dlt, dlt),
        "lower": fw + dot(g, dlt),
        "g2_over_2H": g2 / (2 * H),
        "gap": fw - fstar,
        "f_step": f_step,
        "f_w_minus": fw - g2 / (2 * H),
        "f_star": fstar,
    }, excess, num)


@family({"H": real(0.1, 10, log=True), "w": real(0, 1)},
        name="linear-on-the-unit-interval",
        description="L(w) = w defined on [0, 1] only: H-smooth for every H > 0 (∇L ≡ 1), minimised over its domain at w* = 0; "
                    "H ∈ [0.1, 10]")
def linear_on_interval(p, num):
    H, w = num.num(p["H"]), num.num(p["w"])
    return {"g2_over_2H": 1 / (2 * H), "gap": w, "H": H, "step_point": w - 1 / H}  # w − ∇L(w)/H, outside [0, 1] when w < 1/H


# ------------------------------------------------------------------------------------------------
# gradient descent on a smooth convex function (Theorems 13.1 and 13.3, line 2045)


def _gd(num, f, w1, eta, T):
    """w_1 … w_{T+1}, the values and gradients at w_1 … w_T (and the value at w_{T+1}): the declared
    ``gradient_descent`` (003 Algorithm 1) run by the engine's reference."""
    step = Step("gradient_descent", num, eta=eta)
    ws, vals, grads = [w1], [], []
    for t in range(1, T + 1):
        v, g = f(ws[-1])
        vals.append(v)
        grads.append(g)
        ws.append(step(t, ws[-1], g, {})[0])
    return ws, vals, grads


@family({**_SMOOTH, "eta_frac": real(0.01, 2, log=True), "T": integer(1, {"quick": 25, "thorough": 80})},
        name="gd-huber-quadratic-{step}",
        description="gradient descent on c₀ + Huber_{H,δ}(x) + (h₂/2)y², h₂ ≤ H, from w_1 ∈ [−5, 5]², T ≤ 25 (80 thorough); "
                    "η = eta_frac/H (step='free'), min(eta_frac, 1)/H (step='le_1/H'), or 1/(2H) (step='1/(2H)')")
def smooth_convex_gd(p, num, *, step="free", excess=None):
    H = num.num(p["H"])
    if step == "1/(2H)":
        eta = 1 / (2 * H)
    elif step == "le_1/H":
        eta = min(num.num(p["eta_frac"]), num.num(1)) / H
    else:
        eta = num.num(p["eta_frac"]) / H
    T = p["T"]
    f, fstar = huber_quad(num, p)
    w1 = [num.num(v) for v in p["w1"]]
    ws, vals, grads = _gd(num, f, w1, eta, T)
    gaps = [v - fstar for v in vals]
    g2 = [dot(g, g) for g in grads]
    lin = [dot(g, w) for g, w in zip(grads, ws)]  # w* = 0
    dist = [dot(w, w) for w in ws]
    dist1 = dist[0]
    sum_gap, sum_g2 = sum(gaps), sum(g2)
    mean = [sum(w[i] for w in ws[:T]) / T for i in range(2)]
    f_mean, _ = f(mean)
    f_next = [f(w)[0] for w in ws[1:]]
    Tn = num.num(T)
    return _excess({
        "H": H, "eta": eta, "T": Tn, "dist1_sq": dist1,
        "sum_gap": sum_gap,
        "sum_lin": sum(lin),
        "sum_g2": sum_g2,
        "r1901": dist1 / (2 * eta) + eta / 2 * sum_g2,
        "r1919_a": dist1 / (2 * eta) - dist[T] / (2 * eta) + eta / 2 * sum_g2,
        # one step, maximised over t: ⟨∇L(w_t), w_t − w*⟩ − [(‖w_t − w*‖² − ‖w_{t+1} − w*‖²)/(2η) + η‖∇L(w_t)‖²/2]
        "step_excess": max(lin[t] - ((dist[t] - dist[t + 1]) / (2 * eta) + eta / 2 * g2[t]) for t in range(T)),
        "lemma_excess": max(g2[t] / (2 * H) - gaps[t] for t in range(T)),
        "r1959": dist1 / (2 * eta) + eta / 2 * sum(2 * H * gp for gp in gaps),
        "r1963": H * dist1 + sum_gap / 2,
        "avg_gap": f_mean - fstar,
        "mean_gap": sum_gap / Tn,
        "mean_f": sum(vals) / Tn,
        "f_mean": f_mean,
        "r2053": dist1 / (2 * eta * Tn) + eta / (2 * Tn) * sum_g2,
        # line 2045, maximised over t: L(w_{t+1}) − [L(w_t) − (η/2)‖∇L(w_t)‖²]
        "descent_excess": max(f_next[t] - (vals[t] - eta / 2 * g2[t]) for t in range(T)),
    }, excess, num)


@family({"G": real(0.1, 10, log=True), "delta": real(1e-3, 5, log=True), "w1": array(real(-5, 5), (2,)),
         "D_slack": real(1, 3), "T": integer(1, {"quick": 25, "thorough": 80})},
        name="subgradient-pseudo-huber",
        description="gradient descent with η = D/(G√T) on G(√(‖w‖² + δ²) − δ) (convex, G-Lipschitz, w* = 0) from w_1 ∈ [−5, 5]², "
                    "D = D_slack·‖w_1 − w*‖ ≥ ‖w_1 − w*‖, T ≤ 25 (80 thorough)")
def lipschitz_gd(p, num):
    G, delta = num.num(p["G"]), num.num(p["delta"])
    T = p["T"]
    w1 = [num.num(v) for v in p["w1"]]
    D = num.num(p["D_slack"]) * num.sqrt(dot(w1, w1))

    def f(w):
        r = num.sqrt(dot(w, w) + delta * delta)
        return G * (r - delta), [G * wi / r for wi in w]

    eta = D / (G * num.sqrt(num.num(T))) if D > 0 else num.num(1)
    _, vals, _ = _gd(num, f, w1, eta, T)
    return {"sum_gap": sum(vals), "mean_gap": sum(vals) / num.num(T), "G": G, "D": D, "T": num.num(T)}


# ------------------------------------------------------------------------------------------------
# Theorem 15.1: any sequence of vectors


@family({"d": integer(1, 3), "T": integer(1, {"quick": 8, "thorough": 20}), "eta": real(1e-2, 10, log=True),
         "g": array(real(-5, 5), ("T", "d")), "w1": array(real(-5, 5), ("d",)), "wstar": array(real(-5, 5), ("d",))},
        name="any-vector-sequence",
        description="g_1 … g_T ∈ [−5, 5]^d arbitrary (d ≤ 3, T ≤ 8, 20 thorough), w_1, w* ∈ [−5, 5]^d, η ∈ [0.01, 10], "
                    "w_{t+1} = w_t − η g_t")
def any_sequence(p, num, *, excess=None):
    eta = num.num(p["eta"])
    g = [[num.num(v) for v in row] for row in p["g"]]
    ws = [[num.num(v) for v in p["w1"]]]
    star = [num.num(v) for v in p["wstar"]]
    step = Step("sgd", num, eta=eta)  # w_{t+1} = w_t − η g_t (003 Theorem 15.1's online gradient descent, declared once)
    for t, gt in enumerate(g, start=1):
        ws.append(step(t, ws[-1], gt, {})[0])
    dist = [dot(sub(w, star), sub(w, star)) for w in ws]
    lin = [dot(gt, sub(w, star)) for gt, w in zip(g, ws)]
    g2 = [dot(gt, gt) for gt in g]
    T = len(g)
    return _excess({
        "sum_lin": sum(lin),
        "r2063": dist[0] / (2 * eta) + eta / 2 * sum(g2),
        "r2077": (dist[0] - dist[T]) / (2 * eta) + eta / 2 * sum(g2),
        "step_excess": max(lin[t] - ((dist[t] - dist[t + 1]) / (2 * eta) + eta / 2 * g2[t]) for t in range(T)),
        "eta": eta,
    }, excess, num)


# ------------------------------------------------------------------------------------------------
# Algorithm 11 and the proof of Theorem 15.2


def alpha_sums(num, T):
    """α_0 = 0, α_1 = 1, α_{t+1} solves α² − α = Σ_{i≤t} α_i (the positive root): returns α_0 … α_{T+1}, A_0 … A_{T+1}
    (the engine's word ``next_alpha``, run in ``num``)."""
    state = [num.num(0)] * 4  # [α_{t−2}, α_{t−1}, α_t, A_t] at t = 0
    al, A = [state[2]], [state[3]]
    for _ in range(T + 1):
        namespace(num)["next_alpha"](state)
        al.append(state[2])
        A.append(state[3])
    return al, A


def alg11_run(num, f, w1, eta, T):
    """Algorithm 11 as printed (line 2083), the declared ``accelerated_gd``: the sequences w_t, y_t, x_t, α_t, Σα
    (``f(x)`` = (L(x), ∇L(x)))."""
    step, problem = Step("accelerated_gd", num, eta=eta), Oracle(lambda x: f(x)[1])
    state = step.init(w1)
    w, y = [list(w1)], [list(w1)]
    xs, gx, fx = [], [], []
    for t in range(1, T + 1):
        wn, state = step(t, w[-1], None, state, T, problem)
        xs.append(state["x"])
        gx.append(step.g)
        fx.append(f(state["x"])[0])
        y.append(state["y"])
        w.append(wn)
    al, A = alpha_sums(num, T)
    return {"w": w, "y": y, "x": xs, "g": gx, "fx": fx, "alpha": al, "A": A}


@family({**_SMOOTH, "eta_frac": real(0.05, 1), "T": integer(1, {"quick": 25, "thorough": 80})},
        name="algorithm-11-huber-quadratic",
        description="Algorithm 11 with η = eta_frac/H ≤ 1/H on c₀ + Huber_{H,δ}(x) + (h₂/2)y² (H-smooth, convex, w* = 0, L* = c₀) "
                    "from w_1 ∈ [−5, 5]², T ≤ 25 (80 thorough)")
def agd_run(p, num, *, excess=None):
    H = num.num(p["H"])
    eta = num.num(p["eta_frac"]) / H
    T = p["T"]
    f, fstar = huber_quad(num, p)
    w1 = [num.num(v) for v in p["w1"]]
    r = alg11_run(num, f, w1, eta, T)
    w, y, x, g, fx, al, A = (r[k] for k in ("w", "y", "x", "g", "fx", "alpha", "A"))
    fw = [f(wi)[0] for wi in w]  # L(w_1) … L(w_{T+1})
    g2 = [dot(gi, gi) for gi in g]
    R0 = dot(w1, w1) / (2 * eta)  # ‖w* − y_1‖²/(2η), y_1 = w_1
    Sg = eta / 2 * sum(al[t + 1] ** 2 * g2[t] for t in range(T))  # (η/2)Σ‖g_t‖², g_t = α_t ∇L(x_t)
    AT = A[T]
    rng = range(T)  # index t − 1 for t = 1 … T
    lhs2203 = sum(al[t + 1] * (fx[t] - fstar) for t in rng)
    lin2203 = sum(al[t + 1] * dot(g[t], x[t]) for t in rng)  # w* = 0
    mix = sum(A[t] * (fw[t] - fx[t]) for t in rng)
    tele_x = sum(A[t] * fw[t] - A[t + 1] * fx[t] for t in rng)
    tele_w = sum(A[t] * fw[t] - A[t + 1] * fw[t + 1] - A[t + 1] * eta / 2 * g2[t] for t in rng)
    grad_A = sum(A[t + 1] * eta / 2 * g2[t] for t in rng)
    grad_a2 = sum(al[t + 1] ** 2 * eta / 2 * g2[t] for t in rng)
    Tn = num.num(T)
    return _excess({
        "H": H, "eta": eta, "T": Tn, "dist1_sq": dot(w1, w1),
        "gap_last": fw[T] - fstar,
        "gap_xT": fx[T - 1] - fstar,
        "R0": R0,
        "lhs2203": lhs2203, "lin2203": lin2203,
        "lin_gy": sum(al[t + 1] * dot(g[t], y[t]) for t in rng),  # Σ_t ⟨g_t, y_t − w*⟩, g_t = α_t ∇L(x_t), w* = 0
        "r2207": R0 + Sg,
        "r2229": R0 + Sg + mix,
        "lhs2233": -AT * fstar,
        "r2233": R0 + Sg + tele_x,
        "r2241": R0 + Sg + tele_w,
        "r2245": R0 + Sg - AT * fw[T] - grad_A,
        "lhs2249": AT * (fw[T] - fstar),
        "r2249": R0 + Sg - grad_A,
        "r2253": R0 + Sg - grad_a2,
        "lhs2261": Tn * Tn / 9 * (fx[T - 1] - fstar),
        # line 2225 as printed (t in place of α_t) and with α_t, maximised over t
        "excess2225": max(dot(g[t], [(t + 1) * (a - b) for a, b in zip(x[t], y[t])]) - A[t] * (fw[t] - fx[t]) for t in rng),
        "excess2225_alpha": max(dot(g[t], [al[t + 1] * (a - b) for a, b in zip(x[t], y[t])]) - A[t] * (fw[t] - fx[t]) for t in rng),
        "excess2237": max(fw[t + 1] - (fx[t] - eta / 2 * g2[t]) for t in rng),
    }, excess, num)


@family({"t": integer(1, {"quick": 300, "thorough": 3000}, examples=(1, 2, 3))},
        name="algorithm-11-alpha",
        description="t ≤ 300 (3000 thorough): Algorithm 11's α_t and A_t = Σ_{i≤t} α_i, computed by its recursion")
def alpha_seq(p, num):
    t = p["t"]
    al, A = alpha_sums(num, t)
    tn = num.num(t)
    return {
        "A_t": A[t], "alpha_t": al[t], "alpha_t_sq": al[t] ** 2, "t": tn,
        "lo": tn * tn / 9, "hi": tn * tn,
        # the proof of Proposition 15.3 at step t → t + 1 (A_{t−1}, A_t, α_{t+1})
        "alpha_next": al[t + 1],
        "printed2175": (1 + num.sqrt(1 + 4 * A[t - 1])) / 2,
        "bound2175": 1 + num.sqrt(A[t - 1]),
        "A_next": A[t + 1],
        "r2179": A[t] + 1 + num.sqrt(A[t - 1]),
        "sqrt_prev": num.sqrt(A[t - 1]),
        "r2191": A[t] + num.sqrt(A[t - 1]),
        "lo_next": (tn + 1) ** 2 / 9,
        "lo2191": tn * tn / 9 + tn / 3,
    }


# ------------------------------------------------------------------------------------------------
# Algorithm 10 (line 2003) against Algorithm 11 and gradient descent, on a quadratic


def alg10_run(num, grad, w1, eta, T, beta, two_step, sign=-1, schedule="constant"):
    """Algorithm 10, the declared ``gd_momentum``: v_0 = 0; two-step: w_{t+½} = w_t − β_t v_{t−1} (printed; sign = +1:
    w_t + β_t v_{t−1}), g_t = ∇L(w_{t+½}), else g_t = ∇L(w_t); v_t = β_t v_{t−1} − η_t g_t; w_{t+1} = w_t − v_t (printed;
    sign = +1: w_t + v_t); β_t = beta, or Algorithm 11's β_1 = 0, β_t = α_{t−2}²/(α_t α_{t−1}) (schedule "accelerated")."""
    step = Step("gd_momentum", num, eta=eta, beta=beta, two_step=bool(two_step), update_sign=sign, beta_schedule=schedule)
    problem, state = Oracle(grad), step.init(w1)
    ws = [list(w1)]
    for t in range(1, T + 1):
        w, state = step(t, ws[-1], None, state, T, problem)
        ws.append(w)
    return ws


@family({"h": real(0.01, 10, log=True), "w1": real(-5, 5, nonzero=1e-3), "eta_frac": real(0.01, 1),
         "beta": choice(0.0, 0.5, 0.9, 0.99), "two_step": choice(0, 1), "T": integer(1, {"quick": 30, "thorough": 200})},
        name="algorithm-10-quadratic-sign{sign:+d}",
        description="Algorithm 10 on L(w) = h w²/2 (h ∈ [0.01, 10], exact gradients) from w_1 ∈ [−5, 5], η = eta_frac/h ≤ 1/h, "
                    "β ∈ {0, 0.5, 0.9, 0.99} (0.9 and 0.99 the typical values of line 1995), either integrator, T ≤ 30 (200 thorough)")
def alg10_quadratic(p, num, *, sign=-1):
    h = num.num(p["h"])
    eta = num.num(p["eta_frac"]) / h
    T = p["T"]
    b = num.num(p["beta"])
    ws = alg10_run(num, lambda x: [h * x[0]], [num.num(p["w1"])], eta, T, b, bool(p["two_step"]), sign)
    f = [h * w[0] * w[0] / 2 for w in ws]
    return {"increase": f[-1] - f[0], "f_w1": f[0], "f_last": f[-1], "T": num.num(T)}


@family({**_SMOOTH, "eta_frac": real(0.05, 1), "T": integer(1, {"quick": 12, "thorough": 40})},
        name="algorithm-10-vs-11-sign{sign:+d}",
        description="Algorithm 10 (two-step integrator, Algorithm 11's β_1 = 0, β_t = α_{t−2}²/(α_t α_{t−1}), η = eta_frac/H) beside "
                    "Algorithm 11 on c₀ + Huber_{H,δ}(x) + (h₂/2)y², T ≤ 12 (40 thorough)")
def alg10_vs_alg11(p, num, *, sign=-1):
    H = num.num(p["H"])
    eta = num.num(p["eta_frac"]) / H
    T = p["T"]
    f, _ = huber_quad(num, p)
    w1 = [num.num(v) for v in p["w1"]]
    w10 = alg10_run(num, lambda x: f(x)[1], w1, eta, T, num.num(0), True, sign, schedule="accelerated")
    w11 = alg11_run(num, f, w1, eta, T)["w"]
    return {"gap": max(num.sqrt(dot(sub(a, b), sub(a, b))) for a, b in zip(w10, w11)), "T": num.num(T)}



def _excess(out, excess, num):
    """With ``excess=(a, b)``: add "excess" = a − b + S and "excess_scale" = S = 1 + |a| + |b| (see :func:`lhs_le_rhs`)."""
    if excess:
        a, b = out[excess[0]], out[excess[1]]
        scale = 1 + num.fabs(a) + num.fabs(b)
        out["excess"], out["excess_scale"] = a - b + scale, scale
    return out


def lhs_le_rhs(fam, lhs, rhs):
    """``lhs ≤ rhs`` (two values of the family) where either side may be negative, as an InstanceSearch pair
    (measured, bound) = (lhs − rhs + S, S) with S = 1 + |lhs| + |rhs| > 0: the ratio 1 + (lhs − rhs)/S exceeds 1 exactly
    when lhs > rhs, and stays informative (near 1 at equality) for the adversarial search."""
    import sympy as sp

    from optverify.counterexamples.schema import Measured

    return Measured(fam.bind(excess=(lhs.name, rhs.name)), "excess"), sp.Symbol("excess_scale", positive=True)
