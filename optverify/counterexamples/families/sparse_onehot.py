"""The 1-hot gradient stream of 000, line 130: coordinate i is ±1 with probability ∝ 1/i², the rest 0.

Expectations are exact: the count N_i of steps where coordinate i is non-zero is
Binomial(T, p_i), p_i = (1/i²)/Σ_j 1/j², and E√N_i is summed term by term.
"""

from __future__ import annotations

import math

from optverify.counterexamples.schema import family, integer, real


@family(
    {"d": integer(1, 12), "T": integer(1, 40), "D_inf": real(0.01, 5), "D_2": real(0.01, 5)},
    name="sparse-one-hot-stream",
    description="d ≤ 12 coordinates, T ≤ 40 steps, D_∞, D_2 ∈ (0, 5]; exact binomial expectations",
)
def sparse_onehot(p, num):
    d, T = p["d"], p["T"]
    one = num.num(1)
    Z = sum(one / (i * i) for i in range(1, d + 1))
    pr = [one / (i * i) / Z for i in range(1, d + 1)]
    e_sqrt = []
    for pi in pr:
        e_sqrt.append(sum(num.num(math.comb(T, k)) * pi**k * (one - pi) ** (T - k) * num.sqrt(num.num(k)) for k in range(T + 1)))
    # ‖g_t‖² takes the value (±1)² = 1 with probability Σ_i p_i: its T-fold sum, then E√·
    p_norm1 = sum(pr)
    e_sqrt_norm = sum(num.num(math.comb(T, k)) * p_norm1**k * (one - p_norm1) ** (T - k) * num.sqrt(num.num(k)) for k in range(T + 1))
    return {
        "E_sum_sqrt": sum(e_sqrt),
        "E_sqrt_norm": e_sqrt_norm,
        "D_inf": num.num(p["D_inf"]),
        "D_2": num.num(p["D_2"]),
        "T": num.num(T),
        "d": num.num(d),
    }
