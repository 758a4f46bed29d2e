"""One claim decided in a forked child process: the child streams each finished check back, the parent holds the
hard time limit.  The local pool runs several at once; a cluster's worker runs one per task."""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import time
from multiprocessing.connection import wait
from typing import Callable


def _die_with_parent(parent: int) -> None:
    """Linux: the child is killed when the process (thread) that forked it dies, e.g. a cluster worker killed
    mid-claim, instead of deciding on for nobody."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _child(conn, work, parent: int) -> None:
    # Ctrl-C (sent to the whole process group by a terminal) is the parent's to handle: it kills its children;
    # SIGTERM kills the child outright.  Neither may end a claim half-decided with a "done".
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.set_wakeup_fd(-1)
    except ValueError:  # not the main thread of the child (cannot happen after fork; never worth a lost claim)
        pass
    _die_with_parent(parent)
    from optverify.budget import compile_time_excluded

    try:
        # the claim's clock stands still while numba compiles (or loads from its cache): the parent, told of
        # each pause, moves the hard limit by as much
        with compile_time_excluded(lambda: conn.send(("compiling", None)),
                                   lambda seconds: conn.send(("compiled", seconds))):
            for kind, res in work.results():
                conn.send((kind, res))
    finally:
        conn.send(("done", None))
        conn.close()


COMPILE_LIMIT_S = 1800.0  # the longest one numba compilation may hold a claim's clock still


class ClaimProcess:
    """One claim (a :class:`~optverify.runner.ClaimWork`) being decided in a forked child."""

    def __init__(self, work):
        self.work = work
        ctxmp = mp.get_context("fork")
        self.conn, child = ctxmp.Pipe(duplex=False)
        self.start = time.monotonic()
        self.hard = self.start + work.hard_limit
        self.proc = ctxmp.Process(target=_child, args=(child, work, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.checks: list[dict] = []
        self.corrected: list[dict] = []
        self.done = False
        self.compile_s = 0.0  # seconds the child spent compiling (not counted in its budget)
        self._hard_before_compile: float | None = None

    def receive(self) -> None:
        """Take every message waiting on the pipe."""
        while not self.done and self.conn.poll():
            try:
                kind, payload = self.conn.recv()
            except EOFError:
                self.done = True  # the child died; finish() reports it
                self.proc.join(1)
                return
            if kind == "done":
                self.done = True
            elif kind == "compiling":
                self._hard_before_compile = self.hard
                self.hard = max(self.hard, time.monotonic() + COMPILE_LIMIT_S)
            elif kind == "compiled":
                self.compile_s += payload
                if self._hard_before_compile is not None:
                    self.hard = self._hard_before_compile + payload
                    self._hard_before_compile = None
            elif kind == "check":
                self.checks.append(payload)
            else:
                self.corrected.append(payload)

    def finish(self) -> dict:
        """The claim's entry: what the child decided, the rest ``inconclusive`` with what stopped it."""
        self.kill()
        self.conn.close()
        budget = self.work.budget
        code = self.proc.exitcode
        why = "stopped at the hard time limit" if code is None or code < 0 else f"check process ended (exit {code})"
        finished = len(self.checks)
        return self.work.entry(self.checks, self.corrected, time.monotonic() - self.start, why=f"{why} after {budget:.0f} s",
                               note=f"time budget of {budget:.0f} s reached: {finished} of {self.work.expected()[0]} checks finished",
                               compile_s=self.compile_s)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(2)


def decide_in_child(work, abandoned: Callable[[], bool] = lambda: False, poll: float = 1.0) -> dict | None:
    """Decide one claim in a forked child and wait for it (a cluster worker's task); ``None`` if ``abandoned()``
    turned true first (the client cancelled or went away): the child is killed, nothing is returned."""
    job = ClaimProcess(work)
    try:
        while not job.done and time.monotonic() < job.hard:
            wait([job.conn], timeout=max(0.0, min(poll, job.hard - time.monotonic())))
            job.receive()
            if not job.done and abandoned():
                return None
        return job.finish()
    finally:
        job.kill()
