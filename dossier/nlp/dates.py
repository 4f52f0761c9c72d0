"""Date expressions in text -> partial ISO dates that keep unknown parts unknown.

Why our own matcher instead of ``dateparser.search``: dateparser fills every missing part
(year, month) with today's date, and news needs the opposite — "27 de novembro" with no year
must stay ``--11-27`` and "na quarta-feira (12)" must stay ``---12``. We take dateparser's
per-language month and weekday names (its locale data ships with the wheel) and add our own
per-language joiners and relative phrases from ``dossier/lang/<code>/events.toml``.

Partial forms (ISO 8601 / XML Schema): ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``--MM-DD``
(month and day, year unknown), ``---DD`` (day only).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dossier.extract.lexicon import load_lexicon

#: A month-day without a year takes the published year only if it then lies this close to
#: the publication date ("clearly about the same time": a dateline, last week's talks).
SAME_TIME_DAYS = 45
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_DIGIT = re.compile(r"\d")
# Cheap necessary conditions of the date patterns, checked before them: a pattern that leads
# with a digit lets the regex engine skip ahead to the next digit, while the date patterns
# open with a lookbehind and are tried at every position. Every numeric date holds a digit,
# a separator and a digit ("3.5.2024", "2024-05-03"); every year and month-year a year.
_NUMERIC_HINT = re.compile(r"\d[./-]\d")
_YEAR_HINT = re.compile(r"(?:1[89]|20)\d\d")
# Where a match can start: ``numeric``, ``year`` and the day-first ``full`` dates open with a
# digit that follows no digit (their lookbehinds), so at the start of a run of digits;
# ``month_year`` and the month-first ``full`` dates at a month name where a word starts.
_DIGIT_RUN = re.compile(r"\d+")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(slots=True, kw_only=True, frozen=True)
class DateSpan:
    """A date expression found in a text, with its partial ISO value."""

    start: int
    end: int
    text: str
    date: str | None
    end_date: str | None = None
    relative: bool = False  # resolved against the published date
    target: bool = False  # governed by "until"/"by" ("до 2030 года"): a deadline, not a date


@dataclass(slots=True, frozen=True)
class Partial:
    """A partial date: any of year, month, day may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        """Return the partial ISO form, or None when nothing is known."""
        y, m, d = self.year, self.month, self.day
        if y and m and d:
            return f"{y:04d}-{m:02d}-{d:02d}"
        if y and m:
            return f"{y:04d}-{m:02d}"
        if y:
            return f"{y:04d}"
        if m and d:
            return f"--{m:02d}-{d:02d}"
        if d:
            return f"---{d:02d}"
        return None


@lru_cache(maxsize=65536)  # fusion parses the same few dates over and over; Partial is frozen
def parse_partial(value: str | None) -> Partial | None:
    """Parse any partial ISO form this module writes (None for None or junk)."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value[:10])
    if m:
        y, mo, d = m.groups()
        return Partial(int(y), int(mo) if mo else None, int(d) if d else None)
    m = re.fullmatch(r"--(\d{2})-(\d{2})", value)
    if m:
        return Partial(None, int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"---(\d{2})", value)
    return Partial(None, None, int(m.group(1))) if m else None


def precision(value: str | None) -> int:
    """Rank how much of a date is known: 0 nothing .. 3 a full day (partials in between)."""
    p = parse_partial(value)
    if p is None:
        return 0
    return (p.year is not None) + (p.month is not None) + (p.day is not None)


def _names(info: dict[str, Any], keys: tuple[str, ...]) -> dict[str, int]:
    """Map lower-cased dateparser names (3+ letters) to 1-based positions."""
    out: dict[str, int] = {}
    for i, key in enumerate(keys, 1):
        for name in info.get(key, []):
            low = str(name).lower().rstrip(".")
            if len(low) >= 3 and not low.isdigit():
                out.setdefault(low, i)
    return out


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(slots=True, frozen=True)
class _Patterns:
    months: dict[str, int]
    weekdays: dict[str, int]
    full: re.Pattern[str]  # day [range] month [year], month day [range] [year], year day month
    month_year: re.Pattern[str]
    weekday: re.Pattern[str]
    numeric: re.Pattern[str]
    year: re.Pattern[str]
    # a month name where a word starts: ``full`` and ``month_year`` start there or at digits;
    # None when a month name holds a non-word character (then a word may start inside one)
    month_start: re.Pattern[str] | None
    relative: re.Pattern[str] | None
    offsets: dict[str, tuple[str, int]]  # folded relative phrase -> (unit, offset)
    until_before: re.Pattern[str] | None  # "until 2030", "до 2030 года" (word before)
    until_after: re.Pattern[str] | None  # "2030 жылға дейін", "2030'a kadar" (word after)
    year_words: frozenset[str]  # capitalised words that may precede a year ("im Jahr 2024")
    mid: re.Pattern[str] | None  # "Mitte Oktober", "ekim ortasında": a month, no day


@lru_cache(maxsize=32)
def _patterns(language: str) -> _Patterns:
    """Compile the date patterns of one language (cached: pure function of the language)."""
    from dateparser.languages.loader import default_loader

    info: dict[str, Any] = {}
    try:
        info = default_loader.get_locale(language).info
    except Exception:  # dateparser lacks the language: English names still match
        info = default_loader.get_locale("en").info
    lex = load_lexicon(language).get("dates", {})
    months = _names(info, MONTHS)
    # three-letter weekday abbreviations are everyday words ("die", "mit", "sex", "mer", "per"):
    # news writes weekdays in full
    weekdays = {k: v for k, v in _names(info, WEEKDAYS).items() if len(k) >= 4}
    mon = rf"(?P<mon>(?:{_alt(list(months))})\w*)\.?"  # the ending too: see _month_of
    rng = _alt(["-", "–", "—", "/", *lex.get("range", [])])
    join = _alt(lex.get("joiners", [])) or "of"
    ymark = _alt(lex.get("year_markers", [])) or "AD"
    day = rf"(?P<d1>[0-3]?\d)(?:\.|{_alt(lex.get('ordinals', []) or ['th'])})?"
    day2 = rf"(?:\s*(?:{rng})\s*(?P<d2>[0-3]?\d)(?:\.|{_alt(lex.get('ordinals', []) or ['th'])})?)?"
    year = r"(?P<y>(?:1[89]|20)\d\d)"
    sep = rf"(?:\s+(?:{join})\s+|\s*,\s*|\.\s*|\s+)"
    full = re.compile(
        rf"(?<![\w.])(?:{year}\s*(?:{ymark})?\s+)?{day}{day2}{sep}{mon}(?:{sep}(?P<y2>(?:1[89]|20)\d\d)(?!\d))?"
        rf"|(?<!\w)(?P<mon_b>(?:{_alt(list(months))})\w*)\.?\s+(?P<d1b>[0-3]?\d)"
        rf"(?:{_alt(lex.get('ordinals', []) or ['th'])})?"
        rf"(?:\s*(?:{rng})\s*(?P<d2b>[0-3]?\d)(?:{_alt(lex.get('ordinals', []) or ['th'])})?)?"
        rf"(?:\s*,?\s*(?P<y3>(?:1[89]|20)\d\d)(?!\d))?(?!\d)",
        re.IGNORECASE,
    )
    month_year = re.compile(rf"(?<!\w){mon}{sep}{year}(?!\d)", re.IGNORECASE)
    weekday = re.compile(
        rf"(?<!\w)(?P<wd>{_alt(list(weekdays))})(?!\w)(?:\s*\(\s*(?P<d1>[0-3]?\d)\s*\))?",
        re.IGNORECASE,
    )
    numeric = re.compile(
        r"(?<![\d.])(?:(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)"
        r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d])"
    )
    yr = re.compile(r"(?<![\d.,/$€£-])(?P<y>(?:19|20)\d\d)"
                    r"(?:\s*[-–—]\s*(?P<y2>(?:19|20)\d\d))?(?![\d%])")
    offsets = {" ".join(k.casefold().split()): (str(u), int(o))
               for k, (u, o) in lex.get("relative", {}).items()}
    relative = re.compile(rf"(?<!\w)(?:{_alt(list(lex.get('relative', {})))})(?!\w)",
                          re.IGNORECASE) if offsets else None
    before = lex.get("until_before", [])
    after = lex.get("until_after", [])
    until_b = re.compile(rf"(?<!\w)(?:{_alt(before)})\s*$", re.IGNORECASE) if before else None
    until_a = re.compile(rf"^['’]?\w*\s*(?:\w+\s+)?(?:{_alt(after)})(?!\w)",
                         re.IGNORECASE) if after else None
    # every match of ``full`` and ``month_year`` holds a month name after a non-word character
    # or at the start (the separators before ``mon`` end in a space, comma or stop)
    month_start = re.compile(rf"(?<!\w)(?:{_alt(list(months))})", re.IGNORECASE) \
        if all(re.fullmatch(r"\w+", k) for k in months) else None
    return _Patterns(months, weekdays, full, month_year, weekday, numeric, yr, month_start,
                     relative, offsets, until_b, until_a,
                     frozenset(w.casefold() for w in lex.get("year_words", [])),
                     _mid_pattern(lex, list(months)))


def _mid_pattern(lex: dict[str, Any], months: list[str]) -> re.Pattern[str] | None:
    """"Mitte Oktober", "a mediados de octubre", "ekim ortasında": a month with a part cue."""
    before, after = lex.get("mid_before", []), lex.get("mid_after", [])
    if not (before or after):
        return None
    mon = rf"(?P<mon>(?:{_alt(months)})\w*)"
    alts = []
    if before:
        alts.append(rf"(?<!\w)(?:{_alt(before)})[\s-]*{mon}(?![\w-]*\s*\d)")
    if after:
        alts.append(rf"(?<!\w){mon.replace('mon>', 'mon2>')}\s+(?:{_alt(after)})(?!\w)")
    return re.compile("|".join(alts), re.IGNORECASE)


def _published(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _with_year(month: int, day: int | None, year: int | None, pub: dt.date | None) -> Partial:
    """Fill a missing year from the published date only when the date is then near it."""
    if year is not None or pub is None:
        return Partial(year, month, day)
    for cand in (pub.year, pub.year - 1, pub.year + 1):
        try:
            when = dt.date(cand, month, day or 15)
        except ValueError:
            continue
        if abs((when - pub).days) <= SAME_TIME_DAYS + (0 if day else 15):
            return Partial(cand, month, day)
    return Partial(None, month, day)


def _month_of(name: str, table: dict[str, int]) -> int | None:
    low = name.lower().rstrip(".")
    if low in table:
        return table[low]
    for k in sorted(table, key=len, reverse=True):  # inflected forms: "ноября", "Kasım'da"
        if low.startswith(k):
            # an abbreviation takes no ending: "arasında" is not "Ara(lık)", "marcha" no "mar"
            return table[k] if len(k) > 3 or not low[len(k):].isalpha() else None
    return None


def _full(m: re.Match[str], pat: _Patterns,
          pub: dt.date | None) -> tuple[Partial | None, Partial | None]:
    if m.group("mon_b"):
        month = _month_of(m.group("mon_b"), pat.months)
        d1, d2, y = m.group("d1b"), m.group("d2b"), m.group("y3")
    else:
        month = _month_of(m.group("mon"), pat.months)
        d1, d2 = m.group("d1"), m.group("d2")
        y = m.group("y") or m.group("y2")
    if month is None:
        return None, None
    first = _with_year(month, int(d1), int(y) if y else None, pub)
    last = Partial(first.year, month, int(d2)) if d2 and int(d2) > int(d1) else None
    return first, last


def _relative(unit: str, off: int, pub: dt.date) -> str:
    if unit == "day":
        return (pub + dt.timedelta(days=off)).isoformat()
    if unit == "month":
        idx = pub.year * 12 + pub.month - 1 + off
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    return f"{pub.year + off:04d}"


def _weekday(m: re.Match[str], pat: _Patterns, pub: dt.date | None) -> Partial | None:
    """Resolve "na quarta-feira (12)" / "on Wednesday" (the last such day up to publication)."""
    wd = _month_of(m.group("wd"), pat.weekdays)
    day = int(m.group("d1")) if m.group("d1") else None
    if pub is None or wd is None:
        return Partial(None, None, day) if day else None
    for back in range(0, 8):
        when = pub - dt.timedelta(days=back)
        if when.isoweekday() == wd and (day is None or when.day == day):
            return Partial(when.year, when.month, when.day)
    return Partial(None, None, day) if day else None


def next_week(span: DateSpan, language: str | None) -> str | None:
    """The same weekday a week later, for a weekday span ("on Friday") resolved backwards
    that a future verb puts after publication; None for any other span."""
    pat = _patterns(language or "en")
    if not span.relative or precision(span.date) != 3 or not pat.weekday.fullmatch(span.text):
        return None
    return (dt.date.fromisoformat(span.date or "") + dt.timedelta(days=7)).isoformat()


def _valid(p: Partial) -> bool:
    return (p.month is None or 1 <= p.month <= 12) and (p.day is None or 1 <= p.day <= 31)


def find_dates(text: str, language: str | None, published: str | None = None) -> list[DateSpan]:
    """Find date expressions in ``text``, most specific first where spans overlap."""
    pat = _patterns(language or "en")
    spans = _with_weekdays(_non_overlapping(_candidates(text, pat, published)), text, pat)
    return [_mark_target(s, text, pat) for s in spans]


#: What may stand between a weekday and its date: "Samedi 8 mars", "Saturday, March 8",
#: "am Samstag, den 8. März", "8 Mart Cumartesi", "8 марта (в субботу)"
_WEEKDAY_GAP = re.compile(r"[\s,(]*(?:\w{1,3}\s+)?")


def _with_weekdays(spans: list[DateSpan], text: str, pat: _Patterns) -> list[DateSpan]:
    """Join a weekday to the day-month date written beside it: one date, the written one.

    Alone, a weekday resolves to the last such day before publication, which is wrong for a
    date a week or more away ("Sabato 8 marzo" in an article of 5 March is not 1 March).
    """
    out: list[DateSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and _day_of_month(s) and _is_weekday(prev, pat) \
                and _WEEKDAY_GAP.fullmatch(text[prev.end:s.start]):
            out[-1] = _joined(prev.start, s.end, text, s)
        elif prev is not None and _day_of_month(prev) and _is_weekday(s, pat) \
                and _WEEKDAY_GAP.fullmatch(text[prev.end:s.start]):
            out[-1] = _joined(prev.start, s.end, text, prev)
        else:
            out.append(s)
    return out


def _is_weekday(span: DateSpan, pat: _Patterns) -> bool:
    return pat.weekday.fullmatch(span.text) is not None


def _day_of_month(span: DateSpan) -> bool:
    p = parse_partial(span.date)
    return p is not None and p.month is not None and p.day is not None and not span.relative


def _joined(start: int, end: int, text: str, date: DateSpan) -> DateSpan:
    return DateSpan(start=start, end=end, text=text[start:end], date=date.date,
                    end_date=date.end_date)


def _candidates(text: str, pat: _Patterns, published: str | None) -> list[DateSpan]:
    """Every date match of ``text``, before overlaps are resolved."""
    pub = _published(published)
    found: list[DateSpan] = []

    def add(m: re.Match[str], first: Partial | None, last: Partial | None = None,
            relative: bool = False) -> None:
        if first is None or not _valid(first) or (last is not None and not _valid(last)):
            return
        found.append(DateSpan(start=m.start(), end=m.end(), text=m.group(0), date=first.iso(),
                              end_date=last.iso() if last else None, relative=relative))

    # most sentences hold no digit: the patterns that need one are skipped, and the others
    # are tried only where a match can start (see _DIGIT_RUN)
    runs = [m.start() for m in _DIGIT_RUN.finditer(text)]
    years = bool(runs) and _YEAR_HINT.search(text) is not None
    months = [m.start() for m in pat.month_start.finditer(text)] \
        if runs and pat.month_start is not None else None
    for m in _starting(pat.numeric, text, runs) if runs and _NUMERIC_HINT.search(text) else ():
        if m.group("y"):
            add(m, Partial(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
        else:
            add(m, Partial(int(m.group("iy")), int(m.group("im")), int(m.group("id"))))
    dated = None if months is None else sorted(runs + months)
    for m in _starting(pat.full, text, dated, lambda m: _full(m, pat, pub)[0] is not None) \
            if runs and months != [] else ():
        add(m, *_full(m, pat, pub))
    for m in _starting(pat.month_year, text, months) if years and months != [] else ():
        month = _month_of(m.group("mon"), pat.months)
        add(m, Partial(int(m.group("y")), month) if month is not None else None)
    for m in pat.mid.finditer(text) if pat.mid is not None else ():
        found_mon = m.groupdict()
        month = _month_of(found_mon.get("mon") or found_mon.get("mon2") or "", pat.months)
        add(m, _with_year(month, None, None, pub) if month is not None else None)
    for m in pat.weekday.finditer(text):
        add(m, _weekday(m, pat, pub), relative=pub is not None)
    for m in pat.relative.finditer(text) if pub is not None and pat.relative else ():
        unit, off = pat.offsets[" ".join(m.group(0).casefold().split())]
        assert pub is not None  # for mypy: the loop runs only with a publication date
        found.append(DateSpan(start=m.start(), end=m.end(), text=m.group(0),
                              date=_relative(unit, off, pub), relative=True))
    for m in _starting(pat.year, text, runs) if years else ():
        y2 = m.group("y2")
        add(m, Partial(int(m.group("y"))), Partial(int(y2)) if y2 else None)
    return found


def has_relative_phrase(text: str, language: str | None) -> bool:
    """True when ``text`` holds one of the language's relative date phrases ("next year",
    "l'anno prossimo"): the only spans :func:`find_dates` dates after its ``published``
    (weekdays resolve backwards)."""
    pat = _patterns(language or "en")
    return pat.relative is not None and pat.relative.search(text) is not None


def _starting(pattern: re.Pattern[str], text: str, starts: list[int] | None,
              valid: Callable[[re.Match[str]], bool] | None = None) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, tried only at ``starts`` (ascending):
    the same when no match can start anywhere else, and the engine skips the rest of the
    text. ``None``: the starts are not known, scan the whole text.

    A match ``valid`` rejects does not hide the matches that start inside it: "Martes 4 de
    marzo" reads as month-first "Mar(tes) 4", which is no date, and "4 de marzo" is.
    """
    if starts is None:
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            if valid is None or valid(m):
                yield m
                pos = max(m.end(), m.start() + 1)
            else:
                pos = m.start() + 1
        return
    pos = 0
    for start in starts:
        if (start >= pos and (m := pattern.match(text, start)) is not None
                and (valid is None or valid(m))):
            pos = m.end()
            yield m


def _mark_target(span: DateSpan, text: str, pat: _Patterns) -> DateSpan:
    """Flag a year that dates nothing: governed by "until"/"by" ("до 2030 года", "2030 жылға
    дейін") or part of a name ("Mundial de Fútbol 2030", "Vision 2030", "Expo 2030")."""
    if precision(span.date) != 1 or span.end_date or not span.text.isdigit():
        return span
    head = text[max(0, span.start - 30):span.start]
    tail = text[span.end:span.end + 24]
    if _named_year(head, tail, pat) or (
            pat.until_before is not None and pat.until_before.search(head)) or (
            pat.until_after is not None and pat.until_after.match(tail)):
        return DateSpan(start=span.start, end=span.end, text=span.text, date=span.date,
                        end_date=span.end_date, relative=span.relative, target=True)
    return span


def _named_year(head: str, tail: str, pat: _Patterns) -> bool:
    """True when a capitalised word (not a sentence's first) names the year ("Expo 2030")."""
    name = re.search(r"[\w,]\s+([^\W\d_]+) $", head)
    return (name is not None and name.group(1)[0].isupper()
            and name.group(1).casefold() not in pat.year_words
            and not any(c.isupper() for c in tail[:3]))


def _non_overlapping(spans: list[DateSpan]) -> list[DateSpan]:
    """Keep the longest span where matches overlap, in text order."""
    keep: list[DateSpan] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(s.end <= k.start or s.start >= k.end for k in keep):
            keep.append(s)
    return sorted(keep, key=lambda s: s.start)


def compatible(a: str | None, b: str | None, slack_days: int = 1) -> bool:
    """Tell whether two partial dates can name the same day (unknown parts match anything)."""
    pa, pb = parse_partial(a), parse_partial(b)
    if pa is None or pb is None:
        return True
    if pa.year is not None and pb.year is not None and pa.year != pb.year:
        return False
    if pa.month is not None and pb.month is not None and pa.month != pb.month:
        return _adjacent(pa, pb, slack_days)
    return not (pa.day is not None and pb.day is not None and abs(pa.day - pb.day) > slack_days)


def _adjacent(pa: Partial, pb: Partial, slack: int) -> bool:
    """Allow 31 October vs 1 November when both days are known."""
    if None in (pa.day, pb.day):
        return False
    year = pa.year or pb.year or 2001
    try:
        da = dt.date(year, pa.month or 1, pa.day or 1)
        db = dt.date(year, pb.month or 1, pb.day or 1)
    except ValueError:
        return False
    return abs((da - db).days) <= slack


def merge(a: str | None, b: str | None) -> str | None:
    """Combine two compatible partial dates, keeping every part either one knows."""
    pa, pb = parse_partial(a), parse_partial(b)
    if pa is None or pb is None:
        return a or b
    if precision(a) >= precision(b) and (pa.year is not None or pb.year is None):
        base, other = pa, pb
    else:
        base, other = pb, pa
    y = base.year if base.year is not None else other.year
    mo = base.month if base.month is not None else other.month
    d = base.day if base.day is not None else other.day
    if y is not None and mo is None and d is not None:
        d = None  # "2025" + "---12": a day without its month says nothing
    return Partial(y, mo, d).iso()
