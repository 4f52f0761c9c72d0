"""Precision filters for per-document events: who can be an actor, which reports are background.

The entity stage guesses people from capitalisation ("shape") and cues; a guess that names a
document ("Şuşa Beyannamesi"), a corridor ("Orta Koridor") or a building ("Villa Doria
Pamphilj") would otherwise become an event's actor and tie unrelated events together in
fusion. A guessed person stays an actor only when a person title stands just before one of
its mentions, when the page names it more than once, or when a curated list knows it.
Words come from the entity lexicon (``person_titles``) and the event lexicon (``[actors]``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from dossier import lang as langdata
from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.model import DocEvent, Document, Figure, Mention
from dossier.nlp.dates import DateSpan, parse_partial, precision

__all__ = ["BACKGROUND_DAYS", "agency_byline", "background", "borrow_not", "confirmed_persons",
           "figure_period", "not_actor", "reference_date"]

GUESSED = frozenset({"shape", "cue", "model"})  # recogniser layers that guess a person
TITLE_WINDOW = 4  # words before a mention searched for a person title
BACKGROUND_DAYS = 180  # an event this long before the page's news is background
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# types whose report needs an actor in its own sentence, a date or a place: "the commission's
# portfolio" names no session, "the joint communiqué" repeats the signing
BORROW_NOT = frozenset({"forum", "statement"})
BYLINE = re.compile(r"^\s*[)/]?\s*\.?\s*[-–—]")  # "ANKARA (AA) -", "(EFE).-", "ҚазАқпарат -"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=32)
def _titles(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Folded person titles of ``language``: exact words, and stems for inflected forms."""
    listed = list(langdata.load(language, "entities").get("person_titles", []))
    listed += load_lexicon(language).get("actors", {}).get("titles", [])
    words = [_fold(w).rstrip("*") for w in listed]
    exact = frozenset(t for w in words for t in w.split())
    stems = tuple(sorted({w for w in exact if len(w) >= 5}, key=len, reverse=True))
    return exact, stems


@lru_cache(maxsize=32)
def _not_actor(language: str) -> re.Pattern[str] | None:
    """Heads of names that are no actor: documents, corridors, projects, buildings."""
    lex = load_lexicon(language)
    heads = list(lex.get("agreements", {}).get("heads", {}))
    heads += list(lex.get("actors", {}).get("not_heads", []))
    return phrase_pattern(heads)


def _is_title(word: str, language: str) -> bool:
    exact, stems = _titles(language)
    w = _fold(word)
    # "президента", "Президенті", "Bundeskanzler": a title's inflected or compound form
    return w in exact or any(w.startswith(s) or w.endswith(s) for s in stems)


def not_actor(m: Mention, language: str) -> bool:
    """True for a "person" whose name is a document's, a project's or a title word.

    Only people are checked: an organisation may hold a head ("Collective Security Treaty
    Organization") and still act.
    """
    if m.type != "person":
        return False
    pat = _not_actor(language)
    if pat is not None and pat.search(m.text):
        return True
    words = WORD.findall(m.text)
    return bool(words) and all(_is_title(w, language) for w in words)


def confirmed_persons(doc: Document) -> set[str]:
    """Person keys of ``doc`` that are people: curated, titled, or named more than once."""
    lang = doc.language or "en"
    persons = [m for m in doc.mentions if m.type == "person"]
    counts = Counter(m.key for m in persons)
    out: set[str] = set()
    prev_end = 0
    for m in persons:
        start, prev_end = max(prev_end, m.start - 80), m.end
        if m.source not in GUESSED or counts[m.key] > 1:
            out.add(m.key)
            continue
        # "Bundeskanzler Friedrich Merz (CDU)": a title before another name is that name's
        before = WORD.findall(doc.text[min(start, m.start):m.start])[-TITLE_WINDOW:]
        if any(_is_title(w, lang) for w in before):
            out.add(m.key)
    return out


def figure_period(span: DateSpan, figures: list[Figure], trigger: int) -> bool:
    """True when a date is the period of a figure in its sentence ("trade reached $7.5
    billion last year") and stands nearer that figure than the event's trigger (offsets
    within the sentence; figures carry document offsets, compared through their quote)."""
    mid = (span.start + span.end) // 2
    for f in figures:
        if not (span.date and f.period and (f.period == span.date
                                            or f.period.startswith(f"{span.date}-")
                                            or f.period.split("/")[0] == span.date)):
            continue
        pos = f.quote.find(f.surface)
        if pos < 0 or abs(pos - mid) < abs(trigger - mid):
            return True
    return False


def reference_date(doc: Document, events: list[DocEvent]) -> dt.date | None:
    """The page's news day: its publication date, else its latest dated event or period."""
    from dossier.resolve.events import written_after  # resolve imports this module's users

    p = parse_partial(doc.published)
    if p is not None and p.year is not None:
        return dt.date(p.year, p.month or 12, p.day or 28)
    days = [d for e in events if e.status == "happened" and precision(e.date) >= 3
            and (d := _day(e.date)) is not None]
    # an undated page is newer than the latest period it reports ("in the first quarter of
    # 2025"): the lower bound of its news day
    after = written_after(doc)
    days += [after] if after is not None else []
    return max(days) if days else None


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date or "")
    except ValueError:
        return None


def background(ev: DocEvent, ref: dt.date | None) -> bool:
    """True for a past event narrated as background ("the commission was founded in 1995",
    "visited Italy in 2022"): its last possible day lies half a year before the news day."""
    p = parse_partial(ev.end_date or ev.date)
    if ref is None or p is None or p.year is None or ev.status != "happened":
        return False
    if p.month is None:
        last = dt.date(p.year, 12, 31)
    elif p.day is None:
        last = dt.date(p.year + p.month // 12, p.month % 12 + 1, 1) - dt.timedelta(days=1)
    else:
        last = dt.date(p.year, p.month, p.day)
    return (ref - last).days > BACKGROUND_DAYS


def agency_byline(text: str, sent_start: int, m: Mention) -> bool:
    """True for a news agency in a dateline: "ANKARA (AA) -", "(Lusa) -", "ҚазАқпарат -"."""
    if m.type != "organization" or m.start - sent_start > 60:
        return False
    before = text[max(sent_start, m.start - 1):m.start]
    return bool(BYLINE.match(text[m.end:m.end + 6])) and (before in {"(", "/"}
                                                          or m.start - sent_start <= 2)


def borrow_not(etype: str, actors: list[str]) -> bool:
    """True when actors taken from earlier sentences cannot carry an event of this type: a
    signing may ("the two leaders signed"), but not one borrowing only organisations."""
    if etype in BORROW_NOT:
        return True
    return etype == "agreement" and not any(a.startswith(("person:", "country:"))
                                            for a in actors)
