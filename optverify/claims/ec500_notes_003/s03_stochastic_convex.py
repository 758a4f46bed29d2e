"""003 §3 (lines 255–411): stochastic convex losses — Proposition 3.1, Algorithm 2, Theorem 3.2 and its proof,
the cost comparison with gradient descent, the generalisation of single-pass SGD (§3.1), Algorithm 3 (§3.2)."""

import sympy as sp

from optverify import (Corrected, Identity, InstanceSearch, Measured, NotCheckable, ParameterChoice, ProofComposition,
                       ProofStep, Pseudocode, Semialgebraic, closed)
from optverify.claims.ec500_notes_003._common import D, G, T, claim, eta
from optverify.claims.ec500_notes_003.s02_gradient_descent import (POS, _VEC, convexity_at_wt, dist_n, dist_t, dot, es,
                                                                   final_bound, g2, gv, Lt, Ls, rhs220, sum_of_steps,
                                                                   tele_closed, tele_sum, dseq, eta_24, wt, ws)
from optverify.counterexamples.families.ec500_descent import sgd_convex_lipschitz

# ---------------------------------------------------------------- Proposition 3.1 as printed: a counterexample
# z ∈ {1, 2, …} with P(z = n) = 2^{−n} (or z ~ U(0, 1], n(z) = ⌈log₂(1/z)⌉: the same law with a density);
# ℓ(w, n) = 2^n (u_n(w) − u_{n−1}(w)), u_n(w) = w e^{−n²w²}: every ℓ(·, n) is smooth; L(w) = Σ_n (u_n − u_{n−1})(w)
# telescopes to lim_N u_N(w) − u_0(w) = −w (u_N(w) → 0 for every w), so ∇L(0) = −1, while u_n'(0) = 1 for all n.
w, h = sp.Symbol("w", real=True), sp.Symbol("h", positive=True)
N_, n_ = sp.Symbol("N", integer=True, positive=True), sp.Symbol("n", integer=True, positive=True)


def u(k, x):
    return x * sp.exp(-k**2 * x**2)


E_grad_ell_at_0 = sp.Sum(2**-n_ * 2**n_ * (sp.diff(u(n_, w), w) - sp.diff(u(n_ - 1, w), w)).subs(w, 0), (n_, 1, sp.oo))
grad_L_at_0 = sp.Limit(sp.Limit(u(N_, h) - u(0, h), N_, sp.oo) / h, h, 0, "+")  # L(h) = −h for h > 0, L(0) = 0
_HYP31 = ["instance: z = n ∈ {1, 2, …} with probability 2^{−n} (equivalently z ~ U(0, 1] with n = ⌈log₂(1/z)⌉, a density), "
          "ℓ(w, n) = 2^n(u_n(w) − u_{n−1}(w)), u_n(w) = w e^{−n²w²}, d = 1: ℓ(·, z) is differentiable for every z and "
          "L(w) = E ℓ(w, z) = lim_N u_N(w) − u_0(w) = −w is finite and differentiable",
          "lhs E[∇ℓ(0, z)] = Σ_n 2^{−n}2^n(u_n'(0) − u_{n−1}'(0)) = Σ_n (1 − 1); rhs ∇L(0) = lim_{h→0+} L(h)/h"]
# the corrected form: a finite support (∇ℓ(·, z) bounded near w uniformly in z), any differentiable ℓ
ell = sp.Function("ell")
p1, p2, p3 = sp.symbols("p_1 p_2 p_3", positive=True)
z1, z2, z3 = sp.symbols("z_1 z_2 z_3", real=True)
L_finite = p1 * ell(w, z1) + p2 * ell(w, z2) + p3 * ell(w, z3)
E_grad_finite = p1 * sp.diff(ell(w, z1), w) + p2 * sp.diff(ell(w, z2), w) + p3 * sp.diff(ell(w, z3), w)
zg = sp.Symbol("z", real=True)
gauss = sp.exp(-zg**2 / 2) / sp.sqrt(2 * sp.pi)

# ---------------------------------------------------------------- Theorem 3.2's proof, path by path
# every display of the proof is the expectation of a relation that holds path by path (or, for the conditional
# expectations, for each w_t): the pathwise relation is decided, and the instance family checks the expectations
sgn = sp.Function("sign")
pz, Gz, zz1, zz2 = sp.symbols("p G_z z_a z_b", real=True)
wscalar, wstar = sp.symbols("w_t w_star", real=True)
cond_E_g = pz * Gz * sgn(wscalar - zz1) * (wscalar - wstar) + (1 - pz) * Gz * sgn(wscalar - zz2) * (wscalar - wstar)
grad_L_times = (pz * Gz * sgn(wscalar - zz1) + (1 - pz) * Gz * sgn(wscalar - zz2)) * (wscalar - wstar)
Gs_ = sp.Symbol("G", positive=True)
_HYP32 = ["ℓ(w, z) G-Lipschitz in w, L(w) = E ℓ(w, z) convex with minimiser w⋆, ‖w_1 − w⋆‖ ≤ D, η = D/(G√T), Algorithm 2",
          "reading: E[Σ_{t=1}^T L(w_t) − L(w⋆)] is E[Σ_t (L(w_t) − L(w⋆))]",
          "instances: ℓ(w, z) = G|w − z| on R, z two-valued (z1 w.p. p, else z2), w⋆ a weighted median, D = slack·|w_1 − w⋆|; "
          "the expectation over z_1 … z_T is exact (all 2^T paths enumerated, replayed at 50 digits), T ≤ 5 quick, 10 thorough"]
S_gap, S_rhs, Tele = sp.symbols("ESum_gap ESum_rhs ETelescoped", real=True)
st_sum = ProofStep(335, S_gap, "<=", S_rhs, sum_of_steps, part="proof, line 335 (sum over t)")
st_tele = ProofStep(339, S_rhs, "==", Tele, Identity(tele_sum, tele_closed, sequences={dseq: (0, 10)}), part="proof, line 339 (telescoping)")
d1, dT1, Ds, Ts = sp.symbols("d_1 d_T1 D T", nonnegative=True)
st_D = ProofStep(339, Tele, "<=", final_bound,
                 Semialgebraic((d1 - dT1) / (2 * es) + es * Ts * Gs_**2 / 2, "<=", Ds**2 / (2 * es) + es * Ts * Gs_**2 / 2,
                               {d1: closed(0, sp.oo), dT1: closed(0, sp.oo), es: POS, Ts: POS, Gs_: POS, Ds: POS},
                               given=(d1 <= Ds**2,)), part="proof, line 339 (E‖w_1 − w⋆‖² ≤ D²)")
st_eta = ProofStep(339, final_bound, "==", G * D * sp.sqrt(T), Identity(final_bound.subs(eta, eta_24), G * D * sp.sqrt(T)),
                   part="proof, line 339 (η = D/(G√T))")
compose32 = ProofComposition(S_gap, "<=", G * D * sp.sqrt(T), (st_sum, st_tele, st_D, st_eta), part="proof composes (lines 335–339)")
K_, Nn, G1, G2 = sp.symbols("K N G_GD G_SGD", positive=True)

CLAIMS = [
    claim(None, 259, "the stochastic loss", "definition", "L(w) = E_{z∼P_z}[ℓ(w, z)]",
          checks=[NotCheckable("a definition of L (repeating line 79)")]),
    claim("Prop 3.1", 263, "gradient of an expectation", "identity", "∇L(w) = E_z[∇ℓ(w, z)]", end_line=265,
          hypotheses=_HYP31,
          checks=[Identity(E_grad_ell_at_0, grad_L_at_0)],
          notes="the proof's caveat (line 275) is needed: without a domination condition the interchange fails",
          corrected=Corrected("∇L(w) = E_z[∇ℓ(w, z)] when ∇ℓ(·, z) is bounded near w uniformly in z (line 275)",
                              "dominated convergence; checked on a finite support (any differentiable ℓ, any weights)",
                              checks=[Identity(sp.diff(L_finite, w), E_grad_finite)])),
    claim(None, 269, "gradient of the integral", "identity", "∇E[ℓ(w, z)] = ∇∫ℓ(w, z)p(z)dz",
          hypotheses=["instance: ℓ(w, z) = (w − z)² + wz³, z ~ N(0, 1) with its density"],
          checks=[Identity(sp.diff(sp.Integral(((w - zg) ** 2 + w * zg**3) * gauss, (zg, -sp.oo, sp.oo)), w),
                           sp.diff(w**2 + 1, w))]),
    claim(None, 273, "interchanging integration and differentiation", "identity", "∇∫ℓ(w, z)p(z)dz = ∫∇ℓ(w, z)p(z)dz",
          hypotheses=_HYP31 + ["as printed, with no condition for the interchange (the caveat comes after the display)"],
          checks=[Identity(E_grad_ell_at_0, grad_L_at_0)],
          notes="the step Proposition 3.1 rests on; same counterexample",
          corrected=Corrected("the interchange under the domination condition of line 275",
                              "finite support: differentiation is linear",
                              checks=[Identity(sp.diff(L_finite, w), E_grad_finite)])),
    claim("Alg 2", 287, "stochastic gradient descent", "algorithm", "w_{t+1} = w_t − η∇ℓ(w_t, z_t), z_t ∼ P_z",
          end_line=302, printed="**Algorithm 2** Stochastic Gradient Descent",
          hypotheses=["the update without noise (∇ℓ = ∇L) is run by the reference engine as heavy ball with β = 0 on w²/2, η = 1/2; "
                      "with noise it is the update of optverify.counterexamples.families.ec500_descent.sgd_paths (Theorem 3.2, 6.1)"],
          checks=[Pseudocode("heavy_ball", {"eta": 0.5, "beta": 0.0})]),
    claim("Thm 3.2", 305, "SGD on convex losses", "expectation bound", "E[Σ_{t=1}^T L(w_t) − L(w⋆)] ≤ DG√T, η = D/(G√T)",
          end_line=307, hypotheses=_HYP32, symbols={"G": G, "D": D, "T": T}, bound=D * G * sp.sqrt(T),
          checks=[InstanceSearch(sgd_convex_lipschitz, sp.Symbol("D") * sp.Symbol("G") * sp.sqrt(sp.Symbol("T"))),
                  st_sum, st_tele, st_D, st_eta, compose32]),
    claim(None, 311, "SGD: random iterate", "expectation bound", "E[L(ŵ) − L(w⋆)] ≤ DG/√T", hypotheses=_HYP32,
          checks=[InstanceSearch(Measured(sgd_convex_lipschitz, "avg_gap"), sp.Symbol("D") * sp.Symbol("G") / sp.sqrt(sp.Symbol("T")))]),
    claim(None, 315, "proof of Theorem 3.2: expanding the square", "identity",
          "E‖w_{t+1} − w⋆‖² = E[‖w_t − w⋆‖² − 2η⟨g_t, w_t − w⋆⟩ + η²‖g_t‖²]", end_line=315,
          hypotheses=["path by path (then in expectation), w_{t+1} = w_t − ηg_t, in R²"],
          checks=[Identity(dist_n, dist_t - 2 * es * dot(gv, wt - ws) + es**2 * g2)]),
    claim(None, 319, "proof of Theorem 3.2: rearranging", "identity",
          "E⟨g_t, w_t − w⋆⟩ = (E‖w_t − w⋆‖² − E‖w_{t+1} − w⋆‖²)/(2η) + ηE‖g_t‖²/2",
          hypotheses=["path by path (then in expectation), η > 0, in R²"],
          checks=[Identity(dot(gv, wt - ws), rhs220)]),
    claim(None, 323, "proof of Theorem 3.2: tower property", "identity",
          "E⟨g_t, w_t − w⋆⟩ = E_{z_t,…,z_{t−1}}[E[⟨g_t, w_t − w⋆⟩ | z_1, …, z_{t−1}]]",
          hypotheses=["the conditional expectation given z_1 … z_{t−1} fixes w_t; on the two-point instance of the theorem it is "
                      "p G sign(w_t − z1)(w_t − w⋆) + (1 − p) G sign(w_t − z2)(w_t − w⋆), which is ⟨∇L(w_t), w_t − w⋆⟩ "
                      "(lines 323–331): checked as that identity for every w_t",
                      "reading: the printed subscript z_t, …, z_{t−1} is z_1, …, z_{t−1} (line 327 writes z_1)"],
          checks=[Identity(cond_E_g, grad_L_times)]),
    claim(None, 327, "proof of Theorem 3.2: unbiasedness", "identity",
          "= E_{z_1,…,z_{t−1}}[⟨∇L(w_t), w_t − w⋆⟩]", end_line=327,
          hypotheses=["E[g_t | w_t] = ∇L(w_t) for the two-point ℓ(w, z) = G|w − z|, every w_t"],
          checks=[Identity(cond_E_g, grad_L_times)]),
    claim(None, 331, "proof of Theorem 3.2: convexity", "inequality", "E⟨∇L(w_t), w_t − w⋆⟩ ≥ E[L(w_t) − L(w⋆)]",
          hypotheses=["pathwise: L convex (Definition 2.1 at w_t), then in expectation; in R²"],
          checks=[Semialgebraic(dot(gv, wt - ws), ">=", Lt - Ls, _VEC, given=(convexity_at_wt,))]),
    claim(None, 335, "proof of Theorem 3.2: per step, then summed", "inequality",
          "E[L(w_t) − L(w⋆)] ≤ (E‖w_t − w⋆‖² − E‖w_{t+1} − w⋆‖²)/(2η) + ηE‖g_t‖²/2, and summed over t",
          hypotheses=["pathwise with the convexity of line 331, then in expectation; the sum by induction on T "
                      "(reading: the sum covers both terms, as line 339's ηTG²/2 shows)"],
          checks=[Semialgebraic(Lt - Ls, "<=", rhs220, {**_VEC, es: POS}, given=(convexity_at_wt,), part="per step"),
                  sum_of_steps]),
    claim(None, 339, "proof of Theorem 3.2: telescoping and η", "inequality",
          "… ≤ E‖w_1 − w⋆‖²/(2η) + ηTG²/2 ≤ DG√T", hypotheses=_HYP32[:1],
          checks=[st_tele.check, st_D.check, st_eta.check,
                  ParameterChoice(final_bound, eta, eta_24, {G: closed(sp.Rational(1, 10), 10), D: closed(sp.Rational(1, 10), 10),
                                                             T: closed(1, 1000)}, (sp.Rational(1, 10**4), 100),
                                  part="η = D/(G√T) minimises D²/(2η) + ηTG²/2")]),
    claim(None, 343, "proof of Theorem 3.2: the random iterate", "identity",
          "E[L(ŵ) − L(w⋆)] = E[(1/T)Σ_t L(w_t) − L(w⋆)]",
          hypotheses=["ŵ uniform on w_1 … w_T, independent of the z_t: E over ŵ is the average (a sequence x_t = L(w_t) − L(w⋆))"],
          checks=[Identity(sp.Sum(dseq(sp.Symbol("k", integer=True, positive=True)) / T, (sp.Symbol("k", integer=True, positive=True), 1, T)),
                           sp.Sum(dseq(sp.Symbol("k", integer=True, positive=True)), (sp.Symbol("k", integer=True, positive=True), 1, T)) / T,
                           sequences={dseq: (-5, 5)})]),
    claim(None, 355, "ERM objective", "definition", "L = (1/N)Σ_i ℓ(w, z_i)", checks=[NotCheckable("a definition of the ERM loss")]),
    claim(None, 359, "ERM as an expectation", "identity", "L = E_z[ℓ(w, z)], P_z uniform on z_1 … z_N",
          hypotheses=["E under the uniform law is Σ_i (1/N) ℓ(w, z_i)"],
          checks=[Identity(sp.Sum(dseq(sp.Symbol("k", integer=True, positive=True)) / sp.Symbol("N", integer=True, positive=True),
                                  (sp.Symbol("k", integer=True, positive=True), 1, sp.Symbol("N", integer=True, positive=True))),
                           sp.Sum(dseq(sp.Symbol("k", integer=True, positive=True)), (sp.Symbol("k", integer=True, positive=True), 1,
                                                                                      sp.Symbol("N", integer=True, positive=True))) / sp.Symbol("N", integer=True, positive=True),
                           sequences={dseq: (-5, 5)})]),
    claim(None, 365, "when gradient descent beats SGD", "identity",
          "GD is better only if G (of Theorem 3.2) is √N times larger", printed="$G$  would have to be  $\\sqrt{N}$  times larger",
          hypotheses=["a budget of K gradient evaluations: GD runs K/N steps, bound G_GD D/√(K/N); SGD runs K steps, bound "
                      "G_SGD D/√K; the two bounds are equal exactly when G_SGD = √N G_GD"],
          checks=[Identity(G1 * sp.Symbol("D", positive=True) / sp.sqrt(K_ / Nn),
                           (sp.sqrt(Nn) * G1) * sp.Symbol("D", positive=True) / sp.sqrt(K_))]),
    claim(None, 373, "single-pass SGD generalises", "expectation bound", "E[L(ŵ) − L(w⋆)] ≤ DG/√N",
          hypotheses=["N i.i.d. data points used once each in order = N steps of Algorithm 2 with fresh samples; "
                      "reading: η = D/(G√N) as in Theorem 3.2 with T = N", _HYP32[2]],
          checks=[InstanceSearch(Measured(sgd_convex_lipschitz, "avg_gap"), sp.Symbol("D") * sp.Symbol("G") / sp.sqrt(sp.Symbol("N")))]),
    claim("Alg 3", 385, "SGD for ERM with shuffling", "algorithm", "epochs over z_1 … z_N in order, optionally reshuffled",
          end_line=407, printed="**Algorithm 3** Stochastic Gradient Descent for ERM with shuffling",
          hypotheses=["with N = 1 (one data point, ℓ(w, z_1) = w²/2) the printed loops are gradient descent: run by the "
                      "reference engine as heavy ball with β = 0, η = 1/2"],
          checks=[Pseudocode("heavy_ball", {"eta": 0.5, "beta": 0.0})]),
]

CLAIMS += [
    claim(None, 411, "shuffling is better in practice than sampling with replacement", "qualitative",
          "in-order (shuffled) passes are typically much better in practice; sampling with replacement is simpler to analyse",
          printed="This algorithm is typically much better in practice than using with-replacement sampling",
          checks=[NotCheckable("an empirical report on practice: no loss class, step size, horizon or measure of 'much better' is "
                               "given, and the text itself calls the reasons mysterious; 'simpler to analyze' is about proofs, not "
                               "about the iterates")]),
]
