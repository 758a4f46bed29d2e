"""Linear-algebra checks: diagonalisability of parametric matrices (e.g. companion matrices of momentum)."""

from __future__ import annotations

import random

import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Diagonalizable
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED
from optverify.verify.sampling import sample_in_range


def _inside(val, rng_spec) -> bool:
    if not val.is_real:
        return False
    lo_ok = val > rng_spec.lo if rng_spec.lo_open else val >= rng_spec.lo
    hi_ok = val < rng_spec.hi if rng_spec.hi_open else val <= rng_spec.hi
    return bool(lo_ok and hi_ok)


@register(specs.Diagonalizable)
def check_diagonalizable(spec: Diagonalizable, ctx: CheckContext) -> CheckResult:
    M = sp.Matrix(spec.matrix)
    lam = sp.Symbol("_lambda")
    poly = sp.Poly((lam * sp.eye(M.shape[0]) - M).det(), lam)
    disc = sp.factor(sp.discriminant(poly.as_expr(), lam))
    evidence = {"matrix": sp.sstr(M), "characteristic_polynomial": sp.sstr(poly.as_expr()), "discriminant": sp.sstr(disc)}
    rng = random.Random(ctx.substream("diag:" + spec.part))
    others = [s for s in spec.domain if s != spec.solve_for]
    generic = 0
    for _ in range(12 if ctx.mode == "quick" else 60):
        point = {s: sample_in_range(rng, spec.domain[s], s) for s in others}
        # a generic point: diagonalisable?
        gp = dict(point)
        gp[spec.solve_for] = sample_in_range(rng, spec.domain[spec.solve_for], spec.solve_for)
        if M.subs(gp).is_diagonalizable():
            generic += 1
        # the repeated-root points: where the discriminant vanishes
        for root in sp.solve(disc.subs(point), spec.solve_for):
            root = sp.nsimplify(root)
            if not _inside(root, spec.domain[spec.solve_for]):
                continue
            exact = {**point, spec.solve_for: root}
            Mx = M.subs(exact)
            if not Mx.is_diagonalizable():
                P, J = Mx.jordan_form()
                cert = {
                    "point": {str(k): str(v) for k, v in exact.items()},
                    "matrix": sp.sstr(Mx),
                    "jordan_form": sp.sstr(J),
                    "meaning": "at this exact point the characteristic polynomial has a double root and M is a Jordan block: no invertible Q with M = QΛQ⁻¹",
                    "replay": f"from sympy import *\nM = Matrix({sp.sstr(Mx.tolist())})\nprint(M.is_diagonalizable(), M.jordan_form()[1])",
                }
                evidence["generic_points_diagonalizable"] = generic
                return CheckResult(spec.strategy, spec.part, REFUTED,
                                   f"not diagonalisable at {cert['point']} (double eigenvalue, Jordan block {sp.sstr(J)})", evidence, cert)
    evidence["generic_points_diagonalizable"] = generic
    if generic == 0:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "no sampled point was diagonalisable", evidence)
    return CheckResult(spec.strategy, spec.part, CONSISTENT, f"diagonalisable at every sampled point ({generic}) and no defective point found", evidence)
