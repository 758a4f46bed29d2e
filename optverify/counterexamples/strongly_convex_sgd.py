"""Monte Carlo of projected SGD with η_t = 1/(μt) (003 Theorem 22.1, lines 3136–3182) on the simulation engine.

The declared update ``projected_sgd_strongly_convex`` run by ``montecarlo.simulate`` with the engine's
counter-based Gaussian noise (base seed = the experiment's seed).  Losses with L(w) = E ℓ(w, z) μ-strongly
convex and E‖∇ℓ(w, z)‖² ≤ G² on ‖w‖ ≤ D, G computed exactly:
* "quadratic": ℓ(w, z) = (μ/2)‖w − w_* − z‖², z ~ N(0, s²I), i.e. ``families.separable`` (h = μ, k = 0, w_*)
  with gradient noise of scale μs: L − L_* = (μ/2)‖w − w_*‖², E‖∇ℓ‖² = μ²(‖w − w_*‖² + ds²) ≤ μ²((D + ‖w_*‖)² + ds²);
* "absolute": ℓ(w, z) = (μ/2)‖w‖² + ⟨z, w⟩ + a‖w − w_0‖₁ (non-smooth), z ~ N(c, s²I): ∇ℓ = μw + z + a·sign(w − w_0),
  E‖∇ℓ‖² = ‖μw + c + a·sign‖² + ds² ≤ (μD + ‖c‖ + a√d)² + ds².  As ``families.separable_linear`` centred at w_0:
  L(w) = (μ/2)‖w − w_0‖² + ⟨c + μw_0, w − w_0⟩ + a‖w − w_0‖₁ + const, with gradient noise of scale s; its minimiser
  and L_* are computed by the family (coordinate-wise soft-thresholding).
Measured per seed: Σ_{t=1}^T (L(w_t) − L(w_*)) (the left side of line 3175; the tracked statistic ``regret``) and
its average over T (Theorem 22.1; ``avg_regret``).
"""

from __future__ import annotations

import math
import time

import numpy as np


def _family(kind, mu, s, d):
    """The loss family and G² = sup_{‖w‖≤D} E‖∇ℓ(w, z)‖² (exact) for D = 2."""
    from optverify.sim import families as F

    D = 2.0
    if kind == "quadratic":
        ws = np.array([1.0, -0.5, 0.5])[:d]
        fam = F.separable(mu * np.ones(d), np.zeros(d), ws, mu * s)
        return fam, mu**2 * (D + np.linalg.norm(ws)) ** 2 + fam.constants["sigma2"]
    c, a, w0 = np.array([0.3, -0.2, 0.1])[:d] * mu, 0.5 * mu, np.array([0.5, 0.0, -0.5])[:d]
    fam = F.separable_linear(mu * np.ones(d), a * np.ones(d), w0, c + mu * w0, s)
    return fam, (mu * D + np.linalg.norm(c) + a * math.sqrt(d)) ** 2 + fam.constants["sigma2"]


class StronglyConvexSGD:
    def __init__(self, average=True, d=3):
        self.average, self.d = average, d
        self.description = ("projected SGD (engine kernel projected_sgd_strongly_convex), η_t = 1/(μt), ball of radius D = 2, "
                            "d = 3, w_1 on the sphere; quadratic (Gaussian noise s ∈ {0.5, 2}) and non-smooth separable losses, "
                            "μ ∈ {0.1, 1}, noise from the engine's counter-based generator; G² = sup_{‖w‖≤D} E‖∇ℓ‖² exact; "
                            + ("(1/T)Σ_t E[L(w_t) − L_*]" if self.average else "Σ_t E[L(w_t) − L_*]"))

    def run(self, mode, seed, deadline):
        from optverify.sim.algorithms import config
        from optverify.sim.montecarlo import simulate

        horizons, seeds = ((10, 100, 500), 200) if mode == "quick" else ((10, 100, 1000, 10000), 2000)
        d, D = self.d, 2.0
        rows = []
        for kind in ("quadratic", "absolute"):
            for mu in (0.1, 1.0):
                for s in (0.5, 2.0):
                    fam, G2 = _family(kind, mu, s, d)
                    ws = fam.constants["w_star"]
                    if np.linalg.norm(ws) > D:
                        raise ValueError("experiment bug: w_* outside the ball")
                    w1 = -D * ws / max(np.linalg.norm(ws), 1e-12)
                    cfg = config("projected_sgd_strongly_convex", mu=mu, D=D)
                    for T in horizons:
                        if time.monotonic() > deadline:
                            return rows
                        r = simulate(cfg, fam, w1, T, seeds=seeds, base_seed=seed)
                        rows.append({"config": f"{kind}, μ = {mu:g}, s = {s:g}", "T": T,
                                     "measured": r.values("avg_regret" if self.average else "regret"),
                                     "values": {"G": math.sqrt(G2), "mu": mu, "T": float(T)}, "test": "le"})
        return rows
