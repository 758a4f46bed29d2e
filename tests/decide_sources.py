"""Decide bundled sources one after another (quick mode, seed 0), each into OUT/<source>.pkl as it completes.

    python tests/decide_sources.py OUT 004 000 ...

The test session runs this beside its own tests (tests/conftest.py): one claim at a time here, the rest of the
suite in the session's process, so that the two cores are both at work.  Each file holds (entries, interrupted)
exactly as ``optverify.runner.run`` returned them.  SIGTERM stops after the claims in flight (the runner's own
handling), writing nothing more.
"""

import os
import pickle
import sys
from pathlib import Path


def decide(source: str, jobs: int = 1) -> tuple[list[dict], bool]:
    """(entries, interrupted): every claim of ``source`` decided by the runner, quick mode, seed 0 (the session's one decision)."""
    from optverify.claims import match
    from optverify.runner import run

    return run(match([f"{source}:*"]), "quick", 0, jobs=jobs)


def main(out: str, sources: list[str]) -> int:
    for source in sources:
        entries, interrupted = decide(source)
        if interrupted:
            return 130
        tmp = Path(out) / f"{source}.tmp"
        tmp.write_bytes(pickle.dumps((entries, interrupted)))
        os.replace(tmp, Path(out) / f"{source}.pkl")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
