"""004, lines 13–200: the loss landscape, momentum as an EMA, condition numbers and preconditioning."""

import sympy as sp

from optverify.claims.adam_variants_004._common import claim, gamma
from optverify.claims.specs import Identity, Inequality, NotCheckable, open_

x, y = sp.symbols("x y", real=True)
f_bowl = x**2 + y**2
f_ravine = x**2 + 5 * y**2
f_example = sp.Rational(1, 2) * (10 * x**2 + y**2)
grad = lambda f: sp.Matrix([sp.diff(f, x), sp.diff(f, y)])  # noqa: E731
hess = lambda f: sp.hessian(f, (x, y))  # noqa: E731
H = hess(f_example)
g0 = grad(f_example).subs({x: 1, y: 10})
theta0 = sp.Matrix([1, 10])

CLAIMS = [
    claim(None, 18, "gradient descent step", "definition", "θ_{t+1} = θ_t − γ∇f(θ_t)", checks=[NotCheckable("definition of the update")]),
    claim(None, 30, "in a round bowl the steepest-descent step points at the centre", "property",
          "for f = x² + y², −∇f(θ) = 2(0 − θ): the downhill step points at the centre from every θ",
          hypotheses=["'any step downhill' read as the steepest-descent step −γ∇f (other descent directions need not point at the centre)"],
          checks=[Identity(-grad(f_bowl), 2 * (sp.Matrix([0, 0]) - sp.Matrix([x, y])),
                           note="−∇f is a positive multiple of (centre − θ)")]),
    claim(None, 33, "one learning rate cannot suit both axes of a ravine", "property",
          "for f = x² + 5y², every γ that keeps GD stable on the steep axis (|1 − 10γ| < 1) contracts the gentle axis by no more than |1 − 2γ| ≥ 1/2 per step",
          printed="A **single learning rate** can't be both large enough for the gentle slope and small enough for the steep slope.",
          hypotheses=["GD on f = x² + 5y² (line 31) multiplies x by 1 − 2γ and y by 1 − 10γ per step",
                      "'large enough' read as: the gentle axis shrinks at least by half per step, which no stable γ achieves (stable γ give 1 − 2γ > 3/5)"],
          checks=[Inequality(1 - 2 * gamma, ">=", sp.Rational(1, 2), {gamma: open_(0, sp.Rational(1, 5))},
                             note="stability on the steep axis: 0 < γ < 1/5; then 1 − 2γ > 3/5 > 1/2")]),
    claim(None, 49, "normalising the inputs helps but is not a fundamental solution", "qualitative", "qualitative",
          printed="Normalization adjusts the scale of input features to be in a similar range.",
          checks=[NotCheckable("qualitative advice")]),
    claim(None, 58, "saddle points outnumber minima in high dimension", "qualitative", "cited folklore",
          printed="In high-dimensional functions, saddle points are exponentially more prevalent than local minima.",
          checks=[NotCheckable("a statement about random high-dimensional functions, cited without a model")]),
    claim(None, 103, "momentum velocity", "definition", "v_t = βv_{t−1} + (1 − β)g_t", checks=[NotCheckable("definition")]),
    claim(None, 108, "momentum parameter update", "definition", "θ_{t+1} = θ_t − γv_t", checks=[NotCheckable("definition")]),
    claim(None, 119, "oscillating gradients cancel, consistent ones accumulate", "qualitative", "qualitative",
          printed="Oscillating gradients (across the ravine) are in opposite directions and **cancel each other out** in the moving average.",
          checks=[NotCheckable("qualitative picture of the EMA")]),
    claim(None, 152, "condition number", "definition", "κ(H) = λmax/λmin", checks=[NotCheckable("definition")]),
    claim(None, 156, "a perfect circle has κ = 1", "identity", "the Hessian of x² + y² has λmax/λmin = 1",
          printed="On the other hand, a perfect circle has $\\kappa = 1$.",
          checks=[Identity(max(hess(f_bowl).eigenvals()) / min(hess(f_bowl).eigenvals()), sp.Integer(1))]),
    claim(None, 165, "preconditioned update", "definition", "θ_{t+1} = θ_t − γP_t⁻¹g_t", checks=[NotCheckable("definition")]),
    claim(None, 175, "the preconditioning example", "definition", "f(x, y) = ½(10x² + y²), θ_0 = (1, 10)", end_line=177,
          checks=[NotCheckable("definition of the example")]),
    claim(None, 181, "gradient at θ_0", "identity", "∇f(1, 10) = [10x, y]|_(1,10) = [10, 10]",
          checks=[Identity(grad(f_example), sp.Matrix([10 * x, y]), part="formula"),
                  Identity(g0, sp.Matrix([10, 10]), part="value")]),
    claim(None, 185, "the Hessian as preconditioner", "identity", "H = diag(10, 1)", checks=[Identity(H, sp.diag(10, 1))]),
    claim(None, 188, "preconditioned gradient", "identity", "P⁻¹g_0 = diag(1/10, 1)·[10, 10] = [1, 10]",
          checks=[Identity(H.inv() * g0, sp.Matrix([1, 10])), Identity(H.inv(), sp.diag(sp.Rational(1, 10), 1), part="inverse")]),
    claim(None, 190, "preconditioning gives small rates in sensitive directions", "qualitative", "qualitative",
          printed="preconditioning creates an adaptive learning rate- small for sensitive directions (high curvature) and large for stable directions (low curvature).",
          checks=[NotCheckable("qualitative; in the example the per-axis rates are 1/10 and 1 (line 188)")]),
    claim(None, 196, "the Hessian preconditioner reshapes the problem perfectly (Newton)", "property",
          "on the quadratic of line 175 one step θ_0 − H⁻¹∇f(θ_0) lands on the minimiser (0, 0)",
          printed="The Hessian fully captures the curvature of the loss function, and using it ($P_t = H_t$) perfectly reshapes the problem space.",
          hypotheses=["'perfectly reshapes' read as: with P = H and γ = 1 the preconditioned step solves the quadratic in one step"],
          checks=[Identity(theta0 - H.inv() * g0, sp.Matrix([0, 0]))]),
]
