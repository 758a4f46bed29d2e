"""003 §15.1, lines 2201–2263: the proof of Theorem 15.2, display by display.

Each display is checked on exact runs of Algorithm 11 (family ``agd_run``: Huber ⊕ quadratic with an offset c₀ so that
L* ≠ 0, η ≤ 1/H, w* = 0), and the algebraic steps symbolically, vectors by one coordinate.
"""

import sympy as sp

from optverify import Corrected, Identity, InstanceSearch, Semialgebraic
from optverify.claims.ec500_notes_003._common import claim, eta
from optverify.claims.specs import Range
from optverify.counterexamples.families import Measured
from optverify.counterexamples.families.ec500_acceleration import lhs_le_rhs, agd_run

v = {k: sp.Symbol(k, real=True) for k in (
    "lhs2203", "lin2203", "lin_gy", "r2207", "r2229", "lhs2233", "r2233", "r2241", "r2245", "lhs2249", "r2249", "r2253", "R0",
    "lhs2261", "excess2225", "excess2225_alpha", "excess2237")}
w_, y_, x_, gr, s_, fw, fx = sp.symbols("w_t y_t x_t nablaL w_star L_w L_x", real=True)
al = sp.Symbol("alpha_t", positive=True)
A_prev = sp.Symbol("A_tm1", nonnegative=True)  # Σ_{i<t} α_i
A_t = A_prev + al
tau = al / A_t
x_def = (1 - tau) * w_ + tau * y_
R = Range(-sp.oo, sp.oo)
HYP = ["L convex and H-smooth, η ≤ 1/H, Algorithm 11 as printed (003:Alg 11); checked on exact runs (agd_run: w* = 0, L* = c₀ ≠ 0)"]
VEC = "vectors written by one coordinate: the relation is linear in them and holds coordinate by coordinate"
RUN = agd_run

CLAIMS = [
    claim(None, 2203, "convexity, then splitting", "inequality",
          "Σ_t α_t(L(x_t) − L(w*)) ≤ Σ_t α_t⟨∇L(x_t), x_t − w*⟩ = Σ_t α_t⟨∇L(x_t), x_t − y_t⟩ + Σ_t α_t⟨∇L(x_t), y_t − w*⟩ = "
          "Σ_t⟨∇L(x_t), α_t(x_t − y_t)⟩ + Σ_t⟨g_t, y_t − w*⟩",
          hypotheses=HYP + [VEC],
          checks=[InstanceSearch(Measured(RUN, "lhs2203"), v["lin2203"], part="first link (convexity)"),
                  Identity(al * gr * (x_ - s_), al * gr * (x_ - y_) + al * gr * (y_ - s_), part="second link"),
                  Identity(al * gr * (x_ - y_) + al * gr * (y_ - s_), gr * (al * (x_ - y_)) + (al * gr) * (y_ - s_), part="third link (g_t = α_t∇L(x_t))")]),
    claim(None, 2207, "Theorem 15.1 on the y sequence", "inequality",
          "Σ_t⟨g_t, y_t − w*⟩ ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖²",
          hypotheses=HYP + ["y_{t+1} = y_t − ηg_t: Theorem 15.1 (003:Thm 15.1) with w_t := y_t"],
          checks=[InstanceSearch(Measured(RUN, "lin_gy"), v["r2207"])]),
    claim(None, 2213, "x_t times Σ_{i≤t} α_i", "identity",
          "x_t = (1 − α_t/Σ_{i≤t}α_i)w_t + (α_t/Σ_{i≤t}α_i)y_t, (Σ_{i≤t}α_i)x_t = ((Σ_{i≤t}α_i) − α_t)w_t + α_t y_t",
          hypotheses=[VEC],
          checks=[Identity(A_t * x_def, (A_t - al) * w_ + al * y_)]),
    claim(None, 2217, "α_t(x_t − y_t) = Σ_{i<t}α_i (w_t − x_t)", "identity",
          "α_t x_t − α_t y_t = ((Σ_{i≤t}α_i) − α_t)w_t − (Σ_{i<t}α_i)x_t = (Σ_{i<t}α_i)(w_t − x_t)",
          hypotheses=[VEC, "x_t as line 2213"],
          checks=[Identity(al * x_def - al * y_, (A_t - al) * w_ - A_prev * x_def, part="first link"),
                  Identity((A_t - al) * w_ - A_prev * x_def, A_prev * (w_ - x_def), part="second link")]),
    claim(None, 2221, "the first sum rewritten", "identity",
          "⟨∇L(x_t), α_t(x_t − y_t)⟩ = (Σ_{i<t}α_i)⟨∇L(x_t), w_t − x_t⟩",
          hypotheses=[VEC],
          checks=[Identity(gr * al * (x_def - y_), A_prev * gr * (w_ - x_def))]),
    claim(None, 2225, "convexity again", "inequality",
          "⟨∇L(x_t), t(x_t − y_t)⟩ ≤ (Σ_{i<t}α_i)(L(w_t) − L(x_t))",
          hypotheses=HYP + ["as printed, the factor is t (line 2221 has α_t); checked at every t of the run (the largest excess)"],
          checks=[InstanceSearch(Measured(RUN, "excess2225"), sp.Integer(0))],
          corrected=Corrected("⟨∇L(x_t), α_t(x_t − y_t)⟩ ≤ (Σ_{i<t}α_i)(L(w_t) − L(x_t))",
                              "the factor of line 2221 is α_t; t > α_t for t ≥ 2 scales a positive ⟨∇L(x_t), w_t − x_t⟩ past the convexity bound",
                              checks=[InstanceSearch(Measured(RUN, "excess2225_alpha"), sp.Integer(0)),
                                      Semialgebraic(A_prev * (gr * (w_ - x_)), "<=", A_prev * (fw - fx), {A_prev: Range(0, sp.oo), gr: R, w_: R, x_: R,
                                                    fw: R, fx: R}, given=(fw >= fx + gr * (w_ - x_),),
                                                    part="from convexity L(w_t) ≥ L(x_t) + ⟨∇L(x_t), w_t − x_t⟩ and line 2221")])),
    claim(None, 2229, "putting it together", "inequality",
          "Σ_t α_t(L(x_t) − L(w*)) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² + Σ_t(Σ_{i<t}α_i)(L(w_t) − L(x_t))",
          hypotheses=HYP, checks=[InstanceSearch(Measured(RUN, "lhs2203"), v["r2229"])]),
    claim(None, 2233, "subtracting Σ_t α_t L(x_t)", "inequality",
          "−Σ_t α_t L(w*) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² + Σ_t (Σ_{i<t}α_i)L(w_t) − (Σ_{i≤t}α_i)L(x_t)",
          hypotheses=HYP + ["the last sum is read over both terms (Σ_t [(Σ_{i<t}α_i)L(w_t) − (Σ_{i≤t}α_i)L(x_t)])"],
          checks=[InstanceSearch(*lhs_le_rhs(RUN, v["lhs2233"], v["r2233"]))]),
    claim(None, 2237, "smoothness: a gradient step from x_t", "inequality",
          "L(w_{t+1}) ≤ L(x_t) − (η/2)‖∇L(x_t)‖², i.e. −L(x_t) ≤ −L(w_{t+1}) − (η/2)‖∇L(x_t)‖²",
          hypotheses=HYP + ["η ≤ 1/H, w_{t+1} = x_t − η∇L(x_t)"],
          checks=[InstanceSearch(Measured(RUN, "excess2237"), sp.Integer(0), part="first line"),
                  Semialgebraic(-fx, "<=", -fw - eta / 2 * gr**2, {fx: R, fw: R, gr: R, eta: Range(0, sp.oo, True)},
                                given=(fw <= fx - eta / 2 * gr**2,), part="second line from the first")]),
    claim(None, 2241, "smoothness in the sum", "inequality",
          "−Σ_t α_t L(w*) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² + Σ_t[(Σ_{i<t}α_i)L(w_t) − (Σ_{i≤t}α_i)L(w_{t+1}) − "
          "(Σ_{i≤t}α_i)(η/2)‖∇L(x_t)‖²]",
          hypotheses=HYP, checks=[InstanceSearch(*lhs_le_rhs(RUN, v["lhs2233"], v["r2241"]))]),
    claim(None, 2245, "the sum telescopes", "inequality",
          "−Σ_t α_t L(w*) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² − Σ_t α_t L(w_{T+1}) − Σ_t(Σ_{i≤t}α_i)(η/2)‖∇L(x_t)‖²",
          hypotheses=HYP + ["Σ_t α_t L(w_{T+1}) read as (Σ_{t≤T} α_t)L(w_{T+1}); Σ_{i<1}α_i = 0"],
          checks=[InstanceSearch(*lhs_le_rhs(RUN, v["lhs2233"], v["r2245"]), part="the inequality"),
                  InstanceSearch(Measured(RUN, "r2241"), v["r2245"], rel="==", part="the telescoping (line 2243)")]),
    claim(None, 2249, "rearranged", "inequality",
          "(Σ_t α_t)(L(w_{T+1}) − L(w*)) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² − Σ_t(Σ_{i≤t}α_i)(η/2)‖∇L(x_t)‖²",
          hypotheses=HYP, checks=[InstanceSearch(Measured(RUN, "lhs2249"), v["r2249"])]),
    claim(None, 2253, "α_t² = Σ_{i≤t} α_i", "inequality",
          "(Σ_t α_t)(L(w_{T+1}) − L(w*)) ≤ ‖w* − y_1‖²/(2η) + (η/2)Σ_t‖g_t‖² − Σ_t α_t²(η/2)‖∇L(x_t)‖²",
          hypotheses=HYP, checks=[InstanceSearch(Measured(RUN, "lhs2249"), v["r2253"]),
                                  InstanceSearch(Measured(RUN, "r2249"), v["r2253"], rel="==", part="α_t² = Σ_{i≤t}α_i")]),
    claim(None, 2257, "the gradient terms cancel", "identity",
          "‖w* − y_1‖²/(2η) + (η/2)Σ_t α_t²‖∇L(x_t)‖² − Σ_t α_t²(η/2)‖∇L(x_t)‖² = ‖w* − y_1‖²/(2η)",
          hypotheses=HYP + ["g_t = α_t∇L(x_t)"],
          checks=[InstanceSearch(Measured(RUN, "r2253"), v["R0"], rel="==")]),
    claim(None, 2261, "Proposition 15.3 applied", "inequality",
          "(T²/9)(L(x_T) − L(w*)) ≤ ‖w* − y_1‖²/(2η)",
          hypotheses=HYP + ["as printed, the left side has L(x_T) (lines 2249–2257 bound L(w_{T+1}))"],
          checks=[InstanceSearch(Measured(RUN, "lhs2261"), v["R0"])],
          notes="printed with x_T where the proof has established the bound for w_{T+1}; the conclusion of Theorem 15.2 (003:Thm 15.2), "
                "about w_{T+1}, follows from lines 2253–2257 with Σα_t ≥ T²/9 (003:Prop 15.3), not from this display"),
]
