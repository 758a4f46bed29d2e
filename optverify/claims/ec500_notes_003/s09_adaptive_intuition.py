"""003 section 9 (lines 1305–1381): adaptive learning rates and the intuition for them.

The expectation claims of the section (estimators of σ², the sign of E[η_t⟨∇L, g_t⟩], the lagged rate)
are decided on exact families: binomial sums for the estimators, the 2^T-path Huber family of section 10
for the step sizes.
"""

from __future__ import annotations

import sympy as sp

from optverify import Identity, InstanceSearch, Limit, NotCheckable, Semialgebraic, integers
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma, t
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import NONNEG, Delta, c
from optverify.claims.specs import Range
from optverify.counterexamples.families.adaptive_sgd_exact import adaptive_sgd_alg7, adaptive_sgd_lagged
from optverify.counterexamples.families.variance_estimators import variance_estimators
from optverify.counterexamples.schema import Measured
from optverify.notation import eps

s2, mu2, S, x = sp.symbols("sigma2 mu2 S x", nonnegative=True)
tt = sp.Symbol("t", positive=True)  # the estimators' t as a real symbol for the limit
POS = Range(sp.Integer(0), sp.oo, True)
EST = variance_estimators
k_ = sp.Symbol("k", integer=True, positive=True)
gk, hk = sp.Function("g", real=True), sp.Function("h", real=True)  # one coordinate's gradients; a second coordinate's
ADAGRAD_1D = c / sp.sqrt(sp.Sum(gk(k_) ** 2, (k_, 1, t)))  # c/√(g²_{1:t}[1]), line 2355
RATE_1351_1D = c / sp.sqrt(sp.Sum(sp.Abs(gk(k_)) ** 2, (k_, 1, t)))  # c/√(Σ‖g_k‖²) with ‖g_k‖ = |g_k|
SUM_OF_NORMS_2D = sp.Sum(gk(k_) ** 2 + hk(k_) ** 2, (k_, 1, t))
SUM_OF_COORDINATE_SUMS = sp.Sum(gk(k_) ** 2, (k_, 1, t)) + sp.Sum(hk(k_) ** 2, (k_, 1, t))

CLAIMS = [
    claim(None, 1311, "notation", "definition", "g_t = ∇ℓ(w_t, z_t)", checks=[NotCheckable("notation: names the oracle's output")]),
    claim(None, 1325, "the oracle-tuned learning rate, recalled", "approximation", "η = min(1/H, √Δ/(σ√(TH)))",
          hypotheses=["“roughly” optimal: for large T the minimiser of Theorem 6.1's 2Δ/η + HTησ² is √(2Δ)/(σ√(HT))"],
          checks=[Identity(sp.sqrt(2 * Delta / (H * T * sigma**2)) / (sp.sqrt(Delta) / (sigma * sp.sqrt(T * H))), sp.sqrt(2),
                           note="the printed rate is the minimiser up to the constant factor 1/√2")]),
    claim(None, 1331, "the rate to imitate", "definition", "η_t = c/(σ√t)",
          checks=[NotCheckable("a target schedule the text wants to imitate; nothing asserted")]),
    claim(None, 1335, "biased estimate of σ²", "approximation", "σ² ≈ (1/t)Σ‖g_i‖² − ‖(1/t)Σg_i‖²",
          hypotheses=["g_i i.i.d. with variance σ² (two-point law, exact expectations)"],
          symbols={"sigma2": s2, "t": t}, bound=s2 * (t - 1) / t,
          checks=[InstanceSearch(Measured(EST, "E_biased"), s2 * (t - 1) / t, rel="==", part="E[estimate] = (t − 1)σ²/t"),
                  Limit(s2 * (tt - 1) / tt, s2, tt, sp.oo, part="≈ σ² for large t")]),
    claim(None, 1339, "the unbiased estimate", "identity", "ḡ = (1/t)Σg_i, σ² ≈ (1/(t−1))Σ‖g_i − ḡ‖² (unbiased)",
          symbols={"sigma2": s2}, bound=s2,
          checks=[InstanceSearch(Measured(EST, "E_unbiased"), s2, rel="==")]),
    claim(None, 1345, "the optimistic estimate", "approximation", "σ² ≈ (1/t)Σ‖g_i‖²",
          hypotheses=["E[(1/t)Σ‖g_i‖²] = σ² + ‖E g‖²: close to σ² when the mean gradient is small (the text's reason)"],
          symbols={"sigma2": s2, "mu2": mu2}, bound=s2 + mu2,
          checks=[InstanceSearch(Measured(EST, "E_optimistic"), s2 + mu2, rel="=="),
                  Limit(s2 + mu2, s2, mu2, 0, direction="+", part="→ σ² as ‖E g‖ → 0")]),
    claim(None, 1349, "the resulting learning rate", "identity", "η_t = c/√(Σ_{i≤t}‖g_i‖²)",
          hypotheses=["η_t = c/(σ√t) with σ² ≈ (1/t)Σ_{i≤t}‖g_i‖² = S/t"],
          checks=[Identity(c / (sp.sqrt(S / tt) * sp.sqrt(tt)), c / sp.sqrt(S), domain={S: POS, tt: POS})]),
    claim(None, 1353, "almost identical to AdaGrad", "property",
          "η_t = c/√(Σ_{i≤t}‖g_i‖²) is AdaGrad's rate η_t[i] = c/√(ε² + g²_{1:t}[i]) (line 2337) up to its two differences: the ε², "
          "which vanishes as ε → 0 (Theorem 16.3's update has none), and the per-coordinate sum; in one dimension the two are "
          "the same rate",
          printed="This is almost identical to the popular AdaGrad learning rate [8]",
          hypotheses=["AdaGrad as the notes print it later: η_t[i] = c/√(ε² + g²_{1:t}[i]) (line 2337) and Theorem 16.3's update "
                      "w_{t+1}[i] = Π(w_t[i] − c g_t[i]/√(g²_{1:t}[i])) (line 2355, no ε)",
                      "'almost identical' read as: the printed updates differ only in the ε² and in summing the squared gradient "
                      "of coordinate i instead of the squared norm, and coincide where those differences vanish (one coordinate, "
                      "ε = 0); gradients g_k (one coordinate) and (g_k, h_k) (two) are arbitrary sequences"],
          checks=[Identity(ADAGRAD_1D, RATE_1351_1D, domain={c: POS, t: integers(1, 8)}, sequences={gk: (-3, 3)},
                           part="one coordinate, ε = 0: the same rate"),
                  Limit(c / sp.sqrt(eps**2 + S), c / sp.sqrt(S), eps, 0, direction="+", part="ε² → 0: AdaGrad's rate tends to the one without ε"),
                  Identity(SUM_OF_NORMS_2D, SUM_OF_COORDINATE_SUMS, domain={t: integers(1, 8)}, sequences={gk: (-3, 3), hk: (-3, 3)},
                           part="d = 2: line 1351 sums over the coordinates what AdaGrad keeps per coordinate",
                           note="Σ_k ‖(g_k, h_k)‖² = g²_{1:t}[1] + g²_{1:t}[2]: the rates coincide exactly when the other coordinate's sum is 0")]),
    claim(None, 1359, "smoothness with the adaptive rate", "inequality",
          "E[L(w_{t+1})] ≤ E[L(w_t) − ⟨∇L(w_t), η_t g_t⟩ + Hη_t²‖g_t‖²/2] = E[L(w_t)] − E[η_t⟨∇L, g_t⟩] + E[Hη_t²‖g_t‖²/2]",
          hypotheses=["checked pathwise on the exact Huber family with Algorithm 7's η_t (the largest gap over paths and t)"],
          checks=[InstanceSearch(Measured(adaptive_sgd_alg7, "gap_1455"), sp.Integer(0))]),
    claim(None, 1361, "the adaptive step can make negative progress in expectation", "existence",
          "−E[η_t⟨∇L(w_t), g_t⟩] > 0 may happen",
          printed="shows that it might actually be that  $-\\mathbb{E}[\\eta_t \\langle \\nabla \\mathcal{L}(\\mathbf{w}_t), \\mathbf{g}_t \\rangle] > 0$",
          hypotheses=["η_t = c/√(Σ_{i≤t}‖g_i‖² + ε²) (Algorithm 7); a witness: −Σ_t E[η_t⟨∇L(w_t), g_t⟩] > 0 on the exact Huber family"],
          checks=[InstanceSearch(Measured(adaptive_sgd_alg7, "neg_E_eta_inner"), sp.Integer(0), quantifier="exists")]),
    claim(None, 1365, "the lagged rate", "definition", "η_t = c/√(ε² + Σ_{i≤t−1}‖g_i‖²)",
          checks=[NotCheckable("a definition (used by line 1369)")]),
    claim(None, 1369, "with the lagged rate the expectation factors", "identity",
          "E[⟨∇L(w_t), η_t∇ℓ(w_t, z_t)⟩] = E[η_t‖∇L(w_t)‖²]",
          hypotheses=["η_t of line 1365 (independent of z_t given the past); summed over t on the exact Huber family"],
          symbols={"E_sum_eta_grad2": sp.Symbol("E_sum_eta_grad2")}, bound=sp.Symbol("E_sum_eta_grad2"),
          checks=[InstanceSearch(Measured(adaptive_sgd_lagged, "E_eta_inner"), sp.Symbol("E_sum_eta_grad2"), rel="==")]),
    claim(None, 1373, "the rate used: the sum up to t, so the argument is invalid", "existence",
          "η_t = c/√(ε² + Σ_{i≤t}‖g_i‖²): the above argument with expectations is invalid",
          hypotheses=["tested: an instance where E[η_t⟨∇L, g_t⟩] ≠ E[η_t‖∇L‖²] (summed over t) for Algorithm 7's rate, replayed at 50 digits"],
          checks=[InstanceSearch(Measured(adaptive_sgd_alg7, "E_sum_eta_grad2_minus_inner"), sp.Integer(0),
                                 quantifier="exists")]),
    claim(None, 1377, "the step is at most c", "inequality", "‖η_t g_t‖ ≤ c",
          hypotheses=["η_t = c/√(ε² + Σ_{i≤t}‖g_i‖²); x = ‖g_t‖, S = Σ_{i<t}‖g_i‖²"],
          checks=[Semialgebraic(c * x / sp.sqrt(eps**2 + S + x**2), "<=", c, {c: POS, x: NONNEG, S: NONNEG, eps: POS})]),
]
