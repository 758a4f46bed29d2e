"""Algorithms 8 and 9 of 003 side by side on a noise-free 1-D Huber loss (line 1821: "does not actually converge").

L(w) = ρ_δ(w) (H = 1, w* = 0), exact gradients g_t = ∇L(w_t).  Algorithm 8's η_t = c/√(ε² + A_t) with
A_t = βA_{t−1} + g_t² keeps a step of about c√(1 − β) however small g_t gets, so w_t keeps oscillating
around w*; Algorithm 9's B_t = max(B_{t−1}, tA_t) grows with t and its steps shrink.  Measured: the
mean |∇L(w_t)| of Algorithm 8 over the second half t ∈ [T/2, T]; ``alg9_tail``: the mean |∇L(w_t)| of
Algorithm 9 over the same steps (same instance).  The updates are those of ``adaptive_sgd_exact``.
"""

from __future__ import annotations

from optverify.counterexamples.families.adaptive_sgd_exact import huber_grad, initial_state, step_size
from optverify.counterexamples.schema import family, integer, real


def _tail(num, algorithm, T, w, delta, c, eps, beta):
    state = initial_state(num, algorithm, eps)
    total, n = num.num(0), 0
    for t in range(1, T + 1):
        g = huber_grad(num, w, delta)
        if 2 * t >= T:
            total, n = total + num.fabs(g), n + 1
        eta, state = step_size(num, algorithm, state, g, t, c, eps, beta)
        w = w - eta * g
    return total / n


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
