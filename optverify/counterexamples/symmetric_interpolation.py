"""An over-parameterised least-squares problem on which AdaGrad, RMSProp and Adam do reach the minimum-norm solution.

X = [[1, 1]], y = [1] (one sample, two features): the interpolants are the line
w_1 + w_2 = 1 and the minimum-norm one is X⁺y = (1/2, 1/2).  Wilson et al.'s Lemma
applies (X s = c y with s = sign(Xᵀy) = (1, 1), c = 2): with ε = 0 every adaptive
step from w = 0 is a multiple of s, so the iterates stay on the line through s, whose
only interpolant s/c = (1/2, 1/2) is X⁺y.  The same exact limit condition as
:class:`optverify.counterexamples.weight_decay_points.WilsonLimits`, on data where the
two solutions coincide (004 line 588 says adaptive methods do not converge to X⁺y).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from optverify.counterexamples.weight_decay_points import _LINE, _dist2_span, _exact_lsq, adaptive_configs


@dataclass(frozen=True)
class SymmetricInterpolation:
    X: tuple = ((1.0, 1.0),)
    y: tuple = (1.0,)
    T: int = 3000

    def __call__(self, mode: str, seed: int) -> dict:
        from optverify.sim import families as F
        from optverify.sim.algorithms import run

        X, y = np.array(self.X), np.array(self.y)
        Xs, ys, _G, mn = _exact_lsq(X, y)
        s = (Xs.T * ys).applyfunc(sp.sign)
        c = (Xs * s)[0] / ys[0]
        lemma = Xs * s == c * ys and c != 0
        fam = F.least_squares(X, y, name="symmetric_interpolation", source="004 line 588: over-parameterised, X sign(Xᵀy) = c y")
        w0 = np.zeros(X.shape[1])
        configs = adaptive_configs()
        finals = {m: run(cfg, fam, w0, self.T, grad_mode="exact").w_final[None, :] for m, cfg in configs.items()}
        resid = Xs * mn - ys
        line = {"min_norm": _dist2_span(s, mn) + (resid.T * resid)[0]}
        return {
            "points": {"min_norm": np.array([float(v) for v in mn])},
            "finals": finals,
            "deterministic": True,
            "exact": {m: {"limit_condition": line, "complete": bool(lemma), "derivation": _LINE} for m in configs},
            "facts": {"X": [list(r) for r in self.X], "y": list(self.y), "n": X.shape[0], "d": X.shape[1],
                      "interpolants": "the line w_1 + w_2 = 1 (over-parameterised: d > n)", "min_norm": [str(v) for v in mn],
                      "sign_solution": [str(v) for v in s / c], "lemma_X_sign_equals_c_y": bool(lemma), "steps": self.T,
                      "final_iterates": {m: [float(v) for v in f[0]] for m, f in finals.items()}},
        }
