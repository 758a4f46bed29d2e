"""Decide claims: run their checks under a time budget, combine verdicts, keep what was decided.

A claim to decide is a :class:`ClaimWork` (claim, mode, seed, budget, bound in
force): its checks and how their results become the claim's report entry are
here.  Where the claims run is an executor's business
(:mod:`optverify.executors`): the local pool of forked children by default, a
``dask.distributed`` cluster with ``--scheduler``.  Either way each claim runs
in a forked child process that streams every finished check back; its parent
enforces a hard time limit (a check that overruns ends ``inconclusive`` with
what it tried), and a run survives Ctrl-C with everything decided so far.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Callable, Iterator

import sympy as sp

from optverify.checks.dispatch import run_check
from optverify.checks.result import CheckContext, CheckResult, claim_seed
from optverify.claims.model import BOUND, Claim
from optverify.claims.specs import Inequality, InstanceSearch, Simulation
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

    def rhs_scale(self, claim: Claim) -> sp.Expr | None:
        """Without a printed bound, ``scale`` multiplies the right-hand side of the claim's inequalities instead."""
        return sp.nsimplify(self.scale) if self.scale is not None and claim.bound is None and self.bound is None else None

    @staticmethod
    def scalable_rhs(claim: Claim) -> list:
        """The checks whose right-hand side ``--scale`` multiplies on a claim without a bound: an ``Inequality``
        (lhs rel rhs, any direction), an ``InstanceSearch`` with an inequality (measured <= rhs), a ``Simulation``
        (measured <= rhs per seed); equalities and right sides that are 0 have nothing to scale."""
        from optverify.claims.specs import Inequality, InstanceSearch, Simulation

        return [s for s in claim.checks if isinstance(s, (Inequality, InstanceSearch, Simulation))
                and getattr(s, "rel", "<=") not in ("==", "=") and sp.sympify(s.rhs) != 0]

    def describe(self, claim: Claim | None = None) -> dict | None:
        if self.scale is None and self.bound is None:
            return None
        scales = None
        if self.scale is not None:
            scales = "bound" if claim is None or claim.bound is not None or self.bound is not None else "right-hand side of each inequality"
        return {"scale": self.scale, "bound": None if self.bound is None else sp.sstr(self.bound), "scales": scales}


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


#: the checks whose right-hand side ``--scale`` multiplies when the claim has no bound (they read it through
#: :meth:`CheckContext.resolve_rhs`)
RHS_SCALED = (Inequality, InstanceSearch, Simulation)


def _uses_bound(obj, seen=None) -> bool:
    """Does a spec (or anything inside it) compare against the BOUND placeholder?"""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return False
    seen.add(id(obj))
    if isinstance(obj, sp.Basic):
        return BOUND in obj.free_symbols
    if isinstance(obj, dict):
        return any(_uses_bound(k, seen) or _uses_bound(v, seen) for k, v in obj.items())
    if isinstance(obj, (list, tuple, set)):
        return any(_uses_bound(v, seen) for v in obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return any(_uses_bound(getattr(obj, f.name), seen) for f in fields(obj))
    return False


def _sees_override(spec, claim: Claim, override: Override) -> bool:
    """Does this check decide the relation in force under ``--scale``/``--bound``, or only the printed one?

    A check sees the override when it compares against BOUND (the bound in force), or, when the claim has no
    bound and ``--scale`` multiplies right-hand sides, when it is an inequality check that reads its right side
    through :meth:`CheckContext.resolve_rhs`."""
    if _uses_bound(spec):
        return True
    return override.rhs_scale(claim) is not None and isinstance(spec, RHS_SCALED) and getattr(spec, "rel", "<=") not in ("==", "=")


def _iter_checks(claim: Claim, mode: str, seed: int, deadline: float, override: Override):
    ctx = CheckContext(seed=claim_seed(seed, claim.id), mode=mode, deadline=deadline, bound=override.apply(claim),
                       rhs_scale=override.rhs_scale(claim))
    # under an override, a link of the statement some of whose checks decide the relation in force is decided by
    # those alone: a check of the same link that decides the printed relation (a proof of the printed bound) would
    # contradict them; links that no check of the override touches are decided as printed
    active = override.describe() is not None
    touched = {spec.part for spec in claim.checks if _sees_override(spec, claim, override)} if active else set()
    for spec in claim.checks:
        if active and spec.part in touched and not _sees_override(spec, claim, override):
            yield "check", CheckResult(getattr(spec, "strategy", "") or type(spec).__name__.lower(), spec.part, INCONCLUSIVE,
                                       "not run under --scale/--bound: this check decides the printed relation, not the one in force",
                                       {"skipped_under_override": True})
            continue
        yield "check", run_check(spec, ctx)
    if claim.corrected is not None and override.describe() is None:
        cctx = CheckContext(seed=claim_seed(seed, claim.id + "/corrected"), mode=mode, deadline=deadline, bound=claim.corrected.bound)
        for spec in claim.corrected.checks:
            yield "corrected", run_check(spec, cctx)


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
        "override": override.describe(claim),
        "verdict": verdict,
        "summary": _summary(verdict, checks, agg_notes),
        "worst_ratio": max(ratios) if ratios else None,
        "sharp_ratio": sharp,
        "checks": checks,
        "corrected": corr,
        "notes": [n for n in [claim.notes, *agg_notes, *notes] if n],
        # every wall time apart from the evidence: report.json moves this to its top-level ``timings``
        "timings": {"duration_s": round(duration, 3), **_check_timings("checks", checks), **_check_timings("corrected_checks", corrected)},
    }


def _check_timings(key: str, checks: list[dict]) -> dict:
    """Take the checks' own timings out of the check dicts: ``{key: [{index, strategy, part, elapsed_s, …}]}``."""
    out = [{"index": i, "strategy": c.get("strategy"), "part": c.get("part"), **c.pop("timings")}
           for i, c in enumerate(checks) if c.get("timings")]
    for c in checks:
        c.pop("timings", None)
    return {key: out} if out else {}


def _summary(verdict: str, checks: list[dict], notes: list[str] = ()) -> str:
    if notes and notes[0].startswith(("statement ", "proved by its printed proof")):
        first = next((c["summary"] for c in checks if c["verdict"] == verdict and not _proof_role(c)), "")
        return notes[0] + (f"; {first}" if first else "")
    for c in checks:
        if c["verdict"] == verdict:
            return c["summary"]
    return checks[0]["summary"] if checks else ""


@dataclass
class ClaimWork:
    """One claim to decide: what an executor runs, anywhere.  Its entry depends on nothing else."""

    claim: Claim
    mode: str
    seed: int
    budget: float
    override: Override

    @property
    def key(self) -> str:
        return self.claim.id

    @property
    def hard_limit(self) -> float:
        """Seconds after which the process deciding the claim is killed (the budget is enforced inside it first)."""
        return self.budget + GRACE_S

    def results(self) -> Iterator[tuple[str, dict]]:
        """Run the checks (the budget starts now); yield ``("check" | "corrected", result dict)`` as each finishes."""
        deadline = time.monotonic() + self.budget
        for kind, res in _iter_checks(self.claim, self.mode, self.seed, deadline, self.override):
            yield kind, res.to_dict()

    def expected(self) -> tuple[int, int]:
        """How many results of each kind a complete run of the checks gives."""
        corr = len(self.claim.corrected.checks) if self.claim.corrected is not None and self.override.describe() is None else 0
        return len(self.claim.checks), corr

    def entry(self, checks: list[dict], corrected: list[dict], duration: float, why: str = "", note: str = "",
              compile_s: float = 0.0) -> dict[str, Any]:
        """The claim's report entry from the results received; checks that did not finish are ``inconclusive``
        with ``why`` (what stopped them) and the entry carries ``note``."""
        checks, corrected = list(checks), list(corrected)
        n_main, n_corr = self.expected()
        notes: list[str] = []
        if len(checks) < n_main or len(corrected) < n_corr:
            finished = len(checks)
            for spec in self.claim.checks[finished:]:
                checks.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE,
                                          f"{why}; not decided").to_dict())
            if n_corr:
                for spec in self.claim.corrected.checks[len(corrected):]:
                    corrected.append(CheckResult(getattr(spec, "strategy", "?"), getattr(spec, "part", "main"), INCONCLUSIVE,
                                                 f"{why}; not decided").to_dict())
            notes.append(note or f"{why}: {finished} of {n_main} checks finished")
        e = _entry(self.claim, checks, corrected, duration, self.override, notes)
        if compile_s:  # numba compilation (or cache loads) during the claim, outside its budget
            e["timings"]["compile_s"] = round(compile_s, 3)
        return e

    def __reduce__(self):
        # A claim in use travels by its id and the claims files or modules that declare it: the receiving process
        # (a cluster's worker) loads them and decides the very claim of its source.  Any other claim (built in a
        # test, say) travels as itself.
        from optverify.claims import registered_as

        refs = registered_as(self.claim)
        if refs is None:
            return (ClaimWork, (self.claim, self.mode, self.seed, self.budget, self.override))
        return (_work_in_use, (self.claim.id, refs, self.mode, self.seed, self.budget, self.override))


def _work_in_use(claim_id: str, refs: tuple[str, ...], mode: str, seed: int, budget: float, override: Override) -> ClaimWork:
    from optverify.claims import get, use

    if refs:
        use(*refs)
    return ClaimWork(get(claim_id), mode, seed, budget, override)


def run(claims: list[Claim], mode: str, seed: int, on_result: Callable[[dict], None] | None = None,
        on_start: Callable[[Claim], None] | None = None, budget: float | None = None,
        override: Override | None = None, jobs: int = 2, executor=None) -> tuple[list[dict], bool]:
    """Decide claims; entries come back in claim order.  Ctrl-C keeps what was decided.

    ``executor`` decides where (:mod:`optverify.executors`): by default the local pool of forked children,
    ``jobs`` claims at a time.  ``on_start(claim)`` is called as a claim is handed out, ``on_result(entry)`` as
    each entry arrives (in the order they finish)."""
    from optverify.executors.local import LocalPool

    override = override or Override()
    budget = BUDGETS[mode] if budget is None else budget
    works = [ClaimWork(c, mode, seed, budget, override) for c in claims]
    executor = LocalPool(jobs) if executor is None else executor
    by_claim = {w.key: w.claim for w in works}
    results, interrupted = executor.decide(works, on_start=(lambda w: on_start(by_claim[w.key])) if on_start else None,
                                           on_result=on_result)
    return [results[c.id] for c in claims if c.id in results], interrupted


def decide(claim: Claim, mode: str = "quick", seed: int = 0, budget: float | None = None, override: Override | None = None) -> dict:
    """Decide one claim in a child process under a hard time limit; return its report entry."""
    entries, interrupted = run([claim], mode, seed, budget=budget, override=override, jobs=1)
    if interrupted:
        raise KeyboardInterrupt
    return entries[0]
