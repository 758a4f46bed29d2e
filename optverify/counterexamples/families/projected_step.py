"""One projected step on a coordinate, w_{t+1} = Π_{|w| ≤ D}(w_t − η g) (000, lines 159–163)."""

from __future__ import annotations

from hypothesis import strategies as st

from optverify.sim.reference import clip


class ProjectedStep:
    name = "one-projected-step"
    description = "D ∈ [0.1, 10], |w_t|, |w*| ≤ D, g ∈ [−10, 10], η ∈ (0, 10]"

    def __repr__(self):
        return "ProjectedStep()"

    def vector_bounds(self, mode):
        return [(0.1, 10), (-1, 1), (-1, 1), (-10, 10), (1e-3, 10)]

    def decode(self, x, mode):
        D = float(x[0])
        return {"D": D, "w": float(x[1]) * D, "wstar": float(x[2]) * D, "g": float(x[3]), "eta": float(x[4])}

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            D = draw(st.floats(0.1, 10))
            return {"D": D, "w": draw(st.floats(-1, 1)) * D, "wstar": draw(st.floats(-1, 1)) * D,
                    "g": draw(st.floats(-10, 10)), "eta": draw(st.floats(1e-3, 10))}

        return inst()

    def evaluate(self, inst, num):
        D, w, ws, g, eta = (num.num(inst[k]) for k in ("D", "w", "wstar", "g", "eta"))
        w_next = clip(num, w - eta * g, -D, D)
        return {
            "dist_next_sq": (w_next - ws) ** 2,
            "dist_unprojected_sq": (w - eta * g - ws) ** 2,
            "g_times_gap": g * (w - ws),
            "L163_rhs": ((w - ws) ** 2 - (w_next - ws) ** 2) / (2 * eta) + eta * g * g / 2,
        }
