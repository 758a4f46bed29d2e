"""Sums against integrals (003, Lemma 10.2 and its uses): exact integrals of decreasing functions.

``decreasing_sum``: non-negative x_0, …, x_T and a decreasing f from one of four shapes with
closed-form integrals; measured Σ_{t=1}^T x_t f(S_t) (S_t = Σ_{i=0}^t x_i) and ``integral`` =
∫_{x_0}^{S_T} f.  ``per_interval``: one interval [a, b] and (b − a)f(b) against ∫_a^b f.
The shapes (each decreasing on all of ℝ):

    "inv":  f(x) = a/(x + b) for x ≥ 0 (b > 0), extended by its tangent line a/b − a x/b² for x < 0
    "lin":  f(x) = b − a x
    "exp":  f(x) = a e^{−k x}
    "step": f(x) = f_∞ + Σ_j c_j 1[x < s_j]  (c_j ≥ 0: the extremal case of the lemma's first display)

``adagrad_sum``: squared gradient norms x_t = ‖g_t‖² ≥ 0 and ε: measured c² Σ_t x_t/(ε² + Σ_{i≤t} x_i)
(= Σ_t η_t²‖g_t‖² of Algorithm 7), with S = Σ_t x_t, ε and c for the right-hand sides.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, choice, family, integer, real

SHAPES = ("inv", "lin", "exp", "step")


def _f(num, shape, x, a, b, k, cuts, jumps):
    if shape == "inv":
        return a / (x + b) if x >= 0 else a / b - a * x / (b * b)
    if shape == "lin":
        return b - a * x
    if shape == "exp":
        return a * num.exp(-k * x)
    return -b + sum(cj for sj, cj in zip(cuts, jumps) if x < sj)


def _F(num, shape, lo, hi, a, b, k, cuts, jumps):
    """∫_lo^hi f for lo ≤ hi, lo ≥ 0."""
    if shape == "inv":
        return a * (num.log(hi + b) - num.log(lo + b))
    if shape == "lin":
        return b * (hi - lo) - a * (hi * hi - lo * lo) / 2
    if shape == "exp":
        return a / k * (num.exp(-k * lo) - num.exp(-k * hi))
    total = -b * (hi - lo)
    for sj, cj in zip(cuts, jumps):
        total += cj * max(num.num(0), min(hi, sj) - lo)
    return total


def _params(inst, num):
    cuts = [num.num(s) for s in inst["cuts"]]
    jumps = [num.num(c) for c in inst["jumps"]]
    return num.num(inst["a"]), num.num(inst["b"]), num.num(inst["k"]), cuts, jumps


_SHAPE_PARAMS = {
    "shape": choice(*SHAPES),
    "a": real(0, 5, examples=(1.0,)),
    "b": real(0.01, 5, examples=(1.0,)),
    "k": real(0.01, 5),
    "cuts": array(real(0, 10), 3),
    "jumps": array(real(0, 5), 3),
}


@family(
    {"T": integer(1, {"quick": 6, "thorough": 12}, examples=(1,)), "x0": real(0, 5, examples=(0.0,)),
     "x": array(real(0, 5, examples=(0.0, 1e-3)), "T"), **_SHAPE_PARAMS},
    name="decreasing-sum-integral",
    description="x_0, …, x_T ≥ 0 (zeros and T = 1 included), f decreasing on ℝ: a/(x+b) (tangent-extended), b − ax, ae^{−kx} "
                "or a decreasing step function; measured Σ_t x_t f(Σ_{i≤t} x_i), integral = ∫_{x_0}^{Σ_{i≤T} x_i} f exactly",
)
def decreasing_sum(inst, num):
    a, b, k, cuts, jumps = _params(inst, num)
    shape = inst["shape"]
    S = num.num(inst["x0"])
    lhs = num.num(0)
    for x in inst["x"]:
        x = num.num(x)
        S = S + x
        lhs += x * _f(num, shape, S, a, b, k, cuts, jumps)
    return {"measured": lhs, "integral": _F(num, shape, num.num(inst["x0"]), S, a, b, k, cuts, jumps)}


@family(
    {"lo": real(0, 10, examples=(0.0,)), "width": real(0, 5, examples=(0.0, 1e-3)), **_SHAPE_PARAMS},
    name="decreasing-interval",
    description="one interval [a, b] ⊂ [0, 15] and f decreasing on ℝ (the four shapes of decreasing-sum-integral); "
                "measured (b − a) f(b), integral = ∫_a^b f exactly",
)
def per_interval(inst, num):
    a, b, k, cuts, jumps = _params(inst, num)
    lo = num.num(inst["lo"])
    hi = lo + num.num(inst["width"])
    return {"measured": (hi - lo) * _f(num, inst["shape"], hi, a, b, k, cuts, jumps),
            "integral": _F(num, inst["shape"], lo, hi, a, b, k, cuts, jumps)}


@family(
    {"T": integer(1, {"quick": 8, "thorough": 30}, examples=(1, 8)),
     "epsilon": real(1e-3, 1e2, log=True, examples=(1.0,)),
     "x": array(real(0, 100, examples=(lambda p: p["epsilon"] ** 2, 1e-3)), "T"),
     "c": real(1e-2, 1e2, log=True, examples=(1.0,))},
    name="adagrad-sum",
    description="squared gradient norms x_t = ‖g_t‖² ∈ [0, 100] (T ≤ 8 quick, 30 thorough, x_t = ε² and T = 1 included), "
                "ε ∈ [1e-3, 1e2], c ∈ [1e-2, 1e2]; measured c² Σ_t x_t/(ε² + Σ_{i≤t} x_i) = Σ_t η_t²‖g_t‖² of Algorithm 7",
)
def adagrad_sum(inst, num):
    eps, c = num.num(inst["epsilon"]), num.num(inst["c"])
    S, lhs = num.num(0), num.num(0)
    for x in inst["x"]:
        x = num.num(x)
        S = S + x
        lhs += x / (eps * eps + S)
    return {"measured": c * c * lhs, "S": S, "epsilon": eps, "c": c, "T": num.num(inst["T"])}
