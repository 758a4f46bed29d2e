"""Monte Carlo of minibatch SGD (003 Algorithm 6) on the engine: Σ_t E‖∇L(w_t)‖² against Theorem 7.2's first bound.

Family: a diagonal quadratic (H = largest eigenvalue, computed) with noise of one per-sample variance
σ² from several laws (Gaussian, Rademacher, two-point, Student t with 5 degrees of freedom); the
step size is η = κ/H for κ ∈ {1, 1/2, 1/10} (the theorem asks η ≤ 1/H); batch sizes B ∈ {1, 4, 16}.
Per seed: measured Σ_t ‖∇L(w_t)‖² = T·avg_grad_sq; Δ = L(w_1) − L* exactly.
"""

from __future__ import annotations

import math
import time

import numpy as np

NOISES = (("gaussian", "gaussian", 0.0), ("rademacher", "rademacher", 0.0), ("two-point p=0.05", "two_point", 0.05),
          ("student t ν=5", "student_t", 5.0))


class MinibatchSGDRuns:
    def __init__(self, measured="sum_grad2"):
        self.measured = measured
        self.description = ("Algorithm 6 (engine kernel minibatch_sgd), L(w) = ½(w₁² + 4w₂²) (H = 4), w_1 = (3, −2), per-sample "
                            "noise σ = 1 from Gaussian / Rademacher / two-point / Student t(5) laws, η = κ/H with κ ∈ {1, 1/2, 1/10}, "
                            "B ∈ {1, 16} (quick) / {1, 4, 16}; measured Σ_t ‖∇L(w_t)‖²")

    def run(self, mode, seed, deadline):
        from optverify.sim import families as F
        from optverify.sim.algorithms import config
        from optverify.sim.montecarlo import simulate

        horizons, seeds = ([16, 64, 256], 100) if mode == "quick" else ([16, 64, 256, 1024, 4096], 2000)
        noises = NOISES[:2] if mode == "quick" else NOISES
        kappas = (1.0, 0.1) if mode == "quick" else (1.0, 0.5, 0.1)
        rows = []
        w1 = np.array([3.0, -2.0])
        for ni, (label, noise, param) in enumerate(noises):
            fam = F.diagonal_quadratic([1.0, 4.0], [0.0, 0.0], sigma=1.0 / math.sqrt(2), noise=noise, noise_param=param)
            H, sigma2 = fam.constants["H"], fam.constants["sigma2"]
            Delta = fam.loss(w1) - fam.constants["L_star"]
            for kappa in kappas:
                for B in ((1, 16) if mode == "quick" else (1, 4, 16)):
                    cfg = config("minibatch_sgd", eta=kappa / H, B=B)
                    for T in horizons:
                        if time.monotonic() > deadline:
                            return rows
                        r = simulate(cfg, fam, w1, T, seeds=seeds, base_seed=seed, stream=ni)
                        values = {"H": H, "sigma": math.sqrt(sigma2), "B": B, "T": T, "eta": kappa / H, "Delta": Delta}
                        rows.append({"config": f"{label}, η = {kappa}/H, B = {B}", "T": T,
                                     "measured": T * r.values("avg_grad_sq"), "values": values, "test": "le",
                                     "extra": {"L(w_{T+1}) mean": float(np.mean(r.values("final_subopt")))}})
        return rows
