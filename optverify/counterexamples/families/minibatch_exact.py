"""Minibatch SGD of 003 (Algorithm 6) with expectations computed exactly.

``minibatch_variance`` (Proposition 7.1): at a fixed w_t, B i.i.d. samples of a noise n_z taking the values
n_0, n_1 ∈ ℝ² with P(z = 1) = p and centred (n_0 = −p n_1/(1 − p)); g_{t,i} = ∇L(w_t) + n_{z_i}.  The
average's E‖g_t − ∇L(w_t)‖² is summed over the binomial count of z = 1 exactly; sigma2 is the exact
per-sample variance E‖n_z‖² (the smallest σ² of the hypothesis).

``minibatch_quadratic_gaussian`` (Theorem 7.2's second display): L(w) = H w²/2 in one dimension, per-sample
noise N(0, σ²), so g_t − ∇L(w_t) ~ N(0, σ²/B) and w_t ~ N(m_t, v_t) with m_{t+1} = (1 − ηH)m_t,
v_{t+1} = (1 − ηH)²v_t + η²σ²/B.  E|∇L(w_t)| = H E|N(m_t, v_t)| ≥ H max(|m_t|, √(2v_t/π)) (equality when
m_t = 0), so ``measured`` is a lower bound of E‖∇L(ŵ)‖ = (1/T)Σ_t E|∇L(w_t)| — exact when w_1 = w*.
The step size is the printed η = 1/max(H, σ√(LT/B)) with L read as H.
"""

from __future__ import annotations

from math import comb

from optverify.counterexamples.schema import family, integer, real

PI = "3.14159265358979323846264338327950288419716939937510582097494459"


@family(
    {"B": integer(1, 24, examples=(1, 2)), "p": real(0.02, 0.98, examples=(0.5,)),
     "n1x": real(-5, 5), "n1y": real(-5, 5), "slack": real(0, 1, examples=(0.0,))},
    name="minibatch-variance-exact",
    description="B ≤ 24 i.i.d. two-point noises n_z ∈ ℝ² (centred), g_{t,i} = ∇L(w_t) + n_{z_i}; measured E‖g_t − ∇L(w_t)‖² summed "
                "exactly over the binomial count; sigma2 = (1 + slack)·E‖n_z‖² (any σ² at least the variance)",
)
def minibatch_variance(inst, num):
    B, p = inst["B"], num.num(inst["p"])
    one = num.num(1)
    n1 = (num.num(inst["n1x"]), num.num(inst["n1y"]))
    n0 = tuple(-p * v / (one - p) for v in n1)
    var = (one - p) * (n0[0] ** 2 + n0[1] ** 2) + p * (n1[0] ** 2 + n1[1] ** 2)
    measured = num.num(0)
    for k in range(B + 1):
        prob = num.num(comb(B, k)) * p**k * (one - p) ** (B - k)
        mean = [(k * a + (B - k) * b) / num.num(B) for a, b in zip(n1, n0)]
        measured += prob * (mean[0] ** 2 + mean[1] ** 2)
    # the printed expansion (line 1147): (1/B²)(Σ_i E‖g_{t,i} − ∇L‖² + Σ_{i≠j} E⟨g_{t,i} − ∇L, g_{t,j} − ∇L⟩), independent samples
    Emean = [(one - p) * b + p * a for a, b in zip(n1, n0)]
    expansion = (B * var + B * (B - 1) * (Emean[0] ** 2 + Emean[1] ** 2)) / num.num(B * B)
    return {"measured": measured, "expansion": expansion, "sigma2": var * (1 + num.num(inst["slack"])), "B": num.num(B)}


@family(
    {"H": real(1e-2, 1e8, log=True, examples=(1e6,)), "sigma": real(1e-2, 1e2, log=True, examples=(4.0,)),
     "B": integer(1, 64, examples=(1,)), "T": integer(1, {"quick": 400, "thorough": 3000}, examples=(400,)),
     "w1": real(-3, 3, examples=(0.0,))},
    name="minibatch-sgd-gaussian-quadratic",
    description="L(w) = Hw²/2 (w* = 0), per-sample noise N(0, σ²), Algorithm 6 with η = 1/max(H, σ√(HT/B)); "
                "measured a lower bound of E‖∇L(ŵ)‖ (exact for w_1 = w*), Delta = L(w_1)",
)
def minibatch_quadratic_gaussian(inst, num):
    H, s, w1 = num.num(inst["H"]), num.num(inst["sigma"]), num.num(inst["w1"])
    B, T = num.num(inst["B"]), inst["T"]
    eta = 1 / max(H, s * num.sqrt(H * num.num(T) / B))
    q = 1 - eta * H
    m, v, total = w1, num.num(0), num.num(0)
    c = num.sqrt(2 / num.num(PI))
    for _ in range(T):
        total += H * max(num.fabs(m), c * num.sqrt(v))
        m, v = q * m, q * q * v + eta * eta * s * s / B
    return {"measured": total / num.num(T), "H": H, "sigma": s, "B": B, "T": num.num(T), "Delta": H * w1 * w1 / 2, "eta": eta}
