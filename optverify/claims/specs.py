"""Check specifications: what a claim asks to be checked, as plain data.

Each spec names one strategy and carries the mathematics it needs (sympy
expressions, parameter domains, an instance family).  ``part`` names the link
of the printed statement the spec decides: specs sharing a part decide the same
relation (any decisive one settles it); distinct parts are links of a chain,
all of which must hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import sympy as sp


@dataclass(frozen=True)
class Range:
    """A parameter range; ``lo``/``hi`` may be ±sympy.oo."""

    lo: Any
    hi: Any
    lo_open: bool = False
    hi_open: bool = False
    integer: bool = False

    def as_tuple(self):
        return (self.lo, self.hi, "open" if self.lo_open else "closed", "open" if self.hi_open else "closed")


def closed(lo, hi) -> Range:
    return Range(sp.sympify(lo), sp.sympify(hi))


def open_(lo, hi) -> Range:
    return Range(sp.sympify(lo), sp.sympify(hi), True, True)


def left_open(lo, hi) -> Range:
    return Range(sp.sympify(lo), sp.sympify(hi), True, False)


def right_open(lo, hi) -> Range:
    return Range(sp.sympify(lo), sp.sympify(hi), False, True)


def integers(lo, hi) -> Range:
    return Range(sp.Integer(lo), sp.sympify(hi), integer=True)


def _error(msg: str):
    from optverify.claims.model import ClaimError

    return ClaimError(msg)


def _with_bound(expr, bound):
    """``expr`` with the BOUND placeholder replaced by the claim's bound (an error when there is none)."""
    from optverify.claims.model import BOUND

    e = sp.sympify(expr)
    if BOUND in e.free_symbols:
        if bound is None:
            raise _error("uses BOUND, but the claim declares no bound=")
        e = e.subs(BOUND, bound)
    return e


def _need_rel(rel: str, allowed: tuple) -> None:
    if rel not in allowed:
        raise _error(f"rel is one of {', '.join(allowed)}; got {rel!r}")


def _need_ranges(domain: dict, exprs, what: str = "domain", exempt=()) -> None:
    for key, rng in domain.items():
        if not isinstance(key, sp.Symbol):
            raise _error(f"{what} keys are sympy Symbols, got {key!r}")
        if not isinstance(rng, Range):
            raise _error(f"{what}[{key}] is {rng!r}; give a range (closed(lo, hi), open_(lo, hi), integers(lo, hi), …)")
    free = set().union(*(e.free_symbols for e in exprs)) - set(exempt)
    missing = sorted(s.name for s in free if isinstance(s, sp.Symbol) and s not in domain)
    if missing:
        raise _error(f"no range in {what} for {', '.join(missing)}")


@dataclass(kw_only=True)
class Spec:
    """Fields every spec has: the link of the printed chain it decides, and a note for the reader.

    ``validate(bound)`` is called when the claim is declared: a malformed spec
    raises :class:`~optverify.claims.model.ClaimError` there, not at run time.
    """

    part: str = "main"
    note: str = ""
    strategy: str = ""

    def validate(self, bound) -> None:
        if not isinstance(self.part, str) or not self.part:
            raise _error("part is a non-empty string naming the link of the statement this check decides")


@dataclass(kw_only=True)
class SymbolicDomain(Spec):
    """Parameter ranges (and, for sequences g(k), the range their terms are drawn from)."""

    domain: dict = field(default_factory=dict)
    sequences: dict = field(default_factory=dict)

    def validate(self, bound) -> None:
        super().validate(bound)
        _need_ranges(self.domain, [], "domain")


@dataclass
class Identity(SymbolicDomain):
    """``lhs = rhs`` at every point of ``domain`` (symbols not listed range over the reals).

    ``sequences`` maps an undefined sympy function (a sequence g(k)) to the range
    its values are drawn from when a counterexample is searched; an integer
    symbol in ``domain`` that occurs as a summation limit is made concrete first.
    """

    lhs: sp.Expr
    rhs: sp.Expr
    strategy: str = field(default="symbolic", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _with_bound(self.lhs, bound), _with_bound(self.rhs, bound)


@dataclass
class Induction(SymbolicDomain):
    """``closed(n)`` solves ``x_n = step(x_{n-1}, n)`` with ``x_base = base_value``, for all n ≥ base."""

    closed: Callable[[sp.Expr], sp.Expr]
    step: Callable[[sp.Expr, sp.Expr], sp.Expr]
    index: sp.Symbol
    base: int
    base_value: sp.Expr
    strategy: str = field(default="symbolic", kw_only=True)


@dataclass
class Inequality(Spec):
    """``lhs rel rhs`` over the box ``domain`` (rel one of <=, <, >=, >); rhs may be BOUND."""

    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    domain: dict
    strategy: str = field(default="interval", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _need_rel(self.rel, ("<=", "<", ">=", ">"))
        _need_ranges(self.domain, [_with_bound(self.lhs, bound), _with_bound(self.rhs, bound)])


@dataclass
class Limit(Spec):
    """An approximation ``f ≈ g`` read as ``f/g → 1`` when ``var → point``."""

    f: sp.Expr
    g: sp.Expr
    var: sp.Symbol
    point: Any
    direction: str = "+-"
    expect: str = "one"  # "one": f ≈ g (f/g → 1); "finite": f = O(g) (f/g has a finite limit)
    domain: dict = field(default_factory=dict)
    strategy: str = field(default="symbolic", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        if self.expect not in ("one", "finite"):
            raise _error(f"expect is 'one' (f ≈ g) or 'finite' (f = O(g)); got {self.expect!r}")
        if self.direction not in ("+", "-", "+-"):
            raise _error(f"direction is '+', '-' or '+-'; got {self.direction!r}")
        _need_ranges(self.domain, [], "domain")


@dataclass
class InstanceSearch(Spec):
    """Evaluate both sides on instances of a family: random ones and adversarial ones.

    ``family`` computes, for one instance, the measured quantity and the values
    of the symbols the right-hand side uses; ``rhs`` (a sympy expression, may be
    BOUND) is evaluated from those values.  ``rel`` is "<=" (the measured side
    never exceeds the right side) or "==".  ``always=True`` says the right side
    is a random quantity the relation must hold for on every outcome (the family
    then reports the outcome that is least favourable to the claim).
    """

    family: Any
    rhs: sp.Expr
    rel: str = "<="
    quantifier: str = "forall"  # "exists": a replayed instance with measured > rhs is a witness (proved)
    sharp: "Sharp | None" = None  # the supremum of measured/rhs over the family, where one can be derived
    strategy: str = field(default="instance", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        missing = [a for a in ("name", "strategy", "vector_bounds", "decode", "evaluate") if not hasattr(self.family, a)]
        if missing:
            raise _error(f"family {self.family!r} lacks {', '.join(missing)}; declare it with optverify.family(...)")
        _need_rel(self.rel, ("<=", "=="))
        if self.quantifier not in ("forall", "exists"):
            raise _error(f"quantifier is 'forall' or 'exists'; got {self.quantifier!r}")
        _with_bound(self.rhs, bound)
        if self.sharp is not None:
            if not isinstance(self.sharp, Sharp):
                raise _error(f"sharp is an optverify.Sharp(derivation, attained_at); got {self.sharp!r}")
            for mode in ("quick", "thorough"):
                params = self.sharp.params(mode)
                if not self.family.contains(params, mode):
                    raise _error(f"the sharp instance {params!r} is not in the family {self.family.name!r} ({mode} mode)")


@dataclass(frozen=True)
class Sharp:
    """The supremum of measured/rhs over an instance family: the instance that attains it, and how that is derived.

    ``attained_at`` is the equality case the derivation names, as parameters of the family's schema (or a function
    of the mode returning them, when the family's bounds depend on it).  The sharp value is never written down:
    the check computes it at run time as measured/rhs on that instance, at 50 digits, against the bound in force
    (:func:`optverify.checks.instance.sharp_value`).  With a sharp value the search does not stop at the first
    violation: it keeps maximising the ratio, and the report shows the largest ratio found next to it (a search
    that exceeds it, beyond float noise, means the derivation is wrong, not the claim).
    """

    derivation: str
    attained_at: Any

    def params(self, mode: str) -> dict:
        return dict(self.attained_at(mode) if callable(self.attained_at) else self.attained_at)


@dataclass
class Simulation(Spec):
    """Monte Carlo: run the printed algorithm on stochastic problems over many seeds.

    ``experiment`` is an object with ``run(mode, seed, deadline) -> list[dict]``,
    one row per configuration and horizon with keys ``measured`` (per-seed array),
    ``values`` (symbol name → per-seed array or float), ``T`` and ``config``;
    ``rhs`` is evaluated per seed from ``values``.
    """

    experiment: Any
    rhs: sp.Expr
    strategy: str = field(default="simulation", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        if not callable(getattr(self.experiment, "run", None)):
            raise _error(f"experiment {self.experiment!r} has no run(mode, seed, deadline) method")
        _with_bound(self.rhs, bound)


@dataclass
class Pseudocode(Spec):
    """Run a printed algorithm with its printed parameters on a 1-D convex quadratic."""

    algorithm: str
    params: dict = field(default_factory=dict)
    strategy: str = field(default="pseudocode", kw_only=True)


@dataclass
class Scaling(Spec):
    """``lhs`` and ``rhs`` must transform alike when the loss is multiplied by a and the parameters by b.

    ``dims`` maps each symbol to its kind in :data:`optverify.verify.scaling.KINDS`.
    """

    lhs: sp.Expr
    rhs: sp.Expr
    dims: dict
    strategy: str = field(default="scaling", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        free = _with_bound(self.lhs, bound).free_symbols | _with_bound(self.rhs, bound).free_symbols
        missing = sorted(s.name for s in free if s not in self.dims)
        if missing:
            raise _error(f"dims gives no kind (loss, param, grad, …) for {', '.join(missing)}")


@dataclass
class NotCheckable(Spec):
    reason: str
    strategy: str = field(default="none", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise _error("a not-checkable claim says why: reason is required")


ALL_SPECS = (Identity, Induction, Inequality, Limit, InstanceSearch, Simulation, Pseudocode, Scaling, NotCheckable)


@dataclass
class Moment(Spec):
    """A printed moment of an EMA m_t = β m_{t−1} + (1−β) g_t, compared with the one rsolve derives.

    ``quantity``: "mean", "var", "mean_corrected" (of m_t/(1−β^t)) or "var_corrected";
    inputs independent with mean ``mu`` and variance ``var``; m_0 has mean ``m0_mean``, variance ``m0_var``.
    """

    quantity: str
    printed: sp.Expr
    beta: sp.Symbol
    t: sp.Symbol
    mu: Any = 0
    var: Any = 0
    m0_mean: Any = 0
    m0_var: Any = 0
    domain: dict = field(default_factory=dict)
    strategy: str = field(default="moments", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        if self.quantity not in ("mean", "var", "mean_corrected", "var_corrected"):
            raise _error(f"quantity is mean, var, mean_corrected or var_corrected; got {self.quantity!r}")


@dataclass
class ParameterChoice(Spec):
    """"Setting ``var`` = ``choice`` minimises ``objective``": checked by the first-order condition
    (where the objective is differentiable there) and against the numerical minimum at sampled parameters."""

    objective: sp.Expr
    var: sp.Symbol
    choice: sp.Expr
    domain: dict
    var_range: tuple
    strategy: str = field(default="parameter choice", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _need_ranges(self.domain, [sp.sympify(self.objective), sp.sympify(self.choice)], exempt=[self.var])


@dataclass
class Diagonalizable(Spec):
    """"``matrix`` = QΛQ⁻¹ with Q invertible" for every parameter point of ``domain``.

    The check solves for the parameter points where the characteristic polynomial
    has a repeated root and tests diagonalisability there exactly.
    """

    matrix: Any
    solve_for: sp.Symbol
    domain: dict
    strategy: str = field(default="linear algebra", kw_only=True)


@dataclass
class NonConvergence(Spec):
    """A claim that an iteration converges, tested on a construction that may cycle.

    ``construction(num, T)`` returns {"iterates": [...], "optimum": x*, "facts": {...}}
    computed in the number context; the check replays it at 50 digits and looks
    for a periodic orbit bounded away from the optimum.
    """

    construction: Callable
    steps: int = 3000
    strategy: str = field(default="construction", kw_only=True)


@dataclass
class RateCounterexample(Spec):
    """A rate claim "quantity = O(T^p)" run on a construction from the literature at growing horizons.

    ``run(horizons)`` returns {"values": [...], "facts": {...}} (floats, fast);
    ``replay(num, T)`` recomputes the value at horizon T independently in a
    number context (50-digit mpmath for the certificate).
    """

    run: Callable
    replay: Callable
    stated_exponent: float
    horizons: tuple = (300, 600, 1200, 2400, 4800, 9600, 19200, 38400)
    strategy: str = field(default="construction", kw_only=True)


@dataclass
class IterateLimit(Spec):
    """Where each method's iterates go, against the points the first-order conditions predict.

    ``experiment(mode, seed)`` runs the methods and returns a dict with

    * ``points``: {name: vector (d,) or per-seed array (S, d)};
    * ``finals``: {method: per-seed array (S, d) of final (tail-averaged) iterates, or (d,) for one run};
    * ``deterministic``: True (or {method: True}) for runs with exact gradients: one run, read as it is;
    * ``scale`` (optional): the length distances are measured against (default max(1, max ‖point‖));
    * ``residuals`` (optional): {method: {point: (S, d)}}, the signed residual of the point's defining
      first-order condition at the method's final iterates, already divided by its own scale;
    * ``exact`` (optional): {method: {"limit_condition": {point: exact sympy number}, "complete": bool,
      "derivation": str}}: the method's limit condition evaluated exactly at each point (0: the point
      satisfies it); ``complete`` says the derivation covers every limit of the actual iteration (not
      only an idealisation such as a frozen preconditioner);
    * ``values`` (optional): {name: {"value": exact sympy number, "method": m, "point": p}}, quantities
      of the point p that method m reaches;
    * ``facts``: anything else for the reader.

    ``expect`` maps each method to the name of the point the claim says it reaches (``None``: the
    claim says it does not reach ``avoid[method]``); ``values`` maps a value name to the exact value the
    claim states; ``tolerance`` is the relative distance within which a run has reached a point.
    """

    experiment: Callable
    expect: dict
    tolerance: float = 1e-3
    avoid: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    strategy: str = field(default="simulation", kw_only=True)


@dataclass
class PeriodicRegret(Spec):
    """An Adam-type method on a periodic sequence of linear losses on [−1, 1]: where x_t goes, and R_T/T.

    ``problems`` lists settings (dicts for :func:`optverify.counterexamples.periodic_linear.certify`);
    ``expect`` is "+1" (the claim: the iterate is driven to the wrong end, R_T/T does not vanish)
    or "-1" (the claim: the method reaches the minimiser x* = −1, R_T/T → 0).  Each setting is
    decided by an invariant-interval certificate at 50 digits, with float runs beside it.
    """

    problems: tuple
    expect: str
    universal: bool = False  # the claim speaks of all convex problems: certified instances make it consistent, not proved
    compare: str | None = None  # also certify this algorithm on the same problems (reported, not deciding)
    stated_exponent: float | None = None  # a rate claim's R_T/T = O(T^p) (R_T = O(√T): −1/2), drawn beside the measured R_T/T
    strategy: str = field(default="construction", kw_only=True)


@dataclass
class RegretProbe(Spec):
    """"For every (β1, β2) in a region there is a periodic linear problem where Adam's R_T/T does not vanish":
    probed on a grid of the (β1, β2) square, each point searched for a certified witness."""

    region: Callable  # (beta1, beta2) -> bool, the theorem's condition
    grid: tuple  # ((beta1, beta2), ...)
    settings: dict = field(default_factory=dict)
    strategy: str = field(default="construction", kw_only=True)


def adam_eps_in_root(eta: float, T: int, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> Pseudocode:
    """Pseudocode check of Adam printed with ε inside the root, √(v̂ + ε): the reference kernel's eps_mode 1 squares its ε."""
    root = eps**0.5
    return Pseudocode("adam", {"eta": eta, "beta1": beta1, "beta2": beta2, "eps": root, "eps_mode": 1, "momentum_sign": 1, "T": T},
                      note=f"√(v̂ + ε) with ε = {eps:g} is √(v̂ + ({root:g})²): eps_mode 1 with eps = {root:g}")


pep_k = sp.Symbol("k", integer=True, nonnegative=True)  # the 0-based step index in PerformanceEstimation step sizes

PEP_CLASSES = ("smooth convex", "smooth strongly convex", "convex lipschitz")
PEP_METHODS = ("gradient descent", "heavy ball", "nesterov", "online gradient descent", "proximal gradient")
PEP_MEASURES = ("last gap", "min gap", "average gap", "average gap 1..N", "sum gap", "min grad sq", "last dist sq", "regret")


@dataclass
class PerformanceEstimation(Spec):
    """The exact worst case of a deterministic first-order method on a function class, per horizon N (PEPit).

    * ``function_class``: "smooth convex" (``L``), "smooth strongly convex" (``L``, ``mu``) or
      "convex lipschitz" (``G``: every subgradient has norm ≤ G);
    * ``method`` with ``params`` (sympy expressions in the constants, the horizon and :data:`pep_k`,
      the 0-based step index):
      "gradient descent" x_{k+1} = x_k − step·g(x_k) (the subgradient method on the Lipschitz class);
      "heavy ball" x_{k+1} = x_k − step·∇f(x_k) + beta·(x_k − x_{k−1}), x_{−1} = x_0;
      "nesterov" x_{k+1} = y_k − step·∇f(y_k), y_{k+1} = x_{k+1} + beta·(x_{k+1} − x_k), y_0 = x_0;
      "online gradient descent" x_{k+1} = x_k − step·g_k(x_k) on losses f_0 … f_{N−1} of the class;
      "proximal gradient" x_{k+1} = prox_{step·h}(x_k − step·∇f(x_k)) for F = f + h, f of the (smooth) class and h
      any closed convex function; measures "last gap" (F(x_N) − F*) and "last dist sq", from ‖x_0 − x*‖ ≤ radius;
    * ``measure``: "last gap" f(x_N) − f*, "min gap" min_{0≤k≤N} f(x_k) − f*, "average gap"
      f((x_0 + … + x_{N−1})/N) − f*, "average gap 1..N" f((x_1 + … + x_N)/N) − f*, "sum gap"
      Σ_{k=0}^{N−1} f(x_k) − f*, "min grad sq"
      min_{0≤k≤N} ‖g(x_k)‖², "last dist sq" ‖x_N − x*‖², "regret" Σ_k f_k(x_k) − f_k(u);
      gradient descent on a regularised objective f + (λ/2)‖x‖² with f μ-strongly convex and L-smooth is
      gradient descent on the class with constants μ + λ and L + λ (every such function is one of them);
    * ``initial``: "distance" ‖x_0 − x*‖ ≤ ``radius`` (for the regret ‖x_0 − u‖ ≤ radius) or "gap"
      f(x_0) − f* ≤ ``gap``;
    * ``rhs``: the printed bound (usually BOUND) in the constants and ``horizon``; None: no bound is
      printed, the worst case per N is reported (inconclusive);
    * ``constants``: each free symbol other than the horizon → a number (normalise, e.g. L = 1, D = 1, only
      where the bound is homogeneous in it) or a Range sampled (2 points quick, 4 thorough);
    * ``tight``: the literature's closed form of the exact worst case, shown beside it (``tight_reference``);
    * ``wider_class``: non-empty when the PEP class is wider than the claim's (say why); a worst case
      above the bound then does not refute the claim, it is reported.
    """

    function_class: str
    method: str
    measure: str
    horizon: sp.Symbol
    rhs: Any = None
    L: Any = None
    mu: Any = None
    G: Any = None
    params: dict = field(default_factory=dict)
    initial: str = "distance"
    radius: Any = None
    gap: Any = None
    constants: dict = field(default_factory=dict)
    tight: Any = None
    tight_reference: str = ""
    wider_class: str = ""
    horizons: tuple = (1, 2, 3, 4, 5, 6, 8, 10)
    thorough_horizons: tuple = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30)
    strategy: str = field(default="performance estimation", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        need = {"smooth convex": ("L",), "smooth strongly convex": ("L", "mu"), "convex lipschitz": ("G",)}
        if self.function_class not in need:
            raise _error(f"function_class is one of {', '.join(PEP_CLASSES)}; got {self.function_class!r}")
        for name in need[self.function_class]:
            if getattr(self, name) is None:
                raise _error(f"a {self.function_class} class needs {name}=")
        if self.method not in PEP_METHODS:
            raise _error(f"method is one of {', '.join(PEP_METHODS)}; got {self.method!r}")
        if self.measure not in PEP_MEASURES:
            raise _error(f"measure is one of {', '.join(PEP_MEASURES)}; got {self.measure!r}")
        if (self.method == "online gradient descent") != (self.measure == "regret"):
            raise _error("the regret is the measure of online gradient descent, and online gradient descent is measured by its regret")
        if self.method == "proximal gradient" and (self.function_class == "convex lipschitz" or self.initial != "distance"
                                                   or self.measure not in ("last gap", "last dist sq")):
            raise _error("proximal gradient: f of a smooth class, initial='distance', measure 'last gap' or 'last dist sq'")
        if self.measure == "regret" and self.initial != "distance":
            raise _error("a regret is measured from ‖x_0 − u‖ ≤ radius: initial='distance'")
        if "step" not in self.params or (self.method in ("heavy ball", "nesterov") and "beta" not in self.params):
            raise _error(f"params of {self.method} need step=" + (" and beta=" if self.method in ("heavy ball", "nesterov") else ""))
        if self.initial not in ("distance", "gap") or (self.initial == "distance" and self.radius is None) or (self.initial == "gap" and self.gap is None):
            raise _error("initial is 'distance' (with radius=) or 'gap' (with gap=)")
        if not isinstance(self.horizon, sp.Symbol):
            raise _error("horizon is the sympy Symbol of the number of steps (N or T)")
        if not self.horizons or any(int(n) != n or n < 1 for n in (*self.horizons, *self.thorough_horizons)):
            raise _error("horizons are positive integers")
        for key, val in self.constants.items():
            if not isinstance(key, sp.Symbol) or not (isinstance(val, Range) or sp.sympify(val).is_number):
                raise _error(f"constants map a Symbol to a number or a Range; got {key!r}: {val!r}")
        exprs = [sp.sympify(e) for e in (self.L, self.mu, self.G, self.radius, self.gap, self.tight, *self.params.values()) if e is not None]
        if self.rhs is not None:
            exprs.append(_with_bound(self.rhs, bound))
        free = set().union(*(e.free_symbols for e in exprs)) - {self.horizon, pep_k}
        missing = sorted(s.name for s in free if s not in self.constants)
        if missing:
            raise _error(f"no value or range in constants for {', '.join(missing)}")


@dataclass
class Semialgebraic(Spec):
    """``lhs rel rhs`` (polynomial, rational, with √, |·|, max/min) at every point of ``domain`` where ``given`` holds,
    decided exactly by z3's nonlinear real arithmetic: proved (unsat), or refuted by z3's model replayed at 50 digits."""

    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    domain: dict
    given: tuple = ()
    strategy: str = field(default="exact (z3)", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _need_rel(self.rel, ("<=", "<", ">=", ">", "=="))
        _need_ranges(self.domain, [_with_bound(self.lhs, bound), _with_bound(self.rhs, bound), *[sp.sympify(g) for g in self.given]])


@dataclass
class LengthInduction(Spec):
    """A statement about every length n of a sequence (dimension d, horizon T), by induction on n.

    The sequence is summarised by ``state`` (symbol → its value at length 0); one more element (the
    variables of ``element``, with their ranges, and ``given`` relations) maps the state by ``update``.
    Proved when z3 proves the base case (``invariant`` at the initial state), the step (``invariant`` and
    ``given`` imply ``invariant`` after the update) and the conclusion (``invariant`` implies ``goal``).
    ``params`` are constants of the whole sequence (with ranges); ``meaning`` says what each state
    symbol stands for (Σ_i …), for the reader.  ``definitions``/``facts``/``step_uses``: see
    :func:`optverify.verify.induction.induct`.
    """

    index: str
    state: dict
    element: dict
    update: dict
    invariant: tuple
    goal: Any
    params: dict = field(default_factory=dict)
    given: tuple = ()
    definitions: dict = field(default_factory=dict)  # element symbol → its value (a projected iterate)
    facts: tuple = ()  # relations about the defined values, each proved first: relation or (relation, uses)
    step_uses: tuple | None = None  # what the step uses besides the invariant: fact indices, "given"
    bound_subs: dict = field(default_factory=dict)  # the claim's symbols in the state's terms, where goal uses BOUND
    meaning: dict = field(default_factory=dict)
    strategy: str = field(default="induction", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _with_bound(self.goal, bound)
        if set(self.update) != set(self.state):
            raise _error("update gives the new value of every state symbol, and only of those")
        _need_ranges(self.element, [], "element")
        _need_ranges(self.params, [], "params")


@dataclass
class NamedLemma(Spec):
    """``lhs rel rhs`` (for any dimension or length) is an instance of a named lemma of
    :mod:`optverify.verify.lemmas`: ``instance`` maps the lemma's templates (its sequences a, b, its length n, …)
    to the claim's expressions.  The check proves the lemma (by its induction), checks that the
    instantiated lemma is the claim's relation, and decides the lemma's side conditions for the instance."""

    lemma: str
    instance: dict
    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    element: dict = field(default_factory=dict)  # ranges of the scalar variables the side conditions use
    strategy: str = field(default="lemma", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        from optverify.verify.lemmas import LEMMAS

        if self.lemma not in LEMMAS:
            raise _error(f"unknown lemma {self.lemma!r}; one of {', '.join(sorted(LEMMAS))}")
        missing = [k for k in LEMMAS[self.lemma].templates if k not in self.instance]
        if missing:
            raise _error(f"instance gives no value for the lemma's {', '.join(missing)}")


@dataclass
class ProofStep(Spec):
    """One step of a printed proof, ``lhs rel rhs`` as printed at ``line``, decided by ``check`` (any spec).

    Steps are not links of the statement: a refuted step breaks the proof ("statement X, proof broken at
    line L"), not the statement.  With a :class:`ProofComposition` a proof whose steps are all proved
    and compose into the statement proves the claim."""

    line: int
    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    check: Any
    strategy: str = field(default="proof step", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        _need_rel(self.rel, ("<=", "<", "==", ">=", ">"))
        if not isinstance(self.check, Spec):
            raise _error("check is the spec that decides the step")
        self.check.validate(bound)


@dataclass
class ProofComposition(Spec):
    """The steps of a printed proof compose into the statement ``lhs rel rhs``: step k's right side is
    step k+1's left side (checked by sympy, with ``given`` substitutions), the first left side is the
    statement's, the last right side is the statement's, and the relations chain (= and ≤ give ≤)."""

    lhs: sp.Expr
    rel: str
    rhs: sp.Expr
    steps: tuple  # ProofStep, in order
    strategy: str = field(default="proof composition", kw_only=True)

    def validate(self, bound) -> None:
        super().validate(bound)
        if not self.steps or not all(isinstance(s, ProofStep) for s in self.steps):
            raise _error("steps is a non-empty tuple of ProofStep")
