"""003 §15, lines 2039–2199: acceleration — Theorem 15.1, Algorithm 11, its momentum form, Theorem 15.2, Proposition 15.3.

Theorem 15.2 is decided by performance estimation: Algorithm 11 is the method "nesterov" of the check
(x_{k+1} = y_k − η∇f(y_k), y_{k+1} = x_{k+1} + β(x_{k+1} − x_k)) with x_k = w_{k+1}, y_k = Algorithm 11's x_{k+1} and
β = α_k²/(α_{k+2} α_{k+1}) at the 0-based step k (line 2149; the equivalence is checked on exact runs at line 2151).
The proof of Theorem 15.2 (lines 2201–2263) is in ``s15_acceleration_proofs``.
"""

import mpmath
import sympy as sp

from optverify import (BOUND, Corrected, Identity, InstanceSearch, NotCheckable, PerformanceEstimation, ProofStep, Scaling,
                       Semialgebraic, Simulation, closed)
from optverify.claims.ec500_notes_003._common import D, H, T, claim, eta, t
from optverify.claims.specs import Range, pep_k
from optverify.counterexamples.ec500_momentum_sim import Alg11Rate
from optverify.counterexamples.families import Measured
from optverify.counterexamples.families.ec500_acceleration import lhs_le_rhs, agd_run, alg10_vs_alg11, alpha_seq, any_sequence, smooth_convex_gd


class alpha11(sp.Function):
    """α_t of Algorithm 11 at an integer t ≥ 0: α_0 = 0, α_1 = 1, α_{t+1} = (1 + √(1 + 4α_t²))/2 (the positive root of
    α² − α = Σ_{i≤t} α_i = α_t², line 2105 with Proposition 15.3's α_t² = Σ_{i≤t} α_i), to 80 digits."""

    @classmethod
    def eval(cls, n):
        if n.is_Integer and n >= 0:
            with mpmath.workdps(90):
                a = mpmath.mpf(0) if n == 0 else mpmath.mpf(1)
                for _ in range(int(n) - 1):
                    a = (1 + mpmath.sqrt(1 + 4 * a * a)) / 2
                return sp.Float(mpmath.nstr(a, 85), 85)
        return None


R = Range(-sp.oo, sp.oo)
POS = Range(sp.Integer(0), sp.oo, True)
NONNEG = Range(sp.Integer(0), sp.oo)
GD_FREE = smooth_convex_gd.bind(step="free")
GD_LE = smooth_convex_gd.bind(step="le_1/H")
v = {k: sp.Symbol(k, real=True) for k in (
    "sum_lin", "r2063", "r2077", "r1901", "avg_gap", "r2053", "sum_gap", "gap_last", "dist1_sq", "A_t", "alpha_t", "alpha_t_sq", "lo", "hi",
    "alpha_next", "printed2175", "bound2175", "A_next", "r2179", "sqrt_prev", "r2191", "lo2191", "lo_next", "eta_s", "D2", "T_s")}

# one coordinate of the vectors (the identities are linear in the vectors and hold coordinate by coordinate)
w_, y_, x_, gr, s_, wn, vprev = sp.symbols("w_t y_t x_t nablaL w_star w_next v_prev", real=True)
al = sp.Symbol("alpha_t", positive=True)
a1 = sp.Symbol("alpha_tm1", nonnegative=True)  # α_{t−1}
a0 = sp.Symbol("alpha_tm2", nonnegative=True)  # α_{t−2}
A_prev = sp.Symbol("A_tm1", nonnegative=True)  # Σ_{i<t} α_i
tau = al / (A_prev + al)
x_def = (1 - tau) * w_ + tau * y_
alpha_of = (1 + sp.sqrt(1 + 4 * a1**2)) / 2  # α_t from α_{t−1} (α_t² − α_t = Σ_{i<t} α_i = α_{t−1}²)
ALG = ("Algorithm 11 as printed: y_1 = w_1, α_0 = 0, α_1 = 1, τ_t = α_t/Σ_{i≤t}α_i, x_t = (1 − τ_t)w_t + τ_t y_t, g_t = α_t∇L(x_t), "
       "y_{t+1} = y_t − ηg_t, w_{t+1} = x_t − η∇L(x_t), α_{t+1} the positive root of α² − α = Σ_{i≤t}α_i")
VEC = "vectors written by one coordinate: the relation is linear in them and holds coordinate by coordinate"
RELATION = "α_t² = Σ_{i≤t} α_i (line 2251, proved as Proposition 15.3's corrected form), so Σ_{i<t} α_i = α_{t−1}² and τ_t = 1/α_t"
v_t = (y_ - w_) / al - eta * gr  # line 2115
ALG_DOM = {al: closed(1, 100), A_prev: closed(0, 100), eta: closed(sp.Rational(1, 100), 10)}  # α_t ≥ 1, Σ_{i<t}α_i ≥ 0, η > 0

CLAIMS = [
    claim(None, 2045, "descent lemma", "inequality", "L(w_{t+1}) ≤ L(w_t) − (η/2)‖∇L(w_t)‖² for η ≤ 1/H",
          hypotheses=["L H-smooth (convexity not used), gradient descent with η ≤ 1/H; checked on Huber ⊕ quadratic"],
          checks=[InstanceSearch(Measured(GD_LE, "descent_excess"), sp.Integer(0))]),
    claim(None, 2049, "Theorem 13.1 recalled", "inequality",
          "Σ_t L(w_t) − L(w*) ≤ ‖w* − w_1‖²/(2η) + (η/2)Σ_t ‖∇L(w_t)‖²",
          hypotheses=["as 003:Thm 13.1 (convex L, any η)"],
          checks=[InstanceSearch(Measured(GD_FREE, "sum_gap"), v["r1901"])]),
    claim(None, 2053, "the average iterate", "inequality",
          "L(ŵ) − L(w*) ≤ ‖w* − w_1‖²/(2ηT) + (η/(2T))Σ_t ‖∇L(w_t)‖², ŵ = (1/T)Σ_t w_t",
          hypotheses=["as 003:Thm 13.1 with convex L; Jensen (003:L1971)"],
          checks=[InstanceSearch(Measured(GD_FREE, "avg_gap"), v["r2053"])]),
    claim("Thm 15.1", 2061, "online gradient descent on any sequence", "inequality",
          "Σ_t ⟨g_t, w_t − w*⟩ ≤ ‖w* − w_1‖²/(2η) + (η/2)Σ_t ‖g_t‖² for any g_1 … g_T and any w*", end_line=2063,
          hypotheses=["g_t arbitrary vectors, w_{t+1} = w_t − ηg_t, η > 0, w* any point", "the first part of 003:Thm 13.1 is the case "
                      "g_t = ∇L(w_t)"],
          checks=[InstanceSearch(Measured(any_sequence, "sum_lin"), v["r2063"]),
                  ProofStep(2069, (w_ - eta * gr - s_) ** 2, "==", (w_ - s_) ** 2 - 2 * eta * gr * (w_ - s_) + eta**2 * gr**2,
                            Identity((w_ - eta * gr - s_) ** 2, (w_ - s_) ** 2 - 2 * eta * gr * (w_ - s_) + eta**2 * gr**2), note=VEC),
                  ProofStep(2073, gr * (w_ - s_), "<=", ((w_ - s_) ** 2 - (w_ - eta * gr - s_) ** 2) / (2 * eta) + eta / 2 * gr**2,
                            Identity(gr * (w_ - s_), ((w_ - s_) ** 2 - (w_ - eta * gr - s_) ** 2) / (2 * eta) + eta / 2 * gr**2),
                            note="it holds with equality"),
                  ProofStep(2077, v["sum_lin"], "<=", v["r2077"], InstanceSearch(*lhs_le_rhs(any_sequence, v["sum_lin"], v["r2077"])),
                            note="the telescoped sum")]),
    claim(None, 2069, "one step, expanded", "identity", "‖w_{t+1} − w*‖² = ‖w_t − w*‖² − 2η⟨g_t, w_t − w*⟩ + η²‖g_t‖²",
          hypotheses=[VEC],
          checks=[Identity((w_ - eta * gr - s_) ** 2, (w_ - s_) ** 2 - 2 * eta * gr * (w_ - s_) + eta**2 * gr**2)]),
    claim(None, 2073, "one step, rearranged", "inequality",
          "⟨g_t, w_t − w*⟩ ≤ (‖w_t − w*‖² − ‖w_{t+1} − w*‖²)/(2η) + (η/2)‖g_t‖²",
          checks=[InstanceSearch(Measured(any_sequence, "step_excess"), sp.Integer(0))]),
    claim(None, 2077, "summed and telescoped", "inequality",
          "Σ_t ⟨g_t, w_t − w*⟩ ≤ (‖w_1 − w*‖² − ‖w_{T+1} − w*‖²)/(2η) + (η/2)Σ_t ‖g_t‖²",
          checks=[InstanceSearch(*lhs_le_rhs(any_sequence, v["sum_lin"], v["r2077"]))]),
    claim("Alg 11", 2083, "Accelerated Gradient Descent via Momentum", "algorithm",
          "Algorithm 11 runs (α_{t+1} well defined) and converges at the rate of Theorem 15.2", end_line=2107,
          hypotheses=[ALG, "η = 1/H (Theorem 15.2's choice); exact gradients"],
          checks=[Semialgebraic(((1 + sp.sqrt(1 + 4 * A_prev)) / 2) ** 2 - (1 + sp.sqrt(1 + 4 * A_prev)) / 2, "==", A_prev, {A_prev: NONNEG},
                                part="α_{t+1} = (1 + √(1 + 4Σ_{i≤t}α_i))/2 solves line 2105 (and is ≥ 1 > 0)"),
                  Simulation(Alg11Rate(), 9 * v["D2"] / (2 * T**2 * eta), part="runs on the engine against Theorem 15.2's bound")],
          notes="cross-references: 002:L224 (Nesterov's momentum with a constant β), 003:L2151 (its momentum form)"),
    claim(None, 2115, "the velocity of Algorithm 11", "definition", "v_t = (1/α_t)(y_t − w_t) − η∇L(x_t)",
          checks=[NotCheckable("definition of v_t")]),
    claim(None, 2119, "w_{t+1} rewritten", "identity",
          "w_{t+1} = x_t − η∇L(x_t) = (1 − τ_t)w_t + τ_t y_t − η∇L(x_t) = w_t + τ_t(y_t − w_t) − η∇L(x_t)",
          hypotheses=[ALG, VEC],
          checks=[Identity(x_def - eta * gr, w_ + tau * (y_ - w_) - eta * gr)]),
    claim(None, 2121, "α_t = Σ_{i≤t} α_i, so τ_t = 1/α_t", "identity", "α_t = Σ_{i=1}^t α_i and τ_t = 1/α_t",
          printed="using the fact that  $\\alpha_t = \\sum_{i=1}^t \\alpha_i$ , so that  $\\tau_t = \\frac{1}{\\alpha_t}$",
          hypotheses=[ALG],
          checks=[InstanceSearch(Measured(alpha_seq, "alpha_t"), v["A_t"], rel="==", part="α_t = Σ_{i≤t} α_i")],
          corrected=Corrected("α_t² = Σ_{i=1}^t α_i, so τ_t = α_t/α_t² = 1/α_t",
                              "α_2 = (1 + √5)/2 while α_1 + α_2 = (3 + √5)/2 = α_2²: the square is missing (line 2251 prints α_t² = Σ α_i)",
                              checks=[InstanceSearch(Measured(alpha_seq, "alpha_t_sq"), v["A_t"], rel="==")]),
          notes="the same slip as Proposition 15.3's 'Further' (003:Prop 15.3)"),
    claim(None, 2123, "w_{t+1} = w_t + v_t", "identity", "w_t + (1/α_t)(y_t − w_t) − η∇L(x_t) = w_t + v_t", end_line=2123,
          hypotheses=[ALG, RELATION, VEC],
          checks=[Identity(w_ + (y_ - w_) / al - eta * gr, w_ + v_t)]),
    claim(None, 2127, "y_{t+1} − w_{t+1}", "identity",
          "y_{t+1} − w_{t+1} = y_t − ηα_t∇L(x_t) − w_{t+1} = y_t − ηα_t∇L(x_t) − x_t + η∇L(x_t) = y_t − (1 − τ_t)w_t + τ_t y_t − "
          "η(α_t − 1)∇L(x_t) = (1 − τ_t)(y_t − w_t) − η(α_t − 1)∇L(x_t)",
          hypotheses=[ALG, VEC, "each printed equality is a link"],
          checks=[Identity((y_ - eta * al * gr) - (x_def - eta * gr), y_ - eta * al * gr - x_def + eta * gr, domain=ALG_DOM, part="second line"),
                  Identity(y_ - eta * al * gr - x_def + eta * gr, y_ - (1 - tau) * w_ + tau * y_ - eta * (al - 1) * gr, domain=ALG_DOM, part="third line"),
                  Identity(y_ - (1 - tau) * w_ + tau * y_ - eta * (al - 1) * gr, (1 - tau) * (y_ - w_) - eta * (al - 1) * gr, domain=ALG_DOM, part="fourth line"),
                  Identity((y_ - eta * al * gr) - (x_def - eta * gr), (1 - tau) * (y_ - w_) - eta * (al - 1) * gr,
                           domain=ALG_DOM, part="first side = last side")],
          corrected=Corrected("third line y_t − (1 − τ_t)w_t − τ_t y_t − η(α_t − 1)∇L(x_t)",
                              "−x_t = −(1 − τ_t)w_t − τ_t y_t: the printed +τ_t y_t has the wrong sign; the end result is right",
                              checks=[Identity(y_ - eta * al * gr - x_def + eta * gr, y_ - (1 - tau) * w_ - tau * y_ - eta * (al - 1) * gr, domain=ALG_DOM),
                                      Identity(y_ - (1 - tau) * w_ - tau * y_ - eta * (al - 1) * gr, (1 - tau) * (y_ - w_) - eta * (al - 1) * gr, domain=ALG_DOM)])),
    claim(None, 2131, "two properties of α_t", "identity",
          "α_t − 1 = (α_t² − α_t)/α_t = Σ_{i<t}α_i/α_t = α_{t−1}²/α_t; 1 − τ_t = Σ_{i<t}α_i/Σ_{i≤t}α_i = α_{t−1}²/α_t²",
          hypotheses=[ALG, "t ≥ 1; α_t² − α_t = Σ_{i<t}α_i = α_{t−1}² (line 2105 and the corrected line 2121)"],
          checks=[Identity(alpha_of - 1, (alpha_of**2 - alpha_of) / alpha_of, part="α_t − 1 = (α_t² − α_t)/α_t"),
                  Identity((alpha_of**2 - alpha_of) / alpha_of, a1**2 / alpha_of, part="= α_{t−1}²/α_t"),
                  Identity(1 - alpha_of / (a1**2 + alpha_of), a1**2 / (a1**2 + alpha_of), part="1 − τ_t = Σ_{i<t}α_i/Σ_{i≤t}α_i"),
                  Identity(a1**2 / (a1**2 + alpha_of), a1**2 / alpha_of**2, part="= α_{t−1}²/α_t²")]),
    claim(None, 2135, "y_{t+1} − w_{t+1} in terms of v_t", "identity", "y_{t+1} − w_{t+1} = (α_{t−1}²/α_t) v_t",
          hypotheses=[ALG, RELATION, VEC],
          checks=[Identity(((1 - 1 / alpha_of) * (y_ - w_) - eta * (alpha_of - 1) * gr),
                           a1**2 / alpha_of * ((y_ - w_) / alpha_of - eta * gr))]),
    claim(None, 2139, "equation (7)", "identity",
          "y_t − w_t = (α_{t−2}²/α_{t−1}) v_{t−1} and v_t = (α_{t−2}²/(α_t α_{t−1})) v_{t−1} − η∇L(x_t) for t ≥ 2",
          hypotheses=[ALG, RELATION, VEC, "the first equation is line 2135 with t − 1 for t"],
          checks=[Identity(((a0**2 / a1) * vprev) / al - eta * gr, (a0**2 / (al * a1)) * vprev - eta * gr,
                           part="v_t from line 2115 with y_t − w_t = (α_{t−2}²/α_{t−1})v_{t−1}"),
                  InstanceSearch(Measured(alg10_vs_alg11.bind(sign=1), "gap"), sp.Integer(0), rel="==",
                                 part="Algorithm 11's iterates follow the momentum recursion (exact runs)")]),
    claim(None, 2143, "x_t = w_t + (1/α_t)(y_t − w_t)", "identity", "x_t = w_t + τ_t(y_t − w_t) = w_t + (1/α_t)(y_t − w_t)",
          hypotheses=[ALG, RELATION, VEC],
          checks=[Identity(x_def, w_ + tau * (y_ - w_), part="first equality"),
                  Identity(tau.subs(A_prev, a1**2).subs(al, alpha_of), 1 / alpha_of, part="τ_t = 1/α_t")]),
    claim(None, 2147, "x_t by the previous velocity", "identity", "x_t = w_t + (α_{t−2}²/(α_{t−1}α_t)) v_{t−1}",
          hypotheses=[ALG, RELATION, VEC, "equation (7), t ≥ 2"],
          checks=[Identity(w_ + ((a0**2 / a1) * vprev) / al, w_ + a0**2 / (a1 * al) * vprev)]),
    claim(None, 2151, "Algorithm 11 is the two-step momentum of Algorithm 10", "identity",
          "with β_1 = 0, β_t = α_{t−2}²/(α_tα_{t−1}): x_t = w_t + β_t v_{t−1}, v_t = β_t v_{t−1} − η∇L(x_t), w_{t+1} = w_t + v_t, "
          "'exactly the form of the two-step momentum integrator used in Algorithm 10'", end_line=2153,
          hypotheses=[ALG, "Algorithm 10 as printed (003:Alg 10@L2003): w_{t+½} = w_t − β_t v_{t−1}, w_{t+1} = w_t − v_t, with these β_t and "
                      "η_t = η", "compared on exact runs (Huber ⊕ quadratic): the largest distance between the two sequences w_t"],
          checks=[InstanceSearch(Measured(alg10_vs_alg11.bind(sign=1), "gap"), sp.Integer(0), rel="==",
                                 part="the three updates of line 2151 reproduce Algorithm 11"),
                  InstanceSearch(Measured(alg10_vs_alg11.bind(sign=-1), "gap"), sp.Integer(0), rel="==",
                                 part="they are Algorithm 10 as printed")],
          corrected=Corrected("the updates of line 2151 are Algorithm 10 with w_{t+1} = w_t + v_t and w_{t+½} = w_t + β_t v_{t−1}",
                              "Algorithm 10 prints the other sign (003:Alg 10@L2003, 003:L1993)",
                              checks=[InstanceSearch(Measured(alg10_vs_alg11.bind(sign=1), "gap"), sp.Integer(0), rel="==")]),
          notes="false only because Algorithm 10 as printed (003:Alg 10@L2003) uses w_{t+1} = w_t − v_t"),
    claim("Thm 15.2", 2157, "Algorithm 11's accelerated rate", "inequality",
          "L(w_{T+1}) − L(w*) ≤ 9‖w* − w_0‖²/(2T²η) for η ≤ 1/H", end_line=2159,
          hypotheses=["L convex and H-smooth with minimiser w*, η ≤ 1/H, " + ALG,
                      "w_0 is not defined by Algorithm 11 (its first point is w_1, and the proof ends 'observing that y_1 = w_1'): read as the "
                      "initial point w_1",
                      "performance estimation: method 'nesterov' with x_k = w_{k+1}, step η ∈ [1/2, 1]/H sampled, "
                      "β_k = α_k²/(α_{k+2}α_{k+1}) (line 2149), measure f(x_T) − f* = L(w_{T+1}) − L*; H = D = 1 (homogeneous)"],
          symbols={"H": H, "D": D, "T": T, "eta": eta}, bound=9 * D**2 / (2 * T**2 * eta),
          constants={"D": "‖w* − w_1‖"},
          checks=[PerformanceEstimation("smooth convex", "nesterov", "last gap", T, rhs=BOUND,
                                        L=H, params={"step": eta, "beta": alpha11(pep_k) ** 2 / (alpha11(pep_k + 2) * alpha11(pep_k + 1))},
                                        radius=D, constants={H: 1, D: 1, eta: closed(sp.Rational(1, 2), 1)}),
                  InstanceSearch(Measured(agd_run, "gap_last"), 9 * v["dist1_sq"] / (2 * T**2 * eta)),
                  Scaling(v["gap_last"], BOUND, {v["gap_last"]: "loss", D: "param", T: "none", eta: "step"})],
          notes="the sharp ratio per horizon is in the performance-estimation evidence; Proposition 15.3's lower bound T²/9 on Σα_t is "
                "loose (Σα_t ≈ T²/4), so the constant 9/2 is not tight"),
    claim(None, 2163, "with η = 1/H", "rate", "L(w_{T+1}) − L(w*) ≤ O(H‖w* − w_0‖²/T²)",
          hypotheses=["η = 1/H in Theorem 15.2; O(·) in T with H and ‖w* − w_0‖ fixed"],
          checks=[Identity((9 * D**2 / (2 * T**2 * eta)).subs(eta, 1 / H), sp.Rational(9, 2) * H * D**2 / T**2),
                  Scaling(v["gap_last"], H * D**2 / T**2, {v["gap_last"]: "loss", H: "hess", D: "param", T: "none"})]),
    claim("Prop 15.3", 2167, "growth of Σ α_t", "inequality", "t²/9 ≤ Σ_{i≤t} α_i ≤ t² for all t ≥ 1; further α_t = Σ_{i≤t} α_i",
          end_line=2171,
          hypotheses=[ALG],
          checks=[InstanceSearch(Measured(alpha_seq, "lo"), v["A_t"], part="t²/9 ≤ Σ α_i"),
                  InstanceSearch(Measured(alpha_seq, "A_t"), v["hi"], part="Σ α_i ≤ t²"),
                  InstanceSearch(Measured(alpha_seq, "alpha_t"), v["A_t"], rel="==", part="Further, α_t = Σ_{i≤t} α_i"),
                  ProofStep(2175, v["alpha_next"], "==", v["printed2175"], InstanceSearch(Measured(alpha_seq, "alpha_next"), v["printed2175"], rel="=="),
                            note="α_{t+1} = (1 + √(1 + 4Σ_{i≤t−1}α_i))/2"),
                  ProofStep(2191, v["r2191"], ">=", v["lo2191"],
                            Semialgebraic(A_prev + sp.sqrt(sp.Symbol("B", nonnegative=True)), ">=", t**2 / 9 + t / 3,
                                          {A_prev: NONNEG, sp.Symbol("B", nonnegative=True): NONNEG, t: Range(1, sp.oo)},
                                          given=(A_prev >= t**2 / 9, sp.Symbol("B", nonnegative=True) >= (t - 1) ** 2 / 9)),
                            note="from the induction assumption (Σ_{i≤t}α_i ≥ t²/9 and Σ_{i≤t−1}α_i ≥ (t−1)²/9) to Σ_{i≤t}α_i + √(Σ_{i≤t−1}α_i) ≥ "
                                 "t²/9 + t/3")],
          corrected=Corrected("t²/9 ≤ Σ_{i≤t} α_i ≤ t², and α_t² = Σ_{i≤t} α_i",
                              "α_2 = (1 + √5)/2 ≠ α_1 + α_2; the definition α_t² − α_t = Σ_{i<t}α_i gives α_t² = Σ_{i≤t}α_i",
                              checks=[InstanceSearch(Measured(alpha_seq, "lo"), v["A_t"]), InstanceSearch(Measured(alpha_seq, "A_t"), v["hi"]),
                                      InstanceSearch(Measured(alpha_seq, "alpha_t_sq"), v["A_t"], rel="==")]),
          notes="the bounds hold on every t searched; 'Further' is the slip of line 2121 (003:L2121)"),
    claim(None, 2175, "α_{t+1} by the quadratic formula", "inequality",
          "α_{t+1} = (1 + √(1 + 4Σ_{i≤t−1}α_i))/2 ≤ 1 + √(Σ_{i≤t−1}α_i)",
          hypotheses=[ALG, "t ≥ 1 (the induction step t → t + 1)"],
          checks=[InstanceSearch(Measured(alpha_seq, "alpha_next"), v["printed2175"], rel="==", part="the equality"),
                  Semialgebraic((1 + sp.sqrt(1 + 4 * A_prev)) / 2, "<=", 1 + sp.sqrt(A_prev), {A_prev: NONNEG}, part="the inequality")],
          corrected=Corrected("α_{t+1} = (1 + √(1 + 4Σ_{i≤t}α_i))/2 ≤ 1 + √(Σ_{i≤t}α_i)",
                              "α_{t+1} solves α² − α = Σ_{i≤t}α_i (line 2105): the sum runs to t, not t − 1",
                              checks=[InstanceSearch(Measured(alpha_seq, "A_next"), v["A_t"] + v["alpha_next"], rel="=="),
                                      Semialgebraic((1 + sp.sqrt(1 + 4 * A_prev)) / 2, "<=", 1 + sp.sqrt(A_prev), {A_prev: NONNEG})])),
    claim(None, 2179, "upper bound step", "inequality", "Σ_{i≤t+1}α_i ≤ Σ_{i≤t}α_i + 1 + √(Σ_{i≤t−1}α_i)",
          hypotheses=[ALG],
          checks=[InstanceSearch(Measured(alpha_seq, "A_next"), v["r2179"])],
          corrected=Corrected("Σ_{i≤t+1}α_i ≤ Σ_{i≤t}α_i + 1 + √(Σ_{i≤t}α_i), and then ≤ t² + 1 + t ≤ (t + 1)²",
                              "the corrected line 2175; with the induction assumption √(Σ_{i≤t}α_i) ≤ t, so the induction still closes",
                              checks=[Semialgebraic(A_prev + 1 + sp.sqrt(A_prev), "<=", (t + 1) ** 2, {A_prev: NONNEG, t: Range(1, sp.oo)},
                                                    given=(A_prev <= t**2,))]),
          notes="false only because line 2175 (003:L2175) puts Σ_{i≤t−1} where α_{t+1} needs Σ_{i≤t}"),
    claim(None, 2183, "using the induction assumption", "inequality", "Σ_{i≤t}α_i + 1 + √(Σ_{i≤t−1}α_i) ≤ t² + 1 + t ≤ (t + 1)²",
          hypotheses=["the induction assumption Σ_{i≤t}α_i ≤ t² and Σ_{i≤t−1}α_i ≤ (t − 1)², t ≥ 1"],
          checks=[Semialgebraic(A_prev + 1 + sp.sqrt(sp.Symbol("B", nonnegative=True)), "<=", t**2 + 1 + t,
                                {A_prev: NONNEG, sp.Symbol("B", nonnegative=True): NONNEG, t: Range(1, sp.oo)},
                                given=(A_prev <= t**2, sp.Symbol("B", nonnegative=True) <= (t - 1) ** 2), part="first link"),
                  Semialgebraic(t**2 + 1 + t, "<=", (t + 1) ** 2, {t: Range(1, sp.oo)}, part="second link")]),
    claim(None, 2187, "lower bound on α_{t+1}", "inequality", "α_{t+1} ≥ √(Σ_{i≤t−1}α_i)",
          checks=[InstanceSearch(Measured(alpha_seq, "sqrt_prev"), v["alpha_next"])]),
    claim(None, 2191, "lower bound step", "inequality",
          "Σ_{i≤t+1}α_i ≥ Σ_{i≤t}α_i + √(Σ_{i≤t−1}α_i) ≥ t²/9 + t/3",
          hypotheses=[ALG, "t ≥ 1; the relations checked on Algorithm 11's α_t"],
          checks=[InstanceSearch(Measured(alpha_seq, "r2191"), v["A_next"], part="first link"),
                  InstanceSearch(Measured(alpha_seq, "lo2191"), v["r2191"], part="second link"),
                  ProofStep(2191, v["r2191"], ">=", v["lo2191"],
                            Semialgebraic(A_prev + sp.sqrt(sp.Symbol("B", nonnegative=True)), ">=", t**2 / 9 + t / 3,
                                          {A_prev: NONNEG, sp.Symbol("B", nonnegative=True): NONNEG, t: Range(1, sp.oo)},
                                          given=(A_prev >= t**2 / 9, sp.Symbol("B", nonnegative=True) >= (t - 1) ** 2 / 9)),
                            note="the second link from the induction assumption alone (Σ_{i≤t}α_i ≥ t²/9, Σ_{i≤t−1}α_i ≥ (t − 1)²/9): it gives "
                                 "√(Σ_{i≤t−1}α_i) ≥ (t − 1)/3 only")],
          notes="the relation holds on Algorithm 11's α_t, but the induction assumption does not give it: the proof needs √(Σ_{i≤t}α_i) "
                "≥ t/3, i.e. Σ_{i≤t+1}α_i ≥ Σ_{i≤t}α_i + √(Σ_{i≤t}α_i), which α_{t+1} ≥ √(Σ_{i≤t}α_i) (line 2105) gives"),
    claim(None, 2195, "using t ≥ 1", "inequality", "t²/9 + t/3 ≥ t²/9 + 2t/9 + 1/9 = (t + 1)²/9",
          checks=[Semialgebraic(t**2 / 9 + t / 3, ">=", t**2 / 9 + 2 * t / 9 + sp.Rational(1, 9), {t: Range(1, sp.oo)}, part="t ≥ 1"),
                  Identity(t**2 / 9 + 2 * t / 9 + sp.Rational(1, 9), (t + 1) ** 2 / 9, part="the square")]),
]
