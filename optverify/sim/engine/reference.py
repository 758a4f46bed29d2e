"""The any-precision reference of a declared update: the same step text, executed on lists of numbers.

The step source of an update (and the step language's words) is executed in
a namespace where sqrt, cos, pi and inf are those of the number context
``num`` (``optverify.verify.numctx``: FloatCtx for floats, MpCtx for 50-digit
mpmath).  The numba kernel is compiled from the very same text
(``codegen.py``), so a certificate's replay and the simulation run one formula.

* ``Step(name, num, **params)``: the update as a function
  ``(t, w, g, state, T) -> (w_next, state_next)`` on lists, copying its
  inputs (for enumerations that branch on the gradient); ``state`` is a dict
  {state name: list} from ``init(w1)``;
* ``trajectory(name, num, w1, grad, T, **params)``: [w_1, ..., w_{T+1}] with
  g_t = grad(t, w_t); ``run(...)``: the same with the state after every step
  (the moments of a gradient sequence, the step sizes of an adaptive method).

Parameters are validated by the same schema as the kernels'
(``algorithms.config``); float parameters keep the precision they are given
in (an mpf stays an mpf).
"""

from __future__ import annotations

import functools
import inspect
import math
import textwrap
import weakref

from ..updates.vocabulary import WORDS
from .declaration import REQUIRED, check_domain, encode

__all__ = ["Step", "run", "trajectory", "namespace"]


@functools.lru_cache(maxsize=None)
def _source(fn) -> str:
    return textwrap.dedent(inspect.getsource(fn))


_NAMESPACES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def namespace(num) -> dict:
    """sqrt, cos, pi, inf of the context ``num`` and the step language's words, bound to them (once per context)."""
    ns = _NAMESPACES.get(num)
    if ns is None:
        mp = getattr(num, "mp", None)
        if mp is None:
            ns = {"sqrt": num.sqrt, "cos": math.cos, "pi": math.pi, "inf": math.inf}
        else:
            ns = {"sqrt": num.sqrt, "cos": mp.cos, "pi": mp.pi, "inf": mp.inf}
        for fn in WORDS:
            exec(_source(fn), ns)
        _NAMESPACES[num] = ns
    return ns


def _step_function(num, step):
    """The step's source executed once per number context (the same text numba compiles)."""
    ns = namespace(num)
    key = ("__step__", step)
    if key not in ns:
        local = dict(ns)
        exec(_source(step), local)
        ns[key] = local[step.__name__]
    return ns[key]


def _number(num, x):
    if isinstance(x, (bool, int)):
        return x
    if isinstance(x, float) and math.isinf(x):
        mp = getattr(num, "mp", None)
        return x if mp is None else (mp.inf if x > 0 else -mp.inf)
    return num.num(x)


def _layout(u, num) -> dict:
    """What binding ``u`` in ``num`` needs, worked out once per (update, context): argument positions, defaults."""
    ns = namespace(num)
    key = ("__layout__", id(u))
    if key not in ns or ns[key]["update"] is not u:
        args = u.step_args
        states = {s.name for s in u.state}
        params = {p.name: p for p in u.params}
        positions: dict = {}
        consts = []
        for k, a in enumerate(args):
            bound = u.bound_name(a)
            if a in u.fixed:
                consts.append(_number(num, u.fixed[a]))
            elif bound in states:
                consts.append(None)
            else:
                p = params[bound]
                positions.setdefault(bound, []).append(k)
                consts.append(None if p.default is REQUIRED else
                              _number(num, p.default if p.encoding is float else encode(p, p.default)))
        ns[key] = {"update": u, "args": args, "fn": _step_function(num, u.step), "params": params, "positions": positions,
                   "consts": consts, "slots": tuple((k, u.bound_name(a)) for k, a in enumerate(args)
                                                    if u.bound_name(a) in states and a not in u.fixed),
                   "required": [p.name for p in u.params if p.default is REQUIRED],
                   "values": {p.name: p.default for p in u.params if p.default is not REQUIRED}}
    return ns[key]


_BOUND: dict = {}  # (name, num, parameters) -> a bound Step (searches build the same Step per instance)


def _key(name, num, params):
    try:
        items = tuple(sorted((k, type(v), v.hex() if isinstance(v, float) else v) for k, v in params.items()))
        key = (name, num, items)
        hash(key)
        return key
    except (TypeError, AttributeError):
        return None


class Step:
    """One declared update with its parameters bound, in the number context ``num``.

    A Step is immutable once built (``rebind`` returns a new one), so building the same one again returns the
    first (a family evaluated on many instances binds the same update each time)."""

    def __new__(cls, name: str, num, **params):
        key = _key(name, num, params)
        if key is not None and key in _BOUND:
            return _BOUND[key]
        self = super().__new__(cls)
        self._init(name, num, **params)
        if key is not None:
            if len(_BOUND) > 4096:
                _BOUND.clear()
            _BOUND[key] = self
        return self

    def _init(self, name: str, num, **params):
        from ..algorithms.registry import ALGORITHMS

        if name not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {name!r}; one of {sorted(ALGORITHMS)}")
        u = ALGORITHMS[name].update
        if u is None:
            raise ValueError(f"{name} has a hand-written kernel and no declaration to interpret")
        lay = _layout(u, num)
        missing = [p for p in lay["required"] if p not in params]
        if missing:
            raise ValueError(f"{name}: parameter {missing[0]!r} is required")
        self.update, self.num, self._fn, self._args, self._slots = u, num, lay["fn"], lay["args"], lay["slots"]
        self._config, self._values = None, {**lay["values"], **params}
        self._consts = self._bound(list(lay["consts"]), params)

    def _bound(self, consts: list, changes: dict) -> list:
        """``consts`` with the parameters ``changes`` checked by the schema and converted into the number context."""
        lay = _layout(self.update, self.num)
        unknown = set(changes) - set(lay["params"])
        if unknown:
            raise ValueError(f"{self.update.name}: unknown parameter(s) {sorted(unknown)}; known {sorted(lay['params'])}")
        for pname, v in changes.items():
            p = lay["params"][pname]
            check_domain(self.update, p, v)
            c = _number(self.num, v if p.encoding is float else encode(p, v))
            for k in lay["positions"].get(pname, ()):
                consts[k] = c
        return consts

    def rebind(self, **changes) -> "Step":
        """The same update with some parameters changed (a per-step β_{1t} or η_t), validated by the same schema."""
        new = object.__new__(Step)
        new.__dict__.update(self.__dict__)
        new._consts, new._config, new._values = self._bound(list(self._consts), changes), None, {**self._values, **changes}
        return new

    @property
    def config(self):
        """The validated ``algorithms.Config`` of the bound parameters (built on first use after ``rebind``)."""
        if self._config is None:
            from ..algorithms.registry import config

            self._config = config(self.update.name, **self._values)
        return self._config

    def init(self, w1) -> dict:
        """The state before step 1 from the start point w_1."""
        zero, one = self.num.num(0), self.num.num(1)
        out = {}
        for s in self.update.state:
            n = len(w1) if s.size == "d" else int(s.size)
            out[s.name] = [_number(self.num, x) for x in w1] if s.init == "w1" else [
                zero if s.init == "zero" else one for _ in range(n)]
        return out

    def __call__(self, t: int, w, g, state: dict, T: int = 0):
        """(w_{t+1}, state after step t) from w_t, g_t and the state before step t; inputs are not modified."""
        w = [_number(self.num, x) for x in w]
        state = {k: list(v) for k, v in state.items()}
        args = list(self._consts)
        for k, name in self._slots:
            args[k] = state[name]
        self._fn(t, T, w, [_number(self.num, x) for x in g], *args)
        return w, state


def run(name: str, num, w1, grad, T: int, **params) -> tuple:
    """([w_1, ..., w_{T+1}], [state after step 1, ..., after step T]) of the declared update ``name``, g_t = grad(t, w_t)."""
    step = Step(name, num, **params)
    w = [_number(num, x) for x in w1]
    state = step.init(w)
    ws, states = [w], []
    for t in range(1, T + 1):
        w, state = step(t, w, grad(t, w), state, T)
        ws.append(w)
        states.append(state)
    return ws, states


def trajectory(name: str, num, w1, grad, T: int, **params) -> list:
    """[w_1, ..., w_{T+1}] (lists) of the declared update ``name`` with g_t = grad(t, w_t)."""
    return run(name, num, w1, grad, T, **params)[0]
