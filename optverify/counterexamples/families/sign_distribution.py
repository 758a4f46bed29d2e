"""Two-point gradient distributions for the sign update (000, line 283).

L(w) = E[(w − z)²]/2 with z = a w.p. q and z = b otherwise; the stochastic
gradient at w is g = w − z.  The sign update moves w ↦ w − η·sign(g).
"""

from __future__ import annotations

from optverify.counterexamples.schema import family, real


@family(
    {"a": real(-20, 20), "b": real(-20, 20), "q": real(0.01, 0.99), "w": real(-5, 5), "eta": real(1e-3, 1)},
    name="two-point-gradient-distribution",
    description="z ∈ {a, b} with P(z = a) = q ∈ [0.01, 0.99], a, b ∈ [−20, 20], w ∈ [−5, 5], η ∈ (0, 1]",
)
def sign_distribution(p, num):
    a, b, q, w, eta = (num.num(p[k]) for k in ("a", "b", "q", "w", "eta"))
    one = num.num(1)
    zs, ps = (a, b), (q, one - q)

    def L(v):
        return sum(pr * (v - z) ** 2 for z, pr in zip(zs, ps)) / 2

    e_g = sum(pr * (w - z) for z, pr in zip(zs, ps))
    e_sign = sum(pr * num.sign(w - z) for z, pr in zip(zs, ps))
    e_next = sum(pr * L(w - eta * num.sign(w - z)) for z, pr in zip(zs, ps))
    return {
        "expected_increase": e_next - L(w),
        "E_g": e_g,
        "E_sign_g": e_sign,
        "sign_mismatch": -e_g * e_sign,
    }
