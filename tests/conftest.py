import os

os.environ.setdefault("NUMBA_NUM_THREADS", "2")
os.environ.setdefault("NUMBA_THREADING_LAYER", "workqueue")  # fork-safe: the runner forks one child per claim

import pickle
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

# the bundled sources in the order the tests ask for them (the tests that ask run last: see below)
SOURCES = ("004", "000", "001", "002", "003")
_DECIDED: dict[str, dict] = {}
_DECIDER: dict = {}


def pytest_collection_modifyitems(session, config, items):
    """Tests that read the session's decisions run after all the others, and the decisions start now, in a second
    process beside this one (``decide_sources.py``, one claim at a time): the rest of the suite runs meanwhile
    instead of waiting for them.  Each source is still decided once, by the runner, in quick mode with seed 0."""
    deciding = [it for it in items if "decided" in getattr(it, "fixturenames", ())]
    if not deciding:
        return
    items[:] = [it for it in items if "decided" not in getattr(it, "fixturenames", ())] + deciding
    import optverify

    out = Path(tempfile.mkdtemp(prefix="optverify-decided-"))
    log = open(out / "decider.log", "wb")
    # the very package this session imports (a checkout's, not an installed copy's: one numba cache, one code)
    root = str(Path(optverify.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    _DECIDER.update(out=out, log=log, proc=subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("decide_sources.py")), str(out), *SOURCES],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env))


def pytest_unconfigure(config):
    proc = _DECIDER.get("proc")
    if proc is not None and proc.poll() is None:
        proc.terminate()  # the runner stops after the claims in flight ...
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # ... and nothing of its process group outlives the session
        except ProcessLookupError:
            pass
        proc.wait()
    if "log" in _DECIDER:
        _DECIDER["log"].close()


def _wait_for(source: str) -> dict:
    if not _DECIDER:
        raise RuntimeError("the session's decisions were not started (no collected test asked for them)")
    path = _DECIDER["out"] / f"{source}.pkl"
    while not path.exists():
        if _DECIDER["proc"].poll() is not None and not path.exists():
            _DECIDER["log"].flush()
            raise RuntimeError(f"deciding {source} failed (exit {_DECIDER['proc'].returncode}):\n"
                               + (_DECIDER["out"] / "decider.log").read_text(errors="replace")[-4000:])
        time.sleep(0.2)
    entries, interrupted = pickle.loads(path.read_bytes())
    assert not interrupted
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="session")
def decided():
    """``decided("003")`` → {id: report entry} for every claim of that source, decided once per test session (quick, seed 0).

    Every test file of a source shares the one run, however many files ask for it."""

    def get(source: str) -> dict:
        if source not in SOURCES:
            raise KeyError(f"{source} is not decided for the session (SOURCES in tests/conftest.py)")
        if source not in _DECIDED:
            _DECIDED[source] = _wait_for(source)
        return _DECIDED[source]

    return get
