"""Monte Carlo experiments for 003 sections 23–24: the printed algorithms run on the simulation engine.

Each experiment runs a kernel of ``optverify.sim`` (``svrg``, ``normalized_sgd_momentum``,
``normalized_sgd_vr_momentum``) over many seeds and returns the rows ``ov.Simulation`` compares
with a bound: one row per (configuration, horizon), ``measured`` per seed, the constants the
bound uses in ``values``.  Constants are computed from the problem (H, σ², L*, w*), never typed.

The momentum m_t is not an output of the kernels: the same declared step is run by the reference
interpreter (``sim.engine.reference``) on the oracle the kernel saw (``Oracle.of_family``: the
same keys, so the same samples z_t), its state after step t is m_t, and its iterates are checked
against the kernel's recorded run before m_t is used.  Algorithm 17 is checked the same way: the
kernel against the declared step interpreted on the kernel's own samples.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from optverify.sim import families as F
from optverify.sim.algorithms import config, run_trajectory
from optverify.sim.engine.reference import Oracle, run as reference_run
from optverify.verify.numctx import FloatCtx

_FLOAT = FloatCtx()  # one context: the reference binds its words once per context


def _kernel_and_reference(cfg, fam, w1, T, seed):
    """(the kernel's iterates w_1..w_{T+1}, the reference's states after steps 1..T) of one run on the same oracle;
    a reference run that leaves the kernel's iterates (beyond 1e-9 relative) is an engine error, not evidence."""
    W = run_trajectory(cfg, fam, w1, T, seed=seed).trajectory
    ws, states = reference_run(cfg.name, _FLOAT, list(w1), Oracle.of_family(fam, seed, 0), T, **cfg.values)
    gap = float(np.max(np.abs(np.array(ws, dtype=float) - W)))
    if gap > 1e-9 * (1.0 + float(np.max(np.abs(W)))):
        raise RuntimeError(f"the {cfg.name} kernel and its declared step interpreted on the same samples differ by {gap:.3g}")
    return W, states


def _seeds(mode):
    return 200 if mode == "quick" else 2000


def _svrg_problem():
    rng = np.random.default_rng(20230)
    N, d = 8, 2
    X = rng.normal(size=(N, d))
    y = X @ np.array([1.0, -2.0]) + 0.5 * rng.normal(size=N)
    return F.least_squares(X, y, name="least_squares_8x2", source="003 section 23"), X, y


@dataclass
class SVRGAverageGap:
    """Theorem 23.2: E[(1/T) Σ_{t=1}^T L(w_t) − L(w*)] of Algorithm 17 (kernel ``svrg``) on a least-squares finite sum."""

    c_fracs: tuple = (1.0, 0.25)  # η = c/√N = frac/(8H): the largest allowed step and a smaller one
    description: str = ("SVRG (Algorithm 17, kernel svrg) on a least-squares finite sum, N = 8 rows in ℝ², H = max_j ‖x_j‖² "
                        "(each ℓ(·, z_j) H-smooth and convex), η = c/√N ≤ 1/(8H), T = N·{2, 4, 8}, w_1 = (3, 3)")

    def run(self, mode, seed, deadline):
        fam, X, y = _svrg_problem()
        N, H = X.shape[0], fam.constants["H_component"]
        ws, Ls = fam.constants["w_star"], fam.constants["L_star"]
        w1 = np.array([3.0, 3.0])
        Delta = float(fam.loss(w1) - Ls)
        Dist = float(np.linalg.norm(w1 - ws))
        rows = []
        epochs = (2, 4, 8) if mode == "quick" else (2, 4, 8, 16, 32)
        for frac in self.c_fracs:
            eta = frac / (8 * H)
            c = eta * np.sqrt(N)
            cfg = config("svrg", eta=eta, N=N)
            for ep in epochs:
                T = N * ep
                meas = []
                for s in range(_seeds(mode)):
                    if time.monotonic() > deadline:
                        return rows
                    W = run_trajectory(cfg, fam, w1, T, seed=seed + s).trajectory[:T]
                    r = W @ X.T - y
                    meas.append(float(np.mean(0.5 * np.mean(r * r, axis=1))) - Ls)
                rows.append({"measured": np.array(meas), "values": {"N": N, "c": c, "H": H, "Delta": Delta, "D": Dist, "T": T},
                             "T": T, "config": f"eta={eta:.4g} (c={c:.4g})", "test": "le"})
        return rows


def _momentum_errors(fam, cfg, w1, T, seed):
    """‖m_t − ∇L(w_t)‖ for t = 1..T of one run: m_t is the declared step's state (``_kernel_and_reference``)."""
    W, states = _kernel_and_reference(cfg, fam, w1, T, seed)
    errs = np.array([np.linalg.norm(np.array(states[t - 1]["m"], dtype=float) - fam.grad(W[t - 1])) for t in range(1, T + 1)])
    return errs, W


@dataclass
class MomentumError:
    """Lemmas 24.1 / 24.4: E‖m_t − ∇L(w_t)‖ at t = T for the printed normalized momentum updates."""

    vr: bool = False
    configs: tuple = ((1.0, 50.0, 0.05, 0.1, 0.5), (1.0, 50.0, 0.05, 0.5, 0.5), (4.0, 0.5, 0.02, 0.05, 1.0))
    # (H, w_1, η, α, σ): far from the minimum the gradient drifts by Hη every step (the bias term), near it noise dominates
    description: str = field(default="")

    def __post_init__(self):
        kern = "normalized_sgd_vr_momentum (line 3600)" if self.vr else "normalized_sgd_momentum (line 3436)"
        self.description = (f"{kern} on L(w) = H w²/2 with Gaussian gradient noise of variance σ² (exactly), "
                            "configurations (H, w_1, η, α, σ) = " + ", ".join(map(str, self.configs)) + "; t = T")

    def run(self, mode, seed, deadline):
        rows = []
        horizons = (5, 40) if mode == "quick" else (5, 20, 80, 320)
        name = "normalized_sgd_vr_momentum" if self.vr else "normalized_sgd_momentum"
        for (H, w1, eta, alpha, sig) in self.configs:
            fam = F.diagonal_quadratic([H], wstar=[0.0], sigma=sig)
            sigma = float(np.sqrt(fam.constants["sigma2"]))
            cfg = config(name, eta=eta, alpha=alpha)
            for T in horizons:
                meas = []
                for s in range(60 if mode == "quick" else 1000):
                    if time.monotonic() > deadline:
                        return rows
                    errs, _ = _momentum_errors(fam, cfg, np.array([w1]), T, seed + s)
                    meas.append(errs[T - 1])
                rows.append({"measured": np.array(meas), "values": {"H": H, "eta": eta, "alpha": alpha, "sigma": sigma, "t": T},
                             "T": T, "config": f"H={H}, w1={w1}, eta={eta}, alpha={alpha}, sigma={sigma:.3g}", "test": "le"})
        return rows


@dataclass
class GradientNormSum:
    """Theorems 24.3 / 24.5: E Σ_{t=1}^T ‖∇L(w_t)‖ with the printed α and η."""

    theorem: str = "24.3"
    description: str = field(default="")

    def __post_init__(self):
        alg = "normalized_sgd_momentum" if self.theorem == "24.3" else "normalized_sgd_vr_momentum"
        self.description = (f"{alg} with α, η of Theorem {self.theorem} on L(w) = (w_1² + 4 w_2²)/2 (H = 4) with Gaussian "
                            "noise (σ² = Σσ_i², computed), w_1 = (3, −2), σ_i ∈ {0.05, 1}")

    def run(self, mode, seed, deadline):
        rows = []
        horizons = (16, 64, 256) if mode == "quick" else (16, 64, 256, 1024, 4096)
        name = "normalized_sgd_momentum" if self.theorem == "24.3" else "normalized_sgd_vr_momentum"
        w1 = np.array([3.0, -2.0])
        for sig in (0.05, 1.0):
            fam = F.diagonal_quadratic([1.0, 4.0], wstar=[0.0, 0.0], sigma=sig)
            H, sigma = fam.constants["H"], float(np.sqrt(fam.constants["sigma2"]))
            Delta = float(fam.loss(w1) - fam.constants["L_star"])
            for T in horizons:
                if self.theorem == "24.3":
                    alpha = min(1.0, np.sqrt(Delta * H) / (sigma * np.sqrt(T)))
                    eta = np.sqrt(Delta * alpha) / np.sqrt(H * T)
                else:
                    alpha = T ** (-2.0 / 3.0)
                    eta = np.sqrt(Delta * np.sqrt(alpha)) / np.sqrt(H * T)
                cfg = config(name, eta=eta, alpha=alpha)
                meas = []
                for s in range(_seeds(mode)):
                    if time.monotonic() > deadline:
                        return rows
                    W = run_trajectory(cfg, fam, w1, T, seed=seed + s).trajectory[:T]
                    meas.append(float(np.sum(np.linalg.norm(W * np.array([1.0, 4.0]), axis=1))))
                rows.append({"measured": np.array(meas), "values": {"Delta": Delta, "H": H, "sigma": sigma, "T": T},
                             "T": T, "config": f"sigma={sigma:.3g}", "test": "le"})
        return rows


@dataclass
class CubicStepAgreement:
    """The engine kernel ``cubic_newton`` (003 lines 3827, 3861) against the certified global solution of each subproblem.

    The kernel runs on the quartic L(w) = Σ_i (w_i⁴/4 − s_i w_i²/2) (a saddle at 0); at every iterate w_t the
    subproblem min_δ ⟨∇L(w_t), δ⟩ + δᵀ∇²L(w_t)δ/2 + J‖δ‖³/6 is re-solved by the certified solver of
    ``ec500_second_order.cubic_step`` (the Hessian is diagonal) and measured = |P_t(δ_kernel) − P_t(δ_certified)|/(1 + |P_t(δ_certified)|);
    the row's bound is 1e-9 (floating-point agreement), and the certificate's stationarity residual and PSD margin
    are reported beside it."""

    description: str = ("kernel cubic_newton on L(w) = Σ_i (w_i⁴/4 − s_i w_i²/2), s = (1, 0.5), J ∈ {0.5, 3}, random w_1 ∈ [−2, 2]², "
                        "T = 6; each step compared with the certified global minimiser of its cubic model")

    def run(self, mode, seed, deadline):
        from optverify.counterexamples.families.ec500_second_order import cubic_model, cubic_step
        from optverify.verify.numctx import FloatCtx

        num = FloatCtx()
        fam = F.quartic([1.0, 0.5])
        rng = np.random.default_rng(seed)
        rows = []
        for J in (0.5, 3.0):
            meas, resid, margin = [], [], []
            for s in range(40 if mode == "quick" else 400):
                if time.monotonic() > deadline:
                    return rows
                w1 = rng.uniform(-2, 2, size=2)
                W = run_trajectory(config("cubic_newton", J=J), fam, w1, 6, seed=seed + s).trajectory
                worst = 0.0
                for t in range(6):
                    g, Hm = fam.grad(W[t]), fam.hessian(W[t])
                    h = list(np.diag(Hm))
                    dk = W[t + 1] - W[t]
                    dc, cert = cubic_step(num, list(g), h, J)
                    Pk, Pc = cubic_model(num, list(g), h, J, list(dk)), cubic_model(num, list(g), h, J, dc)
                    worst = max(worst, abs(Pk - Pc) / (1 + abs(Pc)))
                    resid.append(cert["stationarity_residual"])
                    margin.append(cert["psd_margin"])
                meas.append(worst)
            rows.append({"measured": np.array(meas), "values": {"tol": 1e-9}, "T": 6, "config": f"J={J}", "test": "le",
                         "extra": {"max_stationarity_residual": float(max(resid)), "min_psd_margin": float(min(margin))}})
        return rows


@dataclass
class SVRGKernelReplay:
    """The engine kernel ``svrg`` against Algorithm 17 as printed, on the same samples.

    For each seed the kernel's trajectory is recorded, and Algorithm 17 as declared (``sim/updates/sgd.py``:
    v_1 = w_1, g_t = ∇ℓ(w_t, z_t) − ∇ℓ(v_e, z_t) + ∇L(v_e), w_{t+1} = w_t − ηg_t, at t ≡ 0 (mod N): e ← e + 1,
    v_e = (1/N)Σ_{i=t−N+1}^t w_i) is interpreted line by line on the oracle the kernel saw (the same z_t);
    measured = max_t ‖w_t(kernel) − w_t(printed)‖/(1 + max_t ‖w_t‖), against 1e-9."""

    description: str = ("kernel svrg vs Algorithm 17 interpreted from its declaration on the kernel's own samples z_t, "
                        "least-squares finite sum (N = 8 rows in ℝ²), η = 1/(8H), T = 4N")

    def run(self, mode, seed, deadline):
        fam, X, y = _svrg_problem()
        N, H = X.shape[0], fam.constants["H_component"]
        eta = 1 / (8 * H)
        T = 4 * N
        cfg = config("svrg", eta=eta, N=N)
        w1 = np.array([3.0, 3.0])
        meas = []
        for s in range(50 if mode == "quick" else 500):
            if time.monotonic() > deadline:
                break
            W = run_trajectory(cfg, fam, w1, T, seed=seed + s).trajectory
            P = np.array(reference_run("svrg", _FLOAT, list(w1), Oracle.of_family(fam, seed + s, 0), T, **cfg.values)[0],
                         dtype=float)
            meas.append(float(np.max(np.linalg.norm(W - P, axis=1)) / (1 + np.max(np.linalg.norm(P, axis=1)))))
        if not meas:
            return []
        return [{"measured": np.array(meas), "values": {"tol": 1e-9}, "T": T, "config": f"eta={eta:.4g}", "test": "le"}]
