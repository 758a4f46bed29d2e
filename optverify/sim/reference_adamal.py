"""AdamAL (001, Algorithm 1, line 212) in any number context, and its run on a 1-D quadratic.

As printed:

    m_t = β1 m_{t−1} + (1 − β1) g_t                      (line 5)
    ĝ_t = max{g_t², v_{t−1}}                             (line 6)
    v_t = β1 v_{t−1} + (1 − β1) ĝ_t                      (line 7: β1, although β2 is an input and eq. (18) uses β2)
    x_{t+1} = P_X^{−√v_t}(x_t − α m_t/√v_t)              (line 8)

with m_0 = v_0 = 0 (line 2), no bias correction and no ε.  ``v_beta="beta2"``
uses β2 in line 7 instead.  The projection P_X^{−√v_t} is read as the
√v_t-weighted projection onto X, which for a box (one coordinate: an interval
[lo, hi]) is clipping; X = R leaves the point unchanged.  A zero v_t (only
possible while every gradient so far is 0) gives a zero step.

Hook into :func:`optverify.sim.reference.run_on_quadratic` (two lines)::

    from optverify.sim.reference_adamal import run_adamal_on_quadratic   # at the top of reference.py
    if algorithm == "adamal": return run_adamal_on_quadratic(num, params, T, h, w1)   # first line of run_on_quadratic
"""

from __future__ import annotations

V_BETAS = ("beta1", "beta2")


def adamal_step(num, state, g, alpha, beta1, beta2, v_beta="beta1", lo=None, hi=None):
    """One step of Algorithm 1 on one coordinate; ``state`` = (x, m, v) → (x_next, m, v)."""
    if v_beta not in V_BETAS:
        raise ValueError(f"v_beta is one of {V_BETAS}")
    x, m, v = state
    m = beta1 * m + (1 - beta1) * g
    ghat = max(g * g, v)
    b = beta1 if v_beta == "beta1" else beta2
    v = b * v + (1 - b) * ghat
    step = alpha * m / num.sqrt(v) if v > 0 else num.num(0)
    x = x - step
    if lo is not None and x < lo:
        x = lo
    if hi is not None and x > hi:
        x = hi
    return (x, m, v)


def run_adamal_on_quadratic(num, params: dict, T: int, h=1, w1=1):
    """Algorithm 1 on f(w) = h·w²/2 (exact gradients) from w_1; returns [w_1, …, w_{T+1}].

    ``params``: ``alpha`` (or ``eta``), ``beta1``, ``beta2``, optional ``v_beta`` ("beta1" as printed, or
    "beta2"), ``alpha_power`` p for α_t = α/t^p (default 0: the constant α of the algorithm's input).
    """
    p = dict(params)
    alpha = num.num(p.pop("alpha", p.pop("eta", None)))
    b1, b2 = num.num(p.pop("beta1")), num.num(p.pop("beta2"))
    v_beta = p.pop("v_beta", "beta1")
    power = p.pop("alpha_power", 0)
    if p:
        raise ValueError(f"unknown AdamAL parameters {sorted(p)}")
    h = num.num(h)
    state = (num.num(w1), num.num(0), num.num(0))
    traj = [state[0]]
    for t in range(1, T + 1):
        a_t = alpha / num.num(t) ** power if power else alpha
        state = adamal_step(num, state, h * state[0], a_t, b1, b2, v_beta)
        traj.append(state[0])
    return traj
