"""003 §13, lines 1877–1981: smooth convex losses — Theorem 2.4 restated, Theorem 13.1, Lemma 13.2, Theorem 13.3.

The deterministic rates are decided by performance estimation (the exact worst case per horizon, with the sharp
ratio worst case / bound in the evidence) beside instance search on the worst-case functions of gradient descent
(Huber ⊕ quadratic) and their proofs step by step.
"""

import sympy as sp

from optverify import BOUND, Identity, InstanceSearch, NotCheckable, PerformanceEstimation, ProofStep, Scaling, Semialgebraic
from optverify.claims.ec500_notes_003._common import D, G, H, T, claim, eta
from optverify.claims.specs import Range
from optverify.counterexamples.families import Measured
from optverify.counterexamples.families.ec500_acceleration import (any_sequence, lhs_le_rhs, linear_on_interval, lipschitz_gd,
                                                                   smooth_convex_gd, smooth_point)

R = Range(-sp.oo, sp.oo)
POS = Range(sp.Integer(0), sp.oo, True)
NONNEG = Range(sp.Integer(0), sp.oo)
GD_FREE = smooth_convex_gd.bind(step="free")
GD_HALF = smooth_convex_gd.bind(step="1/(2H)")
GD_LE = smooth_convex_gd.bind(step="le_1/H")
CONVEX_POINT = smooth_point.bind(kind="huber_quad")
NONCONVEX_POINT = smooth_point.bind(kind="sin_sq")
v = {k: sp.Symbol(k, real=True) for k in (
    "upper", "lower", "f_plus", "gap", "f_step", "f_w_minus", "f_star", "r1901", "r1919_a", "r2063", "sum_lin", "sum_gap",
    "r1959", "r1963", "avg_gap", "mean_gap", "mean_f", "f_mean", "r2053", "sum_g2", "dist1_sq")}
NORMALISED = "H = D = 1 in the performance estimation (the bound is homogeneous in the loss scale and in the parameter scale)"
RUN = ("gradient descent w_{t+1} = w_t − η∇L(w_t) from w_1 (line 1887); the instances start anywhere (w_1 ∈ [−5, 5]², the "
       "text's w_1 = 0 is a translation of the problem)")

# vectors of R² written by components: the identities of the proofs hold coordinate by coordinate
w_, s_, g_, u_ = (sp.symbols(f"{n}_1 {n}_2", real=True) for n in ("w", "w_star", "g", "u"))


def _sq(a):
    return sum(x * x for x in a)


def _inner(a, b):
    return sum(x * y for x, y in zip(a, b))


def _minus(a, b):
    return [x - y for x, y in zip(a, b)]


w_next = [w - eta * g for w, g in zip(w_, g_)]
EXPAND = Identity(_sq(_minus(w_next, s_)), _sq(_minus(w_, s_)) - 2 * eta * _inner(g_, _minus(w_, s_)) + eta**2 * _sq(g_),
                  part="the expansion, in R² by components")
REARRANGE = Identity(_inner(g_, _minus(w_, s_)), (_sq(_minus(w_, s_)) - _sq(_minus(w_next, s_))) / (2 * eta) + eta / 2 * _sq(g_),
                     part="rearranged: it holds with equality")
N_ = sp.Symbol("N", integer=True, positive=True)
a_, b_, c_, Q_, S_, Rr = sp.symbols("a b c Q S R", real=True)

CLAIMS = [
    claim(None, 1881, "smoothness upper bound", "inequality", "L(w + δ) ≤ L(w) + ⟨∇L(w), δ⟩ + (H/2)‖δ‖²",
          hypotheses=["L H-smooth on R^d (the 'standard smoothness lemma'); checked on a convex and on a non-convex H-smooth function"],
          checks=[InstanceSearch(*lhs_le_rhs(CONVEX_POINT, v["f_plus"], v["upper"]), part="convex H-smooth"),
                  InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_plus"], v["upper"]), part="non-convex H-smooth")]),
    claim(None, 1885, "convexity lower bound", "inequality", "L(w + δ) ≥ L(w) + ⟨∇L(w), δ⟩",
          hypotheses=["L convex and differentiable"],
          checks=[InstanceSearch(*lhs_le_rhs(CONVEX_POINT, v["lower"], v["f_plus"]), part="convex"),
                  InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["lower"], v["f_plus"]), part="the bound needs convexity: a non-convex H-smooth "
                                 "function breaks it", quantifier="exists")],
          notes="the second check is an existence check: a non-convex function with L(w + δ) < L(w) + ⟨∇L(w), δ⟩ (a witness, "
                "replayed) shows that the bound comes from convexity, as the text says"),
    claim("Thm 2.4@L1889", 1889, "Theorem 2.4 restated: gradient descent on G-Lipschitz convex losses", "inequality",
          "Σ_{t=1}^T L(w_t) − L(w*) ≤ G D √T with η = D/(G√T)", end_line=1891,
          hypotheses=["L convex and G-Lipschitz, ‖w* − w_1‖ ≤ D, η = D/(G√T), " + RUN,
                      "the same statement as 003:Thm 2.4 (its first printing, in §2); checked here as printed at line 1889",
                      "performance estimation: the subgradient method on the convex G-Lipschitz class, Σ_{k=0}^{T−1} f(x_k) − f* ('sum gap', "
                      "x_k = w_{k+1}), G = D = 1 (homogeneous)"],
          symbols={"G": G, "D": D, "T": T}, bound=G * D * sp.sqrt(T),
          checks=[PerformanceEstimation("convex lipschitz", "gradient descent", "sum gap", T, rhs=BOUND, G=G,
                                        params={"step": D / (G * sp.sqrt(T))}, radius=D, constants={G: 1, D: 1}),
                  InstanceSearch(Measured(lipschitz_gd, "sum_gap"), BOUND),
                  Scaling(v["sum_gap"], BOUND, {v["sum_gap"]: "loss", G: "grad", D: "param", T: "none"})],
          notes="cross-reference: 003:Thm 2.4 is the first printing of this theorem"),
    claim(None, 1895, "random iterate of Theorem 2.4", "expectation bound", "E[L(ŵ) − L(w*)] ≤ GD/√T, ŵ uniform on w_1 … w_T",
          hypotheses=["as Theorem 2.4@L1889; E over the uniform choice of ŵ, so E[L(ŵ) − L(w*)] = (1/T) Σ_t L(w_t) − L(w*)"],
          symbols={"G": G, "D": D, "T": T}, bound=G * D / sp.sqrt(T),
          checks=[PerformanceEstimation("convex lipschitz", "gradient descent", "sum gap", T, rhs=T * BOUND, G=G,
                                        params={"step": D / (G * sp.sqrt(T))}, radius=D, constants={G: 1, D: 1}),
                  InstanceSearch(Measured(lipschitz_gd, "mean_gap"), BOUND),
                  Identity(G * D * sp.sqrt(T) / T, G * D / sp.sqrt(T), part="Theorem 2.4's bound divided by T")]),
    claim("Thm 13.1", 1899, "gradient descent: the linearised regret", "inequality",
          "Σ_t ⟨∇L(w_t), w_t − w*⟩ ≤ ‖w* − w_1‖²/(2η) + (η/2) Σ_t ‖∇L(w_t)‖²; for convex L also Σ_t L(w_t) − L(w*) ≤ the same",
          end_line=1905,
          hypotheses=["L differentiable (first part), convex (second part); any η > 0; w* any point (the statement does not define it; "
                      "the proof uses nothing about it)", RUN,
                      "first part also checked on arbitrary vector sequences (any_sequence), which contain every gradient sequence"],
          checks=[InstanceSearch(Measured(GD_FREE, "sum_lin"), v["r1901"], part="first part (line 1901)"),
                  InstanceSearch(Measured(any_sequence, "sum_lin"), v["r2063"], part="first part (line 1901)"),
                  InstanceSearch(Measured(GD_FREE, "sum_gap"), v["r1901"], part="second part (line 1905)"),
                  ProofStep(1911, _sq(_minus(w_next, s_)), "==",
                            _sq(_minus(w_, s_)) - 2 * eta * _inner(g_, _minus(w_, s_)) + eta**2 * _sq(g_), EXPAND),
                  ProofStep(1915, _inner(g_, _minus(w_, s_)), "==",
                            (_sq(_minus(w_, s_)) - _sq(_minus(w_next, s_))) / (2 * eta) + eta / 2 * _sq(g_), REARRANGE),
                  ProofStep(1919, a_ / (2 * eta) - b_ / (2 * eta) + Q_, "<=", a_ / (2 * eta) + Q_,
                            Semialgebraic(a_ / (2 * eta) - b_ / (2 * eta) + Q_, "<=", a_ / (2 * eta) + Q_, {a_: R, b_: NONNEG, Q_: R, eta: POS}),
                            note="dropping −‖w_{T+1} − w*‖²/(2η) ≤ 0")]),
    claim(None, 1911, "one step of gradient descent, expanded", "identity",
          "‖w_{t+1} − w*‖² = ‖w_t − η∇L(w_t) − w*‖² = ‖w_t − w*‖² − 2η⟨∇L(w_t), w_t − w*⟩ + η²‖∇L(w_t)‖²",
          checks=[Identity(_sq(_minus(w_next, s_)), _sq(_minus(w_, s_)) - 2 * eta * _inner(g_, _minus(w_, s_)) + eta**2 * _sq(g_))]),
    claim(None, 1915, "one step, rearranged", "inequality",
          "⟨∇L(w_t), w_t − w*⟩ ≤ ‖w_t − w*‖²/(2η) − ‖w_{t+1} − w*‖²/(2η) + (η/2)‖∇L(w_t)‖²",
          checks=[REARRANGE, InstanceSearch(Measured(GD_FREE, "step_excess"), sp.Integer(0), part="on runs")]),
    claim(None, 1919, "summed and telescoped", "inequality",
          "Σ_t ⟨∇L(w_t), w_t − w*⟩ ≤ ‖w_1 − w*‖²/(2η) − ‖w_{T+1} − w*‖²/(2η) + (η/2)Σ‖∇L(w_t)‖² ≤ ‖w* − w_1‖²/(2η) + (η/2)Σ‖∇L(w_t)‖²",
          checks=[InstanceSearch(*lhs_le_rhs(GD_FREE, v["sum_lin"], v["r1919_a"]), part="first link (the telescoped sum)"),
                  InstanceSearch(*lhs_le_rhs(GD_FREE, v["r1919_a"], v["r1901"]), part="second link (dropping the negative term)"),
                  Semialgebraic(a_ / (2 * eta) - b_ / (2 * eta) + Q_, "<=", a_ / (2 * eta) + Q_, {a_: R, b_: NONNEG, Q_: R, eta: POS},
                                part="second link (dropping the negative term)")]),
    claim(None, 1921, "convexity closes the proof", "inequality", "L(w_t) − L(w*) ≤ ⟨∇L(w_t), w_t − w*⟩",
          printed="\\mathcal{L}(\\mathbf{w}_t) - \\mathcal{L}(\\mathbf{w}_\\star) \\leq \\langle \\nabla \\mathcal{L}(\\mathbf{w}_t), \\mathbf{w}_t - \\mathbf{w}_\\star \\rangle",
          hypotheses=["L convex; summed over t it turns line 1901 into line 1905"],
          checks=[InstanceSearch(Measured(GD_FREE, "sum_gap"), v["sum_lin"])]),
    claim("Lem 13.2", 1925, "small function values imply small gradients", "inequality", "‖∇L(w)‖²/(2H) ≤ L(w) − L(w*)",
          end_line=1927,
          hypotheses=["L: R^d → R H-smooth, w* a global minimiser (L(w*) = inf L); convexity is not assumed (checked on a convex and on "
                      "a non-convex function)"],
          checks=[InstanceSearch(Measured(CONVEX_POINT, "g2_over_2H"), v["gap"], part="convex"),
                  InstanceSearch(Measured(NONCONVEX_POINT, "g2_over_2H"), v["gap"], part="non-convex"),
                  ProofStep(1937, v["f_step"], "<=", v["f_w_minus"], InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_step"], v["f_w_minus"])),
                            note="δ = −∇L(w)/H in the smoothness bound"),
                  ProofStep(1937, v["f_star"], "<=", v["f_w_minus"], InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_star"], v["f_w_minus"])),
                            note="L(w*) ≤ L(w − ∇L(w)/H): w* minimises L over all of R^d")]),
    claim(None, 1929, "the proof needs the whole space", "existence",
          "some H-smooth L defined only on a bounded subset of R^d has ‖∇L(w)‖²/(2H) > L(w) − L(w*) at some w (w* its minimiser "
          "there): the proof's point w − ∇L(w)/H leaves the domain",
          printed="the proof of this theorem may not work if  $\\mathcal{L}$  is only defined on a bounded subset of  $\\mathbb{R}^d$",
          hypotheses=["'may not work' read as: Lemma 13.2's conclusion can fail for such an L (so no proof can work there); a witness "
                      "is searched among L(w) = w on [0, 1], which is H-smooth for every H (its gradient is constant)"],
          checks=[InstanceSearch(Measured(linear_on_interval, "g2_over_2H"), v["gap"], quantifier="exists")],
          notes="at the witness w − ∇L(w)/H < 0 lies outside [0, 1], where the step 'L(w*) ≤ L(w − ∇L(w)/H)' of line 1937 "
                "has no meaning"),
    claim(None, 1933, "smoothness, in the proof of Lemma 13.2", "inequality", "L(w + δ) ≤ L(w) + ⟨∇L(w), δ⟩ + (H/2)‖δ‖²",
          hypotheses=["Lemma 13.2's: L: R^d → R H-smooth; any w, δ ∈ R^d"],
          checks=[InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_plus"], v["upper"]))]),
    claim(None, 1937, "δ = −∇L(w)/H", "inequality",
          "L(w − ∇L(w)/H) ≤ L(w) − ‖∇L(w)‖²/(2H), and L(w*) ≤ L(w) − ‖∇L(w)‖²/(2H)",
          hypotheses=["Lemma 13.2's: L: R^d → R H-smooth, w* a global minimiser of L over R^d (the second line uses both)"],
          checks=[Identity(-H * (g_[0] ** 2 + g_[1] ** 2) / H**2 + H / 2 * (g_[0] ** 2 + g_[1] ** 2) / H**2, -(g_[0] ** 2 + g_[1] ** 2) / (2 * H),
                           part="⟨∇L, δ⟩ + (H/2)‖δ‖² = −‖∇L‖²/(2H) at δ = −∇L/H"),
                  InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_step"], v["f_w_minus"]), part="first line"),
                  InstanceSearch(*lhs_le_rhs(NONCONVEX_POINT, v["f_star"], v["f_w_minus"]), part="second line")]),
    claim("Thm 13.3", 1945, "gradient descent on smooth convex losses", "inequality",
          "Σ_{t=1}^T L(w_t) − L(w*) ≤ 2H‖w* − w_1‖² with η = 1/(2H)", end_line=1947,
          hypotheses=["L convex and H-smooth with minimiser w*, η = 1/(2H), " + RUN,
                      "performance estimation: gradient descent on the smooth convex class, Σ_{k=0}^{T−1} f(x_k) − f* ('sum gap'), "
                      "‖x_0 − x*‖ ≤ D; " + NORMALISED],
          symbols={"H": H, "D": D, "T": T}, bound=2 * H * D**2,
          constants={"D": "‖w* − w_1‖"},
          checks=[PerformanceEstimation("smooth convex", "gradient descent", "sum gap", T, rhs=BOUND, L=H, params={"step": 1 / (2 * H)},
                                        radius=D, constants={H: 1, D: 1}),
                  InstanceSearch(Measured(GD_HALF, "sum_gap"), 2 * H * v["dist1_sq"]),
                  Scaling(v["sum_gap"], BOUND, {v["sum_gap"]: "loss", H: "hess", D: "param", T: "none"}),
                  ProofStep(1955, S_, "<=", Rr / (2 * eta) + eta / 2 * Q_, InstanceSearch(Measured(GD_HALF, "sum_gap"), v["r1901"]),
                            note="Theorem 13.1 (S = Σ gaps, R = ‖w* − w_1‖², Q = Σ‖∇L(w_t)‖²)"),
                  ProofStep(1959, Rr / (2 * eta) + eta / 2 * Q_, "<=", Rr / (2 * eta) + eta / 2 * 2 * H * S_,
                            InstanceSearch(Measured(GD_HALF, "r1901"), v["r1959"]), note="Lemma 13.2 term by term"),
                  ProofStep(1963, (Rr / (2 * eta) + eta / 2 * 2 * H * S_).subs(eta, 1 / (2 * H)), "==", H * Rr + S_ / 2,
                            Identity((Rr / (2 * eta) + eta / 2 * 2 * H * S_).subs(eta, 1 / (2 * H)), H * Rr + S_ / 2), note="η = 1/(2H)"),
                  ProofStep(1967, S_, "<=", 2 * H * Rr,
                            Semialgebraic(S_, "<=", 2 * H * Rr, {S_: R, Rr: NONNEG, H: POS}, given=(S_ <= H * Rr + S_ / 2,)),
                            note="rearranging S ≤ HR + S/2")]),
    claim(None, 1951, "the average iterate", "inequality", "L(ŵ) − L(w*) ≤ 2H‖w* − w_1‖²/T, ŵ = (1/T)Σ_t w_t",
          hypotheses=["as Theorem 13.3; performance estimation: f((x_0 + … + x_{T−1})/T) − f* ('average gap'), " + NORMALISED],
          symbols={"H": H, "D": D, "T": T}, bound=2 * H * D**2 / T,
          checks=[PerformanceEstimation("smooth convex", "gradient descent", "average gap", T, rhs=BOUND, L=H, params={"step": 1 / (2 * H)},
                                        radius=D, constants={H: 1, D: 1}),
                  InstanceSearch(Measured(GD_HALF, "avg_gap"), 2 * H * v["dist1_sq"] / sp.Symbol("T", positive=True))]),
    claim(None, 1955, "Theorem 13.1 in the proof of Theorem 13.3", "inequality",
          "Σ_t L(w_t) − L(w*) ≤ ‖w* − w_1‖²/(2η) + (η/2)Σ_t‖∇L(w_t)‖²",
          hypotheses=["as Theorem 13.3 (η = 1/(2H))"],
          checks=[InstanceSearch(Measured(GD_HALF, "sum_gap"), v["r1901"])]),
    claim(None, 1959, "Lemma 13.2 in the proof", "inequality",
          "… ≤ ‖w* − w_1‖²/(2η) + (η/2)Σ_t 2H(L(w_t) − L(w*))",
          checks=[InstanceSearch(Measured(GD_HALF, "r1901"), v["r1959"]),
                  Semialgebraic(Rr / (2 * eta) + eta / 2 * a_, "<=", Rr / (2 * eta) + eta / 2 * 2 * H * b_,
                                {Rr: NONNEG, eta: POS, H: POS, a_: NONNEG, b_: R}, given=(a_ <= 2 * H * b_,),
                                part="from Lemma 13.2 (‖∇L(w_t)‖² ≤ 2H(L(w_t) − L(w*)), summed)")]),
    claim(None, 1963, "η = 1/(2H)", "identity", "… = H‖w* − w_1‖² + (1/2)Σ_t L(w_t) − L(w*)",
          checks=[Identity((Rr / (2 * eta) + eta / 2 * 2 * H * S_).subs(eta, 1 / (2 * H)), H * Rr + S_ / 2),
                  InstanceSearch(Measured(GD_HALF, "r1959"), v["r1963"], rel="==", part="on runs")]),
    claim(None, 1967, "rearranging", "inequality", "Σ_t L(w_t) − L(w*) ≤ 2H‖w* − w_1‖²",
          hypotheses=["as Theorem 13.3 (L convex and H-smooth, η = 1/(2H)); the step from line 1963 is algebra alone"],
          checks=[Semialgebraic(S_, "<=", 2 * H * Rr, {S_: R, Rr: NONNEG, H: POS}, given=(S_ <= H * Rr + S_ / 2,),
                                part="from line 1963"),
                  InstanceSearch(Measured(GD_HALF, "sum_gap"), 2 * H * v["dist1_sq"])]),
    claim(None, 1971, "Jensen", "inequality", "L(ŵ) = L(E[X]) ≤ E[L(X)] = (1/T)Σ_t L(w_t)",
          hypotheses=["L convex, X uniform on w_1 … w_T"],
          checks=[InstanceSearch(*lhs_le_rhs(GD_HALF, v["f_mean"], v["mean_f"]))]),
    claim(None, 1975, "the average iterate against the average gap", "inequality",
          "L(ŵ) − L(w*) ≤ (1/T)Σ_t L(w_t) − L(w*)",
          hypotheses=["L convex (Theorem 13.3), through Jensen's inequality at line 1971"],
          checks=[InstanceSearch(Measured(GD_HALF, "avg_gap"), v["mean_gap"])]),
    claim(None, 1979, "O(1/T) against O(1/√T)", "rate",
          "Theorem 13.3's average-iterate bound decays like 1/T, Theorem 2.4's like 1/√T",
          printed="here we obtained  $O(1/T)$  suboptimality, while previously it was only  $O(1/\\sqrt{T})$",
          hypotheses=["O(·) in T with the constants H, G, D fixed: the bound times T (resp. √T) does not depend on T"],
          checks=[Identity(2 * H * D**2 / T * T, 2 * H * D**2, part="2HD²/T = O(1/T)"),
                  Identity(G * D / sp.sqrt(T) * sp.sqrt(T), G * D, part="GD/√T = O(1/√T)"),
                  NotCheckable("the lower bound for Lipschitz losses is cited ([14]), not stated", part="tightness for G-Lipschitz losses")]),
    claim(None, 1981, "acceleration achieves O(1/T²)", "qualitative", "accelerated methods reach O(1/T²) on smooth convex losses",
          printed="it is possible to obtain  $O(1/T^2)$",
          hypotheses=["decided through Theorem 15.2 (003:Thm 15.2), which proves it for Algorithm 11"],
          checks=[NotCheckable("announces Theorem 15.2 (003:Thm 15.2), where the rate is decided")]),
]
