"""AdaGrad from a starting point the statement does not constrain (000, Theorems 2 and 3, lines 167–180).

Theorems 2 and 3 state their algorithms with an initial point w_1 and project
only the later iterates; nothing puts w_1 in the constraint set.  This family
runs the printed algorithms from any w_1 = f·D with |f| ≤ F_MAX (inside or
outside the ball/box) on the deterministic convex loss

    ℓ(w, z) = L(w) = Σ_i h_i/2 (w_i − w*_i)² + k_i |w_i − w*_i|,   ‖w*‖ ≤ D,

(a stochastic problem whose z_t takes one value, so every expectation of the
theorems is the value itself), and reports the regret, both sides of each
bound and the per-coordinate sums of the proof (lines 175–180).
The subgradient of |·| at its kink is taken as 0.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from optverify.sim.reference import adagrad_diag_box_step, adagrad_norm_ball_step

F_MAX, H_MAX, K_MAX = 6.0, 3.0, 3.0


def t_max(mode: str) -> int:
    return 5 if mode == "quick" else 10


class StartAnywhere:
    """``algorithm``: "diag_box" (Theorem 3, box ‖w‖_∞ ≤ D) or "norm_ball" (Theorem 2, ball ‖w‖₂ ≤ D)."""

    name = "adagrad-start-anywhere"

    def __init__(self, algorithm: str = "diag_box", d_max: int = 2):
        if algorithm not in ("diag_box", "norm_ball"):
            raise ValueError(algorithm)
        self.algorithm, self.d_max = algorithm, d_max
        region = "box ‖w‖_∞ ≤ D" if algorithm == "diag_box" else "ball ‖w‖₂ ≤ D"
        self.description = (
            f"d ≤ {d_max}, L(w) = Σ h_i/2 (w_i−w*_i)² + k_i|w_i−w*_i| (h, k ∈ [0, 3], a one-point z), w* in the {region}, "
            f"w_1 = f·D with |f_i| ≤ {F_MAX:g} (the statement does not constrain w_1), c = √2·D as printed, "
            "T ≤ 5 (quick) / 10 (thorough)"
        )

    def __repr__(self):
        return f"StartAnywhere(algorithm={self.algorithm!r}, d_max={self.d_max})"

    # the search vector: d, T, D, then per coordinate: f (w_1 = f·D), w* fraction, h, k
    def vector_bounds(self, mode):
        per = [(-F_MAX, F_MAX), (-1, 1), (0, H_MAX), (0, K_MAX)]
        return [(1, self.d_max + 0.999), (1, t_max(mode) + 0.999), (0.1, 5)] + per * self.d_max

    def decode(self, x, mode):
        d, T = int(x[0]), int(x[1])
        coords = [dict(zip(("f", "wstar", "h", "k"), (float(v) for v in x[3 + 4 * i: 7 + 4 * i]))) for i in range(d)]
        return self._place({"T": T, "D": float(x[2]), "coords": coords})

    def _place(self, inst):
        """w* (given as fractions) into the constraint set; w_1 = f·D wherever f puts it."""
        D = inst["D"]
        frac = [c["wstar"] for c in inst["coords"]]
        if self.algorithm == "norm_ball":
            norm = math.sqrt(sum(f * f for f in frac))
            if norm > 1:
                frac = [f / norm for f in frac]
        for c, f in zip(inst["coords"], frac):
            c["wstar_abs"], c["w1_abs"] = f * D, c["f"] * D
        return inst

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            d = draw(st.integers(1, self.d_max))
            coords = [{"f": draw(st.floats(-F_MAX, F_MAX)), "wstar": draw(st.floats(-1, 1)),
                       "h": draw(st.floats(0, H_MAX)), "k": draw(st.floats(0, K_MAX))} for _ in range(d)]
            return self._place({"T": draw(st.integers(1, t_max(mode))), "D": draw(st.floats(0.1, 5)), "coords": coords})

        return inst()

    def evaluate(self, inst, num):
        D = num.num(inst["D"])
        cs = inst["coords"]
        d, T = len(cs), inst["T"]
        ws = [num.num(c["wstar_abs"]) for c in cs]
        h = [num.num(c["h"]) for c in cs]
        k = [num.num(c["k"]) for c in cs]
        c_scale = num.sqrt(num.num(2)) * D

        def L(w):
            return sum(h[i] / 2 * (w[i] - ws[i]) ** 2 + k[i] * num.fabs(w[i] - ws[i]) for i in range(d))

        w = [num.num(c["w1_abs"]) for c in cs]
        state = [num.num(0)] * d if self.algorithm == "diag_box" else num.num(0)
        regret, lin = num.num(0), [num.num(0)] * d
        sq = [num.num(0)] * d
        for _ in range(T):
            g = [h[i] * (w[i] - ws[i]) + k[i] * num.sign(w[i] - ws[i]) for i in range(d)]
            regret += L(w)  # L(w*) = 0
            lin = [lin[i] + g[i] * (w[i] - ws[i]) for i in range(d)]
            sq = [sq[i] + g[i] * g[i] for i in range(d)]
            step = adagrad_diag_box_step if self.algorithm == "diag_box" else adagrad_norm_ball_step
            w, state = step(num, w, g, state, c_scale, D)
        w1 = [num.num(c["w1_abs"]) for c in cs]
        w1_norm = max(num.fabs(v) for v in w1) if self.algorithm == "diag_box" else num.sqrt(sum(v * v for v in w1))
        sum_sqrt = sum(num.sqrt(s) for s in sq)
        return {
            "regret": regret,
            "E_sum_sqrt_diag": sum_sqrt,
            "min_sum_sqrt_diag": sum_sqrt,
            "E_sqrt_norm": num.sqrt(sum(sq)),
            "E_lin_g": sum(lin),
            "lin_g_1": lin[0],  # Σ_t g_t[1](w_t[1] − w*[1]): line 175 on coordinate 1
            "S": sq[0],  # Σ_t g_t[1]²
            "w1_norm_over_D": w1_norm / D,
            ("D_inf" if self.algorithm == "diag_box" else "D_2"): D,
        }
