"""numba's on-disk cache, keyed by every source of ``optverify/sim``.

numba keys a cached function by its own file's stamp (mtime, size) only, so a cached function that calls
a function of another module keeps the callee's old machine code after the callee changes: e.g.
``tracking.track_point`` (cached) inlines ``families.loss``, and a family kind added to ``families.py``
then reads as NaN there until ``tracking.py`` itself changes.  Every cached function defined under
``optverify/sim`` is therefore stamped with ``DIGEST``, the hash of all of its sources: any change to any
of them recompiles them all.  The generated kernels carry the same digest in their module names
(``engine/codegen.py``).  Installed by ``optverify/sim/__init__.py`` before any jitted module is imported
(numba picks a function's cache locator when it is decorated).
"""

from __future__ import annotations

import hashlib
import pathlib

from numba.core import caching

SIM = pathlib.Path(__file__).resolve().parent


def _digest() -> str:
    h = hashlib.sha256()
    for p in sorted(SIM.rglob("*.py")):
        h.update(p.relative_to(SIM).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


DIGEST = _digest()


def _in_sim(py_file: str) -> bool:
    try:
        pathlib.Path(py_file).resolve().relative_to(SIM)
        return True
    except (ValueError, OSError):
        return False


def _stamped(base):
    class Stamped(base):
        @classmethod
        def from_function(cls, py_func, py_file):
            return super().from_function(py_func, py_file) if _in_sim(py_file) else None

        def get_source_stamp(self):
            return (super().get_source_stamp(), DIGEST)

    Stamped.__name__ = Stamped.__qualname__ = f"SimStamped{base.__name__}"
    return Stamped


def install() -> None:
    impl = caching.CacheImpl
    if not any(getattr(c, "__name__", "").startswith("SimStamped") for c in impl._locator_classes):
        impl._locator_classes = [*map(_stamped, impl._locator_classes), *impl._locator_classes]
