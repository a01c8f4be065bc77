"""``vnextract report``: an archive summary page — counts, a table of rates by locality and period,
and a chart of the on-time rate over time per locality (inline SVG, no external assets).
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from statistics import mean
from typing import Iterable

from .htmlview import page
from .schema import DocumentRecord

RATE_METRICS = ("on_time_rate", "resolved_rate", "online_rate", "satisfaction_rate", "late_rate")
_LINE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#e377c2"]


def rate_table(records: Iterable[DocumentRecord]) -> dict[tuple[str, str, str], list[float]]:
    """(metric, locality, period) → the reported rates, from figures that carry all three."""
    table: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for record in records:
        for fig in record.figures:
            if fig.type == "percentage" and fig.metric in RATE_METRICS and fig.locality \
                    and fig.period and not fig.is_target:
                table[(fig.metric, fig.locality, fig.period)].append(float(fig.value))
    return table


def _chart(series: dict[str, dict[str, float]], width: int = 720, height: int = 300) -> str:
    """A line chart: one line per locality, periods (sorted) along x, rate 0–100 % along y."""
    periods = sorted({p for points in series.values() for p in points})
    if not periods:
        return "<p>No on-time rates with both a locality and a period.</p>"
    left, top, right, bottom = 50, 20, 180, 40
    w, h = width - left - right, height - top - bottom
    x = {p: left + (w * i / max(1, len(periods) - 1) if len(periods) > 1 else w / 2)
         for i, p in enumerate(periods)}
    y_min = min(min(points.values()) for points in series.values())
    y_lo = max(0.0, min(90.0, (int(y_min) // 10) * 10.0))

    def y(v: float) -> float:
        return top + h * (1 - (v - y_lo) / (100.0 - y_lo or 1))

    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" "
             f"role=\"img\" aria-label=\"on-time rate over time\">",
             f"<line x1=\"{left}\" y1=\"{top + h}\" x2=\"{left + w}\" y2=\"{top + h}\" stroke=\"#999\"/>",
             f"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + h}\" stroke=\"#999\"/>"]
    for tick in range(int(y_lo), 101, 10 if y_lo < 50 else 2):
        parts.append(f"<text x=\"{left - 6}\" y=\"{y(tick) + 4:.1f}\" font-size=\"10\" "
                     f"text-anchor=\"end\">{tick}%</text>")
    for p in periods:
        parts.append(f"<text x=\"{x[p]:.1f}\" y=\"{top + h + 16}\" font-size=\"10\" "
                     f"text-anchor=\"middle\">{html.escape(p)}</text>")
    for n, (locality, points) in enumerate(sorted(series.items())):
        colour = _LINE_COLOURS[n % len(_LINE_COLOURS)]
        coords = " ".join(f"{x[p]:.1f},{y(v):.1f}" for p, v in sorted(points.items()))
        parts.append(f"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{coords}\"/>")
        for p, v in points.items():
            parts.append(f"<circle cx=\"{x[p]:.1f}\" cy=\"{y(v):.1f}\" r=\"3\" fill=\"{colour}\">"
                         f"<title>{html.escape(locality)} {html.escape(p)}: {v:.2f}%</title></circle>")
        parts.append(f"<text x=\"{left + w + 10}\" y=\"{top + 14 * n + 10}\" font-size=\"11\" "
                     f"fill=\"{colour}\">{html.escape(locality)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def report_page(records: list[DocumentRecord]) -> str:
    """The archive summary as one self-contained HTML page."""
    entity_counts = Counter(e.type for r in records for e in r.entities)
    figure_counts = Counter(f.type for r in records for f in r.figures)
    warning_counts = Counter(w.kind for r in records for w in r.warnings)
    table = rate_table(records)
    counts = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>"
                     for k, v in [*entity_counts.most_common(), *figure_counts.most_common(),
                                  *((f"warning: {k}", v) for k, v in warning_counts.most_common())])
    rows = "".join(
        f"<tr><td>{html.escape(m)}</td><td>{html.escape(loc)}</td><td>{html.escape(per)}</td>"
        f"<td>{mean(vals):.2f}%</td><td>{len(vals)}</td></tr>"
        for (m, loc, per), vals in sorted(table.items()))
    series: dict[str, dict[str, float]] = defaultdict(dict)
    for (metric, loc, per), vals in table.items():
        if metric == "on_time_rate":
            series[loc][per] = mean(vals)
    body = (f"<h1>Archive report</h1><p>{len(records)} documents, "
            f"{sum(entity_counts.values())} entities, {sum(figure_counts.values())} figures, "
            f"{sum(warning_counts.values())} warnings.</p>"
            f"<h2>Counts by type</h2><table><tr><th>type</th><th>count</th></tr>{counts}</table>"
            f"<h2>On-time rate over time, per locality</h2>{_chart(dict(series))}"
            f"<h2>Rates by locality and period</h2><table><tr><th>metric</th><th>locality</th>"
            f"<th>period</th><th>mean</th><th>figures</th></tr>{rows}</table>")
    return page("vnextract archive report", body)
