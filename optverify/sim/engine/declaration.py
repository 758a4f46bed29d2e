"""A printed update, declared once: parameter schema, state, step (in the step language), source.

``Update`` is what every backend reads:

* ``params``: ordered ``Param(name, default, encoding, domain)``; the packed
  float vector ``prm`` follows this order (``pack``), and the generated kernel
  unpacks it by the same order (``codegen``): no index is written by hand;
* ``state``: ordered ``State(name, size, init)``, size "d" (one entry per
  coordinate) or 1 (a scalar kept as a length-1 array), init "zero", "one" or
  "w1" (a copy of the start point);
* ``step(t, T, w, g, <state and parameter names>)``: one step, in place on
  ``w`` and the state, written in the step language of
  ``optverify.sim.updates.vocabulary``; arguments are matched by name;
* ``fixed``: step arguments held at a constant by this declaration (an update
  that is another's step with a switch set, e.g. AdamW = the Adam step with
  decoupled decay);
* ``aliases``: {step argument: parameter name} where the printed name of a
  parameter differs from the step's (Adam + L2's ``l2_mode`` is the Adam
  step's ``wd_mode``);
* ``exact_gradient``: the update uses grad L(w_t) whatever the grad_mode.
"""

from __future__ import annotations

import functools
import inspect
import math
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["REQUIRED", "Param", "State", "Update", "encode", "pack", "check_domain"]

REQUIRED = object()

_DOMAINS = {
    "real": lambda x: math.isfinite(x),
    "extended": lambda x: not math.isnan(x),
    "positive": lambda x: x > 0,
    "nonnegative": lambda x: x >= 0,
    "[0,1)": lambda x: 0 <= x < 1,
    "[0,1]": lambda x: 0 <= x <= 1,
    "radius": lambda x: x > 0,  # math.inf allowed: no constraint
    "sign": lambda x: x in (-1.0, 1.0),
    "count": lambda x: x >= 0,
}


@dataclass(frozen=True)
class Param:
    """A parameter: name, default (REQUIRED if none is printed), encoding and domain.

    encoding: float, int, bool or a dict {name: code} of a switch.  domain: a
    key of ``_DOMAINS`` for numbers (None for switches and flags).
    """

    name: str
    default: Any = REQUIRED
    encoding: Any = float
    domain: str | None = "real"

    def as_tuple(self):
        return (self.name, self.default, self.encoding)


@dataclass(frozen=True)
class State:
    name: str
    size: Any = "d"  # "d" or 1
    init: str = "zero"  # "zero", "one" or "w1"


@dataclass(frozen=True)
class Update:
    name: str
    params: tuple
    state: tuple
    step: Callable
    source: str
    doc: str = ""
    fixed: dict = field(default_factory=dict)
    exact_gradient: bool = False
    aliases: dict = field(default_factory=dict)

    def bound_name(self, arg: str) -> str:
        """The state or parameter name a step argument reads."""
        return self.aliases.get(arg, arg)

    @property
    def step_args(self) -> tuple:
        """The step's arguments after (t, T, w, g), in its signature's order."""
        names = _arg_names(self.step)
        if names[:4] != ("t", "T", "w", "g"):
            raise TypeError(f"{self.name}: a step starts with (t, T, w, g), got {names[:4]}")
        known = {p.name for p in self.params} | {s.name for s in self.state} | set(self.fixed)
        missing = [n for n in names[4:] if self.bound_name(n) not in known and n not in known]
        if missing:
            raise TypeError(f"{self.name}: step arguments {missing} are neither state, parameter nor fixed")
        return names[4:]


@functools.lru_cache(maxsize=None)
def _arg_names(step) -> tuple:
    """The parameter names of a step function (read once: a reference Step is built per step size in enumerations)."""
    return tuple(inspect.signature(step).parameters)


def check_domain(update: Update, p: Param, value) -> None:
    if p.domain is None or isinstance(p.encoding, dict) or p.encoding is bool:
        return
    x = float(value)
    if not _DOMAINS[p.domain](x):
        raise ValueError(f"{update.name}: {p.name} = {value!r} is outside its domain ({p.domain})")


def encode(p: Param, value):
    """The number the step sees for ``value`` of parameter ``p`` (int code, bool, int or float)."""
    enc = p.encoding
    if enc is float:
        return float(value)
    if enc is int:
        if int(value) != value:
            raise ValueError(f"{p.name} must be an integer")
        return int(value)
    if enc is bool:
        return bool(value)
    if isinstance(enc, dict):
        if isinstance(value, str):
            if value not in enc:
                raise ValueError(f"{p.name} must be one of {sorted(enc)}, got {value!r}")
            return enc[value]
        if value in enc.values():
            return int(value)
        raise ValueError(f"{p.name} must be one of {sorted(enc)}")
    raise TypeError(enc)


def pack(update: Update, values: dict) -> list:
    """The float vector ``prm`` of ``values`` (every parameter present), in schema order."""
    return [float(encode(p, values[p.name])) for p in update.params]
