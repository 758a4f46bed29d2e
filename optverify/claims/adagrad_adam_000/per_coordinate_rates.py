"""000 §1, lines 41–73: per-coordinate learning rates, the AdaGrad rate, Definition 1."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import c, claim, eps, g, t, tau
from optverify import Corrected, Identity, Inequality, Limit, NotCheckable, Range, Scaling, Simulation, integers
from optverify.sim.experiments import AdaGradRateEstimate

eta_i, sigma_i = sp.symbols("eta_i sigma_i", positive=True)
G = sp.Symbol("G", real=True)  # a gradient entry, for scaling
S_t = sp.Symbol("S_t", nonnegative=True)  # Σ_{τ≤t} g_τ[i]²
x = sp.Symbol("x", real=True)
s, y, y_t, x_i = sp.symbols("s y y_t x_i", real=True)
n_cnt, k_more = sp.symbols("n k", positive=True)  # a count n_t[i] and a larger count n_t[i] + k

# line 63 instance: ℓ(w, z) = z·w[i] with z = +a (probability p) or −a: g_t[i]² = a² on every outcome,
# ∇L[i] = μ = a(2p − 1), σ[i]² = E[(g − μ)²] = 4a²p(1 − p) (line 59)
a_, tt = sp.symbols("a t", positive=True)
p_ = sp.Rational(9, 10)
mu_ = a_ * (2 * p_ - 1)
sigma_inst = 2 * a_ * sp.sqrt(p_ * (1 - p_))
eta_inst = c / sp.sqrt(eps**2 + tt * a_**2)  # line 51 with Σ_{τ≤t} g_τ[i]² = t a²
# line 61, ∇L = 0: z = 2a with probability 1/3, −a with probability 2/3; its mean and variance computed from the law
_law_zero_mean = ((2 * a_, sp.Rational(1, 3)), (-a_, sp.Rational(2, 3)))
assert sum(q * z for z, q in _law_zero_mean) == 0
_sigma2_zero_mean = sp.simplify(sum(q * z**2 for z, q in _law_zero_mean))  # = E z² (mean 0)

CLAIMS = [
    claim(None, 43, "learning rate from counts", "definition", "η_t[i] ∝ 1/√(n_t[i]) is larger for the rarer word",
          hypotheses=["the purpose stated at line 39: 'we will try to set η_t in such a way that η_t[i] is larger for coordinates for which "
                      "the ith word is rarer'; the same proportionality constant for every coordinate; n_t[i] ≥ 1 (the word has appeared)",
                      "'rarer' read as: fewer appearances after t iterations, n_t[j] = n_t[i] + k with k > 0"],
          checks=[
              NotCheckable("definition of the count-based rate (constant unspecified)", part="definition"),
              Identity(1 / sp.sqrt(n_cnt) - 1 / sp.sqrt(n_cnt + k_more), k_more / (sp.sqrt(n_cnt) * sp.sqrt(n_cnt + k_more) * (sp.sqrt(n_cnt) + sp.sqrt(n_cnt + k_more))),
                       part="the difference of the rates, rationalised"),
              Inequality(k_more / (sp.sqrt(n_cnt) * sp.sqrt(n_cnt + k_more) * (sp.sqrt(n_cnt) + sp.sqrt(n_cnt + k_more))), ">", sp.Integer(0),
                         {n_cnt: Range(1, 10**6), k_more: Range(1, 10**6)},
                         part="the rarer word (count n) gets the larger rate: 1/√n − 1/√(n + k) > 0",
                         note="counts n, n + k ≤ 2·10⁶ (an interval cover needs a bounded box)"),
          ]),
    claim(None, 49, "stochastic gradient", "definition", "g_t = ∇ℓ(w_t, z_t)",
          checks=[NotCheckable("definition of g_t")]),
    claim(None, 51, "AdaGrad per-coordinate learning rate", "definition",
          "η_t[i] = c/√(ε² + Σ_{τ≤t} g_τ[i]²) is a step size (transforms like one)",
          hypotheses=["c has the units of the parameters (Theorem 3 sets c = √2·D_∞); ε has the units of a gradient"],
          checks=[Scaling(eta_i, c / sp.sqrt(eps**2 + S_t), {eta_i: "step", c: "param", eps: "grad", S_t: "grad2"})]),
    claim(None, 55, "coordinate i of the logistic gradient", "identity",
          "g_t[i] = [−y_t e^{−y_t⟨w_t,x_t⟩}/(1 + e^{−y⟨w_t,x_t⟩})] x_t[i]",
          hypotheses=["ℓ(w, (x_t, y_t)) = log(1 + exp(−y_t⟨w, x_t⟩)) (line 17 at the t-th example), s = ⟨w_t, x_t⟩",
                      "y is printed in the denominator where the numerator has y_t; it is transcribed as a separate symbol"],
          checks=[Identity(sp.diff(sp.log(1 + sp.exp(-y_t * s)), s) * x_i,
                           (-y_t * sp.exp(-y_t * s) / (1 + sp.exp(-y * s))) * x_i,
                           note="lhs: ∂ℓ/∂w[i] at example t (chain rule through s = ⟨w, x_t⟩, ∂s/∂w[i] = x_t[i])")],
          corrected=Corrected(
              "g_t[i] = [−y_t e^{−y_t⟨w_t,x_t⟩}/(1 + e^{−y_t⟨w_t,x_t⟩})] x_t[i]",
              "the label in the denominator is the t-th label y_t",
              checks=[Identity(sp.diff(sp.log(1 + sp.exp(-y_t * s)), s) * x_i,
                               (-y_t * sp.exp(-y_t * s) / (1 + sp.exp(-y_t * s))) * x_i)],
          )),
    claim(None, 59, "per-coordinate variance", "definition", "σ²[i] = E[(∇ℓ(w_t,z_t)[i] − ∇L(w_t)[i])²]",
          checks=[NotCheckable("definition of σ²[i] (printed with an unbalanced bracket)")]),
    claim(None, 61, "the AdaGrad-norm rate estimates 1/(σ√t)", "rate",
          "η_t ∝ 1/√(Σ_{τ=1}^t ‖g_t‖²) is an estimate of 1/(σ√t)",
          printed="our previous adaptive learning rate  $\\eta_t \\propto \\frac{1}{\\sqrt{\\sum_{\\tau=1}^t \\|\\mathbf{g}_t\\|^2}}$  is an "
                  "estimate of  $\\frac{1}{\\sigma\\sqrt{t}}$",
          hypotheses=["'∝' read with the rate's own constant: η_t = c/√(Σ ...), and 'an estimate of 1/(σ√t)' as η_t·σ√t/c → 1 as "
                      "t → ∞ (as line 63 reads '≈' with the same c); σ² the variance of the gradient (line 25: 'the variance "
                      "bounded by r²'), centred as line 59 defines it per coordinate; the text states no condition on the mean "
                      "gradient ∇L(w_t)",
                      "as printed the summand is ‖g_t‖², the same for every τ, so the sum is t‖g_t‖²",
                      "instance (one coordinate, as line 63): ℓ(w, z) = z·w with z = ±a, P(z = a) = 9/10: ‖g_t‖² = a² on every "
                      "outcome (so t‖g_t‖² = Σ_τ ‖g_τ‖² = ta²), ∇L = 4a/5, σ = 3a/5",
                      "instance with ∇L = 0 for the printed index: z = 2a with probability 1/3, −a with probability 2/3 (mean 0, "
                      "σ² = 2a²): η_t σ√t/c = σ/|z_t| ∈ {√2/2, √2}, drawn afresh at every t"],
          checks=[
              Limit(c / sp.sqrt(tt * a_**2), c / (sigma_inst * sp.sqrt(tt)), tt, sp.oo, part="η_t ≈ c/(σ√t), ∇L ≠ 0"),
              Identity(sp.sqrt(_sigma2_zero_mean) / (2 * a_), sp.Integer(1),
                       part="as printed (‖g_t‖ under the τ-sum), ∇L = 0: η_tσ√t/c = σ/|z_t| at z_t = 2a",
                       note="the ratio is √2/2 whenever z_t = 2a (probability 1/3 at every t, independently) and √2 otherwise: "
                            "it has no limit, let alone 1"),
          ],
          notes="003 line 2323 reprints this sentence with g_τ under the sum; the failure for ∇L ≠ 0 is the same as line 63's",
          corrected=Corrected(
              "η_t = c/√(Σ_{τ=1}^t ‖g_τ‖²) ≈ c/(√(σ² + ‖∇L‖²)·√t), which is c/(σ√t) where the mean gradient vanishes",
              "the summand is ‖g_τ‖²; Σ_τ ‖g_τ‖² estimates t·E‖g‖² = t(σ² + ‖∇L‖²), the second moment, not the variance (as for "
              "line 63)",
              checks=[Limit(c / sp.sqrt(tt * a_**2), c / (sp.sqrt(sigma_inst**2 + mu_**2) * sp.sqrt(tt)), tt, sp.oo,
                            part="instance: η_t ≈ c/(√(σ² + ‖∇L‖²)√t)"),
                      Limit(c / sp.sqrt(tt * _sigma2_zero_mean), c / (sp.sqrt(_sigma2_zero_mean) * sp.sqrt(tt)), tt, sp.oo,
                            part="∇L = 0 (z = 2a or −a): Σ_τ z_τ² = 2a²t on average, η_t ≈ c/(σ√t)",
                            note="the sum replaced by its mean 2a²t (the law of large numbers: Σ_τ z_τ²/t → σ² almost surely)")],
          )),
    claim(None, 63, "AdaGrad rate approximates c/(σ[i]√t)", "rate",
          "η_t[i] ≈ c/(σ[i]√t), σ[i]² the per-coordinate variance of line 59",
          hypotheses=["σ[i]² = E[(∇ℓ(w_t, z_t)[i] − ∇L(w_t)[i])²] as line 59 defines it (centred); the text states no condition on the "
                      "mean gradient ∇L(w_t)[i]",
                      "'≈' read as η_t[i]·σ[i]√t/c → 1 as t → ∞",
                      "instance: ℓ(w, z) = z·w[i] with z = ±a, P(z = a) = 9/10: g_t[i]² = a² on every outcome, ∇L[i] = 4a/5, "
                      "σ[i] = 3a/5; η_t[i] = c/√(ε² + t a²) exactly"],
          checks=[
              Identity(p_ * (a_ - mu_) ** 2 + (1 - p_) * (-a_ - mu_) ** 2, sigma_inst**2, part="instance: σ[i]² of line 59 is 9a²/25"),
              Limit(eta_inst, c / (sigma_inst * sp.sqrt(tt)), tt, sp.oo, part="η_t[i] ≈ c/(σ[i]√t)"),
              Scaling(eta_i, c / (sigma_i * sp.sqrt(t)), {eta_i: "step", c: "param", sigma_i: "grad", t: "none"}, part="units"),
          ],
          corrected=Corrected(
              "η_t[i] ≈ c/(√(σ[i]² + ∇L[i]²)·√t), which is c/(σ[i]√t) where the mean gradient of coordinate i vanishes",
              "Σ_τ g_τ[i]² estimates the second moment E[g[i]²] = σ[i]² + ∇L[i]², not the variance: the ratio "
              "η_t[i]σ[i]√t/c tends to σ[i]/√(σ[i]² + ∇L[i]²) (3/5 on the instance, → 0 as the noise vanishes)",
              checks=[
                  Limit(eta_inst, c / (sp.sqrt(sigma_inst**2 + mu_**2) * sp.sqrt(tt)), tt, sp.oo,
                        part="instance: η_t[i] ≈ c/(√(σ² + ∇L²)√t)"),
                  Simulation(AdaGradRateEstimate(), sp.Integer(1), part="∇L[i] = 0, Gaussian noise: η_t[i]σ[i]√t/c → 1"),
              ],
          )),
    claim("Def 1", 69, "range-sum notation", "definition", "x_{a:b} = Σ_{t=a}^b x_t and its squared variants",
          checks=[NotCheckable("definition of notation")]),
    claim(None, 73, "learning rate in Definition 1 notation", "identity",
          "c/√(ε² + Σ_{τ=1}^t g_τ[i]²) = c/√(ε² + g²_{1:t}[i])",
          hypotheses=["g²_{1:t}[i] := Σ_{τ=1}^t g_τ[i]² (Definition 1)"],
          checks=[Identity(c / sp.sqrt(eps**2 + sp.Sum(g(tau) ** 2, (tau, 1, t))),
                           (c / sp.sqrt(eps**2 + x)).subs(x, sp.Sum(g(tau) ** 2, (tau, 1, t))),
                           domain={t: integers(1, 12)})]),
]
