"""003 §20 (lines 2695–2948): momentum in stochastic optimisation: Algorithm 16, Lemmas 20.1, 20.2, Theorem 20.3.

Proof steps of Lemma 20.1 and the windowed-average heuristic are here; the proofs of Lemma 20.2 and Theorem 20.3
are in ``s20_stochastic_momentum_proofs``."""

from __future__ import annotations

import sympy as sp

import optverify as ov
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.counterexamples.families.momentum_start import momentum_start
from optverify.notation import alpha, g

R = sp.Rational
real = lambda name: sp.Symbol(name, real=True)  # noqa: E731
nn = lambda name: sp.Symbol(name, nonnegative=True)  # noqa: E731

# ---------------------------------------------------------------- vectors in two coordinates: ∇L(w_t) = (g_1, g_2), ε_t = (e_1, e_2)
gv = sp.Matrix([real("gL_1"), real("gL_2")])
ev = sp.Matrix([real("e_1"), real("e_2")])
dot = lambda a, b: (a.T * b)[0]  # noqa: E731
mv = gv + ev  # m_t = ∇L(w_t) + ε_t
Ld = real("Ldiff")  # L(w_{t+1}) − L(w_t)
_BOX = {gv[0]: ov.closed(-10, 10), gv[1]: ov.closed(-10, 10), ev[0]: ov.closed(-10, 10), ev[1]: ov.closed(-10, 10),
        eta: ov.left_open(0, 10), H: ov.left_open(0, 10), Ld: ov.closed(-1000, 1000)}
SMOOTH = Ld <= -eta * dot(gv, mv) + H * eta**2 / 2 * dot(mv, mv)  # the smoothness lemma at w_{t+1} = w_t − ηm_t
_L201_HYP = ["L H-smooth: L(w_{t+1}) ≤ L(w_t) − η⟨∇L(w_t), m_t⟩ + (Hη²/2)‖m_t‖² (given); m_t = ∇L(w_t) + ε_t; η_t read as η; "
             "two coordinates; the inequality holds pointwise, hence in expectation"]
G2, E2 = dot(gv, gv), dot(ev, ev)

# ---------------------------------------------------------------- the windowed average (lines 2775–2801)
K_ = sp.Symbol("K", integer=True, positive=True)
i_ = sp.Symbol("i", integer=True, nonnegative=True)
bL = sp.Function("gradL")  # ∇L(w_{t−i}) as a sequence
Kc = sp.Symbol("K_c", positive=True)  # K as a continuous variable
Delta = sp.Symbol("Delta", positive=True)
w1s, m1s = real("w_1"), real("m_1")



def _lemma_201_proof():
    """The printed proof of Lemma 20.1 (lines 2743–2761), one ProofStep per display line, in two coordinates."""
    a2, b2 = G2, E2
    r0 = -eta * dot(gv, mv) + eta**2 * H * dot(mv, mv) / 2
    r1 = -eta * a2 - eta * dot(gv, ev) + eta**2 * H * dot(mv, mv) / 2
    r2 = -eta / 2 * a2 + eta / 2 * b2 + eta**2 * H * dot(mv, mv) / 2
    r3 = -eta / 2 * a2 + eta / 2 * b2 + eta**2 * H * (2 * a2 + 2 * b2) / 2
    r4 = -eta / 2 * a2 + eta / 2 * b2 + eta * (sp.sqrt(a2) + b2) / 4  # as printed: ‖∇L(w_t)‖ + ‖ε_t‖², not squared
    r5 = -eta / 4 * a2 + 3 * eta / 4 * b2
    return (ov.ProofStep(2745, Ld, "<=", r0, ov.Semialgebraic(Ld, "<=", r0, _BOX, given=(SMOOTH,)), note="the smoothness lemma"),
            ov.ProofStep(2749, r0, "<=", r1, ov.Identity(r0, r1)),
            ov.ProofStep(2753, r1, "<=", r2, ov.Semialgebraic(r1, "<=", r2, _BOX), note="Young with λ = 1"),
            ov.ProofStep(2757, r2, "<=", r3, ov.Semialgebraic(r2, "<=", r3, _BOX)),
            ov.ProofStep(2761, r3, "<=", r4, ov.Semialgebraic(r3, "<=", r4, _BOX, given=(4 * H * eta <= 1,)),
                         note="as printed (first norm not squared)"),
            ov.ProofStep(2761, r4, "==", r5, ov.Identity(r4, r5), part="proof, line 2761 (the last equality)"))


_START = ("checked on momentum_start: L(w) = (H/2)w², gradient noise vanishing at w_1 (E‖r‖² ≤ σ² everywhere), exact "
          "expectations over the noise of the first two steps")

CLAIMS = [
    claim("Alg 16", 2701, "SGD with momentum", "algorithm",
          "with learning rate η every step is w_{t+1} = w_t − ηm_t (the first as printed is w_2 = w_1 − m_1)", end_line=2713,
          hypotheses=["'learning rate η' (line 2705) read as: every step is scaled by η", _START,
                      "descent: η = α/(√48·H) (Theorem 20.3's step, ≤ 1/(4H) of Lemma 20.1), α ≤ 1/2"],
          checks=[ov.Identity(w1s - m1s, w1s - eta * m1s, part="the first step uses the learning rate"),
                  ov.InstanceSearch(ov.Measured(momentum_start.bind(first="printed", step="corrected"), "L_w2"), sp.Symbol("L_w1"),
                                    part="the first step descends on (H/2)w² at Theorem 20.3's η")],
          corrected=ov.Corrected("Set w_2 = w_1 − ηm_1", "the learning rate is missing from the first step",
                                 checks=[ov.InstanceSearch(ov.Measured(momentum_start.bind(first="eta", step="corrected"), "L_w2"),
                                                           sp.Symbol("L_w1"))]),
          notes="root cause of the failure of Lemma 20.2 at t = 1 with H > 2 (an ascent of the first step)"),
    claim(None, 2719, "momentum is biased", "property", "it is not the case that E[m_t] = ∇L(w_t): there is an instance with E m_2 ≠ ∇L(w_2)",
          hypotheses=[_START, "first step with η (Algorithm 16's corrected form); witness: ‖E m_2 − ∇L(w_2)‖² ≥ 10⁻⁶‖∇L(w_1)‖²"],
          checks=[ov.InstanceSearch(ov.Measured(momentum_start.bind(first="eta", step="corrected"), "bias_sq"),
                                    sp.Symbol("g1_sq") / 10**6, quantifier="exists")]),
    claim(None, 2723, "the SGD argument fails for momentum", "property",
          "the display is not valid because E⟨∇L(w_t), m_t⟩ ≠ E‖∇L(w_t)‖² (its second line fails on an instance)", end_line=2725,
          hypotheses=[_START, "witness at t = 2: (E⟨∇L(w_2), m_2⟩ − ‖∇L(w_2)‖²)² ≥ 10⁻⁶‖∇L(w_1)‖²"],
          checks=[ov.InstanceSearch(ov.Measured(momentum_start.bind(first="eta", step="corrected"), "cross_gap_sq"),
                                    sp.Symbol("g1_sq") / 10**6, quantifier="exists")]),
    claim(None, 2727, "the momentum error", "definition", "ε_t = m_t − ∇L(w_t)", checks=[ov.NotCheckable("definition of ε_t")]),
    claim(None, 2729, "the momentum error has non-zero mean", "property", "E[ε_t] ≠ 0 (for some instance and t)",
          printed="Notice that  $\\mathbb{E}[\\epsilon_t] \\neq 0$",
          hypotheses=[_START, "E ε_2 = E m_2 − ∇L(w_2) (w_2 is deterministic here); witness ‖E ε_2‖² ≥ 10⁻⁶‖∇L(w_1)‖²"],
          checks=[ov.InstanceSearch(ov.Measured(momentum_start.bind(first="eta", step="corrected"), "bias_sq"),
                                    sp.Symbol("g1_sq") / 10**6, quantifier="exists")]),
    claim(None, 2733, "the gradient noise", "definition", "r_t = ∇ℓ(w_t, z_t) − ∇L(w_t), E[r_t] = 0, E‖r_t‖² ≤ σ²", end_line=2735,
          checks=[ov.NotCheckable("definition of r_t and the noise assumption")]),
    claim("Lem 20.1", 2739, "one-step progress with momentum", "expectation bound",
          "E[L(w_{t+1}) − L(w_t)] ≤ −(η/4)E‖∇L(w_t)‖² + (3η/4)E‖ε_t‖²  for η ≤ 1/(4H)", end_line=2741,
          hypotheses=_L201_HYP,
          checks=[ov.Semialgebraic(Ld, "<=", -eta / 4 * G2 + 3 * eta / 4 * E2, _BOX, given=(SMOOTH, 4 * H * eta <= 1)),
                  *(lambda steps: (*steps, ov.ProofComposition(Ld, "<=", -eta / 4 * G2 + 3 * eta / 4 * E2, steps)))(_lemma_201_proof())]),
    claim(None, 2745, "the smoothness lemma at the momentum step", "inequality",
          "H(w_{t+1}) ≤ L(w_t) + ⟨∇L(w_t), w_{t+1} − w_t⟩ + (H/2)‖w_{t+1} − w_t‖² = L(w_t) − η⟨∇L(w_t), m_t⟩ + η²H‖m_t‖²/2",
          hypotheses=["'H(w_{t+1})' read as L(w_{t+1}) (a typo: H is the smoothness constant); the first line is the smoothness "
                      "lemma; checked: the second line with w_{t+1} − w_t = −ηm_t"],
          checks=[ov.Identity(dot(gv, -eta * mv) + H / 2 * dot(-eta * mv, -eta * mv), -eta * dot(gv, mv) + eta**2 * H * dot(mv, mv) / 2)]),
    claim(None, 2749, "splitting the inner product", "inequality",
          "−ηE⟨∇L, m_t⟩ ≤ −ηE‖∇L‖² − ηE⟨∇L, ε_t⟩ (an equality)", hypotheses=["m_t = ∇L(w_t) + ε_t; two coordinates"],
          checks=[ov.Identity(-eta * dot(gv, mv), -eta * G2 - eta * dot(gv, ev))]),
    claim(None, 2753, "Young's inequality with λ = 1", "inequality",
          "… − η⟨∇L, ε⟩ + η²H‖m‖²/2 ≤ … − (η/2)‖∇L‖² + (η/2)‖ε‖² + η²H‖∇L + ε‖²/2", end_line=2753,
          hypotheses=["two coordinates; η_t read as η"],
          checks=[ov.Semialgebraic(-eta * G2 - eta * dot(gv, ev) + eta**2 * H * dot(mv, mv) / 2, "<=",
                                   -eta / 2 * G2 + eta / 2 * E2 + eta**2 * H * dot(mv, mv) / 2, _BOX)]),
    claim(None, 2757, "‖a + b‖² ≤ 2‖a‖² + 2‖b‖²", "inequality", "η²H‖∇L + ε‖²/2 ≤ η²H(2‖∇L‖² + 2‖ε‖²)/2",
          checks=[ov.Semialgebraic(dot(mv, mv), "<=", 2 * G2 + 2 * E2, _BOX)]),
    claim(None, 2761, "using η ≤ 1/(4H)", "inequality",
          "η²H E[2‖∇L‖² + 2‖ε‖²]/2 ≤ η E[‖∇L(w_t)‖ + ‖ε_t‖²]/4, and the sum is −(η/4)‖∇L‖² + (3η/4)‖ε‖²",
          hypotheses=["as printed the first norm is not squared: ‖∇L(w_t)‖ + ‖ε_t‖²; the norms are written a = ‖∇L‖, b = ‖ε‖"],
          checks=[ov.Semialgebraic(eta**2 * H * (2 * nn("a")**2 + 2 * nn("b")**2) / 2, "<=", eta * (nn("a") + nn("b")**2) / 4,
                                   {eta: ov.left_open(0, 10), H: ov.left_open(0, 10), nn("a"): ov.closed(0, 10), nn("b"): ov.closed(0, 10)},
                                   given=(4 * H * eta <= 1,))],
          corrected=ov.Corrected("η²H E[2‖∇L‖² + 2‖ε‖²]/2 ≤ η E[‖∇L(w_t)‖² + ‖ε_t‖²]/4; the total is −(η/4)E‖∇L‖² + (3η/4)E‖ε‖²",
                                 "the first norm must be squared",
                                 checks=[ov.Semialgebraic(eta**2 * H * (2 * nn("a")**2 + 2 * nn("b")**2) / 2, "<=", eta * (nn("a")**2 + nn("b")**2) / 4,
                                                          {eta: ov.left_open(0, 10), H: ov.left_open(0, 10), nn("a"): ov.closed(0, 10),
                                                           nn("b"): ov.closed(0, 10)}, given=(4 * H * eta <= 1,)),
                                         ov.Identity(-eta / 2 * nn("a")**2 + eta / 2 * nn("b")**2 + eta * (nn("a")**2 + nn("b")**2) / 4,
                                                     -eta / 4 * nn("a")**2 + 3 * eta / 4 * nn("b")**2)])),
    claim(None, 2767, "the unbiased case for comparison", "expectation bound",
          "E[L(w_{t+1}) − L(w_t)] ≤ −(η/2)E‖∇L‖² + (η²H/2)E‖ε‖²  when E m_t = ∇L(w_t), η ≤ 1/H",
          hypotheses=["conditionally on w_t, E⟨∇L(w_t), ε_t⟩ = 0, so E‖m_t‖² = ‖∇L‖² + E‖ε‖² (written G2, S); smoothness given"],
          checks=[ov.Semialgebraic(Ld, "<=", -eta / 2 * nn("G2") + eta**2 * H / 2 * nn("S"),
                                   {Ld: ov.closed(-1000, 1000), nn("G2"): ov.closed(0, 100), nn("S"): ov.closed(0, 100), eta: ov.left_open(0, 10),
                                    H: ov.left_open(0, 10)},
                                   given=(Ld <= -eta * nn("G2") + H * eta**2 / 2 * (nn("G2") + nn("S")), H * eta <= 1))]),
    claim(None, 2777, "the windowed average", "definition", "m_t = (1/K) Σ_{i=0}^{K−1} ∇ℓ(w_{t−i}, z_{t−i})",
          checks=[ov.NotCheckable("definition of the windowed average")]),
    claim(None, 2781, "the windowed error splits into noise and bias", "identity",
          "(1/K)Σ(∇ℓ_{t−i} − ∇L(w_t)) = (1/K)Σ(∇ℓ_{t−i} − ∇L(w_{t−i})) + (1/K)Σ(∇L(w_{t−i}) − ∇L(w_t))",
          hypotheses=["one coordinate; g(i) = ∇ℓ(w_{t−i}, z_{t−i}), gradL(i) = ∇L(w_{t−i}), any values; K ≤ 6"],
          checks=[ov.Identity(sp.Sum(g(i_) - bL(0), (i_, 0, K_ - 1)) / K_,
                              sp.Sum(g(i_) - bL(i_), (i_, 0, K_ - 1)) / K_ + sp.Sum(bL(i_) - bL(0), (i_, 0, K_ - 1)) / K_,
                              domain={K_: ov.integers(1, 6)}, sequences={g: (-3, 3), bL: (-3, 3)})]),
    claim(None, 2785, "the bias of the window is O(KηH)", "approximation",
          "‖(1/K)Σ_{i<K}(∇L(w_{t−i}) − ∇L(w_t))‖ ≤ (1/K)Σ_{i<K} H‖w_{t−i} − w_t‖ ≤ (1/K)Σ_{i<K} iηH = O(KηH)",
          hypotheses=["‖w_{t−i} − w_t‖ ≤ iη (i steps of size η); the printed middle term (1/K)Σ ηH omits the i (it equals ηH); "
                      "checked: (1/K)Σ_{i<K} iηH / (KηH) → 1/2 (finite)"],
          checks=[ov.Limit(sp.summation(i_ * eta * H, (i_, 0, K_ - 1)) / K_, K_ * eta * H, K_, sp.oo, expect="finite")]),
    claim(None, 2789, "the window error", "approximation", "‖ε_t‖ = O(1/√K + ηK), and the best K gives O(η^{1/3})", end_line=2793,
          hypotheses=["the two terms of line 2781 (noise O(1/√K), bias O(KηH), H a constant); K minimises 1/√K + ηK"],
          checks=[ov.ParameterChoice(1 / sp.sqrt(Kc) + eta * Kc, Kc, (2 * eta) ** R(-2, 3), {eta: ov.closed(R(1, 10**4), 1)}, (R(1, 10**3), 10**9),
                                     part="the best K is (2η)^{−2/3}"),
                  ov.Identity((1 / sp.sqrt(Kc) + eta * Kc).subs(Kc, (2 * eta) ** R(-2, 3)), R(3, 2) * 2 ** R(1, 3) * eta ** R(1, 3),
                              part="its value is (3/2)·2^{1/3}η^{1/3}")]),
    claim(None, 2797, "Lemma 20.1 with ‖ε‖ = O(η^{1/3})", "approximation",
          "E[L(w_{t+1}) − L(w_t)] ≤ O(−η‖∇L‖² + η^{5/3}); Σ E‖∇L‖² ≤ O(Δ/η + Tη^{2/3})", end_line=2797,
          checks=[ov.Identity(eta * (eta ** R(1, 3)) ** 2, eta ** R(5, 3), part="η‖ε‖² = η·η^{2/3}"),
                  ov.Identity((Delta + T * eta ** R(5, 3)) / eta, Delta / eta + T * eta ** R(2, 3), part="telescoping, divided by η")]),
    claim(None, 2801, "optimising η gives T^{3/5}", "approximation", "min_η Δ/η + Tη^{2/3} = O(T^{3/5})",
          hypotheses=["the limit is taken at Δ = 1 (Δ is a constant of the problem)"],
          checks=[ov.ParameterChoice(Delta / eta + T * eta ** R(2, 3), eta, (3 * Delta / (2 * T)) ** R(3, 5),
                                     {Delta: ov.closed(R(1, 10), 10), T: ov.integers(1, 10**6)}, (R(1, 10**9), 10**3)),
                  ov.Limit((1 / eta + T * eta ** R(2, 3)).subs(eta, (3 / (2 * T)) ** R(3, 5)), T ** R(3, 5), T, sp.oo,
                           expect="finite", part="the value is Θ(T^{3/5})")]),
]

# ---------------------------------------------------------------- Lemma 20.2 and Theorem 20.3
from optverify.counterexamples.momentum_sim import MomentumRate  # noqa: E402

g1_sq, eps1_sq = nn("g1_sq"), nn("eps1_sq")
SQ3 = sp.sqrt(3)
L202 = -3 * eta / 4 * eps1_sq + eta / 8 * g1_sq + 3 * SQ3 * H * eta**2 * sigma**2
L202_CORRECTED = -3 * eta / 4 * eps1_sq + eta / 4 * g1_sq + 6 * SQ3 * H * eta**2 * sigma**2
a_, c_, u_, p_, s_ = nn("a"), nn("c"), nn("u"), real("p"), nn("s")  # ‖ε_t‖, ‖∇L(w_t)‖, ‖∇L(w_t) − ∇L(w_{t+1})‖, ⟨ε_t, ·⟩, E‖r_{t+1}‖²
eta_c = alpha / (4 * SQ3 * H)  # α/(√48·H)
_STATE = {a_: ov.closed(0, 10), c_: ov.closed(0, 10), u_: ov.closed(0, 10), p_: ov.closed(-100, 100), s_: ov.closed(0, 100),
          alpha: ov.left_open(0, R(1, 2)), H: ov.left_open(0, 10), sigma: ov.left_open(0, 10)}
_STATE_GIVEN = (p_ <= a_ * u_, u_ <= H * eta_c * (c_ + a_), s_ <= sigma**2)
Delta_s = sp.Symbol("Delta", positive=True)
A_ = 32 * SQ3 * H * Delta_s + 12 * sigma**2
BOUND_2922 = A_ / (T * alpha) + 6 * sigma**2 * alpha
gn = sp.Symbol("gradL", positive=True)

CLAIMS += [
    claim("Lem 20.2", 2809, "the momentum error contracts", "expectation bound",
          "(√3/(8H))E[‖ε_{t+1}‖² − ‖ε_t‖²] ≤ −(3η/4)E‖ε_t‖² + (η/8)E‖∇L(w_t)‖² + 3√3Hη²σ², for α ≤ 1/2, η = α/√(48H)",
          end_line=2811,
          hypotheses=[_START, "at t = 1 (ε_1 = 0 since the noise vanishes at w_1); Algorithm 16 as printed (w_2 = w_1 − m_1), "
                      "η = α/√(48H) as printed; the parts vary the first step and η"],
          symbols={"eta": eta, "eps1_sq": eps1_sq, "g1_sq": g1_sq, "H": H, "sigma": sigma}, bound=L202,
          checks=[ov.InstanceSearch(momentum_start.bind(first="printed", step="printed"), ov.BOUND),
                  ov.InstanceSearch(momentum_start.bind(first="eta", step="printed"), ov.BOUND,
                                    part="first step w_1 − ηm_1, η = α/√(48H)"),
                  ov.InstanceSearch(momentum_start.bind(first="eta", step="corrected"), ov.BOUND,
                                    part="first step w_1 − ηm_1, η = α/(√48·H) (the proof's reading, line 2922)")],
          notes="three slips: Algorithm 16's first step lacks η; η = α/√(48H) is not ≤ α/(4H) for H > 3 and does not give "
                "3η/(2α) = √3/(8H) (line 2886) unless H = 1; and the last line of line 2880 halves two constants (12H²η³/α² "
                "and 3ηα/2 σ² are printed 6H²η³/α² and 3ηα/4 σ²), so η/8 and 3√3Hη²σ² should be η/4 and 6√3Hη²σ²",
          corrected=ov.Corrected(
              "(√3/(8H))E[‖ε_{t+1}‖² − ‖ε_t‖²] ≤ −(3η/4)E‖ε_t‖² + (η/4)E‖∇L(w_t)‖² + 6√3Hη²σ², α ≤ 1/2, η = α/(√48·H), "
              "Algorithm 16 with w_2 = w_1 − ηm_1",
              "the constants of line 2880 doubled back (8H²η²/α × 3η/(2α) = 12H²η³/α², α²σ² × 3η/(2α) = 3ηασ²/2), η = α/(√48·H)",
              checks=[ov.InstanceSearch(momentum_start.bind(first="eta", step="corrected"), L202_CORRECTED),
                      ov.Semialgebraic(SQ3 / 8 * ((1 - alpha)**2 * (a_**2 + 2 * p_ + nn("U")) + alpha**2 * s_ - a_**2), "<=",
                                       (-3 * eta / 4 * a_**2 + eta / 4 * c_**2 + 6 * SQ3 * eta**2 * sigma**2).subs(eta, alpha / (4 * SQ3)),
                                       {a_: ov.closed(0, 10), c_: ov.closed(0, 10), p_: ov.closed(-100, 100), s_: ov.closed(0, 100),
                                        nn("U"): ov.closed(0, 100), alpha: ov.left_open(0, R(1, 2)), sigma: ov.left_open(0, 10)},
                                       given=(p_ <= a_**2 * alpha / 4 + nn("U") / alpha, nn("U") <= 2 * alpha**2 / 48 * (c_**2 + a_**2),
                                              s_ <= sigma**2),
                                       note="every state: E_t‖ε_{t+1}‖² = (1 − α)²(a² + 2p + U) + α²E‖r_{t+1}‖², a = ‖ε_t‖, c = ‖∇L(w_t)‖, "
                                            "U = ‖∇L(w_t) − ∇L(w_{t+1})‖² ≤ H²η²(c + a)² ≤ 2H²η²(c² + a²), p = ⟨ε_t, ∇L(w_t) − ∇L(w_{t+1})⟩ ≤ "
                                            "a²/(2λ) + λU/2 at λ = 2/α (Young, line 2852); H = 1 without loss (every term scales as 1/H "
                                            "at η = α/(√48·H)); taking E gives the lemma")])),
    claim("Thm 20.3", 2888, "SGD with momentum converges at the SGD rate", "rate",
          "(1/T)Σ_{t=1}^T E‖∇L(w_t)‖² ≤ O(HΔ/T + (σ√(HΔ) + σ²)/√T)", end_line=2890,
          hypotheses=["Algorithm 16 as printed with η = α/√(48H) read as α/(√48·H) (the proof's line 2922) and the printed α",
                      "the O(·) hides an absolute constant (uniform in H, Δ, σ, T); as printed, deterministic gradients (σ → 0, "
                      "α = 1/2) on L = (H/2)w² from w_1: (1/T)Σ_t‖∇L(w_t)‖² ≥ ‖∇L(w_2)‖²/T = H²(1 − H)²w_1²/T against HΔ/T = "
                      "H²w_1²/(2T): the ratio 2(1 − H)² is unbounded in H",
                      "corrected: the O read with the proof's constants (line 2922), (32√3HΔ + 12σ²)/(Tα) + 6σ²α, by Monte Carlo "
                      "(MomentumRate) on a non-convex and a quadratic H-smooth L, d = 4"],
          symbols={"H": H, "Delta": Delta_s, "sigma": sigma, "T": T}, bound=H * Delta_s / T + (sigma * sp.sqrt(H * Delta_s) + sigma**2) / sp.sqrt(T),
          checks=[ov.Limit((H * (1 - H) * w1s) ** 2 / T, H * (H * w1s**2 / 2) / T, H, sp.oo, expect="finite",
                           part="as printed (w_2 = w_1 − m_1): the O-constant is not uniform in H"),
                  ov.Scaling(gn**2, ov.BOUND,
                             {gn: "grad", H: "hess", Delta_s: "loss", sigma: "grad", T: "none"}, part="the O(·) transforms as ‖∇L‖²")],
          notes="false because Algorithm 16 as printed is (its first step w_2 = w_1 − m_1 ignores η): one step multiplies the "
                "gap by (1 − H)² (root cause)",
          corrected=ov.Corrected("the same with Algorithm 16's first step w_2 = w_1 − ηm_1, with the constants of line 2922: "
                                 "(1/T)Σ E‖∇L(w_t)‖² ≤ (32√3HΔ + 12σ²)/(Tα) + 6σ²α", "Algorithm 16's first step lacks η",
                                 checks=[ov.Simulation(MomentumRate(first="eta"), BOUND_2922)])),
]
