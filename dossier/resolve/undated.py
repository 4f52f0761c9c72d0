"""Years for undated pages: the latest day a page without a publication date shows is past.

Split from :mod:`dossier.resolve.events` (which re-exports ``written_after``): a yearless
"--MM-DD" on an undated page takes the first year in which that day follows what the page
already reports as past.
"""

from __future__ import annotations

import datetime as dt

from dossier.model import Document
from dossier.nlp.dates import DateSpan, merge, parse_partial, precision

__all__ = ["written_after", "year_after"]


def written_after(doc: Document) -> dt.date | None:
    """The latest day an undated page shows to be past: it was written after this day.

    Evidence, most precise first: dates with a month that the page states with a year (not
    deadlines, "entre marzo y octubre de 2019"), else the end of the latest period its
    actual figures report ("2018'de ... 2,3 milyon ton": the page is from after 2018).
    """
    from dossier.extract.eventdates import sentence_dates

    found = sentence_dates(doc)
    stated = [p for spans in found for s in spans
              if not (s.target or s.relative) and precision(s.date) >= 2
              and (p := parse_partial(s.end_date or s.date)) is not None and p.year is not None]
    if stated:
        return max(_last_day(p.year, p.month, p.day) for p in stated if p.year is not None)
    ends = []
    for f in doc.figures:
        if f.kind != "actual" or not f.period:
            continue
        p = parse_partial(f.period.split("/")[-1])
        if p is not None and p.year is not None and not _span_end(found, f.sentence, p.year):
            ends.append(_last_day(p.year, p.month, p.day))
    return max(ends) if ends else None


def _span_end(found: list[list[DateSpan]], sentence: int, year: int) -> bool:
    """True when ``year`` ends a programme's span or a deadline in that sentence ("dotado con
    95 millones de euros para los años 2031-2035"): a plan, not a past period."""
    spans = found[sentence] if 0 <= sentence < len(found) else []
    return any((s.target or (precision(s.date) == 1 and s.end_date))
               and (s.end_date or s.date or "")[:4] == str(year) for s in spans)


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
