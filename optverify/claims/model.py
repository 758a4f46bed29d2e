"""The claim model: a printed statement, where it stands, and what decides it.

A claim is data: its statement in LaTeX exactly as printed, the hypotheses and
named constants it speaks of, its conclusion, the bound (a sympy expression in
named symbols, so it can be rescaled or replaced), and the check specifications
that apply.  Claims know nothing of how checks are run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

KINDS = (
    "identity",
    "inequality",
    "expectation bound",
    "rate",
    "property",
    "algorithm",
    "definition",
    "qualitative",
    "approximation",  # "≈": read as a limit, stated with the limit taken
    "existence",  # "there is a problem where …": proved by a certified witness
)

from optverify.coverage import STATEMENT_KINDS

ID_PATTERN = re.compile(
    r"^(?P<seed>\d{3}):(?:(?P<label>(?:" + "|".join(STATEMENT_KINDS.values()) + r") [0-9A-Za-z.]+)(?:@L(?P<at>\d+))?|L(?P<line>\d+))$"
)

#: Placeholder for "the claim's bound" inside a check spec.  The runner replaces
#: it by the bound in force (as printed, scaled by ``--scale`` or replaced by
#: ``--bound``), so every check that compares against the bound honours both.
BOUND = sp.Symbol("BOUND")


@dataclass(frozen=True)
class Source:
    file: str
    line: int
    end_line: int | None = None

    @property
    def last_line(self) -> int:
        return self.end_line or self.line

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "line": self.line}
        if self.end_line and self.end_line != self.line:
            out["end_line"] = self.end_line
        return out


@dataclass
class Corrected:
    """A corrected form, checked beside the printed one; never replaces it."""

    statement_latex: str
    reason: str
    checks: list = field(default_factory=list)
    bound: sp.Expr | None = None


@dataclass
class Claim:
    id: str
    source: Source
    title: str
    kind: str
    statement_latex: str
    conclusion: str
    hypotheses: list[str] = field(default_factory=list)
    constants: dict[str, str] = field(default_factory=dict)
    symbols: dict[str, sp.Symbol] = field(default_factory=dict)
    bound: sp.Expr | None = None
    checks: list = field(default_factory=list)
    corrected: Corrected | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if not ID_PATTERN.match(self.id):
            raise ValueError(f"claim id {self.id!r} does not follow <seed>:<label> or <seed>:L<line>")
        if self.kind not in KINDS:
            raise ValueError(f"claim {self.id}: unknown kind {self.kind!r}")
        m = ID_PATTERN.match(self.id)
        if m.group("line") and int(m.group("line")) != self.source.line:
            raise ValueError(f"claim {self.id}: id line and source line {self.source.line} differ")
        if self.bound is not None:
            unknown = {s.name for s in self.bound.free_symbols} - set(self.symbols)
            if unknown:
                raise ValueError(f"claim {self.id}: bound uses undeclared symbols {sorted(unknown)}")

    @property
    def seed(self) -> str:
        return self.id.split(":", 1)[0]

    def symbol_table(self) -> dict[str, str]:
        return {name: self.constants.get(name, "") for name in self.symbols}
