"""What one check returns, and the context it runs in."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from optverify.budget import Budget, BudgetExceeded

__all__ = ["MODES", "CheckResult", "CheckContext", "Budget", "BudgetExceeded", "claim_seed"]

MODES = ("quick", "thorough")


@dataclass
class CheckResult:
    strategy: str
    part: str
    verdict: str
    summary: str
    evidence: dict[str, Any] = field(default_factory=dict)
    certificate: dict[str, Any] | None = None
    #: wall times and speeds (``elapsed_s``, ``boxes_per_second``): never in the evidence, so that the evidence is the
    #: same for a given seed and mode; report.json keeps them under its top-level ``timings``
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "strategy": self.strategy,
            "part": self.part,
            "verdict": self.verdict,
            "summary": self.summary,
            "evidence": self.evidence,
            "certificate": self.certificate,
        }
        if self.timings:
            out["timings"] = self.timings
        return out


@dataclass
class CheckContext:
    """Seed, mode, time budget and the bound in force for one claim.

    ``budget`` is the one :class:`~optverify.budget.Budget` of the claim (built
    from ``deadline`` when not given); every loop of a check consults it.
    """

    seed: int
    mode: str = "quick"
    deadline: float = float("inf")
    bound: sp.Expr | None = None
    budget: Budget | None = None
    #: ``check --scale s`` on a claim without a bound: every inequality's right-hand side is multiplied by s
    rhs_scale: sp.Expr | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}")
        if self.budget is None:
            self.budget = Budget(self.deadline)
        else:
            self.deadline = self.budget.deadline

    @property
    def thorough(self) -> bool:
        return self.mode == "thorough"

    def remaining(self) -> float:
        return self.budget.remaining()

    def expired(self) -> bool:
        return self.budget.expired()

    def check_time(self) -> None:
        self.budget.check()

    def substream(self, name: str) -> int:
        """A 32-bit seed derived from the claim seed and a name: same inputs, same numbers."""
        h = hashlib.sha256(f"{self.seed}:{name}".encode()).digest()
        return int.from_bytes(h[:4], "little")

    def resolve(self, expr: sp.Expr) -> sp.Expr:
        """Replace the BOUND placeholder by the bound in force."""
        from optverify.claims.model import BOUND

        if expr is None:
            return expr
        if BOUND in expr.free_symbols:
            if self.bound is None:
                raise ValueError("spec uses BOUND but the claim has no bound")
            return expr.subs(BOUND, self.bound)
        return expr


    def resolve_rhs(self, expr: sp.Expr, rel: str = "<=") -> sp.Expr:
        """The right-hand side of an inequality ``lhs rel rhs`` in force: BOUND replaced by the bound in force and,
        under ``rhs_scale``, the whole right side multiplied by it (whatever the direction of ``rel``).  An
        equality (``rel`` "==") is never scaled: it has no bound to loosen or tighten."""
        expr = self.resolve(expr)
        if self.rhs_scale is None or expr is None or rel in ("==", "="):
            return expr
        return self.rhs_scale * expr


def claim_seed(run_seed: int, claim_id: str) -> int:
    h = hashlib.sha256(f"{run_seed}/{claim_id}".encode()).digest()
    return int.from_bytes(h[:8], "little")
