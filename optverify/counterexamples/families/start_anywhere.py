"""AdaGrad from a starting point the statement does not constrain (000, Theorems 2 and 3, lines 167–180).

Theorems 2 and 3 state their algorithms with an initial point w_1 and project
only the later iterates; nothing puts w_1 in the constraint set.  This family
runs the printed algorithms from any w_1 = f·D with |f| ≤ F_MAX (inside or
outside the ball/box) on the deterministic convex loss

    ℓ(w, z) = L(w) = Σ_i h_i/2 (w_i − w*_i)² + k_i |w_i − w*_i|,   ‖w*‖ ≤ D,

(a stochastic problem whose z_t takes one value, so every expectation of the
theorems is the value itself), and reports the regret, both sides of each
bound and the per-coordinate sums of the proof (lines 175–180).
The subgradient of |·| at its kink is taken as 0.
"""

from __future__ import annotations

from optverify.counterexamples.families.stochastic_separable import _place, _validate
from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.replay import printed_step

F_MAX, H_MAX, K_MAX = 6.0, 3.0, 3.0
T_MAX = {"quick": 5, "thorough": 10}


@family(
    {
        "d": integer(1, lambda o: o["d_max"]),
        "T": integer(1, T_MAX),
        "D": real(0.1, 5),
        "f": array(real(-F_MAX, F_MAX), "d"),
        "wstar": array(real(-1, 1), "d"),
        "h": array(real(0, H_MAX), "d"),
        "k": array(real(0, K_MAX), "d"),
    },
    name="adagrad-start-anywhere",
    description=lambda o: (
        f"d ≤ {o['d_max']}, L(w) = Σ h_i/2 (w_i−w*_i)² + k_i|w_i−w*_i| (h, k ∈ [0, 3], a one-point z), w* in the "
        f"{'box ‖w‖_∞ ≤ D' if o['algorithm'] == 'diag_box' else 'ball ‖w‖₂ ≤ D'}, w_1 = f·D with |f_i| ≤ {F_MAX:g} "
        "(the statement does not constrain w_1), c = √2·D as printed, T ≤ 5 (quick) / 10 (thorough)"
    ),
    validate=_validate,
)
def start_anywhere(inst, num, *, algorithm="diag_box", d_max=2):
    """``algorithm``: "diag_box" (Theorem 3, box ‖w‖_∞ ≤ D) or "norm_ball" (Theorem 2, ball ‖w‖₂ ≤ D)."""
    D = num.num(inst["D"])
    d, T = inst["d"], inst["T"]
    ws = _place(num, inst["wstar"], D, algorithm)
    h = [num.num(v) for v in inst["h"]]
    k = [num.num(v) for v in inst["k"]]
    c_scale = num.sqrt(num.num(2)) * D

    def L(w):
        return sum(h[i] / 2 * (w[i] - ws[i]) ** 2 + k[i] * num.fabs(w[i] - ws[i]) for i in range(d))

    w1 = [num.num(f) * D for f in inst["f"]]  # wherever f puts it: inside or outside the set
    w = list(w1)
    step = printed_step(num, f"adagrad_{algorithm}", {"c": c_scale, "D": D})
    state = step.init(w)
    regret, lin = num.num(0), [num.num(0)] * d
    sq = [num.num(0)] * d
    for t in range(1, T + 1):
        g = [h[i] * (w[i] - ws[i]) + k[i] * num.sign(w[i] - ws[i]) for i in range(d)]
        regret += L(w)  # L(w*) = 0
        lin = [lin[i] + g[i] * (w[i] - ws[i]) for i in range(d)]
        sq = [sq[i] + g[i] * g[i] for i in range(d)]
        w, state = step(t, w, g, state)
    w1_norm = max(num.fabs(v) for v in w1) if algorithm == "diag_box" else num.sqrt(sum(v * v for v in w1))
    sum_sqrt = sum(num.sqrt(s) for s in sq)
    return {
        "regret": regret,
        "E_sum_sqrt_diag": sum_sqrt,
        "min_sum_sqrt_diag": sum_sqrt,
        "E_sqrt_norm": num.sqrt(sum(sq)),
        "E_lin_g": sum(lin),
        "lin_g_1": lin[0],  # Σ_t g_t[1](w_t[1] − w*[1]): line 175 on coordinate 1
        "S": sq[0],  # Σ_t g_t[1]²
        "w1_norm_over_D": w1_norm / D,
        ("D_inf" if algorithm == "diag_box" else "D_2"): D,
    }
