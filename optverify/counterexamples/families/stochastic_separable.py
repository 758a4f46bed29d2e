"""Stochastic convex problems whose expectations are computed exactly (000, Theorems 2 and 3).

ℓ(w, z) = Σ_i h_i(z)/2 (w_i − w*_i)² + k_i(z)|w_i − w*_i| + n_i(z) w_i, with z ∈ {0, 1}
drawn i.i.d. (P(z = 1) = p) and the noise centred, E[n_i(z)] = 0.  Then
L(w) = E ℓ(w, z) = Σ_i h̄_i/2 (w_i − w*_i)² + k̄_i|w_i − w*_i| is convex with
minimiser w* (placed inside the constraint set), and every expectation over
the 2^T gradient paths is summed exactly, path by path, with its probability.
The subgradient of |·| at its kink is taken as 0.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from optverify.sim.reference import adagrad_diag_box_step, adagrad_norm_ball_step

H_MAX, K_MAX, N_MAX = 3.0, 3.0, 3.0


def t_max(mode: str) -> int:
    return 5 if mode == "quick" else 8


class StochasticSeparable:
    """``algorithm``: "diag_box" (Theorem 3, box ‖w‖_∞ ≤ D) or "norm_ball" (Theorem 2, ball ‖w‖₂ ≤ D)."""

    name = "stochastic-separable-exact"

    def __init__(self, algorithm: str = "diag_box", d_max: int = 2):
        if algorithm not in ("diag_box", "norm_ball"):
            raise ValueError(algorithm)
        self.algorithm = algorithm
        self.d_max = d_max
        region = "box ‖w‖_∞ ≤ D" if algorithm == "diag_box" else "ball ‖w‖₂ ≤ D"
        self.description = (
            f"d ≤ {d_max}, two-point noise z ∈ {{0,1}}, ℓ(w,z) = Σ h_i(z)/2 (w_i−w*_i)² + k_i(z)|w_i−w*_i| + n_i(z) w_i "
            f"with E n_i = 0; w_1 and w* in the {region}; c = √2·D as printed; T ≤ 5 (quick) / 8 (thorough); "
            "expectations exact over all 2^T paths"
        )

    def __repr__(self):
        return f"StochasticSeparable(algorithm={self.algorithm!r}, d_max={self.d_max})"

    # the search vector: d, T, D, p, then per coordinate: w1, w*, h0, h1, k0, k1, n1
    def vector_bounds(self, mode):
        per = [(-1, 1), (-1, 1), (0, H_MAX), (0, H_MAX), (0, K_MAX), (0, K_MAX), (-N_MAX, N_MAX)]
        return [(1, self.d_max + 0.999), (1, t_max(mode) + 0.999), (0.1, 5), (0.05, 0.95)] + per * self.d_max

    def decode(self, x, mode):
        d, T = int(x[0]), int(x[1])
        coords = []
        for i in range(d):
            w1, ws, h0, h1, k0, k1, n1 = (float(v) for v in x[4 + 7 * i : 11 + 7 * i])
            coords.append({"w1": w1, "wstar": ws, "h": [h0, h1], "k": [k0, k1], "n1": n1})
        return self._place({"T": T, "D": float(x[2]), "p": float(x[3]), "coords": coords})

    def _place(self, inst):
        """Scale w1 and w* (given as fractions) into the constraint set."""
        D = inst["D"]
        for key in ("w1", "wstar"):
            frac = [c[key] for c in inst["coords"]]
            if self.algorithm == "norm_ball":
                norm = math.sqrt(sum(f * f for f in frac))
                if norm > 1:
                    frac = [f / norm for f in frac]
            for c, f in zip(inst["coords"], frac):
                c[key + "_abs"] = f * D
        return inst

    def strategy(self, mode):
        unit = st.floats(-1, 1)

        @st.composite
        def inst(draw):
            d = draw(st.integers(1, self.d_max))
            coords = [
                {
                    "w1": draw(unit),
                    "wstar": draw(unit),
                    "h": [draw(st.floats(0, H_MAX)), draw(st.floats(0, H_MAX))],
                    "k": [draw(st.floats(0, K_MAX)), draw(st.floats(0, K_MAX))],
                    "n1": draw(st.floats(-N_MAX, N_MAX)),
                }
                for _ in range(d)
            ]
            return self._place(
                {"T": draw(st.integers(1, t_max(mode))), "D": draw(st.floats(0.1, 5)), "p": draw(st.floats(0.05, 0.95)), "coords": coords}
            )

        return inst()

    def evaluate(self, inst, num):
        D, p = num.num(inst["D"]), num.num(inst["p"])
        one = num.num(1)
        probs = [one - p, p]
        cs = inst["coords"]
        d, T = len(cs), inst["T"]
        ws = [num.num(c["wstar_abs"]) for c in cs]
        h = [[num.num(v) for v in c["h"]] for c in cs]
        k = [[num.num(v) for v in c["k"]] for c in cs]
        # centred noise: n(1) = n1, n(0) = −p·n1/(1−p)  ⇒  E n = 0
        n = [[-p * num.num(c["n1"]) / (one - p), num.num(c["n1"])] for c in cs]
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
                if self.algorithm == "diag_box":
                    w2, st2 = adagrad_diag_box_step(num, w, g, state, c_scale, D)
                else:
                    w2, st2 = adagrad_norm_ball_step(num, w, g, state, c_scale, D)
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

        w1 = [num.num(c["w1_abs"]) for c in cs]
        state0 = [num.num(0)] * d if self.algorithm == "diag_box" else num.num(0)
        dfs(1, w1, state0, one, num.num(0), num.num(0), num.num(0), [num.num(0)] * d)
        return {
            **acc,
            **worst,
            ("D_inf" if self.algorithm == "diag_box" else "D_2"): D,
            "min_path_probability": min(probs) ** T,
        }
