"""Two-point gradient distributions for the sign update (000, line 283).

L(w) = E[(w − z)²]/2 with z = a w.p. q and z = b otherwise; the stochastic
gradient at w is g = w − z.  The sign update moves w ↦ w − η·sign(g).
"""

from __future__ import annotations

from hypothesis import strategies as st


class SignDistribution:
    name = "two-point-gradient-distribution"
    description = "z ∈ {a, b} with P(z = a) = q ∈ [0.01, 0.99], a, b ∈ [−20, 20], w ∈ [−5, 5], η ∈ (0, 1]"

    def __repr__(self):
        return "SignDistribution()"

    def vector_bounds(self, mode):
        return [(-20, 20), (-20, 20), (0.01, 0.99), (-5, 5), (1e-3, 1)]

    def decode(self, x, mode):
        return {"a": float(x[0]), "b": float(x[1]), "q": float(x[2]), "w": float(x[3]), "eta": float(x[4])}

    def strategy(self, mode):
        return st.fixed_dictionaries(
            {"a": st.floats(-20, 20), "b": st.floats(-20, 20), "q": st.floats(0.01, 0.99), "w": st.floats(-5, 5), "eta": st.floats(1e-3, 1)}
        )

    def evaluate(self, inst, num):
        a, b, q, w, eta = (num.num(inst[k]) for k in ("a", "b", "q", "w", "eta"))
        one = num.num(1)
        zs, ps = (a, b), (q, one - q)

        def L(v):
            return sum(p * (v - z) ** 2 for z, p in zip(zs, ps)) / 2

        e_g = sum(p * (w - z) for z, p in zip(zs, ps))
        e_sign = sum(p * num.sign(w - z) for z, p in zip(zs, ps))
        e_next = sum(p * L(w - eta * num.sign(w - z)) for z, p in zip(zs, ps))
        return {
            "expected_increase": e_next - L(w),
            "E_g": e_g,
            "E_sign_g": e_sign,
            "sign_mismatch": -e_g * e_sign,
        }
