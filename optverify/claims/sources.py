"""The bundled source texts, and verbatim excerpts of them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"


@lru_cache(maxsize=None)
def lines(file: str) -> tuple[str, ...]:
    text = (SOURCES_DIR / file).read_text(encoding="utf-8")
    return tuple(text.splitlines())


def path(file: str) -> str:
    return str(SOURCES_DIR / file)


def excerpt(file: str, line: int, end_line: int | None = None, text: str | None = None) -> str:
    """The printed text of lines ``line..end_line``; with ``text``, check it stands there verbatim."""
    block = "\n".join(lines(file)[line - 1 : (end_line or line)])
    if text is None:
        return block.strip()
    if text not in block:
        raise ValueError(f"{file}:{line}: excerpt not found verbatim: {text[:80]!r}")
    return text


def claim_factory(seed: str, file: str):
    """The ``claim(label, line, title, kind, conclusion, ...)`` helper of one source's claim package.

    The claim id is ``seed:label`` (or ``seed:L<line>``), and its statement is the
    printed text of its lines, or a verbatim excerpt of them (``printed=``).
    """
    from optverify.claims.model import Claim, Source

    def claim(label: str | None, line: int, title: str, kind: str, conclusion: str, *, end_line: int | None = None,
              printed: str | None = None, **kw) -> Claim:
        return Claim(id=f"{seed}:{label}" if label else f"{seed}:L{line}", source=Source(file, line, end_line), title=title,
                     kind=kind, statement_latex=excerpt(file, line, end_line, printed), conclusion=conclusion, **kw)

    claim.__doc__ = f"A claim of {seed} ({file}); its statement is the printed text of its lines (or a verbatim excerpt of them)."
    return claim
