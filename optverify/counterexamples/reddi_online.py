"""Reddi, Kale and Kumar (2018, Theorem 1): the online problem on which Adam does not converge.

f_t(x) = C x for t ≡ 1 (mod 3) and f_t(x) = −x otherwise, on X = [−1, 1], with C = 3 > 2:
the average loss (C − 2)x/3 is minimised at x* = −1.  With β1 = 0, β2 = 1/(1 + C²) and
α_t = α/√t, Adam drifts to x = +1.  Everything here runs in any number context (floats or
50-digit mpmath) with the reference updates, independently of the numba kernels of
``constructions.reddi_cyclic``: ``average_regret`` replays Adam's average regret (002 line
377); ``adamal_on_reddi`` runs 001's Algorithm 1 from x_1 = 1 for
``steps`` steps and returns the iterates at the end of each period (right after the
C-step), where the projection lands them: a method that converges has these at x* = −1
and the in-period excursion shrinks like α_t.
"""

from __future__ import annotations

from optverify.counterexamples.constructions import reddi_cyclic
from optverify.counterexamples.periodic_linear import Setting, run
from optverify.sim.engine.reference import Step

C = 3
ALPHA = "0.5"


def _gradient(t: int, c: int = C):
    return c if t % 3 == 1 else -1


def adamal_on_reddi(num, steps: int, v_beta: str = "beta1"):
    """Algorithm 1 (β1 = 0; line 7 with β1 as printed, or with β2 = 1/(1 + C²)) on Reddi et al.'s problem."""
    b1 = num.num(0)
    b2 = 1 / (1 + num.num(C) ** 2)
    lo = num.num(-1)
    step = Step("adamal", num, alpha=num.num(ALPHA), schedule="inv_sqrt_t", beta1=b1, beta2=b2, v_beta=v_beta,
                projection="box", radius=1)
    x = [num.num(1)]
    state = step.init(x)
    ends, excursion = [], num.num(0)
    for t in range(1, steps + 1):
        x, state = step(t, x, [num.num(_gradient(t))], state)
        if t % 3 == 1:
            ends.append(x[0])
        if t > steps - 3:
            excursion = max(excursion, abs(x[0] - lo))
    return {
        "iterates": ends,
        "optimum": lo,
        "facts": {
            "problem": "f_t(x) = 3x if t ≡ 1 (mod 3) else −x on X = [−1, 1] (Reddi et al. 2018, Thm 1); x* = −1",
            "algorithm": f"001 Algorithm 1, β1 = 0, line 7 with {'β1 (as printed)' if v_beta == 'beta1' else 'β2 = 1/(1 + C²)'}, α_t = 0.5/√t, x_1 = 1",
            "iterates_reported": "x right after each C-step (t ≡ 1 mod 3)",
            "excursion_in_last_period": float(excursion),
        },
    }


def average_regret(num, T: int, C: int = C, alpha: str = "0.1") -> object:
    """Adam (β1 = 0, β2 = 1/(1 + C²), η_t = α/√t, projected, no bias correction): average regret at T, in any precision.

    An independent replay of the numba run of ``constructions.reddi_cyclic``: the reference update, run by
    :func:`optverify.counterexamples.periodic_linear.run`.
    """
    setting = Setting("adam", n=3, C=float(C), beta1=0.0, beta2=1.0 / (1.0 + C * C), alpha=float(alpha), schedule="inv_sqrt_t")
    return run(setting, T, num)["avg_regret"][-1]


def run_adam_cyclic(horizons):
    r = reddi_cyclic("adam", C=3.0, T=max(horizons))
    return {
        "values": [float(v) for v in r.avg_regret_at(horizons)],
        "facts": {"problem": "f_t(x) = 3x if t mod 3 = 1 else −x on [−1, 1] (convex, 0-smooth); minimiser x* = −1",
                  "algorithm": "Adam, β1 = 0, β2 = 1/(1 + C²) = 0.1, η_t = 0.1/√t, projected, no bias correction",
                  "final_x": r.final_x,
                  "asymptotics": "Reddi, Kale & Kumar (2018, Theorem 1) prove the average regret of this instance does not vanish"},
    }
