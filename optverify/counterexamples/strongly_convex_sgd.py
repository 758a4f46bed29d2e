"""Monte Carlo of projected SGD with η_t = 1/(μt) (003 Theorem 22.1, lines 3136–3182), vectorised over seeds in NumPy.

(To be moved onto the engine's ``projected_sgd_strongly_convex`` kernel.)  Losses with L(w) = E ℓ(w, z) μ-strongly
convex and E‖∇ℓ(w, z)‖² ≤ G² on ‖w‖ ≤ D, G computed exactly:
* "quadratic": ℓ(w, z) = (μ/2)‖w − w_* − z‖², z ~ N(0, s²I): E‖∇ℓ‖² = μ²(‖w − w_*‖² + ds²) ≤ μ²((D + ‖w_*‖)² + ds²);
* "absolute": ℓ(w, z) = (μ/2)‖w‖² + ⟨z, w⟩ + a‖w − w_0‖₁ (non-smooth), z ~ N(c, s²I): ∇ℓ = μw + z + a·sign(w − w_0),
  E‖∇ℓ‖² = ‖μw + c + a·sign‖² + ds² ≤ (μD + ‖c‖ + a√d)² + ds².  Its minimiser is found by coordinate-wise
  soft-thresholding (L is separable).
Measured per seed: Σ_{t=1}^T (L(w_t) − L(w_*)) (the left side of line 3175) and its average over T (Theorem 22.1).
"""

from __future__ import annotations

import math
import time

import numpy as np


def _prox_min(mu, c, a, w0):
    """argmin_x (μ/2)x² + c x + a|x − w0| per coordinate."""
    cand = np.stack([(-c - a) / mu, (-c + a) / mu, w0])
    cand = np.where(np.isclose(cand[0], cand[0]), cand, cand)
    vals = []
    for x in cand:
        vals.append(mu / 2 * x * x + c * x + a * np.abs(x - w0))
    vals = np.stack(vals)
    ok = np.stack([cand[0] > w0, cand[1] < w0, np.ones_like(w0, dtype=bool)])
    vals = np.where(ok, vals, np.inf)
    return cand[np.argmin(vals, axis=0), np.arange(len(w0))]


class StronglyConvexSGD:
    def __init__(self, average=True, d=3):
        self.average, self.d = average, d
        self.description = ("projected SGD, η_t = 1/(μt), ball of radius D = 2, d = 3, w_1 on the sphere; quadratic (Gaussian "
                            "noise s ∈ {0.5, 2}) and non-smooth separable losses, μ ∈ {0.1, 1}; G² = sup_{‖w‖≤D} E‖∇ℓ‖² exact; "
                            + ("(1/T)Σ_t E[L(w_t) − L_*]" if self.average else "Σ_t E[L(w_t) − L_*]"))

    def run(self, mode, seed, deadline):
        horizons, seeds = ((10, 100, 500), 200) if mode == "quick" else ((10, 100, 1000, 10000), 2000)
        rng = np.random.default_rng(seed)
        d, D = self.d, 2.0
        rows = []
        for kind in ("quadratic", "absolute"):
            for mu in (0.1, 1.0):
                for s in (0.5, 2.0):
                    if kind == "quadratic":
                        ws = np.array([1.0, -0.5, 0.5])[:d]
                        G2 = mu**2 * ((D + np.linalg.norm(ws)) ** 2 + d * s * s)
                        L = lambda w, ws=ws, mu=mu, s=s: mu / 2 * (np.sum((w - ws) ** 2, axis=-1) + d * s * s)  # noqa: E731
                        grad = lambda w, z, ws=ws, mu=mu: mu * (w - ws - z)  # noqa: E731
                    else:
                        c, a, w0 = np.array([0.3, -0.2, 0.1])[:d] * mu, 0.5 * mu, np.array([0.5, 0.0, -0.5])[:d]
                        ws = _prox_min(mu, c, a, w0)
                        G2 = (mu * D + np.linalg.norm(c) + a * math.sqrt(d)) ** 2 + d * s * s
                        L = lambda w, c=c, a=a, w0=w0, mu=mu: (mu / 2 * np.sum(w * w, axis=-1) + w @ c  # noqa: E731
                                                               + a * np.sum(np.abs(w - w0), axis=-1))
                        grad = lambda w, z, c=c, a=a, w0=w0, mu=mu: mu * w + c + z + a * np.sign(w - w0)  # noqa: E731
                    if np.linalg.norm(ws) > D:
                        raise ValueError("experiment bug: w_* outside the ball")
                    Lstar = float(L(ws[None, :])[0])
                    for T in horizons:
                        if time.monotonic() > deadline:
                            return rows
                        w = np.tile(-D * ws / max(np.linalg.norm(ws), 1e-12), (seeds, 1))
                        acc = np.zeros(seeds)
                        for t in range(1, T + 1):
                            acc += L(w) - Lstar
                            z = rng.normal(0.0, s, size=(seeds, d))
                            y = w - grad(w, z) / (mu * t)
                            nrm = np.linalg.norm(y, axis=1, keepdims=True)
                            w = np.where(nrm > D, y * (D / np.maximum(nrm, 1e-300)), y)
                        rows.append({"config": f"{kind}, μ = {mu:g}, s = {s:g}", "T": T, "measured": acc / T if self.average else acc,
                                     "values": {"G": math.sqrt(G2), "mu": mu, "T": float(T)}, "test": "le"})
        return rows
