"""004, lines 202–234: AdaGrad's accumulator and RMSProp's moving average."""

import sympy as sp

from optverify.claims.adam_variants_004._common import claim, eps, gamma, rho
from optverify import Corrected, Identity, Inequality, Limit, NotCheckable, closed, open_

s, q, gg = sp.symbols("s q g", nonnegative=True)  # s: the accumulator, q = g² ≥ 0
_a, _b = sp.sqrt(s + eps), sp.sqrt(s + q + eps)
DROP = gamma * q / (_a * _b * (_a + _b))  # γ/√(s + ε) − γ/√(s + q + ε), rationalised
p_, q_ = sp.symbols("p_r q_f", nonnegative=True)  # earlier gradient sizes of the infrequent and the frequent coordinate
kr, kd = sp.symbols("k_r d", nonnegative=True)  # occurrences: k_r of the infrequent coordinate, k_r + d of the frequent one


def STEP(acc):
    """AdaGrad's step size γ|g|/√(s_t + ε) (line 215) with accumulator s_t = acc, for the current gradient g ≥ 0."""
    return gamma * gg / sp.sqrt(acc + eps)


CLAIMS = [
    claim(None, 211, "AdaGrad accumulator", "definition", "s_t = s_{t−1} + g_t²", checks=[NotCheckable("definition")]),
    claim(None, 215, "AdaGrad step", "definition", "θ_{t+1} = θ_t − γ g_t/√(s_t + ε)", checks=[NotCheckable("definition")]),
    claim(None, 217, "AdaGrad suits sparse features", "property",
          "a coordinate that has received fewer gradients gets a larger step γ|g|/√(s_t + ε) than one that has received more, "
          "for the same current gradient g",
          printed="It performs well on problems with sparse features, as infrequent parameters receive larger updates.",
          hypotheses=["'performs well on problems with sparse features' is qualitative; the reason given, 'infrequent parameters "
                      "receive larger updates', is a comparison of AdaGrad's steps (line 215) and is tested",
                      "read per step, both coordinates receiving the same gradient g now; the text puts no condition on the sizes of "
                      "the earlier gradients: instance family, the infrequent coordinate received one earlier gradient p_r, the frequent "
                      "one two earlier gradients q_f, so s_t = p_r² + g² against 2q_f² + g²"],
          checks=[Inequality(STEP(p_ ** 2 + gg**2) - STEP(2 * q_**2 + gg**2), ">=", sp.Integer(0),
                             {gamma: closed(sp.Rational(1, 1000), 1), gg: closed(sp.Rational(1, 10), 10), p_: closed(0, 10), q_: closed(0, 10),
                              eps: closed(sp.Rational(1, 10**8), 1)},
                             note="infrequent step minus frequent step")],
          corrected=Corrected("infrequent coordinates receive larger steps when every gradient of a coordinate has the same size a "
                              "(binary sparse features): k_r ≤ k_f occurrences give γa/√(k_r a² + ε) ≥ γa/√(k_f a² + ε)",
                              "the accumulator counts gradient sizes, not occurrences: one large earlier gradient outweighs several small ones",
                              checks=[Identity(STEP(kr * gg**2) - STEP((kr + kd) * gg**2), DROP.subs({s: kr * gg**2, q: kd * gg**2}) * gg,
                                               part="difference", note="k_f = k_r + d occurrences, rationalised"),
                                      Inequality(DROP.subs({s: kr * gg**2, q: kd * gg**2}) * gg, ">=", sp.Integer(0),
                                                 {gamma: open_(0, 1), kr: closed(1, 100), kd: closed(0, 100), gg: closed(0, 10), eps: open_(0, 1)},
                                                 part="sign", note="a product of non-negative factors")])),
    claim(None, 218, "AdaGrad's effective learning rate only decreases", "property",
          "s_t is non-decreasing and γ/√(s_t + ε) is non-increasing in t",
          printed="The accumulator s_t grows monotonically. As a result, the effective learning rate for all parameters steadily decreases",
          hypotheses=["'grows monotonically' read as non-decreasing (a zero gradient leaves s_t unchanged)",
                      "'eventually becomes very small' is qualitative: γ/√(s_t + ε) tends to 0 only when Σ g_t² diverges, which fails on "
                      "problems where AdaGrad converges fast (e.g. linearly on a strongly convex quadratic)"],
          checks=[Identity(gamma / sp.sqrt(s + eps) - gamma / sp.sqrt(s + q + eps), DROP, part="difference",
                           note="the rate before minus the rate after one step, s_t = s_{t−1} + g_t², q = g_t²"),
                  Inequality(DROP, ">=", sp.Integer(0), {gamma: open_(0, 1), s: closed(0, 100), q: closed(0, 100), eps: open_(0, 1)},
                             part="sign", note="a product of non-negative factors")]),
    claim(None, 227, "RMSProp accumulator", "definition", "s_t = ρs_{t−1} + (1 − ρ)g_t², s_{−1} = 0", checks=[NotCheckable("definition")]),
    claim(None, 231, "RMSProp step", "definition", "θ_{t+1} = θ_t − γ g_t/√(s_t + ε)", checks=[NotCheckable("definition")]),
    claim(None, 233, "RMSProp's denominator does not grow indefinitely", "property",
          "s_t ≤ max_{k≤t} g_k² for every gradient sequence",
          printed="By keeping a moving average, the denominator does not grow indefinitely.",
          hypotheses=["induction on t: if s_{t−1} ≤ M and g_t² ≤ M then ρs_{t−1} + (1 − ρ)g_t² ≤ M; scaled to M = 1"],
          checks=[Inequality(rho * s + (1 - rho) * q, "<=", sp.Integer(1), {rho: closed(0, 1), s: closed(0, 1), q: closed(0, 1)},
                             note="the induction step with M = 1 (the claim is invariant under scaling the gradients)")]),
    claim(None, 234, "RMSProp's zero initialisation inflates the first steps", "property",
          "with s_{−1} = 0 the first step γ|g|/√((1 − ρ)g² + ε) exceeds the step γ|g|/√(g² + ε) of an unbiased accumulator (s = g²), "
          "for every g ≠ 0, ε > 0, ρ ∈ (0, 1); the factor tends to 1/√(1 − ρ) when ε ≪ g²",
          printed="This can cause unintentionally large parameter updates initially.",
          hypotheses=["'large' measured against the step the same gradient gets from an accumulator without the zero-start bias, "
                      "s = g² (what a bias correction s/(1 − ρ^t) gives at t = 0); the first step is at t = 0 (s_{−1} = 0)",
                      "ratio of the two steps: √((g² + ε)/((1 − ρ)g² + ε)) > 1 since the denominators differ by ρg² > 0"],
          checks=[Identity((gamma * gg / sp.sqrt((1 - rho) * gg**2 + eps) / (gamma * gg / sp.sqrt(gg**2 + eps))) ** 2,
                           (gg**2 + eps) / ((1 - rho) * gg**2 + eps), part="squared ratio of the two first steps"),
                  Inequality((gg**2 + eps) - ((1 - rho) * gg**2 + eps), ">", sp.Integer(0),
                             {gg: closed(sp.Rational(1, 10**3), 10**3), rho: closed(sp.Rational(1, 10**3), sp.Rational(999, 1000)),
                              eps: closed(0, 1)}, part="the ratio exceeds 1", note="the difference is ρg² > 0"),
                  Limit(gamma * gg / sp.sqrt((1 - rho) * gg**2 + eps), gamma / sp.sqrt(1 - rho), eps, 0, direction="+",
                        part="how large: → γ/√(1 − ρ) as ε/g² → 0", domain={gg: open_(0, 10), rho: open_(0, 1)})]),
]
