"""004, lines 13–200: the loss landscape, momentum as an EMA, condition numbers and preconditioning."""

import sympy as sp

from optverify.claims.adam_variants_004._common import claim, gamma
from optverify import Corrected, Identity, Inequality, NotCheckable, Semialgebraic, closed, integers, open_, right_open

x, y = sp.symbols("x y", real=True)
f_bowl = x**2 + y**2
f_ravine = x**2 + 5 * y**2
f_example = sp.Rational(1, 2) * (10 * x**2 + y**2)
grad = lambda f: sp.Matrix([sp.diff(f, x), sp.diff(f, y)])  # noqa: E731
hess = lambda f: sp.hessian(f, (x, y))  # noqa: E731
H = hess(f_example)
g0 = grad(f_example).subs({x: 1, y: 10})
theta0 = sp.Matrix([1, 10])
tau = sp.Symbol("tau", real=True)
_gb = grad(f_bowl)
d_bowl = -_gb + tau * sp.Matrix([-_gb[1], _gb[0]])  # a downhill direction: −∇f plus τ times ∇f turned by 90°
s5 = sp.Symbol("s", positive=True)  # γ = s/5
h1, h2 = sp.symbols("h_1 h_2", positive=True)  # diagonal curvatures
beta = sp.Symbol("beta", positive=True)  # the momentum coefficient of line 103
a_ = sp.Symbol("a", real=True)  # a gradient value
t_, k_ = sp.symbols("t k", integer=True, positive=True)
q_ = sp.Symbol("q", positive=True)  # a power β^t (or β^{2t}) of β ∈ (0, 1), t ≥ 1: it lies in (0, 1)


def ema_of(term):
    """What the gradients contribute to v_t = βv_{t−1} + (1 − β)g_t: (1 − β) Σ_{k≤t} β^{t−k} term(k)."""
    return (1 - beta) * sp.Sum(beta ** (t_ - k_) * term(k_), (k_, 1, t_))

# ---------------------------------------------------------------- lines 95, 121, 124: ravines, zigzag, saddles
# Momentum of lines 103/108 on a coordinate of curvature h: v_t = βv_{t−1} + (1 − β)h x_t, x_{t+1} = x_t − γv_t, so
# x_{t+1} = (1 + β − γ(1 − β)h)x_t − βx_{t−1}: characteristic polynomial z² − (1 + β − γ(1 − β)h)z + β. With complex roots
# |z|² = β (their product); GD multiplies the coordinate by 1 − γh.
xm, xp, hc = sp.symbols("x_t x_prev h", real=True)
B9 = sp.Rational(9, 10)  # line 112's example β = 0.9
RECURSION = Identity(xm - gamma * (beta * (xp - xm) / gamma + (1 - beta) * hc * xm), (1 + beta - gamma * (1 - beta) * hc) * xm - beta * xp,
                     domain={beta: open_(0, 1), gamma: open_(0, 10), hc: closed(-10, 10)},
                     part="momentum on a coordinate of curvature h: x_{t+1} = (1 + β − γ(1 − β)h)x_t − βx_{t−1}",
                     note="v_{t−1} = (x_{t−1} − x_t)/γ by line 108")


def trace_(h, b=B9):
    """The sum of the characteristic roots, 1 + β − γ(1 − β)h."""
    return 1 + b - gamma * (1 - b) * h


ZIGZAG = {gamma: open_(sp.Rational(1, 10), sp.Rational(1, 5))}  # GD on f = x² + 5y²: 1 − 10γ ∈ (−1, 0), the steep axis zigzags
_RAVINE_HYP = ["the ravine of line 31, f = x² + 5y²: the steep axis y has curvature 10, the floor x curvature 2",
               "momentum as printed at lines 103 and 108 with line 112's β = 0.9, against GD (line 18) with the same γ; γ ranges "
               "over (1/10, 1/5), where GD converges and its steep coordinate reverses at every step (1 − 10γ ∈ (−1, 0))",
               "a coordinate's per-step contraction: |1 − γh| for GD; for momentum the modulus of the roots of "
               "z² − (1 + β − γ(1 − β)h)z + β, which is √β when they are complex"]
STEEP_COMPLEX = Semialgebraic(trace_(10) ** 2, "<", 4 * B9, ZIGZAG, part="momentum's steep-axis roots are complex (modulus √β)")
FLOOR_COMPLEX = Semialgebraic(trace_(2) ** 2, "<", 4 * B9, ZIGZAG, part="momentum's floor roots are complex (modulus √β)")
NO_ZIGZAG = [Semialgebraic(1 - 10 * gamma, "<", sp.Integer(0), ZIGZAG, part="GD: the steep coordinate reverses at every step"),
             STEEP_COMPLEX,
             Semialgebraic(trace_(10), ">", sp.Integer(0), ZIGZAG,
                           part="momentum: the roots' real part is positive, so their angle is below π/2 and the steep coordinate "
                                "never reverses at two consecutive steps")]
sv = sp.Symbol("v", real=True)
q_pow = sp.Symbol("q", positive=True)  # β^k ∈ (0, 1)
j_ = sp.Symbol("j", integer=True, positive=True)
SADDLE_HYP = ["the saddle f(x, y) = (x² − y²)/2 (curvature 1 along x, −1 along y); 'where standard GD would stop' read as GD "
              "converging to the saddle: from a point (x_0, 0) of its stable manifold, GD with γ ∈ (0, 2) has x_t = (1 − γ)^t x_0 → 0, "
              "y_t = 0",
              "'push past the saddle point' read as: momentum (lines 103, 108, β ∈ (0, 1)) from the same point, with a stored "
              "velocity along the approach (v_0 = (v, 0)), does not converge to the saddle; its y stays 0 (the gradient's y "
              "component is −y), and its x follows z² − (1 + β − γ(1 − β))z + β, which converges (both roots inside the unit "
              "circle) exactly when |1 + β − γ(1 − β)| < 1 + β (Jury's conditions, β < 1)",
              "'go through the flat area': a region where g_t = 0; GD's step there is 0, momentum's v_t = β^k v"]

CLAIMS = [
    claim(None, 18, "gradient descent step", "definition", "θ_{t+1} = θ_t − γ∇f(θ_t)", checks=[NotCheckable("definition of the update")]),
    claim(None, 30, "in a round bowl every downhill step points at the centre", "property",
          "for f = x² + y², every downhill direction d (∇f·d < 0) at θ points at the centre: d ∥ (0 − θ)",
          printed="Any step downhill points to the center.",
          hypotheses=["'any step downhill' read as printed: any direction d with ∇f(θ)·d < 0, not only the steepest-descent step",
                      "instance family: d = −∇f(θ) + τJ∇f(θ), J the rotation by 90°; ∇f·d = −‖∇f‖² < 0 for every τ, so every such d is "
                      "downhill; d points at the centre iff its cross product with −θ vanishes"],
          checks=[Identity(sp.Matrix([sp.expand((grad(f_bowl).dot(d_bowl)))]), sp.Matrix([-4 * (x**2 + y**2)]), part="d is downhill",
                           note="∇f·d = −‖∇f‖² = −4(x² + y²) < 0 away from the centre"),
                  Identity(sp.expand(d_bowl[0] * (0 - y) - d_bowl[1] * (0 - x)), sp.Integer(0), domain={tau: open_(-3, 3)}, part="d ∥ −θ",
                           note="the cross product of d with (0 − θ); it is 2τ(x² + y²)")],
          corrected=Corrected("for f = x² + y², the steepest-descent step −γ∇f(θ) = 2γ(0 − θ) points at the centre from every θ",
                              "other downhill directions (τ ≠ 0) cut across the bowl",
                              checks=[Identity(-grad(f_bowl), 2 * (sp.Matrix([0, 0]) - sp.Matrix([x, y])),
                                               note="−∇f is a positive multiple of (centre − θ)")])),
    claim(None, 33, "one learning rate cannot suit both axes of a ravine", "property",
          "for f = x² + 5y², every γ that keeps GD stable on the steep axis (|1 − 10γ| < 1) leaves the gentle axis contracting by "
          "1 − 2γ > 3/5 per step, while the gentle axis's own best step γ = 1/2 solves it in one step",
          printed="A **single learning rate** can't be both large enough for the gentle slope and small enough for the steep slope.",
          hypotheses=["GD on f = x² + 5y² (line 31) multiplies x by 1 − 2γ and y by 1 − 10γ per step",
                      "the text sets no threshold for 'large enough'; what is exact: 'small enough for the steep slope' is stability, "
                      "0 < γ < 1/5, which is less than 2/5 of the gentle axis's best step 1/2, so the gentle factor stays above 3/5"],
          checks=[Identity((1 - 2 * gamma - sp.Rational(3, 5)).subs(gamma, s5 / 5), 2 * (1 - s5) / 5, part="1 − 2γ − 3/5 = 2(1 − s)/5",
                           note="with γ = s/5, s ∈ (0, 1) the stable range: 1 − 2γ − 3/5 = 2(1 − s)/5"),
                  Inequality(1 - s5, ">", sp.Integer(0), {s5: open_(0, 1)}, part="1 − s > 0", note="so 1 − 2γ > 3/5 for every stable γ"),
                  Identity(1 - 2 * sp.Rational(1, 2), sp.Integer(0), part="the gentle axis alone: γ = 1/2 gives the factor 0")]),
    claim(None, 49, "normalising the inputs helps but is not a fundamental solution", "qualitative", "qualitative",
          printed="Normalization adjusts the scale of input features to be in a similar range.",
          checks=[NotCheckable("qualitative advice: the slide states no model of how the inputs x enter the loss (no loss, no "
                               "feature distribution), so 'more uniform contours' and 'not a fundamental solution' have nothing exact to test")]),
    claim(None, 58, "saddle points outnumber minima in high dimension", "qualitative", "cited folklore",
          printed="In high-dimensional functions, saddle points are exponentially more prevalent than local minima.",
          checks=[NotCheckable("a statement about random high-dimensional functions, cited without a model")]),
    claim(None, 91, "momentum is less affected by noisy gradients", "property",
          "for i.i.d. gradient noise of variance σ², the velocity's noise has variance (1 − β)(1 − β^{2t})/(1 + β)·σ² < σ²",
          printed="It builds up speed (momentum) as it rolls, making it less affected by noisy gradients.",
          hypotheses=["the velocity of line 103, v_t = βv_{t−1} + (1 − β)g_t, with g_k = ∇f + ξ_k, ξ_k i.i.d. of variance σ²; "
                      "'less affected' read as: the noise in the direction the step follows (v_t, against g_t for GD) has the smaller variance",
                      "the variance of (1 − β) Σ_{k≤t} β^{t−k} ξ_k is (1 − β)² Σ_{k≤t} β^{2(t−k)} σ²"],
          checks=[Identity((1 - beta) ** 2 * sp.Sum(beta ** (2 * (t_ - k_)), (k_, 1, t_)), (1 - beta) * (1 - beta ** (2 * t_)) / (1 + beta),
                           domain={beta: open_(0, 1), t_: integers(1, 12)}, part="the velocity's noise variance, in units of σ²"),
                  Semialgebraic((1 - beta) * (1 - q_) / (1 + beta), "<", sp.Integer(1), {beta: open_(0, 1), q_: open_(0, 1)},
                                part="it is below the gradient's (1 in units of σ²)", note="q = β^{2t} ∈ (0, 1)")]),
    claim(None, 94, "momentum accelerates through flat plateaus", "property",
          "on a plateau of small constant gradient a, the momentum step γv_t is longer than the GD step γa",
          printed="Accelerate through flat plateaus where the gradient is small.",
          hypotheses=["a plateau read as a region where the gradient is a constant a ≠ 0 (f linear there); momentum as printed at lines "
                      "103 and 108, v_t = βv_{t−1} + (1 − β)g_t, θ_{t+1} = θ_t − γv_t, entering the plateau at rest (v_0 = 0), against "
                      "GD θ_{t+1} = θ_t − γg_t (line 18) with the same γ",
                      "the velocity on the plateau is (1 − β^t)a (line 119's accumulation); the claim compares |γv_t| with |γa|"],
          checks=[Semialgebraic(1 - q_, ">", sp.Integer(1), {q_: open_(0, 1)}, part="|v_t|/|a| = 1 − β^t exceeds 1",
                                note="q = β^t, which lies in (0, 1) for every β ∈ (0, 1) and t ≥ 1")],
          notes=("root cause: the EMA form of line 103 scales the gradient by (1 − β), so on a constant gradient the velocity only "
                 "approaches a and never outruns GD; the acceleration belongs to the heavy-ball form v_t = βv_{t−1} + g_t "
                 "(Polyak; 002 line 103), whose velocity tends to a/(1 − β)"),
          corrected=Corrected("with the heavy-ball velocity v_t = βv_{t−1} + g_t (v_0 = 0), v_t = a(1 − β^t)/(1 − β) and the step is "
                              "(1 − β^t)/(1 − β) > 1 times GD's from the second step on, tending to 1/(1 − β)",
                              "the (1 − β) factor of line 103 removed, as in Polyak's heavy ball (002 line 103)",
                              checks=[Identity(sp.Sum(beta ** (t_ - k_) * a_, (k_, 1, t_)), a_ * (1 - beta**t_) / (1 - beta),
                                               domain={beta: open_(0, 1), t_: integers(1, 12)}, part="the heavy-ball velocity"),
                                      Semialgebraic((1 - q_) / (1 - beta), ">", sp.Integer(1), {beta: open_(0, 1), q_: open_(0, 1)},
                                                    given=(q_ <= beta**2,), part="longer than GD's from t = 2",
                                                    note="q = β^t ≤ β² for t ≥ 2")])),
    claim(None, 95, "momentum dampens oscillations in narrow ravines", "property",
          "on the ravine f = x² + 5y², across the ravine (the steep axis) momentum's oscillation decays faster per step than GD's",
          hypotheses=_RAVINE_HYP + ["'dampen oscillations' read as: the steep coordinate's oscillation shrinks faster per step than "
                                    "under GD, i.e. √β < |1 − 10γ|"],
          checks=[RECURSION, STEEP_COMPLEX,
                  Semialgebraic(B9, "<", (1 - 10 * gamma) ** 2, ZIGZAG, part="√β < |1 − 10γ|: momentum's oscillation decays faster")],
          notes=("at γ = 3/20 GD halves the steep coordinate at each step (factor −1/2) while momentum shrinks it by √0.9 ≈ 0.95: "
                 "the EMA velocity slows the decay; where GD's zigzag does not decay (γ ≥ 1/5) momentum's does"),
          corrected=Corrected("for γ ∈ [1/5, 3), where GD's steep-axis zigzag does not decay (|1 − 10γ| ≥ 1), momentum's decays "
                              "by √β = √0.9 per step",
                              "momentum damps the oscillations gradient descent cannot; for γ < (1 + √0.9)/10 ≈ 0.195 GD's own "
                              "oscillation decays faster",
                              checks=[Semialgebraic(trace_(10) ** 2, "<", 4 * B9, {gamma: right_open(sp.Rational(1, 5), 3)},
                                                    part="momentum's steep-axis roots are complex (modulus √β)"),
                                      Semialgebraic(B9, "<", (1 - 10 * gamma) ** 2, {gamma: right_open(sp.Rational(1, 5), 3)},
                                                    part="√β < 1 ≤ |1 − 10γ|")])),
    claim(None, 121, "momentum reduces the zigzag and accelerates progress", "property",
          "on the ravine f = x² + 5y², with momentum the steep coordinate no longer reverses at every step, and progress along "
          "the floor is faster than GD's",
          hypotheses=_RAVINE_HYP + ["'reduces the zigzag motion' read as: the steep coordinate no longer changes sign at every step "
                                    "(GD's does); 'accelerates progress' as: the floor coordinate contracts faster per step than "
                                    "under GD, √β < 1 − 2γ"],
          checks=[RECURSION, *NO_ZIGZAG, FLOOR_COMPLEX,
                  Semialgebraic(B9, "<", (1 - 2 * gamma) ** 2, ZIGZAG, part="progress along the floor: √β < 1 − 2γ")],
          notes=("root cause as at 004:L94: the EMA velocity of line 103 scales the gradient by 1 − β, so with the same γ the floor "
                 "contracts by √0.9 ≈ 0.95 per step against GD's 1 − 2γ ≤ 0.8"),
          corrected=Corrected("momentum reduces the zigzag (as above) and progresses along the floor faster than GD with the step "
                              "γ(1 − β) it takes on a constant gradient: √β < 1 − 2γ(1 − β)",
                              "the EMA velocity takes the step γ(1 − β) on a constant gradient; against that step the floor is faster",
                              checks=[*NO_ZIGZAG, FLOOR_COMPLEX,
                                      Semialgebraic(B9, "<", (1 - 2 * gamma * (1 - B9)) ** 2, ZIGZAG,
                                                    part="progress along the floor: √β < 1 − 2γ(1 − β)")])),
    claim(None, 124, "the stored velocity goes through flat areas and past saddle points", "property",
          "where g_t = 0 momentum keeps moving (GD stops); from a point where GD converges to a saddle, momentum does not",
          hypotheses=SADDLE_HYP,
          checks=[Identity(sp.Sum(gamma * beta**j_ * sv, (j_, 1, k_)), gamma * beta * (1 - beta**k_) * sv / (1 - beta),
                           domain={beta: open_(0, 1), gamma: open_(0, 10), k_: integers(1, 12)},
                           part="flat area: after k steps with g = 0 momentum has moved γβ(1 − β^k)v/(1 − β)"),
                  Semialgebraic(gamma * beta * (1 - q_pow) / (1 - beta), ">", sp.Integer(0),
                                {gamma: open_(0, 10), beta: open_(0, 1), q_pow: open_(0, 1)},
                                part="flat area: that distance is positive (GD's is 0)", note="q = β^k"),
                  Semialgebraic(sp.Abs(1 + beta - gamma * (1 - beta)), ">=", 1 + beta, {gamma: open_(0, 2), beta: open_(0, 1)},
                                part="saddle: momentum's x does not converge (a root on or outside the unit circle)")],
          corrected=Corrected("off the saddle's stable manifold the heavy-ball velocity v_t = βv_{t−1} + g_t escapes faster than GD "
                              "(its unstable root exceeds 1 + γ); the EMA velocity of line 103 escapes more slowly (both roots below "
                              "1 + γ); on the stable manifold both converge to the saddle",
                              "a stored velocity along the approach carries the iterate past the saddle and back: only the "
                              "unstable direction escapes, at the rate of the larger characteristic root on curvature −1",
                              checks=[Semialgebraic((1 + gamma) ** 2 - (1 + beta + gamma) * (1 + gamma) + beta, "<", sp.Integer(0),
                                                    {gamma: open_(0, 2), beta: open_(0, 1)},
                                                    part="heavy ball: 1 + γ lies between the roots of z² − (1 + β + γ)z + β"),
                                      Semialgebraic((1 + gamma) ** 2 - trace_(-1, beta) * (1 + gamma) + beta, ">", sp.Integer(0),
                                                    {gamma: open_(0, 2), beta: open_(0, 1)},
                                                    part="EMA: 1 + γ is not between the roots of z² − (1 + β + γ(1 − β))z + β"),
                                      Semialgebraic(trace_(-1, beta) / 2, "<", 1 + gamma, {gamma: open_(0, 2), beta: open_(0, 1)},
                                                    part="EMA: … and lies above both (above their mean)"),
                                      Semialgebraic(sp.Abs(1 + beta - gamma * (1 - beta)), "<", 1 + beta,
                                                    {gamma: open_(0, 2), beta: open_(0, 1)},
                                                    part="on the stable manifold momentum's x converges to the saddle")])),
    claim(None, 103, "momentum velocity", "definition", "v_t = βv_{t−1} + (1 − β)g_t", checks=[NotCheckable("definition")]),
    claim(None, 108, "momentum parameter update", "definition", "θ_{t+1} = θ_t − γv_t", checks=[NotCheckable("definition")]),
    claim(None, 119, "oscillating gradients cancel, consistent ones accumulate", "property",
          "in v_t = βv_{t−1} + (1 − β)g_t, gradients alternating ±a contribute (−1)^t a(1 − β)(1 − (−β)^t)/(1 + β), of size at most "
          "(1 − β)/(1 + β)·|a|(1 + β^t), while a constant gradient a contributes (1 − β^t)a → a", end_line=120,
          hypotheses=["the velocity of line 103 unrolled: v_t = β^t v_0 + (1 − β) Σ_{k≤t} β^{t−k} g_k; the initial velocity v_0 is not "
                      "printed and enters only through β^t v_0, so the words are read on what the gradients contribute",
                      "'cancel each other out' is read as the partial cancellation the average performs: an alternating ±a keeps the "
                      "fraction (1 − β)/(1 + β) of a's size (1/19 at line 112's β = 0.9), not exactly 0",
                      "'accumulate, building up velocity' is read as: a constant gradient's contribution (1 − β^t)a grows towards a"],
          checks=[Identity(ema_of(lambda k_: (-1) ** k_ * a_), (-1) ** t_ * a_ * (1 - beta) * (1 - (-beta) ** t_) / (1 + beta),
                           domain={beta: open_(0, 1), t_: integers(1, 12)}, part="oscillating: the alternating sum"),
                  Inequality((1 - beta) / (1 + beta), "<", sp.Integer(1), {beta: open_(0, 1)}, part="oscillating: the fraction kept is < 1"),
                  Identity(ema_of(lambda k_: a_), (1 - beta**t_) * a_, domain={beta: open_(0, 1), t_: integers(1, 12)},
                           part="consistent: the contribution (1 − β^t)a"),
                  Identity(ema_of(lambda k_: a_).subs(t_, t_ + 1) - ema_of(lambda k_: a_), beta**t_ * (1 - beta) * a_,
                           domain={beta: open_(0, 1), t_: integers(1, 12)}, part="consistent: it grows with t, by β^t(1 − β)a per step"),
                  Inequality(beta**t_ * (1 - beta), ">", sp.Integer(0), {beta: closed(sp.Rational(1, 1000), sp.Rational(999, 1000)),
                                                                       t_: closed(1, 50)},
                             part="consistent: the growth has the sign of a")]),
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
    claim(None, 190, "preconditioning gives small rates in sensitive directions", "property",
          "with P = H (line 185) the rate along a curvature-h direction is γ/h: it falls as the curvature grows (1/10 at h = 10, 1 at h = 1)",
          printed="preconditioning creates an adaptive learning rate- small for sensitive directions (high curvature) and large for stable directions (low curvature).",
          hypotheses=["the preconditioner of the example, P = H = diag(10, 1) (line 185); for a diagonal P = diag(h_1, h_2) the step "
                      "γP⁻¹g scales coordinate i by γ/h_i"],
          checks=[Identity(sp.diag(h1, h2).inv(), sp.diag(1 / h1, 1 / h2), part="per-coordinate rates 1/h_i"),
                  Inequality(sp.diff(1 / h1, h1), "<", sp.Integer(0), {h1: closed(sp.Rational(1, 100), 100)}, part="1/h falls as h grows"),
                  Identity(H.inv(), sp.diag(sp.Rational(1, 10), 1), part="the example: 1/10 on the curvature-10 axis, 1 on the curvature-1 axis")]),
    claim(None, 196, "the Hessian preconditioner reshapes the problem perfectly (Newton)", "property",
          "on the quadratic of line 175, with P = H every direction is equally curved: I − γP⁻¹H = (1 − γ)I for every γ; "
          "Newton's step (γ = 1) lands on the minimiser (0, 0)",
          printed="The Hessian fully captures the curvature of the loss function, and using it ($P_t = H_t$) perfectly reshapes the problem space.",
          hypotheses=["'perfectly reshapes the problem space' read as: in the preconditioned iteration θ − γP⁻¹∇f every direction "
                      "contracts by the same factor (condition number 1), whatever γ",
                      "'known as Newton's Method': Newton's step is the preconditioned step with γ = 1"],
          checks=[Identity(sp.eye(2) - gamma * H.inv() * H, (1 - gamma) * sp.eye(2), part="every direction contracts alike"),
                  Identity(theta0 - H.inv() * g0, sp.Matrix([0, 0]), part="Newton's step solves the quadratic")]),
]
