"""003 §19 (lines 2565–2693): data parallelism, parallel minibatch SGD (Algorithm 13), Hogwild! (Algorithms 14, 15),
Theorem 19.1 and its proof, the parameter server."""

from __future__ import annotations

import sympy as sp

import optverify as ov
from optverify.claims.ec500_notes_003._common import G, H, T, claim, d, eta
from optverify.counterexamples.hogwild_delays import HogwildDelays, constant_loss, coordinate_quadratic, interleaving
from optverify.notation import g, tau

Delta = sp.Symbol("Delta", positive=True)  # Δ = L(w_1) − L(w_*)
c = sp.Symbol("c", positive=True)  # a constant loss value

# ---------------------------------------------------------------- Algorithm 13: the blocks of processor i
M_, K_ = sp.symbols("M K", integer=True, positive=True)  # M processors, K = B/M samples each
i_, j_ = sp.symbols("i j", integer=True, nonnegative=True)
_blocks = sp.Sum(sp.Sum(g(j_), (j_, i_ * K_, (i_ + 1) * K_ - 1)), (i_, 0, M_ - 1))  # Σ_i g_{t,i}
_whole = sp.Sum(g(j_), (j_, 0, M_ * K_ - 1))  # the minibatch sum of line 2569 (samples labelled 0 … B − 1)

# ---------------------------------------------------------------- Algorithms 14, 15: one update in d = 3 coordinates
w3 = sp.Matrix(sp.symbols("w_0:3", real=True))
g3 = sp.Matrix(sp.symbols("g_0:3", real=True))
e = [sp.Matrix([1 if r == k else 0 for r in range(3)]) for k in range(3)]
_alg14 = w3
for k in range(3):  # for j = 0 … d − 1: w[j] = w[j] − η g[j]
    _alg14 = _alg14 - eta * g3[k] * e[k]
_alg15_mean_step = sum((sp.Rational(1, 3) * (-eta * g3[k] * e[k]) for k in range(3)), sp.zeros(3, 1))  # E_j of −η g[j] e_j, d = 3
_proof_mean_step = sum((sp.Rational(1, 3) * (-eta * 3 * g3[k] * e[k]) for k in range(3)), sp.zeros(3, 1))  # with line 2679's ηd

# ---------------------------------------------------------------- Theorem 19.1
BOUND_19 = Delta / eta + eta * T * (2 * d * G * H * tau + H * G**2) / 2
CORRECTED_19 = Delta / eta + eta * T * d * H * G**2 * (2 * tau + 1) / 2
SYMS_19 = {"Delta": Delta, "eta": eta, "T": T, "d": d, "G": G, "H": H, "tau": tau}
Lval, gradn = sp.Symbol("Lw", positive=True), sp.Symbol("gradL", positive=True)
_DIMS = {Lval: "loss", gradn: "grad", Delta: "loss", eta: "step", T: "none", d: "none", G: "grad", H: "hess", tau: "none"}
_THM_HYP = [
    "the theorem is about Algorithm 15 (line 2629: 'we'll analyze the following easier-to-analyze algorithm'), w_t the value "
    "after t updates, k(t) the iterate its gradient was read at (lines 2650–2653)",
    "‖·‖ in the hypothesis is the Euclidean norm (the proof uses ‖∇ℓ‖_∞ ≤ G, implied by it); no condition on η is stated",
    "τ = 0 is an admissible bound when k(t) = t (no delay); the right side increases with τ",
]
_eta_opt = sp.sqrt(2 * Delta) / sp.sqrt(T * (2 * d * G * H * tau + H * G**2))
_avg_19 = 2 * sp.sqrt(Delta * (d * G * H * tau + H * G**2 / 2)) / sp.sqrt(T)
_BOX = {Delta: ov.closed(sp.Rational(1, 10), 10), T: ov.integers(1, 50), d: ov.integers(1, 8), G: ov.closed(sp.Rational(1, 10), 10),
        H: ov.closed(sp.Rational(1, 10), 10), tau: ov.integers(0, 8)}
cst = sp.Symbol("c_T", positive=True)  # τ = c_T·T

# ---------------------------------------------------------------- the proof (lines 2673–2689)
gt = sp.Matrix(sp.symbols("gL_0:3", real=True))  # ∇L(w_t)
gk = sp.Matrix(sp.symbols("gK_0:3", real=True))  # ∇L(w_{k(t)})
X = sp.Symbol("X", real=True)  # d∇ℓ(w_{k(t)}, z)[j(t)] (read as a vector: d g[j] e_j)
gjt = sp.symbols("gl_0:3", real=True)  # ∇ℓ(w_{k(t)}, z)
_mean_dX = sum((sp.Rational(1, 3) * 3 * gjt[k] * e[k] for k in range(3)), sp.zeros(3, 1))


# line 2657: ℓ(w, z) = f(⟨x, w⟩, y); each coordinate of w read once, some after an update (new) and some before (old)
_f = sp.Function("f")
_xs, _xv = sp.symbols("x_1:4", real=True), sp.symbols("xvec_1:4", real=True)  # x_{t,i} and the printed x
_w_old, _w_new = sp.symbols("w_1:4", real=True), sp.symbols("wnew_1:4", real=True)
_y = sp.Symbol("y", real=True)
_ell_printed = _f(sum(a * b for a, b in zip(_xs, _xv)), _y)  # as printed: ⟨x_{t,i}, x⟩
_w_mixed = (_w_new[0], _w_old[1], _w_old[2])
_s = sp.Symbol("s", real=True)
_fprime_at = lambda u: sp.Subs(sp.diff(_f(_s, _y), _s), _s, u)  # noqa: E731
_inner_read = sum(a * b for a, b in zip(_xs, _w_mixed))  # the inner product as the worker computed it
_grad_from_mixed_reads = sp.Matrix([_fprime_at(_inner_read) * a for a in _xs])  # f′(⟨x, w̃⟩)·x
_wt = sp.symbols("wt_1:4", real=True)
_grad_at_mixed_point = sp.Matrix([sp.diff(_f(sum(a * b for a, b in zip(_xs, _wt)), _y), v) for v in _wt]).subs(dict(zip(_wt, _w_mixed)))


CLAIMS = [
    claim(None, 2569, "the large minibatch gradient", "definition", "g_t = (1/B) Σ_{i=1}^B ∇ℓ(w_t, z_{t,i})",
          checks=[ov.NotCheckable("definition of the minibatch gradient; Algorithm 13 is checked to compute it")]),
    claim(None, 2573, "the gradient descent step", "definition", "w_{t+1} = w_t − η g_t",
          checks=[ov.NotCheckable("definition of the step Algorithm 13 takes (line 2590)")]),
    claim("Alg 13", 2579, "parallel minibatch SGD", "algorithm",
          "processor i sums the samples iB/M … (i+1)B/M − 1; (1/B)Σ_i g_{t,i} is the minibatch gradient of line 2569, so the step is line 2573's",
          end_line=2592,
          hypotheses=["M divides B (K = B/M samples per processor, M, K ≤ 6 in the check); samples labelled 0 … B − 1 (line 2569 "
                      "labels them 1 … B: a relabelling); g(j) stands for ∇ℓ(w_t, z_{t,j}), any values"],
          checks=[ov.Identity(_blocks, _whole, domain={M_: ov.integers(1, 6), K_: ov.integers(1, 6)}, sequences={g: (-3, 3)},
                              part="the M blocks partition the minibatch")]),
    claim(None, 2596, "the ideal cost per iteration", "qualitative", "each iteration takes O(B/M) time in an ideal world",
          printed="In an ideal world, each iteration of this algorithm would take  $O(B/M)$  time",
          checks=[ov.NotCheckable("a cost model of a machine (scheduling, synchronisation): nothing the notes make exact")]),
    claim("Alg 14", 2608, "Hogwild! worker", "algorithm",
          "the loop over coordinates j = 0 … d − 1 performs the update w ← w − η g_{t,i} (line 2600: 'written out the update "
          "w_{t+1} = w_t − η g_t into the individual operations over the coordinates')", end_line=2620,
          hypotheses=["one worker, no interleaving, d = 3; g_{t,i} any vector"],
          checks=[ov.Identity(_alg14, w3 - eta * g3)]),
    claim(None, 2627, "a lock-free read is a gradient at a partially updated point", "existence",
          "in the interleaving of lines 2602, 2624, 2625 the gradient g_{t,i_2} is computed at a point that is neither w before "
          "nor after i_1's update",
          printed="the gradient  $\\mathbf{g}_{t,i_2}$  is computed at a *partially updated*  $\\mathbf{w}$",
          hypotheses=["two workers, w ∈ ℝ², ℓ(w, z) = ½‖w − z‖² (checked on hogwild_delays.interleaving); witness: i_2's gradient "
                      "differs from both the gradient at w and at w − ηg_{t,i_1} by at least 10⁻⁶‖g_{t,i_1}‖²"],
          checks=[ov.InstanceSearch(interleaving, sp.Symbol("scale") / 10**6, quantifier="exists")],
          notes="the delay model of Theorem 19.1's simulation has such reads (conflicts) for every τ > 0; it reports their expected rate"),
    claim("Alg 15", 2633, "simpler Hogwild! worker", "algorithm",
          "one uniform coordinate j: w[j] ← w[j] − η g[j]; in expectation over j the step is −(η/d) g, the SGD step divided by d",
          end_line=2644,
          hypotheses=["d = 3, g any vector; the expectation is over j uniform on 0 … d − 1 only"],
          checks=[ov.Identity(_alg15_mean_step, -eta / 3 * g3)],
          notes="the proof of Theorem 19.1 analyses the step ηd g[j] (line 2679), whose mean is −η g: Algorithm 15 as printed is "
                "slower by the factor d (root cause of the failure of Theorem 19.1 with Algorithm 15 as printed)"),
    claim(None, 2657, "a loss read once per coordinate", "property",
          "for ℓ = f(⟨x_{t,i}, w⟩, y), a gradient computed while w changes, each coordinate read once, is the gradient at one point",
          hypotheses=["as printed the inner product is ⟨x_{t,i}, x⟩, which does not involve w: the printed ℓ is constant in w, so it "
                      "has the property vacuously (first part); the mechanism the text describes is checked with ⟨x_{t,i}, w⟩ "
                      "(second part), three coordinates, the first read after an update and the others before it"],
          checks=[ov.Identity(sp.Matrix([sp.diff(_ell_printed, wc) for wc in _w_old]), sp.zeros(3, 1),
                              part="as printed: ∇_w f(⟨x_{t,i}, x⟩, y) = 0"),
                  ov.Identity(_grad_from_mixed_reads, _grad_at_mixed_point,
                              part="read once per coordinate: the computed gradient is ∇ℓ at the mixed point w̃")]),
    claim("Thm 19.1", 2663, "Hogwild! with bounded staleness", "expectation bound",
          "Σ_{t=1}^T E[‖L(w_t)‖²] ≤ Δ/η + ηT(2dGHτ + HG²)/2", end_line=2665,
          hypotheses=_THM_HYP + [
              "as printed the left side is the squared loss value ‖L(w_t)‖² (a constant loss refutes it); the parts 'read with ∇L' "
              "take the evident reading ‖∇L(w_t)‖² (the proof's quantity) and show it fails too"],
          symbols=SYMS_19, bound=BOUND_19,
          checks=[ov.InstanceSearch(constant_loss, ov.BOUND),
                  ov.InstanceSearch(coordinate_quadratic.bind(step="printed"), ov.BOUND,
                                    part="read with ∇L, Algorithm 15 as printed (step η g[j])"),
                  ov.InstanceSearch(coordinate_quadratic.bind(step="proof"), ov.BOUND,
                                    part="read with ∇L, the proof's step ηd g[j] (line 2679)")],
          corrected=ov.Corrected(
              "Σ_{t=1}^T E‖∇L(w_t)‖² ≤ Δ/η + ηT·dHG²(2τ + 1)/2 for Algorithm 15 with the step w[j] ← w[j] − ηd g[j] (line 2679)",
              "three slips: L for ∇L; Algorithm 15 must step ηd g[j] to be unbiased (as printed the mean step is (η/d)g, losing a "
              "factor d); E‖ηd g[j] e_j‖² = η²d‖g‖² ≤ η²dG², not η²G² (line 2687); and ⟨∇L(w_t), ∇L(w_t) − ∇L(w_k)⟩ ≤ G·ηdGHτ, not "
              "ηdGHτ (the printed τ-term is not homogeneous: Δ/η and ηTHG² scale as ‖∇L‖², ηTdGHτ does not)",
              checks=[ov.InstanceSearch(coordinate_quadratic.bind(step="proof"), CORRECTED_19),
                      ov.Simulation(HogwildDelays(step="proof"), CORRECTED_19),
                      ov.Scaling(T * gradn**2, CORRECTED_19, _DIMS)])),
    claim(None, 2667, "the tuned step of Theorem 19.1", "identity",
          "with η = √(2Δ)/√(T(2dGHτ + HG²)): (1/T)(Δ/η + ηT(2dGHτ + HG²)/2) = 2√(Δ(dGHτ + HG²/2))/√T, and this η minimises it",
          end_line=2669,
          hypotheses=["the display of line 2669 is Theorem 19.1's right side divided by T at this η (it inherits Theorem 19.1's "
                      "verdict; here the algebra is checked)"],
          checks=[ov.Identity(BOUND_19.subs(eta, _eta_opt) / T, _avg_19, domain=_BOX),
                  ov.ParameterChoice(BOUND_19, eta, _eta_opt, {k: v for k, v in _BOX.items()}, (sp.Rational(1, 10**4), 10**4))]),
    claim(None, 2671, "no guarantee when τ = O(T)", "approximation",
          "with τ = c_T·T the averaged bound tends to the constant 2√(Δ d G H c_T), not to 0",
          printed="if  $\\tau = O(T)$ , then we should expect essentially no guarantee, which is exactly what the result shows",
          hypotheses=["τ = c_T·T with c_T > 0 fixed, T → ∞, in the bound of line 2669"],
          checks=[ov.Limit(_avg_19.subs(tau, cst * T), 2 * sp.sqrt(Delta * d * G * H * cst), T, sp.oo)]),
    claim(None, 2675, "staleness moves the iterate and the gradient by at most ηdG, ηdGH per update", "inequality",
          "|ηd g[j]| ≤ ηdG per update (so ‖w_t − w_{t'}‖ ≤ ηdG|t − t'|), and H times it for ∇L", end_line=2675,
          hypotheses=["one update of line 2679 (step ηd g[j] on one coordinate) with |g[j]| ≤ ‖∇ℓ‖_∞ ≤ G; the rest is the triangle "
                      "inequality over |t − t'| updates and H-smoothness"],
          checks=[ov.Semialgebraic(sp.Abs(eta * d * X), "<=", eta * d * G, {eta: ov.left_open(0, 10), d: ov.integers(1, 10), G: ov.left_open(0, 10),
                                                                             X: ov.closed(-10, 10)}, given=(sp.Abs(X) <= G,))]),
    claim(None, 2679, "the update analysed in the proof", "identity",
          "w_{t+1}[j(t)] = w_t[j(t)] − ηd ∇ℓ(w_{k(t)}, z_{k(t),p(t)})[j(t)] is Algorithm 15's update",
          hypotheses=["Algorithm 15 (line 2643) updates w[j] ← w[j] − η g[j]; compared at one coordinate"],
          checks=[ov.Identity(w3[0] - eta * d * X, w3[0] - eta * X, domain={d: ov.integers(1, 10)})],
          notes="the proof analyses the step ηd g[j], unbiased for the SGD step; Algorithm 15 as printed steps η g[j]"),
    claim(None, 2683, "the step split into noise, staleness and gradient", "identity",
          "−ηd∇ℓ[j] = −η(d∇ℓ[j] − ∇L(w_k)) + η(∇L(w_t) − ∇L(w_k)) − η∇L(w_t)",
          hypotheses=["d∇ℓ(w_{k(t)}, z)[j(t)] read as the vector d g[j] e_j (X below, any vector); d = 3"],
          checks=[ov.Identity(-eta * (gjt[0] * 3 * e[0]),
                              -eta * (gjt[0] * 3 * e[0] - gk) + eta * (gt - gk) - eta * gt)]),
    claim(None, 2685, "the coordinate noise is unbiased", "identity",
          "E[d∇ℓ(w_{k(t)}, z)[j(t)] − ∇L(w_{k(t)})] = 0",
          printed="Now, notice that  $\\mathbb{E}[d \\nabla\\ell(\\mathbf{w}_{k(t)}, z_{k(t), p(t)})[j(t)] - \\nabla\\mathcal{L}(\\mathbf{w}_{k(t)})] = 0$",
          hypotheses=["d = 3; E over j uniform (exact average) of d g[j] e_j, then over z: E_z ∇ℓ(w, z) = ∇L(w) (z independent of w_{k(t)})"],
          checks=[ov.Identity(_mean_dX, sp.Matrix(gjt))]),
    claim(None, 2687, "the one-step descent of the proof", "inequality",
          "E L(w_{t+1}) ≤ E L(w_t) − η E‖L(w_t)‖² + η²dGHτ + Hη²G²/2, summed: Σ E‖L(w_t)‖² ≤ Δ/η + ηT(2dGHτ + HG²)/2",
          end_line=2687,
          hypotheses=["the proof's update (line 2679), τ = 0, deterministic gradients; the second line read with ∇L (the typo of "
                      "Theorem 19.1)", "checked on the exact expectations of one update of coordinate_quadratic(step = 'proof')"],
          symbols=SYMS_19,
          checks=[ov.InstanceSearch(ov.Measured(coordinate_quadratic.bind(step="proof"), "first_step"),
                                    sp.Symbol("L_w1") - eta * sp.Symbol("grad_sq_w1") + eta**2 * d * G * H * tau + H * eta**2 * G**2 / 2,
                                    part="line 2, one update: E‖ηd g[j] e_j‖² = η²d‖g‖² exceeds η²G²"),
                  ov.InstanceSearch(coordinate_quadratic.bind(step="proof"), BOUND_19, part="line 3, summed")],
          notes="the second-order term lacks the factor d (E‖ηd g[j]e_j‖² = η²d‖g‖²) and the staleness term a factor G; see "
                "Theorem 19.1's corrected form"),
    claim(None, 2693, "the parameter server", "qualitative", "networked machines need a parameter server",
          printed="The standard method to deal with this is the *parameter server* architecture.",
          checks=[ov.NotCheckable("a pointer to a systems design (d2l.ai): nothing exact to check")]),
]
