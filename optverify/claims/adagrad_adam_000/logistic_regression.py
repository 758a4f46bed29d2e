"""000 §1, lines 7–37: linear regression with the logistic loss, its smoothness, gradient and step size."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import claim
from optverify import BOUND, Corrected, Identity, Inequality, InstanceSearch, NotCheckable, Range, Scaling
from optverify.counterexamples.families import Measured, logistic_gradient_variance, logistic_smoothness

w1, w2, w3, x1, x2, x3 = sp.symbols("w_1 w_2 w_3 x_1 x_2 x_3", real=True)
y, y_t = sp.symbols("y y_t", real=True)
s = sp.Symbol("s", real=True)
eta, r, t, D, T = sp.symbols("eta r t D T", positive=True)
quotient, x_norm_sq, variance = sp.symbols("quotient x_norm_sq variance", nonnegative=True)

inner = w1 * x1 + w2 * x2 + w3 * x3
loss = sp.log(1 + sp.exp(-y * inner))

CLAIMS = [
    claim(None, 9, "linear model", "definition", "ŷ is the inner product of w and x",
          checks=[NotCheckable("definition of the prediction ŷ = ⟨w, x⟩")]),
    claim(None, 17, "logistic loss", "definition", "the loss to be minimised",
          checks=[NotCheckable("definition of the logistic loss")]),
    claim(None, 19, "the logistic loss is 2-smooth", "property",
          "‖∇ℓ(w) − ∇ℓ(w′)‖ ≤ 2‖w − w′‖ for all w, w′ and every example (x, y)",
          printed="This loss is 2-smooth",
          hypotheses=["y ∈ {−1, +1}; x a bag-of-words vector (no bound on ‖x‖ is stated at this point)"],
          checks=[InstanceSearch(Measured(logistic_smoothness, "quotient"), sp.Integer(2))],
          corrected=Corrected(
              "ℓ(·, (x, y)) is (‖x‖²/4)-smooth",
              "the Hessian is σ(1−σ)·x xᵀ with σ(1−σ) ≤ 1/4, so the constant depends on ‖x‖; 2-smooth needs ‖x‖² ≤ 8",
              checks=[InstanceSearch(Measured(logistic_smoothness, "quotient"), x_norm_sq / 4)],
          )),
    claim(None, 21, "gradient of the logistic loss", "identity", "∇ℓ = −y x e^{−y⟨w,x⟩}/(1 + e^{−y⟨w,x⟩})",
          hypotheses=["coordinate 1 of d = 3 shown; the other coordinates are the same computation"],
          checks=[Identity(sp.diff(loss, w1), -y * x1 * sp.exp(-y * inner) / (1 + sp.exp(-y * inner)))]),
    claim(None, 23, "gradient variance bounded by r²", "inequality",
          "if ‖x‖ ≤ r then the variance of the stochastic gradient is at most r²",
          printed="if the feature vectors x satisfy  $||x|| \\le r$ , we might expect the variance to be bounded by  $r^2$",
          hypotheses=["‖x_j‖₂ ≤ r for every example; y_j = ±1; z uniform over a finite data set"],
          constants={"r": "bound on the feature norm"},
          symbols={"r": r}, bound=r**2,
          checks=[
              InstanceSearch(Measured(logistic_gradient_variance, "variance"), BOUND),
              Inequality((sp.exp(-s) / (1 + sp.exp(-s))) ** 2, "<=", sp.Integer(1), {s: Range(-sp.oo, sp.oo, True, True)},
                         part="lemma: the factor e^{−s}/(1+e^{−s}) lies in (0,1), so ‖∇ℓ‖ ≤ ‖x‖ ≤ r"),
          ]),
    claim(None, 25, "step size proportional to r/√t", "rate", "η_t ∝ r/√t",
          hypotheses=["the proportionality constant may depend on the parameter scale (D) but not on r or on the loss scale"],
          checks=[Scaling(eta, r / sp.sqrt(t), {eta: "step", r: "grad", t: "none"})],
          corrected=Corrected(
              "η_t ∝ D/(r√t)",
              "minimising the SGD bound D²/(2η) + η r² T/2 gives η = D/(r√T): the step size falls with r",
              checks=[
                  Scaling(eta, D / (r * sp.sqrt(t)), {eta: "step", r: "grad", t: "none", D: "param"}),
                  Identity(sp.solve(sp.diff(D**2 / (2 * eta) + eta * r**2 * T / 2, eta), eta)[0], D / (r * sp.sqrt(T)),
                           part="first-order condition of D²/(2η) + η r² T/2"),
              ],
          )),
    claim(None, 33, "gradient descent update", "definition", "w_{t+1} = w_t − η_t ∇ℓ(w_t, z_t)",
          checks=[NotCheckable("definition of the SGD update")]),
    claim(None, 37, "per-coordinate update", "definition", "w_{t+1}[i] = w_t[i] − η_t[i] ∇ℓ(w_t, z_t)[i]",
          checks=[NotCheckable("definition of the per-coordinate update")]),
]
