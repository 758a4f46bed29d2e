"""The logistic loss of 000 (lines 17–23): ℓ(w,(x,y)) = log(1 + exp(−y⟨w,x⟩)), y = ±1.

The gradient used is the one printed at line 21 (itself checked symbolically).
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, choice, family, integer, real

D_MAX, N_MAX = 3, 4
X_MAX, W_MAX = 5.0, 3.0


def _grad(num, w, x, y):
    s = sum(wi * xi for wi, xi in zip(w, x))
    e = num.exp(-y * s)
    return [-y * xi * e / (1 + e) for xi in x]


@family(
    {
        "d": integer(1, D_MAX),
        "y": choice(-1, 1),
        "x": array(real(-X_MAX, X_MAX), "d"),
        "w": array(real(-W_MAX, W_MAX), "d"),
        "w2": array(real(-W_MAX, W_MAX), "d"),
    },
    name="logistic-difference-quotient",
    description="d ≤ 3, x ∈ [−5, 5]^d (word counts can exceed 1), y = ±1, w, w' ∈ [−3, 3]^d with w ≠ w'",
)
def logistic_smoothness(p, num):
    """Difference quotient ‖∇ℓ(w) − ∇ℓ(w')‖ / ‖w − w'‖ for one example (x, y)."""
    x = [num.num(v) for v in p["x"]]
    w = [num.num(v) for v in p["w"]]
    w2 = [num.num(v) for v in p["w2"]]
    y = num.num(p["y"])
    g1, g2 = _grad(num, w, x, y), _grad(num, w2, x, y)
    dw = num.sqrt(sum((a - b) ** 2 for a, b in zip(w, w2)))
    dg = num.sqrt(sum((a - b) ** 2 for a, b in zip(g1, g2)))
    q = dg / dw if dw > 0 else num.num(0)
    return {"quotient": q, "x_norm_sq": sum(v * v for v in x)}


@family(
    {
        "d": integer(1, D_MAX),
        "n": integer(1, N_MAX),
        "r": real(0.01, 5),
        "u": array(real(-1, 1), ("n", "d")),
        "ys": array(choice(-1, 1), "n"),
        "w": array(real(-W_MAX, W_MAX), "d"),
    },
    name="logistic-gradient-variance",
    description="n ≤ 4 examples (x_j, y_j), d ≤ 3, ‖x_j‖₂ ≤ r, r ∈ (0, 5] (x_j = r·u_j, u_j ∈ [−1, 1]^d scaled into the unit ball), "
    "w ∈ [−3, 3]^d, z uniform over the data",
)
def logistic_gradient_variance(p, num):
    """Variance of the stochastic gradient over a finite data set with ‖x_j‖ ≤ r (000, line 23)."""
    r = num.num(p["r"])
    w = [num.num(v) for v in p["w"]]
    xs = []
    for u in p["u"]:
        u = [num.num(t) for t in u]
        norm = num.sqrt(sum(t * t for t in u))
        xs.append([t * r / norm for t in u] if norm > 1 else [t * r for t in u])
    grads = [_grad(num, w, x, num.num(y)) for x, y in zip(xs, p["ys"])]
    n = len(grads)
    mean = [sum(g[i] for g in grads) / n for i in range(len(w))]
    var = sum(sum((g[i] - mean[i]) ** 2 for i in range(len(w))) for g in grads) / n
    return {"variance": var, "r": r}
