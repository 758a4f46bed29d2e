"""Pseudocode sanity: each printed algorithm, with its printed parameters, on f(w) = w²/2."""

from __future__ import annotations

import math

import mpmath

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Pseudocode
from optverify.sim.engine.replay import run_on_quadratic
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.numctx import FloatCtx, MpCtx, show


def _describe(traj) -> dict:
    f = [w * w / 2 for w in traj]
    return {"f_first": f[0], "f_last": f[-1], "w_last": traj[-1], "f": f}


@register(specs.Pseudocode)
def check_pseudocode(spec: Pseudocode, ctx: CheckContext) -> CheckResult:
    T = int(spec.params.get("T", 100))
    params = {k: v for k, v in spec.params.items() if k != "T"}
    flt = run_on_quadratic(FloatCtx(), spec.algorithm, params, T)
    finite = all(math.isfinite(w) for w in flt)
    evidence = {
        "problem": "f(w) = w²/2, exact gradient f'(w) = w, w_1 = 1",
        "algorithm": spec.algorithm,
        "parameters": {k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in spec.params.items()},
        "steps": T,
        "iterates_float": [flt[i] for i in (0, 1, 2, 5, 10, T) if i < len(flt)],
        "iterate_steps": [i + 1 for i in (0, 1, 2, 5, 10, T) if i < len(flt)],
    }
    if finite and flt[-1] ** 2 / 2 < flt[0] ** 2 / 2 * (1 - 1e-9):
        evidence["f_first"], evidence["f_last"] = flt[0] ** 2 / 2, flt[-1] ** 2 / 2
        return CheckResult(
            spec.strategy, spec.part, CONSISTENT,
            f"descends: f(w_1) = {flt[0]**2/2:.4g} → f(w_{T+1}) = {flt[-1]**2/2:.4g}", evidence,
        )
    # ascent or divergence: replay at 50 digits before saying so
    mp = MpCtx(50)
    with mpmath.workdps(50):
        exact = run_on_quadratic(mp, spec.algorithm, params, T)
        f1, fT = exact[0] ** 2 / 2, exact[-1] ** 2 / 2
        ascends = fT > f1 * (1 + mpmath.mpf(10) ** -30)
    if not ascends:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "float run did not descend but the 50-digit replay does not confirm ascent", evidence)
    what = "diverges" if not finite or abs(flt[-1]) > 1e6 else "ascends"
    first_up = next((t for t in range(1, T + 1) if abs(exact[t]) > abs(exact[t - 1])), None)
    cert = {
        "problem": evidence["problem"],
        "parameters": evidence["parameters"],
        "steps": T,
        "f_w1": show(f1, 30),
        "f_wT1": show(fT, 30),
        "first_step_moving_away": first_up,
        "w_trajectory_50_digits": [show(exact[i], 25) for i in range(0, min(len(exact), 6))] + [show(exact[-1], 25)],
        "replay_snippet": (
            "import mpmath; from optverify.sim.engine.replay import run_on_quadratic; from optverify.verify.numctx import MpCtx\n"
            f"with mpmath.workdps(50): tr = run_on_quadratic(MpCtx(50), {spec.algorithm!r}, {params!r}, {T}); print(tr[0]**2/2, tr[-1]**2/2)"
        ),
    }
    return CheckResult(
        spec.strategy, spec.part, REFUTED,
        f"{what} with {', '.join(f'{k} = {v}' for k, v in params.items())}: f(w_1) = {show(f1, 6)} → f(w_{T+1}) = {show(fT, 6)} "
        "(replayed at 50 digits)",
        evidence, cert,
    )
