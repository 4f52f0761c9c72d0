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

from typing import ClassVar, cast

from dossier.extract.agreements import find_agreements
from dossier.extract.eventargs import (
    PLACE_TYPES,
    arguments,
    chairs,
    main_pair,
    pair_subject,
    persons_of,
    place_of,
    sentence_mentions,
    signers,
    trigger_actors,
)
from dossier.extract.eventdates import (
    carried_date,
    context_dates,
    date_for,
    future_phrase,
    is_heading,
    is_planned,
    sentence_dates,
    undated_spans,
)
from dossier.extract.eventfilter import background, borrow_not, confirmed_persons, reference_date
from dossier.extract.triggers import Trigger, find_triggers, generic_use, in_reference, trigger_lex
from dossier.model import DocEvent, Document, EventStatus, EventType, Figure, Mention
from dossier.nlp.dates import DateSpan, compatible, merge, next_week, precision

__all__ = [
    "EventStage", "Trigger", "context_dates", "detect_events", "find_triggers", "future_phrase",
    "is_heading", "merge_events", "sentence_dates", "sentence_mentions",
]

PLOVER: dict[str, str | None] = {
    "visit": "CONSULT:visit", "meeting": "CONSULT", "forum": "CONSULT:multilateral",
    "agreement": "AGREE", "statement": None, "other": None,
}
CHAIRED = frozenset({"forum", "meeting"})  # sessions whose holders a next sentence may name
# "at the meeting" refers to the talks of a visit or a summit the page reports as well
REFERENCE_HOSTS = {"meeting": {"meeting", "visit", "forum"}}


def detect_events(doc: Document, spans: list[list[DateSpan]] | None = None) -> list[DocEvent]:
    """Detect every event trigger of ``doc`` as a DocEvent (before merging repeats).

    Background reports (dated half a year or more before the page's news) are dropped, and
    so is a reference to the page's own visit ("в ходе визита", "during the visit") when
    the page reports that visit elsewhere.
    """
    lang = doc.language or "en"
    lex = trigger_lex(lang)
    spans = spans if spans is not None else sentence_dates(doc)
    contexts = context_dates(doc, spans)
    persons = confirmed_persons(doc)
    by_sent = [arguments(doc, sent, ms, found, persons) for sent, ms, found
               in zip(doc.sentences, sentence_mentions(doc), spans, strict=True)]
    figures: list[list[Figure]] = [[] for _ in doc.sentences]
    for f in doc.figures:
        if 0 <= f.sentence < len(figures):
            figures[f.sentence].append(f)
    events: list[tuple[DocEvent, bool]] = []
    for i, sent in enumerate(doc.sentences):
        triggers = find_triggers(sent.text, lang)
        for trig in triggers:
            if generic_use(lex, sent.text, trig) or (
                    trig.needs_place and not _place_after(doc, sent.start + trig.end)):
                continue
            actors = trigger_actors(by_sent, i, sent, trig, triggers)
            role = pair_subject(sent.text, trig, lang) if len(persons_of(actors)) < 2 else None
            if role is not None:
                # "The two leaders last spoke by phone ..., known in Mexico as T-MEC": the
                # page's two protagonists, not the names of the clause after the verb
                pair = main_pair(by_sent, doc.text, role)
                actors = pair + [a for a in actors if a.startswith("country:")] if pair \
                    else actors
            if not actors:
                continue
            if trig.type in CHAIRED and not persons_of(actors) and i + 1 < len(by_sent):
                # "... заседание комиссии. Его провели X и Y": the session's holders
                nxt = doc.sentences[i + 1].text
                actors += [k for k in chairs(by_sent[i + 1], nxt, lang) if k not in actors]
            borrowed = not set(actors) & {m.key for m in by_sent[i]}
            # A sentence about "next year" is not dated by the section it stands in.
            context = None if future_phrase(sent.text, lang) else contexts[i]
            date, end = date_for(spans[i], trig, context, figures[i], text=sent.text, language=lang)
            own_date = date is not None and date != context
            planned = is_planned(sent.text, trig, date, doc.published, lex, lang)
            if not own_date and not planned:
                date = carried_date(doc, spans, i, context) or date
            if planned and not own_date:
                date, end = None, None  # "the next session will be held in Tashkent": not today
            elif planned and date and doc.published and date < doc.published[:10]:
                # "is due to open the fair on Friday": the coming Friday
                date = next(((w for s in spans[i] if s.date == date
                              and (w := next_week(s, lang)) is not None)), date)
            place = place_of(doc, sent, by_sent[i], trig, lex)
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
            ), in_reference(lex, sent.text, trig)))
    return _news(doc, events)


def _news(doc: Document, found: list[tuple[DocEvent, bool]]) -> list[DocEvent]:
    """Keep the events the page reports: no background, no repeat of a visit by reference."""
    reported = {e.type for e, ref in found if not ref and e.status == "happened"}
    kept = [e for e, ref in found
            if not (ref and reported & REFERENCE_HOSTS.get(e.type, {e.type}))]
    ref = reference_date(doc, kept)
    return [e for e in kept if not background(e, ref)]


def _place_after(doc: Document, pos: int) -> bool:
    """True when a place or country is named right at ``pos`` ("estará em | Luanda"), so a
    verb of being somewhere reports a visit ("estará em vigor" does not)."""
    return any(m.type in PLACE_TYPES and 0 <= m.start - pos <= 2 for m in doc.mentions)


def _generic_mention(actors: list[str], place: str | None, own_date: bool, planned: bool) -> bool:
    """True for a mention of a kind of event rather than a report of one: no date of its own,
    no place and no two named parties ("agreement — IT"), or a plan with neither a date, a
    place nor a person ("close to signing agreements on a nuclear plant")."""
    if persons_of(actors):
        return False
    return not (place or own_date) and (len(actors) < 2 or planned)


def _title(trig: Trigger, actors: list[str], mentions: list[Mention]) -> str:
    """A readable label: the trigger as written and the actors' names ("state visit — Putin")."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.key in actors and len(m.text) > len(names.get(m.key, "")):
            names[m.key] = m.text
    people = [names[k] for k in actors if k in names and k.startswith("person:")]
    shown = people or [names[k] for k in actors if k in names]
    return f"{trig.text} — {', '.join(shown[:3])}" if shown else trig.text


def _can_merge(a: DocEvent, b: DocEvent, language: str | None = None) -> bool:
    # Planned and happened reports merge when nothing else tells them apart: a document
    # names the visit "ahead of" in one sentence and plainly in the next. An invitation for
    # "next year" stays apart even when the page gives no date to resolve it against.
    if a.type != b.type or not set(a.actors) & set(b.actors):
        return False
    if a.status != b.status and any(e.status == "planned" and future_phrase(e.quote, language)
                                    for e in (a, b)):
        return False
    pa, pb = persons_of(a.actors), persons_of(b.actors)
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
        spans = undated_spans(doc, sentence_dates(doc))
        doc.events = signers(merge_events(detect_events(doc, spans), doc.language))
        doc.agreements = find_agreements(doc, spans)
        return doc
