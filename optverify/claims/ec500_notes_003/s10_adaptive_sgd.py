"""003 section 10 (lines 1383–1511): adaptive SGD — Theorem 10.1, Algorithm 7, Lemma 10.2, Theorem 10.3.

Symbols of the section: c (the learning-rate scale of Algorithm 7), Δ, G_L (Lipschitz constant of L),
G_ℓ (E[max_t ‖g_t‖] ≤ G_ℓ), η_0 (a deterministic η_0 ≥ η_1; the notes take c/ε, line 1419), and the
expectations a right-hand side takes inside E[·] (E_sum_… symbols), which the families compute.

Two families decide the stochastic statements:

- ``adaptive_sgd_alg7``, ``adaptive_sgd_alg9`` (exact): 1-D Huber loss, two-point noise, every expectation summed over
  the 2^T paths at 50 digits on replay; H, G_L, G_ℓ, G and σ are computed, not assumed;
- ``AdaptiveSGDRuns`` (Monte Carlo on the engine's kernels, long horizons, several noise laws of one
  variance, (1 − 1e-6) intervals, fitted exponents).

Root cause of the refutations of this range: the corollary of Lemma 10.2 at line 1499 drops ε² from
the upper limit of the integral (∫_{ε²}^{Σ‖g‖²} instead of ∫_{ε²}^{ε² + Σ‖g‖²}), so the logarithm of
K can be negative; K of Theorem 10.3 (and 11.1) inherits it.
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, Identity, Inequality, InstanceSearch, Limit, LengthInduction, NotCheckable, ProofStep, Scaling, Semialgebraic, Simulation
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma
from optverify.notation import eps
from optverify.claims.specs import Range
from optverify.counterexamples.adaptive_sgd_mc import AdaptiveSGDRuns
from optverify.counterexamples.families.adaptive_sgd_exact import adaptive_sgd_alg7, adaptive_sgd_alg9, printed_K
from optverify.counterexamples.families.sum_integral import adagrad_sum, decreasing_sum, per_interval
from optverify.counterexamples.schema import Measured

c = sp.Symbol("c", positive=True)  # the learning-rate scale of Algorithms 7–10
Delta = sp.Symbol("Delta", positive=True)  # Δ = L(w_1) − L(w*)
G_L = sp.Symbol("G_L", positive=True)  # L is G_L-Lipschitz
G_ell = sp.Symbol("G_ell", positive=True)  # E[max_{t≤T} ‖g_t‖] ≤ G_ℓ
G = sp.Symbol("G", positive=True)  # ‖g_t‖ ≤ G with probability 1 (and G ≥ G_L), line 1419
eta0 = sp.Symbol("eta0", positive=True)  # η_0 ≥ η_1, deterministic
L_w1 = sp.Symbol("L_w1", nonnegative=True)  # L(w_1) − L*
E = {name: sp.Symbol(name, real=True) for name in (
    "E_L_T1", "E_sum_etaprev_grad2", "E_sum_eta_grad2", "E_sum_eta2_g2", "E_sum_g2", "E_sum_grad2", "E_sqrt_eps_sum_g2",
    "E_sum_noise2", "E_sqrt_eps_2noise", "E_sqrt_eps_2noise_2grad", "E_inv_etaT", "E_sqrt_sum_grad2", "E_min_eta_sum_grad2",
    "sigma2_avg", "K", "K_proof", "S")}
X = sp.Symbol("X", nonnegative=True)

#: K as printed at line 1505 (and 1697, 1707): the one definition every bound of sections 10–11 uses
K = printed_K(sp, Delta, c, H, T, G_ell, sigma, eps, G_L)
#: K with the logarithm the corrected Lemma 10.2 gives (ε² kept in the upper limit) and G_L in it (as the proof derives)
K_corr = Delta / c + H * c * sp.log(1 + T * (G_L**2 + sigma**2) / eps**2) / 2 + G_L * G_ell / eps

EXACT = adaptive_sgd_alg7
EXACT_K = adaptive_sgd_alg7.bind(K_defined=True)
DIMS = {Delta: "loss", c: "param", H: "hess", T: "none", G_ell: "grad", sigma: "grad", eps: "grad", G_L: "grad"}
avg_grad = sp.Symbol("avg_grad", positive=True)  # (1/T) E[Σ_t ‖∇L(w_t)‖], for the scaling checks

HYP_10 = [
    "L is H-smooth and G_L-Lipschitz, g_t = ∇ℓ(w_t, z_t) with E[g_t | past] = ∇L(w_t) (z_t i.i.d.)",
    "E[max_{t≤T} ‖g_t‖] ≤ G_ℓ; the families take the smallest such G_ℓ (computed)",
    "η_0 is the deterministic c/ε ≥ η_1 of line 1419",
    "checked on: 1-D Huber L = h̄ρ_δ with two-point noise, every expectation exact over the 2^T paths (T ≤ 4 quick, 8 thorough); "
    "and Monte Carlo on the engine's kernels (Huber, noise laws of one variance: Rademacher, uniform, two-point, sparse)",
]
RUNS_10_1 = ("sum_etaprev_grad2", "sum_eta2_g2", "sum_eta_grad2")


def _sim(alg, measured, values=(), **kw):
    return Simulation(AdaptiveSGDRuns(alg, measured, values, **kw), BOUND)


def _exact(key, rhs, family=EXACT, **kw):
    return InstanceSearch(Measured(family, key), rhs, **kw)


THM_10_1 = L_w1 - E["E_sum_etaprev_grad2"] + H / 2 * E["E_sum_eta2_g2"] + eta0 * G_L * G_ell

CLAIMS = [
    claim(
        "Thm 10.1", 1387, "Adaptive SGD: one-step bound for any causal decreasing learning rates", "expectation bound",
        "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_{t−1}‖∇L(w_t)‖² + (H/2)Σ_t η_t²‖g_t‖²] + η_0 G_L G_ℓ",
        end_line=1417,
        hypotheses=HYP_10 + ["the learning rates are those of Algorithm 7 (and of Algorithm 9 in the exact family's second check): "
                             "non-negative, non-increasing, causal", "L* = 0 on both families, so L(·) − L* = L(·)"],
        symbols={s.name: s for s in (L_w1, H, eta0, G_L, G_ell, E["E_sum_etaprev_grad2"], E["E_sum_eta2_g2"])},
        bound=THM_10_1,
        checks=[
            _exact("E_L_T1", BOUND),
            InstanceSearch(Measured(adaptive_sgd_alg9, "E_L_T1"), BOUND),
            Simulation(AdaptiveSGDRuns("alg7", "L_T1", RUNS_10_1), BOUND),
            Simulation(AdaptiveSGDRuns("alg7", "L_T1", RUNS_10_1, c=5.0, eps=1e-2), BOUND),
        ],
    ),
    claim(
        "Alg 7", 1391, "Adaptive Stochastic Gradient Descent", "algorithm",
        "w_{t+1} = w_t − c g_t/√(ε² + Σ_{i≤t}‖g_i‖²); run as printed it descends on smooth losses",
        end_line=1407,
        hypotheses=["engine kernel adagrad_norm with eps_mode = eps2_inside, lag 0 (sum up to t), no projection",
                    "every Monte Carlo row recomputes η_t from the g_t as printed and reports the largest |w_{t+1} − (w_t − η_t g_t)|"],
        symbols={"L_w1": L_w1}, bound=L_w1,
        checks=[Simulation(AdaptiveSGDRuns("alg7", "L_T1", c=1.0, eps=1e-4), BOUND, part="descends from w_1")],
        notes="measured E[L(w_{T+1})] against L(w_1): the printed algorithm, with ε = 1e-4 as suggested, decreases the loss",
    ),
    claim(
        None, 1421, "Theorem 10.1 applied to Algorithm 7 with G_L = G_ℓ = G", "expectation bound",
        "E[L(w_{T+1})] ≤ E[L(w_1) − Σ_t η_t‖∇L(w_t)‖² + (H/2)Σ_t η_t²‖g_t‖²] + cG²/ε",
        hypotheses=HYP_10 + ["‖g_t‖ ≤ G with probability 1 and G ≥ G_L (the text takes G_L = G_ℓ = G)"],
        symbols={s.name: s for s in (L_w1, H, c, G, eps, E["E_sum_eta_grad2"], E["E_sum_eta2_g2"])},
        bound=L_w1 - E["E_sum_eta_grad2"] + H / 2 * E["E_sum_eta2_g2"] + c * G**2 / eps,
        checks=[_exact("E_L_T1", BOUND), Simulation(AdaptiveSGDRuns("alg7", "L_T1", RUNS_10_1), BOUND)],
        notes="weaker than Theorem 10.1 itself: η_t ≤ η_{t−1}, so −Σ η_t‖∇L‖² ≥ −Σ η_{t−1}‖∇L‖²",
    ),
    claim(
        None, 1427, "rearrangement (back-of-the-envelope)", "expectation bound",
        "E[Σ_t η_t‖∇L(w_t)‖²] ≤ E[Δ + (H/2)Σ_t η_t²‖g_t‖²] + cG²/ε",
        hypotheses=HYP_10 + ["‖g_t‖ ≤ G with probability 1, G ≥ G_L", "Δ = L(w_1) − L*"],
        symbols={s.name: s for s in (Delta, H, c, G, eps, E["E_sum_eta2_g2"])},
        bound=Delta + H / 2 * E["E_sum_eta2_g2"] + c * G**2 / eps,
        checks=[_exact("E_sum_eta_grad2", BOUND), Simulation(AdaptiveSGDRuns("alg7", "sum_eta_grad2", ("sum_eta2_g2",)), BOUND)],
        notes="the text calls this calculation not correct; this rearrangement of line 1421 is in fact valid (L(w_{T+1}) ≥ L*)",
    ),
    claim(
        None, 1431, "η_t²‖g_t‖² with the printed η_t", "identity",
        "Σ_t η_t²‖g_t‖² = c² Σ_t ‖g_t‖²/(ε² + Σ_{i≤t}‖g_i‖²)",
        checks=[Identity((c / sp.sqrt(eps**2 + E["S"])) ** 2 * X, c**2 * X / (eps**2 + E["S"]),
                         domain={E["S"]: Range(sp.Integer(0), sp.oo), X: Range(sp.Integer(0), sp.oo)},
                         note="term by term: X = ‖g_t‖², S = Σ_{i≤t}‖g_i‖² ≥ X")],
    ),
    claim(
        None, 1435, "dividing by η_T inside the expectation (flagged by the text as not correct)", "expectation bound",
        "E[Σ_t ‖∇L(w_t)‖²] ≤ E[Δ/η_T + c² log(T/ε²)/η_T + cG²/(εη_T)] = E[(Δ/c + c log(T/ε²) + G²/ε)√(ε² + Σ_t‖g_t‖²)]",
        hypotheses=HYP_10 + ["‖g_t‖ ≤ G with probability 1, G ≥ G_L", "the text's pretended bound Σ η_t²‖g_t‖² ≤ c² log(T/ε²)"],
        symbols={s.name: s for s in (Delta, c, T, eps, G, E["E_sqrt_eps_sum_g2"])},
        bound=(Delta / c + c * sp.log(T / eps**2) + G**2 / eps) * E["E_sqrt_eps_sum_g2"],
        checks=[
            _exact("E_sum_grad2", BOUND),
            Identity(Delta / (c / X) + c**2 * sp.log(T / eps**2) / (c / X) + c * G**2 / (eps * (c / X)),
                     (Delta / c + c * sp.log(T / eps**2) + G**2 / eps) * X, domain={X: Range(sp.Integer(0), sp.oo, True)},
                     part="the equality", note="X = √(ε² + Σ_t‖g_t‖²) = c/η_T"),
        ],
        notes="the text says these manipulations are not correct (η_T is random; log(T/ε²) is only pretended); the search "
              "decides whether the inequality itself fails: log(T/ε²) < 0 when T < ε²",
    ),
    claim(None, 1439, "assumed rate of the sketch", "rate", "E[Σ_t‖∇L(w_t)‖²] = O(σ log(T)√T) (assumed)",
          checks=[NotCheckable("an assumption made for intuition (“a leap of faith … definitely not logically okay”), not asserted; "
                               "the rates of Theorems 10.3 and 11.1 are fitted in their simulations")]),
    claim(
        None, 1443, "bias–variance decomposition of E[Σ‖g_t‖²]", "identity",
        "E[Σ_t‖g_t‖²] = Σ_t E‖∇L(w_t)‖² + E‖g_t − ∇L(w_t)‖² (= O(σ²T))",
        hypotheses=HYP_10 + ["the sum Σ_t applies to both terms (σ_t² = E‖g_t − ∇L(w_t)‖², Σ_t σ_t² = T·sigma2_avg)"],
        symbols={"E_sum_grad2": E["E_sum_grad2"], "T": T, "sigma2_avg": E["sigma2_avg"]},
        bound=E["E_sum_grad2"] + T * E["sigma2_avg"],
        checks=[_exact("E_sum_g2", BOUND, rel="==")],
    ),
    claim(
        None, 1447, "Jensen for the square root", "expectation bound",
        "E[√(ε² + Σ_t‖g_t‖²)] ≤ √(ε² + E[Σ_t‖g_t‖²]) ≤ ε + O(σ√T)",
        hypotheses=HYP_10,
        symbols={"epsilon": eps, "E_sum_g2": E["E_sum_g2"]}, bound=sp.sqrt(eps**2 + E["E_sum_g2"]),
        checks=[_exact("E_sqrt_eps_sum_g2", BOUND)],
    ),
]

# ---------------------------------------------------------------- Lemma 10.2 and its corollary (lines 1483–1501)

_x, _fb, _I, _S, _A, _J, _x0 = sp.symbols("x f_b I S A J x_0", real=True)
_u = sp.Symbol("u", nonnegative=True)
NONNEG = Range(sp.Integer(0), sp.oo)
REAL = Range(-sp.oo, sp.oo)
integral = sp.Symbol("integral", real=True)


def lemma_10_2_composition(part):
    """The proof of Lemma 10.2 for every T: the per-interval fact (line 1489) summed over [S_{t−1}, S_t] (line 1493)."""
    return LengthInduction(
        "T", state={_S: _x0, _A: 0, _J: 0}, element={_x: NONNEG, _fb: REAL, _I: REAL}, params={_x0: NONNEG},
        given=(sp.Le(_x * _fb, _I),), update={_S: _S + _x, _A: _A + _x * _fb, _J: _J + _I},
        invariant=(_S >= _x0, _A <= _J), goal=sp.Le(_A, _J), part=part,
        meaning={"S": "Σ_{i=0}^t x_i", "A": "Σ_{τ≤t} x_τ f(S_τ)", "J": "∫_{x_0}^{S_t} f (additivity of the integral)",
                 "x": "x_{t+1} ≥ 0", "f_b": "f(S_t + x_{t+1})", "I": "∫_{S_t}^{S_t + x_{t+1}} f"},
        note="given: the per-interval fact (b − a)f(b) ≤ ∫_a^b f of line 1489 with a = S_t, b = S_{t+1} (checked as its own claim)")


_P, _eS = sp.symbols("P S_eps", real=True)
_e2 = sp.Symbol("e2", positive=True)


def product_telescopes(part):
    """Π_t (1 + x_t/(ε² + S_{t−1})) = (ε² + S_T)/ε² for every T (so Σ_t log(1 + u_t) = log((ε² + S_T)/ε²))."""
    return LengthInduction(
        "T", state={_eS: _e2, _P: 1}, element={_x: NONNEG}, params={_e2: Range(sp.Integer(0), sp.oo, True)},
        update={_eS: _eS + _x, _P: _P * (1 + _x / _eS)}, invariant=(_eS >= _e2, sp.Eq(_P * _e2, _eS)),
        goal=sp.Eq(_P, _eS / _e2), part=part,
        meaning={"S_eps": "ε² + Σ_{i≤t}‖g_i‖²", "P": "Π_{τ≤t}(1 + ‖g_τ‖²/(ε² + Σ_{i<τ}‖g_i‖²))", "e2": "ε²", "x": "‖g_{t+1}‖²"})


def corrected_log_bound_checks(rhs):
    """Σ_t x_t/(ε² + Σ_{i≤t} x_i) ≤ log((ε² + Σ_t x_t)/ε²): per term by interval proof, composed by induction, and searched."""
    return [
        InstanceSearch(adagrad_sum, rhs),
        Inequality(_u / (1 + _u), "<=", sp.log(1 + _u), {_u: NONNEG},
                   part="per term: x_t/(ε² + S_t) = u/(1 + u) ≤ log(1 + u), u = x_t/(ε² + S_{t−1}) ≥ 0 (interval proof on [0, ∞))"),
        product_telescopes("the logarithms telescope: Π_t(1 + u_t) = (ε² + S_T)/ε², by induction on T"),
    ]


_S_sum = E["S"]
LOG_PRINTED = sp.log(_S_sum / eps**2)
LOG_CORRECTED = sp.log((eps**2 + _S_sum) / eps**2)
_ROOT_1499 = ("the corollary of Lemma 10.2 at line 1499 takes the upper limit of the integral as Σ_t‖g_t‖² instead of "
              "ε² + Σ_t‖g_t‖² = Σ_{i=0}^T x_i (x_0 = ε²)")

CLAIMS += [
    claim(
        "Lem 10.2", 1483, "sum against integral for a decreasing function", "inequality",
        "Σ_{t=1}^T x_t f(Σ_{i=0}^t x_i) ≤ ∫_{x_0}^{Σ_{i=0}^T x_i} f(x) dx for x_i ≥ 0 and f decreasing",
        end_line=1485,
        hypotheses=["x_0, …, x_T ≥ 0, f: ℝ → ℝ decreasing (non-increasing)",
                    "searched on: f = a/(x+b), b − ax, ae^{−kx} and decreasing step functions (the extremal case), exact integrals, "
                    "x_t = 0 and T = 1 included"],
        symbols={"integral": integral}, bound=integral,
        checks=[InstanceSearch(decreasing_sum, BOUND),
                ProofStep(1493, _A, "<=", _J, lemma_10_2_composition("proof: composition over every T")),
                InstanceSearch(per_interval, integral, part="proof: the per-interval fact (line 1489)")],
        notes="the statement is searched (no violation); its printed proof is checked as a composition, by induction on T, of "
              "the per-interval fact (b − a)f(b) ≤ ∫_a^b f (line 1489), which is itself searched on the step functions",
    ),
    claim(
        None, 1489, "per-interval fact of a decreasing function", "inequality", "(b − a) f(b) ≤ ∫_a^b f(x) dx for f decreasing, a ≤ b",
        hypotheses=["f decreasing on ℝ, a ≤ b (the four shapes of Lemma 10.2's search, including step functions, whose extremal "
                    "case is equality)"],
        symbols={"integral": integral}, bound=integral,
        checks=[InstanceSearch(per_interval, BOUND),
                Inequality(_u / (1 + _u), "<=", sp.log(1 + _u), {_u: NONNEG}, part="for f(x) = 1/x (u = (b − a)/a): interval proof")],
    ),
    claim(
        None, 1493, "Lemma 10.2's proof, summed over t", "inequality",
        "x_t f(S_t) ≤ ∫_{S_{t−1}}^{S_t} f; Σ_t x_t f(S_t) ≤ Σ_t ∫_{S_{t−1}}^{S_t} f = ∫_{x_0}^{S_T} f",
        end_line=1493,
        checks=[lemma_10_2_composition("main")],
        notes="decided given the per-interval fact of line 1489 (its own claim); the union of the intervals is [x_0, S_T]",
    ),
    claim(
        None, 1499, "corollary of Lemma 10.2 for Algorithm 7's step sizes", "inequality",
        "Σ_t ‖g_t‖²/(ε² + Σ_{i≤t}‖g_i‖²) ≤ ∫_{ε²}^{Σ_t‖g_t‖²} dx/x = log(Σ_t‖g_t‖²/ε²)",
        end_line=1501,
        hypotheses=["any ‖g_t‖² ≥ 0 and ε > 0 (the corollary is deterministic); f(x) = 1/x, x_0 = ε², x_t = ‖g_t‖²",
                    "the family measures c²Σ_t…; c = 1 is among its values and the relation is homogeneous in c²"],
        symbols={"c": c, "S": _S_sum, "epsilon": eps}, bound=c**2 * LOG_PRINTED,
        checks=[InstanceSearch(adagrad_sum, BOUND),
                Identity(sp.integrate(1 / _u, (_u, eps**2, _S_sum)), LOG_PRINTED,
                         domain={_S_sum: Range(sp.Integer(0), sp.oo, True), eps: Range(sp.Integer(0), sp.oo, True)},
                         part="the integral equals the logarithm")],
        corrected=Corrected(
            "Σ_t ‖g_t‖²/(ε² + Σ_{i≤t}‖g_i‖²) ≤ ∫_{ε²}^{ε² + Σ_t‖g_t‖²} dx/x = log((ε² + Σ_t‖g_t‖²)/ε²)",
            _ROOT_1499 + "; with the upper limit Σ_{i=0}^T x_i of Lemma 10.2 the bound holds (and is ≥ 0)",
            corrected_log_bound_checks(c**2 * LOG_CORRECTED), bound=c**2 * LOG_CORRECTED),
        notes="refuted at the smallest index: T = 1, ‖g_1‖² = ε² gives 1/2 on the left and log 1 = 0 on the right. " + _ROOT_1499,
    ),
]

# ---------------------------------------------------------------- Theorem 10.3 (lines 1503–1509)

THM_10_3 = (K * sp.sqrt(2) + sp.sqrt(K) * eps) / sp.sqrt(T) + sp.sqrt(K) * sigma / T ** sp.Rational(1, 4)
THM_10_3_CORR = ((K_corr * sp.sqrt(2) + sp.sqrt(K_corr * eps)) / sp.sqrt(T)
                 + sp.sqrt(K_corr) * (2 * sigma**2) ** sp.Rational(1, 4) / T ** sp.Rational(1, 4))
HYP_10_3 = HYP_10 + [
    "Δ = L(w_t) − L(w_*) read as L(w_1) − L(w_*) (the only Δ the proof uses, line 1541)",
    "σ² ≥ E‖g_t − ∇L(w_t)‖² for all t (σ = 0 allowed: noise-free instances); √K is taken only where K > 0 (elsewhere the "
    "printed right side is not a real number and the instance is skipped)",
]
RUNS_10_3 = dict(c=1.0, eps=0.1)


def theorem_10_3(label, line, end_line, printed_bound, title, extra_notes=""):
    return claim(
        label, line, title, "expectation bound",
        "(1/T) E[Σ_t ‖∇L(w_t)‖] ≤ " + printed_bound, end_line=end_line,
        hypotheses=HYP_10_3,
        symbols={s.name: s for s in (Delta, c, H, T, G_ell, sigma, eps, G_L)},
        bound=THM_10_3 if line == 1503 else THM_10_3_AGAIN,
        checks=[_exact("avg_grad", BOUND, family=EXACT_K),
                _sim("alg7", "avg_grad", **RUNS_10_3),
                *([Scaling(avg_grad, BOUND, {**DIMS, avg_grad: "grad"})] if line != 1503 else [])],
        corrected=Corrected(
            "(1/T) E[Σ_t ‖∇L(w_t)‖] ≤ (K′√2 + √(K′ε))/√T + √K′ (2σ²)^{1/4}/T^{1/4}, "
            "K′ = Δ/c + Hc log(1 + T(G_L² + σ²)/ε²)/2 + G_L G_ℓ/ε",
            _ROOT_1499 + "; the proof also drops the factor 2 of 2E[Σ‖g_t − ∇L(w_t)‖²] at line 1583 and takes "
            "(ε² + Tσ²)^{1/4} ≤ ε + σT^{1/4} at line 1595 (true only as √ε + √σ T^{1/4}); with these three repairs the proof goes through",
            [_exact("avg_grad", THM_10_3_CORR), Simulation(AdaptiveSGDRuns("alg7", "avg_grad", **RUNS_10_3), THM_10_3_CORR),
             Scaling(avg_grad, THM_10_3_CORR, {**DIMS, avg_grad: "grad"})],
            bound=THM_10_3_CORR),
        notes=_ROOT_1499 + extra_notes,
    )


THM_10_3_AGAIN = (K * sp.sqrt(2) + sp.sqrt(K * eps)) / sp.sqrt(T) + sp.sqrt(K * sigma) / T ** sp.Rational(1, 4)

CLAIMS += [
    theorem_10_3("Thm 10.3", 1503, 1509, "(K√2 + √K ε)/√T + √K σ/T^{1/4}, K = Δ/c + Hc log(T(G_ℓ² + σ²)/ε²)/2 + G_L G_ℓ/ε",
                 "convergence of Algorithm 7",
                 "; also √K ε and √K σ do not scale like a gradient (the restatement at line 1695 prints √(Kε) and √(Kσ))"),
    claim(None, 1505, "K = O(log T)", "rate", "K = Δ/c + Hc log(T(G_ℓ² + σ²)/ε²)/2 + G_L G_ℓ/ε = O(log(T))",
          checks=[Limit(K, H * c * sp.log(T) / 2, T, sp.oo,
                        note="K/(Hc log(T)/2) → 1: K = O(log T) with the constant Hc/2 (Δ, c, H, G_ℓ, σ, ε, G_L fixed)")]),
]

# ---------------------------------------------------------------- auxiliary results (lines 1617–1665)

from optverify.counterexamples.families.young import finite_cs, young  # noqa: E402

_p, _q, _lam, _a, _b = sp.symbols("p q lambda a b", positive=True)  # a = ‖X‖, b = ‖Y‖
_R = _a**_p / (_p * _lam**_p) + _lam**_q * _b**_q / _q  # the right side of Young's inequality, as a function of λ
_LAM_STAR = _a ** (_p / (_p + _q)) / _b ** (_q / (_p + _q))
_xs = sp.symbols("x1:4_1:3", real=True)  # three atoms of X in ℝ²
_ys = sp.symbols("y1:3", real=True)
_pr = sp.symbols("p1:3", positive=True)


def _bias_variance_sides():
    probs = (_pr[0], _pr[1], 1 - _pr[0] - _pr[1])
    atoms = [(_xs[2 * j], _xs[2 * j + 1]) for j in range(3)]
    mean = [sum(pj * at[k] for pj, at in zip(probs, atoms)) for k in range(2)]
    sq = lambda v: v[0] ** 2 + v[1] ** 2  # noqa: E731
    lhs = sum(pj * sq([at[k] - _ys[k] for k in range(2)]) for pj, at in zip(probs, atoms))
    rhs = sq([_ys[k] - mean[k] for k in range(2)]) + sum(pj * sq([at[k] - mean[k] for k in range(2)]) for pj, at in zip(probs, atoms))
    cross = 2 * sum(pj * sum((at[k] - mean[k]) * (mean[k] - _ys[k]) for k in range(2)) for pj, at in zip(probs, atoms))
    return lhs, rhs, cross


_BV_L, _BV_R, _BV_CROSS = _bias_variance_sides()
_ea, _eb = sp.symbols("E_A2 E_B2", positive=True)
_A, _B = sp.symbols("A B", real=True)

CLAIMS += [
    claim("Prop 10.4", 1617, "bias–variance decomposition", "identity", "E‖X − Y‖² = ‖Y − E[X]‖² + E‖X − E[X]‖²",
          end_line=1619,
          hypotheses=["decided symbolically for a random X ∈ ℝ² with three atoms of arbitrary positions and probabilities "
                      "(both sides are sums over coordinates and atoms of the same quadratic polynomial)"],
          checks=[Identity(_BV_L, _BV_R)]),
    claim(None, 1623, "expanding the square; the cross term vanishes", "identity",
          "E‖X − Y‖² = … = ‖Y − E[X]‖² + E‖X − E[X]‖² + 2⟨E[X − E[X]], E[X] − Y⟩ = ‖Y − E[X]‖² + E‖X − E[X]‖²",
          checks=[Identity(_BV_CROSS, sp.Integer(0), part="2E⟨X − E[X], E[X] − Y⟩ = 0"),
                  Identity(_BV_L, _BV_R + _BV_CROSS, part="the expansion")]),
    claim("Prop 10.5", 1629, "Young inequality", "inequality", "⟨X, Y⟩ ≤ ‖X‖^p/(pλ^p) + λ^q‖Y‖^q/q for λ > 0, 1/p + 1/q = 1",
          end_line=1631,
          hypotheses=["p > 1, q = p/(p − 1) (non-negative p, q with 1/p + 1/q = 1); searched with X, Y ∈ ℝ²"],
          symbols={"young_rhs": sp.Symbol("young_rhs")}, bound=sp.Symbol("young_rhs"),
          checks=[InstanceSearch(young, BOUND),
                  Semialgebraic(_a * _b, "<=", _a**2 / (2 * _lam**2) + _lam**2 * _b**2 / 2, {_a: NONNEG, _b: NONNEG, _lam: Range(sp.Integer(0), sp.oo, True)},
                                part="p = q = 2, with ⟨X, Y⟩ ≤ ‖X‖‖Y‖ (z3)")]),
    claim(None, 1635, "first derivative in λ", "identity", "d/dλ RHS = −‖X‖^p/λ^{p+1} + λ^{q−1}‖Y‖^q",
          checks=[Identity(sp.diff(_R, _lam), -_a**_p / _lam ** (_p + 1) + _lam ** (_q - 1) * _b**_q)]),
    claim(None, 1639, "second derivative in λ", "inequality", "(p + 1)‖X‖^p/λ^{p+2} + (q − 1)λ^{q−2}‖Y‖^q ≥ 0",
          checks=[Identity(sp.diff(_R, _lam, 2), (_p + 1) * _a**_p / _lam ** (_p + 2) + (_q - 1) * _lam ** (_q - 2) * _b**_q,
                           part="it is the second derivative"),
                  Semialgebraic((_p + 1) * _a**2 + (_q - 1) * _b**2, ">=", 0, {_p: NONNEG, _q: Range(sp.Integer(1), sp.oo), _a: NONNEG, _b: NONNEG},
                                part="≥ 0 for q ≥ 1 (each term: a non-negative coefficient times a positive power)")]),
    claim(None, 1643, "the minimum value at λ* = ‖X‖^{p/(p+q)}/‖Y‖^{q/(p+q)}", "identity",
          "RHS(λ*) = ‖X‖^{p−p²/(p+q)}‖Y‖^{pq/(p+q)}/p + ‖Y‖^{q−q²/(p+q)}‖X‖^{pq/(p+q)}/q = ‖X‖^{pq/(p+q)}‖Y‖^{pq/(p+q)}(1/p + 1/q)",
          checks=[Identity(sp.diff(_R, _lam).subs(_lam, _LAM_STAR), sp.Integer(0), part="λ* solves the first-order condition"),
                  Identity(_R.subs(_lam, _LAM_STAR),
                           _a ** (_p - _p**2 / (_p + _q)) * _b ** (_p * _q / (_p + _q)) / _p
                           + _b ** (_q - _q**2 / (_p + _q)) * _a ** (_p * _q / (_p + _q)) / _q, part="the value at λ*"),
                  Identity(_a ** (_p - _p**2 / (_p + _q)), _a ** (_p * _q / (_p + _q)), part="p − p²/(p+q) = pq/(p+q)")]),
    claim(None, 1647, "1/p + 1/q = (p + q)/pq", "identity", "1 = 1/p + 1/q = (p + q)/(pq)",
          checks=[Identity(1 / _p + 1 / _q, (_p + _q) / (_p * _q))]),
    claim(None, 1651, "the minimum is ‖X‖‖Y‖", "identity", "‖X‖‖Y‖/p + ‖Y‖‖X‖/q = ‖X‖‖Y‖",
          hypotheses=["1/p + 1/q = 1, i.e. q = p/(p − 1), p > 1"],
          checks=[Identity((_a * _b / _p + _b * _a / _q).subs(_q, _p / (_p - 1)), _a * _b)]),
    claim("Prop 10.6", 1657, "Cauchy–Schwarz for random variables", "inequality", "E[AB] ≤ √(E[A²]E[B²])",
          end_line=1659, hypotheses=["searched on random pairs (A, B) with up to 5 atoms"],
          symbols={"cs_rhs": sp.Symbol("cs_rhs")}, bound=sp.Symbol("cs_rhs"),
          checks=[InstanceSearch(finite_cs, BOUND)]),
    claim(None, 1663, "Young with p = q = 2 in expectation", "inequality", "E[AB] ≤ E[A²]/(2λ²) + λ²E[B²]/2",
          checks=[Semialgebraic(_A * _B, "<=", _A**2 / (2 * _lam**2) + _lam**2 * _B**2 / 2, {_A: REAL, _B: REAL, _lam: Range(sp.Integer(0), sp.oo, True)},
                                note="pointwise, hence in expectation")]),
    claim(None, 1665, "the choice of λ that concludes Proposition 10.6", "identity",
          "with λ = E[A²]/E[B²]: E[A²]/(2λ²) + λ²E[B²]/2 = √(E[A²]E[B²])",
          printed="Now, set  $\\lambda = \\frac{\\mathbb{E}[A^2]}{\\mathbb{E}[B^2]}$  to conclude the desired result.",
          checks=[Identity((_ea / (2 * _lam**2) + _lam**2 * _eb / 2).subs(_lam, _ea / _eb), sp.sqrt(_ea * _eb))],
          corrected=Corrected("set λ = (E[A²]/E[B²])^{1/4}", "the right side is minimised at λ⁴ = E[A²]/E[B²]; λ = E[A²]/E[B²] "
                              "gives E[B²]²/(2E[A²]) + E[A²]²/(2E[B²]) ≥ √(E[A²]E[B²])",
                              [Identity((_ea / (2 * _lam**2) + _lam**2 * _eb / 2).subs(_lam, (_ea / _eb) ** sp.Rational(1, 4)), sp.sqrt(_ea * _eb))]),
          notes="the printed choice of λ does not conclude the proof (the proposition itself holds)"),
]
