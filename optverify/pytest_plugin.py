"""pytest plugin: decide the optverify claims a test relies on, and report them.

Installed with optverify (entry point ``pytest11``), so it is active in every
pytest session where optverify is installed; ``-p no:optverify`` turns it off.

- ``@pytest.mark.claim("000:Thm 3", "000:L175")`` decides the named claims
  (once per session) before the test body runs.  A ``refuted`` claim fails
  the test with its certificate in the message; ``proved`` and ``consistent``
  let it run; ``inconclusive`` and ``not-checkable`` let it run with a
  :class:`ClaimUndecidedWarning`.  ``corrected=True`` judges the claim's
  corrected form instead of the printed one (for a statement refuted as
  printed whose corrected form holds).
- The ``optverify_claim`` fixture is a callable: ``optverify_claim("000:L222")``
  returns the claim's report entry (the dict of report.json's ``claims[]``).
- ``--optverify-mode {quick,thorough}``, ``--optverify-seed N`` and
  ``--optverify-budget S`` are passed to the runner; ``--optverify-report DIR``
  writes report.json, report.md and report.html of every claim decided in the
  session when it ends.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

MODES = ("quick", "thorough")
DECIDED_OK = ("proved", "consistent")


class ClaimUndecidedWarning(UserWarning):
    """A claim a test relies on ended inconclusive or not-checkable: the test ran without its support."""


class ClaimSession:
    """The claims decided in one pytest session, each decided once, with the options they were decided under."""

    def __init__(self, mode: str, seed: int, budget: float | None):
        self.mode, self.seed, self.budget = mode, seed, budget
        self.entries: dict[str, dict] = {}
        self.started: str | None = None

    def decide(self, claim_id: str) -> dict:
        """The report entry of ``claim_id``, deciding it on first use; an unknown id fails the test."""
        if claim_id not in self.entries:
            from optverify.claims import get
            from optverify.errors import UserError
            from optverify.reports.json_report import now
            from optverify.runner import decide

            try:
                claim = get(claim_id)
            except UserError as exc:
                pytest.fail(f"optverify: {exc}", pytrace=False)
            self.started = self.started or now()
            self.entries[claim_id] = decide(claim, self.mode, self.seed, self.budget)
        return self.entries[claim_id]

    def report(self, interrupted: bool) -> dict:
        from optverify.claims import all_claims
        from optverify.claims.coverage_map import coverage_counts
        from optverify.reports import json_report

        order = {c.id: i for i, c in enumerate(all_claims())}
        entries = sorted(self.entries.values(), key=lambda e: order.get(e["id"], len(order)))
        now = json_report.now()
        return json_report.build(entries, mode=self.mode, seed=self.seed, started=self.started or now, ended=now,
                                 interrupted=interrupted, coverage=coverage_counts(),
                                 requested=[e["id"] for e in entries])


SESSION_KEY = pytest.StashKey[ClaimSession]()


def _session(config) -> ClaimSession:
    return config.stash[SESSION_KEY]


def pytest_addoption(parser):
    group = parser.getgroup("optverify", "optverify: decide the claims tests rely on")
    group.addoption("--optverify-mode", choices=MODES, default="quick",
                    help="how hard to search when deciding claims (default: quick)")
    group.addoption("--optverify-seed", type=int, default=0, help="seed of the claim decisions (default: 0)")
    group.addoption("--optverify-budget", type=float, default=None, metavar="S",
                    help="seconds per claim (default: 30 quick, 300 thorough)")
    group.addoption("--optverify-report", default=None, metavar="DIR",
                    help="write report.json, report.md and report.html of the claims decided in the session to DIR")
    group.addoption("--optverify-claims", action="append", default=[], metavar="FILE_OR_MODULE",
                    help="also use the claims of this file or module (repeatable; adds to the optverify_claims ini key)")
    parser.addini("optverify_claims", type="linelist", default=[],
                  help="claims files (relative to the rootdir) or modules whose claims tests may name")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "claim(*ids, corrected=False): decide the named optverify claims before the test runs; "
        "a refuted claim fails the test with its certificate")
    budget = config.getoption("optverify_budget")
    if budget is not None and not budget > 0:
        raise pytest.UsageError("--optverify-budget must be positive")
    config.stash[SESSION_KEY] = ClaimSession(config.getoption("optverify_mode"), config.getoption("optverify_seed"), budget)
    refs = [_from_rootdir(config, r) for r in config.getini("optverify_claims")] + list(config.getoption("optverify_claims"))
    if refs:
        from optverify.claims import use
        from optverify.errors import UserError

        try:
            use(*refs)
        except UserError as exc:
            raise pytest.UsageError(f"optverify: {exc}") from None


def _from_rootdir(config, ref: str) -> str:
    """An ini entry that names a file is relative to the rootdir; a module name is kept as it is."""
    p = Path(config.rootpath) / ref
    return str(p) if (ref.endswith(".py") or "/" in ref) else ref


def pytest_report_header(config):
    s = _session(config)
    out = config.getoption("optverify_report")
    return f"optverify: claims decided in mode {s.mode}, seed {s.seed}" + (f"; report to {out}" if out else "")


def _refutation_message(entry: dict, judged: dict, corrected: bool, mode: str, seed: int) -> str:
    src = entry.get("source") or {}
    form = "corrected form of claim" if corrected else "claim"
    lines = [f"optverify: {form} {entry['id']} is refuted (mode {mode}, seed {seed})",
             f"  {src.get('file')} line {src.get('line')}: {entry.get('title')}",
             f"  statement: {judged.get('statement_latex') if corrected else entry.get('conclusion')}",
             f"  {entry['summary'] if not corrected else ''}".rstrip()]
    for c in judged.get("checks") or []:
        if c.get("verdict") != "refuted":
            continue
        lines.append(f"  refuting check: {c['strategy']} [{c['part']}]: {c['summary']}")
        if c.get("certificate"):
            cert = json.dumps(c["certificate"], indent=2, ensure_ascii=False, default=str)
            lines.append("  certificate:\n" + "\n".join("    " + ln for ln in cert.splitlines()))
    cr = entry.get("corrected")
    if cr and not corrected:
        lines.append(f"  corrected form ({cr['verdict']}): {cr['statement_latex']} — {cr['reason']}")
        if cr["verdict"] in DECIDED_OK:
            lines.append(f'  to rely on the corrected form: @pytest.mark.claim("{entry["id"]}", corrected=True)')
    return "\n".join(ln for ln in lines if ln.strip())


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    marks = list(item.iter_markers("claim"))
    if not marks:
        return
    session = _session(item.config)
    failures: list[str] = []
    seen: set[tuple[str, bool]] = set()
    for mark in marks:
        unknown = set(mark.kwargs) - {"corrected"}
        if unknown or not mark.args or not all(isinstance(a, str) for a in mark.args):
            pytest.fail(f"optverify: use @pytest.mark.claim('ID', ..., corrected=False); got args {mark.args!r}, "
                        f"keywords {sorted(mark.kwargs)!r}", pytrace=False)
        corrected = bool(mark.kwargs.get("corrected", False))
        for cid in mark.args:
            if (cid, corrected) in seen:
                continue
            seen.add((cid, corrected))
            entry = session.decide(cid)
            judged = entry
            if corrected:
                if not entry.get("corrected"):
                    pytest.fail(f"optverify: claim {cid} has no corrected form; mark it without corrected=True", pytrace=False)
                judged = entry["corrected"]
            verdict = judged["verdict"]
            item.user_properties.append((f"optverify {cid}" + (" (corrected)" if corrected else ""), verdict))
            if verdict == "refuted":
                failures.append(_refutation_message(entry, judged, corrected, session.mode, session.seed))
            elif verdict not in DECIDED_OK:
                warnings.warn(ClaimUndecidedWarning(
                    f"claim {cid}{' (corrected form)' if corrected else ''} is {verdict}: {entry.get('summary')}"), stacklevel=1)
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


@pytest.fixture(scope="session")
def optverify_claim(pytestconfig):
    """A callable deciding a claim id (once per session) and returning its report entry.

    Session-scoped, so it also serves hypothesis ``@given`` tests.

    >>> def test_bias_correction(optverify_claim):  # doctest: +SKIP
    ...     assert optverify_claim("000:L222")["verdict"] == "proved"
    """
    session = _session(pytestconfig)

    def decide_claim(claim_id: str) -> dict:
        return session.decide(claim_id)

    return decide_claim


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    out = session.config.getoption("optverify_report")
    if not out:
        return
    from optverify.reports import json_report, markdown
    from optverify.reports.html import write_html

    rep = _session(session.config).report(interrupted=exitstatus == pytest.ExitCode.INTERRUPTED)
    out_dir = Path(out)
    json_report.write_atomic(out_dir / "report.json", json_report.dumps(rep))
    json_report.write_atomic(out_dir / "report.md", markdown.render(rep))
    write_html(rep, out_dir)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    s = _session(config)
    if not s.entries:
        return
    counts: dict[str, int] = {}
    for e in s.entries.values():
        counts[e["verdict"]] = counts.get(e["verdict"], 0) + 1
    line = f"optverify: {len(s.entries)} claims decided (" + ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) + ")"
    out = config.getoption("optverify_report")
    if out:
        line += f"; report: {Path(out) / 'report.html'}"
    terminalreporter.write_line(line)
