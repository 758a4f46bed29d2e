"""An exact instance for Theorem 3.1 of 001 (line 221): Algorithm 1 under Chen et al.'s assumptions.

f is the Huber function f(x) = x²/2 (|x| ≤ 1), |x| − 1/2 (|x| ≥ 1): bounded below, 1-smooth,
|∇f| ≤ 1.  The stochastic gradient is g_t = ∇f(x_t) + ζ_t with independent, mean-zero,
bounded noise: ζ_1 = ±3 with probability 1/2 each, ζ_t = 0 for t ≥ 2.  Algorithm 1 as
printed (line 7 with β1) with β1 = β_{1,t} = 1/2, x_1 = 3, X = R and the constant step
α_t = α = 1/T.

Then ∇f(x_t) = 1 on the whole run (the iterates stay in [3 − √2, 3 + √2]), g_1 ∈ {4, −2},
v_1 = g_1²/2 ∈ {8, 2}, and v_t = v_1 for every t (ĝ_t = max{1, v_{t−1}} = v_{t−1}); |α m_t/√v_t| ≤ √2 = G.
Both outcomes are run exactly (50 digits on replay) and averaged, so every
expectation of the theorem is exact:

* ``E_lhs``       E[Σ_{t≤T} ⟨∇f(x_t), ∇f(x_t)/√v_t⟩]                 (the printed left side)
* ``E_lhs_alpha`` E[Σ_{t≤T} α_t ⟨∇f(x_t), ∇f(x_t)/√v_t⟩]             (Chen et al.'s left side)
* ``E_S1``        E[Σ_{t≤T} ‖α_t g_t/√v_t‖²]
* ``E_S2``        E[Σ_{t≤T} (α_t/√v_t − α_{t−1}/√v_{t−1})²], the t = 1 term read with α_0/√v_0 = 0
* ``E_S3``        the same sum to T − 1
* ``hyp_gap``     max(max_t |α m_t/√v_t| − √2, 1 − min_t x_t): ≤ 0 when the hypotheses hold on the run
"""

from __future__ import annotations

from optverify.counterexamples.schema import family, integer
from optverify.sim.engine.reference import Step

BETA1 = "0.5"
X1 = 3
NOISE = 3
T_MAX = {"quick": 60, "thorough": 400}


def huber_grad(num, x):
    if x >= 1:
        return num.num(1)
    if x <= -1:
        return num.num(-1)
    return x


def _run(num, T, zeta1):
    b1 = num.num(BETA1)
    alpha = 1 / num.num(T)
    step = Step("adamal", num, alpha=alpha, beta1=b1, beta2=b1, v_beta="beta1")
    x = [num.num(X1)]
    state = step.init(x)
    lhs = lhs_a = s1 = s2 = s3 = num.num(0)
    prev = num.num(0)  # α_0/√v_0 read as 0
    worst_step, x_min = num.num(0), x[0]
    for t in range(1, T + 1):
        x_min = min(x_min, x[0])
        df = huber_grad(num, x[0])
        g = df + (num.num(zeta1) if t == 1 else num.num(0))
        x, state = step(t, x, [g], state)
        m, v = state["m"][0], state["v"][0]
        r = num.sqrt(v)
        lhs += df * df / r
        lhs_a += alpha * df * df / r
        s1 += (alpha * g / r) ** 2
        d2 = (alpha / r - prev) ** 2
        s2 += d2
        if t <= T - 1:
            s3 += d2
        prev = alpha / r
        worst_step = max(worst_step, abs(alpha * m / r))
    x_min = min(x_min, x[0])
    return lhs, lhs_a, s1, s2, s3, worst_step, x_min


@family(
    {"T": integer(2, T_MAX)},
    name="adamal-huber-two-point-noise",
    description="Algorithm 1 (β1 = 1/2 in lines 5 and 7) on the Huber function from x_1 = 3, α_t = 1/T, "
    "g_t = ∇f(x_t) + ζ_t with ζ_1 = ±3 (probability 1/2 each), ζ_t = 0 for t ≥ 2; 2 ≤ T ≤ 60 (quick) / 400",
)
def adamal_two_point(inst, num):
    T = int(inst["T"])
    runs = [_run(num, T, NOISE), _run(num, T, -NOISE)]
    half = num.num(1) / 2
    E = [half * (a + b) for a, b in zip(runs[0], runs[1])]
    sqrt2 = num.sqrt(num.num(2))
    hyp_gap = max(max(r[5] for r in runs) - sqrt2, 1 - min(r[6] for r in runs))
    return {
        "measured": E[0],
        "E_lhs": E[0],
        "E_lhs_alpha": E[1],
        "E_S1": E[2],
        "E_S2": E[3],
        "E_S3": E[4],
        "E_sums": E[2] + E[3] + E[4],
        "hyp_gap": hyp_gap,
        "T": num.num(T),
    }
