"""The 1-hot gradient stream of 000, line 130: coordinate i is ±1 with probability ∝ 1/i², the rest 0.

Expectations are exact: the count N_i of steps where coordinate i is non-zero is
Binomial(T, p_i), p_i = (1/i²)/Σ_j 1/j², and E√N_i is summed term by term.
"""

from __future__ import annotations

import math

from optverify.counterexamples.schema import family, integer, real


def expectations(d: int, T: int, num) -> dict:
    """E Σ_i √N_i and E √(Σ_i N_i) of the stream (exact binomial sums in the number context)."""
    one = num.num(1)
    Z = sum(one / (i * i) for i in range(1, d + 1))
    pr = [one / (i * i) / Z for i in range(1, d + 1)]
    e_sqrt = []
    for pi in pr:
        e_sqrt.append(sum(num.num(math.comb(T, k)) * pi**k * (one - pi) ** (T - k) * num.sqrt(num.num(k)) for k in range(T + 1)))
    # ‖g_t‖² takes the value (±1)² = 1 with probability Σ_i p_i: its T-fold sum, then E√·
    p_norm1 = sum(pr)
    e_sqrt_norm = sum(num.num(math.comb(T, k)) * p_norm1**k * (one - p_norm1) ** (T - k) * num.sqrt(num.num(k)) for k in range(T + 1))
    return {"E_sum_sqrt": sum(e_sqrt), "E_sqrt_norm": e_sqrt_norm, "T": num.num(T), "d": num.num(d)}


@family(
    {"d": integer(1, 12), "T": integer(1, 40), "D_inf": real(0.01, 5), "D_2": real(0.01, 5)},
    name="sparse-one-hot-stream",
    description="d ≤ 12 coordinates, T ≤ 40 steps, D_∞, D_2 ∈ (0, 5]; exact binomial expectations",
)
def sparse_onehot(p, num):
    return {**expectations(p["d"], p["T"], num), "D_inf": num.num(p["D_inf"]), "D_2": num.num(p["D_2"])}


@family(
    {"d": integer(4, 12, examples=(12,)), "T": integer(1, 40, examples=(40,)), "D_2": real(0.01, 5), "s": real(0, 1)},
    name="sparse-one-hot-stream-D-inf-at-most-half-D-2",
    description="the stream of sparse-one-hot-stream with D_∞ = D_2(1/√d + s(1/2 − 1/√d)) ∈ [D_2/√d, D_2/2]: D_∞ at most half "
                "of D_2, and at least D_2/√d as the norms of every w* ∈ ℝ^d are (so d ≥ 4)",
)
def onehot_half_norm(p, num):
    d, D2 = p["d"], num.num(p["D_2"])
    lo = 1 / num.sqrt(num.num(d))
    return {**expectations(d, p["T"], num), "D_inf": D2 * (lo + num.num(p["s"]) * (num.num(1) / 2 - lo)), "D_2": D2}
