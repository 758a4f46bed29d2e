"""000, the proof of Theorem 3 (lines 145–182): every display, each link of each chain."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import D_inf, claim, d, i, t, T
from optverify import BOUND, Corrected, Identity, InstanceSearch, integers
from optverify.counterexamples.families import Measured, adagrad_coordinate, projected_step, stochastic_separable
from optverify.counterexamples.families.start_anywhere import start_anywhere
from optverify.claims.adagrad_adam_000 import proofs

v = {n: sp.Symbol(n, real=True) for n in (
    "E_subopt_T", "E_lin_grad_T", "E_lin_g_T", "E_lin_g", "regret", "dist_unprojected_sq", "L163_rhs",
    "L167_a", "L167_b", "L167_c", "L167_b_4D2", "L167_c_4D2", "sum_g2_over_sqrt", "sum_eta_g2", "min_sum_sqrt_diag",
    "E_sum_sqrt_diag")}
S = sp.Symbol("S", positive=True)  # Σ_t g_t[i]²
c = sp.Symbol("c", positive=True)
x = sp.Symbol("x", positive=True)
gv, wv, sv = (sp.MatrixSymbol(n, d, 1) for n in ("g", "w", "w_star"))
G = sp.Function("G")
a, b, eta, gg = sp.symbols("a b eta g", real=True)
SS = stochastic_separable.bind(algorithm="diag_box")
AGC = adagrad_coordinate
j = sp.Symbol("j", integer=True, nonnegative=True)  # 0-based coordinate index of a d×1 matrix
inner_expansion = Identity((gv.T * (wv - sv))[0, 0], sp.Sum(gv[j, 0] * (wv[j, 0] - sv[j, 0]), (j, 0, d - 1)))
sum_exchange = Identity(sp.Sum(sp.Sum(G(t, i), (i, 1, d)), (t, 1, T)).reorder((0, 1)), sp.Sum(sp.Sum(G(t, i), (t, 1, T)), (i, 1, d)),
                        domain={d: integers(1, 5), T: integers(1, 5)})

CLAIMS = [
    claim(None, 147, "convexity and unbiasedness", "inequality",
          "E[L(w_t) − L(w*)] ≤ E[⟨∇L(w_t), w_t − w*⟩] = E[⟨g_t, w_t − w*⟩]",
          hypotheses=["L convex, g_t an unbiased stochastic (sub)gradient at w_t"],
          checks=[
              InstanceSearch(Measured(SS, "E_subopt_T"), v["E_lin_grad_T"], part="convexity: E[L(w_t) − L(w*)] ≤ E⟨∇L(w_t), w_t − w*⟩"),
              InstanceSearch(Measured(SS, "E_lin_grad_T"), v["E_lin_g_T"], rel="==", part="unbiasedness: E⟨∇L(w_t), ·⟩ = E⟨g_t, ·⟩"),
          ]),
    claim(None, 151, "inner product by coordinates", "identity", "⟨g_t, w_t − w*⟩ = Σ_i g_t[i](w_t[i] − w*[i])",
          checks=[inner_expansion]),
    claim(None, 155, "regret split by coordinates", "inequality",
          "E[Σ_t L(w_t) − L(w*)] ≤ Σ_t E⟨g_t, w_t − w*⟩ = Σ_t Σ_i E[g_t[i](w_t[i] − w*[i])] = Σ_i E[Σ_t g_t[i](w_t[i] − w*[i])]",
          checks=[
              InstanceSearch(Measured(SS, "regret"), v["E_lin_g"], part="first link (convexity, summed)"),
              Identity(inner_expansion.lhs, inner_expansion.rhs, part="second link (inner product by coordinates)"),
              Identity(sum_exchange.lhs, sum_exchange.rhs, domain=sum_exchange.domain, part="third link (exchange of finite sums)"),
          ]),
    claim(None, 159, "projection onto the box is non-expansive", "inequality",
          "(w_{t+1}[i] − w*[i])² ≤ (w_t[i] − η_t[i] g_t[i] − w*[i])²",
          hypotheses=["|w*[i]| ≤ D_∞, w_{t+1}[i] = Π_{|w| ≤ D_∞}(w_t[i] − η_t[i] g_t[i])"],
          checks=[InstanceSearch(Measured(projected_step, "dist_next_sq"), v["dist_unprojected_sq"]),
                  proofs.L159()]),
    claim(None, 161, "expanding the square", "identity",
          "(w_t[i] − η g − w*[i])² = (w_t[i] − w*[i])² − 2η g (w_t[i] − w*[i]) + η² g²",
          checks=[Identity((a - eta * gg - b) ** 2, (a - b) ** 2 - 2 * eta * gg * (a - b) + eta**2 * gg**2)]),
    claim(None, 163, "one-step inequality", "inequality",
          "g_t[i](w_t[i] − w*[i]) ≤ ((w_t[i] − w*[i])² − (w_{t+1}[i] − w*[i])²)/(2η_t[i]) + η_t[i] g_t[i]²/2",
          hypotheses=["as line 159, η_t[i] > 0"],
          checks=[InstanceSearch(Measured(projected_step, "g_times_gap"), v["L163_rhs"]),
                  proofs.L163()]),
    claim(None, 167, "summing over t and bounding by D_∞", "inequality",
          "Σ_t g_t[i](w_t[i] − w*[i]) ≤ [telescoped sum] ≤ D_∞²/(2η_1[i]) + Σ_{t≥2} D_∞²(1/(2η_t[i]) − 1/(2η_{t−1}[i])) + Σ_t η_t[i]g_t[i]²/2 ≤ D_∞²/(2η_T[i]) + Σ_t η_t[i]g_t[i]²/2",
          hypotheses=["diagonal AdaGrad of Theorem 3 on one coordinate, |w*[i]| ≤ D_∞, c = √2·D_∞, any gradient sequence with g_1[i] ≠ 0",
                      "w_1 is not constrained by Theorem 3; the instances start inside the box (|w_1[i]| ≤ D_∞), which already breaks the "
                      "second link, so the refutation does not depend on where w_1 lies"],
          checks=[
              InstanceSearch(Measured(AGC, "regret"), v["L167_a"], part="first link: summing line 163 and reordering"),
              InstanceSearch(Measured(AGC, "L167_a"), v["L167_b"], part="second link: (w_t[i] − w*[i])² replaced by D_∞²"),
              InstanceSearch(Measured(AGC, "L167_b"), v["L167_c"], part="third link: telescoping"),
          ],
          corrected=Corrected(
              "with |w_1[i]| ≤ D_∞: … ≤ (2D_∞)²/(2η_1[i]) + Σ_{t≥2} (2D_∞)²(1/(2η_t[i]) − 1/(2η_{t−1}[i])) + … ≤ (2D_∞)²/(2η_T[i]) + "
              "Σ_t η_t[i]g_t[i]²/2",
              "w_t[i] and w*[i] both lie in [−D_∞, D_∞], so (w_t[i] − w*[i])² ≤ 4D_∞², not D_∞²; for t = 1 this needs w_1 in the box, "
              "which Theorem 3 does not state",
              checks=[
                  InstanceSearch(Measured(AGC, "L167_a"), v["L167_b_4D2"], part="second link with 4D_∞²"),
                  InstanceSearch(Measured(AGC, "L167_b_4D2"), v["L167_c_4D2"], part="third link with 4D_∞²"),
              ],
          )),
    claim(None, 171, "sum-to-integral step", "inequality",
          "Σ_t η_t[i] g_t[i]² = Σ_t g_t[i]²/√(Σ_{τ≤t} g_τ[i]²) ≤ ∫_0^{Σ g²} dx/√x = √(2 Σ_t g_t[i]²)",
          hypotheses=["η_t[i] = c/√(g²_{1:t}[i]) with c = √2·D_∞ (Theorem 3)", "S = Σ_t g_t[i]² > 0"],
          checks=[
              InstanceSearch(Measured(AGC, "sum_eta_g2"), v["sum_g2_over_sqrt"], rel="==", part="first link: Σ η_t g_t² = Σ g_t²/√(Σ g_τ²)"),
              InstanceSearch(Measured(AGC, "sum_g2_over_sqrt"), sp.Integral(1 / sp.sqrt(x), (x, 0, S)), part="second link: sum ≤ integral"),
              Identity(sp.Integral(1 / sp.sqrt(x), (x, 0, S)), sp.sqrt(2 * S), part="third link: ∫_0^S dx/√x = √(2S)"),
              InstanceSearch(Measured(AGC, "sum_g2_over_sqrt"), sp.sqrt(2 * S), part="the chain's conclusion: Σ g_t²/√(Σ g_τ²) ≤ √(2S)"),
          ],
          corrected=Corrected(
              "Σ_t η_t[i] g_t[i]² = c Σ_t g_t[i]²/√(Σ_{τ≤t} g_τ[i]²) ≤ c ∫_0^{S} dx/√x = 2c√S",
              "η_t carries the factor c, and ∫_0^S x^{−1/2} dx = 2√S",
              checks=[
                  InstanceSearch(Measured(AGC, "sum_eta_g2"), c * v["sum_g2_over_sqrt"], rel="==", part="first link with c"),
                  Identity(sp.Integral(1 / sp.sqrt(x), (x, 0, S)), 2 * sp.sqrt(S), part="the integral"),
                  InstanceSearch(Measured(AGC, "sum_g2_over_sqrt"), 2 * sp.sqrt(S), part="sum ≤ 2√S"),
              ],
          )),
    claim(None, 175, "per-coordinate regret bound", "inequality",
          "Σ_t g_t[i](w_t[i] − w*[i]) ≤ 2√2 D_∞ √(Σ_t g_t[i]²)",
          hypotheses=["as Theorem 3: diagonal AdaGrad, c = √2·D_∞, |w*[i]| ≤ D_∞, w_1 not constrained (the statement projects only "
                      "w_2, w_3, …)", "the gradients of the refuting instances are those of a convex loss, a special case of 'any sequence'"],
          constants={"D_inf": "box radius", "S": "Σ_t g_t[i]²"},
          symbols={"D_inf": D_inf, "S": S},
          bound=2 * sp.sqrt(2) * D_inf * sp.sqrt(S),
          checks=[InstanceSearch(Measured(start_anywhere.bind(algorithm="diag_box", d_max=1), "lin_g_1"), BOUND)],
          corrected=Corrected(
              "Σ_t g_t[i](w_t[i] − w*[i]) ≤ 2√2 D_∞ √(Σ_t g_t[i]²) when |w_1[i]| ≤ D_∞",
              "the first term (w_1[i] − w*[i])²/(2η_1[i]) of line 167 is at most (2D_∞)²/(2η_1[i]) only when w_1 lies in the box",
              bound=2 * sp.sqrt(2) * D_inf * sp.sqrt(S),
              checks=[InstanceSearch(Measured(AGC, "regret"), 2 * sp.sqrt(2) * D_inf * sp.sqrt(S)),
                      proofs.adagrad_regret_induction(bound=(BOUND, {S: sp.Symbol("s", real=True) ** 2, D_inf: proofs.D}))],
          )),
    claim(None, 179, "conclusion of the proof of Theorem 3", "expectation bound",
          "E[Σ_t L(w_t) − L(w*)] ≤ Σ_i E[Σ_t g_t[i](w_t[i] − w*[i])] ≤ 2√2 D_∞ Σ_i √(Σ_t g_t[i]²)", end_line=180,
          hypotheses=["as Theorem 3", "the right-hand side is printed without an expectation: it is a random quantity, "
                      "so the relation must hold on every outcome"],
          checks=[
              InstanceSearch(Measured(SS, "regret"), v["E_lin_g"], part="first link"),
              InstanceSearch(Measured(SS, "E_lin_g"), 2 * sp.sqrt(2) * D_inf * v["min_sum_sqrt_diag"],
                             part="second link, on the least favourable outcome of the random right side"),
          ],
          corrected=Corrected(
              "… ≤ 2√2 D_∞ E[Σ_i √(Σ_t g_t[i]²)], with w_1 in the box",
              "the per-coordinate bound holds path by path (for w_1 in the box: line 175's corrected form); taking expectations puts E "
              "on the right side",
              checks=[InstanceSearch(Measured(SS, "E_lin_g"), 2 * sp.sqrt(2) * D_inf * v["E_sum_sqrt_diag"], part="second link with E")],
          )),
]


def theorem3_proof():
    """The printed proof of Theorem 3 (lines 145–182), step by step, for Theorem 3's checks: each step decided by the
    check of the display it stands at, and the chain of lines 179–180 composed into the statement."""
    from optverify.claims.specs import ProofComposition, ProofStep

    E_regret, E_lin, E_S, S_path = sp.symbols("E_regret E_lin E_sum_sqrt S_path", real=True)
    lin_i, tele_i, sum_ratio = sp.symbols("lin_i telescoped_i sum_ratio_i", real=True)
    s155 = ProofStep(155, E_regret, "<=", E_lin, InstanceSearch(Measured(SS, "regret"), v["E_lin_g"]),
                     note="E[Σ_t L(w_t) − L(w*)] ≤ Σ_i E[Σ_t g_t[i](w_t[i] − w*[i])] (convexity, unbiasedness)")
    s167 = ProofStep(167, tele_i, "<=", v["L167_b"], InstanceSearch(Measured(AGC, "L167_a"), v["L167_b"]),
                     note="the telescoped sum ≤ D_∞²/(2η_1[i]) + Σ_{t≥2} D_∞²(…) + Σ_t η_t[i]g_t[i]²/2")
    s171 = ProofStep(171, sum_ratio, "<=", sp.sqrt(2 * S), InstanceSearch(Measured(AGC, "sum_g2_over_sqrt"), sp.sqrt(2 * S)),
                     note="Σ_t g_t[i]²/√(Σ_{τ≤t} g_τ[i]²) ≤ √(2 Σ_t g_t[i]²)")
    s175 = ProofStep(175, lin_i, "<=", 2 * sp.sqrt(2) * D_inf * sp.sqrt(S), proofs.adagrad_regret_induction(),
                     note="per coordinate: Σ_t g_t[i](w_t[i] − w*[i]) ≤ 2√2 D_∞ √(Σ_t g_t[i]²)")
    s179 = ProofStep(179, E_lin, "<=", 2 * sp.sqrt(2) * D_inf * S_path,
                     InstanceSearch(Measured(SS, "E_lin_g"), 2 * sp.sqrt(2) * D_inf * v["min_sum_sqrt_diag"]),
                     note="Σ_i E[Σ_t g_t[i](w_t[i] − w*[i])] ≤ 2√2 D_∞ Σ_i √(Σ_t g_t[i]²), a random right side (no E)")
    compose = ProofComposition(E_regret, "<=", 2 * sp.sqrt(2) * D_inf * E_S, (s155, s179),
                               note="the chain printed at lines 179–180 against the statement's right side 2√2 D_∞ E[Σ_i √(Σ_t g_t[i]²)]")
    return [s155, s167, s171, s175, s179, compose]
