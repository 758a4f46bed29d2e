"""The any-precision reference of a declared update: the same step text, executed on lists of numbers.

The step source of an update (and the step language's words) is executed in
a namespace where sqrt, cos, pi and inf are those of the number context
``num`` (``optverify.verify.numctx``: FloatCtx for floats, MpCtx for 50-digit
mpmath).  The numba kernel is compiled from the very same text
(``codegen.py``), so a certificate's replay and the simulation run one formula.

* ``Step(name, num, **params)``: the update as a function
  ``(t, w, g, state, T, problem) -> (w_next, state_next)`` on lists, copying
  its inputs (for enumerations that branch on the gradient); ``state`` is a
  dict {state name: list} from ``init(w1, problem)``;
* ``trajectory(name, num, w1, grad, T, **params)``: [w_1, ..., w_{T+1}] with
  g_t = grad(t, w_t), or, when ``grad`` is an ``Oracle``, g_t = its gradient
  at w_t with key (t, 0) (a step with ``problem`` asks the oracle itself);
  ``run(...)``: the same with the state after every step (the moments of a
  gradient sequence, the step sizes of an adaptive method).

The oracle words (``grad_at``, ``exact_grad``, ``sample_grad``,
``hessian_at``, ``sample_count``, ``draw_uniform``; ``updates/vocabulary.py``)
are bound here to the methods of the step's ``problem``, an ``Oracle``:
``Oracle.of_family(family, seed, stream, grad_mode)`` is the float twin of
what the generated kernel sees (the family's numba oracle with the same keys);
an ``Oracle`` built from callables in the number context (e.g. exact mpmath
gradients of a quadratic, the components of a finite sum) serves 50-digit
replays.  Keyed draws are the generator's (``blockrng.uniform``), exact
binary fractions, in every context; ``eigh`` is numpy's for floats and
mpmath's ``eigsy`` at the context's precision.

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

from ..updates.vocabulary import CONSTANTS, WORDS
from .declaration import REQUIRED, check_domain, encode
from .runtime import block_bounds

__all__ = ["Step", "Oracle", "run", "trajectory", "namespace"]


class Oracle:
    """The ``problem`` of a reference step: gradients, Hessians and keyed draws in one number context.

    ``grad(x)``: grad L(x); ``stochastic(x, t, k)``: the oracle's gradient at x for key (t, k) (default
    ``grad``: exact gradients); ``component(x, j)``: grad l(x, z_j) of a finite sum with ``n`` samples;
    ``hessian(x)``: a list of rows.  Each takes and returns lists.  ``seed``, ``stream``: the counters
    of ``draw_uniform``.
    """

    def __init__(self, grad=None, stochastic=None, component=None, hessian=None, n: int = 0, seed: int = 0,
                 stream: int = 0):
        self.grad, self.component, self.hessian = grad, component, hessian
        self.stochastic = stochastic or (lambda x, t, k: grad(x))
        self.n, self.seed, self.stream = int(n), int(seed), int(stream)

    @classmethod
    def of_family(cls, family, seed: int = 0, stream: int = 0, grad_mode: str = "stochastic") -> "Oracle":
        """The float oracle a generated kernel sees for ``family`` run at (seed, stream) under ``grad_mode``."""
        import numpy as np

        from .. import families as F

        P = family.P
        gm = F.GRAD_MODES[grad_mode] if isinstance(grad_mode, str) else int(grad_mode)
        arr = lambda x: np.ascontiguousarray(x, dtype=np.float64)  # noqa: E731

        def stochastic(x, t, k):
            x = arr(x)
            return list(F.oracle(P, x, gm, seed, stream, t, k, np.empty_like(x), np.empty_like(x)))

        n = P.A.shape[0] if F.is_finite_sum(P) else 0
        return cls(lambda x: list(family.grad(arr(x))), stochastic,
                   lambda x, j: list(F.component_grad(P, arr(x), j, np.empty(len(x)))),
                   lambda x: [list(r) for r in family.hessian(arr(x))], n, seed, stream)

    def uniform(self, m: int, t: int, i: int) -> float:
        from ..blockrng import uniform
        from ..noise import substream

        return float(uniform(self.seed, substream(self.stream, 0, m), t, i))


def _fill(out, values):
    for i, x in enumerate(values):
        out[i] = x


def _oracle_words(num) -> dict:
    """The oracle words bound to a reference ``Oracle`` (see the module docstring)."""
    mp = getattr(num, "mp", None)

    def eigh(H, lam, Q):
        if mp is None:
            import numpy as np

            el, ev = np.linalg.eigh(np.array(H, dtype=float))
            _fill(lam, map(float, el))
            _fill(Q, [list(map(float, r)) for r in ev])
            return
        E, V = mp.eigsy(mp.matrix(H))
        order = sorted(range(len(H)), key=lambda j: E[j])
        _fill(lam, [E[j] for j in order])
        _fill(Q, [[V[i, j] for j in order] for i in range(len(H))])

    return {
        "grad_at": lambda problem, x, t, k, out: _fill(out, problem.stochastic(list(x), t, k)),
        "exact_grad": lambda problem, x, out: _fill(out, problem.grad(list(x))),
        "sample_grad": lambda problem, x, j, out: _fill(out, problem.component(list(x), j)),
        "hessian_at": lambda problem, x, H: _fill(H, [list(r) for r in problem.hessian(list(x))]),
        "sample_count": lambda problem: problem.n,
        "draw_uniform": lambda problem, m, t, i: problem.uniform(m, t, i),
        "eigh": eigh,
    }


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
        ns.update(CONSTANTS)
        ns.update(_oracle_words(num))
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
        blocks_at = []
        for k, a in enumerate(args):
            bound = u.bound_name(a)
            if a in u.fixed:
                consts.append(_number(num, u.fixed[a]))
            elif bound in states or a == "problem":
                consts.append(None)
            elif params[bound].encoding == "blocks":  # bound at the call, for the iterate's dimension
                blocks_at.append((k, bound))
                consts.append(None)
            else:
                p = params[bound]
                positions.setdefault(bound, []).append(k)
                consts.append(None if p.default is REQUIRED or p.default is None else
                              _number(num, p.default if p.encoding is float else encode(p, p.default)))
        ns[key] = {"update": u, "args": args, "fn": _step_function(num, u.step), "params": params, "positions": positions,
                   "consts": consts, "slots": tuple((k, u.bound_name(a)) for k, a in enumerate(args)
                                                    if u.bound_name(a) in states and a not in u.fixed),
                   "required": [p.name for p in u.params if p.default is REQUIRED],
                   "values": {p.name: p.default for p in u.params if p.default is not REQUIRED},
                   "problem_at": args.index("problem") if u.uses_oracle else None,
                   "blocks_at": tuple(blocks_at),
                   "block_index": {p.name: k for k, p in enumerate(u.params) if p.encoding == "blocks"},
                   "matrices": {st.name for st in u.state if len(st.shape) == 2},
                   # a default None is resolved by the schema's config (e.g. LAMB's beta2 = beta1 as printed)
                   "needs_config": any(p.default is None and p.encoding != "blocks" for p in u.params)}
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
        if lay["needs_config"]:
            params = {k: v for k, v in self.config.values.items() if lay["params"][k].encoding != "blocks"}
        self._consts = self._bound(list(lay["consts"]), params)
        self._bounds = {}  # (argument, d) -> the block boundaries as ints
        self.g = None  # the gradient the last call used

    def _bound(self, consts: list, changes: dict) -> list:
        """``consts`` with the parameters ``changes`` checked by the schema and converted into the number context."""
        lay = _layout(self.update, self.num)
        unknown = set(changes) - set(lay["params"])
        if unknown:
            raise ValueError(f"{self.update.name}: unknown parameter(s) {sorted(unknown)}; known {sorted(lay['params'])}")
        for pname, v in changes.items():
            p = lay["params"][pname]
            if p.encoding == "blocks":  # read from the validated config at the call
                continue
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
        new._bounds = {}
        return new

    @property
    def config(self):
        """The validated ``algorithms.Config`` of the bound parameters (built on first use after ``rebind``)."""
        if self._config is None:
            from ..algorithms.registry import config

            self._config = config(self.update.name, **self._values)
        return self._config

    def init(self, w1, problem: Oracle | None = None) -> dict:
        """The state before step 1 from the start point w_1 (and the problem: n of a finite sum)."""
        zero, one = self.num.num(0), self.num.num(1)
        n = problem.n if problem is not None else 0
        ints = {p.name: encode(p, self.config.values[p.name]) for p in self.update.params if p.encoding is int}
        out = {}
        for s in self.update.state:
            shape = self.update.state_shape(s, len(w1), n, ints)
            if s.init == "w1":
                out[s.name] = [_number(self.num, x) for x in w1]
            elif len(shape) == 1:
                out[s.name] = [zero if s.init == "zero" else one for _ in range(shape[0])]
            else:
                out[s.name] = [[zero if s.init == "zero" else one for _ in range(shape[1])] for _ in range(shape[0])]
        return out

    def __call__(self, t: int, w, g, state: dict, T: int = 0, problem: Oracle | None = None):
        """(w_{t+1}, state after step t) from w_t, g_t and the state before step t; inputs are not modified.

        A step with ``problem`` ignores ``g`` (pass None) and asks ``problem``; the gradient it used is
        then ``self.g``."""
        lay = _layout(self.update, self.num)
        w = [_number(self.num, x) for x in w]
        state = {k: [list(r) for r in v] if k in lay["matrices"] else list(v) for k, v in state.items()}
        args = list(self._consts)
        for k, name in self._slots:
            args[k] = state[name]
        for k, pname in lay["blocks_at"]:
            if (k, len(w)) not in self._bounds:
                packed = self.config.prm[lay["block_index"][pname]:]  # the last parameter (declaration.py)
                self._bounds[k, len(w)] = [int(b) for b in block_bounds(packed, len(w))]
            args[k] = self._bounds[k, len(w)]
        if lay["problem_at"] is not None:
            if problem is None:
                raise ValueError(f"{self.update.name} asks the problem for its gradients: pass problem=Oracle(...)")
            args[lay["problem_at"]] = problem
            g = [self.num.num(0) for _ in w]
        else:
            g = [_number(self.num, x) for x in g]
        self._fn(t, T, w, g, *args)
        self.g = g
        return w, state


def run(name: str, num, w1, grad, T: int, **params) -> tuple:
    """([w_1, ..., w_{T+1}], [state after step 1, ..., after step T]) of the declared update ``name``:
    g_t = grad(t, w_t), or ``grad`` an ``Oracle``."""
    step = Step(name, num, **params)
    w = [_number(num, x) for x in w1]
    problem = grad if isinstance(grad, Oracle) else None
    if problem is not None:
        exact = step.update.exact_gradient

        def grad(t, w):
            return problem.grad(w) if exact else problem.stochastic(w, t, 0)

    state = step.init(w, problem)
    ws, states = [w], []
    for t in range(1, T + 1):
        w, state = step(t, w, None if step.update.uses_oracle else grad(t, w), state, T, problem)
        ws.append(w)
        states.append(state)
    return ws, states


def trajectory(name: str, num, w1, grad, T: int, **params) -> list:
    """[w_1, ..., w_{T+1}] (lists) of the declared update ``name``: g_t = grad(t, w_t), or ``grad`` an ``Oracle``."""
    return run(name, num, w1, grad, T, **params)[0]
