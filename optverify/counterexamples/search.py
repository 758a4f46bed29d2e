"""Random and adversarial search over an instance family, with high-precision replay.

A family provides
  ``name``; ``dimension(mode)`` and ``vector_bounds(mode)`` for the continuous
  parametrisation searched by scipy; ``decode(x, mode) -> instance`` (a JSON-able
  dict); ``strategy(mode)`` — a hypothesis strategy of instances;
  ``evaluate(instance, num) -> dict`` with key ``measured`` and the values of the
  symbols the right-hand side uses, computed in the number context ``num``.

Declare a family with ``optverify.counterexamples.schema.family``: the strategy, the
box and the decoder are then all derived from one parameter schema.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, field
from typing import Any

import mpmath
import numpy as np
import sympy as sp
from scipy import optimize

from optverify.verify.numctx import FloatCtx, MpCtx, show

FLOAT = FloatCtx()
REL_MARGIN_FLOAT = 1e-9  # a float violation smaller than this is not even replayed
REL_MARGIN_REPLAY = 1e-30  # a replayed violation must exceed this relative margin at 50 digits


@dataclass
class Evaluation:
    instance: dict
    measured: float
    rhs: float
    score: float  # measured/rhs for "<=" (violation when > 1); relative gap for "=="

    @property
    def violates(self) -> bool:
        return self.score > 1 + REL_MARGIN_FLOAT


@dataclass
class SearchOutcome:
    worst: Evaluation | None
    evaluated: int = 0
    random_tried: int = 0
    adversarial_evals: int = 0
    replay: dict | None = None
    confirmed: bool = False
    unconfirmed: list = field(default_factory=list)
    stopped_early: bool = False


class RhsEvaluator:
    def __init__(self, rhs: sp.Expr):
        self.rhs = sp.sympify(rhs).replace(lambda e: isinstance(e, sp.Integral), lambda e: e.doit())
        self.symbols = sorted(self.rhs.free_symbols, key=lambda s: s.name)
        self._f = sp.lambdify(self.symbols, self.rhs, "math")

    def float(self, values: dict) -> float:
        args = [int(round(float(values[s.name]))) if s.is_integer else float(values[s.name]) for s in self.symbols]
        return float(self._f(*args))

    def exact(self, values: dict, dps: int = 50):
        subs = {}
        for s in self.symbols:
            v = values[s.name]
            if s.is_integer:
                subs[s] = sp.Integer(int(round(float(v))))
            else:
                subs[s] = sp.Float(mpmath.nstr(v, dps + 5) if not isinstance(v, (int, float)) else v, dps + 5)
        return sp.N(self.rhs.subs(subs).doit(), dps)


def score(measured: float, rhs: float, rel: str) -> float:
    if not (math.isfinite(measured) and math.isfinite(rhs)):
        return -math.inf
    if rel == "==":
        return 1 + abs(measured - rhs) / max(1.0, abs(measured), abs(rhs)) * 1e6
    if rhs > 1e-300:
        return measured / rhs
    return math.inf if measured > 1e-12 else 0.0


def evaluate(family, instance: dict, rhs: RhsEvaluator, rel: str) -> Evaluation:
    """Score an instance in floats; an apparent violation is re-scored from a 50-digit recomputation.

    Floating-point noise (cancellation at an equality case) must never look like
    a violation, so the score of a would-be violation is the exact one.
    """
    vals = family.evaluate(instance, FLOAT)
    m, r = float(vals["measured"]), rhs.float(vals)
    ev = Evaluation(instance, m, r, score(m, r, rel))
    if ev.violates:
        rep = replay(family, instance, rhs, rel)
        m50, r50 = float(sp.Float(rep["measured"])), float(sp.Float(rep["rhs"]))
        if rep["violation_stands"]:
            ev = Evaluation(instance, m50, r50, max(score(m50, r50, rel), 1 + 2 * REL_MARGIN_FLOAT))
        else:
            exact = score(m50, r50, rel)
            ev = Evaluation(instance, m50, r50, min(exact, 1.0) if rel != "==" else 1.0)
    return ev


def replay(family, instance: dict, rhs: RhsEvaluator, rel: str, dps: int = 50) -> dict:
    """Recompute the instance from scratch at ``dps`` digits; report whether the violation stands."""
    num = MpCtx(dps)
    with mpmath.workdps(dps):
        vals = family.evaluate(instance, num)
        m = sp.Float(mpmath.nstr(vals["measured"], dps + 5), dps + 5)
        r = rhs.exact(vals, dps)
    diff = sp.N(m - r, dps)
    scale = max(1, abs(float(m)), abs(float(r)))
    if rel == "==":
        stands = abs(float(diff)) > REL_MARGIN_REPLAY * scale
    else:
        stands = float(diff) > REL_MARGIN_REPLAY * scale
    return {
        "digits": dps,
        "measured": str(sp.N(m, 30)),
        "rhs": str(sp.N(r, 30)),
        "measured_minus_rhs": str(sp.N(diff, 30)),
        "values": {k: show(v, 30) for k, v in vals.items()},
        "violation_stands": bool(stands),
    }


@contextlib.contextmanager
def _no_local_constants():
    """Hypothesis (>= 6.131) mixes into its draws, with probability 0.05 each, constants it parses from the
    *local* modules in ``sys.modules`` (files outside site-packages and the stdlib), within a 100 ms time limit.
    So the same seed drew different instances in a process that had imported different modules (a test
    module, another source's claims, an editable vs a wheel install of optverify) or under load, and a search
    among ties returned a different worst instance.  The search draws only from hypothesis's own, fixed
    constant pool: its instances depend on the seed and the family alone."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # a hypothesis without the mechanism: nothing to hold fixed
        yield
        return
    get = getattr(providers, "_get_local_constants", None)
    if get is None or not hasattr(providers, "Constants"):
        yield
        return
    providers._get_local_constants = providers.Constants
    try:
        yield
    finally:
        providers._get_local_constants = get


def _hypothesis_phase(family, rhs, rel, mode, seed, n, deadline, out: SearchOutcome, maximize: bool = False) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    found: dict[str, Any] = {}

    @hseed(seed)
    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
        derandomize=False,
    )
    @given(family.strategy(mode))
    def probe(inst):
        if time.monotonic() > deadline:
            return
        ev = evaluate(family, inst, rhs, rel)
        out.random_tried += 1
        if out.worst is None or ev.score > out.worst.score:
            out.worst = ev
        if ev.violates and not maximize:
            found["last"] = ev  # hypothesis shrinks: the last failing call is the smallest instance
            raise AssertionError("violation")

    try:
        with _no_local_constants():
            probe()
    except AssertionError:
        pass
    except ExceptionGroup as group:  # distinct or flaky failures come grouped: violations are ours, the rest are errors
        _, rest = group.split(AssertionError)
        if rest is not None:
            raise rest.exceptions[0]
    if "last" in found:
        out.worst = found["last"]


def _adversarial_phase(family, rhs, rel, mode, seed, deadline, out: SearchOutcome, maxiter: int, maximize: bool = False) -> None:
    bounds = family.vector_bounds(mode)
    best: dict[str, Any] = {}

    def objective(x):
        inst = family.decode(np.asarray(x), mode)
        ev = evaluate(family, inst, rhs, rel)
        out.adversarial_evals += 1
        if ev.score > best.get("score", -math.inf):
            best.update(score=ev.score, ev=ev, x=np.array(x))
        return -ev.score if math.isfinite(ev.score) else (1e12 if ev.score < 0 else -1e12)

    def stop(*_a, **_k):
        if time.monotonic() > deadline:
            out.stopped_early = True
            return True
        return not maximize and best.get("score", 0) > 1 + 1e-6

    optimize.differential_evolution(
        objective, bounds, seed=seed, maxiter=maxiter, popsize=POPSIZE, tol=1e-10, polish=False, callback=stop, init="sobol"
    )
    if "x" in best and (maximize or best["score"] <= 1 + 1e-6) and time.monotonic() >= deadline:
        out.stopped_early = True  # the polish is part of the search: skipping it is said, never silent
    elif "x" in best and (maximize or best["score"] <= 1 + 1e-6):
        lo = np.array([b[0] for b in bounds])
        hi = np.array([b[1] for b in bounds])
        optimize.minimize(
            lambda x: objective(np.clip(x, lo, hi)),
            best["x"],
            method="Nelder-Mead",
            options={"maxfev": 400 if mode == "quick" else 3000, "xatol": 1e-10, "fatol": 1e-12},
        )
    if "ev" in best and (out.worst is None or best["ev"].score > out.worst.score):
        out.worst = best["ev"]


POPSIZE = 12  #: differential evolution's population per dimension
QUICK_EVALUATIONS = 2500  #: quick mode's budget of adversarial evaluations (generations × population), whatever the dimension


def _generations(family, mode: str) -> int:
    """Differential evolution's generations: 300 in thorough mode; in quick mode 30, fewer for wide families so that
    a search costs at most about QUICK_EVALUATIONS evaluations (a fixed count, never the clock: the same seed gives the same search)."""
    if mode != "quick":
        return 300
    population = POPSIZE * max(1, len(family.vector_bounds(mode)))
    return max(4, min(30, QUICK_EVALUATIONS // population))


def search(family, rhs: sp.Expr, rel: str, mode: str, seed: int, deadline: float, maximize: bool = False) -> SearchOutcome:
    """Random (hypothesis) then adversarial (differential evolution, Nelder–Mead) search for the largest measured/rhs.

    By default the search stops at the first violation (hypothesis then shrinks it);
    with ``maximize`` it keeps maximising the ratio, to compare it with a sharp value.
    """
    rhs_eval = RhsEvaluator(rhs)
    out = SearchOutcome(worst=None)
    n_random = 60 if mode == "quick" else 1500
    _hypothesis_phase(family, rhs_eval, rel, mode, seed, n_random, deadline, out, maximize)
    wanted = maximize or not (out.worst and out.worst.violates)
    if wanted and time.monotonic() >= deadline:
        out.stopped_early = True
    elif wanted:
        _adversarial_phase(family, rhs_eval, rel, mode, seed, deadline, out, maxiter=_generations(family, mode), maximize=maximize)
    out.evaluated = out.random_tried + out.adversarial_evals
    if out.worst is not None and out.worst.violates:
        out.replay = replay(family, out.worst.instance, rhs_eval, rel)
        out.confirmed = out.replay["violation_stands"]
    elif out.worst is not None:
        out.replay = replay(family, out.worst.instance, rhs_eval, rel)
    return out
