"""Years for undated pages: the latest day a page without a publication date shows is past.

Split from :mod:`dossier.resolve.events` (which re-exports ``written_after``): a yearless
"--MM-DD" on an undated page takes the first year in which that day follows what the page
already reports as past.

:class:`Page` is what fusion keeps of a document besides its events and agreements (no
text): its dates, and the year in which its reports that state no year are placed
(:func:`placed_year`). Fusion compares a report only with reports placed in the same year;
a report that no year places ("floating") may join the best event of any year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dossier.model import Document
from dossier.nlp.dates import DateSpan, merge, parse_partial, precision

__all__ = ["Page", "page_of", "page_year", "placed_year", "written_after", "year_after"]


@dataclass(slots=True, frozen=True)
class Page:
    """What event and agreement fusion read of a document besides its reports."""

    id: str
    language: str | None = None
    published: str | None = None
    anchor: str | None = None  # the most precise date of its happened events
    after: dt.date | None = None  # undated pages: the latest day the page shows is past
    kinds: tuple[tuple[str | None, str | None], ...] = ()  # (kind, date) of its agreements


def page_of(doc: Document) -> Page:
    """Return the fusion view of a document (reads sentences only of undated pages)."""
    dated = [e.date for e in doc.events if e.status == "happened" and precision(e.date) >= 1]
    anchor = max(dated, key=precision) if dated else None
    needs = doc.published is None and bool(doc.events or doc.agreements)
    return Page(id=doc.id, language=doc.language, published=doc.published, anchor=anchor,
                after=written_after(doc) if needs else None,
                kinds=tuple((a.kind, a.date) for a in doc.agreements))


def placed_year(date: str | None, page: Page, *, planned: bool = False) -> int | None:
    """The year fusion places a report in: its own, else the one its page implies; None
    ("floating") when nothing does.

    A report without a date is placed in its page's year when it reports what happened
    (news reports what just happened); a plan without a date ("will visit") may be for any
    later year, and an agreement named without a date may be an old one: both float, as
    does anything on an undated page that shows no year. A yearless day ("27 November")
    takes its page's year, or on an undated page the first year in which that day follows
    what the page reports as past.
    """
    p = parse_partial(date)
    if p is not None and p.year is not None:
        return p.year
    if p is None and planned:
        return None
    if p is not None and p.month is not None and page.published is None and page.after:
        q = parse_partial(year_after(date, page.after))
        if q is not None and q.year is not None:
            return q.year
    return page_year(page)


def page_year(page: Page) -> int | None:
    """The year a page's undated reports are placed in: its publication's, else that of
    its most precise happened event, else the year of the day after the latest day it
    shows to be past; None when the page shows no year."""
    q = parse_partial(page.published)
    if q is not None and q.year is not None:
        return q.year
    q = parse_partial(page.anchor)
    if q is not None and q.year is None and q.month is not None and page.after:
        q = parse_partial(year_after(page.anchor, page.after))
    if q is not None and q.year is not None:
        return q.year
    return None if page.after is None else (page.after + dt.timedelta(days=1)).year


def written_after(doc: Document) -> dt.date | None:
    """The latest day an undated page shows to be past: it was written after this day.

    Evidence: dates with a month that the page states with a year (not deadlines, "entre
    marzo y octubre de 2019"), and the ends of the periods its actual figures report
    ("2018'de ... 2,3 milyon ton": the page is from after 2018); the latest of all, since a
    page recalling a signing "15 июня 2021 года" beside trade "за первые три месяца 2025
    года" was written after March 2025, not after June 2021.
    """
    from dossier.extract.eventdates import sentence_dates

    found = sentence_dates(doc)
    stated = [p for spans in found for s in spans
              if not (s.target or s.relative) and precision(s.date) >= 2
              and (p := parse_partial(s.end_date or s.date)) is not None and p.year is not None]
    ends = [_last_day(p.year, p.month, p.day) for p in stated if p.year is not None]
    for f in doc.figures:
        if f.kind != "actual" or not f.period:
            continue
        p = parse_partial(f.period.split("/")[-1])
        if p is not None and p.year is not None and not _span_end(doc, found, f.sentence, p.year):
            ends.append(_last_day(p.year, p.month, p.day))
    return max(ends) if ends else None


def _span_end(doc: Document, found: list[list[DateSpan]], sentence: int, year: int) -> bool:
    """True when ``year`` ends a programme's span or a deadline in that sentence ("dotado con
    95 millones de euros para los años 2031-2035"), or stands beside a future cue ("будет
    завершено в 2029 году"): a plan, not a past period."""
    from dossier.extract.eventdates import future_span

    if not 0 <= sentence < len(found):
        return False
    text = doc.sentences[sentence].text if sentence < len(doc.sentences) else ""
    return any((s.end_date or s.date or "")[:4] == str(year)
               and (s.target or (precision(s.date) == 1 and s.end_date)
                    or future_span(text, s, doc.language)) for s in found[sentence])


def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    if day is not None:
        return dt.date(year, month, day)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def year_after(date: str | None, after: dt.date | None) -> str | None:
    """Give a yearless "--MM-DD" the first year in which that day follows ``after``."""
    p = parse_partial(date)
    if p is None or p.year is not None or p.month is None or after is None:
        return date
    for year in (after.year, after.year + 1):
        try:
            if dt.date(year, p.month, p.day or 28) > after:
                return merge(date, str(year))
        except ValueError:
            return date
    return date
