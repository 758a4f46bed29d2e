"""003 §22 (lines 3120–3277): stochastic strongly convex optimisation (Theorem 22.1, Lemma 21.5 printed again),
almost convexity (Definition 22.2), Theorem 22.3 and the regularised method for almost convex losses."""

from __future__ import annotations

import sympy as sp

import optverify as ov
from optverify.claims.ec500_notes_003._common import D, G, H, T, claim, mu, t
from optverify.claims.ec500_notes_003.s21_regularization import ALONG_MU
from optverify.counterexamples.families.regularized_gd import strongly_convex_quadratic, strongly_convex_softplus
from optverify.counterexamples.strongly_convex_sgd import StronglyConvexSGD
from optverify.notation import eps, gamma

R = sp.Rational
real = lambda name: sp.Symbol(name, real=True)  # noqa: E731
nn = lambda name: sp.Symbol(name, nonnegative=True)  # noqa: E731
pos = lambda name: sp.Symbol(name, positive=True)  # noqa: E731

gap1 = pos("Delta_1")
N_ = sp.Symbol("N", integer=True, positive=True)
BOUND_221 = G**2 * (sp.log(T) + 1) / (2 * mu)
eta = pos("eta_t")
# ‖w_t − w_⋆‖², ‖w_{t+1} − w_⋆‖², ‖∇ℓ‖², ⟨∇ℓ, w_t − w_⋆⟩, L(w_t) − L(w_⋆)
dt, dn, gl, gdot, gap = nn("d_t"), nn("d_next"), nn("g2"), real("ip"), real("gap")
BOX = {dt: ov.closed(0, 100), dn: ov.closed(0, 100), gl: ov.closed(0, 100), gdot: ov.closed(-100, 100), gap: ov.closed(-100, 100),
       eta: ov.left_open(0, 10), mu: ov.left_open(0, 10), G: ov.left_open(0, 10)}
_SGD_HYP = ["projected SGD with η_t = 1/(μt) on the ball ‖w‖ ≤ D, ‖w_⋆‖ ≤ D, E‖∇ℓ(w, z)‖² ≤ G² on the ball; checked by Monte "
            "Carlo (StronglyConvexSGD: a quadratic and a non-smooth μ-strongly convex loss, G computed exactly)"]
ws2 = pos("ws_sq")  # ‖w_* − w_1‖² (= ‖w_*‖² from the origin)
C_ = pos("C")
kap = sp.sqrt(mu / H)
N_223 = sp.log(H**2 * ws2 / eps**2) / (C_ * kap)
dh, gF, gLn, Fg = nn("delta_hat"), nn("gradF"), nn("gradL_next"), real("F_gap")  # ‖δ̂_t‖, ‖∇F_t(δ̂_t)‖, ‖∇L(w_{t+1})‖
Del = pos("Delta")  # L(w_1) − L(w_*)
M_ = pos("M")
X_ = sp.Symbol("X", positive=True)  # H²G²/(γ²ε²)

CLAIMS = [
    claim(None, 3124, "deterministic linear rate (recalled)", "inequality",
          "L(w_{T+1}) − L(w_⋆) ≤ exp(−μT/H)(L(w_1) − L(w_⋆))",
          hypotheses=["Theorem 21.6 with t = T: gradient descent, η = 1/H, L μ-strongly convex and H-smooth; performance estimation, "
                      "normalised H = L(w_1) − L(w_⋆) = 1, μ sampled"],
          symbols={"H": H, "mu": mu, "T": T, "Delta_1": gap1}, bound=sp.exp(-mu * T / H) * gap1,
          checks=[ov.PerformanceEstimation("smooth strongly convex", "gradient descent", "last gap", T, rhs=ov.BOUND, L=H, mu=mu,
                                           params={"step": 1 / H}, initial="gap", gap=gap1, constants={H: 1, gap1: 1, mu: R(1, 4)},
                                           horizons=(1, 2, 4, 8), thorough_horizons=(1, 2, 4, 8, 16, 25))]),
    claim(None, 3128, "SGD on convex losses (recalled)", "rate", "(1/T)E[Σ L(w_t) − L(w_⋆)] ≤ O(1/√T)",
          checks=[ov.NotCheckable("recalls an earlier theorem of the notes (its constants are there, not here)")]),
    claim(None, 3132, "SGD with strong convexity: log(T)/(μT)", "rate", "(1/T)E[Σ L(w_t) − L(w_⋆)] ≤ O(log(T)/(μT))",
          hypotheses=_SGD_HYP + ["the O read with the constant of the proof's line 3179: (1/T)·G²(log T + 1)/(2μ)"],
          symbols={"G": G, "mu": mu, "T": T}, bound=BOUND_221 / T,
          checks=[ov.Simulation(StronglyConvexSGD(average=True), ov.BOUND)]),
    claim("Thm 22.1", 3136, "projected SGD with η_t = 1/(μt)", "expectation bound",
          "(1/T)Σ_{t=1}^T E[L(w_t) − L(w_⋆)] ≤ G²(log(T) + 1)/(2μ)", end_line=3142,
          hypotheses=_SGD_HYP, symbols={"G": G, "mu": mu, "T": T}, bound=BOUND_221,
          checks=[ov.Simulation(StronglyConvexSGD(average=True), ov.BOUND)],
          notes="as printed the average is bounded by the bound the proof gives for the sum (line 3179): true but weaker by the "
                "factor T, and not the O(log(T)/(μT)) announced at line 3132"),
    claim(None, 3146, "one projected step", "inequality",
          "‖w_{t+1} − w_⋆‖² ≤ ‖w_t − η_t∇ℓ − w_⋆‖² = … ⇒ ⟨∇ℓ, w_t − w_⋆⟩ ≤ ‖w_t − w_⋆‖²/(2η_t) − ‖w_{t+1} − w_⋆‖²/(2η_t) + η_t‖∇ℓ‖²/2",
          hypotheses=["line 1: projection onto [−D, D] (one coordinate) with |w_⋆| ≤ D is non-expansive; lines 2–3: expansion and "
                      "rearrangement (one coordinate, y = w_t − η_t g)"],
          checks=[ov.Semialgebraic(sp.Abs(sp.Min(sp.Max(real("y"), -D), D) - real("ws")), "<=", sp.Abs(real("y") - real("ws")),
                                   {real("y"): ov.closed(-100, 100), real("ws"): ov.closed(-100, 100), D: ov.left_open(0, 100)},
                                   given=(sp.Abs(real("ws")) <= D,), part="line 1: projection"),
                  ov.Identity((real("w") - eta * real("g") - real("ws")) ** 2,
                              (real("w") - real("ws")) ** 2 - 2 * eta * real("g") * (real("w") - real("ws")) + eta**2 * real("g") ** 2,
                              part="line 2"),
                  ov.Semialgebraic(gdot, "<=", dt / (2 * eta) - dn / (2 * eta) + eta * gl / 2, BOX,
                                   given=(dn <= dt - 2 * eta * gdot + eta**2 * gl,), part="line 3")]),
    claim(None, 3150, "strong convexity, first order (Lemma 21.4 again)", "inequality",
          "L(x) ≥ L(y) + ⟨∇L(y), x − y⟩ + (μ/2)‖x − y‖²",
          hypotheses=["Lemma 21.4's inequality with x and y exchanged; checked on strongly_convex_softplus"],
          checks=[ov.InstanceSearch(strongly_convex_softplus, sp.Symbol("L_y"))]),
    claim(None, 3154, "the gap below the linearisation", "inequality",
          "L(w_t) − L(w_⋆) ≤ ⟨∇L(w_t), w_t − w_⋆⟩ − (μ/2)‖w_t − w_⋆‖², and in expectation with ∇ℓ(w_t, z_t)",
          hypotheses=["line 3150 at x = w_⋆, y = w_t (given); E[∇ℓ(w_t, z_t) | w_t] = ∇L(w_t) makes the expectations equal"],
          checks=[ov.Semialgebraic(gap, "<=", gdot - mu / 2 * dt, BOX, given=(-gap >= -gdot + mu / 2 * dt,))]),
    claim(None, 3158, "strong convexity in the one-step inequality", "inequality",
          "E[L(w_t) − L(w_⋆)] ≤ E[‖w_t − w_⋆‖²/(2η_t) − ‖w_{t+1} − w_⋆‖²/(2η_t) − (μ/2)‖w_t − w_⋆‖² + η_tG²/2]", end_line=3163,
          hypotheses=["lines 3146 and 3154 given (values of the expectations), E‖∇ℓ‖² ≤ G²"],
          checks=[ov.Semialgebraic(gap, "<=", dt / (2 * eta) - dn / (2 * eta) - mu / 2 * dt + eta * G**2 / 2, BOX,
                                   given=(gap <= gdot - mu / 2 * dt, gdot <= dt / (2 * eta) - dn / (2 * eta) + eta * gl / 2, gl <= G**2))]),
    claim(None, 3167, "the magical step size", "identity",
          "at η_t = 1/(μt): … = E[μ‖w_t − w_⋆‖²/(2t) − μ‖w_{t+1} − w_⋆‖²/(2t) − μ‖w_t − w_⋆‖²/2 + G²/(2μt)] = "
          "E[(t − 1)μ‖w_t − w_⋆‖²/2 − tμ‖w_{t+1} − w_⋆‖²/2 + G²/(2μt)]", end_line=3171,
          hypotheses=["the expression of line 3168 at η_t = 1/(μt), compared with each printed line"],
          checks=[ov.Identity((dt / (2 * eta) - dn / (2 * eta) - mu / 2 * dt + eta * G**2 / 2).subs(eta, 1 / (mu * t)),
                              mu * dt / (2 * t) - mu * dn / (2 * t) - mu * dt / 2 + G**2 / (2 * mu * t), part="line 3169"),
                  ov.Identity((dt / (2 * eta) - dn / (2 * eta) - mu / 2 * dt + eta * G**2 / 2).subs(eta, 1 / (mu * t)),
                              (t - 1) * mu * dt / 2 - t * mu * dn / 2 + G**2 / (2 * mu * t), part="line 3170")],
          notes="line 3169 writes μ‖·‖²/(2t) for ‖·‖²/(2η_t) = μt‖·‖²/2; line 3170 is right (from line 3168)",
          corrected=ov.Corrected("line 3169: E[μt‖w_t − w_⋆‖²/2 − μt‖w_{t+1} − w_⋆‖²/2 − μ‖w_t − w_⋆‖²/2 + G²/(2μt)]",
                                 "1/(2η_t) = μt/2", checks=[ov.Identity(
                                     (dt / (2 * eta) - dn / (2 * eta) - mu / 2 * dt + eta * G**2 / 2).subs(eta, 1 / (mu * t)),
                                     mu * t * dt / 2 - mu * t * dn / 2 - mu * dt / 2 + G**2 / (2 * mu * t))])),
    claim(None, 3175, "summed and telescoped", "expectation bound",
          "Σ_{t=1}^T E[L(w_t) − L(w_⋆)] ≤ Σ_t E[(t − 1)μd_t/2 − tμd_{t+1}/2 + G²/(2μt)] = E[−Tμd_{T+1}/2 + Σ G²/(2μt)] ≤ G²(log(T) + 1)/(2μ)",
          end_line=3180,
          hypotheses=_SGD_HYP + ["d_t = ‖w_t − w_⋆‖² as a sequence (telescoping, T ≤ 8); Σ_{t≤T} 1/t ≤ log T + 1"],
          symbols={"G": G, "mu": mu, "T": T}, bound=BOUND_221,
          checks=[ov.Identity(sp.Sum((sp.Symbol("j", integer=True, positive=True) - 1) * mu * sp.Function("d")(sp.Symbol("j", integer=True, positive=True)) / 2
                                     - sp.Symbol("j", integer=True, positive=True) * mu * sp.Function("d")(sp.Symbol("j", integer=True, positive=True) + 1) / 2,
                                     (sp.Symbol("j", integer=True, positive=True), 1, T)),
                              -T * mu * sp.Function("d")(T + 1) / 2, domain={T: ov.integers(1, 8)}, sequences={sp.Function("d"): (0, 5)},
                              part="the telescoping sum"),
                  ov.Inequality(sp.log(X_ + 1) - sp.log(X_), "<=", 1 / X_, {X_: ov.closed(1, 10**6)},
                                part="Σ 1/t ≤ 1 + log T: each 1/t ≥ log(t + 1) − log t, used as 1/t ≤ log t − log(t − 1) (t ≥ 2), "
                                     "checked as log(1 + 1/x) ≤ 1/x"),
                  ov.Simulation(StronglyConvexSGD(average=False), ov.BOUND, part="the sum, by Monte Carlo")]),
    claim("Lem 21.5@L3186", 3186, "strong convexity bounds the gap by the gradient (printed again)", "inequality",
          "L(w) − L(w_⋆) ≤ ‖∇L(w)‖²/(2μ)", end_line=3188,
          hypotheses=["checked on strongly_convex_quadratic (tight along the μ-eigenvector)"],
          symbols={"mu": mu, "grad_sq": nn("grad_sq")}, bound=nn("grad_sq") / (2 * mu),
          checks=[ov.InstanceSearch(strongly_convex_quadratic, ov.BOUND, sharp=ov.Sharp("equality for w − w_* along the eigenvector of μ", ALONG_MU))]),
    claim(None, 3190, "bounded gradients need bounded distances", "inequality",
          "E‖∇ℓ(w, z)‖² ≥ ‖∇L(w)‖² ≥ μ²‖w − w_⋆‖², so no constant G bounds it on all of ℝᵈ",
          printed="This result implies that it is actually impossible to have  $\\mathbb{E}[\\|\\nabla \\ell(\\mathbf{w}, z)\\|^2] \\leq G^2$  for any fixed constant  $G$  unless we also guarantee that  $\\|\\mathbf{w} - \\mathbf{w}_\\star\\|$  is bounded.",
          hypotheses=["Lemma 21.8 (gap ≥ (μ/2)d²) and Lemma 21.5 (gap ≤ ‖∇L‖²/(2μ)) given; E‖∇ℓ‖² ≥ ‖E∇ℓ‖² (Jensen)"],
          checks=[ov.Semialgebraic(gl, ">=", mu**2 * dt, BOX, given=(gap >= mu / 2 * dt, gap <= gl / (2 * mu)))]),
    claim(None, 3192, "smoothness instead of bounded gradients", "qualitative",
          "with smoothness the bounded-gradient assumption can go, at the cost of a factor H/μ",
          printed="adding a smoothness assumption enables us to remove the bounded gradient assumption",
          checks=[ov.NotCheckable("refers to a homework result not printed in the notes")]),
    claim(None, 3198, "the Hessian classes", "definition", "−HI ⪯ ∇²L ⪯ HI; 0 ⪯ ∇²L; μI ⪯ ∇²L", end_line=3200,
          checks=[ov.NotCheckable("definitions (smoothness, convexity, strong convexity in Hessian form)")]),
    claim("Def 22.2", 3204, "γ-almost convexity", "definition", "−γI ⪯ ∇²L(w) for all w", end_line=3206,
          checks=[ov.NotCheckable("a definition; its two consequences (line 3208) are checked")]),
    claim(None, 3208, "smooth ⇒ H-almost convex, convex ⇒ 0-almost convex", "property",
          "every eigenvalue λ of ∇²L with −H ≤ λ is ≥ −γ at γ = H; with 0 ≤ λ at γ = 0",
          printed="Thus, all  $H$ -smooth functions are automatically  $H$ -almost convex, and all convex functions are  $0$ -almost convex.",
          checks=[ov.Semialgebraic(real("ev"), ">=", -H, {real("ev"): ov.closed(-100, 100), H: ov.left_open(0, 100)},
                                   given=(real("ev") >= -H, real("ev") <= H), part="H-smooth"),
                  ov.Semialgebraic(real("ev"), ">=", 0, {real("ev"): ov.closed(-100, 100)}, given=(real("ev") >= 0,), part="convex")]),
    claim(None, 3212, "an accelerated rate (homework)", "existence",
          "an algorithm outputs ŵ with L(ŵ) − L(w_*) ≤ exp(−C√(μ/H)T)·H‖w_* − w_1‖²/2",
          checks=[ov.NotCheckable("the algorithm is a homework exercise, not printed, and C an unspecified absolute constant: "
                                  "nothing exact to run (Theorem 22.3 takes this rate as its hypothesis)")]),
    claim("Thm 22.3", 3218, "a point with small gradient", "inequality",
          "after N = log(H²‖w_* − w_1‖²/ε²)/(C√(μ/H)) iterations: L(ŵ) − L(w_*) ≤ (ε²/(2H))‖∇L(ŵ)‖ ≤ ε", end_line=3220,
          hypotheses=["ŵ is any point with the guarantee of line 3212 (the method is the homework's, not printed), w_1 = 0; checked "
                      "on L = (μ/2)w² in one coordinate, μ ≤ H, where ‖∇L(ŵ)‖² = 2μ(L(ŵ) − L_*), and ŵ at the guaranteed gap "
                      "(a factor θ ∈ (0, 1] of it)"],
          checks=[ov.Semialgebraic(Fg, "<=", eps**2 / (2 * H) * gF,
                                   {Fg: ov.closed(0, 100), gF: ov.closed(0, 100), eps: ov.left_open(0, 10), H: ov.left_open(0, 10),
                                    mu: ov.left_open(0, 10), nn("theta"): ov.left_open(0, 1)},
                                   given=(sp.Eq(Fg, nn("theta") * eps**2 / (2 * H)), sp.Eq(gF**2, 2 * mu * Fg), mu <= H))],
          notes="the displayed chain mixes the two conclusions of the proof",
          corrected=ov.Corrected("L(ŵ) − L(w_*) ≤ ε²/(2H) and ‖∇L(ŵ)‖ ≤ ε",
                                 "the proof shows the gap at most exp(−C√(μ/H)N)H‖w_*‖²/2 = ε²/(2H) and ‖∇L‖² ≤ 2H·gap ≤ ε²",
                                 checks=[ov.Identity(sp.exp(-C_ * kap * N_223) * H * ws2 / 2, eps**2 / (2 * H)),
                                         ov.Semialgebraic(gF, "<=", eps, {gF: ov.closed(0, 100), Fg: ov.closed(0, 100), eps: ov.left_open(0, 10),
                                                                         H: ov.left_open(0, 10)},
                                                          given=(gF**2 <= 2 * H * Fg, Fg <= eps**2 / (2 * H)))])),
    claim(None, 3224, "Theorem 22.3's proof", "inequality",
          "‖∇L(ŵ)‖² ≤ 2H(L(ŵ) − L(w_*)) ≤ 2H exp(−C√(μ/H)N)H‖w_*‖²/2 = ε²",
          hypotheses=["line 1 is the smoothness fact recalled at line 3222; w_1 = 0 so ‖w_* − w_1‖ = ‖w_*‖"],
          checks=[ov.Identity(2 * H * sp.exp(-C_ * kap * N_223) * H * ws2 / 2, eps**2)]),
    claim(None, 3228, "the regularised subproblem", "inequality",
          "∇²F_t = ∇²L + 2γI ⪰ γI when ∇²L ⪰ −γI; ‖δ_*‖ ≤ G/(2γ) from ∇L + 2γδ_* = 0",
          printed="Note that so long as  $\\mathcal{L}$  is  $\\gamma$ -strongly-convex, the hessian of this function satisfies",
          hypotheses=["'γ-strongly-convex' read as γ-almost convex (Definition 22.2: what the next words use); ∇L(δ_*) read as "
                      "∇L(w_t + δ_*); eigenvalues and norms as reals"],
          checks=[ov.Semialgebraic(real("ev") + 2 * gamma, ">=", gamma, {real("ev"): ov.closed(-100, 100), gamma: ov.left_open(0, 100)},
                                   given=(real("ev") >= -gamma,), part="γ-strong convexity of F_t"),
                  ov.Semialgebraic(dh, "<=", G / (2 * gamma), {dh: ov.closed(0, 100), nn("gl"): ov.closed(0, 100), G: ov.left_open(0, 100),
                                                              gamma: ov.left_open(0, 100)},
                                   given=(sp.Eq(nn("gl"), 2 * gamma * dh), nn("gl") <= G), part="‖δ_*‖ ≤ G/(2γ)")]),
    claim(None, 3230, "Theorem 22.3 applied to F_t", "identity",
          "with N = log(9H²G²/(4γ²ε²))/(C√(2γ/(6H))): F_t(δ̂) − F_t(δ_*) ≤ ε²/(6H), ‖∇F_t(δ̂)‖ ≤ ε", end_line=3232,
          hypotheses=["Theorem 22.3 in its corrected form for F_t: γ-strongly convex, 3H-smooth, ‖δ_* − 0‖ ≤ G/(2γ)"],
          checks=[ov.Identity(N_223.subs({H: 3 * H, mu: gamma, ws2: G**2 / (4 * gamma**2)}),
                              sp.log(9 * H**2 * G**2 / (4 * gamma**2 * eps**2)) / (C_ * sp.sqrt(2 * gamma / (6 * H))), part="N"),
                  ov.Identity((eps**2 / (2 * H)).subs(H, 3 * H), eps**2 / (6 * H), part="the gap")]),
    claim(None, 3238, "progress of one outer step", "inequality",
          "L(w_t) − L(w_{t+1}) = F_t(0) − F_t(δ̂_t) + γ‖δ̂_t‖² ≥ F_t(δ_{t,*}) − F_t(δ̂_t) + γ‖δ̂_t‖², summed: "
          "L(w_1) − L(w_*) + Tε²/(6H) ≥ γΣ‖δ̂_t‖²", end_line=3244,
          hypotheses=["F_t(δ) = L(w_t + δ) + γ‖δ‖², w_{t+1} = w_t + δ̂_t; F_t(δ_{t,*}) ≤ F_t(0); L(w_{T+1}) ≥ L(w_*); "
                      "F_t(δ̂_t) − F_t(δ_{t,*}) ≤ ε²/(6H) (line 3232); one step: values as reals"],
          checks=[ov.Identity(real("Lt") - real("Ln"), (real("Lt") + 0) - (real("Ln") + gamma * dh**2) + gamma * dh**2, part="line 2"),
                  ov.Semialgebraic(real("Lt") - real("Ln"), ">=", real("Fs") - (real("Ln") + gamma * dh**2) + gamma * dh**2,
                                   {real("Lt"): ov.closed(-100, 100), real("Ln"): ov.closed(-100, 100), real("Fs"): ov.closed(-100, 100),
                                    dh: ov.closed(0, 10), gamma: ov.left_open(0, 10)}, given=(real("Fs") <= real("Lt"),), part="line 3"),
                  ov.Semialgebraic(real("L1") - real("Ls") + T * eps**2 / (6 * H), ">=", gamma * real("S"),
                                   {real("L1"): ov.closed(-100, 100), real("Ls"): ov.closed(-100, 100), real("LT"): ov.closed(-100, 100),
                                    real("S"): ov.closed(0, 100), real("Fsum"): ov.closed(0, 100), gamma: ov.left_open(0, 10),
                                    eps: ov.left_open(0, 10), H: ov.left_open(0, 10), T: ov.integers(1, 100)},
                                   given=(real("L1") - real("LT") + real("Fsum") >= gamma * real("S"), real("LT") >= real("Ls"),
                                          real("Fsum") <= T * eps**2 / (6 * H)), part="lines 4–5 (summed)")]),
    claim(None, 3248, "the gradient at the new point", "inequality",
          "ε ≥ ‖∇F_t(δ̂_t)‖ = ‖∇L(w_{t+1}) + 2γδ̂_t‖ ⇒ ε + 2γ‖δ̂‖ ≥ ‖∇L(w_{t+1})‖ ⇒ 2ε² + 8γ²‖δ̂‖² ≥ ‖∇L‖² ⇒ "
          "ε²/(4γ) + γ‖δ̂‖² ≥ ‖∇L(w_{t+1})‖²/(8γ)", end_line=3254,
          hypotheses=["triangle inequality (given as the second line); norms as reals"],
          checks=[ov.Semialgebraic(eps**2 / (4 * gamma) + gamma * dh**2, ">=", gLn**2 / (8 * gamma),
                                   {eps: ov.left_open(0, 10), gamma: ov.left_open(0, 10), dh: ov.closed(0, 10), gLn: ov.closed(0, 100)},
                                   given=(eps + 2 * gamma * dh >= gLn,))]),
    claim(None, 3258, "summing the gradients", "inequality",
          "Σ‖∇L(w_{t+1})‖²/(8γ) ≤ Δ + Tε²/(6H) + Tε²/(4γ) ⇒ Σ‖∇L‖² ≤ 8γΔ + 4Tγε²/(3H) + 2Tε² ⇒ "
          "(1/T)Σ‖∇L‖² ≤ γΔ/T + 4γε²/(3H) + 2ε² ≤ γΔ/T + 4ε²", end_line=3263,
          hypotheses=["Δ = L(w_1) − L(w_*); S = Σ_t ‖∇L(w_{t+1})‖²; lines 3244 and 3254 given; the last step needs γ ≤ 3H/2 "
                      "(γ ≤ H: an H-smooth L is H-almost convex)"],
          checks=[ov.Identity(8 * gamma * (Del + T * eps**2 / (6 * H) + T * eps**2 / (4 * gamma)),
                              8 * gamma * Del + 4 * T * gamma * eps**2 / (3 * H) + 2 * T * eps**2, part="line 2"),
                  ov.Semialgebraic(nn("S") / T, "<=", gamma * Del / T + 4 * gamma * eps**2 / (3 * H) + 2 * eps**2,
                                   {nn("S"): ov.closed(0, 1000), Del: ov.left_open(0, 10), gamma: ov.left_open(0, 10), eps: ov.left_open(0, 10),
                                    H: ov.left_open(0, 10), T: ov.integers(1, 100)},
                                   given=(nn("S") <= 8 * gamma * Del + 4 * T * gamma * eps**2 / (3 * H) + 2 * T * eps**2, gamma <= H),
                                   part="line 3"),
                  ov.Semialgebraic(4 * gamma * eps**2 / (3 * H) + 2 * eps**2, "<=", 4 * eps**2,
                                   {gamma: ov.left_open(0, 10), eps: ov.left_open(0, 10), H: ov.left_open(0, 10)}, given=(gamma <= H,),
                                   part="line 4")],
          notes="line 3 divides 8γΔ by T and drops the 8; the conclusions of lines 3267 and 3271 inherit it",
          corrected=ov.Corrected("(1/T)Σ‖∇L(w_{t+1})‖² ≤ 8γΔ/T + 4γε²/(3H) + 2ε² ≤ 8γΔ/T + 4ε²", "8γΔ/T, not γΔ/T",
                                 checks=[ov.Semialgebraic(nn("S") / T, "<=", 8 * gamma * Del / T + 4 * eps**2,
                                                          {nn("S"): ov.closed(0, 1000), Del: ov.left_open(0, 10), gamma: ov.left_open(0, 10),
                                                           eps: ov.left_open(0, 10), H: ov.left_open(0, 10), T: ov.integers(1, 100)},
                                                          given=(nn("S") <= 8 * gamma * Del + 4 * T * gamma * eps**2 / (3 * H) + 2 * T * eps**2,
                                                                 gamma <= H))])),
    claim(None, 3265, "the choice of ε", "identity", "ε = √(γΔ/T) gives (1/T)Σ‖∇L(w_{t+1})‖² ≤ 5γΔ/T", end_line=3267,
          hypotheses=["from the printed line 3262 (γΔ/T + 4ε²); with its corrected 8γΔ/T the constant is 12"],
          checks=[ov.Identity((gamma * Del / T + 4 * eps**2).subs(eps, sp.sqrt(gamma * Del / T)), 5 * gamma * Del / T)],
          notes="holds given line 3262 as printed, which drops a factor 8 (see L3258): with it the bound is 12γΔ/T"),
    claim(None, 3271, "the rate in total gradient evaluations", "inequality",
          "with M = NT: 5γΔ/(M/N) ≤ (5γΔ/M)·log(H²G²/(γ²ε²))/(C√(γ/(2H))) ≤ (4γΔ/M)·log(H²G²T/(γ³Δ))/(C√(γ/(2H))) = "
          "O(√(γH) log(HGM/γ)/M)", end_line=3276,
          hypotheses=["N is the inner iteration count of line 3230, log(9H²G²/(4γ²ε²))/(C√(2γ/(6H))); X = H²G²/(γ²ε²) ≥ 1; "
                      "ε² = γΔ/T in line 3 (so X = H²G²T/(γ³Δ))"],
          checks=[ov.Identity(5 * gamma * Del / (M_ / N_), 5 * gamma * Del * N_ / M_, part="line 1"),
                  ov.Inequality(sp.log(R(9, 4) * X_) * sp.sqrt(3), "<=", sp.log(X_) * sp.sqrt(2), {X_: ov.closed(1, 10**6)},
                                part="line 2: N ≤ log(X)/(C√(γ/(2H))), i.e. log(9X/4)/√(γ/(3H)) ≤ log(X)/√(γ/(2H))"),
                  ov.Semialgebraic(5 * nn("Q"), "<=", 4 * nn("Q"), {nn("Q"): ov.left_open(0, 100)}, part="line 3: the constant 5 becomes 4"),
                  ov.Identity(gamma / sp.sqrt(gamma / (2 * H)), sp.sqrt(2) * sp.sqrt(gamma * H), part="line 4: γ/√(γ/(2H)) = √2·√(γH)")],
          notes="line 2 replaces N by a smaller count (drops 9/4 in the log and uses √(γ/(2H)) for √(γ/(3H))) and line 3 turns "
                "5 into 4; with line 3258's lost 8 the constant is 12"),
]
