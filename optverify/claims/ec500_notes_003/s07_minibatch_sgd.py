"""003 section 7 (lines 1120–1191): minibatch SGD — Algorithm 6, Proposition 7.1, Theorem 7.2, Exercise 7.3.

Theorem 7.2's step size η = 1/max(H, σ√(LT/B)) names an L the section never defines; it is read as H (the
smoothness constant, "L" in other texts).  Its second bound √(σ(1 + 2Δ)H^{1/4})/(BT)^{1/4} has H^{1/4}
where the derivation from the first bound gives H^{1/2}: refuted on a quadratic with Gaussian noise
(large H), and the H^{1/2} form is checked as the corrected one.
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, Identity, InstanceSearch, Limit, Scaling, Semialgebraic, Sharp, Simulation
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import Delta
from optverify.claims.specs import Range
from optverify.counterexamples.families.minibatch_exact import minibatch_quadratic_gaussian, minibatch_variance
from optverify.counterexamples.minibatch_mc import MinibatchSGDRuns
from optverify.counterexamples.schema import Measured

B = sp.Symbol("B", integer=True, positive=True)  # the minibatch size
C = sp.Symbol("C", positive=True)  # total oracle calls C = TB
M = sp.Symbol("M", integer=True, positive=True)  # machines
tau_ = sp.Symbol("tau", positive=True)  # wall-clock time τ = C/M
sigma2 = sp.Symbol("sigma2", positive=True)
POS = Range(sp.Integer(0), sp.oo, True)
ONE_UP = Range(sp.Integer(1), sp.oo)

ETA_72 = 1 / sp.Max(H, sigma * sp.sqrt(H * T / B))  # η = 1/max(H, σ√(LT/B)), L read as H
BOUND_72b = sp.sqrt(2 * Delta * H) / sp.sqrt(T) + sp.sqrt(sigma * (1 + 2 * Delta) * H ** sp.Rational(1, 4)) / (B * T) ** sp.Rational(1, 4)
BOUND_72b_CORR = sp.sqrt(2 * Delta * H) / sp.sqrt(T) + sp.sqrt(sigma * (1 + 2 * Delta) * sp.sqrt(H)) / (B * T) ** sp.Rational(1, 4)
READ_L = "η = 1/max(H, σ√(LT/B)): L is not defined in the section; read as H (the smoothness constant)"

CLAIMS = [
    claim(
        "Alg 6", 1126, "Minibatch Stochastic Gradient Descent", "algorithm",
        "g_t = (1/B)Σ_{i=1}^B ∇ℓ(w_t, z_{(t−1)B+i}), w_{t+1} = w_t − η_t g_t; run as printed with η ≤ 1/H it descends",
        end_line=1137,
        hypotheses=["engine kernel minibatch_sgd (B fresh samples per step)", "measured Σ_t ‖∇L(w_t)‖² against Theorem 7.2's bound"],
        symbols={s.name: s for s in (Delta, eta, H, T, sigma, B)}, bound=2 * Delta / eta + H * T * eta * sigma**2 / B,
        checks=[Simulation(MinibatchSGDRuns(), BOUND, part="the printed update does what Theorem 7.2 says")],
    ),
    claim(
        "Prop 7.1", 1143, "minibatch variance", "expectation bound", "E‖g_t − ∇L(w_t)‖² ≤ σ²/B",
        hypotheses=["i.i.d. samples z_{(t−1)B+i} with E_z‖∇ℓ(w, z) − ∇L(w)‖² ≤ σ² (two-point noise in ℝ², any σ² ≥ the variance)"],
        symbols={"sigma2": sigma2, "B": B}, bound=sigma2 / B,
        checks=[InstanceSearch(minibatch_variance, BOUND, sharp=Sharp("independent samples: E‖ḡ − ∇L‖² = Var/B exactly, so σ² = Var (slack 0) attains the bound",
                                                                   {"B": 2, "p": 0.5, "n1x": 1.0, "n1y": 0.0, "slack": 0.0}))],
    ),
    claim(
        None, 1147, "expanding the average", "identity",
        "E‖g_t − ∇L‖² = (1/B²)(E[Σ_i‖g_{t,i} − ∇L‖²] + E[Σ_{i≠j}⟨g_{t,i} − ∇L, g_{t,j} − ∇L⟩])",
        hypotheses=["the sum of the first line, Σ_i g_{t,i} − ∇L(w_t), read as Σ_i (g_{t,i} − ∇L(w_t)) (as the second line uses it)"],
        symbols={"expansion": sp.Symbol("expansion")}, bound=sp.Symbol("expansion"),
        checks=[InstanceSearch(minibatch_variance, BOUND, rel="==")],
    ),
    claim(
        None, 1151, "the cross terms vanish", "expectation bound", "≤ Bσ²/B² = σ²/B",
        hypotheses=["E[g_{t,i} − ∇L] = 0 and independence: the cross terms vanish"],
        symbols={"sigma2": sigma2, "B": B}, bound=B * sigma2 / B**2,
        checks=[InstanceSearch(Measured(minibatch_variance, "expansion"), BOUND),
                Identity(B * sigma2 / B**2, sigma2 / B, part="Bσ²/B² = σ²/B")],
    ),
    claim(
        "Thm 7.2", 1157, "minibatch SGD with a constant step", "expectation bound",
        "Σ_t E‖∇L(w_t)‖² ≤ 2Δ/η + HTησ²/B for η ≤ 1/H",
        end_line=1159,
        hypotheses=["L is H-smooth, per-sample variance ≤ σ² (computed), η ≤ 1/H, Δ = L(w_1) − L*"],
        symbols={s.name: s for s in (Delta, eta, H, T, sigma, B)}, bound=2 * Delta / eta + H * T * eta * sigma**2 / B,
        checks=[Simulation(MinibatchSGDRuns(), BOUND),
                Scaling(sp.Symbol("sum_grad2"), BOUND, {sp.Symbol("sum_grad2"): "grad2", Delta: "loss", eta: "step", H: "hess", T: "none",
                                                         sigma: "grad", B: "none"})],
    ),
    claim(
        None, 1163, "Theorem 7.2 with η = 1/max(H, σ√(LT/B))", "expectation bound",
        "E‖∇L(ŵ)‖ ≤ √(2ΔH)/√T + √(σ(1 + 2Δ)H^{1/4})/(BT)^{1/4}",
        hypotheses=[READ_L, "ŵ uniform on w_1 … w_T; L(w) = Hw²/2 with Gaussian per-sample noise N(0, σ²) (variance exactly σ²)"],
        symbols={s.name: s for s in (Delta, H, T, sigma, B)}, bound=BOUND_72b,
        checks=[InstanceSearch(minibatch_quadratic_gaussian, BOUND)],
        corrected=Corrected(
            "E‖∇L(ŵ)‖ ≤ √(2ΔH)/√T + √(σ(1 + 2Δ)H^{1/2})/(BT)^{1/4}",
            "with η = 1/max(H, σ√(HT/B)) the first bound gives Σ_t E‖∇L‖² ≤ 2ΔH + (1 + 2Δ)σ√(HT/B), whose root over T has H^{1/2}",
            [InstanceSearch(minibatch_quadratic_gaussian, BOUND_72b_CORR)], bound=BOUND_72b_CORR),
        notes="H^{1/4} instead of H^{1/2}: for H ≫ 1 the gradient noise at ŵ exceeds the printed bound",
    ),
    claim(None, 1167, "η ∝ √B/√T for large T", "approximation", "η ∝ √B/√T",
          hypotheses=[READ_L, "large T: for T ≥ HB/σ² the max is σ√(HT/B)"],
          checks=[Limit(1 / (sigma * sp.sqrt(H * T / B)), sp.sqrt(B) / (sigma * sp.sqrt(H * T)), T, sp.oo,
                        note="η·σ√(HT)/√B → 1: the proportionality constant is 1/(σ√H)"),
                  Semialgebraic(sigma * sp.sqrt(H * T / B), ">=", H, {sigma: POS, H: POS, T: POS, B: POS}, given=(T >= H * B / sigma**2,),
                                part="for T ≥ HB/σ² the max is σ√(HT/B)")]),
    claim(None, 1171, "gradient size O(1/(BT)^{1/4})", "rate", "E‖∇L(ŵ)‖ ≤ O(1/(BT)^{1/4})",
          checks=[Limit(BOUND_72b, sp.sqrt(sigma * (1 + 2 * Delta) * H ** sp.Rational(1, 4)) / (B * T) ** sp.Rational(1, 4), T, sp.oo,
                        note="the printed bound of line 1163 over its (BT)^{−1/4} term → 1")]),
    claim(None, 1175, "η ∝ B/√C with C = TB", "identity", "η ∝ B/√C",
          checks=[Identity(sp.sqrt(B) / sp.sqrt(C / B), B / sp.sqrt(C), note="√B/√T with T = C/B")]),
    claim(None, 1177, "O(1/C^{1/4})", "identity", "E‖∇L(ŵ)‖ ≤ O(1/C^{1/4})",
          checks=[Identity(1 / (B * (C / B)) ** sp.Rational(1, 4), 1 / C ** sp.Rational(1, 4), note="(BT)^{1/4} with T = C/B")]),
    claim(None, 1179, "the best batch size for a fixed cost is B = 1", "property",
          "the gradient size is independent of the batch size … the best thing … is to set B = 1",
          printed="the best thing to optimize the constants hiding in this analysis is to set  $B = 1$",
          hypotheses=["the printed bound of line 1163 at a fixed cost C = TB: its first term √(2ΔH)/√(C/B) grows with B, its second "
                      "depends on C only"],
          checks=[Semialgebraic(sp.sqrt(2 * Delta * H) / sp.sqrt(C / B), ">=", sp.sqrt(2 * Delta * H) / sp.sqrt(C),
                                {Delta: POS, H: POS, C: POS, B: ONE_UP})]),
    claim(None, 1183, "O(1/(Mτ)^{1/4})", "identity", "E‖∇L(ŵ)‖ ≤ O(1/(Mτ)^{1/4})",
          checks=[Identity((1 / C ** sp.Rational(1, 4)).subs(C, M * tau_), 1 / (M * tau_) ** sp.Rational(1, 4),
                           note="line 1177 with C = Mτ (τ = C/M)")]),
    claim(
        None, 1189, "Exercise 7.3: for B ≥ T only O(1/√T)", "identity",
        "E‖∇L(ŵ)‖ ≤ O(1/√T) = O(√B/√C)",
        hypotheses=["C = TB; for B ≥ T the first term √(2ΔH)/√T of the bound dominates its (BT)^{−1/4} term"],
        checks=[Identity(1 / sp.sqrt(T), sp.sqrt(B) / sp.sqrt(T * B), part="1/√T = √B/√C"),
                Semialgebraic(B * T, ">=", T**2, {T: POS, B: POS}, given=(B >= T,),
                              part="for B ≥ T, 1/√T ≥ 1/(BT)^{1/4}, i.e. (raising the positive sides to the 4th power) BT ≥ T²")],
    ),
]
