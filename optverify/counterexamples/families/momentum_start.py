"""The first two steps of SGD with momentum (003 Algorithm 16, line 2701), expectations exact (003 §20).

L(w) = (H/2)w² in one coordinate; the stochastic gradient is ∇ℓ(w, z) = Hw + z·s·ψ'(w − w_1), z = ±1 with
probability 1/2 (so E r = 0), ψ(x) = x³/(x² + δ²), ψ' = (x⁴ + 3x²δ²)/(x² + δ²)² ∈ [0, 9/8], s = 8σ/9: E‖r‖² ≤ σ²
everywhere, the noise vanishes at w_1 and is ≈ σ²·(64/81) a few δ away.  So m_1 = ∇L(w_1), ε_1 = 0 exactly, and
ε_2 = (1 − α)(∇L(w_1) − ∇L(w_2)) + α r_2, with E over z_2 computed exactly.  ℓ(w, z) = (H/2)w² + z s ψ(w − w_1).
"""

from __future__ import annotations

from optverify.counterexamples.schema import family, real
from optverify.sim.engine.reference import Step


def _psi_prime(num, x, delta):
    x2, d2 = x * x, delta * delta
    return (x2 * x2 + 3 * x2 * d2) / ((x2 + d2) ** 2)


@family(
    {
        "H": real(0.1, 20, log=True, examples=(1.0, 4.0)),
        "alpha": real(1e-3, 0.5, examples=(0.5,)),
        "w1": real(-10, 10, nonzero=1e-2),
        "sigma": real(0, 10, examples=(0.0, 1.0)),
        "delta_rel": real(1e-6, 1e-2, log=True),  # δ = delta_rel·|w_2 − w_1|
    },
    name="momentum-start-{first}-{step}",
    description=lambda o: (
        "Algorithm 16 on L(w) = (H/2)w², H ∈ [0.1, 20], α ∈ [10⁻³, 1/2], |w_1| ≤ 10, gradient noise ±(8σ/9)ψ'(w − w_1) (zero at "
        "w_1, E‖r‖² ≤ σ², σ ≤ 10), exact expectations; first step "
        + ("w_2 = w_1 − m_1 as printed" if o["first"] == "printed" else "w_2 = w_1 − ηm_1")
        + "; η = " + ("α/√(48H) as printed" if o["step"] == "printed" else "α/(√48·H)")
    ),
)
def momentum_start(p, num, *, first="printed", step="printed"):
    H, a, w1, sigma = num.num(p["H"]), num.num(p["alpha"]), num.num(p["w1"]), num.num(p["sigma"])
    eta = a / num.sqrt(48 * H) if step == "printed" else a / (num.sqrt(num.num(48)) * H)
    step = Step("sgd_momentum_alpha", num, eta=eta, alpha=a, first_step_eta=first != "printed")
    g1 = H * w1  # no noise at w_1
    (w2,), state = step(1, [w1], [g1], step.init([w1]))
    m1 = state["m"][0]
    g2 = H * w2
    delta = num.num(p["delta_rel"]) * num.fabs(w2 - w1)
    s = 8 * sigma / 9
    r2_sq = (s * _psi_prime(num, w2 - w1, delta)) ** 2 if w2 != w1 else num.num(0)  # E over z_2 of r_2²
    det = (1 - a) * (g1 - g2)
    eps2_sq = det * det + a * a * r2_sq  # E‖ε_2‖² (the cross term has mean 0)
    m2_mean = step(2, [w2], [g2], state)[1]["m"][0]  # E m_2: m_2 is linear in g_2 and E g_2 = ∇L(w_2)
    sqrt3 = num.sqrt(num.num(3))
    return {
        "measured": sqrt3 / (8 * H) * (eps2_sq - 0),  # √3/(8H) E[‖ε_2‖² − ‖ε_1‖²], ε_1 = 0
        "L_w1": H * w1 * w1 / 2, "L_w2": H * w2 * w2 / 2,
        "bias_sq": (m2_mean - g2) ** 2,  # ‖E m_2 − ∇L(w_2)‖²
        "cross_gap_sq": (g2 * m2_mean - g2 * g2) ** 2,  # (E⟨∇L(w_2), m_2⟩ − ‖∇L(w_2)‖²)²
        "g1_sq": g1 * g1, "eps1_sq": num.num(0), "eta": eta, "alpha": a, "sigma": sigma, "H": H,
    }
