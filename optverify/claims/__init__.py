"""The claim registry: every claim in use, by id and by glob pattern.

The claims in use are the bundled sources', those of every installed package
with an ``optverify.claims`` entry point, and those of the claims files and
modules named with :func:`use` (``--claims`` on the command line).

A bundled source's package is imported only when it is asked for: an id or a
pattern names its source before the first ``:`` (``000:Thm 3``, ``003:L1*``),
so ``optverify check '000:Thm 3'`` or a user's ``--claims`` file loads no
other bundled source.  A pattern whose source part is itself a glob (``*:Thm 3``)
loads them all, and so does a used claim that carries a bundled source's name
(its id is checked against that source's ids).
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
_PACKAGE = dict(zip(BUNDLED_FILES, SOURCE_MODULES))  # bundled source name → its package

SOURCE_FILES = BUNDLED_FILES

_used: dict[str, list[Claim]] = {}  # claims file or module → its claims, in the order they were named


@lru_cache(maxsize=None)
def bundled_source_claims(source: str) -> tuple[Claim, ...]:
    """The claims of one bundled source (its package imported on first use)."""
    name = _PACKAGE[source]
    try:
        return tuple(importlib.import_module(name).CLAIMS)
    except (ValueError, TypeError, ImportError) as exc:  # a malformed bundled claim (ClaimError is a ValueError)
        raise UserError(f"bundled claims {name} failed to import: {type(exc).__name__}: {exc}") from exc


def bundled_claims() -> tuple[Claim, ...]:
    return tuple(c for source in _PACKAGE for c in bundled_source_claims(source))


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
            _in_use.cache_clear()
        out.extend(_used[key])
    _in_use(frozenset())  # duplicate ids are reported now, naming the file that brought them
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


_ALL = None  # every bundled source


def _source_of(pattern: str) -> str | None:
    """The source an id or pattern names before its first ``:``, when that part is literal (no glob)."""
    head, colon, _ = pattern.partition(":")
    return head if colon and not any(ch in head for ch in "*?[") else None


@lru_cache(maxsize=None)
def _in_use(bundled: frozenset[str] | None) -> tuple[Claim, ...]:
    """The claims in use, sorted, with the bundled sources narrowed to ``bundled`` (None: all of them) plus every
    bundled source whose name an installed or used claim carries (so a duplicate id is always seen)."""
    others = [("installed claims packages", installed_claims()), *((f"claims {ref!r}", tuple(cs)) for ref, cs in _used.items())]
    names = set(_PACKAGE) if bundled is None else set(bundled)
    names |= {s for _, cs in others for c in cs if (s := _source_of(c.id)) in _PACKAGE}
    groups = [("the bundled sources", tuple(c for s in _PACKAGE if s in names for c in bundled_source_claims(s))), *others]
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
    return _in_use(_ALL)


def of_source(name: str) -> list[Claim]:
    """The claims in use whose source is ``name`` (a bundled source loads only its own package)."""
    return [c for c in _for([f"{name}:"]) if c.seed == name]


def _for(patterns) -> tuple[Claim, ...]:
    """The claims in use that these ids or patterns can reach: only the bundled sources they name."""
    named = [_source_of(p) for p in patterns]
    if any(s is None for s in named):
        return _in_use(_ALL)
    return _in_use(frozenset(s for s in named if s in _PACKAGE))


def sources() -> dict[str, Source | str]:
    """Every source in use, by name: the bundled ones (with or without claims) and those of loaded claims."""
    out: dict[str, Source | str] = {seed: Source.bundled(seed) for seed in BUNDLED_FILES}
    for c in _in_use(frozenset()):  # the bundled sources are all above: their claims need not be loaded
        if c.source_name not in out and c.source.path:
            out[c.source_name] = c.source.path
    return out


def get(claim_id: str) -> Claim:
    for c in _for([claim_id]):
        if c.id == claim_id:
            return c
    raise UserError(f"unknown claim id {claim_id!r} (try `optverify list` to see the ids; a claims file is read with --claims FILE)")


def match(patterns: list[str] | tuple[str, ...]) -> list[Claim]:
    """Claims whose id matches any glob pattern (``000:*``, ``*:Thm 3``); an exact id always matches itself."""
    if not patterns:
        return list(all_claims())
    out, seen = [], set()
    claims = _for(patterns)
    for pat in patterns:
        hits = [c for c in claims if c.id == pat or fnmatch.fnmatchcase(c.id, pat)]
        if not hits:
            raise UserError(f"pattern {pat!r} matches no claim (try `optverify list`)")
        for c in hits:
            if c.id not in seen:
                seen.add(c.id)
                out.append(c)
    return sorted(out, key=_key)
