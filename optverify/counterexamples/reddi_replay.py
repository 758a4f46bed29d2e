"""An independent, generic-precision replay of Adam on Reddi et al.'s cyclic problem.

f_t(x) = C·x when t mod 3 = 1, −x otherwise, on F = [−1, 1]; Adam with β1 = 0,
β2 = 1/(1 + C²), η_t = α/√t, projection onto F, no bias correction (Reddi,
Kale & Kumar 2018, Theorem 1).  Uses the reference update of
``optverify.sim.reference`` (not the numba kernel), so the certificate does not
rest on the code that produced the float run.
"""

from __future__ import annotations

from optverify.counterexamples.constructions import reddi_cyclic
from optverify.sim.reference import adam_step, clip


def average_regret(num, T: int, C: int = 3, alpha: str = "0.1") -> object:
    C_, one = num.num(C), num.num(1)
    beta2 = one / (1 + C_ * C_)
    x, m, v = num.num(0), num.num(0), num.num(0)
    loss_sum, grad_sum = num.num(0), num.num(0)
    for t in range(1, T + 1):
        g = C_ if t % 3 == 1 else -one
        loss_sum += g * x
        grad_sum += g
        eta = num.num(alpha) / num.sqrt(num.num(t))
        x, m, v = adam_step(num, (x, m, v), g, t, eta, num.num(0), beta2, 0, momentum_sign=1, bias_correction=False)
        x = clip(num, x, -one, one)
    best = -abs(grad_sum)  # min over |x| ≤ 1 of (Σ g_t)·x
    return (loss_sum - best) / T


def run_adam_cyclic(horizons):
    r = reddi_cyclic("adam", C=3.0, T=max(horizons))
    return {
        "values": [float(v) for v in r.avg_regret_at(horizons)],
        "facts": {"problem": "f_t(x) = 3x if t mod 3 = 1 else −x on [−1, 1] (convex, 0-smooth); minimiser x* = −1",
                  "algorithm": "Adam, β1 = 0, β2 = 1/(1 + C²) = 0.1, η_t = 0.1/√t, projected, no bias correction",
                  "final_x": r.final_x},
    }
