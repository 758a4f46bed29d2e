import os

os.environ.setdefault("NUMBA_NUM_THREADS", "2")
os.environ.setdefault("NUMBA_THREADING_LAYER", "workqueue")  # fork-safe: the runner forks one child per claim

import pytest

_DECIDED: dict[str, dict] = {}


@pytest.fixture(scope="session")
def decided():
    """``decided("003")`` → {id: report entry} for every claim of that source, decided once per test session (quick, seed 0).

    Every test file of a source shares the one run, however many files ask for it."""
    from optverify.claims import match
    from optverify.runner import run

    def get(source: str) -> dict:
        if source not in _DECIDED:
            entries, interrupted = run(match([f"{source}:*"]), "quick", 0)
            assert not interrupted
            _DECIDED[source] = {e["id"]: e for e in entries}
        return _DECIDED[source]

    return get
