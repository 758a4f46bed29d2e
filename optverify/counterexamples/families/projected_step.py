"""One projected step on a coordinate, w_{t+1} = Π_{|w| ≤ D}(w_t − η g) (000, lines 159–163)."""

from __future__ import annotations

from optverify.counterexamples.schema import family, real
from optverify.sim.engine.reference import Step


def _D(p):
    return p["D"]


@family(
    {
        "D": real(0.1, 10),
        "w": real(lambda p: -_D(p), _D),
        "wstar": real(lambda p: -_D(p), _D),
        "g": real(-10, 10),
        "eta": real(1e-3, 10),
    },
    name="one-projected-step",
    description="D ∈ [0.1, 10], |w_t|, |w*| ≤ D, g ∈ [−10, 10], η ∈ (0, 10]",
)
def projected_step(p, num):
    D, w, ws, g, eta = (num.num(p[k]) for k in ("D", "w", "wstar", "g", "eta"))
    (w_next,), _ = Step("sgd", num, eta=eta, projection="box", radius=D)(1, [w], [g], {})
    return {
        "dist_next_sq": (w_next - ws) ** 2,
        "dist_unprojected_sq": (w - eta * g - ws) ** 2,
        "g_times_gap": g * (w - ws),
        "L163_rhs": ((w - ws) ** 2 - (w_next - ws) ** 2) / (2 * eta) + eta * g * g / 2,
    }
