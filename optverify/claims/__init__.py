"""The claim registry: every claim in use, by id and by glob pattern.

The claims in use are the bundled sources', those of every installed package
with an ``optverify.claims`` entry point, and those of the claims files and
modules named with :func:`use` (``--claims`` on the command line).
"""

from __future__ import annotations

import fnmatch
import importlib
from functools import lru_cache

from optverify.claims.model import Claim
from optverify.claims.sources import BUNDLED_FILES, Source
from optverify.errors import UserError

#: one package per bundled source document, in source order
SOURCE_MODULES = ("optverify.claims.adagrad_adam_000", "optverify.claims.adamal_paper_001", "optverify.claims.momentum_slides_002",
                  "optverify.claims.ec500_notes_003", "optverify.claims.adam_variants_004")

SOURCE_FILES = BUNDLED_FILES

_used: dict[str, list[Claim]] = {}  # claims file or module → its claims, in the order they were named


@lru_cache(maxsize=1)
def bundled_claims() -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for name in SOURCE_MODULES:
        try:
            claims.extend(importlib.import_module(name).CLAIMS)
        except (ValueError, TypeError, ImportError) as exc:  # a malformed bundled claim (ClaimError is a ValueError)
            raise UserError(f"bundled claims {name} failed to import: {type(exc).__name__}: {exc}") from exc
    return tuple(claims)


@lru_cache(maxsize=1)
def installed_claims() -> tuple[Claim, ...]:
    from optverify.claims.loading import entry_point_claims

    return tuple(entry_point_claims())


def use(*refs: str) -> list[Claim]:
    """Put the claims of these files or modules in use (``--claims``); returns the claims they declare."""
    from optverify.claims.loading import load_claims

    out = []
    for ref in refs:
        key = _key_in_use(str(ref))
        if key not in _used:
            _used[key] = load_claims(key)
            _sorted.cache_clear()
        out.extend(_used[key])
    _sorted()  # duplicate ids are reported now, naming the file that brought them
    return out


def _key_in_use(ref: str) -> str:
    """A file already in use under another spelling of its path (relative, absolute) is that one."""
    import os

    if ref not in _used and os.path.isfile(ref):
        real = os.path.realpath(ref)
        for k in _used:
            if os.path.isfile(k) and os.path.realpath(k) == real:
                return k
    return ref


def registered_as(claim: Claim) -> tuple[str, ...] | None:
    """How another process finds this very claim: the claims files and modules to put in use (files by absolute
    path) before ``get(claim.id)``; None when the claim is not the one in use under its id (built in code)."""
    import os

    try:
        if get(claim.id) is not claim:
            return None
    except UserError:
        return None
    return tuple(os.path.abspath(ref) if os.path.isfile(ref) else ref for ref in _used)


def _key(c: Claim):
    return (c.seed, c.source.line, c.id)


@lru_cache(maxsize=1)
def _sorted() -> tuple[Claim, ...]:
    groups = [("the bundled sources", bundled_claims()), ("installed claims packages", installed_claims()),
              *((f"claims {ref!r}", tuple(cs)) for ref, cs in _used.items())]
    where: dict[str, str] = {}
    out: list[Claim] = []
    for origin, cs in groups:
        for c in cs:
            if c.id in where:
                raise UserError(f"claim id {c.id!r} is declared twice: in {where[c.id]} and in {origin}")
            where[c.id] = origin
            out.append(c)
    return tuple(sorted(out, key=_key))


def all_claims() -> tuple[Claim, ...]:
    return _sorted()


def sources() -> dict[str, Source | str]:
    """Every source in use, by name: the bundled ones (with or without claims) and those of loaded claims."""
    out: dict[str, Source | str] = {seed: Source.bundled(seed) for seed in BUNDLED_FILES}
    for c in all_claims():
        if c.source_name not in out and c.source.path:
            out[c.source_name] = c.source.path
    return out


def get(claim_id: str) -> Claim:
    for c in all_claims():
        if c.id == claim_id:
            return c
    raise UserError(f"unknown claim id {claim_id!r} (try `optverify list` to see the ids; a claims file is read with --claims FILE)")


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
    return sorted(out, key=_key)
