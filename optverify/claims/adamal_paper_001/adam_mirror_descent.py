"""001 §3.1, lines 117–149: Adam and SGDM in mirror-descent (FTPRL) form, eq. (13), and its corollaries."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import (C_prev, S_prev, S_t, alpha, beta1, beta2, claim, dC, eta, ftprl_next, g, sig_t, t,
                                                       tau, x_t)
from optverify.claims.model import Corrected
from optverify.claims.specs import Identity, InstanceSearch, Limit, NotCheckable, integers, open_
from optverify.counterexamples.families import FTPRLForm
from optverify.claims.adamal_paper_001 import proofs

x_alg = sp.Symbol("x_alg", real=True)
m_t, v_t = sp.Symbol("m_t", real=True), sp.Symbol("v_t", positive=True)
s_ = sp.Symbol("s", integer=True, positive=True)
# Both sides of "bracket = Σ_{s≤t} m_s" are linear in g_1 … g_t; they agree iff the coefficients of every g_τ do.
# In the bracket g_{1:t} − Σ_τ β1^{t+1−τ} g_τ the coefficient of g_τ is 1 − β1^{t+1−τ}; in Σ_{s≤t} m_s, with Adam's
# m_s = (1 − β1) Σ_{τ≤s} β1^{s−τ} g_τ (eq. (2)), it is (1 − β1) Σ_{s=τ}^{t} β1^{s−τ}; with SGDM's m_s = β1 m_{s−1} + g_s
# (= Σ_{τ≤s} β1^{s−τ} g_τ) it is Σ_{s=τ}^{t} β1^{s−τ}.
# τ ≤ t is written t = τ + j with j ≥ 0.
j_ = sp.Symbol("j", integer=True, nonnegative=True)
coef_bracket = (1 - beta1 ** (t + 1 - tau)).subs(t, tau + j_)
coef_adam = (1 - beta1) * sp.Sum(beta1 ** (s_ - tau), (s_, tau, tau + j_))
coef_sgdm = sp.Sum(beta1 ** (s_ - tau), (s_, tau, tau + j_))
_DOMC = {beta1: open_(0, 1), j_: integers(0, 8), tau: integers(1, 8)}


ftprl_step = Identity(ftprl_next(S_prev, sig_t, x_t, C_prev, dC), x_t - dC / (S_prev + sig_t))
v_closed = (1 - beta2) * sp.Sum(beta2 ** (t - tau) * g(tau) ** 2, (tau, 1, t))
budget_adam = sp.solve(sp.Eq(x_t - m_t / S_t, x_t - alpha * m_t / sp.sqrt(v_t)), S_t)[0]  # σ_{1:t} reproducing α m_t/√v_t
budget_sgdm = sp.solve(sp.Eq(x_t - m_t / S_t, x_t - eta * m_t), S_t)[0]
printed_adam_budget = sp.sqrt((1 - beta2) * sp.Sum(beta2 ** (t - tau) * g(tau) ** 2, (tau, 1, t)))
tt = sp.Symbol("t", positive=True)  # a continuous time for the asymptotics of line 142

_ADAM_READING = ["one coordinate i (the problem is separable); X = R", "the exponent β1^{j+1−i} with upper limits τ = t, j = t is read as "
                 "β1^{t+1−τ} (j = t, i = τ; i is not the coordinate here)", "the centres x_τ are the iterates of (13) itself"]

CLAIMS = [
    claim(None, 120, "eq. (13): Adam as FTPRL", "identity",
          "(13) with σ_{1:t} = √v_t reproduces Adam's update x_{t+1} = x_t − m_t/√v_t",
          hypotheses=_ADAM_READING + ["Adam without bias correction and ε, base rate α_t = 1: the display carries no α and line 124 sets "
                                      "σ_{1:t} = √v_t (a rate α is absorbed as σ_{1:t} = √v_t/α)", "m_t, v_t as in eq. (2), m_0 = v_0 = 0"],
          checks=[
              Identity(coef_adam, coef_bracket, domain=_DOMC,
                       part="the linear coefficient of (13) is Σ_{s≤t} m_s (coefficients of each g_τ, τ ≤ t): its increment is Adam's m_t"),
              Identity(ftprl_step.lhs, ftprl_step.rhs, part="the minimiser of (13) is x_t − (C_t − C_{t−1})/σ_{1:t}"),
              InstanceSearch(FTPRLForm("adam"), x_alg, rel="==", part="with σ_{1:t} = √v_t, (13) is Adam: x_{t+1} = x_t − m_t/√v_t"),
              proofs.ftprl_reproduces(ftprl_next, (m_t, sp.sqrt(v_t)), x_t, S_prev, C_prev,
                                      "with σ_{1:t} = √v_t, (13) is Adam: x_{t+1} = x_t − m_t/√v_t"),
          ]),
    claim(None, 122, "eq. (13): SGDM as FTPRL", "identity",
          "(13) SGDM with ρ = 1/(1 − β1) and σ*_{1:t} = 1/η_t reproduces SGDM x_{t+1} = x_t − η_t m_t",
          printed="SGDM:  $x_{t+1,i} = \\operatorname*{arg\\,min}_{x \\in \\mathcal{X}} \\{ \\frac{1}{1 - \\beta_1} (g_{1:t,i} - "
                  "\\sum_{\\tau=1}^{\\tau=t,j=t} \\beta_1^{j+1-i} g_{\\tau,i}) \\cdot x_{,i} + \\frac{1}{2} \\sum_{\\tau=1}^{t} "
                  "\\sigma_{\\tau}^* ||x_{,i} - x_{\\tau,i}||_2^2 \\}$ (13)",
          hypotheses=_ADAM_READING + ["SGDM is m_t = β1 m_{t−1} + g_t, m_0 = 0, x_{t+1} = x_t − η_t m_t (the heavy-ball accumulation; with the "
                                      "EMA convention m_t = β1 m_{t−1} + (1 − β1) g_t the factor 1/(1 − β1) would be absent)",
                                      "σ*_{1:t} = 1/η_t (line 124: Σσ* = t for η_t = 1/t); β1 < 1"],
          checks=[
              Identity(coef_sgdm, coef_bracket / (1 - beta1), domain=_DOMC,
                       part="the linear coefficient of (13) SGDM is Σ_{s≤t} m_s (coefficients of each g_τ, τ ≤ t): its increment is SGDM's m_t"),
              Identity(ftprl_step.lhs, ftprl_step.rhs, part="the minimiser of (13) is x_t − (C_t − C_{t−1})/σ*_{1:t}"),
              InstanceSearch(FTPRLForm("sgdm"), x_alg, rel="==", part="with σ*_{1:t} = 1/η_t, (13) SGDM is x_{t+1} = x_t − η_t m_t"),
              proofs.ftprl_reproduces(ftprl_next, (m_t, 1 / eta), x_t, S_prev, C_prev,
                                      "with σ*_{1:t} = 1/η_t, (13) SGDM is x_{t+1} = x_t − η_t m_t"),
          ]),
    claim(None, 124, "the budgets of Adam and SGDM in (13)", "identity",
          "Adam: σ_{1:t} = √((1 − β2) Σ β2^{t−τ} g_τ²); SGDM: σ*_{1:t} = t for η_t = 1/t, σ*_τ = 1",
          hypotheses=["the budget is the σ_{1:t} with which (13) reproduces the method: matching (13)'s step x_t − m_t/σ_{1:t} (line 120) "
                      "with Adam's x_t − α m_t/√v_t gives σ_{1:t} = √v_t/α, read at α = 1 (the display carries no α); with SGDM's "
                      "x_t − η_t m_t it gives σ*_{1:t} = 1/η_t", "'β1 ≤ 1' is read as β1 < 1 (ρ = 1/(1 − β1) is undefined at β1 = 1)",
                      "the printed σ*_σ is read as σ*_τ"],
          checks=[
              Identity(budget_adam.subs({alpha: 1, v_t: v_closed}), printed_adam_budget, domain={beta2: open_(0, 1), t: integers(1, 8)},
                       part="Adam: σ_{1:t} = √((1 − β2) Σ_τ β2^{t−τ} g_τ²) = √v_t"),
              Identity(budget_sgdm.subs(eta, 1 / t), t, part="SGDM with η_t = 1/t: σ*_{1:t} = t"),
              Identity(budget_sgdm.subs(eta, 1 / t) - budget_sgdm.subs(eta, 1 / (t - 1)), sp.Integer(1), part="σ*_τ = σ*_{1:τ} − σ*_{1:τ−1} = 1"),
          ]),
    claim("Cor 1", 126, "SGDM's momentum correction smooths the trajectory", "qualitative",
          "SGDM corrects wrong directions and smooths the trajectory",
          checks=[NotCheckable("qualitative; the experiments it cites are in an appendix that is not part of the source")]),
    claim(None, 128, "ρ of Adam and SGDM", "identity", "Adam has ρ = 1; SGDM has ρ = 1/(1 − β1) = 10",
          printed="Besides, we also notice that Adam has  $\\rho = 1$  while SGDM has  $\\rho = \\frac{1}{1-\\beta_1} = 10$ .",
          hypotheses=["β1 = 0.9, the value line 124 calls common", "ρ is read off (13): factor 1 for Adam, 1/(1 − β1) for SGDM"],
          checks=[Identity((1 / (1 - beta1)).subs(beta1, sp.Rational(9, 10)), sp.Integer(10))]),
    claim("Cor 2", 130, "SGDM's larger ρ makes it more sensitive to the loss", "qualitative",
          "larger ρ means more sensitivity to changes of the loss",
          checks=[NotCheckable("qualitative; ρ is a property of the representation, not of the method: argmin{ρA + C} = argmin{A + C/ρ}, "
                               "so SGDM has ρ = 1 with σ*/ρ in place of σ*")]),
    claim(None, 132, "ρ amplifies loss changes tenfold", "qualitative", "SGDM oscillates because ρ = 10 amplifies changes",
          printed="that is,  $\\rho$  factor amplifies this loss change up to tenfold.",
          checks=[NotCheckable("qualitative explanation of oscillation; see Corollary 2 on ρ")]),
    claim(None, 136, "proximal searching region", "definition", "D = ‖x − x_τ‖², D ∝ 1/B",
          checks=[NotCheckable("definition; 'D ∝ 1/B' holds for the level sets B·D ≤ c of the penalty, while the squared step "
                               "‖x_{t+1} − x_t‖² = ‖ΔC‖²/B² of the minimiser scales as 1/B²; the text does not say which is meant")]),
    claim(None, 138, "regularisation budget", "definition", "B = Σ_{τ≤t} σ_{τ,i}",
          checks=[NotCheckable("definition")]),
    claim(None, 142, "ultra-slow diffusion and the step length", "rate",
          "‖x_t − x_0‖² ∼ log t is consistent with ‖x_{t+1} − x_t‖ ∼ (log t)' = 1/t",
          printed="In Hoffer et al. (2017), they define an ultra slow diffusion phenomenon when they evaluate the distance from current weight to "
                  "initialization weight point with  $||x_t - x_0||_2^2 \\sim \\log t$ . Interestingly, this result is entirely consistent with our "
                  "Proximal Searching Region analysis, because for any  $t \\in T$ , we have  $||x_{t+1} - x_t|| \\sim (logt)' = \\frac{1}{t}$ .",
          hypotheses=["read as: from ‖x_t − x_0‖² ∼ log t one obtains ‖x_{t+1} − x_t‖ ∼ (log t)' = 1/t",
                      "instances: two paths with ‖x_t − x_0‖² = log t exactly — the straight one, x_t = x_0 + √(log t)·e, whose steps are "
                      "√log(t + 1) − √log t, and the alternating one, x_t = x_0 + (−1)^t √(log t)·e, whose steps are √log(t + 1) + √log t",
                      "'∼' read as 'of the order of'; the check computes the exact limit of the ratio: a limit 0 (straight path) rules out "
                      "'≈' and '≍', a limit ∞ (alternating path) rules out these and 'O(1/t)' too"],
          checks=[
              Identity(sp.diff(sp.log(tt), tt), 1 / tt, part="(log t)' = 1/t"),
              Limit(sp.sqrt(sp.log(tt + 1)) - sp.sqrt(sp.log(tt)), 1 / tt, tt, sp.oo, part="‖x_{t+1} − x_t‖ ∼ 1/t on paths with ‖x_t − x_0‖² = log t"),
              Limit(sp.sqrt(sp.log(tt + 1)) + sp.sqrt(sp.log(tt)), 1 / tt, tt, sp.oo, part="‖x_{t+1} − x_t‖ ∼ 1/t on paths with ‖x_t − x_0‖² = log t"),
          ],
          corrected=Corrected(
              "‖x_{t+1} − x_0‖² − ‖x_t − x_0‖² ≈ (log t)' = 1/t: the derivative of log t is the increment of the squared distance; "
              "on a straight path the step itself is ≈ 1/(2t√log t)",
              "differentiating ‖x_t − x_0‖² ∼ log t gives the growth of the squared distance, not the step length",
              checks=[
                  Limit(sp.log(tt + 1) - sp.log(tt), 1 / tt, tt, sp.oo, part="increment of ‖x_t − x_0‖² ≈ 1/t"),
                  Limit(sp.sqrt(sp.log(tt + 1)) - sp.sqrt(sp.log(tt)), 1 / (2 * tt * sp.sqrt(sp.log(tt))), tt, sp.oo,
                        part="straight path: ‖x_{t+1} − x_t‖ ≈ 1/(2t√log t)"),
              ],
          )),
    claim(None, 144, "summary of §3.1", "qualitative", "β1 balances loss and proximal region; momentum smooths; variants correct Q_τ",
          end_line=147, checks=[NotCheckable("interpretive summary (it names the new method 'AdamG', elsewhere 'AdamAL')")]),
]
