"""Ctrl-C and SIGTERM while claims are being decided: recorded, never lost, answered at a point of the run's choosing."""

from __future__ import annotations

import os
import signal
import threading


class StopSignals:
    """SIGINT and SIGTERM, while claims are being decided, set a flag and wake the executor's wait.

    The local pool forks a child per claim.  Python runs a signal handler at the next bytecode of the main thread,
    and when that is inside os.fork's at-fork hooks (logging's ``_releaseLock``), the KeyboardInterrupt the
    default handler raises is swallowed ("Exception ignored in: <function _releaseLock>"): the Ctrl-C was lost
    and the run went on to the end.  A handler that only records the signal loses nothing; a wake-up pipe
    makes the wait return at once, and the loop stops at a point of its own choosing.
    """

    def __init__(self) -> None:
        self.hit: int | None = None
        self.active = threading.current_thread() is threading.main_thread()  # handlers can be set in the main thread only

    def __enter__(self) -> "StopSignals":
        self.rfd = None
        if not self.active:
            return self
        self.rfd, self.wfd = os.pipe()
        os.set_blocking(self.rfd, False)
        os.set_blocking(self.wfd, False)
        self.previous = {s: signal.signal(s, self._record) for s in (signal.SIGINT, signal.SIGTERM)}
        self.previous_fd = signal.set_wakeup_fd(self.wfd, warn_on_full_buffer=False)
        return self

    def _record(self, signum, frame) -> None:
        self.hit = signum

    def fds(self) -> list[int]:
        return [] if self.rfd is None else [self.rfd]

    def drain(self) -> None:
        if self.rfd is not None:
            try:
                while os.read(self.rfd, 512):
                    pass
            except BlockingIOError:
                pass

    def __exit__(self, *exc) -> None:
        if self.rfd is None:
            return
        signal.set_wakeup_fd(self.previous_fd)
        for s, h in self.previous.items():
            signal.signal(s, h)
        os.close(self.rfd)
        os.close(self.wfd)
