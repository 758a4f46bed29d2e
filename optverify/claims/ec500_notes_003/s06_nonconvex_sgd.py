"""003 §6 (lines 987–1117): non-convex SGD — Algorithm 3 (printed again), Theorem 6.1 with a fixed learning rate and
Theorem 6.2 with decreasing learning rates, each proof step by step."""

import sympy as sp

from optverify import (Corrected, Identity, Inequality, InstanceSearch, Measured, ParameterChoice, ProofComposition, ProofStep,
                       Pseudocode, Semialgebraic, closed, integers, open_)
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.counterexamples.families.ec500_descent import sgd_smooth_well, smooth_well_point

S = sp.Symbol
POS, R, NN = open_(0, sp.oo), open_(-sp.oo, sp.oo), closed(0, sp.oo)
fam_const = sgd_smooth_well.bind(schedule="constant")
fam_star = sgd_smooth_well.bind(schedule="constant", eta_rule="star")
fam_bdd = sgd_smooth_well.bind(bounded=True)
fam_bdd_sqrt = sgd_smooth_well.bind(bounded=True, schedule="sqrt")
K = {k: S(k) for k in ("H", "Delta", "sigma", "T", "eta", "c", "eta_T", "L_1", "E_L_last", "sum_eta_Eg2", "sum_eta2", "E_L_2",
                       "g1_sq", "eta_1", "logT", "G2_printed", "G2_second", "avg_Eg2", "E_grad", "root_avg_Eg2", "sum_Eg2", "d1_full", "dT_full", "dT_half")}

# ---------------------------------------------------------------- symbols of the symbolic steps
Hp, Dp, sp_, Tp, ep = sp.symbols("H Delta sigma T eta", positive=True)
Lw, Ln, g2, Eg2, Egn2 = sp.symbols("EL_t EL_next Egrad2 Eg2 Egnorm2", real=True)
L1, LT1, Linf, Sg = sp.symbols("L_1 L_T1 L_inf Sum_Egrad2", real=True)
gL, M_, q_ = sp.symbols("gradL M q", real=True)
bound61 = 2 * Dp / ep + Hp * Tp * ep * sp_**2
eta_star = sp.sqrt(Dp) / (sp_ * sp.sqrt(Hp * Tp))
rr = sp.Symbol("r", nonnegative=True)  # r = √(ΔHT)

_HYP61 = ["L H-smooth, E_z‖∇ℓ(w, z) − ∇L(w)‖² ≤ σ² for all w, fixed η ≤ 1/H; SGD (the update of Algorithms 2 and 3)",
          "reading: Δ = L(w_1) − inf L as in Theorem 5.8 (Theorem 6.1 uses Δ without defining it)",
          "instances: L(w) = c w²/2 − a e^{−bw²/2} on R (H = c + ab, inf L = −a, non-convex for small c); ∇ℓ(w, z) = ∇L(w) + ξ "
          "with ξ mean-zero two-point (M w.p. q), σ² = qM²/(1 − q) exactly; expectations exact over all 2^T paths "
          "(T ≤ 5 quick, 10 thorough), replayed at 50 digits"]
_HYP62 = ["L H-smooth, E_z[‖∇ℓ(w, z)‖] ≤ G² for all w (as printed: the norm, not its square), η_1 ≥ … ≥ η_T deterministic",
          "reading: Δ = L(w_1) − inf L as in Theorem 5.8",
          "instances: L(w) = −a e^{−bw²/2} (H = ab, |∇L| ≤ a√b e^{−1/2}; the family is bound with c = 0, so a drawn c is ignored, "
          "and a bound schedule replaces the drawn one), ∇ℓ = ∇L + ξ with ξ mean-zero two-point (M w.p. q); "
          "the printed hypothesis holds with G² = a√b e^{−1/2} + E|ξ| = sup∇ + 2qM; η_t = frac/H constant or /√t; "
          "expectations exact over all 2^T paths"]
_CORR62 = "E_z[‖∇ℓ(w, z)‖²] ≤ G² (the assumption line 1077 states): then G² = sup|∇L|² + Eξ² on the same instances"

# the proof of Theorem 6.1's first part, composed
st_sum = ProofStep(1045, Sg, "<=", bound61,
                   Semialgebraic(Sg, "<=", bound61, {Sg: R, L1: R, LT1: R, Linf: R, ep: POS, Hp: POS, Tp: POS, sp_: POS, Dp: POS},
                                 given=(LT1 - L1 <= -ep / 2 * Sg + Tp * Hp * ep**2 * sp_**2 / 2, sp.Eq(Dp, L1 - Linf), LT1 >= Linf)),
                   part="proof, line 1045")
compose61 = ProofComposition(Sg, "<=", bound61, (st_sum,), part="proof composes (line 1045)")

CLAIMS = [
    claim("Alg 3@L994", 994, "stochastic gradient descent (again)", "algorithm", "w_{t+1} = w_t − η∇ℓ(w_t, z_t)", end_line=1004,
          printed="### Algorithm 3 Stochastic Gradient Descent",
          hypotheses=["the label 'Algorithm 3' is printed again here for SGD (Algorithm 3 at line 385 is SGD for ERM with shuffling; "
                      "Algorithm 2 at line 287 is this SGD); noiseless case run by the reference engine as heavy ball with β = 0 on "
                      "w²/2, η = 1/2; with noise it is sgd_paths of the Theorem 6.1/6.2 families"],
          checks=[Pseudocode("heavy_ball", {"eta": 0.5, "beta": 0.0})]),
    claim("Thm 6.1", 1009, "non-convex SGD, fixed learning rate", "expectation bound",
          "Σ_{t=1}^T E‖∇L(w_t)‖² ≤ 2Δ/η + HTησ²", end_line=1011, hypotheses=_HYP61,
          symbols={"Delta": Dp, "eta": eta, "H": H, "T": T, "sigma": sigma}, bound=2 * Dp / eta + H * T * eta * sigma**2,
          checks=[InstanceSearch(Measured(fam_const, "sum_Eg2"), 2 * K["Delta"] / K["eta"] + K["H"] * K["T"] * K["eta"] * K["sigma"] ** 2),
                  st_sum, compose61]),
    claim(None, 1015, "Theorem 6.1 with η = min(1/H, √Δ/(σ√(HT)))", "expectation bound",
          "Σ_t E‖∇L(w_t)‖² ≤ 2ΔH + 3σ√(ΔHT)", hypotheses=_HYP61,
          checks=[InstanceSearch(Measured(fam_star, "sum_Eg2"), 2 * K["Delta"] * K["H"] + 3 * K["sigma"] * sp.sqrt(K["Delta"] * K["H"] * K["T"]))]),
    claim(None, 1019, "Theorem 6.1: the random iterate", "expectation bound",
          "E‖∇L(ŵ)‖ ≤ √(2ΔH)/√T + √(3σ√(ΔH))/T^{1/4}", hypotheses=_HYP61,
          checks=[InstanceSearch(Measured(fam_star, "E_grad"), sp.sqrt(2 * K["Delta"] * K["H"]) / sp.sqrt(K["T"])
                                 + sp.sqrt(3 * K["sigma"] * sp.sqrt(K["Delta"] * K["H"])) / K["T"] ** sp.Rational(1, 4))]),
    claim(None, 1025, "proof of Theorem 6.1: one step", "inequality",
          "L(w_{t+1}) ≤ L(w_t) + ⟨∇L(w_t), w_{t+1} − w_t⟩ + (L/2)‖w_{t+1} − w_t‖² = L(w_t) − η⟨∇L(w_t), g_t⟩ + (Hη²/2)‖g_t‖²",
          hypotheses=["reading: L/2 is H/2 (the smoothness constant)", "Lemma 5.6 at v = −ηg_t on the well family; the equality "
                      "is the update"],
          checks=[InstanceSearch(Measured(smooth_well_point, "L_w_plus_v"), S("lemma56_rhs"), part="Lemma 5.6"),
                  Identity(gL * (-ep * S("g")) + Hp / 2 * (ep * S("g")) ** 2, -ep * gL * S("g") + Hp * ep**2 / 2 * S("g") ** 2, part="update")]),
    claim(None, 1029, "proof of Theorem 6.1: in expectation", "expectation bound",
          "E L(w_{t+1}) ≤ E L(w_t) − ηE⟨∇L(w_t), g_t⟩ + (Lη²/2)E‖g_t‖²",
          hypotheses=["the expectation of line 1025 (monotone, linear); one SGD step on the Theorem 6.1 instances, written "
                      "E L(w_2) − L(w_1) + η∇L(w_1)² ≤ (Hη²/2)(∇L(w_1)² + σ²)"] + _HYP61[2:],
          checks=[InstanceSearch(Measured(fam_const, "d1_full"), K["H"] * K["eta_1"] ** 2 / 2 * (K["g1_sq"] + K["sigma"] ** 2))]),
    claim(None, 1033, "proof of Theorem 6.1: unbiasedness", "identity", "= E L(w_t) − ηE‖∇L(w_t)‖² + (Hη²/2)E‖g_t‖²",
          hypotheses=["E[⟨∇L(w_t), g_t⟩ | w_t] = ‖∇L(w_t)‖² for g_t = ∇L(w_t) + ξ, ξ = M w.p. q, −qM/(1 − q) otherwise"],
          checks=[Identity(q_ * gL * (gL + M_) + (1 - q_) * gL * (gL - q_ * M_ / (1 - q_)), gL**2)]),
    claim(None, 1037, "proof of Theorem 6.1: bias–variance", "inequality",
          "≤ E L − ηE‖∇L‖² + (Hη²/2)E[‖∇L‖² + σ²] = E L − η(1 − ηL/2)E‖∇L‖² + Hη²σ²/2",
          hypotheses=["E‖g_t‖² = ‖∇L‖² + E‖ξ‖² ≤ ‖∇L‖² + σ² (two-point ξ, exact); reading: L in ηL/2 is H"],
          checks=[Identity(q_ * (gL + M_) ** 2 + (1 - q_) * (gL - q_ * M_ / (1 - q_)) ** 2, gL**2 + q_ * M_**2 / (1 - q_), part="bias–variance"),
                  Identity(Lw - ep * g2 + Hp * ep**2 / 2 * (g2 + sp_**2), Lw - ep * (1 - ep * Hp / 2) * g2 + Hp * ep**2 * sp_**2 / 2,
                           part="rearranged")]),
    claim(None, 1041, "proof of Theorem 6.1: η ≤ 1/L", "inequality", "≤ E L(w_t) − (η/2)E‖∇L(w_t)‖² + Hη²σ²/2",
          hypotheses=["reading: 1/L is 1/H"],
          checks=[Semialgebraic(Lw - ep * (1 - ep * Hp / 2) * g2 + Hp * ep**2 * sp_**2 / 2, "<=", Lw - ep / 2 * g2 + Hp * ep**2 * sp_**2 / 2,
                                {Lw: R, g2: NN, ep: POS, Hp: POS, sp_: POS}, given=(ep <= 1 / Hp,))]),
    claim(None, 1045, "proof of Theorem 6.1: summing and telescoping", "inequality",
          "E[L(w_{T+1}) − L(w_1)] ≤ −Σ_t (η/2)E‖∇L‖² + Hη²σ²/2; Σ_t E‖∇L(w_t)‖² ≤ 2Δ/η + HTησ²",
          hypotheses=["reading: the sum covers both terms (as at line 232), so the σ term is THη²σ²/2; L(w_{T+1}) ≥ inf L"] + _HYP61[2:],
          checks=[st_sum.check,
                  InstanceSearch(Measured(fam_const, "dT_half"), K["T"] * K["H"] * K["eta"] ** 2 * K["sigma"] ** 2 / 2, part="first line")]),
    claim(None, 1049, "proof of Theorem 6.1: case η = 1/H", "identity", "2Δ/η + HTησ² = 2ΔH + HTησ² at η = 1/H",
          checks=[Identity((2 * Dp / ep).subs(ep, 1 / Hp), 2 * Dp * Hp)]),
    claim(None, 1053, "proof of Theorem 6.1: η ≤ √Δ/(σ√(HT))", "inequality", "HTησ² ≤ σ√(ΔHT)",
          hypotheses=["r = √(ΔHT) ≥ 0 with r² = ΔHT"],
          checks=[Semialgebraic(Hp * Tp * ep * sp_**2, "<=", sp_ * rr, {Hp: POS, Tp: POS, ep: POS, sp_: POS, Dp: POS, rr: NN},
                                given=(sp.Eq(rr**2, Dp * Hp * Tp), ep * sp_ * sp.sqrt(Hp * Tp) <= sp.sqrt(Dp)))]),
    claim(None, 1057, "proof of Theorem 6.1: first case", "inequality", "Σ_t E‖∇L(w_t)‖² ≤ 2ΔH + σ√(ΔHT)",
          hypotheses=["η = 1/H ≤ √Δ/(σ√(HT)); r = √(ΔHT)"],
          checks=[Semialgebraic(bound61.subs(ep, 1 / Hp), "<=", 2 * Dp * Hp + sp_ * rr, {Hp: POS, Tp: POS, sp_: POS, Dp: POS, rr: NN},
                                given=(sp.Eq(rr**2, Dp * Hp * Tp), sp_ * sp.sqrt(Hp * Tp) <= Hp * sp.sqrt(Dp)))]),
    claim(None, 1061, "proof of Theorem 6.1: second case", "identity", "2Δ/η + HTησ² = 3σ√(ΔHT) at η = √Δ/(σ√(HT))",
          checks=[Identity(bound61.subs(ep, eta_star), 3 * sp_ * sp.sqrt(Dp * Hp * Tp), part="the printed value"),
                  ParameterChoice(bound61, ep, sp.sqrt(2 * Dp / (Hp * Tp * sp_**2)),
                                  {Dp: closed(sp.Rational(1, 10), 10), Hp: closed(sp.Rational(1, 10), 10), Tp: closed(1, 1000),
                                   sp_: closed(sp.Rational(1, 10), 10)}, (sp.Rational(1, 10**6), 100),
                                  part="the η minimising 2Δ/η + HTησ² is √(2Δ/(HTσ²)) (first-order condition); the printed "
                                       "choice gives 3σ√(ΔHT), the minimum 2√2σ√(ΔHT)")]),
    claim(None, 1065, "proof of Theorem 6.1: the larger of the two", "inequality",
          "Σ_t E‖∇L(w_t)‖² ≤ 2ΔH + 3σ√(ΔHT)", hypotheses=["max(2ΔH + σr, 3σr) ≤ 2ΔH + 3σr, r = √(ΔHT) ≥ 0"],
          checks=[Semialgebraic(sp.Max(2 * Dp * Hp + sp_ * rr, 3 * sp_ * rr), "<=", 2 * Dp * Hp + 3 * sp_ * rr,
                                {Dp: POS, Hp: POS, sp_: POS, rr: NN})]),
    claim(None, 1069, "proof of Theorem 6.1: Jensen and √(a + b) ≤ √a + √b", "inequality",
          "E‖∇L(ŵ)‖ ≤ √((1/T)Σ_t E‖∇L(w_t)‖²) ≤ √(2ΔH/T + 3σ√(ΔH)/√T) ≤ √(2ΔH)/√T + √(3σ√(ΔH))/T^{1/4}",
          hypotheses=_HYP61[2:],
          checks=[InstanceSearch(Measured(fam_const, "E_grad"), K["root_avg_Eg2"], part="Jensen"),
                  Semialgebraic(sp.sqrt(S("x", nonnegative=True) + S("y", nonnegative=True)), "<=",
                                sp.sqrt(S("x", nonnegative=True)) + sp.sqrt(S("y", nonnegative=True)),
                                {S("x", nonnegative=True): NN, S("y", nonnegative=True): NN}, part="√(a + b) ≤ √a + √b")]),
    claim("Thm 6.2", 1080, "non-convex SGD, decreasing learning rates", "expectation bound",
          "(1/T)Σ_t E‖∇L(w_t)‖² ≤ Δ/(Tη_T) + HG²/(2Tη_T) Σ_t η_t²", end_line=1082, hypotheses=_HYP62,
          checks=[InstanceSearch(Measured(fam_bdd, "avg_Eg2"), K["Delta"] / (K["T"] * K["eta_T"])
                                 + K["H"] * K["G2_printed"] / (2 * K["T"] * K["eta_T"]) * K["sum_eta2"])],
          notes="E‖∇ℓ‖ ≤ G² does not bound E‖∇ℓ‖², which the proof's third line (1094) uses; line 1077 states the squared form",
          corrected=Corrected(f"the same bound under {_CORR62}", "the proof uses E‖g_t‖² ≤ G² at line 1094",
                              checks=[InstanceSearch(Measured(fam_bdd, "avg_Eg2"), K["Delta"] / (K["T"] * K["eta_T"])
                                                     + K["H"] * K["G2_second"] / (2 * K["T"] * K["eta_T"]) * K["sum_eta2"])])),
    claim(None, 1086, "Theorem 6.2 with η_t = c/√t", "expectation bound",
          "(1/T)Σ_t E‖∇L(w_t)‖² ≤ Δ/(c√T) + HG²c(1 + log T)/(2√T)", hypotheses=_HYP62 + ["η_t = c/√t, c = frac/H"],
          checks=[InstanceSearch(Measured(fam_bdd_sqrt, "avg_Eg2"), K["Delta"] / (K["c"] * sp.sqrt(K["T"]))
                                 + K["H"] * K["G2_printed"] * K["c"] * (1 + K["logT"]) / (2 * sp.sqrt(K["T"])))],
          notes="false because Theorem 6.2's hypothesis as printed is (E‖∇ℓ‖ ≤ G²)",
          corrected=Corrected(f"the same bound under {_CORR62}", "as Theorem 6.2",
                              checks=[InstanceSearch(Measured(fam_bdd_sqrt, "avg_Eg2"), K["Delta"] / (K["c"] * sp.sqrt(K["T"]))
                                                     + K["H"] * K["G2_second"] * K["c"] * (1 + K["logT"]) / (2 * sp.sqrt(K["T"]))),
                                      ParameterChoice(Dp / (S("c", positive=True) * sp.sqrt(Tp)) + Hp * S("G2", positive=True) * S("c", positive=True)
                                                      * (1 + S("l", positive=True)) / (2 * sp.sqrt(Tp)), S("c", positive=True),
                                                      sp.sqrt(2 * Dp / (Hp * S("G2", positive=True) * (1 + S("l", positive=True)))),
                                                      {Dp: closed(sp.Rational(1, 10), 10), Hp: closed(sp.Rational(1, 10), 10),
                                                       S("G2", positive=True): closed(sp.Rational(1, 10), 10), Tp: closed(1, 1000),
                                                       S("l", positive=True): closed(0, 10)}, (sp.Rational(1, 10**6), 100),
                                                      part="c = √(2Δ/(HG²(1 + log T))) minimises the bound (line 1077: knowing G sets c)")])),
    claim(None, 1090, "Theorem 6.2: the random iterate", "expectation bound",
          "E‖∇L(ŵ)‖ ≤ √(Δ/c + G²cH(1 + log(T)/2))/T^{1/4}", hypotheses=_HYP62 + ["η_t = c/√t, c = frac/H"],
          checks=[InstanceSearch(Measured(fam_bdd_sqrt, "E_grad"),
                                 sp.sqrt(K["Delta"] / K["c"] + K["G2_printed"] * K["c"] * K["H"] * (1 + K["logT"] / 2)) / K["T"] ** sp.Rational(1, 4))],
          notes="false because Theorem 6.2's hypothesis as printed is (E‖∇ℓ‖ ≤ G²)",
          corrected=Corrected(f"the same bound under {_CORR62}", "as Theorem 6.2; G²cH(1 + log(T)/2) ≥ G²cH(1 + log T)/2, so the "
                              "square root of line 1086 is within it",
                              checks=[InstanceSearch(Measured(fam_bdd_sqrt, "E_grad"),
                                                     sp.sqrt(K["Delta"] / K["c"] + K["G2_second"] * K["c"] * K["H"] * (1 + K["logT"] / 2))
                                                     / K["T"] ** sp.Rational(1, 4)),
                                      Semialgebraic(S("G2", positive=True) * S("c", positive=True) * Hp * (1 + S("l", nonnegative=True) / 2), ">=",
                                                    Hp * S("G2", positive=True) * S("c", positive=True) * (1 + S("l", nonnegative=True)) / 2,
                                                    {S("G2", positive=True): POS, S("c", positive=True): POS, Hp: POS, S("l", nonnegative=True): NN},
                                                    part="the printed constant dominates √ of line 1086")])),
    claim(None, 1094, "proof of Theorem 6.2: one step in expectation", "expectation bound",
          "E L(w_{t+1}) ≤ E L(w_t) − η_t E‖∇L(w_t)‖² + Hη_t²G²/2", hypotheses=_HYP62,
          checks=[InstanceSearch(Measured(fam_bdd, "d1_full"), K["H"] * K["eta_1"] ** 2 * K["G2_printed"] / 2)],
          notes="uses E‖g_t‖² ≤ G², which the printed hypothesis E‖g_t‖ ≤ G² does not give",
          corrected=Corrected(f"the same step under {_CORR62}", "E‖g_t‖² ≤ G²",
                              checks=[InstanceSearch(Measured(fam_bdd, "d1_full"), K["H"] * K["eta_1"] ** 2 * K["G2_second"] / 2)])),
    claim(None, 1098, "proof of Theorem 6.2: summed", "expectation bound",
          "E L(w_{T+1}) ≤ E L(w_1) − Σ_t η_t E‖∇L(w_t)‖² + Hη_t²G²/2",
          hypotheses=_HYP62 + ["reading: the sum covers both terms (as at line 232)"],
          checks=[InstanceSearch(Measured(fam_bdd, "dT_full"), K["H"] * K["G2_printed"] / 2 * K["sum_eta2"])],
          notes="false because line 1094 is under the printed hypothesis",
          corrected=Corrected(f"the same under {_CORR62}", "as line 1094",
                              checks=[InstanceSearch(Measured(fam_bdd, "dT_full"), K["H"] * K["G2_second"] / 2 * K["sum_eta2"])])),
    claim(None, 1102, "proof of Theorem 6.2: η_T ≤ η_t", "inequality",
          "≤ E L(w_1) − η_T Σ_t E‖∇L(w_t)‖² + (HG²/2)Σ_t η_t²",
          hypotheses=["termwise: η_T ≤ η_t and E‖∇L(w_t)‖² ≥ 0"],
          checks=[Semialgebraic(-S("eta_t", positive=True) * g2, "<=", -S("eta_T", positive=True) * g2,
                                {S("eta_t", positive=True): POS, S("eta_T", positive=True): POS, g2: NN},
                                given=(S("eta_T", positive=True) <= S("eta_t", positive=True),))]),
    claim(None, 1106, "proof of Theorem 6.2: rearranged", "inequality",
          "(1/T)Σ_t E‖∇L(w_t)‖² ≤ (E[L(w_1)] − L(w_{T+1}))/(Tη_T) + HG²/(2Tη_T) Σ_t η_t²",
          hypotheses=["reading: the numerator is E[L(w_1) − L(w_{T+1})]; from line 1102, dividing by Tη_T > 0"],
          checks=[Semialgebraic(Sg / Tp, "<=", (L1 - LT1) / (Tp * S("eta_T", positive=True)) + S("B", nonnegative=True) / (Tp * S("eta_T", positive=True)),
                                {Sg: NN, Tp: POS, L1: R, LT1: R, S("eta_T", positive=True): POS, S("B", nonnegative=True): NN},
                                given=(LT1 <= L1 - S("eta_T", positive=True) * Sg + S("B", nonnegative=True),))]),
    claim(None, 1112, "harmonic sum", "inequality", "Σ_{t=1}^T 1/t = 1 + Σ_{t=2}^T 1/t ≤ 1 + ∫_1^T dt/t = 1 + log T",
          hypotheses=["termwise 1/t ≤ ∫_{t−1}^t ds/s = log t − log(t − 1) for t ≥ 2 (interval proof on [2, 10⁶]); "
                      "the integral's value exactly"],
          checks=[Identity(sp.Sum(1 / S("k", integer=True, positive=True), (S("k", integer=True, positive=True), 1, T)),
                           1 + sp.Sum(1 / S("k", integer=True, positive=True), (S("k", integer=True, positive=True), 2, T)),
                           domain={T: integers(1, 50)}, part="peel the first term"),
                  Inequality(1 / S("t", positive=True), "<=", sp.log(S("t", positive=True)) - sp.log(S("t", positive=True) - 1),
                             {S("t", positive=True): closed(2, 10**6)}, part="1/t ≤ log t − log(t − 1)"),
                  Identity(sp.integrate(1 / S("s", positive=True), (S("s", positive=True), 1, Tp)), sp.log(Tp), part="∫_1^T dt/t = log T")]),
    claim(None, 1116, "proof of Theorem 6.2: η_t = c/√t", "inequality",
          "… = Δ/(c√T) + cHG²/(2√T) Σ_t 1/√t ≤ Δ/(c√T) + cHG²(1 + log T)/(2√T)",
          hypotheses=["η_t = c/√t, η_T = c/√T: HG²/(2Tη_T) Σ_t η_t² = cHG²/(2√T) Σ_t 1/t; the printed middle line has Σ_t 1/√t",
                      "checked at every T in 1 … 30 (the summation made concrete)"],
          checks=[Identity(Hp * S("G2", positive=True) / (2 * Tp * S("c", positive=True) / sp.sqrt(Tp))
                           * sp.Sum((S("c", positive=True) / sp.sqrt(S("k", integer=True, positive=True))) ** 2, (S("k", integer=True, positive=True), 1, Tp)),
                           S("c", positive=True) * Hp * S("G2", positive=True) / (2 * sp.sqrt(Tp))
                           * sp.Sum(1 / sp.sqrt(S("k", integer=True, positive=True)), (S("k", integer=True, positive=True), 1, Tp)),
                           domain={Tp: integers(2, 30)}, part="the middle equality (Σ 1/√t)")],
          notes="the last inequality needs Σ 1/t (line 1112), not Σ 1/√t ≥ 2√T − 2, which exceeds 1 + log T from T = 4 on",
          corrected=Corrected("… = Δ/(c√T) + cHG²/(2√T) Σ_t 1/t ≤ Δ/(c√T) + cHG²(1 + log T)/(2√T)",
                              "Σ_t η_t² = c² Σ_t 1/t",
                              checks=[Identity(Hp * S("G2", positive=True) / (2 * Tp * S("c", positive=True) / sp.sqrt(Tp))
                                               * sp.Sum((S("c", positive=True) / sp.sqrt(S("k", integer=True, positive=True))) ** 2, (S("k", integer=True, positive=True), 1, Tp)),
                                               S("c", positive=True) * Hp * S("G2", positive=True) / (2 * sp.sqrt(Tp))
                                               * sp.Sum(1 / S("k", integer=True, positive=True), (S("k", integer=True, positive=True), 1, Tp)),
                                               domain={Tp: integers(2, 30)})])),
]
