"""003 §21 (lines 2952–3118): regularisation and optimisation: Lemmas 21.1, 21.2, 21.4, 21.5, 21.7, 21.8, Definition 21.3,
Theorem 21.6, and how much regularisation to add (the rate on L + (λ/2)‖w‖² carried back to L)."""

from __future__ import annotations

import sympy as sp

import optverify as ov
from optverify.claims.ec500_notes_003._common import G, H, claim, mu, t
from optverify.counterexamples.families.regularized_gd import regularized_gd, strongly_convex_quadratic, strongly_convex_softplus
from optverify.notation import lam

# w − w_* along the eigenvector of the smallest curvature μ (w_1 = b_1): the equality case of Lemmas 21.5 and 21.8
ALONG_MU = {"mu": 1.0, "kappa": 4.0, "b1": 0.0, "b2": 0.0, "w1": 0.0, "w2": 1.0}

R = sp.Rational
pos = lambda name: sp.Symbol(name, positive=True)  # noqa: E731
nn = lambda name: sp.Symbol(name, nonnegative=True)  # noqa: E731
real = lambda name: sp.Symbol(name, real=True)  # noqa: E731

lam1, lam2 = nn("lambda_1"), nn("lambda_2")
L1, L2 = real("L_1"), real("L_2")  # L(w_*^{λ1}), L(w_*^{λ2})
n1, n2 = nn("n_1"), nn("n_2")  # ‖w_*^{λ1}‖², ‖w_*^{λ2}‖²
ws_sq, wl_sq = nn("ws_sq"), nn("wl_sq")  # ‖w_*‖², ‖w_*^λ‖²
gap1 = pos("Delta_1")  # L(w_1) − L(w_*)
N = sp.Symbol("N", integer=True, nonnegative=True)  # steps taken: w_{N+1}
x_, kk = sp.symbols("x k", real=True)

# ---------------------------------------------------------------- Lemma 21.4's converse (line 3008), Lemma 21.5's inf (line 3024)
fh, f0, fph, fp0, dl2, h_ = real("f_h"), real("f_0"), real("fp_h"), real("fp_0"), nn("delta_sq"), real("h")
gnorm, dnorm, gdot = nn("g"), nn("delta"), real("g_dot_delta")

# ---------------------------------------------------------------- how much regularisation (lines 3082–3114)
Lt, Ls, Ll = real("L_t"), real("L_s"), real("L_l")  # L(w_t), L(w_*), L(w_*^λ)
nt = nn("n_t")  # ‖w_t‖²
kap = lam / (H + lam)
F_RATE_PRINTED = sp.exp(-kap * t) * sp.Symbol("F_gap1")
F_RATE_SHIFTED = sp.exp(-kap * (t - 1)) * sp.Symbol("F_gap1")
L_RATE_PRINTED = sp.exp(-kap * t) * sp.Symbol("L_gap1") + lam / 2 * wl_sq
L_RATE_SHIFTED = sp.exp(-kap * (t - 1)) * sp.Symbol("L_gap1") + lam / 2 * wl_sq
L3102 = ws_sq / 2 * (H * sp.exp(-kap * t) + lam)
lam_choice = 2 * H / t * sp.log(t / 2)
L3114 = ws_sq / 2 * (2 * H / t + 2 * H * sp.log(t / 2) / t)
_GD_HYP = ["L(w) = ½Σ a_i(w_i − b_i)² with H = a_1 ≥ a_2 = r·a_1 > 0, r ≥ 10⁻³ (convex, H-smooth, w_* = b): checked on regularized_gd, exact "
           "gradient descent with η = 1/(H + λ) on F = L + (λ/2)‖w‖² from w_1 = 0 ('let us suppose we start at w_1 = 0 and use "
           "gradient descent on the loss L(w) + λ/2‖w‖²', line 3084); w_t is the iterate after t − 1 steps"]
_SHIFT = "Theorem 21.6 bounds w_{t+1}, after t steps, by exp(−μt/H); applied to w_t (after t − 1 steps) the exponent is t − 1"
_PEP_NOTE = ("performance estimation over every λ-strongly convex (H + λ)-smooth F (gradient descent on L + (λ/2)‖·‖² with L convex "
             "H-smooth is gradient descent on that class, a wider class); from F(w_1) − F* ≤ 1, normalised H + λ = 1")



def _lemma_215_proof():
    """Lemma 21.5's printed proof (line 3024) with Lemma 21.4 at (w, w_*) as its input; norms g = ‖∇L(w)‖, δ = ‖w_* − w‖ and
    ip = ⟨∇L(w), w_* − w⟩ ≥ −gδ; the chain L(w_*) ≥ … ≥ L(w) − g²/(2μ) is the statement rearranged."""
    Lw, Lst = real("L_w"), real("L_star")
    box = {Lw: ov.closed(-100, 100), Lst: ov.closed(-100, 100), gdot: ov.closed(-100, 100), dnorm: ov.closed(0, 100),
           gnorm: ov.closed(0, 100), mu: ov.left_open(0, 10)}
    r1 = Lw + gdot + mu / 2 * dnorm**2
    r3 = Lw - gnorm**2 / (2 * mu)
    s2 = ov.ProofStep(3024, r3, "<=", r1, ov.Semialgebraic(r3, "<=", r1, box, given=(gdot >= -gnorm * dnorm,)),
                      part="proof, line 3024 (the infimum over δ)")
    s1 = ov.ProofStep(3024, r1, "<=", Lst, ov.Semialgebraic(r1, "<=", Lst, box, given=(Lst >= r1,)),
                      note="Lemma 21.4 at (w, w_*), taken as given (Lemma 21.4 is decided by its own checks)")
    return [s2, s1, ov.ProofComposition(r3, "<=", Lst, (s2, s1),
                                        note="L(w) − ‖∇L(w)‖²/(2μ) ≤ L(w_*), the statement rearranged, read from the last line up")]


def _lemma_218_proof():
    """Lemma 21.8's printed proof (lines 3066–3070): Lemma 21.4 at (w_*, w), then ∇L(w_*) = 0."""
    Lw, Lst, d2 = real("L_w"), real("L_star"), nn("dist_sq")
    box = {Lw: ov.closed(-100, 100), Lst: ov.closed(-100, 100), gdot: ov.closed(-100, 100), d2: ov.closed(0, 100), mu: ov.left_open(0, 10)}
    s1 = ov.ProofStep(3068, mu / 2 * d2, "<=", Lw - Lst - gdot,
                      ov.Semialgebraic(mu / 2 * d2, "<=", Lw - Lst - gdot, box, given=(Lw >= Lst + gdot + mu / 2 * d2,)),
                      note="Lemma 21.4 at (w_*, w), taken as given (decided by its own checks); ip = ⟨∇L(w_*), w − w_*⟩")
    s2 = ov.ProofStep(3070, Lw - Lst - gdot, "<=", Lw - Lst,
                      ov.Semialgebraic(Lw - Lst - gdot, "<=", Lw - Lst, box, given=(sp.Eq(gdot, 0),)), note="∇L(w_*) = 0")
    return [s1, s2, ov.ProofComposition(mu / 2 * d2, "<=", Lw - Lst, (s1, s2))]


CLAIMS = [
    claim(None, 2956, "the regularised objective", "definition", "L(w) + (λ/2)‖w‖²",
          checks=[ov.NotCheckable("definition of the L2-regularised objective")]),
    claim(None, 2962, "the two minimisers", "definition", "w_* = argmin L, w_*^λ = argmin L + (λ/2)‖w‖²",
          checks=[ov.NotCheckable("definitions of w_* and w_*^λ (assumed to exist)")]),
    claim("Lem 21.1", 2966, "more regularisation, smaller minimiser", "inequality", "λ_1 ≥ λ_2 ⇒ ‖w_*^{λ1}‖ ≤ ‖w_*^{λ2}‖",
          hypotheses=["on regularized_gd: convex quadratics, λ_1 ∈ [10⁻⁴, 10], λ_2 = s·λ_1, s ∈ [0, 1] (λ_2 = 0 gives line 2964's "
                      "‖w_*^λ‖ ≤ ‖w_*‖)", "the proof (line 2970) uses only that each w_*^λ minimises its objective: checked for any L"],
          checks=[ov.InstanceSearch(ov.Measured(regularized_gd, "norm_lam1"), sp.Symbol("norm_lam2")),
                  ov.ProofStep(2970, (lam1 - lam2) / 2 * n1, "<=", (lam1 - lam2) / 2 * n2,
                               ov.Semialgebraic((lam1 - lam2) / 2 * n1, "<=", (lam1 - lam2) / 2 * n2,
                                                {lam1: ov.closed(0, 100), lam2: ov.closed(0, 100), n1: ov.closed(0, 100), n2: ov.closed(0, 100),
                                                 L1: ov.closed(-100, 100), L2: ov.closed(-100, 100)},
                                                given=(lam1 >= lam2, L1 + lam1 / 2 * n1 <= L2 + lam1 / 2 * n2,
                                                       L2 + lam2 / 2 * n2 <= L1 + lam2 / 2 * n1)))]),
    claim(None, 2970, "Lemma 21.1's chain", "inequality",
          "L(w^{λ1}) + λ1/2‖w^{λ1}‖² ≤ L(w^{λ2}) + λ1/2‖w^{λ2}‖² ≤ … ⇒ (λ1 − λ2)/2 ‖w^{λ1}‖² ≤ (λ1 − λ2)/2 ‖w^{λ2}‖²",
          hypotheses=["the first line: w^{λ1} minimises L + (λ1/2)‖·‖²; the third: w^{λ2} minimises L + (λ2/2)‖·‖² (both given); "
                      "values as reals L_1, L_2, squared norms n_1, n_2 ≥ 0"],
          checks=[ov.Identity(L2 + lam1 / 2 * n2, L2 + lam2 / 2 * n2 + (lam1 - lam2) / 2 * n2, part="line 2 (an identity)"),
                  ov.Semialgebraic(L2 + lam2 / 2 * n2 + (lam1 - lam2) / 2 * n2, "<=", L1 + lam2 / 2 * n1 + (lam1 - lam2) / 2 * n2,
                                   {lam1: ov.closed(0, 100), lam2: ov.closed(0, 100), n1: ov.closed(0, 100), n2: ov.closed(0, 100),
                                    L1: ov.closed(-100, 100), L2: ov.closed(-100, 100)},
                                   given=(L2 + lam2 / 2 * n2 <= L1 + lam2 / 2 * n1,), part="line 3"),
                  ov.Semialgebraic((lam1 - lam2) / 2 * n1, "<=", (lam1 - lam2) / 2 * n2,
                                   {lam1: ov.closed(0, 100), lam2: ov.closed(0, 100), n1: ov.closed(0, 100), n2: ov.closed(0, 100),
                                    L1: ov.closed(-100, 100), L2: ov.closed(-100, 100)},
                                   given=(L1 + lam1 / 2 * n1 <= L1 + lam2 / 2 * n1 + (lam1 - lam2) / 2 * n2,), part="line 4")]),
    claim("Lem 21.2", 2976, "the regularised minimiser lies in a ball of radius G/λ", "inequality", "‖w_*^λ‖ ≤ G/λ", end_line=2978,
          hypotheses=["L G-Lipschitz and differentiable, so ‖∇L‖ ≤ G; w_*^λ exists, so ∇L(w_*^λ) + λw_*^λ = 0 (line 2982); in "
                      "norms: ‖w_*^λ‖ = ‖∇L(w_*^λ)‖/λ"],
          checks=[ov.Semialgebraic(dnorm, "<=", G / lam, {dnorm: ov.closed(0, 100), gnorm: ov.closed(0, 100), G: ov.left_open(0, 100),
                                                          lam: ov.left_open(0, 100)}, given=(lam * dnorm == gnorm, gnorm <= G))]),
    claim(None, 2982, "Lemma 21.2's first-order condition", "inequality",
          "∇L(w_*^λ) + λw_*^λ = 0 ⇒ ‖w_*^λ‖ = ‖∇L(w_*^λ)‖/λ ≤ G/λ",
          hypotheses=["two coordinates, ∇L(w_*^λ) = (u_1, u_2) any vector with ‖u‖ ≤ G"],
          checks=[ov.Semialgebraic(sp.sqrt(x_**2 + kk**2), "<=", G / lam,
                                   {x_: ov.closed(-100, 100), kk: ov.closed(-100, 100), real("u_1"): ov.closed(-100, 100),
                                    real("u_2"): ov.closed(-100, 100), G: ov.left_open(0, 100), lam: ov.left_open(0, 100)},
                                   given=(real("u_1") + lam * x_ == 0, real("u_2") + lam * kk == 0, real("u_1")**2 + real("u_2")**2 <= G**2))]),
    claim("Def 21.3", 2990, "μ-strong convexity", "definition", "∇²L(x) ⪰ μI",
          checks=[ov.NotCheckable("a definition; its first-order characterisation is Lemma 21.4")]),
    claim("Lem 21.4", 2994, "first-order characterisation of strong convexity", "inequality",
          "∇²L ⪰ μI ⇔ L(y) ≥ L(x) + ⟨∇L(x), y − x⟩ + (μ/2)‖y − x‖² for all x, y", end_line=2996,
          hypotheses=["⇒ checked on strongly_convex_softplus (twice differentiable, Hessian ⪰ μI); ⇐ by its printed proof (line 3008)"],
          checks=[ov.InstanceSearch(strongly_convex_softplus, sp.Symbol("L_y"), part="⇒"),
                  ov.ProofStep(3008, (fph - fp0) / h_, ">=", mu * dl2,
                               ov.Semialgebraic((fph - fp0) * h_, ">=", mu * dl2 * h_**2,
                                                {fh: ov.closed(-100, 100), f0: ov.closed(-100, 100), fph: ov.closed(-100, 100),
                                                 fp0: ov.closed(-100, 100), dl2: ov.closed(0, 100), h_: ov.closed(-10, 10), mu: ov.left_open(0, 10)},
                                                given=(fh >= f0 + fp0 * h_ + mu / 2 * h_**2 * dl2, f0 >= fh - fph * h_ + mu / 2 * h_**2 * dl2)),
                               part="⇐")]),
    claim(None, 3000, "Taylor's formula with the Hessian bound", "inequality",
          "∫₀¹∫₀¹ t dk dt = 1/2, so the double integral is at least μ‖x − y‖²/2",
          hypotheses=["the identities of the first two lines are the fundamental theorem of calculus; the third line bounds the "
                      "integrand by tμ‖y − x‖²; checked: the constant ∫∫ t = 1/2 of the last line"],
          checks=[ov.Identity(sp.integrate(x_, (kk, 0, 1), (x_, 0, 1)), R(1, 2))]),
    claim(None, 3004, "derivatives along a line", "identity", "f'(t) = ⟨∇L(x + tδ), δ⟩, f''(t) = δᵀ∇²L(x + tδ)δ",
          hypotheses=["checked for L(w) = a w_1³ + b w_1 w_2 + c w_2⁴ + e w_2 (symbolic a, b, c, e), two coordinates"],
          checks=[ov.Identity(*(lambda a, b, c, e_, s, x1, x2, d1, d2: (
              sp.diff(a * (x1 + s * d1)**3 + b * (x1 + s * d1) * (x2 + s * d2) + c * (x2 + s * d2)**4 + e_ * (x2 + s * d2), s, 2),
              (sp.Matrix([[d1, d2]]) * sp.hessian(a * x1**3 + b * x1 * x2 + c * x2**4 + e_ * x2, (x1, x2)) * sp.Matrix([d1, d2]))[0]
              .subs({x1: x1 + s * d1, x2: x2 + s * d2}, simultaneous=True)))(*sp.symbols("a b c e s x1 x2 d1 d2", real=True)))]),
    claim(None, 3008, "the converse: difference quotients of f'", "inequality",
          "f(h) ≥ f(0) + f'(0)h + (μ/2)h²‖δ‖², f(0) ≥ f(h) − f'(h)h + (μ/2)h²‖δ‖² ⇒ (f'(h) − f'(0))/h ≥ μ‖δ‖²; hence f''(0) ≥ μ‖δ‖²",
          end_line=3012,
          hypotheses=["h > 0 (for h < 0 the same holds: the sum of the two inequalities is (f'(h) − f'(0))h ≥ μh²‖δ‖²); the limit "
                      "h → 0 of line 3012 keeps ≥"],
          checks=[ov.Semialgebraic((fph - fp0) / h_, ">=", mu * dl2,
                                   {fh: ov.closed(-100, 100), f0: ov.closed(-100, 100), fph: ov.closed(-100, 100), fp0: ov.closed(-100, 100),
                                    dl2: ov.closed(0, 100), h_: ov.left_open(0, 10), mu: ov.left_open(0, 10)},
                                   given=(fh >= f0 + fp0 * h_ + mu / 2 * h_**2 * dl2, f0 >= fh - fph * h_ + mu / 2 * h_**2 * dl2))]),
    claim("Lem 21.5", 3018, "strong convexity bounds the gap by the gradient", "inequality",
          "L(w) − L(w_⋆) ≤ ‖∇L(w)‖²/(2μ)", end_line=3020,
          hypotheses=["checked on strongly_convex_quadratic (tight along the μ-eigenvector) and by its printed proof (line 3024), "
                      "which takes Lemma 21.4 (⇒) at (w, w_*) as given: the proof is complete modulo Lemma 21.4, decided by its own checks"],
          symbols={"mu": mu, "grad_sq": nn("grad_sq")}, bound=nn("grad_sq") / (2 * mu),
          checks=[ov.InstanceSearch(strongly_convex_quadratic, ov.BOUND, sharp=ov.Sharp("equality for w − w_* along the eigenvector of μ", ALONG_MU)),
                  *_lemma_215_proof()]),
    claim(None, 3024, "Lemma 21.5's proof: minimise over δ", "inequality",
          "inf_δ ⟨∇L(w), δ⟩ + (μ/2)‖δ‖² = −‖∇L(w)‖²/(2μ)",
          hypotheses=["the first line is Lemma 21.4 at (w, w_*); the infimum of ⟨g, δ⟩ + (μ/2)‖δ‖² is reached at δ = −g/μ: along "
                      "the direction of g, ⟨g, δ⟩ ≥ −‖g‖‖δ‖ (Cauchy–Schwarz), so it is the 1-D minimisation below"],
          checks=[ov.ParameterChoice(-gnorm * dnorm + mu / 2 * dnorm**2, dnorm, gnorm / mu,
                                     {gnorm: ov.closed(R(1, 100), 100), mu: ov.closed(R(1, 100), 100)}, (0, 10**5), part="the minimiser"),
                  ov.Identity((-gnorm * dnorm + mu / 2 * dnorm**2).subs(dnorm, gnorm / mu), -gnorm**2 / (2 * mu), part="the value"),
                  ov.Semialgebraic(gdot + mu / 2 * dnorm**2, ">=", -gnorm**2 / (2 * mu),
                                   {gdot: ov.closed(-100, 100), dnorm: ov.closed(0, 100), gnorm: ov.closed(0, 100), mu: ov.left_open(0, 10)},
                                   given=(gdot >= -gnorm * dnorm,), part="every δ: the infimum is a lower bound")]),
    claim(None, 3030, "the descent lemma at η = 1/H", "inequality", "L(w_{t+1}) ≤ L(w_t) − ‖∇L(w_t)‖²/(2H)",
          hypotheses=["H-smooth: L(w − g/H) ≤ L(w) − ⟨g, g/H⟩ + (H/2)‖g/H‖²; the right side equals L(w) − ‖g‖²/(2H)"],
          checks=[ov.Identity(-gnorm**2 / H + H / 2 * (gnorm / H) ** 2, -gnorm**2 / (2 * H))]),
    claim(None, 3034, "linear convergence, one step", "inequality",
          "L(w_{t+1}) − L_* ≤ L(w_t) − L_* − ‖∇L‖²/(2H) ≤ (1 − μ/H)(L(w_t) − L_*)",
          hypotheses=["line 3030 and Lemma 21.5 (‖∇L‖² ≥ 2μ(L(w_t) − L_*)) given; gaps as reals"],
          checks=[ov.Semialgebraic(sp.Symbol("e_next", real=True), "<=", (1 - mu / H) * nn("e_t"),
                                   {sp.Symbol("e_next", real=True): ov.closed(-100, 100), nn("e_t"): ov.closed(0, 100),
                                    nn("g2"): ov.closed(0, 1000), mu: ov.left_open(0, 10), H: ov.left_open(0, 10)},
                                   given=(sp.Symbol("e_next", real=True) <= nn("e_t") - nn("g2") / (2 * H), nn("g2") >= 2 * mu * nn("e_t")))]),
    claim(None, 3038, "unrolling and (1 − μ/H)^t ≤ exp(−μt/H)", "inequality",
          "(1 − μ/H)^t Δ = exp(t log(1 − μ/H)) Δ ≤ exp(−μt/H) Δ",
          hypotheses=["x = μ/H ∈ (0, 1) (μ ≤ H for a μ-strongly convex H-smooth L; at x = 1 the left side is 0), t ≥ 1: "
                      "t·log(1 − x) ≤ −tx is log(1 − x) ≤ −x times t > 0"],
          checks=[ov.Identity((1 - x_) ** kk, sp.exp(kk * sp.log(1 - x_)), domain={x_: ov.open_(0, 1), kk: ov.integers(1, 50)},
                              part="line 2 (an identity)"),
                  ov.Inequality(sp.log(1 - x_), "<=", -x_, {x_: ov.right_open(0, 1)}, part="line 3")]),
    claim("Thm 21.6", 3042, "gradient descent converges linearly under strong convexity", "inequality",
          "L(w_{t+1}) − L(w_*) ≤ exp(−μt/H)(L(w_1) − L(w_*))", end_line=3044,
          hypotheses=["L μ-strongly convex and H-smooth, η = 1/H, t steps; performance estimation over the whole class from "
                      "L(w_1) − L(w_*) ≤ Δ_1, normalised H = Δ_1 = 1 (the bound is homogeneous), μ ∈ [1/20, 9/10] sampled"],
          symbols={"H": H, "mu": mu, "t": t, "Delta_1": gap1}, bound=sp.exp(-mu * t / H) * gap1,
          checks=[ov.PerformanceEstimation("smooth strongly convex", "gradient descent", "last gap", t, rhs=ov.BOUND, L=H, mu=mu,
                                           params={"step": 1 / H}, initial="gap", gap=gap1,
                                           constants={H: 1, gap1: 1, mu: ov.closed(R(1, 20), R(9, 10))}),
                  ov.Scaling(gap1, ov.BOUND, {gap1: "loss", H: "hess", mu: "hess", t: "none"})]),
    claim("Lem 21.7", 3052, "regularisation makes a convex loss strongly convex", "inequality",
          "L convex ⇒ L + (λ/2)‖w‖² is λ-strongly convex: vᵀ(∇²L + λI)v ≥ λ‖v‖²",
          hypotheses=["two coordinates, ∇²L = [[p, q], [q, r]] ⪰ 0 (p, r ≥ 0, pr ≥ q²), any v"],
          checks=[ov.Semialgebraic(*(lambda p, q, r, v1, v2: (
              p * v1**2 + 2 * q * v1 * v2 + r * v2**2 + lam * (v1**2 + v2**2), ">=", lam * (v1**2 + v2**2),
              {p: ov.closed(0, 100), q: ov.closed(-100, 100), r: ov.closed(0, 100), v1: ov.closed(-10, 10), v2: ov.closed(-10, 10),
               lam: ov.left_open(0, 100)}, (p * r >= q**2,)))(*sp.symbols("p q r v_1 v_2", real=True)))]),
    claim("Lem 21.8", 3062, "strong convexity bounds the distance by the gap", "inequality",
          "L(w) − L(w_*) ≥ (μ/2)‖w − w_*‖²", end_line=3070,
          hypotheses=["checked on strongly_convex_quadratic (tight along the μ-eigenvector) and by its printed proof: Lemma 21.4 "
                      "at (w_*, w) with ∇L(w_*) = 0 (line 3068); complete modulo Lemma 21.4 (⇒), decided by its own checks"],
          checks=[ov.InstanceSearch(ov.Measured(strongly_convex_quadratic, "dist_sq"), 2 * sp.Symbol("gap") / mu,
                                    sharp=ov.Sharp("equality along the eigenvector of μ", ALONG_MU)),
                  *_lemma_218_proof()]),
    claim(None, 3082, "error = optimisation error + regularisation bias", "inequality",
          "L(w_t) − L(w_*) = … ≤ L(w_t) + λ/2‖w_t‖² − (L(w_*^λ) + λ/2‖w_*^λ‖²) + λ/2‖w_*^λ‖²",
          hypotheses=["values as reals: L_t = L(w_t), L_s = L(w_*), L_l = L(w_*^λ), n_t = ‖w_t‖², wl_sq = ‖w_*^λ‖²; L(w_*) ≤ L(w_*^λ) "
                      "given; line 3 drops −(λ/2)‖w_t‖² ≤ 0 (the text cites Lemma 21.1, which is not needed)"],
          checks=[ov.Identity(Lt - Ls, Lt - Ll + Ll - Ls, part="line 1"),
                  ov.Identity(Lt - Ll + Ll - Ls, Lt + lam / 2 * nt - Ll - lam / 2 * wl_sq + Ll - Ls + lam / 2 * (wl_sq - nt), part="line 2"),
                  ov.Semialgebraic(Lt + lam / 2 * nt - Ll - lam / 2 * wl_sq + Ll - Ls + lam / 2 * (wl_sq - nt), "<=",
                                   Lt + lam / 2 * nt - (Ll + lam / 2 * wl_sq) + Ll - Ls + lam / 2 * wl_sq,
                                   {Lt: ov.closed(-100, 100), Ll: ov.closed(-100, 100), Ls: ov.closed(-100, 100), nt: ov.closed(0, 100),
                                    wl_sq: ov.closed(0, 100), lam: ov.left_open(0, 100)}, part="line 3"),
                  ov.Semialgebraic(Lt + lam / 2 * nt - (Ll + lam / 2 * wl_sq) + Ll - Ls + lam / 2 * wl_sq, "<=",
                                   Lt + lam / 2 * nt - (Ll + lam / 2 * wl_sq) + lam / 2 * wl_sq,
                                   {Lt: ov.closed(-100, 100), Ll: ov.closed(-100, 100), Ls: ov.closed(-100, 100), nt: ov.closed(0, 100),
                                    wl_sq: ov.closed(0, 100), lam: ov.left_open(0, 100)}, given=(Ls <= Ll,), part="line 4"),
                  ov.InstanceSearch(regularized_gd, sp.Symbol("F_gap") + lam / 2 * wl_sq, part="on instances")],
          notes="line 4 drops L(w_*^λ) − L(w_*), which is ≥ 0 (the reason the text gives): the inequality points the wrong way; "
                "the lines 3094, 3102 and 3114 built on it inherit the slip (the final bound survives because line 3102 replaces "
                "‖w_*^λ‖ by the larger ‖w_*‖)",
          corrected=ov.Corrected(
              "L(w_t) − L(w_*) ≤ L(w_t) + (λ/2)‖w_t‖² − (L(w_*^λ) + (λ/2)‖w_*^λ‖²) + (λ/2)‖w_*‖²",
              "L(w_t) − L(w_*) = F(w_t) − (λ/2)‖w_t‖² − F(w_*) + (λ/2)‖w_*‖² ≤ F(w_t) − F(w_*^λ) + (λ/2)‖w_*‖², since F(w_*) ≥ F(w_*^λ)",
              checks=[ov.Semialgebraic(Lt - Ls, "<=", Lt + lam / 2 * nt - (Ll + lam / 2 * wl_sq) + lam / 2 * ws_sq,
                                       {Lt: ov.closed(-100, 100), Ll: ov.closed(-100, 100), Ls: ov.closed(-100, 100), nt: ov.closed(0, 100),
                                        wl_sq: ov.closed(0, 100), ws_sq: ov.closed(0, 100), lam: ov.left_open(0, 100)},
                                       given=(Ls + lam / 2 * ws_sq >= Ll + lam / 2 * wl_sq,)),
                      ov.InstanceSearch(regularized_gd, sp.Symbol("F_gap") + lam / 2 * ws_sq)])),
    claim(None, 3086, "the regularised gap at w_1 = 0", "inequality",
          "F(w_1) − F(w_*^λ) ≤ L(w_1) − L(w_*^λ) − λ/2‖w_*^λ‖² ≤ L(w_1) − L(w_*)",
          hypotheses=["w_1 = 0 (so ‖w_1‖² = 0), L(w_*) ≤ L(w_*^λ)"],
          checks=[ov.Semialgebraic(Lt - Ll - lam / 2 * wl_sq, "<=", Lt - Ls,
                                   {Lt: ov.closed(-100, 100), Ll: ov.closed(-100, 100), Ls: ov.closed(-100, 100), wl_sq: ov.closed(0, 100),
                                    lam: ov.left_open(0, 100)}, given=(Ls <= Ll,)),
                  ov.InstanceSearch(ov.Measured(regularized_gd, "F_gap1"), sp.Symbol("L_gap1"), part="on instances")]),
    claim(None, 3088, "the regularised objective is (λ + H)-smooth and λ-strongly convex", "identity",
          "F(w) = L(w) + (λ/2)‖w_*‖² has ∇²F = ∇²L + λI",
          printed="define  $F(\\mathbf{w}) = \\mathcal{L}(\\mathbf{w}) + \\frac{\\lambda}{2} \\|\\mathbf{w}_*\\|^2$ . Then we have  $\\nabla^2 F(\\mathbf{w}) = \\nabla^2 \\mathcal{L}(\\mathbf{w}) + \\lambda I$",
          hypotheses=["as printed the penalty is (λ/2)‖w_*‖², a constant; two coordinates, L a generic quadratic"],
          checks=[ov.Identity(*(lambda p, q, r, y1, y2, z1, z2: (
              sp.hessian(p * y1**2 + q * y1 * y2 + r * y2**2 + lam / 2 * (z1**2 + z2**2), (y1, y2)),
              sp.hessian(p * y1**2 + q * y1 * y2 + r * y2**2, (y1, y2)) + lam * sp.eye(2)))(*sp.symbols("p q r w_1 w_2 ws_1 ws_2", real=True)))],
          corrected=ov.Corrected("F(w) = L(w) + (λ/2)‖w‖²: ∇²F = ∇²L + λI", "the penalty is on w, not on the constant w_*",
                                 checks=[ov.Identity(*(lambda p, q, r, y1, y2: (
                                     sp.hessian(p * y1**2 + q * y1 * y2 + r * y2**2 + lam / 2 * (y1**2 + y2**2), (y1, y2)),
                                     sp.hessian(p * y1**2 + q * y1 * y2 + r * y2**2, (y1, y2)) + lam * sp.eye(2)))(*sp.symbols("p q r w_1 w_2", real=True)))])),
    claim(None, 3090, "Theorem 21.6 on the regularised objective", "inequality",
          "F(w_t) − F(w_*^λ) ≤ exp(−λt/(H + λ))(F(w_1) − F(w_*^λ)), and ≤ exp(−λt/(H + λ))(L(w_1) − L(w_*))",
          hypotheses=_GD_HYP + ["the second line uses line 3086"],
          symbols={"H": H, "lambda": lam, "t": t, "F_gap1": sp.Symbol("F_gap1")}, bound=F_RATE_PRINTED,
          checks=[ov.InstanceSearch(ov.Measured(regularized_gd, "F_gap"), ov.BOUND)],
          notes=_SHIFT,
          corrected=ov.Corrected("F(w_t) − F(w_*^λ) ≤ exp(−λ(t − 1)/(H + λ))(F(w_1) − F(w_*^λ))", _SHIFT, checks=[
              ov.InstanceSearch(ov.Measured(regularized_gd, "F_gap"), F_RATE_SHIFTED),
              ov.PerformanceEstimation("smooth strongly convex", "gradient descent", "last gap", N,
                                       rhs=sp.exp(-lam * N / (H + lam)) * gap1, L=H + lam, mu=lam,
                                       params={"step": 1 / (H + lam)}, initial="gap", gap=gap1,
                                       constants={H: R(9, 10), gap1: 1, lam: R(1, 10)},
                                       note=_PEP_NOTE + "; N = t − 1 steps; H = 9/10, λ = 1/10")])),
    claim(None, 3094, "the rate carried back to L", "inequality",
          "L(w_t) − L(w_*) ≤ exp(−λt/(H + λ))(L(w_1) − L(w_*)) + (λ/2)‖w_*^λ‖²",
          hypotheses=_GD_HYP, symbols={"H": H, "lambda": lam, "t": t, "L_gap1": sp.Symbol("L_gap1"), "wl_sq": wl_sq}, bound=L_RATE_PRINTED,
          checks=[ov.InstanceSearch(regularized_gd, ov.BOUND)],
          notes=_SHIFT + " (inherited from line 3090); and line 3082's last inequality points the wrong way (root cause of the "
                "bias term (λ/2)‖w_*^λ‖²)",
          corrected=ov.Corrected("L(w_t) − L(w_*) ≤ exp(−λ(t − 1)/(H + λ))(L(w_1) − L(w_*)) + (λ/2)‖w_*‖²",
                                 _SHIFT + "; and the bias term is (λ/2)‖w_*‖², not (λ/2)‖w_*^λ‖² (line 3082's corrected form)",
                                 checks=[ov.InstanceSearch(regularized_gd, L_RATE_SHIFTED.subs(wl_sq, ws_sq))])),
    claim(None, 3098, "the start is at most (H/2)‖w_*‖² above the optimum", "inequality",
          "L(w_1) ≤ L(w_*) + ⟨∇L(w_*), w_1 − w_*⟩ + (H/2)‖w_1 − w_*‖² ≤ L(w_*) + (H/2)‖w_*‖²",
          hypotheses=_GD_HYP + ["∇L(w_*) = 0, w_1 = 0"],
          checks=[ov.InstanceSearch(ov.Measured(regularized_gd, "L_gap1"), H / 2 * ws_sq)]),
    claim(None, 3102, "the bound in ‖w_*‖", "inequality", "L(w_t) − L(w_*) ≤ (‖w_*‖²/2)(H exp(−λt/(H + λ)) + λ)",
          hypotheses=_GD_HYP + ["from line 3094, line 3098 and ‖w_*^λ‖ ≤ ‖w_*‖ (Lemma 21.1)"],
          symbols={"H": H, "lambda": lam, "t": t, "ws_sq": ws_sq}, bound=L3102,
          checks=[ov.InstanceSearch(regularized_gd, ov.BOUND)],
          notes="holds on every instance tried although line 3094 (its premise) is off by one step: the slack of line 3098 and of "
                "‖w_*^λ‖ ≤ ‖w_*‖ absorbs the lost factor exp(λ/(H + λ))"),
    claim(None, 3106, "for λ ≤ H the exponent at least halves", "inequality", "exp(−λt/(H + λ)) ≤ exp(−λt/(2H))",
          hypotheses=["λ ≤ H (the restriction of line 3104); normalised H = 1 (the exponents depend on λ/H)"],
          checks=[ov.Semialgebraic(-x_ * kk / (1 + x_), "<=", -x_ * kk / 2, {x_: ov.left_open(0, 1), kk: ov.closed(0, 10**6)},
                                   note="exp is increasing: the exponents are compared, x = λ/H, k = t")]),
    claim(None, 3110, "the substitution c = exp(λt/2H)", "identity", "H exp(−λt/(2H)) ≤ H/c with λ = (2H/t) log c",
          hypotheses=["c ≥ 1, t ≥ 1 (equality holds)"],
          checks=[ov.Identity(H * sp.exp(-(2 * H / t * sp.log(pos("c"))) * t / (2 * H)), H / pos("c"))]),
    claim(None, 3112, "balancing H/c = λ", "identity", "ignoring log c, H/c = 2H/t gives c = t/2",
          printed="when setting  $\\frac{H}{c} = \\lambda$  to balance terms, we would get  $c = t/2$",
          hypotheses=["λ = (2H/t) log c with the factor log c dropped (as the text says): H/c = 2H/t"],
          checks=[ov.Identity(sp.solve(sp.Eq(H / pos("c"), 2 * H / t), pos("c"))[0], t / 2)]),
    claim(None, 3114, "how much regularisation: the final rate", "inequality",
          "with λ = (2H/t) log(t/2): L(w_t) − L(w_*) ≤ (‖w_*‖²/2)(2H/t + 2H log(t/2)/t) = O(H‖w_*‖² log(t)/t)",
          hypotheses=_GD_HYP + ["λ = (2H/t) log(t/2) ≤ H (line 3112's condition; it holds for every t ≥ 3, and λ > 0 needs t > 2)"],
          symbols={"H": H, "t": t, "ws_sq": ws_sq}, bound=L3114,
          checks=[ov.InstanceSearch(regularized_gd.bind(lam_choice="printed"), ov.BOUND, part="on instances"),
                  ov.Inequality((sp.exp(-lam_choice * kk / (H + lam_choice)) * H + lam_choice).subs({H: 1, t: kk}), "<=",
                                (2 / kk + 2 * sp.log(kk / 2) / kk), {kk: ov.closed(3, 10**4)},
                                part="line 2: H exp(−λt/(H+λ)) + λ ≤ 2H/t + 2H log(t/2)/t (normalised H = 1)"),
                  ov.Limit((2 / t + 2 * sp.log(t / 2) / t), sp.log(t) / t, t, sp.oo, expect="finite", part="line 3: O(log(t)/t)")]),
    claim(None, 3118, "a little regularisation may help more than the theory says", "qualitative",
          "small λ might bypass bad locations faster",
          printed="so typically the optimal value for  $\\lambda$  is tuned manually",
          checks=[ov.NotCheckable("a speculation ('might', 'may') about unspecified losses: nothing exact")]),
]
