"""Adam as 002 prints it (lines 324–365) on one fixed convex, 1-smooth loss: the average excess loss does not vanish.

The slide's Adam keeps a constant learning rate η and puts ε inside the root,
w_t = w_{t−1} − η v̂_t/√(m̂_t + ε) (v̂, m̂ the bias-corrected first and second
moments), with β1, β2 ∈ [0, 1) (lines 330, 343) and no values fixed.  On
f_t = f = w²/2 for every t (convex, L-smooth with L = 1, minimiser w_* = 0):

* exact instance (``adam_two_cycle``): β1 = β2 = 0 (allowed: both lie in [0, 1)),
  so v̂_t = g_t, m̂_t = g_t² and the step is w ↦ w − ηw/√(w² + ε).  From
  w_0 = √(η²/4 − ε) it maps w_0 to −w_0 and back: the iterates alternate forever and
  (1/T) Σ_{t≤T} [f(w_t) − f(w_*)] = (η²/4 − ε)/2 for every T, not O(1/√T).  The
  2-cycle attracts (multiplier (1 − 8ε/η²)² < 1), so rounding does not grow.
* default parameters (``default_parameter_averages``, evidence only): with η = 1,
  β1 = 0.9, β2 = 0.999, ε = 10⁻⁸ the average levels off near 4·10⁻⁴; if w_t → 0 the
  update would tend to a linear map of spectral radius ≈ 998 (``limit_map``).  That
  orbit is chaotic, so no finite-precision run follows it: floats, not a certificate.

Everything runs through the reference update :func:`optverify.sim.engine.replay.run_on_quadratic`.
"""

from __future__ import annotations

import mpmath

from optverify.sim.engine.replay import run_on_quadratic
from optverify.verify.numctx import FloatCtx

ETA, EPS = 1, "1e-8"
#: ε inside the root, √(m̂ + ε) = √(m̂ + (√ε)²): the reference's eps_mode 1 with eps = √ε; momentum_sign 1: v_t = β1 v + (1 − β1) g
TWO_CYCLE = {"eta": ETA, "beta1": 0, "beta2": 0, "eps": "1e-4", "eps_mode": 1, "momentum_sign": 1}
DEFAULTS = {"eta": ETA, "beta1": "0.9", "beta2": "0.999", "eps": "1e-4", "eps_mode": 1, "momentum_sign": 1}
DEFAULT_HORIZONS = (19200, 76800, 307200)


def _params(num, params):
    return {k: (num.num(v) if isinstance(v, str) else v) for k, v in params.items()}


def _average_excess(traj, horizons):
    """(1/T) Σ_{t=1}^T [f(w_t) − f(0)] with f = w²/2, for each T in ``horizons``; traj = [w_0, w_1, …]."""
    out, acc, hs, k = [], 0.0, sorted(horizons), 0
    for t in range(1, hs[-1] + 1):
        acc += traj[t] * traj[t] / 2
        if t == hs[k]:
            out.append(acc / t)
            k += 1
    return out


def limit_map():
    """The linear map the default-parameter Adam tends to if w_t → 0 (m̂ → 0, corrections → 1), and its spectral radius."""
    with mpmath.workdps(50):
        h = mpmath.mpf(ETA) / mpmath.sqrt(mpmath.mpf(EPS))
        b1 = mpmath.mpf(DEFAULTS["beta1"])
        A = mpmath.matrix([[1 - h * (1 - b1), -h * b1], [1 - b1, b1]])
        return {"map": "(w, v) ↦ (w − (η/√ε)(β1 v + (1 − β1) w), β1 v + (1 − β1) w)",
                "spectral_radius": mpmath.nstr(max(abs(e) for e in mpmath.eig(A)[0]), 20)}


def default_parameter_averages(horizons=DEFAULT_HORIZONS):
    """Float evidence: the average excess loss of the default-parameter run from w_0 = 1 (a chaotic orbit: not a certificate)."""
    num = FloatCtx()
    traj = run_on_quadratic(num, "adam", _params(num, DEFAULTS), max(horizons), w1=1)
    return {"parameters": "η = 1, β1 = 0.9, β2 = 0.999, ε = 1e-8, w_0 = 1", "horizons": list(horizons),
            "average_excess": _average_excess(traj, horizons), "limit_map_if_w_to_0": limit_map(),
            "note": "floats only: near 0 the update expands errors ~1000-fold per step, so no finite precision follows this orbit"}


def adam_two_cycle(num, steps: int):
    """The printed Adam with β1 = β2 = 0 on f = w²/2 from w_0 = √(η²/4 − ε), for :class:`NonConvergence`."""
    eta, eps = num.num(ETA), num.num(EPS)
    w0 = num.sqrt(eta * eta / 4 - eps)
    traj = run_on_quadratic(num, "adam", _params(num, TWO_CYCLE), steps, w1=w0)
    facts = {
        "problem": "f_t(w) = w²/2 for every t: convex, L-smooth with L = 1, minimiser w_* = 0, unconstrained",
        "algorithm": "Adam as printed at lines 324–365 (bias-corrected moments, ε inside the root, constant η) with "
                     "η = 1, β1 = β2 = 0 (both in the printed range [0, 1)), ε = 1e-8: the step is w ↦ w − ηw/√(w² + ε)",
        "start": "w_0 = √(η²/4 − ε), mapped to −w_0 and back",
        "average_excess_every_T": f"(η²/4 − ε)/2 = {float((eta * eta / 4 - eps) / 2):.10g}",
        "average_excess_at_T": float(_average_excess([float(x) for x in traj], (steps,))[0]),
    }
    if isinstance(num, FloatCtx):
        facts["default_parameters_float_evidence"] = default_parameter_averages()
    return {"iterates": traj, "optimum": num.num(0), "facts": facts}


__all__ = ["adam_two_cycle", "default_parameter_averages", "limit_map"]
