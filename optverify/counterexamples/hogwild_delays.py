"""Hogwild! (003 Algorithms 14 and 15, Theorem 19.1, lines 2608–2689) under a delay model.

Two pieces:

* ``coordinate_quadratic``: an instance family whose expectations are *exact*
  (no sampling): L(w) = Σ_i φ(w_i), φ the Huber function with curvature H on
  [−δ, δ] and slope Hδ outside, so L is H-smooth and ‖∇ℓ‖ = ‖∇L‖ ≤ Hδ√d = G for
  every w (deterministic gradients, ℓ(w, z) = L(w)); no delay (k(t) = t, so any
  τ ≥ 0 bounds t − k(t)); Algorithm 15's random coordinate j(t) is averaged
  exactly: a start with |w_1[i]| ≤ δ stays in the quadratic zone while
  |1 − sηH| ≤ 1, and each coordinate's second moment contracts by
  1 − (1 − (1 − sηH)²)/d per update, s = 1 (Algorithm 15 as printed,
  w[j] ← w[j] − η g[j]) or s = d (the proof's update, line 2679).
* ``HogwildDelays``: a Monte Carlo experiment on the engine's ``hogwild``
  update: M workers, each running Algorithm 15's loop on a shared w; worker
  p(t) = t mod M reads w when its turn comes and writes M − 1 updates later
  (round-robin, delay "fixed": staleness exactly τ = M − 1 once t > τ, the worst
  the theorem's t − k(t) ≤ τ allows), or a random lag uniform on 0…τ; sparse
  stochastic gradients ℓ(w, z) = d·φ(w_z − c_z) with z uniform (the family's
  "coordinate" oracle: one non-zero coordinate, E ℓ = L) or dense deterministic
  ones; the expected rate of conflicts (an update whose coordinate j(t) was
  written between its read k(t) and its write t, so the stale read differs from
  w_t where it is used) is reported beside each row.
"""

from __future__ import annotations

import math
import time

import numpy as np

from optverify.counterexamples.schema import array, choice, family, integer, real


@family(
    {
        "d": integer(1, 12, examples=(12,)),
        "H": real(0.1, 10, log=True),
        "delta": real(0.1, 10, log=True),
        "a": real(0.05, 2, examples=(1.9, 1.0)),  # a = s·η·H, |1 − a| ≤ 1
        "T": integer(1, {"quick": 400, "thorough": 2000}, examples=(lambda p: 12 * p["d"],)),
        "u": array(real(-1, 1), "d", at={0: real(-1, 1, nonzero=0.05)}),
        "tau": integer(0, 8, examples=(0,)),
    },
    name="hogwild-coordinate-quadratic-{step}",
    description=lambda o: (
        "Algorithm 15 on L(w) = Σ_i Huber_{H,δ}(w_i), d ≤ 12, deterministic gradients (G = Hδ√d = sup‖∇ℓ‖), w_1 = δu, "
        "|u_i| ≤ 1, no delay (k(t) = t; τ ∈ 0…8 is any bound on t − k(t)), expectations over j(t) exact; step "
        + ("η g[j] as printed in Algorithm 15" if o["step"] == "printed" else "ηd g[j] as in the proof (line 2679)")
    ),
)
def coordinate_quadratic(p, num, *, step="printed"):
    d, H, delta, a = int(p["d"]), num.num(p["H"]), num.num(p["delta"]), num.num(p["a"])
    s = num.num(1) if step == "printed" else num.num(d)
    eta = a / (s * H)
    w2 = [(delta * num.num(u)) ** 2 for u in p["u"]]
    sq = sum(w2)
    rho = 1 - (1 - (1 - a) ** 2) / num.num(d)
    T = int(p["T"])
    geo = num.num(T) if rho == 1 else (1 - rho**T) / (1 - rho)  # Σ_{t=1}^T ρ^{t−1}
    Delta = H * sq / 2
    G = H * delta * num.sqrt(num.num(d))
    return {
        "measured": H * H * sq * geo,  # Σ_t E‖∇L(w_t)‖²
        "first_step": Delta * rho,  # E[L(w_2)]
        "L_w1": Delta,
        "grad_sq_w1": H * H * sq,
        "Delta": Delta, "eta": eta, "T": num.num(T), "d": num.num(d), "G": G, "H": H, "tau": num.num(int(p["tau"])),
    }


@family(
    {"c": real(-10, 10, nonzero=0.1), "eta": real(1e-3, 10, log=True), "d": integer(1, 12), "G": real(0.1, 10, log=True),
     "H": real(0.1, 10, log=True), "tau": integer(0, 8), "T": integer(1, 100), "sign": choice(1, -1)},
    name="hogwild-constant-loss",
    description="ℓ(w, z) = c (a constant loss: H-smooth for every H, ‖∇ℓ‖ = 0 ≤ G), w_1 = 0 = w_*, Δ = 0, Algorithm 15 never moves",
)
def constant_loss(p, num):
    c, T = num.num(p["c"]), int(p["T"])
    return {"measured": T * c * c, "Delta": num.num(0), "eta": num.num(p["eta"]), "d": num.num(int(p["d"])), "G": num.num(p["G"]),
            "H": num.num(p["H"]), "tau": num.num(int(p["tau"])), "T": num.num(T)}


def conflict_rate(d, tau, delay, T):
    """The expected fraction of the T updates whose coordinate j(t) was written by an update in k(t) … t − 1 (so the stale
    read differs from w_t where it is used): with the j's independent and uniform, 1 − (1 − 1/d)^(t − k(t)), averaged over
    the delay model of the engine's ``hogwild`` update (t − k(t) = min(τ, t − 1), or uniform on 0 … min(τ, t − 1))."""
    q = 1.0 - 1.0 / d
    total = 0.0
    for t in range(1, T + 1):
        m = min(tau, t - 1)
        total += 1.0 - (q**m if delay == "round-robin" else sum(q**lag for lag in range(m + 1)) / (m + 1))
    return total / T


class HogwildDelays:
    """Monte Carlo of Algorithm 15 with M workers on a shared w (stale reads, sparse gradients, conflicts counted)."""

    def __init__(self, step="proof", H=1.0, delta=1.0, d=8, eta_factor=0.5):
        self.step, self.H, self.delta, self.d, self.eta_factor = step, H, delta, d, eta_factor
        self.description = (
            f"Algorithm 15 ({'ηd g[j], the proof' if step == 'proof' else 'η g[j], as printed'}), d = {d}, L = Σ_i Huber_(H,δ)(w_i − c_i), "
            f"H = {H}, δ = {delta}; sparse: ℓ(w, z) = d·Huber(w_z − c_z), z uniform (one non-zero gradient coordinate), or dense "
            "deterministic ∇ℓ = ∇L; delays: round-robin M = τ + 1 workers (t − k(t) = τ once t > τ) or a lag uniform on 0…τ; "
            f"η = {eta_factor}/(s·H·G-free) so that |1 − sηH| < 1; Σ_t ‖∇L(w_t)‖² per seed"
        )

    def configurations(self):
        for noise in ("sparse", "dense"):
            for delay in ("round-robin", "uniform"):
                for tau in (0, 2, 8):
                    if tau == 0 and delay == "uniform":
                        continue
                    yield noise, delay, tau

    def simulate(self, noise, delay, tau, T, seeds, seed):
        """Σ_t ‖∇L(w_t)‖² per seed of the engine's ``hogwild`` update (003 Algorithm 15 with a delay model) on the Huber family."""
        from optverify.sim import families as F
        from optverify.sim.algorithms import config
        from optverify.sim.montecarlo import simulate

        d, H, delta = self.d, self.H, self.delta
        s = d if self.step == "proof" else 1
        eta = self.eta_factor / (s * H * (d if noise == "sparse" else 1))
        c = np.linspace(-2.0, 2.0, d) * delta  # the minimiser of L: w_* = c, L(w_*) = 0
        fam = F.huber(np.full(d, H), delta, c, noise="none")
        cfg = config("hogwild", eta=eta, tau=tau, delay="fixed" if delay == "round-robin" else "uniform", coordinate=True,
                     scale_by_d=self.step == "proof")
        # sparse: ℓ(w, z) = d·Huber(w_z − c_z), z uniform, is the family's one-coordinate oracle; dense: ∇ℓ = ∇L
        r = simulate(cfg, fam, np.zeros(d), T, seeds=seeds, base_seed=seed, grad_mode="coordinate" if noise == "sparse" else "exact")
        G = (d if noise == "sparse" else math.sqrt(d)) * H * delta
        values = {"Delta": fam.loss(np.zeros(d)), "eta": eta, "G": G, "H": H, "d": float(d), "tau": float(tau), "T": float(T)}
        return r.values("avg_grad_sq") * T, conflict_rate(d, tau, delay, T), values

    def run(self, mode, seed, deadline):
        horizons, seeds = ((50, 400), 200) if mode == "quick" else ((50, 200, 800, 3200), 2000)
        rows = []
        for ci, (noise, delay, tau) in enumerate(self.configurations()):
            for T in horizons:
                if time.monotonic() > deadline:
                    return rows
                measured, conflicts, values = self.simulate(noise, delay, tau, T, seeds, seed * 1000 + ci)
                rows.append({"config": f"{noise} gradients, {delay} delays, τ = {tau}", "T": T, "measured": measured, "values": values,
                             "test": "le", "extra": {"expected conflict rate": conflicts}})
        return rows


@family(
    {"w0": real(-5, 5), "w1": real(-5, 5), "z10": real(-5, 5), "z11": real(-5, 5, nonzero=0.1), "z20": real(-5, 5),
     "z21": real(-5, 5), "eta": real(0.01, 1)},
    name="hogwild-interleaving",
    description="two workers, w ∈ ℝ², ℓ(w, z) = ½‖w − z‖²: i_1 computes its gradient at w and writes w[0] (line 2602), then i_2 "
                "reads w (line 2624); measured: the squared distance of i_2's gradient from the gradients at w and at w − ηg_{t,i_1}, "
                "the two points a locked run could have used",
)
def interleaving(p, num):
    w = [num.num(p["w0"]), num.num(p["w1"])]
    z1, z2, eta = [num.num(p["z10"]), num.num(p["z11"])], [num.num(p["z20"]), num.num(p["z21"])], num.num(p["eta"])
    g1 = [w[0] - z1[0], w[1] - z1[1]]
    partial = [w[0] - eta * g1[0], w[1]]  # i_1 has written coordinate 0 only
    full = [w[0] - eta * g1[0], w[1] - eta * g1[1]]
    g2 = [partial[0] - z2[0], partial[1] - z2[1]]

    def dist2(v):
        return (g2[0] - (v[0] - z2[0])) ** 2 + (g2[1] - (v[1] - z2[1])) ** 2

    return {"measured": min(dist2(w), dist2(full)), "scale": g1[0] ** 2 + g1[1] ** 2}
