"""Algorithms 8 and 9 of 003 side by side on a noise-free 1-D Huber loss (line 1821: "does not actually converge").

L(w) = ρ_δ(w) (H = 1, w* = 0), exact gradients g_t = ∇L(w_t).  Algorithm 8's η_t = c/√(ε² + A_t) with
A_t = βA_{t−1} + g_t² keeps a step of about c√(1 − β) however small g_t gets, so w_t keeps oscillating
around w*; Algorithm 9's B_t = max(B_{t−1}, tA_t) grows with t and its steps shrink.  Measured: the
mean |∇L(w_t)| of Algorithm 8 over the second half t ∈ [T/2, T]; ``alg9_tail``: the mean |∇L(w_t)| of
Algorithm 9 over the same steps (same instance).  The updates are the declared ``adaptive_sgd_ema`` and ``adaptive_sgd_ema_corrected`` steps.
"""

from __future__ import annotations

from optverify.counterexamples.families.adaptive_sgd_exact import DECLARED, huber_grad
from optverify.counterexamples.schema import family, integer, real
from optverify.sim.engine.reference import trajectory


def _tail(num, algorithm, T, w, delta, c, eps, beta):
    ws = trajectory(DECLARED[algorithm][0], num, [w], lambda t, x: [huber_grad(num, x[0], delta)], T, c=c, eps=eps,
                    beta=beta)
    tail = [num.fabs(huber_grad(num, x[0], delta)) for t, x in enumerate(ws[:T], start=1) if 2 * t >= T]
    total = num.num(0)
    for v in tail:
        total = total + v
    return total / len(tail)


@family(
    {"T": integer(40, {"quick": 200, "thorough": 1000}, examples=(200,)),
     "delta": real(0.1, 4, examples=(1.0,)),
     "w1": real(-6, 6, examples=(3.0,)),
     "c": real(1e-2, 10, log=True, examples=(0.5,)),
     "eps": real(1e-4, 1e-1, log=True, examples=(1e-4,)),
     "beta": real(0.5, 0.999, examples=(0.9,))},
    name="ema-tail-gradients",
    description="noise-free 1-D Huber ρ_δ (H = 1), Algorithms 8 and 9 as printed from the same w_1; measured: mean |∇L(w_t)| of "
                "Algorithm 8 over t ∈ [T/2, T]; alg9_tail: mean |∇L(w_t)| of Algorithm 9 over the same t",
)
def ema_tails(inst, num):
    args = (inst["T"], num.num(inst["w1"]), num.num(inst["delta"]), num.num(inst["c"]), num.num(inst["eps"]), num.num(inst["beta"]))
    return {"measured": _tail(num, "alg8", *args), "alg9_tail": _tail(num, "alg9", *args)}
