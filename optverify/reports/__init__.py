"""Renderers: report.json is the source of truth; Markdown, HTML (with its plots) and the terminal render it. No computation here."""


def ratio_text(entry: dict, digits: int = 4) -> str:
    """The claim's worst ratio measured/rhs, with the sharp value beside it where one is derived."""
    def fmt(x: float) -> str:
        if x in (float("inf"), float("-inf")):
            return "∞" if x > 0 else "−∞"
        return f"{x:.{digits}g}"

    wr = entry.get("worst_ratio")
    if wr is None:
        return ""
    text = fmt(wr)
    if entry.get("sharp_ratio") is not None:
        text += f" (sharp {fmt(entry['sharp_ratio'])})"
    return text


def coverage_text(c: dict, limit: int = 24) -> tuple[str, str]:
    """A source's coverage for a table: ("X of Y encoded", the missing lines, the first ``limit`` of them)."""
    total = c.get("items", (c.get("statements") or 0) + (c.get("displays") or 0))
    enc = c.get("encoded", (c.get("statements_encoded") or 0) + (c.get("displays_encoded") or 0))
    missing = ["L" + str(m.get("line")) for m in c.get("missing") or []]
    shown = ", ".join(missing[:limit]) + (f", … ({len(missing) - limit} more)" if len(missing) > limit else "")
    return f"{enc} of {total} encoded", shown or "—"
