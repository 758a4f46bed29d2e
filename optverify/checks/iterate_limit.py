"""Iterate-limit check: does each method land at the point the claim names?

A run *reaches* a point when the whole confidence interval of ‖E[final − point]‖/scale
lies below the tolerance, and *misses* it when the whole interval lies above.  Every
interval is Bonferroni-simultaneous over the coordinates at 1 − 1e-6 each (as in
``simulation.py``); deterministic runs are single float runs, read as they are.

Decisions, per method:

* claim "m reaches p": consistent when the run reaches p (and the exact limit condition,
  if given, admits p); refuted only with a certificate: the run misses p, it reaches a
  point q ≠ p that the exact limit condition admits, the exact limit condition is
  nonzero at p (computed in exact arithmetic, shown to 50 digits) and, where residuals
  are given, the interval of p's first-order residual at the final iterates excludes 0.
* claim "m does not reach q": proved when an exact limit condition that covers every
  limit of the iteration (``complete``) is nonzero at q and the run misses q; refuted
  when the run reaches q and such a complete condition admits q; consistent when the
  run misses q without that proof; otherwise inconclusive.
* stated values (test errors, …) are compared exactly, once the method that reaches the
  point is established.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from scipy import stats as _st

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import IterateLimit
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, PROVED, REFUTED, combine_chain

CONFIDENCE = 1 - 1e-6


def _as_runs(x, name: str) -> np.ndarray:
    a = np.asarray(x, dtype=float)
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2 or a.shape[1] == 0:
        raise ValueError(f"{name} must be a vector (d,) or a per-seed array (S, d), got shape {np.shape(x)}")
    return a


def _norm_interval(diff: np.ndarray, deterministic: bool, scale: float) -> dict:
    """Interval for ‖E[diff]‖/scale from per-seed rows; one deterministic row is read as it is."""
    if not np.all(np.isfinite(diff)):
        return {"estimate": float("nan"), "lo": float("nan"), "hi": float("nan"), "finite": False}
    mean = diff.mean(axis=0)
    S = diff.shape[0]
    if S == 1:
        if not deterministic:
            raise ValueError("one stochastic run gives no confidence interval: return several seeds or mark the runs deterministic")
        hw = np.zeros_like(mean)
    else:
        q = _st.t.ppf(0.5 + 0.5 * CONFIDENCE, df=S - 1)
        hw = q * diff.std(axis=0, ddof=1) / np.sqrt(S)
    lo = np.linalg.norm(np.maximum(np.abs(mean) - hw, 0.0)) / scale
    hi = np.linalg.norm(np.abs(mean) + hw) / scale
    return {"estimate": float(np.linalg.norm(mean) / scale), "lo": float(lo), "hi": float(hi), "seeds": S, "finite": True}


def _exact(value) -> dict:
    """An exact limit-condition value: zero, nonzero (with 50 digits) or undecided."""
    v = sp.Rational(value) if isinstance(value, (int, float)) else sp.sympify(value)  # a double is an exact dyadic rational
    v = sp.simplify(v)
    if v == 0:
        return {"status": "zero", "value": "0"}
    n50 = sp.N(v, 50)
    if n50.is_number and n50 != 0 and abs(n50) > sp.Float(10) ** -40:
        return {"status": "nonzero", "value": str(n50)}
    return {"status": "undecided", "value": str(n50)}


def _method_stats(out: dict, m: str, scale: float, deterministic: bool) -> dict:
    F = _as_runs(out["finals"][m], f"finals[{m!r}]")
    stats = {}
    for p, P in out["points"].items():
        P = _as_runs(P, f"points[{p!r}]")
        if P.shape[1] != F.shape[1] or P.shape[0] not in (1, F.shape[0]):
            raise ValueError(f"points[{p!r}] has shape {P.shape}, finals[{m!r}] {F.shape}")
        stats[p] = {"distance": _norm_interval(F - P, deterministic, scale)}
    for p, R in out.get("residuals", {}).get(m, {}).items():
        if p not in stats:
            raise ValueError(f"residuals[{m!r}] names an unknown point {p!r}")
        stats[p]["residual"] = _norm_interval(_as_runs(R, f"residuals[{m!r}][{p!r}]"), deterministic, 1.0)
    ex = out.get("exact", {}).get(m, {})
    for p, val in ex.get("limit_condition", {}).items():
        if p not in stats:
            raise ValueError(f"exact[{m!r}] names an unknown point {p!r}")
        stats[p]["exact"] = _exact(val)
    return stats


def _near(st: dict, tol: float) -> bool:
    d = st["distance"]
    ok = d["finite"] and d["hi"] < tol
    r = st.get("residual")
    return ok and (r is None or r["hi"] < tol)


def _far(st: dict, tol: float) -> bool:
    d = st["distance"]
    ok = d["finite"] and d["lo"] > tol
    r = st.get("residual")
    return ok and (r is None or r["lo"] > tol)


def _status(st: dict) -> str | None:
    return st.get("exact", {}).get("status")


def _decide_reach(m: str, p: str, stats: dict, tol: float, ex: dict):
    """The claim: m reaches p."""
    st = stats[p]
    if _near(st, tol):
        if _status(st) == "nonzero":
            return INCONCLUSIVE, f"{m} lands within {tol:g} of {p}, but its exact limit condition is nonzero there (an idealisation mismatch)", None
        extra = "; the exact limit condition admits it" if _status(st) == "zero" else ""
        return CONSISTENT, f"{m} lands at {p} (distance ≤ {st['distance']['hi']:.3g} relative){extra}", None
    landed = [q for q, s in stats.items() if q != p and _near(s, tol) and _status(s) == "zero"]
    if _far(st, tol) and _status(st) == "nonzero" and landed:
        q = landed[0]
        cert = {
            "method": m,
            "claimed_point": p,
            "distance_to_claimed_point": st["distance"],
            "residual_of_claimed_point": st.get("residual"),
            "exact_limit_condition_at_claimed_point_50_digits": st["exact"]["value"],
            "lands_at": q,
            "distance_to_landing_point": stats[q]["distance"],
            "derivation": ex.get("derivation", ""),
            "confidence": CONFIDENCE,
            "meaning": (f"{m}'s final iterates are bounded away from {p} (interval of the relative distance "
                        f"[{st['distance']['lo']:.3g}, {st['distance']['hi']:.3g}] > tolerance {tol:g}) and sit at {q}, "
                        f"the point its exact limit condition admits; that condition is nonzero at {p}"),
        }
        return REFUTED, cert["meaning"], cert
    if _far(st, tol):
        return INCONCLUSIVE, f"{m} misses {p}, but without an exact limit condition excluding it and a landing point it admits", None
    return INCONCLUSIVE, f"{m}: distance to {p} in [{st['distance']['lo']:.3g}, {st['distance']['hi']:.3g}] straddles the tolerance {tol:g}", None


def _decide_avoid(m: str, q: str, stats: dict, tol: float, ex: dict):
    """The claim: m does not reach q."""
    st = stats[q]
    complete = bool(ex.get("complete"))
    if _far(st, tol):
        if _status(st) == "zero":
            return INCONCLUSIVE, (f"{m} is not at {q}, yet {q} satisfies the exact limit condition: the run may not have "
                                  f"settled (distance ≥ {st['distance']['lo']:.3g})"), None
        if complete and _status(st) == "nonzero":
            return PROVED, (f"{m} stays away from {q}: its exact limit condition, which covers every limit of the iteration, "
                            f"is {st['exact']['value'][:20]} ≠ 0 there; the run's distance is ≥ {st['distance']['lo']:.3g}"), None
        return CONSISTENT, f"{m} ends at relative distance ≥ {st['distance']['lo']:.3g} from {q}", None
    if _near(st, tol) and complete and _status(st) == "zero":
        cert = {
            "method": m,
            "avoided_point": q,
            "distance": st["distance"],
            "residual": st.get("residual"),
            "exact_limit_condition_at_point": "0",
            "derivation": ex.get("derivation", ""),
            "confidence": CONFIDENCE,
            "meaning": (f"{m}'s run lands at {q} (relative distance ≤ {st['distance']['hi']:.3g}), and every limit of the "
                        f"iteration satisfies an exact condition that {q} satisfies: the claim that it does not reach {q} fails"),
        }
        return REFUTED, cert["meaning"], cert
    return INCONCLUSIVE, f"{m}: distance to {q} in [{st['distance']['lo']:.3g}, {st['distance']['hi']:.3g}] does not decide", None


def _decide_values(spec: IterateLimit, out: dict, per_method: dict):
    results = []
    for name, claimed in spec.values.items():
        entry = out.get("values", {}).get(name)
        if entry is None:
            raise ValueError(f"the experiment computes no value {name!r}")
        m = entry["method"]
        got = sp.simplify(sp.sympify(entry["value"]))
        diff = sp.simplify(got - sp.sympify(claimed))
        reached = per_method.get(m, (INCONCLUSIVE,))[0] in (CONSISTENT, PROVED)
        row = {"name": name, "method": m, "point": entry["point"], "computed": sp.sstr(got), "claimed": sp.sstr(sp.sympify(claimed))}
        if not reached:
            results.append((INCONCLUSIVE, row, None))
        elif diff == 0:
            results.append((CONSISTENT, row, None))
        else:
            cert = {**row, "difference_50_digits": str(sp.N(diff, 50)),
                    "meaning": f"{name} of the point {m} reaches is {sp.sstr(got)} exactly, not {sp.sstr(sp.sympify(claimed))}"}
            results.append((REFUTED, row, cert))
    return results


@register(specs.IterateLimit)
def check_iterate_limit(spec: IterateLimit, ctx: CheckContext) -> CheckResult:
    if not spec.expect:
        raise ValueError("IterateLimit.expect is empty")
    for m, p in spec.expect.items():
        if p is None and m not in spec.avoid:
            raise ValueError(f"expect[{m!r}] is None but avoid names no point for it")
    if not 0 < spec.tolerance < 1:
        raise ValueError("tolerance must be in (0, 1)")
    seed = ctx.substream("iterate_limit:" + spec.part) % (2**31)
    out = spec.experiment(ctx.mode, seed)  # a missing optional package (torch) ends inconclusive in dispatch.run_check
    for key in ("points", "finals"):
        if key not in out:
            raise ValueError(f"the experiment returned no {key!r}")
    det_spec = out.get("deterministic", False)
    det_of = (lambda m: bool(det_spec.get(m, False))) if isinstance(det_spec, dict) else (lambda m: bool(det_spec))
    pts = {p: _as_runs(v, p) for p, v in out["points"].items()}
    scale = float(out.get("scale") or max(1.0, max(np.linalg.norm(v, axis=1).max() for v in pts.values())))
    decided, table, certs = {}, {}, []
    for m, p in spec.expect.items():
        if m not in out["finals"]:
            raise ValueError(f"the experiment ran no method {m!r}")
        target = p if p is not None else spec.avoid[m]
        if target not in pts:
            raise ValueError(f"unknown point {target!r} (points: {sorted(pts)})")
        stats = _method_stats(out, m, scale, det_of(m))
        ex = out.get("exact", {}).get(m, {})
        verdict, why, cert = (_decide_reach if p is not None else _decide_avoid)(m, target, stats, spec.tolerance, ex)
        decided[m] = (verdict, why)
        table[m] = {"claim": f"reaches {p}" if p is not None else f"does not reach {target}", "verdict": verdict, "why": why,
                    "points": stats, "complete_derivation": bool(ex.get("complete")), "derivation": ex.get("derivation", "")}
        if cert:
            certs.append(cert)
    value_rows = _decide_values(spec, out, decided)
    certs += [c for _, _, c in value_rows if c]
    evidence = {"experiment": repr(spec.experiment), "seed": seed, "tolerance": spec.tolerance, "scale": scale, "deterministic": {m: det_of(m) for m in spec.expect}, "confidence": CONFIDENCE,
                "methods": table, "values": [r for _, r, _ in value_rows], "facts": out.get("facts", {})}
    verdicts = [v for v, _ in decided.values()] + [v for v, _, _ in value_rows]
    verdict = combine_chain(verdicts)
    if verdict == REFUTED:
        cert = {"refutations": certs, "replay": f"{spec.experiment!r}({ctx.mode!r}, {seed})",
                "replay_imports": f"from {getattr(spec.experiment, '__module__', '?')} import *"}
        return CheckResult(spec.strategy, spec.part, REFUTED, certs[0]["meaning"], evidence, cert)
    summary = "; ".join(why for _, why in decided.values())
    if value_rows:
        summary += "; values: " + ", ".join(f"{r['name']} = {r['computed']} (stated {r['claimed']})" for _, r, _ in value_rows)
    return CheckResult(spec.strategy, spec.part, verdict, summary, evidence)
