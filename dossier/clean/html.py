"""HTML -> main text and metadata with trafilatura (htmldate for the date), lxml as fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

__all__ = ["MODES", "HtmlExtract", "extract_html", "fallback_text"]

# htmldate settings: metadata and URL only, original (not last-modified) date; the looser
# text search guesses from copyright lines and sidebars, and a wrong date is worse than none.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")


@dataclass(slots=True, kw_only=True)
class HtmlExtract:
    """What a page yields: main text (paragraphs split by blank lines) and metadata."""

    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None


#: extraction modes: trafilatura's favor_recall / neither / favor_precision
MODES = ("recall", "balanced", "precision")


def extract_html(html: str, *, url: str | None = None, mode: str = "recall") -> HtmlExtract:
    """Extract main text and metadata from a page; empty text when trafilatura finds none."""
    if mode not in MODES:
        raise ValueError(f"unknown extraction mode {mode!r}; use one of {', '.join(MODES)}")
    try:
        result = trafilatura.bare_extraction(
            html, url=url, favor_recall=mode == "recall", favor_precision=mode == "precision",
            include_comments=False,
            include_tables=True, with_metadata=True, date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, ParserError):  # trafilatura raises on some broken markup
        result = None
    if result is None or isinstance(result, dict):
        return HtmlExtract(date=_find_date(html, url))
    text = "\n\n".join(ln.strip() for ln in (result.text or "").split("\n") if ln.strip())
    return HtmlExtract(
        text=text, title=result.title or None, author=result.author or None,
        date=result.date or None, sitename=result.sitename or None,
    )


def _find_date(html: str, url: str | None) -> str | None:
    try:
        return htmldate.find_date(html, url=url, **_DATE_PARAMS)  # type: ignore[arg-type]
    except (ValueError, TypeError, ParserError):
        return None


def fallback_text(html: str) -> str:
    """Return block-level text of a page with lxml alone (no boilerplate removal)."""
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    chunks = []
    for el in tree.iter(*_BLOCKS):
        if any(anc.tag in _BLOCKS for anc in el.iterancestors()):
            continue  # its text is inside the enclosing block already
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            chunks.append(text)
    if not chunks:
        chunks = [ln.strip() for ln in tree.text_content().split("\n") if ln.strip()]
    return "\n".join(chunks)
