"""The HTML report's pieces: LaTeX to MathML with a raw fallback, and the inline SVG plots."""

import re

import pytest

from optverify.reports import plots
from optverify.reports.html import render
from optverify.reports.mathtext import inline_html, latex_to_mathml, statement_html


def test_latex_becomes_mathml_with_its_source_kept():
    m = latex_to_mathml(r"\frac{c}{\sqrt{t}} \le \mathbb{E}[x]", display=True)
    assert m.startswith("<math") and 'display="block"' in m and "<mfrac>" in m and "<msqrt>" in m
    assert 'alttext="\\frac{c}{\\sqrt{t}} \\le \\mathbb{E}[x]"' in m
    assert "𝔼" in m and "&amp;#x" not in m  # characters decoded, not double-escaped


@pytest.mark.parametrize("latex", [r"\frac{1}{", "x^", r"\left( x", r"\notacommand{x}"])
def test_latex_that_cannot_be_converted_is_shown_raw(latex):
    assert latex_to_mathml(latex) is None
    out = inline_html(f"before ${latex}$ after")
    assert '<code class="latex-raw"' in out and "before" in out and "after" in out


def test_text_inside_mathematics_is_escaped():
    m = latex_to_mathml(r"a < b \text{<script>}")
    assert "<script>" not in m and "&lt;script&gt;" in m


def test_statement_structure():
    text = ("#### Algorithm 1\n\n**Theorem 3** (*AdaGrad*). With $c = \\sqrt{2}D$ it costs \\$5:\n\n"
            "$$a \\le b$$\n$$= c$$\n\n```\nSet m_t <- x\n```\n")
    html = statement_html(text)
    assert '<p class="printed-heading"><strong>Algorithm 1</strong></p>' in html
    assert "<strong>Theorem 3</strong>" in html and "<em>AdaGrad</em>" in html and "costs $5" in html
    assert html.count('display="block"') == 2 and html.count('display="inline"') == 1
    assert '<pre class="printed">Set m_t &lt;- x</pre>' in html
    assert not re.search(r"<p>[^<]*<div", html)  # no block element inside a paragraph


def test_trajectory_svg_is_inline_and_deterministic():
    svg = plots.trajectory_svg({"f(w_t)": [0.5, 0.7, 3.0, 900.0], "w_t": [1.0, 1.2, 2.4, 42.0]}, "ascent",
                               x=[1, 2, 5, 100])
    assert svg.startswith("<svg") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert "f(w_t)" in svg and "ascent" in svg  # text kept as text
    assert svg == plots.trajectory_svg({"f(w_t)": [0.5, 0.7, 3.0, 900.0], "w_t": [1.0, 1.2, 2.4, 42.0]}, "ascent",
                                       x=[1, 2, 5, 100])
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids and all(i.startswith("ov") for i in ids)
    with pytest.raises(ValueError):
        plots.trajectory_svg({}, "empty")


def test_rate_svg_from_both_row_shapes_with_distinct_ids():
    bound_rows = {"confidence": 0.999999, "rows": [
        {"config": "q", "T": T, "mean_measured": m, "mean_rhs": b, "ratio": m / b, "ratio_ci": [m / b * 0.9, m / b * 1.1]}
        for T, m, b in [(10, 1.0, 3.0), (100, 3.1, 9.5), (1000, 10.2, 30.0)]],
        "rates": [{"config": "q", "measured_exponent": 0.5, "measured_exponent_ci": [0.4, 0.6], "bound_exponent": 0.5}]}
    own_ci = {"rows": [{"config": "cost $1", "T": T, "mean": 1.0 + 1 / T, "ci": [0.9, 1.2]} for T in (10, 100, 1000)]}
    a, b = plots.rate_svg(bound_rows), plots.rate_svg(own_ci)
    assert a.startswith("<svg") and b.startswith("<svg")
    assert "fit T^0.5" in a and "bound T^0.5" in a and "cost $1" in b
    assert not set(re.findall(r'\bid="([^"]+)"', a)) & set(re.findall(r'\bid="([^"]+)"', b))
    assert plots.rate_svg({"rows": []}) is None
    negative = {"rows": [{"config": "r", "T": T, "mean_measured": -1.0 * T, "mean_rhs": 1.0, "ratio_ci": [-2, 0]}
                         for T in (10, 100)]}
    assert plots.rate_svg(negative).startswith("<svg")  # symmetric log scale, no crash


def test_pseudocode_trajectory_is_plotted_when_its_steps_are_recorded():
    check = {"strategy": "pseudocode", "part": "main", "verdict": "refuted", "summary": "ascends",
             "evidence": {"problem": "f(w) = w²/2", "algorithm": "adam", "iterates_float": [1.0, 1.1, 1.2, 1.5, 2.0, 14.3],
                          "iterate_steps": [1, 2, 3, 6, 11, 101]}, "certificate": None}
    claim = {"id": "000:X", "source": {"file": "f", "line": 1}, "title": "t", "kind": "algorithm", "statement_latex": "",
             "verdict": "refuted", "summary": "s", "checks": [check], "corrected": None, "notes": []}
    page = render({"claims": [claim], "counts": {"refuted": 1}})
    assert page.count("<svg") == 1 and "iterates of adam" in page
    del check["evidence"]["iterate_steps"]
    assert render({"claims": [claim], "counts": {"refuted": 1}}).count("<svg") == 0


def test_render_an_existing_report_from_the_command_line(tmp_path):
    import json
    import subprocess
    import sys

    rep = {"claims": [], "counts": {"proved": 0}, "mode": "quick", "seed": 1}
    (tmp_path / "report.json").write_text(json.dumps(rep))
    p = subprocess.run([sys.executable, "-m", "optverify.reports.html", str(tmp_path / "report.json")],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and p.stdout.strip() == str(tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text().startswith("<!DOCTYPE html>")
    bad = subprocess.run([sys.executable, "-m", "optverify.reports.html", str(tmp_path / "missing.json")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "cannot read" in bad.stderr


def _claim_with(check, kind="rate"):
    return {"id": "002:X", "source": {"file": "f", "line": 1}, "title": "t", "kind": kind, "statement_latex": "",
            "verdict": check["verdict"], "summary": "s", "checks": [check], "corrected": None, "notes": []}


def test_a_rate_claim_decided_on_a_construction_is_plotted_beside_its_stated_rate():
    # the shape of 002:L377's evidence (RateCounterexample): values at growing horizons, the stated exponent, the fit
    ev = {"facts": {"problem": "p"}, "horizons": [300, 600, 1200, 2400], "values": [0.476, 0.546, 0.607, 0.638],
          "stated_exponent": -0.5, "fitted_exponent": 0.14, "exponent_interval": [0.05, 0.23],
          "value_over_stated_rate": [8.2, 13.4, 21.0, 31.2]}
    check = {"strategy": "construction", "part": "main", "verdict": "refuted", "summary": "decays like T^0.14", "evidence": ev,
             "certificate": None}
    page = render({"claims": [_claim_with(check)], "counts": {"refuted": 1}})
    assert page.count("<svg") == 1
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert "stated rate T^-0.5 (through the first point)" in svg and "fit T^0.14 [0.05, 0.23]" in svg
    assert "beside the stated rate T^p" in page
    # the reference line passes through the first point and falls as T^p
    (s,) = plots.measured_rate_series(ev)
    assert s["T"] == [300.0, 600.0, 1200.0, 2400.0] and s["stated_exponent"] == -0.5 and s["fit"] == (0.14, 0.05, 0.23)
    # without a stated exponent there is nothing to set the measured values against: no plot
    del ev["stated_exponent"]
    assert render({"claims": [_claim_with(check)], "counts": {"refuted": 1}}).count("<svg") == 0


def test_every_rate_claim_decided_on_a_construction_states_its_exponent_and_004_L448_is_plotted():
    from optverify.checks.dispatch import run_check
    from optverify.checks.result import CheckContext
    from optverify.claims import all_claims, get
    from optverify.claims.specs import PeriodicRegret, RateCounterexample

    for c in all_claims():
        if c.kind == "rate":
            for spec in c.checks:
                if isinstance(spec, (RateCounterexample, PeriodicRegret)):
                    assert spec.stated_exponent is not None, c.id
    # 004:L448 "AMSGrad achieves R(T) = O(√T)": R_T/T of each periodic problem's float run against T^(−1/2)
    res = run_check(get("004:L448").checks[0], CheckContext(seed=0))
    ev = res.to_dict()["evidence"]
    assert ev["stated_exponent"] == -0.5
    series = plots.measured_rate_series(ev)
    assert len(series) == len(ev["settings"]) and all(len(s["T"]) >= 3 for s in series)
    page = render({"claims": [_claim_with(res.to_dict())], "counts": {res.verdict: 1}})
    assert page.count("<svg") == 1 and "R_T/T (float run)" in page and "One line per periodic problem" in page
