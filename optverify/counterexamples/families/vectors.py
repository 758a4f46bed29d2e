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


class Measured:
    """Wrap a family so that one of its values (or an expression in them) is the measured side."""

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

    def replay_source(self) -> tuple[str, str]:
        """The wrapped family's replay source, wrapped: ``(imports, expression)`` for a fresh interpreter."""
        imports, inner = self.family.replay_source()
        imports += "\nfrom optverify.counterexamples.families.vectors import Measured"
        if self.key is not None:
            return imports, f"Measured({inner}, measured={self.key!r})"
        return imports, f"Measured({inner}, measured_expr={str(self.expr)!r})"

    def __repr__(self):
        return self.replay_source()[1]

    def vector_bounds(self, mode):
        return self.family.vector_bounds(mode)

    def decode(self, x, mode):
        return self.family.decode(x, mode)

    def strategy(self, mode):
        return self.family.strategy(mode)

    def contains(self, inst, mode):
        return self.family.contains(inst, mode)

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
