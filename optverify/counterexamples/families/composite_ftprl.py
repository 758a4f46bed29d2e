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
soft threshold −sign(b)·max(|b| − μ, 0)/q.  The three updates are declared in ``optverify.sim.updates.ftrl``
(``proximal_mda``, ``ftprl_composite``, ``ftprl_composite_printed``) and run by the engine's reference.  ``measured`` is the last FTPRL iterate,
``x_md`` the last mirror-descent iterate.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import Step

G_MAX = 5.0
T_MAX = {"quick": 6, "thorough": 16}


def _run(num, name, x1, g, sig, **params):
    """x_1 … x_{T+1} of the declared update ``name`` (optverify.sim.updates.ftrl), σ_t bound at each step."""
    step = Step(name, num, sigma=sig[0], **params)
    x, state = list(x1), step.init(x1)
    xs = [x[0]]
    for t, gt in enumerate(g, start=1):
        if t > 1:
            step = step.rebind(sigma=sig[t - 1])
        x, state = step(t, x, [gt], state)
        xs.append(x[0])
    return xs


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
    x1 = [num.num(inst["x1"])]
    md = _run(num, "proximal_mda", x1, g, sig, a=a, lam=lam, mu=mu)  # proximal mirror descent (9)
    if variant == "mcmahan":  # FTPRL (10) with φ_{1:t−1}
        xs = _run(num, "ftprl_composite", x1, g, sig, a=a, lam=lam, mu=mu)
    else:  # φ_τ = a for τ = 1 … t+1, all in the objective, and Ψ(x) = a x
        xs = _run(num, "ftprl_composite_printed", x1, g, sig, a=a)
    return {
        "measured": xs[-1],
        "x_ftprl": xs[-1],
        "x_md": md[-1],
        "max_gap": max(abs(u - w) for u, w in zip(xs, md)),
        "T": num.num(T),
    }
