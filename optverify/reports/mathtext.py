"""Markdown-ish statement text with ``$…$`` / ``$$…$$`` LaTeX, rendered to HTML with MathML, offline.

The statements of report.json are transcribed as printed: prose with a little
Markdown (``**bold**``, ``*emphasis*``, ``#### headings``, fenced code) and
LaTeX segments between dollars.  Each LaTeX segment becomes MathML through
``latex2mathml`` (pure Python; Chromium and Firefox lay MathML out natively).
A segment that cannot be converted is shown as its raw LaTeX in ``<code>``,
so rendering never fails on a claim's text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

try:
    from latex2mathml.converter import convert_to_element
except ImportError:  # the renderer still works, showing raw LaTeX
    convert_to_element = None

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<![\\$])\$(?!\$)(.+?)(?<!\\)\$", re.S)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


@lru_cache(maxsize=4096)
def latex_to_mathml(latex: str, display: bool = False) -> str | None:
    """MathML markup for one LaTeX segment, or None when it cannot be converted faithfully.

    >>> latex_to_mathml(r"\\frac{1}{2}").startswith("<math")
    True
    >>> latex_to_mathml(r"\\frac{1}{") is None
    True
    """
    if convert_to_element is None:
        return None
    try:
        elem = convert_to_element(latex.strip(), display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds on input it does not know
        return None
    for node in elem.iter():
        if node.text:
            # latex2mathml stores characters as entity strings ("&#x02211;"): decode them, ElementTree re-escapes
            node.text = html.unescape(node.text)
            # an unknown command comes back as literal text such as "\foo": better shown raw
            if node.text.strip().startswith("\\") and len(node.text.strip()) > 1:
                return None
    elem.set("alttext", latex.strip())
    # ElementTree escapes text and attribute values (latex2mathml's own serialiser does not)
    return ET.tostring(elem, encoding="unicode", short_empty_elements=False)


def math_html(latex: str, display: bool) -> str:
    """One LaTeX segment as HTML: MathML, or the raw LaTeX in <code> when it cannot be converted."""
    mml = latex_to_mathml(latex, display)
    if mml is not None:
        return mml  # <math display="block"> is phrasing content: valid inside <p>
    delim = "$$" if display else "$"
    cls = "latex-raw display" if display else "latex-raw"
    return f'<code class="{cls}" title="LaTeX not rendered">{html.escape(delim + latex + delim)}</code>'


def _prose(text: str) -> str:
    out = html.escape(text.replace("\\$", "$"), quote=False)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _EM.sub(r"<em>\1</em>", out)


def inline_html(text: str) -> str:
    """Prose with inline and display LaTeX segments, without paragraph structure."""
    parts: list[str] = []
    pos = 0
    for m in _MATH.finditer(text):
        parts.append(_prose(text[pos:m.start()]))
        if m.group(1) is not None:
            parts.append(math_html(m.group(1), display=True))
        else:
            parts.append(math_html(m.group(2), display=False))
        pos = m.end()
    parts.append(_prose(text[pos:]))
    return "".join(parts)


def _paragraph(block: str) -> str:
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if len(lines) == 1:
        h = _HEADING.match(lines[0].strip())
        if h:
            return f'<p class="printed-heading"><strong>{inline_html(h.group(2))}</strong></p>'
    return f"<p>{inline_html(chr(10).join(lines))}</p>"


def statement_html(text: str) -> str:
    """A whole statement as printed: paragraphs, headings, fenced code, mathematics."""
    out: list[str] = []
    pos = 0
    for m in _FENCE.finditer(text):
        out.extend(_paragraph(b) for b in re.split(r"\n\s*\n", text[pos:m.start()]) if b.strip())
        out.append(f'<pre class="printed">{html.escape(m.group(1).rstrip())}</pre>')
        pos = m.end()
    out.extend(_paragraph(b) for b in re.split(r"\n\s*\n", text[pos:]) if b.strip())
    return "\n".join(out)
