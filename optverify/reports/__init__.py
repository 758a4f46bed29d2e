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
