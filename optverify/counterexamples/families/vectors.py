"""Gradient matrices g_t[i] (t ≤ T, i ≤ d) and vectors: the norm comparisons of 000, lines 101–126."""

from __future__ import annotations

from optverify.counterexamples.schema import array, choice, family, integer, real

D_MAX, T_MAX = 6, 6
ENTRY = 4.0


@family(
    {
        "d": integer(1, D_MAX),
        "T": integer(1, T_MAX),
        "w": real(0.01, 3),
        "signs": array(choice(-1, 1), "d"),
        "g": array(real(-ENTRY, ENTRY), ("T", "d")),
    },
    name="gradient-matrix",
    description="T×d real matrices (T, d ≤ 6, entries in [−4, 4]) and w* = (±w,…,±w), w ∈ (0, 3]",
)
def gradient_matrix(p, num):
    """A T×d matrix of gradient entries, and a signed vector w* = (±w, …, ±w).

    Values: ``sum_sqrt`` = Σ_i √(Σ_t g_t[i]²), ``sqrt_total`` = √(Σ_t ‖g_t‖²),
    ``d``, ``D_inf`` = ‖w*‖_∞ and ``D_2`` = ‖w*‖₂ computed from the vector,
    ``inf_norm``/``two_norm`` of the first row (a vector of R^d).
    """
    g = [[num.num(v) for v in row] for row in p["g"]]
    d = p["d"]
    cols = [sum(row[i] * row[i] for row in g) for i in range(d)]
    wstar = [s * num.num(p["w"]) for s in p["signs"]]
    x = g[0]
    total = sum(cols)
    return {
        "sum_sqrt": sum(num.sqrt(c) for c in cols),
        "sqrt_total": num.sqrt(total),
        "d": num.num(d),
        "D_inf": max(num.fabs(v) for v in wstar),
        "D_2": num.sqrt(sum(v * v for v in wstar)),
        "inf_norm": max(num.fabs(v) for v in x),
        "two_norm": num.sqrt(sum(v * v for v in x)),
    }


@family(
    {"d": integer(1, 8), "w": real(-3, 3, examples=(0.0,))},
    name="sign-patterns",
    description="the vectors (±w, …, ±w) ∈ R^d of one constant w ∈ [−3, 3] (d ≤ 8), counted by enumeration",
)
def sign_patterns(p, num):
    """``count``: the number of distinct vectors (s_1 w, …, s_d w), s ∈ {−1, 1}^d, enumerated; ``d``."""
    import itertools

    w = num.num(p["w"])
    count = len({tuple(s * w for s in signs) for signs in itertools.product((1, -1), repeat=p["d"])})
    return {"count": num.num(count), "d": num.num(p["d"])}
