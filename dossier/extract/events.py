"""Events per document: visits, meetings, signings, forums and statements, with who/where/when.

Rule-based on per-language trigger lexicons (``dossier/lang/<code>/events.toml``) rather than
a trained event model: no multilingual event model small enough to ship in a PyPI wheel covers
Kazakh and diplomatic event types, and triggers plus the entity stage's mentions give actors,
place and date that a reviewer can trace to one sentence.

PLOVER mapping (``DocEvent.plover``): visit -> ``CONSULT:visit``, meeting -> ``CONSULT`` (or
``CONSULT:phone``), forum -> ``CONSULT:multilateral``, agreement (a signing) -> ``AGREE``,
statement -> None (PLOVER codes no public statements), other -> None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, cast

from dossier.extract.agreements import find_agreements
from dossier.extract.eventfilter import (
    agency_byline,
    background,
    borrow_not,
    confirmed_persons,
    figure_period,
    not_actor,
    reference_date,
)
from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.model import DocEvent, Document, EventStatus, EventType, Figure, Mention, Sentence
from dossier.nlp.dates import (
    DateSpan,
    compatible,
    find_dates,
    merge,
    next_week,
    parse_partial,
    precision,
)

__all__ = [
    "EventStage", "Trigger", "context_dates", "detect_events", "find_triggers", "future_phrase",
    "is_heading", "merge_events", "sentence_dates", "sentence_mentions",
]

PLOVER: dict[str, str | None] = {
    "visit": "CONSULT:visit", "meeting": "CONSULT", "forum": "CONSULT:multilateral",
    "agreement": "AGREE", "statement": None, "other": None,
}
ACTOR_TYPES = ("person", "country", "organization")
PLACE_TYPES = ("place", "country")
CUE_WINDOW = 40  # chars between a planned-event cue and its trigger ("will pay a visit")
LOOKBACK = 2  # sentences searched backwards for actors when a trigger's sentence names none
ACTOR_WINDOW = 150  # chars around a trigger where its subject and object stand
HEADING_MAX = 160  # a line this short without final punctuation is a heading
PLACE_WORDS = 3  # words before a place name searched for a locative preposition
# "at the meeting" refers to the talks of a visit or a summit the page reports as well
REFERENCE_HOSTS = {"meeting": {"meeting", "visit", "forum"}}


@dataclass(slots=True, kw_only=True, frozen=True)
class Trigger:
    """An event trigger found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    type: str
    text: str
    mode: str | None = None


@dataclass(slots=True, frozen=True)
class _Lex:
    types: dict[str, re.Pattern[str]]
    modes: list[tuple[re.Pattern[str], str]]
    planned: re.Pattern[str] | None
    cancelled: re.Pattern[str] | None
    prepositions: frozenset[str]
    suffixes: tuple[str, ...]
    generic_after: re.Pattern[str] | None  # "forum come l'ONU": a kind of event, not one
    generic_before: re.Pattern[str] | None  # "BM gibi forumlarda"
    references: re.Pattern[str] | None  # "в ходе визита": the visit the page reports
    between: re.Pattern[str] | None  # "in der Hafenstadt Toulon": words after a locative
    idioms: re.Pattern[str] | None  # "Im Gespräch ist ...": a trigger word, no event


@lru_cache(maxsize=32)
def _lex(language: str | None) -> _Lex:
    """Compile the trigger lexicon of ``language`` (English when it has none)."""
    return _compile(language or "en")


def _compile(language: str) -> _Lex:
    lex = load_lexicon(language) or load_lexicon("en")
    types: dict[str, re.Pattern[str]] = {}
    initial_case = bool(lex.get("case", {}).get("nouns_capitalised", False))
    for kind, phrases in lex.get("triggers", {}).items():
        pat = phrase_pattern(list(phrases), initial_case)
        if pat is not None:
            types[kind] = pat
    modes = []
    for phrase, mode in lex.get("modes", {}).items():
        pat = phrase_pattern([phrase])
        if pat is not None:
            modes.append((pat, str(mode)))
    place = lex.get("place", {})
    return _Lex(
        types=types, modes=modes, planned=phrase_pattern(lex.get("planned", {}).get("cues", [])),
        cancelled=phrase_pattern(lex.get("cancelled", {}).get("cues", [])),
        prepositions=frozenset(p.lower() for p in place.get("prepositions", [])),
        suffixes=tuple(sorted(place.get("suffixes", []), key=len, reverse=True)),
        generic_after=_edge_pattern(lex.get("generic", {}).get("after", []), after=True),
        generic_before=_edge_pattern(lex.get("generic", {}).get("before", []), after=False),
        references=phrase_pattern(lex.get("references", {}).get("cues", [])),
        between=phrase_pattern(place.get("between", [])),
        idioms=phrase_pattern(lex.get("generic", {}).get("idioms", [])),
    )


def _edge_pattern(words: list[str], after: bool) -> re.Pattern[str] | None:
    """Match one of ``words`` right after (or right before) a trigger."""
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if after:
        return re.compile(rf"^[\s,]*(?:{alt})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{alt})[\s,]*$", re.IGNORECASE)


def find_triggers(text: str, language: str | None) -> list[Trigger]:
    """Find event triggers in ``text``; where triggers overlap the longest wins.

    Triggers beside a cancellation cue ("the visit was postponed") are dropped: nothing
    happened and nothing is planned.
    """
    lex = _lex(language)
    found: list[Trigger] = []
    for kind, pat in lex.types.items():
        for m in pat.finditer(text):
            mode = next((md for rx, md in lex.modes if rx.fullmatch(m.group(0))), None)
            found.append(Trigger(start=m.start(), end=m.end(), type=kind, text=m.group(0),
                                 mode=mode))
    keep: list[Trigger] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in keep):
            keep.append(t)
    return sorted((t for t in keep if not _near(lex.cancelled, text, t)), key=lambda t: t.start)


def sentence_mentions(doc: Document) -> list[list[Mention]]:
    """Group ``doc.mentions`` by sentence index (by offsets where the index is unset)."""
    out: list[list[Mention]] = [[] for _ in doc.sentences]
    for m in doc.mentions:
        idx = m.sentence
        if not 0 <= idx < len(out):
            idx = next((i for i, s in enumerate(doc.sentences) if s.start <= m.start < s.end), -1)
        if idx >= 0:
            out[idx].append(m)
    return out


def is_heading(sentence: Sentence, first_in_paragraph: bool) -> bool:
    text = sentence.text.strip()
    return first_in_paragraph and len(text) <= HEADING_MAX and not text.endswith((".", "!", "?",
                                                                                 "»", '"'))


def _dateline(text: str, span: DateSpan) -> bool:
    """True for "Mosca, Cremlino, 12 novembre –" / "MOSCOW, Nov 12 (Reuters) -": an early
    date closed by a dash, a stop or a bracket."""
    after = text[span.end:span.end + 3].lstrip()[:1]
    return span.start <= 80 and (after in {"", "-", "–", "—", ".", "(", ":"})


def context_dates(doc: Document, spans: list[list[DateSpan]]) -> list[str | None]:
    """Give each sentence the date of the heading or dateline it falls under (None if none).

    A heading such as "I Colloqui Ufficiali e i Documenti Firmati (12 novembre 2025)" or a
    dateline "Mosca, Cremlino, 12 novembre –" dates the sentences that follow it, until the
    next heading or dateline that states another date.
    """
    out: list[str | None] = []
    current: str | None = None
    prev_par = -1
    for sent, found in zip(doc.sentences, spans, strict=True):
        first = sent.paragraph != prev_par
        prev_par = sent.paragraph
        dated = [s for s in found if precision(s.date) >= 2 and not s.relative]
        if dated and (is_heading(sent, first) or (first and _dateline(sent.text, dated[0]))):
            current = dated[0].date
        out.append(current)
    return out


def _nearest(items: list[Any], pos: int, key: Any) -> Any:
    return min(items, key=lambda x: abs(key(x) - pos)) if items else None


def _actors(mentions: list[Mention]) -> list[str]:
    keys: list[str] = []
    for m in mentions:
        if (m.type in ACTOR_TYPES or m.role == "actor") and m.key not in keys:
            keys.append(m.key)
    return keys


def _place(doc: Document, sent: Sentence, mentions: list[Mention], trig: Trigger,
           lex: _Lex) -> str | None:
    """Return the key of a place introduced by a locative ("in Astana", "в Москве")."""
    cands: list[Mention] = []
    for m in mentions:
        after = doc.text[m.end:m.end + 4]
        # "Russian press", "in Russia-Kazakhstan relations": adjectives, not places
        if m.type not in PLACE_TYPES or m.relation == "demonym" or after.startswith(("-", "–")):
            continue
        before = doc.text[max(sent.start, m.start - 30):m.start].split()[-PLACE_WORDS:]
        if _locative(before, lex) or (
                lex.suffixes and (m.text.lower().endswith(lex.suffixes)
                                  or after.lower().startswith(lex.suffixes))):
            cands.append(m)
    if not cands:
        return None
    best = sorted(cands, key=lambda m: (m.type != "place", abs(m.start - sent.start - trig.start)))
    return best[0].key


def _locative(before: list[str], lex: _Lex) -> bool:
    """True when the words before a place end in a locative: "in Astana", or "in der
    Hafenstadt Toulon" through the lexicon's articles and place nouns."""
    for w in reversed(before):
        word = w.lower().strip(",")
        if word in lex.prepositions:
            return True
        if not (lex.between and lex.between.fullmatch(word)):
            return False
    return False


def _date_for(found: list[DateSpan], trig: Trigger, context: str | None,
              figures: list[Figure] | None = None) -> tuple[str | None, str | None]:
    """Pick the event date: the nearest date in the sentence, else the section's date."""
    # "2026–2030" and "до 2030 года" are a programme's span and a deadline, not when it
    # happened; "trade reached $7.5 billion last year" dates the figure, not the statement
    usable = [s for s in found if not (precision(s.date) == 1 and s.end_date) and not s.target
              and not figure_period(s, figures or [], trig.start)]
    best = _nearest(usable, trig.start, lambda s: (s.start + s.end) // 2)
    if best is not None and precision(best.date) >= 2:
        return _year_from(best.date, context), _year_from(best.end_date, context)
    ctx = parse_partial(context)
    # "signé en 2019" under a yearless "29 août" heading: the year is the event's, the
    # heading's day is the page's
    if context and (best is None or (compatible(best.date, context)
                                     and ctx is not None and ctx.year is not None)):
        return context, None
    return (best.date, best.end_date) if best else (None, None)


def _year_from(date: str | None, context: str | None) -> str | None:
    """Give a yearless date ("--11-27") the year of its section when the two fit together."""
    p, c = parse_partial(date), parse_partial(context)
    if p is None or c is None or p.year is not None or c.year is None:
        return date
    return merge(date, str(c.year)) if compatible(date, context, slack_days=45) else date


def _planned(text: str, trig: Trigger, date: str | None, published: str | None,
             lex: _Lex) -> bool:
    """Tell a planned event: a cue near its trigger, or a date after publication."""
    if _near(lex.planned, text, trig):
        return True
    p, pub = parse_partial(date), parse_partial(published)
    if p is None or pub is None or p.year is None or pub.year is None:
        return False
    return _after(p.year, p.month, p.day, dt.date(pub.year, pub.month or 1, pub.day or 1))


def _near(cues: re.Pattern[str] | None, text: str, trig: Trigger) -> bool:
    """True when a cue stands within CUE_WINDOW characters before or after the trigger."""
    for m in cues.finditer(text) if cues is not None else ():
        if m.end() <= trig.start and trig.start - m.end() <= CUE_WINDOW:
            return True
        if m.start() >= trig.end and m.start() - trig.end <= CUE_WINDOW:
            return True
    return False


def _after(year: int, month: int | None, day: int | None, pub: dt.date) -> bool:
    """True when every day the partial date can name lies after ``pub``."""
    if month is None:
        return year > pub.year
    if day is None:
        return (year, month) > (pub.year, pub.month)
    return dt.date(year, month, day) > pub


def sentence_dates(doc: Document) -> list[list[DateSpan]]:
    """Find the date expressions of every sentence of ``doc``."""
    return [find_dates(s.text, doc.language or "en", doc.published) for s in doc.sentences]


def detect_events(doc: Document, spans: list[list[DateSpan]] | None = None) -> list[DocEvent]:
    """Detect every event trigger of ``doc`` as a DocEvent (before merging repeats).

    Background reports (dated half a year or more before the page's news) are dropped, and
    so is a reference to the page's own visit ("в ходе визита", "during the visit") when
    the page reports that visit elsewhere.
    """
    lang = doc.language or "en"
    lex = _lex(lang)
    spans = spans if spans is not None else sentence_dates(doc)
    contexts = context_dates(doc, spans)
    persons = confirmed_persons(doc)
    by_sent = [_arguments(doc, sent, ms, found, persons) for sent, ms, found
               in zip(doc.sentences, sentence_mentions(doc), spans, strict=True)]
    figures: list[list[Figure]] = [[] for _ in doc.sentences]
    for f in doc.figures:
        if 0 <= f.sentence < len(figures):
            figures[f.sentence].append(f)
    events: list[tuple[DocEvent, bool]] = []
    for i, sent in enumerate(doc.sentences):
        triggers = find_triggers(sent.text, lang)
        for trig in triggers:
            if _generic(lex, sent.text, trig):
                continue
            actors = _trigger_actors(by_sent, i, sent, trig, triggers)
            if not actors:
                continue
            borrowed = not set(actors) & {m.key for m in by_sent[i]}
            # A sentence about "next year" is not dated by the section it stands in.
            context = None if future_phrase(sent.text, lang) else contexts[i]
            date, end = _date_for(spans[i], trig, context, figures[i])
            own_date = date is not None and date != context
            planned = _planned(sent.text, trig, date, doc.published, lex)
            if planned and not own_date:
                date, end = None, None  # "the next session will be held in Tashkent": not today
            elif planned and date and doc.published and date < doc.published[:10]:
                # "is scheduled to address the forum on Friday": the coming Friday
                date = next(((w for s in spans[i] if s.date == date
                              and (w := next_week(s, lang)) is not None)), date)
            place = _place(doc, sent, by_sent[i], trig, lex)
            if _generic_mention(actors, place, own_date, planned) or (
                    borrowed and not (place or own_date) and borrow_not(trig.type, actors)):
                continue  # "the commission's portfolio of projects": a name, not a session
            plover = PLOVER.get(trig.type)
            if plover and trig.mode:
                plover = f"{plover.split(':')[0]}:{trig.mode}"
            status: EventStatus = "planned" if planned else "happened"
            events.append((DocEvent(
                type=cast(EventType, trig.type), status=status,
                date=date, end_date=end, place=place,
                actors=actors, title=_title(trig, actors, doc.mentions), plover=plover,
                trigger=trig.text, sentence=i, quote=sent.text,
            ), _reference(lex, sent.text, trig)))
    return _news(doc, events)


def _reference(lex: _Lex, text: str, trig: Trigger) -> bool:
    """True for a trigger inside a reference to the current visit ("в ходе визита")."""
    return any(m.start() <= trig.start and trig.end <= m.end()
               for m in (lex.references.finditer(text) if lex.references else ()))


def _news(doc: Document, found: list[tuple[DocEvent, bool]]) -> list[DocEvent]:
    """Keep the events the page reports: no background, no repeat of a visit by reference."""
    reported = {e.type for e, ref in found if not ref and e.status == "happened"}
    kept = [e for e, ref in found
            if not (ref and reported & REFERENCE_HOSTS.get(e.type, {e.type}))]
    ref = reference_date(doc, kept)
    return [e for e in kept if not background(e, ref)]


def _generic_mention(actors: list[str], place: str | None, own_date: bool, planned: bool) -> bool:
    """True for a mention of a kind of event rather than a report of one: no date of its own,
    no place and no two named parties ("agreement — IT"), or a plan with neither a date, a
    place nor a person ("close to signing agreements on a nuclear plant")."""
    if _persons(actors):
        return False
    return not (place or own_date) and (len(actors) < 2 or planned)


def _trigger_actors(by_sent: list[list[Mention]], i: int, sent: Sentence, trig: Trigger,
                    triggers: list[Trigger]) -> list[str]:
    """Actors of one trigger: the entities nearer to it than to another trigger of its type
    (countries and organisations only within ACTOR_WINDOW characters: people chair and sign
    from afar in long sentences, lists of organisations do not), else the sentence's, else
    (a pronoun subject) those of the sentences just before."""
    same = [t for t in triggers if t.type == trig.type]
    near = [m for m in by_sent[i]
            if _nearest(same, m.start - sent.start, lambda t: t.start) is trig
            and (m.type == "person"
                 or _distance(m.start - sent.start, m.end - sent.start, trig) <= ACTOR_WINDOW)]
    actors = _actors(near) or _actors(by_sent[i])
    back = i
    while not actors and back > 0 and i - back < LOOKBACK:
        back -= 1
        actors = _actors(by_sent[back])
    return actors


def _distance(start: int, end: int, trig: Trigger) -> int:
    return max(0, trig.start - end, start - trig.end)


def _arguments(doc: Document, sent: Sentence, mentions: list[Mention],
               found: list[DateSpan], persons: set[str] | None = None) -> list[Mention]:
    """The mentions that can be an event's arguments: not the page's author, not the byline
    before a dateline ("Patrizia Boi (BRICS AND FRIENDS) - Mosca, 12 novembre –"), no
    document, project or building names, and only people the page shows to be people."""
    author = _fold_name(doc.author or "")
    cut = 0
    dated = [s for s in found if precision(s.date) >= 2 and not s.relative]
    if dated and dated[0].start <= 80 and re.match(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]",
                                                   sent.text[dated[0].end:]):
        cut = sent.start + dated[0].end
    lang = doc.language or "en"
    return [m for m in mentions if m.start >= cut and not agency_byline(doc.text, sent.start, m)
            and not (author and m.type == "person" and _fold_name(m.text) in author)
            and not (persons is not None and m.type == "person" and m.key not in persons)
            and not not_actor(m, lang)]


def _fold_name(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def _generic(lex: _Lex, text: str, trig: Trigger) -> bool:
    """True for a trigger used as a common noun: "in forum come l'ONU", "BM gibi forumlarda"."""
    after = text[trig.end:trig.end + 24]
    before = text[max(0, trig.start - 24):trig.start]
    if lex.idioms and any(m.start() <= trig.start and trig.end <= m.end()
                          for m in lex.idioms.finditer(text)):
        return True
    return bool((lex.generic_after and lex.generic_after.match(after))
                or (lex.generic_before and lex.generic_before.search(before)))


def _persons(keys: list[str]) -> list[str]:
    return [k for k in keys if k.startswith("person:")]


def _title(trig: Trigger, actors: list[str], mentions: list[Mention]) -> str:
    """A readable label: the trigger as written and the actors' names ("state visit — Putin")."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.key in actors and len(m.text) > len(names.get(m.key, "")):
            names[m.key] = m.text
    people = [names[k] for k in actors if k in names and k.startswith("person:")]
    shown = people or [names[k] for k in actors if k in names]
    return f"{trig.text} — {', '.join(shown[:3])}" if shown else trig.text


_PROBE = "2000-06-15"  # a stand-in publication date to tell future phrases from past ones


def future_phrase(text: str, language: str | None) -> bool:
    """True when ``text`` dates something after its own writing ("next year", "l'anno prossimo")."""
    return any(s.relative and (s.date or "") > _PROBE[:len(s.date or "")]
               for s in find_dates(text, language, _PROBE))


def _can_merge(a: DocEvent, b: DocEvent, language: str | None = None) -> bool:
    # Planned and happened reports merge when nothing else tells them apart: a document
    # names the visit "ahead of" in one sentence and plainly in the next. An invitation for
    # "next year" stays apart even when the page gives no date to resolve it against.
    if a.type != b.type or not set(a.actors) & set(b.actors):
        return False
    if a.status != b.status and any(e.status == "planned" and future_phrase(e.quote, language)
                                    for e in (a, b)):
        return False
    pa, pb = _persons(a.actors), _persons(b.actors)
    if pa and pb and not set(pa) & set(pb):
        return False
    return compatible(a.date, b.date) and compatible(a.end_date or a.date, b.end_date or b.date)


def merge_events(events: list[DocEvent], language: str | None = None) -> list[DocEvent]:
    """Merge repeated reports of one event in a document (same type, compatible date, actors)."""
    # Dated reports first, so an undated repeat joins the event whose date it shares.
    order = sorted(events, key=lambda e: -precision(e.date))
    merged: list[DocEvent] = []
    for ev in order:
        into = next((m for m in merged if _can_merge(m, ev, language)), None)
        if into is None:
            merged.append(DocEvent(**{f: getattr(ev, f) for f in DocEvent.__slots__}))
            continue
        into.date = merge(into.date, ev.date)
        if ev.status == "happened":
            into.status = "happened"
        into.end_date = into.end_date or ev.end_date
        into.place = into.place or ev.place
        into.actors += [a for a in ev.actors if a not in into.actors]
    return sorted(merged, key=lambda e: e.sentence)


class EventStage:
    """Pipeline stage: events and agreements of one document."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "mentions", "language", "published")
    assigns: ClassVar[tuple[str, ...]] = ("events", "agreements")

    def __call__(self, doc: Document) -> Document:
        spans = sentence_dates(doc)
        doc.events = merge_events(detect_events(doc, spans), doc.language)
        doc.agreements = find_agreements(doc, spans)
        return doc
