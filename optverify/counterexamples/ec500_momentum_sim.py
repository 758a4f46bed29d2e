"""Monte Carlo experiments for 003 Algorithms 10 and 11 (lines 2003, 2083) on the simulation engine.

They use the engine's kernels ``gd_momentum`` (Algorithm 10, with its printed sign switch) and ``accelerated_gd``
(Algorithm 11) through the public entry points ``optverify.sim.config`` / ``simulate``; each ``run`` returns the
rows the Simulation check reads (``measured`` per seed, ``values``, ``T``, ``config``, ``test``).  They live
outside ``optverify/sim`` while the engine is being rebuilt; they belong beside ``optverify.sim.experiments``.
"""

from __future__ import annotations

import time

import numpy as np

from optverify import sim
from optverify.sim import families as sim_families


def _sizes(mode: str):
    return ([10, 100, 1000], 200) if mode == "quick" else ([10, 100, 1000, 10000], 2000)


class Alg10Descent:
    """Algorithm 10 on a noisy quadratic: does E[L(w_{T+1})] stay below L(w_1)?"""

    def __init__(self, update_sign: float = -1.0, two_step: bool = False, eta: float = 0.01, beta: float = 0.9):
        self.update_sign, self.two_step, self.eta, self.beta = update_sign, two_step, eta, beta
        printed = "as printed, w_{t+1} = w_t − v_t" if update_sign < 0 else "with w_{t+1} = w_t + v_t"
        self.description = (f"Algorithm 10 ({printed}; {'two-step' if two_step else 'Euler'} integrator), η = {eta}, β = {beta} "
                            "(line 1995's typical value), on L(w) = ½‖w‖², d = 10, Gaussian gradient noise σ = 0.1, w_1 = (1, …, 1)")

    def run(self, mode: str, seed: int, deadline: float):
        horizons, seeds = _sizes(mode)
        d = 10
        fam = sim_families.quadratic(np.eye(d), wstar=np.zeros(d), sigma=0.1)
        w1 = np.ones(d)
        cfg = sim.config("gd_momentum", eta=self.eta, beta=self.beta, two_step=self.two_step, update_sign=self.update_sign)
        L1 = fam.loss(w1) - fam.constants["L_star"]
        rows = []
        for T in horizons:
            if time.monotonic() > deadline:
                break
            r = sim.simulate(cfg, fam, w1, T, seeds=seeds, base_seed=seed)
            rows.append({"config": "quadratic d=10", "T": T, "measured": r.values("final_subopt"), "values": {"L_w1": L1}, "test": "le"})
        return rows


class Alg11Rate:
    """Algorithm 11 with exact gradients on smooth convex problems: L(w_{T+1}) − L* against 9‖w* − w_1‖²/(2T²η)."""

    def __init__(self, eta_times_H: float = 1.0):
        self.c = eta_times_H
        self.description = (f"Algorithm 11, η = {eta_times_H}/H, exact gradients, on Nesterov's worst-case quadratic (d = 200) and a "
                            "Huber function (d = 10); the measured quantity is L(w_{T+1}) − L*")

    def run(self, mode: str, seed: int, deadline: float):
        horizons, _ = _sizes(mode)
        rng = np.random.default_rng(seed)
        probs = {"nesterov worst case d=200": sim_families.nesterov_worst_case(200),
                 "huber d=10": sim_families.huber(rng.uniform(0.2, 1.0, 10), 0.1, rng.uniform(-1, 1, 10))}
        rows = []
        for name, fam in probs.items():
            H = fam.constants["H"]
            eta = self.c / H
            ws = np.asarray(fam.constants["w_star"], dtype=float)
            w1 = np.zeros(fam.d) if np.linalg.norm(ws) > 0 else np.ones(fam.d)
            D2 = float(np.sum((w1 - ws) ** 2))
            cfg = sim.config("accelerated_gd", eta=eta)
            for T in horizons:
                if time.monotonic() > deadline:
                    break
                r = sim.simulate(cfg, fam, w1, T, seeds=2, base_seed=seed, grad_mode="exact")
                rows.append({"config": name, "T": T, "measured": r.values("final_subopt"),
                             "values": {"eta": eta, "D2": D2, "T": float(T)}, "test": "le"})
        return rows
