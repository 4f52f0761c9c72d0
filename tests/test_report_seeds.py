"""The briefing for the bundled sample: a golden outline, and charts that render in Chromium."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier.build import build
from dossier.report import write_report
from dossier.store import Store
from tests.conftest import ROOT, SAMPLE
from tests.test_browser_ui import ARTIFACTS, Watched, browser

__all__ = ["browser"]  # the fixture, imported so pytest finds it

GOLDEN = ROOT / "tests" / "golden" / "seeds_report_outline.json"
PERIOD = re.compile(r"\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?|undated")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    tmp = tmp_path_factory.mktemp("report")
    store = Store(str(tmp / "kb.db"))
    assert not build([SAMPLE], store).failed
    yield write_report(store, tmp / "dossier.html"), write_report(store, tmp / "dossier.md",
                                                                  fmt="md")
    store.close()


def _outline(markdown: str) -> dict[str, Any]:
    """Headings, and the metric tables' (period, value) rows: what the briefing must show."""
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    rows = sorted({" | ".join(cells[1:3]) for line in markdown.splitlines()
                   if (cells := [c.strip() for c in line.split("|")]) and len(cells) > 6
                   and PERIOD.fullmatch(cells[1])})
    return {"headings": headings, "figure_rows": rows}


def test_report_seeds_outline_matches_golden(reports: tuple[Path, Path]) -> None:
    got = _outline(reports[1].read_text(encoding="utf-8"))
    if os.environ.get("DOSSIER_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_report_seeds_names_the_relationship(reports: tuple[Path, Path]) -> None:
    html = reports[0].read_text(encoding="utf-8")
    assert re.search(r"<h1>Dossier: (Russia – Kazakhstan|Kazakhstan – Russia)</h1>", html)
    assert "27.8 bn USD" in html and "28.7 bn USD" in html


def test_report_seeds_charts_render_in_chromium(reports: tuple[Path, Path], browser: Any) -> None:
    watched = Watched(browser)
    try:
        watched.page.goto(reports[0].as_uri())
        charts = watched.page.locator(".chart svg")
        assert charts.count() >= 2
        box = charts.first.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 50
        assert watched.page.locator(".chart svg .mark-symbol path, .chart svg path").count() > 3
        watched.shot("report-seeds")
        assert watched.errors == []
    finally:
        watched.close()
    assert (ARTIFACTS / "report-seeds.png").exists()
