"""A small Adam and a diagonal AdaGrad, as one would write them in a project, to be checked by test_my_adam.py.

Both work coordinate-wise on lists of numbers, so they run on floats and, for
exact checks, on :class:`fractions.Fraction` (every step but the square root
is then exact).
"""

from __future__ import annotations

import math


class Adam:
    """Adam with bias correction:

    m_t = β1 m_{t−1} + (1 − β1) g_t,   v_t = β2 v_{t−1} + (1 − β2) g_t²,   m_0 = v_0 = 0
    m̂_t = m_t / (1 − β1^t),            v̂_t = v_t / (1 − β2^t)
    w_{t+1} = w_t − η m̂_t / (√v̂_t + ε)

    A coordinate that has seen only zero gradients (v̂_t = 0, m̂_t = 0) does not move.
    """

    def __init__(self, eta, beta1=0.9, beta2=0.999, eps=1e-8):
        self.eta, self.beta1, self.beta2, self.eps = eta, beta1, beta2, eps
        self.t = 0
        self.m: list = []
        self.v: list = []
        self.m_hat: list = []
        self.v_hat: list = []

    def direction(self) -> list[float]:
        """m̂_t / (√v̂_t + ε) of the last step, per coordinate."""
        out = []
        for mh, vh in zip(self.m_hat, self.v_hat):
            den = math.sqrt(vh) + self.eps
            out.append(0.0 if den == 0 else mh / den)
        return out

    def step(self, w: list, g: list) -> list:
        """One update: the new iterate from the current one and its gradient."""
        if self.t == 0:
            self.m, self.v = [0 * x for x in g], [0 * x for x in g]
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m = [b1 * m + (1 - b1) * gi for m, gi in zip(self.m, g)]
        self.v = [b2 * v + (1 - b2) * gi * gi for v, gi in zip(self.v, g)]
        self.m_hat = [m / (1 - b1 ** self.t) for m in self.m]
        self.v_hat = [v / (1 - b2 ** self.t) for v in self.v]
        return [wi - self.eta * d for wi, d in zip(w, self.direction())]


class DiagonalAdaGrad:
    """Diagonal AdaGrad with projection onto the box ‖w‖_∞ ≤ D (Theorem 3 of the notes, c = √2·D):

    w_{t+1}[i] = Π_{[−D, D]}( w_t[i] − c g_t[i] / √(Σ_{τ≤t} g_τ[i]²) )

    A coordinate whose gradients have all been zero so far does not move (0/0 read as no move).
    """

    def __init__(self, D: float, c: float | None = None):
        self.D = D
        self.c = math.sqrt(2.0) * D if c is None else c
        self.sum_sq: list[float] = []

    def step(self, w: list[float], g: list[float]) -> list[float]:
        if not self.sum_sq:
            self.sum_sq = [0.0] * len(g)
        out = []
        for i, (wi, gi) in enumerate(zip(w, g)):
            self.sum_sq[i] += gi * gi
            x = wi if self.sum_sq[i] == 0 else wi - self.c * gi / math.sqrt(self.sum_sq[i])
            out.append(min(self.D, max(-self.D, x)))
        return out


def adagrad_iterates(grads, w1: list[float], D: float) -> list[list[float]]:
    """w_1, …, w_T of diagonal AdaGrad fed the gradient sequence ``grads`` (one row per step)."""
    opt, w, out = DiagonalAdaGrad(D), list(w1), []
    for g in grads:
        out.append(w)
        w = opt.step(w, list(g))
    return out
