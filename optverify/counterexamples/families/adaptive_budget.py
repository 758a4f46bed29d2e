"""Second-moment sequences and regularisation budgets of Adam-type methods (001, §3.2–3.3).

One coordinate, any gradient sequence g_1 … g_T and step sizes η_t = α/t^p.
The second moment used in the step is

* ``adam``             v_t = β2 v_{t−1} + (1 − β2) g_t²                       (eq. (2))
* ``amsgrad``          v_t as Adam, v̂_t = max(v̂_{t−1}, v_t), the step uses v̂_t (Reddi et al. 2019, Alg. 2)
* ``amsgrad_inplace``  v_t = max(v_{t−1}, β2 v_{t−1} + (1 − β2) g_t²)           (eq. (16) as applied at line 182)
* ``adamal``           ĝ_t = max(g_t², v_{t−1}), v_t = β1 v_{t−1} + (1 − β1) ĝ_t (Algorithm 1 as printed, line 7)
* ``adamal_beta2``     the same with β2 in line 7 (as eq. (18) uses it)

with v_0 = v̂_0 = 0.  The regularisation budget is B_t = √v_t/η_t (the σ_{1:t}
with which eq. (13) reproduces the update with base rate η_t), σ_t = B_t − B_{t−1},
and Γ_t = √v_t/η_t − √v_{t−1}/η_{t−1} (eq. (15)).

With ``force_decrease`` the last gradient is g_T = κ √(v_{T−1}) (κ ∈ [0, 0.99], the
Adam EMA v), so that Adam's v_T < v_{T−1}: the instances where a σ_τ < 0 occurs.
With ``constant_rate`` the step size is constant (p = 0).
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import run

G_MAX = 5.0
ALGORITHMS = ("adam", "amsgrad", "amsgrad_inplace", "adamal", "adamal_beta2")
T_MAX = {"quick": 10, "thorough": 24}


def _validate(algorithm, force_decrease, constant_rate):
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; one of {ALGORITHMS}")


def _describe(o):
    return (
        f"{o['algorithm']}: one coordinate, 2 ≤ T ≤ 10 (quick) / 24 (thorough), g_t ∈ [−5, 5] with |g_1| ≥ 10⁻³, "
        "β1 ∈ [0.01, 0.99], β2 ∈ [0.01, 0.999], η_t = α/t^p with α ∈ [0.01, 1], "
        + ("p = 0" if o["constant_rate"] else "p ∈ [0, 1]")
        + ("; last gradient g_T = κ√v_{T−1}, κ ∈ [0, 0.99] (Adam's v decreases at T)" if o["force_decrease"] else "")
    )


# each second moment is the state of a declared step (optverify.sim.updates.adaptive) fed the gradient sequence
DECLARED = {  # algorithm: (declared update, its parameters beyond β1, β2, the state entry the step divides by)
    "adam": ("adam", {"momentum_sign": 1, "bias_correction1": False, "bias_correction2": False}, "v"),
    "amsgrad": ("amsgrad", {"ams_mode": "reddi"}, "vmax"),
    "amsgrad_inplace": ("amsgrad", {"ams_mode": "feedback"}, "v"),
    "adamal": ("adamal", {"v_beta": "beta1"}, "v"),
    "adamal_beta2": ("adamal", {"v_beta": "beta2"}, "v"),
}


def second_moments(num, algorithm, g, b1, b2):
    """[v_1, …, v_T] (the v the step divides by) and Adam's EMA [v_1 …] of the declared update fed g_1 … g_T."""
    name, extra, key = DECLARED[algorithm]
    rate = {"alpha": 1} if name == "adamal" else {"eta": 1}
    _, states = run(name, num, [num.num(0)], lambda t, _w: [g[t - 1]], len(g), beta1=b1, beta2=b2, **rate, **extra)
    return [s[key][0] for s in states], [s["v"][0] for s in states]


def gradients(inst, num, force_decrease):
    g = [num.num(v) for v in inst["g"]]
    if force_decrease:
        b2 = num.num(inst["beta2"])
        _, ema = second_moments(num, "adam", g[:-1], b2, b2)
        g[-1] = num.num(inst["kappa"]) * num.sqrt(ema[-1] if ema else num.num(0))
    return g


@family(
    {
        "T": integer(2, T_MAX),
        "beta1": real(0.01, 0.99),
        "beta2": real(0.01, 0.999),
        "alpha": real(0.01, 1),
        "p": real(0, lambda o: 0 if o["constant_rate"] else 1),
        "kappa": real(0, 0.99),
        "g": array(real(-G_MAX, G_MAX), "T", at={0: real(-G_MAX, G_MAX, nonzero=1e-3)}),
    },
    name="adaptive-budget-{algorithm}",
    description=_describe,
    validate=_validate,
)
def adaptive_budget(inst, num, *, algorithm="adam", force_decrease=False, constant_rate=False):
    g = gradients(inst, num, force_decrease)
    b1, b2 = num.num(inst["beta1"]), num.num(inst["beta2"])
    alpha, p = num.num(inst["alpha"]), num.num(inst["p"])
    used = second_moments(num, algorithm, g, b1, b2)[0]
    emas = second_moments(num, "adam", g, b1, b2)[1]  # Adam's EMA (the v_t of eq. (2))
    T = len(g)
    eta = [alpha / num.num(t) ** p for t in range(1, T + 1)]
    B = [num.sqrt(vt) / e for vt, e in zip(used, eta)]
    gammas = [B[t] - B[t - 1] for t in range(1, T)]
    return {
        "measured": used[-1],
        "v_last": used[-1],
        "decrease": max(used[t - 1] - used[t] for t in range(1, T)),
        "sqrt_v_decrease": max(num.sqrt(used[t - 1]) - num.sqrt(used[t]) for t in range(1, T)),
        "neg_gamma": max(-gm for gm in gammas),
        "gamma_min": min(gammas),
        "B_last": B[-1],
        "minus_B_last": -B[-1],
        "sigma_last": B[-1] - B[-2],
        "sqrt_v_max": max(num.sqrt(vt) for vt in used),
        "g_max": max(abs(gt) for gt in g),
        "ema_max": max(emas),
        "used_minus_ema_last": used[-1] - emas[-1],
        "T": num.num(T),
    }
