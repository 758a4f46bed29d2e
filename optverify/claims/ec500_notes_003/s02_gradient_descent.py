"""003 §2 (lines 146–253): gradient descent for convex losses — Algorithm 1, Definitions 2.1–2.2, Proposition 2.3,
Theorem 2.4 and its proof step by step."""

import sympy as sp

from optverify import (Corrected, Identity, InstanceSearch, LengthInduction, Measured, NotCheckable, ParameterChoice,
                       PerformanceEstimation, ProofComposition, ProofStep, Pseudocode, Semialgebraic, closed, open_)
from optverify.claims.ec500_notes_003._common import D, G, T, claim, eta
from optverify.counterexamples.families.ec500_descent import convex_softplus, gd_convex_lipschitz, lipschitz_well

R = open_(-sp.oo, sp.oo)
POS = open_(0, sp.oo)
NONNEG = closed(0, sp.oo)

# vectors in R² (every step below is a relation between coordinates, so R² stands for any R^d only where the step is
# an identity or Cauchy–Schwarz; the reading is stated in each hypothesis)
wt = sp.Matrix(sp.symbols("w_t1 w_t2", real=True))
ws = sp.Matrix(sp.symbols("w_s1 w_s2", real=True))
gv = sp.Matrix(sp.symbols("g_1 g_2", real=True))
Lt, Ls = sp.symbols("L_t L_star", real=True)  # L(w_t), L(w⋆)
Gs, Ds, Ts, es = sp.symbols("G D T eta", positive=True)  # real-valued copies for z3


def dot(u, v):
    return (u.T * v)[0]


wn = wt - es * gv
dist_t, dist_n, g2 = dot(wt - ws, wt - ws), dot(wn - ws, wn - ws), dot(gv, gv)
_VEC = {s: R for s in [*wt, *ws, *gv, Lt, Ls]}
convexity_at_wt = Ls >= Lt + dot(gv, ws - wt)  # Definition 2.1 with x = w_t, y = w⋆, g_x = ∇L(w_t)
rhs220 = (dist_t - dist_n) / (2 * es) + es * g2 / 2

# ---------------------------------------------------------------- summing per-step inequalities (line 232)
_S, _Rs, _e, _r = sp.symbols("S Rsum e r", real=True)
sum_of_steps = LengthInduction(
    "T", state={_S: 0, _Rs: 0}, element={_e: R, _r: R}, given=(_e <= _r,), update={_S: _S + _e, _Rs: _Rs + _r},
    invariant=(_S <= _Rs,), goal=_S <= _Rs,
    meaning={"S": "Σ_{t≤T} (L(w_t) − L(w⋆))", "Rsum": "Σ_{t≤T} (‖w_t − w⋆‖² − ‖w_{t+1} − w⋆‖²)/(2η) + ηG²/2",
             "e": "L(w_t) − L(w⋆)", "r": "the right side of line 228 at step t"},
    note="termwise sums of the per-step inequality of line 228 (proved for every t above)")

# ---------------------------------------------------------------- telescoping (line 236)
dseq = sp.Function("d")  # d(t) = ‖w_t − w⋆‖²
k_ = sp.Symbol("k", integer=True, positive=True)
tele_sum = sp.Sum((dseq(k_) - dseq(k_ + 1)) / (2 * eta) + eta * G**2 / 2, (k_, 1, T))
tele_closed = (dseq(1) - dseq(T + 1)) / (2 * eta) + eta * T * G**2 / 2
final_bound = D**2 / (2 * eta) + eta * T * G**2 / 2
eta_24 = D / (G * sp.sqrt(T))

S_gap, S_rhs, Tele = sp.symbols("Sum_gap Sum_rhs Telescoped", real=True)
d1, dT1 = sp.symbols("d_1 d_T1", nonnegative=True)

_HYP24 = ["L: R^d → R convex (Definition 2.1) and G-Lipschitz, a minimiser w⋆ with ‖w⋆ − w_1‖ ≤ D, η = D/(G√T), "
          "w_1 … w_T the iterates of Algorithm 1 (T − 1 steps; the proof also uses w_{T+1})",
          "reading: Σ_{t=1}^T L(w_t) − L(w⋆) is Σ_t (L(w_t) − L(w⋆)) (the proof sums the per-step gaps)",
          "instances: L(w) = Σ_j c_j|w − a_j| on R (three kinks, G = Σ c_j exactly, w⋆ a weighted median; at a kink "
          "the gradient is the subgradient Σ c_j sign(w − a_j)), D = slack·|w_1 − w⋆| with slack ∈ [1, 3], T ≤ 12 (quick)"]

step216 = ProofStep(216, dist_n, "==", dist_t - 2 * es * dot(gv, wt - ws) + es**2 * g2,
                    Identity(dist_n, dist_t - 2 * es * dot(gv, wt - ws) + es**2 * g2), part="proof, line 216")
step220 = ProofStep(220, dot(gv, wt - ws), "<=", rhs220,
                    Semialgebraic(dot(gv, wt - ws), "<=", rhs220, {**_VEC, es: POS}), part="proof, line 220")
step224 = ProofStep(224, Lt - Ls, "<=", rhs220,
                    Semialgebraic(Lt - Ls, "<=", rhs220, {**_VEC, es: POS}, given=(convexity_at_wt,)), part="proof, line 224")
rhs228 = (dist_t - dist_n) / (2 * es) + es * Gs**2 / 2
step228 = ProofStep(228, Lt - Ls, "<=", rhs228,
                    Semialgebraic(Lt - Ls, "<=", rhs228, {**_VEC, es: POS, Gs: POS}, given=(convexity_at_wt, g2 <= Gs**2)),
                    part="proof, line 228")
step232 = ProofStep(232, S_gap, "<=", S_rhs, sum_of_steps, part="proof, line 232")
step236a = ProofStep(236, S_rhs, "==", Tele, Identity(tele_sum, tele_closed, sequences={dseq: (0, 10)}), part="proof, line 236 (telescoping)")
step236b = ProofStep(236, Tele, "<=", final_bound,
                     Semialgebraic((d1 - dT1) / (2 * es) + es * Ts * Gs**2 / 2, "<=", Ds**2 / (2 * es) + es * Ts * Gs**2 / 2,
                                   {d1: NONNEG, dT1: NONNEG, es: POS, Ts: POS, Gs: POS, Ds: POS}, given=(d1 <= Ds**2,)),
                     part="proof, line 236 (‖w_1 − w⋆‖² ≤ D², ‖w_{T+1} − w⋆‖² ≥ 0)")
step240 = ProofStep(240, final_bound, "==", G * D * sp.sqrt(T), Identity(final_bound.subs(eta, eta_24), G * D * sp.sqrt(T)),
                    part="proof, line 240")
# the chain 232 → 236 → 240, each link's side as printed
_STEP_HYP = {
    216: "expanding the square, w_{t+1} = w_t − ηg_t, in R² (coordinates symbolic)",
    220: "rearranging line 216 (an equality, printed ≤), η > 0",
    224: "convexity at w_t: L(w⋆) ≥ L(w_t) + ⟨g_t, w⋆ − w_t⟩ (given)",
    228: "reading: the display of line 228 continues line 224 with '≤' (G-Lipschitz: ‖g_t‖ ≤ G, Proposition 2.3)",
    232: "reading: the sum runs over both terms (line 236 has ηTG²/2); termwise sum of line 228, by induction on T",
    236: "telescoping Σ_{t=1}^T (d_t − d_{t+1}) with d_t = ‖w_t − w⋆‖² (exact), then d_1 ≤ D², d_{T+1} ≥ 0",
}
compose24 = ProofComposition(S_gap, "<=", G * D * sp.sqrt(T), (step232, step236a, step236b, step240),
                             part="proof composes (lines 232–240)")

# Proposition 2.3's proof, lines 188–192, on the polynomial L(x) = x_1³ + x_1x_2 at a symbolic point, direction v
_x1, _x2, _v1, _v2, _dl = sp.symbols("x_1 x_2 v_1 v_2 delta", real=True)
_Lp = lambda a, b: a**3 + a * b  # noqa: E731
_gp = sp.Matrix([3 * _x1**2 + _x2, _x1])
_vu = _gp / sp.sqrt(dot(_gp, _gp))
lim188 = sp.Limit((_Lp(_x1 + _dl * _v1, _x2 + _dl * _v2) - _Lp(_x1, _x2) - _dl * (_v1 * _gp[0] + _v2 * _gp[1])) / _dl, _dl, 0)
lim192 = sp.Limit((_Lp(_x1 + _dl * _vu[0], _x2 + _dl * _vu[1]) - _Lp(_x1, _x2)) / _dl, _dl, 0)

CLAIMS = [
    claim("Alg 1", 152, "gradient descent", "algorithm", "w_{t+1} = w_t − η∇L(w_t), t = 1 … T", end_line=160,
          printed="### Algorithm 1 Gradient Descent",
          hypotheses=["run by the reference engine on f(w) = w²/2 with η = 1/2: heavy ball with β = 0 is this update (the engine's reference has no separate gradient_descent yet)"],
          checks=[Pseudocode("heavy_ball", {"eta": 0.5, "beta": 0.0})]),
    claim("Def 2.1", 166, "convexity", "definition", "L(y) ≥ L(x) + ⟨g_x, y − x⟩ for all y; g_x = ∇L(x) when differentiable",
          end_line=170,
          hypotheses=["the definition's assertion 'when L is differentiable, g_x = ∇L(x)': the tangent inequality with "
                      "g_x = ∇L(x), on ℓ(w) = log(1 + e^{aw}) + cw²/2 (convex, differentiable) at random and adversarial x, y"],
          checks=[InstanceSearch(Measured(convex_softplus, "tangent"), sp.Symbol("L_y"))]),
    claim(None, 174, "gap below the linearisation at a minimiser", "inequality", "L(w) − L(w⋆) ≤ ⟨∇L(w), w − w⋆⟩",
          hypotheses=["L convex (Definition 2.1 at x = w, y = w⋆); in R², any point and gradient"],
          checks=[Semialgebraic(Lt - Ls, "<=", dot(gv, wt - ws), _VEC, given=(convexity_at_wt,))]),
    claim("Def 2.2", 178, "G-Lipschitz", "definition", "|L(x) − L(y)| ≤ G‖x − y‖ for all x, y", end_line=180,
          checks=[NotCheckable("a definition: it names a class of functions and asserts nothing of it")]),
    claim("Prop 2.3", 184, "Lipschitz iff bounded gradient", "property", "L G-Lipschitz ⟺ ‖∇L(x)‖ ≤ G for all x",
          hypotheses=["instances: L(w) = −a e^{−bw²/2} on R with G = sup|∇L| = a√b e^{−1/2} exactly (attained at w = 1/√b): "
                      "'⇐' |L(x) − L(y)| ≤ G|x − y| at random and adversarial x, y; '⇒' the gradient never exceeds G"],
          checks=[InstanceSearch(Measured(lipschitz_well, "diff"), sp.Symbol("G_dist"), part="bounded gradient ⇒ Lipschitz"),
                  InstanceSearch(Measured(lipschitz_well, "grad_x"), sp.Symbol("G"), part="Lipschitz constant G bounds the gradient")]),
    claim(None, 188, "definition of the gradient as a limit", "identity",
          "lim_{δ→0} (L(x + δv) − L(x) − δ⟨v, ∇L(x)⟩)/δ = 0",
          hypotheses=["instance L(x) = x_1³ + x_1x_2 on R² at a symbolic point x and direction v"],
          checks=[Identity(lim188, 0)]),
    claim(None, 192, "the directional derivative along the gradient", "identity",
          "lim_{δ→0} (L(x + δv) − L(x))/δ = ‖∇L(x)‖ for v = ∇L(x)/‖∇L(x)‖",
          hypotheses=["same instance, ∇L(x) ≠ 0 (a symbolic point)"],
          checks=[Identity(lim192, sp.sqrt(dot(_gp, _gp)))]),
    claim(None, 196, "a gradient of norm ≥ G contradicts G-Lipschitzness", "inequality",
          "‖∇L(x)‖ ≥ G ⇒ some δ has |L(x + δv) − L(x)| ≥ Gδ, 'and so L is not G-Lipschitz'", end_line=198,
          printed="and so  $\\mathcal{L}$  is not  $G$ -Lipschitz",
          hypotheses=["instance: L(x) = Gx on R (G-Lipschitz, ‖∇L‖ = G ≥ G), v = 1",
                      "'not G-Lipschitz' means: some δ > 0 has |L(x + δv) − L(x)| > Gδ"],
          checks=[Semialgebraic(sp.Abs(Gs * (Ds + es) - Gs * Ds), ">", Gs * es, {Gs: POS, Ds: R, es: POS},
                                note="x = D (any real), δ = η > 0: |L(x + δ) − L(x)| = Gδ exactly, never > Gδ")],
          notes="the proof's first half needs ‖∇L(x)‖ > G; with ≥ the linear function Gx is a counterexample to its "
                "inference (the proposition itself stands)",
          corrected=Corrected("‖∇L(x)‖ > G ⇒ some δ has |L(x + δv) − L(x)| > Gδ",
                              "strict inequality: the limit of line 192 exceeds G, so some δ exceeds it too",
                              checks=[Semialgebraic(sp.Abs(Ds * es), ">", Gs * es, {Gs: POS, Ds: POS, es: POS}, given=(Ds > Gs,),
                                                    note="L(x) = c x with c = D > G")])),
    claim(None, 200, "fundamental theorem of calculus, Cauchy–Schwarz", "inequality",
          "L(x) − L(y) = ∫⟨∇L(y + t(x − y)), x − y⟩dt ≤ ∫‖∇L‖‖x − y‖dt ≤ G‖x − y‖",
          hypotheses=["Cauchy–Schwarz step in R²: ⟨a, b⟩ ≤ ‖a‖‖b‖; the whole chain on the instances of Proposition 2.3"],
          checks=[Semialgebraic(dot(gv, wt), "<=", sp.sqrt(g2) * sp.sqrt(dot(wt, wt)), _VEC, part="Cauchy–Schwarz"),
                  InstanceSearch(Measured(lipschitz_well, "diff"), sp.Symbol("G_dist"), part="≤ G‖x − y‖")]),
    claim("Thm 2.4", 206, "gradient descent on convex Lipschitz losses", "inequality",
          "Σ_{t=1}^T L(w_t) − L(w⋆) ≤ GD√T for η = D/(G√T)", end_line=208, hypotheses=_HYP24,
          symbols={"G": G, "D": D, "T": T}, bound=G * D * sp.sqrt(T),
          checks=[InstanceSearch(gd_convex_lipschitz, sp.Symbol("G") * sp.Symbol("D") * sp.sqrt(sp.Symbol("T"))),
                  PerformanceEstimation("convex lipschitz", "online gradient descent", "regret", T, rhs=G * D * sp.sqrt(T), G=G,
                                        params={"step": D / (G * sp.sqrt(T))}, radius=D, constants={G: 1, D: 1},
                                        horizons=(1, 2, 3, 5), thorough_horizons=(1, 2, 3, 5, 8, 12),
                                        wider_class="the regret of online gradient descent against u with ‖x_0 − u‖ ≤ D over any "
                                                    "G-Lipschitz convex f_0 … f_{T−1} contains the claim's case f_k = L, u = w⋆",
                                        part="performance estimation", note="normalised G = D = 1 (the bound is homogeneous)"),
                  step216, step220, step224, step228, step232, step236a, step236b, step240, compose24]),
    claim(None, 212, "random iterate of gradient descent", "inequality",
          "E[L(ŵ) − L(w⋆)] ≤ GD/√T, ŵ uniform on w_1 … w_T", hypotheses=[_HYP24[0], _HYP24[2]],
          checks=[InstanceSearch(Measured(gd_convex_lipschitz, "avg_gap"), sp.Symbol("G") * sp.Symbol("D") / sp.sqrt(sp.Symbol("T")))]),
    *[claim(None, s.line, f"proof of Theorem 2.4, line {s.line}", "identity" if s.rel == "==" else "inequality",
            f"{s.lhs} {s.rel} {s.rhs}", hypotheses=_HYP24[:2] + [_STEP_HYP[s.line]], checks=[s.check])
      for s in (step216, step220, step224, step228, step232)],
    claim(None, 236, "proof of Theorem 2.4, line 236: telescoping, then ‖w_1 − w⋆‖ ≤ D", "inequality",
          "Σ_t (…)/(2η) + ηG²/2 = (‖w_1 − w⋆‖² − ‖w_{T+1} − w⋆‖²)/(2η) + ηTG²/2 ≤ D²/(2η) + ηTG²/2",
          hypotheses=_HYP24[:2] + [_STEP_HYP[236]], checks=[step236a.check, step236b.check]),
    claim(None, 244, "proof of Theorem 2.4, lines 240–244: η = D/(G√T), then the random iterate", "inequality",
          "D²/(2η) + ηTG²/2 = DG√T at η = D/(G√T); E[L(ŵ) − L(w⋆)] = (1/T)Σ_t L(w_t) − L(w⋆) ≤ GD/√T", end_line=244,
          printed="\\frac{1}{T} \\sum_{t=1}^T \\mathcal{L}(\\mathbf{w}_t) - \\mathcal{L}(\\mathbf{w}_\\star) \\leq \\frac{GD}{\\sqrt{T}}",
          hypotheses=_HYP24, checks=[step240.check,
                                     ParameterChoice(final_bound, eta, eta_24, {G: closed(sp.Rational(1, 10), 10), D: closed(sp.Rational(1, 10), 10),
                                                                                T: closed(1, 1000)}, (sp.Rational(1, 10**4), 100),
                                                     part="η = D/(G√T) minimises D²/(2η) + ηTG²/2 (line 252)"),
                                     InstanceSearch(Measured(gd_convex_lipschitz, "avg_gap"), sp.Symbol("G") * sp.Symbol("D") / sp.sqrt(sp.Symbol("T")),
                                                    part="the random iterate")]),
]
