"""The public API: everything a claims file needs, importable as ``import optverify as ov``.

A claims file declares a :class:`Source`, then one claim per printed statement::

    import optverify as ov
    from optverify.notation import H, T, D

    notes = ov.Source("lecture7.md")

    notes.claim("Thm 2", 40, "gradient descent on smooth convex functions", "inequality",
                "f(x_T) − f* ≤ H D²/(2T)", printed="f(x_T) - f^* \\\\le \\\\frac{H D^2}{2T}",
                symbols={"H": H, "D": D, "T": T}, bound=H * D**2 / (2 * T),
                checks=[ov.InstanceSearch(my_family, ov.BOUND)])

and ``optverify run --claims lecture7_claims.py`` decides them.  The reference
is ``docs/api.md``.
"""

from __future__ import annotations

from optverify import notation
from optverify.budget import Budget, BudgetExceeded
from optverify.checks.result import CheckContext, CheckResult
from optverify.claims import use
from optverify.claims.model import BOUND, KINDS, Claim, ClaimError, Corrected, Location
from optverify.claims.sources import Source

from optverify.counterexamples.schema import Family, Measured, array, choice, family, integer, real
from optverify.claims.specs import (
    Diagonalizable,
    Identity,
    Induction,
    Inequality,
    InstanceSearch,
    IterateLimit,
    LengthInduction,
    Limit,
    Moment,
    NamedLemma,
    NonConvergence,
    NotCheckable,
    ParameterChoice,
    PeriodicRegret,
    ProofComposition,
    ProofStep,
    Pseudocode,
    Range,
    RateCounterexample,
    RegretProbe,
    PerformanceEstimation,
    pep_k,
    Scaling,
    Semialgebraic,
    Sharp,
    Simulation,
    Spec,
    closed,
    integers,
    left_open,
    open_,
    right_open,
)
from optverify.errors import UserError
from optverify.registry import register
from optverify.verdicts import CONSISTENT, INCONCLUSIVE, NOT_CHECKABLE, PROVED, REFUTED, VERDICTS

__all__ = [
    # sources and claims
    "Source", "Claim", "Corrected", "Location", "BOUND", "KINDS", "ClaimError", "UserError", "use", "notation",
    # instance families, from one parameter schema
    "family", "Family", "real", "integer", "choice", "array", "Measured",
    # parameter ranges
    "Range", "closed", "open_", "left_open", "right_open", "integers",
    # checks
    "Spec", "Identity", "Induction", "Inequality", "Limit", "InstanceSearch", "Sharp", "Simulation", "Pseudocode",
    "Scaling", "Moment", "ParameterChoice", "Diagonalizable", "NonConvergence", "RateCounterexample", "IterateLimit",
    "PeriodicRegret", "RegretProbe", "NotCheckable", "PerformanceEstimation", "pep_k", "Semialgebraic", "LengthInduction",
    "NamedLemma", "ProofStep", "ProofComposition",
    # an update of one's own, run by the simulation engine
    "declare_update", "Param", "State", "REQUIRED",
    # writing a check of one's own
    "register", "CheckResult", "CheckContext", "Budget", "BudgetExceeded",
    # deciding
    "decide", "MODES", "VERDICTS", "PROVED", "REFUTED", "CONSISTENT", "INCONCLUSIVE", "NOT_CHECKABLE",
]

MODES = ("quick", "thorough")

_ENGINE_NAMES = ("Param", "State", "REQUIRED")


def __getattr__(name: str):
    # the declaration types live in the simulation package, imported (with numba) only when asked for
    if name in _ENGINE_NAMES:
        from optverify.sim.engine import declaration as _declare

        return getattr(_declare, name)
    raise AttributeError(f"module 'optverify.api' has no attribute {name!r}")


def declare_update(name: str, step, params, state=(), source: str = "", doc: str = "", fixed=None,
                   exact_gradient: bool = False):
    """Declare an update of one's own: ``step(t, T, w, g, [problem,] <state>, <params>)`` in the step language.

    With ``problem`` the step calls the oracle words itself (``grad_at``, ``exact_grad``, ``sample_grad``,
    ``hessian_at``, ...: ``optverify.sim.updates.vocabulary``) and writes the gradient it uses into ``g``.

    It then runs on the same engine as the printed updates: ``optverify.sim.config(name, ...)``,
    ``run``, ``simulate``, ``simulate_moments``, and its any-precision reference
    (``optverify.sim.engine.reference``).  The numba module is generated and jitted at run time
    (cached by content).  See ``optverify.sim.engine.declaration`` for ``Param`` and ``State``.
    """
    from optverify.sim.engine import declare

    return declare(name, step, params, state, source, doc, fixed, exact_gradient)


def decide(claims, mode: str = "quick", seed: int = 0, budget: float | None = None, *, jobs: int = 2) -> list[dict]:
    """Decide claims and return their report entries (the dicts of ``report.json``'s ``claims``), in claim order.

    ``claims``: a :class:`Claim`, a list of them, a :class:`Source` (its claims), or claim ids / glob
    patterns of claims in use.  ``mode`` is ``"quick"`` or ``"thorough"``; ``seed`` fixes every random
    choice (same seed and mode, same entries); ``budget`` is the time limit per claim in seconds
    (default 30 quick, 300 thorough).  Each claim runs in its own process, ``jobs`` at a time.
    """
    from optverify.claims import match
    from optverify.runner import run

    if mode not in MODES:
        raise UserError(f"unknown mode {mode!r}: use quick or thorough")
    if budget is not None and not budget > 0:
        raise UserError("budget must be a positive number of seconds")
    if isinstance(claims, (Claim, str)):
        claims = [claims]
    elif isinstance(claims, Source):
        claims = list(claims.claims)
    todo: list[Claim] = []
    for c in claims:
        todo.extend(match([c]) if isinstance(c, str) else [c])
    entries, interrupted = run(todo, mode, seed, budget=budget, jobs=jobs)
    if interrupted:
        raise KeyboardInterrupt
    return entries
