"""004, lines 236–328: Adam, its four "properties" and its default setting."""

import sympy as sp

from optverify.claims.adam_variants_004._common import beta1, beta2, claim, eps, g, gamma, k, t
from optverify import (Corrected, Identity, Inequality, InstanceSearch, Limit, Moment, NotCheckable, Sharp, Simulation, closed,
                       integers, open_)
from optverify.claims.specs import adam_eps_in_root
from optverify.counterexamples.families import adam_moments
from optverify.counterexamples.families.adam_step import T_MAX, limit_constant
from optverify.counterexamples.families.adam_step import _ramp as ramp
from optverify.sim.experiments import AdamStepMagnitude

mu = sp.Symbol("mu", real=True)
nu = sp.Symbol("nu", positive=True)
mu_seq, nu_seq = sp.Function("mu"), sp.Function("nu")  # E[g_k], E[g_k²] when they may change with k
c = sp.Symbol("c", real=True, nonzero=True)
mh = sp.Symbol("mhat", real=True)  # m̂_t
vh = sp.Symbol("vhat", positive=True)  # v̂_t
nsr = sp.Symbol("NSR", nonnegative=True)
sig = sp.Symbol("sigma", nonnegative=True)
sqrt_v_hat = sp.Symbol("sqrt_v_hat", positive=True)

DOM_T = {t: integers(1, 10)}
bb = sp.Symbol("beta", positive=True)  # β1 or β2


def ema(beta, term):
    """(1 − β) Σ_{k=1}^t β^{t−k} term(k): the EMA of term from a zero start."""
    return (1 - beta) * sp.Sum(beta ** (t - k) * term(k), (k, 1, t))


def corrected_ema(beta, term):
    return ema(beta, term) / (1 - beta**t)


B1, B2 = 0.9, 0.999  # line 328's default setting
SHARP_DERIVATION = (
    "m̂_T = Σ a_k g_k and v̂_T = Σ b_k g_k² with a_k = (1−β1)β1^{T−k}/(1−β1^T), b_k = (1−β2)β2^{T−k}/(1−β2^T); by "
    "Cauchy–Schwarz sup_g |m̂_T|/√v̂_T = √(Σ_k a_k²/b_k), attained at g_k ∝ (β1/β2)^{T−k}; it grows with T, so over the "
    "family it is attained at the longest horizon (T = 16 quick, 48 thorough) by that sequence, "
    f"and tending to (1−β1)/√((1−β2)(1−β1²/β2)) = {limit_constant(B1, B2):.4f} as T → ∞"
)
SHARP = Sharp(SHARP_DERIVATION, lambda mode: {"T": T_MAX[mode], "g": ramp({"beta1": B1, "beta2": B2, "T": T_MAX[mode]})})
a_k = (1 - beta1) * beta1 ** (t - k) / (1 - beta1**t)

CLAIMS = [
    claim(None, 238, "Adam combines momentum and RMSProp", "qualitative", "descriptive",
          printed="Adam (2015, ICLR) is arguably the most popular adaptive optimizer, effectively combining the ideas of **Momentum** and **RMSProp**.",
          checks=[NotCheckable("descriptive: 'most popular' is an opinion, and 'combining' is shown by the printed recursions themselves "
                               "(line 244 is line 103's velocity with β = β1, line 245 is line 227's accumulator with ρ = β2), with nothing to compute")]),
    claim(None, 243, "the full Adam algorithm", "algorithm", "steps 1–6 with ε inside the root descend on a convex quadratic", end_line=248,
          hypotheses=["run with γ = 0.1, β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ inside the root (step 6), on f(θ) = θ²/2 from θ = 1"],
          checks=[adam_eps_in_root(0.1, 200)]),
    claim(None, 252, "zero initialisation biases the moments towards zero", "property",
          "from m_0 = 0, m_t = (1 − β)Σ_{k≤t} β^{t−k} g_k puts total weight 1 − β^t < 1 on the gradients: E[m_t] is (1 − β^t) times a "
          "weighted average of the E[g_k] (weights summing to 1), a shrinkage towards zero whose shortfall β^t is largest at t = 1",
          printed="The moment vectors, m_t and v_t , are initialized as zeros. This causes them to be biased towards zero, especially during the initial steps of training.",
          hypotheses=["β is β1 for m_t (EMA of g_k) and β2 for v_t (EMA of g_k²); the same algebra serves both",
                      "no stationarity is assumed (line 269 brings it in later): the bias is stated against the average the weights would "
                      "give if they summed to 1"],
          checks=[Identity(ema(bb, lambda _k: 1), 1 - bb**t, domain={bb: open_(0, 1), **DOM_T}, part="the weights sum to 1 − β^t"),
                  Identity(ema(bb, mu_seq), (1 - bb**t) * corrected_ema(bb, mu_seq), domain={bb: open_(0, 1), **DOM_T}, sequences={mu_seq: (-3, 3)},
                           part="E[m_t] = (1 − β^t) × the normalised average"),
                  Inequality(bb**t * (1 - bb), ">", sp.Integer(0), {bb: closed(sp.Rational(1, 1000), sp.Rational(999, 1000)), t: closed(1, 50)},
                             part="the shortfall β^t falls with t", note="β^t − β^{t+1} = β^t(1 − β) > 0")]),
    claim(None, 255, "bias-corrected moments", "definition", "m̂_t = m_t/(1 − β1^t), v̂_t = v_t/(1 − β2^t)", checks=[NotCheckable("definition")]),
    claim(None, 259, "the corrected first moment is unbiased", "identity", "E[m̂_t] = E[g_t]", end_line=259,
          hypotheses=["m_0 = 0; E[g_k] = μ(k) arbitrary (line 259 states no condition; stationarity only comes at line 269)"],
          checks=[Identity(corrected_ema(beta1, mu_seq), mu_seq(t), domain={beta1: open_(0, 1), **DOM_T}, sequences={mu_seq: (-3, 3)},
                           note="lhs: E[m̂_t] by linearity; rhs: E[g_t]")],
          corrected=Corrected("E[m̂_t] = E[g_t] when E[g_k] = μ for every k", "the correction removes the bias only for a constant mean",
                              checks=[Moment("mean_corrected", mu, beta1, t, mu=mu, var=sp.Integer(1),
                                             domain={beta1: open_(0, 1), **DOM_T, mu: open_(-3, 3)})])),
    claim(None, 263, "the corrected second moment is unbiased", "identity", "E[v̂_t] = E[g_t²]",
          hypotheses=["v_0 = 0; E[g_k²] = ν(k) arbitrary (no condition is printed at line 263)"],
          checks=[Identity(corrected_ema(beta2, nu_seq), nu_seq(t), domain={beta2: open_(0, 1), **DOM_T}, sequences={nu_seq: (0, 5)},
                           note="lhs: E[v̂_t] by linearity; rhs: E[g_t²]")],
          corrected=Corrected("E[v̂_t] = E[g_t²] when E[g_k²] = ν for every k", "the correction removes the bias only for a constant second moment",
                              checks=[Moment("mean_corrected", nu, beta2, t, mu=nu, var=sp.Integer(1),
                                             domain={beta2: open_(0, 1), **DOM_T, nu: open_(0, 5)})])),
    claim(None, 271, "bias of the first moment under stationarity", "identity",
          "E[m_t] = (1 − β1) Σ_{k=1}^t β1^{t−k} μ = (1 − β1^t)μ ⇒ E[m̂_t] = μ", end_line=271,
          hypotheses=["m_0 = 0, E[g_t] = μ for every t (line 269)"],
          checks=[Moment("mean", ema(beta1, lambda _k: mu), beta1, t, mu=mu, var=sp.Integer(1), part="expectation",
                         domain={beta1: open_(0, 1), **DOM_T, mu: open_(-3, 3)}),
                  Identity(ema(beta1, lambda _k: mu), (1 - beta1**t) * mu, domain={beta1: open_(0, 1), **DOM_T}, part="geometric sum"),
                  Moment("mean_corrected", mu, beta1, t, mu=mu, var=sp.Integer(1), part="corrected",
                         domain={beta1: open_(0, 1), **DOM_T, mu: open_(-3, 3)})]),
    claim(None, 273, "bias of the second moment under stationarity", "identity",
          "E[v_t] = (1 − β2) Σ_{k=1}^t β2^{t−k} ν = (1 − β2^t)ν ⇒ E[v̂_t] = ν",
          hypotheses=["v_0 = 0, E[g_t²] = ν for every t (line 269); v_t is an EMA of g_t², whose mean is ν"],
          checks=[Moment("mean", ema(beta2, lambda _k: nu), beta2, t, mu=nu, var=sp.Integer(1), part="expectation",
                         domain={beta2: open_(0, 1), **DOM_T, nu: open_(0, 5)}),
                  Identity(ema(beta2, lambda _k: nu), (1 - beta2**t) * nu, domain={beta2: open_(0, 1), **DOM_T}, part="geometric sum"),
                  Moment("mean_corrected", nu, beta2, t, mu=nu, var=sp.Integer(1), part="corrected",
                         domain={beta2: open_(0, 1), **DOM_T, nu: open_(0, 5)})]),
    claim(None, 275, "nearly unbiased in the early phase", "property", "under line 269's stationarity E[m̂_t] = μ and E[v̂_t] = ν for every t ≥ 1",
          printed="Thus \\hat{m}_t and \\hat{v}_t are nearly unbiased in the early phase of training.",
          hypotheses=["'Thus' refers to lines 269–273: m_0 = v_0 = 0 (line 252), E[g_t] = μ and E[g_t²] = ν for every t; "
                      "exactly unbiased there, so 'nearly' holds a fortiori"],
          checks=[Moment("mean_corrected", mu, beta1, t, mu=mu, var=sp.Integer(1), part="m̂_t", domain={beta1: open_(0, 1), **DOM_T, mu: open_(-3, 3)}),
                  Moment("mean_corrected", nu, beta2, t, mu=nu, var=sp.Integer(1), part="v̂_t", domain={beta2: open_(0, 1), **DOM_T, nu: open_(0, 5)})]),
    claim(None, 279, "Adam's step is largely scale invariant", "qualitative", "hedged; the exact statement is line 287",
          printed="The magnitude of Adam's update step is largely invariant to the scale of the gradients.",
          checks=[NotCheckable("hedged ('largely'); the exact statement, line 287, is checked there")]),
    claim(None, 281, "the first moment scales by c", "identity", "g' = cg ⇒ m̂'_t = c m̂_t",
          checks=[Identity(corrected_ema(beta1, lambda kk: c * g(kk)), c * corrected_ema(beta1, g), domain={beta1: open_(0, 1), **DOM_T},
                           sequences={g: (-3, 3)})]),
    claim(None, 282, "the second moment scales by c²", "identity", "g' = cg ⇒ v̂'_t = c² v̂_t",
          checks=[Identity(corrected_ema(beta2, lambda kk: (c * g(kk)) ** 2), c**2 * corrected_ema(beta2, lambda kk: g(kk) ** 2),
                           domain={beta2: open_(0, 1), **DOM_T}, sequences={g: (-3, 3)})]),
    claim(None, 285, "Adam's update under rescaled gradients", "identity",
          "m̂'/√(v̂' + ε) ≈ c m̂/√(c² v̂) = c m̂/(|c|√v̂) = sign(c) m̂/√v̂",
          hypotheses=["≈ read as the limit ε → 0 (the display drops ε); c ≠ 0; v̂ > 0"],
          checks=[Limit(c * mh / sp.sqrt(c**2 * vh + eps), c * mh / sp.sqrt(c**2 * vh), eps, 0, direction="+", part="drop ε",
                        domain={c: open_(-5, 5), mh: open_(-3, 3), vh: open_(0, 5)}),
                  Identity(c * mh / sp.sqrt(c**2 * vh), c * mh / (sp.Abs(c) * sp.sqrt(vh)), part="√(c²) = |c|"),
                  Identity(c * mh / (sp.Abs(c) * sp.sqrt(vh)), sp.sign(c) * mh / sp.sqrt(vh), part="c/|c| = sign(c)")]),
    claim(None, 287, "the update's magnitude is unaffected by c", "property", "|m̂'/√(v̂' + ε)| = |m̂/√(v̂ + ε)| for every c ≠ 0",
          printed="The magnitude of the update is unaffected by the scaling factor c .",
          hypotheses=["the update of step 6 (line 248), ε > 0 inside the root, as the algorithm prints it"],
          checks=[Identity(sp.Abs(c * mh / sp.sqrt(c**2 * vh + eps)), sp.Abs(mh / sp.sqrt(vh + eps)),
                           domain={c: open_(0, 10), mh: open_(-3, 3), vh: open_(0, 5), eps: open_(0, 1)})],
          corrected=Corrected("unaffected when ε = 0 (or in the limit c²v̂ ≫ ε)", "ε breaks exact scale invariance: small gradients get damped steps",
                              checks=[Identity(sp.Abs(c * mh / sp.sqrt(c**2 * vh)), sp.Abs(mh / sp.sqrt(vh)))])),
    claim(None, 291, "each coordinate's step is effectively capped by γ in stationary regimes", "property",
          "under i.i.d. gradients E|Δθ_{t,i}| ≤ γ",
          printed="Each coordinate's step is effectively capped by γ in stationary regimes.",
          hypotheses=["'stationary regime' read as i.i.d. gradients N(1, NSR²); 'effectively' as on average (the per-sequence bound is "
                      "line 298, and the probability of exceeding γ is reported per row)", "β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ (line 328)"],
          checks=[Simulation(AdamStepMagnitude(B1, B2, 1e-8), sp.Integer(1))]),
    claim(None, 294, "Adam's per-coordinate step", "identity", "|Δθ_{t,i}| = γ|m̂_{t,i}|/(√v̂_{t,i} + ε)",
          hypotheses=["compared with step 6 of the algorithm (line 248), which puts ε inside the root: γ|m̂|/√(v̂ + ε)"],
          checks=[Identity(gamma * sp.Abs(mh) / (sp.sqrt(vh) + eps), gamma * sp.Abs(mh) / sp.sqrt(vh + eps),
                           domain={gamma: open_(0, 1), mh: open_(-3, 3), vh: open_(0, 5), eps: open_(0, 1)})],
          corrected=Corrected("|Δθ_{t,i}| = γ|m̂_{t,i}|/√(v̂_{t,i} + ε), as line 248 prints it", "the two placements of ε are different updates",
                              checks=[Identity(gamma * sp.Abs(mh) / sp.sqrt(vh + eps), gamma * sp.Abs(mh) / sp.sqrt(vh + eps))])),
    claim(None, 298, "Adam's bounded step by Cauchy–Schwarz", "inequality",
          "|m̂_{t,i}| ≤ √v̂_{t,i} ⇒ |Δθ_{t,i}| ≤ γ√v̂/(√v̂ + ε) ≤ γ, for every gradient sequence",
          hypotheses=["'Cauchy–Schwarz on EMAs' read as a bound for every gradient sequence (the stationary regime of i.i.d. gradients "
                      "gives every sequence positive density, so a violating sequence is a possible realisation)",
                      "β1 = 0.9, β2 = 0.999 (line 328), m_0 = v_0 = 0, γ = 10⁻³, ε = 10⁻⁸ outside the root (line 294)"],
          checks=[InstanceSearch(adam_moments.bind(beta1=B1, beta2=B2, quantity="m_hat"), sqrt_v_hat, sharp=SHARP, part="Cauchy–Schwarz"),
                  Inequality(gamma * vh / (vh + eps), "<=", gamma, {gamma: open_(0, 1), vh: closed(0, 100), eps: open_(0, 1)},
                             part="cap", note="with √v̂ written as vhat ≥ 0"),
                  InstanceSearch(adam_moments.bind(beta1=B1, beta2=B2, quantity="step"), gamma, sharp=SHARP, part="step ≤ γ")],
          corrected=Corrected("|m̂_t| ≤ √v̂_t for every sequence when β1 = β2",
                              "the Cauchy–Schwarz step needs the same weights in both EMAs: Σ_k a_k²/b_k ≥ 1 with equality iff a = b",
                              checks=[Identity(sp.Sum(a_k**2 / a_k, (k, 1, t)), sp.Integer(1), domain={beta1: open_(0, 1), **DOM_T},
                                               note="with β1 = β2 the sharp constant Σ_k a_k²/b_k is Σ_k a_k = 1: Cauchy–Schwarz gives |m̂| ≤ √v̂"),
                                      InstanceSearch(adam_moments.bind(beta1=B1, beta2=B1, quantity="m_hat"), sqrt_v_hat,
                                                     sharp=Sharp("Σ_k a_k²/b_k = Σ_k a_k = 1 when β1 = β2: a constant sequence attains it",
                                                                 {"T": 4, "g": [1.0, 1.0, 1.0, 1.0]}))])),
    claim(None, 309, "noise-to-signal ratio", "definition", "NSR = √Var(g_t)/|E[g_t]|", checks=[NotCheckable("definition")]),
    claim(None, 312, "high NSR reduces Adam's step, low NSR enlarges it", "property",
          "with E[g] = μ, Var(g) = σ² = NSR²μ²: γ|E m̂|/√E[v̂] = γ/√(1 + NSR²), decreasing in NSR", end_line=313,
          hypotheses=["stationary regime: E[m̂_t] = μ, E[v̂_t] = μ² + σ² (lines 271–273); the step read through these expectations, "
                      "as the slide itself does: signal m_t ≈ E[g_t] (line 305), 'the variance term dominates v̂_t' (line 312) is a "
                      "statement about E[v̂_t] = μ² + σ²"],
          checks=[Identity(gamma * sp.Abs(mu) / sp.sqrt(mu**2 + (nsr * mu) ** 2), gamma / sp.sqrt(1 + nsr**2),
                           domain={mu: open_(-3, 3), nsr: open_(0, 10)}, part="step"),
                  Inequality(sp.diff(1 / sp.sqrt(1 + nsr**2), nsr), "<=", sp.Integer(0), {nsr: closed(0, 100)}, part="decreasing")]),
    claim(None, 319, "Adam at its default setting", "algorithm", "steps 1–6 with γ = 10⁻³, β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ descend",
          end_line=328, hypotheses=["on f(θ) = θ²/2 from θ = 1, ε inside the root as step 6 prints it"],
          checks=[adam_eps_in_root(1e-3, 300)]),
]
