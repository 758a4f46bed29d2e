"""Claims for the distributed runner's tests (tests/test_distributed.py), written with the public API.

Each printed lemma is checked by exhausting n = 1 … N in exact integer arithmetic, after holding its process for
a given time: a check that takes a while, so that a test can kill the worker deciding it, or let it overrun the
claim's budget.  ``Lem 3``'s check also ignores the budget's alarm, as a C extension that blocks signals would:
only the hard time limit of the process deciding it stops it.
"""

import signal
import time
from dataclasses import dataclass
from pathlib import Path

import optverify as ov

notes = ov.Source(Path(__file__).with_name("distributed_notes.md"), name="dist")


@dataclass
class HeldExhaustion(ov.Spec):
    """``holds(n)`` for n = 1 … ``upto``, checked after ``hold_s`` seconds of waiting."""

    holds: object
    upto: int
    hold_s: float
    blocks_alarm: bool = False


@ov.register(HeldExhaustion)
def check_held_exhaustion(spec, ctx):
    if spec.blocks_alarm:
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
    time.sleep(spec.hold_s)
    for n in range(1, spec.upto + 1):
        ctx.budget.check()
        if not spec.holds(n):
            return ov.CheckResult("exhaustion", spec.part, ov.REFUTED, f"fails at n = {n}", {"n": n}, certificate={"n": n})
    return ov.CheckResult("exhaustion", spec.part, ov.CONSISTENT, f"holds for n = 1 … {spec.upto} (exact integers)",
                          {"checked_up_to": spec.upto})


def odd_sum(n):
    return sum(2 * k - 1 for k in range(1, n + 1)) == n * n


def even_product(n):
    return (n * n + n) % 2 == 0


def six_divides(n):
    return (n ** 3 - n) % 6 == 0


notes.claim("Lem 1", 3, "sum of the first n odd numbers", "identity", "Σ_{k ≤ n} (2k − 1) = n² for n ≥ 1",
            checks=[HeldExhaustion(odd_sum, 2000, 4.0)])
notes.claim("Lem 2", 5, "n² + n is even", "property", "2 | n² + n for n ≥ 1",
            checks=[HeldExhaustion(even_product, 10000, 0.0), HeldExhaustion(even_product, 10000, 60.0, part="held")])
notes.claim("Lem 3", 7, "n³ − n is divisible by 6", "property", "6 | n³ − n for n ≥ 1",
            checks=[HeldExhaustion(six_divides, 10000, 60.0, blocks_alarm=True)])
