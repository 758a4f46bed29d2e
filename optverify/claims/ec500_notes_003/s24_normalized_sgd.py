"""003 section 24: normalized gradient descent with momentum and non-convex variance reduction.

Lemmas 24.1, 24.4 (momentum error) by Monte Carlo of the engine kernels ``normalized_sgd_momentum``
and ``normalized_sgd_vr_momentum``, the momentum rebuilt from the oracle's own samples and checked
against every step the kernel took; Lemma 24.2 (the descent recursion, which assumes nothing about
m_t) by adversarial search over gradients, errors and whole error sequences; Theorems 24.3, 24.5
by Monte Carlo and, with exact gradients (variance 0 ≤ σ²), by instance search with 50-digit
replay; the proofs' algebra symbolically.
"""

from __future__ import annotations

import sympy as sp

from optverify import (BOUND, Corrected, Identity, InstanceSearch, NotCheckable, Scaling, Semialgebraic, Simulation, closed,
                       left_open)
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.counterexamples.ec500_experiments import GradientNormSum, MomentumError
from optverify.counterexamples.families.ec500_finite_sum import finite_sum
from optverify.counterexamples.families.ec500_normalized import descent_step, error_sequence, normalized_run, step_lengths
from optverify.counterexamples.schema import Measured
from optverify.notation import Delta, alpha, t

POS = left_open(0, sp.oo)
NONNEG = closed(0, sp.oo)
UNIT = left_open(0, 1)  # α ∈ (0, 1]
C_ = sp.Symbol("C", positive=True)
gn, en = sp.symbols("gn en", nonnegative=True)  # ‖∇L(w_t)‖, ‖ε_t‖

MOMENTUM = "m_1 = ∇ℓ(w_1, z_1), m_t = (1 − α)m_{t−1} + α∇ℓ(w_t, z_t), w_{t+1} = w_t − η m_t/‖m_t‖ (line 3436)"
VR_MOMENTUM = ("m_t = (1 − α)(m_{t−1} + ∇ℓ(w_t, z_t) − ∇ℓ(w_{t−1}, z_t)) + α∇ℓ(w_t, z_t), w_{t+1} = w_t − η m_t/‖m_t‖ "
               "(line 3600), the same sample z_t at w_t and w_{t−1}")
SIM = ("the engine kernel run over many seeds on L(w) = H w²/2 with Gaussian gradient noise of variance exactly σ²; "
       "m_t rebuilt from the oracle's samples and checked against every step the kernel took")
EXACT = "exact gradients ∇ℓ(w, z) = ∇L(w) (variance 0 ≤ σ², so a member of the σ-class for every σ > 0), L(w) = H w²/2, Δ = H w_1²/2"

LEM_24_1 = (1 - alpha) ** t * sigma + sigma * sp.sqrt(alpha) + H * eta / alpha
LEM_24_4 = (1 - alpha) ** t * sigma + sigma * sp.sqrt(alpha) + H * eta / sp.sqrt(alpha)
THM_24_3 = 24 * sp.sqrt(Delta * H * T) + sp.Rational(35, 2) * (Delta * H * T**3 * sigma**2) ** sp.Rational(1, 4) \
    + 13 * sp.sqrt(T) / (2 * sp.sqrt(Delta * H))
THM_24_3_CORR = THM_24_3.subs(13 * sp.sqrt(T) / (2 * sp.sqrt(Delta * H)), 13 * sigma**2 * sp.sqrt(T) / (2 * sp.sqrt(Delta * H)))
THM_24_5 = 11 * sp.sqrt(Delta * H * T) ** sp.Rational(2, 3) + 13 * sigma * T ** sp.Rational(2, 3)
THM_24_5_CORR = 11 * sp.sqrt(Delta * H) * T ** sp.Rational(2, 3) + 13 * sigma * T ** sp.Rational(2, 3)
M_ERR = sp.Symbol("E_err")  # E‖m_t − ∇L(w_t)‖
SUMG = sp.Symbol("sum_grad")  # E Σ_t ‖∇L(w_t)‖
DIMS_24 = {M_ERR: "grad", SUMG: "grad", sigma: "grad", H: "hess", eta: "param", alpha: "none", t: "none", T: "none",
           Delta: "loss"}  # the normalized step η is a length: a parameter-kind quantity

# the proof's right sides (lines 3565, 3569, 3680, 3684) as functions of α and η
R3565 = 3 * Delta / eta + 8 * H * T * eta / alpha + sp.Rational(13, 2) * T * sigma * sp.sqrt(alpha) + 13 * sigma / (2 * alpha)
ETA_24_3 = sp.sqrt(Delta * alpha) / sp.sqrt(H * T)
R3569 = 11 * sp.sqrt(Delta * H * T) / sp.sqrt(alpha) + sp.Rational(13, 2) * T * sigma * sp.sqrt(alpha) + 13 * sigma / (2 * alpha)
ALPHA_24_3 = sp.sqrt(Delta * H) / (sigma * sp.sqrt(T))
R3680 = 3 * Delta / eta + 8 * H * T * eta / sp.sqrt(alpha) + sp.Rational(13, 2) * T * sigma * sp.sqrt(alpha) + 13 * sigma / (2 * alpha)
ETA_24_5 = sp.sqrt(Delta * sp.sqrt(alpha)) / sp.sqrt(H * T)
R3684 = 11 * sp.sqrt(Delta * H * T) / alpha ** sp.Rational(1, 4) + sp.Rational(13, 2) * T * sigma * sp.sqrt(alpha) + 13 * sigma / (2 * alpha)
DOM = {Delta: closed(sp.Rational(1, 10), 10), H: closed(sp.Rational(1, 10), 10), T: closed(1, 1000), sigma: closed(sp.Rational(1, 10), 10),
       alpha: closed(sp.Rational(1, 100), 1)}

# unrolling the momentum error at a fixed horizon (t = 4): r_τ, the gradient changes Δ∇_τ = ∇L(w_τ) − ∇L(w_{τ+1}) and s_τ
TU = 4
r = sp.symbols(f"r0:{TU + 1}", real=True)  # r[0] stands for the r_0 that line 3482 prints
dG = sp.symbols(f"dG0:{TU + 1}", real=True)
s_ = sp.symbols(f"s0:{TU + 1}", real=True)
a_ = alpha


def _eps_recursion(extra):
    """ε_t from ε_1 = r_1 and ε_τ = (1 − α)ε_{τ−1} + (1 − α)·extra[τ−1] + α r_τ (lines 3460, 3618)."""
    e = r[1]
    for tau in range(2, TU + 1):
        e = (1 - a_) * e + (1 - a_) * extra[tau - 1] + a_ * r[tau]
    return e


EPS_MOM = _eps_recursion(dG)
EPS_VR = _eps_recursion(s_)
UNROLL_NOTE = f"checked at t = {TU}, α ∈ (0, 1); r_τ, ∇L(w_τ) − ∇L(w_{{τ+1}}) and s_τ are free symbols (one coordinate)"
UDOM = {alpha: left_open(0, 1)}

CLAIMS = [
    claim(None, 3420, "SGD's non-convex rate, recalled", "rate", "(1/T)Σ_t E‖∇L(w_t)‖² ≤ O(1/√T)",
          checks=[NotCheckable("recalls the SGD guarantee proved earlier in the notes (encoded where it is proved); "
                               "here an O(·) with no constants or hypotheses of its own")]),
    claim(None, 3424, "a random iterate has E‖∇L(ŵ)‖ ≤ O(T^{−1/4})", "rate", "E‖∇L(ŵ)‖ ≤ √((1/T)Σ E‖∇L(w_t)‖²) ≤ √(C/√T) = √C·T^{−1/4}",
          hypotheses=["ŵ uniform on w_1 … w_T, so E‖∇L(ŵ)‖² = (1/T)Σ E‖∇L(w_t)‖²; Jensen; C the constant of line 3420"],
          checks=[Identity(sp.sqrt(C_ / sp.sqrt(T)), sp.sqrt(C_) * T ** sp.Rational(-1, 4))]),
    claim(None, 3428, "variance reduction gives E‖∇L(ŵ)‖ ≤ O(T^{−1/3})", "rate", "(1/T)·O(T^{2/3}) = O(T^{−1/3})",
          hypotheses=["ŵ uniform on w_1 … w_T, so E‖∇L(ŵ)‖ = (1/T)E Σ‖∇L(w_t)‖, bounded by Theorem 24.5's O(T^{2/3})"],
          checks=[Identity(C_ * T ** sp.Rational(2, 3) / T, C_ * T ** sp.Rational(-1, 3))]),
    claim(None, 3436, "normalized gradient descent with momentum", "algorithm", MOMENTUM,
          hypotheses=[SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_1,
          checks=[Simulation(MomentumError(), BOUND, part="the kernel reproduces the printed recursion; its error within Lemma 24.1")]),
    claim(None, 3442, "normalized steps have length η", "identity", "‖w_{t+1} − w_1‖ = η for all t",
          hypotheses=["the update of line 3436 with exact gradients on L(w) = Σ h_i w_i²/2 on ℝ², t = 1 … 6"],
          checks=[InstanceSearch(step_lengths.bind(which="from_w1"), eta, rel="==")],
          corrected=Corrected("‖w_{t+1} − w_t‖ = η for all t (as line 3464 and section 24.2 use it)",
                              "each step moves by η·m_t/‖m_t‖, of length η; the distance to w_1 accumulates over the steps",
                              checks=[InstanceSearch(step_lengths.bind(which="from_w_t"), eta, rel="=="),
                                      Identity(sp.sqrt((eta * sp.Symbol("m1", real=True) / sp.sqrt(sp.Symbol("m1", real=True)**2 + sp.Symbol("m2", real=True)**2))**2
                                                       + (eta * sp.Symbol("m2", real=True) / sp.sqrt(sp.Symbol("m1", real=True)**2 + sp.Symbol("m2", real=True)**2))**2),
                                               eta, domain={sp.Symbol("m1", real=True): closed(sp.Rational(1, 10), 3), sp.Symbol("m2", real=True): closed(-3, 3)})])),
    claim("Lem 24.1", 3448, "momentum error of normalized SGD with momentum", "expectation bound",
          "E‖m_t − ∇L(w_t)‖ ≤ (1 − α)^t σ + σ√α + Hη/α", end_line=3450,
          hypotheses=["L H-smooth; E‖∇ℓ(w, z) − ∇L(w)‖² ≤ σ² for all w; " + MOMENTUM, SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_1,
          checks=[Simulation(MomentumError(), BOUND), Scaling(M_ERR, BOUND, DIMS_24)]),
    claim(None, 3454, "ε_t and r_t", "definition", "ε_t = m_t − ∇L(w_t), r_t = g_t − ∇L(w_t)",
          checks=[NotCheckable("definitions of the proof's error terms")]),
    claim(None, 3460, "the error recursion", "identity",
          "ε_t = (1 − α)ε_{t−1} + (1 − α)(∇L(w_{t−1}) − ∇L(w_t)) + αr_t",
          hypotheses=["m_t = (1 − α)m_{t−1} + αg_t; ε_t = m_t − G_t, r_t = g_t − G_t with G_t = ∇L(w_t) (one coordinate)"],
          checks=[Identity(((1 - alpha) * sp.Symbol("m_prev") + alpha * sp.Symbol("g_t")) - sp.Symbol("G_t"),
                           (1 - alpha) * (sp.Symbol("m_prev") - sp.Symbol("G_prev")) + (1 - alpha) * (sp.Symbol("G_prev") - sp.Symbol("G_t"))
                           + alpha * (sp.Symbol("g_t") - sp.Symbol("G_t")))]),
    claim(None, 3464, "gradient change of one normalized step", "inequality", "‖∇L(w_{t−1}) − ∇L(w_t)‖ ≤ H‖w_{t−1} − w_t‖ = Hη",
          hypotheses=["the update of line 3436 with exact gradients on L(w) = Σ h_i w_i²/2 on ℝ² (H = max h_i)"],
          checks=[InstanceSearch(Measured(step_lengths.bind(which="from_w_t"), "grad_change"), sp.Symbol("H_eta"), part="≤ H‖w_{t−1} − w_t‖"),
                  InstanceSearch(step_lengths.bind(which="from_w_t"), eta, rel="==", part="‖w_{t−1} − w_t‖ = η")]),
    claim(None, 3470, "the recursion applied twice", "identity",
          "ε_t = (1 − α)²ε_{t−2} + (1 − α)²(∇L(w_{t−2}) − ∇L(w_{t−1})) + α(1 − α)r_{t−1} + (1 − α)(∇L(w_{t−1}) − ∇L(w_t)) + αr_t",
          hypotheses=["line 3460's recursion for ε_t and ε_{t−1}; one coordinate, free symbols"],
          checks=[Identity((1 - alpha) * ((1 - alpha) * sp.Symbol("e_tm2") + (1 - alpha) * sp.Symbol("dG_tm2") + alpha * sp.Symbol("r_tm1"))
                           + (1 - alpha) * sp.Symbol("dG_tm1") + alpha * sp.Symbol("r_t"),
                           (1 - alpha) ** 2 * sp.Symbol("e_tm2") + (1 - alpha) ** 2 * sp.Symbol("dG_tm2") + alpha * (1 - alpha) * sp.Symbol("r_tm1")
                           + (1 - alpha) * sp.Symbol("dG_tm1") + alpha * sp.Symbol("r_t"))]),
    claim(None, 3474, "unrolled for t iterations", "identity",
          "ε_t = (1 − α)^{t−1}ε_1 + α(1 − α)^{t−2}r_2 + … + αr_t + (1 − α)^{t−1}(∇L(w_1) − ∇L(w_2)) + … + (1 − α)(∇L(w_{t−1}) − ∇L(w_t))",
          hypotheses=["the elided terms follow the printed pattern: α(1 − α)^{t−τ}r_τ for τ = 2 … t and (1 − α)^{t−τ}(∇L(w_τ) − ∇L(w_{τ+1})) "
                      "for τ = 1 … t − 1; ε_1 = r_1", UNROLL_NOTE],
          checks=[Identity(EPS_MOM, (1 - a_) ** (TU - 1) * r[1] + a_ * sum((1 - a_) ** (TU - k) * r[k] for k in range(2, TU + 1))
                           + sum((1 - a_) ** (TU - k) * dG[k] for k in range(1, TU)), domain=UDOM)]),
    claim(None, 3478, "unrolled error, in sums", "identity",
          "ε_t = (1 − α)^t r_1 + αΣ_{τ=1}^t (1 − α)^{t−τ} r_τ + Σ_{τ=1}^{t−1} (1 − α)^{t−τ}(∇L(w_τ) − ∇L(w_{τ+1}))",
          printed="&= (1 - \\alpha)^t r_1 + \\alpha \\sum_{\\tau=1}^t (1 - \\alpha)^{t-\\tau} r_\\tau",
          hypotheses=["the last line of the display; " + UNROLL_NOTE],
          checks=[Identity(EPS_MOM, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** (TU - k) * r[k] for k in range(1, TU + 1))
                           + sum((1 - a_) ** (TU - k) * dG[k] for k in range(1, TU)), domain=UDOM)]),
    claim(None, 3482, "unrolled error, reindexed", "identity",
          "ε_t = (1 − α)^t r_1 + αΣ_{τ=0}^t (1 − α)^τ r_{t−τ} + Σ_{τ=1}^{t−1} (1 − α)^τ(∇L(w_{t−τ}) − ∇L(w_{t−τ+1}))",
          hypotheses=["the τ = t term of the middle sum is α(1 − α)^t r_0; r_0 is not defined (the proof's r_τ start at τ = 1) and is "
                      "kept a free symbol", UNROLL_NOTE],
          checks=[Identity(EPS_MOM, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** k * r[TU - k] for k in range(0, TU + 1))
                           + sum((1 - a_) ** k * dG[TU - k] for k in range(1, TU)), domain=UDOM)],
          corrected=Corrected("the middle sum over τ = 0 … t − 1", "reindexing Σ_{τ=1}^t (1 − α)^{t−τ} r_τ with τ ↦ t − τ gives τ = 0 … t − 1",
                              checks=[Identity(EPS_MOM, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** k * r[TU - k] for k in range(0, TU))
                                               + sum((1 - a_) ** k * dG[TU - k] for k in range(1, TU)), domain=UDOM)])),
    claim(None, 3490, "bias term of the error", "inequality", end_line=3496, conclusion=(
          "Σ_{τ=1}^{t−1} (1 − α)^τ E‖∇L(w_{t−τ}) − ∇L(w_{t−τ+1})‖ = Σ_{τ=1}^{t−1} (1 − α)^τ Hη ≤ Σ_{τ=0}^∞ (1 − α)^τ Hη = Hη/α"),
          printed="&= (1 - \\alpha)^t \\mathbb{E}[\\|r_1\\|] + \\alpha \\mathbb{E} \\left[ \\left\\| \\sum_{\\tau=0}^t (1 - \\alpha)^\\tau r_{t-\\tau} \\right\\| \\right] + \\sum_{\\tau=1}^{t-1} (1 - \\alpha)^\\tau H\\eta",
          hypotheses=["the display's second line replaces each E‖∇L(w_{t−τ}) − ∇L(w_{t−τ+1})‖ by Hη with '='; checked term by term on "
                      "the update of line 3436 with exact gradients on L(w) = Σ h_i w_i²/2 on ℝ² (H = max h_i)"],
          checks=[InstanceSearch(Measured(step_lengths.bind(which="from_w_t"), "grad_change"), sp.Symbol("H_eta"), rel="==", part="= Hη"),
                  Identity(sp.Sum(sp.Rational(2, 3) ** sp.Symbol("tau", integer=True, nonnegative=True) * H * eta,
                                  (sp.Symbol("tau", integer=True, nonnegative=True), 0, sp.oo)),
                           3 * H * eta, part="geometric series Σ_τ (1 − α)^τ Hη = Hη/α (at α = 1/3)")],
          corrected=Corrected("each term ≤ Hη (smoothness, steps of length η), so the bias term is ≤ Hη/α",
                              "‖∇L(w_{t−τ}) − ∇L(w_{t−τ+1})‖ ≤ H‖w_{t−τ} − w_{t−τ+1}‖ = Hη is an inequality; it is an equality only when "
                              "the curvature along the step is H",
                              checks=[InstanceSearch(Measured(step_lengths.bind(which="from_w_t"), "grad_change"), sp.Symbol("H_eta"))])),
    claim(None, 3500, "Jensen, then expanding the square", "inequality",
          "E‖Σ_τ (1 − α)^τ r_{t−τ}‖ ≤ √(E‖Σ_τ (1 − α)^τ r_{t−τ}‖²) ≤ √(E Σ_τ Σ_τ' (1 − α)^{τ+τ'}⟨r_{t−τ}, r_{t−τ'}⟩)",
          end_line=3503,
          hypotheses=["Jensen (E‖S‖ ≤ √(E‖S‖²)) checked by z3 for two atoms (three atoms at line 4009); the expansion of the square "
                      "checked as an identity for three vectors of ℝ² (the second '≤' holds with equality)"],
          checks=[Semialgebraic(sp.Symbol("p") * sp.Abs(sp.Symbol("xa")) + (1 - sp.Symbol("p")) * sp.Abs(sp.Symbol("xb")), "<=",
                                sp.sqrt(sp.Symbol("p") * sp.Symbol("xa") ** 2 + (1 - sp.Symbol("p")) * sp.Symbol("xb") ** 2),
                                {sp.Symbol("p"): closed(0, 1), sp.Symbol("xa"): closed(-sp.oo, sp.oo), sp.Symbol("xb"): closed(-sp.oo, sp.oo)},
                                part="Jensen", note="‖S‖ with two atoms of probabilities p, 1 − p (values xa, xb of the norm)"),
                  Identity(sum((sum(sp.Symbol(f"c{a}") * sp.Symbol(f"r{a}_{i}") for a in range(3))) ** 2 for i in range(2)),
                           sum(sp.Symbol(f"c{a}") * sp.Symbol(f"c{b}") * sum(sp.Symbol(f"r{a}_{i}") * sp.Symbol(f"r{b}_{i}") for i in range(2))
                               for a in range(3) for b in range(3)), part="expansion")]),
    claim(None, 3507, "geometric series of the noise", "inequality", end_line=3512, conclusion=
          "Σ_{τ=0}^t (1 − α)^{2τ}σ² ≤ σ²Σ_{τ=0}^t (1 − α)^τ ≤ σ²/α",
          printed="&\\leq \\sqrt{\\sum_{\\tau=0}^t (1 - \\alpha)^{2\\tau} \\sigma^2} \\\\",
          hypotheses=["α ∈ (0, 1]; the sums in closed form Σ_{τ=0}^t x^τ = (1 − x^{t+1})/(1 − x); checked for t ∈ [0, 50] as a real"],
          checks=[Semialgebraic(sp.Symbol("S2"), "<=", sp.Symbol("S1"),
                                {sp.Symbol("S2"): NONNEG, sp.Symbol("S1"): NONNEG, alpha: UNIT, sp.Symbol("xt"): closed(0, 1)},
                                given=(sp.Eq(sp.Symbol("S2") * (1 - (1 - alpha) ** 2), 1 - sp.Symbol("xt") ** 2),
                                       sp.Eq(sp.Symbol("S1") * alpha, 1 - sp.Symbol("xt")), sp.Symbol("xt") <= 1 - alpha),
                                part="Σ(1 − α)^{2τ} ≤ Σ(1 − α)^τ",
                                note="xt = (1 − α)^{t+1} ∈ [0, 1 − α] (t ≥ 0); S1, S2 the two sums in closed form"),
                  Semialgebraic(sp.Symbol("S1"), "<=", 1 / alpha, {sp.Symbol("S1"): NONNEG, alpha: UNIT, sp.Symbol("xt"): closed(0, 1)},
                                given=(sp.Eq(sp.Symbol("S1") * alpha, 1 - sp.Symbol("xt")),),
                                part="Σ(1 − α)^τ ≤ 1/α")]),
    claim(None, 3516, "Lemma 24.1 concluded", "expectation bound", "E‖ε_t‖ ≤ (1 − α)^t σ + σ√α + Hη/α",
          hypotheses=["as Lemma 24.1", SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_1,
          checks=[Simulation(MomentumError(), BOUND)]),
    claim("Lem 24.2", 3522, "descent of a normalized step with any m_t", "inequality",
          "L(w_{t+1}) ≤ L(w_t) − (η/3)‖∇L(w_t)‖ + (13η/6)‖ε_t‖ + Hη²/2", end_line=3524,
          hypotheses=["L H-smooth, w_{t+1} = w_t − η m_t/‖m_t‖ with m_t arbitrary (line 3664: 'zero assumptions about how m_t was "
                      "generated'), ε_t = m_t − ∇L(w_t)",
                      "one step: L(x) = ⟨g, x⟩ + (H/2)Σκ_i x_i² on ℝ² (|κ_i| ≤ 1; κ = 1 attains the smoothness bound), g, ε_t adversarial",
                      "whole runs: a non-convex separable H-smooth L on ℝ², T ≤ 5 steps, the error sequence ε_1 … ε_T adversarial "
                      "(differential evolution over the sequence, every violation replayed at 50 digits)"],
          symbols={"eta": eta, "H": H, "en": en}, bound=13 * eta * en / 6 + H * eta**2 / 2,
          checks=[InstanceSearch(descent_step, BOUND, part="one step, adversarial g and ε"),
                  InstanceSearch(error_sequence, sp.Integer(1), part="error sequences: max over steps of (lhs)/(rhs)"),
                  InstanceSearch(error_sequence.bind(form="telescoped"), sp.Integer(1), part="error sequences: telescoped"),
                  Scaling(sp.Symbol("dL") + eta * gn / 3, BOUND, {sp.Symbol("dL"): "loss", eta: "param", gn: "grad", en: "grad", H: "hess"})]),
    claim(None, 3528, "the smoothness step", "inequality",
          "L(w_{t+1}) ≤ L(w_t) − η⟨∇L(w_t), m_t/‖m_t‖⟩ + Hη²/2",
          printed="\\mathcal{L}(\\mathbf{w}_{t+1}) &\\leq \\mathcal{L}(\\mathbf{w}_t) - \\eta \\langle \\nabla \\mathcal{L}(\\mathbf{w}_t), \\frac{\\mathbf{m}_t}{\\|\\mathbf{m}_t\\|} \\rangle + \\frac{H\\eta^2}{2}",
          hypotheses=["L(x) = ⟨g, x⟩ + (H/2)Σκ_i x_i² on ℝ², |κ_i| ≤ 1"],
          checks=[InstanceSearch(Measured(descent_step, "smooth_remainder"), sp.Symbol("H_eta2_half"))]),
    claim(None, 3532, "case ‖ε_t‖ ≥ ‖∇L(w_t)‖/2", "inequality",
          "−⟨∇L, (∇L + ε)/‖∇L + ε‖⟩ ≤ ‖∇L‖ ≤ 2‖ε‖ ≤ −‖∇L‖/3 + (13/6)‖ε‖",
          hypotheses=["the case ‖ε_t‖ ≥ ‖∇L(w_t)‖/2; the links on the norms gn = ‖∇L(w_t)‖, en = ‖ε_t‖ (any pair of norms is attained "
                      "by vectors)"],
          checks=[Semialgebraic(gn, "<=", 2 * en, {gn: NONNEG, en: NONNEG}, given=(en >= gn / 2,), part="‖∇L‖ ≤ 2‖ε‖"),
                  Semialgebraic(2 * en, "<=", -gn / 3 + sp.Rational(13, 6) * en, {gn: NONNEG, en: NONNEG}, given=(en >= gn / 2,),
                                part="2‖ε‖ ≤ −‖∇L‖/3 + 13‖ε‖/6")],
          corrected=Corrected("‖∇L‖ ≤ −‖∇L‖/3 + (13/6)‖ε‖ needs ‖ε‖ ≥ (8/13)‖∇L‖; the case's conclusion −⟨∇L, u⟩ ≤ −‖∇L‖/3 + (13/6)‖ε‖ "
                              "still holds for ‖ε‖ ≥ ‖∇L‖/2 (for ‖ε‖ < ‖∇L‖ the left side is ≤ −√(‖∇L‖² − ‖ε‖²) < 0)",
                              "2‖ε‖ ≤ −‖∇L‖/3 + 13‖ε‖/6 is ‖∇L‖ ≤ ‖ε‖/2, the opposite of the case",
                              checks=[Semialgebraic(gn, "<=", -gn / 3 + sp.Rational(13, 6) * en, {gn: NONNEG, en: NONNEG},
                                                    given=(en >= sp.Rational(8, 13) * gn,)),
                                      InstanceSearch(Measured(descent_step, "inner_lhs"), sp.Symbol("inner_rhs"))]),
          notes="Lemma 24.2 itself survives (its checks are consistent); this link of its proof is broken for ‖∇L‖/2 ≤ ‖ε‖ < (8/13)‖∇L‖."),
    claim(None, 3536, "case ‖ε_t‖ ≤ ‖∇L(w_t)‖/2", "inequality",
          "−⟨∇L, (∇L + ε)/‖∇L + ε‖⟩ ≤ −(‖∇L‖²/2)/(3‖∇L‖/2) = −‖∇L‖/3",
          printed="\\|\\nabla \\mathcal{L}(\\mathbf{w}_t) + \\epsilon_t\\| &\\leq \\frac{3}{2}\\|\\nabla \\mathcal{L}(\\mathbf{w}_t)\\|",
          hypotheses=["the case ‖ε‖ ≤ ‖∇L‖/2; by rotation ∇L = (g, 0) with g > 0 and ε = (e1, e2) (a reading of notation: both sides are "
                      "rotation invariant)"],
          checks=[Semialgebraic(-(sp.Symbol("g") ** 2 + sp.Symbol("g") * sp.Symbol("e1"))
                                / sp.sqrt((sp.Symbol("g") + sp.Symbol("e1")) ** 2 + sp.Symbol("e2") ** 2), "<=", -sp.Symbol("g") / 3,
                                {sp.Symbol("g"): POS, sp.Symbol("e1"): closed(-sp.oo, sp.oo), sp.Symbol("e2"): closed(-sp.oo, sp.oo)},
                                given=(4 * (sp.Symbol("e1") ** 2 + sp.Symbol("e2") ** 2) <= sp.Symbol("g") ** 2,))]),
    claim(None, 3540, "either way", "inequality", "−η⟨∇L, (∇L + ε)/‖∇L + ε‖⟩ ≤ −(η/3)‖∇L‖ + (13η/6)‖ε‖",
          hypotheses=["any ∇L(w_t), ε_t on ℝ² (adversarial); written with ‖∇L‖ added to both sides"],
          checks=[InstanceSearch(Measured(descent_step, "inner_lhs"), sp.Symbol("inner_rhs"))]),
    claim("Thm 24.3", 3546, "normalized SGD with momentum: O(T^{3/4})", "expectation bound",
          "E Σ_{t=1}^T ‖∇L(w_t)‖ ≤ 24√(ΔHT) + 35(ΔHT³σ²)^{1/4}/2 + 13√T/(2√(ΔH))", end_line=3548,
          hypotheses=["L H-smooth, gradient variance ≤ σ², α = min(1, √(ΔH)/(σ√T)), η = √(Δα)/√(HT); " + MOMENTUM,
                      "Monte Carlo: the kernel normalized_sgd_momentum on (w_1² + 4w_2²)/2 with Gaussian noise",
                      "instances: " + EXACT],
          symbols={"Delta": Delta, "H": H, "T": T, "sigma": sigma}, bound=THM_24_3,
          checks=[Simulation(GradientNormSum("24.3"), BOUND, part="Monte Carlo"),
                  InstanceSearch(normalized_run.bind(theorem="24.3"), BOUND, part="exact gradients")],
          corrected=Corrected("third term 13σ²√T/(2√(ΔH))", "13σ/(2α) at α = √(ΔH)/(σ√T) is 13σ²√T/(2√(ΔH)); the σ² is lost at line 3573",
                              checks=[Simulation(GradientNormSum("24.3"), THM_24_3_CORR), InstanceSearch(normalized_run.bind(theorem="24.3"), THM_24_3_CORR),
                                      Scaling(SUMG, THM_24_3_CORR, DIMS_24)], bound=THM_24_3_CORR),
          notes="The printed third term 13√T/(2√(ΔH)) does not scale like the left side (line 3573 drops σ²); the bound as printed is not "
                "broken by the experiments because the other terms dominate there."),
    claim(None, 3552, "Lemma 24.2 then Lemma 24.1", "inequality",
          "E L(w_{t+1}) ≤ E[L(w_t) − (η/3)‖∇L(w_t)‖ + Hη²/2 + (13η/6)((1 − α)^tσ + σ√α + Hη/α)]",
          printed="&\\leq \\mathbb{E} \\left[ \\mathcal{L}(\\mathbf{w}_t) - \\frac{\\eta}{3}\\|\\nabla \\mathcal{L}(\\mathbf{w}_t)\\| + \\frac{H\\eta^2}{2} + \\frac{13\\eta}{6} \\left( (1-\\alpha)^t\\sigma + \\sigma\\sqrt{\\alpha} + \\frac{H\\eta}{\\alpha} \\right) \\right]\\end{aligned}$$",
          hypotheses=["substitutes Lemma 24.1's bound for E‖ε_t‖ in Lemma 24.2: monotone in E‖ε_t‖ with coefficient 13η/6 > 0"],
          checks=[Semialgebraic(sp.Rational(13, 6) * eta * sp.Symbol("E_eps"), "<=", sp.Rational(13, 6) * eta * sp.Symbol("B"),
                                {eta: POS, sp.Symbol("E_eps"): NONNEG, sp.Symbol("B"): NONNEG}, given=(sp.Symbol("E_eps") <= sp.Symbol("B"),))]),
    claim(None, 3556, "telescoping", "inequality", end_line=3561, conclusion=
          "HTη²/2 + 13HTη²/(6α) ≤ 8HTη²/(3α) and Σ_t (1 − α)^tσ ≤ σ/α",
          printed="&\\leq \\mathbb{E} \\left[ \\mathcal{L}(\\mathbf{w}_1) - \\frac{\\eta}{3} \\sum_{t=1}^T \\|\\nabla \\mathcal{L}(\\mathbf{w}_t)\\| + \\frac{8HT\\eta^2}{3\\alpha}",
          hypotheses=["α ∈ (0, 1]"],
          checks=[Semialgebraic(H * T * eta**2 / 2 + 13 * H * T * eta**2 / (6 * alpha), "<=", 8 * H * T * eta**2 / (3 * alpha),
                                {H: POS, T: POS, eta: POS, alpha: UNIT}, part="the η² terms"),
                  Semialgebraic(sp.Symbol("S"), "<=", sigma / alpha, {sp.Symbol("S"): NONNEG, sigma: POS, alpha: UNIT, sp.Symbol("xT"): closed(0, 1)},
                                given=(sp.Eq(sp.Symbol("S") * alpha, sigma * (1 - alpha) * (1 - sp.Symbol("xT"))),),
                                part="Σ_{t=1}^T (1 − α)^t σ ≤ σ/α", note="closed form with xT = (1 − α)^T")]),
    claim(None, 3565, "rearranged", "inequality", "E Σ_t ‖∇L(w_t)‖ ≤ 3Δ/η + 8HTη/α + 13Tσ√α/2 + 13σ/(2α)",
          hypotheses=["from line 3560 with E L(w_{T+1}) ≥ L(w_*): multiply by 3/η"],
          checks=[Identity((3 / eta) * (Delta + 8 * H * T * eta**2 / (3 * alpha) + 13 * eta * T * sigma * sp.sqrt(alpha) / 6
                                        + 13 * eta * sigma / (6 * alpha)), R3565)]),
    claim(None, 3569, "η = √(Δα)/√(HT)", "identity", "3Δ/η + 8HTη/α = 11√(ΔHT)/√α at η = √(Δα)/√(HT)",
          checks=[Identity(R3565.subs(eta, ETA_24_3), R3569)]),
    claim(None, 3573, "α = √(ΔH)/(σ√T)", "identity", "the bound of line 3569 at α = √(ΔH)/(σ√T) is 35(ΔHT³σ²)^{1/4}/2 + 13√T/(2√(ΔH))",
          hypotheses=["the display's right side compared with line 3569's at the stated α"],
          checks=[Identity(R3569.subs(alpha, ALPHA_24_3),
                           sp.Rational(35, 2) * (Delta * H * T**3 * sigma**2) ** sp.Rational(1, 4) + 13 * sp.sqrt(T) / (2 * sp.sqrt(Delta * H)),
                           domain={Delta: closed(1, 10), H: closed(1, 10), T: closed(1, 100), sigma: closed(1, 10)})],
          corrected=Corrected("… + 13σ²√T/(2√(ΔH))", "13σ/(2α) = 13σ²√T/(2√(ΔH))",
                              checks=[Identity(R3569.subs(alpha, ALPHA_24_3),
                                               sp.Rational(35, 2) * (Delta * H * T**3 * sigma**2) ** sp.Rational(1, 4)
                                               + 13 * sigma**2 * sp.sqrt(T) / (2 * sp.sqrt(Delta * H)),
                                               domain={Delta: closed(1, 10), H: closed(1, 10), T: closed(1, 100), sigma: closed(1, 10)})]),
          notes="Root cause of Theorem 24.3's third term (line 3548)."),
    claim(None, 3577, "the α = 1 case", "inequality", "11√(ΔHT) + 13Tσ/2 + 13σ/2 ≤ 24√(ΔHT) when σ ≤ √(ΔH)/√T",
          hypotheses=["T ≥ 1; with q = √(ΔHT): σ ≤ q/T"],
          checks=[Semialgebraic(11 * sp.Symbol("q") + 13 * T * sigma / 2 + 13 * sigma / 2, "<=", 24 * sp.Symbol("q"),
                                {sp.Symbol("q"): POS, T: closed(1, sp.oo), sigma: POS}, given=(sigma * T <= sp.Symbol("q"),))]),
    claim(None, 3585, "Theorem 24.3's bound, concluded", "expectation bound",
          "E Σ_{t=1}^T ‖∇L(w_t)‖ ≤ 24√(ΔHT) + 35(ΔHT³σ²)^{1/4}/2 + 13√T/(2√(ΔH))",
          hypotheses=["as Theorem 24.3"],
          symbols={"Delta": Delta, "H": H, "T": T, "sigma": sigma}, bound=THM_24_3,
          checks=[InstanceSearch(normalized_run.bind(theorem="24.3"), BOUND)]),
    claim(None, 3600, "normalized gradient descent with variance-reduced momentum", "algorithm", VR_MOMENTUM,
          hypotheses=[SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_4,
          checks=[Simulation(MomentumError(vr=True), BOUND, part="the kernel reproduces the printed recursion; its error within Lemma 24.4")]),
    claim("Lem 24.4", 3608, "momentum error with variance-reduced momentum", "expectation bound",
          "E‖m_t − ∇L(w_t)‖ ≤ (1 − α)^t σ + σ√α + Hη/√α", end_line=3610,
          hypotheses=["ℓ(·, z) H-smooth for all z; E‖∇ℓ(w, z) − ∇L(w)‖² ≤ σ²; " + VR_MOMENTUM, SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_4,
          checks=[Simulation(MomentumError(vr=True), BOUND), Scaling(M_ERR, BOUND, DIMS_24)]),
    claim(None, 3614, "ε_t, r_t, δ_t", "definition", "ε_t = m_t − ∇L(w_t), r_t = g_t − ∇L(w_t), δ_t = w_t − w_{t−1}",
          checks=[NotCheckable("definitions of the proof's error terms")]),
    claim(None, 3618, "the variance-reduced error recursion", "identity",
          "ε_t = (1 − α)ε_{t−1} + (1 − α)(∇ℓ(w_t, z_t) − ∇ℓ(w_{t−1}, z_t) + ∇L(w_{t−1}) − ∇L(w_t)) + αr_t",
          hypotheses=["the display's second line prints 'm_{t−1} ∇ℓ(w_t, z_t)' without the '+'; read as m_{t−1} + ∇ℓ(w_t, z_t) "
                      "(the first line's update); one coordinate"],
          checks=[Identity((1 - alpha) * (sp.Symbol("m_prev") + sp.Symbol("g_t") - sp.Symbol("g_prev_zt")) + alpha * sp.Symbol("g_t") - sp.Symbol("G_t"),
                           (1 - alpha) * (sp.Symbol("m_prev") - sp.Symbol("G_prev"))
                           + (1 - alpha) * (sp.Symbol("g_t") - sp.Symbol("g_prev_zt") + sp.Symbol("G_prev") - sp.Symbol("G_t"))
                           + alpha * (sp.Symbol("g_t") - sp.Symbol("G_t")))]),
    claim(None, 3622, "s_t", "definition", "s_t = ∇ℓ(w_{t+1}, z_{t+1}) − ∇ℓ(w_t, z_{t+1}) + ∇L(w_t) − ∇L(w_{t+1})",
          checks=[NotCheckable("definition of the proof's correction term")]),
    claim(None, 3626, "second moment of s_t", "inequality",
          "E‖s_t‖² ≤ E‖∇ℓ(w_{t+1}, z) − ∇ℓ(w_t, z)‖² ≤ H²‖w_{t+1} − w_t‖² = H²η²",
          hypotheses=["w = w_{t+1}, v = w_t in the least-squares finite-sum family (each ℓ(·, z) H-smooth; E exact over z); "
                      "‖w_{t+1} − w_t‖ = η is line 3464's"],
          checks=[InstanceSearch(Measured(finite_sum, "E_centered"), sp.Symbol("E_diff"), part="variance ≤ second moment"),
                  InstanceSearch(Measured(finite_sum, "E_diff"), sp.Symbol("H_nwv") ** 2, part="≤ H²‖w_{t+1} − w_t‖²")]),
    claim(None, 3630, "unrolled variance-reduced error", "identity",
          "ε_t = (1 − α)^{t−1}ε_1 + α(1 − α)^{t−2}r_2 + … + αr_t + (1 − α)^{t−1}s_1 + … + (1 − α)s_{t−1}",
          hypotheses=["the recursion ε_t = (1 − α)ε_{t−1} + (1 − α)s_{t−1} + αr_t (line 3618 with line 3622's s); the elided terms "
                      "follow the printed pattern; ε_1 = r_1", UNROLL_NOTE],
          checks=[Identity(EPS_VR, (1 - a_) ** (TU - 1) * r[1] + a_ * sum((1 - a_) ** (TU - k) * r[k] for k in range(2, TU + 1))
                           + sum((1 - a_) ** (TU - k) * s_[k] for k in range(1, TU)), domain=UDOM)]),
    claim(None, 3634, "unrolled variance-reduced error, in sums", "identity",
          "ε_t = (1 − α)^t r_1 + αΣ_{τ=1}^t (1 − α)^{t−τ} r_τ + Σ_{τ=1}^{t−1} (1 − α)^{t−τ} s_τ",
          printed="&= (1 - \\alpha)^t r_1 + \\alpha \\sum_{\\tau=1}^t (1 - \\alpha)^{t-\\tau} r_\\tau + \\sum_{\\tau=1}^{t-1} (1 - \\alpha)^{t-\\tau} s_\\tau",
          hypotheses=["the display's last line", UNROLL_NOTE],
          checks=[Identity(EPS_VR, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** (TU - k) * r[k] for k in range(1, TU + 1))
                           + sum((1 - a_) ** (TU - k) * s_[k] for k in range(1, TU)), domain=UDOM)]),
    claim(None, 3638, "unrolled variance-reduced error, reindexed", "identity",
          "ε_t = (1 − α)^t r_1 + αΣ_{τ=0}^t (1 − α)^τ r_{t−τ} + Σ_{τ=1}^{t−1} (1 − α)^τ s_τ",
          hypotheses=["r_0 (the τ = t term) kept a free symbol as at line 3482", UNROLL_NOTE],
          checks=[Identity(EPS_VR, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** k * r[TU - k] for k in range(0, TU + 1))
                           + sum((1 - a_) ** k * s_[k] for k in range(1, TU)), domain=UDOM)],
          corrected=Corrected("… + αΣ_{τ=0}^{t−1} (1 − α)^τ r_{t−τ} + Σ_{τ=1}^{t−1} (1 − α)^τ s_{t−τ}",
                              "reindexing Σ_{τ=1}^{t−1}(1 − α)^{t−τ} s_τ gives s_{t−τ}, and the r-sum ends at τ = t − 1",
                              checks=[Identity(EPS_VR, (1 - a_) ** TU * r[1] + a_ * sum((1 - a_) ** k * r[TU - k] for k in range(0, TU))
                                               + sum((1 - a_) ** k * s_[TU - k] for k in range(1, TU)), domain=UDOM)])),
    claim(None, 3642, "triangle inequality", "inequality",
          "E‖ε_t‖ ≤ (1 − α)^tσ + σ√α + E‖Σ_{τ=1}^{t−1} (1 − α)^τ s_τ‖",
          hypotheses=["‖a + b + c‖ ≤ ‖a‖ + ‖b‖ + ‖c‖ (checked in one coordinate by z3) and the first two terms bounded as in Lemma 24.1 "
                      "(line 3516's check)"],
          checks=[Semialgebraic(sp.Abs(sp.Symbol("ta") + sp.Symbol("tb") + sp.Symbol("tc")), "<=",
                                sp.Abs(sp.Symbol("ta")) + sp.Abs(sp.Symbol("tb")) + sp.Abs(sp.Symbol("tc")),
                                {sp.Symbol("ta"): closed(-sp.oo, sp.oo), sp.Symbol("tb"): closed(-sp.oo, sp.oo), sp.Symbol("tc"): closed(-sp.oo, sp.oo)})]),
    claim(None, 3646, "Jensen for the s-sum", "inequality", "E‖Σ(1 − α)^τ s_τ‖ ≤ √(E‖Σ(1 − α)^τ s_τ‖²)",
          hypotheses=["Jensen (E‖S‖ ≤ √(E‖S‖²)): checked by z3 for two atoms (p, 1 − p) and by instance search on three atoms at "
                      "line 4009"],
          checks=[Semialgebraic(sp.Symbol("p") * sp.Abs(sp.Symbol("xa")) + (1 - sp.Symbol("p")) * sp.Abs(sp.Symbol("xb")), "<=",
                                sp.sqrt(sp.Symbol("p") * sp.Symbol("xa") ** 2 + (1 - sp.Symbol("p")) * sp.Symbol("xb") ** 2),
                                {sp.Symbol("p"): closed(0, 1), sp.Symbol("xa"): closed(-sp.oo, sp.oo), sp.Symbol("xb"): closed(-sp.oo, sp.oo)},
                                note="‖S‖ with two atoms of probabilities p, 1 − p (values xa, xb of the norm)")]),
    claim(None, 3650, "cross terms vanish", "inequality", "E‖Σ_τ (1 − α)^τ s_τ‖² ≤ Σ_τ (1 − α)^{2τ} E‖s_τ‖²",
          hypotheses=["E[s_τ | past] = 0 makes the cross terms vanish (equality); checked exactly for two independent symmetric "
                      "steps s_1 = ±u_1, s_2 = ±u_2 (probability ½ each) with coefficients c_1, c_2"],
          checks=[Identity(sum(sp.Rational(1, 4) * (sp.Symbol("c1") * e1 * sp.Symbol("u1") + sp.Symbol("c2") * e2 * sp.Symbol("u2")) ** 2
                               for e1 in (1, -1) for e2 in (1, -1)),
                           sp.Symbol("c1") ** 2 * sp.Symbol("u1") ** 2 + sp.Symbol("c2") ** 2 * sp.Symbol("u2") ** 2)]),
    claim(None, 3654, "geometric series of s", "inequality", "Hη√(Σ_{τ=1}^{t−1} (1 − α)^{2τ}) ≤ Hη/√α",
          printed="&\\leq H\\eta \\sqrt{\\sum_{\\tau=1}^{t-1} (1 - \\alpha)^{2\\tau}} \\\\ &\\leq \\frac{H\\eta}{\\sqrt{\\alpha}}",
          hypotheses=["α ∈ (0, 1]; Σ_{τ=1}^{t−1} x^{2τ} = x²(1 − x^{2(t−1)})/(1 − x²) with x = 1 − α, written S; xt = x^{2(t−1)} ∈ [0, 1]"],
          checks=[Semialgebraic(sp.Symbol("S"), "<=", 1 / alpha, {sp.Symbol("S"): NONNEG, alpha: UNIT, sp.Symbol("xt"): closed(0, 1)},
                                given=(sp.Eq(sp.Symbol("S") * (1 - (1 - alpha) ** 2), (1 - alpha) ** 2 * (1 - sp.Symbol("xt"))),))]),
    claim(None, 3658, "Lemma 24.4 concluded", "expectation bound", "E‖ε_t‖ ≤ (1 − α)^t σ + σ√α + Hη/√α",
          hypotheses=["as Lemma 24.4", SIM],
          symbols={"alpha": alpha, "sigma": sigma, "H": H, "eta": eta, "t": t}, bound=LEM_24_4,
          checks=[Simulation(MomentumError(vr=True), BOUND)]),
    claim("Thm 24.5", 3666, "variance-reduced normalized SGD: O(T^{2/3})", "expectation bound",
          "E Σ_{t=1}^T ‖∇L(w_t)‖ ≤ 11√(ΔHT)^{2/3} + 13σT^{2/3}", end_line=3668,
          hypotheses=["ℓ(·, z) H-smooth, gradient variance ≤ σ², α = 1/T^{2/3}, η = √(Δ√α)/√(HT); " + VR_MOMENTUM,
                      "'\\sqrt{\\Delta HT}^{2/3}' read as printed: (√(ΔHT))^{2/3} = (ΔHT)^{1/3}",
                      "instances: " + EXACT],
          symbols={"Delta": Delta, "H": H, "T": T, "sigma": sigma}, bound=THM_24_5,
          checks=[InstanceSearch(normalized_run.bind(theorem="24.5"), BOUND, part="exact gradients")],
          corrected=Corrected("E Σ_t ‖∇L(w_t)‖ ≤ 11√(ΔH)T^{2/3} + 13σT^{2/3}",
                              "11√(ΔHT)/α^{1/4} at α = T^{−2/3} is 11√(ΔH)·T^{2/3} (line 3684); the printed (ΔHT)^{1/3} neither "
                              "grows like T^{2/3} nor scales like a gradient",
                              checks=[InstanceSearch(normalized_run.bind(theorem="24.5"), THM_24_5_CORR),
                                      Simulation(GradientNormSum("24.5"), THM_24_5_CORR),
                                      Scaling(SUMG, THM_24_5_CORR, DIMS_24)], bound=THM_24_5_CORR),
          notes="Refuted as printed with σ → 0 and exact gradients (normalized gradient descent): the sum of gradient norms grows like "
                "√(ΔH)·T^{2/3} while the printed first term is (ΔHT)^{1/3}; the root is line 3688."),
    claim(None, 3672, "Lemma 24.2 then Lemma 24.4", "inequality",
          "E L(w_{t+1}) ≤ E[L(w_t) − (η/3)‖∇L(w_t)‖ + Hη²/2 + (13η/6)((1 − α)^tσ + σ√α + Hη/√α)]",
          hypotheses=["substitutes Lemma 24.4's bound for E‖ε_t‖ in Lemma 24.2 (the text says 'Lemma 24.1'; the bound used is Lemma "
                      "24.4's): monotone in E‖ε_t‖ with coefficient 13η/6 > 0"],
          checks=[Semialgebraic(sp.Rational(13, 6) * eta * sp.Symbol("E_eps"), "<=", sp.Rational(13, 6) * eta * sp.Symbol("B"),
                                {eta: POS, sp.Symbol("E_eps"): NONNEG, sp.Symbol("B"): NONNEG}, given=(sp.Symbol("E_eps") <= sp.Symbol("B"),))]),
    claim(None, 3676, "telescoping, variance-reduced", "inequality", "HTη²/2 + 13HTη²/(6√α) ≤ 8HTη²/(3√α)",
          printed="&\\leq \\mathbb{E}\\left[\\mathcal{L}(\\mathbf{w}_1) - \\frac{\\eta}{3}\\sum_{t=1}^T\\|\\nabla\\mathcal{L}(\\mathbf{w}_t)\\| + \\frac{8HT\\eta^2}{3\\sqrt{\\alpha}}",
          hypotheses=["α ∈ (0, 1], written with sa = √α ∈ (0, 1]"],
          checks=[Semialgebraic(H * T * eta**2 / 2 + 13 * H * T * eta**2 / (6 * sp.Symbol("sa")), "<=", 8 * H * T * eta**2 / (3 * sp.Symbol("sa")),
                                {H: POS, T: POS, eta: POS, sp.Symbol("sa"): UNIT})]),
    claim(None, 3680, "rearranged, variance-reduced", "inequality", "E Σ_t ‖∇L(w_t)‖ ≤ 3Δ/η + 8HTη/√α + 13Tσ√α/2 + 13σ/(2α)",
          hypotheses=["from line 3676 with E L(w_{T+1}) ≥ L(w_*): multiply by 3/η"],
          checks=[Identity((3 / eta) * (Delta + 8 * H * T * eta**2 / (3 * sp.sqrt(alpha)) + 13 * eta * T * sigma * sp.sqrt(alpha) / 6
                                        + 13 * eta * sigma / (6 * alpha)), R3680)]),
    claim(None, 3684, "η = √(Δ√α)/√(HT)", "identity", "3Δ/η + 8HTη/√α = 11√(ΔHT)/α^{1/4}",
          checks=[Identity(R3680.subs(eta, ETA_24_5), R3684)]),
    claim(None, 3688, "α = 1/T^{2/3}", "identity", "the bound of line 3684 at α = T^{−2/3} is 11√(ΔHT)^{2/3} + 13σT^{2/3}",
          hypotheses=["'\\sqrt{\\Delta HT}^{2/3}' read as printed: (ΔHT)^{1/3}"],
          checks=[Identity(R3684.subs(alpha, T ** sp.Rational(-2, 3)), THM_24_5,
                           domain={Delta: closed(1, 10), H: closed(1, 10), T: closed(2, 100), sigma: closed(1, 10)})],
          corrected=Corrected("11√(ΔH)T^{2/3} + 13σT^{2/3}", "11√(ΔHT)·T^{1/6} = 11√(ΔH)T^{2/3}",
                              checks=[Identity(R3684.subs(alpha, T ** sp.Rational(-2, 3)), THM_24_5_CORR)]),
          notes="Root cause of Theorem 24.5's printed first term."),
    claim(None, 3692, "the careful α: the α = 1 case", "inequality", "E Σ_t ‖∇L(w_t)‖ ≤ 34√(ΔHT)",
          hypotheses=["α = min(1, (ΔH)^{2/3}/(σ^{4/3}T^{2/3})) = 1, i.e. σ ≤ √(ΔH)/√T (the sentence at line 3690 is cut off after 'σ ≤'); "
                      "line 3684's bound at α = 1 with q = √(ΔHT), T ≥ 1"],
          checks=[Semialgebraic(11 * sp.Symbol("q") + 13 * T * sigma / 2 + 13 * sigma / 2, "<=", 34 * sp.Symbol("q"),
                                {sp.Symbol("q"): POS, T: closed(1, sp.oo), sigma: POS}, given=(sigma * T <= sp.Symbol("q"),))]),
    claim(None, 3696, "the careful α: α < 1", "identity",
          "bound of line 3684 at α = (ΔH)^{2/3}/(σ^{4/3}T^{2/3}) = 35(ΔHσ)^{1/3}T^{2/3}/2 + 13σ^{7/3}T^{2/3}/(2(ΔH)^{2/3})",
          checks=[Identity(R3684.subs(alpha, (Delta * H) ** sp.Rational(2, 3) / (sigma ** sp.Rational(4, 3) * T ** sp.Rational(2, 3))),
                           sp.Rational(35, 2) * (Delta * H * sigma) ** sp.Rational(1, 3) * T ** sp.Rational(2, 3)
                           + 13 * sigma ** sp.Rational(7, 3) * T ** sp.Rational(2, 3) / (2 * (Delta * H) ** sp.Rational(2, 3)))]),
    claim(None, 3710, "per-matrix SGD", "definition", "(W_i)_{t+1} = (W_i)_t − η∇_{W_i}ℓ(w, ζ)",
          checks=[NotCheckable("SGD rewritten block by block: a definition")]),
    claim(None, 3714, "LARS", "definition", "(W_i)_{t+1} = (W_i)_t − η‖(W_i)_t‖ ∇_{W_i}ℓ/‖∇_{W_i}ℓ‖",
          checks=[NotCheckable("the LARS update (a definition; the text asserts only empirical performance of it)")]),
    claim(None, 3720, "LARS with momentum", "definition", "(M_i)_{t+1} = β(M_i)_t + (1 − β)∇_{W_i}ℓ, (W_i)_{t+1} = (W_i)_t − η‖(W_i)_t‖(M_i)_t/‖(M_i)_t‖",
          checks=[NotCheckable("an update (a definition; nothing exact is asserted about it)")]),
    claim(None, 3724, "LAMB", "definition", "Adam-flavoured LAMB update (per-coordinate)",
          hypotheses=["'\\text{beta}(V_i)_t' read as β(V_i)_t"],
          checks=[NotCheckable("the LAMB update (a definition; 'no known theoretical justification', only empirical claims)")]),
]
