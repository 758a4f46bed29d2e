"""The `optverify` command: run, list, show, check, coverage."""

from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import time
from pathlib import Path

from optverify import __version__
from optverify.errors import UserError

DEFAULT_OUT = "optverify-report"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, exit 2
        raise UserError(f"{self.prog}: {message}")


def _mode(value: str) -> str:
    if value not in ("quick", "thorough"):
        raise UserError(f"unknown mode {value!r}: use quick or thorough")
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="optverify", description="Check the mathematics of optimization-for-ML lecture material.")
    p.add_argument("--version", action="version", version=f"optverify {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    r = sub.add_parser("run", help="decide claims and write report.json and report.md")
    r.add_argument("patterns", nargs="*", help="claim ids or glob patterns (default: every claim)")
    r.add_argument("--mode", default="quick", type=str)
    r.add_argument("--seed", default=0, type=int)
    r.add_argument("--out", default=DEFAULT_OUT, help=f"report folder (default: ./{DEFAULT_OUT})")
    r.add_argument("--fail-on", choices=["refuted"], default=None)
    r.add_argument("--budget", type=float, default=None, help="seconds per claim (default: 30 quick, 300 thorough)")
    r.add_argument("--workers", "--jobs", dest="workers", type=int, default=2,
                   help="claims decided at once by the local pool (default 2; --jobs is the old name)")
    r.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="decide the claims on the dask.distributed cluster of this scheduler, e.g. tcp://host:8786 "
                        "(default: $OPTVERIFY_SCHEDULER, else the local pool); needs pip install 'optverify[distributed]'")
    r.add_argument("--quiet", action="store_true", help="no progress and no table: one summary line")
    r.add_argument("--json", action="store_true", help="print report.json to stdout instead of the table")

    ls = sub.add_parser("list", help="list claims")
    ls.add_argument("pattern", nargs="?", default=None)
    ls.add_argument("--json", action="store_true")

    sh = sub.add_parser("show", help="show one claim")
    sh.add_argument("id")
    sh.add_argument("--json", action="store_true")

    ck = sub.add_parser("check", help="decide one claim, optionally with its bound scaled or replaced")
    ck.add_argument("id")
    ck.add_argument("--scale", type=str, default=None)
    ck.add_argument("--bound", type=str, default=None)
    ck.add_argument("--mode", default="quick", type=str)
    ck.add_argument("--seed", default=0, type=int)
    ck.add_argument("--budget", type=float, default=None)
    ck.add_argument("--json", action="store_true")

    tg = sub.add_parser("tighten", help="the sharp constant in front of a claim's bound (exact per N where performance estimation applies)")
    tg.add_argument("id")
    tg.add_argument("--mode", default="quick", type=str)
    tg.add_argument("--seed", default=0, type=int)
    tg.add_argument("--budget", type=float, default=None)
    tg.add_argument("--json", action="store_true")

    cv = sub.add_parser("coverage", help="numbered statements and checkable displays of a source, encoded or not")
    cv.add_argument("source", nargs="?", default=None, help="a source name (000…004, or one of a claims file's), a bundled file name or a path (default: every source in use)")
    cv.add_argument("--json", action="store_true")
    for sp_ in (r, ls, sh, ck, tg, cv):
        sp_.add_argument("--claims", action="append", default=[], metavar="FILE_OR_MODULE",
                         help="also use the claims of this file or module (repeatable)")
    return p


def _claim_dict(c) -> dict:
    import sympy as sp

    return {
        "id": c.id,
        "source": c.source.to_dict(),
        "title": c.title,
        "kind": c.kind,
        "statement_latex": c.statement_latex,
        "conclusion": c.conclusion,
        "hypotheses": c.hypotheses,
        "constants": c.constants,
        "symbols": {n: {"assumptions": {k: v for k, v in s.assumptions0.items() if v}} for n, s in c.symbols.items()},
        "bound": None if c.bound is None else sp.sstr(c.bound),
        "checks": [{"strategy": getattr(s, "strategy", type(s).__name__), "part": getattr(s, "part", "main"), "spec": type(s).__name__} for s in c.checks],
        "corrected": None if c.corrected is None else {"statement_latex": c.corrected.statement_latex, "reason": c.corrected.reason},
        "notes": c.notes,
    }


def cmd_list(args) -> int:
    from optverify.claims import match

    claims = match([args.pattern] if args.pattern else [])
    if args.json:
        print(json.dumps([{"id": c.id, "line": c.source.line, "kind": c.kind, "title": c.title} for c in claims], indent=2, ensure_ascii=False))
    else:
        for c in claims:
            print(f"{c.id:14s} line {c.source.line:<5d} {c.kind:18s} {c.title}")
    return 0


def cmd_show(args) -> int:
    from optverify.claims import get

    d = _claim_dict(get(args.id))
    if args.json:
        print(json.dumps(d, indent=2, ensure_ascii=False))
        return 0
    print(f"{d['id']} — {d['title']}  ({d['kind']})")
    print(f"source: {d['source']['file']} line {d['source']['line']}")
    print("statement (as printed):")
    print("  " + d["statement_latex"].replace("\n", "\n  "))
    print(f"read as: {d['conclusion']}")
    for h in d["hypotheses"]:
        print(f"hypothesis: {h}")
    if d["symbols"]:
        print("symbols: " + ", ".join(f"{n}" + (f" ({d['constants'].get(n)})" if d["constants"].get(n) else "") for n in d["symbols"]))
    print(f"bound: {d['bound']}")
    for ch in d["checks"]:
        print(f"check: {ch['strategy']} [{ch['part']}]")
    if d["corrected"]:
        print(f"corrected form: {d['corrected']['statement_latex']} — {d['corrected']['reason']}")
    return 0


#: constants a bound may name besides the claim's symbols
_BOUND_CONSTANTS = {"pi", "E", "oo"}


def _unknown_names(claim, text: str) -> list[str]:
    """Names in ``text`` that are neither the claim's symbols, nor a sympy function being called, nor pi, E, oo.

    Names are taken whole, as Python tokens: ``nosuchsym`` is one unknown name, never the letters n, o, s, …"""
    import io
    import tokenize

    import sympy as sp

    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []  # malformed: parse_expr says so
    unknown = []
    for i, t in enumerate(toks):
        if t.type != tokenize.NAME or t.string in claim.symbols or t.string in _BOUND_CONSTANTS:
            continue
        called = i + 1 < len(toks) and toks[i + 1].string == "("
        if called and callable(getattr(sp, t.string, None)):
            continue
        if t.string not in unknown:
            unknown.append(t.string)
    return unknown


def _parse_bound(claim, text: str):
    """A sympy expression in the claim's symbols (sympy syntax; names taken whole, no splitting into letters)."""
    import sympy as sp
    from sympy.parsing.sympy_parser import implicit_multiplication, parse_expr, standard_transformations

    if claim.bound is None:
        raise UserError(f"claim {claim.id} has no bound to replace")
    unknown = _unknown_names(claim, text)
    if unknown:
        raise UserError(f"bound {text!r} uses {', '.join(unknown)}, which claim {claim.id} does not have (its symbols: {', '.join(claim.symbols)})")
    local = dict(claim.symbols)
    try:
        expr = parse_expr(text, local_dict=local, transformations=standard_transformations + (implicit_multiplication,), evaluate=True)
    except Exception as exc:  # sympy raises many kinds on bad syntax
        raise UserError(f"malformed bound expression {text!r}: {type(exc).__name__}") from None
    if not isinstance(expr, sp.Expr):
        raise UserError(f"bound {text!r} is not an expression")
    unknown = sorted(s.name for s in expr.free_symbols if s.name not in claim.symbols)
    if unknown:
        raise UserError(f"bound {text!r} uses {', '.join(unknown)}, which claim {claim.id} does not have (its symbols: {', '.join(claim.symbols)})")
    return expr


def _parse_scale(claim, text: str) -> float:
    try:
        val = float(text)
    except ValueError:
        raise UserError(f"--scale {text!r} is not a number") from None
    if not math.isfinite(val) or val <= 0:
        raise UserError(f"--scale must be a positive finite number, got {text}")
    if claim.bound is None:
        from optverify.runner import Override

        if not Override.scalable_rhs(claim):
            raise UserError(f"claim {claim.id} has no bound to scale and no inequality with a nonzero right-hand side "
                            f"(its checks: {', '.join(sorted({type(s).__name__ for s in claim.checks})) or 'none'})")
    return val


def cmd_check(args) -> int:
    from optverify.claims import get
    from optverify.runner import Override, decide

    mode = _mode(args.mode)
    claim = get(args.id)
    ov = Override(scale=_parse_scale(claim, args.scale) if args.scale is not None else None,
                  bound=_parse_bound(claim, args.bound) if args.bound is not None else None)
    entry = decide(claim, mode, args.seed, args.budget, ov)
    if args.json:
        print(json.dumps(entry, indent=2, ensure_ascii=False, default=str))
    else:
        print(f"{entry['id']}: {entry['verdict']} — {entry['summary']}")
        if entry.get("bound_in_force"):
            print(f"  bound in force: {entry['bound_in_force']}")
        elif (entry.get("override") or {}).get("scales"):
            print(f"  scaled: the {entry['override']['scales']} × {entry['override']['scale']:g}")
        for c in entry["checks"]:
            print(f"  {c['strategy']} [{c['part']}]: {c['verdict']} — {c['summary']}")
            for row in (c.get("evidence") or {}).get("pep_table", []):
                b = f"bound {row['bound']:.6g}, ratio {row['ratio']:.6g}" if "bound" in row else "no bound"
                t = f", closed form {row['tight']:.6g}" if "tight" in row else ""
                u = f" (not resolved: {row['unresolved']})" if row.get("unresolved") else ""
                print(f"    N = {row['N']:<3d} ({', '.join(f'{k} = {v}' for k, v in row['constants'].items())}): PEP worst case {row['worst_case']:.6g}, {b}{t}{u}")
            if c.get("certificate"):
                print("    certificate: " + json.dumps(c["certificate"], ensure_ascii=False, default=str)[:600])
        if entry.get("corrected"):
            print(f"  corrected form: {entry['corrected']['verdict']} — {entry['corrected']['statement_latex']}")
    return 0


def cmd_tighten(args) -> int:
    """Performance estimation gives the sharp constant per N; any other claim, the largest ratio its checks found."""
    from optverify.budget import Budget
    from optverify.checks.result import CheckContext, claim_seed
    from optverify.claims import get
    from optverify.claims.specs import PerformanceEstimation
    from optverify.runner import BUDGETS, Override, decide

    mode = _mode(args.mode)
    claim = get(args.id)
    budget = args.budget or BUDGETS[mode]
    peps = [s for s in claim.checks if isinstance(s, PerformanceEstimation) and s.rhs is not None]
    if not peps:
        entry = decide(claim, mode, args.seed, args.budget, Override())
        out = {"id": claim.id, "method": "largest measured/bound ratio found by the claim's checks (a lower bound on the sharp constant)",
               "worst_ratio": entry.get("worst_ratio"), "verdict": entry["verdict"]}
        # Monte Carlo checks: the smallest constant in front of the bound that no experiment breaks (bounds.tighten)
        # (of the statement as printed, and of its corrected form)
        sims = [(which, c) for which, cs in (("", entry.get("checks", [])), ("corrected", (entry.get("corrected") or {}).get("checks", [])))
                for c in cs if isinstance(c.get("evidence"), dict) and "tightest_constant" in c["evidence"]]
        if sims:
            out["simulation"] = [{"part": " ".join(x for x in (which, c.get("part") or "") if x), **c["evidence"]["tightest_constant"]}
                                 for which, c in sims]
        if args.json:
            print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
        else:
            r = out["worst_ratio"]
            print(f"{claim.id}: no performance-estimation check applies; {out['method']}: " + ("none" if r is None else f"{r:.6g}"))
            for t in out.get("simulation", []):
                print(f"  simulation{' [' + t['part'] + ']' if t['part'] else ''}: measured ≤ c · bound holds in every experiment "
                      f"for c ≥ {t['c_upper']:.6g} (the smallest constant the experiments cannot break; attained at "
                      f"{t['attained_at']}); c < {t['c_lower']:.6g} is broken at family-wise confidence 0.999")
        return 0
    from optverify.checks.pep import sharp_constants

    ctx = CheckContext(seed=claim_seed(args.seed, claim.id), mode=mode, bound=claim.bound, budget=Budget(time.monotonic() + budget))
    results = []
    for spec in peps:
        try:
            rows, res = sharp_constants(spec, ctx)
        except Exception as exc:  # solver or dependency failure: said, never a number
            results.append({"part": spec.part, "error": f"{type(exc).__name__}: {exc}"})
            continue
        results.append({"part": spec.part, "rows": [{"N": r["N"], "constants": r["constants"], "worst_case": r["worst_case"], "bound": r["bound"],
                                                     "sharp_constant": r["ratio"], "tight": r.get("tight")} for r in rows],
                        "smallest_constant_on_grid": res.c_point, "attained_at": res.worst.instance})
    if args.json:
        print(json.dumps({"id": claim.id, "method": "performance estimation (exact worst case per N)", "results": results}, indent=2, ensure_ascii=False, default=str))
        return 0
    for r in results:
        print(f"{claim.id} [{r['part']}]: performance estimation, exact worst case per N")
        if "error" in r:
            print(f"  failed: {r['error']}")
            continue
        for row in r["rows"]:
            t = f"  closed form {row['tight']:.6g}" if row.get("tight") is not None else ""
            cs = ", ".join(f"{k} = {v}" for k, v in row["constants"].items())
            print(f"  N = {row['N']:<3d} ({cs}): worst case {row['worst_case']:.6g}  bound {row['bound']:.6g}  sharp constant {row['sharp_constant']:.6g}{t}")
        print(f"  the bound times c holds at every N on the grid exactly when c ≥ {r['smallest_constant_on_grid']:.6g} (attained at {r['attained_at']})")
    return 0


def cmd_coverage(args) -> int:
    from optverify.claims import sources as in_use
    from optverify.claims.coverage_map import coverage

    sources = [args.source] if args.source else sorted(in_use())
    results = [coverage(s) for s in sources]
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], indent=2, ensure_ascii=False))
        return 0
    for cv in results:
        print(f"{cv['source']}: {cv['claims']} claims; statements {cv['statements_encoded']}/{cv['statements']} encoded, "
              f"displays {cv['displays_encoded']}/{cv['displays']} encoded")
        for it in cv["items"]:
            mark = "encoded " if it["claims"] else "MISSING "
            what = it["label"] or ("display " + "".join(it["relations"]))
            print(f"  {mark} L{it['line']:<5d} {what:20s} {', '.join(it['claims'])}")
    return 0


def _writable_dir(arg: str) -> Path:
    """The report folder, created if need be and tried with a scratch file, before any claim is decided."""
    import tempfile

    out = Path(arg)
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {arg!r} is an existing file, not a folder: give a folder for report.json, report.md and report.html")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise UserError(f"--out {arg!r} is not a writable folder: {exc.strerror or exc}") from None
    return out


def cmd_run(args) -> int:
    from optverify.claims import match
    from optverify.executors import executor_for

    mode = _mode(args.mode)
    if args.budget is not None and not (args.budget > 0):
        raise UserError("--budget must be positive")
    if args.workers < 1:
        raise UserError("--workers (--jobs) must be at least 1")
    claims = match(args.patterns)
    out = _writable_dir(args.out)
    executor = executor_for(args.scheduler, args.workers)  # a scheduler that cannot be reached: one line, exit 2
    try:
        return _run_on(executor, args, mode, claims, out)
    finally:
        close = getattr(executor, "close", None)
        if close:
            close()


SAVE_COST_RATIO = 20  #: a run spends at most about 1/20 of its time rewriting its partial report
CHEAP_SAVE_S = 0.05  #: a save cheaper than this is always made (so the partial report of a small run is always current)


def _run_on(executor, args, mode, claims, out) -> int:
    from optverify.claims.coverage_map import coverage_counts
    from optverify.reports import html, json_report, markdown, terminal
    from optverify.runner import run

    started = json_report.now()
    cov = coverage_counts()  # every source in use, those without claims too
    con = terminal.console(stderr=True)
    entries: list[dict] = []

    def write(ended, interrupted, final=True):
        rep = json_report.build(entries, mode=mode, seed=args.seed, started=started, ended=ended, interrupted=interrupted,
                                coverage=cov, requested=list(args.patterns))
        json_report.write_atomic(out / "report.json", json_report.dumps(rep))
        json_report.write_atomic(out / "report.md", markdown.render(rep))
        if final:  # the HTML page (MathML, plots) costs about a second: written once, at the end or on interrupt
            html.write_html(rep, out)
        return rep

    t0 = time.monotonic()
    quiet = args.quiet or args.json
    bar = terminal.progress(con, len(claims)) if (con.is_terminal and not quiet) else None

    def on_start(c):
        if bar is not None:
            bar.start_claim(c.id)

    save = {"at": 0.0, "cost": 0.0}

    def on_result(e):
        entries.append(e)
        # keep what is decided, should the run be cut off.  Each save rewrites the whole report, so saving after every
        # claim would be quadratic in the claims: once a save costs more than CHEAP_SAVE_S, save when the time since
        # the last save is SAVE_COST_RATIO times what it cost (a small report is saved after every claim)
        if save["cost"] < CHEAP_SAVE_S or time.monotonic() - save["at"] >= SAVE_COST_RATIO * save["cost"]:
            t = time.monotonic()
            write(None, True, final=False)
            save["at"] = time.monotonic()
            save["cost"] = save["at"] - t
        if bar is not None:
            bar.done_claim(e)
        elif not quiet:
            con.print(f"[{len(entries)}/{len(claims)}] {e['id']:14s} {e['verdict']:13s} {e['timings']['duration_s']:6.1f}s  (elapsed {time.monotonic() - t0:.0f}s)")

    from optverify.executors.local import LocalPool

    if not quiet and not isinstance(executor, LocalPool):
        con.print(f"deciding {len(claims)} claim{'s' if len(claims) != 1 else ''} on the {executor.describe()}")
    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        if bar is not None:
            bar.__enter__()
        decided, interrupted = run(claims, mode, args.seed, on_result=on_result, on_start=on_start, budget=args.budget, executor=executor)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if bar is not None:
            bar.__exit__(None, None, None)
    entries[:] = decided  # claim order, whatever order they finished in
    # a Ctrl-C (or SIGTERM) while the final report is written must not cut it short: it is noted and answered after
    late: list[int] = []
    held = {sig: signal.signal(sig, lambda signum, frame: late.append(signum)) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        rep = write(json_report.now(), interrupted)
    finally:
        for sig, handler in held.items():
            signal.signal(sig, handler)
    if args.json:
        print(json_report.dumps(rep), end="")
        return 130 if interrupted or late else (1 if args.fail_on == "refuted" and rep["counts"]["refuted"] else 0)
    if not args.quiet:
        terminal.console().print(terminal.summary_table(rep))
    print(f"{'interrupted: ' if interrupted else ''}{len(entries)} of {len(claims)} claims decided ({terminal.counts_line(rep)}); report: {out / 'report.json'}, {out / 'report.md'}, {out / 'report.html'}")
    if interrupted or late:
        return 130
    if args.fail_on == "refuted" and rep["counts"]["refuted"]:
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return 2
        if args.claims:
            from optverify.claims import use

            use(*args.claims)
        return {"run": cmd_run, "list": cmd_list, "show": cmd_show, "check": cmd_check, "tighten": cmd_tighten, "coverage": cmd_coverage}[args.command](args)
    except UserError as exc:
        print(f"optverify: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("optverify: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped (e.g. `| head`)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
