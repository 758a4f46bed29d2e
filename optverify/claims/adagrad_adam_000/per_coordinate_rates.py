"""000 §1, lines 41–73: per-coordinate learning rates, the AdaGrad rate, Definition 1."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import c, claim, eps, g, t, tau
from optverify.claims.model import Corrected
from optverify.claims.specs import Identity, NotCheckable, Scaling, Simulation, integers
from optverify.sim.experiments import AdaGradRateEstimate

eta_i, sigma_i = sp.symbols("eta_i sigma_i", positive=True)
G = sp.Symbol("G", real=True)  # a gradient entry, for scaling
S_t = sp.Symbol("S_t", nonnegative=True)  # Σ_{τ≤t} g_τ[i]²
x = sp.Symbol("x", real=True)
s, y, y_t, x_i = sp.symbols("s y y_t x_i", real=True)

CLAIMS = [
    claim(None, 43, "learning rate from counts", "definition", "η_t[i] ∝ 1/√(n_t[i])",
          checks=[NotCheckable("a heuristic proposal with an unspecified constant; n_t[i] is a count")]),
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
    claim(None, 63, "AdaGrad rate approximates c/(σ[i]√t)", "rate",
          "η_t[i] ≈ c/(σ[i]√t) when the gradient is mostly noise",
          hypotheses=["read where the text means it: ∇L(w_t)[i] ≈ 0, i.i.d. noise of standard deviation σ[i], ε negligible",
                      "'≈' read as η_t[i]·σ[i]√t/c → 1 as t → ∞"],
          checks=[
              Simulation(AdaGradRateEstimate(), sp.Integer(1)),
              Scaling(eta_i, c / (sigma_i * sp.sqrt(t)), {eta_i: "step", c: "param", sigma_i: "grad", t: "none"}),
          ]),
    claim("Def 1", 69, "range-sum notation", "definition", "x_{a:b} = Σ_{t=a}^b x_t and its squared variants",
          checks=[NotCheckable("definition of notation")]),
    claim(None, 73, "learning rate in Definition 1 notation", "identity",
          "c/√(ε² + Σ_{τ=1}^t g_τ[i]²) = c/√(ε² + g²_{1:t}[i])",
          hypotheses=["g²_{1:t}[i] := Σ_{τ=1}^t g_τ[i]² (Definition 1)"],
          checks=[Identity(c / sp.sqrt(eps**2 + sp.Sum(g(tau) ** 2, (tau, 1, t))),
                           (c / sp.sqrt(eps**2 + x)).subs(x, sp.Sum(g(tau) ** 2, (tau, 1, t))),
                           domain={t: integers(1, 12)})]),
]
