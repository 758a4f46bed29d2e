"""One time budget per claim, carried by every check and consulted by every loop.

A :class:`Budget` is a deadline on the monotonic clock.  Loops call
:meth:`Budget.check` (or compare :meth:`Budget.remaining`); a check may hand a
share of what is left to one phase (:meth:`Budget.share`).  Because a single
library call (an exact sympy substitution, a long simplification) can outlast
any loop, :meth:`Budget.enforced` also arms a timer that interrupts the main
thread at the deadline: whatever is running then stops with
:class:`BudgetExceeded`, and the check ends ``inconclusive`` on time.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from contextlib import contextmanager


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
