"""001 §2.1–2.2, lines 61–109: FTRL/FTPRL forms (7), (8), (11), (12), Proposition 2 and the σ_τ budgets of SGD."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import C_prev, S_prev, S_t, claim, eta, ftprl_next, k, lazy_and_greedy, sig_t, t, x_t
from optverify import Corrected, Identity, Inequality, InstanceSearch, NotCheckable, Range, open_
from optverify.counterexamples.families import composite_ftprl, ftprl_form

x = sp.Symbol("x", real=True)
xtau = sp.Symbol("x_tau", real=True)
sigma = sp.Symbol("sigma", positive=True)
g_t = sp.Symbol("g_t", real=True)
x_alg = sp.Symbol("x_alg", real=True)
x_md = sp.Symbol("x_md", real=True)
rho = sp.Symbol("rho", positive=True)
c_t = sp.Symbol("C_t", real=True)  # the momentum correction of round t, C_{1:t} − C_{1:t−1}

# ---------------------------------------------------------------- line 71: where (5) centres its regulariser
centre5 = sp.solve(sp.diff((x - x_t) ** 2 / (2 * eta), x), x)[0]
centre_da = sp.solve(sp.diff(x**2 / (2 * eta), x), x)[0]  # R(x) = ‖x‖²/(2η): dual averaging / FTRL centred at the origin

# ---------------------------------------------------------------- Proposition 2: one step, Ψ linear
a_ = sp.Symbol("a", real=True)
s1 = sp.Symbol("sigma_1", positive=True)
x1 = sp.Integer(0)
R1 = lambda v: s1 * v**2 / 2  # R_1(x) = σ_1 x²/2: differentiable, convex, ∇R_1(0) = 0
R1t = lambda v: R1(v - x1)  # R̃_1(x) = R_1(x − x_1)
phi1 = a_  # Ψ(x) = a x: ∂Ψ = {a} at every point
g1 = -a_  # chosen so that the printed condition g_{1:1} + φ_{1:1} + ∇R_{1:1}(x_1) = 0 holds
grad_R1t_at_x1 = sp.diff(R1t(x), x).subs(x, x1)
bregman_R1t = R1t(x) - R1t(x1) - grad_R1t_at_x1 * (x - x1)
obj9 = g1 * x + a_ * x + bregman_R1t  # proximal MDA (9), t = 1
obj10 = g1 * x + phi1 * x + a_ * x + R1t(x)  # FTPRL (10) as printed, t = 1
x2_9 = sp.solve(sp.diff(obj9, x), x)[0]
x2_10 = sp.solve(sp.diff(obj10, x), x)[0]
# McMahan's induction step: the optimality conditions of rounds t and t − 1 subtract to the optimality condition of (9)
Gp, Php, Pp, Sp_, gt_, phit, sgt, xt1, xtt = sp.symbols("G_prev Phi_prev P_prev S_prev2 g_now phi_now sigma_now x_next x_now", real=True)
opt_t = (Gp + gt_) + (Php + phit) + (Sp_ + sgt) * xt1 - (Pp + sgt * xtt)  # g_{1:t} + φ_{1:t} + ∇R̃_{1:t}(x_{t+1})
opt_prev = Gp + Php + Sp_ * xtt - Pp  # g_{1:t−1} + φ_{1:t−1} + ∇R̃_{1:t−1}(x_t)
opt_md = gt_ + phit + (Sp_ + sgt) * (xt1 - xtt)  # g_t + φ_t + ∇_x B_{R̃_{1:t}}(x_{t+1}, x_t)

# ---------------------------------------------------------------- eq. (12)
Q_sq = sigma**2  # Q_τ = σ_τ² I as printed (one coordinate)
stab11 = lambda Q: (x - xtau) * Q * (x - xtau) / 2  # ½‖Q^{1/2}(x − x_τ)‖²
stab12 = sigma * (x - xtau) ** 2 / 2  # ½ σ_τ ‖x − x_τ‖² as printed in (12)
xs3 = sp.symbols("xc_1:4", real=True)
gs3 = sp.symbols("gc_1:4", real=True)
ss3 = sp.symbols("s_1:4", positive=True)
obj12_t3 = sum(gs3) * x + sum(s * (x - c) ** 2 for s, c in zip(ss3, xs3)) / 2
argmin12_t3 = sp.solve(sp.diff(obj12_t3, x), x)[0]
closed12_t3 = (sum(s * c for s, c in zip(ss3, xs3)) - sum(gs3)) / sum(ss3)
# SGD matched: x_t − ΔC/σ_{1:t} = x_t − η_t g_t with ΔC = g_t
budget_sgd = sp.solve(sp.Eq(x_t - g_t / S_t, x_t - eta * g_t), S_t)[0]
sgd_step = Identity(ftprl_next(S_prev, sig_t, x_t, C_prev, g_t), x_t - g_t / (S_prev + sig_t))

# (8) over a constraint set against mirror descent with learning rate Q_{1:t}^{−1}: X = [0, ∞), x_1 = 1/10, Q_{1:1} = 1, Q_{1:2} = 2,
# g = (1, −2) (Ψ = φ = 0)
FTPRL_X = lazy_and_greedy(sp.Rational(1, 10), 1, 2, 1, -2)

# line 109 over a constraint set: X the unit disk of R², x_1 = (1, 0) on its boundary, g_1 = (−a, −b), σ_1 = 1, t = 1:
# x_2 = argmin_{x∈X} g_1·x + ½‖x − x_1‖² = P_X(x_1 − g_1) = (1 + a, b)/r, r = √((1 + a)² + b²) > 1
a_d, b_d = sp.symbols("a b", positive=True)
r_d = sp.sqrt((1 + a_d) ** 2 + b_d**2)
step_d = ((1 + a_d) / r_d - 1, b_d / r_d)  # x_2 − x_1
cross_d = step_d[0] * b_d - step_d[1] * a_d  # step × (−g_1): zero iff the step is parallel to g_1
xd1, xd2 = sp.symbols("x_1 x_2", real=True)
obj12_disk = -a_d * xd1 - b_d * xd2 + ((xd1 - 1) ** 2 + xd2**2) / 2
sq12_disk = ((xd1 - (1 + a_d)) ** 2 + (xd2 - b_d) ** 2) / 2 - ((1 + a_d) ** 2 + b_d**2 - 1) / 2

# line 102: ρ A + C with Ψ = 0, one coordinate: A = a·x (a = g_{1:t} + C_{1:t}, taken > 0; a < 0 is the mirror image),
# C = ½ Σ σ_τ (x − x_τ)² = ½ S (x − c)² + const (c the σ-weighted centre), X = [l, u] ∋ c written l, c = l + s, u = c + w
l_X = sp.Symbol("l", real=True)
s_X, w_X, a_X, S_X = sp.symbols("s w a S", positive=True)
c_X = l_X + s_X
argmin_rho = sp.Max(l_X, sp.Min(c_X + w_X, c_X - rho * a_X / S_X))  # the minimiser over X: the clipped stationary point
_DOM102 = {l_X: open_(-3, 3), s_X: open_(0, 3), w_X: open_(0, 3), rho: open_(0, 20), a_X: open_(0, 5), S_X: open_(0, 5)}

# line 89: m_t and v_t of eq. (2) when every gradient is multiplied by a > 0
a_sc = sp.Symbol("a", positive=True)
m_sc, v_sc = sp.Symbol("m_t", real=True), sp.Symbol("v_t", positive=True)

CLAIMS = [
    claim(None, 63, "eq. (7): FTRL", "definition", "x_{t+1} = argmin_x (Σ_τ f'_τ(x_τ))·x + R_{1:t}(x)",
          hypotheses=["the printed upper limit τ of Σ_{τ=1}^{τ} is read as t; the closing brace is missing"],
          checks=[NotCheckable("definition of the FTRL update (with a misprinted upper summation limit)")]),
    claim(None, 68, "eq. (8): FTPRL", "definition",
          "x_{t+1} = argmin_x g_{1:t}·x + φ_{1:t}·x + Ψ(x) + ½ Σ_τ ‖Q_τ^{1/2}(x − x_τ)‖²; with quadratic stabilisers it is "
          "mirror descent with the learning-rate matrix Q_{1:t}^{−1} (line 71, citing McMahan 2010)",
          hypotheses=["the property checked: with Ψ = 0, φ = 0 and diagonal Q_τ ⪰ 0 (Q_{1:t} ≻ 0), (8) — an argmin over x ∈ X — is mirror "
                      "descent with learning rate Q_{1:t}^{−1}, x_{t+1} = argmin_{x∈X} g_t·x + ½‖Q_{1:t}^{1/2}(x − x_t)‖² (line 71: 'only "
                      "differences in parameter centering')", "the centres x_τ are the iterates of (8) itself",
                      "instance: X = [0, ∞) ⊂ R, x_1 = 1/10, Q_{1:1} = 1, Q_{1:2} = 2, g = (1, −2); the first step leaves X and both "
                      "methods project it to x_2 = 0"],
          checks=[
              NotCheckable("definition of FTPRL (McMahan 2010); the composite case is Proposition 2", part="definition"),
              Identity(FTPRL_X[0], FTPRL_X[1], part="(8) over X is mirror descent with learning rate Q_{1:t}^{−1}: the same x_3"),
          ],
          corrected=Corrected(
              "with X = R^d (or the constraint moved into Ψ and handled by McMahan's φ terms), (8) with Ψ = φ = 0 is the step "
              "x_t − Q_{1:t}^{−1} g_t",
              "over a constraint set FTPRL projects lazily (x_3 = 11/20 on the instance) and mirror descent greedily (x_3 = 1)",
              checks=[Identity(ftprl_next(S_prev, sig_t, x_t, C_prev, g_t), x_t - g_t / (S_prev + sig_t),
                               part="Ψ = φ = 0, X = R: (8) is the step x_t − Q_{1:t}^{−1} g_t")],
          )),
    claim(None, 71, "where mirror descent and FTPRL centre their regularisers", "property",
          "(5) regularises the parameter towards the origin; FTPRL towards the current feasible point",
          printed="In fact, MDA illustrates in Equation. 5 regularizing the parameter to be close to the origin, on contrast, "
                  "FTPRL is regularizing the parameter at current feasible point.",
          hypotheses=["'regularising towards z' read as: the proximal term is minimised at z; one coordinate"],
          checks=[
              Identity(centre5, sp.Integer(0), part="the proximal term ‖x − x_t‖²/(2η_t) of (5) is minimised at the origin"),
              Identity(sp.solve(sp.diff(sigma * (x - x_t) ** 2 / 2, x), x)[0], x_t,
                       part="FTPRL's term added at round t, σ_t‖x − x_t‖²/2, is minimised at x_t"),
          ],
          corrected=Corrected(
              "(5) regularises towards the current iterate x_t, as FTPRL does; it is dual averaging / FTRL with R(x) = ‖x‖²/(2η) that "
              "regularises towards the origin (McMahan 2010)",
              "the proximal term of (5) is ‖x − x_t‖²/(2η_t)",
              checks=[Identity(centre5, x_t, part="(5) centres at x_t"), Identity(centre_da, sp.Integer(0), part="R(x) = ‖x‖²/(2η) centres at 0")],
          )),
    claim("Prop 2", 73, "proximal mirror descent (9) and FTPRL (10) are equivalent (McMahan 2010a, as restated)", "property",
          "the updates (9) and (10) produce the same iterates", end_line=83,
          hypotheses=["instance of the printed class, one step: t = 1, x_1 = 0, R_1(x) = σ_1 x²/2 (σ_1 > 0: differentiable, convex, "
                      "∇R_1(0) = 0), Ψ(x) = a x (convex; ∂Ψ = {a}, so φ_1 = a at whatever point it is taken), g_1 = −a so that the printed "
                      "condition g_{1:1} + φ_{1:1} + ∇R_{1:1}(x_1) = 0 holds",
                      "R_t(x) = R_t(x − x_t) read as R̃_t(x) = R_t(x − x_t); D_{R_{1:t}}(·) read as the Bregman distance B_{R̃_{1:t}}(x, x_t); "
                      "the R_{1:t} of (10) read as R̃_{1:t}(x) (both readings agree at x_1 = 0)"],
          checks=[
              Identity(g1 + phi1 + grad_R1t_at_x1, sp.Integer(0), part="the instance satisfies the printed condition g_{1:t} + φ_{1:t} + ∇R_{1:t}(x_t) = 0"),
              Identity(x2_10, x2_9, part="(10) and (9) give the same x_2"),
          ],
          corrected=Corrected(
              "McMahan (2010a, Thm 3): FTPRL x_{t+1} = argmin (g_{1:t} + φ_{1:t−1})·x + Ψ(x) + R̃_{1:t}(x), with φ_t ∈ ∂Ψ(x_{t+1}) chosen by "
              "g_{1:t} + φ_{1:t} + ∇R̃_{1:t}(x_{t+1}) = 0, produces the iterates of (9)",
              "(10) counts the composite term twice: φ_{1:t}·x + Ψ(x) holds t + 1 subgradients of Ψ where FTPRL has t; the condition "
              "selecting φ_t is taken at x_{t+1}",
              checks=[
                  Identity(opt_t - opt_prev, opt_md, part="induction step: the optimality conditions of rounds t and t − 1 subtract to that of (9)"),
                  InstanceSearch(composite_ftprl.bind(variant="mcmahan"), x_md, rel="==", part="the two sequences agree (Ψ(x) = ax + λx²/2 + μ|x|)"),
              ],
          )),
    claim(None, 89, "Adam-type methods cannot be read as a learning rate times a gradient", "qualitative",
          "m_t and v_t share g_t, so η_0/√v_t is not a learning rate", printed="However, we can not treat Adam-Type algorithm in this way "
          "because the first order information  $g_t$  resides in both  $m_t$  and  $v_t$  and we are unable to simply decorrelate them as learning rate scheme.",
          hypotheses=["read as: η_0/√v_t is not a learning rate independent of the gradients — an update 'learning rate × m_t' with a "
                      "rate that does not depend on g scales with the gradients, while Adam's step η_0 m_t/√v_t does not change when every "
                      "gradient is multiplied by a > 0 (m_t → a m_t, v_t → a² v_t: m_t is linear, v_t quadratic in the gradients, eq. (2))"],
          checks=[Identity(eta * (a_sc * m_sc) / sp.sqrt(a_sc**2 * v_sc), eta * m_sc / sp.sqrt(v_sc),
                           part="the step η_0 m_t/√v_t is unchanged when the gradients are multiplied by a > 0")]),
    claim(None, 93, "why write Adam-type methods as mirror descent", "qualitative", "implicit updates, dissection, equivalence guarantee",
          end_line=95, checks=[NotCheckable("motivation (a list of benefits), no mathematical statement beyond Propositions 1 and 2")]),
    claim(None, 99, "eq. (11): general FTPRL form of first-order methods", "definition",
          "x_{t+1} = argmin_x ρ(g_{1:t} + C_{1:t})·x + Ψ(x) + ½ Σ_τ ‖Q_τ^{1/2}(x − x_τ)‖²",
          hypotheses=["the property checked: with Ψ = 0, X = R^d and diagonal Q_τ (Q_{1:t} ≻ 0), (11) is the step "
                      "x_{t+1} = x_t − ρ Q_{1:t}^{−1}(g_t + C_t) (C_{1:t} = Σ_{τ≤t} C_τ), so a first-order method x_{t+1} = x_t − d_t "
                      "can be written as (11) by choosing ρ, C_t and Q_τ", "its instances for SGD (12), Adam and SGDM (13), AdaGrad (14) "
                      "are checked where printed"],
          checks=[
              NotCheckable("a template", part="definition"),
              Identity(ftprl_next(S_prev, sig_t, x_t, rho * C_prev, rho * (g_t + c_t)), x_t - rho * (g_t + c_t) / (S_prev + sig_t),
                       part="Ψ = 0: (11) is the step x_t − ρ Q_{1:t}^{−1}(g_t + C_t)"),
          ]),
    claim(None, 102, "ρ balances terms A and C", "qualitative", "smaller ρ makes the minimisation rely on term C",
          printed="Finally, the leading  $\\rho$  is a *balancing coefficient*, aims at controlling the tendency of minimization between term A and C.",
          hypotheses=["'relies more on term C' read as: the minimiser of ρA + C lies closer to the minimiser of C (the σ-weighted centre c "
                      "of the proximal terms), 'term A will dominate' as: it moves away from c along −a as ρ grows",
                      "Ψ = 0 (term B set aside, as at (12)), one coordinate, a = g_{1:t} + C_{1:t} > 0 (a < 0 is the mirror image), "
                      "S = σ_{1:t} > 0; X a closed interval [l, u] containing c (X = R is the limit l → −∞)",
                      "ρ is not identifiable: argmin{ρA + C} = argmin{A + C/ρ}, so ρ trades against Q_τ (see Corollary 2)"],
          checks=[
              Identity(rho * a_X * x + S_X * (x - c_X) ** 2 / 2, S_X * (x - (c_X - rho * a_X / S_X)) ** 2 / 2 + rho * a_X * c_X - rho**2 * a_X**2 / (2 * S_X),
                       part="ρA + C = ½S(x − (c − ρa/S))² + const: the minimiser over X is the clip of c − ρa/S to [l, u]"),
              Identity(sp.Abs(argmin_rho - c_X), sp.Min(s_X, rho * a_X / S_X), domain=_DOM102,
                       part="its distance to the centre of C is min(c − l, ρa/S)"),
              Inequality(sp.diff(rho * a_X / S_X, rho), ">", sp.Integer(0), {a_X: Range(sp.Rational(1, 100), 5), S_X: Range(sp.Rational(1, 100), 5)},
                         part="ρa/S grows with ρ: the smaller ρ, the closer to the centre of C (min(c − l, ·) is non-decreasing)"),
          ]),
    claim(None, 104, "eq. (12): SGD in FTPRL form", "identity",
          "(12) is (11) with ρ = 1, C = 0, Q_τ = σ_τ² I, and its minimiser is the SGD step x_t − g_t/σ_{1:t}", end_line=107,
          printed=None,
          hypotheses=["X = R^d: the method represented is Vanilla SGD (line 102: 'The simplest format transformation from Vanilla SGD'), which has no projection; one coordinate (Q_τ ∝ I makes (12) separable)",
                      "the centres x_τ are the iterates of (12) itself; σ_{1:t} > 0"],
          checks=[
              Identity(stab11(Q_sq), stab12, part="Q_τ = σ_τ² I turns ½‖Q_τ^{1/2}(x − x_τ)‖² of (11) into ½σ_τ‖x − x_τ‖² of (12)"),
              Identity(argmin12_t3, closed12_t3, part="first-order condition: the minimiser of (12) is (Σ_τ σ_τ x_τ − g_{1:t})/σ_{1:t} (t = 3)"),
              Identity(sgd_step.lhs, sgd_step.rhs, part="(12) is SGD: x_{t+1} = x_t − g_t/σ_{1:t}"),
              InstanceSearch(ftprl_form.bind(method="sgd"), x_alg, rel="==", part="(12) is SGD: x_{t+1} = x_t − g_t/σ_{1:t}"),
          ],
          corrected=Corrected(
              "(12) is (11) with ρ = 1, C = 0 and Q_τ = σ_τ I",
              "‖Q^{1/2}v‖² = vᵀQv, so Q_τ = σ_τ² I gives σ_τ²‖x − x_τ‖², while (12) has σ_τ‖x − x_τ‖²",
              checks=[
                  Identity(stab11(sigma), stab12, part="Q_τ = σ_τ I"),
                  Identity(argmin12_t3, closed12_t3, part="first-order condition (t = 3)"),
                  Identity(sgd_step.lhs, sgd_step.rhs, part="(12) is SGD"),
              ],
          )),
    claim(None, 107, "the budget σ_{1:t} of SGD", "identity",
          "η_t = 1/t gives Σ_{τ≤t} σ_τ = t; a fixed η_t = 1/k gives Σ_{τ≤t} σ_τ = k",
          printed="If Vanilla SGD with learning rate  $\\eta_t = \\frac{1}{t}$ , the  $\\sum_{\\tau=1}^t \\sigma_{\\tau} = t$ . If it with fixed "
                  "learning rate  $\\eta_t = \\frac{1}{k}$ , then  $\\sum_{\\tau=1}^t \\sigma_{\\tau} = k$ .",
          hypotheses=["σ_τ are the weights with which (12) reproduces SGD x_{t+1} = x_t − η_t g_t (X = R, one coordinate)",
                      "matching (12)'s step x_t − g_t/σ_{1:t} (line 104) with x_t − η_t g_t for g_t ≠ 0 forces σ_{1:t} = 1/η_t",
                      "with η_t = 1/k fixed the budget is k at every t: σ_1 = k and σ_τ = 0 for τ ≥ 2 (all the weight sits on x_1)",
                      "the σ_τ are those of (12) as printed (weights σ_τ); with the where-clause's Q_τ = σ_τ² I the weights would be σ_τ², "
                      "and η_t = 1/k would give Σσ_τ = √k — that slip is decided at line 104"],
          checks=[
              Identity(budget_sgd.subs(eta, 1 / t), t, part="η_t = 1/t: σ_{1:t} = t"),
              InstanceSearch(ftprl_form.bind(method="sgd_inv_t"), x_alg, rel="==", part="η_t = 1/t: σ_{1:t} = t"),
              Identity(budget_sgd.subs(eta, 1 / k), k, part="η_t = 1/k: σ_{1:t} = k"),
              InstanceSearch(ftprl_form.bind(method="sgd_fixed"), x_alg, rel="==", part="η_t = 1/k: σ_{1:t} = k"),
          ]),
    claim(None, 109, "the FTPRL step points against the current gradient", "property",
          "x_{t+1} − x_t = −g_t/σ_{1:t}, antiparallel to g_t (cos π = −1)",
          printed="First, we are always looking for the next step  $x_{t+1}$  in the opposite direction of the current gradient because  "
                  "$\\cos(\\pi) = -1$  minimize Equation. 12.",
          hypotheses=["(12) minimises over x ∈ X, σ_{1:t} > 0; 'always' read as: for every instance of (12)",
                      "instance: X the closed unit disk of R², x_1 = (1, 0), g_1 = (−a, −b) with a, b ∈ (0, 1), σ_1 = 1, t = 1; the "
                      "minimiser of (12) over X is the projection (1 + a, b)/r of x_1 − g_1, r = √((1 + a)² + b²) > 1",
                      "'opposite direction' read as: x_{t+1} − x_t is a positive multiple of −g_t; in R² the step is parallel to g_t iff "
                      "the cross product of the two vanishes"],
          checks=[
              Identity(obj12_disk, sq12_disk, part="instance: (12) at t = 1 is ½‖x − (x_1 − g_1)‖² + const, so x_2 = P_X(x_1 − g_1)"),
              Identity(cross_d, sp.Integer(0), domain={a_d: open_(0, 1), b_d: open_(0, 1)},
                       part="the step x_2 − x_1 points along −g_1 (cross product 0)"),
              NotCheckable("the other two observations of the paragraph (the region around x_t, a non-decreasing Σσ_τ) are qualitative",
                           part="remaining observations"),
          ],
          corrected=Corrected(
              "with X = R^d: x_{t+1} − x_t = −g_t/σ_{1:t}, antiparallel to g_t",
              "over a constraint set the minimiser is a projection, and the projected step turns away from −g_t at the boundary",
              checks=[Identity(ftprl_next(S_prev, sig_t, x_t, C_prev, g_t) - x_t, -g_t / (S_prev + sig_t), part="x_{t+1} − x_t = −g_t/σ_{1:t}")],
          )),
]
