"""003 section 12 (lines 1749–1875): tracking the variance — Algorithms 8 and 9, Theorem 12.1.

Root cause of the refutations of Theorem 12.1: its proof bounds Σ_t η_t²‖g_t‖² by Σ_t ‖g_t‖²/(tA_t) (line 1859),
dropping c² (η_t² = c²/B_t ≤ c²/(tA_t)), and bounds min_t η_t below by √(1 − β)/(ε + G√T) (line 1871), dropping
c; both statements of the theorem inherit the missing powers of c.
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, Identity, Induction, Inequality, InstanceSearch, Limit, LengthInduction, NotCheckable, Scaling, Semialgebraic, Simulation
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import NONNEG, G, G_ell, G_L, L_w1, Delta, E, c, eta0, _u
from optverify.claims.specs import Range
from optverify.counterexamples.adaptive_sgd_mc import AdaptiveSGDRuns
from optverify.counterexamples.families.adaptive_sgd_exact import adaptive_sgd_alg9, adaptive_sgd_huber
from optverify.counterexamples.families.ema_nonconvergence import ema_tails
from optverify.counterexamples.schema import Measured
from optverify.notation import beta, eps, eta

ALG9 = adaptive_sgd_alg9
N, V, Lt, s2 = sp.symbols("N V L_t s2", nonnegative=True)  # ‖∇L(w_t)‖², E‖g_t − ∇L(w_t)‖², L(w_t), σ_t²
POS = Range(sp.Integer(0), sp.oo, True)
HYP_12 = [
    "L is H-smooth and G_L-Lipschitz, g_t = ∇ℓ(w_t, z_t), E[g_t | past] = ∇L(w_t); E[max_t ‖g_t‖] ≤ G_ℓ (the smallest, computed)",
    "η_0 (not defined in the statement) read as c/ε, the deterministic η_0 ≥ η_1 of Theorem 10.1 (B_1 ≥ ε²)",
    "G (not defined in the statement) read as the almost-sure bound ‖g_t‖ ≤ G the proof uses at line 1869 (G ≥ G_L)",
    "checked on: 1-D Huber with two-point noise, expectations exact over the 2^T paths (T ≤ 4 quick, 8 thorough), and Monte Carlo "
    "of the engine's adaptive_sgd_ema_corrected kernel",
]
THM_12_1 = L_w1 - E["E_sum_etaprev_grad2"] + H / 2 * (1 + sp.log(T)) + eta0 * G_L * G_ell
THM_12_1_CORR = L_w1 - E["E_sum_etaprev_grad2"] + H * c**2 / 2 * (1 + sp.log(T)) + eta0 * G_L * G_ell
THM_12_1b = (Delta + H / 2 * (1 + sp.log(T)) + eta0 * G_L * G_ell) * (eps + G * sp.sqrt(T)) / sp.sqrt(1 - beta)
THM_12_1b_CORR = (Delta + H * c**2 / 2 * (1 + sp.log(T)) + eta0 * G_L * G_ell) * (eps + G * sp.sqrt(T)) / (c * sp.sqrt(1 - beta))
SYM_12 = {s.name: s for s in (L_w1, H, T, eta0, G_L, G_ell, E["E_sum_etaprev_grad2"], c)}
SYM_12b = {s.name: s for s in (Delta, H, T, eta0, G_L, G_ell, eps, G, beta, c)}
RUNS_12 = dict(c=1.0, eps=0.1, beta=0.9)
MISSING_C2 = "the proof drops c² from η_t² = c²/B_t at line 1859"
_P, _N = sp.symbols("P N", positive=True)
# kinds for the scaling analysis (loss × a, parameters × b): both corrected bounds transform like what they bound
SCALING_12 = {E["E_L_T1"]: "loss", L_w1: "loss", E["E_sum_etaprev_grad2"]: "loss", H: "hess", c: "param", T: "none", eta0: "step",
              G_L: "grad", G_ell: "grad", E["E_sum_grad2"]: "grad2", Delta: "loss", eps: "grad", G: "grad", beta: "none"}
_Ps, _Ls, _Ns, _L1 = sp.symbols("P Lt N L1", real=True)

CLAIMS = [
    claim(None, 1753, "one step of SGD on an H-smooth loss", "inequality",
          "E[L(w_{t+1})] ≤ E[L(w_t) − η⟨g_t, ∇L(w_t)⟩ + (Hη²/2)‖g_t‖²]",
          hypotheses=["checked pathwise on the exact Huber family (any step size the algorithms produce): the largest "
                      "L(w_{t+1}) − [L(w_t) − η_t⟨∇L, g_t⟩ + (H/2)η_t²‖g_t‖²] over all paths and t"],
          checks=[InstanceSearch(Measured(adaptive_sgd_huber, "gap_1455"), sp.Integer(0))]),
    claim(None, 1757, "bias–variance with η independent of g_t", "identity",
          "E[L(w_t) − η⟨g_t, ∇L⟩ + (Hη²/2)‖g_t‖²] = E[L(w_t) − (η − Hη²/2)‖∇L‖² + (Hη²/2)‖g_t − ∇L‖²]",
          hypotheses=["η deterministic (independent of g_t): E⟨g_t, ∇L⟩ = ‖∇L‖² = N and E‖g_t‖² = N + V (Proposition 10.4)"],
          checks=[Identity(Lt - eta * N + H * eta**2 / 2 * (N + V), Lt - (eta - H * eta**2 / 2) * N + H * eta**2 / 2 * V)]),
    claim(None, 1761, "η ≤ 1/H", "inequality", "… ≤ E[L(w_t) − (η/2)‖∇L(w_t)‖² + Hη²σ_t²/2]",
          checks=[Semialgebraic(Lt - (eta - H * eta**2 / 2) * N + H * eta**2 / 2 * s2, "<=", Lt - eta / 2 * N + H * eta**2 * s2 / 2,
                                {Lt: NONNEG, eta: POS, H: POS, N: NONNEG, s2: NONNEG}, given=(eta <= 1 / H,))]),
    claim(None, 1765, "the per-iterate best step min(1/H, ‖∇L‖²/(2Hσ_t²))", "inequality",
          "E[L(w_{t+1})] ≤ E[L(w_t) − min(‖∇L(w_t)‖²/(4H), ‖∇L(w_t)‖⁴/(8Hσ_t²))]",
          hypotheses=["η = min(1/H, ‖∇L(w_t)‖²/(2Hσ_t²)) in the bound of line 1761 (σ_t > 0)"],
          checks=[Semialgebraic(-sp.Min(1 / H, N / (2 * H * s2)) / 2 * N + H * sp.Min(1 / H, N / (2 * H * s2)) ** 2 * s2 / 2, "<=",
                                -sp.Min(N / (4 * H), N**2 / (8 * H * s2)), {H: POS, N: NONNEG, s2: POS})]),
    claim(None, 1769, "telescoping the per-step decrease", "inequality",
          "E[(1/T)Σ_t min(‖∇L‖²/(4H), ‖∇L‖⁴/(8Hσ_t²))] ≤ Δ/T",
          checks=[LengthInduction("T", state={_Ps: 0, _Ls: _L1}, element={_Ns: NONNEG}, params={_L1: NONNEG},
                                  given=(_Ls - _Ns >= 0,), update={_Ps: _Ps + _Ns, _Ls: _Ls - _Ns},
                                  invariant=(sp.Eq(_Ps + _Ls, _L1), _Ls >= 0), goal=sp.Le(_Ps, _L1),
                                  meaning={"P": "Σ_{τ≤t} E[min(…)_τ]", "Lt": "E[L(w_{t+1})] − L*, kept ≥ 0 (L* ≤ L)",
                                           "N": "the guaranteed decrease E[min(…)] of step t+1 (line 1765)", "L1": "Δ = L(w_1) − L*"},
                                  note="the decreases sum to at most L(w_1) − L* = Δ; divide by T")]),
    claim(None, 1773, "for a uniformly random iterate", "inequality",
          "E[min(‖∇L(ŵ)‖²/(4H), ‖∇L(ŵ)‖⁴/(8H E_z‖∇ℓ(ŵ, z) − ∇L(ŵ)‖²))] ≤ Δ/T",
          checks=[NotCheckable("the same statement as line 1769 with E over ŵ uniform on w_1 … w_T, i.e. (1/T)Σ_t: nothing beyond "
                               "line 1769 (decided there) to check")]),
    claim(None, 1781, "learning rate with the instantaneous variance", "definition", "η_t = min(1/H, √Δ/(σ_t√(TH)))",
          checks=[NotCheckable("a choice of learning rate (the oracle needs σ_t); nothing asserted")]),
    claim(None, 1785, "one step and the sum with η_t = min(1/H, √Δ/(σ_t√(TH)))", "inequality",
          "E[L(w_{t+1})] ≤ E[L(w_t) − (η_t/2)‖∇L(w_t)‖² + Δ/(2T)];  E[Σ_t η_t‖∇L(w_t)‖²] ≤ 3Δ",
          end_line=1785,
          checks=[Semialgebraic(H * sp.Min(1 / H, sp.sqrt(Delta) / (sp.sqrt(s2) * sp.sqrt(T * H))) ** 2 * s2 / 2, "<=", Delta / (2 * T),
                                {H: POS, Delta: POS, s2: POS, T: POS}, part="Hη_t²σ_t²/2 ≤ Δ/(2T)"),
                  Semialgebraic(_P, "<=", 3 * Delta, {_P: NONNEG, Delta: POS}, given=(_P / 2 <= Delta + Delta / 2,),
                                part="Σ η_t‖∇L‖²/2 ≤ Δ + T·Δ/(2T) gives Σ η_t‖∇L‖² ≤ 3Δ")]),
    claim(None, 1789, "for a uniformly random iterate", "inequality",
          "E[min(1/H, √Δ/√(E_z‖∇ℓ(ŵ,z) − ∇L(ŵ)‖² TH))‖∇L(ŵ)‖²] ≤ 3Δ/T",
          checks=[Semialgebraic(_P / T, "<=", 3 * Delta / T, {_P: NONNEG, Delta: POS, T: POS}, given=(_P <= 3 * Delta,),
                                note="E over ŵ uniform = (1/T)Σ_t; line 1785")]),
    claim(None, 1793, "for large T", "rate", "E[‖∇L(ŵ)‖²/E_z‖∇ℓ(ŵ, z) − ∇L(ŵ)‖²] ≤ O(1/√T)",
          checks=[NotCheckable("an O(·) expectation with unspecified constants (“we should expect”); what line 1789 gives for large T "
                               "is E[‖∇L(ŵ)‖²/σ(ŵ)] ≤ 3√(ΔH)/√T, with σ, not σ², in the denominator")]),
    claim(None, 1797, "EMA learning rate and its recursion", "identity",
          "η_t = c/√(ε² + Σ_{i≤t} β^{t−i}‖g_i‖²) = c/√(ε² + A_t) with A_t = βA_{t−1} + ‖g_t‖², A_0 = 0",
          hypotheses=["Algorithm 8's A_t (line 1809) is the printed EMA sum"],
          checks=[Induction(lambda n: sp.Sum(beta ** (n - sp.Symbol("i", integer=True, positive=True)) * sp.Function("g")(sp.Symbol("i", integer=True, positive=True)) ** 2,
                                             (sp.Symbol("i", integer=True, positive=True), 1, n)),
                            lambda prev, n: beta * prev + sp.Function("g")(n) ** 2, sp.Symbol("n", integer=True, positive=True), 1,
                            sp.Function("g")(1) ** 2)]),
    claim(
        "Alg 8", 1803, "Adaptive Stochastic Gradient Descent with EMA", "algorithm",
        "A_t = βA_{t−1} + ‖g_t‖², η_t = c/√(ε² + A_t), w_{t+1} = w_t − η_t g_t; run as printed it descends",
        end_line=1815,
        hypotheses=["engine kernel adaptive_sgd_ema; c = 1, ε = 0.1, β = 0.9"],
        symbols={"L_w1": L_w1}, bound=L_w1,
        checks=[Simulation(AdaptiveSGDRuns("alg8", "L_T1", **RUNS_12), BOUND, part="descends from w_1")],
    ),
    claim(
        None, 1821, "Algorithm 8 does not converge; the learning rates may increase", "existence",
        "the algorithm as described here does not actually converge … the learning rates η_t may increase",
        printed="Unfortunately, the algorithm as described here does not actually converge.",
        hypotheses=["tested: an instance where Algorithm 8's mean |∇L(w_t)| over t ∈ [T/2, T] stays above 3× that of Algorithm 9 "
                    "on the same noise-free loss and start (a witness replayed at 50 digits)"],
        symbols={"alg9_tail": sp.Symbol("alg9_tail", nonnegative=True)}, bound=3 * sp.Symbol("alg9_tail", nonnegative=True),
        checks=[InstanceSearch(ema_tails, BOUND, quantifier="exists")],
    ),
    claim(
        "Alg 9", 1825, "Corrected Adaptive Stochastic Gradient Descent with EMA", "algorithm",
        "A_t = βA_{t−1} + ‖g_t‖², B_t = max(B_{t−1}, tA_t), B_0 = ε², η_t = c/√B_t; η_t is non-increasing and it descends",
        end_line=1839,
        hypotheses=["engine kernel adaptive_sgd_ema_corrected; c = 1, ε = 0.1, β = 0.9 in the simulation"],
        symbols={"L_w1": L_w1}, bound=L_w1,
        checks=[Simulation(AdaptiveSGDRuns("alg9", "L_T1", **RUNS_12), BOUND, part="descends from w_1"),
                LengthInduction("T", state={_P: eps**2}, element={_N: NONNEG}, params={eps: POS},
                                update={_P: sp.Max(_P, _N)}, invariant=(_P >= eps**2,), goal=sp.Ge(_P, eps**2),
                                part="B_t is non-decreasing (so η_t = c/√B_t is non-increasing, as Theorem 10.1 needs)",
                                meaning={"P": "B_t", "N": "tA_t ≥ 0"}),
                Semialgebraic(sp.Max(_P, _N), ">=", _P, {_P: POS, _N: NONNEG},
                              part="B_t is non-decreasing (so η_t = c/√B_t is non-increasing, as Theorem 10.1 needs)")],
    ),
    claim(
        "Thm 12.1", 1845, "convergence guarantee of Algorithm 9", "expectation bound",
        "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖²] + (H/2)(1 + log T) + η_0 G_L G_ℓ",
        end_line=1847, hypotheses=HYP_12, symbols=SYM_12, bound=THM_12_1,
        checks=[InstanceSearch(Measured(ALG9, "E_L_T1"), BOUND),
                Simulation(AdaptiveSGDRuns("alg9", "L_T1", ("sum_etaprev_grad2",), **RUNS_12), BOUND)],
        corrected=Corrected("the same with (Hc²/2)(1 + log T)", MISSING_C2,
                            [InstanceSearch(Measured(ALG9, "E_L_T1"), THM_12_1_CORR),
                             Scaling(E["E_L_T1"], THM_12_1_CORR, SCALING_12),
                             Simulation(AdaptiveSGDRuns("alg9", "L_T1", ("sum_etaprev_grad2",), c=5.0, eps=0.1, beta=0.9), THM_12_1_CORR)],
                            bound=THM_12_1_CORR),
        notes=MISSING_C2 + " (a large c overshoots at T = 1: w_2 = w_1 − c·sign(g_1))",
    ),
    claim(
        None, 1851, "Theorem 12.1, second bound", "expectation bound",
        "E[Σ_t‖∇L(w_t)‖²] ≤ (Δ + (H/2)(1 + log T) + η_0 G_L G_ℓ)(ε + G√T)/√(1 − β)",
        hypotheses=HYP_12 + ["Δ = L(w_1) − L(w_*)"], symbols=SYM_12b, bound=THM_12_1b,
        checks=[InstanceSearch(Measured(ALG9, "E_sum_grad2"), BOUND),
                Simulation(AdaptiveSGDRuns("alg9", "sum_grad2", **RUNS_12), BOUND)],
        corrected=Corrected("E[Σ_t‖∇L(w_t)‖²] ≤ (Δ + (Hc²/2)(1 + log T) + η_0 G_L G_ℓ)(ε + G√T)/(c√(1 − β))",
                            MISSING_C2 + ", and min_t η_t ≥ c√(1 − β)/(ε + G√T) (line 1871 drops c)",
                            [InstanceSearch(Measured(ALG9, "E_sum_grad2"), THM_12_1b_CORR),
                             Scaling(E["E_sum_grad2"], THM_12_1b_CORR, SCALING_12),
                             Simulation(AdaptiveSGDRuns("alg9", "sum_grad2", **RUNS_12), THM_12_1b_CORR)],
                            bound=THM_12_1b_CORR),
        notes=MISSING_C2 + "; with a small c the iterates barely move and Σ_t‖∇L(w_t)‖² ≈ T‖∇L(w_1)‖² outgrows the printed bound",
    ),
    claim(None, 1857, "Theorem 10.1 for Algorithm 9", "expectation bound",
          "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖² + (H/2)Σ_t η_t²‖g_t‖²] + η_0 G_L G_ℓ",
          hypotheses=HYP_12 + ["η_t of Algorithm 9 is non-increasing and causal (Algorithm 9's claim)"],
          symbols={s.name: s for s in (L_w1, H, eta0, G_L, G_ell, E["E_sum_etaprev_grad2"], E["E_sum_eta2_g2"])},
          bound=L_w1 - E["E_sum_etaprev_grad2"] + H / 2 * E["E_sum_eta2_g2"] + eta0 * G_L * G_ell,
          checks=[InstanceSearch(Measured(ALG9, "E_L_T1"), BOUND)]),
    claim(None, 1861, "bounding Σ_t η_t²‖g_t‖² for Algorithm 9", "inequality",
          "Σ_t η_t²‖g_t‖² ≤ Σ_t ‖g_t‖²/(tA_t) ≤ ‖g_t‖²/(t‖g_t‖²) ≤ 1/t",
          end_line=1861,
          hypotheses=HYP_12 + ["read in expectation on the exact family (E_sum_g2_over_tA = E[Σ_t ‖g_t‖²/(tA_t)])"],
          symbols={"E_sum_g2_over_tA": sp.Symbol("E_sum_g2_over_tA", nonnegative=True)},
          bound=sp.Symbol("E_sum_g2_over_tA", nonnegative=True),
          checks=[InstanceSearch(Measured(ALG9, "E_sum_eta2_g2"), BOUND),
                  Semialgebraic(_N / (T * sp.Max(_P, _N)), "<=", 1 / T, {_N: POS, _P: NONNEG, T: POS},
                                part="‖g_t‖²/(tA_t) ≤ 1/t, since A_t = βA_{t−1} + ‖g_t‖² ≥ ‖g_t‖²")],
          corrected=Corrected("Σ_t η_t²‖g_t‖² ≤ c² Σ_t ‖g_t‖²/(tA_t) ≤ c² Σ_t 1/t ≤ c²(1 + log T)",
                              "η_t² = c²/B_t ≤ c²/(tA_t); the sum Σ_t 1/t ≤ 1 + log T is the sum-against-integral bound",
                              [InstanceSearch(Measured(ALG9, "E_sum_eta2_g2"), c**2 * sp.Symbol("E_sum_g2_over_tA", nonnegative=True)),
                               InstanceSearch(Measured(ALG9, "E_sum_eta2_g2"), c**2 * (1 + sp.log(T))),
                               Inequality(_u / (1 + _u), "<=", sp.log(1 + _u), {_u: NONNEG},
                                          part="1/t ≤ log t − log(t − 1) (u = 1/(t − 1)): interval proof"),
                               LengthInduction("T", state={_N: 1, _P: 1}, element={}, update={_N: _N + 1, _P: _P * (_N + 1) / _N},
                                               invariant=(_N >= 1, sp.Eq(_P, _N)), goal=sp.Eq(_P, _N),
                                               part="Π_{t=2}^T t/(t − 1) = T, so Σ_{t=2}^T log(t/(t−1)) = log T",
                                               meaning={"N": "T", "P": "Π_{t=2}^T t/(t−1)"})],
                              bound=c**2 * sp.Symbol("E_sum_g2_over_tA", nonnegative=True)),
          notes=MISSING_C2 + "; the chain's second and third members drop the sum over t (its conclusion, used at line 1865, "
                             "is Σ_t 1/t ≤ 1 + log T)"),
    claim(None, 1869, "the EMA is bounded", "inequality", "A_t ≤ G² Σ_{i=0}^{t−1} β^i ≤ G²/(1 − β)",
          hypotheses=HYP_12, symbols={"G": G, "beta": beta}, bound=G**2 / (1 - beta),
          checks=[InstanceSearch(Measured(ALG9, "max_A"), BOUND)]),
    claim(None, 1873, "Theorem 12.1's second bound at the end of the proof", "expectation bound",
          "E[Σ_t‖∇L(w_t)‖²] ≤ (Δ + (H/2)(1 + log T) + η_0 G_L G_ℓ)(ε + G√T)/√(1 − β)",
          hypotheses=HYP_12 + ["Δ = L(w_1) − L(w_*)"], symbols=SYM_12b, bound=THM_12_1b,
          checks=[InstanceSearch(Measured(ALG9, "E_sum_grad2"), BOUND)],
          notes="the same bound as line 1851; " + MISSING_C2),
]

CLAIMS += [
    claim(None, 1865, "therefore (the proof of Theorem 12.1)", "expectation bound",
          "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖²] + (H/2)(1 + log T) + η_0G_LG_ℓ; E[Σ_t η_{t−1}‖∇L‖²] ≤ Δ + …; "
          "E[(min_t η_t)Σ_t‖∇L‖²] ≤ Δ + (H/2)(1 + log T) + η_0G_LG_ℓ",
          end_line=1865, hypotheses=HYP_12, symbols=SYM_12, bound=THM_12_1,
          checks=[InstanceSearch(Measured(ALG9, "E_L_T1"), BOUND, part="first line"),
                  InstanceSearch(Measured(ALG9, "E_min_eta_sum_grad2"), Delta + H / 2 * (1 + sp.log(T)) + eta0 * G_L * G_ell, part="last line")],
          notes="the first line is Theorem 12.1's first bound; " + MISSING_C2),
]

grad_n, u_T, s2_at = sp.symbols("g u sigma2_hat", positive=True)  # ‖∇L(ŵ)‖, Δ/T, the variance at ŵ
CLAIMS += [
    claim(None, 1775, "‖∇L(ŵ)‖ = O(1/T^{1/4}) with the variance at ŵ", "property",
          "min(‖∇L(ŵ)‖²/(4H), ‖∇L(ŵ)‖⁴/(8Hσ̂²)) ≤ Δ/T gives ‖∇L(ŵ)‖⁴ ≤ max(16H²Δ²/T², 8HΔσ̂²/T), so ‖∇L(ŵ)‖ = O(T^{−1/4}) "
          "with a constant (8HΔσ̂²)^{1/4} in which σ̂² is the variance at ŵ",
          printed="This suggests that the point  $\\hat{\\mathbf{w}}$  has  $\\|\\nabla \\mathcal{L}(\\hat{\\mathbf{w}})\\| = O(1/T^{1/4})$",
          hypotheses=["'suggests' read as the pointwise implication from the quantity whose expectation line 1773 bounds: if "
                      "min(‖∇L(ŵ)‖²/(4H), ‖∇L(ŵ)‖⁴/(8Hσ̂²)) ≤ Δ/T, σ̂² = E_z‖∇ℓ(ŵ, z) − ∇L(ŵ)‖² (with probability ≥ 1 − δ it "
                      "holds with Δ/(δT), by Markov's inequality)",
                      "'the proportionality constant is related to the variance at ŵ': the bound's T^{−1/4} term has constant "
                      "(8HΔσ̂²)^{1/4}, with σ̂ at ŵ only, no sum over iterates"],
          checks=[Semialgebraic(grad_n**4, "<=", sp.Max(16 * H**2 * u_T**2, 8 * H * s2_at * u_T),
                                {grad_n: Range(sp.Integer(0), sp.oo, True), H: Range(sp.Integer(0), sp.oo, True),
                                 u_T: Range(sp.Integer(0), sp.oo, True), s2_at: Range(sp.Integer(0), sp.oo, True)},
                                given=(sp.Min(grad_n**2 / (4 * H), grad_n**4 / (8 * H * s2_at)) <= u_T,),
                                part="‖∇L(ŵ)‖⁴ ≤ max(16H²(Δ/T)², 8Hσ̂²Δ/T)"),
                  Limit(sp.sqrt(4 * H * Delta / T) + (8 * H * Delta * sigma**2 / T) ** sp.Rational(1, 4),
                        (8 * H * Delta * sigma**2) ** sp.Rational(1, 4) * T ** sp.Rational(-1, 4), T, sp.oo,
                        part="that bound on ‖∇L(ŵ)‖ is ≈ (8HΔσ̂²)^{1/4}/T^{1/4}: O(T^{−1/4}) with the variance at ŵ in the constant",
                        note="√(4HΔ/T) + (8HΔσ̂²/T)^{1/4} ≥ the fourth root of the max; σ here is σ̂, the variance at ŵ")]),
]
