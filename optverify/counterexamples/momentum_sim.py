"""Monte Carlo of SGD with momentum (003 Algorithm 16) at Theorem 20.3's parameters (003 lines 2888–2948).

Vectorised over seeds in NumPy (to be moved onto the simulation engine's ``sgd_momentum_alpha`` kernel):
L(w) = (H/2)Σ_i w_i²/(1 + w_i²) (H-smooth: the second derivative of x²/(2(1 + x²)) lies in [−1/4, 1]; non-convex,
L_* = 0 at 0) or the quadratic (H/2)‖w‖², d = 4, Gaussian gradient noise with E‖r‖² = σ²; w_1 = (2, …, 2).
η = α/(√48·H), α = min(1/2, √(32√3HΔ + 12σ²)/(σ√T)); the first step is w_2 = w_1 − ηm_1 or, as printed, w_1 − m_1.
Measured per seed: (1/T)Σ_{t=1}^T ‖∇L(w_t)‖².
"""

from __future__ import annotations

import math
import time

import numpy as np

SQ3 = math.sqrt(3.0)


def _grad(kind, w, H):
    if kind == "quadratic":
        return H * w
    return H * w / (1 + w * w) ** 2


def _loss(kind, w, H):
    if kind == "quadratic":
        return H / 2 * np.sum(w * w, axis=-1)
    return H / 2 * np.sum(w * w / (1 + w * w), axis=-1)


class MomentumRate:
    def __init__(self, first="eta", d=4):
        self.first, self.d = first, d
        self.description = (f"Algorithm 16 (first step {'w_1 − ηm_1' if first == 'eta' else 'w_1 − m_1 as printed'}), d = {d}, "
                            "L = (H/2)Σ w_i²/(1 + w_i²) or (H/2)‖w‖², H ∈ {1, 4}, σ ∈ {0.5, 2}, Gaussian noise, w_1 = (2, …, 2), "
                            "η = α/(√48·H), α = min(1/2, √(32√3HΔ + 12σ²)/(σ√T)); measured (1/T)Σ‖∇L(w_t)‖²")

    def run(self, mode, seed, deadline):
        horizons, seeds = ((100, 400, 1600), 200) if mode == "quick" else ((100, 400, 1600, 6400), 1000)
        rng = np.random.default_rng(seed)
        rows = []
        for kind in ("nonconvex", "quadratic"):
            for H in (1.0, 4.0):
                for sigma in (0.5, 2.0):
                    w1 = 2.0 * np.ones(self.d)
                    Delta = float(_loss(kind, w1, H))
                    for T in horizons:
                        if time.monotonic() > deadline:
                            return rows
                        alpha = min(0.5, math.sqrt(32 * SQ3 * H * Delta + 12 * sigma**2) / (sigma * math.sqrt(T)))
                        eta = alpha / (math.sqrt(48.0) * H)
                        w = np.tile(w1, (seeds, 1))
                        noise = lambda: rng.normal(0.0, sigma / math.sqrt(self.d), size=(seeds, self.d))  # noqa: E731
                        g = _grad(kind, w, H)
                        acc = np.sum(g * g, axis=1)
                        m = g + noise()
                        w = w - (eta * m if self.first == "eta" else m)
                        for _ in range(2, T + 1):
                            g = _grad(kind, w, H)
                            acc += np.sum(g * g, axis=1)
                            m = (1 - alpha) * m + alpha * (g + noise())
                            w = w - eta * m
                        rows.append({"config": f"{kind}, H = {H:g}, σ = {sigma:g}", "T": T, "measured": acc / T,
                                     "values": {"H": H, "Delta": Delta, "sigma": sigma, "T": float(T), "alpha": alpha}, "test": "le"})
        return rows
