"""Decide claims: run their checks under a time budget, combine verdicts, keep what was decided.

Each claim runs in a forked child process that streams every finished check
back; the parent enforces a hard time limit (a check that overruns ends
``inconclusive`` with what it tried) and survives Ctrl-C with everything
decided so far.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass
from typing import Any, Callable

import sympy as sp

from optverify.checks.dispatch import run_check
from optverify.checks.result import CheckContext, CheckResult, claim_seed
from optverify.claims.model import Claim
from optverify.verdicts import INCONCLUSIVE, NOT_CHECKABLE, combine_chain, combine_same_relation

BUDGETS = {"quick": 30.0, "thorough": 300.0}
GRACE_S = 5.0


@dataclass
class Override:
    """A bound in force other than the printed one: scaled by ``scale`` or replaced by ``bound``."""

    scale: float | None = None
    bound: sp.Expr | None = None

    def apply(self, claim: Claim) -> sp.Expr | None:
        b = claim.bound if self.bound is None else self.bound
        if self.scale is not None and b is not None:
            b = sp.nsimplify(self.scale) * b
        return b

    def describe(self) -> dict | None:
        if self.scale is None and self.bound is None:
            return None
        return {"scale": self.scale, "bound": None if self.bound is None else sp.sstr(self.bound)}


def aggregate(checks: list[dict]) -> tuple[str, list[str]]:
    """Checks of one part decide one relation; the parts are links of the printed chain."""
    parts: dict[str, list[str]] = {}
    notes = []
    for c in checks:
        parts.setdefault(c["part"], []).append(c["verdict"])
    per_part = []
    for part, vs in parts.items():
        v, note = combine_same_relation(vs)
        if note:
            notes.append(f"{part}: {note}")
        per_part.append(v)
    return combine_chain(per_part), notes


def _iter_checks(claim: Claim, mode: str, seed: int, deadline: float, override: Override):
    ctx = CheckContext(seed=claim_seed(seed, claim.id), mode=mode, deadline=deadline, bound=override.apply(claim))
    for spec in claim.checks:
        yield "check", run_check(spec, ctx)
    if claim.corrected is not None and override.describe() is None:
        cctx = CheckContext(seed=claim_seed(seed, claim.id + "/corrected"), mode=mode, deadline=deadline, bound=claim.corrected.bound)
        for spec in claim.corrected.checks:
            yield "corrected", run_check(spec, cctx)


def _child(conn, claim: Claim, mode: str, seed: int, budget: float, override: Override) -> None:
    deadline = time.monotonic() + budget
    try:
        for kind, res in _iter_checks(claim, mode, seed, deadline, override):
            conn.send((kind, res.to_dict()))
    finally:
        conn.send(("done", None))
        conn.close()


def _entry(claim: Claim, checks: list[dict], corrected: list[dict], duration: float, override: Override, notes: list[str]) -> dict[str, Any]:
    verdict, agg_notes = aggregate(checks) if checks else (INCONCLUSIVE, [])
    corr = None
    if claim.corrected is not None:
        cv, _ = aggregate(corrected) if corrected else (INCONCLUSIVE if claim.corrected.checks else NOT_CHECKABLE, [])
        corr = {
            "statement_latex": claim.corrected.statement_latex,
            "reason": claim.corrected.reason,
            "verdict": cv,
            "checks": corrected,
        }
    ratios = [c["evidence"].get("worst_ratio") for c in checks if isinstance(c.get("evidence"), dict)]
    ratios = [r for r in ratios if isinstance(r, (int, float))]
    return {
        "id": claim.id,
        "source": claim.source.to_dict(),
        "title": claim.title,
        "kind": claim.kind,
        "statement_latex": claim.statement_latex,
        "conclusion": claim.conclusion,
        "hypotheses": claim.hypotheses,
        "bound": None if claim.bound is None else sp.sstr(claim.bound),
        "bound_in_force": None if override.apply(claim) is None else sp.sstr(override.apply(claim)),
        "override": override.describe(),
        "verdict": verdict,
        "summary": _summary(verdict, checks),
        "worst_ratio": max(ratios) if ratios else None,
        "checks": checks,
        "corrected": corr,
        "notes": [n for n in [claim.notes, *agg_notes, *notes] if n],
        "duration_s": round(duration, 3),
    }


def _summary(verdict: str, checks: list[dict]) -> str:
    for c in checks:
        if c["verdict"] == verdict:
            return c["summary"]
    return checks[0]["summary"] if checks else ""


def decide(claim: Claim, mode: str = "quick", seed: int = 0, budget: float | None = None, override: Override | None = None) -> dict:
    """Decide one claim in a child process under a hard time limit; return its report entry."""
    override = override or Override()
    budget = BUDGETS[mode] if budget is None else budget
    ctxmp = mp.get_context("fork")
    parent, child = ctxmp.Pipe(duplex=False)
    start = time.monotonic()
    proc = ctxmp.Process(target=_child, args=(child, claim, mode, seed, budget, override), daemon=True)
    proc.start()
    child.close()
    checks: list[dict] = []
    corrected: list[dict] = []
    notes: list[str] = []
    done = False
    try:
        hard = start + budget + GRACE_S
        while not done:
            left = hard - time.monotonic()
            if left <= 0 or not parent.poll(left):
                break
            try:
                kind, payload = parent.recv()
            except EOFError:
                break
            if kind == "done":
                done = True
            elif kind == "check":
                checks.append(payload)
            else:
                corrected.append(payload)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(2)
    if not done:
        finished = len(checks)
        n_main = len(claim.checks)
        why = "stopped at the hard time limit" if proc.exitcode is None or proc.exitcode < 0 else f"check process ended (exit {proc.exitcode})"
        for spec in claim.checks[finished:]:
            checks.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE, f"{why} after {budget:.0f} s; not decided").to_dict())
        if claim.corrected is not None and finished >= n_main:
            for spec in claim.corrected.checks[len(corrected):]:
                corrected.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE, f"{why}; not decided").to_dict())
        notes.append(f"time budget of {budget:.0f} s reached: {finished} of {n_main} checks finished")
    return _entry(claim, checks, corrected, time.monotonic() - start, override, notes)


def run(claims: list[Claim], mode: str, seed: int, on_result: Callable[[dict], None] | None = None, on_start: Callable[[Claim], None] | None = None, budget: float | None = None) -> tuple[list[dict], bool]:
    """Decide claims in order; returns (entries, interrupted).  Ctrl-C keeps what was decided."""
    entries: list[dict] = []
    try:
        for claim in claims:
            if on_start:
                on_start(claim)
            e = decide(claim, mode, seed, budget)
            entries.append(e)
            if on_result:
                on_result(e)
    except KeyboardInterrupt:
        return entries, True
    return entries, False
