"""Terminal output: progress while running and a summary table at the end (colour only on a terminal)."""

from __future__ import annotations

import sys

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from optverify.reports import ratio_text
from optverify.reports.json_report import duration

STYLE = {"proved": "green", "refuted": "bold red", "consistent": "cyan", "inconclusive": "yellow", "not-checkable": "dim"}


def console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, no_color=not stream.isatty(), soft_wrap=False, width=None if stream.isatty() else 160)


def summary_table(report: dict) -> Table:
    t = Table(title=f"optverify — {len(report['claims'])} claims, mode {report['mode']}, seed {report['seed']}")
    for col in ("id", "line", "verdict", "worst ratio", "s", "summary"):
        t.add_column(col, overflow="fold" if col == "summary" else "ellipsis")
    for e in report["claims"]:
        wr = ratio_text(e, 3)
        v = e["verdict"]
        corr = f" (corrected: {e['corrected']['verdict']})" if e.get("corrected") else ""
        t.add_row(e["id"], str(e["source"]["line"]), f"[{STYLE.get(v, '')}]{v}[/]{corr}", wr, f"{duration(report, e['id']) or 0:.1f}", e["summary"][:90])
    return t


def counts_line(report: dict) -> str:
    return ", ".join(f"{n} {v}" for v, n in report["counts"].items() if n)


class ClaimProgress:
    """A progress bar for `run` on a terminal: claims done, the claim being decided, elapsed time."""

    def __init__(self, con: Console, total: int):
        self._p = Progress(TextColumn("[bold]{task.fields[current]}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           TextColumn("{task.fields[last]}"), console=con, transient=True)
        self._task = self._p.add_task("claims", total=total, current="", last="")
        self._started: dict[str, float] = {}

    def __enter__(self):
        self._p.__enter__()
        return self

    def __exit__(self, *exc):
        return self._p.__exit__(*exc)

    def start_claim(self, cid: str) -> None:
        self._started[cid] = time.monotonic()
        self._p.update(self._task, current=", ".join(self._started))

    def done_claim(self, entry: dict) -> None:
        self._started.pop(entry["id"], None)
        v = entry["verdict"]
        self._p.update(self._task, advance=1, current=", ".join(self._started),
                       last=f"{entry['id']}: [{STYLE.get(v, '')}]{v}[/] ({entry['timings']['duration_s']:.1f}s)")


def progress(con: Console, total: int) -> ClaimProgress:
    return ClaimProgress(con, total)
