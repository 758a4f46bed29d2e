"""The inline stylesheet and script of report.html (no file, font or script is fetched)."""

STYLE = """
:root { --fg:#1d2126; --muted:#5b6570; --line:#d9dee3; --bg:#fff; --code:#f5f7f9;
  --proved:#1b7a3a; --refuted:#b42318; --consistent:#176b87; --inconclusive:#9a6700; --not-checkable:#6b7280; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 1.2rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin: .2rem 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
h4 { font-size: .98rem; margin: 0 0 .25rem; }
a { color: #0b57d0; text-decoration: none; } a:hover { text-decoration: underline; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
.banner { padding: .5rem .8rem; border-radius: 6px; margin: .6rem 0; background: #fff4e5; border: 1px solid #f0c36d; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600;
  color: #fff; white-space: nowrap; vertical-align: middle; }
.badge.proved { background: var(--proved); } .badge.refuted { background: var(--refuted); }
.badge.consistent { background: var(--consistent); } .badge.inconclusive { background: var(--inconclusive); }
.badge.not-checkable { background: var(--not-checkable); }
.badge.small { font-size: .72rem; font-weight: 500; opacity: .9; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; }
.counts button { border: 1px solid var(--line); background: #fff; border-radius: 8px; padding: .35rem .7rem;
  cursor: pointer; font: inherit; }
.counts button b { font-size: 1.15rem; margin-right: .35rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f3f5f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.narrow { width: auto; }
.filters { display: flex; gap: .6rem; align-items: center; margin: .6rem 0; flex-wrap: wrap; }
.filters input, .filters select { font: inherit; padding: .25rem .45rem; border: 1px solid #b9c1c9; border-radius: 6px; }
.filters input { min-width: 20rem; }
section.claim { border: 1px solid var(--line); border-left: 5px solid var(--not-checkable); border-radius: 6px;
  padding: .8rem 1rem; margin: 1rem 0; }
section.claim.refuted { border-left-color: var(--refuted); } section.claim.proved { border-left-color: var(--proved); }
section.claim.consistent { border-left-color: var(--consistent); }
section.claim.inconclusive { border-left-color: var(--inconclusive); }
.statement { background: #fbfbf8; border: 1px solid #ecebe4; border-radius: 6px; padding: .4rem .9rem; margin: .5rem 0;
  overflow-x: auto; }
.statement p { margin: .45rem 0; }
math { font-size: 1.08em; font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "DejaVu Serif", math; }
math[display="block"] { margin: .35rem 0; overflow-x: auto; overflow-y: hidden; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace; font-size: .84rem; }
code { background: var(--code); padding: .05rem .25rem; border-radius: 3px; }
code.latex-raw { color: #7a2e0e; }
code.latex-raw.display { display: block; padding: .3rem .5rem; margin: .3rem 0; }
pre { background: var(--code); border: 1px solid var(--line); border-radius: 5px; padding: .5rem .7rem; overflow-x: auto;
  white-space: pre-wrap; word-break: break-word; margin: .3rem 0; }
pre code { background: none; padding: 0; color: inherit; font-size: inherit; }
pre.printed { background: #fbfbf8; }
pre.replay { background: #0f1720; color: #e6edf3; border-color: #0f1720; }
.check { border-top: 1px dashed var(--line); padding: .6rem 0 .2rem; }
.check .part { color: var(--muted); font-weight: 400; }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; font-size: .88rem; }
dl.evidence dt { color: var(--muted); } dl.evidence dd { margin: 0; word-break: break-word; }
details { margin: .25rem 0; } summary { cursor: pointer; color: var(--muted); font-size: .88rem; }
.certificate { border: 1px solid #f1b7b1; background: #fff7f6; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
.certificate h5 { margin: .1rem 0 .3rem; font-size: .9rem; }
.copy { float: right; font: inherit; font-size: .75rem; padding: .05rem .45rem; border: 1px solid #b9c1c9;
  border-radius: 4px; background: #fff; cursor: pointer; }
figure.plot { margin: .5rem 0; overflow-x: auto; }
figure.plot figcaption { color: var(--muted); font-size: .84rem; }
svg.plot { max-width: 100%; height: auto; }
.corrected { background: #f6fbf7; border: 1px solid #cfe8d6; border-radius: 6px; padding: .5rem .9rem; margin: .7rem 0; }
blockquote { margin: .5rem 0; padding: .2rem .8rem; border-left: 3px solid var(--line); color: var(--muted); }
ul.hypotheses { margin: .2rem 0 .4rem; padding-left: 1.3rem; }
.plot-error { color: var(--refuted); }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  var sel = document.getElementById('f-verdict'), txt = document.getElementById('f-text');
  var cnt = document.getElementById('f-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#claims-table tbody tr'));
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-verdict][data-text]'));
  function apply() {
    var v = sel.value, q = txt.value.trim().toLowerCase(), n = 0;
    items.forEach(function (el) {
      var show = (!v || el.dataset.verdict === v) && (!q || el.dataset.text.indexOf(q) >= 0);
      el.hidden = !show;
      if (show && el.tagName === 'TR') { n++; }
    });
    cnt.textContent = n + ' of ' + rows.length + ' claims shown';
  }
  var params = new URLSearchParams(window.location.search);  // report.html?verdict=refuted&q=adam
  if (params.get('verdict') !== null) { sel.value = params.get('verdict'); }
  if (params.get('q') !== null) { txt.value = params.get('q'); }
  sel.addEventListener('change', apply);
  txt.addEventListener('input', apply);
  document.querySelectorAll('[data-set-verdict]').forEach(function (b) {
    b.addEventListener('click', function () { sel.value = b.dataset.setVerdict; apply(); });
  });
  document.querySelectorAll('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var pre = document.getElementById(b.dataset.target);
      if (navigator.clipboard && pre) { navigator.clipboard.writeText(pre.textContent); b.textContent = 'copied'; }
    });
  });
  var maths = Array.prototype.slice.call(document.querySelectorAll('math'));
  var nativeMath = typeof MathMLElement !== 'undefined' && maths.every(function (m) { return m instanceof MathMLElement; });
  var root = document.documentElement;
  root.dataset.mathml = nativeMath ? 'native' : 'unsupported';
  root.dataset.mathLaidOut = String(maths.filter(function (m) { return m.getBoundingClientRect().width > 0; }).length);
  if (!nativeMath && maths.length) { document.getElementById('mathml-note').hidden = false; }
  apply();
})();
"""
