"""AMSGrad (Reddi, Kale & Kumar 2018, Algorithm 2) against arbitrary gradient sequences on a box (004, lines 450–452).

Theorem 4 bounds the regret R_T = Σ_t f_t(x_t) − min_{x∈F} Σ_t f_t(x) of AMSGrad for *every* sequence of
online convex losses with ‖∇f_t‖_∞ ≤ G_∞ on a set F of ∞-diameter D_∞.  This family plays linear losses
f_t(x) = ⟨g_t, x⟩: for convex f_t, f_t(x_t) − f_t(x*) ≤ ⟨∇f_t(x_t), x_t − x*⟩, and AMSGrad only sees the
gradients, so linear losses with the same gradients have the largest regret a gradient sequence allows.

Algorithm 2, exactly (no ε, no bias correction), per coordinate i:

    m_0 = v_0 = v̂_0 = 0,   x_1 ∈ F
    m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t
    v_t = β2 v_{t−1} + (1 − β2) g_t²
    v̂_t = max(v̂_{t−1}, v_t)
    x_{t+1} = Π_{F, √V̂_t}(x_t − α_t m_t/√v̂_t),   α_t = α/√t

F = [−D/2, D/2]^d (∞-diameter D); the projection in the √V̂_t-weighted norm onto a box is coordinatewise
clipping (the weighted squared distance is a sum of independent one-dimensional terms).  The comparator
min_{x∈F} Σ_t ⟨g_t, x⟩ = −(D/2) Σ_i |Σ_t g_{t,i}| is attained at a vertex, so the regret is exact.
|g_{1,i}| ≥ 10⁻³ keeps every v̂_{t,i} > 0 (Algorithm 2 divides by √v̂_t).

Instances carry everything explicitly (D, α, β1, β2, the schedule β_{1t} with β_{11} = β1, x_1 and the
gradients), so the 50-digit replay recomputes the same run.  The schema also chooses a schedule
kind (constant β_{1t} = β1; geometric β1 λ^{t−1}; free β_{1t} ∈ [0, β1]) and a gradient policy: free
gradients, or an adaptive adversary g_{t,i} = ±|r_{t,i}| with the sign of x_{t,i} − θ_i D/2 (the
sequence it produces is stored, so the instance is a fixed sequence).

Values (the symbols of the printed bound): ``regret`` (= ``measured``), ``D_inf``, ``alpha``, ``beta_1``
(= β_{11}), ``beta_2``, ``T``, ``gamma_ams`` = β1/√β2, ``sum_sqrt_vhat_T`` = Σ_i v̂_{T,i}^{1/2},
``sum_beta1t_sqrt_vhat_over_alpha_t`` = Σ_t Σ_i β_{1t} v̂_{t,i}^{1/2}/α_t, ``sum_norm_g`` = Σ_i ‖g_{1:T,i}‖₂,
``G_inf`` = max_{t,i} |g_{t,i}|, ``d``.
"""

from __future__ import annotations

import math

from optverify.counterexamples.schema import array, choice, family, integer, real
from optverify.sim.engine.reference import Step
from optverify.verify.numctx import FloatCtx

G_MIN_FIRST = 1e-3
_FLOAT = FloatCtx()  # one context: the reference binds its step once per context
D_MAX = 2  # coordinates
T_MAX = {"quick": 12, "thorough": 30}


def amsgrad_run(num, D, alpha, beta1t, beta2, x1, grad):
    """Run Algorithm 2 on the box [−D/2, D/2]^d; ``grad(t, x)`` gives g_t (1-based t) at the iterate x_t.

    The step is the declared ``amsgrad`` (ams_mode "reddi", α_t = α/√t, box projection), with β_{1t} bound at
    each step.  Returns the iterates x_1..x_T, the gradients, and v̂_1..v̂_T (lists of coordinate lists).
    """
    x, step = list(x1), None
    xs, gs, vhats = [], [], []
    for t, b1 in enumerate(beta1t, start=1):
        if step is None:
            step = Step("amsgrad", num, eta=alpha, schedule="inv_sqrt_t", beta1=b1, beta2=beta2, ams_mode="reddi",
                        projection="box", radius=D / 2)
            state = step.init(x)
        else:
            step = step.rebind(beta1=b1)
        g = grad(t, x)
        xs.append(list(x))
        gs.append(list(g))
        x, state = step(t, x, g, state)
        vhats.append(list(state["vmax"]))
    return xs, gs, vhats


def _beta2(p):
    return 1.0 - p["one_minus_beta2"]


def _gamma_for(beta1):
    """γ = β1/√β2 for a usual β1 (0.5, 0.9), kept below 1."""
    return lambda p: min(beta1 / math.sqrt(_beta2(p)), 0.99)


def _spike(period, small):
    """A rare large gradient among small ones of the other sign (Reddi et al.'s pattern)."""
    return lambda p: [[1.0 if t % period == 0 else -small] * p["d"] for t in range(p["T"])]


def _derive(p):
    """The explicit run: β2, β1 = γ√β2, the schedule β_{1t} (β_{11} = β1), and the gradients played.

    The adaptive adversary plays g_{t,i} = ±|r_{t,i}| with the sign of x_{t,i} − θ_i D/2 against the float
    run; the sequence it chose is stored, so the instance is a fixed sequence (replayed as such at 50 digits).
    """
    D, alpha, T = p["D"], p["alpha"], p["T"]
    beta2 = _beta2(p)
    beta1 = p["gamma"] * math.sqrt(beta2)
    if p["schedule"] == "constant":
        sched = [beta1] * T
    elif p["schedule"] == "geometric":
        sched = [beta1 * p["lam"] ** (t - 1) for t in range(1, T + 1)]
    else:
        sched = [beta1] + [beta1 * b for b in p["mult"][1:T]]
    raw = [[_first_ok(v) if t == 0 else float(v) for v in row] for t, row in enumerate(p["raw"])]
    if p["policy"] == "free":
        g = raw
    else:
        theta = p["theta"]

        def adversary(t, xt):
            gt = [abs(r) if xi > th * D / 2 else -abs(r) for r, xi, th in zip(raw[t - 1], xt, theta)]
            return [_first_ok(v) for v in gt] if t == 1 else gt

        _, g, _ = amsgrad_run(_FLOAT, D, alpha, sched, beta2, p["x1"], adversary)
    sched = [min(float(b), beta1) for b in sched]
    sched[0] = float(beta1)
    return {"beta1": float(beta1), "beta2": float(beta2), "beta1t": sched, "g": [[float(v) for v in row] for row in g]}


@family(
    {
        "D": real(0.1, 10.0),
        "alpha": real(lambda p: p["D"] * 1e-3, lambda p: p["D"] * 100.0, log=True),  # α/D ∈ [10⁻³, 10²]
        "one_minus_beta2": real(1e-4, 10.0**-1e-4, log=True),
        "gamma": real(0.0, 0.99, examples=[0.0, _gamma_for(0.5), _gamma_for(0.9)]),  # γ = β1/√β2
        "schedule": choice("constant", "geometric", "free"),
        "lam": real(0.0, 1.0),  # λ of the geometric schedule
        "policy": choice("free", "adaptive"),
        "T": integer(1, T_MAX),
        "d": integer(1, D_MAX),
        "theta": array(real(-1.0, 1.0), D_MAX),  # the adaptive adversary's thresholds, in units of D/2
        "x1": array(real(lambda p: -p["D"] / 2, lambda p: p["D"] / 2), "d"),
        "raw": array(real(-1.0, 1.0), ("T", "d"), at={0: real(-1.0, 1.0, nonzero=G_MIN_FIRST)},
                     examples=[lambda p: [[(-1.0) ** t] * p["d"] for t in range(p["T"])], lambda p: [[1.0] * p["d"]] * p["T"],
                               _spike(2, 0.1), _spike(3, 0.1), _spike(4, 0.5)]),
        "mult": array(real(0.0, 1.0), "T"),  # β_{1t}/β1 of the free schedule
    },
    name="amsgrad-linear-regret",
    description=(
        "AMSGrad (Reddi et al. 2018, Algorithm 2: no ε, no bias correction, m_0 = v_0 = v̂_0 = 0) on linear losses "
        "⟨g_t, x⟩ over the box [−D/2, D/2]^d (D_∞ = D), d ∈ {1, 2}, x_1 ∈ F, α_t = α/√t, β2 ∈ (0, 1), "
        "β1 = β_{11} = γ√β2 with γ < 1, β_{1t} ≤ β1 constant, geometric (β1 λ^{t−1}) or free; any gradients "
        "|g_{t,i}| ≤ 1 (|g_{1,i}| ≥ 10⁻³), free or chosen adaptively from the iterates; "
        "T ≤ 12 (quick) / 30 (thorough)"
    ),
    derive=_derive,
)
def amsgrad_regret(inst, num):
    D = num.num(inst["D"])
    alpha = num.num(inst["alpha"])
    beta1 = num.num(inst["beta1"])
    beta2 = num.num(inst["beta2"])
    sched = [num.num(b) for b in inst["beta1t"]]
    g = [[num.num(v) for v in row] for row in inst["g"]]
    x1 = [num.num(v) for v in inst["x1"]]
    T, d = len(g), len(x1)
    xs, _, vhats = amsgrad_run(num, D, alpha, sched, beta2, x1, lambda t, _x: g[t - 1])
    played = sum(sum(gi * xi for gi, xi in zip(gt, xt)) for gt, xt in zip(g, xs))
    col_sums = [sum(g[t][i] for t in range(T)) for i in range(d)]
    best = -(D / 2) * sum(num.fabs(c) for c in col_sums)  # min over the box of Σ_t ⟨g_t, x⟩, at a vertex
    regret = played - best
    sum_beta = sum(
        sched[t] * sum(num.sqrt(vh) for vh in vhats[t]) * num.sqrt(num.num(t + 1)) / alpha for t in range(T)
    )  # Σ_t Σ_i β_{1t} v̂_{t,i}^{1/2}/α_t with α_t = α/√t
    return {
        "measured": regret,
        "regret": regret,
        "D_inf": D,
        "alpha": alpha,
        "beta_1": beta1,
        "beta_2": beta2,
        "gamma_ams": beta1 / num.sqrt(beta2),
        "T": num.num(T),
        "d": num.num(d),
        "sum_sqrt_vhat_T": sum(num.sqrt(vh) for vh in vhats[-1]),
        "sum_beta1t_sqrt_vhat_over_alpha_t": sum_beta,
        "sum_norm_g": sum(num.sqrt(sum(g[t][i] * g[t][i] for t in range(T))) for i in range(d)),
        "G_inf": max(num.fabs(v) for row in g for v in row),
    }


def _first_ok(v: float) -> float:
    """|g_{1,i}| ≥ 10⁻³, so that v̂_{t,i} > 0 for every t and the update is defined."""
    v = float(v)
    if abs(v) < G_MIN_FIRST:
        return G_MIN_FIRST if v >= 0 else -G_MIN_FIRST
    return v
