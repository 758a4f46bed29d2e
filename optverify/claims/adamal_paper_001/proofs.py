"""Exact proofs for the deterministic second-moment claims of 001: z3 and induction on t.

Each builder returns the spec appended to the claim's checks; every reading is in its note.
"""

import sympy as sp

from optverify.claims.specs import LengthInduction, Range, Semialgebraic, open_

R = Range(-sp.oo, sp.oo)
NONNEG = Range(sp.Integer(0), sp.oo)
POS = Range(sp.Integer(0), sp.oo, True)
v, vh, M, gg, b2, e_t, e_prev = sp.symbols("v vhat M g beta2 eta_t eta_prev", real=True)


def L164(part="main"):
    """B_t = √v_t ≤ max_{τ≤t} |g_τ| for Adam's EMA v_t = β2 v_{t−1} + (1 − β2) g_t², v_0 = 0: induction on t."""
    return LengthInduction(
        "t", state={v: 0, M: 0}, element={gg: R}, params={b2: open_(0, 1)},
        update={v: b2 * v + (1 - b2) * gg**2, M: sp.Max(M, sp.Abs(gg))},
        invariant=(v >= 0, M >= 0, v <= M**2), goal=sp.Le(sp.sqrt(v), M), part=part,
        meaning={"v": "v_t (eq. (2))", "M": "max_{τ≤t} |g_τ|", "g": "g_{t+1}"},
        note="β2 ∈ (0, 1), v_0 = 0, any gradients; the invariant v_t ≤ (max_{τ≤t} |g_τ|)² holds for every t")


def L173_published(part):
    """AMSGrad as published: v̂_t = max(v̂_{t−1}, v_t) ≥ v̂_{t−1}, for any v_t."""
    return Semialgebraic(sp.Max(vh, v), ">=", vh, {vh: R, v: R}, part=part, note="v̂_t = max(v̂_{t−1}, v_t) (Reddi et al. 2019, Alg. 2)")


def L173_inplace(part):
    """The in-place reading: v_t = max(v_{t−1}, β2 v_{t−1} + (1 − β2) g_t²) ≥ v_{t−1}."""
    return Semialgebraic(sp.Max(v, b2 * v + (1 - b2) * gg**2), ">=", v, {v: R, gg: R, b2: open_(0, 1)}, part=part,
                         note="eq. (16) applied in place (line 182)")


def L180(part):
    """Γ_t = √v̂_t/η_t − √v̂_{t−1}/η_{t−1} ≥ 0 for AMSGrad with non-increasing η_t."""
    ema_prev = sp.Symbol("v_prev", real=True)
    v_t = b2 * ema_prev + (1 - b2) * gg**2
    return Semialgebraic(sp.sqrt(sp.Max(vh, v_t)) / e_t - sp.sqrt(vh) / e_prev, ">=", 0,
                         {vh: NONNEG, ema_prev: NONNEG, gg: R, b2: open_(0, 1), e_t: POS, e_prev: POS},
                         given=(e_t <= e_prev,), part=part,
                         note="v_t = β2 v_{t−1} + (1 − β2) g_t² with v_{t−1} ≥ 0, v̂_t = max(v̂_{t−1}, v_t) with v̂_{t−1} ≥ 0 "
                              "(EMAs and maxima of squares, from v_0 = v̂_0 = 0); η_t ≤ η_{t−1} (η_t = α/t^p, p ≥ 0, as the claim's hypothesis)")


def L208(part):
    """AdamAL line 7: ĝ_t = max(g_t², v_{t−1}), v_t = β v_{t−1} + (1 − β) ĝ_t ≥ v_{t−1} (β = β1 as printed, or β2)."""
    return Semialgebraic(b2 * v + (1 - b2) * sp.Max(gg**2, v), ">=", v, {v: R, gg: R, b2: open_(0, 1)}, part=part,
                         note="β ∈ (0, 1) stands for β1 (as printed) or β2 (eq. (18)): the relation is the same")


def L199(part):
    """v̂_t (v̂_t = max(v̂_{t−1}, v_t), v̂_0 = 0) is max_{k≤t} v_k for EMAs v_k ≥ 0: induction on t."""
    Mx, e = sp.symbols("Mmax e", real=True)
    return LengthInduction(
        "t", state={vh: 0, Mx: 0}, element={e: NONNEG},
        update={vh: sp.Max(vh, e), Mx: sp.Max(Mx, e)}, invariant=(sp.Eq(vh, Mx),), goal=sp.Eq(vh, Mx), part=part,
        meaning={"vhat": "v̂_t by its recursion (Reddi et al. 2019, Alg. 2)", "Mmax": "max_{k≤t} v_k (0 for t = 0; every v_k ≥ 0)",
                 "e": "v_{t+1} ≥ 0 (an EMA of squares)"},
        note="max over k ≤ t+1 is the max of the max over k ≤ t and v_{t+1}; v_k ≥ 0 makes the empty maximum 0 = v̂_0")


def ftprl_reproduces(ftprl_next, step, x_t, S_prev, C_prev, part):
    """(13)'s minimiser x_t − ΔC/σ_{1:t} with ΔC = step's numerator (proved in the first part: the increment of the linear
    coefficient is m_t) and σ_{1:t} as read: the printed update, as an identity."""
    num, den = step
    sig_now = den - S_prev
    from optverify.claims.specs import Identity

    return Identity(ftprl_next(S_prev, sig_now, x_t, C_prev, num), x_t - num / den, part=part,
                    note="ΔC = C_t − C_{t−1} is the method's m_t (the first part, proved); σ_t = σ_{1:t} − σ_{1:t−1} with σ_{1:t} as read")
