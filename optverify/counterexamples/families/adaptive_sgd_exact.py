"""Adaptive SGD of 003 (Algorithms 7, 8, 9) on a one-dimensional Huber loss with two-point noise, exactly.

ℓ(w, z) = h_z ρ_δ(w − w*) + n_z w with z ∈ {0, 1}, P(z = 1) = p, n_0 = −p n_1/(1 − p) so that E n_z = 0.
Then L(w) = E ℓ(w, z) = h̄ ρ_δ(w − w*), h̄ = (1 − p) h_0 + p h_1, with L* = 0 at w*, and

    H   = h̄        (L is h̄-smooth: ρ_δ'' ∈ {0, 1})
    G_L = h̄ δ      (L is h̄δ-Lipschitz)

are exact.  Every expectation over the 2^T gradient paths is summed path by path with its
probability, so the noise constants are exact too:

    G_ℓ = E[max_{t ≤ T} |g_t|]                       (the smallest constant the theorems allow)
    G   = max(G_L, max over every path and t of |g_t|)  (‖g_t‖ ≤ G with probability 1, and G ≥ G_L)
    σ_t² = E[|g_t − ∇L(w_t)|²],  σ² = max_t σ_t²    (the smallest σ of "for all t")

The updates are the printed ones (lines 1391–1398, 1803–1813, 1825–1837):

    Algorithm 7 (and 10):  η_t = c/√(ε² + Σ_{i≤t} g_i²)
    Algorithm 8:           A_t = βA_{t−1} + g_t²,  η_t = c/√(ε² + A_t)
    Algorithm 9:           A_t = βA_{t−1} + g_t²,  B_t = max(B_{t−1}, tA_t), B_0 = ε²,  η_t = c/√B_t

and w_{t+1} = w_t − η_t g_t.  η_0 = c/ε is the deterministic η_0 ≥ η_1 the notes take (line 1413).
The noise-free case (n_1 = 0, h_0 = h_1) is included: then every quantity is deterministic.

Families (one schema, the algorithm fixed by its ``algorithm`` choice so that a certificate names the algorithm it ran):
``adaptive_sgd_huber`` (Algorithms 7, 8 or 9), ``adaptive_sgd_alg7``, ``adaptive_sgd_alg9`` and ``adaptive_sgd_lagged``
(η_t = c/√(ε² + Σ_{i<t} g_i²), line 1365).

The steps are the declared updates ``adagrad_norm`` (ε² inside the root; lag 1 for line 1365),
``adaptive_sgd_ema`` and ``adaptive_sgd_ema_corrected`` (``optverify.sim.updates.adaptive``), run by the
engine's reference in any number context (floats while searching, 50 digits on replay); η_t is read off
their state.  w_{t+1} = w_t − c g_t/√(…) as the declaration computes it (the same number as w_t − η_t g_t
up to the rounding of one product).
"""

from __future__ import annotations

from optverify.counterexamples.schema import choice, family, integer, real
from optverify.sim.engine.reference import Step

T_MAX = {"quick": 4, "thorough": 8}
ALGORITHMS = ("alg7", "alg8", "alg9")
# "alg7_lag": η_t = c/√(ε² + Σ_{i<t}‖g_i‖²), the rate of line 1365 (sum up to t − 1): the family adaptive_sgd_lagged


def huber(num, r, delta):
    a = num.fabs(r)
    return r * r / 2 if a <= delta else delta * a - delta * delta / 2


def huber_grad(num, r, delta):
    return r if num.fabs(r) <= delta else delta * num.sign(r)


# each algorithm is a declared update (optverify.sim.updates.adaptive); ε² inside the root as printed
DECLARED = {
    "alg7": ("adagrad_norm", {"eps_mode": "eps2_inside"}),
    "alg7_lag": ("adagrad_norm", {"eps_mode": "eps2_inside", "lag": 1}),
    "alg8": ("adaptive_sgd_ema", {}),
    "alg9": ("adaptive_sgd_ema_corrected", {}),
}


def printed_step(num, algorithm, c, eps, beta):
    """The declared step of ``algorithm`` (a reference ``Step``: (t, w, g, state) -> (w_{t+1}, state))."""
    name, extra = DECLARED[algorithm]
    return Step(name, num, c=c, eps=eps, **({} if name == "adagrad_norm" else {"beta": beta}), **extra)


def printed_K(lib, Delta, c, H, T, G_ell, sigma, eps, G_L, G_log=None):
    """K of Theorems 10.3 and 11.1 as printed (lines 1505, 1697, 1707): Δ/c + Hc log(T(G_ℓ² + σ²)/ε²)/2 + G_L G_ℓ/ε.

    ``G_log``: the constant inside the logarithm when it is not G_ℓ (the proof's K at line 1557 has G_L there).
    """
    Gl = G_ell if G_log is None else G_log
    return Delta / c + H * c * lib.log(T * (Gl**2 + sigma**2) / eps**2) / 2 + G_L * G_ell / eps


def _first_step(p):
    """(h̄, Δ, G_L, E|g_1|, σ_1²) of the instance drawn so far: at T = 1 these do not depend on c."""
    import math

    q = p["p"]
    hbar = (1 - q) * p["h0"] + q * p["h1"]
    d, w = p["delta"], p["w1"]
    rg = max(-d, min(d, w))
    n = (-q * p["n1"] / (1 - q), p["n1"])
    gs = (p["h0"] * rg + n[0], p["h1"] * rg + n[1])
    Eg = (1 - q) * abs(gs[0]) + q * abs(gs[1])
    s2 = (1 - q) * (gs[0] - hbar * rg) ** 2 + q * (gs[1] - hbar * rg) ** 2
    Delta = hbar * (w * w / 2 if abs(w) <= d else d * abs(w) - d * d / 2)
    return hbar, Delta, hbar * d, Eg, s2, math


def _eps_example(p):
    """An ε above the gradients' scale, so that the printed log(T(G_ℓ² + σ²)/ε²) of K is negative at T = 1."""
    hbar, Delta, GL, Eg, s2, math = _first_step(p)
    return 3 * math.sqrt(Eg * Eg + s2) + 1e-3


def _c_example(p):
    """The c at which the printed K (line 1505) of the T = 1 instance is 1e-4·(G_L G_ℓ/ε) (> 0): K(c) is a quadratic over c."""
    hbar, Delta, GL, Eg, s2, math = _first_step(p)
    eps = p["eps"]
    lg = math.log(max(Eg * Eg + s2, 1e-300) / eps**2)
    if lg >= 0:
        return 1.0
    a, b = hbar * lg / 2, GL * Eg / eps * (1 - 1e-4)
    disc = b * b - 4 * a * Delta  # a < 0: one positive root of a c² + b c + Δ = 0
    return (-b - math.sqrt(disc)) / (2 * a)


def _schema(algorithms):
    return {
        "algorithm": choice(*algorithms),
        "T": integer(1, T_MAX, examples=(1,)),
        "p": real(0.05, 0.95, examples=(0.5,)),
        "h0": real(0.05, 4, examples=(1.0,)),
        "h1": real(0.05, 4, examples=(1.0,)),
        "n1": real(-3, 3, examples=(0.0,)),
        "delta": real(0.1, 4, examples=(1.0, 1.45)),
        "w1": real(-6, 6, examples=(2.0, lambda p: p["delta"])),
        "eps": real(1e-3, 1e2, log=True, examples=(_eps_example, 10.0, 1e-3)),
        "c": real(1e-3, 1e3, log=True, examples=(_c_example, 5.0, 100.0, 1e-3)),
        "beta": real(0, 0.999, examples=(0.0, 0.9)),
    }


def _description(algorithms):
    return ("1-D Huber loss h̄ρ_δ(w) (w* = 0, L* = 0) with two-point noise ℓ(w,z) = h_zρ_δ(w) + n_z w, E n_z = 0; "
            f"{' / '.join(algorithms)} as printed; T ≤ 4 (quick) / 8 (thorough); "
            "H = h̄, G_L = h̄δ, G_ℓ = E max_t |g_t|, G = max |g_t|, σ² = max_t E|g_t − ∇L(w_t)|² computed exactly over all 2^T paths")


def evaluate(inst, num, K_defined=False):
    """Every quantity of the instance (the algorithm is the instance's own ``algorithm``).

    ``K_defined=True``: an instance where the printed K (line 1505) is not positive, so that √K is not a real
    number, lies outside the statements that take √K; all its values but T are then NaN (skipped by the search).
    """
    algorithm = inst["algorithm"]
    T = inst["T"]
    one = num.num(1)
    p = num.num(inst["p"])
    probs = (one - p, p)
    h = (num.num(inst["h0"]), num.num(inst["h1"]))
    n1 = num.num(inst["n1"])
    n = (-p * n1 / (one - p), n1)
    delta, c, eps, beta = num.num(inst["delta"]), num.num(inst["c"]), num.num(inst["eps"]), num.num(inst["beta"])
    hbar = probs[0] * h[0] + probs[1] * h[1]
    eta0 = c / eps
    zero = num.num(0)
    acc = {k: zero for k in ("E_L_T1", "E_sum_etaprev_grad2", "E_sum_eta_grad2", "E_sum_eta2_g2", "E_sum_grad",
                             "E_sqrt_sum_grad2", "E_sum_grad2", "E_max_g", "E_sqrt_eps_sum_g2", "E_sum_g2",
                             "E_min_eta_sum_grad2", "E_inv_etaT", "E_sum_gradinner_etaprev",
                             "E_sum_noise2", "E_sqrt_eps_2noise", "E_sqrt_eps_2noise_2grad", "E_eta_inner",
                             "E_sum_g2_over_tA")}
    sig_t = [zero] * (T + 1)
    worst = {"G_as": zero, "max_A": zero}
    # per-path gaps (left side minus right side) of the pathwise steps of the proof of Theorem 10.1, maximised over paths
    gaps = {k: -num.num(10) ** 30 for k in ("gap_1455", "gap_1459", "gap_1463", "gap_1467", "gap_1471a", "gap_1471b")}

    def gap(key, value):
        if value > gaps[key]:
            gaps[key] = value

    def L(w):
        return hbar * huber(num, w, delta)

    def dfs(t, w, state, prob, eta_prev, sums, max_g, min_eta, path):
        if t > T:
            s_eta_prev, s_eta, s_eta2g2, s_grad, s_grad2, s_g2, s_inner = sums
            A_, B_, C_, max_inner, max_gL, s_noise2 = path
            L1_, LT1 = L(num.num(inst["w1"])), L(w)
            gap("gap_1463", LT1 - (L1_ - A_ + B_ + C_))
            gap("gap_1467", LT1 - (L1_ - A_ + max_inner * (eta0 - eta_prev) + C_))
            gap("gap_1471a", LT1 - (L1_ - A_ + max_gL * max_g * (eta0 - eta_prev) + C_))
            gap("gap_1471b", LT1 - (L1_ - A_ + max_gL * max_g * eta0 + C_))
            acc["E_sum_noise2"] += prob * s_noise2
            acc["E_sqrt_eps_2noise"] += prob * num.sqrt(eps * eps + 2 * s_noise2)
            acc["E_sqrt_eps_2noise_2grad"] += prob * num.sqrt(eps * eps + 2 * s_noise2 + 2 * s_grad2)
            acc["E_L_T1"] += prob * L(w)
            acc["E_sum_etaprev_grad2"] += prob * s_eta_prev
            acc["E_sum_eta_grad2"] += prob * s_eta
            acc["E_sum_eta2_g2"] += prob * s_eta2g2
            acc["E_sum_grad"] += prob * s_grad
            acc["E_sqrt_sum_grad2"] += prob * num.sqrt(s_grad2)
            acc["E_sum_grad2"] += prob * s_grad2
            acc["E_max_g"] += prob * max_g
            acc["E_sqrt_eps_sum_g2"] += prob * num.sqrt(eps * eps + s_g2)
            acc["E_sum_g2"] += prob * s_g2
            acc["E_min_eta_sum_grad2"] += prob * min_eta * s_grad2
            acc["E_inv_etaT"] += prob / eta_prev
            acc["E_sum_gradinner_etaprev"] += prob * s_inner
            return
        gL = hbar * huber_grad(num, w, delta)
        for z in (0, 1):
            if probs[z] == 0:
                continue
            g = h[z] * huber_grad(num, w, delta) + n[z]
            sig_t[t] += prob * probs[z] * (g - gL) ** 2
            if num.fabs(g) > worst["G_as"]:
                worst["G_as"] = num.fabs(g)
            (w_next,), st = step(t, [w], [g], state)
            eta = st["eta_t"][0]  # η_t: the step size the declared step divided g_t by (its state)
            if algorithm in ("alg8", "alg9") and st["A"][0] > worst["max_A"]:
                worst["max_A"] = st["A"][0]
            s = sums
            inner = gL * g
            quad = hbar / 2 * eta * eta * g * g
            gap("gap_1455", L(w_next) - (L(w) - eta * inner + quad))
            gap("gap_1459", num.fabs((L(w) - eta * inner) - (L(w) - eta_prev * inner + (eta_prev - eta) * inner)))
            acc["E_eta_inner"] += prob * probs[z] * eta * inner
            if algorithm in ("alg8", "alg9") and st["A"][0] > 0:
                acc["E_sum_g2_over_tA"] += prob * probs[z] * g * g / (num.num(t) * st["A"][0])
            A_, B_, C_, mi, mg, sn = path
            new_path = (A_ + eta_prev * inner, B_ + (eta_prev - eta) * inner, C_ + quad, max(mi, num.fabs(inner)),
                        max(mg, num.fabs(gL)), sn + (g - gL) ** 2)
            new = (s[0] + eta_prev * gL * gL, s[1] + eta * gL * gL, s[2] + eta * eta * g * g, s[3] + num.fabs(gL),
                   s[4] + gL * gL, s[5] + g * g, s[6] + eta_prev * gL * g)
            dfs(t + 1, w_next, st, prob * probs[z], eta, new, max(max_g, num.fabs(g)), min(min_eta, eta), new_path)

    w1 = num.num(inst["w1"])
    step = printed_step(num, algorithm, c, eps, beta)
    dfs(1, w1, step.init([w1]), one, eta0, (zero,) * 7, zero, eta0, (zero,) * 6)
    Tn = num.num(T)
    sigma2 = max(sig_t[1:])
    out = {
        **acc,
        **gaps,
        "sigma": num.sqrt(sigma2),
        "sigma2_avg": sum(sig_t[1:]) / Tn,
        "G_ell": acc["E_max_g"],
        "G": max(worst["G_as"], hbar * delta),
        "max_A": worst["max_A"],
        "G_L": hbar * delta,
        "H": hbar,
        "Delta": L(w1),
        "L_w1": L(w1),
        "grad_w1": hbar * huber_grad(num, w1, delta),
        "c": c,
        "epsilon": eps,
        "beta": beta,
        "eta0": eta0,
        "T": Tn,
    }
    # σ_t² ≤ D‖∇L(w_t)‖² for every w when the noise is only multiplicative (n_1 = 0): D = Var(h_z)/h̄² (line 1721)
    var_h = probs[0] * (h[0] - hbar) ** 2 + probs[1] * (h[1] - hbar) ** 2
    out["D"] = var_h / (hbar * hbar) if inst["n1"] == 0 else float("nan")
    out["sqrt_E_sum_noise2"] = num.sqrt(acc["E_sum_noise2"])
    out["X2"] = acc["E_sqrt_sum_grad2"] ** 2  # X² of line 1565, X = E[√(Σ_t‖∇L(w_t)‖²)]
    out["cs_lhs"] = out["X2"] / acc["E_inv_etaT"]  # E[√(Σ‖∇L‖²)]²/E[η_T^{-1}] (line 1549)
    out["sqrt_eps_2E_noise"] = num.sqrt(eps * eps + 2 * acc["E_sum_noise2"])  # √(ε² + 2E[Σ_t‖g_t − ∇L(w_t)‖²]) (line 1582)
    out["neg_E_eta_inner"] = -acc["E_eta_inner"]  # −Σ_t E[η_t⟨∇L(w_t), g_t⟩] (line 1361)
    out["E_sum_eta_grad2_minus_inner"] = acc["E_sum_eta_grad2"] - acc["E_eta_inner"]
    out["avg_grad"] = acc["E_sum_grad"] / Tn
    out["rms_grad"] = acc["E_sqrt_sum_grad2"] / num.sqrt(Tn)
    out["avg_grad2"] = acc["E_sum_grad2"] / Tn
    out["rms_sq"] = out["avg_grad2"]
    out["sqrt_avg_grad2"] = num.sqrt(out["avg_grad2"])
    arg = Tn * (out["G_ell"] ** 2 + sigma2) / (eps * eps)
    argp = Tn * (out["G_L"] ** 2 + sigma2) / (eps * eps)
    out["K"] = printed_K(num, out["Delta"], c, hbar, Tn, out["G_ell"], out["sigma"], eps, out["G_L"]) if arg > 0 else float("nan")
    out["K_proof"] = (printed_K(num, out["Delta"], c, hbar, Tn, out["G_ell"], out["sigma"], eps, out["G_L"], out["G_L"])
                      if argp > 0 else float("nan"))
    if K_defined:
        K = out["K"]
        if not (K > 0 and out["K_proof"] > 0):
            return {k: (v if k == "T" else float("nan")) for k, v in out.items()}
    return out


@family(_schema(("alg7", "alg8", "alg9")), name="adaptive-sgd-huber-exact", description=_description(("Algorithm 7", "8", "9")))
def adaptive_sgd_huber(inst, num, *, K_defined=False):
    return evaluate(inst, num, K_defined)


@family(_schema(("alg7",)), name="adaptive-sgd-huber-exact-alg7", description=_description(("Algorithm 7",)))
def adaptive_sgd_alg7(inst, num, *, K_defined=False):
    return evaluate(inst, num, K_defined)


@family(_schema(("alg9",)), name="adaptive-sgd-huber-exact-alg9", description=_description(("Algorithm 9",)))
def adaptive_sgd_alg9(inst, num, *, K_defined=False):
    return evaluate(inst, num, K_defined)


@family(_schema(("alg7_lag",)), name="adaptive-sgd-huber-exact-lagged",
        description=_description(("η_t = c/√(ε² + Σ_{i<t}‖g_i‖²) (line 1365)",)))
def adaptive_sgd_lagged(inst, num, *, K_defined=False):
    return evaluate(inst, num, K_defined)
