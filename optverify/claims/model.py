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

#: A source name: the bundled sources are ``000`` … ``004``; a user's may be ``lecture7``, ``my-notes``, ``ch2.3``.
SOURCE_NAME = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
SOURCE_NAME_PATTERN = re.compile(rf"^{SOURCE_NAME}$")

ID_PATTERN = re.compile(
    rf"^(?P<seed>{SOURCE_NAME}):(?:(?P<label>(?:" + "|".join(STATEMENT_KINDS.values()) + r") [0-9A-Za-z.]+)(?:@L(?P<at>\d+))?|L(?P<line>\d+))$"
)

#: Placeholder for "the claim's bound" inside a check spec.  The runner replaces
#: it by the bound in force (as printed, scaled by ``--scale`` or replaced by
#: ``--bound``), so every check that compares against the bound honours both.
BOUND = sp.Symbol("BOUND")


class ClaimError(ValueError):
    """A malformed claim or check spec, reported when it is declared (not when it is run)."""


def _validate_checks(where: str, checks: list, bound) -> None:
    from optverify.claims.specs import Spec
    from optverify.registry import check_for

    if not isinstance(checks, (list, tuple)):
        raise ClaimError(f"claim {where}: checks is a list of check specs, got {type(checks).__name__}")
    for spec in checks:
        if not isinstance(spec, Spec):
            raise ClaimError(f"claim {where}: {spec!r} is not a check spec (build checks with the constructors in the API reference)")
        if check_for(type(spec)) is None:
            raise ClaimError(f"claim {where}: no check is registered for {type(spec).__name__} "
                             f"(register one with @optverify.register({type(spec).__name__}))")
        try:
            spec.validate(bound)
        except ClaimError as exc:
            raise ClaimError(f"claim {where}: {type(spec).__name__}: {exc}") from None


@dataclass(frozen=True)
class Location:
    """Where a claim is printed: the source file's name, its first and last line (and the file's path)."""

    file: str
    line: int
    end_line: int | None = None
    path: str | None = field(default=None, compare=False)

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
    source: Location
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
            raise ClaimError(f"claim id {self.id!r} does not follow <source>:<label> or <source>:L<line> "
                             f"(a label is one of {', '.join(STATEMENT_KINDS.values())} and a number, e.g. 'notes:Thm 2')")
        if self.kind not in KINDS:
            raise ClaimError(f"claim {self.id}: unknown kind {self.kind!r} (one of: {', '.join(KINDS)})")
        m = ID_PATTERN.match(self.id)
        if m.group("line") and int(m.group("line")) != self.source.line:
            raise ClaimError(f"claim {self.id}: id line and source line {self.source.line} differ")
        if isinstance(self.hypotheses, str):
            raise ClaimError(f"claim {self.id}: hypotheses is a list of strings, not one string")
        if not isinstance(self.notes, str):
            raise ClaimError(f"claim {self.id}: notes is one string, not {type(self.notes).__name__}")
        for name, sym in self.symbols.items():
            if not isinstance(sym, sp.Symbol) or sym.name != name:
                raise ClaimError(f"claim {self.id}: symbols maps {name!r} to {sym!r}; map each name to the sympy Symbol of that name")
        if self.bound is not None:
            self.bound = sp.sympify(self.bound)
            unknown = {s.name for s in self.bound.free_symbols} - set(self.symbols)
            if unknown:
                raise ClaimError(f"claim {self.id}: the bound uses {', '.join(sorted(unknown))}, not among its symbols "
                                 f"({', '.join(self.symbols) or 'none declared'}); add them to symbols=")
        _validate_checks(self.id, self.checks, self.bound)
        if self.corrected is not None:
            _validate_checks(self.id + " (corrected form)", self.corrected.checks, self.corrected.bound)

    def add_checks(self, *specs, hypotheses: tuple = ()) -> "Claim":
        """Append checks (validated like those given at declaration) and the readings they make."""
        _validate_checks(self.id, list(specs), self.bound)
        self.checks = [*self.checks, *specs]
        self.hypotheses = [*self.hypotheses, *hypotheses]
        return self

    @property
    def source_name(self) -> str:
        """The name of the source the claim belongs to (``000``, ``lecture7``)."""
        return self.id.split(":", 1)[0]

    seed = source_name  # the bundled sources are named by their three-digit seed

    def symbol_table(self) -> dict[str, str]:
        return {name: self.constants.get(name, "") for name in self.symbols}
