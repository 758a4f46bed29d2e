"""Stochastic convex problems whose expectations are computed exactly (000, Theorems 2 and 3).

ℓ(w, z) = Σ_i h_i(z)/2 (w_i − w*_i)² + k_i(z)|w_i − w*_i| + n_i(z) w_i, with z ∈ {0, 1}
drawn i.i.d. (P(z = 1) = p) and the noise centred, E[n_i(z)] = 0.  Then
L(w) = E ℓ(w, z) = Σ_i h̄_i/2 (w_i − w*_i)² + k̄_i|w_i − w*_i| is convex with
minimiser w* (placed inside the constraint set), and every expectation over
the 2^T gradient paths is summed exactly, path by path, with its probability.
The subgradient of |·| at its kink is taken as 0.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.replay import printed_step

H_MAX, K_MAX, N_MAX = 3.0, 3.0, 3.0
T_MAX = {"quick": 5, "thorough": 8}


def _place(num, frac, D, algorithm):
    """A point of the constraint set from fractions in [−1, 1]^d: D·frac in the box, scaled into the ball when ‖frac‖₂ > 1."""
    frac = [num.num(f) for f in frac]
    if algorithm == "norm_ball":
        norm = num.sqrt(sum(f * f for f in frac))
        if norm > 1:
            frac = [f / norm for f in frac]
    return [f * D for f in frac]


def _validate(algorithm, d_max):
    if algorithm not in ("diag_box", "norm_ball"):
        raise ValueError(algorithm)


@family(
    {
        "d": integer(1, lambda o: o["d_max"]),
        "T": integer(1, T_MAX),
        "D": real(0.1, 5),
        "p": real(0.05, 0.95),
        "w1": array(real(-1, 1), "d"),
        "wstar": array(real(-1, 1), "d"),
        "h": array(real(0, H_MAX), ("d", 2)),
        "k": array(real(0, K_MAX), ("d", 2)),
        "n1": array(real(-N_MAX, N_MAX), "d"),
    },
    name="stochastic-separable-exact",
    description=lambda o: (
        f"d ≤ {o['d_max']}, two-point noise z ∈ {{0,1}}, ℓ(w,z) = Σ h_i(z)/2 (w_i−w*_i)² + k_i(z)|w_i−w*_i| + n_i(z) w_i "
        f"with E n_i = 0; w_1 and w* (D times fractions in [−1, 1]^d) in the "
        f"{'box ‖w‖_∞ ≤ D' if o['algorithm'] == 'diag_box' else 'ball ‖w‖₂ ≤ D'}; c = √2·D as printed; "
        "T ≤ 5 (quick) / 8 (thorough); expectations exact over all 2^T paths"
    ),
    validate=_validate,
)
def stochastic_separable(inst, num, *, algorithm="diag_box", d_max=2):
    """``algorithm``: "diag_box" (Theorem 3, box ‖w‖_∞ ≤ D) or "norm_ball" (Theorem 2, ball ‖w‖₂ ≤ D)."""
    D, p = num.num(inst["D"]), num.num(inst["p"])
    one = num.num(1)
    probs = [one - p, p]
    d, T = inst["d"], inst["T"]
    ws = _place(num, inst["wstar"], D, algorithm)
    h = [[num.num(v) for v in row] for row in inst["h"]]
    k = [[num.num(v) for v in row] for row in inst["k"]]
    # centred noise: n(1) = n1, n(0) = −p·n1/(1−p)  ⇒  E n = 0
    n = [[-p * num.num(v) / (one - p), num.num(v)] for v in inst["n1"]]
    hbar = [probs[0] * h[i][0] + probs[1] * h[i][1] for i in range(d)]
    kbar = [probs[0] * k[i][0] + probs[1] * k[i][1] for i in range(d)]
    c_scale = num.sqrt(num.num(2)) * D

    def L(w):
        return sum(hbar[i] / 2 * (w[i] - ws[i]) ** 2 + kbar[i] * num.fabs(w[i] - ws[i]) for i in range(d))

    def grad(w, z):
        return [h[i][z] * (w[i] - ws[i]) + k[i][z] * num.sign(w[i] - ws[i]) + n[i][z] for i in range(d)]

    def full_grad(w):
        return [hbar[i] * (w[i] - ws[i]) + kbar[i] * num.sign(w[i] - ws[i]) for i in range(d)]

    acc = {
        "regret": num.num(0),
        "E_sum_sqrt_diag": num.num(0),
        "E_sqrt_norm": num.num(0),
        "E_lin_g": num.num(0),
        "E_lin_grad": num.num(0),
        "E_subopt_T": num.num(0),
        "E_lin_grad_T": num.num(0),
        "E_lin_g_T": num.num(0),
    }
    worst = {"min_sum_sqrt_diag": None, "min_sqrt_norm": None}

    def dfs(t, w, state, prob, regret, lin_g, lin_grad, sq):
        # w = w_t; state = the algorithm's accumulator; sq[i] = Σ_{τ<t} g_τ[i]²
        if t > T:
            sum_sqrt = sum(num.sqrt(s) for s in sq)
            sqrt_norm = num.sqrt(sum(sq))
            acc["regret"] += prob * regret
            acc["E_sum_sqrt_diag"] += prob * sum_sqrt
            acc["E_sqrt_norm"] += prob * sqrt_norm
            acc["E_lin_g"] += prob * lin_g
            acc["E_lin_grad"] += prob * lin_grad
            for key, val in (("min_sum_sqrt_diag", sum_sqrt), ("min_sqrt_norm", sqrt_norm)):
                if worst[key] is None or val < worst[key]:
                    worst[key] = val
            return
        subopt = L(w)
        fg = full_grad(w)
        lin_grad_t = sum(fg[i] * (w[i] - ws[i]) for i in range(d))
        for z in (0, 1):
            g = grad(w, z)
            lin_g_t = sum(g[i] * (w[i] - ws[i]) for i in range(d))
            if t == T:
                acc["E_subopt_T"] += prob * probs[z] * subopt
                acc["E_lin_grad_T"] += prob * probs[z] * lin_grad_t
                acc["E_lin_g_T"] += prob * probs[z] * lin_g_t
            w2, st2 = step(t, w, g, state)
            dfs(
                t + 1,
                w2,
                st2,
                prob * probs[z],
                regret + subopt,
                lin_g + lin_g_t,
                lin_grad + lin_grad_t,
                [sq[i] + g[i] * g[i] for i in range(d)],
            )

    w1 = _place(num, inst["w1"], D, algorithm)
    step = printed_step(num, f"adagrad_{algorithm}", {"c": c_scale, "D": D})
    dfs(1, w1, step.init(w1), one, num.num(0), num.num(0), num.num(0), [num.num(0)] * d)
    return {
        **acc,
        **worst,
        ("D_inf" if algorithm == "diag_box" else "D_2"): D,
        "min_path_probability": min(probs) ** T,
    }
