"""numba kernels: one per algorithm, written exactly as lecture notes 000 print them.

Every kernel runs T steps on the separable problem of ``problems.py`` (given
as the arrays ``h, k, wstar, sigma, noise_kind`` = ``SeparableProblem.arrays()``)
from the start point ``w1`` and returns summary statistics.  Step t = 1..T
uses the stochastic gradient g_t = sep_grad(..., w_t, seed, stream, t, ...),
so the noise at (seed, stream, t, i) is shared by every algorithm and every
configuration (common random numbers).

Conventions shared by all kernels
* regret = sum_{t=1}^T (L(w_t) - L*) with L* = 0, i.e. w_1..w_T, not w_{T+1}.
* 0/0: when the accumulated squared-gradient sum in a denominator is exactly 0
  the step is 0 (for AdaGrad this forces the numerator gradient to be 0 too).
* ``*_trajectory`` variants take the same arguments and additionally return
  W with shape (T+1, d), row t-1 = w_t (so row T is w_{T+1}).
* ``mc_*`` drivers take the same arguments with ``seed`` replaced by
  ``seeds, base_seed``; replicate s runs the single kernel with
  seed = rng.seed_for(base_seed, s), in parallel (numba.prange).  Each
  replicate is sequential and independent, so results are bit-identical
  across calls and thread counts, and entry s equals the single-kernel result
  for that seed.
* No default arguments (numba would compile a specialisation per omitted-args
  pattern): pass everything; pass floats as float and ints as int to avoid
  extra compilations.  ``AdamConfig.args()`` builds Adam's parameter block.

Source: lecture notes 000 (optverify/sources/000_*.txt): Theorem 2 (line 77),
Theorem 3 (line 88), Algorithm 1 Adam (line 192), sign update (line 281).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit, prange

from .problems import sep_grad, sep_loss
from .rng import seed_for

__all__ = [
    "adagrad_norm_ball",
    "adagrad_norm_ball_trajectory",
    "mc_adagrad_norm_ball",
    "adagrad_diag_box",
    "adagrad_diag_box_trajectory",
    "mc_adagrad_diag_box",
    "adam",
    "adam_trajectory",
    "mc_adam",
    "AdamConfig",
    "sign_update",
    "sign_update_trajectory",
    "mc_sign_update",
]


@njit(cache=True)
def _no_record(d):
    """Zero-row trajectory buffer: tells a ``_run`` core not to record iterates."""
    return np.empty((0, d), dtype=np.float64)


# ---------------------------------------------------------------------------
# (a) AdaGrad-norm / adaptive GD, Theorem 2 (notes 000, line 77)
#     g_t = grad l(w_t, z_t)
#     w_{t+1} = Pi_{||w||_2 <= D} ( w_t - c g_t / sqrt(sum_{tau<=t} ||g_tau||^2) )
# ---------------------------------------------------------------------------


@njit(cache=True)
def _adagrad_norm_ball_run(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream, W):
    d = w1.shape[0]
    record = W.shape[0] > 0
    w = w1.copy()
    g = np.empty(d)
    sumsq = 0.0
    regret = 0.0
    for t in range(1, T + 1):
        if record:
            W[t - 1, :] = w
        regret += sep_loss(h, k, wstar, w)
        sep_grad(h, k, wstar, sigma, w, seed, stream, t, noise_kind, g)
        for i in range(d):
            sumsq += g[i] * g[i]
        if sumsq > 0.0:  # sumsq == 0 => g_t == 0 => step 0 (0/0 convention)
            denom = np.sqrt(sumsq)
            for i in range(d):
                w[i] = w[i] - c * g[i] / denom
        # Euclidean projection onto {||w||_2 <= D}
        nrm = 0.0
        for i in range(d):
            nrm += w[i] * w[i]
        nrm = np.sqrt(nrm)
        if nrm > D:
            for i in range(d):
                w[i] = w[i] * (D / nrm)
    if record:
        W[T, :] = w
    return regret, np.sqrt(sumsq)


@njit(cache=True)
def adagrad_norm_ball(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream):
    """AdaGrad-norm of Theorem 2 (notes 000, line 77); returns (regret, S).

    w_{t+1} = Pi_{||w||_2<=D}(w_t - c g_t / sqrt(sum_{tau<=t} ||g_tau||^2)),
    regret = sum_{t=1}^T L(w_t), S = sqrt(sum_{t=1}^T ||g_t||^2).
    Theorem 2's bound (c = sqrt(2) D, ||wstar||_2 <= D): E[regret] <= 2 sqrt(2) D E[S].
    """
    return _adagrad_norm_ball_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                  seed, stream, _no_record(w1.shape[0]))


@njit(cache=True)
def adagrad_norm_ball_trajectory(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream):
    """As ``adagrad_norm_ball``; returns (regret, S, W) with W[t-1] = w_t, shape (T+1, d)."""
    W = np.empty((T + 1, w1.shape[0]))
    regret, S = _adagrad_norm_ball_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                       seed, stream, W)
    return regret, S, W


@njit(cache=True, parallel=True)
def mc_adagrad_norm_ball(h, k, wstar, sigma, noise_kind, w1, c, D, T, seeds, base_seed, stream):
    """Per-seed (regret, S) arrays of length ``seeds`` for ``adagrad_norm_ball``."""
    regret = np.empty(seeds)
    S = np.empty(seeds)
    for s in prange(seeds):
        r, sn = _adagrad_norm_ball_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                       seed_for(base_seed, s), stream,
                                       _no_record(w1.shape[0]))
        regret[s] = r
        S[s] = sn
    return regret, S


# ---------------------------------------------------------------------------
# (b) diagonal AdaGrad, Theorem 3 (notes 000, line 88)
#     w_{t+1}[i] = Pi_{|w[i]| <= D} ( w_t[i] - c g_t[i] / sqrt(sum_{tau<=t} g_tau[i]^2) )
# ---------------------------------------------------------------------------


@njit(cache=True)
def _adagrad_diag_box_run(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream, W):
    d = w1.shape[0]
    record = W.shape[0] > 0
    w = w1.copy()
    g = np.empty(d)
    sumsq = np.zeros(d)
    regret = 0.0
    for t in range(1, T + 1):
        if record:
            W[t - 1, :] = w
        regret += sep_loss(h, k, wstar, w)
        sep_grad(h, k, wstar, sigma, w, seed, stream, t, noise_kind, g)
        for i in range(d):
            sumsq[i] += g[i] * g[i]
            x = w[i]
            if sumsq[i] > 0.0:  # else g_t[i] == 0: step 0 (0/0 convention)
                x = x - c * g[i] / np.sqrt(sumsq[i])
            # projection onto the box |w[i]| <= D
            if x > D:
                x = D
            elif x < -D:
                x = -D
            w[i] = x
    if record:
        W[T, :] = w
    S_diag = 0.0
    total = 0.0
    for i in range(d):
        S_diag += np.sqrt(sumsq[i])
        total += sumsq[i]
    return regret, S_diag, np.sqrt(total)


@njit(cache=True)
def adagrad_diag_box(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream):
    """Diagonal AdaGrad of Theorem 3 (notes 000, line 88); returns (regret, S_diag, S).

    w_{t+1}[i] = Pi_{|w[i]|<=D}(w_t[i] - c g_t[i] / sqrt(sum_{tau<=t} g_tau[i]^2)),
    S_diag = sum_i sqrt(sum_t g_t[i]^2), S = sqrt(sum_t ||g_t||^2).
    Theorem 3's bound (c = sqrt(2) D, ||wstar||_inf <= D): E[regret] <= 2 sqrt(2) D E[S_diag].
    """
    return _adagrad_diag_box_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                 seed, stream, _no_record(w1.shape[0]))


@njit(cache=True)
def adagrad_diag_box_trajectory(h, k, wstar, sigma, noise_kind, w1, c, D, T, seed, stream):
    """As ``adagrad_diag_box``; returns (regret, S_diag, S, W), W shape (T+1, d)."""
    W = np.empty((T + 1, w1.shape[0]))
    regret, S_diag, S = _adagrad_diag_box_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                              seed, stream, W)
    return regret, S_diag, S, W


@njit(cache=True, parallel=True)
def mc_adagrad_diag_box(h, k, wstar, sigma, noise_kind, w1, c, D, T, seeds, base_seed, stream):
    """Per-seed (regret, S_diag, S) arrays for ``adagrad_diag_box``."""
    regret = np.empty(seeds)
    S_diag = np.empty(seeds)
    S = np.empty(seeds)
    for s in prange(seeds):
        r, sd, sn = _adagrad_diag_box_run(h, k, wstar, sigma, noise_kind, w1, c, D, T,
                                          seed_for(base_seed, s), stream,
                                          _no_record(w1.shape[0]))
        regret[s] = r
        S_diag[s] = sd
        S[s] = sn
    return regret, S_diag, S


# ---------------------------------------------------------------------------
# (c) Adam, Algorithm 1 (notes 000, line 192), as printed:
#     m_t = beta1 m_{t-1} - (1 - beta1) g_t          (note the printed minus sign)
#     mhat_t = m_t / (1 - beta1^t)
#     v_t = beta2 v_{t-1} + (1 - beta2) g_t^2,  v_0 = 0 (m_0 = 0)
#     vhat_t = v_t / (1 - beta2^t)
#     w_{t+1} = w_t - eta_t mhat_t / sqrt(vhat_t)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AdamConfig:
    """Adam switches; defaults reproduce Algorithm 1 exactly as printed.

    eta_t = eta / t**eta_power.  momentum_sign = -1.0 is the printed
    m_t = beta1 m_{t-1} - (1-beta1) g_t; +1.0 is the usual Adam.  eps_mode:
    0 = no epsilon (printed), 1 = sqrt(vhat + eps^2), 2 = sqrt(vhat) + eps.
    """

    eta: float
    eta_power: float = 0.0
    beta1: float = 0.9
    beta2: float = 0.999
    eps_mode: int = 0
    eps: float = 1e-8
    momentum_sign: float = -1.0
    bias_correction: bool = True

    def args(self) -> tuple:
        """(eta, eta_power, beta1, beta2, eps_mode, eps, momentum_sign, bias_correction)
        with the dtypes the kernels are compiled for."""
        return (float(self.eta), float(self.eta_power), float(self.beta1),
                float(self.beta2), int(self.eps_mode), float(self.eps),
                float(self.momentum_sign), bool(self.bias_correction))


@njit(cache=True)
def _adam_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, beta1, beta2,
              eps_mode, eps, momentum_sign, bias_correction, T, seed, stream, W):
    if eps_mode < 0 or eps_mode > 2:
        raise ValueError("eps_mode must be 0 (none), 1 (inside) or 2 (outside)")
    if bias_correction and not (0.0 <= beta1 < 1.0 and 0.0 <= beta2 < 1.0):
        raise ValueError("bias correction needs 0 <= beta1, beta2 < 1")
    d = w1.shape[0]
    record = W.shape[0] > 0
    w = w1.copy()
    g = np.empty(d)
    m = np.zeros(d)
    v = np.zeros(d)
    regret = 0.0
    n_zero_div = 0
    n_nonfinite = 0
    for t in range(1, T + 1):
        if record:
            W[t - 1, :] = w
        regret += sep_loss(h, k, wstar, w)
        sep_grad(h, k, wstar, sigma, w, seed, stream, t, noise_kind, g)
        eta_t = eta / t ** eta_power
        if bias_correction:
            bc1 = 1.0 - beta1 ** t
            bc2 = 1.0 - beta2 ** t
        else:
            bc1 = 1.0
            bc2 = 1.0
        for i in range(d):
            m[i] = beta1 * m[i] + momentum_sign * (1.0 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i]
            mhat = m[i] / bc1
            vhat = v[i] / bc2
            if eps_mode == 0:
                denom = np.sqrt(vhat)
            elif eps_mode == 1:
                denom = np.sqrt(vhat + eps * eps)
            else:
                denom = np.sqrt(vhat) + eps
            if denom == 0.0:
                # step 0 by convention.  With beta2 > 0 this means g_1..g_t[i]
                # were all 0, so mhat = 0 too (a true 0/0); with beta2 = 0 and
                # beta1 > 0, mhat may be nonzero and the printed formula would
                # give +-inf: we still take step 0 and count it here.
                n_zero_div += 1
            else:
                w[i] = w[i] - eta_t * mhat / denom
            if not np.isfinite(w[i]):
                n_nonfinite += 1
    if record:
        W[T, :] = w
    return regret, w, sep_loss(h, k, wstar, w), n_zero_div, n_nonfinite


@njit(cache=True)
def adam(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, beta1, beta2,
         eps_mode, eps, momentum_sign, bias_correction, T, seed, stream):
    """Adam, Algorithm 1 of notes 000 (line 192) with switches.

    Returns (regret, w_final, final_loss, n_zero_div, n_nonfinite):
    w_final = w_{T+1}, final_loss = L(w_{T+1}); n_zero_div counts
    coordinate-steps whose denominator was exactly 0 (step set to 0);
    n_nonfinite counts coordinate-steps after which w_{t+1}[i] was inf/nan.
    Defaults as printed: momentum_sign=-1.0, bias_correction=True, eps_mode=0
    (see ``AdamConfig``).  Requires 0 <= beta1, beta2 < 1 with bias correction.
    """
    return _adam_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, beta1, beta2,
                     eps_mode, eps, momentum_sign, bias_correction, T, seed, stream,
                     _no_record(w1.shape[0]))


@njit(cache=True)
def adam_trajectory(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, beta1, beta2,
                    eps_mode, eps, momentum_sign, bias_correction, T, seed, stream):
    """As ``adam``; returns (regret, w_final, final_loss, n_zero_div, n_nonfinite, W)."""
    W = np.empty((T + 1, w1.shape[0]))
    r, wf, fl, nz, nn = _adam_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power,
                                  beta1, beta2, eps_mode, eps, momentum_sign,
                                  bias_correction, T, seed, stream, W)
    return r, wf, fl, nz, nn, W


@njit(cache=True, parallel=True)
def mc_adam(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, beta1, beta2,
            eps_mode, eps, momentum_sign, bias_correction, T, seeds, base_seed, stream):
    """Per-seed arrays (regret, final_loss, n_zero_div, n_nonfinite, w_final[seeds, d])."""
    d = w1.shape[0]
    regret = np.empty(seeds)
    final_loss = np.empty(seeds)
    n_zero_div = np.empty(seeds, dtype=np.int64)
    n_nonfinite = np.empty(seeds, dtype=np.int64)
    w_final = np.empty((seeds, d))
    for s in prange(seeds):
        r, wf, fl, nz, nn = _adam_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power,
                                      beta1, beta2, eps_mode, eps, momentum_sign,
                                      bias_correction, T, seed_for(base_seed, s), stream,
                                      _no_record(d))
        regret[s] = r
        final_loss[s] = fl
        n_zero_div[s] = nz
        n_nonfinite[s] = nn
        w_final[s, :] = wf
    return regret, final_loss, n_zero_div, n_nonfinite, w_final


# ---------------------------------------------------------------------------
# (d) sign update = Adam with beta1 = beta2 = 0 (notes 000, line 281):
#     w_{t+1}[i] = w_t[i] - eta_t g_t[i] / |g_t[i]|     (0 when g_t[i] = 0)
# ---------------------------------------------------------------------------


@njit(cache=True)
def _sign_update_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T, seed, stream, W):
    d = w1.shape[0]
    record = W.shape[0] > 0
    w = w1.copy()
    g = np.empty(d)
    regret = 0.0
    for t in range(1, T + 1):
        if record:
            W[t - 1, :] = w
        regret += sep_loss(h, k, wstar, w)
        sep_grad(h, k, wstar, sigma, w, seed, stream, t, noise_kind, g)
        eta_t = eta / t ** eta_power
        for i in range(d):
            if g[i] != 0.0:
                w[i] = w[i] - eta_t * g[i] / abs(g[i])
    if record:
        W[T, :] = w
    return regret, sep_loss(h, k, wstar, w)


@njit(cache=True)
def sign_update(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T, seed, stream):
    """Sign update of notes 000 (line 281), eta_t = eta / t**eta_power.

    Returns (regret, final_loss) with final_loss = L(w_{T+1}).
    """
    return _sign_update_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T,
                            seed, stream, _no_record(w1.shape[0]))


@njit(cache=True)
def sign_update_trajectory(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T, seed, stream):
    """As ``sign_update``; returns (regret, final_loss, W), W shape (T+1, d)."""
    W = np.empty((T + 1, w1.shape[0]))
    r, fl = _sign_update_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T,
                             seed, stream, W)
    return r, fl, W


@njit(cache=True, parallel=True)
def mc_sign_update(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T, seeds, base_seed, stream):
    """Per-seed (regret, final_loss) arrays for ``sign_update``."""
    regret = np.empty(seeds)
    final_loss = np.empty(seeds)
    for s in prange(seeds):
        r, fl = _sign_update_run(h, k, wstar, sigma, noise_kind, w1, eta, eta_power, T,
                                 seed_for(base_seed, s), stream, _no_record(w1.shape[0]))
        regret[s] = r
        final_loss[s] = fl
    return regret, final_loss
