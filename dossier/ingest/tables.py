"""HTML tables -> "Header: value" sentences, so the figure extractor sees numbers in tables.

Main-text extractors drop or flatten tables, yet trade figures often sit in them ("Exports |
2023 | $2.1 bn"). :func:`table_text` reads the raw HTML kept beside the cleaned text and writes
one sentence per data row that pairs each value with its column header, which the figure
extractor can read like prose. Layout tables (one column, nested tables, no numbers) are
skipped.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

__all__ = ["replace_markdown_tables", "table_blocks", "table_text"]

_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
_MAX_CELL = 200  # characters: longer cells are prose or layout, not table data
_MAX_SPAN = 50  # a colspan/rowspan above this is malformed markup, capped


def table_text(html: str) -> list[str]:
    """Return one sentence per data row of every data table in ``html``."""
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=_utf8_parser())
    except (etree.ParserError, ValueError):
        return []
    out: list[str] = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table holding others; the inner ones are read on their own
        out.extend(_table_sentences(table))
    return out


def _table_sentences(table: etree._Element) -> list[str]:
    """Sentences of one table: "Caption — Row: Header value; Header value."."""
    grid = _grid(table)
    if not grid or max(len(r) for r in grid) < 2:
        return []
    header, body = _split_header(table, grid)
    caption = _clean(table.findtext("caption") or "")
    prefix = f"{caption} — " if caption else ""
    sentences = []
    for row in body:
        if not any(_DIGIT.search(c) for c in row[1:]) or any(len(c) > _MAX_CELL for c in row):
            continue
        label, values = row[0], row[1:]
        heads = header[1:] if header else []
        named = zip(_pad(heads, len(values)), values, strict=True)
        pairs = [f"{h}: {v}" if h else v for h, v in named if v]
        if pairs:
            lead = f"{label}: " if label else ""
            sentences.append(f"{prefix}{lead}{'; '.join(pairs)}.")
    return sentences


def _grid(table: etree._Element) -> list[list[str]]:
    """Return the table's cell texts row by row, with colspan and rowspan expanded."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still spanned)
    for tr in table.iter("tr"):
        if _owner(tr) is not table:
            continue
        row: list[str] = []
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for cell in cells:
            while len(row) in pending:
                row.append(_take(pending, len(row)))
            text = _clean(cell.text_content())
            span = _span(cell.get("colspan"))
            for _ in range(span):
                down = _span(cell.get("rowspan"))
                if down > 1:
                    pending[len(row)] = (text, down - 1)
                row.append(text)
        while len(row) in pending:
            row.append(_take(pending, len(row)))
        if any(row):
            rows.append(row)
    return rows


def _take(pending: dict[int, tuple[str, int]], col: int) -> str:
    text, left = pending[col]
    if left <= 1:
        del pending[col]
    else:
        pending[col] = (text, left - 1)
    return text


def _split_header(
    table: etree._Element, grid: list[list[str]]
) -> tuple[list[str], list[list[str]]]:
    """Take the header row: the first row when it is all <th> or in <thead>, or has no digits."""
    first = next((tr for tr in table.iter("tr") if _owner(tr) is table), None)
    if first is None:
        return [], grid
    cells = [c for c in first if isinstance(c.tag, str) and c.tag in ("td", "th")]
    in_head = first.getparent() is not None and first.getparent().tag == "thead"
    all_th = bool(cells) and all(c.tag == "th" for c in cells)
    no_digits = not any(_DIGIT.search(c) for c in grid[0][1:])
    if in_head or all_th or no_digits:
        return grid[0], grid[1:]
    return [], grid


def _owner(tr: etree._Element) -> etree._Element | None:
    """Return the nearest enclosing <table> of a row."""
    return next((a for a in tr.iterancestors() if a.tag == "table"), None)


def _pad(items: list[str], size: int) -> list[str]:
    return (items + [""] * size)[:size]


def _span(value: str | None) -> int:
    return max(1, min(_MAX_SPAN, int(value))) if value and value.strip().isdigit() else 1


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _utf8_parser() -> lxml_html.HTMLParser:
    """Return a fresh UTF-8 parser (lxml reads bytes without meta charset as Latin-1)."""
    return lxml_html.HTMLParser(encoding="utf-8")  # fresh: lxml parsers are not thread-safe


def table_blocks(html: str) -> list[tuple[frozenset[str], list[str]]]:
    """Return (cell texts, row sentences) of every data table in ``html``, in page order."""
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=_utf8_parser())
    except (etree.ParserError, ValueError):
        return []
    out = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        sentences = _table_sentences(table)
        if sentences:
            cells = frozenset(c for row in _grid(table) for c in row if c)
            out.append((cells, sentences))
    return out


def replace_markdown_tables(text: str, html: str) -> str:
    """Replace each Markdown table block of ``text`` by the row sentences of its HTML table.

    trafilatura writes tables as "| a | b |" paragraphs the figure extractor cannot read; a
    block is matched to the unused table sharing most of its cells, and left as it is when
    none shares half of them. Text without a Markdown row is returned unchanged.
    """
    paras = text.split("\n\n")
    if not any(_is_md_row(p) for p in paras):
        return text
    blocks = table_blocks(html)
    used: set[int] = set()
    out: list[str] = []
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _is_md_row(paras[j]):
            j += 1
        if j == i:
            out.append(paras[i])
            i += 1
            continue
        rows = paras[i:j]
        match = _best_table(_md_cells(rows), blocks, used)
        if match is None:
            out.extend(rows)
        else:
            used.add(match)
            out.append("\n".join(blocks[match][1]))
        i = j
    return "\n\n".join(out)


def _is_md_row(para: str) -> bool:
    """Return True for a paragraph that is one Markdown table line ("| a | b |")."""
    line = para.strip()
    return "\n" not in line and len(line) > 1 and line.startswith("|") and line.endswith("|")


def _md_cells(rows: list[str]) -> set[str]:
    """Return the non-empty cell texts of Markdown rows (separator rows dropped)."""
    cells = (_clean(c) for row in rows for c in row.strip().strip("|").split("|"))
    return {c for c in cells if c and not set(c) <= set("-: ")}


def _best_table(
    cells: set[str], blocks: list[tuple[frozenset[str], list[str]]], used: set[int]
) -> int | None:
    """Return the index of the unused table sharing most cells (at least half), or None."""
    if not cells:
        return None
    scores = [(len(cells & b[0]), -k) for k, b in enumerate(blocks) if k not in used]
    if not scores:
        return None
    best, neg = max(scores)
    return -neg if best * 2 >= len(cells) else None
