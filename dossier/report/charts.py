"""Charts for the briefing: Vega-Lite specs built with altair, rendered to inline SVG.

vl-convert-python renders offline (bundled Deno + Vega), so the HTML needs no network and
no JavaScript to show the charts.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from dossier.report.data import MetricBlock
from dossier.resolve.figures import format_value
from dossier.resolve.timeline import TimelineItem, period_bounds

WIDTH = 640


def render_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG string."""
    import vl_convert as vlc

    svg: str = vlc.vegalite_to_svg(spec)
    return svg


def _mid(date: str | None) -> str | None:
    """Place a partial date at the start of its month or year (unknown year: not placed)."""
    bounds = period_bounds(date)
    return bounds[0].isoformat() if bounds else None


def timeline_spec(items: list[TimelineItem]) -> dict[str, Any] | None:
    """Return a dot-per-item timeline spec, or None when nothing is dated."""
    values = [{"date": d, "type": i.type, "title": i.title[:80], "status": i.status}
              for i in items if (d := _mid(i.date))]
    if not values:
        return None
    chart = alt.Chart(alt.Data(values=values)).mark_point(filled=True, size=90).encode(
        x=alt.X("date:T", title=None),
        y=alt.Y("type:N", title=None),
        color=alt.Color("type:N", legend=None),
        shape=alt.Shape("status:N"),
        tooltip=["title:N", "date:T", "status:N"],
    ).properties(width=WIDTH, height=40 + 28 * len({v["type"] for v in values}))
    return chart.to_dict()


def metric_spec(block: MetricBlock) -> dict[str, Any] | None:
    """Return a chart of each source's value per period, with targets as rules."""
    points = [{"period": p.period or "undated", "value": v,
               "label": format_value(v, p.unit)}
              for p in block.points for v in p.values if p.unit == block.unit]
    if not points:
        return None
    base = alt.Chart(alt.Data(values=points)).mark_circle(size=110, opacity=0.8).encode(
        x=alt.X("period:O", title="period", sort=None),
        y=alt.Y("value:Q", title=block.unit or "value", scale=alt.Scale(zero=False)),
        tooltip=["period:O", "label:N"],
    )
    targets = [{"target": t.target_high, "label": f"target {format_value(t.target_high, t.unit)}"}
               for t in block.targets if t.unit == block.unit]
    layers: Any = base
    if targets:
        rule = alt.Chart(alt.Data(values=targets)).mark_rule(strokeDash=[6, 4], color="#c0392b")
        layers = alt.layer(base, rule.encode(y="target:Q", tooltip=["label:N"]))
    return layers.properties(width=WIDTH, height=220).to_dict()
