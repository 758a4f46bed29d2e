"""001 §3.1, lines 117–149: Adam and SGDM in mirror-descent (FTPRL) form, eq. (13), and its corollaries."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import (C_prev, S_prev, S_t, alpha, beta1, beta2, claim, dC, eta, ftprl_next, g,
                                                       lazy_and_greedy, sig_t, t, tau, x_t)
from optverify import Corrected, Identity, Induction, Inequality, InstanceSearch, Limit, NotCheckable, Range, integers, open_
from optverify.counterexamples.families import ftprl_form
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

_ADAM_READING = ["one coordinate i (the problem is separable)", "the exponent β1^{j+1−i} with upper limits τ = t, j = t is read as "
                 "β1^{t+1−τ} (j = t, i = τ; i is not the coordinate here)", "the centres x_τ are the iterates of (13) itself"]

# the constraint set of (13): X = [0, ∞), x_1 = 1/10, two rounds, β1 = 9/10, β2 = 999/1000 (the values line 124 names)
_R = sp.Rational
_b1, _b2 = _R(9, 10), _R(999, 1000)
_m1, _v1 = (1 - _b1) * 1, (1 - _b2) * 1  # g_1 = 1
_m2, _v2 = _b1 * _m1 + (1 - _b1) * (-1), _b2 * _v1 + (1 - _b2) * 1  # g_2 = −1
ADAM_X = lazy_and_greedy(_R(1, 10), sp.sqrt(_v1), sp.sqrt(_v2), _m1, _m2)
_s1 = 1  # SGDM m_t = β1 m_{t−1} + g_t with g = (1, −2), η_t = 1/t: σ*_{1:t} = t
SGDM_X = lazy_and_greedy(_R(1, 10), 1, 2, _s1, _b1 * _s1 - 2)
_CONSTRAINED = ("instance of the printed argmin over x ∈ X: X = [0, ∞) (closed, convex), x_1 = 1/10, two rounds; the first step leaves X "
                "and is projected to x_2 = 0 by both; the FTPRL form then minimises over X with the accumulated linear term (its minimiser "
                "is max(0, (σ_1x_1 + σ_2x_2 − C_2)/σ_{1:2})), the projected method steps from x_2: max(0, x_2 − d_2/σ_{1:2})")

# Corollary 2 and line 132: the response of SGDM (m_t = β1 m_{t−1} + g_t, x_{t+1} = x_t − η m_t) to a persistent change Δ of
# the gradient (the loss changed by Δ·x from round 1 on): after k rounds m_k has moved by Δ(1 − β1^k)/(1 − β1); vanilla SGD by Δ
kk = sp.Symbol("k", integer=True, positive=True)
Delta = sp.Symbol("Delta", real=True)
kc = sp.Symbol("k", positive=True)  # the same count, for the limit
vv = sp.Symbol("v", positive=True)  # β1^k = β1·v with v = β1^{k−1} ∈ (0, 1]
a_sc = sp.Symbol("a", positive=True)  # the loss multiplied by a > 0

# line 136: the region where the proximal penalty ½B‖x − x_τ‖² stays within a level κ, and the minimiser's step
B_, kappa, D_r = sp.symbols("B kappa D", positive=True)
D_level = sp.solve(sp.Eq(B_ * D_r / 2, kappa), D_r)[0]  # the largest D = ‖x − x_τ‖² with ½B·D ≤ κ

# Corollary 1: SGDM's successive steps under pure-noise gradients
sig2 = sp.Symbol("sigma2", positive=True)
u_c = sp.Symbol("u", positive=True)  # u = β1^{2t} → 0 as t → ∞
# Cov(m_t, m_{t−1})/√(Var m_{t−1} Var m_t) = β1 √(Var m_{t−1}/Var m_t) = β1 √((1 − β1^{2t−2})/(1 − β1^{2t}))
corr_steps = beta1 * sp.sqrt((1 - u_c / beta1**2) / (1 - u_c))

CLAIMS = [
    claim(None, 120, "eq. (13): Adam as FTPRL", "identity",
          "(13) with σ_{1:t} = √v_t reproduces Adam's update x_{t+1} = x_t − m_t/√v_t",
          hypotheses=_ADAM_READING + ["Adam without bias correction and ε, base rate α_t = 1: the display carries no α and line 124 sets "
                                      "σ_{1:t} = √v_t (a rate α is absorbed as σ_{1:t} = √v_t/α)", "m_t, v_t as in eq. (2), m_0 = v_0 = 0",
                                      "the text calls (13) 'the subgradient projected Adam' (line 117) and minimises over x ∈ X: compared "
                                      "with projected Adam x_{t+1} = P_X(x_t − m_t/√v_t)",
                                      _CONSTRAINED + "; g = (1, −1), β1 = 9/10, β2 = 999/1000"],
          checks=[
              Identity(coef_adam, coef_bracket, domain=_DOMC,
                       part="the linear coefficient of (13) is Σ_{s≤t} m_s (coefficients of each g_τ, τ ≤ t): its increment is Adam's m_t"),
              Identity(ADAM_X[0], ADAM_X[1], part="over X, (13) with σ_{1:t} = √v_t is projected Adam: the same x_3"),
          ],
          corrected=Corrected(
              "with X = R (no constraint), (13) with σ_{1:t} = √v_t reproduces Adam's update x_{t+1} = x_t − m_t/√v_t",
              "over a constraint set the FTPRL form projects lazily (the accumulated linear term against the weighted centres), "
              "projected Adam greedily (from x_t): the two leave the boundary at different times (x_3 = 0 against x_3 ≈ 0.224 on the instance)",
              checks=[
                  Identity(ftprl_step.lhs, ftprl_step.rhs, part="the minimiser of (13) is x_t − (C_t − C_{t−1})/σ_{1:t}"),
                  InstanceSearch(ftprl_form.bind(method="adam"), x_alg, rel="==", part="with σ_{1:t} = √v_t, (13) is Adam: x_{t+1} = x_t − m_t/√v_t"),
                  proofs.ftprl_reproduces(ftprl_next, (m_t, sp.sqrt(v_t)), x_t, S_prev, C_prev,
                                          "with σ_{1:t} = √v_t, (13) is Adam: x_{t+1} = x_t − m_t/√v_t"),
              ],
          )),
    claim(None, 122, "eq. (13): SGDM as FTPRL", "identity",
          "(13) SGDM with ρ = 1/(1 − β1) and σ*_{1:t} = 1/η_t reproduces SGDM x_{t+1} = x_t − η_t m_t",
          printed="SGDM:  $x_{t+1,i} = \\operatorname*{arg\\,min}_{x \\in \\mathcal{X}} \\{ \\frac{1}{1 - \\beta_1} (g_{1:t,i} - "
                  "\\sum_{\\tau=1}^{\\tau=t,j=t} \\beta_1^{j+1-i} g_{\\tau,i}) \\cdot x_{,i} + \\frac{1}{2} \\sum_{\\tau=1}^{t} "
                  "\\sigma_{\\tau}^* ||x_{,i} - x_{\\tau,i}||_2^2 \\}$ (13)",
          hypotheses=_ADAM_READING + ["SGDM is m_t = β1 m_{t−1} + g_t, m_0 = 0, x_{t+1} = x_t − η_t m_t (the heavy-ball accumulation; with the "
                                      "EMA convention m_t = β1 m_{t−1} + (1 − β1) g_t the factor 1/(1 − β1) would be absent)",
                                      "σ*_{1:t} = 1/η_t (line 124: Σσ* = t for η_t = 1/t); β1 < 1",
                                      "(13) minimises over x ∈ X: compared with projected SGDM x_{t+1} = P_X(x_t − η_t m_t)",
                                      _CONSTRAINED + "; g = (1, −2), β1 = 9/10, η_t = 1/t"],
          checks=[
              Identity(coef_sgdm, coef_bracket / (1 - beta1), domain=_DOMC,
                       part="the linear coefficient of (13) SGDM is Σ_{s≤t} m_s (coefficients of each g_τ, τ ≤ t): its increment is SGDM's m_t"),
              Identity(SGDM_X[0], SGDM_X[1], part="over X, (13) with σ*_{1:t} = 1/η_t is projected SGDM: the same x_3"),
          ],
          corrected=Corrected(
              "with X = R (no constraint), (13) SGDM with ρ = 1/(1 − β1) and σ*_{1:t} = 1/η_t reproduces SGDM x_{t+1} = x_t − η_t m_t",
              "over a constraint set the FTPRL form projects lazily, projected SGDM greedily (x_3 = 1/10 against 11/20 on the instance)",
              checks=[
                  Identity(ftprl_step.lhs, ftprl_step.rhs, part="the minimiser of (13) is x_t − (C_t − C_{t−1})/σ*_{1:t}"),
                  InstanceSearch(ftprl_form.bind(method="sgdm"), x_alg, rel="==", part="with σ*_{1:t} = 1/η_t, (13) SGDM is x_{t+1} = x_t − η_t m_t"),
                  proofs.ftprl_reproduces(ftprl_next, (m_t, 1 / eta), x_t, S_prev, C_prev,
                                          "with σ*_{1:t} = 1/η_t, (13) SGDM is x_{t+1} = x_t − η_t m_t"),
              ],
          )),
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
          hypotheses=["'a smooth optimization trajectory' read as: successive steps are positively correlated, where Vanilla SGD's are not, "
                      "in the regime where the gradients are noise (g_t independent, mean 0, variance σ²)",
                      "SGDM as at line 122: m_t = β1 m_{t−1} + g_t, m_0 = 0, x_{t+1} − x_t = −η m_t; Vanilla SGD: −η g_t, uncorrelated steps; "
                      "Cov(m_t, m_{t−1}) = β1 Var(m_{t−1})"],
          checks=[
              Induction(lambda k_: sig2 * (1 - beta1 ** (2 * k_)) / (1 - beta1**2), lambda prev, k_: beta1**2 * prev + sig2, kk, 0, sp.Integer(0),
                        domain={beta1: open_(0, 1), kk: integers(1, 12)}, part="Var(m_t) = σ²(1 − β1^{2t})/(1 − β1²)"),
              Limit(corr_steps, beta1, u_c, 0, "+", domain={beta1: open_(0, 1)},
                    part="the correlation of successive SGDM steps, β1√((1 − β1^{2t−2})/(1 − β1^{2t})), tends to β1 > 0 (Vanilla SGD: 0)"),
              NotCheckable("'correct the possible wrong direction prediction' names no quantity, and the experiments it cites are in an "
                           "appendix that is not part of the source", part="wrong directions and the experiments"),
          ]),
    claim(None, 128, "ρ of Adam and SGDM", "identity", "Adam has ρ = 1; SGDM has ρ = 1/(1 − β1) = 10",
          printed="Besides, we also notice that Adam has  $\\rho = 1$  while SGDM has  $\\rho = \\frac{1}{1-\\beta_1} = 10$ .",
          hypotheses=["β1 = 0.9, the value line 124 calls common", "ρ is read off (13): factor 1 for Adam, 1/(1 − β1) for SGDM"],
          checks=[Identity((1 / (1 - beta1)).subs(beta1, sp.Rational(9, 10)), sp.Integer(10))]),
    claim("Cor 2", 130, "SGDM's larger ρ makes it more sensitive to the loss", "qualitative",
          "larger ρ means more sensitivity to changes of the loss",
          hypotheses=["'more sensitive on the value change of the loss' read two ways, one per comparison: against Vanilla SGD with the "
                      "same η, the change of the step after a persistent change Δ of the gradient (the loss changed by Δ·x); against Adam, "
                      "the change of the step when the loss is multiplied by a > 0",
                      "SGDM as at line 122: m_t = β1 m_{t−1} + g_t, x_{t+1} = x_t − η m_t; Adam x_{t+1} = x_t − α m_t/√v_t (no ε), β1 ∈ (0, 1)"],
          checks=[
              Induction(lambda k_: Delta * (1 - beta1**k_) / (1 - beta1), lambda prev, k_: beta1 * prev + Delta, kk, 0, sp.Integer(0),
                        domain={beta1: open_(0, 1), kk: integers(1, 12)},
                        part="SGDM's momentum moves by Δ(1 − β1^k)/(1 − β1) after k rounds of a persistent change Δ"),
              Inequality((1 - beta1 * vv) / (1 - beta1), ">=", sp.Integer(1), {beta1: Range(0, sp.Rational(999, 1000)), vv: Range(0, 1)},
                         part="against Vanilla SGD (which moves by Δ): (1 − β1^k)/(1 − β1) ≥ 1"),
              Identity(alpha * (a_sc * m_t) / sp.sqrt(a_sc**2 * v_t), alpha * m_t / sp.sqrt(v_t),
                       part="against Adam: Adam's step is unchanged when the loss is multiplied by a, SGDM's η m_t is multiplied by a"),
              NotCheckable("that the larger ρ is the cause is a property of the representation, not of the method: "
                           "argmin{ρA + C} = argmin{A + C/ρ}, so SGDM has ρ = 1 with σ*/ρ in place of σ*", part="ρ as the cause"),
          ]),
    claim(None, 132, "ρ amplifies loss changes tenfold", "qualitative", "SGDM oscillates because ρ = 10 amplifies changes",
          printed="that is,  $\\rho$  factor amplifies this loss change up to tenfold.",
          hypotheses=["'amplifies this loss change up to tenfold' read as: after a persistent change Δ of the gradient, SGDM's step moves by "
                      "ηΔ(1 − β1^k)/(1 − β1) against Vanilla SGD's ηΔ — a factor that grows with k to 1/(1 − β1) = 10 and never exceeds it "
                      "(β1 = 0.9, as line 128)", "SGDM as at line 122: m_t = β1 m_{t−1} + g_t, x_{t+1} = x_t − η m_t"],
          checks=[
              Induction(lambda k_: Delta * (1 - beta1**k_) / (1 - beta1), lambda prev, k_: beta1 * prev + Delta, kk, 0, sp.Integer(0),
                        domain={beta1: open_(0, 1), kk: integers(1, 12)},
                        part="SGDM's momentum moves by Δ(1 − β1^k)/(1 − β1) after k rounds of a persistent change Δ"),
              Inequality((1 - vv) / (1 - sp.Rational(9, 10)), "<=", sp.Integer(10), {vv: Range(0, 1)},
                         part="the amplification (1 − β1^k)/(1 − β1) is at most 10 (β1^k = v ∈ (0, 1])"),
              Limit((1 - sp.Rational(9, 10) ** kc) / (1 - sp.Rational(9, 10)), sp.Integer(10), kc, sp.oo, part="and tends to 10"),
              NotCheckable("'prone to oscillation' names no quantity", part="oscillation"),
          ]),
    claim(None, 136, "proximal searching region", "definition", "D = ‖x − x_τ‖², D ∝ 1/B",
          hypotheses=["the region read as the set where the proximal penalty ½B‖x − x_τ‖² stays within a level κ: its extent is "
                      "D ≤ 2κ/B, so D·B is constant ('D ∝ 1/B')",
                      "the other reading, the squared step of the minimiser ‖x_{t+1} − x_t‖² = a²/B² (a the linear term's increment), "
                      "scales as 1/B²; the text's later use (line 164: a large budget shrinks the region and stops the updates) fits both"],
          checks=[
              NotCheckable("definition of D = ‖x − x_τ‖²", part="definition"),
              Identity(D_level * B_, 2 * kappa, part="D ∝ 1/B: the extent of the level set ½B·D ≤ κ times B is 2κ"),
          ]),
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
