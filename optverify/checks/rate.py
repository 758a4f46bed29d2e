"""Rate claims on constructions: does the quantity fall at the stated rate in T?"""

from __future__ import annotations

import math

import mpmath
import numpy as np

from optverify.claims import specs
from optverify.registry import register
from optverify.bounds.stats import loglog_fit
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import RateCounterexample
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.numctx import FloatCtx, MpCtx, show

MARGIN = 0.25  # the fitted exponent must exceed the stated one by this much, over the whole interval


@register(specs.RateCounterexample)
def check_rate(spec: RateCounterexample, ctx: CheckContext) -> CheckResult:
    H = list(spec.horizons)
    out = spec.run(H)
    vals = np.asarray(out["values"], dtype=float)
    evidence = {"facts": out["facts"], "horizons": H, "values": vals.tolist(), "stated_exponent": spec.stated_exponent}
    if np.any(vals <= 0):
        return CheckResult(spec.strategy, spec.part, CONSISTENT, "the quantity reaches 0 on the construction", evidence)
    fit = loglog_fit(np.asarray(H, dtype=float), vals, confidence=0.999)
    scaled = [float(v / h**spec.stated_exponent) for v, h in zip(vals, H)]
    evidence.update(fitted_exponent=fit.slope, exponent_interval=[fit.slope_lo, fit.slope_hi], value_over_stated_rate=scaled)
    if fit.slope_lo <= spec.stated_exponent + MARGIN:
        return CheckResult(spec.strategy, spec.part, CONSISTENT if fit.slope_hi <= spec.stated_exponent + MARGIN else INCONCLUSIVE,
                           f"fitted exponent {fit.slope:.3f} against the stated {spec.stated_exponent}", evidence)
    T0 = H[0]
    with mpmath.workdps(50):
        exact = spec.replay(MpCtx(50), T0)
    flt = spec.replay(FloatCtx(), T0)
    agree = abs(float(exact) - vals[0]) <= 1e-6 * max(1.0, abs(vals[0])) and abs(float(exact) - flt) <= 1e-9 * max(1.0, abs(flt))
    evidence["replay"] = {"T": T0, "value_50_digits": show(exact, 30), "float_run": vals[0], "reference_float": flt, "agree": agree}
    if not agree:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "the 50-digit replay does not reproduce the float run", evidence)
    growth = scaled[-1] / scaled[0]
    cert = {
        "construction": out["facts"],
        "horizons": H,
        "values": vals.tolist(),
        "value_times_T^(-stated exponent)": scaled,
        "fitted_exponent": fit.slope,
        "exponent_interval_99.9%": [fit.slope_lo, fit.slope_hi],
        "replay_50_digits": evidence["replay"],
        "meaning": (f"under the stated rate T^{spec.stated_exponent} the scaled values would stay bounded; they grow {growth:.3g}-fold "
                    f"from T = {H[0]} to {H[-1]} and the fitted exponent is {fit.slope:.3f}. Finite horizons are evidence, not proof"
                    + (f"; {out['facts']['asymptotics']}" if out["facts"].get("asymptotics") else "")),
    }
    return CheckResult(spec.strategy, spec.part, REFUTED,
                       f"on the construction the quantity decays like T^{fit.slope:.2f}, not T^{spec.stated_exponent} (values {', '.join(f'{v:.3g}' for v in vals)})",
                       evidence, cert)
