"""How named quantities transform when the loss is multiplied by a and the parameters by b.

Declared once, here.  Under ℓ ↦ a·ℓ(w/b) (loss scaled by a, parameters by b),
a quantity of kind K is multiplied by a**p * b**q with (p, q) = KINDS[K].  A
bound must transform like the quantity it bounds; one that does not is wrong
for some rescaled instance.
"""

from __future__ import annotations

import sympy as sp

a, b = sp.symbols("a b", positive=True)

#: kind → (exponent of a, exponent of b)
KINDS: dict[str, tuple[int, int]] = {
    "none": (0, 0),  # dimensionless: t, T, d, β, probabilities, counts
    "loss": (1, 0),  # loss values, suboptimality, regret, Δ = L(w1) − L*
    "param": (0, 1),  # w, w*, D, distances, the AdaGrad scale c
    "grad": (1, -1),  # gradients, G, Lipschitz constants, gradient-norm bounds, σ
    "grad2": (2, -2),  # squared gradients, variances σ², ν
    "hess": (1, -2),  # smoothness H, strong convexity μ, curvature
    "step": (-1, 2),  # step sizes η
    "inv_grad": (-1, 1),  # 1/‖g‖-type quantities
    "jerk": (1, -3),  # second-order smoothness J (a bound on the third derivative), 003 section 25
}


def factor_of(kind: str) -> sp.Expr:
    p, q = KINDS[kind]
    return a**p * b**q


def transform(expr: sp.Expr, dims: dict) -> sp.Expr:
    """expr with every symbol multiplied by its kind's factor."""
    return sp.sympify(expr).subs({s: factor_of(k) * s for s, k in dims.items()}, simultaneous=True)


def exponents(expr: sp.Expr, dims: dict) -> tuple[sp.Expr, sp.Expr] | None:
    """(p, q) with transform(expr) = a**p b**q · expr, or None when expr is not homogeneous."""
    expr = sp.sympify(expr)
    if expr == 0:
        return None
    ratio = sp.simplify(sp.powsimp(sp.expand_power_base(transform(expr, dims) / expr, force=True), force=True))
    p = sp.simplify(sp.diff(sp.log(ratio), a) * a)
    q = sp.simplify(sp.diff(sp.log(ratio), b) * b)
    if p.free_symbols or q.free_symbols:
        return None
    return p, q
