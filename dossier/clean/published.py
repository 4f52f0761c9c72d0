"""The "published" stage: the article's publication date from metadata, a dateline or the URL.

Evidence in order: record/HTML metadata (``meta["published"]``, parsed with dateparser), a
dateline near the top of the text, then a ``/YYYY/MM/DD/`` URL. Date expressions come from
:func:`dossier.nlp.dates.find_dates`, which keeps a missing year missing; this module decides
which of them is a dateline and where its year may come from. It never guesses a year, never
uses the ingest date, and never reads ``doc.references`` (cited articles have their own dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import dateparser

from dossier import lang
from dossier.model import Document
from dossier.nlp.dates import DateSpan, find_dates, parse_partial

__all__ = ["PublishedStage", "find_published", "from_meta", "from_text", "from_url"]

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?\s*$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)")
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)(?!\d)")
_MONTH_FIRST = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])/([0-3]?\d)/((?:19|20)\d\d)(?!\d)")
# a dateline's date is followed by a dash, maybe after a year word or agency: "года —",
# "(Reuters) -", "(EFE).-"
_DASH_AFTER = re.compile(r"(?:\s*(?:\([^()\n]{1,40}\)|\w{1,5}\.?)){0,2}\s*\.?[-–—]\s")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    # absolute dates only: "2 hours ago" would resolve against the ingest clock
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_LINE_WORDS = 8  # a date line: the date plus at most a byline or outlet name


@lru_cache(maxsize=64)
def _settings(language: str | None) -> tuple[frozenset[str], bool]:
    """Return (publication cue words, day-first numeric dates) for a language or all."""
    codes = (language,) if language in lang.languages() else tuple(lang.languages())
    cues: set[str] = set()
    day_first = True
    for code in codes:
        data = lang.load(code, "clean")
        cues.update(c.casefold() for c in data.get("published_cues", []))
        day_first = day_first and data.get("numeric_dates", "dmy") == "dmy"
    return frozenset(cues), day_first


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def from_meta(value: Any, language: str | None = None) -> str | None:
    """Normalise a metadata date ("2025-11-12T10:00Z", "12 novembre 2025") to YYYY-MM-DD."""
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO.match(value)
    if iso:
        return _valid(*(int(g) for g in iso.groups()))
    languages = [language] if language else None
    try:
        parsed = dateparser.parse(value, languages=languages, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


def from_url(url: str | None) -> str | None:
    """Return the date in a URL path like ``/2025/11/12/`` or ``/2025-11-12-title``."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    return _valid(*(int(g) for g in match.groups())) if match else None


def _is_dateline(text: str, span: DateSpan, cues: frozenset[str]) -> bool:
    """Tell whether a date stands as a dateline: alone on its line, before a dash, after a cue."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:span.start] + " " + text[span.end:line_end]
    # separators ("Por Redacción | Jueves 18 ... | Lectura de 4 min") are no words
    if sum(any(c.isalnum() for c in w) for w in rest.split()) <= _LINE_WORDS:
        return True
    if span.start - line_start <= 150 and _DASH_AFTER.match(text, span.end):
        return True
    before = text[max(line_start, span.start - 40):span.start].casefold()
    return any(cue in before for cue in cues)


def _numeric(span: DateSpan, day_first: bool) -> str | None:
    """Read d/m/y numbers with the language's convention; None where it stays ambiguous."""
    match = _NUMERIC.fullmatch(span.text)
    if not match:
        return span.date
    a, b, _ = (int(g) for g in match.groups())
    if a <= 12 and b <= 12 and a != b and not day_first:
        return None  # 03/04/2024 in a language where both orders are in use
    return span.date


def _year_for(month: int, day: int, spans: list[DateSpan], top: int) -> int | None:
    """Find the year of a month-day: the same day written in full, else a full date near it."""
    full = [(s, p) for s in spans if (p := parse_partial(s.date)) and p.year and p.month and p.day]
    for _, p in full:
        if (p.month, p.day) == (month, day):
            return p.year
    for s, p in full:
        if s.start < top and p.month is not None and abs(p.month - month) <= 1:
            return p.year
    return None


def from_text(text: str, language: str | None = None, top: int = 600) -> str | None:
    """Return the date of a dateline in the first ``top`` characters of ``text``."""
    cues, day_first = _settings(language)
    spans = find_dates(text, language)
    spans += _month_first(text[:top], language)
    for span in sorted((s for s in spans if s.start < top), key=lambda s: s.start):
        partial = parse_partial(span.date)
        if not partial or partial.month is None or partial.day is None:
            continue
        if not _is_dateline(text, span, cues):
            continue
        if partial.year is not None:
            date = _numeric(span, day_first)
        else:
            year = _year_for(partial.month, partial.day, spans, top)
            date = _valid(year, partial.month, partial.day) if year else None
        if date:
            return date
    return None


def _month_first(text: str, language: str | None) -> list[DateSpan]:
    """Find US-style 11/27/2024 dates, unambiguous because the second number exceeds 12."""
    out = []
    for m in _MONTH_FIRST.finditer(text):
        month, day, year = (int(g) for g in m.groups())
        date = _valid(year, month, day) if day > 12 else None
        if date:
            out.append(DateSpan(start=m.start(), end=m.end(), text=m.group(0), date=date))
    return out


def find_published(
    text: str, *, meta: Any = None, url: str | None = None, language: str | None = None,
    top: int = 600,
) -> str | None:
    """Return the publication date as YYYY-MM-DD from metadata, dateline or URL, else None."""
    return from_meta(meta, language) or from_text(text, language, top) or from_url(url)


@dataclass(slots=True)
class PublishedStage:
    """Set ``Document.published`` from the evidence in order; None when the page does not say."""

    name: ClassVar[str] = "published"
    requires: ClassVar[tuple[str, ...]] = ("text", "meta")
    assigns: ClassVar[tuple[str, ...]] = ("published",)

    top: int = 600  # characters of text searched for a dateline

    def __call__(self, doc: Document) -> Document:
        doc.published = find_published(
            doc.text, meta=doc.meta.get("published"), url=doc.url, language=doc.language,
            top=self.top,
        )
        return doc
