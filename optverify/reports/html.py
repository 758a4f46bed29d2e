"""report.html: one self-contained page rendered from report.json only (no verdict is computed here).

An index (counts by verdict and by source, coverage, a table of claims that
filters by verdict and text), then one section per claim, refuted claims
first: the statement as mathematics (MathML), the verdict, every check with
its evidence, the certificate with its replay snippet, the corrected form,
and for simulation checks a log–log plot of the measured quantity against the
bound over T.  Nothing is fetched when the page opens: styles, script, plots
(inline SVG) and mathematics (MathML) are all in the file.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from pathlib import Path

from optverify.reports import coverage_text, plots, ratio_text
from optverify.reports.html_assets import SCRIPT, STYLE
from optverify.reports.json_report import duration, run_times
from optverify.reports.markdown import ORDER
from optverify.reports.mathtext import inline_html, statement_html

VERDICT_ORDER = sorted(ORDER, key=ORDER.get)


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


def badge(verdict: str, small: bool = False) -> str:
    cls = re.sub(r"[^a-z-]", "", str(verdict).lower()) or "unknown"
    return f'<span class="badge {cls}{" small" if small else ""}">{esc(verdict)}</span>'


def fmt_number(x) -> str:
    if x is None:
        return ""
    if isinstance(x, bool):
        return str(x).lower()
    if isinstance(x, (int, float)):
        if isinstance(x, float) and math.isinf(x):
            return "∞" if x > 0 else "−∞"
        if isinstance(x, float) and math.isnan(x):
            return "NaN"
        return f"{x:.4g}" if isinstance(x, float) else str(x)
    return esc(x)


def anchor(claim_id: str) -> str:
    return "claim-" + re.sub(r"[^a-z0-9]+", "-", claim_id.lower()).strip("-")


def _ordered(claims: list[dict]) -> list[dict]:
    """Refuted first, then inconclusive, consistent, proved, not-checkable; source order within a verdict."""
    return sorted(claims, key=lambda e: ORDER.get(e.get("verdict"), len(ORDER)))


def _search_text(e: dict) -> str:
    bits = [e.get("id"), e.get("title"), e.get("kind"), e.get("summary"), e.get("conclusion"), e.get("verdict")]
    return esc(" ".join(str(b) for b in bits if b).lower())


def _source(e: dict) -> str:
    src = e.get("source") or {}
    line = src.get("line")
    end = src.get("end_line")
    where = f"line {line}" + (f"–{end}" if end and end != line else "")
    return f"<code>{esc(src.get('file'))}</code> {esc(where)}"


# ---------------------------------------------------------------- index

def _header(report: dict) -> str:
    out = ['<header id="index">', "<h1>optverify report</h1>",
           f'<p class="meta">optverify {esc(report.get("tool_version"))} · schema {esc(report.get("schema_version"))} · '
           f'mode <code>{esc(report.get("mode"))}</code> · seed {esc(report.get("seed"))} · '
           f'started {esc(run_times(report)[0])} · ended {esc(run_times(report)[1] or "—")}'
           + (f' · patterns {esc(" ".join(report["patterns"]))}' if report.get("patterns") else "") + "</p>"]
    if report.get("interrupted"):
        out.append('<p class="banner">This run was interrupted: the report holds only the claims decided before it stopped.</p>')
    out.append('<p class="banner" id="mathml-note" hidden>This browser does not lay out MathML: the mathematics '
               'shows as plain symbols. Each formula keeps its LaTeX in the <code>alttext</code> attribute.</p>')
    out.append("</header>")
    return "\n".join(out)


def _counts(report: dict) -> str:
    counts = report.get("counts") or {}
    total = len(report.get("claims") or [])
    buttons = [f'<button type="button" data-set-verdict="">all <b>{total}</b></button>']
    for v in VERDICT_ORDER:
        if v in counts:
            buttons.append(f'<button type="button" data-set-verdict="{esc(v)}"><b>{counts[v]}</b>{badge(v)}</button>')
    return '<div class="counts" aria-label="claims by verdict">' + "".join(buttons) + "</div>"


def _by_source(report: dict) -> str:
    by = report.get("counts_by_source") or {}
    cov = report.get("coverage") or {}
    if not by and not cov:
        return ""
    head = "".join(f'<th class="num">{badge(v, small=True)}</th>' for v in VERDICT_ORDER)
    rows = []
    for src, c in by.items():
        cells = "".join(f'<td class="num">{c.get(v, 0)}</td>' for v in VERDICT_ORDER)
        rows.append(f"<tr><td>{esc(src)}</td>{cells}</tr>")
    out = ['<h2 id="by-source">By source</h2>', f'<table class="narrow"><thead><tr><th>source</th>{head}</tr></thead>',
           "<tbody>" + "".join(rows) + "</tbody></table>"]
    if cov:
        out.append('<h3 style="margin-top:1rem">Coverage of the source</h3>')
        out.append('<table class="narrow"><thead><tr><th>source</th><th>file</th><th class="num">claims</th><th class="num">encoded</th>'
                   '<th class="num">numbered statements encoded</th><th class="num">displays encoded</th><th>missing</th></tr></thead><tbody>')
        for src, c in cov.items():
            total, missing = coverage_text(c)
            out.append(f"<tr><td>{esc(src)}</td><td><code>{esc(c.get('source'))}</code></td><td class=\"num\">{esc(c.get('claims'))}</td>"
                       f"<td class=\"num\">{esc(total)}</td>"
                       f"<td class=\"num\">{esc(c.get('statements_encoded'))}/{esc(c.get('statements'))}</td>"
                       f"<td class=\"num\">{esc(c.get('displays_encoded'))}/{esc(c.get('displays'))}</td><td>{esc(missing)}</td></tr>")
        out.append("</tbody></table>")
    return "\n".join(out)


def _claims_table(claims: list[dict], report: dict) -> str:
    options = '<option value="">every verdict</option>' + "".join(
        f'<option value="{esc(v)}">{esc(v)}</option>' for v in VERDICT_ORDER)
    out = ['<h2 id="claims">Claims</h2>',
           '<div class="filters"><label>verdict <select id="f-verdict">' + options + "</select></label>"
           '<input id="f-text" type="search" placeholder="filter by id, title, kind or summary" aria-label="filter text">'
           '<span id="f-count" class="muted"></span></div>',
           '<table id="claims-table"><thead><tr><th>id</th><th class="num">line</th><th>title</th><th>verdict</th>'
           '<th class="num">worst ratio</th><th class="num">time (s)</th></tr></thead><tbody>']
    for e in claims:
        corr = e.get("corrected")
        cv = f" corrected: {badge(corr.get('verdict'), small=True)}" if corr else ""
        line = (e.get("source") or {}).get("line")
        dur = duration(report, e["id"])
        out.append(f'<tr data-verdict="{esc(e.get("verdict"))}" data-text="{_search_text(e)}">'
                   f'<td><a href="#{anchor(e["id"])}">{esc(e["id"])}</a></td><td class="num">{esc(line)}</td>'
                   f"<td>{esc(e.get('title'))}</td><td>{badge(e.get('verdict'))}{cv}</td>"
                   f'<td class="num">{esc(ratio_text(e))}</td>'
                   f'<td class="num">{"" if dur is None else f"{dur:.1f}"}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


# ---------------------------------------------------------------- checks

def _is_scalar(v) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _json_pre(value) -> str:
    return f"<pre>{esc(json.dumps(value, indent=2, ensure_ascii=False, default=str))}</pre>"


def _rows_table(rows: list[dict]) -> str:
    keys: list[str] = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    head = "".join(f"<th>{esc(k)}</th>" for k in keys)
    body = []
    for r in rows:
        cells = []
        for k in keys:
            v = r.get(k)
            if isinstance(v, (list, tuple)) and all(isinstance(x, (int, float)) for x in v):
                cells.append(f'<td class="num">[{", ".join(fmt_number(x) for x in v)}]</td>')
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<td class="num">{fmt_number(v)}</td>')
            else:
                cells.append(f"<td>{esc(v) if _is_scalar(v) else esc(json.dumps(v, ensure_ascii=False, default=str))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _plot(make, caption: str) -> str:
    try:
        svg = make()
    except Exception as exc:  # a plot must not cost the report: say what went wrong instead
        return f'<p class="plot-error">plot not drawn: {esc(type(exc).__name__)}: {esc(exc)}</p>'
    if not svg:
        return ""
    return f'<figure class="plot">{svg}<figcaption>{esc(caption)}</figcaption></figure>'


def _simulation_html(ev: dict) -> str:
    out = [_plot(lambda: plots.rate_svg(ev),
                 "Log–log over the horizon T: the measured mean over the seeds (line) with its confidence band "
                 "(the interval of E[measured]/E[bound] times E[bound], or the quantity's own interval), and the bound "
                 "as evaluated on the same runs (dashed). Fitted exponents in each panel's title.")]
    rates = [r for r in ev.get("rates") or [] if isinstance(r, dict)]
    if rates:
        out.append('<table class="narrow"><thead><tr><th>configuration</th><th class="num">fitted exponent of measured</th>'
                   '<th>its interval</th><th class="num">exponent of bound</th></tr></thead><tbody>')
        for r in rates:
            ci = r.get("measured_exponent_ci")
            ci_s = f"[{fmt_number(ci[0])}, {fmt_number(ci[1])}]" if isinstance(ci, (list, tuple)) and len(ci) == 2 else ""
            out.append(f"<tr><td>{esc(r.get('config'))}</td><td class=\"num\">{fmt_number(r.get('measured_exponent'))}</td>"
                       f"<td>{esc(ci_s)}</td><td class=\"num\">{fmt_number(r.get('bound_exponent'))}</td></tr>")
        out.append("</tbody></table>")
    if ev.get("rows"):
        out.append(f"<details><summary>rows ({len(ev['rows'])} configuration × horizon pairs)</summary>"
                   f"{_rows_table(ev['rows'])}</details>")
    return "\n".join(out)


def _measured_rate_html(ev: dict) -> str:
    """A rate claim decided on a construction: the measured quantity over T beside the stated rate."""
    if not plots.measured_rate_series(ev):
        return ""
    periodic = bool(ev.get("settings"))
    return _plot(lambda: plots.measured_rate_svg(ev, "R_T/T (float run)" if periodic else "measured"),
                 "Log–log over the horizon T: the measured quantity (line) beside the stated rate T^p drawn through the "
                 "first point (dashed); a quantity that obeys the rate stays on or below its dashed line."
                 + (" One line per periodic problem, from the method's own float run." if periodic else
                    " The fitted exponent and its interval in the title."))


def _trajectory_html(ev: dict) -> str:
    xs, ws = ev.get("iterate_steps"), ev.get("iterates_float")
    if not (isinstance(xs, list) and isinstance(ws, list) and xs and len(xs) == len(ws)):
        return ""
    problem = ev.get("problem") or ""
    return _plot(lambda: plots.trajectory_svg({"w_t": ws}, f"iterates of {ev.get('algorithm', 'the algorithm')}",
                                              x=xs, xlabel="t"),
                 f"The recorded iterates w_t of the printed algorithm ({problem}).")


def _evidence_html(ev) -> str:
    if not ev:
        return ""
    if not isinstance(ev, dict):
        return _json_pre(ev)
    shown = {"rows", "rates"}
    scalars = [(k, v) for k, v in ev.items() if k not in shown and _is_scalar(v)]
    nested = [(k, v) for k, v in ev.items() if k not in shown and not _is_scalar(v)]
    out = []
    if scalars:
        out.append('<dl class="evidence">' + "".join(
            f"<dt>{esc(k)}</dt><dd>{fmt_number(v) if not isinstance(v, str) else esc(v)}</dd>" for k, v in scalars) + "</dl>")
    for k, v in nested:
        out.append(f"<details><summary>{esc(k)}</summary>{_json_pre(v)}</details>")
    return "\n".join(out)


def _certificate_html(cert, pre_id: str) -> str:
    if not cert:
        return ""
    out = ['<div class="certificate">', "<h5>Certificate</h5>"]
    if isinstance(cert, dict):
        snippets = [(k, v) for k, v in cert.items() if k in ("replay_snippet", "replay") and isinstance(v, str)]
        rest = {k: v for k, v in cert.items() if k not in dict(snippets)}
        for i, (k, code) in enumerate(snippets):
            pid = f"{pre_id}-{i}"
            out.append(f'<p class="muted"><button type="button" class="copy" data-target="{pid}">copy</button>'
                       f"replay in Python ({esc(k)}):</p>"
                       f'<pre class="replay" id="{pid}"><code>{esc(code)}</code></pre>')
        if rest:
            out.append(_json_pre(rest))
    else:
        out.append(_json_pre(cert))
    out.append("</div>")
    return "\n".join(out)


def _check_html(c: dict, pre_id: str) -> str:
    ev = c.get("evidence") or {}
    part = c.get("part")
    out = ['<div class="check">',
           f"<h4>{esc(c.get('strategy'))}" + (f' <span class="part">[{esc(part)}]</span>' if part and part != "main" else "")
           + f" {badge(c.get('verdict'))}</h4>",
           f"<p>{esc(c.get('summary'))}</p>"]
    if c.get("strategy") == "simulation" and isinstance(ev, dict) and ev.get("rows"):
        out.append(_simulation_html(ev))
    if isinstance(ev, dict):
        out.append(_measured_rate_html(ev))
        out.append(_trajectory_html(ev))
    out.append(_certificate_html(c.get("certificate"), pre_id))
    if ev:
        out.append(f"<details><summary>evidence</summary>{_evidence_html(ev)}</details>")
    out.append("</div>")
    return "\n".join(x for x in out if x)


# ---------------------------------------------------------------- claims

def _claim_section(e: dict, report: dict) -> str:
    aid = anchor(e["id"])
    v = e.get("verdict")
    dur = duration(report, e["id"])
    out = [f'<section class="claim {esc(v)}" id="{aid}" data-verdict="{esc(v)}" data-text="{_search_text(e)}">',
           f'<h3><a href="#{aid}">{esc(e["id"])}</a> — {esc(e.get("title"))} {badge(v)}</h3>',
           f'<p class="meta">{_source(e)} · {esc(e.get("kind"))}'
           + (f" · worst ratio {esc(ratio_text(e))}" if e.get("worst_ratio") is not None else "")
           + ("" if dur is None else f" · {dur:.1f} s") + "</p>",
           f"<p><strong>{esc(e.get('summary'))}</strong></p>",
           f'<div class="statement">{statement_html(e.get("statement_latex") or "")}</div>']
    if e.get("conclusion"):
        out.append(f'<p><span class="muted">Read as:</span> {inline_html(str(e["conclusion"]))}</p>')
    if e.get("hypotheses"):
        out.append('<p class="muted" style="margin-bottom:0">Hypotheses:</p><ul class="hypotheses">'
                   + "".join(f"<li>{inline_html(str(h))}</li>" for h in e["hypotheses"]) + "</ul>")
    if e.get("bound") or e.get("bound_in_force"):
        b = f'<p><span class="muted">Bound:</span> <code>{esc(e.get("bound"))}</code>'
        if e.get("bound_in_force") and e.get("bound_in_force") != e.get("bound"):
            b += f' · <span class="muted">in force:</span> <code>{esc(e["bound_in_force"])}</code>'
        if e.get("override"):
            b += f' · <span class="muted">override</span> <code>{esc(json.dumps(e["override"], ensure_ascii=False))}</code>'
        out.append(b + "</p>")
    for i, c in enumerate(e.get("checks") or []):
        out.append(_check_html(c, f"{aid}-c{i}"))
    cr = e.get("corrected")
    if cr:
        out.append('<div class="corrected">'
                   f"<h4>Corrected form {badge(cr.get('verdict'))}</h4>"
                   f'<div class="statement">{statement_html(str(cr.get("statement_latex") or ""))}</div>'
                   f"<p>{inline_html(str(cr.get('reason') or ''))}</p>")
        for i, c in enumerate(cr.get("checks") or []):
            out.append(_check_html(c, f"{aid}-corr{i}"))
        out.append("</div>")
    for n in e.get("notes") or []:
        out.append(f"<blockquote>{inline_html(str(n))}</blockquote>")
    out.append('<p class="muted"><a href="#index">back to the index</a></p></section>')
    return "\n".join(out)


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render(report: dict, workers: int | None = None) -> str:
    """The whole report as one self-contained HTML document.

    Its plots are drawn first, on ``workers`` processes (default: the CPUs this process may use): a first pass
    notes every plot the page needs (``plots.collecting``), ``plots.draw_all`` draws them, the real pass inlines them.
    """
    claims = _ordered(list(report.get("claims") or []))

    def body():
        return [_header(report), _counts(report), _by_source(report), _claims_table(claims, report),
                '<h2 id="details">Claims in detail</h2>', *(_claim_section(e, report) for e in claims)]

    workers = _workers() if workers is None else int(workers)
    if workers > 1:
        with plots.collecting() as needed:
            body()
        plots.draw_all(needed, workers)
    body = body()
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>optverify report — {len(claims)} claims</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body) + f"\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")


def write_html(report: dict, out_dir: Path) -> Path:
    """Write ``out_dir/report.html`` atomically; return its path."""
    from optverify.reports.json_report import write_atomic

    path = Path(out_dir) / "report.html"
    write_atomic(path, render(report))
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m optverify.reports.html REPORT_JSON [OUT_DIR]``: render an existing report.json to report.html."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2:
        print("usage: python -m optverify.reports.html REPORT_JSON [OUT_DIR]", file=sys.stderr)
        return 2
    src = Path(args[0])
    try:
        report = json.loads(src.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"optverify: cannot read {src}: {exc}", file=sys.stderr)
        return 2
    path = write_html(report, Path(args[1]) if len(args) == 2 else src.parent)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
