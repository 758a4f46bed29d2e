"""003 appendix B: convexity, smoothness and Lipschitzness — Proposition B.1, Definitions B.2–B.4, and the
definitions, Propositions 2.3 and 5.2 and Theorem 5.3 as printed again (ids '@L<line>').
"""

from __future__ import annotations

import sympy as sp

from optverify import Corrected, Identity, InstanceSearch, Limit, NotCheckable, Semialgebraic, closed
from optverify.claims.ec500_notes_003._common import claim
from optverify.counterexamples.families.ec500_background import moreau_abs, one_dimensional

ONE_D = "L(u) = q u²/2 + c softplus(ku) + b u on ℝ, derivative bounds in closed form"
u, dl, v = sp.symbols("u delta v", real=True)

CLAIMS = [
    claim("Def 2.1@L4081", 4081, "convexity", "definition", "L(y) ≥ L(x) + ⟨g_x, y − x⟩ for all y", end_line=4083,
          checks=[NotCheckable("a definition")]),
    claim("Prop B.1", 4089, "convex iff the Hessian is PSD", "property", "L convex ⟺ ∇²L(w) ⪰ 0 for all w",
          hypotheses=["'if' direction on " + ONE_D + " with q, c ≥ 0 (then L'' ≥ 0 everywhere): the first-order condition "
                      "L(y) ≥ L(x) + L'(x)(y − x) at every pair; the 'only if' direction is not searched"],
          checks=[InstanceSearch(one_dimensional.bind(property="convex"), sp.Symbol("rhs"))]),
    claim("Def 2.2@L4093", 4093, "Lipschitz", "definition", "|L(x) − L(y)| ≤ G‖x − y‖", end_line=4095,
          checks=[NotCheckable("a definition")]),
    claim("Prop 2.3@L4099", 4099, "Lipschitz iff bounded gradient", "property", "L G-Lipschitz ⟺ ‖∇L(x)‖ ≤ G for all x",
          hypotheses=["'if' direction on " + ONE_D + " with q = 0 and G = sup|L'| = max(|b|, |b + ck|)"],
          checks=[InstanceSearch(one_dimensional.bind(property="lipschitz"), sp.Symbol("rhs"))],
          notes="The printed proof starts from '‖∇L(x)‖ ≥ G' and concludes L is not G-Lipschitz; with equality (L(x) = Gx) L is "
                "G-Lipschitz: the contrapositive needs '>'.  The statement is unaffected."),
    claim(None, 4103, "definition of the gradient", "approximation", "lim_{δ→0} (L(x + δv) − L(x) − δ⟨v, ∇L(x)⟩)/δ = 0",
          hypotheses=["checked on L = e^u at x = 1/2, v = 1: (L(x + δ) − L(x))/δ → L'(x)"],
          checks=[Limit(sp.exp(sp.Rational(1, 2) + dl) - sp.exp(sp.Rational(1, 2)), sp.exp(sp.Rational(1, 2)) * dl, dl, 0)]),
    claim(None, 4107, "directional derivative along the gradient", "approximation",
          "lim_{δ→0} (L(x + δv) − L(x))/δ = ‖∇L(x)‖ for v = ∇L(x)/‖∇L(x)‖",
          hypotheses=["checked on L(u) = −3u at any x (v = −1): (L(x − δ) − L(x))/δ = 3 = |L'(x)|"],
          checks=[Limit(-3 * (u - dl) + 3 * u, 3 * dl, dl, 0)]),
    claim(None, 4111, "a δ with a large increment", "inequality", "∃δ: |L(x + δv) − L(x)| ≥ Gδ",
          hypotheses=["as printed (δ unrestricted in sign, '≥'): δ = 0 satisfies it, whatever L; checked at δ = 0 and at every δ ≤ 0 "
                      "(|·| ≥ 0 ≥ Gδ)"],
          checks=[Semialgebraic(sp.Abs(sp.Symbol("incr")), ">=", sp.Symbol("G") * dl,
                                {sp.Symbol("incr"): closed(-sp.oo, sp.oo), sp.Symbol("G"): closed(0, sp.oo), dl: closed(-sp.oo, 0)})],
          notes="True but vacuous as printed; the proof needs δ > 0 and ‖∇L(x)‖ > G for '|L(x + δv) − L(x)| > Gδ' to contradict "
                "G-Lipschitzness."),
    claim(None, 4115, "fundamental theorem of calculus", "inequality", "L(x) − L(y) = ∫₀¹⟨∇L(y + t(x − y)), x − y⟩dt ≤ G‖x − y‖",
          hypotheses=[ONE_D + " with q = 0, G = sup|L'|"],
          checks=[InstanceSearch(one_dimensional.bind(property="lipschitz"), sp.Symbol("rhs"))]),
    claim("Def 5.1@L4121", 4121, "smoothness", "definition", "‖∇L(x) − ∇L(y)‖ ≤ H‖x − y‖ for all x, y ∈ W", end_line=4123,
          checks=[NotCheckable("a definition (W, the domain, is not defined in this appendix; read as ℝ^d)")]),
    claim("Prop 5.2@L4127", 4127, "smooth iff bounded Hessian", "property", "L H-smooth ⟺ ‖∇²L(w)‖_op ≤ H for all w",
          hypotheses=["'if' direction on " + ONE_D + " with H = |q| + |c|k²/4 ≥ sup|L''|"],
          checks=[InstanceSearch(one_dimensional.bind(property="smooth"), sp.Symbol("rhs"))]),
    claim("Thm 5.3@L4133", 4133, "smoothing by the Moreau envelope", "property",
          "L̂(x) = inf_y L(y) + (H/2)‖x − y‖² is H-smooth and G-Lipschitz, and |L̂(x) − L(x)| ≤ G²/H", end_line=4139,
          hypotheses=["L G-Lipschitz, no convexity stated; x ∈ W read as x ∈ ℝ^d",
                      "L(y) = ±G|y| on ℝ (the concave sign is G-Lipschitz too), L̂ in closed form"],
          checks=[InstanceSearch(moreau_abs.bind(quantity="smooth"), sp.Symbol("rhs"), part="H-smooth"),
                  InstanceSearch(moreau_abs.bind(quantity="lipschitz"), sp.Symbol("rhs"), part="G-Lipschitz"),
                  InstanceSearch(moreau_abs.bind(quantity="gap"), sp.Symbol("rhs"), part="|L̂ − L| ≤ G²/H")],
          corrected=Corrected("for convex G-Lipschitz L", "the envelope of a non-convex function can have kinks: for L = −G|y|, "
                              "L̂(x) = −G|x| − G²/(2H), whose derivative jumps by 2G at 0",
                              checks=[InstanceSearch(moreau_abs.bind(quantity="smooth", convex_only=True), sp.Symbol("rhs"), part="H-smooth"),
                                      InstanceSearch(moreau_abs.bind(quantity="gap", convex_only=True), sp.Symbol("rhs"), part="|L̂ − L| ≤ G²/H")]),
          notes="The concave L = −G|y| breaks the smoothness; the convex G|y| (the Huber function) does not. The gap bound G²/H holds "
                "for every G-Lipschitz L (the sharp constant is G²/(2H))."),
    claim("Def 25.1@L4143", 4143, "second-order smoothness", "definition", "‖(∇²L(x) − ∇²L(y))v‖ ≤ ρ‖x − y‖‖v‖", end_line=4145,
          checks=[NotCheckable("a definition")]),
    claim(None, 4149, "a tensor applied to a vector", "definition", "Tv[i, j] = Σ_k T[i, j, k]v[k]",
          checks=[NotCheckable("a definition")]),
    claim("Def 5.4@L4157", 4157, "critical point", "definition", "∇L(x) = 0", checks=[NotCheckable("a definition")]),
    claim("Def B.2", 4161, "local minimum", "definition", "∃ε ∀y with ‖y − x‖ ≤ ε: L(y) ≥ L(x)",
          checks=[NotCheckable("a definition")],
          notes="As printed 'for some ε' admits ε = 0, for which every point qualifies; and 'local minimum, or a second-order stationary "
                "point' names two different notions (L(u) = u³ at 0 has ∇L = 0, ∇²L ⪰ 0 and is not a local minimum)."),
    claim("Def 5.5@L4165", 4165, "approximate critical point", "definition", "‖∇L(x)‖ ≤ ε", checks=[NotCheckable("a definition")]),
    claim("Def B.3", 4169, "positive semidefinite", "definition", "vᵀMv ≥ 0 for all v; A ⪰ B iff vᵀAv ≥ vᵀBv",
          checks=[NotCheckable("a definition (M ⪰ 0 restates vᵀMv ≥ vᵀ0v = 0)")]),
    claim("Def B.4", 4173, "approximate local minimum", "definition", "‖∇L(x)‖ ≤ ε and ∇²L(x) ⪰ −δI",
          checks=[NotCheckable("a definition")]),
    claim(None, 4177, "second-order Taylor expansion", "approximation", "L(x + v) ≈ L(x) + ⟨∇L(x), v⟩ + vᵀ∇²L(x)v/2",
          hypotheses=["'≈' read as: the remainder after the linear term is vᵀ∇²L(x)v/2 + o(‖v‖²); checked on L = e^u at x = 1/2"],
          checks=[Limit(sp.exp(sp.Rational(1, 2) + dl) - sp.exp(sp.Rational(1, 2)) * (1 + dl), sp.exp(sp.Rational(1, 2)) * dl**2 / 2, dl, 0)]),
    claim(None, 4181, "at a critical point", "identity", "L(x) + ⟨∇L(x), v⟩ + vᵀ∇²L(x)v/2 = L(x) + vᵀ∇²L(x)v/2",
          hypotheses=["∇L(x) = 0 (one coordinate: L(x) = Lx, ∇L(x) = 0, ∇²L(x) = h)"],
          checks=[Identity(sp.Symbol("Lx") + 0 * v + sp.Symbol("h") * v**2 / 2, sp.Symbol("Lx") + sp.Symbol("h") * v**2 / 2)]),
]
