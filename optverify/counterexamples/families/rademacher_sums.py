"""Sums of B i.i.d. mean-zero variables p_t = 2σε_t (ε_t = ±1) with E‖p_t‖² = 4σ² (003 line 1267), exactly.

Measured E‖Σ_t p_t‖² = 4σ²B; ``sqrt_E4`` = √(E‖Σ p_t‖⁴) with E(Σε)⁴ = 3B² − 2B; ``E_abs`` = E‖Σ_t p_t‖ by a
binomial sum; sigma and B for the right sides.
"""

from __future__ import annotations

from math import comb

from optverify.counterexamples.schema import family, integer, real


@family({"sigma": real(1e-2, 1e2, log=True, examples=(1.0,)), "B": integer(1, 60, examples=(1,))},
        name="rademacher-sums", description="p_t = 2σε_t, ε_t i.i.d. ±1, t = 1 … B ≤ 60 (mean zero, uncorrelated, E‖p_t‖² = 4σ²)")
def rademacher_sums(inst, num):
    s, B = num.num(inst["sigma"]), inst["B"]
    E_abs = sum(num.num(comb(B, k)) * num.num(abs(2 * k - B)) for k in range(B + 1)) / num.num(2) ** B
    return {"measured": 4 * s * s * B, "sqrt_E4": 4 * s * s * num.sqrt(num.num(3 * B * B - 2 * B)), "E_abs": 2 * s * E_abs,
            "sigma": s, "B": num.num(B)}
