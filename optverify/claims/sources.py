"""Sources: the texts whose claims are encoded, bundled or a user's own.

A :class:`Source` is any text, Markdown or LaTeX file.  Its claims are declared
with :meth:`Source.claim`, which checks that the statement stands verbatim at
the line it cites, so a claim can never drift from the text it encodes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from optverify.errors import UserError

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"

#: the bundled texts, by the three-digit seed that names them
BUNDLED_FILES = {
    "000": "000_5f54ea678090eb2e.txt",
    "001": "001_8d81a4ac7e926261.txt",
    "002": "002_8da1d557e39b6fb4.txt",
    "003": "003_5cc426551908e376.txt",
    "004": "004_464777fd574b32f3.txt",
}


class Source:
    """A text whose printed claims are encoded: ``Source("notes/lecture7.md")``.

    ``name`` is the first part of every claim id of this source
    (``lecture7:Thm 2``); by default the file's stem.  Letters, digits and
    ``_ . -`` only.  Claims declared with :meth:`claim` are collected in
    :attr:`claims`, in the order they are declared.
    """

    def __init__(self, path: str | Path, name: str | None = None):
        from optverify.claims.model import SOURCE_NAME_PATTERN

        p = Path(path).expanduser()
        if not p.is_file():
            raise UserError(f"source {str(path)!r}: no such file")
        self.path = p.resolve()
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"source {str(path)!r} cannot be read as UTF-8 text: {exc}") from None
        self.name = name if name is not None else p.stem
        if not SOURCE_NAME_PATTERN.match(self.name):
            raise UserError(f"source name {self.name!r} (from {p.name}): use letters, digits, '_', '.' or '-', "
                            "starting with a letter or digit; pass Source(path, name=...)")
        self.file = self.path.name
        self.lines: tuple[str, ...] = tuple(text.splitlines())
        self.claims: list = []

    @classmethod
    def bundled(cls, seed: str) -> "Source":
        """One of the five bundled texts, by its seed (``"000"`` … ``"004"``)."""
        return _bundled(seed)

    def __repr__(self) -> str:
        return f"Source({str(self.path)!r}, name={self.name!r})"

    def excerpt(self, line: int, end_line: int | None = None, text: str | None = None) -> str:
        """The printed text of lines ``line..end_line``; with ``text``, check that it stands there verbatim."""
        if not (1 <= line <= len(self.lines)) or (end_line is not None and not (line <= end_line <= len(self.lines))):
            raise ValueError(f"{self.file}: lines {line}–{end_line or line} are outside the file's {len(self.lines)} lines")
        block = "\n".join(self.lines[line - 1 : (end_line or line)])
        if text is None:
            return block.strip()
        if text not in block:
            raise ValueError(f"{self.file}:{line}: statement not found verbatim at lines {line}–{end_line or line}: {text[:80]!r}")
        return text

    def claim(self, label: str | None, line: int, title: str, kind: str, conclusion: str, *, end_line: int | None = None,
              printed: str | None = None, **fields):
        """Declare one claim of this source.

        ``label`` is the printed label abbreviated (``"Thm 2"``, ``"Lem 16.2"``, or
        ``"Thm 2@L410"`` for a label printed again); ``None`` makes the id
        ``<name>:L<line>``.  The statement is the printed text of lines
        ``line..end_line``, or ``printed``, an excerpt of them that must stand
        there verbatim.  ``fields`` are the other :class:`~optverify.claims.model.Claim`
        fields: ``hypotheses``, ``constants``, ``symbols``, ``bound``, ``checks``,
        ``corrected``, ``notes``.  The claim and its checks are validated now; a
        malformed one raises :class:`~optverify.claims.model.ClaimError`.
        """
        from optverify.claims.model import Claim, Location

        c = Claim(id=f"{self.name}:{label}" if label else f"{self.name}:L{line}",
                  source=Location(self.file, line, end_line, str(self.path)), title=title, kind=kind,
                  statement_latex=self.excerpt(line, end_line, printed), conclusion=conclusion, **fields)
        self.claims.append(c)
        return c


@lru_cache(maxsize=None)
def _bundled(seed: str) -> Source:
    if seed not in BUNDLED_FILES:
        raise UserError(f"no bundled source {seed!r}: the bundled sources are {', '.join(BUNDLED_FILES)}")
    return Source(SOURCES_DIR / BUNDLED_FILES[seed], name=seed)


def lines(file: str) -> tuple[str, ...]:
    """The lines of a bundled source file, by file name."""
    seed = file[:3]
    if BUNDLED_FILES.get(seed) != file:
        raise KeyError(f"{file!r} is not a bundled source")
    return _bundled(seed).lines
