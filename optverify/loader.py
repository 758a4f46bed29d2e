"""Find Python objects by where they are defined, so that a fresh interpreter can find them again.

A claims file outside any package is loaded by its path under a stable module
name (the same file is imported once per process); :func:`locate` finds
``"package.module:name"`` or ``"/abs/path/file.py:name"``, which is how a
certificate's replay snippet rebuilds a user's family in a clean interpreter.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import os
import sys
from typing import Any


def loaded_path(module_name: str) -> str | None:
    """The file a module was loaded from by :func:`load_file`, or None."""
    return _LOADED.get(module_name)



_LOADED: dict[str, str] = {}  # module name → file, for modules loaded by path


def _module_name_for(path: str) -> str:
    stem = "".join(c if c.isalnum() else "_" for c in os.path.splitext(os.path.basename(path))[0])
    return f"optverify_user_{stem}_{hashlib.sha1(path.encode()).hexdigest()[:10]}"


def load_file(path: str):
    """Load a Python file once, registered in ``sys.modules`` under a stable name derived from its path.

    A file this process has already imported as a module (``optverify.…`` from a checkout) is that module,
    not a second copy of it.
    """
    path = os.path.abspath(path)
    name = _module_name_for(path)
    if name in sys.modules:
        return sys.modules[name]
    real = os.path.realpath(path)
    for mod in list(sys.modules.values()):
        f = getattr(mod, "__file__", None)
        if f and os.path.realpath(f) == real:
            return mod
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    _LOADED[name] = path
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        _LOADED.pop(name, None)
        raise
    return module


def _importable_anywhere(mod: str, file: str) -> bool:
    """Would ``import mod`` find this very file in a fresh interpreter started from another directory?

    Only a dotted module of a package on the path counts (installed, or on PYTHONPATH); a top-level
    module, ``__main__``, or a package found only through the current directory is located by its file.
    """
    if mod == "__main__" or "." not in mod:
        return False
    cwd = os.path.abspath(os.getcwd())
    env = {os.path.abspath(e) for e in os.environ.get("PYTHONPATH", "").split(os.pathsep) if e}
    saved = sys.path[:]
    sys.path[:] = [e for e in sys.path if e and (os.path.abspath(e) != cwd or os.path.abspath(e) in env)]
    try:  # every finder a fresh interpreter has (the path, and an editable install's own finder), without the cwd
        spec = None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(mod.split(".")[0], None) if find else None
            if spec is not None:
                break
    finally:
        sys.path[:] = saved
    if spec is None:
        return False
    roots = list(spec.submodule_search_locations or [])
    file = os.path.realpath(file)
    return any(file.startswith(os.path.realpath(r) + os.sep) for r in roots)


def locate(ref: str) -> Any:
    """The object named by ``"package.module:name"`` or ``"/abs/path/file.py:name"`` (dotted names walk attributes)."""
    where, sep, qual = ref.rpartition(":")
    if not sep or not where or not qual:
        raise ValueError(f"expected 'module:name' or '/path/file.py:name', got {ref!r}")
    if where.endswith(".py") or os.sep in where:
        module = load_file(where)
    else:
        module = importlib.import_module(where)
    obj = module
    for part in qual.split("."):
        obj = getattr(obj, part)
    return obj
