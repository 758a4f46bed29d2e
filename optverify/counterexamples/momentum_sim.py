"""Monte Carlo of SGD with momentum (003 Algorithm 16) at Theorem 20.3's parameters (003 lines 2888–2948).

On the simulation engine: the declared update ``sgd_momentum_alpha`` (``first_step_eta``: the first step is
w_2 = w_1 − ηm_1, or w_1 − m_1 as printed) run by ``montecarlo.simulate`` with the engine's counter-based
Gaussian noise (base seed = the experiment's seed).  Losses: the non-convex ``families.saturating_quadratic``
L(w) = (H/2)Σ_i w_i²/(1 + w_i²) (H-smooth: H computed by the family, L_* = 0 at 0) or the quadratic
``families.separable`` (H/2)‖w‖², d = 4, gradient noise of per-coordinate scale σ/√d (E‖r‖² = σ²);
w_1 = (2, …, 2).  η = α/(√48·H), α = min(1/2, √(32√3HΔ + 12σ²)/(σ√T)).
Measured per seed: (1/T)Σ_{t=1}^T ‖∇L(w_t)‖² (the tracked statistic ``avg_grad_sq``).
"""

from __future__ import annotations

import math
import time

import numpy as np

SQ3 = math.sqrt(3.0)


def _family(kind, H, sigma, d):
    from optverify.sim import families as F

    scale = sigma / math.sqrt(d)
    if kind == "quadratic":
        return F.separable(H * np.ones(d), np.zeros(d), np.zeros(d), scale)
    return F.saturating_quadratic(H * np.ones(d), np.zeros(d), sigma=scale)


class MomentumRate:
    def __init__(self, first="eta", d=4):
        self.first, self.d = first, d
        self.description = (f"Algorithm 16 (engine kernel sgd_momentum_alpha, first step "
                            f"{'w_1 − ηm_1' if first == 'eta' else 'w_1 − m_1 as printed'}), d = {d}, "
                            "L = (H/2)Σ w_i²/(1 + w_i²) or (H/2)‖w‖², H ∈ {1, 4}, σ ∈ {0.5, 2}, Gaussian noise from the "
                            "engine's counter-based generator, w_1 = (2, …, 2), η = α/(√48·H), "
                            "α = min(1/2, √(32√3HΔ + 12σ²)/(σ√T)); measured (1/T)Σ‖∇L(w_t)‖²")

    def run(self, mode, seed, deadline):
        from optverify.sim.algorithms import config
        from optverify.sim.montecarlo import simulate

        horizons, seeds = ((100, 400, 1600), 200) if mode == "quick" else ((100, 400, 1600, 6400), 1000)
        rows = []
        w1 = 2.0 * np.ones(self.d)
        for kind in ("nonconvex", "quadratic"):
            for H in (1.0, 4.0):
                for sigma in (0.5, 2.0):
                    fam = _family(kind, H, sigma, self.d)
                    Hf, Delta = fam.constants["H"], fam.loss(w1) - fam.constants["L_star"]  # as the family computes them
                    for T in horizons:
                        if time.monotonic() > deadline:
                            return rows
                        alpha = min(0.5, math.sqrt(32 * SQ3 * Hf * Delta + 12 * sigma**2) / (sigma * math.sqrt(T)))
                        eta = alpha / (math.sqrt(48.0) * Hf)
                        cfg = config("sgd_momentum_alpha", eta=eta, alpha=alpha, first_step_eta=self.first == "eta")
                        r = simulate(cfg, fam, w1, T, seeds=seeds, base_seed=seed)
                        rows.append({"config": f"{kind}, H = {H:g}, σ = {sigma:g}", "T": T, "measured": r.values("avg_grad_sq"),
                                     "values": {"H": Hf, "Delta": Delta, "sigma": math.sqrt(fam.constants["sigma2"]),
                                                "T": float(T), "alpha": alpha}, "test": "le"})
        return rows
