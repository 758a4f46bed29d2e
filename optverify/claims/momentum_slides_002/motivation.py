"""002, lines 74–113, 256 and 283: the motivations printed in words — per-dimension step sizes, reading the step size
from the signs of successive gradients, the heavy ball's intuition, and preconditioned SGD."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import L, beta, claim, eta, mu
from optverify import Corrected, Identity, NotCheckable, Semialgebraic, closed, left_open, open_

# ---------------------------------------------------------------- lines 74, 76, 256: one step size for two curvatures
lam_ = sp.Symbol("lambda", positive=True)  # the curvature of one coordinate of the quadratic of line 33
r = sp.Symbol("r", positive=True)  # μ = rL, 0 < r < 1: the less curved coordinate
u = sp.Symbol("u", positive=True)  # u = ηL, a common step size in units of 1/L
CURV = {L: left_open(0, 100), mu: left_open(0, 100)}
COMMON_STEP_RATE = sp.Max(sp.Abs(1 - u), sp.Abs(1 - r * u))  # max(|1 − ηL|, |1 − ημ|) at η = u/L, μ = rL
BEST_COMMON_RATE = (1 - r) / (1 + r)  # its value at η = 2/(L + μ), line 72

PER_COORDINATE = [
    Identity(1 - (1 / lam_) * lam_, sp.Integer(0), domain={lam_: left_open(0, 100)},
             part="the step 1/λ contracts a coordinate of curvature λ to 0 in one step (|1 − ηλ| is minimised at η = 1/λ)"),
    Semialgebraic(1 / mu, ">", 1 / L, CURV, given=(mu < L,),
                  part="so the less curved coordinate (μ < L) wants the larger step: 1/μ > 1/L"),
]
ONE_STEP_FOR_ALL = [
    Semialgebraic(COMMON_STEP_RATE, ">=", BEST_COMMON_RATE, {u: left_open(0, 100), r: open_(0, 1)},
                  part="every common step η has contraction max(|1 − ηL|, |1 − ημ|) ≥ (L − μ)/(L + μ)",
                  note="written with u = ηL and μ = rL"),
    Semialgebraic(BEST_COMMON_RATE, ">", sp.Integer(0), {r: open_(0, 1)},
                  part="(L − μ)/(L + μ) > 0 = the contraction of the per-coordinate steps 1/L, 1/μ, whenever μ < L"),
]
_CURV_HYP = ["f(w_1, w_2) = L/2 w_1² + μ/2 w_2² with μ < L (line 33; w_2 is the less curved dimension)",
             "per-coordinate GD w_i ← w_i − η_i ∂_i f(w), so coordinate i contracts by the factor 1 − η_i λ_i"]

# ---------------------------------------------------------------- lines 92–93: the sign of successive gradients
x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
f = sp.Function("f")
fprime = sp.diff(f(x), x)
x_next = x - eta * fprime  # one gradient step of size η from x
loss_slope_in_step = sp.diff(f(x_next), eta)  # d/dη f(x − ηf′(x))
gradient_product = -fprime * sp.Subs(sp.diff(f(y), y), y, x_next)  # −f′(x)·f′(x⁺)
SIGN_RULE = Identity(loss_slope_in_step, gradient_product, domain={eta: left_open(0, 100)},
                     part="d/dη f(x − ηf′(x)) = −f′(x)·f′(x⁺): the loss reached rises with the step size exactly when the "
                          "gradients at x and x⁺ have opposite signs, and falls exactly when they have the same sign")
_SIGN_HYP = ["one-dimensional differentiable f, one gradient step x⁺ = x − ηf′(x)",
             "'the step size is too large (too small)' read as: a slightly smaller (larger) step would reach a lower loss, "
             "i.e. d/dη f(x − ηf′(x)) > 0 (< 0)"]

# the reason printed at line 92, "because we're overshooting the optimum": on a quadratic, and the 1-D picture for any f
xs = sp.Symbol("x_star", real=True)  # the minimiser of the quadratic
q_step = x - eta * lam_ * (x - xs)  # x⁺ on f = λ/2 (x − x⋆)²
q_reverse = (lam_ * (x - xs)) * (lam_ * (q_step - xs))  # f′(x)f′(x⁺)
q_sides = (x - xs) * (q_step - xs)  # < 0 exactly when x⁺ lies past x⋆
p_, q_ = sp.symbols("p q", real=True)  # f′(x), f′(x⁺) of any differentiable f
Q_DOM = {lam_: left_open(0, 100), eta: left_open(0, 100), x: closed(-10, 10), xs: closed(-10, 10)}
OVERSHOOT = [
    Semialgebraic(q_sides, "<", sp.Integer(0), Q_DOM, given=(q_reverse < 0,),
                  part="overshooting: on a quadratic, reversing gradients put x⁺ past the minimiser x⋆"),
    Semialgebraic(q_reverse, "<", sp.Integer(0), Q_DOM, given=(q_sides < 0,),
                  part="overshooting: on a quadratic, a step past x⋆ reverses the gradient"),
    Semialgebraic(-eta * p_**2, "<", sp.Integer(0), {eta: left_open(0, 100), p_: closed(-10, 10), q_: closed(-10, 10)},
                  given=(p_ * q_ < 0,), part="any f: from x, f decreases into the segment towards x⁺",
                  note="the slope of s ↦ f(x + s(x⁺ − x)) at s = 0 is f′(x)(x⁺ − x) = −ηf′(x)²"),
    Semialgebraic(eta * p_ * q_, "<", sp.Integer(0), {eta: left_open(0, 100), p_: closed(-10, 10), q_: closed(-10, 10)},
                  given=(p_ * q_ < 0,), part="any f: from x⁺, f decreases into the segment towards x",
                  note="the slope of s ↦ f(x⁺ + s(x − x⁺)) at s = 0 is f′(x⁺)(x − x⁺) = ηf′(x)f′(x⁺); with both ends "
                       "decreasing inwards, a minimiser of f on the segment lies strictly between x and x⁺"),
]
_OVERSHOOT_HYP = ["'overshooting the optimum' read on a quadratic f(x) = λ/2 (x − x⋆)², λ > 0, whose optimum is x⋆: x⁺ lies past x⋆ "
                  "exactly when (x − x⋆)(x⁺ − x⋆) < 0; for a general differentiable f, as: a minimiser of f on [x, x⁺] lies "
                  "strictly inside it (f decreases into the segment from both ends)"]

# ---------------------------------------------------------------- lines 107–109: the heavy ball's intuition
s = sp.Symbol("s", real=True)  # the gradient step −η∇f(w_t) (one coordinate)
dlt = sp.Symbol("Delta", real=True)  # the previous step w_t − w_{t−1}
hb = s + beta * dlt  # the heavy-ball step w_{t+1} − w_t (line 103)
STEPS = {s: closed(-10, 10), dlt: closed(-10, 10), beta: open_(0, 1)}
_HB_HYP = ["Polyak's step w_{t+1} − w_t = −η∇f(w_t) + β(w_t − w_{t−1}) (line 103), β ∈ (0, 1), compared coordinate-wise with the "
           "gradient step s = −η∇f(w_t); Δ = w_t − w_{t−1} is the previous step",
           "'the current gradient is in the same direction as the previous step' read as the descent direction −∇f(w_t) "
           "(the direction the gradient step moves), i.e. sΔ > 0; 'opposite' as sΔ < 0"]
h_ = sp.Symbol("h", positive=True)  # the time step of the discretised ODE
a_, b_ = sp.symbols("a b", positive=True)  # friction and force constants of ẍ + aẋ + b∇f(x) = 0
w_prev, w_t, grad_t = sp.symbols("w_prev w_t nabla_f_t", real=True)
ode_step = sp.solve(sp.Eq((sp.Symbol("w_next") - 2 * w_t + w_prev) / h_**2 + a_ * (w_t - w_prev) / h_ + b_ * grad_t, 0),
                    sp.Symbol("w_next"))[0]  # ball of unit mass: finite differences of ẍ and ẋ at t

# ---------------------------------------------------------------- line 283: preconditioning SGD
R = sp.Matrix(2, 2, sp.symbols("R_11 R_12 R_21 R_22", real=True))
u_t = sp.Matrix(sp.symbols("u_1 u_2", real=True))
g_tilde = sp.Matrix(sp.symbols("gtilde_1 gtilde_2", real=True))  # any stochastic gradient of f at w_t = Ru_t

CLAIMS = [
    claim(None, 74, "a larger step for the less curved dimension", "property",
          "the per-dimension step that contracts fastest is larger where the curvature is smaller",
          hypotheses=_CURV_HYP, checks=PER_COORDINATE),
    claim(None, 76, "one learning rate cannot serve both dimensions", "property",
          "with the same η for all parameters, the contraction is at least (L − μ)/(L + μ) > 0",
          hypotheses=_CURV_HYP, checks=ONE_STEP_FOR_ALL),
    claim(None, 92, "reversing gradients: the step is too large", "property",
          "f′(x)f′(x⁺) < 0 ⟹ a smaller step would reach a lower loss",
          hypotheses=_SIGN_HYP + _OVERSHOOT_HYP, checks=[SIGN_RULE] + OVERSHOOT),
    claim(None, 93, "gradients in the same direction: the step is too small", "property",
          "f′(x)f′(x⁺) > 0 ⟹ a larger step would reach a lower loss", hypotheses=_SIGN_HYP, checks=[SIGN_RULE]),
    claim(None, 107, "momentum moves further when the gradient agrees with the previous step", "property",
          "sΔ > 0 ⟹ |s + βΔ| > |s|, in the direction of s",
          hypotheses=_HB_HYP,
          checks=[Semialgebraic(hb**2, ">", s**2, STEPS, given=(s * dlt > 0,), part="|s + βΔ| > |s|"),
                  Semialgebraic(s * hb, ">", sp.Integer(0), STEPS, given=(s * dlt > 0,), part="in the same direction as s")]),
    claim(None, 108, "momentum moves less far when the gradient opposes the previous step", "property",
          "sΔ < 0 ⟹ |s + βΔ| < |s|",
          hypotheses=_HB_HYP,
          checks=[Semialgebraic(hb**2, "<", s**2, STEPS, given=(s * dlt < 0,), part="|s + βΔ| < |s|")],
          corrected=Corrected("sΔ < 0 and β|Δ| < 2|s| ⟹ |s + βΔ| < |s|",
                              "when the previous step is long (β|Δ| ≥ 2|s|) the momentum term outweighs the gradient step: the ball "
                              "keeps going the old way, further than the gradient step alone",
                              checks=[Semialgebraic(hb**2, "<", s**2, STEPS, given=(s * dlt < 0, beta**2 * dlt**2 < 4 * s**2),
                                                    part="|s + βΔ| < |s|")])),
    claim(None, 109, "the heavy ball simulates a ball with momentum", "identity",
          "Polyak's step is the finite-difference discretisation of ẍ + aẋ + b∇f(x) = 0 with β = 1 − ah, η = bh²",
          hypotheses=["a unit mass with friction a > 0 in the potential b·f, time step h; ẍ ≈ (w_{t+1} − 2w_t + w_{t−1})/h², "
                      "ẋ ≈ (w_t − w_{t−1})/h"],
          checks=[Identity(ode_step, w_t - b_ * h_**2 * grad_t + (1 - a_ * h_) * (w_t - w_prev),
                           domain={h_: left_open(0, 1), a_: left_open(0, 10), b_: left_open(0, 10)},
                           part="w_{t+1} = w_t − (bh²)∇f(w_t) + (1 − ah)(w_t − w_{t−1})")]),
    claim(None, 113, "momentum and local optima", "qualitative", "on non-convex functions momentum is more easily trapped",
          checks=[NotCheckable("no comparator and no measure of 'easier' are given: trapped more often than gradient descent with "
                               "which step size, on which functions, from which starting points, is not said")]),
    claim(None, 256, "one learning rate slows convergence", "property",
          "a common step has contraction ≥ (L − μ)/(L + μ) > 0, per-coordinate steps reach 0",
          hypotheses=_CURV_HYP, checks=ONE_STEP_FOR_ALL),
    claim(None, 283, "preconditioning extends to SGD", "identity",
          "SGD on g(u) = f(Ru) is w_{t+1} = w_t − ηRRᵀg̃_t in w = Ru, for any stochastic gradient g̃_t of f at w_t",
          hypotheses=["the stochastic gradient of g at u_t is Rᵀg̃_t, g̃_t a stochastic gradient of f at Ru_t (chain rule, line 269)"],
          checks=[Identity(R * (u_t - eta * R.T * g_tilde), R * u_t - eta * (R * R.T) * g_tilde,
                           part="R(u_t − ηRᵀg̃_t) = Ru_t − ηRRᵀg̃_t")]),
]
