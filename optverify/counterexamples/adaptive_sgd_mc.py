"""Monte Carlo of the adaptive SGD algorithms of 003 (Algorithms 6, 7/10, 8, 9) on families with computed constants.

The algorithms run on the simulation engine (``optverify.sim.algorithms``: ``minibatch_sgd``,
``adagrad_norm`` with ε² inside the root, ``adaptive_sgd_ema``, ``adaptive_sgd_ema_corrected``).
Per seed, the trajectory w_1 … w_{T+1} and the step sizes η_t (the declared steps' state ``eta_t``)
are recorded (``algorithms.run_states``) and the oracle's g_t = ∇ℓ(w_t, z_t) is re-drawn with the
kernel's own key (seed, stream, t), so every random quantity a theorem's right side takes inside its
expectation (Σ η_{t−1}‖∇L(w_t)‖², Σ η_t²‖g_t‖², ‖g‖ maxima) is computed per seed.  The recorded
trajectory is checked against w_{t+1} = w_t − η_t g_t with the re-drawn g_t
(``max_update_mismatch`` in each row: the recorded η_t is the step the kernel took with that g_t).

Problem: L(w) = h ρ_δ(w − w*) (1-D Huber, H = h, G_L = hδ, L* = 0, computed by the family) with
g = ∇L(w) + σξ, ξ of unit variance from several distributions with the same variance (Rademacher,
uniform, two-point with small p, sparse): the adversarial part of the search is over these noise
laws at equal σ².  All of them are bounded, so ‖g_t‖ ≤ G_L + σ max|ξ| = G with probability 1 and
G_ℓ = E[max_t ‖g_t‖] is measured per seed (its sample mean is used; a row also reports the a.s. G).
"""

from __future__ import annotations

import math
import time

import numpy as np

NOISES = (  # (name, engine noise, param, a.s. bound of |ξ|)
    ("rademacher", "rademacher", 0.0, 1.0),
    ("uniform", "bounded", 0.0, math.sqrt(3.0)),
    ("two-point p=0.1", "two_point", 0.1, math.sqrt(0.9 / 0.1)),
    ("two-point p=0.02", "two_point", 0.02, math.sqrt(0.98 / 0.02)),
    ("sparse p=0.05", "sparse", 0.05, 1 / math.sqrt(0.05)),
)

ALGORITHMS = {
    "alg7": lambda c, eps, beta: ("adagrad_norm", dict(c=c, eps=eps, eps_mode="eps2_inside")),
    "alg8": lambda c, eps, beta: ("adaptive_sgd_ema", dict(c=c, eps=eps, beta=beta)),
    "alg9": lambda c, eps, beta: ("adaptive_sgd_ema_corrected", dict(c=c, eps=eps, beta=beta)),
}


def sizes(mode: str):
    if mode == "quick":
        return [16, 64, 256], 40, NOISES[:3]
    return [16, 64, 256, 1024, 4096], 400, NOISES


class AdaptiveSGDRuns:
    """Per-seed quantities of one printed adaptive algorithm; ``measure(q)`` picks the measured side and the values."""

    def __init__(self, algorithm: str, measured: str, values=(), *, c: float = 1.0, eps: float = 0.1, beta: float = 0.9,
                 h: float = 1.0, delta: float = 1.0, sigma: float = 0.5, w1: float = 3.0):
        self.algorithm, self.measured, self.values = algorithm, measured, tuple(values)
        self.c, self.eps, self.beta, self.h, self.delta, self.sigma, self.w1 = c, eps, beta, h, delta, sigma, w1
        name = {"alg7": "Algorithm 7", "alg8": "Algorithm 8", "alg9": "Algorithm 9"}[algorithm]
        self.description = (
            f"{name} as printed (engine kernel {ALGORITHMS[algorithm](c, eps, beta)[0]}), c = {c}, ε = {eps}"
            + (f", β = {beta}" if algorithm != "alg7" else "")
            + f"; L(w) = {h}·ρ_{delta}(w) (1-D Huber: H = {h}, G_L = {h * delta}, Δ = L(w_1), w_1 = {w1}), "
            f"g = ∇L(w) + σξ with σ = {sigma} and ξ of unit variance from several laws (the noise search); "
            f"measured: {measured}"
        )

    def _family(self, noise, param):
        from optverify.sim import families as F

        return F.huber([self.h], self.delta, [0.0], sigma=self.sigma, noise=noise, noise_param=param)

    def per_seed(self, fam, T: int, seeds: int, base_seed: int, stream: int) -> dict:
        from optverify.sim.algorithms import config, run_states

        name, params = ALGORITHMS[self.algorithm](self.c, self.eps, self.beta)
        cfg = config(name, **params)
        H, GL = fam.constants["H"], fam.constants["G"]
        out = {k: np.empty(seeds) for k in ("L_T1", "sum_etaprev_grad2", "sum_eta_grad2", "sum_eta2_g2", "avg_grad",
                                             "rms_grad", "avg_grad2", "sum_grad2", "max_g", "sqrt_eps_sum_g2", "min_eta_sum_grad2",
                                             "sum_g2", "mismatch")}
        eta0 = self.c / self.eps
        for s in range(seeds):
            seed = base_seed + s
            r = run_states(cfg, fam, [self.w1], T, seed=seed, stream=stream)
            W, eta = r.trajectory[:, 0], r.state["eta_t"][:, 0]  # w_1 … w_{T+1}; η_t of step t (the kernel's own)
            g = np.array([fam.stochastic_grad(W[k : k + 1], seed, k + 1, stream)[0] for k in range(T)])
            gL = np.array([fam.grad(W[k : k + 1])[0] for k in range(T)])
            eta_prev = np.concatenate(([eta0], eta[:-1]))
            out["mismatch"][s] = float(np.max(np.abs(W[1:] - (W[:T] - eta * g)) / (1 + np.abs(W[1:]))))
            out["L_T1"][s] = fam.loss(W[T : T + 1])
            out["sum_etaprev_grad2"][s] = np.sum(eta_prev * gL * gL)
            out["sum_eta_grad2"][s] = np.sum(eta * gL * gL)
            out["sum_eta2_g2"][s] = np.sum(eta * eta * g * g)
            out["avg_grad"][s] = np.mean(np.abs(gL))
            out["avg_grad2"][s] = np.mean(gL * gL)
            out["sum_grad2"][s] = np.sum(gL * gL)
            out["rms_grad"][s] = math.sqrt(np.sum(gL * gL)) / math.sqrt(T)
            out["max_g"][s] = np.max(np.abs(g))
            out["sum_g2"][s] = np.sum(g * g)
            out["sqrt_eps_sum_g2"][s] = math.sqrt(self.eps**2 + np.sum(g * g))
            out["min_eta_sum_grad2"][s] = np.min(eta) * np.sum(gL * gL)
        out["constants"] = {"H": H, "G_L": GL, "sigma2": fam.constants["sigma2"], "eta0": eta0}
        return out

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds, noises = sizes(mode)
        rows = []
        for ni, (label, noise, param, xi_max) in enumerate(noises):
            fam = self._family(noise, param)
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                q = self.per_seed(fam, T, seeds, seed * 1000 + 17 * ni, ni)
                k = q["constants"]
                G_as = k["G_L"] + self.sigma * xi_max
                common = {
                    "H": k["H"], "G_L": k["G_L"], "G_ell": float(np.mean(q["max_g"])), "G": G_as,
                    "sigma": math.sqrt(k["sigma2"]), "sigma2_avg": k["sigma2"], "Delta": self.h * (self.delta * abs(self.w1) - self.delta**2 / 2)
                    if abs(self.w1) > self.delta else self.h * self.w1**2 / 2,
                    "c": self.c, "epsilon": self.eps, "beta": self.beta, "eta0": k["eta0"], "T": T,
                }
                common["L_w1"] = common["Delta"]
                values = {**common, **{"E_" + v: q[v] for v in self.values}}
                rows.append({"config": f"{label}, σ = {self.sigma}", "T": T, "measured": q[self.measured], "values": values,
                             "test": "le", "extra": {"max_update_mismatch": float(np.max(q["mismatch"])), "G_as": G_as}})
        return rows
