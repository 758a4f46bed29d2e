"""The embedded default: claims decided on this machine, a few at a time, each in its own forked child."""

from __future__ import annotations

import signal
import time
from multiprocessing.connection import wait
from typing import Callable

from optverify.executors.process import ClaimProcess
from optverify.executors.stop import StopSignals


def prewarm() -> None:
    """Import the engines once in the forking process, so that forked children start warm and fork-safe."""
    from optverify.registry import registered
    from optverify.sim.parallel_layer import prefer_fork_safe_layer

    prefer_fork_safe_layer()
    registered()


class LocalPool:
    """``workers`` claims at a time on this machine (nothing to start)."""

    def __init__(self, workers: int = 2):
        self.workers = max(1, int(workers))

    def describe(self) -> str:
        return f"local pool of {self.workers}"

    def decide(self, works: list, on_start: Callable | None = None, on_result: Callable[[dict], None] | None = None
               ) -> tuple[dict[str, dict], bool]:
        """Decide every work; ({claim id: entry} of those decided, interrupted)."""
        prewarm()
        pending = list(works)
        running: list[ClaimProcess] = []
        results: dict[str, dict] = {}
        stop = StopSignals()
        try:
            with stop:
                while (pending or running) and stop.hit is None:
                    while pending and len(running) < self.workers and stop.hit is None:
                        w = pending.pop(0)
                        if on_start:
                            on_start(w)
                        running.append(ClaimProcess(w))
                    if stop.hit is not None:
                        break
                    timeout = max(0.0, min(j.hard for j in running) - time.monotonic())
                    wait([j.conn for j in running] + stop.fds(), timeout=timeout)
                    stop.drain()
                    if stop.hit is not None:
                        break
                    for j in list(running):
                        j.receive()
                        if j.done or time.monotonic() >= j.hard:
                            running.remove(j)
                            e = j.finish()
                            results[e["id"]] = e
                            if on_result:
                                on_result(e)
        except KeyboardInterrupt:  # outside the main thread the default handler still raises
            stop.hit = signal.SIGINT
        if stop.hit is not None:
            for j in running:
                j.kill()
            return results, True
        return results, False
