"""Estimates of σ² from t i.i.d. gradients (003 lines 1335–1345), with their expectations computed exactly.

g_1, …, g_t i.i.d. taking u_1 with probability p and u_0 otherwise (scalars); the three printed estimates
depend only on the count k of u_1's, so their expectations are exact binomial sums.  Returns
E_biased = E[(1/t)Σg² − ((1/t)Σg)²], E_unbiased = E[(1/(t−1))Σ(g − ḡ)²], E_optimistic = E[(1/t)Σg²],
the variance sigma2, the squared mean mu2 and t.
"""

from __future__ import annotations

from math import comb

from optverify.counterexamples.schema import family, integer, real


@family({"t": integer(2, 30, examples=(2,)), "p": real(0.02, 0.98, examples=(0.5,)), "u0": real(-5, 5), "u1": real(-5, 5)},
        name="variance-estimators-exact",
        description="t ∈ [2, 30] i.i.d. two-point scalar gradients; exact expectations of the three estimates of σ²")
def variance_estimators(inst, num):
    t, p = inst["t"], num.num(inst["p"])
    u0, u1, one = num.num(inst["u0"]), num.num(inst["u1"]), num.num(1)
    tn = num.num(t)
    Eb = Eu = Eo = num.num(0)
    for k in range(t + 1):
        pr = num.num(comb(t, k)) * p**k * (one - p) ** (t - k)
        s1 = k * u1 + (t - k) * u0
        s2 = k * u1 * u1 + (t - k) * u0 * u0
        gbar = s1 / tn
        Eb += pr * (s2 / tn - gbar * gbar)
        Eu += pr * (s2 - tn * gbar * gbar) / (tn - 1)
        Eo += pr * s2 / tn
    mu = (one - p) * u0 + p * u1
    var = (one - p) * (u0 - mu) ** 2 + p * (u1 - mu) ** 2
    return {"E_biased": Eb, "E_unbiased": Eu, "E_optimistic": Eo, "sigma2": var, "mu2": mu * mu, "t": tn}
