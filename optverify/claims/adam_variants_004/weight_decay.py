"""004, lines 454–515: L2 regularisation against weight decay (SGD, Adam), AdamW and its proximal view."""

import sympy as sp

from optverify.claims.adam_variants_004._common import beta1, claim, eps, gamma, g, lam, t
from optverify import Corrected, Identity, Inequality, IterateLimit, NotCheckable, closed, integers, open_
from optverify.counterexamples.weight_decay_points import Setting, TorchAdamForms, WeightDecayLimits, derivation

# ---------------------------------------------------------------- two coordinates, a diagonal D_t
th = sp.Matrix(sp.symbols("theta_1 theta_2", real=True))  # θ (θ_t in the update rules)
G = sp.Matrix(sp.symbols("G_1 G_2", real=True))  # ∇f(θ_t): any vector
mh = sp.Matrix(sp.symbols("mhat_1 mhat_2", real=True))  # m̂_t
dd = sp.symbols("d_1 d_2", positive=True)
D = sp.diag(*dd)  # D_t = diag((v̂_t + ε)^(−1/2)): any positive diagonal
sq = (th.T * th)[0]


def grad(expr, wrt=th):
    return sp.Matrix([sp.diff(expr, s) for s in wrt])


# ---------------------------------------------------------------- line 484: Adam on g_t + λθ_t, one coordinate
i_ = sp.Symbol("i", integer=True, positive=True)
theta_seq = sp.Function("theta")  # the iterates θ_1, θ_2, …
D_t = sp.Symbol("D_t", positive=True)
_SEQ = {g: (-3, 3), theta_seq: (-3, 3)}
_DOM484 = {beta1: open_(0, 1), t: integers(1, 6)}


def ema_hat(h):
    """Adam's bias-corrected EMA at step t: (1 − β1)/(1 − β1^t) Σ_{i≤t} β1^{t−i} h_i."""
    return (1 - beta1) / (1 - beta1**t) * sp.Sum(beta1 ** (t - i_) * h(i_), (i_, 1, t))


adam_on_l2_gradient = theta_seq(t) - gamma * D_t * ema_hat(lambda j: g(j) + lam * theta_seq(j))
printed_484 = theta_seq(t) - gamma * D_t * (ema_hat(g) + lam * theta_seq(t))
corrected_484 = theta_seq(t) - gamma * D_t * (ema_hat(g) + lam * ema_hat(theta_seq))

# ---------------------------------------------------------------- lines 487–488: first-order conditions
DV = derivation()
fixed_adam_l2 = sp.Matrix([DV["fixed_points"]["adam_l2"][0][s] for s in DV["theta"]])
fixed_adamw = sp.Matrix([DV["fixed_points"]["adamw"][0][s] for s in DV["theta"]])
STOCHASTIC = Setting(a=(1.0, 1.0), c=(1.0, 1.0), sigma=(4.0, 0.25), lam=0.5, gamma=0.01)
DETERMINISTIC = Setting(a=(1.0, 4.0), c=(1.0, -1.0), sigma=(0.0, 0.0), lam=0.5, gamma=0.01, eps=1e-4)
_L2_FORMS = ("adam_l2", "adam_l2_printed")
stochastic_runs = WeightDecayLimits(STOCHASTIC)
exact_runs = WeightDecayLimits(DETERMINISTIC, methods=_L2_FORMS, horizons=(8000, 40000))
_RUNS_HYP = (
    "instances: f(θ) = ½Σ a_i(θ_i − c_i)², from θ = 0, γ = 0.01, λ = 1/2, β = (0.9, 0.999), ε inside the root (line 481); "
    "stochastic: a = (1, 1), c = (1, 1), gradient noise σ = (4, 1/4) (so D ≈ diag(1/4, 4) is far from a multiple of I), "
    "ε = 1e-8, iterates and v̂ averaged over the last half, D estimated per seed from the run's own v̂; exact gradients: "
    "a = (1, 4), c = (1, −1), the last iterate, ε = 1e-4 (with ε = 1e-8 the step γε^(−1/2) at v̂ → 0 is too long to settle: "
    "the run hovers ~1e-5 from its limit)"
)
_FORMS_HYP = ("naive L2 is run in both forms: Adam on g_t + λθ_t (what the words and torch's weight_decay do) and line 484 "
              "as printed, θ − γD_t(m̂_t + λθ_t) with m̂_t, v̂_t of g_t")

# ---------------------------------------------------------------- lines 489–500: one step of each method
vh = sp.Symbol("vhat", nonnegative=True)  # v̂_{t,i}
th_i, m_i = sp.Symbol("theta_i", positive=True), sp.Symbol("mhat_i", real=True)
D_i = (vh + eps) ** sp.Rational(-1, 2)
adam_step = th_i - gamma * D_i * m_i
adamw_step = (1 - gamma * lam) * th_i - gamma * D_i * m_i
l2_shrink = gamma * lam * D_i * th_i  # the L2 term of line 484's step in coordinate i
G_i = sp.Symbol("G_i", real=True)
_BOX489 = {vh: closed(0, 10**8), eps: closed(sp.Rational(1, 10**16), 1), gamma: closed(sp.Rational(1, 10**6), 10),
           lam: closed(sp.Rational(1, 10**6), 10), th_i: closed(sp.Rational(1, 10**6), 10**3)}

# ---------------------------------------------------------------- lines 505–515: the proximal view
tht = sp.Matrix(sp.symbols("thetat_1 thetat_2", real=True))  # θ_t
u = sp.Matrix(sp.symbols("u_1 u_2", real=True))  # any scalar reading of the vector −γλθ_t: ⟨u, −γλθ_t⟩
Dinv = D.inv()
step = th - tht


def argmin(objective):
    sol = sp.solve(list(grad(objective)), list(th), dict=True)
    return sp.Matrix([sol[0][s] for s in th])


printed_objective = (mh.T * step)[0] + (step.T * Dinv * step)[0] / (2 * gamma) - gamma * lam * (u.T * tht)[0]
corrected_objective = ((mh + lam * Dinv * tht).T * step)[0] + (step.T * Dinv * step)[0] / (2 * gamma)
adamw_update = tht - gamma * D * mh - gamma * lam * tht
c_, x_ = sp.Symbol("c", real=True), sp.Symbol("x", real=True)
d1 = dd[0]


def printed_norm(v):
    """‖v‖_{D⁻¹} := vᵀD⁻¹v as line 509 defines it (one coordinate, D = d_1 > 0)."""
    return v * v / d1


_PROX_HYP = [
    "‖θ − θ_t‖²_{D_t⁻¹} is read as the usual quadratic form (θ − θ_t)ᵀD_t⁻¹(θ − θ_t), not the square of line 509's θᵀD⁻¹θ",
    "the third term −γλθ_t is a vector; any scalar reading of it (here ⟨u, −γλθ_t⟩, u arbitrary) depends on θ_t only",
    "two coordinates, D_t any positive diagonal matrix; the objective is strictly convex in θ, so its stationary point is the argmin",
]
_PROX_CORRECTED = Corrected(
    "θ_{t+1} = argmin_θ ⟨m̂_t + λD_t⁻¹θ_t, θ − θ_t⟩ + (1/2γ)(θ − θ_t)ᵀD_t⁻¹(θ − θ_t) = θ_t − γD_t m̂_t − γλθ_t",
    "the decay must enter the objective through θ: as the linearisation of the D_t⁻¹-weighted penalty (λ/2)θᵀD_t⁻¹θ at θ_t",
    checks=[Identity(argmin(corrected_objective), adamw_update)],
)

CLAIMS = [
    claim(None, 459, "the L2-regularised objective", "definition", "min_θ f(θ) + λ‖θ‖²",
          checks=[NotCheckable("definition of the L2-regularised objective; its gradient is checked at line 463")]),
    claim(None, 463, "gradient of the L2-regularised objective", "identity", "g_t = ∇[f + λ‖·‖²](θ_t) = ∇f(θ_t) + λθ_t",
          hypotheses=["'Therefore, the gradient … become' (line 461): g_t is the gradient at θ_t of line 459's objective f(θ) + λ‖θ‖²",
                      "two coordinates; ∇f(θ_t) = (G_1, G_2) is any vector"],
          checks=[Identity(G + grad(lam * sq), G + lam * th)],
          corrected=Corrected("with the penalty (λ/2)‖θ‖²: g_t = ∇f(θ_t) + λθ_t (with λ‖θ‖² it is ∇f(θ_t) + 2λθ_t)",
                              "the gradient of λ‖θ‖² is 2λθ", checks=[Identity(G + grad(lam / 2 * sq), G + lam * th)])),
    claim(None, 465, "the SGD step", "algorithm", "θ_{t+1} = θ_t − γg_t",
          checks=[NotCheckable("definition of the SGD step with the g_t of line 463 (the factor-2 slip is in g_t: L463)")]),
    claim(None, 469, "the weight-decay step", "algorithm", "θ_{t+1} = (1 − γλ)θ_t − γ∇f(θ_t)",
          checks=[NotCheckable("definition of the weight-decay step (line 467: subtract the fraction γλ of the weights)")]),
    claim(None, 471, "L2 and weight decay coincide for SGD", "identity", "θ_t − γ(∇f(θ_t) + λθ_t) = (1 − γλ)θ_t − γ∇f(θ_t)",
          printed="**For SGD, these two forms are identical.**",
          hypotheses=["the two forms are the displays of line 465 (with the g_t of line 463) and line 469, with the same γ and λ",
                      "relative to line 459's objective (penalty λ‖θ‖², gradient 2λθ) the matching decay would be 2λ (see L463)"],
          checks=[Identity(th - gamma * (G + lam * th), (1 - gamma * lam) * th - gamma * G)]),
    claim(None, 476, "torch's Adam with weight_decay is the L2 form", "algorithm",
          "torch.optim.Adam(…, weight_decay=λ) adds λθ_t to the gradient before the moments (the naive L2 of lines 482–484), "
          "it is not decoupled weight decay",
          hypotheses=["the code line is a usage example: as printed it omits torch's required first argument `params` (the call "
                      "raises TypeError, recorded in the facts); read with params = [θ]",
                      "lr = 0.001, weight_decay = 1e-5 as printed, 300 steps on f = ½(θ_1 − 1)² + 2(θ_2 + 1)² from 0, exact gradients, "
                      "against the kernels of the three forms with ε = 1e-8 outside the root (as torch)"],
          checks=[IterateLimit(TorchAdamForms("adam_weight_decay"),
                               {"torch.optim.Adam(lr=0.001, weight_decay=1e-5)": "L2 in the gradient (Adam on g + λθ)"}, tolerance=1e-9)]),
    claim(None, 481, "Adam's preconditioner", "definition", "D_t = diag((v̂_t + ε)^{−1/2})",
          checks=[NotCheckable("definition of D_t (ε inside the root)")]),
    claim(None, 484, "naive L2 in Adam", "identity", "Adam on g_t + λθ_t steps θ_{t+1} = θ_t − γD_t(m̂_t + λθ_t)",
          hypotheses=["'L2 added to the gradient before preconditioning' (line 482): Adam runs on g'_t = g_t + λθ_t (line 463; torch's "
                      "weight_decay), so m̂'_t = (1 − β1)/(1 − β1^t) Σ_{i≤t} β1^{t−i}(g_i + λθ_i)",
                      "in the display, m̂_t is the bias-corrected first moment of the gradients g_i of f (with m̂_t of g'_t the "
                      "term λθ_t would be counted twice) and D_t is the preconditioner of the gradients fed to Adam, on both sides",
                      "one coordinate; t ≤ 6, β1 ∈ (0, 1), the sequences g_i, θ_i arbitrary"],
          checks=[Identity(adam_on_l2_gradient, printed_484, domain=_DOM484, sequences=_SEQ)],
          corrected=Corrected("θ_{t+1} = θ_t − γD_t(m̂_t + λθ̄_t), θ̄_t = (1 − β1)/(1 − β1^t) Σ_{i≤t} β1^{t−i}θ_i (the bias-corrected "
                              "EMA of the iterates; θ̄_t = θ_t when β1 = 0)",
                              "the momentum averages λθ_i with the gradients: the L2 term enters m̂'_t as λ times the EMA of the iterates",
                              checks=[Identity(adam_on_l2_gradient, corrected_484, domain=_DOM484, sequences=_SEQ)])),
    claim(None, 486, "the L2 term is scaled by D_t", "identity", "γD_t(m̂_t + λθ_t) = γD_t m̂_t + γλD_tθ_t",
          printed="The regularization term $\\lambda \\theta_t$ is now also scaled by the adaptive matrix D_t .",
          hypotheses=["read on the display of line 484; two coordinates, D_t diagonal"],
          checks=[Identity(gamma * D * (mh + lam * th), gamma * D * mh + gamma * lam * D * th)]),
    claim(None, 487, "naive L2 Adam no longer minimises the L2-regularised objective", "property",
          "the iterates of Adam with naive L2 do not go to the minimiser of f + (λ/2)‖θ‖²",
          printed="This is no longer equivalent to minimizing a standard L_2 penalty, $\\frac{\\lambda}{2} \\|\\theta\\|_2^2$.",
          hypotheses=["'equivalent to minimizing the penalty P' is read as: the method minimises f + P, i.e. its iterates converge to "
                      "the minimisers of f + P (the per-step scaling of the L2 term is line 486, proved there)", _FORMS_HYP, _RUNS_HYP],
          checks=[IterateLimit(exact_runs, {m: None for m in _L2_FORMS}, tolerance=1e-6,
                               avoid={m: f"theta_L2[{m}]" for m in _L2_FORMS})],
          corrected=Corrected("Adam with naive L2 is Adam applied to F = f + (λ/2)‖θ‖²: whenever it converges it goes to a minimiser of F; "
                              "only the per-step L2 term λD_tθ_t is rescaled, and it is no longer the same method as decoupled weight decay",
                              "g_t + λθ_t is the gradient of F, so D_t(∇F) = 0 at every limit (D_t invertible)",
                              checks=[Identity(G + lam * th, G + grad(lam / 2 * sq), part="g_t + λθ_t = ∇F(θ_t)"),
                                      IterateLimit(exact_runs, {m: f"theta_L2[{m}]" for m in _L2_FORMS}, tolerance=1e-6,
                                                   part="both forms converge to the minimiser of F")])),
    claim(None, 488, "naive L2 Adam minimises the D_t-weighted penalty", "property",
          "Adam with naive L2 minimises f + (λ/2)θᵀD_tθ: its limits satisfy ∇f + λDθ = 0",
          printed="Instead, it's equivalent to minimizing a complex, time-varying weighted penalty: $\\frac{\\lambda}{2} \\theta^\\top D_t \\theta$.",
          hypotheses=["as at line 487, 'equivalent to minimizing f + P' means the iterates go to the stationary points of f + P",
                      "first-order conditions on f = ½Σ a_i(θ_i − c_i)² (two coordinates) with D frozen at a positive diagonal "
                      "diag(d_1, d_2): Adam + L2's limit condition D(∇f + λθ) = 0 against ∇f + λDθ = 0", _FORMS_HYP, _RUNS_HYP],
          checks=[Identity(fixed_adam_l2, DV["points"]["theta_D"], note="limit of Adam + L2 = stationary point of f + (λ/2)θᵀDθ?"),
                  IterateLimit(stochastic_runs, {m: f"theta_D[{m}]" for m in _L2_FORMS}, tolerance=0.03),
                  IterateLimit(exact_runs, {m: f"theta_D[{m}]" for m in _L2_FORMS}, tolerance=1e-6)],
          corrected=Corrected(
              "Adam with naive L2 converges to the minimiser of f + (λ/2)‖θ‖² (∇f + λθ = 0, whatever D_t); only its per-step L2 term "
              "λD_tθ_t is the gradient of (λ/2)θᵀD_tθ.  It is AdamW whose limits carry a weighted penalty: ∇f + λD⁻¹θ = 0, the "
              "stationary points of f + (λ/2)θᵀD⁻¹θ",
              "D_t multiplies the whole regularised gradient, and an invertible factor does not move the zeros of ∇f + λθ",
              checks=[Identity(lam * D * th, grad(lam / 2 * (th.T * D * th)[0]), part="λD_tθ = ∇(λ/2)θᵀD_tθ"),
                      Identity(fixed_adam_l2, DV["points"]["theta_L2"], part="Adam + L2: D(∇f + λθ) = 0 ⇔ ∇f + λθ = 0"),
                      Identity(fixed_adamw, DV["points"]["theta_Dinv"], part="AdamW: D∇f + λθ = 0 ⇔ ∇f + λD⁻¹θ = 0"),
                      IterateLimit(stochastic_runs, {"adam_l2": "theta_L2[adam_l2]", "adam_l2_printed": "theta_L2[adam_l2_printed]",
                                                     "adamw": "theta_Dinv[adamw]"}, tolerance=0.03, part="where the runs go")])),
    claim(None, 489, "large v̂ means less L2 shrinkage per step", "property",
          "the L2 term γλD_{t,ii}θ_i of one step decreases as v̂_{t,i} grows",
          printed="Parameters with large historical gradients will have a large \\hat{v}_t , making their corresponding entry in D_t small.",
          hypotheses=["'receive less regularization' is read per step: the L2 shrinkage γλ(v̂_i + ε)^{−1/2}θ_i of line 484's step "
                      "(at the limit Adam + L2 regularises every coordinate alike: see L488's corrected form)",
                      "θ_i > 0 (the sign is symmetric); v̂ ∈ [0, 10⁸], ε ∈ [1e-16, 1], γ, λ ∈ [1e-6, 10], θ_i ∈ [1e-6, 10³]"],
          checks=[Inequality(sp.diff(l2_shrink, vh), "<", sp.Integer(0), _BOX489)]),
    claim(None, 493, "AdamW decouples the decay", "definition", "AdamW applies weight decay outside the adaptive step",
          checks=[NotCheckable("description of AdamW (Loshchilov & Hutter 2019); the update is line 496")]),
    claim(None, 496, "the two forms of AdamW's update", "identity", "(1 − γλ)θ_t − γD_t m̂_t = θ_t − γD_t m̂_t − γλθ_t",
          checks=[Identity((1 - gamma * lam) * th - gamma * D * mh, th - gamma * D * mh - gamma * lam * th)]),
    claim(None, 498, "AdamW = adaptive step + uniform decay", "identity",
          "θ_{t+1} − (θ_t − γD_t m̂_t) = −γλθ_t, the same factor γλ for every coordinate", end_line=499,
          checks=[Identity((1 - gamma * lam) * th - gamma * D * mh - (th - gamma * D * mh), -gamma * lam * th)]),
    claim(None, 500, "AdamW's shrinkage does not depend on the gradient history", "property",
          "per step, AdamW shrinks θ_i by γλθ_i (line 469's weight decay) whatever v̂_i",
          hypotheses=["'the amount of weight shrinkage' is the step's decay term, AdamW's update minus Adam's; 'the intended effect "
                      "of weight decay' is line 469's decay −γλθ_t; one coordinate, D_i = (v̂_i + ε)^{−1/2}",
                      "the limit of AdamW does depend on the history: ∇f + λD⁻¹θ = 0 (L488's corrected form)"],
          checks=[Identity(adamw_step - adam_step, ((1 - gamma * lam) * th_i - gamma * G_i) - (th_i - gamma * G_i),
                           part="the decay term is that of line 469"),
                  Identity(sp.diff(adamw_step - adam_step, vh), sp.Integer(0), part="it does not depend on v̂")]),
    claim(None, 501, "AdamW's default settings", "definition", "γ = 0.001, λ = 0.01",
          hypotheses=["read as the defaults of torch.optim.AdamW (lr, weight_decay); the paper fixes no defaults",
                      "checked by running torch.optim.AdamW([θ]) with no other argument against the AdamW kernel with γ = 0.001, "
                      "λ = 0.01, β = (0.9, 0.999), ε = 1e-8 outside the root (torch), 300 exact steps"],
          checks=[IterateLimit(TorchAdamForms("adamw_defaults"), {"torch.optim.AdamW() with its defaults": "decoupled (AdamW, line 496)"},
                               tolerance=1e-9)]),
    claim(None, 507, "the proximal view of AdamW", "identity",
          "argmin_θ ⟨m̂_t, θ − θ_t⟩ + (1/2γ)‖θ − θ_t‖²_{D_t⁻¹} − γλθ_t = θ_t − γD_t m̂_t − γλθ_t (line 496)",
          hypotheses=["line 505: 'the AdamW update rule can be derived as the solution to' this problem", *_PROX_HYP],
          checks=[Identity(argmin(printed_objective), adamw_update)], corrected=_PROX_CORRECTED),
    claim(None, 509, "the D⁻¹-norm", "identity", "‖θ‖_{D_t⁻¹} := θᵀD_t⁻¹θ is a norm",
          hypotheses=["‖·‖ is read as a norm (absolutely homogeneous: ‖cθ‖ = |c|‖θ‖); one coordinate, D_t = d_1 > 0",
                      "line 507 uses its square, which only the reading ‖θ‖²_{D⁻¹} = θᵀD⁻¹θ makes the usual quadratic (see L507)"],
          checks=[Identity(printed_norm(c_ * x_), sp.Abs(c_) * printed_norm(x_), part="‖cθ‖ = |c|‖θ‖")],
          corrected=Corrected("‖θ‖_{D_t⁻¹} := √(θᵀD_t⁻¹θ) (equivalently ‖θ‖²_{D_t⁻¹} = θᵀD_t⁻¹θ)",
                              "θᵀD⁻¹θ is quadratic in θ: it is the square of the D⁻¹-norm",
                              checks=[Identity(sp.sqrt(printed_norm(c_ * x_)), sp.Abs(c_) * sp.sqrt(printed_norm(x_)))])),
    claim(None, 511, "reading of the first two terms", "qualitative",
          "the first two terms follow m̂_t and penalise moving far from θ_t",
          checks=[NotCheckable("qualitative description of the objective of line 507")]),
    claim(None, 512, "the third term is the L2 penalty", "identity", "∇_θ(−γλθ_t) = ∇_θ (λ/2)‖θ‖²",
          hypotheses=["'is the standard L2 penalty' is read as: the term penalises θ as (λ/2)‖θ‖² does (same θ-gradient)",
                      "the vector −γλθ_t read as any scalar ⟨u, −γλθ_t⟩; two coordinates"],
          checks=[Identity(grad(-gamma * lam * (u.T * tht)[0]), grad(lam / 2 * sq))],
          corrected=Corrected("the decay enters as ⟨λD_t⁻¹θ_t, θ − θ_t⟩, the linearisation at θ_t of the weighted penalty (λ/2)θᵀD_t⁻¹θ",
                              "a term without θ does not act on the argmin",
                              checks=[Identity(grad(lam / 2 * (th.T * Dinv * th)[0]).subs(dict(zip(th, tht))), lam * Dinv * tht)])),
    claim(None, 513, "the first-order condition gives AdamW", "identity",
          "the stationary point of line 507's objective is θ_t − γD_t m̂_t − γλθ_t", end_line=515,
          hypotheses=_PROX_HYP,
          checks=[Identity(argmin(printed_objective), tht - gamma * D * mh - gamma * lam * tht)], corrected=_PROX_CORRECTED),
]
