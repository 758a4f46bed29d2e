"""Terminal output: progress while running and a summary table at the end (colour only on a terminal)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

STYLE = {"proved": "green", "refuted": "bold red", "consistent": "cyan", "inconclusive": "yellow", "not-checkable": "dim"}


def console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, no_color=not stream.isatty(), soft_wrap=False, width=None if stream.isatty() else 160)


def summary_table(report: dict) -> Table:
    t = Table(title=f"optverify — {len(report['claims'])} claims, mode {report['mode']}, seed {report['seed']}")
    for col in ("id", "line", "verdict", "worst ratio", "s", "summary"):
        t.add_column(col, overflow="fold" if col == "summary" else "ellipsis")
    for e in report["claims"]:
        wr = "" if e.get("worst_ratio") is None else f"{e['worst_ratio']:.3g}"
        v = e["verdict"]
        corr = f" (corrected: {e['corrected']['verdict']})" if e.get("corrected") else ""
        t.add_row(e["id"], str(e["source"]["line"]), f"[{STYLE.get(v, '')}]{v}[/]{corr}", wr, f"{e['duration_s']:.1f}", e["summary"][:90])
    return t


def counts_line(report: dict) -> str:
    return ", ".join(f"{n} {v}" for v, n in report["counts"].items() if n)
