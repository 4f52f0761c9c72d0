"""The time a figure is about: years, quarters, halves, month ranges, "last year", "by 2025".

Relative phrases resolve against the document's publication date and are left unresolved
(None) when it is unknown: the article's own date is never used as a period by itself.
Sub-year stretches ("im ersten Quartal", "ocak-şubat", "январь–май") take the year written
next to them ("2025", "этого года", "2025 yılının"); with none, the publication year (the
previous one when the stretch ends after the publication month).

Written here (not dateparser/datefinder) because those read dates, not reporting periods:
none of them knows "первое полугодие", "ilk çeyrek" or "бірінші тоқсан".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.nlp.numbers.lexicon import SPACE, NumberLexicon, alt, lexicon
from dossier.nlp.numbers.words import WordNumbers

_YEAR = r"(?<![\d.,$€£])(?P<y>(?:1[89]|20)\d{2})(?![\d%])"
#: the same, starting with a character class so a scan jumps from "1"/"2" to the next
_YEAR_SCAN = r"(?P<y>[12](?<![\d.,$€£][12])(?:(?<=1)[89]|(?<=2)0)\d{2})(?![\d%])"
_DASH = r"[ \t\u00a0\u202f\u2009]?[-–—/][ \t\u00a0\u202f\u2009]?"
#: "1-м", "1.", "1st", "1er" and Roman "I"–"IV" before a quarter or half word
_ORDINAL_DIGITS = r"(?P<od>[1-4](?:[.-]?[^\W\d_]{0,4})?(?!\w)|IV(?!\w)|I{1,3}(?!\w))"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
#: what may stand between a stretch and its year: "of", "de", "des Jahres", "'in", "yılının"
_GAP_AFTER = re.compile(r"[ \t\u00a0]*(?:[^\W\d_]{1,6}\.?[ \t\u00a0]+){0,2}")
_GAP_BEFORE = re.compile(r"(?:['’][^\W\d_]+)?(?:[ \t\u00a0]+[^\W\d_]{2,9})?(?:['’]s)?[ \t\u00a0]+")
_DAY_BEFORE = re.compile(r"\d\.?[ \t\u00a0]*(?:[^\W\d_]{1,3}[ \t\u00a0]+)?$")


@dataclass(slots=True, kw_only=True)
class PeriodMention:
    """A time expression in a sentence (offsets into the sentence text)."""

    start: int
    end: int
    period: str | None  # None: a relative phrase with no document date to resolve it
    by: bool = False  # a deadline ("by 2025", "entro il 2025"): a target's period
    #: a fiscal year written over two calendar years ("FY 2024-25"): (first, second)
    fiscal: tuple[int, int] | None = None
    same: bool = False  # "in the same year": the year named last before this sentence


@dataclass(slots=True, kw_only=True)
class _Stretch:
    """Months of a year not yet known: "first quarter", "январь–май" (1-based, inclusive)."""

    start: int
    end: int
    first: int
    last: int


def _lookup(word: str, table: list[tuple[str, int]]) -> int | None:
    """Return the number of ``word`` in a (form, number) table; "stem*" forms match prefixes."""
    low = " ".join(word.lower().split())
    for form, n in table:
        if (form.endswith("*") and low.startswith(form[:-1])) or low == form:
            return n
    return None


class PeriodFinder:
    """Finds time expressions in sentences of one language."""

    def __init__(self, lex: NumberLexicon) -> None:
        p = lex.section("period")
        self._words = WordNumbers(lex.words, list(lex.data.get("words", {}).get("connectors", [])))
        article = r"(?i:(?:(?:the|il|l'|le|la|o|el|de|del)\s+)?(?:year\s+|anno\s+|ano\s+|года\s+)?)"
        by = alt(p.get("by", []))  # alt() puts the word boundary in itself
        self._by = re.compile(rf"{by}{SPACE}{article}{_YEAR}")
        self._by_after = re.compile(p.get("by_after_re") or r"(?!x)x", re.IGNORECASE)
        self._year = re.compile(_YEAR_SCAN)
        self._first_months = re.compile(p.get("first_months_re") or r"(?!x)x", re.IGNORECASE)
        # "the first nine months of this year": the year is the publication's
        self._first_months_this = re.compile(p.get("first_months_this_re") or r"(?!x)x",
                                             re.IGNORECASE)
        # "compared with the same period of 2024", "2024'e göre": the base of a change
        self._base_before = re.compile(
            rf"(?:{alt(p.get('base_before', []))})(?:[ \t]+[^\s,;]+){{0,4}}[ \t]*$")
        self._base_after = re.compile(
            rf"[\w'’]*(?:[ \t]+\w+){{0,2}}[ \t]+(?:{alt(p.get('base_after', []))})")
        self._relative = [(re.compile(alt(p.get(k, []))), d)
                          for k, d in (("last_year", -1), ("this_year", 0), ("next_year", 1))]
        self._so_far = re.compile(alt(p.get("so_far", [])))
        self._same = re.compile(alt(p.get("same_year", [])))
        self._fiscal = [re.compile(rx, re.IGNORECASE) for rx in p.get("fiscal_re", [])]
        self._month_table = [(f.lower(), i + 1) for i, forms in enumerate(p.get("months", []))
                             for f in forms]
        self._ordinal_table = [(k.lower(), int(v)) for k, v in p.get("ordinals", {}).items()]
        self._joiners = {w.lower() for w in p.get("range_to", [])}
        self._compile_stretches(p)

    def _compile_stretches(self, p: dict[str, list[str]]) -> None:
        """Build the month-range, single-month and quarter/half patterns."""
        month = alt([f for forms in p.get("months", []) for f in forms])
        conns = alt([*p.get("range_to", []), *p.get("range_and", [])])
        self._range = re.compile(
            rf"(?:(?P<from>{alt(p.get('range_from', []))}){SPACE})?(?P<m1>{month})"
            rf"(?:{_DASH}|{SPACE}(?P<conn>{conns}){SPACE})(?P<m2>{month})")
        self._month = re.compile(rf"(?P<m1>{month})\.?{SPACE}(?:(?:de|del|di){SPACE})?{_YEAR}")
        ordinal = alt(p.get("ordinals", {}))
        self._part = re.compile(
            rf"(?:(?P<ow>{ordinal})|{_ORDINAL_DIGITS})(?:{SPACE}|-)"
            rf"(?:(?P<q>{alt(p.get('quarter', []))})|(?P<h>{alt(p.get('half', []))}))"
            r"|(?<!\w)Q(?P<qn>[1-4])(?!\w)")
        # the two patterns above open with optional or alternative parts, so the engine tries
        # them at every character; a range needs a month word and a part its quarter/half word
        # (the same sub-patterns over the same string), so most sentences skip them at once
        self._range_guard = re.compile(month)
        self._part_guard = re.compile(f"{alt(p.get('quarter', []))}|{alt(p.get('half', []))}")

    def find(self, text: str, published: str | None) -> list[PeriodMention]:
        """Return the time expressions of ``text``, the longest first where they overlap."""
        found: list[PeriodMention] = []
        for m in self._first_months.finditer(text):
            found.append(PeriodMention(start=m.start(), end=m.end(), period=self._span(m)))
        this = published[:4] if published and published[:4].isdigit() else None
        for m in self._first_months_this.finditer(text):
            found.append(PeriodMention(start=m.start(), end=m.end(),
                                       period=self._span(m, this) if this else None))
        for rx in (self._by, self._by_after):
            for m in rx.finditer(text):
                found.append(PeriodMention(start=m.start(), end=m.end(), period=m.group("y"),
                                           by=True))
        years: list[PeriodMention] = []
        for m in self._year.finditer(text):
            years.append(PeriodMention(start=m.start(), end=m.end(), period=m.group("y")))
        year = int(published[:4]) if published and published[:4].isdigit() else None
        for rx, delta in self._relative:
            for m in rx.finditer(text):
                value = str(year + delta) if year is not None else None
                years.append(PeriodMention(start=m.start(), end=m.end(), period=value))
        found += self._so_far_mentions(text, published)
        found += self._fiscal_years(text)
        found += [PeriodMention(start=m.start(), end=m.end(), period=None, same=True)
                  for m in self._same.finditer(text)]
        found += self._months_of_year(text)
        found += [self._place(s, text, years, published) for s in self._stretches(text)]
        return _outermost(found + years)

    def _so_far_mentions(self, text: str, published: str | None) -> list[PeriodMention]:
        """Return "so far this year" / "с начала года" as January to the publication month."""
        out = []
        for m in self._so_far.finditer(text):
            value = None
            if published and re.match(r"\d{4}-\d{2}", published):
                value = f"{published[:4]}-01/{published[:7]}"
            out.append(PeriodMention(start=m.start(), end=m.end(), period=value))
        return out

    def _fiscal_years(self, text: str) -> list[PeriodMention]:
        """Return "financial year 2024-25", "2024/25 финансовом году" as fiscal mentions."""
        out = []
        for rx in self._fiscal:
            for m in rx.finditer(text):
                first, tail = int(m.group("y")), m.group("y2")
                second = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
                if second == first + 1:
                    out.append(PeriodMention(start=m.start(), end=m.end(),
                                             period=f"{first}/{second}", fiscal=(first, second)))
        return out

    def _months_of_year(self, text: str) -> list[PeriodMention]:
        """Return "in May 2025" as 2025-05 (not a dated day: "12 May 2025" is left out)."""
        out = []
        for m in self._month.finditer(text):
            n = _lookup(m.group("m1"), self._month_table)
            if n and not _DAY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                out.append(PeriodMention(start=m.start(), end=m.end(),
                                         period=f"{m.group('y')}-{n:02d}"))
        return out

    def _stretches(self, text: str) -> list[_Stretch]:
        """Return the month ranges, quarters and halves of ``text`` (year not yet known)."""
        out: list[_Stretch] = []
        ranges = self._range.finditer(text) if self._range_guard.search(text) else ()
        for m in ranges:
            a = _lookup(m.group("m1"), self._month_table)
            b = _lookup(m.group("m2"), self._month_table)
            conn = (m.group("conn") or "").lower()
            joined = not conn or conn in self._joiners or m.group("from")
            if a and b and a < b and joined:
                out.append(_Stretch(start=m.start(), end=m.end(), first=a, last=b))
        parts = self._part.finditer(text) if "Q" in text or self._part_guard.search(text) else ()
        for m in parts:
            n = self._part_number(m)
            size = 6 if m.group("h") else 3
            if n and n * size <= 12:
                out.append(_Stretch(start=m.start(), end=m.end(), first=(n - 1) * size + 1,
                                    last=n * size))
        return out

    def _part_number(self, m: re.Match[str]) -> int | None:
        """Return which quarter or half a match names (1-based)."""
        if m.group("qn"):
            return int(m.group("qn"))
        if m.group("ow"):
            return _lookup(m.group("ow"), self._ordinal_table)
        raw = m.group("od")
        return int(raw[0]) if raw[0].isdigit() else _ROMAN.get(raw)

    def _place(self, s: _Stretch, text: str, years: list[PeriodMention],
               published: str | None) -> PeriodMention:
        """Return a stretch joined to its year: written next to it, else the publication's."""
        for y in sorted(years, key=lambda y: y.start):
            if y.start >= s.end and _GAP_AFTER.fullmatch(text, s.end, y.start):
                return _stretch_mention(s, y.period, s.start, y.end)
        for y in sorted(years, key=lambda y: -y.end):
            if y.end <= s.start and _GAP_BEFORE.fullmatch(text, y.end, s.start):
                return _stretch_mention(s, y.period, y.start, s.end)
        if not published or not re.match(r"\d{4}-\d{2}", published):
            return PeriodMention(start=s.start, end=s.end, period=None)
        year = int(published[:4]) - (s.last > int(published[5:7]))
        return _stretch_mention(s, str(year), s.start, s.end)

    def is_base(self, text: str, p: PeriodMention) -> bool:
        """Return True for the base of a comparison ("compared with the same period of 2024",
        "2024 yılına göre"): not the period of the figure beside it."""
        return bool(self._base_before.search(text, max(0, p.start - 60), p.start)
                    or self._base_after.match(text, p.end))

    def _span(self, m: re.Match[str], year: str | None = None) -> str | None:
        """Return "YYYY-01/YYYY-MM" for "first N months of YYYY" (or of ``year``)."""
        year = year or m.group("year")
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else self._words.parse(raw)
        if not n or not 1 <= n <= 12:
            return year
        return f"{year}-01/{year}-{n:02d}"


def _stretch_mention(s: _Stretch, year: str | None, start: int, end: int) -> PeriodMention:
    """Return the mention of a stretch in ``year`` (None when the year is unresolved)."""
    value = f"{year}-{s.first:02d}/{year}-{s.last:02d}" if year else None
    return PeriodMention(start=start, end=end, period=value)


def _outermost(found: list[PeriodMention]) -> list[PeriodMention]:
    """Drop mentions lying inside a longer one ("2025" inside "first nine months of 2025")."""
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[PeriodMention] = []
    for p in found:
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


@lru_cache(maxsize=32)
def period_finder(language: str | None) -> PeriodFinder:
    """Return the period finder for ``language``."""
    return PeriodFinder(lexicon(language))


def choose_period(
    periods: list[PeriodMention], pos: int, clause: tuple[int, int], *, target: bool,
    between: list[int], text: str = "",
) -> PeriodMention | None:
    """Pick the period of a figure at ``pos``: its own clause first, else a nearby one.

    ``between`` holds the positions of the sentence's other figures: a period is not taken
    across another figure, unless it opens the sentence before every figure ("In FY
    2024-25, imports were X, while exports were Y"). A year written just after a closing
    quote belongs to the quoted figure. Targets take only their own clause's period or a
    deadline.
    """
    own = [p for p in periods if clause[0] <= p.start < clause[1] and (target or not p.by)]
    if own:
        return min(own, key=lambda p: min(abs(p.start - pos), abs(p.end - pos)))
    if target:
        return None
    if text and (after := _after_quote(periods, clause[1], text)):
        return after
    first = min([pos, *between])
    before = [p for p in periods if p.end <= pos and not p.by
              and (p.end <= first or not any(p.end <= b < pos for b in between))
              and ";" not in text[p.end:pos]]
    return max(before, key=lambda p: p.end) if before else None


def deadline(periods: list[PeriodMention], clause: tuple[int, int]) -> PeriodMention | None:
    """Return a deadline in the clause ("d'ici 2027", "bis 2030"): it makes a figure a target."""
    return next((p for p in periods if p.by and clause[0] <= p.start < clause[1]), None)


_QUOTE_GAP = re.compile(r"[ \t]*[\"”»“'’)][ \t]*(?:[^\W\d_]{1,6}[ \t]+){0,2}")


def _after_quote(periods: list[PeriodMention], end: int, text: str) -> PeriodMention | None:
    """Return the period right after the quote that closes a figure's clause, if any."""
    return next((p for p in periods if p.start >= end and not p.by
                 and _QUOTE_GAP.fullmatch(text, end, p.start)), None)
