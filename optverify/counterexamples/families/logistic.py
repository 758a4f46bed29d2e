"""The logistic loss of 000 (lines 17–23): ℓ(w,(x,y)) = log(1 + exp(−y⟨w,x⟩)), y = ±1.

The gradient used is the one printed at line 21 (itself checked symbolically).
"""

from __future__ import annotations

from hypothesis import strategies as st

D_MAX = 3
X_MAX, W_MAX = 5.0, 3.0


def _grad(num, w, x, y):
    s = sum(wi * xi for wi, xi in zip(w, x))
    e = num.exp(-y * s)
    return [-y * xi * e / (1 + e) for xi in x]


def _unit(v):
    return max(abs(t) for t in v) > 0


class LogisticSmoothness:
    """Difference quotient ‖∇ℓ(w) − ∇ℓ(w')‖ / ‖w − w'‖ for one example (x, y)."""

    name = "logistic-difference-quotient"
    description = "d ≤ 3, x ∈ [−5, 5]^d (word counts can exceed 1), y = ±1, w, w' ∈ [−3, 3]^d with w ≠ w'"

    def __repr__(self):
        return "LogisticSmoothness()"

    def vector_bounds(self, mode):
        return [(1, D_MAX + 0.999), (-1, 1)] + [(-X_MAX, X_MAX)] * D_MAX + [(-W_MAX, W_MAX)] * (2 * D_MAX)

    def decode(self, x, mode):
        d = int(x[0])
        return {
            "y": 1 if x[1] >= 0 else -1,
            "x": [float(v) for v in x[2 : 2 + d]],
            "w": [float(v) for v in x[2 + D_MAX : 2 + D_MAX + d]],
            "w2": [float(v) for v in x[2 + 2 * D_MAX : 2 + 2 * D_MAX + d]],
        }

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            d = draw(st.integers(1, D_MAX))
            vec = lambda m: st.lists(st.floats(-m, m), min_size=d, max_size=d)  # noqa: E731
            return {"y": draw(st.sampled_from([-1, 1])), "x": draw(vec(X_MAX)), "w": draw(vec(W_MAX)), "w2": draw(vec(W_MAX))}

        return inst()

    def evaluate(self, inst, num):
        x = [num.num(v) for v in inst["x"]]
        w = [num.num(v) for v in inst["w"]]
        w2 = [num.num(v) for v in inst["w2"]]
        y = num.num(inst["y"])
        g1, g2 = _grad(num, w, x, y), _grad(num, w2, x, y)
        dw = num.sqrt(sum((a - b) ** 2 for a, b in zip(w, w2)))
        dg = num.sqrt(sum((a - b) ** 2 for a, b in zip(g1, g2)))
        q = dg / dw if dw > 0 else num.num(0)
        return {"quotient": q, "x_norm_sq": sum(v * v for v in x)}


class LogisticGradientVariance:
    """Variance of the stochastic gradient over a finite data set with ‖x_j‖ ≤ r (000, line 23)."""

    name = "logistic-gradient-variance"
    description = "n ≤ 4 examples (x_j, y_j), d ≤ 3, ‖x_j‖₂ ≤ r, r ∈ (0, 5], w ∈ [−3, 3]^d, z uniform over the data"

    def __repr__(self):
        return "LogisticGradientVariance()"

    def vector_bounds(self, mode):
        return [(1, D_MAX + 0.999), (1, 4.999), (0.01, 5)] + [(-1, 1)] * (4 * D_MAX) + [(-1, 1)] * 4 + [(-W_MAX, W_MAX)] * D_MAX

    def decode(self, x, mode):
        d, n, r = int(x[0]), int(x[1]), float(x[2])
        xs = []
        for j in range(n):
            v = [float(t) for t in x[3 + j * D_MAX : 3 + j * D_MAX + d]]
            norm = sum(t * t for t in v) ** 0.5
            xs.append([t * r / norm for t in v] if norm > 1 else [t * r for t in v])
        ys = [1 if t >= 0 else -1 for t in x[3 + 4 * D_MAX : 3 + 4 * D_MAX + n]]
        w = [float(t) for t in x[7 + 4 * D_MAX : 7 + 4 * D_MAX + d]]
        return {"r": r, "xs": xs, "ys": ys, "w": w}

    def strategy(self, mode):
        @st.composite
        def inst(draw):
            d, n = draw(st.integers(1, D_MAX)), draw(st.integers(1, 4))
            r = draw(st.floats(0.01, 5))
            vec = st.lists(st.floats(-1, 1), min_size=d, max_size=d)
            x = [draw(vec) for _ in range(n)]
            raw = {"xs": x, "ys": [draw(st.sampled_from([-1, 1])) for _ in range(n)], "w": draw(st.lists(st.floats(-W_MAX, W_MAX), min_size=d, max_size=d))}
            xs = []
            for v in raw["xs"]:
                norm = sum(t * t for t in v) ** 0.5
                xs.append([t * r / norm for t in v] if norm > 1 else [t * r for t in v])
            return {"r": r, "xs": xs, "ys": raw["ys"], "w": raw["w"]}

        return inst()

    def evaluate(self, inst, num):
        w = [num.num(v) for v in inst["w"]]
        grads = [_grad(num, w, [num.num(v) for v in x], num.num(y)) for x, y in zip(inst["xs"], inst["ys"])]
        n = len(grads)
        mean = [sum(g[i] for g in grads) / n for i in range(len(w))]
        var = sum(sum((g[i] - mean[i]) ** 2 for i in range(len(w))) for g in grads) / n
        return {"variance": var, "r": num.num(inst["r"])}
