"""Simulation check: Monte Carlo of the printed algorithm, confidence intervals, fitted rates, tightest constant.

Family-wise error: every interval is a (1 − 1e-6) interval, i.e. Bonferroni
for up to 1000 statistical tests in one run at a family-wise error of 1e-3;
a refutation needs the whole interval past the bound.

Beside the verdict, the evidence carries, per configuration, the exponent of
the measured mean in T (``bounds.fit.fit_exponent_mc``: log-log fit with a
seed bootstrap) and, over all rows, the smallest constant c such that
"measured ≤ c · bound" is consistent with every experiment
(``bounds.tighten``, ``optverify tighten ID`` prints it).
"""

from __future__ import annotations

import time

import numpy as np
import sympy as sp

from optverify.claims import specs
from optverify.registry import register
from optverify.bounds.fit import fit_exponent, fit_exponent_mc
from optverify.bounds.stats import mean_ci, paired_ratio_ci
from optverify.bounds.tighten import tighten_samples
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import Simulation
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED

CONFIDENCE = 1 - 1e-6
FWER = 1e-3
APPROX_TOL = 0.05


def _rhs_values(rhs: sp.Expr, values: dict, n: int) -> np.ndarray:
    syms = sorted(rhs.free_symbols, key=lambda s: s.name)
    f = sp.lambdify(syms, rhs, "numpy")
    out = np.asarray(f(*[values[s.name] for s in syms]), dtype=float)
    return np.broadcast_to(out, (n,)).copy()


@register(specs.Simulation)
def check_simulation(spec: Simulation, ctx: CheckContext) -> CheckResult:
    rhs = ctx.resolve_rhs(sp.sympify(spec.rhs))  # measured <= rhs, per seed
    share = min(ctx.remaining() * 0.8, 25.0 if ctx.mode == "quick" else 250.0)
    until = time.monotonic() + share
    rows = spec.experiment.run(ctx.mode, ctx.substream("simulation:" + spec.part) % (2**31), until)
    # an experiment stops at its deadline between (config, T) pairs: then fewer pairs ran than planned, which the
    # evidence and the summary say (under load, one seed and mode can then see fewer pairs: never silently)
    cut = time.monotonic() > until
    if not rows:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "no experiment finished within the budget", {})
    table, violations, undecided = [], [], []
    for r in rows:
        m = np.asarray(r["measured"], dtype=float)
        if not np.all(np.isfinite(m)):
            undecided.append(r)
            table.append({"config": r["config"], "T": r["T"], "note": f"{int(np.sum(~np.isfinite(m)))} non-finite values"})
            continue
        if r["test"] == "approx_one":
            ci = mean_ci(m, CONFIDENCE)
            row = {"config": r["config"], "T": r["T"], "seeds": len(m), "mean": ci.mean, "ci": [ci.lo, ci.hi]}
            r["ratio"] = (ci.mean, ci.lo, ci.hi)
        else:
            b = _rhs_values(rhs, r["values"], len(m))
            est, lo, hi = paired_ratio_ci(m, b, CONFIDENCE)
            r["ratio"] = (est, lo, hi)
            row = {
                "config": r["config"], "T": r["T"], "seeds": len(m),
                "mean_measured": float(m.mean()), "mean_rhs": float(b.mean()),
                "ratio": est, "ratio_ci": [lo, hi],
            }
            if lo > 1:
                violations.append(r)
            elif hi > 1:
                undecided.append(r)
        row.update(r.get("extra", {}))  # quantities an experiment reports beside the tested one
        table.append(row)
    evidence = {
        "experiment": getattr(spec.experiment, "description", type(spec.experiment).__name__),
        "confidence": CONFIDENCE,
        "family_wise_error": f"{FWER} (Bonferroni over up to 1000 tests per run)",
        "rows": table,
        "rates": _rates(rows, rhs),
        "pairs_run": len(rows),
        "stopped_at_budget": cut,
    }
    after = f" (the budget of {share:.0f} s ran out after {len(rows)} pairs)" if cut else ""
    ratios = [r["ratio"][0] for r in rows if "ratio" in r and r["test"] == "le"]
    if ratios:
        evidence["worst_ratio"] = max(ratios)
        le = [r for r in rows if "ratio" in r and r["test"] == "le"]
        tt = tighten_samples([r["measured"] for r in le], [_rhs_values(rhs, r["values"], len(r["measured"])) for r in le],
                             [f"{r['config']}, T = {r['T']}" for r in le], 1 - FWER)
        evidence["tightest_constant"] = {
            "c_upper": tt.c_upper, "c_lower": tt.c_lower, "c_point": tt.c_point, "attained_at": tt.worst.instance,
            "meaning": "measured ≤ c · bound is consistent with every experiment for c ≥ c_upper and broken, "
                       f"at family-wise confidence {1 - FWER}, for c < c_lower"}
    if violations:
        v = max(violations, key=lambda r: r["ratio"][1])
        cert = {
            "kind": "statistical",
            "config": v["config"], "T": v["T"], "seeds": len(v["measured"]),
            "ratio_ci": [v["ratio"][1], v["ratio"][2]], "confidence": CONFIDENCE,
            "meaning": "the whole confidence interval of E[measured]/E[bound] lies above 1",
        }
        return CheckResult(spec.strategy, spec.part, REFUTED,
                           f"E[measured]/E[rhs] CI [{v['ratio'][1]:.4g}, {v['ratio'][2]:.4g}] > 1 ({v['config']}, T = {v['T']})", evidence, cert)
    approx = [r for r in rows if r["test"] == "approx_one" and "ratio" in r]
    if approx:
        Tmax = max(r["T"] for r in approx)
        last = [r for r in approx if r["T"] == Tmax]
        ok = all(1 - APPROX_TOL <= r["ratio"][1] and r["ratio"][2] <= 1 + APPROX_TOL for r in last)
        if ok and not undecided:
            return CheckResult(spec.strategy, spec.part, CONSISTENT, f"ratio within 1 ± {APPROX_TOL} at T = {Tmax} in every configuration" + after, evidence)
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"ratio not yet within 1 ± {APPROX_TOL} at T = {Tmax}" + after, evidence)
    if undecided:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, f"{len(undecided)} configurations have intervals straddling the bound" + after, evidence)
    return CheckResult(spec.strategy, spec.part, CONSISTENT,
                       f"every configuration within the bound; worst E[measured]/E[rhs] = {max(ratios):.4g} over {len(rows)} (config, T) pairs"
                       + after, evidence)


def _rates(rows, rhs) -> list[dict]:
    out = []
    for cfg in dict.fromkeys(r["config"] for r in rows):
        rs = [r for r in rows if r["config"] == cfg and np.all(np.isfinite(r["measured"]))]
        if len(rs) < 3:
            continue
        T = np.array([r["T"] for r in rs], dtype=float)
        y = np.array([np.mean(r["measured"]) for r in rs])
        if np.any(y <= 0):
            continue
        try:
            fit = fit_exponent_mc(T, [r["measured"] for r in rs], n_boot=200)
        except ValueError:  # too many bootstrap means <= 0 for a log-log fit
            continue
        entry = {"config": cfg, "measured_exponent": fit.slope, "measured_exponent_ci": [fit.lo, fit.hi],
                 "T": T.tolist(), "mean_measured": y.tolist()}
        if rs[0]["test"] == "le":
            b = np.array([np.mean(_rhs_values(rhs, r["values"], len(r["measured"]))) for r in rs])
            if np.all(b > 0):
                entry.update(bound_exponent=fit_exponent(T, b).slope,
                             mean_bound=b.tolist())
        out.append(entry)
    return out
