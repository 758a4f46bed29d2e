"""Which numbered statements and checkable displays of a source are encoded as claims."""

from __future__ import annotations

from pathlib import Path

from optverify.claims import of_source, sources
from optverify.claims.sources import SOURCES_DIR
from optverify.coverage import label_to_id_label, scan_source
from optverify.errors import UserError


def resolve_source(arg: str) -> tuple[str | None, Path]:
    """A source name ('000', or a loaded claims file's), a bundled file name, or a path → (name or None, path)."""
    known = sources()
    if arg in known:
        src = known[arg]
        return arg, Path(getattr(src, "path", src))
    p = Path(arg)
    if not p.exists() and (SOURCES_DIR / arg).exists():
        p = SOURCES_DIR / arg
    if not p.exists():
        raise UserError(f"no source {arg!r}: give a source name ({', '.join(known)}), a bundled file name, or a path")
    for name, src in known.items():
        if Path(getattr(src, "path", src)).resolve() == p.resolve():
            return name, p
    return None, p


def coverage(arg: str) -> dict:
    seed, path = resolve_source(arg)
    items = scan_source(path.read_text(encoding="utf-8"))
    claims = of_source(seed) if seed is not None else []
    ids = {c.id for c in claims}
    spans = [(c.source.line, c.source.last_line, c.id) for c in claims]
    rows = []
    for it in items:
        if it.kind == "statement":
            base = f"{seed}:{label_to_id_label(it.label)}" if seed else None
            hit = [cid for cid in (base, f"{base}@L{it.line}") if cid in ids]
            if not hit:
                hit = [cid for lo, hi, cid in spans if lo <= it.line <= hi]
        else:
            hit = [cid for lo, hi, cid in spans if lo <= it.end_line and it.line <= hi]
        rows.append({"kind": it.kind, "label": it.label, "line": it.line, "end_line": it.end_line,
                     "relations": it.relations, "text": it.text[:160], "claims": hit})
    st = [r for r in rows if r["kind"] == "statement"]
    dp = [r for r in rows if r["kind"] == "display"]
    return {
        "source": path.name,
        "seed": seed,
        "claims": len(claims),
        "statements": len(st),
        "statements_encoded": sum(1 for r in st if r["claims"]),
        "displays": len(dp),
        "displays_encoded": sum(1 for r in dp if r["claims"]),
        "missing": [{"line": r["line"], "kind": r["kind"], "label": r["label"], "text": r["text"]} for r in rows if not r["claims"]],
        "items": rows,
    }


def coverage_counts(seeds: list[str] | None = None) -> dict:
    """Per-source counts for the report (without the item lists): every source in use (the bundled ones and those
    of loaded claims files) unless ``seeds`` names some, those without any claim included (0 of their items encoded)."""
    out = {}
    for s in (sorted(sources()) if seeds is None else seeds):
        c = coverage(s)
        out[s] = {k: c[k] for k in ("source", "claims", "statements", "statements_encoded", "displays", "displays_encoded", "missing")}
        out[s]["encoded"] = c["statements_encoded"] + c["displays_encoded"]
        out[s]["items"] = c["statements"] + c["displays"]
    return out
