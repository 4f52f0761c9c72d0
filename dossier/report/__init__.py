"""The briefing: one self-contained HTML file (inline CSS, inline SVG charts) or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dossier.report.data import ReportData, gather
from dossier.report.render import render_html, render_markdown
from dossier.store import Store

__all__ = ["ReportData", "gather", "render_html", "render_markdown", "write_report"]


def write_report(store: Store, out: str | Path, *, fmt: str = "html",
                 subjects: Sequence[str] | None = None, start: str | None = None,
                 end: str | None = None, charts: bool = True) -> Path:
    """Write the briefing for ``store`` to ``out`` (html or md) and return the path."""
    if fmt not in ("html", "md"):
        raise ValueError(f"unknown report format {fmt!r}; choose html or md")
    data = gather(store, subjects=subjects, start=start, end=end)
    text = render_html(data, charts=charts) if fmt == "html" else render_markdown(data)
    path = Path(out)
    path.write_text(text, encoding="utf-8")
    return path
