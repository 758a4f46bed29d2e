"""003 §5 (lines 812–985): non-convex gradient descent on smooth losses — Definitions 5.1, 5.4, 5.5, Proposition 5.2,
Theorem 5.3, Lemmas 5.6–5.7, Theorem 5.8 with its proof, §5.1 (the upper-bound view, Proposition 5.9)."""

import sympy as sp

from optverify import (Corrected, Identity, InstanceSearch, Measured, NamedLemma, NotCheckable, ParameterChoice,
                       ProofComposition, ProofStep, Pseudocode, Semialgebraic, closed)
from optverify.claims.ec500_notes_003._common import T, claim, eta
from optverify.claims.ec500_notes_003.s02_gradient_descent import POS, R, _VEC, Ls, Lt, dot, gv, sum_of_steps, wt, ws
from optverify.counterexamples.families.ec500_descent import gd_smooth_well, moreau_of_minus_abs, smooth_well_point

S = sp.Symbol
# ---------------------------------------------------------------- Proposition 5.2's proof, line 827: an instance
a_, b_ = sp.symbols("a b", real=True)
L_bilinear = a_ * b_  # 1-smooth: ∇²L = ((0, 1), (1, 0)), ‖·‖_op = 1
Hess = sp.hessian(L_bilinear, (a_, b_))
v_e1 = sp.Matrix([1, 0])
v1, v2, h11, h12, h22 = sp.symbols("v_1 v_2 h_11 h_12 h_22", real=True)
A_sym = sp.Matrix([[h11, h12], [h12, h22]])
vv = sp.Matrix([v1, v2])
Av = A_sym * vv

# ---------------------------------------------------------------- line 833: the mean value theorem for ∇L
s_ = S("s", real=True)
L_mvt = -(1 + sp.sin(b_)) * sp.cos(a_)  # bounded Hessian: |∂aa| ≤ 2, |∂ab|, |∂bb| ≤ 1, so ‖∇²L‖_op ≤ 3
grad_mvt = sp.Matrix([sp.diff(L_mvt, a_), sp.diff(L_mvt, b_)])
hess_mvt = sp.hessian(L_mvt, (a_, b_))
x_pt, y_pt = sp.Matrix([2 * sp.pi, 0]), sp.Matrix([0, 0])
z_s = y_pt + s_ * (x_pt - y_pt)
at = lambda M, p: M.subs({a_: p[0], b_: p[1]})  # noqa: E731
mvt_residual = (at(grad_mvt, x_pt) - at(grad_mvt, y_pt) - at(hess_mvt, z_s) * (x_pt - y_pt))
mvt_integral = sp.integrate(at(hess_mvt, z_s) * (x_pt - y_pt), (s_, 0, 1))

# ---------------------------------------------------------------- Lemma 5.6's proof on a polynomial instance
w, v, t_ = sp.symbols("w v t", real=True)
Lpoly = w**3 / 3 + w**2
Lp = sp.diff(Lpoly, w)
ftc = Lpoly.subs(w, w) + sp.integrate(Lp.subs(w, w + t_ * v) * v, (t_, 0, 1))
Hs, vn, dg = sp.symbols("H v_norm grad_diff", nonnegative=True)

# ---------------------------------------------------------------- Lemma 5.7 and Theorem 5.8: one step, symbolic
Lw, Lnext, g2s, es = sp.symbols("L_t L_next g2 eta", real=True)
Hp = S("H", positive=True)
lem57 = Lw - (1 - Hp * es / 2) * es * g2s
Delta = S("Delta", nonnegative=True)
L1, LT1, Linf, Sg2 = sp.symbols("L_1 L_T1 L_inf Sum_g2", real=True)
k_ = S("k", integer=True, positive=True)
Lseq = sp.Function("Lseq")
xg = sp.Function("x")
i_ = S("i", integer=True, positive=True)

_HYP58 = ["L H-smooth (Definition 5.1), η ≤ 1/H, Δ = L(w_1) − inf L, w_1 … w_T the iterates of gradient descent",
          "instances: L(w) = c w²/2 − a e^{−bw²/2} on R (H = c + ab exactly, inf L = −a at 0, non-convex for "
          "c < 2ab e^{−3/2}), η = frac/H with frac ∈ (0, 1], T ≤ 12 quick"]
s_step = ProofStep(935, Sg2, "<=", 2 / es * (L1 - LT1),
                   Semialgebraic(Sg2, "<=", 2 / es * (L1 - LT1), {Sg2: R, L1: R, LT1: R, es: POS}, given=(LT1 - L1 <= -es / 2 * Sg2,)),
                   part="proof, line 935 (rearranged)")
s_delta = ProofStep(935, 2 / es * (L1 - LT1), "<=", 2 * Delta / es,
                    Semialgebraic(2 / es * (L1 - LT1), "<=", 2 * Delta / es, {L1: R, LT1: R, Linf: R, es: POS, Delta: closed(0, sp.oo)},
                                  given=(sp.Eq(Delta, L1 - Linf), LT1 >= Linf)), part="proof, line 935 (L(w_{T+1}) ≥ inf L)")
compose58 = ProofComposition(Sg2, "<=", 2 * Delta / es, (s_step, s_delta), part="proof composes (line 935)")
s_tele = sp.Sum(Lseq(k_ + 1) - Lseq(k_), (k_, 1, T))

CLAIMS = [
    claim("Def 5.1", 817, "H-smooth", "definition", "‖∇L(x) − ∇L(y)‖ ≤ H‖x − y‖", end_line=819,
          checks=[NotCheckable("a definition (read with W = R^d, as line 71 fixes for the course)")]),
    claim("Prop 5.2", 823, "smooth iff bounded Hessian", "property", "L H-smooth ⟺ ‖∇²L(w)‖_op ≤ H for all w",
          hypotheses=["instances of the well family: H = sup|L''| = c + ab; both directions sampled: |∇L(w + v) − ∇L(w)| ≤ H|v| "
                      "and |L''(w)| ≤ H"],
          checks=[InstanceSearch(Measured(smooth_well_point, "grad_diff"), S("H_v"), part="bounded Hessian ⇒ smooth"),
                  InstanceSearch(Measured(smooth_well_point, "hess_abs"), S("H"), part="smooth with H ⇒ Hessian ≤ H")]),
    claim(None, 827, "‖∇²L(x)v‖ = |f''(0)|", "identity", "‖∇²L(x)v‖ = |f''(0)| = … ≤ H", end_line=827,
          hypotheses=["f(t) = L(x + tv), so f''(0) = vᵀ∇²L(x)v; instance L(a, b) = ab (1-smooth), v = (1, 0)"],
          checks=[Identity((Hess * v_e1).norm(), sp.Abs((v_e1.T * Hess * v_e1)[0]), part="first equality")],
          notes="f''(0) is the scalar vᵀ∇²L v, not the vector ∇²L v the proof writes before the display",
          corrected=Corrected("|vᵀ∇²L(x)v| = |f''(0)| ≤ H for unit v, and ‖∇²L‖_op = max_{‖v‖=1} |vᵀ∇²L v| for symmetric ∇²L",
                              "the quadratic form, not ‖∇²L v‖, is |f''(0)|; |vᵀAv| ≤ ‖Av‖ for unit v",
                              checks=[Semialgebraic(sp.Abs((vv.T * Av)[0]), "<=", sp.sqrt((Av.T * Av)[0]),
                                                    {v1: R, v2: R, h11: R, h12: R, h22: R}, given=(sp.Eq(v1**2 + v2**2, 1),))])),
    claim(None, 833, "mean value theorem for the gradient", "identity",
          "∇L(x) = ∇L(y) + ∇²L(z)(x − y) for some z on the segment",
          hypotheses=["‖∇²L(w)‖_op ≤ H for all w (the case of the proof): instance L(a, b) = −(1 + sin b) cos a, whose second "
                      "derivatives are bounded by 2, 1, 1 (‖∇²L‖_op ≤ 3 = H); x = (2π, 0), y = 0, z = s·x, s ∈ [0, 1]: ∇L(x) − ∇L(y) = 0 while "
                      "∇²L(z)(x − y) = 2π(cos 2πs, sin 2πs); the residual's squared norm is 4π² for every s, so no z on the segment works"],
          checks=[Identity((mvt_residual.T * mvt_residual)[0], 0, domain={s_: closed(0, 1)})],
          notes="the mean value theorem does not hold for vector-valued maps; the conclusion ‖∇L(x) − ∇L(y)‖ ≤ H‖x − y‖ "
                "still follows from the integral form",
          corrected=Corrected("∇L(x) − ∇L(y) = ∫_0^1 ∇²L(y + s(x − y))(x − y) ds", "fundamental theorem of calculus",
                              checks=[Identity(mvt_integral[i], (at(grad_mvt, x_pt) - at(grad_mvt, y_pt))[i], part=f"coordinate {i}")
                                      for i in range(2)])),
    claim("Thm 5.3", 839, "smoothing by the Moreau envelope", "property",
          "L̂(x) = inf_y L(y) + (H/2)‖x − y‖² is H-smooth and G-Lipschitz, and |L̂(x) − L(x)| ≤ G²/H", end_line=845,
          hypotheses=["L G-Lipschitz on R^d (not assumed convex, as printed), any H > 0",
                      "instance: L(y) = −G|y|: L̂(x) = −G|x| − G²/(2H), whose gradient jumps by 2G at 0; the search draws x, y "
                      "and compares |∇L̂(x) − ∇L̂(y)| with H|x − y| (∇L̂(x) = H(x − y*(x)) at the unique minimiser, x ≠ 0)"],
          checks=[InstanceSearch(moreau_of_minus_abs, S("H_dist"), part="H-smooth"),
                  InstanceSearch(Measured(moreau_of_minus_abs, "lip_ratio"), S("G"), part="G-Lipschitz"),
                  InstanceSearch(Measured(moreau_of_minus_abs, "gap_x"), S("G2_over_H"), part="|L̂ − L| ≤ G²/H")],
          notes="the envelope of a non-convex Lipschitz function need not be differentiable",
          corrected=Corrected("for convex G-Lipschitz L: L̂ is H-smooth, G-Lipschitz and 0 ≤ L − L̂ ≤ G²/(2H) ≤ G²/H",
                              "the envelope of a convex function has gradient H(x − prox(x)), which is H-Lipschitz (the prox is firmly non-expansive)",
                              checks=[InstanceSearch(moreau_of_minus_abs.bind(sign=1), S("H_dist"), part="H-smooth (L = G|y|)"),
                                      InstanceSearch(Measured(moreau_of_minus_abs.bind(sign=1), "gap_x"), S("G2_over_H") / 2,
                                                     part="|L̂ − L| ≤ G²/(2H) (L = G|y|)")])),
    claim("Def 5.4", 849, "critical point", "definition", "∇L(x) = 0",
          hypotheses=["the assertion of line 851 checked: for convex L a critical point is a minimiser (Definition 2.1 with g = 0)"],
          checks=[Semialgebraic(Ls, ">=", Lt, _VEC, given=(Ls >= Lt + dot(sp.zeros(2, 1), ws - wt),))]),
    claim("Alg 2@L857", 857, "gradient descent (again)", "algorithm", "w_{t+1} = w_t − η∇L(w_t)", end_line=870,
          printed="**Algorithm 2** Gradient Descent",
          hypotheses=["the label 'Algorithm 2' is printed again here for gradient descent (Algorithm 1's update; Algorithm 2 at "
                      "line 287 is SGD); run by the reference engine as heavy ball with β = 0 on w²/2, η = 1/2"],
          checks=[Pseudocode("heavy_ball", {"eta": 0.5, "beta": 0.0})]),
    claim("Def 5.5", 873, "ε-approximate critical point", "definition", "‖∇L(x)‖ ≤ ε",
          checks=[NotCheckable("a definition")]),
    claim("Lem 5.6", 879, "quadratic upper bound", "inequality", "L(w + v) ≤ L(w) + ⟨∇L(w), v⟩ + (H/2)‖v‖²", end_line=881,
          hypotheses=_HYP58[1:], checks=[InstanceSearch(Measured(smooth_well_point, "L_w_plus_v"), S("lemma56_rhs"))]),
    claim(None, 885, "proof of Lemma 5.6: fundamental theorem of calculus, Cauchy–Schwarz", "inequality",
          "L(w + v) = L(w) + ∫⟨∇L(w + tv), v⟩dt = … ≤ L(w) + ⟨∇L(w), v⟩ + ∫‖∇L(w + tv) − ∇L(w)‖‖v‖dt",
          hypotheses=["equalities on L(w) = w³/3 + w² (exact integral); the inequality is Cauchy–Schwarz in R²"],
          checks=[Identity(Lpoly.subs(w, w + v), ftc, part="FTC"),
                  Semialgebraic(dot(gv, wt), "<=", sp.sqrt(dot(gv, gv)) * sp.sqrt(dot(wt, wt)), _VEC, part="Cauchy–Schwarz")]),
    claim(None, 889, "proof of Lemma 5.6: smoothness and ∫t dt", "inequality",
          "≤ … + ∫H‖tv‖‖v‖dt = … + H‖v‖²∫t dt = … + (H/2)‖v‖²",
          hypotheses=["‖∇L(w + tv) − ∇L(w)‖ ≤ Ht‖v‖ (H-smooth), t ∈ [0, 1]"],
          checks=[Semialgebraic(dg * vn, "<=", Hs * t_ * vn * vn, {dg: closed(0, sp.oo), vn: closed(0, sp.oo), Hs: closed(0, sp.oo),
                                                                    t_: closed(0, 1)}, given=(dg <= Hs * t_ * vn,), part="smoothness"),
                  Identity(sp.integrate(Hs * t_ * vn**2, (t_, 0, 1)), Hs / 2 * vn**2, part="∫_0^1 t dt = 1/2")]),
    claim("Lem 5.7", 895, "one step of gradient descent", "inequality",
          "L(w_{t+1}) ≤ L(w_t) − (1 − Hη/2)η‖∇L(x_t)‖²", end_line=897,
          hypotheses=["reading: x_t is w_t", "any η > 0 sampled as frac/H, frac ∈ (0, 1]"] + _HYP58[1:],
          checks=[InstanceSearch(Measured(smooth_well_point, "L_next"), S("lemma57_rhs"))]),
    claim(None, 901, "Lemma 5.7 for η ≤ 1/H", "inequality", "L(w_{t+1}) ≤ L(w_t) − (η/2)‖∇L(w_t)‖²",
          hypotheses=["0 < η ≤ 1/H"] + _HYP58[1:],
          checks=[InstanceSearch(Measured(smooth_well_point, "L_next"), S("lemma57b_rhs"), part="instances"),
                  Semialgebraic(lem57, "<=", Lw - es / 2 * g2s, {Lw: R, g2s: closed(0, sp.oo), es: POS, Hp: POS},
                                given=(es <= 1 / Hp,), part="from the first statement")]),
    claim(None, 905, "proof of Lemma 5.7: Lemma 5.6 at v = w_{t+1} − w_t", "inequality",
          "L(w_{t+1}) ≤ L(w_t) + ⟨∇L(w_t), w_{t+1} − w_t⟩ + (H/2)‖w_{t+1} − w_t‖²", hypotheses=_HYP58[1:],
          checks=[InstanceSearch(Measured(smooth_well_point, "L_next"), S("lemma57_rhs"))]),
    claim(None, 909, "proof of Lemma 5.7: w_{t+1} − w_t = −η∇L(w_t)", "identity",
          "= L(w_t) − η‖∇L‖² + (H/2)η²‖∇L‖² = L(w_t) − (1 − Hη/2)η‖∇L(w_t)‖²",
          checks=[Identity(Lw + dot(gv, -es * gv) + Hp / 2 * dot(es * gv, es * gv), Lw - es * dot(gv, gv) + Hp / 2 * es**2 * dot(gv, gv),
                           part="first equality"),
                  Identity(Lw - es * g2s + Hp / 2 * es**2 * g2s, lem57, part="second equality")]),
    claim("Thm 5.8", 917, "gradient descent finds critical points", "inequality", "Σ_{t=1}^T ‖∇L(w_t)‖² ≤ 2Δ/η",
          end_line=919, hypotheses=_HYP58, symbols={"eta": eta, "Delta": S("Delta", positive=True)}, bound=2 * S("Delta", positive=True) / eta,
          checks=[InstanceSearch(Measured(gd_smooth_well, "sum_g2"), S("thm58_rhs")), s_step, s_delta, compose58]),
    claim(None, 923, "random iterate: expected gradient norm", "inequality", "E‖∇L(ŵ)‖ ≤ √(2HΔ)/√T, η = 1/H",
          hypotheses=_HYP58[:1] + ["instances as above with η = 1/H exactly"],
          checks=[InstanceSearch(Measured(gd_smooth_well, "E_grad_1H"), S("thm58b_rhs"))]),
    claim(None, 927, "proof of Theorem 5.8: Lemma 5.7, rearranged", "inequality",
          "L(w_{t+1}) ≤ L(w_t) − (η/2)‖∇L(w_t)‖²; L(w_{t+1}) − L(w_t) ≤ −(η/2)‖∇L(w_t)‖²",
          checks=[Semialgebraic(Lnext - Lw, "<=", -es / 2 * g2s, {Lnext: R, Lw: R, g2s: closed(0, sp.oo), es: POS},
                                given=(Lnext <= Lw - es / 2 * g2s,))]),
    claim(None, 931, "proof of Theorem 5.8: sum over t", "inequality",
          "Σ_t L(w_{t+1}) − L(w_t) ≤ −Σ_t (η/2)‖∇L(w_t)‖²", hypotheses=["termwise sum, by induction on T"],
          checks=[sum_of_steps]),
    claim(None, 935, "proof of Theorem 5.8: telescoping", "inequality",
          "L(w_{T+1}) − L(w_1) ≤ −Σ(η/2)‖∇L‖²; Σ‖∇L(w_t)‖² ≤ (2/η)(L(w_1) − L(w_{T+1})) ≤ 2Δ/η",
          hypotheses=_HYP58[:1],
          checks=[Identity(s_tele, Lseq(T + 1) - Lseq(1), sequences={Lseq: (-5, 5)}, part="telescoping"),
                  s_step.check, s_delta.check]),
    claim(None, 939, "proof of Theorem 5.8: the random iterate", "inequality",
          "E‖∇L(ŵ)‖² = (1/T)Σ_t ‖∇L(w_t)‖² ≤ 2Δ/(ηT)", hypotheses=_HYP58,
          checks=[InstanceSearch(Measured(gd_smooth_well, "E_grad2"), S("thm58c_rhs"))]),
    claim(None, 943, "Jensen", "inequality", "E‖∇L(ŵ)‖ ≤ √(E‖∇L(ŵ)‖²)",
          hypotheses=["ŵ uniform on T points: (1/T)Σ|x_i| ≤ √((1/T)Σ x_i²), i.e. Σ|x_i| ≤ √T √(Σ x_i²) (Cauchy–Schwarz)"],
          checks=[NamedLemma("Cauchy–Schwarz for sums", {"a": sp.Lambda(i_, 1), "b": sp.Lambda(i_, sp.Abs(xg(i_))), "n": T},
                             sp.Sum(sp.Abs(xg(i_)), (i_, 1, T)), "<=", sp.sqrt(T) * sp.sqrt(sp.Sum(sp.Abs(xg(i_)) ** 2, (i_, 1, T))))]),
    claim(None, 968, "minimising an upper bound descends", "inequality",
          "L(w_{t+1}) ≤ U(w_{t+1}) ≤ U(w_t) = L(w_t)",
          hypotheses=["U ≥ L everywhere, U(w_t) = L(w_t), w_{t+1} minimises U"],
          checks=[Semialgebraic(Lnext, "<=", Lw, {Lnext: R, Lw: R, S("U_next"): R, S("U_t"): R},
                                given=(Lnext <= S("U_next"), S("U_next") <= S("U_t"), sp.Eq(S("U_t"), Lw)))]),
    claim("Prop 5.9", 972, "the quadratic upper bound and its minimiser", "property",
          "L(x) = U_x(x), L(y) ≤ U_x(y), argmin_y U_x(y) = x − ∇L(x)/H", end_line=978,
          hypotheses=["L H-smooth; U_x(y) = L(x) + ⟨∇L(x), y − x⟩ + (H/2)‖x − y‖² (one coordinate for the argmin)"] + _HYP58[1:],
          checks=[Identity(S("L_x") + S("g") * (S("x") - S("x")) + Hp / 2 * (S("x") - S("x")) ** 2, S("L_x"), part="L(x) = U_x(x)"),
                  InstanceSearch(Measured(smooth_well_point, "L_w_plus_v"), S("lemma56_rhs"), part="L(y) ≤ U_x(y)"),
                  ParameterChoice(S("L_x") + S("g") * (S("y") - S("x")) + Hp / 2 * (S("x") - S("y")) ** 2, S("y"),
                                  S("x") - S("g") / Hp, {Hp: closed(sp.Rational(1, 10), 10), S("g"): closed(-10, 10),
                                                         S("x"): closed(-10, 10), S("L_x"): closed(-10, 10)}, (-200, 200),
                                  part="argmin")]),
    claim(None, 982, "first-order condition for the argmin", "identity", "0 = ∇L(x) − H(x − y)",
          hypotheses=["the derivative in y of U_x(y) = L(x) + g(y − x) + (H/2)(x − y)², g = ∇L(x)"],
          checks=[Identity(sp.diff(S("L_x") + S("g") * (S("y") - S("x")) + Hp / 2 * (S("x") - S("y")) ** 2, S("y")),
                           S("g") - Hp * (S("x") - S("y")))]),
]
