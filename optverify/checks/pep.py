"""Performance estimation: the exact worst case of a deterministic first-order method, per horizon N.

For each N on the grid, PEPit (Drori & Teboulle; Taylor, Hendrickx & Glineur) solves a small SDP
whose value is the worst case of the measured quantity over the function class.  That value is
compared with the printed bound.  A value above the bound is not a refutation by itself: the
worst-case data (iterates, gradients) become a concrete instance —

* the SDP is solved for a class shrunk into the interior of the claim's (L·(1 − δ), μ·(1 + δ),
  G·(1 − δ), radius and gap × (1 − δ)), so the instance has room inside the printed class;
* the printed method is rerun at 50 digits from the SDP's x_0 with the SDP's gradients as oracle
  answers, and the function values are chosen by a longest-path (Bellman–Ford) computation over the
  interpolation conditions, each with a margin TAU: the largest values the class allows;
* :func:`replay` then verifies at 50 digits that every interpolation condition of the class holds
  with a margin, that the initial condition holds, reruns the method, and compares the measured
  quantity with the bound.

Why finite data are a valid instance: by the interpolation theorems (Taylor, Hendrickx & Glineur
2017, Thms 4 and 5; for Lipschitz convex functions the max of the affine pieces
f(x) = max_i f_i + ⟨g_i, x − x_i⟩) data satisfying the conditions are the values and (sub)gradients
of a function of the class, and a first-order method queries the oracle only at its iterates, which
are the data points: the run on that function is the recorded run.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import random
import time
import warnings
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from optverify.claims import specs
from optverify.claims.specs import PerformanceEstimation, Range, pep_k
from optverify.checks.result import CheckContext, CheckResult
from optverify.registry import register
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, REFUTED

DPS = 50
SHRINKS = (1e-6, 1e-4, 1e-3)  # interior margins tried in turn when the instance does not verify
TAU = mpmath.mpf("1e-30")  # margin of every interpolation condition of a replayed instance
SOLVER_TOL = 1e-5  # relative excess of an SDP value over the bound that is solver noise, not a finding
SOLVERS = ("CLARABEL", "SCS")
RESOLUTION = 1e-6  # below this fraction of the first worst case, an SDP value is solver noise
ABS_TOL = 1e-8  # the solver's absolute accuracy, as a fraction of the first worst case


# ---------------------------------------------------------------------------------------------------
# vectors at 50 digits: the same method code runs on PEPit points and on these


class Vec:
    """A vector of mpf with the operations PEPit points have (``a * b`` is the inner product, ``a ** 2`` the squared norm)."""

    __slots__ = ("c",)

    def __init__(self, c):
        self.c = [mpmath.mpf(v) for v in c]

    def __add__(self, o):
        return Vec([a + b for a, b in zip(self.c, o.c)])

    def __sub__(self, o):
        return Vec([a - b for a, b in zip(self.c, o.c)])

    def __neg__(self):
        return Vec([-a for a in self.c])

    def __mul__(self, o):
        if isinstance(o, Vec):
            return mpmath.fsum(a * b for a, b in zip(self.c, o.c))
        return Vec([a * o for a in self.c])

    __rmul__ = __mul__

    def __truediv__(self, s):
        return Vec([a / s for a in self.c])

    def __pow__(self, p):
        assert p == 2
        return self * self


# ---------------------------------------------------------------------------------------------------
# the printed methods, written once for both oracles


class Setting:
    """One point of the constants grid and one horizon: the numbers the method and the bound use.

    Symbols are substituted by name (the horizon, the constants and ``k``, the 0-based step index), so an
    expression rebuilt from its printed form in a certificate evaluates exactly like the claim's own.
    """

    def __init__(self, spec: PerformanceEstimation, values: dict, N: int, exact: bool):
        self.spec, self.values, self.N, self.exact = spec, dict(values), N, exact
        self.byname = {str(k): sp.sympify(v) for k, v in values.items()}
        self.byname[str(spec.horizon)] = sp.Integer(N)

    def num(self, expr, k: int | None = None):
        e = sp.sympify(expr)
        names = dict(self.byname)
        if k is not None:
            names[pep_k.name] = sp.Integer(k)
        e = e.subs({s: names[s.name] for s in e.free_symbols if s.name in names})
        if e.free_symbols:
            raise ValueError(f"no value for {', '.join(sorted(s.name for s in e.free_symbols))} in {sp.sstr(expr)}")
        if self.exact:
            return mpmath.mpf(str(sp.N(e, DPS + 10)))
        return float(e)

    def param(self, name, k):
        return self.num(self.spec.params[name], k)


def run_method(method: str, o, s: Setting, x0):
    """The printed update for N steps; returns the main sequence x_0 … x_N (oracle calls through ``o``)."""
    N = s.N
    xs = [x0]
    if method in ("gradient descent", "online gradient descent"):
        for k in range(N):
            xs.append(xs[k] - s.param("step", k) * o.grad(xs[k], k if method == "online gradient descent" else 0))
    elif method == "heavy ball":
        prev = x0
        for k in range(N):
            nxt = xs[k] - s.param("step", k) * o.grad(xs[k]) + s.param("beta", k) * (xs[k] - prev)
            prev = xs[k]
            xs.append(nxt)
    elif method == "proximal gradient":  # f smooth (the class), h convex: x_{k+1} = prox_{step·h}(x_k − step·∇f(x_k))
        for k in range(N):
            st = s.param("step", k)
            xs.append(o.prox(xs[k] - st * o.grad(xs[k]), st))
    elif method == "nesterov":
        y = x0
        for k in range(N):
            xs.append(y - s.param("step", k) * o.grad(y))
            y = xs[k + 1] + s.param("beta", k) * (xs[k + 1] - xs[k])
    else:
        raise ValueError(f"unknown method {method!r}")
    return xs


def _average(xs, s: Setting):
    acc = xs[0]
    for x in xs[1:]:
        acc = acc + x
    return acc * (1 / s.num(len(xs)))


def measure_terms(measure: str, o, s: Setting, xs, ref):
    """The measured quantity as a list of terms whose minimum it is (PEPit's convention for several metrics)."""
    N = s.N
    if measure == "last gap":
        return [o.value(xs[N]) - o.fstar]
    if measure == "min gap":
        return [o.value(x) - o.fstar for x in xs]
    if measure == "average gap":
        return [o.value(_average(xs[:N], s)) - o.fstar]
    if measure == "sum gap":  # Σ_{k=0}^{N−1} f(x_k) − f* (003 Theorems 2.4@L1889 and 13.3: Σ_{t=1}^T L(w_t) − L(w*))
        total = None
        for x in xs[:N]:
            total = o.value(x) - o.fstar if total is None else total + (o.value(x) - o.fstar)
        return [total]
    if measure == "average gap 1..N":
        return [o.value(_average(xs[1:], s)) - o.fstar]
    if measure == "min grad sq":
        return [o.grad(x) ** 2 for x in xs]
    if measure == "last dist sq":
        return [(xs[N] - ref) ** 2]
    if measure == "regret":
        total = None
        for k in range(N):
            term = o.value(xs[k], k) - o.value(ref, k)
            total = term if total is None else total + term
        return [total]
    raise ValueError(f"unknown measure {measure!r}")


# ---------------------------------------------------------------------------------------------------
# the PEP side


def _class_constants(spec: PerformanceEstimation, s: Setting, delta: float) -> dict:
    """The class constants, shrunk by δ into the interior of the printed class."""
    out = {}
    if spec.L is not None:
        out["L"] = s.num(spec.L) * (1 - delta)
    if spec.mu is not None:
        out["mu"] = s.num(spec.mu) * (1 + delta)
    if spec.G is not None:
        out["G"] = s.num(spec.G) * (1 - delta)
    return out


class _PepOracle:
    def __init__(self, problem, spec, consts, nfun):
        from PEPit.functions import ConvexLipschitzFunction, SmoothConvexFunction, SmoothStronglyConvexFunction

        if spec.function_class == "smooth convex":
            mk = lambda: problem.declare_function(SmoothConvexFunction, L=consts["L"])  # noqa: E731
        elif spec.function_class == "smooth strongly convex":
            mk = lambda: problem.declare_function(SmoothStronglyConvexFunction, mu=consts["mu"], L=consts["L"])  # noqa: E731
        else:
            mk = lambda: problem.declare_function(ConvexLipschitzFunction, M=consts["G"])  # noqa: E731
        self.funcs = [mk() for _ in range(nfun)]
        self.composite = spec.method == "proximal gradient"
        if self.composite:  # function 1 is h, convex; shrunk to δ·L-strongly convex, inside the convex class
            from PEPit.functions import ConvexFunction, StronglyConvexFunction

            d = consts.get("delta_h", 0.0)
            self.funcs.append(problem.declare_function(StronglyConvexFunction, mu=d) if d > 0 else problem.declare_function(ConvexFunction))
        self.queries: list[tuple] = []  # (function index, point, gradient, value)
        self._seen: dict = {}
        self.fstar = 0

    def prox(self, y, step):
        from PEPit.primitive_steps import proximal_step

        x, sub, hx = proximal_step(y, self.funcs[1], step)
        self._seen[(id(x), 1)] = len(self.queries)
        self.queries.append((1, x, sub, hx, True))
        return x

    def _q(self, x, fn):
        key = (id(x), fn)
        if key not in self._seen:
            g, f = self.funcs[fn].oracle(x)
            self._seen[key] = len(self.queries)
            self.queries.append((fn, x, g, f, False))
        return self.queries[self._seen[key]]

    def grad(self, x, fn=0):
        return self._q(x, fn)[2]

    def value(self, x, fn=0):
        if self.composite:  # F = f + h
            return self._q(x, 0)[3] + self._q(x, 1)[3]
        return self._q(x, fn)[3]


def _solve_pep(spec: PerformanceEstimation, s: Setting, delta: float) -> dict:
    """Build and solve one PEP; returns the worst case and the data of the worst-case instance (floats)."""
    from PEPit import PEP

    problem = PEP()
    consts = _class_constants(spec, s, delta)
    regret = spec.measure == "regret"
    if spec.method == "proximal gradient":
        consts["delta_h"] = delta * s.num(spec.L)
    o = _PepOracle(problem, spec, consts, s.N if regret else 1)
    star_grads = None
    if o.composite:
        F = o.funcs[0] + o.funcs[1]
        xstar = F.stationary_point()
        fstar = F(xstar)
        o.fstar = fstar
        ref = xstar
        x0 = problem.set_initial_point()
        star_grads = [o.funcs[0].gradient(xstar)]  # h's subgradient at x* is its negative
    elif regret:
        xstar = fstar = None
        ref = problem.set_initial_point()
        x0 = problem.set_initial_point()
    else:
        xstar = o.funcs[0].stationary_point()
        fstar = o.funcs[0](xstar)
        o.fstar = fstar
        ref = xstar
        x0 = problem.set_initial_point()
    if spec.initial == "distance":
        problem.set_initial_condition((x0 - ref) ** 2 <= (s.num(spec.radius) * (1 - delta)) ** 2)
    else:
        problem.set_initial_condition(o.funcs[0](x0) - fstar <= s.num(spec.gap) * (1 - delta))
    xs = run_method(spec.method, o, s, x0)
    terms = measure_terms(spec.measure, o, s, xs, ref)
    for t in terms:
        problem.set_performance_metric(t)
    last_err = None
    for solver in SOLVERS:
        try:
            with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tau = problem.solve(wrapper="cvxpy", solver=solver, verbose=0)
            status = str(getattr(getattr(problem.wrapper, "prob", None), "status", "unknown"))
            break
        except Exception as exc:  # a solver missing or failing: try the next one
            last_err = f"{solver}: {type(exc).__name__}: {exc}"
    else:
        raise RuntimeError(f"no SDP solver succeeded ({last_err})")
    shift = xstar.eval() if xstar is not None else 0.0
    fs = float(fstar.eval()) if fstar is not None else 0.0
    return {
        "worst_case": float(tau),
        "primal": float(min(t.eval() for t in terms)),
        "solver": solver,
        "status": status,
        "x0": (x0.eval() - shift).tolist(),
        "ref": (ref.eval() - shift).tolist() if regret else None,
        "queries": [{"fn": fn, "x": (x.eval() - shift).tolist(), "g": g.eval().tolist(), "prox": prox,
                     "f": float(f.eval()) - (0.0 if regret else fs)} for fn, x, g, f, prox in o.queries],
        "star_gradient": None if star_grads is None else star_grads[0].eval().tolist(),
        "delta": delta,
    }


# ---------------------------------------------------------------------------------------------------
# the 50-digit side: the instance, its class membership, the replayed run


class _ReplayOracle:
    """Answers the k-th new query with the k-th recorded gradient and value; records where it was asked."""

    def __init__(self, grads, values, fns, prox_points=None):
        self.grads, self.values, self.fns = list(grads), values, fns
        self.prox_points = prox_points or [None] * len(fns)
        self.composite = any(p is not None for p in self.prox_points)
        self.points: list = []
        self._seen: dict = {}
        self.fstar = mpmath.mpf(0)

    def prox(self, y, step):
        """The recorded output x of the k-th proximal step; h's subgradient there is (y − x)/step, computed here."""
        i = len(self.points)
        if i >= len(self.fns) or self.prox_points[i] is None:
            raise ValueError(f"the replayed run takes a proximal step at query {i}, which the instance does not record")
        x = Vec(self.prox_points[i])
        self.grads[i] = (y - x) / step
        self._seen[(id(x), 1)] = i
        self.points.append(x)
        return x

    def _q(self, x, fn):
        key = (id(x), fn)
        if key not in self._seen:
            i = len(self.points)
            if i >= len(self.grads) or self.fns[i] != fn:
                raise ValueError(f"the replayed run asks query {i} of function {fn}, which the instance does not record")
            self._seen[key] = i
            self.points.append(x)
        return self._seen[key]

    def grad(self, x, fn=0):
        return self.grads[self._q(x, fn)]

    def value(self, x, fn=0):
        if self.composite:
            return self.values[self._q(x, 0)] + self.values[self._q(x, 1)]
        return self.values[self._q(x, fn)]


def _condition(cls: str, c: dict, xi, gi, xj, gj):
    """The lower bound the class puts on f_i − f_j (interpolation conditions, Taylor–Hendrickx–Glineur 2017)."""
    lin = gj * (xi - xj)
    if cls in ("convex lipschitz", "convex"):
        return lin
    L, mu = c["L"], c.get("mu", mpmath.mpf(0))
    dg, dx = gi - gj, xi - xj
    return lin + (dg * dg / L + mu * (dx * dx) - 2 * mu / L * ((gj - gi) * (xj - xi))) / (2 * (1 - mu / L))


def _fclass(data: dict, fn: int) -> str:
    """The class of function ``fn``: the claim's, or convex for the h of a proximal method."""
    return "convex" if data.get("star_gradient") is not None and fn == 1 else data["class"]


def _nodes(data: dict, oracle: _ReplayOracle, grads, fn: int):
    """The data points of function ``fn``: (point, gradient, query index or None for x*)."""
    if data.get("star_gradient") is not None:  # x* minimises f + h: ∇f(x*) = g*, h's subgradient −g*, exactly
        g = Vec(data["star_gradient"])
        nodes = [(Vec(data["xstar"]), g if fn == 0 else -g, None)]
    else:
        nodes = [] if data["regret"] else [(Vec(data["xstar"]), Vec([0] * len(data["x0"])), None)]
    nodes += [(oracle.points[i], grads[i], i) for i in range(len(grads)) if data["fns"][i] == fn]
    return nodes


def _max_values(data: dict, cls: str, c: dict, oracle: _ReplayOracle, grads, gap_cap) -> list | None:
    """The largest function values the class allows (anchor: f* = 0, or f(u) = 0 for a regret), each condition with margin TAU.

    Longest paths by Bellman–Ford: f_j ≤ f_i − cond(i, j) − TAU; None when a cycle makes the system infeasible.
    """
    vals = [mpmath.mpf(0)] * len(grads)
    for fn in sorted(set(data["fns"])):
        nodes = _nodes(data, oracle, grads, fn)
        if data["regret"]:  # anchor the comparator's query of this function
            a = next(j for j, (p, _, _) in enumerate(nodes) if p is oracle.ref)
            nodes.insert(0, nodes.pop(a))
        n = len(nodes)
        w = [[None] * n for _ in range(n)]
        for i, j in itertools.permutations(range(n), 2):
            w[i][j] = -_condition(_fclass({**data, "class": cls}, fn), c, nodes[i][0], nodes[i][1], nodes[j][0], nodes[j][1]) - TAU  # f_j ≤ f_i + w_ij
        dist = [mpmath.inf] * n
        dist[0] = mpmath.mpf(0)
        for j in range(1, n):
            dist[j] = w[0][j]
        if gap_cap is not None:  # f(x_0) − f* ≤ gap: an edge from x* to x_0
            j0 = next(j for j, nd in enumerate(nodes) if nd[2] == 0)
            dist[j0] = min(dist[j0], gap_cap)
        for _ in range(n):
            changed = False
            for i, j in itertools.permutations(range(n), 2):
                if dist[i] + w[i][j] < dist[j]:
                    dist[j] = dist[i] + w[i][j]
                    changed = True
            if not changed:
                break
        else:
            return None
        if dist[0] < 0:
            return None
        for j, (_, _, q) in enumerate(nodes):
            if q is not None:
                vals[q] = dist[j] - dist[0]
    return vals


def _setting_from(data: dict) -> Setting:
    """The setting a certificate describes, rebuilt from its printed expressions."""
    e = lambda v: None if v is None else sp.sympify(v)  # noqa: E731
    spec = PerformanceEstimation(
        function_class=data["class"], method=data["method"], measure=data["measure"], horizon=sp.Symbol(data["horizon"][0]),
        params={k: sp.sympify(v) for k, v in data["params"].items()}, initial=data["initial"], radius=e(data["radius"]),
        gap=e(data["gap"]), L=e(data["L"]), mu=e(data["mu"]), G=e(data["G"]))
    return Setting(spec, {sp.Symbol(k): sp.sympify(v) for k, v in data["constants"].items()}, int(data["horizon"][1]), exact=True)


def replay(data: dict) -> dict:
    """Verify a worst-case instance at 50 digits and rerun the printed method on it.

    ``data`` is the certificate's ``instance``: the method and its parameters, the class and its
    constants (the claim's, not shrunk), x_0 (and x* or the comparator u), the oracle answers
    (gradients and values, in query order) and the bound.  Returns the class margins, the measured
    quantity, the bound and whether it is violated — all computed here, nothing taken on trust.
    """
    with mpmath.workdps(DPS):
        s = _setting_from(data)
        spec = s.spec
        grads = [None if g is None else Vec(g) for g in data["gradients"]]
        vals = [mpmath.mpf(v) for v in data["values"]]
        o = _ReplayOracle(grads, vals, data["fns"], data.get("prox_points"))
        ref = Vec(data["ref"]) if data["regret"] else Vec(data["xstar"])
        o.ref = ref
        x0 = Vec(data["x0"])
        xs = run_method(spec.method, o, s, x0)
        terms = measure_terms(spec.measure, o, s, xs, ref)
        measured = min(terms)
        grads = o.grads  # with h's subgradients at the proximal points, computed by the run
        c = {k: s.num(getattr(spec, k)) for k in ("L", "mu", "G") if getattr(spec, k) is not None}
        # class membership: every interpolation condition, with its margin
        margin = mpmath.inf
        for fn in sorted(set(data["fns"])):
            nodes = _nodes(data, o, grads, fn)
            fv = [mpmath.mpf(0) if q is None else vals[q] for _, _, q in nodes]
            for i, j in itertools.permutations(range(len(nodes)), 2):
                m = fv[i] - fv[j] - _condition(_fclass(data, fn), c, nodes[i][0], nodes[i][1], nodes[j][0], nodes[j][1])
                margin = min(margin, m)
            if _fclass(data, fn) == "convex lipschitz":
                margin = min(margin, *(c["G"] ** 2 - g ** 2 for _, g, _ in nodes))
        if data["initial"] == "distance":
            init = s.num(spec.radius) ** 2 - (x0 - ref) ** 2
        else:
            init = s.num(spec.gap) - vals[0]
        bound = s.num(data["bound"])
        in_class = margin > TAU / 2 and init > TAU / 2  # an explicit margin, far above 50-digit rounding
        return {
            "in_class": bool(in_class),
            "class_margin": mpmath.nstr(margin, 6),
            "initial_condition_margin": mpmath.nstr(init, 6),
            "measured": mpmath.nstr(measured, 30),
            "bound": mpmath.nstr(bound, 30),
            "measured_minus_bound": mpmath.nstr(measured - bound, 20),
            "ratio": mpmath.nstr(measured / bound, 15) if bound != 0 else "inf",
            "violates": bool(in_class and measured - bound > TAU),
            "iterates": [[mpmath.nstr(v, 12) for v in x.c] for x in xs],
        }


def _ser(e):
    """An expression as sympy's srepr (symbols keep their names and assumptions; β is never read as the beta function)."""
    return None if e is None else sp.srepr(sp.sympify(e))


def _instance(spec: PerformanceEstimation, s: Setting, sol: dict, rhs) -> dict | None:
    """The certificate data of the SDP's worst case: method rerun at 50 digits, values by longest paths."""
    regret = spec.measure == "regret"
    # the data as the certificate prints it, parsed here exactly as the replay will parse it
    x0s = [repr(float(v)) for v in sol["x0"]]
    refs = None if not regret else [repr(float(v)) for v in sol["ref"]]
    gs = [None if q.get("prox") else [repr(float(v)) for v in q["g"]] for q in sol["queries"]]
    fns = [q["fn"] for q in sol["queries"]]
    prox_points = [[repr(float(v)) for v in q["x"]] if q.get("prox") else None for q in sol["queries"]]
    star = None if sol.get("star_gradient") is None else [repr(float(v)) for v in sol["star_gradient"]]
    with mpmath.workdps(DPS):
        grads = [None if g is None else Vec(g) for g in gs]
        o = _ReplayOracle(grads, [mpmath.mpf(0)] * len(grads), fns, prox_points if star is not None else None)
        ref = Vec(refs) if regret else Vec([0] * len(x0s))
        o.ref = ref
        xs = run_method(spec.method, o, s, Vec(x0s))
        measure_terms(spec.measure, o, s, xs, ref)
        grads = o.grads
        data = {"regret": regret, "xstar": [0] * len(x0s), "x0": x0s, "fns": fns, "star_gradient": star, "class": spec.function_class}
        c = {k: s.num(getattr(spec, k)) for k in ("L", "mu", "G") if getattr(spec, k) is not None}
        cap = s.num(spec.gap) * (1 - mpmath.mpf(sol["delta"])) if spec.initial == "gap" else None
        vals = _max_values(data, spec.function_class, c, o, grads, cap)
        if vals is None:
            return None
    horizon = spec.horizon
    return {
        "class": spec.function_class, "method": spec.method, "measure": spec.measure,
        "horizon": [horizon.name, s.N],
        "params": {k: _ser(v) for k, v in spec.params.items()},
        "initial": spec.initial,
        "radius": _ser(spec.radius), "gap": _ser(spec.gap), "L": _ser(spec.L), "mu": _ser(spec.mu), "G": _ser(spec.G),
        "constants": {str(k): _ser(v) for k, v in s.values.items()},
        "bound": _ser(rhs),
        "bound_printed": sp.sstr(rhs),
        "regret": regret,
        "x0": x0s,
        "xstar": [0] * len(x0s),
        "ref": refs,
        "gradients": gs,
        "prox_points": prox_points if star is not None else None,
        "star_gradient": star,
        "fns": fns,
        "values": [mpmath.nstr(v, DPS) for v in vals],
    }


def snippet(instance: dict) -> str:
    return ("from optverify.checks.pep import replay\n"
            f"r = replay({instance!r})\n"
            "print(r['in_class'], r['violates'], r['measured'], r['bound'])\n")


# ---------------------------------------------------------------------------------------------------
# the check


def _grid(spec: PerformanceEstimation, ctx: CheckContext) -> list[dict]:
    """Constant values: numbers as given; each Range sampled (2 points quick, 4 thorough)."""
    ranges = {k: v for k, v in spec.constants.items() if isinstance(v, Range)}
    fixed = {k: sp.sympify(v) for k, v in spec.constants.items() if not isinstance(v, Range)}
    if not ranges:
        return [fixed]
    rng = random.Random(ctx.substream(f"pep:{spec.part}"))
    out = []
    for _ in range(4 if ctx.thorough else 2):
        pt = dict(fixed)
        for k, r in ranges.items():
            lo, hi = float(r.lo), float(r.hi)
            lo, hi = (max(lo, 1e-3) if not math.isfinite(lo) else lo), (min(hi, 1e3) if not math.isfinite(hi) else hi)
            u = lo + (hi - lo) * (0.05 + 0.9 * rng.random())
            pt[k] = sp.Integer(round(u)) if r.integer else sp.nsimplify(round(u, 4), rational=True)
        out.append(pt)
    return out


def _fmt(values: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in values.items())


def _trend(Ns, taus) -> dict:
    """Fitted trend of the worst case in N: power law and geometric rate (least squares in logs)."""
    Ns, taus = np.asarray(Ns, float), np.asarray(taus, float)
    if len(Ns) < 3 or np.any(taus <= 0):
        return {}
    p = np.polyfit(np.log(Ns), np.log(taus), 1)
    g = np.polyfit(Ns, np.log(taus), 1)
    rp = float(np.sum((np.polyval(p, np.log(Ns)) - np.log(taus)) ** 2))
    rg = float(np.sum((np.polyval(g, Ns) - np.log(taus)) ** 2))
    best = "power" if rp <= rg else "geometric"
    return {"power_law_exponent": float(p[0]), "power_law_residual": rp, "geometric_factor_per_step": float(np.exp(g[0])),
            "geometric_residual": rg, "better_fit": best,
            "reads": (f"worst case ≈ {math.exp(p[1]):.4g}·N^{p[0]:.3f}" if best == "power" else f"worst case ≈ {math.exp(g[1]):.4g}·{math.exp(g[0]):.4g}^N")}


def evaluate(spec: PerformanceEstimation, ctx: CheckContext) -> dict:
    """The PEP worst case per (constants, N), its ratio to the bound in force, and a replayed instance where it exceeds it."""
    try:
        import PEPit  # noqa: F401
        import cvxpy
    except Exception as exc:
        return {"unavailable": f"PEPit or cvxpy is not importable ({type(exc).__name__}: {exc}); pip install pepit clarabel"}
    if not any(s in cvxpy.installed_solvers() for s in SOLVERS):
        return {"unavailable": f"no open-source SDP solver among {', '.join(SOLVERS)} is installed for cvxpy"}
    rhs = None if spec.rhs is None else ctx.resolve(sp.sympify(spec.rhs))
    horizons = list(spec.thorough_horizons if ctx.thorough else spec.horizons)
    rows, refutation, stopped = [], None, False
    stop_at = time.monotonic() + 0.8 * ctx.remaining()  # leave a share of the claim's budget to the checks after this one
    for values in _grid(spec, ctx):
        scale = None  # the worst case at the first horizon: the size the solver's absolute accuracy is measured against
        for N in horizons:
            if ctx.remaining() < 1.0 or time.monotonic() > stop_at:
                stopped = True
                break
            fl = Setting(spec, values, N, exact=False)
            sol = _solve_pep(spec, fl, 0.0)  # the printed class itself: the exact worst case
            row = {"constants": {str(k): str(v) for k, v in values.items()}, "N": N, "worst_case": sol["worst_case"],
                   "primal_worst_case": sol["primal"], "solver": sol["solver"], "status": sol["status"]}
            scale = sol["worst_case"] if scale is None else scale
            row["scale"] = scale
            if rhs is not None:
                b = fl.num(rhs)
                row["bound"] = b
                row["ratio"] = sol["worst_case"] / b if b > 0 else math.inf
                # an SDP resolves values to about RESOLUTION of its scale; an inaccurate solve resolves nothing past the bound
                if b < RESOLUTION * abs(scale) or (sol["status"] != "optimal" and row["ratio"] > 1):
                    row["unresolved"] = (f"bound {b:.3g} below the solver's resolution ({RESOLUTION:g} of the worst case {scale:.3g} at the first N)"
                                         if b < RESOLUTION * abs(scale) else f"solver status {sol['status']}")
            if spec.tight is not None:
                row["tight"] = fl.num(spec.tight)
                row["worst_case_over_tight"] = sol["worst_case"] / row["tight"] if row["tight"] > 0 else None
            row["worst_case_data"] = _display(sol)
            # below 1 + 1e-7 the excess is smaller than the interior shrink takes off: no instance could break the bound
            if rhs is not None and "unresolved" not in row and sol["worst_case"] > row["bound"] * (1 + 1e-7) and refutation is None:
                row["replay"] = _try_refute(spec, ctx, values, N, rhs, sol)
                if row["replay"].get("violates"):
                    refutation = row
            rows.append(row)
            last = (values, N, sol)
            ctx.check_time()
        if stopped:
            break
    witness = None
    if rhs is None and rows and ctx.remaining() > 3.0:  # no bound: certify the last worst case as a concrete instance
        values, N, sol = last
        r = _try_refute(spec, ctx, values, N, sp.Integer(0), sol)
        if r.get("in_class"):
            inst = r.pop("instance")
            witness = {"N": N, "constants": {str(k): str(v) for k, v in values.items()}, "measured": r["measured"],
                       "class_margin": r["class_margin"], "shrink": r["shrink"], "iterates": r["iterates"], "instance": inst,
                       "replay_snippet": snippet(inst)}
    return {"rows": rows, "refutation": refutation, "stopped_at_budget": stopped, "rhs": rhs, "witness": witness}


def _try_refute(spec, ctx, values, N, rhs, sol) -> dict:
    ex = Setting(spec, values, N, exact=True)
    for delta in SHRINKS:
        if delta != sol["delta"]:
            if ctx.remaining() < 2.0:
                return {"violates": False, "note": "no time left to shrink the instance further"}
            sol = _solve_pep(spec, Setting(spec, values, N, exact=False), delta)
        inst = _instance(spec, ex, sol, rhs)
        if inst is None:
            continue
        r = replay(inst)
        if r["in_class"]:
            r["instance"] = inst
            r["shrink"] = delta
            return r
    return {"violates": False, "note": "the worst-case data did not verify as an instance of the class at any shrink " + ", ".join(map(str, SHRINKS))}


def _display(sol: dict) -> dict:
    """The worst-case iterates in the coordinates of their principal subspace (6 significant digits)."""
    X = np.array([sol["x0"]] + [q["x"] for q in sol["queries"]] + [q["g"] for q in sol["queries"]], float)
    u, sv, vt = np.linalg.svd(X, full_matrices=False)
    r = max(1, int(np.sum(sv > 1e-6 * max(sv.max(), 1e-300))))
    Y = X @ vt[:r].T
    n = len(sol["queries"])
    rd = lambda a: [float(f"{v:.6g}") for v in a]  # noqa: E731
    return {"dimension": r, "x0": rd(Y[0]), "points": [rd(y) for y in Y[1:n + 1]], "gradients": [rd(y) for y in Y[n + 1:]],
            "values": [float(f"{q['f']:.6g}") for q in sol["queries"]]}


@register(specs.PerformanceEstimation)
def check_pep(spec: PerformanceEstimation, ctx: CheckContext) -> CheckResult:
    out = evaluate(spec, ctx)
    if "unavailable" in out:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, out["unavailable"], {"dependency": out["unavailable"]})
    rows, rhs = out["rows"], out["rhs"]
    evidence: dict[str, Any] = {
        "function_class": spec.function_class, "method": spec.method, "params": {k: sp.sstr(v) for k, v in spec.params.items()},
        "measure": spec.measure, "initial": spec.initial, "bound": None if rhs is None else sp.sstr(rhs),
        "pep_table": [{k: v for k, v in r.items() if k not in ("worst_case_data", "replay")} for r in rows],
        "worst_case_iterates": [{"N": r["N"], "constants": r["constants"], **r["worst_case_data"]} for r in rows],
        "stopped_at_budget": out["stopped_at_budget"],
    }
    if spec.tight is not None:
        evidence["tight"] = sp.sstr(spec.tight)
        evidence["tight_reference"] = spec.tight_reference
    if spec.wider_class:
        evidence["wider_class"] = spec.wider_class
    if not rows:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "no PEP was solved within the budget", evidence)
    unresolved = [r for r in rows if "unresolved" in r]
    if unresolved:
        evidence["unresolved"] = [{"N": r["N"], "constants": r["constants"], "why": r["unresolved"]} for r in unresolved]
    rows = [r for r in rows if "unresolved" not in r]
    if not rows:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE, "every horizon's bound is below the solver's resolution", evidence)
    per_const: dict = {}
    for r in rows:
        per_const.setdefault(tuple(sorted(r["constants"].items())), []).append(r)
    evidence["trend"] = [{"constants": dict(k), **_trend([r["N"] for r in rs], [r["worst_case"] for r in rs])} for k, rs in per_const.items()]
    Nmax = max(r["N"] for r in rows)
    inaccurate = [r["N"] for r in rows if r["status"] != "optimal"]
    if inaccurate:
        evidence["solver_inaccurate_at_N"] = inaccurate
    acc = " (the solver reports an inaccurate solution at N = " + ", ".join(map(str, inaccurate)) + ")" if inaccurate else ""
    values = ", ".join(f"N={r['N']}: {r['worst_case']:.4g}" for r in rows[:12])
    if rhs is None:
        w = out.get("witness")
        wtxt = ""
        if w is not None:
            evidence["certified_instance"] = w
            wtxt = (f"; a {spec.function_class} function verified at 50 digits (margin {w['class_margin']}) reaches {w['measured'][:10]} "
                    f"at N = {w['N']} (replay snippet in the evidence)")
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                           f"no bound is printed; exact worst case of the {spec.measure} per N: {values}; "
                           + "; ".join(t.get("reads", "") for t in evidence["trend"] if t.get("reads")) + wtxt + acc, evidence)
    evidence["sharp_ratio_per_N"] = {f"N={r['N']} ({_fmt(r['constants'])})": r["ratio"] for r in rows}
    worst = max(rows, key=lambda r: r["ratio"])
    evidence["worst_ratio"] = worst["ratio"]
    ref = out["refutation"]
    if ref is not None:
        rep = ref["replay"]
        inst = rep.pop("instance")
        cert = {
            "function": (f"a {spec.function_class} function ({_fmt(ref['constants'])}) interpolating the recorded data: its values and "
                         "(sub)gradients at the iterates satisfy every interpolation condition of the class at 50 digits with margin "
                         f"{rep['class_margin']} (Taylor, Hendrickx & Glineur 2017); the SDP was solved for a class shrunk by "
                         f"{rep['shrink']:g} into the interior"),
            "N": ref["N"],
            "what_the_algorithm_did": f"{spec.method} with {', '.join(f'{k} = {sp.sstr(v)}' for k, v in spec.params.items())} for N = {ref['N']} steps; iterates {rep['iterates']}",
            "measured": rep["measured"], "bound": rep["bound"], "measured_minus_bound": rep["measured_minus_bound"], "ratio": rep["ratio"],
            "sdp_worst_case": ref["worst_case"],
            "instance": inst,
            "replay_snippet": snippet(inst),
        }
        if spec.wider_class:
            evidence["instance_outside_claim_class"] = cert
            return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                               f"a replayed instance of the wider PEP class exceeds the bound at N = {ref['N']} (ratio {rep['ratio'][:8]}), "
                               f"but that class is wider than the claim's: {spec.wider_class}", evidence)
        return CheckResult(spec.strategy, spec.part, REFUTED,
                           f"at N = {ref['N']} ({_fmt(ref['constants'])}) the exact worst case is {ref['worst_case']:.6g} > bound {ref['bound']:.6g}; "
                           f"a {spec.function_class} instance replayed at 50 digits gives {rep['measured'][:12]} (ratio {rep['ratio'][:8]})", evidence, cert)
    # past the bound beyond the solver's accuracy: relative SOLVER_TOL, and absolute ABS_TOL of the problem's scale
    over = [r for r in rows if r["ratio"] > 1 + SOLVER_TOL and r["worst_case"] - r["bound"] > ABS_TOL * abs(r["scale"])]
    tight = ""
    if spec.tight is not None:
        tight = "; exact worst case / closed form " + ", ".join(f"{r['worst_case_over_tight']:.6f}" for r in rows if r.get("worst_case_over_tight") is not None)[:200]
    varying = [k for k in rows[0]["constants"] if len({r["constants"][k] for r in rows}) > 1]
    groups: dict = {}
    for r in rows:
        groups.setdefault(", ".join(f"{k} = {r['constants'][k]}" for k in varying), []).append(f"N={r['N']}: {r['ratio']:.6g}")
    sharp = "; ".join((f"({g}) " if g else "") + ", ".join(v) for g, v in list(groups.items())[:4])
    if over:
        return CheckResult(spec.strategy, spec.part, INCONCLUSIVE,
                           f"the SDP worst case exceeds the bound (ratio {worst['ratio']:.6g} at N = {worst['N']}) but no instance replayed past it",
                           evidence)
    trend = "; ".join(t.get("reads", "") for t in evidence["trend"] if t.get("reads"))
    if unresolved:
        acc += f"; {len(unresolved)} (constants, N) pair(s) not resolved by the solver (listed in the evidence)"
    return CheckResult(spec.strategy, spec.part, CONSISTENT,
                       f"exact worst case ≤ bound (to the solver's tolerance: {SOLVER_TOL:g} relative, {ABS_TOL:g} of the first worst case) for every N ≤ {Nmax} on the grid: sharp ratio {sharp}{tight}"
                       + (f"; {trend}" if trend else "") + acc + " (per-N certificates, not a proof for every N)", evidence)


def sharp_constants(spec: PerformanceEstimation, ctx: CheckContext):
    """For ``optverify tighten``: the sharp constant c_N = worst case / bound per N, and the smallest c with worst ≤ c·bound on the grid."""
    from optverify.bounds.tighten import tighten_samples

    out = evaluate(spec, ctx)
    if "unavailable" in out:
        raise RuntimeError(out["unavailable"])
    rows = [r for r in out["rows"] if r.get("bound", 0) > 0 and "unresolved" not in r]
    if not rows:
        raise RuntimeError("no PEP with a positive bound was solved")
    res = tighten_samples([r["worst_case"] for r in rows], [r["bound"] for r in rows],
                          [f"N={r['N']} ({_fmt(r['constants'])})" for r in rows])
    return rows, res
