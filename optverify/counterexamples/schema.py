"""Instance families declared from one parameter schema.

A family is the class of instances a claim speaks of.  It is declared once, as an
ordered dict of parameters and one evaluation written against a number context;
the hypothesis strategy (random search), the scipy box and its decoder
(adversarial search) and the description are all derived from that one schema.

Parameter kinds
---------------
``real(lo, hi, *, log=False, nonzero=0, examples=())``
    a real in [lo, hi]; ``log=True`` searches log10 of it (lo > 0);
    ``nonzero=e`` keeps |x| ≥ e (e.g. a first gradient that must not vanish).
``integer(lo, hi, *, examples=())``
    an integer in lo … hi.
``choice(*values, examples=())``
    one of finitely many values (signs ±1, a variant name).
``array(elem, shape, *, at=None, examples=())``
    a list (or list of lists) of ``elem`` values; each ``shape`` entry is an int or
    the NAME of an earlier ``integer`` parameter (a T×d gradient matrix with
    ``shape=("T", "d")``).  ``at={0: kind}`` gives a different element kind to some
    indices along the first axis (negative indices count from the end), e.g. a
    non-zero first gradient.

Every bound may be a number, a dict by search mode (``{"quick": 8, "thorough": 24}``)
or a callable of the parameters drawn so far and the bound options
(``real(lambda p: -p["D"], lambda p: p["D"])``).  ``examples`` are values (or
callables of ``p``) the random search also draws, about half of the time: the
instances known to matter (the longest horizon, a worst-case ramp).  They are
clipped into the parameter's range, so every drawn instance lies in the schema.

Declaring a family
------------------
``family(params, *, name=None, description=None, derive=None, validate=None)``
decorates ``evaluate(p, num, **options) -> dict``, which returns ``measured`` or the
values the claim uses, computed with ``num`` (``num.num``, ``num.sqrt``, … from
``optverify.verify.numctx``: floats while searching, 50-digit mpmath on replay).
``name``/``description`` may be format strings of the options (``"budget-{algorithm}"``)
or callables; without a description one is derived from the schema.  ``derive(p,
**options) -> dict``, optional, adds fields fixed once in floats and stored in the
instance (e.g. the gradient sequence an adaptive adversary chose); ``validate(**options)``
raises on a bad ``bind``.

``fam.bind(**options)`` returns a copy whose ``evaluate`` receives these keyword
options (one evaluation serving two algorithms); bound callables see them in ``p``.
``fam.contains(instance, mode)`` tests membership of the schema, and
``fam.instance(params)`` builds an instance from named values (checked, derived
fields added).  The search protocol (``strategy``, ``vector_bounds``, ``decode``,
``evaluate``, ``name``, ``description``) is what ``InstanceSearch`` uses.

Example (a claims file may import these names from ``optverify``)::

    import sympy as sp
    from optverify.counterexamples.schema import array, family, integer, real

    @family({"T": integer(1, 6),
             "D": real(0.1, 10),
             "w1": real(lambda p: -p["D"], lambda p: p["D"]),
             "g": array(real(-5, 5), "T")},
            name="projected-sgd-c{c}")
    def projected_sgd(p, num, *, c=1.0):
        # regret against w* = −D of w_{t+1} = Π_[−D, D](w_t − c g_t/√t)
        D, w = num.num(p["D"]), num.num(p["w1"])
        regret = num.num(0)
        for t, g in enumerate(p["g"], start=1):
            g = num.num(g)
            regret += g * (w + D)
            w = min(max(w - num.num(c) * g / num.sqrt(num.num(t)), -D), D)
        return {"measured": regret, "D": D, "T": num.num(len(p["g"]))}

    D, T = sp.symbols("D T", positive=True)
    # (2D)²/(2η_T) + G²Σ_t η_t/2 with G = 5, c = 2: consistent (worst ratio 1/√2); D√T is refuted
    InstanceSearch(projected_sgd.bind(c=2.0), (D**2 + 50) * sp.sqrt(T))

Replay from a clean interpreter
-------------------------------
A family knows where it is defined (its function's module and qualified name, or,
for a module loaded from a file, that file), so it must be defined at module level.
``fam.replay_source()`` returns ``(imports, expression)`` that rebuild it in a fresh
interpreter, through ``locate("package.module:name")`` or
``locate("/abs/path/claims.py:name")`` (the latter loads the file once, registered in
``sys.modules`` under a stable name).  A certificate's ``replay_snippet`` is built from
it and runs with ``python -c`` from any directory; families pickle the same way.
"""

from __future__ import annotations

import inspect
import linecache
import math
import os
import sys
from typing import Callable

import numpy as np
from hypothesis import strategies as st

from optverify.loader import _importable_anywhere, loaded_path, locate  # noqa: F401  (locate: the replay snippets' entry)

__all__ = ["Family", "array", "choice", "family", "integer", "locate", "real"]

MODES = ("quick", "thorough")


# ---------------------------------------------------------------------------------------------- bounds
class _Dependent(Exception):
    """A bound read a parameter that is only known per instance."""


class _Probe(dict):
    """The bound options only: reading any other key marks the bound as instance-dependent."""

    def __missing__(self, key):
        raise _Dependent(key)


def _resolve(b, p, mode):
    if isinstance(b, dict):
        b = b[mode]
    if callable(b):
        b = b(p)
    return b


def _static(b, mode, options):
    """The bound's value when it does not depend on the instance, else None."""
    try:
        return _resolve(b, _Probe(options), mode)
    except _Dependent:
        return None


def _show(b, options=None) -> str:
    if isinstance(b, dict):
        return " / ".join(f"{_show(v, options)} ({k})" for k, v in b.items())
    if callable(b):
        fixed = _static(b, "quick", options or {})  # a bound of the options only is shown by its value
        return _callable_text(b) if fixed is None else _show(fixed)
    if isinstance(b, float):
        return f"{b:g}"
    return repr(b) if isinstance(b, str) else str(b)


def _callable_text(fn) -> str:
    """A dependent bound as written: a one-line lambda's body (``-p["D"]``), else ``name(p)``."""
    code = getattr(fn, "__code__", None)
    if code is not None and fn.__name__ == "<lambda>":
        try:
            pos = [q for q in code.co_positions() if None not in q and q[2:] != (0, 0)]
            if pos and min(q[0] for q in pos) == max(q[1] for q in pos):
                line = linecache.getline(code.co_filename, pos[0][0])
                text = line[min(q[2] for q in pos) : max(q[3] for q in pos)].strip()
                if text:
                    return text
        except (AttributeError, ValueError):
            pass
    return f"{getattr(fn, '__name__', 'f')}(p)".replace("<lambda>", "f")


# ----------------------------------------------------------------------------------------------- kinds
class Kind:
    """A parameter kind: its strategy, its share of the search box, its decoder and its membership test."""

    examples: tuple = ()

    def width(self, ctx) -> int:
        return 1

    def _examples(self, p, mode):
        return [_resolve(e, p, mode) for e in self.examples]


class real(Kind):
    def __init__(self, lo, hi, *, log: bool = False, nonzero: float = 0.0, examples=()):
        self.lo, self.hi, self.log, self.nonzero, self.examples = lo, hi, log, float(nonzero), tuple(examples)

    def __repr__(self):
        extra = (", log=True" if self.log else "") + (f", nonzero={self.nonzero:g}" if self.nonzero else "")
        return f"real({_show(self.lo)}, {_show(self.hi)}{extra})"

    def describe(self, options=None) -> str:
        lo, hi = _show(self.lo, options), _show(self.hi, options)
        return (("{" + lo + "}" if lo == hi else f"[{lo}, {hi}]") + (" (log scale)" if self.log else "")
                + (f" with |·| ≥ {self.nonzero:g}" if self.nonzero else ""))

    def bounds(self, p, mode):
        return float(_resolve(self.lo, p, mode)), float(_resolve(self.hi, p, mode))

    def _fix(self, v, lo, hi):
        v = min(max(float(v), lo), hi)
        if self.nonzero and abs(v) < self.nonzero:
            v = self.nonzero if (v >= 0 and hi >= self.nonzero) or lo > -self.nonzero else -self.nonzero
        return v

    def box(self, ctx):
        lo, hi = _static(self.lo, ctx.mode, ctx.options), _static(self.hi, ctx.mode, ctx.options)
        if lo is None or hi is None:
            return [(0.0, 1.0)]  # a fraction of the instance's own range
        if self.log:
            return [(math.log10(lo), math.log10(hi))]
        return [(float(lo), float(hi))]

    def decode(self, xs, p, ctx):
        x = float(xs[0])
        lo, hi = self.bounds(p, ctx.mode)
        if _static(self.lo, ctx.mode, ctx.options) is None or _static(self.hi, ctx.mode, ctx.options) is None:
            u = min(max(x, 0.0), 1.0)
            v = lo * (hi / lo) ** u if self.log else lo + u * (hi - lo)
        else:
            v = 10.0**x if self.log else x
        return self._fix(v, lo, hi)

    def draw(self, draw, p, mode):
        lo, hi = self.bounds(p, mode)
        ex = [self._fix(e, lo, hi) for e in self._examples(p, mode)]
        if self.log:
            base = st.floats(math.log10(lo), math.log10(hi)).map(lambda t: 10.0**t)
        else:
            base = st.floats(lo, hi, allow_nan=False)
        nz = self.nonzero
        if nz and lo < nz and hi > -nz:
            parts = ([st.floats(nz, hi)] if hi >= nz else []) + ([st.floats(lo, -nz)] if lo <= -nz else [])
            base = st.one_of(*parts)
        if ex:
            base = st.one_of(st.sampled_from(ex), base)
        return self._fix(draw(base), lo, hi)

    def contains(self, v, p, mode):
        lo, hi = self.bounds(p, mode)
        return isinstance(v, float) and lo <= v <= hi and not (self.nonzero and abs(v) < self.nonzero)


class integer(Kind):
    def __init__(self, lo, hi, *, examples=()):
        self.lo, self.hi, self.examples = lo, hi, tuple(examples)

    def __repr__(self):
        return f"integer({_show(self.lo)}, {_show(self.hi)})"

    def describe(self, options=None) -> str:
        return f"{{{_show(self.lo, options)}, …, {_show(self.hi, options)}}}"

    def bounds(self, p, mode):
        return int(_resolve(self.lo, p, mode)), int(_resolve(self.hi, p, mode))

    def box(self, ctx):
        lo, hi = _static(self.lo, ctx.mode, ctx.options), _static(self.hi, ctx.mode, ctx.options)
        if lo is None or hi is None:
            return [(0.0, 1.0)]
        return [(float(lo), hi + 0.999)]

    def decode(self, xs, p, ctx):
        lo, hi = self.bounds(p, ctx.mode)
        if _static(self.lo, ctx.mode, ctx.options) is None or _static(self.hi, ctx.mode, ctx.options) is None:
            v = lo + int(min(max(float(xs[0]), 0.0), 1.0) * (hi - lo + 1))
        else:
            v = int(math.floor(float(xs[0])))
        return min(max(v, lo), hi)

    def draw(self, draw, p, mode):
        lo, hi = self.bounds(p, mode)
        base = st.integers(lo, hi)
        ex = [min(max(int(e), lo), hi) for e in self._examples(p, mode)]
        if ex:
            base = st.one_of(st.sampled_from(ex), base)
        return draw(base)

    def contains(self, v, p, mode):
        lo, hi = self.bounds(p, mode)
        return isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


class choice(Kind):
    def __init__(self, *values, examples=()):
        if not values:
            raise ValueError("choice needs at least one value")
        self.values, self.examples = tuple(values), tuple(examples)

    def __repr__(self):
        return "choice(" + ", ".join(repr(v) for v in self.values) + ")"

    def describe(self, options=None) -> str:
        return "{" + ", ".join(str(v) for v in self.values) + "}"

    def box(self, ctx):
        return [(0.0, len(self.values) - 0.001)]

    def decode(self, xs, p, ctx):
        return self.values[min(max(int(math.floor(float(xs[0]))), 0), len(self.values) - 1)]

    def draw(self, draw, p, mode):
        base = st.sampled_from(self.values)
        ex = [e for e in self._examples(p, mode) if e in self.values]
        if ex:
            base = st.one_of(st.sampled_from(ex), base)
        return draw(base)

    def contains(self, v, p, mode):
        return v in self.values


class array(Kind):
    def __init__(self, elem: Kind, shape, *, at: dict | None = None, examples=()):
        if isinstance(elem, array):
            raise TypeError("array elements are real, integer or choice; give a shape with several entries instead")
        shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
        if len(shape) not in (1, 2) or not all(isinstance(s, (int, str)) for s in shape):
            raise ValueError(f"array shape {shape!r}: one or two entries, each an int or the name of an integer parameter")
        self.elem, self.shape, self.at, self.examples = elem, shape, dict(at or {}), tuple(examples)

    def __repr__(self):
        at = "" if not self.at else ", at={" + ", ".join(f"{k}: {v!r}" for k, v in self.at.items()) + "}"
        return f"array({self.elem!r}, {self.shape!r}{at})"

    def describe(self, options=None) -> str:
        what = {real: "reals", integer: "integers", choice: "values"}.get(type(self.elem), "entries")
        at = "".join(f" (index {k}: {kind.describe(options)})" for k, kind in self.at.items())
        return f"{'×'.join(str(d) for d in self.shape)} {what} in {self.elem.describe(options)}{at}"

    def dims(self, p):
        return [s if isinstance(s, int) else int(p[s]) for s in self.shape]

    def max_dims(self, ctx):
        return [s if isinstance(s, int) else ctx.int_max[s] for s in self.shape]

    def width(self, ctx):
        return int(np.prod(self.max_dims(ctx)))

    def _kind(self, i, n):
        for k, kind in self.at.items():
            if (k if k >= 0 else n + k) == i:
                return kind
        return self.elem

    def box(self, ctx):
        return self.elem.box(ctx) * self.width(ctx)

    def decode(self, xs, p, ctx):
        full = np.asarray(xs, dtype=float).reshape(self.max_dims(ctx))
        dims = self.dims(p)
        block = full[tuple(slice(0, n) for n in dims)]
        n0 = dims[0]
        if len(dims) == 1:
            return [self._kind(i, n0).decode([block[i]], p, ctx) for i in range(n0)]
        return [[self._kind(i, n0).decode([v], p, ctx) for v in np.ravel(block[i])] for i in range(n0)]

    def _clip(self, value, p, mode):
        n0 = self.dims(p)[0]
        out = []
        for i, row in enumerate(value):
            kind = self._kind(i, n0)
            lo_hi = kind.bounds(p, mode) if hasattr(kind, "bounds") else None
            if isinstance(kind, real):
                fix = lambda v, k=kind, b=lo_hi: k._fix(v, *b)  # noqa: E731
            elif isinstance(kind, integer):
                fix = lambda v, b=lo_hi: min(max(int(v), b[0]), b[1])  # noqa: E731
            else:
                fix = lambda v: v  # noqa: E731
            out.append([fix(v) for v in row] if isinstance(row, (list, tuple)) else fix(row))
        return out

    def draw(self, draw, p, mode):
        dims = self.dims(p)
        ex = [e for e in self._examples(p, mode) if _shape(e) == dims]
        if ex and draw(st.booleans()):
            return self._clip(draw(st.sampled_from(ex)), p, mode)
        n0 = dims[0]

        def one(i):
            kind = self._kind(i, n0)
            if len(dims) == 1:
                return kind.draw(draw, p, mode)
            return [kind.draw(draw, p, mode) for _ in range(int(np.prod(dims[1:])))]

        return [one(i) for i in range(n0)]

    def contains(self, v, p, mode):
        dims = self.dims(p)
        if _shape(v) != dims:
            return False
        n0 = dims[0]
        return all(
            all(self._kind(i, n0).contains(x, p, mode) for x in (row if len(dims) > 1 else [row])) for i, row in enumerate(v)
        )


def _shape(v):
    if isinstance(v, (list, tuple)):
        return [len(v)] + (_shape(v[0])[:] if v and isinstance(v[0], (list, tuple)) else [])
    return []


# --------------------------------------------------------------------------------------------- families
class _Ctx:
    def __init__(self, mode, options, int_max):
        self.mode, self.options, self.int_max = mode, options, int_max


class Family:
    """An instance family implementing the search protocol, derived from one parameter schema."""

    def __init__(self, fn: Callable, params: dict, *, name=None, description=None, derive=None, validate=None, options=None):
        for key, kind in params.items():
            if not isinstance(kind, Kind):
                raise TypeError(f"parameter {key!r}: {kind!r} is not a real/integer/choice/array kind")
            if isinstance(kind, array):
                for s in kind.shape:
                    if isinstance(s, str) and not isinstance(params.get(s), integer):
                        raise ValueError(f"array {key!r}: shape entry {s!r} is not an integer parameter declared before it")
                    if isinstance(s, str) and list(params).index(s) > list(params).index(key):
                        raise ValueError(f"array {key!r}: shape parameter {s!r} must come before it")
        self.fn, self.params, self.derive, self.validate = fn, dict(params), derive, validate
        self.options = dict(options or {})
        sig = inspect.signature(fn)
        try:
            sig.bind_partial(None, None, **self.options)
        except TypeError as e:
            raise TypeError(f"family {fn.__name__}: options {sorted(self.options)} do not fit evaluate{sig}: {e}") from None
        defaults = {k: v.default for k, v in sig.parameters.items() if v.kind is v.KEYWORD_ONLY and v.default is not v.empty}
        self.effective_options = {**defaults, **self.options}  # what evaluate sees, defaults included
        required = [k for k, v in sig.parameters.items() if v.kind is v.KEYWORD_ONLY and v.default is v.empty]
        self.complete = all(k in self.options for k in required)  # every option without default is bound
        if validate is not None and self.options and self.complete:
            validate(**self.effective_options)
        self._name = name
        self.name = _label(name, self.effective_options) if name else fn.__name__.replace("_", "-")
        self._description = description
        self.__doc__ = fn.__doc__

    # ---- identity
    @property
    def description(self) -> str:
        if self._description is not None:
            text = _label(self._description, self.effective_options)
            if text is not None:
                return text
        o = self.effective_options
        parts = [f"{k}: {kind.describe(o)}" if isinstance(kind, array) else f"{k} ∈ {kind.describe(o)}" for k, kind in self.params.items()]
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return "; ".join(parts) + (f" ({opts})" if opts else "")

    def bind(self, **options) -> "Family":
        """A copy with fixed options, passed to ``evaluate`` (and ``derive``) as keyword arguments."""
        new = Family(self.fn, self.params, name=self._name, description=self._description, derive=self.derive,
                     validate=self.validate, options={**self.options, **options})
        return new

    def ref(self) -> str:
        """Where the family is defined: ``package.module:name`` or ``/abs/path/file.py:name``."""
        mod, qual = self.fn.__module__, self.fn.__qualname__
        if "<locals>" in qual:
            raise ValueError(f"family {self.name!r} is defined inside a function ({qual}); define it at module level to replay it")
        m = sys.modules.get(mod)
        if m is not None and not (isinstance(getattr(m, qual, None), Family) and getattr(m, qual).fn is self.fn):
            # declared as ``name = family(...)(fn)``: the module-level name that holds the unbound family
            names = [k for k, v in vars(m).items() if isinstance(v, Family) and v.fn is self.fn and not v.options]
            if names:
                qual = names[0]
        path = loaded_path(mod)
        f = getattr(m, "__file__", None)
        if path is None and f and not _importable_anywhere(mod, f):
            path = os.path.abspath(f)  # a script, a claims file, a module found only from this directory: by path
        return f"{path}:{qual}" if path else f"{mod}:{qual}"

    def replay_source(self) -> tuple[str, str]:
        """``(imports, expression)`` rebuilding this family in a fresh interpreter."""
        expr = f"locate({self.ref()!r})"
        if self.options:
            expr += ".bind(" + ", ".join(f"{k}={v!r}" for k, v in self.options.items()) + ")"
        return "from optverify.counterexamples.schema import locate", expr

    def __repr__(self):
        return self.replay_source()[1]

    def __reduce__(self):  # pickled by where it is defined, as it is replayed
        return _rebuild, (self.ref(), self.options)

    def __eq__(self, other):
        return isinstance(other, Family) and other.fn is self.fn and other.options == self.options

    def __hash__(self):
        return hash((self.fn, tuple(sorted(self.options))))

    # ---- the search protocol
    def _view(self, drawn: dict) -> dict:
        return {**self.effective_options, **drawn}

    def _ctx(self, mode):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        int_max = {}
        for key, kind in self.params.items():
            if isinstance(kind, integer):
                int_max[key] = _static(kind.hi, mode, self.effective_options)
        return _Ctx(mode, self.effective_options, int_max)

    def _finish(self, inst: dict) -> dict:
        if self.derive is not None:
            inst.update(self.derive(dict(inst), **self.effective_options))
        return inst

    def vector_bounds(self, mode):
        ctx = self._ctx(mode)
        out = []
        for key, kind in self.params.items():
            if isinstance(kind, array):
                for s in kind.shape:
                    if isinstance(s, str) and ctx.int_max.get(s) is None:
                        raise ValueError(f"array {key!r}: the upper bound of {s!r} must not depend on other parameters")
            out += kind.box(ctx)
        return out

    def dimension(self, mode):
        return len(self.vector_bounds(mode))

    def decode(self, x, mode):
        ctx = self._ctx(mode)
        x = np.asarray(x, dtype=float)
        inst, i = {}, 0
        for key, kind in self.params.items():
            w = kind.width(ctx)
            inst[key] = kind.decode(x[i : i + w], self._view(inst), ctx)
            i += w
        return self._finish(inst)

    def strategy(self, mode):
        self._ctx(mode)

        @st.composite
        def instances(draw):
            inst = {}
            for key, kind in self.params.items():
                inst[key] = kind.draw(draw, self._view(inst), mode)
            return self._finish(inst)

        return instances()

    def contains(self, inst: dict, mode) -> bool:
        """Does the instance lie in the schema (every parameter within its kind, given the earlier ones)?"""
        seen = {}
        for key, kind in self.params.items():
            if key not in inst or not kind.contains(inst[key], self._view(seen), mode):
                return False
            seen[key] = inst[key]
        return True

    def instance(self, params: dict, mode: str = "thorough") -> dict:
        """The instance with these parameter values (checked against the schema, derived fields added)."""
        if not self.contains(params, mode):
            raise ValueError(f"{self.name}: {params!r} is not in the schema ({self.description})")
        return self._finish({k: params[k] for k in self.params})

    def evaluate(self, inst, num):
        return self.fn(inst, num, **self.options)


def _rebuild(ref: str, options: dict) -> Family:
    fam = locate(ref)
    return fam.bind(**options) if options else fam


def _label(text, options: dict) -> str:
    if callable(text):
        try:
            return text(options)
        except KeyError:  # an option without default, not bound yet
            return None
    try:
        return text.format(**options)
    except (KeyError, IndexError, ValueError):  # braces of the text itself ("z ∈ {a, b}")
        return text


def family(params: dict, *, name=None, description=None, derive=None, validate=None):
    """Decorator: ``@family({...})`` over ``evaluate(p, num, **options) -> dict`` gives a ``Family``.

    ``name`` and ``description`` may be format strings (or callables) of the options,
    ``"adaptive-budget-{algorithm}"``; ``validate(**options)`` raises on a bad ``bind``.
    """

    def wrap(fn):
        return Family(fn, params, name=name, description=description, derive=derive, validate=validate)

    return wrap


class Measured:
    """Wrap a family so that one of its values (or an expression in them) is the measured side."""

    def __init__(self, family, measured: str | None = None, measured_expr=None):
        self.family = family
        self.key = measured
        self.expr = measured_expr
        self.name = family.name
        self.description = family.description
        if measured_expr is not None:
            import sympy as sp

            self._syms = sorted(sp.sympify(measured_expr).free_symbols, key=lambda s: s.name)
            self._expr = sp.sympify(measured_expr)

    def replay_source(self) -> tuple[str, str]:
        """The wrapped family's replay source, wrapped: ``(imports, expression)`` for a fresh interpreter."""
        imports, inner = self.family.replay_source()
        imports += "\nfrom optverify.counterexamples.schema import Measured"
        if self.key is not None:
            return imports, f"Measured({inner}, measured={self.key!r})"
        return imports, f"Measured({inner}, measured_expr={str(self.expr)!r})"

    def __repr__(self):
        return self.replay_source()[1]

    def vector_bounds(self, mode):
        return self.family.vector_bounds(mode)

    def decode(self, x, mode):
        return self.family.decode(x, mode)

    def strategy(self, mode):
        return self.family.strategy(mode)

    def contains(self, inst, mode):
        return self.family.contains(inst, mode)

    def instance(self, params, mode="thorough"):
        return self.family.instance(params, mode)

    def evaluate(self, inst, num):
        vals = dict(self.family.evaluate(inst, num))
        if self.key is not None:
            vals["measured"] = vals[self.key]
        else:
            import sympy as sp

            from optverify.verify.numctx import FloatCtx

            f = sp.lambdify(self._syms, self._expr, "math" if isinstance(num, FloatCtx) else "mpmath")
            vals["measured"] = f(*[vals[s.name] for s in self._syms])
        return vals
