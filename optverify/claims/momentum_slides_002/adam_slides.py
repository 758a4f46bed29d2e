"""002, lines 300–377: per-parameter learning rates and Adam, its bias correction and its claimed rate."""

import sympy as sp

from optverify.claims.momentum_slides_002._common import claim
from optverify import Corrected, Identity, Induction, Moment, NonConvergence, NotCheckable, integers, open_
from optverify.claims.specs import adam_eps_in_root
from optverify.counterexamples.adam_constant_step import adam_two_cycle

beta1, beta2 = sp.symbols("beta_1 beta_2", positive=True)
t = sp.Symbol("t", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
j = sp.Symbol("j", integer=True, positive=True)
g = sp.Function("g")
s2 = sp.Function("s2")  # the variance sequence Var(g_j)
mu = sp.Symbol("mu", real=True)
nu = sp.Symbol("nu", positive=True)  # a stationary second moment E[g∘g]
v0 = sp.Symbol("v_0", real=True)  # the initial value of the moment, which the slides do not print
DOM1 = {beta1: open_(0, 1), t: integers(1, 10), n: integers(1, 10)}
DOM2 = {beta2: open_(0, 1), t: integers(1, 10), mu: open_(-3, 3), nu: open_(0, 5)}


def ema_from(start):
    """The closed form β1^k·start + (1 − β1) Σ_{j=1}^k β1^{k−j} g_j of line 333's recurrence from v_0 = start."""
    return lambda k: beta1**k * start + (1 - beta1) * sp.Sum(beta1 ** (k - j) * g(j), (j, 1, k))


def ema_step(prev, k):
    """Line 328: v_k = β1 v_{k−1} + (1 − β1) g_k."""
    return beta1 * prev + (1 - beta1) * g(k)


CLAIMS = [
    claim(None, 306, "per-coordinate SGD step", "definition", "w_{j,t+1} = w_{j,t} − η_{j,t} ∂f_{i_t}/∂w_{j,t}",
          checks=[NotCheckable("definition of the update")]),
    claim(None, 324, "Adam step 1", "definition", "g_t = ∇f_{i_t}(w_{t−1})", checks=[NotCheckable("definition")]),
    claim(None, 328, "Adam step 2", "definition", "v_t = β1 v_{t−1} + (1 − β1) g_t", checks=[NotCheckable("definition")]),
    claim(None, 333, "first moment as an exponential moving average", "identity", "v_t = (1 − β1) Σ_{j=1}^t β1^{t−j} g_j",
          hypotheses=["the slides print no initial value v_0 (Adam's paper sets v_0 = 0, this slide does not): v_0 is free",
                      "the recurrence of line 328, v_t = β1 v_{t−1} + (1 − β1) g_t, iterated from v_0, against the printed closed form"],
          checks=[Induction(ema_from(0), ema_step, n, 1, ema_step(v0, sp.Integer(1)), domain={**DOM1, v0: open_(-3, 3)}, sequences={g: (-3, 3)},
                            note="from t = 1 (the printed sum starts at j = 1): v_1 = β1 v_0 + (1 − β1) g_1 with v_0 free")],
          corrected=Corrected("v_t = (1 − β1) Σ_{j=1}^t β1^{t−j} g_j when v_0 = 0 (in general v_t = β1^t v_0 + (1 − β1) Σ_{j=1}^t β1^{t−j} g_j)",
                              "the closed form drops the term β1^t v_0 of the initial value",
                              checks=[Induction(ema_from(0), ema_step, n, 0, sp.Integer(0), domain=DOM1, part="v_0 = 0"),
                                      Induction(ema_from(v0), ema_step, n, 0, v0, domain={**DOM1, v0: open_(-3, 3)}, part="any v_0")])),
    claim(None, 341, "Adam step 3", "definition", "m_t = β2 m_{t−1} + (1 − β2)(g_t ∘ g_t)", checks=[NotCheckable("definition")]),
    claim(None, 348, "Adam step 4", "definition", "v̂_t = v_t/(1 − β1^t)", checks=[NotCheckable("definition")]),
    claim(None, 350, "bias-corrected first moment is unbiased when E[g_t] is stationary", "identity",
          "E[v̂_t] = E[g_t] + ξ with ξ = 0 if E[g_t] is stationary", end_line=351,
          hypotheses=["E[g_t] = μ for every t ('stationary'); independence is not needed for the mean",
                      "the slides print no initial value v_0: it is free (a constant; the instance draws it in (−3, 3))"],
          checks=[Moment("mean_corrected", mu, beta1, t, mu=mu, var=sp.Integer(1), m0_mean=v0,
                         domain={beta1: open_(0, 1), t: integers(1, 10), mu: open_(-3, 3), v0: open_(-3, 3)})],
          corrected=Corrected("ξ = 0 if E[g_t] is stationary and v_0 = 0 (in general ξ = β1^t v_0/(1 − β1^t))",
                              "the bias correction 1/(1 − β1^t) removes exactly the bias of a zero start",
                              checks=[Moment("mean_corrected", mu, beta1, t, mu=mu, var=sp.Integer(1),
                                             domain={beta1: open_(0, 1), t: integers(1, 10), mu: open_(-3, 3)})])),
    claim(None, 359, "Adam step 5", "definition", "m̂_t = m_t/(1 − β2^t)", checks=[NotCheckable("definition")]),
    claim(None, 361, "bias-corrected second moment when E[g_t] is stationary", "identity",
          "E[m̂_t] = E[g_t ∘ g_t] + δ with δ = 0 if E[g_t] is stationary", end_line=362,
          hypotheses=["E[g_j] = μ for every j (the printed condition), Var(g_j) = s2(j) free, so E[g_j²] = μ² + s2(j)",
                      "m_0 is not printed, so it is free; the instance takes m_0 = 0 (one admissible value: the start that favours the claim)"],
          checks=[Identity((1 - beta2) * sp.Sum(beta2 ** (t - j) * (mu**2 + s2(j)), (j, 1, t)) / (1 - beta2**t), mu**2 + s2(t),
                           domain=DOM2, sequences={s2: (0, 4)}, note="lhs: E[m̂_t] by linearity; rhs: E[g_t²]")],
          corrected=Corrected("δ = 0 if E[g_t ∘ g_t] is stationary and m_0 = 0",
                              "m̂_t averages squared gradients: their second moment, not their mean, must be constant; and the start must be zero",
                              checks=[Moment("mean_corrected", nu, beta2, t, mu=nu, var=sp.Integer(1), domain={beta2: open_(0, 1), t: integers(1, 10), nu: open_(0, 5)})])),
    claim(None, 365, "Adam step 6", "algorithm", "w_{k,t} = w_{k,t−1} − η v̂_{k,t}/√(m̂_{k,t} + ε) descends",
          hypotheses=["η = 0.1, β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ inside the square root, on f(w) = w²/2"],
          checks=[adam_eps_in_root(0.1, 200)]),
    claim(None, 369, "what ε is for", "qualitative", "ε compensates the non-stationary process",
          printed="$\\epsilon$  is a small value to **compensate the non-stationary process**.",
          checks=[NotCheckable("'compensate the non-stationary process' names no relation: the text says neither what ε should equal nor "
                               "what it should bound (the δ of line 362 is not tied to ε), so there is nothing exact to test")]),
    claim(None, 377, "Adam's convergence rate", "rate", "(1/T) Σ_t [f_t(w_t) − f_t(w*)] = O(1/√T) for convex, L-smooth losses",
          end_line=377,
          hypotheses=["the Adam of lines 324–365 as printed: bias-corrected moments, ε inside the root, a constant learning rate η, "
                      "no projection; the slides fix no η and allow any β1, β2 ∈ [0, 1) (lines 330, 343): the rate is read as "
                      "holding for the printed algorithm with any of them, as Reddi et al. read Kingma & Ba's theorem",
                      "instance: f_t(w) = w²/2 for every t (convex, L-smooth with L = 1, minimiser w* = 0), η = 1, β1 = β2 = 0, "
                      "ε = 10⁻⁸, w_0 = √(η²/4 − ε): the iterates alternate ±w_0 and the average excess is (η²/4 − ε)/2 for every T",
                      "with the usual β1 = 0.9, β2 = 0.999 the float run levels off near 4·10⁻⁴ too (in the facts; a chaotic orbit, "
                      "so evidence only)"],
          checks=[NonConvergence(adam_two_cycle, steps=3000)],
          notes="Reddi, Kale & Kumar's cyclic problem (004:L333) needs Adam without bias correction, with ε = 0, η_t = η/√t and a "
                "projection onto [−1, 1], none of which this slide prints; the instance here runs the printed update unchanged"),
    claim(None, 381, "Adam has lighter gradient noise", "qualitative", "cited result on gradient noise",
          printed="In [1], it is analyzed that Adam has **lighter gradient noise**, resulting in a fast convergence.",
          checks=[NotCheckable("a statement about a cited paper")]),
    claim(None, 385, "Adam generalises worse on non-convex problems", "qualitative", "easier to be trapped by local optima",
          printed="However, for non-convex functions, Adam is **easier to be trapped by (deep) local optimum**.",
          checks=[NotCheckable("qualitative statement about deep networks")]),
]
