"""Datelines and bylines at the head of a line: who wrote the report, for which agency, where
and when ("Gianna Lodi (NOTIZIE DAL MONDO) - Lima, 4 marzo –", "MOSCOW, Nov 12 (Reuters) -",
"МОСКВА, 20 августа. /ТАСС/.", "ANKARA (AA) -", "By Jane Roe | Updated 12 Nov"). The names
in it are no event's actors: the author did not attend, the agency did not sign.

A dateline is recognised by its structure, not by a distance from the sentence start. From
the start of a line, a run of header units -- names the entity stage found, dates and times,
an agency in brackets or slashes, upper-case words, capitalised words, the language's byline
and label words -- is split into segments by dashes and bars. Each segment must be a
dateline (a place, a date or an agency), a byline (a byline word before the author) or a bare
author name that another such segment follows. The run ends at a dash or bar, at an agency
bracket ("Moscow, Aug 21 (PTI) External Affairs Minister ..."), or with the line itself.
Any other word (a lower-case verb, "and", a preposition outside the lists) ends the run
without a dateline, so a sentence that merely opens with a date ("On 4 March Putin met
Tokayev – ...") keeps its names; so does a run holding one of the sentence's event triggers.

The words are data: ``[dateline]`` of ``dossier/lang/<code>/events.toml`` (``byline`` words
that open an author credit, ``labels`` that may stand in a date line) plus ``byline`` and
``published_cues`` of the language's ``clean.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dossier import lang as langdata
from dossier.model import Mention
from dossier.nlp.dates import DateSpan, precision

__all__ = ["DatelineWords", "dateline_spans", "dateline_words"]

# an agency in brackets or slashes: "(Reuters)", "(NOTIZIE DAL MONDO)", "/ТАСС/"; no digits,
# so "(12)" after a weekday and "(2024)" are no agency
_BRACKET = re.compile(r"\(([^\W\d_][^()\n\d]{0,38})\)|/([^\W\d_][^/\n\d]{0,28})/(?!\w)")
_BRACKET_WORDS = 5
_TIME = re.compile(r"\d{1,2}[:h.]\d{2}(?!\d)")
_DELIM = re.compile(r"[-–—]+(?=\s|$)|\|")
_DELIM_AFTER = frozenset(" \t\xa0.)/")  # "Lima -", "(EFE).-": a dash after a space or a stop
_SEP = re.compile(r"[,.:;·•›>/]")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_TRAILING = 3  # "— РИА Новости.": an agency after the last dash, at most this many units
# what a segment's units may be, by the part it plays: an author or agency before a dateline
# ("Gianna Lodi (NOTIZIE DAL MONDO) -", "PTI |")
_NAMES = frozenset({"person", "org", "bracket", "title"})
_AGENCY = frozenset({"org", "caps", "title", "place"})  # "— РИА Новости.", "- Brasília"
_STRONG = frozenset({"date", "time", "bracket"})
_BEFORE_CREDIT = frozenset({"date", "time", "label"})  # "18:40 Por Luciana Moraes"


@dataclass(slots=True, frozen=True)
class DatelineWords:
    """One language's lower-case words that may stand in a dateline or byline."""

    byline: frozenset[str]  # open an author credit: "by", "por", "di", "von", "автор"
    labels: frozenset[str]  # stand in a date line: "updated", "publicado", "em", "às", "um"


@dataclass(slots=True, frozen=True)
class _Unit:
    kind: str  # person place country org date time bracket caps title byline label sep delim
    start: int
    end: int


@lru_cache(maxsize=32)
def dateline_words(language: str) -> DatelineWords:
    """Return the byline and label words of ``language`` (casefolded single words)."""
    data = langdata.load(language, "events").get("dateline", {})
    clean = langdata.load(language, "clean")

    def words(*lists: Sequence[str]) -> frozenset[str]:
        return frozenset(w.casefold() for items in lists for p in items for w in p.split())

    return DatelineWords(byline=words(data.get("byline", []), clean.get("byline", [])),
                         labels=words(data.get("labels", []), clean.get("published_cues", [])))


def dateline_spans(text: str, base: int, mentions: Sequence[Mention], dates: Sequence[DateSpan],
                   language: str, triggers: Callable[[str], Sequence[object]] | None = None,
                   ) -> list[tuple[int, int]]:
    """Return the (start, end) offsets in ``text`` of the datelines and bylines that open its
    lines. ``mentions`` carry document offsets (``base`` is the text's), ``dates`` offsets
    in ``text``; ``triggers`` finds event triggers in a stretch of text, and a stretch that
    holds one is no dateline ("Talks in Astana, 4 March – ...")."""
    marks = {m.start - base: m for m in mentions}
    starts = {d.start: d for d in dates}
    words = dateline_words(language)
    out = []
    line = 0
    while line < len(text):
        stop = text.find("\n", line)
        stop = len(text) if stop < 0 else stop
        end = _dateline_end(text[:stop], line, marks, starts, words)
        if end > line and not (triggers and triggers(text[line:end])):
            out.append((line, end))
        line = stop + 1
    return out


def _dateline_end(text: str, pos: int, marks: dict[int, Mention], dates: dict[int, DateSpan],
                  words: DatelineWords) -> int:
    """Return where the dateline opening ``text`` at ``pos`` ends (``pos`` when there is none)."""
    units, complete = _scan(text, pos, marks, dates, words)
    segments = _segments(units, complete)
    cut = pos
    i = 0
    while i < len(segments):
        seg, end, closed = segments[i]
        kind = _kind(seg, closed, after_header=cut > pos)
        if kind == "name" and i + 1 < len(segments):
            nxt, nxt_end, nxt_closed = segments[i + 1]
            if _kind(nxt, nxt_closed, after_header=True) in {"dateline", "byline"}:
                cut, i = nxt_end, i + 2
                continue
        if kind not in {"dateline", "byline"}:
            break
        cut, i = end, i + 1
    return cut


def _scan(text: str, pos: int, marks: dict[int, Mention], dates: dict[int, DateSpan],
          words: DatelineWords) -> tuple[list[_Unit], bool]:
    """Read header units from ``pos``; True when they run to the end of ``text``."""
    units: list[_Unit] = []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return units, True
        unit = _unit(text, pos, marks, dates, words)
        if unit is None:
            return units, False
        units.append(unit)
        pos = unit.end


def _unit(text: str, pos: int, marks: dict[int, Mention], dates: dict[int, DateSpan],
          words: DatelineWords) -> _Unit | None:
    """Return the header unit at ``pos``, or None where a word of running text stands."""
    if (d := dates.get(pos)) is not None:
        return _Unit("date" if d.date and precision(d.date) >= 2 and not d.relative
                     else "title", pos, max(d.end, pos + 1))
    if (m := marks.get(pos)) is not None:
        kind = _mention_kind(m)
        return _Unit(kind, pos, pos + len(m.text)) if kind else None
    if text[pos].isalpha():  # the common case first: a word
        w = _WORD.match(text, pos)
        return _word(w.group(), pos, w.end(), words) if w else None
    b = _BRACKET.match(text, pos)
    if b and len((b.group(1) or b.group(2)).split()) <= _BRACKET_WORDS:
        return _Unit("bracket", pos, b.end())
    if t := _TIME.match(text, pos):
        return _Unit("time", pos, t.end())
    if (d2 := _DELIM.match(text, pos)) and (pos == 0 or text[pos - 1] in _DELIM_AFTER):
        return _Unit("delim", pos, d2.end())
    if s := _SEP.match(text, pos):
        return _Unit("sep", pos, s.end())
    return None


def _mention_kind(m: Mention) -> str | None:
    """The unit a mention makes: a demonym ("Russian President") is running text."""
    if m.relation == "demonym":
        return None
    if m.type == "country" and m.text.isupper():
        return "caps"  # "KAZAKHSTAN, Astana -": a dateline's place in capitals
    return {"person": "person", "place": "place", "country": "country",
            "organization": "org"}.get(m.type, "title")


def _word(word: str, start: int, end: int, words: DatelineWords) -> _Unit | None:
    folded = word.casefold()
    if folded in words.byline:
        return _Unit("byline", start, end)
    if folded in words.labels:
        return _Unit("label", start, end)
    if word.isupper() and len(word) >= 2:
        return _Unit("caps", start, end)
    return _Unit("title", start, end) if word[0].isupper() else None


def _segments(units: list[_Unit], complete: bool) -> list[tuple[list[_Unit], int, str]]:
    """Split units into (segment, end offset, how it closed: delim, bracket or end); an
    unfinished last segment (running text follows) is left out."""
    out: list[tuple[list[_Unit], int, str]] = []
    seg: list[_Unit] = []
    for i, u in enumerate(units):
        if u.kind == "delim":
            out.append((seg, u.end, "delim"))
            seg = []
            continue
        seg.append(u)
        if u.kind == "bracket":
            # "Moscow, Aug 21 (PTI) External Affairs ...": the agency closes the dateline
            j = i + 1
            while j < len(units) and units[j].kind == "sep":
                j += 1
            if (j < len(units) and units[j].kind == "delim") or (j == len(units) and complete):
                continue  # "(Lusa) -", "(EFE).-", a line that ends in "/ТАСС/."
            out.append((seg, units[j - 1].end, "bracket"))
            return out
    if complete and seg:
        out.append((seg, seg[-1].end, "end"))
    return out


def _kind(seg: list[_Unit], closed: str, after_header: bool) -> str | None:
    """Tell what a segment is: dateline, byline, name (an author that needs a dateline after
    it) or None (running text)."""
    units = [u for u in seg if u.kind != "sep"]
    kinds = [u.kind for u in units]
    if not kinds:
        return None
    # "By Jane Roe", "18:40 Por Luciana Moraes", "di Giulia Ferraresi", "Redacción / EFE": a
    # byline word opens the credit ("Recibido por Putin" is running text)
    credit = next((i for i, k in enumerate(kinds) if k not in _BEFORE_CREDIT), len(kinds))
    if credit < len(kinds) and kinds[credit] == "byline":
        return "byline"
    if closed == "delim" and set(kinds) <= _NAMES:
        return "name"  # an author or agency, if a dateline follows: "PTI | Updated: ..."
    if "person" in kinds:
        return None
    strong = bool(_STRONG & set(kinds))
    if "country" in kinds and not strong:
        return None  # "Kazakhstan – Russia's largest partner – ...": a subject, not a place
    if closed == "bracket":
        return "dateline" if {"place", "country", "caps", "date"} & set(kinds[:-1]) else None
    if closed == "end":
        trailing = after_header and len(kinds) <= _TRAILING and set(kinds) <= _AGENCY
        return "dateline" if strong or trailing else None
    return "dateline" if strong or "place" in kinds or "caps" in kinds else None
