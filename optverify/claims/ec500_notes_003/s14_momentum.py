"""003 §14, lines 1983–2037: momentum, equations (5)–(6), Algorithm 10 (printed again at line 2003), better integrators.

As printed, equation (6) is w_{t+1} = w_t − v_t with v_t = βv_{t−1} − η∇L(w_t) (5): the step w_t − βv_{t−1} + η∇L(w_t)
climbs the loss.  That one sign is the root cause of the refutations below (β = 0 is not gradient descent, Algorithm 10
ascends, the Euler reading of the ODE, the equivalence claimed at line 2153); each corrected form takes
w_{t+1} = w_t + v_t, the form the notes themselves derive at line 2151.

The same method is printed elsewhere: 002:L228 (v_{t+1} = βv_t − η∇f(w_t), w_{t+1} = w_t + v_{t+1}: the corrected sign),
002:L224 (Nesterov's look-ahead form), 002:L103 (heavy ball), 004:L103/004:L108 (v_t = βv_{t−1} + (1 − β)g_t,
θ_{t+1} = θ_t − γv_t: an averaging momentum with the minus sign on the parameter update, consistent because v averages
+g).
"""

import sympy as sp

from optverify import Corrected, Identity, closed, open_, InstanceSearch, NotCheckable, Semialgebraic, Simulation
from optverify.claims.ec500_notes_003._common import claim, eta
from optverify.claims.specs import Range
from optverify.counterexamples.ec500_momentum_sim import Alg10Descent
from optverify.counterexamples.families import Measured
from optverify.counterexamples.families.ec500_acceleration import alg10_quadratic, alg10_vs_alg11
from optverify.counterexamples import momentum_integrators as mi
from optverify.counterexamples.momentum_integrators import leading_order, local_error

w, vprev, vt, g, b = sp.symbols("w_t v_prev v_t g beta", real=True)
TWO_STEP_ERR, EULER_ERR = local_error("two_step"), local_error("euler")  # coefficients of h^k, k ≤ 3, in w and u
a_ode, b_ode, u_, g0_, g1_ = mi.a, mi.b, mi.u, mi.G[0], mi.G[1]
ERR_DOM = {a_ode: closed(0, 1), b_ode: open_(0, 10), u_: open_(-10, 10), g0_: open_(-10, 10), g1_: open_(-10, 10)}
ORDERS = f"the first non-zero term is h^{leading_order('euler')} for Euler and h^{leading_order('two_step')} for the two-step integrator"
beta = sp.Symbol("beta", nonnegative=True)
R = Range(-sp.oo, sp.oo)
BETA = Range(sp.Integer(0), sp.Integer(1))
POS = Range(sp.Integer(0), sp.oo, True)
L_w1 = sp.Symbol("L_w1", positive=True)

v5 = beta * vprev - eta * g  # equation (5), g = ∇L(w_t)
w6 = w - v5  # equation (6) as printed
w6_plus = w + v5  # the corrected update (line 2151's form)
ROOT = ("root cause: equation (6) / Algorithm 10's w_{t+1} = w_t − v_t with v_t = βv_{t−1} − η g_t (003:L1993, 003:Alg 10@L2003); "
        "the notes' own derivation at line 2151 has w_{t+1} = w_t + v_t")
DOM = {beta: closed(0, 1), eta: open_(0, 10)}  # β ∈ [0, 1] (line 1995), η > 0
ASCENT = Measured(alg10_quadratic.bind(sign=-1), "increase")
PLUS_VS_11 = Measured(alg10_vs_alg11.bind(sign=1), "gap")

CLAIMS = [
    claim(None, 1991, "equation (5): the velocity update", "definition", "v_t = βv_{t−1} − η∇L(w_t)",
          checks=[NotCheckable("definition of the velocity update (5); its use is checked at lines 1993 and 1995")]),
    claim(None, 1993, "equation (6): the parameter update", "definition",
          "w_{t+1} = w_t − v_t, with v 'the velocity of the parameter w' (line 1989)",
          hypotheses=["'velocity of w' read as the change of w per step: w_{t+1} − w_t = v_t"],
          checks=[Identity(w6 - w, v5, domain=DOM, part="w_{t+1} − w_t = v_t under (5)–(6)")],
          corrected=Corrected("w_{t+1} = w_t + v_t", "with (6) as printed the change of w per step is −v_t: v is minus the velocity, and "
                              "the step w_t − βv_{t−1} + η∇L(w_t) climbs the loss; line 2151 derives w_{t+1} = w_t + v_t",
                              checks=[Identity(w6_plus - w, v5, domain=DOM)]),
          notes="cross-reference: 002:L228 prints w_{t+1} = w_t + v_{t+1} with the same velocity update"),
    claim(None, 1995, "β = 0 is gradient descent", "identity", "with β = 0, (5)–(6) is w_{t+1} = w_t − η∇L(w_t)",
          printed="Inspecting the equations shows that with  $\\beta = 0$ , the update is identical to regular gradient descent.",
          checks=[Identity(w6.subs(beta, 0), w - eta * g, domain=DOM)],
          corrected=Corrected("with w_{t+1} = w_t + v_t, β = 0 gives gradient descent",
                              "(5)–(6) at β = 0 is w_{t+1} = w_t + η∇L(w_t), gradient ascent",
                              checks=[Identity(w6_plus.subs(beta, 0), w - eta * g, domain=DOM)]),
          notes=ROOT),
    claim("Alg 10@L2003", 2003, "Gradient Descent with Momentum", "algorithm",
          "Algorithm 10 (either integrator) minimises the loss: on a convex quadratic L(w_{T+1}) ≤ L(w_1)", end_line=2019,
          hypotheses=["as printed: v_0 = 0, v_t = β_t v_{t−1} − η_t g_t, w_{t+1} = w_t − v_t; two-step: w_{t+½} = w_t − β_t v_{t−1}",
                      "constant η_t = η ≤ 1/h on L(w) = h w²/2, β_t = β ∈ {0, 0.5, 0.9, 0.99} (line 1995: 'typically … 0.9 or 0.99')",
                      "'Algorithm 10' is also the label of an earlier algorithm of the notes (line 1679); this is the one printed at line 2003"],
          checks=[InstanceSearch(ASCENT, sp.Integer(0), part="exact runs on a quadratic"),
                  Simulation(Alg10Descent(-1.0), L_w1, part="Monte Carlo, Euler integrator"),
                  Simulation(Alg10Descent(-1.0, two_step=True), L_w1, part="Monte Carlo, two-step integrator")],
          corrected=Corrected(
              "w_{t+1} = w_t + v_t and w_{t+½} = w_t + β_t v_{t−1} (the form of line 2151)",
              "with the printed signs every step moves up the gradient; with w_{t+1} = w_t + v_t Algorithm 10 is gradient descent at "
              "β = 0, it is Algorithm 11 with Algorithm 11's β_t, and it descends in the simulation",
              checks=[Simulation(Alg10Descent(1.0), L_w1, part="Monte Carlo, Euler integrator"),
                      Simulation(Alg10Descent(1.0, two_step=True), L_w1, part="Monte Carlo, two-step integrator"),
                      InstanceSearch(PLUS_VS_11, sp.Integer(0), rel="==", part="with β_t of line 2149 it is Algorithm 11 (exact runs)")]),
          notes="cross-references: 002:L228 (the same update with w_{t+1} = w_t + v_{t+1}), 002:L224 (Nesterov's form), 002:L103 (heavy "
                "ball), 004:L103/004:L108 (averaging momentum); " + ROOT),
    claim(None, 2025, "the velocity", "definition", "v = dw/dt", checks=[NotCheckable("definition of v in the equations of motion")]),
    claim(None, 2027, "equations of motion with friction", "property",
          "dv/dt = −(1 − β)v + η∇L(w): with L as potential energy, friction makes the energy ½‖v‖² + ηL(w) non-increasing",
          hypotheses=["'L is playing the role of a potential energy' (line 1989) and β ∈ [0, 1] 'plays the role of friction' (line 1995): "
                      "read as d/dt[½‖v‖² + ηL(w)] ≤ 0 along the motion, v = dw/dt; one coordinate, g = ∇L(w)"],
          checks=[Semialgebraic(vt * (-(1 - beta) * vt + eta * g) + eta * g * vt, "<=", sp.Integer(0), {vt: R, g: R, beta: BETA, eta: POS})],
          corrected=Corrected("dv/dt = −(1 − β)v − η∇L(w)",
                              "the force of a potential is −∇L; with +η∇L the energy grows by 2η⟨∇L, v⟩ and the ball rolls uphill",
                              checks=[Semialgebraic(vt * (-(1 - beta) * vt - eta * g) + eta * g * vt, "<=", sp.Integer(0),
                                                    {vt: R, g: R, beta: BETA, eta: POS})])),
    claim(None, 2029, "(5)–(6) are the Euler step of the equations of motion", "identity",
          "one Euler step (unit time) of dw/dt = v, dv/dt = −(1 − β)v + η∇L(w) is (5)–(6)",
          printed="The momentum update described in equations (5) and (6) correspond to the most basic Euler integration step.",
          hypotheses=["the semi-implicit Euler step with unit time: v_t = v_{t−1} + (−(1 − β)v_{t−1} + η∇L(w_t)), w_{t+1} = w_t + v_t; "
                      "compared on the new parameter w_{t+1}"],
          checks=[Identity(w + (vprev + (-(1 - beta) * vprev + eta * g)), w6, domain=DOM)],
          corrected=Corrected("with dv/dt = −(1 − β)v − η∇L(w) and w_{t+1} = w_t + v_t, (5) and the corrected (6) are that Euler step",
                              "the printed ODE has the force +η∇L and (6) the sign −v_t; both flipped, the Euler step is exact",
                              checks=[Identity(w + (vprev + (-(1 - beta) * vprev - eta * g)), w6_plus, domain=DOM)]),
          notes=ROOT),
    claim(None, 2031, "the two-step integrator is more accurate than the Euler step", "property",
          "as a discretisation of dw/dt = v, dv/dt = −(1 − β)v + η∇L(w) (line 2027), the two-step integrator v_{t−½} = βv_{t−1}, "
          "w_{t+½} = w_t − v_{t−½}, v_t = βv_{t−1} − η∇L(w_{t+½}), w_{t+1} = w_t − v_t has a smaller local error than the Euler "
          "step (5)–(6)",
          hypotheses=["'there are more accurate ways to simulate this differential equation. Specifically, consider the following "
                      "two-step integrator' (line 2029) is the assertion; it is encoded at the display it introduces",
                      "both schemes with a time step h (h = 1 gives the printed updates): in u = −v, the form in which (5)–(6) are the "
                      "Euler step of the printed ODE (003:L2029), Euler is u⁺ = u + h(−au + bL′(w)), w⁺ = w + hu⁺ and the two-step "
                      "integrator u⁺ = (1 − ha)u + hbL′(w + h(1 − ha)u), w⁺ = w + hu⁺, with a = 1 − β ∈ [0, 1], b = η > 0; one "
                      "coordinate (a counterexample in one coordinate is one in d)",
                      "'more accurate' read as: a local truncation error (step minus exact flow over time h, sympy series in h) "
                      "whose leading term is no larger, in each component, at every state (w, u) and every loss; a scheme of higher "
                      "order would meet this with a zero leading term. L′(w) = g0 and L″(w) = g1 are free reals (a quadratic loss "
                      "takes any pair)"],
          checks=[Identity(TWO_STEP_ERR["w"][2], EULER_ERR["w"][2], domain=ERR_DOM,
                           part="w: the h² term of the local error is no larger"),
                  Semialgebraic(sp.Abs(TWO_STEP_ERR["u"][2]), "<=", sp.Abs(EULER_ERR["u"][2]), ERR_DOM,
                                part="u: the h² term of the local error is no larger")],
          notes=("local truncation errors by sympy series in h: " + ORDERS + "; h² coefficients in w: two-step "
                 + sp.sstr(TWO_STEP_ERR["w"][2]) + ", Euler " + sp.sstr(EULER_ERR["w"][2]) + "; in u: two-step "
                 + sp.sstr(TWO_STEP_ERR["u"][2]) + ", Euler " + sp.sstr(EULER_ERR["u"][2]) + " (g0 = L′(w), g1 = L″(w))"),
          corrected=Corrected("the two-step integrator has the same order as the Euler step (local error O(h²), a first-order "
                              "method): the same h² error in w, and in the velocity an h² error that differs from Euler's by "
                              "bL″(w)u, smaller or larger with the sign of L″(w)u",
                              "it evaluates the gradient at the look-ahead point, which changes the velocity's error term "
                              "−b L″(w)u h²/2 into +b L″(w)u h²/2; nothing of order h² is removed",
                              checks=[Identity(TWO_STEP_ERR["w"][2], EULER_ERR["w"][2], domain=ERR_DOM, part="the same h² error in w"),
                                      Identity(TWO_STEP_ERR["u"][2] - EULER_ERR["u"][2], b_ode * g1_ * u_, domain=ERR_DOM,
                                               part="the h² errors in u differ by bL″(w)u")])),
    claim(None, 2033, "the look-ahead point", "identity", "the two-step integrator evaluates the gradient at w_t + βv_t",
          printed="By instead evaluating at the “lookahead” point  $\\mathbf{w}_t + \\beta \\mathbf{v}_t$",
          hypotheses=["the point of line 2031 is w_{t+½} = w_t − βv_{t−1}; v_t is the new velocity (5)"],
          checks=[Identity(w - beta * vprev, w + beta * v5, domain=DOM)],
          corrected=Corrected("w_{t+½} = w_t − βv_{t−1} = w_t + β(w_t − w_{t−1}): the point the momentum alone would reach",
                              "line 2031 looks ahead along the last step w_t − w_{t−1} = −v_{t−1} (by (6)); the printed w_t + βv_t uses the velocity "
                              "not yet computed, with the other sign",
                              checks=[Identity(w - beta * vprev, w + beta * (w - (w + vprev)), domain=DOM)])),
    claim(None, 2037, "acceleration needs a delicate β_t schedule", "qualitative", "the analysis abandons the physical intuition",
          printed="we will need to set a very delicate schedule for  $\\beta_t$",
          checks=[NotCheckable("a remark on the analysis to come; the schedule is checked at line 2149 (003:L2151)")]),
]
