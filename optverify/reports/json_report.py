"""report.json: schema, assembly and atomic writing."""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from optverify import __version__
from optverify.verdicts import VERDICTS

SCHEMA_VERSION = 2  # 2: every wall time (started, ended, duration_s, the interval checks' elapsed_s and boxes_per_second) under `timings`


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def build(entries: list[dict], *, mode: str, seed: int, started: str, ended: str | None, interrupted: bool,
          coverage: dict, requested: list[str]) -> dict:
    timings = {e["id"]: e["timings"] for e in entries if e.get("timings")}
    entries = [{k: v for k, v in e.items() if k != "timings"} for e in entries]
    counts = Counter(e["verdict"] for e in entries)
    by_source: dict[str, Counter] = {}
    for e in entries:
        by_source.setdefault(e["id"].split(":")[0], Counter())[e["verdict"]] += 1
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "optverify",
        "tool_version": __version__,
        "mode": mode,
        "seed": seed,
        "patterns": requested,
        "interrupted": interrupted,
        "complete": not interrupted,
        "counts": {v: counts.get(v, 0) for v in VERDICTS},
        "counts_by_source": {s: {v: c.get(v, 0) for v in VERDICTS} for s, c in sorted(by_source.items())},
        "coverage": coverage,
        "claims": entries,
        # the only part that differs between two runs with the same seed and mode
        "timings": {"started": started, "ended": ended, "claims": timings},
    }


def run_times(report: dict) -> tuple[str | None, str | None]:
    """(started, ended) of a run."""
    t = report.get("timings") or {}
    return t.get("started"), t.get("ended")


def duration(report: dict, claim_id: str) -> float | None:
    """Wall time of one claim, or None."""
    return (((report.get("timings") or {}).get("claims") or {}).get(claim_id) or {}).get("duration_s")


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; a report is for reading
    os.replace(tmp, path)


def dumps(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n"
