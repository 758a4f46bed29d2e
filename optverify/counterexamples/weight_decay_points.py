"""Where Adam + L2, AdamW, SGD and adaptive methods go: first-order-condition points and experiments.

For the :class:`~optverify.claims.specs.IterateLimit` checks of 004 lines 476–501 and 531–588.

* :func:`derivation`: on f(θ) = ½ Σ a_i (θ_i − c_i)² (two coordinates, a frozen diagonal
  preconditioner D = diag(d_1, d_2)), the stationary points of f + (λ/2)θᵀWθ for W = I, D, D⁻¹
  (``theta_L2``, ``theta_D``, ``theta_Dinv``) and each method's limit condition:
  Adam + L2 (either form) D(∇f + λθ) = 0, AdamW D∇f + λθ = 0.  Solved by sympy, not typed in.
* :class:`WeightDecayLimits`: the engine's runs of the three methods over seeds (Gaussian
  gradient noise σ_i, tail-averaged iterates, D estimated from the run's own v̂), or one
  deterministic run; returns the IterateLimit dict with the limit conditions in exact arithmetic.
* :class:`TorchAdamForms`: ``torch.optim.Adam(weight_decay)`` and ``torch.optim.AdamW()`` against
  the registry kernels of the three printed forms (004 lines 476, 484, 496, 501).
* :class:`WilsonLimits`: Wilson et al. (2017)'s least-squares problem (``constructions.py``): GD/SGD
  and AdaGrad/RMSProp/Adam (ε = 0) from 0, the min-norm and sign solutions in exact rationals.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

POINTS = ("theta_L2", "theta_D", "theta_Dinv")
WD_METHODS = ("adam_l2", "adam_l2_printed", "adamw")

# ---------------------------------------------------------------- the first-order conditions


@lru_cache(maxsize=1)
def derivation() -> dict:
    """Stationary points of f + (λ/2)θᵀWθ and the methods' limit conditions, solved symbolically."""
    a = sp.symbols("a_1 a_2", positive=True)
    c = sp.symbols("c_1 c_2", real=True)
    d = sp.symbols("d_1 d_2", positive=True)
    lam = sp.Symbol("lambda", positive=True)
    th = sp.Matrix(sp.symbols("theta_1 theta_2", real=True))
    grad = sp.Matrix([a[i] * (th[i] - c[i]) for i in range(2)])
    D = sp.diag(*d)
    weights = {"theta_L2": sp.eye(2), "theta_D": D, "theta_Dinv": D.inv()}
    points = {}
    for name, W in weights.items():
        sol = sp.solve(list(grad + lam * W * th), list(th), dict=True)
        if len(sol) != 1:
            raise ArithmeticError(f"{name}: expected one stationary point, sympy found {len(sol)}")
        points[name] = sp.Matrix([sp.simplify(sol[0][s]) for s in th])
    conditions = {"adam_l2": D * (grad + lam * th), "adam_l2_printed": D * (grad + lam * th), "adamw": D * grad + lam * th}
    fixed = {m: sp.solve(list(cond), list(th), dict=True) for m, cond in conditions.items()}
    return {"a": a, "c": c, "d": d, "lam": lam, "theta": th, "grad": grad, "D": D, "points": points,
            "conditions": conditions, "fixed_points": fixed}


def _exact(x) -> sp.Rational:
    return sp.Rational(float(x))  # every double is a dyadic rational: exact


def point_values(a, c, lam, D) -> dict:
    """The three points for per-seed preconditioner entries D (S, 2), as (S, 2) arrays."""
    dv = derivation()
    syms = (*dv["a"], *dv["c"], dv["lam"], *dv["d"])
    out = {}
    for name, expr in dv["points"].items():
        f = sp.lambdify(syms, list(expr), "numpy")
        vals = f(*a, *c, lam, D[:, 0], D[:, 1])
        out[name] = np.stack([np.broadcast_to(np.asarray(v, dtype=float), D.shape[:1]) for v in vals], axis=1)
    return out


def exact_limit_conditions(a, c, lam, D) -> dict:
    """{method: {point: Σ_i (limit condition)_i² at the point}} in exact rationals, for one D (2,)."""
    dv = derivation()
    subs = {**{s: _exact(v) for s, v in zip(dv["a"], a)}, **{s: _exact(v) for s, v in zip(dv["c"], c)},
            dv["lam"]: _exact(lam), **{s: _exact(v) for s, v in zip(dv["d"], D)}}
    pts = {name: expr.subs(subs) for name, expr in dv["points"].items()}
    out = {}
    for m, cond in dv["conditions"].items():
        cm = cond.subs(subs)
        out[m] = {name: sp.simplify(sum(e**2 for e in cm.subs(dict(zip(dv["theta"], p))))) for name, p in pts.items()}
    return out


# ---------------------------------------------------------------- the runs


@dataclass(frozen=True)
class Setting:
    """f(θ) = ½ Σ a_i (θ_i − c_i)², gradients ∇f + σ_i ξ (ξ standard normal), from θ = 0."""

    a: tuple
    c: tuple
    sigma: tuple
    lam: float
    gamma: float
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    def __post_init__(self):
        if not (len(self.a) == len(self.c) == len(self.sigma) == 2):
            raise ValueError("a, c and sigma must have two entries")
        if min(self.a) <= 0 or self.lam <= 0 or self.gamma <= 0 or self.eps <= 0:
            raise ValueError("need a_i > 0, lam > 0, gamma > 0, eps > 0")
        if not (0 <= self.beta1 < 1 and 0 < self.beta2 < 1):
            raise ValueError("need 0 <= beta1 < 1 and 0 < beta2 < 1")


# each method is a declared update of the engine (optverify/sim/updates/adaptive.py, 004 lines 476–496)
_UPDATES = {"adam_l2": ("adam_l2", {"l2_mode": "gradient"}), "adam_l2_printed": ("adam_l2", {"l2_mode": "mhat"}),
            "adamw": ("adamw", {})}


def adam_weight_decay_runs(method: str, s: Setting, T: int, seeds: int, seed: int, tail: float = 0.5):
    """θ̄ (iterates averaged over the last ``tail`` of the run) and v̂̄ (same window), each (seeds, 2).

    ``adam_l2``: Adam on g + λθ (the L2 gradient, as torch's weight_decay); ``adam_l2_printed``:
    θ − γD(m̂ + λθ) with m̂, v̂ of g (line 484 as printed); ``adamw``: (1 − γλ)θ − γDm̂ (line 496).
    D = diag((v̂ + ε)^(−1/2)) (line 481).  tail = 0 returns the last iterate and v̂.

    The runs are the engine's (``montecarlo.tail_means``: the window means of w_{t+1} and of the state after
    step t), replicate r at ``seed_for(seed, r)`` for every method (common random numbers).  v̂̄ is read as
    v̄ / (1 − the window mean of β₂ᵗ): exact for a window of one step (tail = 0); for a window starting at
    t₀ it differs from the mean of v_t/(1 − β₂ᵗ) by at most the factor 1/(1 − β₂^t₀) − 1 (3.4·10⁻⁴ at
    β₂ = 0.999, t₀ = 8000).
    """
    from optverify.sim import families as F
    from optverify.sim.algorithms import config
    from optverify.sim.montecarlo import tail_means

    if method not in WD_METHODS:
        raise ValueError(f"method must be one of {WD_METHODS}")
    if T < 1 or seeds < 1 or not 0 <= tail < 1:
        raise ValueError("need T >= 1, seeds >= 1, 0 <= tail < 1")
    name, mode = _UPDATES[method]
    cfg = config(name, eta=s.gamma, beta1=s.beta1, beta2=s.beta2, eps=s.eps, lam=s.lam, **mode)
    noisy = any(x > 0 for x in s.sigma)
    fam = F.separable(s.a, (0.0, 0.0), s.c, s.sigma)  # f(θ) = ½ Σ a_i (θ_i − c_i)², gradients ∇f + σ_i ξ
    r = tail_means(cfg, fam, np.zeros(2), T, T - max(1, int(tail * T)), seeds, base_seed=seed,
                   grad_mode="stochastic" if noisy else "exact")
    return r.w, r.state["v"] / (1.0 - r.state["pw"][:, 1:2])


@dataclass(frozen=True)
class WeightDecayLimits:
    """IterateLimit experiment: the three methods on one setting (stochastic over seeds, or one exact run)."""

    setting: Setting
    methods: tuple = WD_METHODS
    horizons: tuple = (16000, 40000)  # T in quick / thorough mode
    seeds: tuple = (128, 256)

    @property
    def stochastic(self) -> bool:
        return any(x > 0 for x in self.setting.sigma)

    def __call__(self, mode: str, seed: int) -> dict:
        s = self.setting
        k = 0 if mode == "quick" else 1
        T, S = self.horizons[k], (self.seeds[k] if self.stochastic else 1)
        a, c = np.asarray(s.a, float), np.asarray(s.c, float)
        gscale = float(np.linalg.norm(a * c)) or 1.0
        out = {"points": {}, "finals": {}, "residuals": {}, "exact": {}, "deterministic": not self.stochastic, "facts": {}}
        for m in self.methods:
            th, vh = adam_weight_decay_runs(m, s, T, S, seed, tail=0.5 if self.stochastic else 0.0)
            D = 1.0 / np.sqrt(vh + s.eps)
            pts = point_values(a, c, s.lam, D)
            out["finals"][m] = th
            for name in POINTS:  # the D-dependent points use each run's own D, named per method
                out["points"][f"{name}[{m}]"] = pts[name]
            W = {"theta_L2": np.ones_like(D), "theta_D": D, "theta_Dinv": 1.0 / D}
            out["residuals"][m] = {f"{n}[{m}]": (a * (th - c) + s.lam * W[n] * th) / gscale for n in POINTS}
            Dbar = D.mean(axis=0)
            cond = exact_limit_conditions(a, c, s.lam, Dbar)[m]
            out["exact"][m] = {
                "limit_condition": {f"{n}[{m}]": cond[n] for n in POINTS},
                "complete": not self.stochastic,
                "derivation": _DERIVATION[m] + (_DETERMINISTIC if not self.stochastic else _STOCHASTIC),
            }
            out["facts"][m] = {"D_mean": Dbar.tolist(), "theta_mean": th.mean(axis=0).tolist()}
        out["facts"].update(setting=asdict(s), T=T, seeds=S,
                            averaging="last half of the run" if self.stochastic else "last iterate")
        return out


_DERIVATION = {
    "adam_l2": "Adam on g + λθ: a fixed point has m̂ = ∇f + λθ, so D(∇f + λθ) = 0, i.e. ∇f + λθ = 0 (D invertible): theta_L2. ",
    "adam_l2_printed": "θ − γD(m̂ + λθ) with m̂ → ∇f: a fixed point has D(∇f + λθ) = 0, i.e. ∇f + λθ = 0: theta_L2. ",
    "adamw": "(1 − γλ)θ − γDm̂ with m̂ → ∇f: a fixed point has D∇f + λθ = 0, i.e. ∇f + λD⁻¹θ = 0: theta_Dinv. ",
}
_DETERMINISTIC = ("Exact gradients, ε > 0: if θ_t → θ*, then m̂_t → ∇f(θ*) (+ λθ*), v̂_t converges, D_t → D* finite and "
                  "invertible, and θ_{t+1} − θ_t → 0 forces the condition at θ* with D = D*: it covers every limit.")
_STOCHASTIC = ("Stochastic gradients: the condition is that of the stationary mean with D frozen at the run's average "
               "(the idealisation is tested by the residual intervals).")


# ---------------------------------------------------------------- torch against the printed forms


@dataclass(frozen=True)
class TorchAdamForms:
    """torch's Adam(weight_decay) / AdamW() against the registry kernels of the three printed forms.

    ``which``: "adam_weight_decay" (004 line 476: lr = 1e-3, weight_decay = 1e-5 as printed) or
    "adamw_defaults" (004 line 501: AdamW with torch's defaults, compared with γ = 0.001, λ = 0.01).
    Deterministic quadratic, T steps from 0; ε outside the square root as in torch.
    """

    which: str
    T: int = 300

    def __call__(self, mode: str, seed: int) -> dict:
        import inspect

        import torch

        from optverify.sim import families as F
        from optverify.sim.algorithms import config, run

        if self.which not in ("adam_weight_decay", "adamw_defaults"):
            raise ValueError("which must be 'adam_weight_decay' or 'adamw_defaults'")
        a, c = np.array([1.0, 4.0]), np.array([1.0, -1.0])
        fam = F.diagonal_quadratic(a, wstar=c)
        lr, wd = (1e-3, 1e-5) if self.which == "adam_weight_decay" else (1e-3, 1e-2)
        common = dict(eta=lr, eps=1e-8, eps_mode="outside", beta1=0.9, beta2=0.999)
        kernels = {
            "L2 in the gradient (Adam on g + λθ)": config("adam_l2", lam=wd, l2_mode="gradient", **common),
            "line 484 as printed": config("adam_l2", lam=wd, l2_mode="mhat", **common),
            "decoupled (AdamW, line 496)": config("adamw", lam=wd, **common),
        }
        points = {k: run(cfg, fam, np.zeros(2), self.T, grad_mode="exact").w_final for k, cfg in kernels.items()}
        p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        A, Cc = torch.tensor(a, dtype=torch.float64), torch.tensor(c, dtype=torch.float64)
        if self.which == "adam_weight_decay":
            opt, name = torch.optim.Adam([p], lr=lr, weight_decay=wd), "torch.optim.Adam(lr=0.001, weight_decay=1e-5)"
        else:
            opt, name = torch.optim.AdamW([p]), "torch.optim.AdamW() with its defaults"
        for _ in range(self.T):
            opt.zero_grad()
            loss = 0.5 * torch.sum(A * (p - Cc) ** 2)
            loss.backward()
            opt.step()
        try:
            torch.optim.Adam(lr=0.001, weight_decay=1e-5)
            printed_call = "runs"
        except TypeError as exc:
            printed_call = f"TypeError: {exc}"
        sig = inspect.signature(torch.optim.AdamW.__init__).parameters
        return {"points": points, "finals": {name: p.detach().numpy().copy()}, "deterministic": True,
                "facts": {"torch": torch.__version__, "T": self.T, "problem": "f = ½(θ1 − 1)² + 2(θ2 + 1)², θ0 = 0",
                          "printed_call_without_params": printed_call,
                          "AdamW_defaults": {k: repr(sig[k].default) for k in ("lr", "weight_decay", "eps")}}}


# ---------------------------------------------------------------- Wilson et al.


def _exact_lsq(X: np.ndarray, y: np.ndarray):
    if not (np.array_equal(X, np.round(X)) and np.array_equal(y, np.round(y))):
        raise ValueError("Wilson's data must be integer")
    Xs = sp.Matrix(np.round(X).astype(int).tolist())
    ys = sp.Matrix(np.round(y).astype(int).tolist())
    G = Xs * Xs.T
    min_norm = Xs.T * G.LUsolve(ys)
    return Xs, ys, G, min_norm


def _dist2_rowspace(Xs, G, v):
    Xv = Xs * v
    return (v.T * v)[0] - (Xv.T * G.LUsolve(Xv))[0]


def _dist2_span(s, v):
    return (v.T * v)[0] - (v.T * s)[0] ** 2 / (s.T * s)[0]


def adaptive_configs() -> dict:
    """AdaGrad, RMSProp and Adam with ε = 0 (Wilson et al.'s Lemma needs it), the step sizes of Wilson's runs."""
    from optverify.sim.algorithms import config

    return {
        "adagrad": config("adagrad_diag", c=0.1, eps=0.0),
        "rmsprop": config("rmsprop", gamma=0.01, rho=0.9, eps=0.0, eps_mode="none"),
        "adam": config("adam", eta=0.01, momentum_sign=1.0, eps=0.0, eps_mode="none"),
    }


def test_error_exact(w, p) -> sp.Rational:
    """Exact test error of w on Wilson's test distribution P(y = +1) = p (ties count as errors)."""
    from optverify.counterexamples.constructions import wilson_test_error

    return sp.nsimplify(wilson_test_error(w, sp.nsimplify(p)))


@dataclass(frozen=True)
class WilsonLimits:
    """GD, SGD and AdaGrad/RMSProp/Adam (ε = 0) from w = 0 on Wilson et al.'s problem.

    Points: ``min_norm`` = X⁺y and ``sign_solution`` = sign(Xᵀy)/c (X sign(Xᵀy) = c y), exact.
    Limit conditions (exact, complete): GD/SGD iterates stay in the row space of X (every gradient
    is Xᵀ(·)), where the only interpolant is X⁺y; the adaptive iterates stay on the line through
    sign(Xᵀy) (Wilson's Lemma: each step is a multiple of sign(Xᵀy) when X sign(Xᵀy) = c y, ε = 0),
    where the only interpolant is sign(Xᵀy)/c.  Values: exact test errors at P(y = +1) = ``p_test``.
    """

    n: int = 20
    p_train: float = 0.6
    data_seed: int = 0
    p_test: str = "1/2"
    T: int = 3000

    def __call__(self, mode: str, seed: int) -> dict:
        from optverify.counterexamples.constructions import wilson_separable
        from optverify.sim.algorithms import config, run

        data = wilson_separable(n=self.n, p=self.p_train, seed=self.data_seed)
        Xs, ys, G, mn = _exact_lsq(data.X, data.y)
        Xty = Xs.T * ys
        s = Xty.applyfunc(sp.sign)
        Xsv = Xs * s
        c = Xsv[0] / ys[0]
        # Wilson's Lemma needs X s = c y; a coordinate with (Xᵀy)_j = 0 must be an unused feature (its gradient is always 0)
        lemma = Xsv == c * ys and c != 0 and all(Xty[j] != 0 or not any(Xs[:, j]) for j in range(Xs.cols))
        sign_sol = s / c
        fam = data.family
        H, Hc = fam.constants["H"], fam.constants["H_component"]
        adaptive = adaptive_configs()
        w0 = np.zeros(data.X.shape[1])
        S = 8 if mode == "quick" else 32
        finals = {"gd": run(config("gradient_descent", eta=0.5 / H), fam, w0, self.T, grad_mode="exact").w_final[None, :]}
        sgd = config("sgd", eta=0.5 / Hc)
        finals["sgd"] = np.stack([run(sgd, fam, w0, 10 * self.T, seed=seed + j, grad_mode="stochastic").w_final for j in range(S)])
        for name, cfg in adaptive.items():
            finals[name] = run(cfg, fam, w0, self.T, grad_mode="exact").w_final[None, :]
        row = {"min_norm": _dist2_rowspace(Xs, G, mn) + ((Xs * mn - ys).T * (Xs * mn - ys))[0],
               "sign_solution": _dist2_rowspace(Xs, G, sign_sol)}
        line = {"min_norm": _dist2_span(s, mn), "sign_solution": _dist2_span(s, sign_sol) + ((Xs * sign_sol - ys).T * (Xs * sign_sol - ys))[0]}
        exact = {m: {"limit_condition": row, "complete": True, "derivation": _ROW} for m in ("gd", "sgd")}
        exact.update({m: {"limit_condition": line, "complete": bool(lemma), "derivation": _LINE} for m in adaptive})
        pt = sp.nsimplify(self.p_test)
        return {
            "points": {"min_norm": np.array([float(x) for x in mn]), "sign_solution": np.array([float(x) for x in sign_sol])},
            "finals": finals,
            "deterministic": {m: m != "sgd" for m in finals},  # SGD samples rows: several seeds
            "exact": exact,
            "values": {"test_error_sgd": {"value": test_error_exact(mn, pt), "method": "sgd", "point": "min_norm"},
                       "test_error_gd": {"value": test_error_exact(mn, pt), "method": "gd", "point": "min_norm"},
                       "test_error_adam": {"value": test_error_exact(sign_sol, pt), "method": "adam", "point": "sign_solution"}},
            "facts": {"n": self.n, "d": int(data.X.shape[1]), "positives": int((data.y > 0).sum()), "c": str(c),
                      "lemma_X_sign_equals_c_y": bool(lemma), "p_test": str(pt),
                      "test_error_at_p_train": {"min_norm": str(test_error_exact(mn, sp.nsimplify(self.p_train))),
                                                "sign_solution": str(test_error_exact(sign_sol, sp.nsimplify(self.p_train)))},
                      "min_norm_first3": [str(x) for x in mn[:3]], "sign_solution_first3": [str(x) for x in sign_sol[:3]],
                      "T": self.T, "sgd_seeds": S},
        }


_ROW = ("every GD/SGD step adds a multiple of Xᵀ(Xw − y) or of a row x_i: from w = 0 the iterates stay in the row "
        "space of X, so any limit w* with Xw* = y is the unique interpolant there, X⁺y: limit condition = dist²(point, "
        "row space) + ‖X point − y‖²")
_LINE = ("Wilson et al.'s Lemma: when X s = c y for s = sign(Xᵀy), every gradient at w = λs is (λc − 1)Xᵀy, so with ε = 0 "
         "each AdaGrad/RMSProp/Adam step is a multiple of s (a coordinate with (Xᵀy)_j = 0 is an unused feature and stays 0): from w = 0 the iterates stay on the line through s, whose only "
         "interpolant is s/c: limit condition = dist²(point, span s) + ‖X point − y‖²")
