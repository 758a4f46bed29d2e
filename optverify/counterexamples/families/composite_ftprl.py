"""Proximal mirror descent against FTPRL with a composite term (001, Proposition 2, lines 73–83).

One coordinate, Ψ(x) = a·x + λx²/2 + μ|x| (convex), R_t(x) = σ_t x²/2 (differentiable,
convex, ∇R_t(0) = 0), R̃_t(x) = R_t(x − x_t), any gradients g_t.

* proximal MDA (9):  x_{t+1} = argmin g_t x + Ψ(x) + B_{R̃_{1:t}}(x, x_t)
                             = argmin g_t x + Ψ(x) + σ_{1:t}(x − x_t)²/2
* FTPRL, McMahan (2010a, Theorem 3): x_{t+1} = argmin (g_{1:t} + φ_{1:t−1}) x + Ψ(x) + R̃_{1:t}(x),
  φ_t ∈ ∂Ψ(x_{t+1}) the subgradient with g_{1:t} + φ_{1:t} + ∇R̃_{1:t}(x_{t+1}) = 0
  (the optimality condition of the step selects it).
* ``variant="printed"``: FTPRL (10) as printed, with φ_{1:t} in the objective; only for
  linear Ψ (λ = μ = 0), where ∂Ψ = {a} and φ_t = a whatever point it is taken at.

Each one-dimensional step minimises q x²/2 + b x + μ|x|, whose minimiser is the
soft threshold −sign(b)·max(|b| − μ, 0)/q.  ``measured`` is the last FTPRL iterate,
``x_md`` the last mirror-descent iterate.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real

G_MAX = 5.0
T_MAX = {"quick": 6, "thorough": 16}


def soft_min(num, q, b, mu):
    """argmin_x q x²/2 + b x + mu|x| (q > 0, mu ≥ 0)."""
    mag = abs(b) - mu
    if mag <= 0:
        return num.num(0)
    return -num.sign(b) * mag / q


def _validate(variant):
    if variant not in ("mcmahan", "printed"):
        raise ValueError("variant is 'mcmahan' or 'printed'")


def _composite(o):
    return 2 if o["variant"] == "mcmahan" else 0  # λ = μ = 0: Ψ linear, the only case (10) as printed covers


@family(
    {
        "T": integer(1, T_MAX),
        "x1": real(-3, 3),
        "a": real(-2, 2),
        "lam": real(0, _composite),
        "mu": real(0, _composite),
        "g": array(real(-G_MAX, G_MAX), "T"),
        "sigma": array(real(0.1, 5), "T"),
    },
    name="composite-ftprl-{variant}",
    description=lambda o: (
        "one coordinate, T ≤ 6 (quick) / 16 (thorough), x_1 ∈ [−3, 3], g_t ∈ [−5, 5], σ_t ∈ [0.1, 5], "
        + ("Ψ(x) = a x + λx²/2 + μ|x| with a ∈ [−2, 2], λ, μ ∈ [0, 2]; FTPRL with φ_{1:t−1} (McMahan)"
           if o["variant"] == "mcmahan" else "Ψ(x) = a x with a ∈ [−2, 2]; FTPRL (10) with φ_{1:t} as printed")
    ),
    validate=_validate,
)
def composite_ftprl(inst, num, *, variant="mcmahan"):
    a, lam, mu = num.num(inst["a"]), num.num(inst["lam"]), num.num(inst["mu"])
    g = [num.num(v) for v in inst["g"]]
    sig = [num.num(v) for v in inst["sigma"]]
    T = len(g)
    # proximal mirror descent (9)
    x = num.num(inst["x1"])
    md = [x]
    S = num.num(0)
    for t in range(T):
        S = S + sig[t]
        x = soft_min(num, S + lam, g[t] + a - S * x, mu)
        md.append(x)
    # FTPRL (10)
    xs = [num.num(inst["x1"])]
    G = Phi = S = P = num.num(0)
    for t in range(T):
        G, S, P = G + g[t], S + sig[t], P + sig[t] * xs[t]
        if variant == "mcmahan":
            x = soft_min(num, S + lam, G + Phi + a - P, mu)
            phi = -(G + Phi + S * x - P)  # ∈ ∂Ψ(x_{t+1}) by the optimality of the step
            Phi = Phi + phi
        else:  # φ_τ = a for τ = 1 … t+1 (0-based t), all in the objective, and Ψ(x) = a x
            x = (P - G - num.num(t + 1) * a - a) / S
        xs.append(x)
    return {
        "measured": xs[-1],
        "x_ftprl": xs[-1],
        "x_md": md[-1],
        "max_gap": max(abs(u - w) for u, w in zip(xs, md)),
        "T": num.num(T),
    }
