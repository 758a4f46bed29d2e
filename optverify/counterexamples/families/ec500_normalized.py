"""Normalized updates of 003 section 24, evaluated exactly (floats while searching, 50 digits on replay).

* ``descent_step``: one normalized step w_{t+1} = w_t − η m_t/‖m_t‖ with m_t = ∇L(w_t) + ε_t on
  L(x) = ⟨g, x⟩ + (H/2) Σ_i κ_i x_i², |κ_i| ≤ 1 (H-smooth; κ = 1 attains the smoothness upper
  bound, the extremal case of Lemma 24.2).
* ``error_sequence``: T normalized steps on a non-convex separable H-smooth function
  L(x) = Σ_i q_i x_i²/2 + c_i softplus(k_i x_i), H = max_i |q_i| + |c_i| k_i²/4, with an
  adversarial error sequence ε_1 … ε_T (m_t = ∇L(w_t) + ε_t): Lemma 24.2 step by step and
  telescoped, searched over gradient and noise sequences by the adversarial phase of the search.
* ``normalized_run``: the printed normalized momentum updates (line 3436, line 3600) with exact
  gradients ∇ℓ(w, z) = ∇L(w) (variance 0 ≤ σ², a member of every σ-class) on L(w) = H w²/2.

The updates are the declared ones (``optverify/sim/updates/normalized.py``), run by the reference
interpreter in the caller's number context.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import Oracle, Step, run
from optverify.verify.numctx import sigmoid as _sig, softplus as _softplus

D = 2


def _norm(num, v):
    return num.sqrt(sum(x * x for x in v))


@family({"H": real(0.1, 10, log=True), "eta": real(1e-3, 10, log=True),
         "g": array(real(-5, 5), D), "eps": array(real(-5, 5), D), "kappa": array(real(-1, 1, examples=(1.0,)), D)},
        name="normalized-descent-step",
        description="L(x) = ⟨g, x⟩ + (H/2)Σκ_i x_i² on ℝ² (|κ_i| ≤ 1), w_t = 0, m_t = ∇L(w_t) + ε_t, one step of length η")
def descent_step(p, num):
    """Lemma 24.2 rearranged: L(w_{t+1}) − L(w_t) + (η/3)‖∇L(w_t)‖ ≤ (13η/6)‖ε_t‖ + Hη²/2."""
    H, eta = num.num(p["H"]), num.num(p["eta"])
    g = [num.num(x) for x in p["g"]]
    e = [num.num(x) for x in p["eps"]]
    kap = [num.num(x) for x in p["kappa"]]
    m = [g[i] + e[i] for i in range(D)]
    nm = _norm(num, m)
    if nm == 0:
        u = [num.num(0)] * D
    else:
        u = [mi / nm for mi in m]
    step = [-eta * ui for ui in u]
    change = sum(g[i] * step[i] + H * kap[i] * step[i] ** 2 / 2 for i in range(D))
    gn, en = _norm(num, g), _norm(num, e)
    # the printed inner step (line 3540): −⟨∇L, (∇L + ε)/‖∇L + ε‖⟩ ≤ −‖∇L‖/3 + 13‖ε‖/6, as a ≤ between non-negative sides
    inner = -sum(g[i] * u[i] for i in range(D))
    return {"measured": change + eta * gn / 3, "eta": eta, "H": H, "gn": gn, "en": en,
            # line 3528: L(w_{t+1}) ≤ L(w_t) − η⟨∇L(w_t), m_t/‖m_t‖⟩ + Hη²/2, as remainder ≤ Hη²/2
            "smooth_remainder": change + eta * sum(g[i] * u[i] for i in range(D)), "H_eta2_half": H * eta ** 2 / 2,
            "inner_lhs": inner + gn / 3 + gn, "inner_rhs": 13 * en / 6 + gn}


@family({"q": array(real(-2, 2), D), "c": array(real(-2, 2), D), "k": array(real(0.3, 2), D),
         "w1": array(real(-3, 3), D), "eta": real(1e-2, 2, log=True), "T": integer(1, {"quick": 5, "thorough": 10}),
         "eps": array(real(-4, 4, examples=(0.0,)), ("T", D))},
        name="normalized-error-sequence",
        description="L(x) = Σ_i q_i x_i²/2 + c_i softplus(k_i x_i) on ℝ², H = max(max_i |q_i| + |c_i|k_i²/4, 0.01); "
                    "T normalized steps with m_t = ∇L(w_t) + ε_t, the error sequence ε_1 … ε_T adversarial")
def error_sequence(p, num, *, form="per-step"):
    """Lemma 24.2 along a whole run: max_t of the step ratio, or the telescoped sum (form='telescoped')."""
    q = [num.num(x) for x in p["q"]]
    c = [num.num(x) for x in p["c"]]
    k = [num.num(x) for x in p["k"]]
    # L is H-smooth with H = max_i |q_i| + |c_i|k_i²/4, and then H'-smooth for every H' ≥ H: the floor keeps H > 0
    H = max(max(num.fabs(q[i]) + num.fabs(c[i]) * k[i] ** 2 / 4 for i in range(D)), num.num(1) / 100)
    eta = num.num(p["eta"])

    def L(w):
        return sum(q[i] * w[i] ** 2 / 2 + c[i] * _softplus(num, k[i] * w[i]) for i in range(D))

    def grad(w):
        return [q[i] * w[i] + c[i] * k[i] * _sig(num, k[i] * w[i]) for i in range(D)]

    # the normalized step as declared (normalized_sgd_momentum with alpha = 1: m_t = ∇L(w_t) + ε_t, then
    # w_{t+1} = w_t − η m_t/‖m_t‖, no move when m_t = 0)
    step = Step("normalized_sgd_momentum", num, eta=eta, alpha=1)
    w = [num.num(x) for x in p["w1"]]
    state = step.init(w)
    worst, lhs_sum, rhs_sum = None, num.num(0), num.num(0)
    for t in range(int(p["T"])):
        g = grad(w)
        e = [num.num(x) for x in p["eps"][t]]
        w_next, state = step(t + 1, w, [g[i] + e[i] for i in range(D)], state)
        lhs = L(w_next) - L(w) + eta * _norm(num, g) / 3
        rhs = 13 * eta * _norm(num, e) / 6 + H * eta ** 2 / 2
        worst = lhs / rhs if worst is None else max(worst, lhs / rhs)
        lhs_sum, rhs_sum = lhs_sum + lhs, rhs_sum + rhs
        w = w_next
    return {"measured": worst if form == "per-step" else lhs_sum / rhs_sum, "H": H, "eta": eta}


@family({"H": real(1e-2, 1e4, log=True, examples=(1e4,)), "w1": real(-10, 10, nonzero=1e-2, examples=(10.0,)),
         "sigma": real(1e-3, 10, log=True, examples=(1e-3,)), "T": integer(1, {"quick": 60, "thorough": 400}, examples=(60,))},
        name="normalized-momentum-exact-{theorem}",
        description="L(w) = H w²/2 (Δ = H w_1²/2), exact gradients ∇ℓ(w, z) = ∇L(w) (variance 0 ≤ σ²), "
                    "α and η as the theorem prints them")
def normalized_run(p, num, *, theorem="24.5"):
    """Σ_{t=1}^T ‖∇L(w_t)‖ of the printed normalized momentum update with the theorem's α and η."""
    H, w, sigma, T = num.num(p["H"]), num.num(p["w1"]), num.num(p["sigma"]), int(p["T"])
    Delta = H * w * w / 2
    if theorem == "24.3":  # line 3546: α = min(1, √(ΔH)/(σ√T)), η = √(Δα)/√(HT); momentum of line 3436
        alpha = min(num.num(1), num.sqrt(Delta * H) / (sigma * num.sqrt(num.num(T))))
        eta = num.sqrt(Delta * alpha) / num.sqrt(H * T)
    else:  # line 3666: α = 1/T^{2/3}, η = √(Δ√α)/√(HT); variance-reduced momentum of line 3600
        alpha = 1 / num.num(T) ** (num.num(2) / 3)
        eta = num.sqrt(Delta * num.sqrt(alpha)) / num.sqrt(H * T)
    # the printed update as declared: momentum of line 3436, or the variance-reduced momentum of line 3600, which
    # asks the oracle for the gradients at w_t and w_{t−1} (here exact: ∇ℓ(w, z) = ∇L(w) = Hw)
    name = "normalized_sgd_momentum" if theorem == "24.3" else "normalized_sgd_vr_momentum"
    ws, _ = run(name, num, [w], Oracle(grad=lambda x: [H * x[0]]), T, eta=eta, alpha=alpha)
    total = sum((num.fabs(H * x[0]) for x in ws[:-1]), num.num(0))
    return {"measured": total, "Delta": Delta, "H": H, "T": num.num(T), "sigma": sigma}


@family({"h": array(real(0.1, 5), D), "w1": array(real(-5, 5, nonzero=0.5), D), "alpha": real(0.05, 1),
         "eta": real(1e-2, 1, log=True), "t": integer(1, 6, examples=(2,))},
        name="normalized-momentum-step-lengths-{which}",
        description="L(w) = Σ h_i w_i²/2 on ℝ², exact gradients, the normalized momentum update of line 3436 for t steps")
def step_lengths(p, num, *, which="from_w1"):
    """‖w_{t+1} − w_1‖ (line 3442 as printed) or ‖w_{t+1} − w_t‖ (its corrected form), against η."""
    h = [num.num(x) for x in p["h"]]
    alpha, eta = num.num(p["alpha"]), num.num(p["eta"])
    w1 = [num.num(x) for x in p["w1"]]
    ws, _ = run("normalized_sgd_momentum", num, w1, lambda t, x: [h[i] * x[i] for i in range(D)], int(p["t"]),
                eta=eta, alpha=alpha)
    w, w_t = ws[-1], ws[-2]
    ref = w1 if which == "from_w1" else w_t
    H = max(h)
    grad_change = _norm(num, [h[i] * (w[i] - w_t[i]) for i in range(D)])  # ‖∇L(w_t) − ∇L(w_{t+1})‖
    return {"measured": _norm(num, [w[i] - ref[i] for i in range(D)]), "eta": eta, "H": H,
            "grad_change": grad_change, "H_eta": H * eta}
