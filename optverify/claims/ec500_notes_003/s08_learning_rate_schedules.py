"""003 section 8 (lines 1193–1303): tuning learning rates, schedules, and the technical intuition for warm-up.

Root cause of the refutation in 8.2: line 1267 bounds E‖Σ_t p_t‖² by 2σ√B, which is the bound of
E‖Σ_t p_t‖ (what line 1271 uses); E‖Σ_t p_t‖² itself can be 4σ²B.
"""

from __future__ import annotations

import sympy as sp

from optverify import Corrected, Identity, Inequality, InstanceSearch, LengthInduction, NotCheckable, ProofStep, Semialgebraic
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.claims.ec500_notes_003.s10_adaptive_sgd import NONNEG, REAL
from optverify.claims.specs import Range
from optverify.counterexamples.families.rademacher_sums import rademacher_sums
from optverify.counterexamples.schema import Measured

B = sp.Symbol("B", integer=True, positive=True)
Bp = sp.Symbol("B", positive=True)  # B as a real variable for interval proofs
tr = sp.Symbol("t", nonnegative=True)
POS = Range(sp.Integer(0), sp.oo, True)
eta_min, eta_max, T_w, eta_0 = sp.symbols("eta_min eta_max T_w eta_0", positive=True)
xs = sp.symbols("x", positive=True)
# scalar stand-ins for the vectors of 8.2: ∇ℓ(w_t^{(1)}, z_t) = a, ∇L(w_t^{(1)}) = b, ∇L(w_1) = g1, ∇ℓ(w_1, z_t) = e
a, b, g1, e, G1, R, Sx, r, Ex = sp.symbols("a b g1 e G1 R S r E", real=True)
_N, _A, _J, _I = sp.symbols("N A J I", real=True)

CLAIMS = [
    claim(None, 1197, "advice on tuning", "qualitative", "tune on a logarithmic scale; keep the best rate off the edge; random search",
          end_line=1199, checks=[NotCheckable("practical advice about tuning procedures, with nothing exact in it")]),
    claim(None, 1207, "exponential (step) decay", "qualitative", "decrease the learning rate by a constant factor after a number of epochs",
          printed="after a certain number of epochs, we decrease the learning rate by a constant factor",
          checks=[NotCheckable("a description of a practice (ImageNet: ÷10 every 30 epochs) with no claim to decide")]),
    claim(None, 1213, "cosine annealing", "definition", "η_t = η_min + ½(η_max − η_min)(1 + cos(πt/T))",
          checks=[Identity((eta_min + (eta_max - eta_min) * (1 + sp.cos(sp.pi * tr / T_w)) / 2).subs(tr, T_w), eta_min,
                           part="it ends at η_min (t = T)"),
                  Identity((eta_min + (eta_max - eta_min) * (1 + sp.cos(sp.pi * tr / T_w)) / 2).subs(tr, 0), eta_max,
                           part="it starts from η_max (t = 0)")]),
    claim(None, 1217, "cosine annealing by phases", "definition", "η_t = η_min,i + ½(η_max,i − η_min,i)(1 + cos(πt/T_i))",
          checks=[NotCheckable("a definition of the phased schedule (its endpoints are those of line 1213)")]),
    claim(None, 1225, "scaling the learning rate with the batch size", "identity", "O(√B/√(T/B)) = O(B/√T)",
          printed="the optimal learning rate is  $O(\\sqrt{B}/\\sqrt{T/B}) = O(B/\\sqrt{T})$",
          checks=[Identity(sp.sqrt(B) / sp.sqrt(T / B), B / sp.sqrt(T))]),
    claim(None, 1229, "linear warm-up", "definition", "η_t = tη_0/T_warm-up for t ≤ T_warm-up, then another schedule",
          hypotheses=["the text: the other schedule typically starts at η_0"],
          checks=[Identity((tr * eta_0 / T_w).subs(tr, T_w), eta_0, part="the warm-up reaches η_0 at t = T_warm-up")]),
    claim(None, 1241, "B steps of batch size 1", "identity", "w_{B+1}^{(1)} = w_1 − η Σ_{t=1}^B ∇ℓ(w_t^{(1)}, z_t)",
          checks=[LengthInduction("B", state={_A: 0, _J: 0}, element={_I: REAL}, update={_A: _A - eta * _I, _J: _J + _I},
                                  params={eta: POS}, invariant=(sp.Eq(_A, -eta * _J),), goal=sp.Eq(_A, -eta * _J),
                                  meaning={"A": "w_{t+1}^{(1)} − w_1 (one coordinate)", "J": "Σ_{τ≤t} ∇ℓ(w_τ^{(1)}, z_τ)",
                                           "I": "∇ℓ(w_{t+1}^{(1)}, z_{t+1})"})]),
    claim(None, 1245, "one step of batch size B", "identity", "w_2^{(B)} = w_1 − η^{(B)}(1/B)Σ_t ∇ℓ(w_1, z_t)",
          hypotheses=["line 1247: with η^{(B)} = Bη the step is −ηΣ_t ∇ℓ(w_1, z_t), the same as line 1241 when the gradients agree"],
          checks=[Identity(B * eta / B * e, eta * e, part="η^{(B)}/B = η when η^{(B)} = Bη")]),
    claim(None, 1251, "decomposing B steps of batch size 1", "identity",
          "w_{B+1}^{(1)} − w_1 = −ηBΣ… = −ηB∇L(w_1) − ηΣ_t r_t^{(1)} − ηΣ_t (∇L(w_t^{(1)}) − ∇L(w_1))",
          hypotheses=["the second line's sum read as covering all three terms (as the third line uses it); per term: "
                      "∇ℓ = (∇ℓ − ∇L(w_t)) + (∇L(w_t) − ∇L(w_1)) + ∇L(w_1)"],
          checks=[Identity(-eta * a, -eta * g1 - eta * (a - b) - eta * (b - g1))]),
    claim(None, 1255, "one step of batch size B, decomposed", "identity",
          "w_2^{(B)} − w_1 = −η^{(B)}(1/B)Σ_t ∇ℓ(w_1, z_t) = −ηB∇L(w_1) − ηΣ_t r_t^{(B)}",
          hypotheses=["η^{(B)} = Bη; per term ∇ℓ(w_1, z_t) = ∇L(w_1) + r_t^{(B)}"],
          checks=[Identity(-(B * eta) / B * e, -eta * g1 - eta * (e - g1))]),
    claim(None, 1259, "the difference", "identity",
          "w_{B+1}^{(1)} − w_2^{(B)} = −ηΣ_t (r_t^{(1)} − r_t^{(B)}) − ηΣ_t (∇L(w_t^{(1)}) − ∇L(w_1))",
          checks=[Identity((-eta * g1 - eta * (a - b) - eta * (b - g1)) - (-eta * g1 - eta * (e - g1)),
                           -eta * ((a - b) - (e - g1)) - eta * (b - g1))]),
    claim(None, 1267, "second moment of the sum of the p_t", "expectation bound",
          "E‖Σ_t p_t‖² ≤ √(E‖Σ_t p_t‖⁴) ≤ 2σ√B",
          hypotheses=["p_t mean zero, uncorrelated, E‖p_t‖² ≤ 4σ² (line 1263): p_t = 2σε_t with ε_t i.i.d. ±1 satisfies all three"],
          symbols={"sigma": sigma, "B": B, "sqrt_E4": sp.Symbol("sqrt_E4")}, bound=2 * sigma * sp.sqrt(B),
          checks=[InstanceSearch(rademacher_sums, sp.Symbol("sqrt_E4"), part="E‖Σp‖² ≤ √(E‖Σp‖⁴) (Jensen)"),
                  InstanceSearch(Measured(rademacher_sums, "sqrt_E4"), 2 * sigma * sp.sqrt(B), part="√(E‖Σp‖⁴) ≤ 2σ√B")],
          corrected=Corrected("E‖Σ_t p_t‖ ≤ √(E‖Σ_t p_t‖²) ≤ 2σ√B (what line 1271 uses)",
                              "E‖Σ_t p_t‖² = Σ_t E‖p_t‖² ≤ 4σ²B for uncorrelated mean-zero p_t; the bound 2σ√B is that of E‖Σ_t p_t‖",
                              [InstanceSearch(Measured(rademacher_sums, "E_abs"), 2 * sigma * sp.sqrt(B))], bound=2 * sigma * sp.sqrt(B)),
          notes="E‖Σp‖² = 4σ²B exceeds 2σ√B as soon as σ√B > 1/2 (at B = 1, σ = 1: 4 > 2)"),
    claim(None, 1283, "solving for Σ_t ‖w_t^{(1)} − w_1‖", "expectation bound",
          "Σ_t‖w_t^{(1)} − w_1‖ ≤ ηB(B−1)‖∇L(w_1)‖ + 2ηΣ_t‖Σ_{t'<t} r_{t'}‖;  E[Σ_t‖w_t^{(1)} − w_1‖] ≤ ηB²‖∇L(w_1)‖ + 4ησB^{3/2}",
          hypotheses=["ηHB ≤ 1/2 (η ≤ 1/(2BH)); S = Σ_t‖w_t^{(1)} − w_1‖ ≥ 0, G1 = ‖∇L(w_1)‖, R = Σ_t‖Σ_{t'<t} r_{t'}‖",
                      "the expectation line decided with E‖Σ_{t'<t} r_{t'}‖ ≤ σ√(t − 1) (uncorrelated, E‖r‖² ≤ σ²) and "
                      "Σ_t √(t − 1) ≤ (2/3)B^{3/2}; r = √B"],
          checks=[Semialgebraic(Sx, "<=", eta * B * (B - 1) * G1 + 2 * eta * R, {Sx: NONNEG, eta: POS, B: POS, G1: NONNEG, R: NONNEG, H: POS},
                                given=(Sx <= eta * B * (B - 1) / 2 * G1 + eta * R + eta * H * B * Sx, eta * H * B <= sp.Rational(1, 2)),
                                part="solving the recursion"),
                  Semialgebraic(eta * r**2 * (r**2 - 1) * G1 + 2 * eta * R, "<=", eta * r**4 * G1 + 4 * eta * sigma * r**3,
                                {eta: POS, r: Range(sp.Integer(1), sp.oo), G1: NONNEG, R: NONNEG, sigma: POS},
                                given=(R <= sigma * sp.Rational(2, 3) * r**3,), part="in expectation"),
                  ProofStep(1285, 2 * eta * R, "<=", 4 * eta * sigma * r**3,
                            Semialgebraic(2 * eta * R, "<=", 4 * eta * sigma * r**3, {eta: POS, r: Range(sp.Integer(1), sp.oo), R: NONNEG, sigma: POS},
                                          given=(R <= 2 * sigma * 2 * r**3,)),
                            part="the printed justification: E‖Σ_{t'<t} r‖ ≤ 2σ√t and Σ_t √t ≤ 2B^{3/2}")],
          notes="the bound holds; the printed justification (2σ√t and 2B^{3/2}) gives 8ησB^{3/2}, not 4ησB^{3/2}"),
    claim(None, 1287, "an increasing function under its integral", "inequality", "∫_t^{t+1} √x dx ≥ √t",
          checks=[Inequality(sp.Rational(2, 3) * ((tr + 1) ** sp.Rational(3, 2) - tr ** sp.Rational(3, 2)), ">=", sp.sqrt(tr), {tr: NONNEG}),
                  Identity(sp.integrate(sp.sqrt(xs), (xs, tr, tr + 1)), sp.Rational(2, 3) * ((tr + 1) ** sp.Rational(3, 2) - tr ** sp.Rational(3, 2)),
                           part="the integral")]),
    claim(None, 1291, "Σ_t √t against its integral", "inequality",
          "Σ_{t=1}^B √t ≤ ∫_1^{B+1} √x dx = (2/3)(B+1)^{3/2} − 2/3 ≤ 2B^{3/2}",
          end_line=1291,
          checks=[LengthInduction("B", state={_N: 0, _A: 0, _J: 0}, element={_I: REAL}, given=(sp.sqrt(_N + 1) <= _I,),
                                  update={_N: _N + 1, _A: _A + sp.sqrt(_N + 1), _J: _J + _I}, invariant=(_N >= 0, _A <= _J),
                                  goal=sp.Le(_A, _J), part="Σ_t √t ≤ Σ_t ∫_t^{t+1} √x dx (line 1287), for every B",
                                  meaning={"N": "t", "A": "Σ_{τ≤t} √τ", "J": "∫_1^{t+1} √x dx", "I": "∫_{t+1}^{t+2} √x dx"}),
                  Identity(sp.integrate(sp.sqrt(xs), (xs, 1, Bp + 1)), sp.Rational(2, 3) * (Bp + 1) ** sp.Rational(3, 2) - sp.Rational(2, 3),
                           part="the integral"),
                  Semialgebraic(sp.Rational(2, 3) * (Bp + 1) * sp.sqrt(Bp + 1) - sp.Rational(2, 3), "<=", 2 * Bp * sp.sqrt(Bp),
                                {Bp: Range(sp.Integer(1), sp.oo)}, part="(2/3)(B+1)^{3/2} − 2/3 ≤ 2B^{3/2} for every B ≥ 1 (z3)"),
                  Inequality(sp.Rational(2, 3) * (Bp + 1) ** sp.Rational(3, 2) - sp.Rational(2, 3), "<=", 2 * Bp ** sp.Rational(3, 2),
                             {Bp: Range(sp.Integer(1), sp.Integer(10) ** 6)},
                             part="(2/3)(B+1)^{3/2} − 2/3 ≤ 2B^{3/2} for every B ≥ 1 (z3)")]),
    claim(None, 1295, "combining", "expectation bound",
          "E‖w_{B+1}^{(1)} − w_2^{(B)}‖ ≤ 2ση√B + ηH E[Σ_t‖w_t − w_1‖] ≤ 2ση√B + η²HB²‖∇L(w_1)‖ + 4η²HσB^{3/2}",
          hypotheses=["E = E‖w_{B+1}^{(1)} − w_2^{(B)}‖ with the first line (line 1271) and line 1283; r = √B"],
          checks=[Semialgebraic(Ex, "<=", 2 * sigma * eta * r + eta**2 * H * r**4 * G1 + 4 * eta**2 * H * sigma * r**3,
                                {Ex: NONNEG, Sx: NONNEG, sigma: POS, eta: POS, r: POS, H: POS, G1: NONNEG},
                                given=(Ex <= 2 * sigma * eta * r + eta * H * Sx, Sx <= eta * r**4 * G1 + 4 * eta * sigma * r**3))]),
    claim(None, 1299, "with η ≤ 1/(2HB)", "inequality",
          "… ≤ 4ση√B + (ηB/2)‖∇L(w_1)‖ ≤ 2σ/(H√B) + (ηB/2)‖∇L(w_1)‖",
          hypotheses=["η ≤ 1/(2HB), r = √B"],
          checks=[Semialgebraic(2 * sigma * eta * r + eta**2 * H * r**4 * G1 + 4 * eta**2 * H * sigma * r**3, "<=",
                                4 * sigma * eta * r + eta * r**2 / 2 * G1, {sigma: POS, eta: POS, r: POS, H: POS, G1: NONNEG},
                                given=(eta <= 1 / (2 * H * r**2),), part="first line"),
                  Semialgebraic(4 * sigma * eta * r, "<=", 2 * sigma / (H * r), {sigma: POS, eta: POS, r: POS, H: POS},
                                given=(eta <= 1 / (2 * H * r**2),), part="second line")]),
]

P_, D_, W_, Hs, EP, Ew, Sw = sp.symbols("P D W H_s E_P E_w S_w", real=True)
t_ = sp.Symbol("t", integer=True, positive=True)

CLAIMS += [
    claim(None, 1263, "the difference with p_t = r_t^{(1)} − r_t^{(B)}, and its norm", "inequality",
          "w_{B+1}^{(1)} − w_2^{(B)} = −η[Σp_t + Σ(∇L(w_t) − ∇L(w_1))]; ‖…‖ ≤ η[‖Σp_t‖ + Σ‖∇L(w_t) − ∇L(w_1)‖] ≤ η[‖Σp_t‖ + HΣ‖w_t − w_1‖]",
          end_line=1263,
          hypotheses=["scalar stand-ins: P = Σ_t p_t, D = Σ_t(∇L(w_t) − ∇L(w_1)) with |D| ≤ HW, W = Σ_t‖w_t − w_1‖ (H-smoothness, triangle)"],
          checks=[Identity(-eta * ((a - b) - (e - g1)) - eta * (b - g1), -eta * (((a - b) - (e - g1)) + (b - g1)), part="the equality"),
                  Semialgebraic(sp.Abs(-eta * (P_ + D_)), "<=", eta * (sp.Abs(P_) + Hs * W_), {eta: POS, P_: REAL, D_: REAL, Hs: POS, W_: NONNEG},
                                given=(sp.Abs(D_) <= Hs * W_,), part="triangle inequality and smoothness")]),
    claim(None, 1271, "in expectation", "expectation bound", "E‖w_{B+1}^{(1)} − w_2^{(B)}‖ ≤ 2ση√B + ηH E[Σ_t‖w_t^{(1)} − w_1‖]",
          hypotheses=["line 1263 in expectation and E‖Σ_t p_t‖ ≤ 2σ√B (line 1267's corrected form); r = √B"],
          checks=[Semialgebraic(Ew, "<=", 2 * sigma * eta * r + eta * Hs * Sw, {Ew: NONNEG, EP: NONNEG, Sw: NONNEG, sigma: POS, eta: POS, r: POS, Hs: POS},
                                given=(Ew <= eta * (EP + Hs * Sw), EP <= 2 * sigma * r))]),
    claim(None, 1275, "one iterate of batch size 1", "inequality",
          "w_t^{(1)} − w_1 = −η(t−1)∇L(w_1) − ηΣ_{t'<t} r_{t'} − ηΣ_{t'<t}(∇L(w_{t'}) − ∇L(w_1)); ‖…‖ ≤ η(t−1)‖∇L(w_1)‖ + η‖Σr‖ + ηHΣ‖w_{t'} − w_1‖",
          end_line=1275,
          checks=[Identity(-eta * a, -eta * g1 - eta * (a - b) - eta * (b - g1), part="per term, as at line 1251"),
                  Semialgebraic(sp.Abs(-eta * (G1 + P_ + D_)), "<=", eta * (sp.Abs(G1) + sp.Abs(P_) + Hs * W_),
                                {eta: POS, G1: REAL, P_: REAL, D_: REAL, Hs: POS, W_: NONNEG}, given=(sp.Abs(D_) <= Hs * W_,),
                                part="triangle inequality and smoothness")]),
    claim(None, 1279, "summing over t", "inequality",
          "Σ_t‖w_t − w_1‖ ≤ (ηB(B−1)/2)‖∇L(w_1)‖ + ηΣ_t‖Σ_{t'<t} r_{t'}‖ + ηHB(Σ_t‖w_t − w_1‖)",
          checks=[Identity(sp.Sum(t_ - 1, (t_, 1, B)).doit(), B * (B - 1) / 2, part="Σ_t (t − 1) = B(B − 1)/2"),
                  LengthInduction("B", state={_N: 0, _A: 0, _J: 0}, element={_I: NONNEG}, update={_N: _N + 1, _A: _A + _J, _J: _J + _I},
                                  params={}, invariant=(_N >= 0, _J >= 0, _A <= _N * _J), goal=sp.Le(_A, _N * _J),
                                  part="Σ_t Σ_{t'<t} x_{t'} ≤ B Σ_t x_t for x ≥ 0",
                                  meaning={"N": "t", "A": "Σ_{τ≤t} Σ_{t'<τ} x_{t'}", "J": "Σ_{τ≤t} x_τ", "I": "x_{t+1} = ‖w_{t+1} − w_1‖ ≥ 0"})]),
]

m_i, m_n, M_n = sp.symbols("eta_min_i eta_min_next eta_max_next", positive=True)  # η_min,i; η_min,i+1; η_max,i+1
M_i = sp.Symbol("eta_max_i", positive=True)
cos_n = sp.Symbol("c", real=True)  # cos(π/T_{i+1}): −1 at T_{i+1} = 1, in [0, 1) from T_{i+1} = 2
T_i = sp.Symbol("T_i", integer=True, positive=True)
RATE_POS = Range(sp.Integer(0), sp.Integer(10), True)


def phase_rate(lo, hi, cos_value):
    """Line 1217: η_t = η_min,i + ½(η_max,i − η_min,i)(1 + cos(πt/T_i)), at a given value of the cosine."""
    return lo + (hi - lo) * (1 + cos_value) / 2


FIRST_OF_NEXT = phase_rate(m_n, M_n, cos_n)  # t = 1 of phase i + 1
CLAIMS += [
    claim(None, 1219, "the learning rate increases at the start of each phase", "property",
          "the rate at t = 1 of phase i + 1 exceeds the rate at the end of phase i (t = T_i), whatever the decaying ranges",
          printed="This approach means that the learning rate will actually *increase* at the start of each phase",
          hypotheses=["line 1217's schedule in phase i runs t = 1 … T_i, so phase i ends at η_{T_i} = η_min,i and phase i + 1 "
                      "starts at η_min,i+1 + ½(η_max,i+1 − η_min,i+1)(1 + cos(π/T_{i+1})); c = cos(π/T_{i+1}) ∈ [−1, 1)",
                      "'potentially decaying learning rate ranges' (line 1219): any 0 < η_min,i+1 ≤ η_max,i+1, nothing tying them "
                      "to phase i's range; 'oscillatory behavior in the loss' and the advice to return ŵ at the end of a phase "
                      "name no loss, so only the schedule is checked"],
          checks=[Identity(phase_rate(m_i, M_i, sp.cos(sp.pi * T_i / T_i)), m_i, domain={m_i: RATE_POS, M_i: RATE_POS},
                           part="phase i ends at η_min,i"),
                  Semialgebraic(FIRST_OF_NEXT, ">", m_i, {m_i: RATE_POS, m_n: RATE_POS, M_n: RATE_POS, cos_n: Range(-1, 1, False, True)},
                                given=(m_n <= M_n,), part="the first rate of phase i + 1 exceeds it")],
          corrected=Corrected("the rate increases at the start of phase i + 1 exactly when η_min,i+1 + ½(η_max,i+1 − η_min,i+1)"
                              "(1 + cos(π/T_{i+1})) > η_min,i; in particular whenever T_{i+1} ≥ 2 and the midpoint of the next "
                              "range lies above η_min,i",
                              "with ranges that decay faster (η_max,i+1 ≤ η_min,i, say) the rate keeps falling across the boundary",
                              checks=[Semialgebraic(FIRST_OF_NEXT, ">", m_i,
                                                    {m_i: RATE_POS, m_n: RATE_POS, M_n: RATE_POS, cos_n: Range(0, 1, False, True)},
                                                    given=(m_n <= M_n, (m_n + M_n) / 2 > m_i),
                                                    part="T_{i+1} ≥ 2 (c ≥ 0), midpoint above η_min,i")])),
]
