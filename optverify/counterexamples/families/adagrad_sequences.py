"""One coordinate of diagonal AdaGrad against an arbitrary gradient sequence (000, lines 159–175).

The proof of Theorem 3 bounds Σ_t g_t(w_t − w*) for *every* sequence g_1…g_T,
with w_{t+1} = Π_{|w| ≤ D}(w_t − η_t g_t), η_t = c/√(Σ_{τ≤t} g_τ²), c = √2·D,
|w_1| ≤ D, |w*| ≤ D.  This family evaluates every quantity the displays of
that proof name, so each printed link can be compared on the same instances.
"""

from __future__ import annotations

from hypothesis import strategies as st

from optverify.sim.reference import adagrad_diag_box_step

G_MAX = 5.0


def t_max(mode: str) -> int:
    return 8 if mode == "quick" else 24


class AdaGradCoordinate:
    name = "adagrad-coordinate-sequence"
    description = (
        "one coordinate, D ∈ [0.1, 10], |w_1|, |w*| ≤ D, c = √2·D (Theorem 3), T ≤ 8 (quick) / 24 (thorough), "
        "any gradients g_t ∈ [−5, 5] with g_1 ≠ 0 (η_1 is undefined otherwise)"
    )

    def __init__(self, c_factor: float | None = None):
        self.c_factor = c_factor  # None: c = √2·D as Theorem 3 prints it

    def __repr__(self):
        return f"AdaGradCoordinate(c_factor={self.c_factor!r})"

    def vector_bounds(self, mode):
        T = t_max(mode)
        return [(0.1, 10), (-1, 1), (-1, 1), (1, T + 0.999)] + [(-G_MAX, G_MAX)] * T

    def decode(self, x, mode):
        T = int(x[3])
        g = [float(v) for v in x[4 : 4 + T]]
        if abs(g[0]) < 1e-3:
            g[0] = 1e-3 if g[0] >= 0 else -1e-3
        return {"D": float(x[0]), "w1": float(x[1] * x[0]), "wstar": float(x[2] * x[0]), "g": g}

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            D = draw(st.floats(0.1, 10))
            T = draw(st.integers(1, t_max(mode)))
            g1 = draw(st.one_of(st.floats(1e-3, G_MAX), st.floats(-G_MAX, -1e-3)))
            rest = draw(st.lists(st.floats(-G_MAX, G_MAX), min_size=T - 1, max_size=T - 1))
            return {"D": D, "w1": draw(st.floats(-1, 1)) * D, "wstar": draw(st.floats(-1, 1)) * D, "g": [g1] + rest}

        return inst()

    def evaluate(self, inst, num):
        D, ws = num.num(inst["D"]), num.num(inst["wstar"])
        c = num.sqrt(num.num(2)) * D if self.c_factor is None else num.num(self.c_factor) * D
        g = [num.num(v) for v in inst["g"]]
        T = len(g)
        w, acc = [num.num(inst["w1"])], [num.num(0)]
        ws_traj, eta, S_t = [w[0]], [], []
        for gt in g:
            w, acc = adagrad_diag_box_step(num, w, [gt], acc, c, D)
            ws_traj.append(w[0])
            S_t.append(acc[0])
            eta.append(c / num.sqrt(acc[0]))
        a = [wt - ws for wt in ws_traj]  # a_t = w_t − w*, t = 1..T+1
        two = num.num(2)
        regret = sum(gt * at for gt, at in zip(g, a))
        sum_eta_g2 = sum(e * gt * gt for e, gt in zip(eta, g))
        inc = [1 / (two * eta[t]) - 1 / (two * eta[t - 1]) for t in range(1, T)]
        l167_a = (
            a[0] ** 2 / (two * eta[0])
            - a[T] ** 2 / (two * eta[T - 1])
            + sum(a[t] ** 2 * inc[t - 1] for t in range(1, T))
            + sum_eta_g2 / two
        )
        l167_b = D**2 / (two * eta[0]) + sum(D**2 * x for x in inc) + sum_eta_g2 / two
        l167_c = D**2 / (two * eta[T - 1]) + sum_eta_g2 / two
        four_D2 = 4 * D**2  # (w_t − w*)² ≤ (2D)² when both lie in [−D, D]
        l167_b4 = four_D2 / (two * eta[0]) + sum(four_D2 * x for x in inc) + sum_eta_g2 / two
        l167_c4 = four_D2 / (two * eta[T - 1]) + sum_eta_g2 / two
        S = S_t[-1]
        return {
            "regret": regret,
            "D": D,
            "D_inf": D,
            "c": c,
            "S": S,
            "sqrt_S": num.sqrt(S),
            "T": num.num(T),
            "sum_eta_g2": sum_eta_g2,
            "sum_g2_over_sqrt": sum(gt * gt / num.sqrt(s) for gt, s in zip(g, S_t)),
            "L167_a": l167_a,
            "L167_b": l167_b,
            "L167_c": l167_c,
            "L167_b_4D2": l167_b4,
            "L167_c_4D2": l167_c4,
        }
