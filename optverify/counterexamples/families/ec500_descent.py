"""Instance families for sections 2, 3, 5 and 6 of the EC500 notes (003): gradient descent and SGD as printed
(Algorithms 1–3: w_{t+1} = w_t − η_t g_t) on one-dimensional losses whose constants are exact.

Expectations over the sampling of SGD are computed exactly, by enumerating every path of a two-point noise
(2^(T−1) paths for the iterates w_1 … w_T), so that a violation is a number replayed at 50 digits, not a
Monte Carlo estimate.  The update is the declared ``sgd`` step, enumerated by :func:`sgd_paths`; gradient descent is its noiseless case.

Losses (each with its constants derived from its parameters, exactly):

* ``abs_sum``: L(w) = Σ_j c_j |w − a_j| (convex, G = Σ_j c_j-Lipschitz, minimiser a weighted median);
* ``well``: L(w) = c w²/2 − a e^{−b w²/2} with a, b > 0, c ≥ 0: H-smooth with H = c + ab exactly
  (L'' = c + ab(1 − bw²)e^{−bw²/2} ranges over [c − 2ab e^{−3/2}, c + ab]), inf L = L(0) = −a, non-convex when
  c < 2ab e^{−3/2}; with c = 0 its gradient is bounded by a√b e^{−1/2};
* ``moreau_of_minus_abs``: the envelope inf_y −G|y| + (H/2)(x − y)² of the G-Lipschitz, non-convex −G|y|.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, choice, family, integer, real
from optverify.sim.engine.reference import Step

_T = {"quick": 5, "thorough": 10}  # horizons; 2^(T−1) paths are enumerated exactly


# ---------------------------------------------------------------- the printed update: the declared sgd step
def sgd_paths(num, w1, grad, noise, etas, oracle=None):
    """Every path of w_{t+1} = w_t − η_t g_t, g_t = ∇L(w_t) + ξ_t, ξ_t i.i.d. from ``noise`` = [(value, prob), …].

    ``oracle(w) -> [(g, prob), …]`` replaces ∇L + ξ when the stochastic gradient is not additive noise.  The step is
    the declared ``sgd`` (``optverify.sim.updates.sgd``, 003 Algorithms 1–2), run by the engine's reference.
    Returns a list of (probability, [w_1, …, w_{T+1}]) with T = len(etas); ``noise = [(0, 1)]`` is gradient descent."""
    if oracle is None:
        def oracle(w):
            gw = grad(w)
            return [(gw + xi, q) for xi, q in noise]
    paths, step = [(num.num(1), [w1])], None
    for t, eta in enumerate(etas, start=1):
        step = Step("sgd", num, eta=eta) if step is None else step.rebind(eta=eta)
        nxt = []
        for pr, ws in paths:
            for g, q in oracle(ws[-1]):
                (w,), _ = step(t, [ws[-1]], [g], {})
                nxt.append((pr * q, ws + [w]))
        paths = nxt
    return paths


def gd_step(num, w, g, eta):
    """One step w − ηg of the declared ``sgd``."""
    return Step("sgd", num, eta=eta)(1, [w], [g], {})[0][0]


def expect(paths, f, t):
    """E[f(w_t)] (t 1-based) over the enumerated paths."""
    return sum(pr * f(ws[t - 1]) for pr, ws in paths)


# ---------------------------------------------------------------- losses
def abs_sum(num, a, c):
    a = [num.num(x) for x in a]
    c = [num.num(x) for x in c]
    G = sum(c)

    def L(w):
        return sum(cj * num.fabs(w - aj) for aj, cj in zip(a, c))

    def grad(w):
        return sum(cj * num.sign(w - aj) for aj, cj in zip(a, c))

    # a weighted median minimises Σ c_j |w − a_j|: the minimum over the kinks
    wstar = min(a, key=L)
    return L, grad, G, wstar


def well(num, a, b, c):
    a, b, c = num.num(a), num.num(b), num.num(c)

    def L(w):
        return c * w * w / 2 - a * num.exp(-b * w * w / 2)

    def grad(w):
        return c * w + a * b * w * num.exp(-b * w * w / 2)

    return L, grad, c + a * b, -a  # L, ∇L, H, inf L


def two_point(num, M, q):
    """Mean-zero noise: M with probability q, −qM/(1 − q) with probability 1 − q."""
    M, q = num.num(M), num.num(q)
    return [(M, q), (-q * M / (1 - q), 1 - q)], q * M * M / (1 - q), 2 * q * M  # noise, E ξ², E|ξ|


# ---------------------------------------------------------------- Theorem 2.4: GD on a convex Lipschitz loss
@family({"a": array(real(-3, 3), (3,)), "c": array(real(0.01, 1), (3,)), "w1": real(-6, 6),
         "slack": real(1, 3, examples=(1,)), "T": integer(1, {"quick": 12, "thorough": 200}, examples=(1, 2, 12))},
        name="gd-convex-lipschitz",
        description="L(w) = Σ_j c_j|w − a_j| (convex, G = Σ c_j), D = slack·|w_1 − w*|, η = D/(G√T), T steps of Algorithm 1")
def gd_convex_lipschitz(p, num):
    L, grad, G, ws = abs_sum(num, p["a"], p["c"])
    w1, T = num.num(p["w1"]), p["T"]
    D = num.num(p["slack"]) * num.fabs(w1 - ws)
    if D == 0:
        D = num.num(p["slack"])  # w_1 = w*: any D > 0 bounds the distance
    eta = D / (G * num.sqrt(num.num(T)))
    (_, w), = sgd_paths(num, w1, grad, [(num.num(0), num.num(1))], [eta] * T)
    Ls = L(ws)
    gaps = [L(w[t]) - Ls for t in range(T)]
    dist2 = [(w[t] - ws) ** 2 for t in range(T + 1)]
    g2 = [grad(w[t]) ** 2 for t in range(T)]
    step224 = max(gaps[t] - ((dist2[t] - dist2[t + 1]) / (2 * eta) + eta * g2[t] / 2) for t in range(T))
    step228 = max(gaps[t] - ((dist2[t] - dist2[t + 1]) / (2 * eta) + eta * G * G / 2) for t in range(T))
    return {"measured": sum(gaps), "avg_gap": sum(gaps) / T, "G": G, "D": D, "T": num.num(T), "eta": eta,
            "step224_excess": step224, "step228_excess": step228, "zero": num.num(0),
            "telescoped": (dist2[0] - dist2[T]) / (2 * eta) + eta * T * G * G / 2}


# ---------------------------------------------------------------- Theorem 3.2 and §3.1: SGD on a stochastic convex loss
@family({"z1": real(-3, 3), "z2": real(-3, 3), "p": real(0.05, 0.95), "G": real(0.1, 5), "w1": real(-6, 6),
         "slack": real(1, 3, examples=(1,)), "T": integer(1, _T, examples=(1, 2, 5))},
        name="sgd-convex-lipschitz",
        description="ℓ(w, z) = G|w − z|, z = z1 w.p. p else z2 (ℓ G-Lipschitz, L convex), D = slack·|w_1 − w*|, "
                    "η = D/(G√T), T steps of Algorithm 2; expectations exact over all 2^T paths")
def sgd_convex_lipschitz(p, num):
    G, z1, z2, pr = num.num(p["G"]), num.num(p["z1"]), num.num(p["z2"]), num.num(p["p"])
    w1, T = num.num(p["w1"]), p["T"]

    def L(w):
        return G * (pr * num.fabs(w - z1) + (1 - pr) * num.fabs(w - z2))

    ws = min((z1, z2), key=L)
    D = num.num(p["slack"]) * num.fabs(w1 - ws)
    if D == 0:
        D = num.num(p["slack"])
    eta = D / (G * num.sqrt(num.num(T)))
    # ∇ℓ(w, z) = G sign(w − z) = ∇L(w) + ξ, ξ depending on w: enumerate z directly
    paths = sgd_paths(num, w1, None, None, [eta] * T,
                      oracle=lambda w: [(G * num.sign(w - z), pz) for z, pz in ((z1, pr), (z2, 1 - pr))])
    Ls = L(ws)
    total = sum(q * sum(L(w[t]) - Ls for t in range(T)) for q, w in paths)
    return {"measured": total, "avg_gap": total / T, "G": G, "D": D, "T": num.num(T), "N": num.num(T)}


# ---------------------------------------------------------------- Section 5: gradient descent on a smooth non-convex loss
@family({"a": real(0.1, 3), "b": real(0.1, 4), "c": real(0, 2, examples=(0,)), "w": real(-4, 4), "v": real(-4, 4),
         "frac": real(0.01, 1, examples=(1,)), "T": integer(1, {"quick": 12, "thorough": 200}, examples=(1, 12))},
        name="gd-smooth-well",
        description="L(w) = c w²/2 − a e^{−bw²/2} (H = c + ab, inf L = −a, non-convex for c < 2ab e^{−3/2}); "
                    "η = frac/H; T steps of gradient descent from w")
def gd_smooth_well(p, num):
    L, grad, H, inf = well(num, p["a"], p["b"], p["c"])
    w, v, T = num.num(p["w"]), num.num(p["v"]), p["T"]
    eta = num.num(p["frac"]) / H
    g = grad(w)
    (_, ws), = sgd_paths(num, w, grad, [(num.num(0), num.num(1))], [eta] * T)
    w_next = ws[1]
    g2 = [grad(x) ** 2 for x in ws[:T]]
    Delta = L(w) - inf
    g_abs = [num.sqrt(x) for x in g2]
    # the upper bound U_w(y) at y = w + v, and at its printed minimiser w − ∇L(w)/H
    U = L(w) + g * v + H / 2 * v * v
    a, b, c = (num.num(p[k]) for k in ("a", "b", "c"))
    hess = c + a * b * (1 - b * w * w) * num.exp(-b * w * w / 2)
    (_, ws1), = sgd_paths(num, w, grad, [(num.num(0), num.num(1))], [1 / H] * T)  # η = 1/H
    return {"H": H, "grad_diff": num.fabs(grad(w + v) - g), "H_v": H * num.fabs(v), "hess_abs": num.fabs(hess),
            "E_grad_1H": sum(num.fabs(grad(x)) for x in ws1[:T]) / T, "eta": eta, "T": num.num(T), "Delta": Delta,
            "L_w_plus_v": L(w + v), "lemma56_rhs": U,
            "L_next": L(w_next), "lemma57_rhs": L(w) - (1 - H * eta / 2) * eta * g * g,
            "lemma57b_rhs": L(w) - eta / 2 * g * g,
            "sum_g2": sum(g2), "thm58_rhs": 2 * Delta / eta,
            "E_grad": sum(g_abs) / T, "thm58b_rhs": num.sqrt(2 * H * Delta) / num.sqrt(num.num(T)),
            "E_grad2": sum(g2) / T, "thm58c_rhs": 2 * Delta / (eta * T),
            "telescoped": 2 / eta * (L(w) - L(ws[T]))}


@family({"a": real(0.1, 3), "b": real(0.1, 4), "c": real(0, 2, examples=(0,)), "w": real(-4, 4), "v": real(-4, 4),
         "frac": real(0.01, 1, examples=(1,))},
        name="smooth-well-point",
        description="L(w) = c w²/2 − a e^{−bw²/2} (H = c + ab); a point w, a displacement v, one step with η = frac/H")
def smooth_well_point(p, num):
    L, grad, H, inf = well(num, p["a"], p["b"], p["c"])
    w, v = num.num(p["w"]), num.num(p["v"])
    eta = num.num(p["frac"]) / H
    g = grad(w)
    a, b, c = (num.num(p[k]) for k in ("a", "b", "c"))
    hess = c + a * b * (1 - b * w * w) * num.exp(-b * w * w / 2)
    return {"H": H, "eta": eta, "grad_diff": num.fabs(grad(w + v) - g), "H_v": H * num.fabs(v), "hess_abs": num.fabs(hess),
            "L_w_plus_v": L(w + v), "lemma56_rhs": L(w) + g * v + H / 2 * v * v,
            "L_next": L(gd_step(num, w, g, eta)), "lemma57_rhs": L(w) - (1 - H * eta / 2) * eta * g * g,
            "lemma57b_rhs": L(w) - eta / 2 * g * g}


# ---------------------------------------------------------------- Section 6: SGD on a smooth loss with two-point noise
@family({"a": real(0.1, 3), "b": real(0.1, 4), "c": real(0, 2, examples=(0,)), "w1": real(-4, 4),
         "M": real(0.01, 1000, log=True, examples=(100,)), "q": real(0.01, 0.5, examples=(0.1,)),
         "frac": real(0.001, 1, log=True, examples=(1, 0.01)), "T": integer(1, _T, examples=(5,)),
         "schedule": choice("constant", "sqrt", examples=("sqrt",))},
        name="sgd-smooth-well-{eta_rule}-{schedule}-{bounded}",
        description="L(w) = c w²/2 − a e^{−bw²/2} (H = c + ab, Δ = L(w_1) + a); bound option bounded=True: c = 0 whatever value "
                    "is drawn; bound option schedule: it replaces the drawn schedule; g_t = ∇L(w_t) + ξ_t with ξ_t "
                    "mean-zero two-point (M w.p. q, σ² = qM²/(1 − q)); η_t = c₀ (constant) or c₀/√t with c₀ = frac/H, or "
                    "c₀ = min(1/H, √Δ/(σ√(HT))) (eta_rule 'star'); expectations exact over all 2^T paths")
def sgd_smooth_well(p, num, *, bounded=False, schedule=None, eta_rule="frac"):
    a, b = num.num(p["a"]), num.num(p["b"])
    c = num.num(0) if bounded else num.num(p["c"])
    L, grad, H, inf = well(num, a, b, c)
    noise, var, mean_abs = two_point(num, p["M"], p["q"])
    w1, T = num.num(p["w1"]), p["T"]
    Tn = num.num(T)
    sigma = num.sqrt(var)
    Delta = L(w1) - inf
    if eta_rule == "star":
        c0 = min(1 / H, num.sqrt(Delta) / (sigma * num.sqrt(H * Tn)))  # 0 when Δ = 0: w_1 is a minimiser and stays
    else:
        c0 = num.num(p["frac"]) / H
    sched = schedule or p["schedule"]
    etas = [c0] * T if sched == "constant" else [c0 / num.sqrt(num.num(t)) for t in range(1, T + 1)]
    paths = sgd_paths(num, w1, grad, noise, etas)
    Eg2 = [expect(paths, lambda x: grad(x) ** 2, t) for t in range(1, T + 1)]
    Eg = [expect(paths, lambda x: num.fabs(grad(x)), t) for t in range(1, T + 1)]
    gmax = a * num.sqrt(b) * num.exp(num.num(-0.5))  # sup |∇L| when c = 0
    # sup_w E‖∇ℓ(w, z)‖ ≤ sup|∇L| + E|ξ| (Theorem 6.2's printed hypothesis, c = 0); sup_w E‖∇ℓ‖² = sup|∇L|² + Eξ² (line 1077)
    return {"H": H, "Delta": Delta, "sigma": sigma, "T": Tn, "eta": c0, "c": c0, "eta_T": etas[-1], "L_1": L(w1),
            "sum_Eg2": sum(Eg2), "avg_Eg2": sum(Eg2) / Tn, "E_grad": sum(Eg) / Tn, "root_avg_Eg2": num.sqrt(sum(Eg2) / Tn),
            "E_L_last": expect(paths, L, T + 1), "sum_eta_Eg2": sum(e * g for e, g in zip(etas, Eg2)),
            "sum_eta2": sum(e * e for e in etas), "E_L_2": expect(paths, L, 2), "g1_sq": grad(w1) ** 2, "eta_1": etas[0],
            "logT": num.log(Tn), "G2_printed": gmax + mean_abs, "G2_second": gmax * gmax + var,
            # the one-step and summed descent inequalities, written measured ≤ (positive) second-order term
            "d1_full": expect(paths, L, 2) - L(w1) + etas[0] * grad(w1) ** 2,
            "dT_full": expect(paths, L, T + 1) - L(w1) + sum(e * g for e, g in zip(etas, Eg2)),
            "dT_half": expect(paths, L, T + 1) - L(w1) + sum(e * g for e, g in zip(etas, Eg2)) / 2}


# ---------------------------------------------------------------- Theorem 5.3: the Moreau envelope of −G|y|
@family({"G": real(0.1, 5), "H": real(0.1, 5), "x": real(-2, 2, nonzero=1e-6), "y": real(-2, 2, nonzero=1e-6)},
        name="moreau-of-abs-{sign}",
        description="L(y) = sign·G|y| (G-Lipschitz; sign = −1: not convex, +1: convex); L̂(x) = inf_y L(y) + (H/2)(x − y)², minimised exactly on each "
                    "half-line; ∇L̂(x) = H(x − y*(x)) at the unique minimiser y*(x) (x ≠ 0)")
def moreau_of_minus_abs(p, num, *, sign=-1):
    G, H, x, y = (num.num(p[k]) for k in ("G", "H", "x", "y"))
    sG = sign * G  # L(y) = sign·G|y|

    def env(u):
        cands = []
        yp = u - sG / H if u - sG / H >= 0 else num.num(0)  # minimiser over y ≥ 0 of sG·y + H/2 (u − y)²
        cands.append((sG * yp + H / 2 * (u - yp) ** 2, yp))
        ym = u + sG / H if u + sG / H <= 0 else num.num(0)  # over y ≤ 0 of −sG·y + H/2 (u − y)²
        cands.append((-sG * ym + H / 2 * (u - ym) ** 2, ym))
        return min(cands, key=lambda c: c[0])

    (vx, yx), (vy, yy) = env(x), env(y)
    return {"measured": num.fabs(H * (x - yx) - H * (y - yy)), "H_dist": H * num.fabs(x - y),
            "gap_x": num.fabs(vx - sG * num.fabs(x)), "G2_over_H": G * G / H, "G": G, "H": H,
            "lip_ratio": num.fabs(vx - vy) / num.fabs(x - y) if x != y else num.num(0)}


# ---------------------------------------------------------------- Definition 2.1 / line 140: a differentiable convex loss
@family({"a": real(-4, 4), "c": real(0, 2, examples=(0,)), "x": real(-5, 5), "y": real(-5, 5)},
        name="convex-softplus",
        description="ℓ(w) = log(1 + e^{aw}) + c w²/2 (convex, differentiable), two points x, y")
def convex_softplus(p, num):
    a, c, x, y = (num.num(p[k]) for k in ("a", "c", "x", "y"))

    def L(w):
        return num.log(1 + num.exp(a * w)) + c * w * w / 2

    def grad(w):
        return a / (1 + num.exp(-a * w)) + c * w

    return {"L_y": L(y), "tangent": L(x) + grad(x) * (y - x)}


# ---------------------------------------------------------------- Proposition 2.3: a Lipschitz non-convex loss, G exact
@family({"a": real(0.1, 3), "b": real(0.1, 4), "x": real(-5, 5), "y": real(-5, 5)},
        name="lipschitz-well",
        description="L(w) = −a e^{−bw²/2}: sup|∇L| = a√b e^{−1/2} =: G (at w = 1/√b); two points x, y")
def lipschitz_well(p, num):
    L, grad, _, _ = well(num, p["a"], p["b"], 0)
    a, b = num.num(p["a"]), num.num(p["b"])
    x, y = num.num(p["x"]), num.num(p["y"])
    G = a * num.sqrt(b) * num.exp(num.num(-0.5))
    return {"diff": num.fabs(L(x) - L(y)), "G_dist": G * num.fabs(x - y), "grad_x": num.fabs(grad(x)), "G": G}
