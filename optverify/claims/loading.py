"""Load claims from outside the package: a claims file, an importable module, an installed entry point.

A claims module declares its claims with :meth:`optverify.Source.claim`; the
loader collects, in this order of preference, the module's ``CLAIMS`` list,
or else every claim of every :class:`~optverify.claims.sources.Source` found
among the module's globals.  A file outside any package is imported under a
stable module name derived from its path, so the same file is imported once
per process, and a certificate's replay snippet can import it again by path.
"""

from __future__ import annotations

import importlib
import traceback
from pathlib import Path
from types import ModuleType

from optverify.errors import UserError
from optverify.loader import load_file

ENTRY_POINT_GROUP = "optverify.claims"


def load_module(ref: str | Path) -> ModuleType:
    """Import ``ref``: a path to a ``.py`` file, or a dotted module name (``mypkg.claims``)."""
    text = str(ref)
    p = Path(text).expanduser()
    if text.endswith(".py") or p.is_file() or "/" in text or "\\" in text:
        if not p.is_file():
            raise UserError(f"claims file {text!r}: no such file")
        try:
            return load_file(str(p))
        except UserError:
            raise
        except Exception as exc:
            raise UserError(f"claims file {text!r} failed to import: {_where(exc, str(p.resolve()))}") from None
    try:
        return importlib.import_module(text)
    except ModuleNotFoundError as exc:
        if exc.name and text.startswith(exc.name):
            raise UserError(f"claims {text!r}: no such file, and no module of that name is importable") from None
        raise UserError(f"claims module {text!r} failed to import: {type(exc).__name__}: {exc}") from None
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"claims module {text!r} failed to import: {_where(exc, None)}") from None


def _where(exc: BaseException, file: str | None) -> str:
    """``Type: message`` with the line of the user's file where it was raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    mine = [f for f in frames if file is None or f.filename == file]
    at = f" (line {mine[-1].lineno})" if mine else ""
    return f"{type(exc).__name__}: {exc}{at}"


def claims_of(obj, what: str) -> list:
    """The claims a loaded module (or entry-point object) declares."""
    from optverify.claims.model import Claim
    from optverify.claims.sources import Source

    if isinstance(obj, Claim):
        return [obj]
    if isinstance(obj, (list, tuple)):
        bad = [x for x in obj if not isinstance(x, Claim)]
        if bad:
            raise UserError(f"{what}: CLAIMS holds {type(bad[0]).__name__} objects, not claims")
        return list(obj)
    if isinstance(obj, Source):
        return list(obj.claims)
    if callable(obj) and not isinstance(obj, ModuleType):
        return claims_of(obj(), what)
    if isinstance(obj, ModuleType):
        if hasattr(obj, "CLAIMS"):
            return claims_of(obj.CLAIMS, what)
        out, seen = [], set()
        for v in vars(obj).values():
            if isinstance(v, Source):
                for c in v.claims:
                    if id(c) not in seen:
                        seen.add(id(c))
                        out.append(c)
        if not out:
            raise UserError(f"{what} declares no claims (declare them with Source(...).claim(...), or list them in CLAIMS)")
        return out
    raise UserError(f"{what}: cannot take claims from a {type(obj).__name__}")


def load_claims(ref: str | Path) -> list:
    """The claims of a claims file or module."""
    return claims_of(load_module(ref), f"claims {str(ref)!r}")


def entry_point_claims() -> list:
    """The claims of every installed package that declares an ``optverify.claims`` entry point."""
    from importlib.metadata import entry_points

    out = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as exc:
            raise UserError(f"entry point {ep.name!r} ({ep.value}) of group {ENTRY_POINT_GROUP} failed to load: "
                            f"{type(exc).__name__}: {exc}") from None
        out.extend(claims_of(obj, f"entry point {ep.name!r} ({ep.value})"))
    return out
