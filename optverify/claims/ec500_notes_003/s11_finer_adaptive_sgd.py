"""003 section 11 (lines 1671–1747): Algorithm 10 (Algorithm 7 restated), Theorem 10.3 printed again, Theorem 11.1.

The restatement of Theorem 10.3 at line 1695 differs from line 1503: √(Kε) and √(Kσ) instead of √K ε
and √K σ.  Both printings, and Theorem 11.1, share K of line 1505 and with it the logarithm that the
corollary of Lemma 10.2 (line 1499) gets wrong.
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, InstanceSearch, Limit, NotCheckable, Scaling, Semialgebraic, Simulation
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import (
    DIMS, EXACT, EXACT_K, HYP_10_3, K, K_corr, RUNS_10_3, _ROOT_1499, Delta, G_ell, G_L, c,
    theorem_10_3,
)
from optverify.claims.specs import Range
from optverify.counterexamples.adaptive_sgd_mc import AdaptiveSGDRuns
from optverify.counterexamples.schema import Measured
from optverify.notation import eps

sigma2_avg = sp.Symbol("sigma2_avg", nonnegative=True)  # (1/T) E[Σ_t σ_t²]
D_ = sp.Symbol("D", nonnegative=True)  # σ_t² ≤ D‖∇L(w_t)‖² (line 1721)
rms_grad = sp.Symbol("rms_grad", positive=True)  # (1/√T) E[√(Σ_t ‖∇L(w_t)‖²)]
avg_grad2 = sp.Symbol("avg_grad2", positive=True)  # (1/T) E[Σ_t ‖∇L(w_t)‖²]
X, a_, b_, s_ = sp.symbols("X a b s", nonnegative=True)
POS = Range(sp.Integer(0), sp.oo, True)
NONNEG = Range(sp.Integer(0), sp.oo)

THM_11_1 = (K * sp.sqrt(2) + sp.sqrt(K * eps)) / sp.sqrt(T) + sp.sqrt(K * sp.sqrt(sigma2_avg)) / T ** sp.Rational(1, 4)
THM_11_1_CORR = (K_corr * sp.sqrt(2) + sp.sqrt(K_corr * eps)) / sp.sqrt(T) + sp.sqrt(K_corr * sp.sqrt(2 * sigma2_avg)) / T ** sp.Rational(1, 4)
HYP_11 = HYP_10_3 + ["σ_t² = E‖g_t − ∇L(w_t)‖²; the σ inside K (not defined in Theorem 11.1) read as max_t σ_t (the σ of Theorem 10.3)"]
SYM_11 = {s.name: s for s in (Delta, c, H, T, G_ell, sigma, eps, G_L, sigma2_avg)}
FINAL_1745 = (2 * K * D_ + 2 * K * sp.sqrt(2) + 2 * sp.sqrt(K) * eps) / sp.sqrt(T)

CLAIMS = [
    claim(
        "Alg 10", 1679, "Adaptive Stochastic Gradient Descent (Algorithm 7 restated)", "algorithm",
        "w_{t+1} = w_t − c g_t/√(ε² + Σ_{i≤t}‖g_i‖²), the update of Algorithm 7; run as printed it descends",
        end_line=1691,
        hypotheses=["the same engine kernel as Algorithm 7 (adagrad_norm, ε² inside the root, sum up to t): the printed lines "
                    "of the two algorithms are the same"],
        symbols={"L_w1": sp.Symbol("L_w1", nonnegative=True)}, bound=sp.Symbol("L_w1", nonnegative=True),
        checks=[Simulation(AdaptiveSGDRuns("alg7", "L_T1", c=1.0, eps=1e-4), BOUND, part="descends from w_1")],
    ),
    theorem_10_3("Thm 10.3@L1695", 1695, 1701,
                 "(K√2 + √(Kε))/√T + √(Kσ)/T^{1/4}, K = Δ/c + Hc log(T(G_ℓ² + σ²)/ε²)/2 + G_L G_ℓ/ε",
                 "convergence of Algorithm 7 (as printed again)",
                 "; this printing differs from line 1503 (√(Kε), √(Kσ)) and does scale like a gradient"),
    claim(
        "Thm 11.1", 1705, "finer-grained adaptive SGD bound", "expectation bound",
        "(1/T)E[Σ_t‖∇L(w_t)‖] ≤ (1/√T)E[√(Σ_t‖∇L(w_t)‖²)] ≤ (K√2 + √(Kε))/√T + √(K√((1/T)E[Σ_t σ_t²]))/T^{1/4}",
        end_line=1711, hypotheses=HYP_11, symbols=SYM_11, bound=THM_11_1,
        checks=[InstanceSearch(Measured(EXACT, "avg_grad"), rms_grad, part="(1/T)E[Σ‖∇L‖] ≤ (1/√T)E[√(Σ‖∇L‖²)] (Cauchy–Schwarz)"),
                InstanceSearch(Measured(EXACT_K, "rms_grad"), BOUND),
                Simulation(AdaptiveSGDRuns("alg7", "rms_grad", **RUNS_10_3), BOUND),
                Scaling(rms_grad, BOUND, {**DIMS, sigma2_avg: "grad2", rms_grad: "grad"})],
        corrected=Corrected(
            "(1/√T)E[√(Σ_t‖∇L(w_t)‖²)] ≤ (K′√2 + √(K′ε))/√T + √(K′√(2(1/T)E[Σ_t σ_t²]))/T^{1/4}, K′ as in the corrected Theorem 10.3",
            _ROOT_1499 + "; and the factor 2 of 2E[Σ‖g_t − ∇L(w_t)‖²] (line 1583) is kept",
            [InstanceSearch(Measured(EXACT, "rms_grad"), THM_11_1_CORR),
             Simulation(AdaptiveSGDRuns("alg7", "rms_grad", **RUNS_10_3), THM_11_1_CORR)], bound=THM_11_1_CORR),
        notes=_ROOT_1499 + " (K is that of Theorem 10.3)",
    ),
    claim(None, 1707, "K of Theorem 11.1", "definition", "K = Δ/c + Hc log(T(G_ℓ² + σ²)/ε²)/2 + G_L G_ℓ/ε = O(log(T))",
          checks=[Limit(K, H * c * sp.log(T) / 2, T, sp.oo, note="K/(Hc log(T)/2) → 1")]),
    claim(
        None, 1715, "the bound used in the proof of Theorem 10.3", "expectation bound",
        "√(E[Σ_t‖g_t − ∇L(w_t)‖²]) ≤ σ√T",
        hypotheses=["σ² ≥ E‖g_t − ∇L(w_t)‖² for all t (the exact family's σ is the smallest such)"],
        symbols={"sigma": sigma, "T": T}, bound=sigma * sp.sqrt(T),
        checks=[InstanceSearch(Measured(EXACT, "sqrt_E_sum_noise2"), BOUND)],
    ),
    claim(
        None, 1719, "the finer bound", "identity",
        "√(E[Σ_t‖g_t − ∇L(w_t)‖²]) = √((1/T)E[Σ_t σ_t²]) √T",
        symbols={"sigma2_avg": sigma2_avg, "T": T}, bound=sp.sqrt(sigma2_avg) * sp.sqrt(T),
        checks=[InstanceSearch(Measured(EXACT, "sqrt_E_sum_noise2"), BOUND, rel="==")],
    ),
    claim(
        None, 1745, "O(1/√T) rate when the variance is at most D times the squared gradient", "expectation bound",
        "(1/T)E[Σ_t‖∇L(w_t)‖²] ≤ (2KD + 2K√2 + 2√K ε)/√T",
        hypotheses=HYP_11 + ["E_z‖∇ℓ(w, z) − ∇L(w)‖² ≤ D‖∇L(w)‖² for all w (line 1721): on the exact family, noise only "
                             "multiplicative (n_1 = 0), D = Var(h_z)/h̄² computed; other instances are skipped"],
        symbols={s.name: s for s in (Delta, c, H, T, G_ell, sigma, eps, G_L, D_)},
        bound=FINAL_1745,
        checks=[InstanceSearch(Measured(EXACT_K, "avg_grad2"), BOUND)],
        notes="left side a squared gradient, right side a gradient: the bound cannot scale. The steps behind it: line 1725 "
              "replaces √((1/T)ΣE σ_t²) by D√(…) (true only for D ≥ 1: √D is what the assumption gives), line 1729 "
              "bounds X = √((1/T)E Σ‖∇L‖²) although line 1725 bounds E[√(…)] ≤ X (Jensen points the other way), and line 1743 "
              "uses (1/T)E[Σ‖∇L‖²] ≤ X, i.e. X² ≤ X, true only when X ≤ 1; " + _ROOT_1499,
    ),
    claim(
        None, 1733, "quadratic formula for √X", "inequality",
        "√X ≤ (√(KD)/T^{1/4} + √(KD/√T + 4(K√2 + √Kε)/√T))/2 from X ≤ (K√2 + √Kε)/√T + √(KDX)/T^{1/4}",
        hypotheses=["a = (K√2 + √Kε)/√T ≥ 0, b = √(KD)/T^{1/4} ≥ 0, X ≥ 0 with X ≤ a + b√X (line 1729)"],
        checks=[Semialgebraic(sp.sqrt(X), "<=", (b_ + sp.sqrt(b_**2 + 4 * a_)) / 2, {X: NONNEG, a_: NONNEG, b_: NONNEG},
                              given=(X <= a_ + b_ * sp.sqrt(X),))],
    ),
    claim(
        None, 1737, "√(a + b) ≤ √a + √b", "inequality", "(b + √(b² + 4a))/2 ≤ b + √a",
        checks=[Semialgebraic((b_ + sp.sqrt(b_**2 + 4 * a_)) / 2, "<=", b_ + sp.sqrt(a_), {a_: NONNEG, b_: NONNEG})],
    ),
    claim(
        None, 1741, "(a + b)² ≤ 2a² + 2b²", "inequality", "X ≤ (2KD + 2K√2 + 2√Kε)/√T from √X ≤ √(KD)/T^{1/4} + √(K√2 + √Kε)/T^{1/4}",
        hypotheses=["written with b = √(KD)/T^{1/4}, a = (K√2 + √Kε)/√T as at line 1733"],
        checks=[Semialgebraic(X, "<=", 2 * b_**2 + 2 * a_, {X: NONNEG, a_: NONNEG, b_: NONNEG}, given=(sp.sqrt(X) <= b_ + sp.sqrt(a_),))],
    ),
]

_s = sp.Symbol("s", nonnegative=True)  # (1/T)E[Σ_t σ_t²]
_Xr = sp.Symbol("X_r", nonnegative=True)  # √((1/T)E[Σ_t‖∇L(w_t)‖²])
rms_sq = sp.Symbol("rms_sq", nonnegative=True)

CLAIMS += [
    claim(None, 1673, "the learning rate of Algorithm 7, recalled", "definition", "η_t = c/√(ε² + Σ_{i≤t}‖g_i‖²)",
          checks=[NotCheckable("the step size of Algorithm 7 restated (decided with Algorithms 7 and 10)")]),
    claim(None, 1725, "Theorem 11.1 under σ_t² ≤ D‖∇L(w_t)‖²", "inequality",
          "(1/√T)E[√(Σ‖∇L‖²)] ≤ (K√2 + √Kε)/√T + √(K√((1/T)E[Σσ_t²]))/T^{1/4} ≤ (K√2 + √Kε)/√T + √(KD√((1/T)E[Σ‖∇L‖²]))/T^{1/4}",
          end_line=1725,
          hypotheses=["the second step: from σ_t² ≤ D‖∇L(w_t)‖², s = (1/T)E[Σσ_t²] ≤ D X², X = √((1/T)E[Σ‖∇L‖²])"],
          checks=[Semialgebraic(sp.sqrt(_s), "<=", D_ * _Xr, {_s: NONNEG, D_: NONNEG, _Xr: NONNEG}, given=(_s <= D_ * _Xr**2,),
                                part="√((1/T)E[Σσ_t²]) ≤ D√((1/T)E[Σ‖∇L‖²])")],
          corrected=Corrected("the same with √D in place of D", "σ_t² ≤ D‖∇L‖² gives √((1/T)E[Σσ_t²]) ≤ √D·X",
                              [Semialgebraic(sp.sqrt(_s), "<=", sp.sqrt(D_) * _Xr, {_s: NONNEG, D_: NONNEG, _Xr: NONNEG}, given=(_s <= D_ * _Xr**2,))]),
          notes="true for D ≥ 1 only; the first step is Theorem 11.1 (refuted through K)"),
    claim(None, 1729, "the self-bounding inequality for X", "expectation bound",
          "X ≤ (K√2 + √Kε)/√T + √(KDX)/T^{1/4}, X = √((1/T)E[Σ_t‖∇L(w_t)‖²])",
          hypotheses=HYP_11 + ["σ_t² ≤ D‖∇L(w_t)‖² (multiplicative noise on the exact family)"],
          symbols={s.name: s for s in (Delta, c, H, T, G_ell, sigma, eps, G_L, D_, rms_sq)},
          bound=(K * sp.sqrt(2) + sp.sqrt(K) * eps) / sp.sqrt(T) + sp.sqrt(K * D_ * sp.sqrt(rms_sq)) / T ** sp.Rational(1, 4),
          checks=[InstanceSearch(Measured(EXACT_K, "sqrt_avg_grad2"), BOUND)],
          notes="line 1725 bounds (1/√T)E[√(Σ‖∇L‖²)] ≤ X, not X (Jensen points the other way); " + _ROOT_1499),
]
