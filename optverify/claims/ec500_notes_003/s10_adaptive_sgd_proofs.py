"""003 section 10: the printed proofs of Theorem 10.1 (lines 1453–1477) and Theorem 10.3 (lines 1511–1609), step by step.

Pathwise steps are decided on the exact Huber family as the largest gap (left side minus right side) over
every path and step; expectation steps on the same family's exact expectations.  A step whose right side
takes √K or log(…/ε²) uses the instances where the printed K is positive (elsewhere it is not a real number).
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, Identity, Inequality, InstanceSearch, NotCheckable, Semialgebraic
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import (
    E, EXACT, EXACT_K, HYP_10, HYP_10_3, LOG_CORRECTED, LOG_PRINTED, NONNEG, THM_10_3, _ROOT_1499, corrected_log_bound_checks, G_ell, G_L, L_w1, Delta, X, c, eta0,
)
from optverify.claims.specs import Range
from optverify.counterexamples.families.sum_integral import adagrad_sum
from optverify.counterexamples.schema import Measured
from optverify.notation import eps

ZERO = sp.Integer(0)
POS = Range(sp.Integer(0), sp.oo, True)
a, b_, e1, e2, s_, y, z, K_ = sp.symbols("a b eta_prev eta_t s y z K", nonnegative=True)
u, v = sp.symbols("u v", real=True)
Kp = E["K_proof"]
LOG_G = sp.log(T * (G_L**2 + sigma**2) / eps**2)
avg_grad, rms_grad = sp.symbols("avg_grad rms_grad", positive=True)
sym = lambda *ss: {s.name: s for s in ss}  # noqa: E731


def gap(line, key, title, statement, **kw):
    return claim(None, line, title, "inequality", statement, hypotheses=HYP_10 + ["pathwise: the largest gap over every path and t"],
                 checks=[InstanceSearch(Measured(EXACT, key), ZERO)], **kw)


CLAIMS = [
    gap(1455, "gap_1455", "the key result about smooth functions", "L(w_{t+1}) ≤ L(w_t) − η_t⟨∇L(w_t), g_t⟩ + (H/2)η_t²‖g_t‖²"),
    claim(None, 1459, "writing η_t in terms of η_{t−1}", "identity",
          "= L(w_t) − η_{t−1}⟨∇L, g_t⟩ + (η_{t−1} − η_t)⟨∇L, g_t⟩ + (H/2)η_t²‖g_t‖²",
          checks=[Identity(-e2 * u, -e1 * u + (e1 - e2) * u)]),
    gap(1463, "gap_1463", "iterating over t", "L(w_{T+1}) ≤ L(w_1) − Σ_t η_{t−1}⟨∇L, g_t⟩ + Σ_t (η_{t−1} − η_t)⟨∇L, g_t⟩ + Σ_t (H/2)η_t²‖g_t‖²"),
    gap(1467, "gap_1467", "η_t decreasing", "≤ L(w_1) − Σ_t η_{t−1}⟨∇L, g_t⟩ + max_t|⟨∇L, g_t⟩| Σ_t (η_{t−1} − η_t) + Σ_t (H/2)η_t²‖g_t‖²"),
    claim(None, 1471, "Cauchy–Schwarz, then Σ_t (η_{t−1} − η_t) ≤ η_0", "inequality",
          "≤ … + max_t‖∇L(w_t)‖ max_t‖g_t‖ Σ_t(η_{t−1} − η_t) + …  ≤ … + max_t‖∇L(w_t)‖ max_t‖g_t‖ η_0 + …",
          end_line=1471, hypotheses=HYP_10 + ["pathwise: the largest gap over every path"],
          checks=[InstanceSearch(Measured(EXACT, "gap_1471a"), ZERO, part="Cauchy–Schwarz"),
                  InstanceSearch(Measured(EXACT, "gap_1471b"), ZERO, part="Σ_t (η_{t−1} − η_t) = η_0 − η_T ≤ η_0")]),
    claim(None, 1475, "taking expectations", "expectation bound",
          "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}⟨∇L(w_t), g_t⟩ + G_L G_ℓ η_0 + Σ_t (H/2)η_t²‖g_t‖²]",
          hypotheses=HYP_10, symbols=sym(L_w1, sp.Symbol("E_sum_gradinner_etaprev", real=True), G_L, G_ell, eta0, H, E["E_sum_eta2_g2"]),
          bound=L_w1 - sp.Symbol("E_sum_gradinner_etaprev", real=True) + G_L * G_ell * eta0 + H / 2 * E["E_sum_eta2_g2"],
          checks=[InstanceSearch(Measured(EXACT, "E_L_T1"), BOUND)]),
    # ------------------------------------------------------------ Theorem 10.3
    claim(None, 1513, "equation (3)", "expectation bound", "E‖g_t‖² ≤ E‖∇L(w_t)‖² + E‖g_t − ∇L(w_t)‖² ≤ E‖∇L(w_t)‖² + σ² ≤ G_L² + σ²",
          hypotheses=HYP_10_3 + ["summed over t on the exact family"],
          symbols=sym(G_L, sigma, T), bound=T * (G_L**2 + sigma**2),
          checks=[InstanceSearch(Measured(EXACT, "E_sum_g2"), E["E_sum_grad2"] + T * sigma**2, part="bias–variance and σ²"),
                  InstanceSearch(Measured(EXACT, "E_sum_g2"), BOUND, part="‖∇L‖ ≤ G_L")]),
    claim(None, 1517, "Theorem 10.1 with η_0 = c/ε", "expectation bound",
          "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖² + (H/2)Σ_t η_t²‖g_t‖²] + cG_L G_ℓ/ε",
          hypotheses=HYP_10_3, symbols=sym(L_w1, H, c, eps, G_L, G_ell, E["E_sum_etaprev_grad2"], E["E_sum_eta2_g2"]),
          bound=L_w1 - E["E_sum_etaprev_grad2"] + H / 2 * E["E_sum_eta2_g2"] + c * G_L * G_ell / eps,
          checks=[InstanceSearch(Measured(EXACT, "E_L_T1"), BOUND)]),
    claim(None, 1521, "Lemma 10.2 applied to Σ_t η_t²‖g_t‖²", "inequality",
          "Σ_t η_t²‖g_t‖² = c²Σ_t ‖g_t‖²/(ε² + Σ_{i≤t}‖g_i‖²) ≤ c² log(Σ_t‖g_t‖²/ε²)",
          hypotheses=["any ‖g_t‖² ≥ 0, ε, c > 0 (deterministic)"], symbols={"c": c, "S": E["S"], "epsilon": eps},
          bound=c**2 * LOG_PRINTED, checks=[InstanceSearch(adagrad_sum, BOUND)],
          corrected=Corrected("Σ_t η_t²‖g_t‖² ≤ c² log((ε² + Σ_t‖g_t‖²)/ε²)", _ROOT_1499 + " (the same application of Lemma 10.2)",
                              corrected_log_bound_checks(c**2 * LOG_CORRECTED), bound=c**2 * LOG_CORRECTED),
          notes=_ROOT_1499),
    claim(None, 1525, "Jensen for the logarithm", "expectation bound", "E[Σ_t η_t²‖g_t‖²] ≤ c² log(E[Σ_t‖g_t‖²]/ε²)",
          hypotheses=HYP_10_3, symbols=sym(c, eps, E["E_sum_g2"]), bound=c**2 * sp.log(E["E_sum_g2"] / eps**2),
          checks=[InstanceSearch(Measured(EXACT_K, "E_sum_eta2_g2"), BOUND)], notes=_ROOT_1499),
    claim(None, 1529, "using equation (3)", "expectation bound", "≤ c² log(T(G_L² + σ²)/ε²)",
          hypotheses=HYP_10_3, symbols=sym(c, eps, T, G_L, sigma), bound=c**2 * LOG_G,
          checks=[InstanceSearch(Measured(EXACT_K, "E_sum_eta2_g2"), BOUND)], notes=_ROOT_1499),
    claim(None, 1533, "thus", "expectation bound",
          "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖²] + Hc² log(T(G_L² + σ²)/ε²)/2 + cG_L G_ℓ/ε",
          hypotheses=HYP_10_3, symbols=sym(L_w1, E["E_sum_etaprev_grad2"], H, c, T, G_L, sigma, eps, G_ell),
          bound=L_w1 - E["E_sum_etaprev_grad2"] + H * c**2 * LOG_G / 2 + c * G_L * G_ell / eps,
          checks=[InstanceSearch(Measured(EXACT_K, "E_L_T1"), BOUND)], notes=_ROOT_1499),
    claim(None, 1541, "using η_T ≤ η_t", "expectation bound",
          "E[Σ_t η_T‖∇L(w_t)‖²] ≤ Δ + Hc² log(T(G_L² + σ²)/ε²)/2 + cG_L G_ℓ/ε",
          hypotheses=HYP_10_3, symbols=sym(Delta, H, c, T, G_L, sigma, eps, G_ell),
          bound=Delta + H * c**2 * LOG_G / 2 + c * G_L * G_ell / eps,
          checks=[InstanceSearch(Measured(EXACT_K, "E_min_eta_sum_grad2"), BOUND)], notes=_ROOT_1499),
    claim(None, 1549, "Cauchy–Schwarz for random variables with A² = Σ_t η_T‖∇L‖², B² = 1/η_T", "expectation bound",
          "E[√(Σ_t‖∇L(w_t)‖²)]²/E[η_T^{−1}] ≤ E[Σ_t η_T‖∇L(w_t)‖²]",
          hypotheses=HYP_10_3, symbols=sym(E["E_min_eta_sum_grad2"]), bound=E["E_min_eta_sum_grad2"],
          checks=[InstanceSearch(Measured(EXACT, "cs_lhs"), BOUND)]),
    claim(None, 1557, "equation before (4)", "expectation bound", "E[√(Σ_t‖∇L(w_t)‖²)]² ≤ K E[√(ε² + Σ_t‖g_t‖²)]",
          hypotheses=HYP_10_3 + ["K as defined at line 1557 (G_L in the logarithm)"],
          symbols=sym(Kp, E["E_sqrt_eps_sum_g2"]), bound=Kp * E["E_sqrt_eps_sum_g2"],
          checks=[InstanceSearch(Measured(EXACT_K, "X2"), BOUND)], notes=_ROOT_1499),
    claim(None, 1569, "‖a + b‖² ≤ 2‖a‖² + 2‖b‖²", "inequality",
          "‖g_t‖² = ‖g_t − ∇L + ∇L‖² ≤ 2‖∇L(w_t)‖² + 2‖g_t − ∇L(w_t)‖²",
          checks=[Semialgebraic((u + v) ** 2, "<=", 2 * u**2 + 2 * v**2, {u: Range(-sp.oo, sp.oo), v: Range(-sp.oo, sp.oo)},
                                note="per coordinate; summed over coordinates")]),
    claim(None, 1573, "splitting the square root", "expectation bound",
          "K E[√(ε² + Σ‖g_t‖²)] ≤ K E[√(ε² + 2Σ‖g_t − ∇L‖² + 2Σ‖∇L‖²)] ≤ K E[√(ε² + 2Σ‖g_t − ∇L‖²)] + K√2 X",
          end_line=1577, hypotheses=HYP_10_3 + ["K > 0 (it multiplies every member)"],
          symbols=sym(E["E_sqrt_eps_2noise_2grad"]), bound=E["E_sqrt_eps_2noise_2grad"],
          checks=[InstanceSearch(Measured(EXACT, "E_sqrt_eps_sum_g2"), BOUND, part="first"),
                  InstanceSearch(Measured(EXACT, "E_sqrt_eps_2noise_2grad"), E["E_sqrt_eps_2noise"] + sp.sqrt(2) * E["E_sqrt_sum_grad2"],
                                 part="√(a + b) ≤ √a + √b")]),
    claim(None, 1581, "Jensen, then σ²", "expectation bound",
          "≤ K√(ε² + 2E[Σ_t‖g_t − ∇L(w_t)‖²]) + K√2X ≤ K√(ε² + Tσ²) + K√2X",
          end_line=1584, hypotheses=HYP_10_3 + ["K > 0 (it multiplies every member)"],
          symbols=sym(eps, T, sigma), bound=sp.sqrt(eps**2 + T * sigma**2),
          checks=[InstanceSearch(Measured(EXACT, "E_sqrt_eps_2noise"), sp.Symbol("sqrt_eps_2E_noise"), part="Jensen"),
                  InstanceSearch(Measured(EXACT, "sqrt_eps_2E_noise"), BOUND, part="2E[Σ‖g_t − ∇L‖²] ≤ Tσ²")],
          notes="the factor 2 is dropped: 2E[Σ_t‖g_t − ∇L(w_t)‖²] can be 2Tσ²"),
    claim(None, 1588, "back to (4)", "expectation bound", "X² ≤ K√(ε² + Tσ²) + K√2X",
          hypotheses=HYP_10_3 + ["K of line 1557; X = E[√(Σ_t‖∇L(w_t)‖²)]"],
          symbols=sym(Kp, eps, T, sigma, E["E_sqrt_sum_grad2"]), bound=Kp * sp.sqrt(eps**2 + T * sigma**2) + Kp * sp.sqrt(2) * E["E_sqrt_sum_grad2"],
          checks=[InstanceSearch(Measured(EXACT_K, "X2"), BOUND)], notes=_ROOT_1499 + "; and line 1583 drops a factor 2"),
    claim(None, 1592, "the quadratic formula", "inequality",
          "X ≤ (K√2 + √(2K² + 4K√(ε² + Tσ²)))/2 ≤ K√2 + √K(ε² + Tσ²)^{1/4} ≤ K√2 + √Kε + √KσT^{1/4}",
          end_line=1596, hypotheses=["K > 0, s = √(ε² + Tσ²), X ≥ 0 with X² ≤ Ks + K√2X (line 1588); y = (ε² + Tσ²)^{1/4}, z = T^{1/4}"],
          checks=[Semialgebraic(X, "<=", (K_ * sp.sqrt(2) + sp.sqrt(2 * K_**2 + 4 * K_ * s_)) / 2, {X: NONNEG, K_: POS, s_: NONNEG},
                                given=(X**2 <= K_ * s_ + K_ * sp.sqrt(2) * X,), part="quadratic formula"),
                  Semialgebraic((K_ * sp.sqrt(2) + sp.sqrt(2 * K_**2 + 4 * K_ * s_)) / 2, "<=", K_ * sp.sqrt(2) + sp.sqrt(K_) * sp.sqrt(s_),
                                {K_: POS, s_: NONNEG}, part="√(a + b) ≤ √a + √b"),
                  Inequality((eps**2 + z**4 * sigma**2) ** sp.Rational(1, 4), "<=", eps + sigma * z,
                             {eps: Range(sp.Rational(1, 1000), sp.Integer(10)), sigma: Range(sp.Rational(1, 1000), sp.Integer(10)),
                              z: Range(sp.Integer(1), sp.Integer(10))}, part="(ε² + Tσ²)^{1/4} ≤ ε + σT^{1/4}")],
          notes="the last step needs (ε²)^{1/4} = √ε and (Tσ²)^{1/4} = √σ T^{1/4}: (ε² + Tσ²)^{1/4} ≤ √ε + √σT^{1/4}, "
                "which the restatement at line 1695 prints"),
    claim(None, 1600, "Cauchy–Schwarz", "inequality", "X = E[√(Σ_t‖∇L(w_t)‖²)] ≥ (1/√T)E[Σ_t‖∇L(w_t)‖]",
          end_line=1603, hypotheses=HYP_10_3, symbols={"rms_grad": rms_grad}, bound=rms_grad,
          checks=[InstanceSearch(Measured(EXACT, "avg_grad"), BOUND)]),
    claim(None, 1607, "the conclusion of Theorem 10.3's proof", "expectation bound",
          "(1/T)E[Σ_t‖∇L(w_t)‖] ≤ (K√2 + √Kε)/√T + √Kσ/T^{1/4}",
          hypotheses=HYP_10_3, symbols=sym(Delta, c, H, T, G_ell, sigma, eps, G_L), bound=THM_10_3,
          checks=[InstanceSearch(Measured(EXACT_K, "avg_grad"), BOUND)], notes="the statement of Theorem 10.3 (line 1509); " + _ROOT_1499),
]

CLAIMS += [
    claim(None, 1537, "rearranging", "expectation bound",
          "E[Σ_t η_{t−1}‖∇L(w_t)‖²] ≤ E[L(w_1) − L(w_{T+1})] + Hc² log(T(G_L² + σ²)/ε²)/2 + cG_L G_ℓ/ε",
          hypotheses=HYP_10_3, symbols=sym(L_w1, E["E_L_T1"], H, c, T, G_L, sigma, eps, G_ell),
          bound=L_w1 - E["E_L_T1"] + H * c**2 * LOG_G / 2 + c * G_L * G_ell / eps,
          checks=[InstanceSearch(Measured(EXACT_K, "E_sum_etaprev_grad2"), BOUND)], notes=_ROOT_1499),
    claim(None, 1545, "the random variables of the Cauchy–Schwarz step", "definition", "A² = Σ_t η_T‖∇L(w_t)‖², B² = 1/η_T",
          checks=[NotCheckable("definitions of A and B (their use is decided at line 1549)")]),
    claim(None, 1553, "continuing with line 1541", "expectation bound",
          "E[√(Σ‖∇L‖²)]²/E[η_T^{−1}] ≤ Δ + Hc² log(…)/2 + cG_L G_ℓ/ε;  E[√(Σ‖∇L‖²)]² ≤ (…)E[η_T^{−1}] = (Δ/c + Hc log(…)/2 + G_L G_ℓ/ε)E[√(ε² + Σ‖g_t‖²)]",
          end_line=1553, hypotheses=HYP_10_3 + ["log(…) = log(T(G_L² + σ²)/ε²) as printed"],
          symbols=sym(Delta, H, c, T, G_L, sigma, eps, G_ell, E["E_inv_etaT"]),
          bound=(Delta + H * c**2 * LOG_G / 2 + c * G_L * G_ell / eps) * E["E_inv_etaT"],
          checks=[InstanceSearch(Measured(EXACT_K, "X2"), BOUND),
                  Identity((Delta + H * c**2 * LOG_G / 2 + c * G_L * G_ell / eps) * (X / c), (Delta / c + H * c * LOG_G / 2 + G_L * G_ell / eps) * X,
                           part="1/η_T = √(ε² + Σ‖g_t‖²)/c", note="X = √(ε² + Σ_t‖g_t‖²)")],
          notes=_ROOT_1499),
    claim(None, 1561, "the self-bounding form", "qualitative", "X² ≤ f(X)",
          checks=[NotCheckable("a schematic form (f unspecified) announcing the argument decided at lines 1565–1595")]),
    claim(None, 1565, "equation (4)", "expectation bound", "X² ≤ K E[√(ε² + Σ_t‖g_t‖²)]",
          hypotheses=HYP_10_3 + ["K of line 1557"], symbols=sym(Kp, E["E_sqrt_eps_sum_g2"]), bound=Kp * E["E_sqrt_eps_sum_g2"],
          checks=[InstanceSearch(Measured(EXACT_K, "X2"), BOUND)], notes=_ROOT_1499),
]
