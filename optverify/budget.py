"""One time budget per claim, carried by every check and consulted by every loop.

A :class:`Budget` is a deadline on the monotonic clock.  Loops call
:meth:`Budget.check` (or compare :meth:`Budget.remaining`); a check may hand a
share of what is left to one phase (:meth:`Budget.share`).  Because a single
library call (an exact sympy substitution, a long simplification) can outlast
any loop, :meth:`Budget.enforced` also arms a timer that interrupts the main
thread at the deadline: whatever is running then stops with
:class:`BudgetExceeded`, and the check ends ``inconclusive`` on time.

Compilation is not decision: a claim decided where numba's caches are cold
spends part of its time compiling kernels that a warm run loads at once.  In
the process deciding a claim, :func:`compile_time_excluded` makes the clock
of every deadline (``time.monotonic``) stand still while numba holds its
compiler lock (compiling, or loading a compiled function from its cache), so
that a claim's verdict does not depend on how warm the caches were; the
executor that holds the hard time limit is told of each pause
(``executors/process.py``).
"""

from __future__ import annotations

import math
import signal
import threading
import time
from contextlib import contextmanager

_REAL_MONOTONIC = time.monotonic


class BudgetExceeded(BaseException):
    """The claim's time budget is spent.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that the broad
    ``except Exception`` of an engine or of hypothesis cannot swallow it.
    """


class Budget:
    """A deadline (``time.monotonic()`` seconds); ``Budget.seconds(s)`` starts one now."""

    def __init__(self, deadline: float = math.inf):
        self.deadline = float(deadline)

    @classmethod
    def seconds(cls, s: float) -> "Budget":
        return cls(time.monotonic() + s)

    def __repr__(self) -> str:
        return f"Budget(remaining={self.remaining():.3g} s)"

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise :class:`BudgetExceeded` if the deadline has passed."""
        if self.expired():
            raise BudgetExceeded()

    def share(self, fraction: float = 1.0, cap: float | None = None, floor: float = 0.0) -> "Budget":
        """A sub-budget: ``fraction`` of what remains, at most ``cap`` seconds, at least ``floor`` (never past this one)."""
        rem = max(0.0, self.remaining())
        s = rem * fraction
        if cap is not None:
            s = min(s, cap)
        s = max(s, min(floor, rem))
        return Budget(time.monotonic() + s)

    @contextmanager
    def enforced(self, grace: float = 1.0):
        """Interrupt the main thread with :class:`BudgetExceeded` ``grace`` seconds after the deadline.

        Loops that consult the budget stop at the deadline and report what they
        found; the timer only catches a call that does not return.  A no-op off
        the main thread, without a deadline, or where there is no ``setitimer``.
        """
        if not math.isfinite(self.deadline) or threading.current_thread() is not threading.main_thread() \
                or not hasattr(signal, "setitimer"):
            yield self
            return

        def fire(signum, frame):
            left = self.remaining()
            if left > 0.0:  # the clock stood still (a compilation) since the timer was armed: not yet
                signal.setitimer(signal.ITIMER_REAL, left + grace)
                return
            raise BudgetExceeded()

        previous = signal.signal(signal.SIGALRM, fire)
        old_timer = signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            signal.setitimer(signal.ITIMER_REAL, max(self.remaining() + grace, 1e-3))
            yield self
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if old_timer[0] > 0:
                signal.setitimer(signal.ITIMER_REAL, *old_timer)


class _CompileTime:
    """Seconds this process spent holding numba's (reentrant) compiler lock, outermost holds only."""

    def __init__(self):
        self.total = 0.0
        self.depth = 0
        self.since = 0.0
        self.on_pause = None
        self.on_resume = None

    def now(self) -> float:
        """The claim clock: real monotonic time less the time spent compiling (still while compiling)."""
        if self.depth > 0:
            return self.since - self.total
        return _REAL_MONOTONIC() - self.total


_COMPILE = _CompileTime()


def _listener():
    from numba.core import event

    class Pauses(event.Listener):
        def on_start(self, ev):
            if _COMPILE.depth == 0:
                _COMPILE.since = _REAL_MONOTONIC()
                if _COMPILE.on_pause is not None:
                    _COMPILE.on_pause()
            _COMPILE.depth += 1

        def on_end(self, ev):
            _COMPILE.depth -= 1
            if _COMPILE.depth == 0:
                spent = _REAL_MONOTONIC() - _COMPILE.since
                _COMPILE.total += spent
                if _COMPILE.on_resume is not None:
                    _COMPILE.on_resume(spent)

    return Pauses()


def compile_seconds() -> float:
    """Seconds spent in numba's compiler lock while :func:`compile_time_excluded` was in force."""
    return _COMPILE.total


@contextmanager
def compile_time_excluded(on_pause=None, on_resume=None):
    """Within: ``time.monotonic`` is the claim clock, which stands still while numba compiles or loads a compiled
    function; ``on_pause()`` is called as a compilation starts, ``on_resume(seconds)`` as it ends.

    For the process that decides a claim (every deadline there is on ``time.monotonic``); the real clock is
    restored on exit.  Only the main thread's compilations are expected there."""
    from numba.core import event

    listener = _listener()
    _COMPILE.on_pause, _COMPILE.on_resume = on_pause, on_resume
    event.register("numba:compiler_lock", listener)
    time.monotonic = _COMPILE.now
    try:
        yield _COMPILE
    finally:
        time.monotonic = _REAL_MONOTONIC
        event.unregister("numba:compiler_lock", listener)
        _COMPILE.on_pause = _COMPILE.on_resume = None
