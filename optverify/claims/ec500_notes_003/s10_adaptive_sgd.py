"""003 section 10 (lines 1383–1511): adaptive SGD — Theorem 10.1, Algorithm 7, Lemma 10.2, Theorem 10.3.

Symbols of the section: c (the learning-rate scale of Algorithm 7), Δ, G_L (Lipschitz constant of L),
G_ℓ (E[max_t ‖g_t‖] ≤ G_ℓ), η_0 (a deterministic η_0 ≥ η_1; the notes take c/ε, line 1419), and the
expectations a right-hand side takes inside E[·] (E_sum_… symbols), which the families compute.

Two families decide the stochastic statements:

- ``adaptive_sgd_huber`` (exact): 1-D Huber loss, two-point noise, every expectation summed over
  the 2^T paths at 50 digits on replay; H, G_L, G_ℓ, G and σ are computed, not assumed;
- ``AdaptiveSGDRuns`` (Monte Carlo on the engine's kernels, long horizons, several noise laws of one
  variance, (1 − 1e-6) intervals, fitted exponents).

Root cause of the refutations of this range: the corollary of Lemma 10.2 at line 1499 drops ε² from
the upper limit of the integral (∫_{ε²}^{Σ‖g‖²} instead of ∫_{ε²}^{ε² + Σ‖g‖²}), so the logarithm of
K can be negative; K of Theorem 10.3 (and 11.1) inherits it.
"""

from __future__ import annotations

import sympy as sp

from optverify import BOUND, Corrected, Identity, InstanceSearch, LengthInduction, NotCheckable, ProofStep, Scaling, Semialgebraic, Simulation
from optverify.claims.ec500_notes_003._common import H, T, claim, sigma
from optverify.notation import eps
from optverify.claims.specs import Range
from optverify.counterexamples.adaptive_sgd_mc import AdaptiveSGDRuns
from optverify.counterexamples.families.adaptive_sgd_exact import adaptive_sgd_huber, printed_K
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

EXACT = adaptive_sgd_huber.bind(variant="alg7")
EXACT_K = adaptive_sgd_huber.bind(variant="alg7", K_defined=True)
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
            InstanceSearch(Measured(adaptive_sgd_huber.bind(variant="alg9"), "E_L_T1"), BOUND),
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
