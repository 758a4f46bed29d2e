"""003 section 25: second-order smoothness and the cubic-regularised Newton step.

Instances: separable functions on ℝ² with a computed second-order smoothness J (a bound on the
operator norm of the third derivative, ``ec500_second_order``), the cubic subproblem solved globally
with its optimality certificate (stationarity residual, H + (J‖δ*‖/2)I ⪰ 0) in floats and at 50
digits; Theorem 25.8 on runs of the cubic-regularised Newton step of a one-dimensional class with a
known minimum; the engine kernel ``cubic_newton`` compared step by step with the certified solution.
Every bound of the section also gets a scaling check (loss × a, parameters × b, J ↦ aJ/b³).
"""

from __future__ import annotations

import sympy as sp

from optverify import (BOUND, Corrected, Identity, InstanceSearch, Limit, NotCheckable, Scaling, Semialgebraic, Sharp, Simulation,
                       closed, left_open)
from optverify.claims.ec500_notes_003._common import T, claim, eta
from optverify.counterexamples.ec500_experiments import CubicStepAgreement
from optverify.counterexamples.families.ec500_second_order import (cubic_newton_1d, cubic_subproblem, hessian_difference,
                                                                   negative_curvature_step, taylor_remainders)
from optverify.counterexamples.schema import Measured
from optverify.notation import Delta, J

# L = Ju³/6 in the first coordinate (J = 1; the second coordinate and the softplus terms off), any x, δ = (1, 0) > 0:
# the equality case of Lemmas 25.4 and 25.5
CUBIC = {"q0": 0.0, "q1": 0.0, "c0": 0.0, "c1": 0.0, "k0": 1.0, "k1": 1.0, "e0": 1.0, "e1": 0.0,
         "x0": 0.5, "x1": 0.0, "d0": 1.0, "d1": 0.0}

lam = sp.Symbol("lam", nonnegative=True)  # λ ≥ 0 (Theorem 25.7), λ(w) = −λ_min(∇²L(w))
eps_ = sp.Symbol("epsilon", positive=True)  # the ε of Theorem 25.8's proof
nd, r_ = sp.symbols("nd r", nonnegative=True)  # ‖δ‖, ‖δ*_t‖
u, x_, y_, dl, tt, kk = sp.symbols("u x y delta t k", real=True)
POS, NONNEG, REAL = left_open(0, sp.oo), closed(0, sp.oo), closed(-sp.oo, sp.oo)

SEP = ("L(w) = Σ_i q_i w_i²/2 + c_i softplus(k_i w_i) + e_i w_i³/6 on ℝ² (q ∈ [−3, 3], c ∈ [−2, 2], k ∈ [0.3, 3], e ∈ [−1, 1]); "
       "its third derivative is diagonal with entries bounded by J = max_i |c_i|k_i³/(6√3) + |e_i|, so L is J-second-order smooth "
       "(Proposition 25.3); the cubic e_i-terms put the extremal L = Ju³/6 in the class")
SUBPROBLEM = ("δ*_t the global minimiser of P_t, ∇²L(w) in lines 3859 and 3867 read as ∇²L(w_t); solved through the secular equation "
              "in floats and at 50 digits, with its certificate (stationarity residual relative to ‖∇L‖ + ‖∇²L‖‖δ*‖ + J‖δ*‖², "
              "∇²L(w_t) + (J‖δ*‖/2)I ⪰ 0); J = the third-derivative bound + Jx, Jx ∈ [0.05, 2]")
DIM = {J: "jerk", lam: "hess", nd: "param", r_: "param", Delta: "loss", T: "none", eta: "param", eps_: "grad"}
VAL, GRAD, HESS = sp.symbols("value_change grad_change hess_change")  # the bounded quantities, for the scaling checks
A_PRINTED = 6 ** sp.Rational(2, 3) * Delta ** sp.Rational(2, 3) * J ** sp.Rational(4, 3) / T ** sp.Rational(2, 3)
B_PRINTED = 2 * 6 ** sp.Rational(1, 3) * Delta ** sp.Rational(1, 3) * J ** sp.Rational(2, 3) / T ** sp.Rational(1, 3)
EPS_CORR = (3 * Delta * sp.sqrt(J) / (2 * T)) ** sp.Rational(2, 3)
THM_25_8_RUNS = ("L(u) = q u²/2 + c(softplus(ku) + softplus(−ku)) on ℝ (q > 0, c ∈ [0, 2]), L* = 2c log 2, Δ = L(w_1) − L*, "
                 "J = c k³/(3√3) + J_extra (any J at least the third-derivative bound), T ∈ 1…4 steps, each step the exact global "
                 "minimiser of the cubic model (closed form in one dimension); measured: min_t max(‖∇L(w_{t+1})‖/A, λ(w_{t+1})/B) ≤ 1")

CLAIMS = [
    claim("Def 25.1", 3734, "second-order smoothness", "definition", "‖(∇²L(x) − ∇²L(y))v‖ ≤ ρ‖x − y‖‖v‖ for all x, y, v", end_line=3736,
          checks=[NotCheckable("a definition")],
          notes="The definition names the constant ρ; line 3738 says the notes call it J (and prints the ρ-sentence twice)."),
    claim(None, 3746, "third-order Taylor approximation", "approximation",
          "L(w + δ) ≈ L(w) + ⟨∇L(w), δ⟩ + δᵀ∇²L(w)δ/2 + ∇³L(w)(δ, δ, δ)/6",
          hypotheses=["'≈' read as: the remainder after the second-order terms is ∇³L(w)(δ, δ, δ)/6 + o(‖δ‖³) as δ → 0; checked on "
                      "L = e^u at w = 1/2 (one dimension)"],
          checks=[Limit(sp.exp(sp.Rational(1, 2) + dl) - sp.exp(sp.Rational(1, 2)) * (1 + dl + dl**2 / 2), sp.exp(sp.Rational(1, 2)) * dl**3 / 6, dl, 0)]),
    claim(None, 3750, "first-order Taylor expansion of the Hessian", "approximation",
          "∇²L(w + δ)[i, j] ≈ ∇²L(w)[i, j] + Σ_k ∇³L(w)[i, j, k]δ[k]",
          hypotheses=["'≈' read as: the change of the Hessian is ∇³L(w)δ + o(‖δ‖); checked on L = e^u at w = 1/2"],
          checks=[Limit(sp.exp(sp.Rational(1, 2) + dl) - sp.exp(sp.Rational(1, 2)), sp.exp(sp.Rational(1, 2)) * dl, dl, 0)]),
    claim("Def 25.2", 3756, "operator norm of a tensor", "definition", "‖T‖_op = sup_{‖x‖, ‖y‖, ‖z‖ ≤ 1} |T(x, y, z)|", end_line=3758,
          checks=[NotCheckable("a definition")]),
    claim(None, 3762, "trilinearity bounds T(x, y, z)", "inequality", "|T(x, y, z)| ≤ ‖x‖‖y‖‖z‖‖T‖_op",
          hypotheses=["by trilinearity T(x, y, z) = ‖x‖‖y‖‖z‖·T(x/‖x‖, y/‖y‖, z/‖z‖) and the unit vectors are in the sup of Definition 25.2; "
                      "the homogeneity identity checked for a generic 2×2×2 tensor"],
          checks=[Identity(sum(sp.Symbol(f"T{a}{b}{c}") * sp.Symbol(f"x{a}") * sp.Symbol(f"y{b}") * sp.Symbol(f"z{c}")
                               for a in range(2) for b in range(2) for c in range(2)),
                           sp.sqrt(sp.Symbol("x0")**2 + sp.Symbol("x1")**2) * sp.sqrt(sp.Symbol("y0")**2 + sp.Symbol("y1")**2)
                           * sp.sqrt(sp.Symbol("z0")**2 + sp.Symbol("z1")**2)
                           * sum(sp.Symbol(f"T{a}{b}{c}") * sp.Symbol(f"x{a}") / sp.sqrt(sp.Symbol("x0")**2 + sp.Symbol("x1")**2)
                                 * sp.Symbol(f"y{b}") / sp.sqrt(sp.Symbol("y0")**2 + sp.Symbol("y1")**2)
                                 * sp.Symbol(f"z{c}") / sp.sqrt(sp.Symbol("z0")**2 + sp.Symbol("z1")**2)
                                 for a in range(2) for b in range(2) for c in range(2)))]),
    claim("Prop 25.3", 3766, "a bounded third derivative gives second-order smoothness", "property",
          "‖∇³L(w)‖_op ≤ J for all w ⇒ ‖(∇²L(x) − ∇²L(y))v‖ ≤ J‖x − y‖‖v‖",
          hypotheses=["L thrice differentiable with ‖∇³L‖_op ≤ J", SEP],
          checks=[InstanceSearch(hessian_difference, J * sp.Symbol("nxy") * sp.Symbol("nv"))]),
    claim(None, 3772, "mean value theorem for a Hessian entry", "identity",
          "∇²L(y)[i, j] = ∇²L(x)[i, j] + Σ_k ∇³L(z)[i, j, k](x − y)[k]",
          hypotheses=["on L(u) = u³/6 (∇²L(u) = u, ∇³L ≡ 1, so every z gives the same right side): y = x + (x − y)"],
          checks=[Identity(y_, x_ + 1 * (x_ - y_), domain={x_: closed(-3, 3), y_: closed(-3, 3)})],
          corrected=Corrected("∇²L(y)[i, j] = ∇²L(x)[i, j] + Σ_k ∇³L(z_{ij})[i, j, k](y − x)[k], z_{ij} on the segment (one z per entry)",
                              "the increment is y − x; and the mean value theorem gives a point per entry, not one z for the whole matrix",
                              checks=[Identity(y_, x_ + 1 * (y_ - x_))]),
          notes="The sign slip does not affect Proposition 25.3, whose bound is symmetric in x and y."),
    claim(None, 3776, "the bilinear form of the Hessian change", "inequality",
          "vᵀ(∇²L(y) − ∇²L(x))w ≤ ‖v‖‖w‖‖x − y‖‖∇³L(z)‖_op ≤ J‖x − y‖",
          hypotheses=["unit v, w; checked as ‖(∇²L(x) − ∇²L(y))v‖ ≤ J‖x − y‖‖v‖ (the sup over unit w)", SEP],
          checks=[InstanceSearch(hessian_difference, J * sp.Symbol("nxy") * sp.Symbol("nv"))]),
    claim("Lem 25.4", 3782, "cubic upper bound", "inequality",
          "L(x + δ) ≤ L(x) + ⟨∇L(x), δ⟩ + δᵀ∇²L(x)δ/2 + J‖δ‖³/6", end_line=3784,
          hypotheses=["L J-second-order smooth", SEP],
          symbols={"J": J, "nd": nd}, bound=J * nd**3 / 6,
          checks=[InstanceSearch(taylor_remainders, BOUND, sharp=Sharp("L = Ju³/6 with δ > 0: the remainder is exactly Jδ³/6", CUBIC)),
                  Scaling(VAL, BOUND, {VAL: "loss", **DIM})]),
    claim(None, 3788, "the double integral of Lemma 25.4's proof", "inequality",
          "L(x + δ) = L(x) + ∫₀¹⟨∇L(x + tδ), δ⟩dt, ∫₀¹∫₀¹ t dk dt = 1/2, ∫₀¹∫₀¹ t²kJ‖δ‖³ dk dt = J‖δ‖³/6",
          hypotheses=["the fundamental theorem of calculus checked on L = e^u; the integrals of the display in closed form; the chain's "
                      "conclusion is Lemma 25.4 (checked there)"],
          checks=[Identity(sp.exp(x_) + sp.Integral(sp.exp(x_ + tt * dl) * dl, (tt, 0, 1)), sp.exp(x_ + dl), part="FTC"),
                  Identity(sp.Integral(sp.Integral(tt, (kk, 0, 1)), (tt, 0, 1)), sp.Rational(1, 2), part="quadratic term"),
                  Identity(sp.Integral(sp.Integral(tt**2 * kk * J * nd**3, (kk, 0, 1)), (tt, 0, 1)), J * nd**3 / 6, part="cubic term")]),
    claim("Lem 25.5", 3794, "gradient Taylor bound", "inequality", "‖∇L(w + δ) − (∇L(w) + ∇²L(w)δ)‖ ≤ J‖δ‖²/2", end_line=3796,
          hypotheses=["L J-second-order smooth", SEP],
          symbols={"J": J, "nd": nd}, bound=J * nd**2 / 2,
          checks=[InstanceSearch(Measured(taylor_remainders, "gradient_remainder"), BOUND,
                                 sharp=Sharp("L = Ju³/6: ∇L(w + δ) − ∇L(w) − ∇²L(w)δ = Jδ²/2 exactly", CUBIC)),
                  Scaling(GRAD, BOUND, {GRAD: "grad", **DIM})]),
    claim(None, 3800, "the integral of Lemma 25.5's proof", "inequality", "∫₀¹ Jt‖δ‖² dt = J‖δ‖²/2",
          hypotheses=["the chain's conclusion is Lemma 25.5 (checked there); here the last integral"],
          checks=[Identity(sp.Integral(J * tt * nd**2, (tt, 0, 1)), J * nd**2 / 2, part="integral")]),
    claim("Def 25.6", 3814, "(α, β)-second-order stationary point", "definition", "‖∇L(w)‖ ≤ α and λ_min(∇²L(w)) ≥ −β", end_line=3819,
          checks=[NotCheckable("a definition")]),
    claim(None, 3827, "the cubic-regularised Newton step", "algorithm",
          "w_{t+1} = argmin_w L(w_t) + ⟨∇L(w_t), w − w_t⟩ + (w − w_t)ᵀ∇²L(w_t)(w − w_t)/2 + J‖w − w_t‖³/6",
          hypotheses=["the engine kernel cubic_newton compared at every step with the certified global minimiser", SUBPROBLEM],
          checks=[Simulation(CubicStepAgreement(), sp.Symbol("tol"), part="kernel = certified minimiser"),
                  InstanceSearch(Measured(cubic_subproblem, "shifted_star"), sp.Symbol("shifted_competitor"), part="global minimum", ),
                  InstanceSearch(Measured(cubic_subproblem, "stationarity_residual"), sp.Float(1e-9), part="certificate: stationarity"),
                  InstanceSearch(Measured(cubic_subproblem, "neg_psd_margin"), sp.Integer(0), part="certificate: ∇²L + (J‖δ*‖/2)I ⪰ 0")]),
    claim(None, 3833, "Lemma 25.4 along a unit vector", "inequality",
          "L(w + ηv) ≤ L(w) + ⟨∇L(w), ηv⟩ + η²vᵀ∇²L(w)v/2 + Jη³‖v‖³/6",
          hypotheses=["δ = ηv in Lemma 25.4", SEP],
          checks=[InstanceSearch(taylor_remainders, J * nd**3 / 6)]),
    claim(None, 3837, "using the negative eigenvector", "inequality", "… ≤ L(w) − η²λ/2 + Jη³/6",
          hypotheses=["⟨∇L(w), v⟩ ≤ 0, vᵀ∇²L(w)v = −λ, ‖v‖ = 1, η > 0; written with gv = ⟨∇L(w), v⟩"],
          checks=[Semialgebraic(eta * sp.Symbol("gv") - eta**2 * lam / 2 + J * eta**3 / 6, "<=", -eta**2 * lam / 2 + J * eta**3 / 6,
                                {eta: POS, sp.Symbol("gv"): closed(-sp.oo, 0), lam: NONNEG, J: POS})]),
    claim(None, 3841, "η = 2λ/J", "identity", "−η²λ/2 + Jη³/6 = −2λ³/(3J²) at η = 2λ/J",
          checks=[Identity((-eta**2 * lam / 2 + J * eta**3 / 6).subs(eta, 2 * lam / J), -2 * lam**3 / (3 * J**2)),
                  Scaling(VAL, 2 * lam**3 / (3 * J**2), {VAL: "loss", **DIM})]),
    claim("Thm 25.7", 3847, "descent along negative curvature", "inequality", "L(w + δ) ≤ L(w) − 2λ³/(3J²)", end_line=3849,
          hypotheses=["L J-second-order smooth; unit v with vᵀ∇²L(w)v < −λ, λ ≥ 0; δ = −(2λ/J)v·sign(⟨v, ∇L(w)⟩), sign(0) = 1",
                      "measured: the claimed decrease 2λ³/(3J²) against the actual decrease L(w) − L(w + δ)", SEP],
          symbols={"J": J, "lam": lam, "actual_decrease": sp.Symbol("actual_decrease")}, bound=sp.Symbol("actual_decrease"),
          checks=[InstanceSearch(negative_curvature_step, BOUND),
                  Scaling(2 * lam**3 / (3 * J**2), VAL, {VAL: "loss", **DIM})]),
    claim(None, 3853, "Theorem 25.7's chain", "inequality",
          "L(w) + ⟨∇L(w), δ⟩ + δᵀ∇²L(w)δ/2 + ‖δ‖³J/6 < L(w) − 2λ³/(3J²)",
          printed="&< \\mathcal{L}(\\mathbf{w}) - \\frac{2\\lambda^3}{3J^2}",
          hypotheses=["⟨∇L(w), δ⟩ ≤ 0, δᵀ∇²L(w)δ < −4λ³/J², ‖δ‖³ = 8λ³/J³ (line 3851); written with gd = ⟨∇L(w), δ⟩, qd = δᵀ∇²L(w)δ"],
          checks=[Semialgebraic(sp.Symbol("gd") + sp.Symbol("qd") / 2 + 8 * lam**3 / J**3 * J / 6, "<", -2 * lam**3 / (3 * J**2),
                                {sp.Symbol("gd"): closed(-sp.oo, 0), sp.Symbol("qd"): REAL, lam: NONNEG, J: POS},
                                given=(sp.Symbol("qd") < -4 * lam**3 / J**2,))]),
    claim(None, 3859, "the cubic subproblem", "definition",
          "δ*_t = argmin_δ ⟨∇L(w_t), δ⟩ + δᵀ∇²L(w)δ/2 + ‖δ‖³J/6",
          hypotheses=[SUBPROBLEM, SEP, "a competitor step o ∈ [−3, 3]² never does better (shifted by |P_t(δ*)| + 1 to compare positive numbers)"],
          checks=[InstanceSearch(Measured(cubic_subproblem, "shifted_star"), sp.Symbol("shifted_competitor"), part="global minimum"),
                  InstanceSearch(Measured(cubic_subproblem, "stationarity_residual"), sp.Float(1e-9), part="certificate: stationarity")]),
    claim(None, 3863, "cubic-regularised Newton step", "algorithm", "w_{t+1} = w_t + δ*_t",
          hypotheses=["the engine kernel cubic_newton compared at every step with the certified global minimiser"],
          checks=[Simulation(CubicStepAgreement(), sp.Symbol("tol"))]),
    claim(None, 3867, "the progress function", "definition", "P_t(δ) = ⟨∇L(w_t), δ⟩ + δᵀ∇²L(w)δ/2 + ‖δ‖³J/6",
          checks=[NotCheckable("a definition (∇²L(w) read as ∇²L(w_t), as at line 3859)")]),
    claim(None, 3871, "progress bounds the decrease", "inequality", "L(w_{t+1}) ≤ L(w) + P_t(δ*_t)",
          hypotheses=["L(w) read as L(w_t); by Lemma 25.4 at δ = δ*_t; written as: remainder of the quadratic model ≤ J‖δ*‖³/6",
                      SUBPROBLEM, SEP],
          checks=[InstanceSearch(Measured(cubic_subproblem, "remainder"), sp.Symbol("cubic_term"))]),
    claim(None, 3875, "progress under negative curvature", "inequality", "P_t(δ*_t) ≤ −2λ(w)³/(3J²) when λ(w) ≥ 0",
          hypotheses=["λ(w) = −λ_min(∇²L(w_t)); written as 2 max(λ, 0)³/(3J²) ≤ −P_t(δ*_t)", SUBPROBLEM, SEP],
          checks=[InstanceSearch(Measured(cubic_subproblem, "lam_bound"), sp.Symbol("neg_P_star")),
                  Scaling(2 * lam**3 / (3 * J**2), VAL, {VAL: "loss", **DIM})]),
    claim("Thm 25.8", 3879, "cubic-regularised Newton finds a second-order stationary point", "existence",
          "∃ t ≤ T: ‖∇L(w_{t+1})‖ ≤ 6^{2/3}Δ^{2/3}J^{4/3}/T^{2/3} and λ(w_{t+1}) ≤ 2·6^{1/3}Δ^{1/3}J^{2/3}/T^{1/3}", end_line=3881,
          hypotheses=["L J-second-order smooth (the section's standing assumption), Δ = L(w_1) − L(w_*) (line 3885)", THM_25_8_RUNS],
          checks=[InstanceSearch(cubic_newton_1d.bind(statement="printed"), sp.Integer(1), part="runs"),
                  Scaling(GRAD, A_PRINTED, {GRAD: "grad", **DIM}, part="scaling of the gradient bound"),
                  Scaling(HESS, B_PRINTED, {HESS: "hess", **DIM}, part="scaling of the curvature bound")],
          corrected=Corrected("∃ t ≤ T: ‖∇L(w_{t+1})‖ ≤ 9ε and λ(w_{t+1}) ≤ 4√(Jε), ε = (3Δ√J/(2T))^{2/3}",
                              "the printed proof mixes units (λ ≤ √ε with ε a gradient norm, ‖δ*‖ ≤ √ε/J, line 3909's J‖δ*‖² ≤ ε) and its "
                              "case 3 has the wrong sign (line 3919 gives P_t(δ*) < +ε^{3/2}/(6J²)); redone with thresholds λ ≤ √(Jε) and "
                              "‖δ*‖ ≤ 3√(Jε)/J every non-stationary step decreases L by more than (2/3)ε^{3/2}/√J",
                              checks=[InstanceSearch(cubic_newton_1d.bind(statement="corrected"), sp.Integer(1)),
                                      Scaling(GRAD, 9 * EPS_CORR, {GRAD: "grad", **DIM}),
                                      Scaling(HESS, 4 * sp.sqrt(J * EPS_CORR), {HESS: "hess", **DIM})]),
          notes="Refuted as printed: the gradient bound scales as a²/b⁴ instead of a/b; a quadratic (J-second-order smooth for every J > 0) "
                "with a small J is a counterexample at T = 1, replayed at 50 digits. The curvature bound scales correctly."),
    claim(None, 3883, "Theorem 25.8 restated", "existence",
          "w_{t+1} is a (6^{2/3}Δ^{2/3}J^{4/3}/T^{2/3}, 2·6^{1/3}Δ^{1/3}J^{2/3}/T^{1/3}) second-order stationary point",
          hypotheses=["as Theorem 25.8", THM_25_8_RUNS],
          checks=[InstanceSearch(cubic_newton_1d.bind(statement="printed"), sp.Integer(1))]),
    claim(None, 3889, "case λ(w_t) > √ε", "inequality", "L(w_{t+1}) < L(w_t) − 2ε^{3/2}/(3J²)",
          hypotheses=["Theorem 25.7 with λ = √ε, and L(w_{t+1}) ≤ L(w_t) + P_t(δ*) ≤ L(w_t) + P_t(δ_{25.7})"],
          checks=[Identity((2 * lam**3 / (3 * J**2)).subs(lam, sp.sqrt(eps_)), 2 * eps_ ** sp.Rational(3, 2) / (3 * J**2))],
          notes="True for any threshold ε (λ > √ε gives λ³ > ε^{3/2}).  But with ε the gradient bound of line 3885, √ε is not a "
                "curvature (λ(w_t) > √ε compares quantities of different units); the corrected Theorem 25.8 uses √(Jε)."),
    claim(None, 3893, "(11): stationarity of the subproblem", "identity", "∇L(w_t) + ∇²L(w_t)δ*_t + δ*_t‖δ*_t‖J/2 = 0",
          hypotheses=[SUBPROBLEM, SEP],
          checks=[InstanceSearch(Measured(cubic_subproblem, "stationarity_residual"), sp.Float(1e-9))]),
    claim(None, 3897, "Lemma 25.5 at δ*", "inequality", "∇L(w_t) + ∇²L(w_t)δ*_t = ∇L(w_{t+1}) + x with ‖x‖ ≤ J‖δ*_t‖²/2",
          hypotheses=["x defined by the display; its bound is Lemma 25.5", SEP],
          checks=[InstanceSearch(Measured(taylor_remainders, "gradient_remainder"), J * nd**2 / 2)]),
    claim(None, 3901, "combining (11) with line 3897", "identity", "∇L(w_{t+1}) + x + δ*‖δ*‖J/2 = 0",
          checks=[Identity(sp.Symbol("gt") + sp.Symbol("Hd") + sp.Symbol("c3") - (sp.Symbol("gt") + sp.Symbol("Hd") - sp.Symbol("x"))
                           - sp.Symbol("x") - sp.Symbol("c3"), sp.Integer(0))],
          hypotheses=["with ∇L(w_{t+1}) = ∇L(w_t) + ∇²L(w_t)δ* − x (line 3897) and (11); one coordinate"]),
    claim(None, 3905, "gradient at the new point", "inequality", "‖∇L(w_{t+1})‖ ≤ ‖x‖ + ‖δ*‖²J/2 ≤ J‖δ*‖²",
          hypotheses=[SUBPROBLEM, SEP],
          checks=[Semialgebraic(sp.Symbol("nx") + r_**2 * J / 2, "<=", J * r_**2, {sp.Symbol("nx"): NONNEG, r_: NONNEG, J: POS},
                                given=(sp.Symbol("nx") <= J * r_**2 / 2,), part="‖x‖ ≤ J‖δ*‖²/2 ⇒ …"),
                  InstanceSearch(Measured(cubic_subproblem, "grad_next"), sp.Symbol("J_r2"), part="instances")]),
    claim(None, 3909, "small step: small gradient", "inequality", "‖∇L(w_{t+1})‖ ≤ ε when ‖δ*_t‖ ≤ √ε/J",
          hypotheses=["from line 3905: ‖∇L(w_{t+1})‖ ≤ J‖δ*‖² with ‖δ*‖ ≤ √ε/J; the link J‖δ*‖² ≤ ε checked over J > 0"],
          checks=[Semialgebraic(J * r_**2, "<=", eps_, {J: POS, r_: NONNEG, eps_: POS}, given=(r_ * J <= sp.sqrt(eps_),))],
          corrected=Corrected("‖∇L(w_{t+1})‖ ≤ ε/J", "J‖δ*‖² ≤ J(√ε/J)² = ε/J",
                              checks=[Semialgebraic(J * r_**2, "<=", eps_ / J, {J: POS, r_: NONNEG, eps_: POS},
                                                    given=(r_ * J <= sp.sqrt(eps_),))]),
          notes="Holds as printed only when J ≥ 1; a root of Theorem 25.8's failure."),
    claim(None, 3913, "curvature at the new point", "inequality",
          "vᵀ∇²L(w_{t+1})v ≥ −J‖w_{t+1} − w_t‖ + vᵀ∇²L(w_t)v ≥ −J‖δ*‖ − √ε ≥ −2√ε",
          hypotheses=["'vᵀL(w_{t+1})v' read as vᵀ∇²L(w_{t+1})v (a Hessian); unit v; λ(w_t) ≤ √ε and ‖δ*‖ ≤ √ε/J; written with "
                      "h1 = vᵀ∇²L(w_{t+1})v, h0 = vᵀ∇²L(w_t)v; the first '≥' is Definition 25.1 (through Proposition 25.3's check)"],
          checks=[Semialgebraic(sp.Symbol("h1"), ">=", -2 * sp.sqrt(eps_),
                                {sp.Symbol("h1"): REAL, sp.Symbol("h0"): REAL, J: POS, r_: NONNEG, eps_: POS},
                                given=(sp.Symbol("h1") >= sp.Symbol("h0") - J * r_, sp.Symbol("h0") >= -sp.sqrt(eps_), r_ * J <= sp.sqrt(eps_)),
                                part="the chain")]),
    claim(None, 3919, "large step: the progress", "inequality",
          "P_t(δ*) = −δ*ᵀ∇²L δ*/2 − ‖δ*‖³J/3 ≤ √ε‖δ*‖²/2 − ‖δ*‖³J/3 < ε^{3/2}/(6J²)",
          hypotheses=["(11) multiplied by δ*: ⟨∇L, δ*⟩ = −δ*ᵀ∇²Lδ* − J‖δ*‖³/2; λ(w) ≤ √ε so −δ*ᵀ∇²Lδ* ≤ √ε‖δ*‖²; ‖δ*‖ > √ε/J; "
                      "written with s = √ε, qd = δ*ᵀ∇²L(w_t)δ*"],
          checks=[Identity((-sp.Symbol("qd") - J * r_**3 / 2) + sp.Symbol("qd") / 2 + J * r_**3 / 6, -sp.Symbol("qd") / 2 - J * r_**3 / 3,
                           part="P_t(δ*) from (11)"),
                  Semialgebraic(sp.Symbol("s") * r_**2 / 2 - J * r_**3 / 3, "<", sp.Symbol("s") ** 3 / (6 * J**2),
                                {sp.Symbol("s"): POS, r_: NONNEG, J: POS}, given=(r_ * J > sp.Symbol("s"),), part="< ε^{3/2}/(6J²)")],
          notes="True, but the bound is positive: it does not give the decrease −ε^{3/2}/(6J²) that case 3 (line 3926) and line 3935 use."),
    claim(None, 3935, "the telescoping contradiction", "inequality", "−Δ ≤ L(w_{T+1}) − L(w_1) < −Tε^{3/2}/(6J²) = −Δ",
          hypotheses=["ε = 6^{2/3}Δ^{2/3}J^{4/3}/T^{2/3} (line 3885); the equality checked symbolically",
                      "the '<' assumes case 1 never occurs; since L(w_{T+1}) − L(w_1) ≥ −Δ always, a run in which case 1 never occurs "
                      "(measured > 1 in Theorem 25.8's runs) is one where the '<' fails: " + THM_25_8_RUNS],
          checks=[Identity(T * (6 ** sp.Rational(2, 3) * Delta ** sp.Rational(2, 3) * J ** sp.Rational(4, 3) / T ** sp.Rational(2, 3))
                           ** sp.Rational(3, 2) / (6 * J**2), Delta, part="Tε^{3/2}/(6J²) = Δ"),
                  InstanceSearch(cubic_newton_1d.bind(statement="printed"), sp.Integer(1), part="the conclusion it is used for")]),
]
