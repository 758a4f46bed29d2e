"""Finite sums of least-squares components on ℝ² (003 section 23), expectations over z computed exactly.

ℓ(w, z_j) = (⟨x_j, w⟩ − y_j)²/2, j = 1 … N, each convex and H-smooth with H = max_j ‖x_j‖²
(its Hessian is x_j x_jᵀ); L = (1/N) Σ_j ℓ(·, z_j), whose minimiser w* solves the 2×2 normal
equations (Cramer's rule) and whose own smoothness H_L = λ_max(XᵀX/N) is computed in closed
form.  Every expectation over z is the exact average over j, in the number context (floats
while searching, 50 digits on replay).
"""

from __future__ import annotations

from optverify.counterexamples.schema import array, family, integer, real
from optverify.sim.engine.reference import Oracle, Step


def _dot(u, v):
    return sum(a * b for a, b in zip(u, v))


def _sq(u):
    return _dot(u, u)


@family({"N": integer(2, {"quick": 2, "thorough": 3}), "x": array(real(-2, 2), ("N", 2)), "y": array(real(-3, 3), "N"),
         "w": array(real(-4, 4), 2), "v": array(real(-4, 4), 2)},
        name="least-squares-finite-sum",
        description="N ∈ {2, 3} (quick: 2) components (⟨x_j, w⟩ − y_j)²/2 on ℝ², x_j ∈ [−2, 2]², y_j ∈ [−3, 3]; points w, v ∈ [−4, 4]²; "
                    "H = max_j ‖x_j‖² (each component H-smooth and convex)")
def finite_sum(p, num):
    N = int(p["N"])
    X = [[num.num(a) for a in row] for row in p["x"]]
    y = [num.num(a) for a in p["y"]]
    w = [num.num(a) for a in p["w"]]
    v = [num.num(a) for a in p["v"]]
    H = max(_sq(xj) for xj in X)
    a11 = sum(xj[0] * xj[0] for xj in X) / N
    a12 = sum(xj[0] * xj[1] for xj in X) / N
    a22 = sum(xj[1] * xj[1] for xj in X) / N
    b1 = sum(X[j][0] * y[j] for j in range(N)) / N
    b2 = sum(X[j][1] * y[j] for j in range(N)) / N
    det = a11 * a22 - a12 * a12
    if det <= (a11 + a22) ** 2 * num.num(10) ** -8:  # (nearly) singular: w* not unique; outside the family
        one, zero = num.num(1), num.num(0)  # every relation of the family holds trivially here
        return {"measured": zero, **{k: (zero if k in _MEASURED else one) for k in _KEYS}}
    ws = [(b1 * a22 - b2 * a12) / det, (a11 * b2 - a12 * b1) / det]
    HL = (a11 + a22) / 2 + num.sqrt(((a11 - a22) / 2) ** 2 + a12 * a12)

    def comp_grad(j, u):
        r = _dot(X[j], u) - y[j]
        return [r * X[j][0], r * X[j][1]]

    Gw = [comp_grad(j, w) for j in range(N)]
    Gv = [comp_grad(j, v) for j in range(N)]

    def comp_val(j, u):
        return (_dot(X[j], u) - y[j]) ** 2 / 2

    def L(u):
        return sum(comp_val(j, u) for j in range(N)) / N

    def mean(gs):
        return [sum(g[0] for g in gs) / N, sum(g[1] for g in gs) / N]

    Ls = L(ws)
    gLw, gLv = mean(Gw), mean(Gv)
    est = [[Gw[j][i] - Gv[j][i] + gLv[i] for i in range(2)] for j in range(N)]
    E_est = [sum(e[i] for e in est) / N for i in range(2)]
    E_sq = sum(_sq(e) for e in est) / N  # E‖∇ℓ(w, z) − ∇ℓ(v, z) + ∇L(v)‖²
    E_centered = sum(_sq([est[j][i] - gLw[i] for i in range(2)]) for j in range(N)) / N
    diffs = [_sq([Gw[j][i] - Gv[j][i] for i in range(2)]) for j in range(N)]
    E_diff = sum(diffs) / N
    gw_s = [comp_grad(j, ws) for j in range(N)]
    bregman_w = [comp_val(j, w) - comp_val(j, ws) - _dot(gw_s[j], [w[0] - ws[0], w[1] - ws[1]]) for j in range(N)]
    cocoercive = max(
        _sq([Gw[j][i] - gw_s[j][i] for i in range(2)]) / (2 * H * bregman_w[j]) if bregman_w[j] > 0 else num.num(0)
        for j in range(N))
    lipschitz = num.sqrt(max(diffs))
    inner = _dot(gLw, [w[0] - ws[0], w[1] - ws[1]])  # ⟨∇L(w), w − w*⟩ ≥ L(w) − L* by convexity
    nwv = num.sqrt(_sq([w[0] - v[0], w[1] - v[1]]))
    return {
        "measured": E_sq, "H": H, "HL": HL, "gap_w": L(w) - Ls, "gap_v": L(v) - Ls,
        "unbiased_gap": num.sqrt(_sq([E_est[i] - gLw[i] for i in range(2)])),  # ‖E[g] − ∇L(w)‖
        "grad_L_w_sq": _sq(gLw),
        "E_centered": E_centered, "E_diff": E_diff,
        "cocoercive_ratio": cocoercive,  # max_j ‖∇ℓ_j(w) − ∇ℓ_j(w*)‖² / (2H·Bregman_j(w, w*))
        "lipschitz_lhs": lipschitz, "H_nwv": H * nwv, "inner": inner,
    }


_MEASURED = ("unbiased_gap", "grad_L_w_sq", "E_centered", "E_diff", "cocoercive_ratio", "lipschitz_lhs")
_KEYS = ("inner", "H", "HL", "gap_w", "gap_v", "unbiased_gap", "grad_L_w_sq", "E_centered", "E_diff", "cocoercive_ratio",
         "lipschitz_lhs", "H_nwv")


# --- Algorithm 17 (SVRG) in exact expectation: every sample path enumerated -------------------------------------
# (each path runs the engine's declared ``svrg`` step through the reference interpreter, sample z_t = z_j given)

@family({"N": integer(1, 3, examples=(1,)), "epochs": integer(1, 3), "a": array(real(0.05, 4), 3), "c": array(real(-3, 3), 3),
         "w1": real(-5, 5), "frac": real(0.05, 1, examples=(1.0,))},
        name="svrg-exact-expectation",
        description="components ℓ(w, z_j) = a_j (w − c_j)²/2 on ℝ (j ≤ N ≤ 3; convex, H = max_j a_j), η = frac/(8H) ≤ 1/(8H), "
                    "T = N·epochs ≤ 6 (N^T ≤ 729); Algorithm 17 run over all N^T sample paths, each of probability N^−T (exact expectations)")
def svrg_exact(p, num):
    N = int(p["N"])
    E = min(int(p["epochs"]), {1: 3, 2: 3, 3: 2}[N])  # N^T ≤ 729 sample paths
    T = N * E
    a = [num.num(x) for x in p["a"][:N]]
    c = [num.num(x) for x in p["c"][:N]]
    H = max(a)
    eta = num.num(p["frac"]) / (8 * H)
    ws = sum(a[j] * c[j] for j in range(N)) / sum(a)

    def L(u):
        return sum(a[j] * (u - c[j]) ** 2 for j in range(N)) / (2 * N)

    def gL(u):
        return sum(a[j] * (u - c[j]) for j in range(N)) / N

    Ls = L(ws)
    w1 = num.num(p["w1"])
    step = Step("svrg", num, eta=eta, N=N)
    # the oracle whose every sample is z_j: grad ℓ(u, z_j) at any point, grad L exact
    sample = [Oracle(lambda u: [gL(u[0])], lambda u, t, k, j=j: [a[j] * (u[0] - c[j])]) for j in range(N)]
    # state per path: (w_t, the step's state: v, ∇L(v), Σ of the epoch's iterates); all paths equally likely
    paths = [([w1], step.init([w1]))]
    E_Lw = [L(w1) - Ls]  # E[L(w_t) − L*], t = 1 … T+1
    E_Lv = [L(w1) - Ls]  # E[L(v_e) − L*], e = 1 … E+1
    for t in range(1, T + 1):
        paths = [step(t, w, None, state, T, sample[j]) for (w, state) in paths for j in range(N)]
        E_Lw.append(sum(L(w[0]) for (w, _) in paths) / len(paths) - Ls)
        if t % N == 0:
            E_Lv.append(sum(L(state["v"][0]) for (_, state) in paths) / len(paths) - Ls)
    avg_gap = sum(E_Lw[:T]) / T
    cc = eta * num.sqrt(num.num(N))
    # line 3404 for e = 2 as printed: L(v_2) ≤ (1/N) Σ_{i=1}^N L(w_{2(N−1)+1+i}) (defined when that index ≤ T + 1)
    idx = [2 * (N - 1) + 1 + i for i in range(1, N + 1)]
    printed_avg = sum(E_Lw[k - 1] for k in idx) / N if E >= 1 and max(idx) <= T + 1 else None
    corrected_avg = sum(E_Lw[k - 1] for k in range(1, N + 1)) / N  # v_2 averages w_1 … w_N
    # line 3408, e = 2: the iterates w_{(e−1)N+i} = w_{N+i} (defined when 2N ≤ T + 1)
    l3408_avg = sum(E_Lw[N + i - 1] for i in range(1, N + 1)) / N if 2 * N <= T + 1 else None
    # line 3408's conclusion: N Σ_{e=2}^{T/N} E[L(v_e) − L*] ≤ Σ_{t=1}^T E[L(w_t) − L*]
    v_sum = N * sum(E_Lv[1:E]) if E >= 2 else num.num(0)
    return {
        "measured": avg_gap, "avg_gap": avg_gap, "N": num.num(N), "c": cc, "H": H, "eta": eta, "T": num.num(T),
        "Delta": E_Lw[0], "D": num.fabs(w1 - ws),
        "jensen_v2": E_Lv[1] if E >= 1 else num.num(0),
        "jensen_printed_rhs": printed_avg if printed_avg is not None else E_Lv[1] + 1,
        "jensen_corrected_rhs": corrected_avg,
        "last_gap": E_Lw[T], "first_gap": E_Lw[0],
        "jensen_L3408_rhs": l3408_avg if l3408_avg is not None else E_Lv[1] + 1,
        "v_sum": v_sum, "w_sum": sum(E_Lw[:T]) + 0 * v_sum,
    }
