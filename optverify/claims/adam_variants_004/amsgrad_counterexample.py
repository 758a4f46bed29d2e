"""004, lines 330–448: Adam's non-convergence on Reddi et al.'s cyclic problem, AMSGrad, and Theorem 2."""

import sympy as sp

from optverify.claims.adam_variants_004._common import C, beta2, claim, eps, gamma
from optverify import Identity, Inequality, Limit, NotCheckable, PeriodicRegret, RegretProbe, closed, open_

x = sp.Symbol("x", real=True)
_a, _b = sp.symbols("a b", nonnegative=True)  # v̂_{t−1} and v_t

# The periodic orbit of v_t = β2 v_{t−1} + (1 − β2) g_t² on the gradients (C, −1, −1) (β1 = 0, so m_t = g_t):
# v_spike after the C step, v_1 and v_2 after the two −1 steps.
_v0, _v1, _v2 = sp.symbols("v0 v1 v2")
_orbit = sp.solve([sp.Eq(_v0, beta2 * _v2 + (1 - beta2) * C**2), sp.Eq(_v1, beta2 * _v0 + (1 - beta2)),
                   sp.Eq(_v2, beta2 * _v1 + (1 - beta2))], [_v0, _v1, _v2], dict=True)[0]
V_SPIKE, V_1, V_2 = (sp.simplify(_orbit[v]) for v in (_v0, _v1, _v2))
STEP_SPIKE = -gamma * C / sp.sqrt(V_SPIKE + eps)
STEP_1, STEP_2 = gamma / sp.sqrt(V_1 + eps), gamma / sp.sqrt(V_2 + eps)
SMALL = {C: open_(2, 50)}
ALONG = "β2 → 0 with ε = β2 (both small parameters vanish together)"


def _small(expr):
    """Both small parameters of the slide tied together: ε = β2 → 0."""
    return expr.subs(eps, beta2)


def reddi(alg: str, C_: float) -> dict:
    """Reddi et al.'s Theorem 1 setting: β1 = 0, β2 = 1/(1 + C²), α_t = 0.1/√t, ε = 0, no bias correction."""
    return dict(algorithm=alg, n=3, C=float(C_), beta1=0.0, beta2=1.0 / (1.0 + C_ * C_), alpha=0.1, schedule="inv_sqrt_t")


def slide(alg: str, C_: float, beta2_: float) -> dict:
    """The slide's setting: β1 = 0, a small β2, constant γ = 10⁻³, ε = 10⁻⁸ inside the root, Adam's bias correction."""
    return dict(algorithm=alg, n=3, C=float(C_), beta1=0.0, beta2=beta2_, alpha=1e-3, schedule="constant", eps=1e-8,
                eps_mode="inside", bias_correction=True)


C_RANGE = (2.5, 3.0, 5.0, 10.0, 50.0)
SLIDE_SETTINGS = tuple(slide("adam", c_, b2) for c_, b2 in ((3.0, 0.01), (3.0, 0.05), (5.0, 0.002), (10.0, 1e-4), (50.0, 1e-5)))
BETA_GRID_QUICK = tuple((b1, b2) for b1 in (0.0, 0.3, 0.6, 0.9) for b2 in (0.1, 0.5, 0.9, 0.99, 0.999))
BETA_GRID_THOROUGH = tuple((b1 / 10, b2) for b1 in range(10) for b2 in (0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999))

CLAIMS = [
    claim(None, 332, "Adam's original O(√T) regret proof", "qualitative", "a statement about Kingma & Ba's paper",
          printed="The original Adam paper provided a proof of convergence for online convex optimization, showing a favorable $O(\\sqrt{T})$ regret bound.",
          checks=[NotCheckable("a statement about a cited paper; line 333 and Theorem 2 are checked")]),
    claim(None, 333, "Adam can fail to converge on simple convex problems", "existence",
          "on Reddi et al.'s cyclic problem Adam's average regret does not vanish",
          printed="It was demonstrated through counterexamples that **Adam can fail to converge** even on simple convex problems in the paper of AMSGrad.",
          hypotheses=["Reddi et al.'s setting: f_t(x) = Cx (t mod 3 = 1), −x otherwise, on [−1, 1]; β1 = 0, β2 = 1/(1 + C²), "
                      "α_t = 0.1/√t, ε = 0, no bias correction; C in " + ", ".join(f"{c_:g}" for c_ in C_RANGE)],
          checks=[PeriodicRegret(tuple(reddi("adam", c_) for c_ in C_RANGE), "+1", compare="amsgrad")]),
    claim(None, 364, "a 1-D convex problem where Adam settles at a suboptimal point", "qualitative", "announces lines 366–419",
          printed="We will examine a simple 1D **convex** problem where Adam is shown to converge to a suboptimal solution.",
          checks=[NotCheckable("announces the example; decided at lines 333 and 418")]),
    claim(None, 369, "the cyclic loss sequence", "definition", "f_t(x) = Cx if t mod 3 = 1, −x otherwise, C > 2", checks=[NotCheckable("definition")]),
    claim(None, 371, "the gradients of the cycle", "identity", "g_t = C once, then −1 twice",
          printed="**Gradients:** g_t is C once, then a small negative value -1 twice.",
          checks=[Identity(sp.Matrix([sp.diff(C * x, x), sp.diff(-x, x)]), sp.Matrix([C, -1]))]),
    claim(None, 374, "the loss over one cycle", "identity", "F_cycle(x) = Cx + (−x) + (−x) = (C − 2)x",
          checks=[Identity(C * x + (-x) + (-x), (C - 2) * x)]),
    claim(None, 376, "the minimiser over [−1, 1] is −1", "inequality", "(C − 2)x ≥ (C − 2)(−1) on [−1, 1] when C > 2",
          printed="To minimize this on the domain $[-1, 1]$, we must choose the smallest possible value -1 for x .",
          checks=[Inequality((C - 2) * x, ">=", (C - 2) * (-1), {C: open_(2, 100), x: closed(-1, 1)})]),
    claim(None, 384, "regret", "definition", "R_T = Σ f_t(x_t) − min_x Σ f_t(x)", checks=[NotCheckable("definition")]),
    claim(None, 386, "the goal: vanishing average regret", "definition", "R_T/T → 0",
          printed="A good algorithm ensures that its average regret, R_T/T , approaches zero as $T \\rightarrow \\infty$.",
          checks=[NotCheckable("definition of the goal")]),
    claim(None, 390, "β1 = 0 makes m_t = g_t", "identity", "m_t = 0·m_{t−1} + (1 − 0)g_t = g_t",
          printed="we use specific parameters that simplify the analysis: $\\beta_1 = 0$ (so $m_t = g_t$) and a small β_2 .",
          checks=[Identity((lambda b1, m_, g_: b1 * m_ + (1 - b1) * g_)(0, sp.Symbol("m"), sp.Symbol("g")), sp.Symbol("g"))]),
    claim(None, 392, "v_t ≈ 1 on the −1 steps for a very small β2", "approximation", "on the periodic orbit v_t → 1 at both −1 steps as β2 → 0",
          printed="will therefore converge to $(-1)^2 = 1$ when β_2 is very small.",
          hypotheses=["v_t read on its periodic orbit (it does not converge: it cycles with the gradients)"],
          checks=[Limit(V_1, sp.Integer(1), beta2, 0, direction="+", domain=SMALL, part="first −1 step"),
                  Limit(V_2, sp.Integer(1), beta2, 0, direction="+", domain=SMALL, part="second −1 step")]),
    claim(None, 395, "the normal step", "approximation", "Δθ = −γ g_t/√(v_t + ε) ≈ −γ(−1)/√1 = +γ",
          hypotheses=["on the periodic orbit, " + ALONG],
          checks=[Limit(_small(STEP_1), gamma, beta2, 0, direction="+", domain=SMALL, part="≈"),
                  Identity(-gamma * (-1) / sp.sqrt(1), gamma, part="=")]),
    claim(None, 404, "at the spike √v_t ≈ C", "approximation", "√v_spike → C as β2 → 0 (relative)",
          printed="For a small β_2 , the denominator $\\sqrt{v_t}$ becomes approximately C .",
          checks=[Limit(sp.sqrt(V_SPIKE), C, beta2, 0, direction="+", domain=SMALL)]),
    claim(None, 407, "the spike step", "approximation", "Δθ = −γ C/√(v_t + ε) ≈ −γ C/C = −γ",
          hypotheses=["on the periodic orbit, " + ALONG],
          checks=[Limit(_small(STEP_SPIKE), -gamma, beta2, 0, direction="+", domain=SMALL, part="≈"),
                  Identity(-gamma * C / C, -gamma, part="=")]),
    claim(None, 413, "the net change over a cycle", "approximation", "Σ Δθ over a cycle ≈ (−γ) + γ + γ = +γ", end_line=417,
          hypotheses=["on the periodic orbit, " + ALONG],
          checks=[Limit(_small(STEP_SPIKE + STEP_1 + STEP_2), gamma, beta2, 0, direction="+", domain=SMALL, part="≈"),
                  Identity(-gamma + gamma + gamma, gamma, part="=")]),
    claim(None, 418, "Adam drifts to +1, away from the minimiser −1", "property",
          "with β1 = 0 and a small β2 Adam's iterate ends at +1 and its average regret stays positive",
          printed="Adam consistently drifts in the wrong direction (towards +1), away from the true minimum at -1.",
          hypotheses=["the slide's Adam (bias-corrected, ε = 10⁻⁸ inside the root) with constant γ = 10⁻³ and β1 = 0",
                      "'small β2' read as β2 C² ≤ 0.1 (the regime of lines 392–407): (C, β2) = (3, 0.01), (3, 0.05), (5, 0.002), (10, 10⁻⁴), (50, 10⁻⁵)"],
          checks=[PeriodicRegret(SLIDE_SETTINGS, "+1", compare="amsgrad")]),
    claim(None, 419, "a fundamental flaw under rare large gradients", "qualitative", "qualitative",
          printed="This shows a fundamental flaw of ADAM under a rare and large gradients environment.",
          checks=[NotCheckable("qualitative conclusion of line 418")]),
    claim(None, 423, "AMSGrad's adaptive learning rate is non-increasing", "property", "v̂_t = max(v̂_{t−1}, v_t) ≥ v̂_{t−1}, so γ/√v̂_t is non-increasing",
          printed="guaranteeing a non-increasing adaptive learning rate.",
          checks=[Identity(sp.Max(_a, _b) - _a, sp.Max(0, _b - _a), part="difference", domain={_a: closed(0, 10), _b: closed(0, 10)},
                           note="v̂_t − v̂_{t−1} = max(v̂_{t−1}, v_t) − v̂_{t−1} = max(0, v_t − v̂_{t−1}), with a = v̂_{t−1}, b = v_t"),
                  Inequality(sp.Max(0, _b - _a), ">=", sp.Integer(0), {_a: closed(0, 10), _b: closed(0, 10)}, part="sign")]),
    claim(None, 430, "AMSGrad's second moment", "definition", "v_t = β2 v_{t−1} + (1 − β2)g_t²", checks=[NotCheckable("definition")]),
    claim(None, 432, "AMSGrad's running maximum", "definition", "v̂_t = max(v̂_{t−1}, v_t)", checks=[NotCheckable("definition")]),
    claim(None, 435, "the running maximum solves the non-convergence", "property",
          "AMSGrad ends at the minimiser −1 of the cyclic problem, with vanishing average regret", end_line=436,
          printed="By using the running maximum, AMSGrad ensures the denominator used for scaling never shrinks.",
          hypotheses=["AMSGrad (Reddi et al.'s Algorithm 2, β1 = 0, no bias correction) on the problems of lines 333 and 418: "
                      "Reddi et al.'s setting (α_t = 0.1/√t) and the slide's (constant γ = 10⁻³, where R_T/T is only O(γ))"],
          checks=[PeriodicRegret(tuple(reddi("amsgrad", c_) for c_ in C_RANGE) + tuple(dict(p, algorithm="amsgrad", bias_correction=False)
                                                                                        for p in SLIDE_SETTINGS), "-1")]),
    claim("Thm 2", 444, "Reddi et al.'s Theorem 2: Adam's average regret need not vanish", "existence",
          "for every β1, β2 ∈ [0, 1) with β1 < √β2 there is an online convex problem with R_T/T ↛ 0 for Adam", end_line=446,
          hypotheses=["Adam as in Reddi et al.: α_t = 0.1/√t, ε = 0, no bias correction; problems searched: period n ∈ {3, 5, 10, …, 2000}, "
                      "spike C ∈ {n, n − 1/2} (Reddi et al.'s construction has C = n)", "probed on a grid of the (β1, β2) square: 4 × 5 points in quick mode, 10 × 8 in thorough mode"],
          checks=[RegretProbe(lambda b1, b2: b1 < b2**0.5, BETA_GRID_QUICK, {"thorough_grid": BETA_GRID_THOROUGH,
                                                                              "periods": (3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)})]),
    claim(None, 448, "AMSGrad's O(√T) regret in convex settings", "rate", "R_T = O(√T) for AMSGrad with α_t = α/√t",
          printed="AMSGrad achieves $R(T) = O(\\sqrt{T})$ in convex settings.",
          hypotheses=["checked on the cyclic problems where Adam fails (a universal claim: instances give consistency, not proof); "
                      "Theorem 4 is checked by search over gradient sequences"],
          checks=[PeriodicRegret(tuple(dict(reddi("amsgrad", c_), n=n_, C=float(n_)) for c_ in (3.0,) for n_ in (3, 10, 100))
                                 + tuple(reddi("amsgrad", c_) for c_ in C_RANGE), "-1", universal=True,
                                 stated_exponent=-0.5)]),  # R_T = O(√T): R_T/T = O(T^(−1/2))
]
