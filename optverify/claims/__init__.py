"""The claim registry: every encoded claim of every source, by id and by glob pattern."""

from __future__ import annotations

import fnmatch
import importlib
from functools import lru_cache

from optverify.claims.model import Claim
from optverify.errors import UserError

#: one package per source document, in source order
SOURCE_MODULES = ("optverify.claims.adagrad_adam_000", "optverify.claims.adamal_paper_001", "optverify.claims.momentum_slides_002",
                  "optverify.claims.adam_variants_004")

SOURCE_FILES = {
    "000": "000_5f54ea678090eb2e.txt",
    "001": "001_8d81a4ac7e926261.txt",
    "002": "002_8da1d557e39b6fb4.txt",
    "003": "003_5cc426551908e376.txt",
    "004": "004_464777fd574b32f3.txt",
}


@lru_cache(maxsize=1)
def all_claims() -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for name in SOURCE_MODULES:
        claims.extend(importlib.import_module(name).CLAIMS)
    ids = [c.id for c in claims]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise RuntimeError(f"duplicate claim ids: {sorted(dup)}")
    return tuple(sorted(claims, key=lambda c: (c.seed, c.source.line, c.id)))


def get(claim_id: str) -> Claim:
    for c in all_claims():
        if c.id == claim_id:
            return c
    raise UserError(f"unknown claim id {claim_id!r} (try `optverify list` to see the ids)")


def match(patterns: list[str] | tuple[str, ...]) -> list[Claim]:
    """Claims whose id matches any glob pattern (``000:*``, ``*:Thm 3``); an exact id always matches itself."""
    if not patterns:
        return list(all_claims())
    out, seen = [], set()
    for pat in patterns:
        hits = [c for c in all_claims() if c.id == pat or fnmatch.fnmatchcase(c.id, pat)]
        if not hits:
            raise UserError(f"pattern {pat!r} matches no claim (try `optverify list`)")
        for c in hits:
            if c.id not in seen:
                seen.add(c.id)
                out.append(c)
    return sorted(out, key=lambda c: (c.seed, c.source.line, c.id))
