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

from optverify.sim import families as F
from optverify.sim.algorithms import config
from optverify.sim.montecarlo import simulate

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
        f"quadratic d={d}, σ=1": F.separable(np.ones(d), np.zeros(d), ws, np.ones(d)),
        f"|w − w*| d={d}, σ=0.5": F.separable(np.zeros(d), np.ones(d), ws, 0.5 * np.ones(d)),
        f"quadratic d={d}, σ_i = 1/i (sparse-like scales)": F.separable(
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
        name_ = "adagrad_diag" if region == "box" else "adagrad_norm"
        cfg = config(name_, c=SQRT2 * self.D, projection=region, radius=self.D)
        for pi, (name, fam) in enumerate(_problems(self.d, self.D, rng, region).items()):
            ws = fam.constants["w_star"]
            radius = np.max(np.abs(ws)) if region == "box" else np.linalg.norm(ws)
            if radius > self.D:  # the theorem speaks only of w* inside the set: never test outside its hypotheses
                raise ValueError(f"experiment bug: w* of {name} lies outside the {region} of radius {self.D}")
            if self.algorithm == "diag_box":
                w1 = -self.D * np.sign(ws + 1e-12)
            else:
                w1 = -self.D * ws / max(np.linalg.norm(ws), 1e-12)
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                r = simulate(cfg, fam, w1, T, seeds, base_seed=seed, stream=pi)
                s = np.sqrt(r.values("sum_g_sq"))
                if self.algorithm == "diag_box":
                    values = {"D_inf": self.D, "E_sum_sqrt_diag": r.values("sum_sqrt_coord"), "E_sqrt_norm": s}
                else:
                    values = {"D_2": self.D, "E_sqrt_norm": s}
                rows.append({"config": name, "T": T, "measured": r.values("regret"), "values": values, "test": "le"})
        return rows


class AdaGradRateEstimate:
    """000 line 63: η_t[i] ≈ c/(σ[i]√t), i.e. σ√t / √(Σ_{τ≤t} g_τ[i]²) → 1 under pure noise."""

    description = "one coordinate, ∇L = 0, Gaussian noise σ ∈ {0.1, 1, 10}: measured σ√T/√(Σ g²)"

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        rows = []
        cfg = config("adagrad_diag", c=1.0)
        for si, sigma in enumerate((0.1, 1.0, 10.0)):
            fam = F.separable(np.zeros(1), np.zeros(1), np.zeros(1), np.array([sigma]))
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                s = np.sqrt(simulate(cfg, fam, np.zeros(1), T, seeds, base_seed=seed, stream=si).values("sum_g_sq"))
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
        fam = F.separable(np.ones(d), np.zeros(d), np.zeros(d), 0.1 * np.ones(d))
        w1 = np.ones(d)
        L1 = fam.loss(w1)
        cfg = config("adam", eta=self.eta, momentum_sign=self.momentum_sign)
        rows = []
        for T in horizons:
            if time.monotonic() > deadline:
                break
            final_loss = simulate(cfg, fam, w1, T, seeds, base_seed=seed).values("final_subopt")
            rows.append({"config": "quadratic d=10", "T": T, "measured": final_loss, "values": {"L_w1": L1}, "test": "le"})
        return rows


class AdamStepMagnitude:
    """|Δθ_T|/γ of bias-corrected Adam under i.i.d. gradients N(μ, (NSR·μ)²): a stationary regime (004 lines 291–313).

    The gradients do not depend on θ: L(θ) = |θ − θ*| with θ* = −10¹² below every
    iterate reached (∇L = 1) plus N(0, NSR²) noise.  Adam runs with γ = 1 and ε outside the root
    as line 294 prints it; with common random numbers the runs to T − 1 and to T
    share their first T − 1 steps, so |Δθ_T| = |θ_{T+1} − θ_T| is the difference
    of their final iterates.  Rows also carry P(|Δθ_T| > γ).
    """

    def __init__(self, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8, nsr=(0.0, 0.5, 1.0, 3.0, 10.0)):
        self.beta1, self.beta2, self.eps, self.nsr = beta1, beta2, eps, tuple(nsr)
        self.description = (f"one coordinate of Adam (β1 = {beta1}, β2 = {beta2}, ε = {eps:g}), gradients i.i.d. N(1, NSR²) "
                            f"for NSR in {list(self.nsr)}; measured |Δθ_T|/γ")

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        seeds *= 10
        cfg = config("adam", eta=1.0, beta1=self.beta1, beta2=self.beta2, eps=self.eps, eps_mode="outside",
                     momentum_sign=1.0)
        rows = []
        for k, nsr in enumerate(self.nsr):
            fam = F.separable([0.0], [1.0], [-1e12], nsr)
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                before, after = (simulate(cfg, fam, np.zeros(1), n, seeds, base_seed=seed, stream=k).w_final[:, 0]
                                 for n in (T - 1, T))
                step = np.abs(after - before)
                rows.append({"config": f"NSR = {nsr:g}", "T": T, "measured": step, "values": {},
                             "test": "le", "extra": {"P(|Δθ_T| > γ)": float(np.mean(step > 1))}})
        return rows
