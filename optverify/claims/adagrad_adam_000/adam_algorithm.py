"""000 §2, lines 184–222: Algorithm 1 (Adam) and the bias correction of v_t."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import beta1, beta2, claim, eps, g, t, tau
from optverify import Corrected, Identity, Induction, Pseudocode, Simulation, integers, open_
from optverify.sim.experiments import AdamDescent

v = sp.Function("v")
v0 = sp.Symbol("v_0", real=True)
g2 = sp.Symbol("g2", positive=True)  # the stationary second moment E[g_t²] = g²
gs = sp.Symbol("g", positive=True)  # "g" in "an unbiased estimate of g"
L_w1 = sp.Symbol("L_w1", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
# line 214: g_t = μ + ξ, μ = ∇L(w_t); a two-point law of ξ (values a, b with probabilities p, 1 − p) has mean 0 when b = −pa/(1 − p)
mu, xa = sp.symbols("mu a", real=True)
pp = sp.Symbol("p", positive=True)
xb = -pp * xa / (1 - pp)
m1, m2, xi = sp.symbols("m_1 m_2 xi", real=True)  # E[ξ], E[ξ²], ξ = g_t − ∇L(w_t)


def _expect(expr):
    """E[·] of a polynomial in ξ by linearity: ξ² → E[ξ²] = m_2, ξ → E[ξ] = m_1."""
    return sp.expand(expr).subs(xi**2, m2).subs(xi, m1)

_DOMAIN = {beta2: open_(0, 1), t: integers(1, 12), n: integers(1, 12)}


def v_closed(k, v_init):
    """β2^k v_0 + (1 − β2) Σ_{τ=0}^{k−1} β2^τ g_{k−τ}²  (the unrolled recursion)."""
    return beta2**k * v_init + (1 - beta2) * sp.Sum(beta2**tau * g(k - tau) ** 2, (tau, 0, k - 1))


def _adam_params(sign):
    return {"eta": 0.1, "beta1": 0.9, "beta2": 0.999, "momentum_sign": sign, "T": 100}


CLAIMS = [
    claim("Alg 1", 192, "Adam", "algorithm",
          "the printed Adam update minimises the loss (a descent method on convex quadratics)", end_line=196,
          hypotheses=["as printed: m_t = β1 m_{t−1} − (1 − β1) g_t, v_0 = 0, no ε in the update, β1 = 0.9, β2 = 0.999 (the printed defaults)",
                      "η_t is not given a value: η = 0.1 on the 1-D quadratic, η = 0.01 in the simulation",
                      "m_0 is not set by the algorithm: read as 0; A_0[i] = ε² is set but never used"],
          checks=[
              Pseudocode("adam", _adam_params(-1)),
              Simulation(AdamDescent(momentum_sign=-1.0), L_w1),
          ],
          corrected=Corrected(
              "Set m_t = β1 m_{t−1} + (1 − β1) g_t",
              "with the minus sign m_t averages −g_t and the update w_t − η m̂_t/√v̂_t climbs the loss; line 258 prints the plus sign",
              checks=[Pseudocode("adam", _adam_params(+1)), Simulation(AdamDescent(momentum_sign=1.0), L_w1)],
          )),
    claim(None, 206, "unrolling v_t two steps", "identity",
          "v_t = β2 v_{t−1} + (1 − β2) g_t² = β2² v_{t−2} + β2(1 − β2) g_{t−1}² + (1 − β2) g_t²", end_line=208,
          checks=[Identity((beta2 * v(t - 1) + (1 - beta2) * g(t) ** 2).subs(v(t - 1), beta2 * v(t - 2) + (1 - beta2) * g(t - 1) ** 2),
                           beta2**2 * v(t - 2) + beta2 * (1 - beta2) * g(t - 1) ** 2 + (1 - beta2) * g(t) ** 2)]),
    claim(None, 212, "unrolling v_t for t steps", "identity",
          "v_t = β2^t v_0 + Σ β2^{t−τ}(1 − β2) g_τ² = β2^t ε² + (1 − β2) Σ_{τ=0}^{t−1} β2^τ g_{t−τ}²",
          hypotheses=["v_t = β2 v_{t−1} + (1 − β2) g_t²", "v_0 = 0, as Algorithm 1 sets it (the ε² that Algorithm 1 assigns goes to A_0)"],
          checks=[
              Induction(lambda k: v_closed(k, v0), lambda prev, k: beta2 * prev + (1 - beta2) * g(k) ** 2, n, 0, v0,
                        domain=_DOMAIN, part="first equality: the unrolled sum solves the recursion"),
              Identity(v_closed(t, 0), beta2**t * eps**2 + (1 - beta2) * sp.Sum(beta2**tau * g(t - tau) ** 2, (tau, 0, t - 1)),
                       domain=_DOMAIN, part="second equality with Algorithm 1's v_0 = 0"),
          ],
          corrected=Corrected(
              "v_t = β2^t v_0 + (1 − β2) Σ_{τ=0}^{t−1} β2^τ g_{t−τ}², which equals the printed right side when v_0 = ε²",
              "Algorithm 1 sets v_0 = 0 and A_0 = ε²; the display uses v_0 = ε²",
              checks=[Identity(v_closed(t, eps**2), beta2**t * eps**2 + (1 - beta2) * sp.Sum(beta2**tau * g(t - tau) ** 2, (tau, 0, t - 1)),
                               domain=_DOMAIN)],
          )),
    claim(None, 214, "second moment of a stochastic gradient", "identity", "E[g_t²] = ∇L(w_t)² + σ_t²",
          printed="we have  $\\mathbb{E}[g_t^2] = \\nabla \\mathcal{L}(\\mathbf{w}_t)^2 + \\sigma_t^2$",
          hypotheses=["one coordinate; the expectation is over z_t given w_t, and g_t = ∇ℓ(w_t, z_t) is unbiased, E[g_t] = ∇L(w_t) "
                      "(the notes' stochastic gradient, line 49)",
                      "σ_t is not defined in the text: read as the standard deviation of g_t given w_t, σ_t² = E[(g_t − ∇L(w_t))²] "
                      "(the centred variance of line 59 at step t)"],
          checks=[
              Identity(_expect((mu + xi) ** 2).subs(m1, 0), mu**2 + m2,
                       part="E[(∇L + ξ)²] = ∇L² + 2∇L·E[ξ] + E[ξ²] with E[ξ] = 0, E[ξ²] = σ_t²"),
              Identity(pp * (mu + xa) ** 2 + (1 - pp) * (mu + xb) ** 2, mu**2 + (pp * xa**2 + (1 - pp) * xb**2),
                       domain={pp: open_(0, 1)}, part="every two-point law of g_t with mean ∇L(w_t)"),
          ]),
    claim(None, 216, "expectation of v_t", "identity",
          "E[v_t] = (1 − β2) Σ_{τ=0}^{t−1} β2^τ g² = (1 − β2)(1 − β2^t)/(1 − β2) g² = (1 − β2^t) g²", end_line=218,
          hypotheses=["E[g_t²] = g² for every t", "β2^t ε² ≈ 0, i.e. v_0 = 0 as in Algorithm 1"],
          checks=[
              Induction(lambda k: (1 - beta2) * sp.Sum(beta2**tau * g2, (tau, 0, k - 1)), lambda prev, k: beta2 * prev + (1 - beta2) * g2,
                        n, 0, sp.Integer(0), domain=_DOMAIN, part="E[v_t] solves E[v_t] = β2 E[v_{t−1}] + (1 − β2) g², E[v_0] = 0"),
              Identity((1 - beta2) * sp.Sum(beta2**tau * g2, (tau, 0, t - 1)), (1 - beta2) * (1 - beta2**t) / (1 - beta2) * g2,
                       domain=_DOMAIN, part="geometric sum"),
              Identity((1 - beta2) * (1 - beta2**t) / (1 - beta2) * g2, (1 - beta2**t) * g2, domain=_DOMAIN, part="cancellation"),
          ]),
    claim(None, 220, "bias correction gives an unbiased estimate of g", "identity",
          "E[v_t/(1 − β2^t)] = g",
          printed='by dividing by  $1 - \\beta_2^t$ , we obtain an "unbiased" estimate of g',
          hypotheses=["as line 216: E[v_t] = (1 − β2^t) g², with g² = E[g_t²]"],
          checks=[Identity((1 - beta2**t) * gs**2 / (1 - beta2**t), gs, domain={**_DOMAIN, gs: open_(0, 10)})],
          corrected=Corrected(
              "E[v_t/(1 − β2^t)] = g²: v̂_t is an unbiased estimate of g² (and √v̂_t is not unbiased for |g| when Var(g_t) > 0)",
              "v_t averages squared gradients",
              checks=[Identity((1 - beta2**t) * gs**2 / (1 - beta2**t), gs**2, domain=_DOMAIN)],
          )),
    claim(None, 222, "bias correction of the momentum", "identity",
          "E[m_t/(1 − β1^t)] = E[g] when E[g_t] is constant and m_0 = 0",
          printed="In the case of the momentum parameter  $m_t$ , dividing by  $1 - \\beta_1^t$  has a similar de-biasing effect.",
          hypotheses=["'a similar de-biasing effect' read as: dividing by 1 − β1^t removes the factor (1 − β1^t) that m_0 = 0 puts on E[m_t], "
                      "as for v_t (line 216)", "E[g_t] = μ for every t; m_0 = 0 (Algorithm 1 does not set it)",
                      "both recursions checked: m_t = β1 m_{t−1} + (1 − β1) g_t as line 258 prints it ('the initial formula'), and "
                      "Algorithm 1's m_t = β1 m_{t−1} − (1 − β1) g_t, whose m̂_t is unbiased for −μ (the sign error of Algorithm 1, "
                      "refuted there, not a failure of the de-biasing)"],
          checks=[
              Induction(lambda k: (1 - beta1**k) * sp.Symbol("mu", real=True), lambda prev, k: beta1 * prev + (1 - beta1) * sp.Symbol("mu", real=True),
                        n, 0, sp.Integer(0), domain={beta1: open_(0, 1), n: integers(1, 12)},
                        part="line 258's recursion: E[m_t] = (1 − β1^t) μ, so E[m_t]/(1 − β1^t) = μ"),
              Induction(lambda k: -(1 - beta1**k) * sp.Symbol("mu", real=True), lambda prev, k: beta1 * prev - (1 - beta1) * sp.Symbol("mu", real=True),
                        n, 0, sp.Integer(0), domain={beta1: open_(0, 1), n: integers(1, 12)},
                        part="Algorithm 1's recursion: E[m_t] = −(1 − β1^t) μ, so E[m_t]/(1 − β1^t) = −μ"),
          ]),
]
