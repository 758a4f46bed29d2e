"""Exact proofs for the deterministic inequalities of 000: lemmas for any dimension, z3, induction on T.

Each builder returns the spec appended to the claim's checks; the relation it decides is the printed one,
in the spec's own variables, and every reading is in its note.
"""

import sympy as sp

from optverify.claims.specs import LengthInduction, NamedLemma, Range, Semialgebraic
from optverify.verify.lemmas import max_over

R = Range(-sp.oo, sp.oo)
POS = Range(sp.Integer(0), sp.oo, True)
NONNEG = Range(sp.Integer(0), sp.oo)
d = sp.Symbol("d", integer=True, positive=True)
T = sp.Symbol("T", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
t = sp.Symbol("t", integer=True, positive=True)
x, g = sp.Function("x"), sp.Function("g")
S_i = sp.Sum(g(t, i) ** 2, (t, 1, T))  # Σ_t g_t[i]²
D, w, ws, eta, gg, y = sp.symbols("D_inf w w_star eta g y", real=True)


def clip(z):
    return sp.Max(-D, sp.Min(D, z))


def L101(part="main"):
    """‖x‖_∞ ≤ ‖x‖₂ in R^d for every d."""
    return NamedLemma("max-norm at most 2-norm", {"a": sp.Lambda(i, x(i)), "n": d},
                      max_over(sp.Abs(x(i)), i, 1, d), "<=", sp.sqrt(sp.Sum(x(i) ** 2, (i, 1, d))), part=part,
                      note="‖x‖_∞ = max_i |x_i|, ‖x‖₂ = √(Σ_i x_i²), any dimension d")


def L112(part):
    """Σ_i √(Σ_t g_t[i]²) ≤ √d √(Σ_i Σ_t g_t[i]²): Cauchy–Schwarz with a_i = 1, b_i = √(Σ_t g_t[i]²)."""
    return NamedLemma("Cauchy–Schwarz for sums", {"a": sp.Lambda(i, 1), "b": sp.Lambda(i, sp.sqrt(S_i)), "n": d},
                      sp.Sum(sp.sqrt(S_i), (i, 1, d)), "<=", sp.sqrt(d) * sp.sqrt(sp.Sum(S_i, (i, 1, d))), part=part,
                      note="any d and T; a_i = 1, b_i = √(Σ_t g_t[i]²)")


_N, _M, _S, _P, _Q, _e = sp.symbols("N M S P Q e", real=True)
_w0 = sp.Symbol("w", nonnegative=True)


def L122(part):
    """‖w*‖₂ = ‖w*‖_∞ √d for w* = (±w, …, ±w), by induction on d."""
    return LengthInduction(
        "d", state={_N: 0, _M: 0, _S: 0}, element={_e: R}, params={_w0: NONNEG}, given=(sp.Eq(_e**2, _w0**2),),
        update={_N: _N + 1, _M: sp.Max(_M, sp.Abs(_e)), _S: _S + _e**2},
        invariant=(_N >= 0, sp.Eq(_S, _N * _w0**2), sp.Or(sp.And(sp.Eq(_N, 0), sp.Eq(_M, 0)), sp.And(_N >= 1, sp.Eq(_M, _w0)))),
        goal=sp.Eq(sp.sqrt(_S), _M * sp.sqrt(_N)), part=part,
        meaning={"N": "d", "M": "‖w*‖_∞ = max_i |w*_i|", "S": "‖w*‖₂² = Σ_i w*_i²", "e": "the next entry, ±w"},
        note="entries e with e² = w², w ≥ 0")


def L126(part="main"):
    """D_∞ Σ_i √(S_i) ≤ D_2 √(Σ_i S_i) with D_2 = √d D_∞ (line 122), S_i = Σ_t g_t[i]² ≥ 0, by induction on d."""
    return LengthInduction(
        "d", state={_N: 0, _P: 0, _Q: 0}, element={_e: NONNEG}, params={D: NONNEG},
        update={_N: _N + 1, _P: _P + sp.sqrt(_e), _Q: _Q + _e},
        invariant=(_N >= 0, _P >= 0, _Q >= 0, _P**2 <= _N * _Q),
        goal=sp.Le(D * _P, (sp.sqrt(_N) * D) * sp.sqrt(_Q)), part=part,
        meaning={"N": "d", "P": "Σ_i √(Σ_t g_t[i]²)", "Q": "Σ_i Σ_t g_t[i]² = Σ_t ‖g_t‖²", "e": "Σ_t g_{t}[i]² of the next coordinate",
                 "√N·D_inf": "D_2 = ‖w*‖₂ = √d ‖w*‖_∞ (line 122)"},
        note="the right side's D_2 is √d D_∞ for w* = (±w, …, ±w) (line 122, proved)")


def L159(part="main"):
    """(Π(w − ηg) − w*)² ≤ (w − ηg − w*)² for |w*| ≤ D_∞: exact, by z3."""
    return Semialgebraic((clip(y) - ws) ** 2, "<=", (y - ws) ** 2, {D: POS, y: R, ws: R}, given=(sp.Abs(ws) <= D,), part=part,
                         note="y = w_t[i] − η_t[i] g_t[i] (any real), Π = clipping to [−D_∞, D_∞], |w*[i]| ≤ D_∞")


def L163(part="main"):
    """g(w − w*) ≤ ((w − w*)² − (w⁺ − w*)²)/(2η) + ηg²/2 with w⁺ = Π(w − ηg), η > 0, |w*| ≤ D_∞: exact, by z3."""
    wn = clip(w - eta * gg)
    return Semialgebraic(gg * (w - ws), "<=", ((w - ws) ** 2 - (wn - ws) ** 2) / (2 * eta) + eta * gg**2 / 2,
                         {D: POS, w: R, ws: R, eta: POS, gg: R}, given=(sp.Abs(ws) <= D,), part=part,
                         note="one coordinate; w_{t+1}[i] = Π_{[−D_∞, D_∞]}(w_t[i] − η_t[i] g_t[i]) (line 159), η_t[i] > 0")


def adagrad_regret_induction(part="main", bound=None):
    """Line 175: Σ_t g_t(w_t − w*) ≤ 2√2 D_∞ √(Σ_t g_t²) for diagonal AdaGrad on one coordinate, by induction on T.

    State after t steps: the regret R, s = √(Σ_{τ≤t} g_τ²), the iterate w.  Invariant (the proof of lines 163–175
    carried step by step): |w| ≤ D_∞ and 2cR ≤ (4D_∞² − (w − w*)²)s + 2c²s.  With c = √2 D_∞ the conclusion is
    R ≤ 2√2 D_∞ s.  The projected iterate is a defined value; its facts (in the box, non-expansive, line 163)
    are proved first.  ``bound=(BOUND, {claim symbol: state expression})`` makes the goal the claim's bound in
    force (so that --scale and --bound act on it).
    """
    R_, s, w1, wn, r, c = sp.symbols("R s w1 w_next r c", real=True)
    xx, yy = w - ws, wn - ws

    def bnd(s_, x_):
        return (4 * D**2 - x_**2) * s_ + 2 * c**2 * s_

    return LengthInduction(
        "T", state={R_: 0, s: 0, w: w1}, element={gg: R, r: POS},
        params={D: POS, ws: R, w1: R, c: POS},
        given=(sp.Abs(ws) <= D, sp.Abs(w1) <= D, sp.Eq(c**2, 2 * D**2), sp.Eq(r**2, s**2 + gg**2)),
        definitions={wn: clip(w - c / r * gg)},
        facts=((sp.Abs(wn) <= D, ("definitions",)),
               (yy**2 <= (xx - c / r * gg) ** 2, ("definitions", "invariant")),
               (2 * c * gg * xx <= r * (xx**2 - yy**2) + c**2 * gg**2 / r, (1,)),
               ((4 * D**2 - xx**2) * (r - s) >= 0, ("invariant",)),
               (2 * c**2 * (r - s) - c**2 * gg**2 / r >= 0, ("invariant",)),
               (bnd(s, xx) + 2 * c * gg * xx <= bnd(r, yy), (2, 3, 4, "invariant"))),
        step_uses=(0, 5),
        update={R_: R_ + gg * xx, s: r, w: wn},
        invariant=(sp.Abs(w) <= D, s >= 0, 2 * c * R_ <= bnd(s, xx)),
        goal=sp.Le(R_, 2 * sp.sqrt(2) * D * s if bound is None else bound[0]), bound_subs={} if bound is None else bound[1], part=part,
        meaning={"R": "Σ_{τ≤t} g_τ[i](w_τ[i] − w*[i])", "s": "√(Σ_{τ≤t} g_τ[i]²)", "w": "w_{t+1}[i]", "g": "g_{t+1}[i]",
                 "r": "√(Σ_{τ≤t+1} g_τ[i]²) (> 0: g_1[i] ≠ 0)", "c": "√2·D_∞ (Theorem 3)", "w_next": "Π(w − c g/r)"},
        note="diagonal AdaGrad of Theorem 3 on coordinate i: η_t = c/√(Σ_{τ≤t} g_τ²), c = √2 D_∞, |w_1|, |w*| ≤ D_∞, g_1 ≠ 0")
