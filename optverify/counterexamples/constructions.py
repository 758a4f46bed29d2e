"""Counterexample constructions from the literature, as data for claim checks (no verdicts).

* ``reddi_cyclic``: Reddi, Kale & Kumar's online problem (004 lines 364-419;
  000 line 277; 001 line 171) run with Adam, AMSGrad or AdamAL: trajectory,
  where the iterate goes, regret and average regret against T.
* ``sign_counterexample``: a two-point gradient distribution whose expected
  sign opposes the expected gradient (000 line 283, 003 line 2552): exact
  expectations by enumeration, plus simulated trajectories of the sign update.
* ``wilson_separable`` / ``wilson_experiment``: Wilson et al. (2017)'s
  over-parameterised least-squares problem (004 line 533: "SGD achieves 0 %
  test error, Adam fails completely"), with the exact test error of any w.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..sim import families as F
from ..sim.algorithms import config, run, run_trajectory
from ..sim.montecarlo import simulate

__all__ = [
    "CyclicRun",
    "reddi_cyclic",
    "reddi_cyclic_comparison",
    "cyclic_regret_curve",
    "SignCounterexample",
    "sign_counterexample",
    "WilsonData",
    "wilson_separable",
    "wilson_experiment",
    "wilson_test_error",
]


# ---------------------------------------------------------------- Reddi et al.


@dataclass(frozen=True)
class CyclicRun:
    """One run on the cyclic problem: x_t (t = 1..T+1), R_t and R_t/t for t = 1..T."""

    algorithm: str
    C: float
    beta1: float
    beta2: float
    alpha: float
    trajectory: np.ndarray
    regret: np.ndarray
    avg_regret: np.ndarray
    final_x: float
    last_cycle_mean: float
    params: dict = field(default_factory=dict)

    def avg_regret_at(self, horizons) -> np.ndarray:
        """R_T / T at the given horizons (1 <= T <= len)."""
        idx = np.asarray(horizons, dtype=int) - 1
        return self.avg_regret[idx]


def cyclic_regret_curve(x, C: float) -> np.ndarray:
    """R_t = sum_{s<=t} f_s(x_s) - min_{|x|<=1} sum_{s<=t} f_s(x), t = 1..len(x), for scalar iterates x."""
    x = np.asarray(x, dtype=np.float64).ravel()
    t = np.arange(1, x.size + 1)
    a = np.where(t % 3 == 1, float(C), -1.0)
    return np.cumsum(a * x) + np.abs(np.cumsum(a))


def reddi_cyclic(algorithm: str = "adam", C: float = 3.0, beta1: float = 0.0, beta2: float | None = None,
                 alpha: float = 0.1, T: int = 3000, x1: float = 0.0, bias_correction: bool = False,
                 eps: float = 0.0, eps_mode: str = "none") -> CyclicRun:
    """Run ``algorithm`` ("adam", "amsgrad", "amsgrad_feedback" or "adamal") on f_t(x) = C x (t mod 3 = 1), -x else.

    Setting of Reddi et al.'s Theorem 1: F = [-1, 1], alpha_t = alpha/sqrt(t),
    beta2 = 1/(1 + C^2) unless given, beta1 = 0, no bias correction (the
    slides' Adam corrects the bias: ``bias_correction=True``).  The minimiser
    over a cycle is x* = -1 for C > 2.
    """
    b2 = 1.0 / (1.0 + C * C) if beta2 is None else float(beta2)
    fam = F.reddi_cyclic(C)
    common = dict(schedule="inv_sqrt_t", beta1=beta1, beta2=b2, eps=eps, eps_mode=eps_mode,
                  projection="box", radius=1.0)
    if algorithm == "adam":
        cfg = config("adam", eta=alpha, momentum_sign=1.0, bias_correction1=bias_correction,
                     bias_correction2=bias_correction, **common)
    elif algorithm in ("amsgrad", "amsgrad_feedback"):
        cfg = config("amsgrad", eta=alpha, bias_correction1=bias_correction, bias_correction2=bias_correction,
                     ams_mode="reddi" if algorithm == "amsgrad" else "feedback", **common)
    elif algorithm == "adamal":
        cfg = config("adamal", alpha=alpha, schedule="inv_sqrt_t", beta1=beta1, beta2=b2, eps=eps,
                     eps_mode=eps_mode, projection="box", radius=1.0)
    else:
        raise ValueError("algorithm must be adam, amsgrad, amsgrad_feedback or adamal")
    r = run_trajectory(cfg, fam, [x1], T, seed=0)
    x = r.trajectory[:, 0]
    reg = cyclic_regret_curve(x[:-1], C)
    t = np.arange(1, T + 1)
    k = max(3, (T // 3) * 3)
    return CyclicRun(algorithm, float(C), float(beta1), b2, float(alpha), x, reg, reg / t, float(x[-1]),
                     float(np.mean(x[k - 3:k])), dict(cfg.values))


def reddi_cyclic_comparison(C: float = 3.0, beta1: float = 0.0, beta2: float | None = None, alpha: float = 0.1,
                            T: int = 3000, x1: float = 0.0, bias_correction: bool = False) -> dict:
    """{"adam": CyclicRun, "amsgrad": CyclicRun} in the same setting."""
    return {a: reddi_cyclic(a, C, beta1, beta2, alpha, T, x1, bias_correction) for a in ("adam", "amsgrad")}


# ---------------------------------------------------------------- sign update


@dataclass(frozen=True)
class SignCounterexample:
    """Exact two-point quantities and simulated sign-update / SGD runs.

    g = delta + sigma xi, xi = sqrt((1-p)/p) w.p. p, -sqrt(p/(1-p)) w.p. 1-p.
    """

    p: float
    delta: float
    sigma: float
    support: tuple
    probs: tuple
    mean_grad: float
    prob_positive: float
    expected_sign: float
    one_step_change: float  # E[L(w - eta sign g)] - L(w), exact, L = h/2 (w - w*)^2 at h (w - w*) = delta
    dist_sign: np.ndarray  # mean |w_t - w*| over seeds, t = 1..T+1 (sign update)
    dist_sgd: np.ndarray  # same for SGD with the same noise
    seeds: int
    eta: float
    h: float


def sign_counterexample(p: float = 0.2, delta: float = 0.05, sigma: float = 1.0, h: float = 1.0,
                        eta: float = 0.01, T: int = 200, seeds: int = 200, base_seed: int = 0) -> SignCounterexample:
    """The sign of g opposes E[g] = delta > 0 when p < 1/2 and delta < sigma sqrt(p/(1-p)).

    The problem is L(w) = h/2 (w - w*)^2 with w* = 0 and the two-point noise,
    started at w_1 = delta/h where grad L = delta.
    """
    if not 0 < p < 1:
        raise ValueError("p in (0, 1)")
    hi, lo = sigma * np.sqrt((1 - p) / p), -sigma * np.sqrt(p / (1 - p))
    support = (delta + hi, delta + lo)
    probs = (p, 1.0 - p)
    mean = probs[0] * support[0] + probs[1] * support[1]
    ppos = sum(pr for g, pr in zip(support, probs) if g > 0)
    esign = sum(pr * np.sign(g) for g, pr in zip(support, probs))
    w = delta / h
    L = lambda x: 0.5 * h * x * x  # noqa: E731
    change = sum(pr * L(w - eta * np.sign(g)) for g, pr in zip(support, probs)) - L(w)
    fam = F.separable([h], [0.0], [0.0], [sigma], noise="two_point", noise_param=p)
    out = {}
    for name, cfg in (("sign", config("sign_sgd", eta=eta)), ("sgd", config("sgd", eta=eta))):
        r = simulate(cfg, fam, [w], T, seeds=seeds, base_seed=base_seed, trajectories=True)
        out[name] = np.abs(r.trajectories[:, :, 0]).mean(axis=0)
    return SignCounterexample(p, delta, sigma, support, probs, float(mean), float(ppos), float(esign),
                              float(change), out["sign"], out["sgd"], seeds, eta, h)


# ---------------------------------------------------------------- Wilson et al.


@dataclass(frozen=True)
class WilsonData:
    """Wilson et al. (2017), section 3.3: n points in d = 3 + 5n dimensions, labels +-1.

    x_i[0] = y_i, x_i[1] = x_i[2] = 1, and sample i owns the features
    3 + 5i .. 3 + 5i + 2(1 - y_i) (one if y_i = +1, five if y_i = -1).  A test
    point has fresh unseen features, so w predicts sign(y w[0] + w[1] + w[2]).
    """

    X: np.ndarray
    y: np.ndarray
    p: float
    family: F.Family
    min_norm: np.ndarray  # X^+ y: where gradient descent from 0 converges
    sign_solution: np.ndarray  # sign(X'y) / c with X sign(X'y) = c y: where adaptive methods converge
    c: float


def wilson_test_error(w, p):
    """Test error of w over the label distribution P(y = +1) = p (ties count as errors).

    Exact when w and p are exact (sympy rationals give a rational); a float p gives a float.
    """
    if isinstance(w, np.ndarray) and w.dtype != object:
        w = np.asarray(w, dtype=np.float64)
    s_pos = w[0] + w[1] + w[2]
    s_neg = -w[0] + w[1] + w[2]
    err = (p if s_pos <= 0 else 0) + ((1 - p) if s_neg >= 0 else 0)
    return float(err) if isinstance(p, float) else err


def wilson_separable(n: int = 20, p: float = 0.6, seed: int = 0) -> WilsonData:
    """Draw labels (P(y=+1) = p, redrawn until there are more +1 than -1, as the lemma needs) and build X."""
    if n < 2 or not 0.5 < p < 1:
        raise ValueError("need n >= 2 and 1/2 < p < 1")
    g = np.random.default_rng(seed)
    while True:
        y = np.where(g.random(n) < p, 1.0, -1.0)
        if y.sum() > 0:
            break
    d = 3 + 5 * n
    X = np.zeros((n, d))
    for i in range(n):
        X[i, 0] = y[i]
        X[i, 1] = X[i, 2] = 1.0
        k = 1 if y[i] > 0 else 5
        X[i, 3 + 5 * i: 3 + 5 * i + k] = 1.0
    s = np.sign(X.T @ y)
    Xs = X @ s
    c = float(Xs[0] / y[0])
    if not np.allclose(Xs, c * y):
        raise AssertionError("X sign(X'y) is not proportional to y")
    fam = F.least_squares(X, y, name="wilson_separable", source="Wilson et al. (2017) sec. 3.3; 004 line 533")
    return WilsonData(X, y, float(p), fam, np.linalg.pinv(X) @ y, s / c, c)


def wilson_experiment(data: WilsonData, T: int = 2000, configs: dict | None = None, grad_mode: str = "exact") -> dict:
    """Run each configuration from w = 0; per algorithm: final w, train loss, exact test error,
    cosine with the min-norm and with the sign solution."""
    if configs is None:
        configs = {
            "gd": config("gradient_descent", eta=0.5 / data.family.constants["H"]),
            "adagrad": config("adagrad_diag", c=0.1, eps=1e-8, eps_mode="eps2_inside"),
            "rmsprop": config("rmsprop", gamma=0.01, rho=0.9, eps=1e-16),
            "adam": config("adam", eta=0.01, momentum_sign=1.0, eps=1e-8, eps_mode="outside"),
        }
    out = {}
    w0 = np.zeros(data.X.shape[1])
    cos = lambda a, b: float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))  # noqa: E731
    for name, cfg in configs.items():
        r = run(cfg, data.family, w0, T, seed=0, grad_mode=grad_mode)
        w = r.w_final
        out[name] = {
            "w": w,
            "train_loss": data.family.loss(w),
            "train_subopt": r.stats["final_subopt"],
            "test_error": wilson_test_error(w, data.p),
            "cos_min_norm": cos(w, data.min_norm),
            "cos_sign": cos(w, data.sign_solution),
        }
    return out
