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
