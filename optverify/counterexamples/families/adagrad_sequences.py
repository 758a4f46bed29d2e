"""One coordinate of diagonal AdaGrad against an arbitrary gradient sequence (000, lines 159–175).

The proof of Theorem 3 bounds Σ_t g_t(w_t − w*) for *every* sequence g_1…g_T,
with w_{t+1} = Π_{|w| ≤ D}(w_t − η_t g_t), η_t = c/√(Σ_{τ≤t} g_τ²), c = √2·D,
|w_1| ≤ D, |w*| ≤ D.  This family evaluates every quantity the displays of
that proof name, so each printed link can be compared on the same instances.
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.replay import printed_step

G_MAX = 5.0
T_MAX = {"quick": 8, "thorough": 24}


@family(
    {
        "D": real(0.1, 10),
        "w1": real(lambda p: -p["D"], lambda p: p["D"]),
        "wstar": real(lambda p: -p["D"], lambda p: p["D"]),
        "T": integer(1, T_MAX),
        "g": array(real(-G_MAX, G_MAX), "T", at={0: real(-G_MAX, G_MAX, nonzero=1e-3)}),
    },
    name="adagrad-coordinate-sequence",
    description=lambda o: (
        "one coordinate, D ∈ [0.1, 10], |w_1|, |w*| ≤ D, "
        + ("c = √2·D (Theorem 3)" if o["c_factor"] is None else f"c = {o['c_factor']:g}·D")
        + ", T ≤ 8 (quick) / 24 (thorough), any gradients g_t ∈ [−5, 5] with |g_1| ≥ 10⁻³ (η_1 is undefined at g_1 = 0)"
    ),
)
def adagrad_coordinate(inst, num, *, c_factor=None):
    """c_factor None: c = √2·D as Theorem 3 prints it."""
    D, ws = num.num(inst["D"]), num.num(inst["wstar"])
    c = num.sqrt(num.num(2)) * D if c_factor is None else num.num(c_factor) * D
    g = [num.num(v) for v in inst["g"]]
    T = len(g)
    w = [num.num(inst["w1"])]
    step = printed_step(num, "adagrad_diag_box", {"c": c, "D": D})
    state = step.init(w)
    ws_traj, eta, S_t = [w[0]], [], []
    for t, gt in enumerate(g, 1):
        w, state = step(t, w, [gt], state)
        ws_traj.append(w[0])
        S_t.append(state["s"][0])
        eta.append(c / num.sqrt(state["s"][0]))
    a = [wt - ws for wt in ws_traj]  # a_t = w_t − w*, t = 1..T+1
    two = num.num(2)
    regret = sum(gt * at for gt, at in zip(g, a))
    sum_eta_g2 = sum(e * gt * gt for e, gt in zip(eta, g))
    inc = [1 / (two * eta[t]) - 1 / (two * eta[t - 1]) for t in range(1, T)]
    l167_a = (
        a[0] ** 2 / (two * eta[0])
        - a[T] ** 2 / (two * eta[T - 1])
        + sum(a[t] ** 2 * inc[t - 1] for t in range(1, T))
        + sum_eta_g2 / two
    )
    l167_b = D**2 / (two * eta[0]) + sum(D**2 * x for x in inc) + sum_eta_g2 / two
    l167_c = D**2 / (two * eta[T - 1]) + sum_eta_g2 / two
    four_D2 = 4 * D**2  # (w_t − w*)² ≤ (2D)² when both lie in [−D, D]
    l167_b4 = four_D2 / (two * eta[0]) + sum(four_D2 * x for x in inc) + sum_eta_g2 / two
    l167_c4 = four_D2 / (two * eta[T - 1]) + sum_eta_g2 / two
    S = S_t[-1]
    return {
        "regret": regret,
        "D": D,
        "D_inf": D,
        "c": c,
        "S": S,
        "sqrt_S": num.sqrt(S),
        "T": num.num(T),
        "sum_eta_g2": sum_eta_g2,
        "sum_g2_over_sqrt": sum(gt * gt / num.sqrt(s) for gt, s in zip(g, S_t)),
        "L167_a": l167_a,
        "L167_b": l167_b,
        "L167_c": l167_c,
        "L167_b_4D2": l167_b4,
        "L167_c_4D2": l167_c4,
    }
