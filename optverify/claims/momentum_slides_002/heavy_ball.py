"""002, lines 99–216: Polyak's heavy ball on quadratics — companion matrix, eigenvalues, convergence conditions."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import L, beta, claim, eta, lam, mu
from optverify import (Corrected, Diagonalizable, Identity, Inequality, InstanceSearch, NonConvergence, NotCheckable, Pseudocode,
                       closed, left_open, open_)
from optverify.counterexamples.families import Measured
from optverify.counterexamples.families.companion import companion_matrix
from optverify.counterexamples.heavy_ball_cycle import heavy_ball_on_lessard

wt, wprev = sp.symbols("w_t w_prev", real=True)
gam = sp.Symbol("gamma")
a = 1 + beta - eta * lam
M = sp.Matrix([[a, -beta], [1, 0]])
n = sp.Symbol("n", integer=True, positive=True)
x1a, x1b = sp.symbols("x_11 x_12", real=True)
Ms, xs = sp.MatrixSymbol("M", 2, 2), sp.MatrixSymbol("x_1", 2, 1)
theta = sp.Symbol("theta", real=True)
delta = sp.Symbol("delta", positive=True)  # 4β − (1 + β − ηλ)² > 0 in the complex case
A = sp.Symbol("A", real=True)  # A = 1 + β − ηλ
s_ = sp.Symbol("s", real=True)
v = {k: sp.Symbol(k, nonnegative=True) for k in ("x_norm", "x1_norm", "Q_norm", "Qinv_norm", "Lambda_t_norm", "max_gamma_t", "beta_t_half")}
DOM = {beta: open_(0, 1), eta: left_open(0, 2), lam: left_open(0, 10)}
HB = {"eta": 0.1, "beta": 0.9, "T": 200}
HB_BIG_BETA = {"eta": 5, "beta": 4, "T": 60}  # (1 + β − η)/(2√β) = 0: inside the condition of line 184
disc = a**2 - 4 * beta
roots = ((a + sp.sqrt(disc)) / 2, (a - sp.sqrt(disc)) / 2)
CX = companion_matrix.bind(region="complex")
kk = sp.Symbol("k", nonnegative=True)
BOX202 = {beta: open_(0, 1), eta: left_open(0, 2), mu: left_open(0, 5), kk: closed(0, 5), s_: closed(0, 1)}
ANY = companion_matrix.bind(region="any")
L139_NOTE = ("the chain rests on line 139's M = QΛQ⁻¹, which fails on the boundary (1 + β − ηλ)² = 4β (L139, refuted there): "
             "where Q does not exist the statement has no meaning, and the instances keep away from that boundary")
# line 198: f = Σ λ_i/2 w_i² on two coordinates, its Bregman divergence B(x, y) = f(y) − f(x) − ∇f(x)ᵀ(y − x)
lams = sp.symbols("lambda_1 lambda_2", positive=True)
xs2, ys = sp.symbols("x_1 x_2", real=True), sp.symbols("y_1 y_2", real=True)
_fq = lambda w: sum(lams[i] / 2 * w[i] ** 2 for i in range(2))  # noqa: E731
breg = _fq(ys) - _fq(xs2) - sum(lams[i] * xs2[i] * (ys[i] - xs2[i]) for i in range(2))
dsq = sum((ys[i] - xs2[i]) ** 2 for i in range(2))

# line 184's corrected form: on the region, with β ∈ (0, 1), write 1 + β − ηλ = 2√β·cos θ, so γ = √β e^{±iθ}
CONDITION_REGION_CHECKS = [
    Identity(sp.Abs(sp.sqrt(beta) * (sp.cos(theta) + sp.I * sp.sin(theta))) ** 2, beta, domain={beta: open_(0, 1)}, part="|γ|² = β on the region"),
    Identity(sp.expand((sp.sqrt(beta) * sp.exp(sp.I * theta)) ** 2 - 2 * sp.sqrt(beta) * sp.cos(theta) * sp.sqrt(beta) * sp.exp(sp.I * theta) + beta),
             sp.Integer(0), domain={beta: open_(0, 1)}, part="γ = √β e^{iθ} is a root of γ² − 2√β cos θ γ + β"),
    Inequality(sp.sqrt(beta), "<", sp.Integer(1), {beta: open_(0, 1)}, part="√β < 1"),
]

CLAIMS = [
    claim(None, 103, "Polyak momentum (heavy ball)", "algorithm", "w_{t+1} = w_t − η∇f(w_t) + β(w_t − w_{t−1}) descends on a convex quadratic",
          hypotheses=["no parameters are printed here; η = 0.1 and β = 0.9 (line 214's practical β) on f(w) = w²/2"],
          checks=[Pseudocode("heavy_ball", HB)]),
    claim(None, 117, "one-dimensional quadratic", "definition", "f(w) = λ/2 w²", checks=[NotCheckable("definition")]),
    claim(None, 123, "heavy ball in matrix form", "identity", "[w_{t+1}, w_t]ᵀ = M [w_t, w_{t−1}]ᵀ with M = [[1 + β − ηλ, −β], [1, 0]]",
          end_line=127,
          checks=[Identity(M * sp.Matrix([wt, wprev]), sp.Matrix([wt - eta * lam * wt + beta * (wt - wprev), wt]))]),
    claim(None, 133, "stacked state", "definition", "x_{t+1} = [w_{t+1}, w_t]ᵀ", checks=[NotCheckable("definition")]),
    claim(None, 137, "unrolled iteration", "identity", "x_{t+1} = M x_t = … = M^t x_1",
          checks=[Identity(Ms**n * xs, Ms * (Ms ** (n - 1) * xs), part="induction step: M^n x_1 = M (M^(n−1) x_1)"),
                  Identity(Ms**0 * xs, xs, part="base case: M⁰ x_1 = x_1"),
                  Identity(M**3 * sp.Matrix([x1a, x1b]), M * (M * (M * sp.Matrix([x1a, x1b]))), part="the companion matrix itself, t = 3")]),
    claim(None, 139, "eigen-decomposition of the companion matrix", "property", "M = QΛQ⁻¹",
          printed="Eigen-Decomposition of companion matrix:  $\\mathbf{M} = \\mathbf{Q}\\mathbf{\\Lambda}\\mathbf{Q}^{-1}$",
          hypotheses=["β ∈ (0, 1), η > 0, λ > 0 (no further condition is printed)"],
          checks=[Diagonalizable(M, eta, DOM)],
          corrected=Corrected("M = QΛQ⁻¹ whenever (1 + β − ηλ)² ≠ 4β", "on the boundary (1 + β − ηλ)² = 4β the eigenvalue √β is double and M is a Jordan block",
                              checks=[Identity(roots[0] - roots[1], sp.sqrt(disc), domain=DOM,
                                               note="γ_1 − γ_2 = √((1+β−ηλ)² − 4β) ≠ 0 off the boundary: distinct eigenvalues, so M is diagonalisable")])),
    claim(None, 143, "norm bound through the eigen-decomposition", "inequality",
          "‖x_{t+1}‖ = ‖QΛ^tQ⁻¹x_1‖ ≤ ‖Q‖ ‖Λ^t‖ ‖Q⁻¹‖ ‖x_1‖",
          hypotheses=["spectral norms; M = QΛQ⁻¹ as line 139 states (see the note)"],
          checks=[InstanceSearch(Measured(ANY, "x_norm"), v["Q_norm"] * v["Lambda_t_norm"] * v["Qinv_norm"] * v["x1_norm"])],
          notes=L139_NOTE),
    claim(None, 149, "a further bound", "inequality",
          "‖x_{t+1}‖ ≤ ‖Q‖ ‖Λ^t‖ ‖Q⁻¹‖² ‖x_1‖² ≤ ‖Q‖ ‖Q⁻¹‖ ‖x_1‖ ‖Λ^t‖",
          checks=[
              InstanceSearch(Measured(ANY, "x_norm"), v["Q_norm"] * v["Lambda_t_norm"] * v["Qinv_norm"] ** 2 * v["x1_norm"] ** 2, part="first link"),
              InstanceSearch(Measured(ANY, measured_expr=v["Q_norm"] * v["Lambda_t_norm"] * v["Qinv_norm"] ** 2 * v["x1_norm"] ** 2),
                             v["Q_norm"] * v["Qinv_norm"] * v["x1_norm"] * v["Lambda_t_norm"], part="second link"),
          ],
          corrected=Corrected("‖x_{t+1}‖ ≤ ‖Q‖ ‖Q⁻¹‖ ‖x_1‖ ‖Λ^t‖", "the squares on ‖Q⁻¹‖ and ‖x_1‖ do not belong (the bound must be linear in x_1)",
                              checks=[InstanceSearch(Measured(ANY, "x_norm"), v["Q_norm"] * v["Qinv_norm"] * v["x1_norm"] * v["Lambda_t_norm"])])),
    claim(None, 153, "norm of Λ^t", "identity", "‖Λ^t‖ = ρ(M)^t = max_i |γ_i|^t",
          checks=[InstanceSearch(Measured(ANY, "Lambda_t_norm"), v["max_gamma_t"], rel="==")],
          notes=L139_NOTE),
    claim(None, 155, "momentum makes Q invertible", "property", "for β > 0 the eigenvector matrix Q of M is invertible",
          printed="Momentum design makes  $\\mathbf{Q}$  invertible.",
          checks=[Diagonalizable(M, eta, DOM)]),
    claim(None, 161, "characteristic polynomial", "identity", "|γI − M| = γ² − (1 + β − ηλ)γ + β",
          checks=[Identity((gam * sp.eye(2) - M).det(), gam**2 - a * gam + beta)]),
    claim(None, 165, "the eigenvalues", "identity", "γ_{1,2} = ((1 + β − ηλ) ± √((1 + β − ηλ)² − 4β))/2",
          checks=[Identity(sp.expand((roots[0] ** 2 - a * roots[0] + beta)), sp.Integer(0), domain=DOM, part="γ_1 is a root"),
                  Identity(sp.expand((roots[1] ** 2 - a * roots[1] + beta)), sp.Integer(0), domain=DOM, part="γ_2 is a root")]),
    claim(None, 171, "complex case: conjugate eigenvalues of modulus √β", "identity",
          "(1 + β − ηλ)² − 4β < 0 ⇒ γ_1, γ_2 complex, γ_1 = γ_2*, |γ_1| = |γ_2| = √β", end_line=175,
          hypotheses=["write A = 1 + β − ηλ and 4β − A² = δ > 0"],
          checks=[
              Identity(sp.im((A + sp.sqrt(-delta)) / 2), sp.sqrt(delta) / 2, part="γ_1 is not real"),
              Identity(sp.conjugate((A + sp.sqrt(-delta)) / 2), (A - sp.sqrt(-delta)) / 2, part="γ_1 = γ_2*"),
              Identity(sp.Abs((A + sp.sqrt(-delta)) / 2) ** 2, (A**2 + delta) / 4, part="|γ_1|² = (A² + δ)/4 = β"),
          ]),
    claim(None, 178, "linear convergence in the complex case", "inequality", "‖x_{t+1}‖ ≤ β^{t/2} C ‖x_1‖",
          hypotheses=["printed without norms, read as ‖x_{t+1}‖ ≤ C β^{t/2} ‖x_1‖ with C = ‖Q‖‖Q⁻¹‖ independent of t; complex case"],
          checks=[InstanceSearch(Measured(CX, "x_norm"), v["beta_t_half"] * v["Q_norm"] * v["Qinv_norm"] * v["x1_norm"])]),
    claim(None, 184, "convergence condition", "inequality",
          "−1 ≤ (1 + β − ηλ)/(2√β) ≤ 1 ⇒ linear convergence rate, whatever η",
          hypotheses=["the slides put no range on the heavy-ball β (lines 103–214; only line 214's practical β = 0.9): β > 0, η > 0, "
                      "λ > 0 and the printed condition are all the statement assumes",
                      "instance: λ = 1 (f(w) = w²/2), β = 4, η = 5: (1 + β − ηλ)/(2√β) = 0 meets the condition, the eigenvalues "
                      "are ±2i with modulus √β = 2, and the iterates double in size every two steps"],
          checks=[Pseudocode("heavy_ball", HB_BIG_BETA, note="β = 4, η = 5 on f(w) = w²/2: (1 + β − ηλ)/(2√β) = 0, inside the condition")],
          corrected=Corrected("−1 ≤ (1 + β − ηλ)/(2√β) ≤ 1 with β ∈ (0, 1) ⇒ every eigenvalue has modulus √β < 1: linear convergence whatever η",
                              "on the region the eigenvalues have modulus √β, which is < 1 only when β < 1: the condition alone does not bound β",
                              checks=CONDITION_REGION_CHECKS)),
    claim(None, 190, "multi-dimensional quadratic", "definition", "f(w) = Σ_i λ_i/2 w_i²", checks=[NotCheckable("definition")]),
    claim(None, 194, "multi-dimensional quadratics", "inequality", "the condition for every λ_i gives linear convergence",
          hypotheses=["f = Σ λ_i/2 w_i² decouples into one-dimensional heavy-ball recursions, each with the companion matrix of line 127",
                      "as at line 184, no range is printed for β; one coordinate with λ_1 = 1, β = 4, η = 5 meets the condition and diverges"],
          checks=[Pseudocode("heavy_ball", HB_BIG_BETA, note="a one-term Σ λ_i/2 w_i² with λ_1 = 1: the instance of line 184")],
          corrected=Corrected("the condition for every λ_i, with β ∈ (0, 1), gives ‖x_{t+1}‖ ≤ β^{t/2}‖Q‖‖Q⁻¹‖‖x_1‖ → 0 in each coordinate",
                              "the modulus √β of the eigenvalues is below 1 only when β < 1",
                              checks=[InstanceSearch(Measured(CX, "x_norm"), v["beta_t_half"] * v["Q_norm"] * v["Qinv_norm"] * v["x1_norm"])])),
    claim(None, 198, "strong convexity and smoothness of the quadratic", "property",
          "for f = Σ λ_i/2 w_i², f is μ-strongly convex and L-smooth iff μ ≤ λ_i ≤ L for every i",
          hypotheses=["the assumption itself is not a claim; the 'i.e.' asserts an equivalence, checked for two coordinates: with "
                      "B(x, y) = f(y) − f(x) − ∇f(x)ᵀ(y − x), μ-strong convexity is B ≥ μ/2‖y − x‖² and L-smoothness B ≤ L/2‖y − x‖² "
                      "for all x, y; a diagonal form Σ c_i(y_i − x_i)² is ≥ 0 for all x, y iff every c_i ≥ 0"],
          checks=[Identity(breg - mu / 2 * dsq, sum((lams[i] - mu) / 2 * (ys[i] - xs2[i]) ** 2 for i in range(2)), part="strong convexity ⇔ λ_i ≥ μ"),
                  Identity(L / 2 * dsq - breg, sum((L - lams[i]) / 2 * (ys[i] - xs2[i]) ** 2 for i in range(2)), part="smoothness ⇔ λ_i ≤ L")]),
    claim(None, 202, "sufficient condition through μ and L", "inequality",
          "−1 ≤ (1 + β − ηL)/(2√β) and (1 + β − ημ)/(2√β) ≤ 1 imply the condition for every λ ∈ [μ, L]",
          hypotheses=["L = μ + k with k ≥ 0; λ = μ + s(L − μ), s ∈ [0, 1]: 1 + β − ηλ lies between its values at L and at μ"],
          checks=[Inequality((1 + beta - eta * (mu + s_ * kk)) - (1 + beta - eta * mu), "<=", sp.Integer(0), BOX202,
                             part="upper side: 1 + β − ηλ ≤ 1 + β − ημ"),
                  Inequality((1 + beta - eta * (mu + kk)) - (1 + beta - eta * (mu + s_ * kk)), "<=", sp.Integer(0), BOX202,
                             part="lower side: 1 + β − ηL ≤ 1 + β − ηλ")]),
    claim(None, 206, "linear convergence for every strongly convex smooth function", "rate",
          "for any μ-strongly convex, L-smooth f, the condition gives a linear convergence rate", end_line=210,
          hypotheses=["heavy ball w_{t+1} = w_t − η∇f(w_t) + β(w_t − w_{t−1}) on a one-dimensional f"],
          checks=[NonConvergence(heavy_ball_on_lessard, steps=3000)]),
    claim(None, 212, "choose β small", "property", "on the condition's region the rate ρ(M) = √β grows with β, and no β does better than √β",
          printed="Select  $\\beta$  as small as possible to enable fast convergence.",
          hypotheses=["'fast convergence' is the linear rate ρ(M) = max|γ_i| of lines 153–175; 'as small as possible' is subject to the "
                      "conditions of lines 202–208 (on their region ρ(M) = √β, line 175)",
                      "for every β, ρ(M) ≥ √|γ_1γ_2| = √β (Vieta: γ_1γ_2 = β), so leaving the region cannot beat √β"],
          checks=[Identity(sp.expand(roots[0] * roots[1]), beta, domain=DOM, part="γ_1γ_2 = β: ρ(M) ≥ √β for every β"),
                  Inequality(sp.diff(sp.sqrt(beta), beta), ">", sp.Integer(0), {beta: open_(0, 1)}, part="√β increases with β")]),
]

# Performance estimation (issue 12): the exact worst case of heavy ball with the tuning of line 206 over F_{μ,L}.
from optverify import PerformanceEstimation  # noqa: E402

_SL, _SM = sp.sqrt(L), sp.sqrt(mu)
next(c for c in CLAIMS if c.source.line == 206).add_checks(
    PerformanceEstimation("smooth strongly convex", "heavy ball", "last dist sq", sp.Symbol("N", integer=True, positive=True), rhs=None, L=L, mu=mu,
                          params={"step": 4 / (_SL + _SM) ** 2, "beta": ((_SL - _SM) / (_SL + _SM)) ** 2}, radius=sp.Integer(1),
                          constants={L: 25, mu: 1},
                          note="no rate constant is printed, so no horizon can refute 'a linear rate'; the exact worst case of ‖x_N − x*‖² per N "
                               "shows whether the class forces any contraction at all"),
    hypotheses=["performance estimation: heavy ball with η = 4/(√L + √μ)², β = ((√L − √μ)/(√L + √μ))² (inside the condition of line 202), "
                "L = 25, μ = 1, x_{−1} = x_0, ‖x_0 − x*‖ ≤ 1, worst case of ‖x_N − x*‖² over every μ-strongly convex L-smooth f in any dimension "
                "(the one-dimensional functions, Lessard's among them, are in it)"])
