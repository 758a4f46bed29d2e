"""001 §3.2, lines 151–165: the adaptive regularisation budgets of Adam and AdaGrad, eq. (14), and Adam's budget."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import S_t, alpha, beta2, claim, eta, g, k, t, tau, x_t
from optverify import Identity, InstanceSearch, NotCheckable, integers, open_
from optverify.counterexamples.families import Measured, adaptive_budget, ftprl_form
from optverify.claims.adamal_paper_001 import proofs

x_alg = sp.Symbol("x_alg", real=True)
g_max = sp.Symbol("g_max", positive=True)
m_t, v_t, g_t = sp.Symbol("m_t", real=True), sp.Symbol("v_t", positive=True), sp.Symbol("g_t", real=True)
G2 = sp.Symbol("G2", positive=True)  # Σ_{τ≤t} g_τ²

v_closed = (1 - beta2) * sp.Sum(beta2 ** (t - tau) * g(tau) ** 2, (tau, 1, t))
budget_adam = sp.solve(sp.Eq(x_t - m_t / S_t, x_t - alpha * m_t / sp.sqrt(v_t)), S_t)[0]
budget_adagrad = sp.solve(sp.Eq(x_t - g_t / S_t, x_t - alpha * g_t / sp.sqrt(G2)), S_t)[0]
budget_sgd = sp.solve(sp.Eq(x_t - g_t / S_t, x_t - eta * g_t), S_t)[0]
xx = sp.Symbol("x", real=True)
weight5 = sp.diff((1 / (2 * eta)) * (xx - x_t) ** 2, xx, 2)  # the weight σ of the single proximal term σ‖x − x_t‖²/2 of (5)

CLAIMS = [
    claim(None, 156, "eq. (14): Adam's adaptive regularisation", "identity",
          "Σ_{τ≤t} σ_{τ,i} = √((1 − β2) Σ_τ β2^{t−τ} g_{τ,i}²)",
          hypotheses=["the budget with which (13) reproduces Adam x_{t+1} = x_t − α m_t/√v_t: σ_{1:t} = √v_t/α, read at α = 1 (as line 124)",
                      "v_t as in eq. (2), one coordinate"],
          checks=[Identity(budget_adam.subs({alpha: 1, v_t: v_closed}), sp.sqrt(v_closed), domain={beta2: open_(0, 1), t: integers(1, 8)})]),
    claim(None, 157, "eq. (14): AdaGrad's adaptive regularisation", "identity",
          "Σ_{τ≤t} σ_{τ,i} = √(Σ_τ g_{τ,i}²) makes (12) AdaGrad",
          printed="AdaGrad:  $\\sum_{\\tau=1}^{t} \\sigma_{\\tau,i} = \\sqrt{\\sum_{\\tau=1}^{\\tau=t} g_{\\tau,i}^2}$  (14)",
          hypotheses=["AdaGrad x_{t+1} = x_t − α g_t/√(Σ_{τ≤t} g_τ²) with α = 1 (a rate α is absorbed as σ_{1:t} = √(Σg²)/α)",
                      "(12)'s linear term g_{1:t}; X = R, one coordinate, g_1 ≠ 0"],
          checks=[
              Identity(budget_adagrad.subs(alpha, 1), sp.sqrt(G2), part="matching (12)'s step with AdaGrad's gives σ_{1:t} = √(Σ g_τ²)"),
              InstanceSearch(ftprl_form.bind(method="adagrad"), x_alg, rel="==", part="matching (12)'s step with AdaGrad's gives σ_{1:t} = √(Σ g_τ²)"),
          ]),
    claim(None, 161, "SGD's σ function", "identity",
          "fixed rate 1/k: one proximal term of weight k at x_t; η_t = 1/t: Σ_{τ≤t} σ_τ = t and σ_t = 1",
          printed="Therefore, in our settings, SGD has σ function with a constant value where {σ<sub>τ</sub> = k|τ = t}. A special case is "
                  "when η<sub>t</sub> = <sup>1</sup>/<sub>t</sub> where the SDG has a descending step size <sup>1</sup>/<sub>t</sub>, we notice "
                  "that ∑<sup>t</sup><sub>τ=1</sub> σ<sub>τ</sub> = t and σ<sub>t</sub> = 1.",
          hypotheses=["'{σ_τ = k | τ = t}' is read in the mirror-descent form (5), which has the single proximal term centred at x_t "
                      "(as the sentence before says): with η = 1/k its weight is 1/η = k",
                      "in the FTPRL form (12) fixed-rate SGD instead puts its whole budget on x_1 (σ_1 = k, σ_τ = 0 for τ ≥ 2; line 107)",
                      "the special case η_t = 1/t is read in the FTPRL form (12): σ_{1:t} = 1/η_t"],
          checks=[
              Identity(weight5.subs(eta, 1 / k), k, part="(5) with η = 1/k: the proximal weight at x_t is k"),
              Identity(budget_sgd.subs(eta, 1 / t), t, part="η_t = 1/t: Σ_{τ≤t} σ_τ = t"),
              Identity(budget_sgd.subs(eta, 1 / t) - budget_sgd.subs(eta, 1 / (t - 1)), sp.Integer(1), part="η_t = 1/t: σ_t = 1"),
          ]),
    claim(None, 162, "Adam-type methods should keep the budget non-decreasing", "qualitative", "B_t ≥ B_{t−1} is the natural requirement",
          checks=[NotCheckable("a design principle, not a statement with a truth value")]),
    claim(None, 164, "Adam's budget is bounded", "inequality", "B_t = √v_t ≤ max_{τ≤t} |g_τ|",
          printed="Adam over come this problem wisely, exponential moving average (EMA) preforms as a sliding window, in other words, "
                  "regularization budget is bounded.",
          hypotheses=["B_t = √v_t (line 124, α = 1), v_t as in eq. (2); 'bounded' read as: bounded by the largest gradient seen"],
          checks=[InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam"), "sqrt_v_max"), g_max),
                  proofs.L164()]),
    claim(None, 165, "Adam's budget can decrease", "property", "there are gradients with B_t < B_{t−1} for Adam",
          printed="EMA, on the one hand controls the regularization budget in a range, but it fails to satisfy the primary requirement that "
                  "regularization budget  $B_t$  should be in nondecreasing manner.",
          hypotheses=["B_t = √v_t (line 124, α = 1); an existence claim: one witness suffices"],
          checks=[InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam", constant_rate=True), "sqrt_v_decrease"), sp.Integer(0), quantifier="exists")]),
]
