"""Where claims are decided: one interface, two places.

An executor has ``decide(works, on_start=None, on_result=None) -> ({claim id: entry}, interrupted)``: it decides
each :class:`~optverify.runner.ClaimWork` (in a forked child under the claim's hard time limit, wherever that
child runs), calls ``on_start(work)`` as it hands a claim out and ``on_result(entry)`` as each entry arrives, and
on Ctrl-C returns what was decided with ``interrupted`` true.

- :class:`~optverify.executors.local.LocalPool`: the embedded default, forked children on this machine
  (``--workers N`` of them at once).
- :class:`~optverify.executors.dask.DaskExecutor`: the claims go to a ``dask.distributed`` scheduler
  (``--scheduler ADDRESS`` or ``OPTVERIFY_SCHEDULER``); needs ``pip install 'optverify[distributed]'``.

A claim's entry depends only on (claim, mode, seed) and the bound in force, never on where it ran.
"""

from __future__ import annotations

import os
from typing import Callable, Protocol

SCHEDULER_ENV = "OPTVERIFY_SCHEDULER"


class Executor(Protocol):
    def describe(self) -> str: ...

    def decide(self, works: list, on_start: Callable | None = None, on_result: Callable[[dict], None] | None = None
               ) -> tuple[dict[str, dict], bool]: ...


def scheduler_address(given: str | None = None) -> str | None:
    """The scheduler named on the command line, else ``$OPTVERIFY_SCHEDULER``, else None (run locally)."""
    address = given if given is not None else os.environ.get(SCHEDULER_ENV)
    return (address.strip() or None) if address is not None else None


def executor_for(scheduler: str | None = None, workers: int = 2) -> Executor:
    """The local pool of ``workers``, or a connection to the dask scheduler at ``scheduler`` (or ``$OPTVERIFY_SCHEDULER``)."""
    address = scheduler_address(scheduler)
    if address is None:
        from optverify.executors.local import LocalPool

        return LocalPool(workers)
    from optverify.executors.dask import DaskExecutor

    return DaskExecutor.connect(address)
