"""Monte Carlo experiments for claims: which problems, horizons and seeds; per-seed results.

An experiment's ``run(mode, seed, deadline)`` returns rows
``{"config", "T", "measured": array, "values": {name: array | float}, "test"}``,
where ``test`` is "le" (measured must not exceed the claim's right side in
expectation) or "approx_one" (measured should tend to 1); an optional ``extra``
dict is reported beside the row.
"""

from __future__ import annotations

import math
import time

import numpy as np

from optverify.sim.kernels import AdamConfig, mc_adagrad_diag_box, mc_adagrad_norm_ball, mc_adam
from optverify.sim.problems import SeparableProblem, sep_loss

SQRT2 = math.sqrt(2.0)


def _sizes(mode: str):
    if mode == "quick":
        return [10, 100, 1000], 200
    return [10, 100, 1000, 10000], 2000


def _problems(d: int, D: float, rng: np.random.Generator, region: str):
    """Smooth, non-smooth and heterogeneous-noise separable problems with w* inside the constraint set."""
    ws = rng.uniform(-D, D, d) * 0.9
    if region == "ball":
        ws *= 0.9 * D / np.linalg.norm(ws)
    return {
        f"quadratic d={d}, σ=1": SeparableProblem(np.ones(d), np.zeros(d), ws, np.ones(d)),
        f"|w − w*| d={d}, σ=0.5": SeparableProblem(np.zeros(d), np.ones(d), ws, 0.5 * np.ones(d)),
        f"quadratic d={d}, σ_i = 1/i (sparse-like scales)": SeparableProblem(
            np.linspace(0.1, 2, d), np.zeros(d), ws, 1.0 / np.arange(1, d + 1)
        ),
    }


class AdaGradRegret:
    """Theorems 2 and 3 of 000: regret of AdaGrad-norm (ball) or diagonal AdaGrad (box), c = √2·D."""

    def __init__(self, algorithm: str, d: int = 10, D: float = 1.0):
        self.algorithm, self.d, self.D = algorithm, d, D
        self.description = f"{algorithm}, d = {d}, D = {D}, c = √2·D, w_1 at a corner of the constraint set, Gaussian noise"

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        rng = np.random.default_rng(seed)
        rows = []
        region = "box" if self.algorithm == "diag_box" else "ball"
        for pi, (name, prob) in enumerate(_problems(self.d, self.D, rng, region).items()):
            radius = np.max(np.abs(prob.wstar)) if region == "box" else np.linalg.norm(prob.wstar)
            if radius > self.D:  # the theorem speaks only of w* inside the set: never test outside its hypotheses
                raise ValueError(f"experiment bug: w* of {name} lies outside the {region} of radius {self.D}")
            if self.algorithm == "diag_box":
                w1 = -self.D * np.sign(prob.wstar + 1e-12)
            else:
                w1 = -self.D * prob.wstar / max(np.linalg.norm(prob.wstar), 1e-12)
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                args = (*prob.arrays(), w1, SQRT2 * self.D, self.D, T, seeds, seed, pi)
                if self.algorithm == "diag_box":
                    regret, s_diag, s = mc_adagrad_diag_box(*args)
                    values = {"D_inf": self.D, "E_sum_sqrt_diag": s_diag, "E_sqrt_norm": s}
                else:
                    regret, s = mc_adagrad_norm_ball(*args)
                    values = {"D_2": self.D, "E_sqrt_norm": s}
                rows.append({"config": name, "T": T, "measured": regret, "values": values, "test": "le"})
        return rows


class AdaGradRateEstimate:
    """000 line 63: η_t[i] ≈ c/(σ[i]√t), i.e. σ√t / √(Σ_{τ≤t} g_τ[i]²) → 1 under pure noise."""

    description = "one coordinate, ∇L = 0, Gaussian noise σ ∈ {0.1, 1, 10}: measured σ√T/√(Σ g²)"

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        rows = []
        for si, sigma in enumerate((0.1, 1.0, 10.0)):
            prob = SeparableProblem(np.zeros(1), np.zeros(1), np.zeros(1), np.array([sigma]))
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                _, _, s = mc_adagrad_diag_box(*prob.arrays(), np.zeros(1), 1.0, 1e300, T, seeds, seed, si)
                rows.append({"config": f"σ = {sigma}", "T": T, "measured": sigma * math.sqrt(T) / s, "values": {}, "test": "approx_one"})
        return rows


class AdamDescent:
    """Algorithm 1 of 000 as printed, on noisy quadratics: does E[L(w_{T+1})] stay below L(w_1)?"""

    def __init__(self, momentum_sign: float = -1.0, eta: float = 0.01):
        self.momentum_sign, self.eta = momentum_sign, eta
        self.description = (
            f"Adam (Algorithm 1, momentum sign {momentum_sign:+.0f}, η = {eta}, β1 = 0.9, β2 = 0.999, no ε as printed) "
            "on L(w) = ½‖w − w*‖², d = 10, σ = 0.1"
        )

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        d = 10
        prob = SeparableProblem(np.ones(d), np.zeros(d), np.zeros(d), 0.1 * np.ones(d))
        w1 = np.ones(d)
        L1 = float(sep_loss(prob.h, prob.k, prob.wstar, w1))
        cfg = AdamConfig(eta=self.eta, momentum_sign=self.momentum_sign)
        rows = []
        for T in horizons:
            if time.monotonic() > deadline:
                break
            _, final_loss, _, _, _ = mc_adam(*prob.arrays(), w1, *cfg.args(), T, seeds, seed, 0)
            rows.append({"config": "quadratic d=10", "T": T, "measured": final_loss, "values": {"L_w1": L1}, "test": "le"})
        return rows


class AdamStepMagnitude:
    """|Δθ_T|/γ of bias-corrected Adam under i.i.d. gradients N(μ, (NSR·μ)²): a stationary regime (004 lines 291–313).

    The moments depend only on the gradients, so the step at time T is computed
    from the gradient stream alone (no loss is needed): m̂_T/(√v̂_T + ε), ε outside
    the root as line 294 prints it.  Rows also carry P(|Δθ_T| > γ).
    """

    def __init__(self, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8, nsr=(0.0, 0.5, 1.0, 3.0, 10.0)):
        self.beta1, self.beta2, self.eps, self.nsr = beta1, beta2, eps, tuple(nsr)
        self.description = (f"one coordinate of Adam (β1 = {beta1}, β2 = {beta2}, ε = {eps:g}), gradients i.i.d. N(1, NSR²) "
                            f"for NSR in {list(self.nsr)}; measured |Δθ_T|/γ")

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        seeds *= 10
        rng = np.random.default_rng(seed)
        rows = []
        for nsr in self.nsr:
            m = np.zeros(seeds)
            v = np.zeros(seeds)
            t = 0
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                while t < T:
                    t += 1
                    g = 1.0 + nsr * rng.standard_normal(seeds)
                    m = self.beta1 * m + (1 - self.beta1) * g
                    v = self.beta2 * v + (1 - self.beta2) * g * g
                mh, vh = m / (1 - self.beta1**t), v / (1 - self.beta2**t)
                step = np.abs(mh) / (np.sqrt(vh) + self.eps)
                rows.append({"config": f"NSR = {nsr:g}", "T": T, "measured": step, "values": {},
                             "test": "le", "extra": {"P(|Δθ_T| > γ)": float(np.mean(step > 1))}})
        return rows
