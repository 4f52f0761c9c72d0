"""The time a figure is about: years, "first nine months of 2025", "last year", "by 2025".

Relative phrases resolve against the document's publication date and are left unresolved
(None) when it is unknown: the article's own date is never used as a period by itself.
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


@dataclass(slots=True, kw_only=True)
class PeriodMention:
    """A time expression in a sentence (offsets into the sentence text)."""

    start: int
    end: int
    period: str | None  # None: a relative phrase with no document date to resolve it
    by: bool = False  # a deadline ("by 2025", "entro il 2025"): a target's period


class PeriodFinder:
    """Finds time expressions in sentences of one language."""

    def __init__(self, lex: NumberLexicon) -> None:
        p = lex.section("period")
        flags = re.IGNORECASE
        self._words = WordNumbers(lex.words, list(lex.data.get("words", {}).get("connectors", [])))
        article = r"(?i:(?:(?:the|il|l'|le|la|o|el|de|del)\s+)?(?:year\s+|anno\s+|ano\s+|года\s+)?)"
        by = alt(p.get("by", []))  # alt() puts the word boundary in itself
        self._by = re.compile(rf"{by}{SPACE}{article}{_YEAR}")
        self._year = re.compile(_YEAR_SCAN)
        self._spans = [(re.compile(p[k], flags), k)
                       for k in ("first_months_re", "half_re") if p.get(k)]
        self._relative = [(re.compile(alt(p.get(k, []))), d)
                          for k, d in (("last_year", -1), ("this_year", 0), ("next_year", 1))]

    def find(self, text: str, published: str | None) -> list[PeriodMention]:
        """Return the time expressions of ``text``, the longest first where they overlap."""
        found: list[PeriodMention] = []
        for rx, key in self._spans:
            for m in rx.finditer(text):
                found.append(PeriodMention(start=m.start(), end=m.end(), period=self._span(m, key)))
        for m in self._by.finditer(text):
            found.append(PeriodMention(start=m.start(), end=m.end(), period=m.group("y"), by=True))
        for m in self._year.finditer(text):
            found.append(PeriodMention(start=m.start(), end=m.end(), period=m.group("y")))
        year = int(published[:4]) if published and published[:4].isdigit() else None
        for rx, delta in self._relative:
            for m in rx.finditer(text):
                value = str(year + delta) if year is not None else None
                found.append(PeriodMention(start=m.start(), end=m.end(), period=value))
        return _outermost(found)

    def _span(self, m: re.Match[str], key: str) -> str | None:
        """Return "YYYY-01/YYYY-MM" for "first N months of YYYY" or the first half."""
        year = m.group("year")
        if key == "half_re":
            return f"{year}-01/{year}-06"
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else self._words.parse(raw)
        if not n or not 1 <= n <= 12:
            return year
        return f"{year}-01/{year}-{n:02d}"


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
    between: list[int],
) -> PeriodMention | None:
    """Pick the period of a figure at ``pos``: its own clause first, else a fronted one.

    ``between`` holds the positions of the sentence's other figures: a period is not taken
    across another figure. Targets take only their own clause's period or a deadline.
    """
    own = [p for p in periods if clause[0] <= p.start < clause[1] and (target or not p.by)]
    if own:
        return min(own, key=lambda p: min(abs(p.start - pos), abs(p.end - pos)))
    if target:
        return None
    before = [p for p in periods if p.end <= pos and not p.by
              and not any(p.end <= b < pos for b in between)]
    return max(before, key=lambda p: p.end) if before else None
