"""000 §2.1, lines 224–273: momentum as averaging — the weighted average, its mean, its variance, the bounds."""

import sympy as sp

from optverify.claims.adagrad_adam_000._common import alpha, beta1, claim, eps, g, r, sigma, t, tau
from optverify import Corrected, Identity, Induction, Inequality, Limit, Moment, NotCheckable, Range, integers, left_open, open_
from optverify.verify.moments import expectation

n = sp.Symbol("n", integer=True, positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
beta_t = sp.Symbol("beta_t", positive=True)
N = sp.Symbol("N", positive=True)
u = sp.Symbol("u", positive=True)  # u = β1^t
grad = sp.Symbol("nablaL", real=True)  # ∇L(w_t), constant under the slow-variation assumption
m_prev, S_prev, gt = sp.symbols("m_prev S g_t", real=True)

_DOM = {beta1: open_(0, 1), t: integers(1, 12), n: integers(1, 12), beta_t: open_(0, 1), eps: open_(0, 3)}
weights = sp.Sum(beta1**tau, (tau, 0, t - 1))
ema_sum = sp.Sum(beta1**tau * g(t - tau), (tau, 0, t - 1))
m_closed = (1 - beta1) * ema_sum


def ema(k_, m0):
    return beta1**k_ * m0 + (1 - beta1) * sp.Sum(beta1**tau * g(k_ - tau), (tau, 0, k_ - 1))


PRINTED_VAR = sigma**2 * (1 - beta1) * (1 - beta1 ** (2 * t - 1)) / ((1 - beta1**2) * (1 - beta1**t) ** 2)
var_mhat = sigma**2 * sp.Sum(beta1 ** (2 * tau), (tau, 0, t - 1)) / weights**2  # Σ β^{2τ} E[r²] / (Σ β^τ)², E[r²] = σ²
lim_var = sigma**2 * (1 - beta1) ** 2 / (1 - beta1**2)

# line 241 instance: L(w) = ‖w‖²/2 on R², w_τ = (cos τδ, sin τδ) moves slowly along a level set (L(w_τ) = 1/2 for every τ,
# the printed assumption L(w_{t'}) = L(w_t)); r ≡ 0; t = 2, first coordinate: ∇L(w_τ)[1] = cos τδ
delta = sp.Symbol("delta", positive=True)
mhat2_circle = (beta1 * sp.cos(delta) + sp.cos(2 * delta)) / (1 + beta1)

# line 273: a gradient that drifts by δ per step, ∇L(w_{t−τ}) = ∇L(w_t) + τδ (e.g. L = w²/2 with w moving at speed δ)
drift = sp.Symbol("delta", real=True)
bias_t = drift * sp.Sum(tau * beta1**tau, (tau, 0, t - 1)) / weights  # E[m̂_t] − ∇L(w_t)
bias_lim = drift * beta1 / (1 - beta1)

CLAIMS = [
    claim(None, 228, "unrolling m_t", "identity",
          "m_t = β1^t ε² + (1 − β1) Σ_{τ=0}^{t−1} β1^τ g_{t−τ} = (1 − β1) Σ_{τ=0}^{t−1} β1^τ g_{t−τ}", end_line=229,
          hypotheses=["m_t = β1 m_{t−1} + (1 − β1) g_t (line 258), m_0 = 0"],
          checks=[
              Identity(beta1**t * eps**2 + m_closed, m_closed, domain=_DOM, part="the two printed right sides agree"),
              Induction(lambda k_: ema(k_, 0), lambda prev, k_: beta1 * prev + (1 - beta1) * g(k_), n, 0, sp.Integer(0),
                        domain=_DOM, part="(1 − β1) Σ β1^τ g_{t−τ} solves the recursion with m_0 = 0"),
          ],
          corrected=Corrected(
              "m_t = β1^t m_0 + (1 − β1) Σ_{τ=0}^{t−1} β1^τ g_{t−τ} = (1 − β1) Σ_{τ=0}^{t−1} β1^τ g_{t−τ} for m_0 = 0",
              "the ε² term belongs to v_t's unrolling (line 212); m_0 = 0 leaves no initial term",
              checks=[Induction(lambda k_: ema(k_, sp.Symbol("m_0")), lambda prev, k_: beta1 * prev + (1 - beta1) * g(k_), n, 0,
                                sp.Symbol("m_0"), domain=_DOM)],
          )),
    claim(None, 231, "geometric sum of the weights", "identity",
          "(1 − β1^t)/(1 − β1) = 1 + β1 + β1² + ⋯ + β_t^{t−1}",
          printed="\\frac{1-\\beta_1^t}{1-\\beta_1}=1+\\beta_1+\\beta_1^2+\\dots\\beta_t^{t-1}",
          hypotheses=["the last printed term is β_t^{t−1}; β_t is transcribed as its own symbol"],
          checks=[Identity((1 - beta1**t) / (1 - beta1), sp.Sum(beta1**k, (k, 0, t - 2)) + beta_t ** (t - 1), domain=_DOM)],
          corrected=Corrected(
              "(1 − β1^t)/(1 − β1) = 1 + β1 + ⋯ + β1^{t−1}",
              "the last term is β1^{t−1}",
              checks=[Identity((1 - beta1**t) / (1 - beta1), sp.Sum(beta1**k, (k, 0, t - 1)), domain=_DOM)],
          )),
    claim(None, 233, "bias-corrected momentum is a weighted average", "identity",
          "m̂_t = Σ_τ β1^τ g_{t−τ} / Σ_τ β1^τ",
          hypotheses=["m̂_t = m_t/(1 − β1^t), m_t = (1 − β1) Σ β1^τ g_{t−τ} (line 229)"],
          checks=[Identity(m_closed / (1 - beta1**t), ema_sum / weights, domain=_DOM)]),
    claim(None, 237, "gradient = mean + noise", "definition", "q_t = ∇L(w_t) + r_t with r_t mean zero",
          checks=[NotCheckable("definition; note it defines q_t, while lines 241–246 decompose g_t — read there as g_t")]),
    claim(None, 241, "mean of the bias-corrected momentum", "identity",
          "m̂_t = ∇L(w_t) + Σ_τ β1^τ r_{t−τ}/Σ_τ β1^τ and E[m̂_t] = ∇L(w_t)", end_line=242,
          hypotheses=["g_t = ∇L(w_t) + r_t (line 237 prints q_t), E[r_t] = 0",
                      "the assumption as printed at line 239: 'w_t is varying slowly enough that we can approximate L(w_{t'}) = L(w_t) for t ≤ t'' — "
                      "equal loss values, which do not make the gradients equal",
                      "instance: L(w) = ‖w‖²/2 on R², w_τ = (cos τδ, sin τδ) with δ ∈ (0, 1/10) (slow, and L(w_τ) = 1/2 for every τ), "
                      "r ≡ 0, t = 2, first coordinate"],
          checks=[
              Identity((sp.cos(delta) ** 2 + sp.sin(delta) ** 2) / 2, (sp.cos(2 * delta) ** 2 + sp.sin(2 * delta) ** 2) / 2,
                       part="instance: L(w_1) = L(w_2), the printed assumption holds"),
              Identity(mhat2_circle, sp.cos(2 * delta), domain={beta1: open_(0, 1), delta: open_(0, sp.Rational(1, 10))},
                       part="decomposition: m̂_2 = ∇L(w_2) + (noise average = 0)"),
          ],
          corrected=Corrected(
              "with ∇L(w_{t'}) = ∇L(w_t) for the t' ≤ t in the average: m̂_t = ∇L(w_t) + Σ_τ β1^τ r_{t−τ}/Σ_τ β1^τ and E[m̂_t] = ∇L(w_t)",
              "the average mixes the gradients of the past iterates; the assumption it needs is on the gradients over the window "
              "t' ≤ t (the text prints loss values, and t ≤ t')",
              checks=[
                  Identity(sp.Sum(beta1**tau * (grad + r(t - tau)), (tau, 0, t - 1)) / weights,
                           grad + sp.Sum(beta1**tau * r(t - tau), (tau, 0, t - 1)) / weights, domain=_DOM, part="decomposition"),
                  Identity(expectation(grad + sp.Sum(beta1**tau * r(t - tau), (tau, 0, t - 1)) / weights, {r: {1: sp.Integer(0)}}),
                           grad, domain=_DOM, part="expectation (linearity, E[r] = 0)"),
              ],
          )),
    claim(None, 246, "variance of the bias-corrected momentum", "identity",
          "Var(m̂_t) = Σ β1^{2τ} E[r_{t−τ}²]/(Σ β1^τ)² = σ² (1 − β1)(1 − β1^{2t−1})/((1 − β1²)(1 − β1^t)²)",
          hypotheses=["r_t mean zero with E[r_t²] = σ² (the equality case of E[r_t²] ≤ σ²), as the text states (line 237: 'some "
                      "mean-zero random value'); it does not state that the r_t are uncorrelated, which the first equality needs",
                      "instance for the first equality: r_t ≡ r for every t (mean zero, E[r²] = σ², allowed by the text), so "
                      "m̂_t = r and Var(m̂_t) = σ²"],
          checks=[Identity(var_mhat, PRINTED_VAR, domain=_DOM),
                  Moment("var_corrected", PRINTED_VAR, beta1, t, mu=sp.Integer(0), var=sigma**2, domain=_DOM,
                         note="Var(m_t/(1 − β1^t)) derived by rsolve from m_t = β1 m_{t−1} + (1 − β1) g_t, m_0 = 0 (i.i.d. r_t, "
                              "one case the text allows)"),
                  Identity(sigma**2, var_mhat, domain=_DOM,
                           part="the first equality on correlated noise r_t ≡ r: Var(m̂_t) = σ² against Σβ^{2τ}σ²/(Σβ^τ)²")],
          corrected=Corrected(
              "for uncorrelated r_t: Var(m̂_t) = Σ β1^{2τ} E[r_{t−τ}²]/(Σ β1^τ)² ≤ σ² (1 − β1)²(1 − β1^{2t})/((1 − β1²)(1 − β1^t)²), "
              "with equality when E[r_t²] = σ² (checked in that case)",
              "the first equality needs the r_t uncorrelated (a condition the text does not state); Σ_{τ<t} β1^{2τ} = "
              "(1 − β1^{2t})/(1 − β1²) and (Σ_{τ<t} β1^τ)² = (1 − β1^t)²/(1 − β1)²",
              checks=[Identity(var_mhat, sigma**2 * (1 - beta1) ** 2 * (1 - beta1 ** (2 * t)) / ((1 - beta1**2) * (1 - beta1**t) ** 2), domain=_DOM)],
          )),
    claim(None, 250, "large-t variance", "identity", "σ²(1 − β1)²/(1 − β1²) = σ²(1 − β1)/(1 + β1)",
          checks=[
              Identity(lim_var, sigma**2 * (1 - beta1) / (1 + beta1), domain=_DOM, part="the identity"),
              Limit(var_mhat, lim_var, t, sp.oo, domain=_DOM, part="it is the t → ∞ limit of Var(m̂_t) = σ² Σβ^{2τ}/(Σβ^τ)²"),
          ]),
    claim(None, 254, "first-order Taylor expansion of the variance", "rate", "σ²(1 − β1)/(1 + β1) ≈ σ²(1 − β1)",
          hypotheses=["'by first-order Taylor expansion … approximately' read as: the ratio → 1 as β1 → 1"],
          checks=[Limit(sigma**2 * (1 - beta1) / (1 + beta1), sigma**2 * (1 - beta1), beta1, 1, "-")],
          corrected=Corrected("σ²(1 − β1)/(1 + β1) ≈ σ²(1 − β1)/2", "1 + β1 → 2 as β1 → 1",
                              checks=[Limit(sigma**2 * (1 - beta1) / (1 + beta1), sigma**2 * (1 - beta1) / 2, beta1, 1, "-")])),
    claim(None, 256, "momentum β1 = (N−1)/N acts like batch size N", "rate",
          "with β1 = (N − 1)/N the variance is about σ²/N",
          printed="So that if  $\\beta_1 = \\frac{N-1}{N}$ , we would have variance of about  $\\frac{\\sigma^2}{N}$",
          hypotheses=["the variance is the large-t variance σ²(1 − β1)/(1 + β1) of line 250", "'about' read as: the ratio → 1 as N → ∞"],
          checks=[Limit((sigma**2 * (1 - beta1) / (1 + beta1)).subs(beta1, (N - 1) / N), sigma**2 / N, N, sp.oo)],
          corrected=Corrected("with β1 = (N − 1)/N the large-t variance is exactly σ²/(2N − 1): batch size 2N − 1",
                              "(1 − β1)/(1 + β1) = (1/N)/((2N − 1)/N)",
                              checks=[Identity((sigma**2 * (1 - beta1) / (1 + beta1)).subs(beta1, (N - 1) / N), sigma**2 / (2 * N - 1))])),
    claim(None, 258, "the EMA with β1 = (N−1)/N", "identity",
          "m_t = β1 m_{t−1} + (1 − β1) g_t = (N − 1)/N m_{t−1} + 1/N g_t", end_line=259,
          checks=[Identity((beta1 * m_prev + (1 - beta1) * gt).subs(beta1, (N - 1) / N), (N - 1) / N * m_prev + gt / N)]),
    claim(None, 261, "averaging N − 1 elements and one more", "identity",
          "if m_{t−1} = S/(N − 1) is an average of N − 1 elements, m_t = (S + g_t)/N",
          printed="If  $m_{t-1}$  happened to be the average of N-1 elements, then this formula would set  $m_t$  to be the average of those N-1 elements and  $g_t$ , a total of N elements.",
          checks=[Identity((N - 1) / N * (S_prev / (N - 1)) + gt / N, (S_prev + gt) / N)]),
    claim(None, 265, "the β1-part of the variance in α = 1 − β1", "inequality",
          "(1 − β1)²/(1 − β1²) = α²/(2α − α²) = α/(2 − α) ≤ α",
          hypotheses=["β1 = 1 − α with β1 ∈ [0, 1), so α ∈ (0, 1]"],
          checks=[
              Identity(((1 - beta1) ** 2 / (1 - beta1**2)).subs(beta1, 1 - alpha), alpha**2 / (2 * alpha - alpha**2),
                       domain={alpha: left_open(0, 1)}, part="substitution β1 = 1 − α"),
              Identity(alpha**2 / (2 * alpha - alpha**2), alpha / (2 - alpha), domain={alpha: left_open(0, 1)}, part="cancellation"),
              Inequality(alpha / (2 - alpha), "<=", alpha, {alpha: left_open(0, 1)}, part="α/(2 − α) ≤ α"),
          ]),
    claim(None, 267, "when β1^t ≤ 1/2", "inequality", "t ≥ log(1/2)/log(β1) implies β1^t ≤ 1/2",
          printed="so long as  $t \\ge \\log(1/2)/\\log(\\beta_1)$ , we will have  $\\beta_1^t \\le 1/2$",
          hypotheses=["β1 ∈ (0, 1); t = log(1/2)/log(β1) + s with s ≥ 0"],
          checks=[Inequality(sp.exp((sp.log(sp.Rational(1, 2)) / sp.log(beta1) + sp.Symbol("s", nonnegative=True)) * sp.log(beta1)),
                             "<=", sp.Rational(1, 2),
                             {beta1: open_(0, 1), sp.Symbol("s", nonnegative=True): Range(0, sp.oo, False, True)})]),
    claim(None, 269, "variance factor at most 4(1 − β)", "inequality",
          "(1 − β1)²(1 − β1^{2t−1})/((1 − β1²)(1 − β1^t)²) ≤ 4α = 4(1 − β)",
          hypotheses=["β1^t ≤ 1/2 (line 267); written with u = β1^t ∈ (0, 1/2], so β1^{2t−1} = u²/β1",
                      "the printed 4(1 − β) is read with β = β1"],
          checks=[Inequality((1 - beta1) ** 2 * (1 - u**2 / beta1) / ((1 - beta1**2) * (1 - u) ** 2), "<=", 4 * (1 - beta1),
                             {beta1: open_(0, 1), u: left_open(0, sp.Rational(1, 2))})]),
    claim(None, 273, "bias cancels the variance reduction", "qualitative",
          "when w_t moves, m̂_t is a biased estimate of ∇L(w_t), and the bias grows with β1 as the variance falls; "
          "no analysis shows Adam beats AdaGrad on smooth losses",
          printed="Unfortunately, this decrease in variance is actually accompanied by a corresponding increase in bias.",
          hypotheses=["model of 'the variation of w_t': the gradient drifts by δ per step, ∇L(w_{t−τ}) = ∇L(w_t) + τδ, noise r_t "
                      "independent, mean zero, E[r_t²] = σ² (lines 237–246); m̂_t as line 233",
                      "'corresponding increase in bias' read as: the bias E[m̂_t] − ∇L(w_t) grows with β1 while the variance of line 250 falls"],
          checks=[
              Limit(bias_t, bias_lim, t, sp.oo, domain=_DOM, part="bias of m̂_t under drift: δΣτβ1^τ/Σβ1^τ → δβ1/(1 − β1)"),
              Inequality(sp.diff(beta1 / (1 - beta1), beta1), ">", sp.Integer(0), {beta1: Range(0, 1, False, True)},
                         part="the bias factor β1/(1 − β1) increases with β1"),
              Inequality(sp.diff((1 - beta1) / (1 + beta1), beta1), "<", sp.Integer(0), {beta1: Range(0, 1, False, True)},
                         part="the variance factor (1 − β1)/(1 + β1) of line 250 decreases with β1"),
              NotCheckable("'almost exactly cancel' names no quantity, and 'no current analysis … shows any advantage' is about the "
                           "literature", part="the cancellation and the state of the literature"),
          ]),
]
