"""Claims decided on a ``dask.distributed`` cluster (``optverify run --scheduler ADDRESS``).

Each claim is one task.  A claim of a bundled source, an installed claims package or a claims file travels as its
id and the files to load (a worker loads them from the same path: a shared file system, or the same checkout on
every machine); any other claim travels pickled.  On the worker the claim is decided exactly as the local pool
decides it, in a forked child under the claim's budget (SIGALRM in the child) and hard time limit (the worker's
task kills the child), so its entry depends only on (claim, mode, seed) and the bound in force.

Faults: a worker that dies while deciding a claim costs that claim only.  The scheduler hands it to another
worker once; if that one dies too the claim ends ``inconclusive`` with the reason (the scheduler's own limit,
``distributed.scheduler.allowed-failures``, ends it the same way should it be lower).  The client learns where
each claim runs from an event the task logs as it starts, and of deaths from the scheduler's ``remove-worker``
events.  Ctrl-C on the client cancels the claims still out (their workers kill the children deciding them) and
keeps every entry that arrived; entries stream back as they finish.
"""

from __future__ import annotations

import multiprocessing as mp
import pickle
import queue
import signal
import uuid
from typing import Callable

from optverify.errors import UserError
from optverify.executors.stop import StopSignals

INSTALL = "pip install 'optverify[distributed]'"


def require_distributed():
    """The ``distributed`` module, or a one-line error saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise UserError(f"--scheduler needs dask.distributed, which is not installed ({exc.name or 'distributed'} is missing): {INSTALL}") from None
    return distributed


class DaskExecutor:
    """Decide claims on the workers of a dask scheduler, through ``client`` (a ``distributed.Client``)."""

    def __init__(self, client, *, owns_client: bool = False, retries: int = 1, poll: float = 0.25):
        self.client = client
        self.owns_client = owns_client
        self.retries = retries
        self.poll = poll
        #: hook for callers (and tests) that want to know where claims run: ``on_running(claim_id, worker_address)``
        self.on_running: Callable[[str, str], None] | None = None

    @classmethod
    def connect(cls, address: str, timeout: float = 10.0, **kw) -> "DaskExecutor":
        distributed = require_distributed()
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise UserError(f"cannot reach the dask scheduler at {address!r}: {type(exc).__name__}: {exc}".rstrip(": ")) from None
        return cls(client, owns_client=True, **kw)

    def describe(self) -> str:
        n = len(self.client.scheduler_info(n_workers=-1).get("workers", {}))
        return f"dask scheduler {self.client.scheduler.address} ({n} worker{'s' if n != 1 else ''})"

    def close(self) -> None:
        if self.owns_client:
            self.client.close()

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def decide(self, works: list, on_start: Callable | None = None, on_result: Callable[[dict], None] | None = None
               ) -> tuple[dict[str, dict], bool]:
        """Decide every work on the cluster; ({claim id: entry} of those decided, interrupted)."""
        import cloudpickle
        from distributed import KilledWorker

        run = uuid.uuid4().hex[:12]
        topic = f"optverify-run-{run}"
        events: queue.SimpleQueue = queue.SimpleQueue()
        self.client.subscribe_topic(topic, lambda ev: events.put(("start", ev[1])))
        self.client.subscribe_topic("all", lambda ev: events.put(("event", ev[1])))
        by_key = {f"optverify-{run}-{i}": w for i, w in enumerate(works)}
        futures = {}
        running_on: dict[str, str] = {}  # key → the worker its last attempt started on
        deaths: dict[str, list[str]] = {}  # key → workers that died while deciding it
        results: dict[str, dict] = {}
        settled: set[str] = set()

        def settle(key: str, entry: dict) -> None:
            settled.add(key)
            results[entry["id"]] = entry
            if on_result:
                on_result(entry)

        stop = StopSignals()
        try:
            with stop:
                for key, w in by_key.items():
                    # pickled here, unpickled on the worker only: the scheduler never loads a claim
                    fut = self.client.submit(decide_on_worker, cloudpickle.dumps(w), topic, key=key, pure=False)
                    fut.add_done_callback(lambda f, key=key: events.put(("done", key)))
                    futures[key] = fut
                while len(settled) < len(by_key) and stop.hit is None:
                    try:
                        kind, item = events.get(timeout=self.poll)
                    except queue.Empty:
                        continue
                    if kind == "start":
                        key, worker = item["key"], item["worker"]
                        if key not in by_key or key in settled:
                            continue
                        first = key not in running_on
                        running_on[key] = worker
                        if first and on_start:
                            on_start(by_key[key])
                        if self.on_running:
                            self.on_running(by_key[key].key, worker)
                    elif kind == "event":
                        if not isinstance(item, dict) or item.get("action") != "remove-worker" or item.get("expected"):
                            continue
                        dead = item.get("worker")
                        for key in item.get("processing-tasks") or ():
                            if key in by_key and key not in settled and running_on.get(key) == dead:
                                deaths.setdefault(key, []).append(dead)
                                running_on.pop(key)
                                if len(deaths[key]) > self.retries:  # the scheduler would try again: not here
                                    futures[key].cancel()
                                    settle(key, _lost(by_key[key], deaths[key], "not tried again"))
                    elif kind == "done" and item not in settled:
                        key, fut = item, futures[item]
                        if fut.status == "finished":
                            entry = fut.result()
                            if deaths.get(key):
                                entry["notes"].append(f"decided by another worker: the worker deciding it first ({', '.join(deaths[key])}) died mid-claim")
                            settle(key, entry)
                        elif fut.status == "error":
                            exc = fut.exception()
                            if isinstance(exc, KilledWorker):
                                settle(key, _lost(by_key[key], deaths.get(key) or [str(getattr(exc, 'last_worker', '') or '?')],
                                                  f"the scheduler gave up ({exc})"))
                            else:
                                settle(key, by_key[key].entry([], [], 0.0, why=f"could not be decided on the cluster: {type(exc).__name__}: {exc}",
                                                              note=f"the cluster failed to decide this claim: {type(exc).__name__}: {exc}"))
                        elif fut.status == "cancelled":
                            settle(key, by_key[key].entry([], [], 0.0, why="cancelled on the cluster",
                                                          note="the claim's task was cancelled on the cluster (not by this run)"))
        except KeyboardInterrupt:  # outside the main thread the default handler still raises
            stop.hit = signal.SIGINT
        finally:
            interrupted = stop.hit is not None
            out = [f for k, f in futures.items() if k not in settled]
            if out:
                self.client.cancel(out)
            for t in (topic, "all"):
                try:
                    self.client.unsubscribe_topic(t)
                except Exception:  # the connection is gone: nothing left to unsubscribe
                    pass
        return results, interrupted


def _lost(work, workers: list[str], what: str) -> dict:
    why = f"the worker deciding it died mid-claim, {len(workers)} time{'s' if len(workers) > 1 else ''} ({', '.join(workers)}); {what}"
    return work.entry([], [], 0.0, why=why, note=why)


_WARM = False


def decide_on_worker(payload: bytes, topic: str) -> dict | None:
    """The task: say where the claim runs, decide it in a forked child of this worker, return its entry.

    Returns None only when the client cancelled the claim while it ran (nobody reads that result)."""
    global _WARM
    from distributed import get_worker

    from optverify.executors.local import prewarm
    from optverify.executors.process import decide_in_child

    worker = get_worker()
    key = worker.get_current_task()
    if not _WARM:
        prewarm()
        _WARM = True
    work = pickle.loads(payload)  # a claim in use: its claims files are loaded here, from the same path
    # a nanny starts its worker as a daemonic process, which multiprocessing forbids to have children; the child
    # deciding the claim dies with the worker (PR_SET_PDEATHSIG) whatever this flag says
    mp.current_process()._config["daemon"] = False
    worker.log_event(topic, {"key": key, "worker": worker.address})

    def abandoned() -> bool:
        ts = worker.state.tasks.get(key)
        return ts is None or ts.state not in ("executing", "long-running")

    return decide_in_child(work, abandoned)
