"""SVG plots for the HTML report, drawn with matplotlib (Agg canvas, no pyplot) from report.json data only.

- :func:`rate_svg`: a simulation check's evidence (``rows`` and ``rates``) as
  log–log plots of the measured quantity with its confidence band against the
  stated bound over the horizon T, one panel per configuration, with the fitted
  exponents in the panel title.
- :func:`measured_rate_svg`: a rate claim decided on a construction (the
  values of the measured quantity at growing horizons T, or a periodic
  problem's float runs of R_T/T) on log–log axes beside the stated rate T^p.
- :func:`trajectory_svg`: named series over their index (an iterate or a loss
  along a trajectory), for counterexample and pseudocode evidence.

Both return an ``<svg>`` element to inline in HTML: no XML prolog, element ids
prefixed so that several plots can share one page, deterministic output (no
date, fixed hash salt), text kept as text.

Each plot is remembered by its data (``_drawn``), so re-rendering a report
draws each one once; ``collecting()`` + ``draw_all(keys, workers)`` let a page
note every plot it needs in a first pass and draw them on several processes
(matplotlib draws one figure at a time per process), before the real pass.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import re

_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "optverify",
    "font.size": 9,
    "font.family": "sans-serif",
    "axes.titlesize": 9,
    "legend.fontsize": 8,
}
MEASURED, BOUND = "#1f5fa8", "#b03030"


def _figure(width: float, height: float):
    """A figure on an Agg canvas, outside pyplot: no global state, no GUI backend, safe in any process."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def _rc():
    import matplotlib

    return matplotlib.rc_context(_RC)


def _label(text) -> str:
    """Plain text for matplotlib: a '$' would start mathtext."""
    return str(text).replace("$", r"\$")


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = buf.getvalue()
    text = text[text.index("<svg"):]  # drop the XML prolog and DOCTYPE
    # ids named by the content: unique per plot on a page, and the same on every rendering
    prefix = "ov" + hashlib.sha1(text.encode()).hexdigest()[:8] + "-"
    ids = set(re.findall(r'\bid="([^"]+)"', text))
    if ids:
        alt = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
        text = re.sub(rf'\bid="({alt})"', lambda m: f'id="{prefix}{m.group(1)}"', text)
        text = re.sub(rf"#({alt})\b", lambda m: f"#{prefix}{m.group(1)}", text)
    return text.replace("<svg ", '<svg class="plot" role="img" ', 1)


def _rows_by_config(evidence: dict) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for r in evidence.get("rows") or []:
        if isinstance(r, dict) and "T" in r:
            groups.setdefault(str(r.get("config", "")), []).append(r)
    for rows in groups.values():
        rows.sort(key=lambda r: r["T"])
    return groups


def _series(rows: list[dict]) -> dict[str, list[float]]:
    """Measured mean, its band and the bound over T, from a config's rows.

    Rows come in two shapes: ``mean_measured``/``mean_rhs``/``ratio_ci`` (a bound
    is compared; the band is the ratio's confidence interval times E[bound]) or
    ``mean``/``ci`` (a quantity with its own interval, no bound).
    """
    T = [float(r["T"]) for r in rows]
    if all("mean_measured" in r for r in rows):
        mean = [float(r["mean_measured"]) for r in rows]
        bound = [float(r["mean_rhs"]) for r in rows] if all("mean_rhs" in r for r in rows) else []
        if bound and all("ratio_ci" in r for r in rows):
            lo = [float(r["ratio_ci"][0]) * b for r, b in zip(rows, bound)]
            hi = [float(r["ratio_ci"][1]) * b for r, b in zip(rows, bound)]
        else:
            lo, hi = [], []
    elif all("mean" in r for r in rows):
        mean = [float(r["mean"]) for r in rows]
        bound = []
        lo = [float(r["ci"][0]) for r in rows] if all("ci" in r for r in rows) else []
        hi = [float(r["ci"][1]) for r in rows] if all("ci" in r for r in rows) else []
    else:
        return {}
    return {"T": T, "mean": mean, "lo": lo, "hi": hi, "bound": bound}


def _exponent_title(config: str, rate: dict | None) -> str:
    if not rate:
        return _label(config)
    parts = []
    if isinstance(rate.get("measured_exponent"), (int, float)):
        s = f"fit T^{rate['measured_exponent']:.3g}"
        ci = rate.get("measured_exponent_ci")
        if isinstance(ci, (list, tuple)) and len(ci) == 2:
            s += f" [{ci[0]:.2g}, {ci[1]:.2g}]"
        parts.append(s)
    if isinstance(rate.get("bound_exponent"), (int, float)):
        parts.append(f"bound T^{rate['bound_exponent']:.3g}")
    return _label(config) + ("\n" + " · ".join(parts) if parts else "")


def rate_panels(evidence: dict) -> list[tuple[str, dict, dict | None]]:
    """(config, series, rate fit) for every configuration of a simulation's evidence that can be plotted."""
    rates = {str(r.get("config", "")): r for r in evidence.get("rates") or [] if isinstance(r, dict)}
    out = []
    for config, rows in _rows_by_config(evidence).items():
        s = _series(rows)
        if s and len(s["T"]) >= 1:
            out.append((config, s, rates.get(config)))
    return out


def rate_svg(evidence: dict, title: str | None = None) -> str | None:
    """Log–log plot of a simulation check: measured mean with its confidence band and the bound, over T.

    ``evidence`` is the ``evidence`` dict of a check with strategy "simulation".
    Returns None when it holds no rows to plot.  Plots are remembered by their
    data, so re-rendering a growing report draws each one once.
    """
    return _drawn("rate", json.dumps(evidence, sort_keys=True, default=str), title)


def _draw_rate(evidence_json: str, title: str | None) -> str | None:
    evidence = json.loads(evidence_json)
    panels = rate_panels(evidence)
    if not panels:
        return None
    with _rc():
        n = len(panels)
        fig = _figure(4.8 if n == 1 else 3.9 * n, 3.0)
        axes = fig.subplots(1, n, squeeze=False)
        for ax, (config, s, rate) in zip(axes[0], panels):
            values = s["mean"] + s["bound"] + [v for v in s["lo"] + s["hi"] if v > 0]
            positive = all(v > 0 for v in s["mean"] + s["bound"])
            ax.set_xscale("log")
            if positive:
                ax.set_yscale("log", nonpositive="clip")
            else:
                ax.set_yscale("symlog", linthresh=max(1e-12, min(abs(v) for v in values if v) if any(values) else 1.0))
            if s["lo"] and s["hi"]:
                ax.fill_between(s["T"], s["lo"], s["hi"], color=MEASURED, alpha=0.25, linewidth=0,
                                label=f"{_conf_label(evidence)} band")
            ax.plot(s["T"], s["mean"], "o-", color=MEASURED, markersize=3.5, linewidth=1.4, label="measured (mean)")
            if s["bound"]:
                ax.plot(s["T"], s["bound"], "s--", color=BOUND, markersize=3, linewidth=1.2, label="bound (mean)")
            ax.set_xlabel("T")
            ax.set_title(_exponent_title(config, rate), loc="left")
            ax.grid(True, which="major", linewidth=0.4, alpha=0.5)
            ax.legend(loc="best", frameon=False)
        if title:
            fig.suptitle(_label(title), x=0.01, ha="left", fontsize=9)
        fig.tight_layout()
        return _svg(fig)


def measured_rate_series(evidence: dict) -> list[dict]:
    """The measured quantity over T and the stated exponent p of a rate check's evidence:
    ``[{label, T, values, stated_exponent, fit}]``, ``fit`` = (exponent, lo, hi) or None.

    Two shapes: a construction at growing horizons (``horizons``, ``values``, ``stated_exponent``,
    ``fitted_exponent``, ``exponent_interval``), and periodic-regret settings (``settings[].float_run.avg_regret``
    {T: R_T/T}, with the claim's ``stated_exponent`` for R_T/T)."""
    p = evidence.get("stated_exponent")
    if not isinstance(p, (int, float)):
        return []
    out = []
    H, vals = evidence.get("horizons"), evidence.get("values")
    if isinstance(H, list) and isinstance(vals, list) and H and len(H) == len(vals):
        ci = evidence.get("exponent_interval")
        fit = (evidence["fitted_exponent"], *ci) if isinstance(evidence.get("fitted_exponent"), (int, float)) and isinstance(ci, list) and len(ci) == 2 else None
        out.append({"label": "measured", "T": [float(t) for t in H], "values": [float(v) for v in vals], "stated_exponent": float(p), "fit": fit})
    for s in evidence.get("settings") or []:
        run = (s.get("float_run") or {}) if isinstance(s, dict) else {}
        avg = run.get("avg_regret")
        if isinstance(avg, dict) and avg:
            pts = sorted((float(t), float(v)) for t, v in avg.items())
            out.append({"label": str(run.get("setting", "")), "T": [t for t, _ in pts], "values": [v for _, v in pts],
                        "stated_exponent": float(p), "fit": None})
    return out


def measured_rate_svg(evidence: dict, ylabel: str = "measured") -> str | None:
    """Log–log plot of a rate check's measured quantity over T (line) beside the stated rate T^p drawn through
    each series' first point (dashed: a quantity that obeys the rate stays on or below it).  None: nothing to plot."""
    return _drawn("measured", json.dumps(evidence, sort_keys=True, default=str), ylabel)


def _draw_measured(evidence_json: str, ylabel: str) -> str | None:
    series = measured_rate_series(json.loads(evidence_json))
    if not series:
        return None
    with _rc():
        many = len(series) > 2  # the legend goes beside the axes
        fig = _figure(8.4 if many else 5.2, 3.2)
        ax = fig.subplots()
        allv = [v for s in series for v in s["values"]]
        ax.set_xscale("log")
        if all(v > 0 for v in allv):
            ax.set_yscale("log", nonpositive="clip")
        else:
            ax.set_yscale("symlog", linthresh=max(1e-12, min((abs(v) for v in allv if v), default=1.0)))
        colors = [MEASURED, "#2a9d8f", "#e76f51", "#6a4c93", "#8a5a00", "#3a86ff", "#6b7280", "#c9184a"]
        p = series[0]["stated_exponent"]
        for i, s in enumerate(series):
            col = colors[i % len(colors)] if len(series) > 1 else MEASURED
            ax.plot(s["T"], s["values"], "o-", color=col, markersize=3.5, linewidth=1.4, label=_label(s["label"]))
            T0, v0 = s["T"][0], s["values"][0]
            ref = [v0 * (t / T0) ** p for t in s["T"]]
            ax.plot(s["T"], ref, "--", color=BOUND if len(series) == 1 else col, linewidth=1.1, alpha=0.9 if len(series) == 1 else 0.6,
                    label=f"stated rate T^{p:g} (through the first point)" if i == 0 else None)
        fit = series[0]["fit"]
        title = f"stated T^{p:g}"
        if fit:
            title += f" · fit T^{fit[0]:.3g} [{fit[1]:.2g}, {fit[2]:.2g}]"
        ax.set_title(_label(title), loc="left")
        ax.set_xlabel("T")
        ax.set_ylabel(_label(ylabel))
        ax.grid(True, which="major", linewidth=0.4, alpha=0.5)
        if many:
            ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=7)
        else:
            ax.legend(loc="best", frameon=False)
        fig.tight_layout()
        return _svg(fig)


def _conf_label(evidence: dict) -> str:
    c = evidence.get("confidence")
    if isinstance(c, (int, float)) and 0 < c < 1:
        return f"{c:.6g} CI"
    return "confidence"


def trajectory_svg(series: dict[str, list[float]], title: str = "", *, x: list[float] | None = None,
                   xlabel: str = "t", log_y: bool | None = None) -> str:
    """Named series along a trajectory (iterates, losses, gradients) as one SVG line plot.

    ``series`` maps a legend label to its values; ``x`` gives their abscissae
    (default 1, 2, …, as in w_1, w_2, …).  ``log_y`` defaults to a log scale
    when every value is positive and they span more than three decades.

    >>> svg = trajectory_svg({"f(w_t)": [0.5, 0.6, 0.9, 2.0]}, "ascent")
    >>> svg.startswith("<svg")
    True
    """
    if not series or not any(series.values()):
        raise ValueError("trajectory_svg needs at least one non-empty series")
    return _drawn("trajectory", json.dumps([series, title, x, xlabel, log_y], default=str))


def _draw_trajectory(args_json: str) -> str:
    series, title, x, xlabel, log_y = json.loads(args_json)
    with _rc():
        fig = _figure(5.0, 2.9)
        ax = fig.subplots()
        finite = [v for vals in series.values() for v in vals if isinstance(v, (int, float)) and math.isfinite(v)]
        if log_y is None:
            log_y = bool(finite) and min(finite) > 0 and max(finite) / min(finite) > 1e3
        for label, vals in series.items():
            xs = x if x is not None and len(x) == len(vals) else list(range(1, len(vals) + 1))
            ax.plot(xs, vals, "o-", markersize=3, linewidth=1.3, label=_label(label))
        if log_y:
            ax.set_yscale("log", nonpositive="clip")
        ax.set_xlabel(_label(xlabel))
        if title:
            ax.set_title(_label(title), loc="left")
        ax.grid(True, linewidth=0.4, alpha=0.5)
        ax.legend(loc="best", frameon=False)
        fig.tight_layout()
        return _svg(fig)


_DRAWERS = {"rate": _draw_rate, "measured": _draw_measured, "trajectory": _draw_trajectory}
_MEMO: dict[tuple, str | None] = {}
_MEMO_MAX = 1024
_PENDING: list | None = None


def _drawn(kind: str, *key):
    """The plot ``kind`` of ``key`` (JSON data): remembered; while a page is collecting its plots, noted (None)."""
    k = (kind, *key)
    if k in _MEMO:
        return _MEMO[k]
    if _PENDING is not None:
        _PENDING.append(k)
        return None
    out = _MEMO[k] = _DRAWERS[kind](*key)
    while len(_MEMO) > _MEMO_MAX:
        _MEMO.pop(next(iter(_MEMO)))
    return out


@contextlib.contextmanager
def collecting():
    """Within: a plot function draws nothing and returns None, and the plot is added to the yielded list."""
    global _PENDING
    outer, _PENDING = _PENDING, []
    try:
        yield _PENDING
    finally:
        _PENDING = outer


def _draw_key(k: tuple):
    try:
        return True, _DRAWERS[k[0]](*k[1:])
    except Exception as exc:  # drawn again in the page's own pass, where the failure is shown in place of the plot
        return False, repr(exc)


def draw_all(keys, workers: int) -> int:
    """Draw the plots ``keys`` (from ``collecting``) not yet remembered, on ``workers`` forked processes; the number drawn."""
    todo = [k for k in dict.fromkeys(keys) if k not in _MEMO]
    if workers > 1 and len(todo) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(min(workers, len(todo)), mp_context=multiprocessing.get_context("fork")) as ex:
            results = list(ex.map(_draw_key, todo))
    else:
        results = [_draw_key(k) for k in todo]
    for k, (ok, svg) in zip(todo, results):
        if ok:
            _MEMO[k] = svg
    return sum(ok for ok, _ in results)
