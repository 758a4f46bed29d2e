import os

os.environ.setdefault("NUMBA_NUM_THREADS", "2")
os.environ.setdefault("NUMBA_THREADING_LAYER", "workqueue")  # fork-safe: the runner forks one child per claim

import pickle
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

_ASKED = re.compile(r'decided\("(\d{3})"\)')
_DECIDED: dict[str, dict] = {}
_DECIDER: dict = {}


def pytest_collection_modifyitems(session, config, items):
    """Tests that read the session's decisions run after all the others, and the decisions start now, in a second
    process beside this one (``decide_sources.py``, one claim at a time): the rest of the suite runs meanwhile
    instead of waiting for them.  Each source is still decided once, by the runner, in quick mode with seed 0."""
    deciding = [it for it in items if "decided" in getattr(it, "fixturenames", ())]
    if not deciding or config.getoption("collectonly"):
        return
    items[:] = [it for it in items if "decided" not in getattr(it, "fixturenames", ())] + deciding
    # the sources the collected tests name, in the order they will ask for them (e.g. one file's one source)
    sources = []
    for path in dict.fromkeys(str(it.path) for it in deciding):
        sources += [s for s in _ASKED.findall(Path(path).read_text(encoding="utf-8")) if s not in sources]
    if not sources:
        return
    import optverify

    out = Path(tempfile.mkdtemp(prefix="optverify-decided-"))
    log = open(out / "decider.log", "wb")
    # the very package this session imports (a checkout's, not an installed copy's: one numba cache, one code)
    root = str(Path(optverify.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    _DECIDER.update(out=out, log=log, sources=sources, proc=subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("decide_sources.py")), str(out), *sources],
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
        shutil.rmtree(_DECIDER["out"], ignore_errors=True)


def _wait_for(source: str) -> dict:
    path = _DECIDER["out"] / f"{source}.pkl"
    while not path.exists():
        if _DECIDER["proc"].poll() is not None and not path.exists():
            _DECIDER["log"].flush()
            raise RuntimeError(f"deciding {source} failed (exit {_DECIDER['proc'].returncode}):\n"
                               + (_DECIDER["out"] / "decider.log").read_text(errors="replace")[-4000:])
        time.sleep(0.2)
    return _by_id(*pickle.loads(path.read_bytes()))


def _by_id(entries: list, interrupted: bool) -> dict:
    assert not interrupted
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="session")
def decided():
    """``decided("003")`` → {id: report entry} for every claim of that source, decided once per test session (quick, seed 0).

    Every test file of a source shares the one run, however many files ask for it."""

    def get(source: str) -> dict:
        if source not in _DECIDED:
            if source in _DECIDER.get("sources", ()):
                _DECIDED[source] = _wait_for(source)
            else:  # asked in a way the collection did not see: decided here, as before
                from decide_sources import decide

                _DECIDED[source] = _by_id(*decide(source, jobs=2))
        return _DECIDED[source]

    return get
