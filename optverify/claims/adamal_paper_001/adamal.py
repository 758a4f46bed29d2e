"""001 §3.3, lines 204–219: the non-decreasing condition, Algorithm 1 (AdamAL) and eq. (18)."""

from functools import partial

import sympy as sp

from optverify.claims.adamal_paper_001._common import beta1, beta2, claim
from optverify import Corrected, Identity, Inequality, InstanceSearch, NonConvergence, NotCheckable, Pseudocode, Range, open_
from optverify.counterexamples.families import Measured, adaptive_budget
from optverify.counterexamples.reddi_online import adamal_on_reddi
from optverify.claims.adamal_paper_001 import proofs

vprev = sp.Symbol("v_tm1", positive=True)
gg = sp.Symbol("g_t", real=True)
ghat = sp.Symbol("ghat", positive=True)

# eq. (18): v_t, g_{t+1}, g_{t+2} under Algorithm 1 with β2 in line 7
v0 = sp.Symbol("v_t", positive=True)
ga, gb = sp.symbols("g_tp1 g_tp2", real=True)


def adamal_v(v, g, beta):
    """Lines 6–7 of Algorithm 1: ĝ = max{g², v}, v ← β v + (1 − β) ĝ."""
    return beta * v + (1 - beta) * sp.Max(g**2, v)


v1 = adamal_v(v0, ga, beta2)  # v_{t+1}
v2 = adamal_v(v1, gb, beta2)  # v_{t+2}
ghat1 = sp.Max(ga**2, v0)  # ĝ_{t+1} (line 6 already squares)
printed18_mid = beta2 * v1 + (1 - beta2) * gb
printed18_right = beta2**2 * v0 + (1 - beta2) * beta2 * ghat1 + (1 - beta2) * gb**2  # ĝ²_{t+1} read as the modified squared gradient ĝ_{t+1}
corrected18_right = beta2**2 * v0 + (1 - beta2) * beta2 * ghat1 + (1 - beta2) * sp.Max(gb**2, v1)
# one-step example: the modification may happen at t + 1, not at t + 2 (g_{t+2}² ≥ v_{t+1}): v_t < 1, |g_{t+1}| < 1, g_{t+2} ∈ (2, 3)
_DOM18 = {beta2: open_(0, 1), v0: open_(0, 1), ga: open_(-1, 1), gb: open_(2, 3)}

# line 219: one v-update of Algorithm 1 (lines 6–7) with a generic β ∈ (0, 1), and the in-place AMSGrad of line 182
beta_v = sp.Symbol("beta", positive=True)
v_adamal = adamal_v(vprev, gg, beta_v)
v_inplace_ams = sp.Max(beta_v * vprev + (1 - beta_v) * gg**2, vprev)  # v_t = max{v_t, v_{t−1}} written into the EMA (lines 182–189)

_ALG_PARAMS = {"alpha": 0.1, "beta1": 0.9, "beta2": 0.999, "T": 200}

CLAIMS = [
    claim(None, 206, "the non-decreasing condition for v_t", "identity",
          "v_t − v_{t−1} = (1 − β2)(g_t² − v_{t−1}) ≥ 0 ⇒ g_t² − v_{t−1} ≥ 0",
          hypotheses=["v_t = β2 v_{t−1} + (1 − β2) g_t² (Adam's EMA), β2 ∈ (0, 1); B_t = √v_t/η with constant η, so B_t ≥ B_{t−1} ⇔ v_t ≥ v_{t−1}"],
          checks=[
              Identity(beta2 * vprev + (1 - beta2) * gg**2 - vprev, (1 - beta2) * (gg**2 - vprev), part="v_t − v_{t−1} = (1 − β2)(g_t² − v_{t−1})"),
              Inequality(1 - beta2, ">", sp.Integer(0), {beta2: open_(0, 1)}, part="1 − β2 > 0, so the sign of v_t − v_{t−1} is that of g_t² − v_{t−1}"),
          ]),
    claim(None, 208, "AdamAL keeps v non-decreasing and resolves Adam's non-convergence", "property",
          "modifying g_t before v_t guarantees v_t ≥ v_{t−1}; AdamAL converges where Adam does not",
          printed="That is before we evaluate  $v_t$ , we modify  $g_t$  to guarantee the non-decreasing condition of  $v_{t-1}$  to  $v_t$ .",
          hypotheses=["AdamAL is Algorithm 1 (line 7 with β1 as printed; also checked with β2)",
                      "'resolving Adam's non-convergence' (line 208, and the abstract) is tested on Reddi et al.'s (2018, Thm 1) problem, where "
                      "Adam with β1 = 0, β2 = 1/(1 + C²), α_t = α/√t drifts to the worst point x = 1"],
          checks=[
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="adamal"), "decrease"), sp.Integer(0), part="v_t ≥ v_{t−1}"),
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="adamal_beta2"), "decrease"), sp.Integer(0), part="v_t ≥ v_{t−1}"),
              NonConvergence(adamal_on_reddi, steps=3000, part="AdamAL converges on Reddi et al.'s counterexample"),
              NonConvergence(partial(adamal_on_reddi, v_beta="beta2"), steps=3000, part="AdamAL converges on Reddi et al.'s counterexample"),
              proofs.L208("v_t ≥ v_{t−1}"),
          ]),
    claim("Alg 1", 210, "AdamAL", "algorithm", "Algorithm 1 as printed descends on a convex quadratic and is the AdamAL of (18)",
          end_line=212,
          hypotheses=["α, β1, β2 are inputs without printed values: α = 0.1, β1 = 0.9, β2 = 0.999 (Adam's usual values) on f(w) = w²/2 from w = 1",
                      "'set m_t = 0, v_t = 0' read as m_0 = v_0 = 0; no bias correction and no ε, as printed",
                      "P_X^{−√v_t} read as the √v_t-weighted projection onto X; X = R here, so it is the identity",
                      "line 7 uses β1 although β2 is an input that is otherwise never used and eq. (18) (and line 206) use β2"],
          checks=[
              Pseudocode("adamal", {**_ALG_PARAMS, "v_beta": "beta1"}, part="descends on f(w) = w²/2 with the printed lines"),
              Identity(beta1 * v0 + (1 - beta1) * ghat, beta2 * v0 + (1 - beta2) * ghat, domain={beta1: open_(0, 1), beta2: open_(0, 1)},
                       part="line 7 is the v-update of AdamAL used in (18): β1 v_{t−1} + (1 − β1) ĝ_t = β2 v_{t−1} + (1 − β2) ĝ_t"),
          ],
          corrected=Corrected(
              "7: v_t = β2 v_{t−1} + (1 − β2) ĝ_t",
              "β2 is the input meant for the second moment; (18) unrolls the update with β2",
              checks=[
                  Pseudocode("adamal", {**_ALG_PARAMS, "v_beta": "beta2"}, part="descends on f(w) = w²/2"),
                  Identity(v2, corrected18_right, part="two steps of line 7 (β2) give the unrolled form of (18)"),
              ],
          )),
    claim(None, 216, "eq. (18): v_{t+2} under AdamAL", "identity",
          "v^{adamal}_{t+2} = β2 v_{t+1} + (1 − β2) g_{t+2} = β2² v_t + (1 − β2) β2 ĝ²_{t+1} + (1 − β2) g²_{t+2}",
          hypotheses=["Algorithm 1 with β2 in line 7 (as (18) has it): v_s = β2 v_{s−1} + (1 − β2) ĝ_s, ĝ_s = max{g_s², v_{s−1}}",
                      "the one-step example: the gradient may be modified at t + 1 but not at t + 2 (g_{t+2}² ≥ v_{t+1}, so ĝ_{t+2} = g_{t+2}²)",
                      "ĝ²_{t+1} read as the modified squared gradient max{g_{t+1}², v_t} (line 6 already squares: the kindest reading)"],
          checks=[
              Identity(v2, printed18_mid, domain=_DOM18, part="first equality: v_{t+2} = β2 v_{t+1} + (1 − β2) g_{t+2}"),
              Identity(printed18_mid, printed18_right, domain=_DOM18, part="second equality"),
          ],
          corrected=Corrected(
              "v_{t+2} = β2 v_{t+1} + (1 − β2) ĝ_{t+2} = β2² v_t + (1 − β2) β2 ĝ_{t+1} + (1 − β2) ĝ_{t+2} with ĝ_s = max{g_s², v_{s−1}} "
              "(= … + (1 − β2) g_{t+2}² when g_{t+2}² ≥ v_{t+1})",
              "the EMA adds the (modified) squared gradient, as in (17)",
              checks=[
                  Identity(v2, beta2 * v1 + (1 - beta2) * sp.Max(gb**2, v1), part="first equality"),
                  Identity(beta2 * v1 + (1 - beta2) * sp.Max(gb**2, v1), corrected18_right, part="second equality"),
              ],
          )),
    claim(None, 219, "AdamAL does not skip the update of v_t", "qualitative", "alignment of g_t, v_t and m_t is guaranteed",
          printed="The major difference of AdamAL and AMSGrad is we **do not skip** the gradient update for  $v_t$  so that we guarantee the "
                  "alignment of  $g_t$  and  $v_t$  so as  $m_t$ .",
          hypotheses=["'we do not skip the gradient update for v_t' read as: g_t enters v_t, i.e. v_t moves away from v_{t−1} when "
                      "g_t² ≠ v_{t−1} (AMSGrad's swap, in the text's reading of line 182, leaves v_{t+1} = v_t)",
                      "Algorithm 1 lines 6–7 with any β ∈ (0, 1) in line 7 (β1 as printed or β2 as in (18)); instances with "
                      "g_t² ≤ 1/4 < 1 ≤ v_{t−1}"],
          checks=[
              Inequality((v_adamal - vprev) ** 2, ">", sp.Integer(0),
                         {vprev: Range(1, 2), gg: Range(0, sp.Rational(1, 2)), beta_v: Range(sp.Rational(1, 100), sp.Rational(99, 100))},
                         part="g_t enters v_t: v_t ≠ v_{t−1} when g_t² ≠ v_{t−1}"),
              NotCheckable("'alignment' of g_t, v_t and m_t is not defined precisely enough to check", part="alignment"),
          ],
          corrected=Corrected(
              "AdamAL's v-update is the in-place AMSGrad of line 182: v_t = β v_{t−1} + (1 − β) max{g_t², v_{t−1}} = "
              "max{β v_{t−1} + (1 − β) g_t², v_{t−1}}; both skip g_t (v_t = v_{t−1}) exactly when g_t² < v_{t−1}",
              "ĝ_t = max{g_t², v_{t−1}} replaces a small gradient by v_{t−1}, and the EMA of v_{t−1} with itself is v_{t−1}",
              checks=[Identity(v_adamal, v_inplace_ams, domain={beta_v: open_(0, 1)}, part="AdamAL's v-update = the in-place AMSGrad's")],
          ),
          notes="the difference the text names does not exist against its own reading of AMSGrad (lines 182–189); against AMSGrad as "
                "published (v̂_t = max{v̂_{t−1}, v_t} with the EMA v_t kept) the two differ, but there it is AdamAL that skips"),
]
