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
from optverify.verdicts import INCONCLUSIVE, NOT_CHECKABLE, combine_chain, combine_same_relation, combine_with_proof

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


def _proof_role(c: dict) -> str | None:
    ev = c.get("evidence") if isinstance(c.get("evidence"), dict) else {}
    return "step" if "proof_step" in ev else ("composition" if "proof_composition" in ev else None)


def aggregate(checks: list[dict]) -> tuple[str, list[str]]:
    """Checks of one part decide one relation; the parts are links of the printed chain.

    Checks of a printed proof (steps, their composition) are not links of the statement: they
    combine with it by :func:`optverify.verdicts.combine_with_proof`, whose message comes first in the notes.
    """
    proof = [c for c in checks if _proof_role(c)]
    if proof:
        stmt = [c for c in checks if not _proof_role(c)]
        sv, notes = _aggregate_parts(stmt) if stmt else (None, [])
        step_parts: dict[str, list] = {}
        for c in proof:
            if _proof_role(c) == "step":
                step_parts.setdefault(c["part"], [c["evidence"]["proof_step"]["line"], []])[1].append(c["verdict"])
        steps = [(line, combine_same_relation(vs)[0]) for line, vs in step_parts.values()]
        comp = [c["verdict"] for c in proof if _proof_role(c) == "composition"]
        verdict, msg = combine_with_proof(sv, steps, combine_same_relation(comp)[0] if comp else None)
        return verdict, ([msg] if msg else []) + notes
    return _aggregate_parts(checks)


def _aggregate_parts(checks: list[dict]) -> tuple[str, list[str]]:
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
    # the statement's worst ratio: the checks of its printed proof's steps measure other relations
    evs = [c["evidence"] for c in checks if isinstance(c.get("evidence"), dict) and isinstance(c["evidence"].get("worst_ratio"), (int, float))
           and not _proof_role(c)]
    ratios = [ev["worst_ratio"] for ev in evs]
    sharp = max(evs, key=lambda ev: ev["worst_ratio"]).get("sharp_ratio") if evs else None
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
        "summary": _summary(verdict, checks, agg_notes),
        "worst_ratio": max(ratios) if ratios else None,
        "sharp_ratio": sharp,
        "checks": checks,
        "corrected": corr,
        "notes": [n for n in [claim.notes, *agg_notes, *notes] if n],
        "duration_s": round(duration, 3),
    }


def _summary(verdict: str, checks: list[dict], notes: list[str] = ()) -> str:
    if notes and notes[0].startswith(("statement ", "proved by its printed proof")):
        first = next((c["summary"] for c in checks if c["verdict"] == verdict and not _proof_role(c)), "")
        return notes[0] + (f"; {first}" if first else "")
    for c in checks:
        if c["verdict"] == verdict:
            return c["summary"]
    return checks[0]["summary"] if checks else ""


class _Job:
    """One claim being decided in a forked child that streams its finished checks back."""

    def __init__(self, claim: Claim, mode: str, seed: int, budget: float, override: Override):
        self.claim, self.budget, self.override = claim, budget, override
        ctxmp = mp.get_context("fork")
        self.conn, child = ctxmp.Pipe(duplex=False)
        self.start = time.monotonic()
        self.hard = self.start + budget + GRACE_S
        self.proc = ctxmp.Process(target=_child, args=(child, claim, mode, seed, budget, override), daemon=True)
        self.proc.start()
        child.close()
        self.checks: list[dict] = []
        self.corrected: list[dict] = []
        self.done = False

    def receive(self) -> None:
        """Take every message waiting on the pipe."""
        while not self.done and self.conn.poll():
            try:
                kind, payload = self.conn.recv()
            except EOFError:
                self.done = True  # the child died; finish() reports it
                self.proc.join(1)
                return
            if kind == "done":
                self.done = True
            elif kind == "check":
                self.checks.append(payload)
            else:
                self.corrected.append(payload)

    def finish(self) -> dict:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(2)
        self.conn.close()
        notes: list[str] = []
        claim = self.claim
        n_main = len(claim.checks)
        if len(self.checks) < n_main or (claim.corrected is not None and self.override.describe() is None
                                         and len(self.corrected) < len(claim.corrected.checks)):
            finished = len(self.checks)
            code = self.proc.exitcode
            why = "stopped at the hard time limit" if code is None or code < 0 else f"check process ended (exit {code})"
            for spec in claim.checks[finished:]:
                self.checks.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE,
                                               f"{why} after {self.budget:.0f} s; not decided").to_dict())
            if claim.corrected is not None and self.override.describe() is None:
                for spec in claim.corrected.checks[len(self.corrected):]:
                    self.corrected.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE,
                                                      f"{why}; not decided").to_dict())
            notes.append(f"time budget of {self.budget:.0f} s reached: {finished} of {n_main} checks finished")
        return _entry(claim, self.checks, self.corrected, time.monotonic() - self.start, self.override, notes)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(2)


def _prewarm() -> None:
    """Import the engines once in the parent, so that forked children start warm and fork-safe."""
    from optverify.registry import registered
    from optverify.sim.parallel_layer import prefer_fork_safe_layer

    prefer_fork_safe_layer()
    registered()


def run(claims: list[Claim], mode: str, seed: int, on_result: Callable[[dict], None] | None = None,
        on_start: Callable[[Claim], None] | None = None, budget: float | None = None,
        override: Override | None = None, jobs: int = 2) -> tuple[list[dict], bool]:
    """Decide claims, ``jobs`` at a time; entries come back in claim order.  Ctrl-C keeps what was decided."""
    from multiprocessing.connection import wait

    _prewarm()
    override = override or Override()
    budget = BUDGETS[mode] if budget is None else budget
    pending = list(claims)
    running: list[_Job] = []
    results: dict[str, dict] = {}
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                c = pending.pop(0)
                if on_start:
                    on_start(c)
                running.append(_Job(c, mode, seed, budget, override))
            timeout = max(0.0, min(j.hard for j in running) - time.monotonic())
            wait([j.conn for j in running], timeout=timeout)
            for j in list(running):
                j.receive()
                if j.done or time.monotonic() >= j.hard:
                    running.remove(j)
                    e = j.finish()
                    results[e["id"]] = e
                    if on_result:
                        on_result(e)
    except KeyboardInterrupt:
        for j in running:
            j.kill()
        return [results[c.id] for c in claims if c.id in results], True
    return [results[c.id] for c in claims if c.id in results], False


def decide(claim: Claim, mode: str = "quick", seed: int = 0, budget: float | None = None, override: Override | None = None) -> dict:
    """Decide one claim in a child process under a hard time limit; return its report entry."""
    entries, interrupted = run([claim], mode, seed, budget=budget, override=override, jobs=1)
    if interrupted:
        raise KeyboardInterrupt
    return entries[0]
