"""003 section 23: variance reduction for convex finite sums — Lemma 23.1, Theorem 23.2, Algorithm 17 (SVRG).

Instances: least-squares finite sums on ℝ² with every expectation over z an exact average
(``ec500_finite_sum.finite_sum``); Algorithm 17 in exact expectation over all sample paths of
one-dimensional quadratic finite sums (``ec500_finite_sum.svrg_exact``); and the engine's kernel
``svrg`` over many seeds (``ec500_experiments.SVRGAverageGap``).
"""

from __future__ import annotations

import sympy as sp

from optverify import (BOUND, Corrected, Identity, InstanceSearch, NotCheckable, ProofStep, Scaling, Semialgebraic,
                       Simulation, closed, left_open)
from optverify.claims.ec500_notes_003._common import D, H, T, claim, eta
from optverify.counterexamples.ec500_experiments import SVRGAverageGap, SVRGKernelReplay
from optverify.counterexamples.families.ec500_finite_sum import finite_sum, svrg_exact
from optverify.counterexamples.schema import Measured
from optverify.notation import Delta

N = sp.Symbol("N", integer=True, positive=True)  # the number of training examples
c = sp.Symbol("c", positive=True)  # η = c/√N (Theorem 23.2)
HL = sp.Symbol("HL", positive=True)  # the smoothness of L itself (λ_max of its Hessian)
gap_w, gap_v = sp.symbols("gap_w gap_v", nonnegative=True)  # L(w) − L(w*), L(v) − L(w*)
E_centered, E_diff, grad_L_w_sq, H_nwv = sp.symbols("E_centered E_diff grad_L_w_sq H_nwv", nonnegative=True)
j, kk = sp.symbols("j k", integer=True, positive=True)
gw, gv = sp.Function("gw"), sp.Function("gv")  # ∇ℓ(w, z_j), ∇ℓ(v, z_j) (one coordinate)

FS = "each ℓ(·, z_j) = (⟨x_j, w⟩ − y_j)²/2 on ℝ², N ∈ 2…6, convex and H-smooth with H = max_j ‖x_j‖²; E over z is the exact average over j"
SVRG_EXACT = ("Algorithm 17 on ℓ(w, z_j) = a_j(w − c_j)²/2 (N ≤ 3, H = max_j a_j, η ≤ 1/(8H), T a multiple of N), "
              "expectations exact over all N^T sample paths")
LEMMA_RHS = 8 * H * gap_w + 4 * H * gap_v
THM_BOUND = sp.sqrt(N) * (8 * c * H * Delta + 2 / c * D**2) / T
NONNEG = closed(0, sp.oo)

A_, Sw, Sv, Sv2, V1, S1, S2 = sp.symbols("A S_w S_v S_v2 V_1 S S_prime", nonnegative=True)
a_seq = sp.Function("a")  # a_t = E‖w_t − w*‖²
w1_, w2_, g1_, g2_, s1_, s2_ = sp.symbols("w1 w2 g1 g2 ws1 ws2", real=True)
m_ = sp.Symbol("m", integer=True, positive=True)  # T = mN
RECALL = "recalls a rate proved earlier in the notes (encoded where it is proved); here an O(·) with no constants of its own"

CLAIMS = [
    claim(None, 3288, "full gradient descent, recalled", "rate", "L(w_T) − L(w*) ≤ O(1/T)", checks=[NotCheckable(RECALL)]),
    claim(None, 3292, "SGD, recalled", "rate", "(1/T)Σ_t E[L(w_t) − L(w*)] ≤ O(1/√T)", checks=[NotCheckable(RECALL)]),
    claim(None, 3282, "finite-sum objective", "definition", "L(w) = (1/N) Σ_i ℓ(w, z_i)",
          checks=[NotCheckable("a definition (the finite-sum objective)")]),
    claim(None, 3302, "the SVRG gradient estimate", "definition", "g = ∇ℓ(w, z) − ∇ℓ(v, z) + ∇L(v)",
          checks=[NotCheckable("a definition (the estimator); its properties are the claims at lines 3306 and 3318")]),
    claim(None, 3306, "the estimate is unbiased", "identity", "E[g] = ∇L(w) for z uniform on {z_1, …, z_N}",
          hypotheses=["z uniform on the N training points; one coordinate of the gradients, ∇ℓ(w, z_j) = gw(j), ∇ℓ(v, z_j) = gv(j)", FS],
          checks=[Identity(sp.Sum(gw(j) - gv(j) + sp.Sum(gv(kk), (kk, 1, N)) / N, (j, 1, N)) / N, sp.Sum(gw(j), (j, 1, N)) / N,
                           part="symbolic")]),
    claim(None, 3310, "component smoothness bounds the random part", "inequality", "‖∇ℓ(w, z) − ∇ℓ(v, z)‖ ≤ H‖w − v‖",
          hypotheses=["ℓ(·, z) H-smooth for every z", FS],
          checks=[InstanceSearch(Measured(finite_sum, "lipschitz_lhs"), H_nwv)]),
    claim("Lem 23.1", 3316, "variance of the SVRG estimate", "inequality",
          "E‖∇ℓ(w, z) − ∇ℓ(v, z) + ∇L(v)‖² ≤ 8H(L(w) − L(w*)) + 4H(L(v) − L(w*))", end_line=3318,
          hypotheses=["ℓ(·, z) convex and H-smooth for every z; w* the minimiser of L", FS],
          symbols={"H": H, "gap_w": gap_w, "gap_v": gap_v}, bound=LEMMA_RHS,
          checks=[InstanceSearch(finite_sum, BOUND),
                  Scaling(sp.Symbol("E_g_sq"), BOUND, {sp.Symbol("E_g_sq"): "grad2", H: "hess", gap_w: "loss", gap_v: "loss"}),
                  ProofStep(3334, 2 * (4 * H * (gap_w + gap_v)) + 4 * H * gap_w, "<=", LEMMA_RHS,
                            Semialgebraic(2 * (4 * H * (gap_w + gap_v)) + 4 * H * gap_w, "<=", LEMMA_RHS,
                                          {H: closed(0, sp.oo), gap_w: NONNEG, gap_v: NONNEG},
                                          note="the printed steps: line 3334 (factor 2 and 4H(L(w) − L*)) with line 3338 (4H(L(w) − L* + L(v) − L*))"),
                            part="proof: lines 3334 + 3338 compose into the statement")],
          notes="The printed proof's bounds add up to 12H(L(w) − L*) + 8H(L(v) − L*), not the stated 8H, 4H: the proof does not "
                "establish the constants it states.  The statement itself holds (and more: E‖g‖² = ‖∇L(w)‖² + Var ≤ 6H(L(w) − L*) + "
                "4H(L(v) − L*), because the bias–variance split at line 3334 is an equality)."),
    claim(None, 3322, "(10): gradient norm and suboptimality", "inequality", "‖∇f(x)‖² ≤ 2H(f(x) − f(x*))",
          hypotheses=["f H-smooth with minimiser x*; checked with f = L of the finite-sum family and H its own smoothness λ_max(XᵀX/N)", FS],
          checks=[InstanceSearch(Measured(finite_sum, "grad_L_w_sq"), 2 * HL * gap_w)]),
    claim(None, 3326, "(10) applied to the tilted component", "inequality",
          "‖∇ℓ(x, z) − ∇ℓ(w*, z)‖² ≤ 2H(ℓ(x, z) − ℓ(w*, z) − ⟨∇ℓ(w*, z), x − w*⟩)",
          printed="\\|\\nabla\\ell(x, z) - \\nabla\\ell(\\mathbf{w}_*, z)\\|^2 &\\leq 2H(\\ell(x, z) - \\ell(\\mathbf{w}_*, z)",
          hypotheses=["the first line's right side prints ∇f(x) − f(w*); read as f(x) − f(w*) (a scalar), which the second line spells out",
                      "measured: max over j of ‖∇ℓ_j(x) − ∇ℓ_j(w*)‖² / (2H·Bregman_j(x, w*)), at most 1", FS],
          checks=[InstanceSearch(Measured(finite_sum, "cocoercive_ratio"), sp.Integer(1))]),
    claim(None, 3330, "(10) applied to L", "inequality", "‖∇L(w)‖² ≤ 2H(L(w) − L(w*))",
          hypotheses=["H the components' smoothness (L is H-smooth too)", FS],
          checks=[InstanceSearch(Measured(finite_sum, "grad_L_w_sq"), 2 * H * gap_w)]),
    claim(None, 3334, "splitting off ∇L(w)", "inequality",
          "E‖g‖² ≤ 2E‖g − ∇L(w)‖² + 4H(L(w) − L(w*))",
          hypotheses=[FS],
          checks=[InstanceSearch(finite_sum, 2 * E_centered + 4 * H * gap_w)]),
    claim(None, 3338, "variance at most second moment, then (10) twice", "inequality",
          "E‖g − ∇L(w)‖² ≤ E‖∇ℓ(w, z) − ∇ℓ(v, z)‖² ≤ 4H(L(w) − L(w*) + L(v) − L(w*))",
          hypotheses=[FS],
          checks=[InstanceSearch(Measured(finite_sum, "E_centered"), E_diff, part="variance ≤ second moment"),
                  InstanceSearch(Measured(finite_sum, "E_diff"), 4 * H * (gap_w + gap_v), part="(10) on both tilted components")]),
    claim("Thm 23.2", 3346, "SVRG's O(√N/T) rate", "inequality",
          "E[(1/T)Σ_{t=1}^T L(w_t) − L(w*)] ≤ √N[8cH(L(w_1) − L(w*)) + (2/c)‖w_1 − w*‖²]/T", end_line=3348,
          hypotheses=["each ℓ(·, z_i) H-smooth and convex; T a multiple of N; η = c/√N ≤ 1/(8H); Algorithm 17",
                      SVRG_EXACT, "and the engine kernel svrg over many seeds on a least-squares finite sum"],
          symbols={"N": N, "c": c, "H": H, "Delta": Delta, "D": D, "T": T}, bound=THM_BOUND,
          constants={"Delta": "L(w_1) − L(w*)", "D": "‖w_1 − w*‖"},
          checks=[InstanceSearch(svrg_exact, BOUND, part="exact expectation"),
                  Simulation(SVRGAverageGap(), BOUND, part="kernel svrg"),
                  Scaling(sp.Symbol("gap"), BOUND, {sp.Symbol("gap"): "loss", N: "none", c: "step", H: "hess", Delta: "loss",
                                                    D: "param", T: "none"})]),
    claim("Alg 17", 3354, "SVRG", "algorithm", "Algorithm 17 as printed", end_line=3372,
          printed="**Algorithm 17** SVRG",
          hypotheses=["the engine kernel svrg re-run line by line in NumPy on the kernel's own samples z_t (least-squares finite sum)",
                      "run in exact expectation over all sample paths; a run that does not decrease E[L(w_{T+1})] below L(w_1) would be "
                      "reported", SVRG_EXACT],
          checks=[Simulation(SVRGKernelReplay(), sp.Symbol("tol"), part="kernel svrg = Algorithm 17 as printed"),
                  InstanceSearch(Measured(svrg_exact, "last_gap"), sp.Symbol("first_gap"), part="descends in expectation")]),
    claim(None, 3368, "epoch counter", "algorithm", "e = e + 1 when t ≡ 0 (mod N)",
          printed="$e = e + 1$",
          hypotheses=["a line of Algorithm 17, checked by re-running the algorithm as printed on the kernel's samples"],
          checks=[Simulation(SVRGKernelReplay(), sp.Symbol("tol"))]),
    claim(None, 3369, "new checkpoint", "algorithm", "v_e = (1/N) Σ_{i=t−N+1}^t w_i",
          hypotheses=["a line of Algorithm 17, checked by re-running the algorithm as printed on the kernel's samples"],
          checks=[Simulation(SVRGKernelReplay(), sp.Symbol("tol"))]),
    claim(None, 3388, "one SGD step, expanded", "inequality",
          "‖w_{t+1} − w*‖² = ‖w_t − w*‖² − 2η⟨g_t, w_t − w*⟩ + η²‖g_t‖², so ⟨g_t, w_t − w*⟩ ≤ (‖w_t − w*‖² − ‖w_{t+1} − w*‖²)/(2η) + η‖g_t‖²/2",
          hypotheses=["w_{t+1} = w_t − ηg_t; two coordinates; the '≤' of the third line holds with equality (checked as an identity)"],
          checks=[Identity((w1_ - eta * g1_ - s1_) ** 2 + (w2_ - eta * g2_ - s2_) ** 2,
                           (w1_ - s1_) ** 2 + (w2_ - s2_) ** 2 - 2 * eta * (g1_ * (w1_ - s1_) + g2_ * (w2_ - s2_)) + eta**2 * (g1_**2 + g2_**2),
                           part="expansion"),
                  Identity(g1_ * (w1_ - s1_) + g2_ * (w2_ - s2_),
                           ((w1_ - s1_) ** 2 + (w2_ - s2_) ** 2 - (w1_ - eta * g1_ - s1_) ** 2 - (w2_ - eta * g2_ - s2_) ** 2) / (2 * eta)
                           + eta * (g1_**2 + g2_**2) / 2, part="rearranged")]),
    claim(None, 3392, "convexity, then telescoping", "inequality",
          "E[L(w_t) − L(w*)] ≤ E⟨∇L(w_t), w_t − w*⟩ = E⟨g_t, w_t − w*⟩, and Σ_t (a_t − a_{t+1})/(2η) ≤ a_1/(2η)",
          hypotheses=["convexity of L checked on the finite-sum family; E[g_t] = ∇L(w_t) (line 3306); a_t = E‖w_t − w*‖² ≥ 0", FS],
          checks=[InstanceSearch(Measured(finite_sum, "gap_w"), sp.Symbol("inner"), part="convexity"),
                  Identity(sp.Sum(a_seq(sp.Symbol("t", integer=True, positive=True)) - a_seq(sp.Symbol("t", integer=True, positive=True) + 1),
                                  (sp.Symbol("t", integer=True, positive=True), 1, T)), a_seq(1) - a_seq(T + 1), part="telescoping")]),
    claim(None, 3396, "Lemma 23.1 substituted", "inequality",
          "… ≤ η‖w_1 − w*‖²/(2η) + (η/2)Σ_t E[8H(L(w_t) − L(w*)) + 4H(L(v_{e_t}) − L(w*))]",
          hypotheses=["the step from line 3392's right side A/(2η) + (η/2)S (A = ‖w_1 − w*‖², S = Σ_t E‖g_t‖²) to this one, with "
                      "S ≤ S' (Lemma 23.1 term by term); η ≤ 1/(8H) with H ≥ 1/8 so η ∈ (0, 1]"],
          checks=[Semialgebraic(A_ / (2 * eta) + eta * S1 / 2, "<=", eta * A_ / (2 * eta) + eta * S2 / 2,
                                {A_: NONNEG, eta: closed(sp.Rational(1, 1000), 1), S1: NONNEG, S2: NONNEG}, given=(S1 <= S2,))],
          corrected=Corrected("… ≤ ‖w_1 − w*‖²/(2η) + …", "the first term is line 3392's ‖w_1 − w*‖²/(2η); the η in the numerator is a slip "
                              "(line 3400 drops it again)",
                              checks=[Semialgebraic(A_ / (2 * eta) + eta * S1 / 2, "<=", A_ / (2 * eta) + eta * S2 / 2,
                                                    {A_: NONNEG, eta: left_open(0, sp.oo), S1: NONNEG, S2: NONNEG}, given=(S1 <= S2,))])),
    claim(None, 3400, "using η ≤ 1/(8H)", "inequality",
          "… ≤ ‖w_1 − w*‖²/(2η) + ½Σ_t E[L(w_t) − L*] + (N/4)Σ_{e=2}^{T/N} E[L(v_e) − L*] + 2ηHN E[L(v_1) − L*]",
          hypotheses=["from line 3396 without the η slip: Σ_t 4H(L(v_{e_t}) − L*) = 4HN Σ_e (L(v_e) − L*) (each checkpoint serves N "
                      "steps); S_w = Σ_t E[L(w_t) − L*], S_v2 = Σ_{e≥2} E[L(v_e) − L*], V_1 = L(v_1) − L*"],
          checks=[Semialgebraic(A_ / (2 * eta) + eta / 2 * (8 * H * Sw + 4 * H * N * (Sv2 + V1)), "<=",
                                A_ / (2 * eta) + Sw / 2 + N * Sv2 / 4 + 2 * eta * H * N * V1,
                                {A_: NONNEG, eta: left_open(0, sp.oo), H: left_open(0, sp.oo), N: closed(1, sp.oo), Sw: NONNEG,
                                 Sv2: NONNEG, V1: NONNEG}, given=(8 * H * eta <= 1,))]),
    claim(None, 3408, "checkpoints bounded by iterates", "inequality",
          "N Σ_{e=2}^{T/N−1} E[L(v_e) − L*] ≤ Σ_e Σ_{i=1}^N L(w_{(e−1)N+i}) − L* = Σ_{t=N+1}^{T(N−1)/N} E[…] ≤ Σ_{t=1}^T E[L(w_t) − L*]",
          hypotheses=["first '≤' for e = 2 as printed: v_2 against w_{N+1} … w_{2N} (v_2 averages w_1 … w_N), in expectation", SVRG_EXACT,
                      "the '=' compares the number of terms: (T/N − 2)N on the left, T(N − 1)/N − N on the right, T = mN"],
          checks=[InstanceSearch(Measured(svrg_exact, "jensen_v2"), sp.Symbol("jensen_L3408_rhs"), part="first ≤ (e = 2)"),
                  Identity((m_ - 2) * N, m_ * N * (N - 1) / N - N, part="= (index ranges)")],
          corrected=Corrected("N Σ_{e=2}^{T/N} E[L(v_e) − L*] ≤ Σ_{e=2}^{T/N} Σ_{i=1}^N E[L(w_{(e−2)N+i}) − L*] ≤ Σ_{t=1}^T E[L(w_t) − L*]",
                              "v_e averages the iterates of epoch e − 1",
                              checks=[InstanceSearch(Measured(svrg_exact, "v_sum"), sp.Symbol("w_sum"))]),
          notes="The conclusion (last '≤') holds; the middle steps use the wrong epoch and an index range that is right only when T = N²."),
    claim(None, 3404, "Jensen for the checkpoint", "inequality", "L(v_e) ≤ (1/N) Σ_{i=1}^N L(w_{e(N−1)+1+i})",
          hypotheses=["e = 2, as printed: the iterates w_{2(N−1)+1+i}, i = 1 … N (w_{2N} … w_{3N−1}); v_2 averages w_1 … w_N",
                      "compared in expectation (a violation in expectation is a violation on some sample path)", SVRG_EXACT],
          checks=[InstanceSearch(Measured(svrg_exact, "jensen_v2"), sp.Symbol("jensen_printed_rhs"))],
          corrected=Corrected("L(v_e) ≤ (1/N) Σ_{i=1}^N L(w_{(e−2)N+i})", "v_e averages the previous epoch's iterates w_{(e−2)N+1} … w_{(e−1)N}",
                              checks=[InstanceSearch(Measured(svrg_exact, "jensen_v2"), sp.Symbol("jensen_corrected_rhs"))])),
    claim(None, 3412, "SVRG's bound before η = c/√N", "inequality",
          "(1/T)Σ_t E[L(w_t) − L(w*)] ≤ 2‖w_1 − w*‖²/(ηT) + 8ηHN(L(w_1) − L(w*))/T",
          printed="\\frac{1}{T} \\sum_{t=1}^T \\mathbb{E}[\\mathcal{L}(\\mathbf{w}_t) - \\mathcal{L}(\\mathbf{w}_*)] &\\leq \\frac{2\\|\\mathbf{w}_1",
          hypotheses=[SVRG_EXACT],
          checks=[InstanceSearch(svrg_exact, 2 * D**2 / (eta * T) + 8 * eta * H * N * Delta / T),
                  Identity((2 * D**2 / (eta * T) + 8 * eta * H * N * Delta / T).subs(eta, c / sp.sqrt(N)), THM_BOUND,
                           part="η = c/√N gives Theorem 23.2 (line 3414)")]),
]
