"""report.md, rendered from report.json only: refuted claims first, each with its evidence."""

from __future__ import annotations

import json

from optverify.reports import coverage_text, ratio_text
from optverify.reports.json_report import duration, run_times

ORDER = {"refuted": 0, "inconclusive": 1, "consistent": 2, "proved": 3, "not-checkable": 4}


def _fmt_cert(cert) -> str:
    if not cert:
        return ""
    text = json.dumps(cert, indent=2, ensure_ascii=False, default=str)
    return f"\n  <details><summary>certificate</summary>\n\n```json\n{text}\n```\n  </details>\n"


def render(report: dict) -> str:
    started, ended = run_times(report)
    out = [
        "# optverify report",
        "",
        f"- tool version {report['tool_version']}, schema {report['schema_version']}, mode `{report['mode']}`, seed {report['seed']}",
        f"- started {started}, ended {ended}" + (" — **interrupted: partial report**" if report["interrupted"] else ""),
        "",
        "| verdict | claims |",
        "|---|---|",
    ]
    out += [f"| {v} | {n} |" for v, n in report["counts"].items()]
    cov = report.get("coverage") or {}
    if cov:
        out += ["", "## Coverage", "", "| source | claims | encoded | statements encoded | displays encoded | missing |", "|---|---|---|---|---|---|"]
        for src, c in cov.items():
            total, missing = coverage_text(c)
            out.append(f"| {src} | {c['claims']} | {total} | {c['statements_encoded']}/{c['statements']} | {c['displays_encoded']}/{c['displays']} | "
                       f"{missing} |")
    out += ["", "## Claims", "", "| id | line | title | verdict | worst ratio | time (s) |", "|---|---|---|---|---|---|"]
    claims = sorted(report["claims"], key=lambda e: (ORDER.get(e["verdict"], 9), e["id"]))
    for e in claims:
        wr = ratio_text(e)
        out.append(f"| [{e['id']}](#{_anchor(e['id'])}) | {e['source']['line']} | {e['title']} | **{e['verdict']}** | {wr} | {duration(report, e['id'])} |")
    for e in claims:
        out += ["", f"### {e['id']} — {e['title']}", "", f"`{e['source']['file']}` line {e['source']['line']} · {e['kind']} · **{e['verdict']}**", ""]
        out += ["```", e["statement_latex"], "```", "", f"Read as: {e['conclusion']}"]
        if e.get("hypotheses"):
            out += ["", "Hypotheses: " + "; ".join(e["hypotheses"])]
        if e.get("bound_in_force"):
            out += ["", f"Bound in force: `{e['bound_in_force']}`" + (f" (override {e['override']})" if e.get("override") else "")]
        out.append("")
        for c in e["checks"]:
            out.append(f"- *{c['strategy']}* [{c['part']}]: **{c['verdict']}** — {c['summary']}{_fmt_cert(c.get('certificate'))}")
        if e.get("corrected"):
            cr = e["corrected"]
            out += ["", f"Corrected form (**{cr['verdict']}**): `{cr['statement_latex']}` — {cr['reason']}"]
            for c in cr["checks"]:
                out.append(f"  - *{c['strategy']}* [{c['part']}]: **{c['verdict']}** — {c['summary']}")
        for n in e.get("notes", []):
            out.append(f"\n> {n}")
    return "\n".join(out) + "\n"


def _anchor(cid: str) -> str:
    return "".join(ch for ch in cid.lower().replace(" ", "-") if ch.isalnum() or ch == "-")
