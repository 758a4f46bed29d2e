"""Adam's bias-corrected moments against an arbitrary gradient sequence (004, lines 291–298).

For one coordinate and a gradient sequence g_1 … g_T (m_0 = v_0 = 0),

    m̂_T = Σ_k a_k g_k,  a_k = (1 − β1) β1^{T−k} / (1 − β1^T),
    v̂_T = Σ_k b_k g_k², b_k = (1 − β2) β2^{T−k} / (1 − β2^T),

so by Cauchy–Schwarz |m̂_T| ≤ √(Σ_k a_k²/b_k) · √v̂_T, with equality at g_k ∝ a_k/b_k:
the sharp constant of "|m̂_T| ≤ K √v̂_T" is K_T = √(Σ_k a_k²/b_k).  Since Σ a_k = Σ b_k = 1,
Cauchy–Schwarz again gives K_T ≥ 1, with equality only when a = b (β1 = β2) or T = 1.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

G_MAX = 5.0


def t_max(mode: str) -> int:
    return 16 if mode == "quick" else 48


def sharp_constant(beta1: float, beta2: float, T: int, num=None) -> float:
    """K_T = √(Σ_{k≤T} a_k²/b_k), the largest |m̂_T|/√v̂_T over all sequences of length T."""
    sqrt = math.sqrt if num is None else num.sqrt
    one = 1.0 if num is None else num.num(1)
    b1, b2 = one * beta1, one * beta2
    s = 0 * one
    for k in range(1, T + 1):
        a = (1 - b1) * b1 ** (T - k) / (1 - b1**T)
        b = (1 - b2) * b2 ** (T - k) / (1 - b2**T)
        s += a * a / b
    return sqrt(s)


def sharp_over_horizons(beta1: float, beta2: float, T: int) -> float:
    return max(sharp_constant(beta1, beta2, n) for n in range(1, T + 1))


def limit_constant(beta1: float, beta2: float) -> float:
    """lim_T K_T = (1 − β1)/√((1 − β2)(1 − β1²/β2)) when β1² < β2 (∞ otherwise)."""
    if beta1 * beta1 >= beta2:
        return math.inf
    return (1 - beta1) / math.sqrt((1 - beta2) * (1 - beta1 * beta1 / beta2))


class AdamMoments:
    """|m̂_T| (``quantity="m_hat"``) or Adam's step |Δθ_T| = γ|m̂_T|/(√v̂_T + ε) (``"step"``), any sequence."""

    name = "adam-moments-sequence"

    def __init__(self, beta1: float, beta2: float, quantity: str = "m_hat", gamma: float = 1e-3, eps: float = 1e-8):
        if quantity not in ("m_hat", "step"):
            raise ValueError("quantity must be m_hat or step")
        if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
            raise ValueError("beta1, beta2 must lie in [0, 1)")
        self.beta1, self.beta2, self.quantity, self.gamma, self.eps = beta1, beta2, quantity, gamma, eps
        self.description = (
            f"one coordinate of Adam with β1 = {beta1}, β2 = {beta2}, m_0 = v_0 = 0, bias-corrected; "
            f"T ≤ 16 (quick) / 48 (thorough) gradients in [−{G_MAX:g}, {G_MAX:g}] with g_T ≠ 0"
            + (f"; γ = {gamma:g}, ε = {eps:g} outside the root (line 294)" if quantity == "step" else "")
        )

    def __repr__(self):
        return f"AdamMoments({self.beta1!r}, {self.beta2!r}, quantity={self.quantity!r}, gamma={self.gamma!r}, eps={self.eps!r})"

    def vector_bounds(self, mode):
        return [(1, t_max(mode) + 0.999)] + [(-G_MAX, G_MAX)] * t_max(mode)

    def decode(self, x, mode):
        T = int(x[0])
        g = [float(v) for v in x[1 : 1 + T]]
        if abs(g[-1]) < 1e-3:
            g[-1] = 1e-3 if g[-1] >= 0 else -1e-3
        return {"g": g}

    def strategy(self, mode):
        T_hi = t_max(mode)
        r = self.beta1 / self.beta2

        @st.composite
        def inst(draw):
            T = draw(st.one_of(st.just(T_hi), st.integers(1, T_hi)))  # the longest horizon is where EMAs differ most
            shape = draw(st.sampled_from(["uniform", "spike", "geometric", "alternating"]))
            if shape == "uniform":
                g = draw(st.lists(st.floats(-G_MAX, G_MAX), min_size=T, max_size=T))
            elif shape == "spike":  # quiet history, then one large gradient
                small = draw(st.floats(0, 0.1))
                g = [small] * (T - 1) + [G_MAX]
            elif shape == "geometric":  # ramps g_k ∝ q^{T−k}; q = β1/β2 is where Cauchy–Schwarz is tight
                q = draw(st.one_of(st.floats(0.0, 1.5), st.just(r)))
                g = [G_MAX * q ** (T - k) for k in range(1, T + 1)]
            else:
                g = [G_MAX * (-1) ** k for k in range(T)]
            if abs(g[-1]) < 1e-3:
                g[-1] = 1e-3
            return {"g": g}

        return inst()

    def evaluate(self, inst, num):
        b1, b2 = num.num(self.beta1), num.num(self.beta2)
        m = v = num.num(0)
        g = [num.num(x) for x in inst["g"]]
        for gt in g:
            m = b1 * m + (1 - b1) * gt
            v = b2 * v + (1 - b2) * gt * gt
        T = len(g)
        m_hat = m / (1 - b1**T)
        v_hat = v / (1 - b2**T)
        root = num.sqrt(v_hat)
        gamma = num.num(self.gamma)
        step = gamma * num.fabs(m_hat) / (root + num.num(self.eps))
        return {
            "measured": num.fabs(m_hat) if self.quantity == "m_hat" else step,
            "m_hat": m_hat,
            "v_hat": v_hat,
            "sqrt_v_hat": root,
            "gamma": gamma,
            "epsilon": num.num(self.eps),
            "T": num.num(T),
            "sharp_K_T": sharp_constant(self.beta1, self.beta2, T, num),
        }
