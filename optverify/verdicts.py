"""The verdict vocabulary and how the verdicts of checks combine into a claim's verdict."""

from __future__ import annotations

PROVED = "proved"
REFUTED = "refuted"
CONSISTENT = "consistent"
INCONCLUSIVE = "inconclusive"
NOT_CHECKABLE = "not-checkable"

VERDICTS = (PROVED, REFUTED, CONSISTENT, INCONCLUSIVE, NOT_CHECKABLE)


def combine_same_relation(verdicts: list[str]) -> tuple[str, str | None]:
    """Several checks of one relation: any decisive check settles it.

    A proof and a refutation of the same relation contradict each other; that
    means an encoding error somewhere, and the toolkit will not cry wolf on it:
    the relation is then inconclusive, with the conflict named.
    """
    vs = set(verdicts)
    if PROVED in vs and REFUTED in vs:
        return INCONCLUSIVE, "checks disagree: one proved and one refuted the same relation"
    for v in (REFUTED, PROVED, CONSISTENT, INCONCLUSIVE):
        if v in vs:
            return v, None
    return NOT_CHECKABLE, None


def combine_chain(verdicts: list[str]) -> str:
    """The links of a printed chain: refuted if one link fails, proved only if every link is."""
    vs = [v for v in verdicts if v != NOT_CHECKABLE]
    if not vs:
        return NOT_CHECKABLE
    if REFUTED in vs:
        return REFUTED
    if all(v == PROVED for v in vs):
        return PROVED
    if all(v in (PROVED, CONSISTENT) for v in vs):
        return CONSISTENT
    return INCONCLUSIVE


def combine_with_proof(statement: str | None, steps: list[tuple[int | None, str]], composed: str | None) -> tuple[str, str | None]:
    """A statement with its printed proof encoded step by step.

    ``statement``: the verdict of the statement's own checks (None when it has none); ``steps``: (line,
    verdict) of each proof step; ``composed``: the verdict of the check that the steps compose into
    the statement (None when not encoded).  A refuted step breaks the proof, not the statement:
    the verdict stays the statement's, with "proof broken at line L".  Every step proved and the
    composition proved make the statement proved.
    """
    broken = [line for line, v in steps if v == REFUTED]
    if composed == REFUTED:
        broken.append(None)
    if broken:
        st = statement or INCONCLUSIVE
        where = f"line {broken[0]}" if broken[0] is not None else "the composition of its steps"
        return st, f"statement {st}, proof broken at {where}"
    if steps and composed == PROVED and all(v == PROVED for _, v in steps):
        if statement == REFUTED:
            return INCONCLUSIVE, "checks disagree: the printed proof is proved step by step but the statement is refuted"
        return PROVED, f"proved by its printed proof: {len(steps)} steps proved and composed into the statement"
    if statement is None:
        return combine_chain([v for _, v in steps] + ([composed] if composed else [])), None
    return statement, None
