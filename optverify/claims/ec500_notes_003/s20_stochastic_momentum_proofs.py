"""003 §20, proofs of Lemma 20.2 (lines 2813–2886) and Theorem 20.3 (lines 2892–2948), step by step.

Norms are non-negative reals: a = ‖ε_t‖, c = ‖∇L(w_t)‖, u = ‖∇L(w_t) − ∇L(w_{t+1})‖, p = ⟨ε_t, ∇L(w_t) − ∇L(w_{t+1})⟩
(|p| ≤ au), s = E‖r_{t+1}‖² ≤ σ²; expectations of these are what the displays write as E[·]."""

from __future__ import annotations

import sympy as sp

import optverify as ov
from optverify.claims.ec500_notes_003._common import H, T, claim, eta, sigma
from optverify.notation import alpha, lam

R = sp.Rational
real = lambda name: sp.Symbol(name, real=True)  # noqa: E731
nn = lambda name: sp.Symbol(name, nonnegative=True)  # noqa: E731
SQ3 = sp.sqrt(3)

a, c, u, p, s, E2n = nn("a"), nn("c"), nn("u"), real("p"), nn("s"), nn("E2")  # E2n: E‖ε_{t+1}‖²
e, gt, g1, r1, m = (real(x) for x in ("e", "gL_t", "gL_t1", "r_t1", "m_t"))
dw, mn = nn("dw"), nn("mnorm")
Delta = sp.Symbol("Delta", positive=True)
A = 32 * SQ3 * H * Delta + 12 * sigma**2
BOX = {a: ov.closed(0, 10), c: ov.closed(0, 10), u: ov.closed(0, 10), p: ov.closed(-100, 100), s: ov.closed(0, 100),
       E2n: ov.closed(0, 1000), alpha: ov.left_open(0, R(1, 2)), H: ov.left_open(0, 10), eta: ov.left_open(0, 10),
       sigma: ov.left_open(0, 10), lam: ov.left_open(0, 100)}
E_NEXT = (1 - alpha) ** 2 * (a**2 + 2 * p + u**2) + alpha**2 * s  # E‖ε_{t+1}‖² given the state (line 2835, first line)
COEF_A = (1 - alpha) ** 2 + 1 / lam + 2 * lam * H**2 * eta**2 + 2 * H**2 * eta**2
SMOOTH_STEP = (p <= a * u, u <= H * eta * (c + a), s <= sigma**2)
eta_printed = alpha / sp.sqrt(48 * H)
eta_read = alpha / (sp.sqrt(48) * H)
Phi1, PhiT = real("Phi_1"), real("Phi_T1")
S_ = nn("S")  # Σ_t E‖∇L(w_t)‖²
L1v, LT, e1, eT = real("L_w1"), real("L_wT1"), nn("eps1_sq"), nn("epsT1_sq")
Ls = real("L_star")

CLAIMS = [
    claim(None, 2815, "the noise r_t and its mean", "definition", "r_t = ∇ℓ(w_t, z_t) − ∇L(w_t), E[r_t] = 0", end_line=2821,
          checks=[ov.NotCheckable("the definition of r_t (line 2733) again and the assumption E∇ℓ(w, z) = ∇L(w)")]),
    claim(None, 2825, "the recursion of the momentum error", "identity",
          "ε_{t+1} = (1 − α)ε_t + (1 − α)(∇L(w_t) − ∇L(w_{t+1})) + αr_{t+1}",
          hypotheses=["α_t (line 2827) read as α; one coordinate (the identity is linear); m_{t+1} = (1 − α)m_t + α∇ℓ(w_{t+1}, z_{t+1}), "
                      "∇ℓ(w_{t+1}, z_{t+1}) = ∇L(w_{t+1}) + r_{t+1}, ε_t = m_t − ∇L(w_t)"],
          checks=[ov.Identity((1 - alpha) * m + alpha * (g1 + r1) - g1, (1 - alpha) * (m - gt) + (1 - alpha) * (gt - g1) + alpha * r1)]),
    claim(None, 2835, "the squared error", "inequality",
          "E‖ε_{t+1}‖² = (1 − α)²E‖ε_t‖² + 2(1 − α)²E⟨ε_t, Δ_t⟩ + (1 − α)²E‖Δ_t‖² + α²E‖r_{t+1}‖² ≤ … + α²σ²",
          hypotheses=["Δ_t = ∇L(w_t) − ∇L(w_{t+1}); one coordinate (e, d, r); the cross term 2α(1 − α)(e + d)r has mean 0 "
                      "(r_{t+1} independent of the past, E r = 0) and is removed; then E r² ≤ σ²"],
          checks=[ov.Identity(sp.expand(((1 - alpha) * (e + u) + alpha * r1) ** 2 - 2 * alpha * (1 - alpha) * (e + u) * r1),
                              (1 - alpha) ** 2 * e**2 + 2 * (1 - alpha) ** 2 * e * u + (1 - alpha) ** 2 * u**2 + alpha**2 * r1**2,
                              part="the equality"),
                  ov.Semialgebraic(E_NEXT, "<=", (1 - alpha) ** 2 * (a**2 + 2 * p + u**2) + alpha**2 * sigma**2, BOX,
                                   given=(s <= sigma**2,), part="E‖r‖² ≤ σ²")]),
    claim(None, 2844, "smoothness bounds the gradient change", "inequality",
          "‖∇L(w_t) − ∇L(w_{t+1})‖ ≤ H‖w_t − w_{t+1}‖ ≤ Hη‖m_t‖ ≤ Hη(‖∇L(w_t)‖ + ‖ε_t‖)",
          hypotheses=["H-smooth: u ≤ H·dw; dw = ‖w_t − w_{t+1}‖ = η‖m_t‖; ‖m_t‖ ≤ ‖∇L‖ + ‖ε_t‖ (triangle inequality)"],
          checks=[ov.Semialgebraic(u, "<=", H * eta * (c + a), {**BOX, dw: ov.closed(0, 100), mn: ov.closed(0, 100)},
                                   given=(u <= H * dw, dw == eta * mn, mn <= c + a))]),
    claim(None, 2852, "Young's inequality for the cross term", "inequality",
          "⟨ε_t, ∇L(w_t) − ∇L(w_{t+1})⟩ ≤ ‖ε_t‖²/(2λ) + λH²η²(‖∇L(w_t)‖² + ‖ε_t‖²)",
          hypotheses=["p ≤ au (Cauchy–Schwarz), u ≤ Hη(c + a) (line 2844), any λ > 0"],
          checks=[ov.Semialgebraic(p, "<=", a**2 / (2 * lam) + lam * H**2 * eta**2 * (c**2 + a**2), BOX, given=SMOOTH_STEP[:2])]),
    claim(None, 2856, "the error recursion collected", "inequality",
          "E‖ε_{t+1}‖² ≤ [(1 − α)² + 1/λ + 2λH²η² + 2H²η²]E‖ε_t‖² + [2λH²η² + H²η²]E‖∇L(w_t)‖² + α²σ²",
          hypotheses=["lines 2835, 2844, 2852 and (1 − α)² ≤ 1; any λ > 0; the state (a, c, u, p, s) as in the module note"],
          checks=[ov.Semialgebraic(E_NEXT, "<=", COEF_A * a**2 + (2 * lam * H**2 * eta**2 + H**2 * eta**2) * c**2 + alpha**2 * sigma**2,
                                   BOX, given=SMOOTH_STEP)],
          corrected=ov.Corrected("… + [2λH²η² + 2H²η²]E‖∇L(w_t)‖² + α²σ²",
                                 "(1 − α)²‖Δ_t‖² ≤ H²η²(‖∇L‖ + ‖ε‖)² ≤ 2H²η²(‖∇L‖² + ‖ε‖²) contributes 2H²η², not H²η², to ‖∇L‖²",
                                 checks=[ov.Semialgebraic((1 - alpha) ** 2 * (a**2 + 2 * p + nn("U")) + alpha**2 * s, "<=",
                                                          ((1 - alpha) ** 2 + 1 / lam + 2 * lam * nn("x")**2 + 2 * nn("x")**2) * a**2
                                                          + (2 * lam * nn("x")**2 + 2 * nn("x")**2) * c**2 + alpha**2 * sigma**2,
                                                          {**{k: v for k, v in BOX.items() if k not in (H, eta, u)}, nn("U"): ov.closed(0, 100),
                                                           nn("x"): ov.closed(0, 10)},
                                                          given=(p <= a**2 / (2 * lam) + lam * nn("U") / 2, nn("U") <= 2 * nn("x")**2 * (c**2 + a**2),
                                                                 s <= sigma**2),
                                                          note="x = Hη, U = ‖Δ_t‖² ≤ H²η²(‖∇L‖ + ‖ε‖)² ≤ 2x²(c² + a²); p bounded by Young "
                                                               "(λ/2)‖Δ_t‖² + ‖ε‖²/(2λ) as line 2852 before its last step")]),
          notes="harmless for Lemma 20.2: the next step bounds the coefficient by 4λH²η², which also covers 2λH²η² + 2H²η² (λ ≥ 1)"),
    claim(None, 2860, "the heuristic recursion", "approximation",
          "E‖ε_{t+1}‖² ≤ (1 − α)E‖ε_t‖² + O(η²/α E‖∇L‖² + α²σ²)",
          checks=[ov.NotCheckable("'something like', 'discarding many constants': a heuristic; its exact form is line 2880")]),
    claim(None, 2864, "the equilibrium of the recursion", "identity",
          "a fixed point e = (1 − α)e + η²/α·c + α²σ² has ηe = (η³/α²)c + αησ²",
          hypotheses=["the O(·) of line 2860 with constant 1; e, c stand for E‖ε‖², E‖∇L‖²"],
          checks=[ov.Identity(eta * sp.solve(sp.Eq(real("x"), (1 - alpha) * real("x") + eta**2 / alpha * c + alpha**2 * sigma**2), real("x"))[0],
                              eta**3 / alpha**2 * c + alpha * eta * sigma**2)]),
    claim(None, 2870, "the three conditions", "inequality",
          "α ≤ 1/2, λ = 2/α, η ≤ α/(4H) make α², 1/λ and 2H²(λ + 1)η² each at most α/2", end_line=2874,
          checks=[ov.Semialgebraic(alpha**2, "<=", alpha / 2, BOX, part="α² ≤ α/2"),
                  ov.Semialgebraic(2 * H**2 * (2 / alpha + 1) * eta**2, "<=", alpha / 2, BOX, given=(4 * H * eta <= alpha,),
                                   part="2H²(λ + 1)η² ≤ α/2")]),
    claim(None, 2876, "the coefficient of E‖ε_t‖²", "identity",
          "with the three conditions, (1 − α)² + 1/λ + 2λH²η² + 2H²η² = 1 − α/2",
          printed="we will have  $(1 - \\alpha)^2 + \\frac{1}{\\lambda} + 2\\lambda H^2\\eta^2 + 2H^2\\eta^2 = 1 - \\frac{1}{2}\\alpha \\leq 1 - \\frac{1}{2}\\alpha$",
          hypotheses=["λ = 2/α, η ≤ α/(4H), α ≤ 1/2"],
          checks=[ov.Semialgebraic(COEF_A.subs(lam, 2 / alpha), "==", 1 - alpha / 2, BOX, given=(4 * H * eta <= alpha,))],
          corrected=ov.Corrected("(1 − α)² + 1/λ + 2λH²η² + 2H²η² ≤ 1 − α/2", "the conditions give an inequality, not an equality",
                                 checks=[ov.Semialgebraic(COEF_A.subs(lam, 2 / alpha), "<=", 1 - alpha / 2, BOX, given=(4 * H * eta <= alpha,))])),
    claim(None, 2880, "the contraction of the error", "inequality",
          "E‖ε_{t+1}‖² ≤ (1 − α/2)E‖ε_t‖² + 8H²η²/α E‖∇L‖² + α²σ², so (3η/(2α))E[‖ε_{t+1}‖² − ‖ε_t‖²] ≤ −(3η/4)E‖ε_t‖² "
          "+ (6H²η³/α²)E‖∇L‖² + (3ηα/4)σ²",
          hypotheses=["λ = 2/α, η ≤ α/(4H), α ≤ 1/2; each line from the one before (E2 = E‖ε_{t+1}‖²)"],
          checks=[ov.Semialgebraic(2 * lam * H**2 * eta**2 + H**2 * eta**2, "<=", 4 * lam * H**2 * eta**2, BOX, given=(lam >= 1,),
                                   part="line 2: 2λH²η² + H²η² ≤ 4λH²η² (λ = 2/α ≥ 4)"),
                  ov.Identity(4 * (2 / alpha) * H**2 * eta**2, 8 * H**2 * eta**2 / alpha, part="line 3: 4λH²η² = 8H²η²/α"),
                  ov.Semialgebraic(3 * eta / (2 * alpha) * (E2n - a**2), "<=",
                                   -3 * eta / 4 * a**2 + 6 * H**2 * eta**3 / alpha**2 * c**2 + 3 * eta * alpha / 4 * sigma**2, BOX,
                                   given=(E2n <= (1 - alpha / 2) * a**2 + 8 * H**2 * eta**2 / alpha * c**2 + alpha**2 * sigma**2,),
                                   part="line 4: multiplied by 3η/(2α)")],
          notes="3η/(2α) × 8H²η²/α = 12H²η³/α² and 3η/(2α) × α²σ² = 3ηασ²/2: the printed 6 and 3/4 are half of these "
                "(root cause of Lemma 20.2's failure with the corrected η)"),
    claim(None, 2882, "the step α/√(48H) satisfies η ≤ α/(4H)", "inequality", "α/√(48H) ≤ α/(4H)",
          printed="Now, if we set  $\\eta = \\frac{\\alpha}{\\sqrt{48H}}$  (which satisfies  $\\eta \\leq \\frac{\\alpha}{4H}$ )",
          checks=[ov.Semialgebraic(eta_printed, "<=", alpha / (4 * H), {alpha: ov.left_open(0, R(1, 2)), H: ov.left_open(0, 10)})],
          corrected=ov.Corrected("η = α/(√48·H) ≤ α/(4H)", "the H belongs outside the root (as line 2922 uses it)",
                                 checks=[ov.Semialgebraic(eta_read, "<=", alpha / (4 * H), {alpha: ov.left_open(0, R(1, 2)), H: ov.left_open(0, 10)})])),
    claim(None, 2884, "the simplification at η = α/√(48H)", "identity",
          "(6H²η³/α²)E‖∇L‖² + (3ηα/4)σ² = (η/8)E‖∇L‖² + 3√3Hη²σ²",
          hypotheses=["η = α/√(48H) as printed; checked on the coefficients"],
          checks=[ov.Identity((6 * H**2 * eta**3 / alpha**2).subs(eta, eta_printed), (eta / 8).subs(eta, eta_printed), part="E‖∇L‖²"),
                  ov.Identity((3 * eta * alpha / 4).subs(eta, eta_printed), (3 * SQ3 * H * eta**2).subs(eta, eta_printed), part="σ²")],
          corrected=ov.Corrected("with η = α/(√48·H) the two coefficients are η/8 and 3√3Hη²", "the H belongs outside the root",
                                 checks=[ov.Identity((6 * H**2 * eta**3 / alpha**2).subs(eta, eta_read), (eta / 8).subs(eta, eta_read)),
                                         ov.Identity((3 * eta * alpha / 4).subs(eta, eta_read), (3 * SQ3 * H * eta**2).subs(eta, eta_read))])),
    claim(None, 2886, "the potential's coefficient", "identity", "3η/(2α) = √3/(8H)",
          printed="And the Lemma follows by observing  $\\frac{3\\eta}{2\\alpha} = \\frac{\\sqrt{3}}{8H}$",
          hypotheses=["η = α/√(48H) as printed"],
          checks=[ov.Identity((3 * eta / (2 * alpha)).subs(eta, eta_printed), SQ3 / (8 * H))],
          corrected=ov.Corrected("with η = α/(√48·H): 3η/(2α) = √3/(8H)", "the H belongs outside the root",
                                 checks=[ov.Identity((3 * eta / (2 * alpha)).subs(eta, eta_read), SQ3 / (8 * H))])),
    # ------------------------------------------------------------ Theorem 20.3's proof
    claim(None, 2894, "the potential", "definition", "Φ_t = L(w_t) + (√3/(8H))‖ε_t‖²",
          checks=[ov.NotCheckable("definition of the potential Φ_t")]),
    claim(None, 2898, "the change of the potential", "identity",
          "E[Φ_{t+1} − Φ_t] = E[L(w_{t+1}) − L(w_t) + (√3/(8H))‖ε_{t+1}‖² − (√3/(8H))‖ε_t‖²]",
          checks=[ov.Identity((real("L_n") + SQ3 / (8 * H) * real("e_n")) - (real("L_o") + SQ3 / (8 * H) * real("e_o")),
                              real("L_n") - real("L_o") + SQ3 / (8 * H) * real("e_n") - SQ3 / (8 * H) * real("e_o"))]),
    claim(None, 2902, "Lemmas 20.1 and 20.2 added", "inequality",
          "E[Φ_{t+1} − Φ_t] ≤ −(η/4)E‖∇L‖² + (3η/4)E‖ε‖² − (3η/4)E‖ε‖² + (η/8)E‖∇L‖² + 3√3Hη²σ² = −(η/8)E‖∇L‖² + 3√3η²σ²",
          end_line=2906,
          hypotheses=["Lemma 20.1 and Lemma 20.2 as printed, given; values c2 = E‖∇L‖², a2 = E‖ε‖²"],
          checks=[ov.Identity(-eta / 4 * nn("c2") + 3 * eta / 4 * nn("a2") - 3 * eta / 4 * nn("a2") + eta / 8 * nn("c2")
                              + 3 * SQ3 * H * eta**2 * sigma**2, -eta / 8 * nn("c2") + 3 * SQ3 * eta**2 * sigma**2,
                              domain={H: ov.left_open(0, 10)})],
          corrected=ov.Corrected("= −(η/8)E‖∇L‖² + 3√3Hη²σ²", "the factor H of Lemma 20.2's last term is dropped",
                                 checks=[ov.Identity(-eta / 4 * nn("c2") + eta / 8 * nn("c2") + 3 * SQ3 * H * eta**2 * sigma**2,
                                                     -eta / 8 * nn("c2") + 3 * SQ3 * H * eta**2 * sigma**2)])),
    claim(None, 2910, "summed over t", "inequality", "E[Φ_{T+1} − Φ_1] ≤ −(η/8)Σ E‖∇L‖² + 3√3σTHη²",
          hypotheses=["T copies of line 2906 with its H restored (−(η/8)E‖∇L‖² + 3√3Hη²σ²), telescoped; S = Σ E‖∇L‖²"],
          checks=[ov.Identity(-eta / 8 * S_ + T * 3 * SQ3 * H * eta**2 * sigma**2, -eta / 8 * S_ + 3 * SQ3 * sigma * T * H * eta**2)],
          corrected=ov.Corrected("E[Φ_{T+1} − Φ_1] ≤ −(η/8)Σ E‖∇L‖² + 3√3σ²THη²", "σ² (a variance), not σ",
                                 checks=[ov.Identity(-eta / 8 * S_ + T * 3 * SQ3 * H * eta**2 * sigma**2,
                                                     -eta / 8 * S_ + 3 * SQ3 * sigma**2 * T * H * eta**2)])),
    claim(None, 2914, "rearranged", "inequality", "Σ E‖∇L‖² ≤ (8/η)E[Φ_1 − Φ_{T+1}] + 24√3TηHσ²",
          hypotheses=["line 2910 with σ² (its corrected form)"],
          checks=[ov.Semialgebraic(S_, "<=", 8 / eta * (Phi1 - PhiT) + 24 * SQ3 * T * eta * H * sigma**2,
                                   {S_: ov.closed(0, 1000), Phi1: ov.closed(-100, 100), PhiT: ov.closed(-100, 100), eta: ov.left_open(0, 10),
                                    H: ov.left_open(0, 10), sigma: ov.left_open(0, 10), T: ov.integers(1, 100)},
                                   given=(PhiT - Phi1 <= -eta / 8 * S_ + 3 * SQ3 * sigma**2 * T * H * eta**2,))]),
    claim(None, 2918, "the initial potential", "inequality", "E[Φ_1 − Φ_{T+1}] ≤ Δ + √3σ²/(8H)",
          hypotheses=["L(w_{T+1}) ≥ L_*, Δ = L(w_1) − L_*, E‖ε_1‖² = E‖r_1‖² ≤ σ², ‖ε_{T+1}‖² ≥ 0"],
          checks=[ov.Semialgebraic(L1v - LT + SQ3 / (8 * H) * e1 - SQ3 / (8 * H) * eT, "<=", Delta + SQ3 * sigma**2 / (8 * H),
                                   {L1v: ov.closed(-100, 100), LT: ov.closed(-100, 100), Ls: ov.closed(-100, 100), e1: ov.closed(0, 100),
                                    eT: ov.closed(0, 100), H: ov.left_open(0, 10), sigma: ov.left_open(0, 10), Delta: ov.left_open(0, 100)},
                                   given=(LT >= Ls, sp.Eq(Delta, L1v - Ls), e1 <= sigma**2))]),
    claim(None, 2920, "putting it together", "inequality",
          "with η = α/(H√(48α)): (8/(Tη))E[Φ_1 − Φ_{T+1}] + 24√3σ²Hη ≤ (32√3HΔ + 12σ²)/(Tα) + 6σ²α", end_line=2922,
          hypotheses=["line 2918 given; η = α/(H√(48α)) as printed at line 2920"],
          checks=[ov.Identity((8 / (T * eta) * (Delta + SQ3 * sigma**2 / (8 * H)) + 24 * SQ3 * sigma**2 * H * eta).subs(eta, alpha / (H * sp.sqrt(48 * alpha))),
                              A / (T * alpha) + 6 * sigma**2 * alpha)],
          corrected=ov.Corrected("with η = α/(√48·H) (Lemma 20.2's step, read with H outside the root): equality",
                                 "line 2920 prints a third form of η",
                                 checks=[ov.Identity((8 / (T * eta) * (Delta + SQ3 * sigma**2 / (8 * H)) + 24 * SQ3 * sigma**2 * H * eta).subs(eta, eta_read),
                                                     A / (T * alpha) + 6 * sigma**2 * alpha)])),
    claim(None, 2926, "balancing the two terms", "identity", "α = √(32√3HΔ + 12σ²)/(σ√T) balances A/(Tα) and 6σ²α", end_line=2930,
          hypotheses=["'balance these terms' read as: α minimises A/(Tα) + 6σ²α (equivalently makes the two terms equal)"],
          checks=[ov.Identity((A / (T * alpha)).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(T))),
                              (6 * sigma**2 * alpha).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(T))))],
          corrected=ov.Corrected("α = √(32√3HΔ + 12σ²)/(σ√(6T))", "the 6 of 6σ²α is missing",
                                 checks=[ov.Identity((A / (T * alpha)).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(6 * T))),
                                                     (6 * sigma**2 * alpha).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(6 * T)))),
                                         ov.ParameterChoice(A / (T * alpha) + 6 * sigma**2 * alpha, alpha, sp.sqrt(A) / (sigma * sp.sqrt(6 * T)),
                                                            {H: ov.closed(R(1, 10), 10), Delta: ov.closed(R(1, 10), 10), sigma: ov.closed(R(1, 10), 10),
                                                             T: ov.integers(1, 10**4)}, (R(1, 10**6), 10**3))])),
    claim(None, 2934, "the rate when α < 1/2", "inequality",
          "A/(Tα) + 6σ²α ≤ 2√(32√3HΔ + 12σ²)σ√6/√T at α = √A/(σ√T)",
          hypotheses=["α = √A/(σ√T) as printed (lines 2926, 2930), A = 32√3HΔ + 12σ²"],
          checks=[ov.Semialgebraic((A / (T * alpha) + 6 * sigma**2 * alpha).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(T))), "<=",
                                   2 * sp.sqrt(A) * sigma * sp.sqrt(6) / sp.sqrt(T),
                                   {H: ov.left_open(0, 10), Delta: ov.left_open(0, 10), sigma: ov.left_open(0, 10), T: ov.integers(1, 10**4)})],
          corrected=ov.Corrected("at α = √A/(σ√(6T)) the value is 2√6·σ√A/√T (at the printed α it is 7σ√A/√T)",
                                 "the balanced α carries the 6 (line 2926)",
                                 checks=[ov.Identity((A / (T * alpha) + 6 * sigma**2 * alpha).subs(alpha, sp.sqrt(A) / (sigma * sp.sqrt(6 * T))),
                                                     2 * sp.sqrt(A) * sigma * sp.sqrt(6) / sp.sqrt(T))])),
    claim(None, 2938, "the case α = 1/2", "inequality", "α = 1/2 ⇒ √A/(σ√T) ≥ 1/2 ⇒ σ²/4 ≤ A/T", end_line=2942,
          checks=[ov.Semialgebraic(sigma**2 / 4, "<=", A / T,
                                   {H: ov.left_open(0, 10), Delta: ov.left_open(0, 10), sigma: ov.left_open(0, 10), T: ov.integers(1, 10**4)},
                                   given=(sp.sqrt(A) / (sigma * sp.sqrt(T)) >= R(1, 2),))]),
    claim(None, 2946, "the rate when α = 1/2", "inequality",
          "A/(Tα) + 6σ²α ≤ 2A/(Tα) + 3σ² ≤ O((HΔ + σ²)/T) at α = 1/2",
          hypotheses=["α = 1/2 and σ²/4 ≤ A/T (line 2942); the O read as the explicit 4A/T + 12A/T"],
          checks=[ov.Semialgebraic((A / (T * alpha) + 6 * sigma**2 * alpha).subs(alpha, R(1, 2)), "<=", (2 * A / (T * alpha)).subs(alpha, R(1, 2)) + 3 * sigma**2,
                                   {H: ov.left_open(0, 10), Delta: ov.left_open(0, 10), sigma: ov.left_open(0, 10), T: ov.integers(1, 10**4)},
                                   part="line 1"),
                  ov.Semialgebraic(4 * A / T + 3 * sigma**2, "<=", 16 * A / T,
                                   {H: ov.left_open(0, 10), Delta: ov.left_open(0, 10), sigma: ov.left_open(0, 10), T: ov.integers(1, 10**4)},
                                   given=(sigma**2 / 4 <= A / T,), part="line 2")]),
]
