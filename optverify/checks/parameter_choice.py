"""Parameter choices: is the printed value the minimiser of the objective it is said to minimise?"""

from __future__ import annotations

import random

import numpy as np
import sympy as sp
from scipy import optimize

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import ParameterChoice
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.sampling import sample_in_range


def _first_order(spec: ParameterChoice) -> str:
    try:
        d1 = sp.diff(spec.objective, spec.var)
        if d1.has(sp.Derivative, sp.Subs) or d1.has(sp.sign, sp.Heaviside, sp.DiracDelta):
            return "objective not differentiable at the choice (max/abs): compared with the numerical minimum only"
        at = sp.simplify(d1.subs(spec.var, spec.choice))
        return f"d/d{spec.var} at the choice = {sp.sstr(at)}"
    except Exception as exc:  # sympy cannot differentiate this form
        return f"first-order condition not formed ({type(exc).__name__})"


@register(specs.ParameterChoice)
def check_parameter_choice(spec: ParameterChoice, ctx: CheckContext) -> CheckResult:
    rng = random.Random(ctx.substream("param:" + spec.part))
    syms = sorted(spec.domain, key=lambda s: s.name)
    f = sp.lambdify([spec.var, *syms], spec.objective, "numpy")
    lo, hi = (float(v) for v in spec.var_range)
    worst_gap, rows = -np.inf, []
    for _ in range(20 if ctx.mode == "quick" else 200):
        point = {s: sample_in_range(rng, spec.domain[s], s) for s in syms}
        args = [float(point[s]) for s in syms]
        choice = float(spec.choice.subs(point))
        grid = np.linspace(lo, hi, 4001)
        vals = f(grid, *args)
        k = int(np.nanargmin(vals))
        best = optimize.minimize_scalar(lambda x: f(x, *args), bounds=(grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]), method="bounded",
                                        options={"xatol": 1e-12})
        at_choice, at_best = float(f(choice, *args)), float(min(best.fun, vals[k]))
        gap = (at_choice - at_best) / max(abs(at_best), 1e-300)
        rows.append({"point": {str(k_): str(v) for k_, v in point.items()}, "choice": choice, "objective_at_choice": at_choice,
                     "numerical_min": at_best, "argmin": float(best.x)})
        if gap > worst_gap:
            worst_gap = gap
        if gap > 1e-6:
            # replay at 50 digits: the objective at the choice against the objective at the (rational) argmin found
            xb = sp.nsimplify(best.x if best.fun <= vals[k] else grid[k], rational=True)
            e_choice = sp.N(spec.objective.subs({spec.var: spec.choice, **point}), 50)
            e_best = sp.N(spec.objective.subs({spec.var: xb, **point}), 50)
            if e_best < e_choice:
                cert = {"point": rows[-1]["point"], "choice": str(sp.N(spec.choice.subs(point), 30)), "objective_at_choice": str(e_choice),
                        "better_value_at": str(xb), "objective_there": str(e_best), "digits": 50}
                return CheckResult(spec.strategy, spec.part, REFUTED, f"the printed choice is not the minimiser: {cert['objective_there'][:12]} < {cert['objective_at_choice'][:12]}",
                                   {"first_order": _first_order(spec)}, cert)
    evidence = {"first_order": _first_order(spec), "points": len(rows), "largest_relative_gap": worst_gap, "samples": rows[:5]}
    if not rows:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "no parameter point evaluated", evidence)
    return CheckResult(spec.strategy, spec.part, CONSISTENT,
                       f"the choice attains the numerical minimum at {len(rows)} parameter points (largest relative gap {worst_gap:.2g})", evidence)
