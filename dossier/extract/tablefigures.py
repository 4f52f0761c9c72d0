"""Figures of table-row sentences ("Trade, billion USD — 2023: Exports: 9.1; Imports: 17.3.").

The clean stage writes each HTML table row as one such sentence (:mod:`dossier.ingest.tables`).
Its numbers are bare ("9.1"): the scale and unit sit in the caption or column header, the
period in the row label and the metric in the header, so prose reading (cues near the number)
cannot read them. Rows are recognised by shape only, so ordinary sentences are never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.figures import _MEASURE, cues
from dossier.extract.periods import period_finder
from dossier.model import Document, Figure
from dossier.nlp.numbers import scanner

__all__ = ["TableRow", "parse_row", "row_figures"]

# "<caption> — <label>: <header>: <value>; <header>: <value>."
_ROW = re.compile(r"^(?:(?P<caption>[^—\n]{1,200}) — )?(?P<label>[^:;—\n]{1,80}): (?P<pairs>.+)\.$")
_PAIR = re.compile(r"(?:(?P<head>[^:;\n]{1,120}): )?(?P<value>[^:;\n]+)")
_BARE = re.compile(r"[-+−]?\d[\d\s\u00a0.,']*%?")  # a cell holding only a number
_UNIT_PARTS = re.compile(r"[,;()\[\]]")


@dataclass(slots=True, kw_only=True)
class TableRow:
    """One parsed row: caption, label and (header, value, offset in the sentence) cells."""

    caption: str
    label: str
    cells: list[tuple[str, str, int]]


def parse_row(text: str) -> TableRow | None:
    """Return the row a sentence writes, or None when it is not table-row shaped."""
    m = _ROW.match(text)
    if not m:
        return None
    cells = []
    base = m.start("pairs")
    for part in re.finditer(r"[^;]+", m.group("pairs")):
        raw = part.group()
        lead = len(raw) - len(raw.lstrip())
        pm = _PAIR.fullmatch(raw.strip())
        if pm is None:
            return None
        value = pm.group("value").strip()
        if not _BARE.fullmatch(value):
            return None  # a cell of prose: not a numeric table row
        at = base + part.start() + lead + pm.start("value")
        cells.append((pm.group("head") or "", value, at))
    if not cells or (len(cells) == 1 and not cells[0][0]):
        return None  # "He said: 5." is prose, a row has headers or several cells
    return TableRow(caption=m.group("caption") or "", label=m.group("label"), cells=cells)


def row_figures(doc: Document, idx: int, row: TableRow) -> list[Figure]:
    """Return the figures of table-row sentence ``idx``."""
    s = doc.sentences[idx]
    out = []
    for head, value, off in row.cells:
        qty = _quantity(doc.language, value, [head, row.caption])
        if qty is None:
            continue
        amount, unit = qty
        metric = _metric(doc.language, [head, row.label, row.caption])
        period = _period(doc, [row.label, head, row.caption])
        start = s.start + off
        out.append(Figure(
            sentence=idx, start=start, end=start + len(value), surface=value, quote=s.text,
            value=amount, unit=unit, metric=metric, period=period, kind="actual",
            measure=_MEASURE.get(metric) if metric and unit != "percent" else None,
        ))
    return out


def _quantity(language: str | None, value: str, contexts: list[str]) -> tuple[float, str] | None:
    """Return (value in base units, unit) of a bare cell with the first scale/unit stated."""
    scan = scanner(language)
    for context in contexts:
        for part in _UNIT_PARTS.split(context):
            phrase = f"{value} {part.strip()}"
            found = scan.find(phrase)
            q = found[0] if found else None
            # the unit phrase must be read with the number, not the number alone
            if q and q.start == 0 and q.unit and q.value is not None and q.end > len(value) + 1:
                return float(q.value), q.unit
    return None


def _metric(language: str | None, texts: list[str]) -> str | None:
    """Return the first metric named by the header, then the label, then the caption."""
    lex = cues(language).metrics
    for text in texts:
        keys = [key for _, _, key in lex.finditer(text) if key not in ("deals", "energy")]
        if keys:
            return keys[0]
    return None


def _period(doc: Document, texts: list[str]) -> str | None:
    """Return the period named by the label, then the header, then the caption."""
    finder = period_finder(doc.language)
    for text in texts:
        found = [p.period for p in finder.find(text, doc.published) if p.period]
        if found:
            return found[0]
    return None
