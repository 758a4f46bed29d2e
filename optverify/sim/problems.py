"""The separable convex stochastic problem family used by the kernels.

In dimension d, with float64 arrays h >= 0, k >= 0, wstar, sigma >= 0::

    L(w) = sum_i  h_i/2 (w_i - wstar_i)^2  +  k_i |w_i - wstar_i|
    L*   = L(wstar) = 0

    g_t[i] = h_i (w_i - wstar_i) + k_i sign(w_i - wstar_i) + sigma_i xi_{t,i}

with sign(0) = 0 (so the exact part is the minimum-norm subgradient) and
xi_{t,i} = rng.normal(seed, stream, t, i)     (noise_kind "gaussian", code 0)
xi_{t,i} = rng.rademacher(seed, stream, t, i) (noise_kind "rademacher", code 1).

The noise does not depend on w, so every algorithm run with the same
(seed, stream) sees the same xi_{t,i} (common random numbers).  E[xi] = 0 and
E[xi^2] = 1 for both kinds, so E[g_t | w_t] is a subgradient of L at w_t and
E||g_t - E g_t||^2 = ||sigma||^2.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from .rng import normal, rademacher

__all__ = [
    "NOISE_GAUSSIAN",
    "NOISE_RADEMACHER",
    "NOISE_KINDS",
    "SeparableProblem",
    "sep_loss",
    "sep_grad",
]

NOISE_GAUSSIAN = 0
NOISE_RADEMACHER = 1
NOISE_KINDS = {"gaussian": NOISE_GAUSSIAN, "rademacher": NOISE_RADEMACHER}


@njit(cache=True)
def sep_loss(h, k, wstar, w):
    """L(w) = sum_i h_i/2 (w_i - wstar_i)^2 + k_i |w_i - wstar_i|."""
    s = 0.0
    for i in range(w.shape[0]):
        r = w[i] - wstar[i]
        s += 0.5 * h[i] * r * r + k[i] * abs(r)
    return s


@njit(cache=True)
def sep_grad(h, k, wstar, sigma, w, seed, stream, t, noise_kind_int, out):
    """Write the stochastic gradient g_t at w into ``out`` and return ``out``.

    g_t[i] = h_i r_i + k_i sign(r_i) + sigma_i xi_{t,i},  r = w - wstar,
    sign(0) = 0, xi from (seed, stream, t, i); noise_kind_int 0 = gaussian,
    1 = rademacher.
    """
    for i in range(w.shape[0]):
        r = w[i] - wstar[i]
        g = h[i] * r
        if r > 0.0:
            g += k[i]
        elif r < 0.0:
            g -= k[i]
        if noise_kind_int == NOISE_RADEMACHER:
            xi = rademacher(seed, stream, t, i)
        else:
            xi = normal(seed, stream, t, i)
        out[i] = g + sigma[i] * xi
    return out


def _as_vec(name: str, a, d: int | None = None) -> np.ndarray:
    v = np.ascontiguousarray(np.asarray(a, dtype=np.float64))
    if v.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {v.shape}")
    if d is not None and v.shape[0] != d:
        raise ValueError(f"{name} has length {v.shape[0]}, expected {d}")
    if not np.all(np.isfinite(v)):
        raise ValueError(f"{name} must be finite")
    return v


@dataclass(frozen=True)
class SeparableProblem:
    """L(w) = sum_i h_i/2 (w_i - wstar_i)^2 + k_i |w_i - wstar_i| with noisy gradients.

    Arrays are stored as C-contiguous float64 so they can be passed to the
    numba kernels directly: ``kernel(*problem.arrays(), w1, ...)``.
    """

    h: np.ndarray
    k: np.ndarray
    wstar: np.ndarray
    sigma: np.ndarray
    noise_kind: str = "gaussian"

    def __post_init__(self) -> None:
        h = _as_vec("h", self.h)
        d = h.shape[0]
        k = _as_vec("k", self.k, d)
        wstar = _as_vec("wstar", self.wstar, d)
        sigma = _as_vec("sigma", self.sigma, d)
        if np.any(h < 0) or np.any(k < 0) or np.any(sigma < 0):
            raise ValueError("h, k and sigma must be >= 0")
        if self.noise_kind not in NOISE_KINDS:
            raise ValueError(f"noise_kind must be one of {sorted(NOISE_KINDS)}")
        object.__setattr__(self, "h", h)
        object.__setattr__(self, "k", k)
        object.__setattr__(self, "wstar", wstar)
        object.__setattr__(self, "sigma", sigma)

    @property
    def d(self) -> int:
        return int(self.h.shape[0])

    @property
    def noise_kind_int(self) -> int:
        return NOISE_KINDS[self.noise_kind]

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
        """(h, k, wstar, sigma, noise_kind_int): the leading kernel arguments."""
        return self.h, self.k, self.wstar, self.sigma, self.noise_kind_int

    def loss(self, w) -> float:
        """L(w) (numpy); L* = 0 at w = wstar."""
        r = np.asarray(w, dtype=np.float64) - self.wstar
        return float(np.sum(0.5 * self.h * r * r + self.k * np.abs(r)))

    def grad(self, w) -> np.ndarray:
        """Exact (minimum-norm) subgradient h*r + k*sign(r), r = w - wstar."""
        r = np.asarray(w, dtype=np.float64) - self.wstar
        return self.h * r + self.k * np.sign(r)

    def stochastic_grad(self, w, seed: int, t: int, stream: int = 0) -> np.ndarray:
        """g_t at w, identical to what the kernels use at step t."""
        w = _as_vec("w", w, self.d)
        out = np.empty(self.d)
        return sep_grad(self.h, self.k, self.wstar, self.sigma, w,
                        seed, stream, t, self.noise_kind_int, out)
