"""Second-moment sequences and regularisation budgets of Adam-type methods (001, §3.2–3.3).

One coordinate, any gradient sequence g_1 … g_T and step sizes η_t = α/t^p.
The second moment used in the step is

* ``adam``             v_t = β2 v_{t−1} + (1 − β2) g_t²                       (eq. (2))
* ``amsgrad``          v_t as Adam, v̂_t = max(v̂_{t−1}, v_t), the step uses v̂_t (Reddi et al. 2019, Alg. 2)
* ``amsgrad_inplace``  v_t = max(v_{t−1}, β2 v_{t−1} + (1 − β2) g_t²)           (eq. (16) as applied at line 182)
* ``adamal``           ĝ_t = max(g_t², v_{t−1}), v_t = β1 v_{t−1} + (1 − β1) ĝ_t (Algorithm 1 as printed, line 7)
* ``adamal_beta2``     the same with β2 in line 7 (as eq. (18) uses it)

with v_0 = v̂_0 = 0.  The regularisation budget is B_t = √v_t/η_t (the σ_{1:t}
with which eq. (13) reproduces the update with base rate η_t), σ_t = B_t − B_{t−1},
and Γ_t = √v_t/η_t − √v_{t−1}/η_{t−1} (eq. (15)).

With ``force_decrease`` the last gradient is g_T = κ √(v_{T−1}) (κ ∈ [0, 0.99], the
Adam EMA v), so that Adam's v_T < v_{T−1}: the instances where a σ_τ < 0 occurs.
With ``constant_rate`` the step size is constant (p = 0).
"""

from __future__ import annotations

from hypothesis import strategies as st

G_MAX = 5.0
ALGORITHMS = ("adam", "amsgrad", "amsgrad_inplace", "adamal", "adamal_beta2")


def t_max(mode: str) -> int:
    return 10 if mode == "quick" else 24


class AdaptiveBudget:
    def __init__(self, algorithm: str, force_decrease: bool = False, constant_rate: bool = False):
        if algorithm not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {algorithm!r}; one of {ALGORITHMS}")
        self.algorithm = algorithm
        self.force_decrease = force_decrease
        self.constant_rate = constant_rate
        self.name = f"adaptive-budget-{algorithm}"
        self.description = (
            f"{algorithm}: one coordinate, 2 ≤ T ≤ 10 (quick) / 24 (thorough), g_t ∈ [−5, 5] with g_1 ≠ 0, "
            "β1 ∈ [0.01, 0.99], β2 ∈ [0.01, 0.999], η_t = α/t^p with α ∈ [0.01, 1], "
            + ("p = 0" if constant_rate else "p ∈ [0, 1]")
            + ("; last gradient g_T = κ√v_{T−1}, κ ∈ [0, 0.99] (Adam's v decreases at T)" if force_decrease else "")
        )

    def __repr__(self):
        return f"AdaptiveBudget({self.algorithm!r}, force_decrease={self.force_decrease!r}, constant_rate={self.constant_rate!r})"

    def vector_bounds(self, mode):
        T = t_max(mode)
        return [(2, T + 0.999), (0.01, 0.99), (0.01, 0.999), (0.01, 1), (0, 0 if self.constant_rate else 1), (0, 0.99)] + [(-G_MAX, G_MAX)] * T

    def decode(self, x, mode):
        T = int(x[0])
        g = [float(v) for v in x[6 : 6 + T]]
        if abs(g[0]) < 1e-3:
            g[0] = 1e-3 if g[0] >= 0 else -1e-3
        return {"T": T, "beta1": float(x[1]), "beta2": float(x[2]), "alpha": float(x[3]),
                "p": 0.0 if self.constant_rate else float(x[4]), "kappa": float(x[5]), "g": g}

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            T = draw(st.integers(2, t_max(mode)))
            g1 = draw(st.one_of(st.floats(1e-3, G_MAX), st.floats(-G_MAX, -1e-3)))
            rest = draw(st.lists(st.floats(-G_MAX, G_MAX), min_size=T - 1, max_size=T - 1))
            return {"T": T, "beta1": draw(st.floats(0.01, 0.99)), "beta2": draw(st.floats(0.01, 0.999)),
                    "alpha": draw(st.floats(0.01, 1)), "p": 0.0 if self.constant_rate else draw(st.floats(0, 1)),
                    "kappa": draw(st.floats(0, 0.99)), "g": [g1] + rest}

        return inst()

    def gradients(self, inst, num):
        g = [num.num(v) for v in inst["g"]]
        if self.force_decrease:
            b2 = num.num(inst["beta2"])
            v = num.num(0)
            for gt in g[:-1]:
                v = b2 * v + (1 - b2) * gt * gt
            g[-1] = num.num(inst["kappa"]) * num.sqrt(v)
        return g

    def evaluate(self, inst, num):
        g = self.gradients(inst, num)
        b1, b2 = num.num(inst["beta1"]), num.num(inst["beta2"])
        alpha, p = num.num(inst["alpha"]), num.num(inst["p"])
        ema = vhat = v = num.num(0)
        used, emas = [], []
        for gt in g:
            ema = b2 * ema + (1 - b2) * gt * gt  # Adam's EMA (the v_t of eq. (2))
            emas.append(ema)
            if self.algorithm == "adam":
                v = ema
            elif self.algorithm == "amsgrad":
                vhat = max(vhat, ema)
                v = vhat
            elif self.algorithm == "amsgrad_inplace":
                v = max(v, b2 * v + (1 - b2) * gt * gt)
            else:
                b = b1 if self.algorithm == "adamal" else b2
                v = b * v + (1 - b) * max(gt * gt, v)
            used.append(v)
        T = len(g)
        eta = [alpha / num.num(t) ** p for t in range(1, T + 1)]
        B = [num.sqrt(vt) / e for vt, e in zip(used, eta)]
        gammas = [B[t] - B[t - 1] for t in range(1, T)]
        return {
            "measured": used[-1],
            "v_last": used[-1],
            "decrease": max(used[t - 1] - used[t] for t in range(1, T)),
            "sqrt_v_decrease": max(num.sqrt(used[t - 1]) - num.sqrt(used[t]) for t in range(1, T)),
            "neg_gamma": max(-gm for gm in gammas),
            "gamma_min": min(gammas),
            "B_last": B[-1],
            "minus_B_last": -B[-1],
            "sigma_last": B[-1] - B[-2],
            "sqrt_v_max": max(num.sqrt(vt) for vt in used),
            "g_max": max(abs(gt) for gt in g),
            "ema_max": max(emas),
            "used_minus_ema_last": used[-1] - emas[-1],
            "T": num.num(T),
        }
