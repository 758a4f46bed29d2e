"""003 appendix A: probability background — Markov, Chebyshev, Jensen (and its discrete form), the union bound,
and Propositions 10.4–10.6 as printed again (ids '@L<line>').

Random variables are finite distributions, so every expectation and probability is exact
(``ec500_background``); identities are proved symbolically.
"""

from __future__ import annotations

import sympy as sp

from optverify import (Corrected, Identity, InstanceSearch, Semialgebraic, Sharp, closed, left_open)
from optverify.claims.ec500_notes_003._common import claim
from optverify.counterexamples.families.ec500_background import random_variable, two_variables, weighted_jensen, young
from optverify.counterexamples.schema import Measured

RV = "X with three atoms x_i ∈ [−3, 3] of probabilities ∝ w_i ∈ [0.01, 1] (every expectation exact)"
CONVEX = "f(x) = a x² + b|x| + c eˣ with a, b, c ≥ 0 (convex)"
POS, NONNEG, REAL = left_open(0, sp.oo), closed(0, sp.oo), closed(-sp.oo, sp.oo)
pr, p1, p2, p3 = sp.symbols("p p1 p2 p3", nonnegative=True)
x1, x2, y1, y2, a1, a2, b1, b2 = sp.symbols("x1 x2 y1 y2 a1 a2 b1 b2", real=True)
P_, Q_, LAM, NX, NY = sp.symbols("p q lambda nx ny", positive=True)
EA2, EB2 = sp.symbols("EA2 EB2", positive=True)


def _e(v1, v2):
    """E over two atoms of probabilities p, 1 − p."""
    return pr * v1 + (1 - pr) * v2


# bias–variance for a two-atom X ∈ ℝ² (atoms (x1, y1), (x2, y2)) and a deterministic Y = (a1, a2)
EX = (_e(x1, x2), _e(y1, y2))
E_XY = _e((x1 - a1) ** 2 + (y1 - a2) ** 2, (x2 - a1) ** 2 + (y2 - a2) ** 2)
BIAS = (a1 - EX[0]) ** 2 + (a2 - EX[1]) ** 2
VAR = _e((x1 - EX[0]) ** 2 + (y1 - EX[1]) ** 2, (x2 - EX[0]) ** 2 + (y2 - EX[1]) ** 2)
CROSS = 2 * _e((x1 - EX[0]) * (EX[0] - a1) + (y1 - EX[1]) * (EX[1] - a2), (x2 - EX[0]) * (EX[0] - a1) + (y2 - EX[1]) * (EX[1] - a2))
YOUNG_RHS = NX**P_ / (P_ * LAM**P_) + LAM**Q_ * NY**Q_ / Q_
LAM_STAR = NX ** (P_ / (P_ + Q_)) / NY ** (Q_ / (P_ + Q_))
_YOUNG_AT = {NX: 4, NY: 1, P_: 2, Q_: 2}  # p = q = 2: λ⋆ = √(‖X‖/‖Y‖)
YOUNG_EQUALITY = {"nx": 4.0, "ny": 1.0, "cos": 1.0, "p": 2.0, "lam": float(LAM_STAR.subs(_YOUNG_AT))}

CLAIMS = [
    claim("Prop A.1", 3983, "Markov inequality", "inequality", "P[X ≥ y] ≤ E[X]/y for X ≥ 0, E[X] < ∞, y > 0", end_line=3985,
          hypotheses=["X = |Z| for Z with three atoms (a non-negative random variable with finite mean)", RV],
          checks=[InstanceSearch(Measured(random_variable, "markov_p"), sp.Symbol("markov_rhs"),
                                 sharp=Sharp("X ∈ {0, y}: P[X ≥ y] = E[X]/y",
                                             {"x": [0.0, 1.0, 1.0], "w": [0.5, 0.25, 0.25], "y": 1.0, "a": 0.0, "b": 0.0, "c": 0.0, "yp": 0.0}))]),
    claim("Prop A.2", 3989, "Chebyshev inequality", "inequality", "P[|X − E[X]| ≥ y] ≤ σ²/y² for all y", end_line=3991,
          hypotheses=["'for all y' as printed: y ∈ [−2, 2] \\ {0} (y = 0 leaves σ²/0 undefined)", RV],
          checks=[InstanceSearch(Measured(random_variable, "cheb_p"), sp.Symbol("cheb_rhs"))],
          corrected=Corrected("for all y > 0", "for y < 0 the event is certain while σ²/y² can be below 1; the proof's "
                              "'|X − E[X]| ≥ y iff Z ≥ y²' also needs y ≥ 0",
                              checks=[InstanceSearch(Measured(random_variable, "cheb_p_pos"), sp.Symbol("cheb_rhs_pos"), part="instances"),
                                      Semialgebraic(pr * 1, "<=", sp.Symbol("s2") / sp.Symbol("y") ** 2,
                                                    {pr: closed(0, 1), sp.Symbol("s2"): NONNEG, sp.Symbol("y"): POS},
                                                    given=(sp.Symbol("s2") >= pr * sp.Symbol("y") ** 2,),
                                                    part="P ≤ E[Z]/y² when E[Z] ≥ P·y² (Z ≥ y² on the event)")])),
    claim("Prop A.3", 3995, "Jensen inequality", "inequality", "E[f(X)] ≥ f(E[X]) for convex f", end_line=3997,
          hypotheses=[RV, CONVEX],
          checks=[InstanceSearch(Measured(random_variable, "fE"), sp.Symbol("Ef"))]),
    claim(None, 4001, "a supporting line of a convex function", "inequality", "f(y) ≥ f(E[X]) + ⟨g, y − E[X]⟩",
          hypotheses=[CONVEX + "; g = f'(E[X]) (a subgradient; at 0 the |x| term contributes 0)", RV],
          checks=[InstanceSearch(Measured(random_variable, "support"), sp.Symbol("f_yp"))]),
    claim(None, 4005, "Jensen's proof", "inequality", "E[f(X)] ≥ f(E[X]) + E[⟨g, X − E[X]⟩] = f(E[X])",
          hypotheses=["the '≥' is line 4001 in expectation (checked there); the '=' is E[X − E[X]] = 0, for two atoms of probabilities "
                      "p, 1 − p"],
          checks=[Identity(_e(x1 - _e(x1, x2), x2 - _e(x1, x2)), sp.Integer(0), part="E[X − E[X]] = 0")]),
    claim(None, 4009, "Jensen for a concave function", "inequality", "E[|X|] ≤ √(E[X²])",
          printed="for any random variable  $X$ ,  $\\mathbb{E}[|X|] \\leq \\sqrt{\\mathbb{E}[X^2]}$",
          hypotheses=[RV],
          checks=[InstanceSearch(Measured(random_variable, "E_abs"), sp.Symbol("sqrt_E_sq"))]),
    claim("Cor A.4", 4013, "Jensen inequality, discrete case", "inequality",
          "x̄ = (1/Σa_i)Σ_i x_i ⇒ (1/Σa_i)Σ_i f(x_i) ≥ f(x̄)", end_line=4015,
          hypotheses=["as printed: the weights a_i appear only in the normalisation 1/Σa_i, not inside the sums",
                      "x_i ∈ [−3, 3] (d = 1), a_i ∈ [0, 3] not all 0, f = f0 + a x² + b|x| + c eˣ convex"],
          checks=[InstanceSearch(weighted_jensen.bind(form="printed"), sp.Symbol("rhs"))],
          corrected=Corrected("x̄ = Σa_i x_i/Σa_i and Σa_i f(x_i)/Σa_i ≥ f(x̄)",
                              "the proof's distribution puts probability a_i/Σa_j on x_i: the weights belong inside both sums",
                              checks=[InstanceSearch(weighted_jensen.bind(form="corrected"), sp.Symbol("rhs"))])),
    claim("Prop A.5", 4019, "union bound", "inequality", "P[A or B] ≤ P[A] + P[B]",
          hypotheses=["the four atoms A∩B, A∖B, B∖A, neither with probabilities p1, p2, p3, 1 − p1 − p2 − p3"],
          checks=[Semialgebraic(p1 + p2 + p3, "<=", (p1 + p2) + (p1 + p3), {p1: NONNEG, p2: NONNEG, p3: NONNEG},
                                given=(p1 + p2 + p3 <= 1,))]),
    claim("Prop 10.4@L4025", 4025, "bias–variance decomposition", "identity", "E‖X − Y‖² = ‖Y − E[X]‖² + E‖X − E[X]‖²", end_line=4027,
          hypotheses=["X ∈ ℝ² with two atoms of probabilities p, 1 − p (symbolic), Y = (a1, a2) deterministic"],
          checks=[Identity(E_XY, BIAS + VAR)]),
    claim(None, 4031, "expanding the square", "identity",
          "E‖X − Y‖² = ‖Y − E X‖² + E‖X − E X‖² + 2E⟨X − E X, E X − Y⟩ and the cross term vanishes",
          hypotheses=["as Proposition 10.4's check"],
          checks=[Identity(E_XY, BIAS + VAR + CROSS, part="expansion"), Identity(CROSS, sp.Integer(0), part="cross term")]),
    claim("Prop 10.5@L4037", 4037, "Young inequality", "inequality", "⟨X, Y⟩ ≤ ‖X‖^p/(pλ^p) + λ^q‖Y‖^q/q", end_line=4039,
          hypotheses=["λ > 0, 1/p + 1/q = 1 (so p, q > 1); ⟨X, Y⟩ = ‖X‖‖Y‖cos∠(X, Y)"],
          checks=[InstanceSearch(young, sp.Symbol("rhs"), sharp=Sharp("equality at cos = 1 and λ = ‖X‖^{p/(p+q)}/‖Y‖^{q/(p+q)}", YOUNG_EQUALITY))]),
    claim(None, 4043, "first derivative in λ", "identity", "d/dλ RHS = −‖X‖^p/λ^{p+1} + λ^{q−1}‖Y‖^q",
          checks=[Identity(sp.diff(YOUNG_RHS, LAM), -NX**P_ / LAM ** (P_ + 1) + LAM ** (Q_ - 1) * NY**Q_)]),
    claim(None, 4047, "second derivative in λ", "inequality", "(p + 1)‖X‖^p/λ^{p+2} + (q − 1)λ^{q−2}‖Y‖^q ≥ 0",
          hypotheses=["the display is the derivative of line 4043's expression, non-negative for q ≥ 1"],
          checks=[Identity(sp.diff(-NX**P_ / LAM ** (P_ + 1) + LAM ** (Q_ - 1) * NY**Q_, LAM),
                           (P_ + 1) * NX**P_ / LAM ** (P_ + 2) + (Q_ - 1) * LAM ** (Q_ - 2) * NY**Q_, part="derivative"),
                  Semialgebraic((P_ + 1) * sp.Symbol("A") + (Q_ - 1) * sp.Symbol("B"), ">=", 0,
                                {P_: POS, Q_: closed(1, sp.oo), sp.Symbol("A"): NONNEG, sp.Symbol("B"): NONNEG},
                                part="≥ 0", note="A = ‖X‖^p/λ^{p+2} ≥ 0, B = λ^{q−2}‖Y‖^q ≥ 0")]),
    claim(None, 4051, "the minimum value", "identity",
          "RHS at λ = ‖X‖^{p/(p+q)}/‖Y‖^{q/(p+q)} = ‖X‖^{pq/(p+q)}‖Y‖^{pq/(p+q)}/p + ‖Y‖^{pq/(p+q)}‖X‖^{pq/(p+q)}/q",
          checks=[Identity(YOUNG_RHS.subs(LAM, LAM_STAR),
                           NX ** (P_ * Q_ / (P_ + Q_)) * NY ** (P_ * Q_ / (P_ + Q_)) / P_ + NY ** (P_ * Q_ / (P_ + Q_)) * NX ** (P_ * Q_ / (P_ + Q_)) / Q_,
                           domain={NX: closed(sp.Rational(1, 10), 5), NY: closed(sp.Rational(1, 10), 5), P_: closed(sp.Rational(11, 10), 5),
                                   Q_: closed(sp.Rational(11, 10), 5)})]),
    claim(None, 4055, "1/p + 1/q = (p + q)/(pq)", "identity", "1 = 1/p + 1/q = (p + q)/(pq)",
          checks=[Identity(1 / P_ + 1 / Q_, (P_ + Q_) / (P_ * Q_))]),
    claim(None, 4059, "the minimum is ‖X‖‖Y‖", "identity", "‖X‖‖Y‖/p + ‖Y‖‖X‖/q = ‖X‖‖Y‖",
          hypotheses=["1/p + 1/q = 1: q = p/(p − 1)"],
          checks=[Identity((NX * NY / P_ + NY * NX / Q_).subs(Q_, P_ / (P_ - 1)), NX * NY)]),
    claim("Prop 10.6@L4067", 4067, "Cauchy–Schwarz for random variables", "inequality", "E[AB] ≤ √(E[A²]E[B²])", end_line=4069,
          hypotheses=["(A, B) with three joint atoms, exact expectations"],
          checks=[InstanceSearch(two_variables, sp.Symbol("rhs"), sharp=Sharp("B = cA", {"a": [0.5, 1.0, -1.0], "b": [1.0, 2.0, -2.0], "w": [0.5, 0.25, 0.25]}))]),
    claim(None, 4073, "Young with p = q = 2", "inequality", "E[AB] ≤ E[A²]/(2λ²) + λ²E[B²]/2",
          hypotheses=["pointwise AB ≤ A²/(2λ²) + λ²B²/2 (Young, p = q = 2), then expectation"],
          checks=[Semialgebraic(a1 * b1, "<=", a1**2 / (2 * LAM**2) + LAM**2 * b1**2 / 2, {a1: REAL, b1: REAL, LAM: POS})]),
    claim(None, 4075, "choosing λ", "identity", "E[A²]/(2λ²) + λ²E[B²]/2 = √(E[A²]E[B²]) at λ = E[A²]/E[B²]",
          printed="set  $\\lambda = \\frac{\\mathbb{E}[A^2]}{\\mathbb{E}[B^2]}$  to conclude the desired result",
          checks=[Identity((EA2 / (2 * LAM**2) + LAM**2 * EB2 / 2).subs(LAM, EA2 / EB2), sp.sqrt(EA2 * EB2),
                           domain={EA2: closed(sp.Rational(1, 10), 10), EB2: closed(sp.Rational(1, 10), 10)})],
          corrected=Corrected("λ = (E[A²]/E[B²])^{1/4}", "the two terms balance at λ² = √(E[A²]/E[B²])",
                              checks=[Identity((EA2 / (2 * LAM**2) + LAM**2 * EB2 / 2).subs(LAM, (EA2 / EB2) ** sp.Rational(1, 4)),
                                               sp.sqrt(EA2 * EB2))]),
          notes="With the printed λ the bound is E[B²]²/(2E[A²]) + E[A²]²/(2E[B²]) ≥ √(E[A²]E[B²]): Proposition 10.6 does not follow; "
                "it still holds (its own check)."),
]
