"""001 §3.2–3.3, lines 167–202: Γ_t and Adam's non-convergence, AMSGrad (16), the swap computation (17)."""

import sympy as sp

from optverify.claims.adamal_paper_001._common import S_t, beta2, claim, x_t
from optverify import Corrected, Identity, Inequality, InstanceSearch, Limit, NotCheckable, Range, open_
from optverify.counterexamples.families import Measured, adaptive_budget
from optverify.claims.adamal_paper_001 import proofs

vt, vp = sp.symbols("v_t v_tm1", positive=True)
et, ep = sp.symbols("eta_t eta_tm1", positive=True)
ema_max = sp.Symbol("ema_max", positive=True)
m_, v_, e_ = sp.Symbol("m", real=True), sp.Symbol("v", positive=True), sp.Symbol("eta", positive=True)
# the budget with which (13) reproduces Adam with base rate η: x_t − m/B = x_t − η m/√v
budget = sp.solve(sp.Eq(x_t - m_ / S_t, x_t - e_ * m_ / sp.sqrt(v_)), S_t)[0]
B_diff = budget.subs({v_: vt, e_: et}) - budget.subs({v_: vp, e_: ep})
Gamma15 = sp.sqrt(vt) / et - sp.sqrt(vp) / ep  # eq. (15) as printed

# the swap computation: v_t (= v̂_t, no earlier swap), g_{t+1}, g_{t+2}
v0 = sp.Symbol("v_t", positive=True)
v1 = sp.Symbol("v_tp1", positive=True)
ga, gb = sp.symbols("g_tp1 g_tp2", real=True)


def ema(v, gg):
    return beta2 * v + (1 - beta2) * gg**2


v_next = ema(v0, ga)  # v_{t+1}
v_next2 = ema(v_next, gb)  # v_{t+2}, Adam's EMA ("the real value")
printed17_mid = beta2 * v_next + (1 - beta2) * gb  # β2 v_{t+1} + (1 − β2) g_{t+2}
printed17_right = beta2**2 * v0 + (1 - beta2) * beta2 * ga**2 + (1 - beta2) * gb**2
printed_ams = beta2 * v0 + (1 - beta2) * gb**2
vhat_next = sp.Max(v0, v_next)  # Reddi's AMSGrad: v̂_{t+1} = max(v̂_t, v_{t+1}) with v̂_t = v_t
vhat_next2 = sp.Max(vhat_next, v_next2)  # v̂_{t+2} = max(v̂_{t+1}, v_{t+2}); the EMA v_{t+2} is never overwritten
_DOM17 = {beta2: open_(0, 1), v0: open_(0, 4), v1: open_(0, 4), ga: open_(-3, 3), gb: open_(-3, 3)}
_DOM_SWAP = {beta2: open_(0, 1), v0: open_(1, 4), ga: open_(-1, 1), gb: open_(-3, 3)}  # g_{t+1}² < 1 < v_t: the swap happens at t + 1
# the ≈ of line 197 (symbols without assumptions: the limit is taken with β2 alone moving)
b_, w0, wa, wb = sp.symbols("b w0 wa wb")
ams_ratio_f = b_ * w0 + (1 - b_) * wb**2
ams_ratio_g = b_**2 * w0 + b_ * (1 - b_) * wa**2 + (1 - b_) * wb**2
# … and at the printed β2 = 0.999, after a swap at t + 1 (g_{t+1}² < v_t): v_t = 1 (every term is of degree 1 in v_t, g²),
# g_{t+1}² = 1 − s with s ∈ (0, 1], q2 = g_{t+2}² ≥ 0; the gap v^{ams} − v_{t+2} = β2(1 − β2)(v_t − g_{t+1}²) against (1 − β2)·v^{ams}
q2 = sp.Symbol("q2", nonnegative=True)
s_gap = sp.Symbol("s", positive=True)  # s = (v_t − g_{t+1}²)/v_t ∈ (0, 1]: the swap at t + 1
_b999 = sp.Rational(999, 1000)
ams_999 = (b_ * w0 + (1 - b_) * wb**2).subs({b_: _b999, w0: 1, wb**2: q2})
gap_999 = sp.factor((ams_ratio_f - ams_ratio_g).subs({b_: _b999, w0: 1, wa**2: 1 - s_gap, wb**2: q2}))

CLAIMS = [
    claim(None, 169, "eq. (15): Γ_t can be negative for Adam", "property",
          "Γ_t = √v_t/η_t − √v_{t−1}/η_{t−1} is negative for some gradient sequence (Adam)", end_line=171,
          printed="$$\\Gamma_t = \\left(\\frac{\\sqrt{v_t}}{\\eta_t} - \\frac{\\sqrt{v_{t-1}}}{\\eta_{t-1}}\\right) \\tag{15}$$\n\nwhich assumes "
                  "to be a non-negative value, but in training, this assumption dose not always hold in Adam.",
          hypotheses=["Adam's v_t of eq. (2), η_t = α/t^p with p ∈ [0, 1] (Reddi et al.: p = 1/2); an existence claim: one witness suffices"],
          checks=[InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam"), "neg_gamma"), sp.Integer(0), quantifier="exists")]),
    claim(None, 171, "a shrinking budget is Γ < 0, and a negative σ_τ makes the proximal region infinite", "property",
          "B_t − B_{t−1} = Γ_t; σ_τ < 0 makes ‖x − x_τ‖² infinite when minimising (13)",
          printed="In our analysis, the emerge of extreme learning rates is due to decreasing regularization budget  $B_t - B_{t-1} < 0$  which "
                  "equivalent to  $\\Gamma < 0$ , the negative regularization coefficient  $\\sigma_{\\tau} < 0$  makes the corresponding proximal "
                  "searching region  $||x - x_{\\tau}||_2^2$  to be infinite large when minimizing the Equation. 13.Adam.",
          hypotheses=["B_t = σ_{1:t} = √v_t/η_t, the budget with which (13) reproduces Adam with base rate η_t (line 124 with α = η_t)",
                      "(13) with a σ_τ < 0: its objective is ½B_t x² + (linear) + const, unbounded below (‖x − x_τ‖² → ∞ at the infimum) "
                      "exactly when B_t = Σ_{τ≤t} σ_τ ≤ 0; the printed claim therefore requires B_t ≤ 0",
                      "instances: Adam with constant η and a last gradient g_T = κ√v_{T−1} (κ < 1), so that σ_T = B_T − B_{T−1} < 0"],
          checks=[
              Identity(B_diff, Gamma15, part="B_t − B_{t−1} = Γ_t"),
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam", force_decrease=True, constant_rate=True), "B_last"), sp.Integer(0),
                             part="σ_T < 0 makes (13) unbounded: B_T ≤ 0"),
          ],
          corrected=Corrected(
              "B_t − B_{t−1} = Γ_t, and a σ_τ < 0 rewards distance from x_τ, but (13) stays a strictly convex quadratic with leading "
              "coefficient B_t = √v_t/η_t > 0: its minimiser is finite (a shrinking budget enlarges the step, it does not make it infinite)",
              "the proximal terms of (13) add up to ½B_t‖x‖² + …, and B_t > 0 as soon as one gradient is non-zero",
              checks=[
                  Identity(B_diff, Gamma15, part="B_t − B_{t−1} = Γ_t"),
                  InstanceSearch(Measured(adaptive_budget.bind(algorithm="adam", force_decrease=True, constant_rate=True), "minus_B_last"), sp.Integer(0),
                                 part="B_T > 0 although σ_T < 0"),
              ],
          )),
    claim(None, 173, "eq. (16): AMSGrad keeps the budget non-decreasing", "property",
          "with v_t = max{v_t, v_{t−1}} the second moment (the budget) never decreases", end_line=176,
          hypotheses=["two readings of (16), both checked: AMSGrad as published (Reddi et al. 2019, Alg. 2: v̂_t = max(v̂_{t−1}, v_t), the EMA "
                      "v_t kept) and the in-place reading of line 182 (the maximum replaces v_t in the EMA)"],
          checks=[
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad"), "decrease"), sp.Integer(0), part="the second moment in the step never decreases"),
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad_inplace"), "decrease"), sp.Integer(0), part="the second moment in the step never decreases"),
              proofs.L173_published("the second moment in the step never decreases"),
              proofs.L173_inplace("the second moment in the step never decreases"),
          ]),
    claim(None, 180, "AMSGrad ensures Γ_t ≥ 0", "inequality", "AMSGrad has Γ_t ≥ 0 for all t",
          printed="AMSGrad (Reddi et al., 2019) using Equation. 16 to ensure the  $\\Gamma_t \\ge 0$  for all  $t \\in T$ .",
          hypotheses=["η_t = α/t^p non-increasing (p ∈ [0, 1]; Reddi et al. use p = 1/2), v̂_t as in Reddi et al. (2019, Alg. 2)",
                      "the rest of the paragraph (swap counts and intervals in a heat map) reports an experiment"],
          checks=[
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad"), "neg_gamma"), sp.Integer(0), part="Γ_t ≥ 0"),
              NotCheckable("the swap heat map (Figure 1) is an experiment outside scope", part="swap statistics"),
              proofs.L180("Γ_t ≥ 0"),
          ]),
    claim(None, 182, "AMSGrad continues the EMA from the swapped value", "qualitative",
          "after a swap, AMSGrad uses v_{t+1} = v_t in the next EMA step",
          printed="We likely to use this  $v_{t+1}$  for next step updating namely  $v_{t+2} = \\beta_2 v_{t+1} + (1-\\beta_2)g_{t+2}^2$ .",
          checks=[NotCheckable("describes the text's (in-place) reading of AMSGrad; its consequence is displayed and decided at line 189")]),
    claim(None, 184, "eq. (17): v_{t+2} unrolled", "identity",
          "v_{t+2} = β2 v_{t+1} + (1 − β2) g_{t+2} = β2² v_t + (1 − β2) β2 g_{t+1}² + (1 − β2) g_{t+2}²",
          hypotheses=["v is Adam's EMA v_s = β2 v_{s−1} + (1 − β2) g_s² (eq. (2); 'the real value')"],
          checks=[
              Identity(v_next2, printed17_mid, domain=_DOM17, part="first equality: v_{t+2} = β2 v_{t+1} + (1 − β2) g_{t+2}"),
              Identity(printed17_mid, printed17_right, domain=_DOM17, part="second equality"),
          ],
          corrected=Corrected(
              "v_{t+2} = β2 v_{t+1} + (1 − β2) g_{t+2}² = β2² v_t + (1 − β2) β2 g_{t+1}² + (1 − β2) g_{t+2}²",
              "the EMA adds the squared gradient; the right-hand side already has g_{t+2}²",
              checks=[
                  Identity(v_next2, beta2 * v_next + (1 - beta2) * gb**2, domain=_DOM17, part="first equality"),
                  Identity(beta2 * v_next + (1 - beta2) * gb**2, printed17_right, domain=_DOM17, part="second equality"),
              ],
          )),
    claim(None, 189, "what AMSGrad computes after a swap", "identity", "v^{ams}_{t+2} = β2 v_t + (1 − β2) g_{t+2}²",
          hypotheses=["AMSGrad as published (Reddi et al. 2019, Alg. 2): v_s = β2 v_{s−1} + (1 − β2) g_s² is never overwritten, "
                      "v̂_s = max(v̂_{s−1}, v_s) enters the step; v̂_t = v_t; the swap happens at t + 1 (g_{t+1}² < v_t, so v̂_{t+1} = v_t)",
                      "v^{ams}_{t+2} is read as the second moment AMSGrad uses at t + 2, v̂_{t+2}"],
          checks=[Identity(vhat_next2, printed_ams, domain=_DOM_SWAP)],
          corrected=Corrected(
              "for AMSGrad as published, v_{t+2} is Adam's value (17) and v̂_{t+2} = max{v_t, v_{t+2}} ≥ v_t; the printed β2 v_t + (1 − β2) g_{t+2}² "
              "is the in-place variant of line 182, which feeds the swapped v_{t+1} = v_t back into the EMA",
              "AMSGrad keeps the EMA and takes the maximum only for the step",
              checks=[
                  Identity(v_next - v0, (1 - beta2) * (ga**2 - v0), part="the swap at t + 1 happens iff g_{t+1}² < v_t"),
                  Identity(ema(v0, gb), printed_ams, part="in-place variant: the EMA step from the swapped v_{t+1} = v_t"),
              ],
          )),
    claim(None, 197, "with β2 close to 1, v^{ams}_{t+2} ≈ v_{t+2}", "rate", "v^{ams}_{t+2}/v_{t+2} → 1 as β2 → 1",
          printed="$v_{t+2}^{ams} \\approx v_{t+2}$",
          hypotheses=["v^{ams}_{t+2} = β2 v_t + (1 − β2) g_{t+2}² (line 189, in-place variant) and v_{t+2} as in (17); v_t > 0",
                      "'≈' decided at the printed β2 = 0.999 after the swap the paragraph speaks of (g_{t+1}² < v_t): the relative gap "
                      "is at most 1 − β2 = 0.001 (v_t = 1 by homogeneity); and, as β2 → 1, the ratio → 1"],
          checks=[
              Inequality(gap_999 - (1 - _b999) * ams_999, "<=", sp.Integer(0), {s_gap: Range(0, 1, True, False), q2: Range(0, sp.oo, False, True)},
                         part="β2 = 0.999: 0 ≤ v^{ams}_{t+2} − v_{t+2} ≤ 0.001·v^{ams}_{t+2}"),
              Inequality(gap_999, ">=", sp.Integer(0), {s_gap: Range(0, 1, True, False), q2: Range(0, sp.oo, False, True)},
                         part="β2 = 0.999: 0 ≤ v^{ams}_{t+2} − v_{t+2} ≤ 0.001·v^{ams}_{t+2}"),
              Limit(ams_ratio_f, ams_ratio_g, b_, 1, "-", part="β2 → 1: the ratio → 1"),
          ]),
    claim(None, 199, "AMSGrad divides by an earlier second moment", "identity",
          "x_{t+1,i} = x_{t,i} − m_{t,i}/√v_{k,i} with k ≠ t", end_line=200,
          hypotheses=["AMSGrad as published: v̂_t = max_{k≤t} v_k = v_k for the maximising k, and k ≠ t exactly when v_t < v̂_{t−1}",
                      "the step size α_t is not printed (read as 1); 'k ≠ t' read as: it occurs"],
          checks=[
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad"), "v_last"), ema_max, rel="==", part="v̂_t = max_{k≤t} v_k"),
              proofs.L199("v̂_t = max_{k≤t} v_k"),
              InstanceSearch(Measured(adaptive_budget.bind(algorithm="amsgrad"), "used_minus_ema_last"), sp.Integer(0), quantifier="exists",
                             part="k ≠ t occurs (v̂_t > v_t)"),
          ]),
    claim(None, 202, "non-alignment of v_k and m_t", "qualitative", "v_k is not the projection matrix for x_t approximated by m_t",
          printed="We see the  $v_k$  is not the actual projection matrix for  $x_t$  approximate by  $m_t$ .",
          checks=[NotCheckable("interpretive; the projector P^{−√v_k} is not defined precisely enough to check")]),
]
