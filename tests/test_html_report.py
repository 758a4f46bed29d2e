"""report.html: one self-contained page from report.json, checked by structure and in headless Chromium."""

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from optverify.claims import match
from optverify.reports.html import render, write_html
from optverify.reports.markdown import ORDER

IDS = ["000:Thm 3", "000:L171", "000:L19", "000:Alg 1"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# Decide the claims with runner.run and assemble the report as `optverify run` does, in a fresh
# interpreter: a pytest process in which an earlier test ran a parallel numba kernel (GNU OpenMP)
# cannot fork claim processes that run simulations.
BUILD_REPORT = """
import json, sys
from optverify.claims import match
from optverify.claims.coverage_map import coverage_counts
from optverify.reports import json_report
from optverify.runner import run

ids = json.loads(sys.argv[1])
entries, interrupted = run(match(ids), "quick", 0)
now = json_report.now()
rep = json_report.build(entries, mode="quick", seed=0, started=now, ended=now, interrupted=interrupted,
                        coverage=coverage_counts(["000"]), requested=ids)
sys.stdout.write(json_report.dumps(rep))
"""


@pytest.fixture(scope="module")
def report():
    p = subprocess.run([sys.executable, "-c", BUILD_REPORT, json.dumps(IDS)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    rep = json.loads(p.stdout)  # exactly what report.json holds
    assert not rep["interrupted"] and [e["id"] for e in rep["claims"]] == [c.id for c in match(IDS)]
    return rep


@pytest.fixture(scope="module")
def page(report):
    return render(report)


class Outline(HTMLParser):
    """Tags, attributes, ids and the text of <script>/<style> of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag in self.raw:
            self._in = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in = None

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in].append(data)

    def all(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def outline(page):
    o = Outline()
    o.feed(page)
    o.close()
    return o


def test_page_is_one_self_contained_document(page, outline):
    assert page.startswith("<!DOCTYPE html>")
    assert len(outline.all("html")) == 1 and len(outline.all("title")) == 1
    for tag, attrs in outline.tags:
        for key in ("src", "href", "data", "poster"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (tag, key, value)
        assert not (tag == "link" and "stylesheet" in (attrs.get("rel") or "")), "no external stylesheet"
        assert not (tag == "script" and attrs.get("src")), "no external script"
    css = "".join(outline.raw["style"])
    assert "@import" not in css and "url(" not in css
    assert outline.raw["script"], "the filter script is inline"


def test_ids_are_unique_and_every_internal_link_has_a_target(outline):
    assert len(outline.ids) == len(set(outline.ids)), sorted(i for i in outline.ids if outline.ids.count(i) > 1)[:5]
    targets = set(outline.ids)
    for tag, attrs in outline.tags:
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#"):
            assert href[1:] in targets, href


def test_index_table_and_sections_refuted_first(report, outline):
    rows = [a for a in outline.all("tr") if "data-verdict" in a]
    sections = outline.all("section")
    assert len(rows) == len(sections) == len(IDS)
    verdicts = [s["data-verdict"] for s in sections]
    assert verdicts == sorted(verdicts, key=ORDER.get)
    assert verdicts[0] == "refuted"
    assert {s["id"] for s in sections} == {"claim-000-thm-3", "claim-000-l171", "claim-000-l19", "claim-000-alg-1"}
    assert [r["data-verdict"] for r in rows] == verdicts
    assert outline.all("select", id="f-verdict") and outline.all("input", id="f-text")
    # counts by verdict, clickable to filter
    buttons = [a["data-set-verdict"] for a in outline.all("button") if "data-set-verdict" in a]
    assert "refuted" in buttons and "" in buttons


def test_mathematics_plots_certificates_and_corrected_forms(report, page, outline):
    maths = outline.all("math")
    assert len(maths) >= 5 and all(m.get("alttext") for m in maths)
    assert any(m.get("display") == "block" for m in maths)
    svgs = outline.all("svg")
    n_sim = sum(1 for e in report["claims"] for c in e["checks"] + ((e["corrected"] or {}).get("checks") or [])
                if c["strategy"] == "simulation" and c["evidence"].get("rows"))
    n_traj = sum(1 for e in report["claims"] for c in e["checks"] + ((e["corrected"] or {}).get("checks") or [])
                 if c["strategy"] == "pseudocode" and c["evidence"].get("iterate_steps"))
    # one plot per simulation check and one trajectory per pseudocode run, main and corrected forms
    assert n_sim >= 2 and n_traj >= 1 and len(svgs) == n_sim + n_traj
    replays = outline.all("pre", **{"class": "replay"})
    snippets = [c["certificate"].get("replay_snippet") or c["certificate"].get("replay")
                for e in report["claims"] for c in e["checks"] if c.get("certificate")]
    assert len(replays) >= len([s for s in snippets if isinstance(s, str)]) >= 2
    assert "from optverify.counterexamples.search import replay" in page  # L171's snippet, as stored
    assert len([d for d in outline.all("div") if d.get("class") == "corrected"]) == 4  # Thm 3, L171, L19, Alg 1
    assert "fit T^" in page and "bound T^" in page  # fitted exponents in the plot titles


def test_rendering_is_deterministic_and_uses_the_report_only(report, page, tmp_path):
    assert render(json.loads(json.dumps(report))) == page
    path = write_html(report, tmp_path)
    assert path == tmp_path / "report.html" and path.read_text(encoding="utf-8") == page


def test_plots_drawn_on_several_processes_give_the_same_page(report, page):
    from optverify.reports import plots

    plots._MEMO.clear()
    with plots.collecting() as needed:
        render(report, workers=1)  # a plot function notes its plot instead of drawing it
    assert needed and all(k[0] in ("rate", "measured", "trajectory") for k in needed)
    assert plots.draw_all(needed, workers=2) == len(set(needed))
    assert render(report, workers=2) == page
    plots._MEMO.clear()
    assert render(report, workers=1) == page


def test_rendering_survives_odd_reports():
    odd = {"schema_version": 2, "tool_version": "x", "mode": "quick", "seed": 0,
           "timings": {"started": "2026-01-01T00:00:00+00:00", "ended": None, "claims": {"9:<x>": {"duration_s": 2.5}}},
           "interrupted": True, "counts": {"refuted": 1}, "counts_by_source": {}, "coverage": {},
           "claims": [{"id": "9:<x>", "source": {"file": "f", "line": 1}, "title": "<script>alert(1)</script>",
                       "kind": "k", "statement_latex": "bad $\\frac{1}{$ and $$x^$$ and ```\ncode <b>\n```",
                       "verdict": "refuted", "summary": "s", "worst_ratio": float("inf"),
                       "checks": [{"strategy": "simulation", "part": "main", "verdict": "refuted", "summary": "",
                                   "evidence": {"rows": [{"config": "c $x$", "T": 10, "mean": -1.0, "ci": [-2, 0]}]},
                                   "certificate": {"replay": "print(1 < 2)"}}],
                       "corrected": None, "notes": ["n"]}]}
    page = render(odd)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert '<code class="latex-raw"' in page and "interrupted" in page
    assert "print(1 &lt; 2)" in page and "∞" in page
    # times come from `timings` (schema 2), nowhere else
    assert "started 2026-01-01T00:00:00+00:00" in page and "· 2.5 s" in page and '<td class="num">2.5</td>' in page


def _chromium(*args, tmp_path, timeout=90):
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_chromium_renders_math_and_plots_offline(report, tmp_path):
    path = write_html(report, tmp_path)
    dom = _chromium("--dump-dom", path.as_uri(), tmp_path=tmp_path).stdout
    assert dom.count("<math") > 0 and dom.count("<svg") >= 2
    # the page's own script ran: MathML is laid out natively and the filter counted the claims
    assert 'data-mathml="native"' in dom
    laid_out = int(dom.split('data-math-laid-out="')[1].split('"')[0])
    assert laid_out == dom.count("<math ") > 0
    assert f"{len(IDS)} of {len(IDS)} claims shown" in dom

    filtered = _chromium("--dump-dom", path.as_uri() + "?verdict=refuted", tmp_path=tmp_path).stdout
    o = Outline()
    o.feed(filtered)
    rows = [a for a in o.all("tr") if "data-verdict" in a]
    assert rows and all(("hidden" in a) == (a["data-verdict"] != "refuted") for a in rows)

    png = tmp_path / "report.png"
    _chromium(f"--screenshot={png}", "--window-size=1280,2000", path.as_uri(), tmp_path=tmp_path)
    assert png.exists() and png.stat().st_size > 20_000
    from PIL import Image

    with Image.open(png) as im:
        assert im.size == (1280, 2000)
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is None or len(colours) > 50  # text, badges and tables, not a blank page
