"""Which check decides which kind of spec: checks register themselves.

A check is a function ``check(spec, ctx) -> CheckResult``; ``@register(SpecType)``
makes it the one that decides every spec of that type (and of its subclasses,
unless they have their own).  The built-in checks of :mod:`optverify.checks`
register when they are first needed; a user's check registers when its module
is imported::

    @ov.register(MySpec)
    def check_my_spec(spec, ctx):
        ...
        return ov.CheckResult("my strategy", spec.part, "consistent", "…", {...})
"""

from __future__ import annotations

import importlib
from typing import Callable

_CHECKS: dict[type, Callable] = {}
_BUILTINS_LOADED = False


def register(spec_type: type) -> Callable[[Callable], Callable]:
    """Decorator: the decorated function decides every spec of ``spec_type``."""
    if not isinstance(spec_type, type):
        raise TypeError(f"register() takes a spec class, got {spec_type!r}")

    def deco(fn: Callable) -> Callable:
        prev = _CHECKS.get(spec_type)
        if prev is not None and prev is not fn and (prev.__module__, prev.__qualname__) != (fn.__module__, fn.__qualname__):
            raise ValueError(f"{spec_type.__name__} already has a check: {prev.__module__}.{prev.__qualname__}")
        _CHECKS[spec_type] = fn
        return fn

    return deco


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if not _BUILTINS_LOADED:
        _BUILTINS_LOADED = True
        importlib.import_module("optverify.checks.builtin")


def check_for(spec_type: type) -> Callable | None:
    """The check registered for ``spec_type`` (or its nearest registered base class), or None."""
    _load_builtins()
    for t in spec_type.__mro__:
        if t in _CHECKS:
            return _CHECKS[t]
    return None


def registered() -> dict[type, Callable]:
    """Every registered spec type and its check."""
    _load_builtins()
    return dict(_CHECKS)
