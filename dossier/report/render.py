"""Render gathered report data as HTML (Jinja2, autoescaped) or Markdown."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from dossier import __version__
from dossier.report.data import FigureRow, ReportData
from dossier.resolve.figures import format_value

APPROX_WORDS = {"exact": "", "about": "~", "more_than": ">", "less_than": "<", "almost": "≈<"}


def fmt_figure(f: FigureRow) -> str:
    """Format a figure's value with its qualifier and unit."""
    if f.value is None:
        return f.surface
    return f"{APPROX_WORDS.get(f.approx, '')}{format_value(f.value, f.unit)}"


def safe_url(url: str | None) -> str | None:
    """Return the URL only when it is http(s): article metadata is untrusted."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _env() -> Environment:
    env = Environment(loader=PackageLoader("dossier.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["lookup"] = lambda key, table: table.get(key, key)
    env.filters["safe_url"] = safe_url
    return env


def _charts(data: ReportData) -> dict[str, Any]:
    from dossier.report.charts import metric_spec, render_svg, timeline_spec

    spec = timeline_spec(data.timeline)
    metrics = {}
    for block in data.metrics:
        m = metric_spec(block)
        if m is not None:
            metrics[block.metric] = render_svg(m)
    return {"timeline": render_svg(spec) if spec else None, "metrics": metrics}


def render_html(data: ReportData, *, charts: bool = True) -> str:
    """Return the self-contained HTML briefing."""
    chart_svgs = _charts(data) if charts else {"timeline": None, "metrics": {}}
    template = _env().get_template("report.html.j2")
    return template.render(r=data, charts=chart_svgs, fmt=fmt_figure, version=__version__)


def _md(text: str | None) -> str:
    """Escape what Markdown would read as table syntax or markup."""
    return (text or "").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_markdown(data: ReportData) -> str:
    """Return the briefing as Markdown (tables instead of charts)."""
    n = data.names
    out = [f"# {_md(data.title)}", "", "## Summary", "",
           ", ".join(f"{v} {k}" for k, v in data.counts.items()) + ".", ""]
    out += ["| language | documents |", "|---|---|"]
    out += [f"| {lang} | {c} |" for lang, c in data.languages.most_common()]
    out += ["", "## Timeline", "", "| date | type | title | sources |", "|---|---|---|---|"]
    out += [f"| {i.date or '?'} | {i.type}{' (planned)' if i.status == 'planned' else ''} | "
            f"{_md(i.title)} | {', '.join(d[:8] for d in i.documents)} |" for i in data.timeline]
    out += ["", "## Figures by metric"]
    for b in data.metrics:
        out += ["", f"### {b.metric.replace('_', ' ')}", "",
                "| period | value | kind | speaker | quote | doc |", "|---|---|---|---|---|---|"]
        out += [f"| {f.period or 'undated'} | {fmt_figure(f)} | {f.kind} | "
                f"{_md(f.speaker) or '(writer)'} | {_md(f.quote)} | {f.document[:8]} |"
                for f in b.figures]
    out += ["", "## Where sources disagree", ""]
    for c in data.conflicts:
        out.append(f"- **{(c.metric or c.measure or 'figure').replace('_', ' ')}**, "
                   f"{c.period or 'undated'}, {' – '.join(n.get(s, s) for s in c.subjects)} "
                   f"({c.severity}): {_md(c.reason)}")
        out += [f"  - {fmt_figure(f)} · {_md(f.speaker) or '(writer)'}: “{_md(f.quote)}” "
                f"[{f.document[:8]}]" for f in data.conflict_figures[c.id]]
    out += ["", "## Targets against actuals", ""]
    out += [f"- {_md(t.summary)}" for t in data.targets] or ["- none stated"]
    out += ["", "## Entities", "", "| name | type | documents | aliases |", "|---|---|---|---|"]
    out += [f"| {_md(e.name)} | {e.type} | {len(e.documents)} | {_md(', '.join(e.aliases))} |"
            for e in data.entities]
    out += ["", "## Sources", "", "| id | lang | published | title | source |",
            "|---|---|---|---|---|"]
    out += [f"| {d.id[:8]} | {d.language} | {d.published or ''} | {_md(d.title)} | "
            f"{_md(d.url or d.source)} |" for d in data.documents]
    return "\n".join(out) + "\n"
