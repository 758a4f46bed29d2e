"""003 §1 (lines 64–144): machine-learning basics — losses as expectations, the decomposition of the suboptimality
gap, overfitting, convexity of the surrogate."""

import sympy as sp

from optverify import Corrected, Identity, InstanceSearch, Measured, NotCheckable, Semialgebraic, open_
from optverify.claims.ec500_notes_003._common import claim
from optverify.counterexamples.families.ec500_descent import convex_softplus

S = sp.Symbol
L_wh, LS_wh, LhS_wh, LhS_ws, LS_ws, L_ws = sp.symbols("L_what LS_what LhatS_what LhatS_wstar LS_wstar L_wstar", real=True)
printed_120 = (L_wh - LS_wh) + (LS_wh - LhS_wh) + (LhS_wh - LhS_ws) + LS_ws + LS_ws - L_ws
corrected_120 = (L_wh - LS_wh) + (LS_wh - LhS_wh) + (LhS_wh - LhS_ws) + (LhS_ws - LS_ws) + (LS_ws - L_ws)
p_ = S("p", positive=True)
wh, z1 = sp.symbols("w_hat z_1", real=True)
R = open_(-sp.oo, sp.oo)

CLAIMS = [
    claim(None, 75, "linear classifier", "definition", "y ≈ sign(⟨x, w⟩)",
          checks=[NotCheckable("a modelling choice: '≈' states no relation to check")]),
    claim(None, 79, "loss as an expectation", "definition", "L(w) = E_z[ℓ(w, z)]", checks=[NotCheckable("a definition of L")]),
    claim(None, 83, "0–1 loss", "identity", "ℓ(w, z) = 1[y ≠ sign(⟨x, w⟩)]; L(w) is the probability of misclassifying",
          end_line=85, printed="$$\\ell(\\mathbf{w}, \\mathbf{z}) = \\mathbb{1}[\\mathbf{y} \\neq \\text{sign}(\\langle \\mathbf{x}, \\mathbf{w} \\rangle)]$$",
          hypotheses=["the assertion of line 85: E[1_A] = P(A); with p the probability of a misclassification, E[ℓ] = p·1 + (1 − p)·0"],
          checks=[Identity(p_ * 1 + (1 - p_) * 0, p_)]),
    claim(None, 87, "composite loss", "definition", "ℓ(w, z) = l(f(w, z), y)", checks=[NotCheckable("a definition (notation)")]),
    claim(None, 93, "the minimiser", "definition", "w⋆ = argmin_{w ∈ W} L(w)", checks=[NotCheckable("a definition of w⋆")]),
    claim(None, 116, "empirical loss", "definition", "L̂^S(w) = (1/N)Σ_i ℓ^S(w, z_i)", checks=[NotCheckable("a definition of L̂^S")]),
    claim(None, 120, "decomposition of the suboptimality gap", "identity",
          "L(ŵ) − L(w⋆) = [L(ŵ) − L^S(ŵ)] + [L^S(ŵ) − L̂^S(ŵ)] + [L̂^S(ŵ) − L̂^S(w⋆)] + L^S(w⋆) + L^S(w⋆) − L(w⋆)",
          hypotheses=["the six values L(ŵ), L^S(ŵ), L̂^S(ŵ), L̂^S(w⋆), L^S(w⋆), L(w⋆) are arbitrary reals (any surrogate, any sample)"],
          checks=[Identity(printed_120, L_wh - L_ws)],
          notes="the printed sum does not telescope: the term between 'suboptimality from algorithm' and the last bracket "
                "should be L̂^S(w⋆) − L^S(w⋆) (the generalisation gap at w⋆), not L^S(w⋆)",
          corrected=Corrected("… + [L̂^S(ŵ) − L̂^S(w⋆)] + [L̂^S(w⋆) − L^S(w⋆)] + [L^S(w⋆) − L(w⋆)]",
                              "the five brackets telescope", checks=[Identity(corrected_120, L_wh - L_ws)])),
    claim(None, 126, "overfitting can happen", "existence", "L̂^S(ŵ) < L^S(w⋆) for some sample",
          hypotheses=["witness: z = ±1 with probability 1/2, ℓ^S(w, z) = (w − z)², so L^S(w) = w² + 1, w⋆ = 0, L^S(w⋆) = 1; a "
                      "sample of N = 1 point z_1 ∈ {±1} and ŵ = z_1 (the empirical minimiser): L̂^S(ŵ) = (ŵ − z_1)² = 0 < 1"],
          checks=[Semialgebraic((wh - z1) ** 2, "<", (0 - 1) ** 2 / 2 + (0 + 1) ** 2 / 2, {wh: R, z1: R},
                                given=(sp.Eq(z1**2, 1), sp.Eq(wh, z1)))]),
    claim(None, 136, "epigraph", "definition", "{(w, k) ∈ R^{d+1} : k ≥ ℓ(w, z)}", checks=[NotCheckable("a definition of the epigraph")]),
    claim(None, 140, "first-order condition of convexity", "inequality", "ℓ(w', z) ≤ ℓ(w, z) + ⟨∇ℓ(w, z), w' − w⟩",
          hypotheses=["ℓ convex and differentiable in w (as the text says just before); instances ℓ(w) = log(1 + e^{aw}) + cw²/2, "
                      "w = x, w' = y"],
          checks=[InstanceSearch(Measured(convex_softplus, "L_y"), S("tangent"))],
          notes="the inequality is printed reversed: the next sentence says the tangent is *smaller* than the function",
          corrected=Corrected("ℓ(w', z) ≥ ℓ(w, z) + ⟨∇ℓ(w, z), w' − w⟩", "the tangent lies below a convex function",
                              checks=[InstanceSearch(Measured(convex_softplus, "tangent"), S("L_y"))])),
]
