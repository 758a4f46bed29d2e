"""Lessard, Recht and Packard (2016, §4.6): heavy ball cycles on a strongly convex, smooth function.

f(x) = 25x²/2 for x < 1;  x²/2 + 24x − 12 for 1 ≤ x < 2;  25x²/2 − 24x + 36 for x ≥ 2.
f is C¹ with f'' ∈ {1, 25}: μ = 1-strongly convex and L = 25-smooth, minimiser x* = 0.
Heavy ball w_{t+1} = w_t − η f'(w_t) + β(w_t − w_{t−1}) with the textbook tuning
η = 4/(√L + √μ)², β = ((√L − √μ)/(√L + √μ))², started at w_0 = w_1 = 3.3,
falls into a limit cycle instead of converging.  The update is the declared ``heavy_ball`` step
(002 line 103), run by the engine's reference in any number context.
"""

from __future__ import annotations

from optverify.sim.engine.reference import trajectory

MU, L = 1, 25


def grad(num, x):
    if x < 1:
        return 25 * x
    if x < 2:
        return x + 24
    return 25 * x - 24


def heavy_ball_on_lessard(num, steps: int, x0: str = "3.3"):
    sl, sm = num.sqrt(num.num(L)), num.sqrt(num.num(MU))
    eta = 4 / (sl + sm) ** 2
    beta = ((sl - sm) / (sl + sm)) ** 2
    xs = [w[0] for w in trajectory("heavy_ball", num, [num.num(x0)], lambda t, w: [grad(num, w[0])], steps,
                                   eta=eta, beta=beta)]  # w_0 = w_1 = x0
    two_sqrt_beta = 2 * num.sqrt(beta)
    return {
        "iterates": xs,
        "optimum": num.num(0),
        "facts": {
            "function": "Lessard et al. 2016 piecewise quadratic: f'' ∈ {1, 25}, so μ = 1, L = 25",
            "eta": float(eta),
            "beta": float(beta),
            "start": x0,
            "lower condition (1+β−ηL)/(2√β)": float((1 + beta - eta * L) / two_sqrt_beta),
            "upper condition (1+β−ημ)/(2√β)": float((1 + beta - eta * MU) / two_sqrt_beta),
        },
    }
