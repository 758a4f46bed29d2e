"""Adam's bias-corrected moments against an arbitrary gradient sequence (004, lines 291–298).

For one coordinate and a gradient sequence g_1 … g_T (m_0 = v_0 = 0),

    m̂_T = Σ_k a_k g_k,  a_k = (1 − β1) β1^{T−k} / (1 − β1^T),
    v̂_T = Σ_k b_k g_k², b_k = (1 − β2) β2^{T−k} / (1 − β2^T),

so by Cauchy–Schwarz |m̂_T| ≤ √(Σ_k a_k²/b_k) · √v̂_T, with equality at g_k ∝ a_k/b_k:
the sharp constant of "|m̂_T| ≤ K √v̂_T" is K_T = √(Σ_k a_k²/b_k).  Since Σ a_k = Σ b_k = 1,
Cauchy–Schwarz again gives K_T ≥ 1, with equality only when a = b (β1 = β2) or T = 1.
The moments are those of the declared ``adam`` step (``optverify.sim.updates.adaptive``).
"""

from __future__ import annotations

import math

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import run

G_MAX = 5.0
T_MAX = {"quick": 16, "thorough": 48}


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


def _validate(beta1, beta2, quantity, gamma, eps):
    if quantity not in ("m_hat", "step"):
        raise ValueError("quantity must be m_hat or step")
    if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
        raise ValueError("beta1, beta2 must lie in [0, 1)")


def _describe(o):
    return (
        f"one coordinate of Adam with β1 = {o['beta1']}, β2 = {o['beta2']}, m_0 = v_0 = 0, bias-corrected; "
        f"T ≤ 16 (quick) / 48 (thorough) gradients in [−{G_MAX:g}, {G_MAX:g}] with |g_T| ≥ 10⁻³"
        + (f"; γ = {o['gamma']:g}, ε = {o['eps']:g} outside the root (line 294)" if o["quantity"] == "step" else "")
    )


def adam_moments_of(num, g, beta1, beta2, momentum_sign=1):
    """(m_T, v_T) of the declared Adam step (m_0 = v_0 = 0) fed the gradients g_1 … g_T, before any bias correction."""
    _, states = run("adam", num, [num.num(0)], lambda t, _w: [g[t - 1]], len(g), eta=1, beta1=beta1, beta2=beta2,
                    momentum_sign=momentum_sign, bias_correction1=False, bias_correction2=False)
    return states[-1]["m"][0], states[-1]["v"][0]


# sequences the random search also draws (the longest horizon is where the EMAs differ most)
def _ramp(p):
    """g_k ∝ (β1/β2)^{T−k}: where Cauchy–Schwarz is tight (the sharp constant's maximiser)."""
    q = p["beta1"] / p["beta2"]
    return [G_MAX * q ** (p["T"] - k) for k in range(1, p["T"] + 1)]


def _spike(p):
    """A quiet history, then one large gradient."""
    return [0.0] * (p["T"] - 1) + [G_MAX]


def _alternating(p):
    return [G_MAX * (-1) ** k for k in range(p["T"])]


def _constant(p):
    return [G_MAX] * p["T"]


@family(
    {
        "T": integer(1, T_MAX, examples=[T_MAX]),
        "g": array(real(-G_MAX, G_MAX), "T", at={-1: real(-G_MAX, G_MAX, nonzero=1e-3)},
                   examples=[_ramp, _spike, _alternating, _constant]),
    },
    name="adam-moments-sequence",
    description=_describe,
    validate=_validate,
)
def adam_moments(inst, num, *, beta1, beta2, quantity="m_hat", gamma=1e-3, eps=1e-8):
    """|m̂_T| (``quantity="m_hat"``) or Adam's step |Δθ_T| = γ|m̂_T|/(√v̂_T + ε) (``"step"``), any sequence."""
    b1, b2 = num.num(beta1), num.num(beta2)
    g = [num.num(x) for x in inst["g"]]
    T = len(g)
    m, v = adam_moments_of(num, g, b1, b2)
    m_hat = m / (1 - b1**T)
    v_hat = v / (1 - b2**T)
    root = num.sqrt(v_hat)
    gam = num.num(gamma)
    step = gam * num.fabs(m_hat) / (root + num.num(eps))
    return {
        "measured": num.fabs(m_hat) if quantity == "m_hat" else step,
        "m_hat": m_hat,
        "v_hat": v_hat,
        "sqrt_v_hat": root,
        "gamma": gam,
        "epsilon": num.num(eps),
        "T": num.num(T),
        "sharp_K_T": sharp_constant(beta1, beta2, T, num),
    }
