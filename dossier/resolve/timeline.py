"""Periods, partial dates and the corpus timeline of events and agreements.

Dates in dossier are deliberately partial: ``2025``, ``2025-11``, ``2025-11-12``, a range
``2025-01/2025-09`` (a figure's period), or ``--11-27`` when a text gives the day but not the
year. ``datetime`` and ``dateparser`` cannot represent "a year only" or "no year", so this
module turns each form into first/last days (for ordering and filtering) and into a sort key
that places partial dates at the start of their month or year, unknown years after every
dated item and undated items last.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.model import Agreement, Event

__all__ = [
    "TimelineItem",
    "normalise_period",
    "period_bounds",
    "period_sort_key",
    "timeline",
]

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_NO_YEAR = re.compile(r"--(\d{1,2})(?:-(\d{1,2}))?")

Bounds = tuple[dt.date, dt.date]


def _date_bounds(text: str) -> Bounds | None:
    """Return the first and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = _DATE.fullmatch(text.strip()[:10])
    if not m:
        return None
    year = int(m[1])
    try:
        if m[3]:
            day = dt.date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@lru_cache(maxsize=8192)  # a corpus repeats a few hundred period strings millions of times
def period_bounds(period: str | None) -> Bounds | None:
    """Return (first day, last day) of a period or date; None when unknown or yearless."""
    if not period:
        return None
    if "/" in period:
        left, _, right = period.partition("/")
        a, b = _date_bounds(left), _date_bounds(right)
        if a is None or b is None:
            return None
        return a[0], b[1]
    return _date_bounds(period)


@lru_cache(maxsize=8192)
def normalise_period(period: str | None) -> str | None:
    """Return the canonical spelling: trimmed, a whole-year range written as the year."""
    if period is None:
        return None
    period = period.strip()
    if not period:
        return None
    bounds = period_bounds(period)
    if bounds and "/" in period:
        first, last = bounds
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
            first.year == last.year
        ):
            return str(first.year)
    return period


@lru_cache(maxsize=8192)
def period_sort_key(period: str | None) -> tuple[int, str, str]:
    """Order periods by their last day (partial periods by their end); undated last."""
    bounds = period_bounds(period)
    if bounds is None:
        return (1, "", period or "")
    # a longer period ending on the same day comes after the shorter ones it contains
    return (0, bounds[1].isoformat(), (dt.date.max - (bounds[1] - bounds[0])).isoformat())


def _date_sort_key(date: str | None) -> tuple[int, int, int, int]:
    """Sort key: dated items by year/month/day (missing parts first), then no-year, then none."""
    if date:
        m = _DATE.fullmatch(date.strip()[:10])
        if m:
            return (0, int(m[1]), int(m[2] or 0), int(m[3] or 0))
        m = _NO_YEAR.fullmatch(date.strip())
        if m:
            return (1, 0, int(m[1]), int(m[2] or 0))
    return (2, 0, 0, 0)


@dataclass(slots=True, kw_only=True)
class TimelineItem:
    """One event or agreement placed on the timeline."""

    id: str
    item: str  # "event" or "agreement"
    type: str  # event type, or the agreement kind ("agreement" when unknown)
    title: str
    date: str | None
    end_date: str | None = None
    status: str = "happened"
    place: str | None = None
    entities: list[str] = field(default_factory=list)  # actors or parties
    documents: list[str] = field(default_factory=list)
    precision: str = "unknown"  # day, month, year, no_year or unknown


def _precision(date: str | None) -> str:
    """Say how precise a partial date is."""
    key = _date_sort_key(date)
    if key[0] == 2:
        return "unknown"
    if key[0] == 1:
        return "no_year"
    return "day" if key[3] else "month" if key[2] else "year"


def _from_event(event: Event) -> TimelineItem:
    return TimelineItem(
        id=event.id, item="event", type=event.type, title=event.title, date=event.date,
        end_date=event.end_date, status=event.status, place=event.place,
        entities=list(event.actors), documents=list(event.documents),
        precision=_precision(event.date),
    )


def _from_agreement(agreement: Agreement) -> TimelineItem:
    return TimelineItem(
        id=agreement.id, item="agreement", type=agreement.kind or "agreement",
        title=agreement.title, date=agreement.date, entities=list(agreement.parties),
        documents=list(agreement.documents), precision=_precision(agreement.date),
    )


def _in_range(item: TimelineItem, start: Bounds | None, end: Bounds | None) -> bool:
    """Keep an item whose date span overlaps [start, end]; unknown years cannot be placed."""
    if start is None and end is None:
        return True
    span = period_bounds(item.date)
    if span is None:
        return False
    until = period_bounds(item.end_date)
    last = until[1] if until else span[1]
    if start is not None and last < start[0]:
        return False
    return not (end is not None and span[0] > end[1])


def _bounds_arg(value: str | None, name: str) -> Bounds | None:
    """Parse a --from/--to argument or say what is wrong with it."""
    if value is None:
        return None
    bounds = period_bounds(value)
    if bounds is None:
        raise ValueError(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds


def timeline(
    events: Sequence[Event], agreements: Sequence[Agreement], *,
    start: str | None = None, end: str | None = None, entity: str | None = None,
    entity_of: Mapping[str, str] | None = None,
) -> list[TimelineItem]:
    """Return events and agreements in date order, filtered by period and entity."""
    lo, hi = _bounds_arg(start, "start"), _bounds_arg(end, "end")
    resolve = entity_of or {}
    wanted = resolve.get(entity, entity) if entity else None
    items = [_from_event(e) for e in events] + [_from_agreement(a) for a in agreements]
    kept = []
    for item in items:
        if not _in_range(item, lo, hi):
            continue
        if wanted is not None:
            ids = {resolve.get(k, k) for k in [*item.entities, item.place] if k}
            if wanted not in ids:
                continue
        kept.append(item)
    kept.sort(key=lambda i: (_date_sort_key(i.date), i.item != "event", i.title, i.id))
    return kept
