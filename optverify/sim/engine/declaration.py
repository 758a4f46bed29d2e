"""A printed update, declared once: parameter schema, state, step (in the step language), source.

``Update`` is what every backend reads:

* ``params``: ordered ``Param(name, default, encoding, domain)``; the packed
  float vector ``prm`` follows this order (``pack``), and the generated kernel
  unpacks it by the same order (``codegen``): no index is written by hand;
* ``state``: ordered ``State(name, size, init)``, size "d" (one entry per
  coordinate), an int (1: a scalar kept as a length-1 array), an expression
  in d, n (the number of samples of a finite sum; steps with ``problem``
  only) and the integer parameters ("tau + 1"), or a pair of these (a
  matrix: ("d", "d")); init "zero", "one" or "w1" (a copy of the start
  point); state also serves as a step's workspace;
* ``step(t, T, w, g, [problem,] <state and parameter names>)``: one step, in
  place on ``w`` and the state, written in the step language of
  ``optverify.sim.updates.vocabulary``; arguments are matched by name.  A step
  with the argument ``problem`` calls the oracle words itself (several
  gradients, other points, component gradients, a Hessian, keyed draws) and
  writes into ``g`` the gradient its update uses; a step without it receives
  g = the stochastic gradient at w_t (key (t, 0));
* a parameter with encoding "blocks" (the last one) is a list of block
  boundaries [0, b_1, ..., d] or None (one block), packed as
  [nblocks, b_0, ..., b_nblocks]; the step sees the boundaries as ints;
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

    encoding: float, int, bool, "blocks" or a dict {name: code} of a switch.  domain: a
    key of ``_DOMAINS`` for numbers (None for switches, flags and blocks).  ``default_from``:
    the parameter whose value a None here takes (LAMB printed with one beta for both moments).
    """

    name: str
    default: Any = REQUIRED
    encoding: Any = float
    domain: str | None = "real"
    default_from: str | None = None

    def as_tuple(self):
        return (self.name, self.default, self.encoding)


@dataclass(frozen=True)
class State:
    name: str
    size: Any = "d"  # "d", an int, an expression in d, n and integer parameters, or a pair of these
    init: str = "zero"  # "zero", "one" or "w1"

    @property
    def shape(self) -> tuple:
        """The size as a tuple of expressions (one per axis)."""
        return tuple(str(x) for x in (self.size if isinstance(self.size, tuple) else (self.size,)))


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

    @functools.cached_property
    def uses_oracle(self) -> bool:
        """The step asks the problem itself (its signature has ``problem``) and writes the g it uses."""
        return "problem" in _arg_names(self.step)

    @functools.cached_property
    def step_args(self) -> tuple:
        """The step's arguments after (t, T, w, g), in its signature's order (``problem`` included)."""
        names = _arg_names(self.step)
        if names[:4] != ("t", "T", "w", "g"):
            raise TypeError(f"{self.name}: a step starts with (t, T, w, g), got {names[:4]}")
        known = {p.name for p in self.params} | {s.name for s in self.state} | set(self.fixed) | {"problem"}
        missing = [n for n in names[4:] if self.bound_name(n) not in known and n not in known]
        if missing:
            raise TypeError(f"{self.name}: step arguments {missing} are neither state, parameter nor fixed")
        if "problem" in names and names[4] != "problem":
            raise TypeError(f"{self.name}: problem comes right after (t, T, w, g)")
        blocks = [k for k, p in enumerate(self.params) if p.encoding == "blocks"]
        if blocks and blocks != [len(self.params) - 1]:
            raise TypeError(f"{self.name}: a blocks parameter must be the last one")
        if not self.uses_oracle and any("n" in _names(x) for s in self.state for x in s.shape):
            raise TypeError(f"{self.name}: a state sized by n needs a step with problem")
        return names[4:]

    def state_shape(self, s: State, d: int, n: int, values: dict) -> tuple:
        """The shape of state ``s`` for dimension d, n samples and the parameter values (ints)."""
        env = {"d": d, "n": n, **{p.name: values[p.name] for p in self.params if p.encoding is int}}
        return tuple(int(eval(x, {"__builtins__": {}}, env)) for x in s.shape)


def _names(expr: str) -> set:
    import ast

    return {n.id for n in ast.walk(ast.parse(expr, mode="eval")) if isinstance(n, ast.Name)}


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
    if enc == "blocks":
        if value is None:
            return [0]
        b = [int(x) for x in value]
        return [len(b) - 1, *b]
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
    out = []
    for p in update.params:
        x = encode(p, values[p.name])
        out.extend(map(float, x) if isinstance(x, list) else [float(x)])
    return out
