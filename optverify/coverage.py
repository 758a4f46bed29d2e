"""Scan a source text for everything that must be encoded as a claim.

The sources are markdown-ish lecture notes converted from PDF (see
``optverify/sources``).  :func:`scan_source` lists two kinds of items:

* **statements** -- numbered (or, on slides, unnumbered) Theorem, Lemma,
  Proposition, Corollary, Definition and Algorithm occurrences *where the text
  defines them*:

  - a bold (or italic / ``<b>``) label at the start of a line:
    ``**Theorem 3** (AdaGrad Convergence).``, ``**Lemma 16.2.**``,
    ``**Algorithm 2** Stochastic Gradient Descent`` (an optional ``-``/``+``
    list marker before it is allowed);
  - a markdown heading starting with the label: ``#### Algorithm 1 Adam``;
  - a plain line starting with the label and number followed by ``.`` or
    ``:`` (``Theorem 2. For any ...``, ``Algorithm 2:``), by a parenthesised
    name and ``.``/``:``, by nothing, or by a short capitalised title with no
    final period (``Algorithm 1 AdamAL``);
  - unnumbered slide labels: ``Theorem:``, ``**Lemma.**``,
    ``Theorem (Descent):`` -- reported with the bare label (``"Theorem"``).

  - in LaTeX, a theorem-like environment ``\\begin{theorem}`` … ``\\end{theorem}``
    (also ``lemma``, ``proposition``, ``corollary``, ``definition``,
    ``algorithm`` and their short forms), reported with the bare label, since
    LaTeX numbers it and the text does not.

  References in prose ("from Theorem 3", "(Notes 6 Lemma 2)", "Theorem 6.1
  has the problem ...") are not statements.  A statement extends from its
  label line over the paragraphs that continue it: a paragraph not ended by
  a period, a display or code block after a lead-in ending with ``:``, and
  short lead-ins such as ``satisfies:`` between displays.

* **displays** -- every display-math block (``$$ ... $$`` on one or several
  lines, ``\\[ ... \\]``, ``\\begin{equation|align|gather|multline|eqnarray}``
  outside ``$$``) and every standalone math line (a line consisting only of
  an optional relation such as ``=`` and one ``$...$``, optionally as a list
  item, like ``=  $\\beta_2^2 v_{t-2} + ...$``) that contains at least one
  relation symbol.  Each block is one item with its exact first and last
  line; a bare expression (no relation) is not an item; inline math inside
  prose is never a display.  Fenced code blocks (````` ``` `````) are skipped.

Relations are detected on the math with sub/superscript groups, ``\\text{}``
and ``\\left<``/``\\right>`` removed (so ``\\sum_{i=1}^d`` has no relation) and
are normalised to ``=``, ``≤``, ``≥``, ``<``, ``>``, ``≠``, ``≈``, ``∝``,
``≲``, ``≳`` (in order of first appearance).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CoverageItem", "scan_source", "label_to_id_label", "find_relations", "STATEMENT_KINDS"]

#: Statement kinds and their abbreviations in claim identifiers.
STATEMENT_KINDS: dict[str, str] = {
    "Theorem": "Thm",
    "Lemma": "Lem",
    "Proposition": "Prop",
    "Corollary": "Cor",
    "Definition": "Def",
    "Algorithm": "Alg",
}

_TEXT_LIMIT = 300


@dataclass
class CoverageItem:
    """One thing in a source that must be encoded (or explicitly dismissed)."""

    kind: str  # "statement" or "display"
    label: str | None  # e.g. "Theorem 2"; None for displays
    line: int  # 1-based first line
    end_line: int  # 1-based last line
    text: str  # raw text, truncated to ~300 characters
    relations: list[str] = field(default_factory=list)  # normalised relation symbols
    tag: str | None = None  # equation number of a display: \tag{2} or a "(1)" line after it


def label_to_id_label(label: str) -> str:
    """Abbreviate a printed label for claim ids: ``"Theorem 16.3"`` -> ``"Thm 16.3"``.

    Theorem→Thm, Lemma→Lem, Proposition→Prop, Corollary→Cor, Definition→Def,
    Algorithm→Alg (case-insensitive); other labels are returned unchanged
    (whitespace normalised).
    """
    parts = label.split()
    if not parts:
        return label
    for full, short in STATEMENT_KINDS.items():
        if parts[0].lower() == full.lower():
            return " ".join([short] + parts[1:])
    return " ".join(parts)


# --------------------------------------------------------------------------
# Relations
# --------------------------------------------------------------------------

_REL_COMMANDS = {
    "le": "≤", "leq": "≤", "leqslant": "≤", "leqq": "≤", "lt": "<",
    "ge": "≥", "geq": "≥", "geqslant": "≥", "geqq": "≥", "gt": ">",
    "ne": "≠", "neq": "≠",
    "approx": "≈", "simeq": "≈", "thickapprox": "≈",
    "propto": "∝", "varpropto": "∝",
    "lesssim": "≲", "gtrsim": "≳",
}
_REL_CHARS = {"=": "=", "<": "<", ">": ">", "≤": "≤", "≥": "≥", "≠": "≠", "≈": "≈", "∝": "∝", "≲": "≲", "≳": "≳",
              "⩽": "≤", "⩾": "≥"}

_CMD_RE = re.compile(r"\\([A-Za-z]+)|\\(.)|(.)", re.S)


def _strip_groups(math: str) -> str:
    """Remove ``_{...}``/``^{...}`` groups (and single-token scripts), ``\\text{...}`` and ``\\left<``."""
    math = re.sub(r"\\(left|right|bigl|bigr|Bigl|Bigr|big|Big)\s*[<>]", " ", math)
    out: list[str] = []
    i, n = 0, len(math)
    while i < n:
        c = math[i]
        if c in "_^" or math.startswith("\\text", i) or math.startswith("\\mbox", i):
            if c in "_^":
                j = i + 1
            else:
                m = re.match(r"\\(text[a-z]*|mbox)", math[i:])
                j = i + m.end()
            while j < n and math[j] == " ":
                j += 1
            if j < n and math[j] == "{":
                depth, k = 0, j
                while k < n:
                    if math[k] == "\\":
                        k += 2
                        continue
                    if math[k] == "{":
                        depth += 1
                    elif math[k] == "}":
                        depth -= 1
                        if depth == 0:
                            break
                    k += 1
                i = k + 1
                out.append(" ")
                continue
            if c in "_^" and j < n:  # single-token script: x_1, x^\top
                if math[j] == "\\":
                    m = re.match(r"\\([A-Za-z]+|.)", math[j:])
                    i = j + (m.end() if m else 1)
                else:
                    i = j + 1
                out.append(" ")
                continue
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def find_relations(math: str) -> list[str]:
    """Normalised relation symbols in a piece of LaTeX math, in order of first appearance."""
    text = _strip_groups(math)
    found: list[str] = []

    def add(sym: str) -> None:
        if sym not in found:
            found.append(sym)

    prev_not = False
    for m in _CMD_RE.finditer(text):
        cmd, esc, ch = m.groups()
        if cmd is not None:
            if cmd == "not":
                prev_not = True
                continue
            if cmd in _REL_COMMANDS:
                add("≠" if prev_not and _REL_COMMANDS[cmd] == "=" else _REL_COMMANDS[cmd])
            prev_not = False
            continue
        if esc is not None:  # \{, \|, \\, \, ...
            prev_not = False
            continue
        if ch in _REL_CHARS:
            add("≠" if prev_not and ch == "=" else _REL_CHARS[ch])
            prev_not = False
        elif not ch.isspace():
            prev_not = False
    return found


# --------------------------------------------------------------------------
# Statements
# --------------------------------------------------------------------------

_KIND = r"(?P<kind>Theorem|Lemma|Proposition|Corollary|Definition|Algorithm)"
_NUM = r"(?P<num>(?:[A-Z]\.)?\d+(?:\.\d+)*)"

_BOLD_NUMBERED = re.compile(
    r"^\s*(?:[-+]\s+)?(?:\*{1,3}|<b>|<strong>)\s*" + _KIND + r"\s+" + _NUM + r"(?![\d.]*\d)"
)
_HEADING = re.compile(r"^\s*#{1,6}\s+(?:\*\*)?" + _KIND + r"(?:\s+" + _NUM + r")?\b(?P<rest>.*)$")
_PLAIN_PUNCT = re.compile(r"^\s*" + _KIND + r"\s+" + _NUM + r"\s*(?:\([^)]*\)\s*)?[.:](?:\s|$)")
_PLAIN_ALONE = re.compile(r"^\s*" + _KIND + r"\s+" + _NUM + r"\s*$")
_PLAIN_TITLE = re.compile(r"^\s*" + _KIND + r"\s+" + _NUM + r"\s+(?P<title>[A-Z][^.]*?)\s*$")
_UNNUMBERED = re.compile(
    r"^\s*(?:[-+]\s+)?(?:\*{1,3})?\s*" + _KIND + r"\s*(?:\*{1,3})?\s*(?:\([^)]*\))?\s*(?:\*{1,3})?\s*[:.]"
)


def _statement_label(line: str) -> str | None:
    """The label a line defines (``"Theorem 3"``, ``"Algorithm 1"``, ``"Theorem"``) or None."""
    m = _BOLD_NUMBERED.match(line)
    if m:
        return f"{m.group('kind')} {m.group('num')}"
    m = _HEADING.match(line)
    if m:
        if m.group("num"):
            return f"{m.group('kind')} {m.group('num')}"
        rest = m.group("rest").strip()
        if not rest or rest[0] in ":.(":
            return m.group("kind")
        return None
    for rx in (_PLAIN_PUNCT, _PLAIN_ALONE):
        m = rx.match(line)
        if m:
            return f"{m.group('kind')} {m.group('num')}"
    m = _PLAIN_TITLE.match(line)
    if m and len(m.group("title").split()) <= 8 and "$" not in m.group("title"):
        return f"{m.group('kind')} {m.group('num')}"
    m = _UNNUMBERED.match(line)
    if m:
        return m.group("kind")
    return None


# --------------------------------------------------------------------------
# Displays
# --------------------------------------------------------------------------

_ENVS = r"(?:equation|align|gather|multline|eqnarray|displaymath|flalign|alignat)\*?"
_OPEN_RE = re.compile(r"\$\$|(?<!\\)\\\[|\\begin\{(?P<env>" + _ENVS + r")\}")
_STANDALONE = re.compile(
    r"^\s*(?:[-+*]\s+|▶\s*)?(?P<rel>=|<|>|≤|≥|\\leq?|\\geq?)?\s*\$(?P<math>[^$]+)\$\s*[.,;:]?\s*$"
)
_TAG_IN_MATH = re.compile(r"\\tag\*?\{([^}]*)\}")
_TAG_LINE = re.compile(r"^\s*\((?P<tag>[0-9]+(?:\.[0-9]+)*[a-z]?)\)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class _Block:
    kind: str  # "math" | "code" | "text" | "blank"
    start: int  # 0-based line index
    end: int  # 0-based, inclusive
    math: str = ""


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _line_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _mask_fences(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """Blank the contents of fenced code blocks; return masked lines and fence spans (0-based)."""
    masked = list(lines)
    spans: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            if start is None:
                start = i
            else:
                spans.append((start, i))
                start = None
            masked[i] = ""
        elif start is not None:
            masked[i] = ""
    if start is not None:  # unterminated fence: runs to the end
        spans.append((start, len(lines) - 1))
    return masked, spans


def _display_blocks(masked_text: str) -> list[tuple[int, int, str, int]]:
    """Display-math blocks as (start_line0, end_line0, math, end_pos)."""
    starts = _offsets(masked_text)
    blocks: list[tuple[int, int, str, int]] = []
    pos = 0
    while True:
        m = _OPEN_RE.search(masked_text, pos)
        if not m:
            break
        if m.group(0) == "$$":
            close = masked_text.find("$$", m.end())
            end_tok = 2
        elif m.group("env"):
            env = m.group("env")
            close = masked_text.find("\\end{" + env + "}", m.end())
            end_tok = len("\\end{" + env + "}")
        else:
            mm = re.compile(r"(?<!\\)\\\]").search(masked_text, m.end())
            close = mm.start() if mm else -1
            end_tok = 2
        if close < 0:  # unbalanced opener: ignore it
            pos = m.end()
            continue
        math = masked_text[m.end():close]
        if m.group("env"):
            math = masked_text[m.start():close + end_tok]
        blocks.append((_line_of(starts, m.start()), _line_of(starts, close), math, close + end_tok))
        pos = close + end_tok
    return blocks


def _truncate(s: str) -> str:
    s = s.strip()
    return s if len(s) <= _TEXT_LIMIT else s[: _TEXT_LIMIT - 3] + "..."


def _inline_math(text: str) -> str:
    """Concatenated contents of the ``$...$`` spans of a prose line."""
    return " ".join(re.findall(r"(?<!\$)\$([^$]+)\$(?!\$)", text))


# --------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------


def _read(path_or_text: str | os.PathLike) -> str:
    if isinstance(path_or_text, os.PathLike):
        return Path(path_or_text).read_text(encoding="utf-8")
    s = str(path_or_text)
    if "\n" not in s and len(s) < 4096:
        try:
            p = Path(s)
            if p.is_file():
                return p.read_text(encoding="utf-8")
        except OSError:
            pass
    return s


def scan_source(path_or_text: str | os.PathLike) -> list[CoverageItem]:
    """List the statements and relation-bearing displays of a source, in line order.

    ``path_or_text`` is a path (``str`` or ``PathLike``) of an existing file, or
    the text itself.  See the module docstring for the rules.
    """
    text = _read(path_or_text)
    lines = text.split("\n")
    masked, fences = _mask_fences(lines)
    masked_text = "\n".join(masked)

    items: list[CoverageItem] = []

    # ---- display blocks
    display_lines: set[int] = set()
    block_map: dict[int, _Block] = {}  # start line -> block, for statement extents
    for start, end, math, end_pos in _display_blocks(masked_text):
        for i in range(start, end + 1):
            display_lines.add(i)
        block_map[start] = _Block("math", start, end, math)
        rels = find_relations(math)
        if not rels:
            continue
        tag = None
        t = _TAG_IN_MATH.search(math)
        if t:
            tag = t.group(1).strip()
        else:
            trailing = masked_text[end_pos:].split("\n", 1)[0]
            mt = re.match(r"^\s*\((\d+(?:\.\d+)*[a-z]?)\)\s*$", trailing)
            if mt:
                tag = mt.group(1)
            elif end + 1 < len(lines) and _TAG_LINE.match(masked[end + 1]):
                tag = _TAG_LINE.match(masked[end + 1]).group("tag")
        raw = "\n".join(lines[start:end + 1])
        items.append(CoverageItem("display", None, start + 1, end + 1, _truncate(raw), rels, tag))

    # ---- standalone math lines
    for i, line in enumerate(masked):
        if i in display_lines or "$$" in line:
            continue
        m = _STANDALONE.match(line)
        if not m:
            continue
        rels = find_relations((m.group("rel") or "") + " " + m.group("math"))
        if rels:
            block_map[i] = _Block("math", i, i, m.group("math"))
            display_lines.add(i)
            items.append(CoverageItem("display", None, i + 1, i + 1, _truncate(lines[i]), rels))

    # ---- statements
    blocks = _segment(lines, masked, display_lines, block_map, fences)
    for bi, blk in enumerate(blocks):
        if blk.kind != "text":
            continue
        label = _statement_label(lines[blk.start])
        if label is None:
            continue
        end = _statement_extent(blocks, bi, lines)
        math_parts = []
        for b in blocks[bi:]:
            if b.start > end:
                break
            if b.kind == "math":
                math_parts.append(b.math)
            elif b.kind == "text":
                math_parts.append(_inline_math("\n".join(lines[b.start:b.end + 1])))
        raw = "\n".join(lines[blk.start:blk.end + 1])
        items.append(CoverageItem("statement", label, blk.start + 1, end + 1, _truncate(raw),
                                  find_relations(" ".join(math_parts))))

    # ---- LaTeX theorem-like environments (\begin{lemma} … \end{lemma}); LaTeX numbers them, the text does not
    taken = {it.line for it in items if it.kind == "statement"}
    for i, line in enumerate(masked):
        m = _LATEX_ENV.match(line)
        if not m or i + 1 in taken:
            continue
        env = m.group("env")
        end = next((j for j in range(i, len(masked)) if f"\\end{{{env}" in masked[j]), len(masked) - 1)
        raw = "\n".join(lines[i:end + 1])
        items.append(CoverageItem("statement", _LATEX_KINDS[env.rstrip("*")], i + 1, end + 1, _truncate(raw),
                                  find_relations(_inline_math(raw) + " " + raw)))

    items.sort(key=lambda it: (it.line, 0 if it.kind == "statement" else 1, it.end_line))
    return items


_LATEX_KINDS = {"theorem": "Theorem", "lemma": "Lemma", "proposition": "Proposition", "corollary": "Corollary",
                "definition": "Definition", "algorithm": "Algorithm", "thm": "Theorem", "lem": "Lemma",
                "prop": "Proposition", "cor": "Corollary", "defn": "Definition", "dfn": "Definition"}
_LATEX_ENV = re.compile(r"^\s*\\begin\{(?P<env>(?:" + "|".join(_LATEX_KINDS) + r")\*?)\}")


def _segment(lines: list[str], masked: list[str], display_lines: set[int],
             block_map: dict[int, _Block], fences: list[tuple[int, int]]) -> list[_Block]:
    """Split the source into blank / text / math / code blocks (0-based, inclusive)."""
    fence_at = {s: e for s, e in fences}
    blocks: list[_Block] = []
    i, n = 0, len(lines)
    while i < n:
        if i in fence_at:
            blocks.append(_Block("code", i, fence_at[i]))
            i = fence_at[i] + 1
            continue
        if i in block_map:
            b = block_map[i]
            blocks.append(b)
            i = b.end + 1
            continue
        if i in display_lines:  # inside a block that started on an earlier line
            i += 1
            continue
        if not lines[i].strip():
            blocks.append(_Block("blank", i, i))
            i += 1
            continue
        start = i
        i += 1
        # A new label line always starts its own paragraph.
        while (i < n and lines[i].strip() and i not in display_lines and i not in fence_at
               and _statement_label(lines[i]) is None and not lines[i].lstrip().startswith("#")):
            i += 1
        blocks.append(_Block("text", start, i - 1))
    return blocks


_HR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_ALGO_BODY = re.compile(r"^\s*(?:\*\*)?(?:1:|Input|Require|Ensure|Initiali[sz]e|for\b|Set\b)", re.I)


def _ends_sentence(s: str) -> bool:
    s = s.rstrip().rstrip("*").rstrip()
    return s.endswith((".", "!", "?", ".)"))


def _is_lead_in(s: str) -> bool:
    return s.rstrip().rstrip("*").rstrip().endswith(":")


def _starts_lowercase(s: str) -> bool:
    s = s.lstrip(" *")
    return bool(s) and (s[0].islower() or s[0] in ",;$\\")


def _algorithm_extent(blocks: list[_Block], bi: int, lines: list[str]) -> int:
    """Last line (0-based) of an algorithm whose label block is ``bi``.

    The body is the code fence, the ``---``-delimited block or the numbered
    paragraph (``1: Input ...``) right after the label; otherwise the label
    paragraph alone.
    """
    head = blocks[bi]
    j = bi + 1
    while j < len(blocks) and blocks[j].kind == "blank":
        j += 1
    if j >= len(blocks):
        return head.end
    b = blocks[j]
    if b.kind == "code":
        return b.end
    if b.kind == "text" and _HR.match(lines[b.start]):
        for k in range(b.start + 1, min(len(lines), b.start + 120)):
            if _HR.match(lines[k]):
                return k
        return head.end
    if b.kind == "text" and _ALGO_BODY.match(lines[b.start]):
        return b.end
    return head.end


def _statement_extent(blocks: list[_Block], bi: int, lines: list[str]) -> int:
    """Last line (0-based) of the statement whose label block is ``bi``."""
    head = blocks[bi]
    if re.match(r"^\W*(?:#+\s*)?\W*Algorithm", lines[head.start]):
        return _algorithm_extent(blocks, bi, lines)

    def text_of(b: _Block) -> str:
        return "\n".join(lines[b.start:b.end + 1]).strip()

    absorbed = [bi]
    j = bi + 1
    while j < len(blocks):
        b = blocks[j]
        if b.kind == "blank":
            j += 1
            continue
        prev = blocks[absorbed[-1]]
        prev_text = text_of(prev) if prev.kind == "text" else ""
        if b.kind == "code":
            break
        if b.kind == "math":
            # A display continues the statement after a lead-in, an unfinished
            # sentence, or another display of the statement.
            if prev.kind == "math" or not _ends_sentence(prev_text):
                absorbed.append(j)
                j += 1
                continue
            break
        t = text_of(b)
        if (_statement_label(lines[b.start]) is not None or t.startswith("#") or _HR.match(lines[b.start])
                or re.match(r"^\*?(Proof|Remark|Note|Example)\b", t)):
            break
        if prev.kind == "math":
            # A short clause continuing the statement ("where ...", "Further, if ..., then:").
            single_clause = not re.search(r"[.!?]\s+[A-Z]", re.sub(r"\$[^$]*\$", " ", t))
            if len(t) <= 250 and (_starts_lowercase(t) or (single_clause and not _ends_sentence(t))):
                absorbed.append(j)
                j += 1
                continue
            break
        # text after text: only the continuation of an unfinished sentence
        if not _ends_sentence(prev_text) and not _is_lead_in(prev_text) and _starts_lowercase(t):
            absorbed.append(j)
            j += 1
            continue
        break
    # Drop trailing lead-ins / unfinished sentences that introduce nothing of the statement.
    while len(absorbed) > 1:
        b = blocks[absorbed[-1]]
        if b.kind == "text" and not _ends_sentence(text_of(b)):
            absorbed.pop()
            continue
        break
    return blocks[absorbed[-1]].end
