"""Adam-type methods on periodic linear losses: certified endpoints and average regret (004 lines 330–448)."""

from __future__ import annotations

from dataclasses import replace

from optverify.claims import specs
from optverify.registry import register
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims.specs import PeriodicRegret, RegretProbe
from optverify.counterexamples.periodic_linear import Setting, certify, summary
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, PROVED, REFUTED

SNIPPET = ("from optverify.counterexamples.periodic_linear import Setting, certify\n"
           "print(certify(Setting(**{setting!r})).reason)")


def _row(s: Setting, compare: str | None) -> dict:
    cert = certify(s)
    row = {"certificate": cert.to_dict(), "float_run": summary(s)}
    if compare:
        other = replace(s, algorithm=compare)
        oc = certify(other)
        row[compare] = {"endpoint": oc.endpoint, "reason": oc.reason, "avg_regret_bound": oc.avg_regret_bound,
                        "float_run": summary(other)}
    return row


@register(specs.PeriodicRegret)
def check_periodic_regret(spec: PeriodicRegret, ctx: CheckContext) -> CheckResult:
    want = {"+1": 1, "-1": -1}[spec.expect]
    rows = []
    for p in spec.problems:
        ctx.check_time()
        rows.append(_row(Setting(**p), spec.compare))
    ends = [r["certificate"]["endpoint"] for r in rows]
    evidence = {"expect": spec.expect, "universal": spec.universal, "settings": rows}
    if spec.stated_exponent is not None:
        evidence["stated_exponent"] = spec.stated_exponent  # the report plots each float run's R_T/T beside T^p
    lines = [f"{r['certificate']['setting']['algorithm']} n={r['certificate']['setting']['n']} C={r['certificate']['setting']['C']:g}: "
             f"x → {r['certificate']['endpoint'] if r['certificate']['endpoint'] is not None else '?'}" for r in rows]
    against = [r for r, e in zip(rows, ends) if e == -want]
    if against:
        c = against[0]["certificate"]
        cert = {"certificate": c, "replay_snippet": SNIPPET.format(setting=c["setting"]),
                "meaning": f"{c['reason']}; so on this problem the claim's outcome does not happen"}
        return CheckResult(spec.strategy, spec.part, REFUTED, f"certified the opposite endpoint: {c['reason']}", evidence, cert)
    if all(e == want for e in ends):
        what = "liminf R_T/T ≥" if want == 1 else "limsup R_T/T ≤"
        bounds = ", ".join(f"{what} {float(r['certificate']['avg_regret_bound']):.4g}" for r in rows)
        summary_line = f"{len(rows)} setting(s) certified at 50 digits ({'; '.join(lines)}); {bounds}"
        cert = {"certificates": [r["certificate"] for r in rows],
                "replay_snippet": SNIPPET.format(setting=rows[0]["certificate"]["setting"])}
        if spec.universal:
            return CheckResult(spec.strategy, spec.part, CONSISTENT, "on every instance tried: " + summary_line, evidence)
        return CheckResult(spec.strategy, spec.part, PROVED, summary_line, evidence, cert)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                       f"no certificate for {sum(e is None for e in ends)} of {len(ends)} settings ({'; '.join(lines)})", evidence)


def probe_point(beta1: float, beta2: float, settings: dict) -> dict:
    """Search the periodic problems (n, C) for one where Adam is certified to end at +1."""
    for n in settings.get("periods", (3, 5, 10, 20, 50, 100, 200, 500, 1000)):
        for C in (n, n - 0.5):
            s = Setting(algorithm="adam", n=n, C=float(C), beta1=beta1, beta2=beta2, alpha=settings.get("alpha", 0.1),
                        schedule=settings.get("schedule", "inv_sqrt_t"))
            cert = certify(s)
            if cert.endpoint == 1:
                ams = certify(replace(s, algorithm="amsgrad"))
                adam_run, ams_run = summary(s, (1000, 10000)), summary(replace(s, algorithm="amsgrad"), (1000, 10000))
                return {"beta1": beta1, "beta2": beta2, "n": n, "C": float(C), "t0": cert.t0, "phase": cert.phase,
                        "adam_liminf_avg_regret_ge": cert.avg_regret_bound, "adam_avg_regret": adam_run["avg_regret"],
                        "amsgrad_endpoint": ams.endpoint, "amsgrad_avg_regret": ams_run["avg_regret"]}
    return {"beta1": beta1, "beta2": beta2, "n": None}


@register(specs.RegretProbe)
def check_regret_probe(spec: RegretProbe, ctx: CheckContext) -> CheckResult:
    inside, outside = [], []
    grid = spec.settings.get("thorough_grid", spec.grid) if ctx.mode == "thorough" else spec.grid
    for b1, b2 in grid:
        ctx.check_time()
        (inside if spec.region(b1, b2) else outside).append(probe_point(b1, b2, spec.settings))
    found_in = [p for p in inside if p["n"] is not None]
    found_out = [p for p in outside if p["n"] is not None]
    evidence = {"inside_region": inside, "outside_region": outside,
                "witnessed_inside": f"{len(found_in)}/{len(inside)}", "witnessed_outside": f"{len(found_out)}/{len(outside)}"}
    tail = (f"; outside the condition, witnesses at {len(found_out)}/{len(outside)} points (the condition is sufficient, not necessary)"
            if outside else "")
    if inside and len(found_in) == len(inside):
        return CheckResult(spec.strategy, spec.part, CONSISTENT,
                           f"a problem with R_T/T ↛ 0 certified at every one of the {len(inside)} grid points with the condition{tail}; "
                           "a grid of points, not the continuum the theorem covers", evidence)
    return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                       f"certified witnesses at {len(found_in)}/{len(inside)} grid points with the condition{tail}", evidence)
