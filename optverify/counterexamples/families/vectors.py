"""Gradient matrices g_t[i] (t ≤ T, i ≤ d) and vectors: the norm comparisons of 000, lines 101–126."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

D_MAX, T_MAX = 6, 6
ENTRY = 4.0


class GradientMatrix:
    """A T×d matrix of gradient entries, and a signed vector w* = (±w, …, ±w).

    Values: ``sum_sqrt`` = Σ_i √(Σ_t g_t[i]²), ``sqrt_total`` = √(Σ_t ‖g_t‖²),
    ``d``, ``D_inf`` = ‖w*‖_∞ and ``D_2`` = ‖w*‖₂ computed from the vector,
    ``inf_norm``/``two_norm`` of the first row (a vector of R^d).
    """

    name = "gradient-matrix"
    description = "T×d real matrices (T, d ≤ 6, entries in [−4, 4]) and w* = (±w,…,±w), w ∈ (0, 3]"
    def __repr__(self):
        return "GradientMatrix()"

    def vector_bounds(self, mode):
        return [(1, D_MAX + 0.999), (1, T_MAX + 0.999), (0.01, 3)] + [(-1, 1)] * D_MAX + [(-ENTRY, ENTRY)] * (D_MAX * T_MAX)

    def decode(self, x, mode):
        d, T = int(x[0]), int(x[1])
        signs = [1 if s >= 0 else -1 for s in x[3 : 3 + d]]
        g = np.asarray(x[3 + D_MAX :]).reshape(T_MAX, D_MAX)[:T, :d]
        return {"d": d, "T": T, "w": float(x[2]), "signs": signs, "g": [[float(v) for v in row] for row in g]}

    def strategy(self, mode):
        entry = st.floats(-ENTRY, ENTRY, allow_nan=False)

        @st.composite
        def inst(draw):
            d = draw(st.integers(1, D_MAX))
            T = draw(st.integers(1, T_MAX))
            g = draw(st.lists(st.lists(entry, min_size=d, max_size=d), min_size=T, max_size=T))
            w = draw(st.floats(0.01, 3))
            signs = draw(st.lists(st.sampled_from([-1, 1]), min_size=d, max_size=d))
            return {"d": d, "T": T, "w": w, "signs": signs, "g": g}

        return inst()

    def evaluate(self, inst, num):
        g = [[num.num(v) for v in row] for row in inst["g"]]
        d = inst["d"]
        cols = [sum(row[i] * row[i] for row in g) for i in range(d)]
        wstar = [s * num.num(inst["w"]) for s in inst["signs"]]
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


class Measured:
    """Wrap a family so that one of its values is the measured side."""

    def __init__(self, family, measured: str | None = None, measured_expr=None):
        self.family = family
        self.key = measured
        self.expr = measured_expr
        self.name = family.name
        self.description = family.description
        if measured_expr is not None:
            import sympy as sp

            self._syms = sorted(sp.sympify(measured_expr).free_symbols, key=lambda s: s.name)
            self._expr = sp.sympify(measured_expr)

    def __repr__(self):
        if self.key is not None:
            return f"Measured({self.family!r}, measured={self.key!r})"
        return f"Measured({self.family!r}, measured_expr={str(self.expr)!r})"

    def vector_bounds(self, mode):
        return self.family.vector_bounds(mode)

    def decode(self, x, mode):
        return self.family.decode(x, mode)

    def strategy(self, mode):
        return self.family.strategy(mode)

    def evaluate(self, inst, num):
        vals = dict(self.family.evaluate(inst, num))
        if self.key is not None:
            vals["measured"] = vals[self.key]
        else:
            import sympy as sp

            from optverify.verify.numctx import FloatCtx

            f = sp.lambdify(self._syms, self._expr, "math" if isinstance(num, FloatCtx) else "mpmath")
            vals["measured"] = f(*[vals[s.name] for s in self._syms])
        return vals
