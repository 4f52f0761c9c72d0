"""Event dates and status: which date expression dates a trigger, and planned or happened.

Split from :mod:`dossier.extract.events`: the date of an event comes from its sentence, a
heading or a dateline governing it, and the publication date; whether it is planned comes
from cues near the trigger and a date after publication.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dossier.extract.clauses import clause_starts, tied_dates
from dossier.extract.eventargs import nearest
from dossier.extract.eventfilter import figure_period
from dossier.extract.triggers import CUE_WINDOW, Trigger, TriggerLex, cue_spans, trigger_lex
from dossier.model import Document, Figure, Sentence
from dossier.nlp.dates import (
    DateSpan,
    compatible,
    find_dates,
    has_relative_phrase,
    merge,
    parse_partial,
    precision,
)

__all__ = ["carried_date", "context_dates", "date_for", "future_phrase", "future_span",
           "is_heading", "is_planned", "sentence_dates", "undated_spans"]

HEADING_MAX = 160  # a line this short without final punctuation is a heading
_PROBE = "2000-06-15"  # a stand-in publication date to tell future phrases from past ones


def is_heading(sentence: Sentence, first_in_paragraph: bool) -> bool:
    """True for a short first line of a paragraph without final punctuation."""
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

    A heading such as "Gli Incontri Bilaterali e gli Accordi Conclusi (3 aprile 2021)" or a
    dateline "Quito, Palazzo Carondelet, 3 aprile –" dates the sentences that follow it, until the
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


def undated_spans(doc: Document, spans: list[list[DateSpan]]) -> list[list[DateSpan]]:
    """On a page without a publication date, resolve the relative dates of the sentences
    under a yearless dateline ("Баку, 21 мая." ... "во вторник", "yesterday") against that
    dateline's day, in a year the page itself writes.

    The year is the first in which the dateline's day follows what the page reports as past
    (:func:`dossier.resolve.undated.year_after`), and only when the page writes that year
    ("в 2024 году ... за первые три месяца 2025 года": 2025); otherwise a weekday names no
    day and the sentences keep their spans (the event keeps the yearless dateline's day).
    """
    if doc.published is not None:
        return spans
    contexts = context_dates(doc, spans)
    days = {c for c in contexts if (p := parse_partial(c)) is not None and p.year is None
            and p.day is not None}
    if not days:
        return spans
    from dossier.resolve.undated import written_after, year_after  # resolve imports us

    after = written_after(doc)
    written = {s.date[:4] for found in spans for s in found
               if s.date and s.date[:4].isdigit() and not s.target}
    out = []
    for sent, found, ctx in zip(doc.sentences, spans, contexts, strict=True):
        full = year_after(ctx, after) if ctx in days else None
        if full is None or full == ctx or full[:4] not in written:
            out.append(found)
            continue
        again = find_dates(sent.text, doc.language or "en", full)
        out.append(again if any(s.relative for s in again) else found)
    return out


def date_for(found: list[DateSpan], trig: Trigger, context: str | None,
             figures: list[Figure] | None = None, *, text: str = "",
             language: str | None = None) -> tuple[str | None, str | None]:
    """Pick the event date: the nearest date of the trigger's clause in the sentence
    ``text``, else the section's date."""
    # "2026–2030" and "до 2030 года" are a programme's span and a deadline, not when it
    # happened; "trade reached $7.5 billion last year" dates the figure, not the statement
    usable = [s for s in found if not (precision(s.date) == 1 and s.end_date) and not s.target
              and not figure_period(s, figures or [], trig.start)]
    if text:
        usable = tied_dates(usable, trig, text, language)
    best = nearest(usable, trig.start, lambda s: (s.start + s.end) // 2)
    if best is not None and precision(best.date) >= 2:
        return _year_from(best.date, context), _year_from(best.end_date, context)
    ctx = parse_partial(context)
    # "signé en 2019" under a yearless "29 août" heading: the year is the event's, the
    # heading's day is the page's
    if context and (best is None or (compatible(best.date, context)
                                     and ctx is not None and ctx.year is not None)):
        return context, None
    return (best.date, best.end_date) if best else (None, None)


#: A date carried from the sentence before lies at most this many days before the section's
#: date: "am vergangenen Donnerstag ... Unterzeichnet wurden ...", not background years ago.
CARRY_DAYS = 10


def carried_date(doc: Document, spans: list[list[DateSpan]], i: int,
                 context: str | None) -> str | None:
    """The day the sentence before ``i`` (same paragraph) reports, for a sentence that names
    no date of its own: "So auch am vergangenen Donnerstag in Astana, wo ... die Sitzung
    leiteten. Unterzeichnet wurden ..." signed on that Thursday, not on the page's day.

    Only one full day, and only a recent one: within :data:`CARRY_DAYS` before the section's
    date (or the publication date), never after it.
    """
    if i == 0 or doc.sentences[i - 1].paragraph != doc.sentences[i].paragraph:
        return None
    if any(precision(s.date) >= 1 and not s.target
           and not (precision(s.date) == 1 and s.end_date) for s in spans[i]):
        return None  # the sentence dates itself ("2025–2030" is a programme's span)
    days = {s.date for s in spans[i - 1] if precision(s.date) == 3 and not s.target
            and not s.end_date}
    ref = _day(context) or _day(doc.published)
    if len(days) != 1 or ref is None:
        return None
    day = days.pop()
    when = _day(day)
    if when is None or not 0 < (ref - when).days <= CARRY_DAYS:
        return None
    return day


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return None


def _year_from(date: str | None, context: str | None) -> str | None:
    """Give a yearless date ("--11-27") the year of its section when the two fit together."""
    p, c = parse_partial(date), parse_partial(context)
    if p is None or c is None or p.year is not None or c.year is None:
        return date
    return merge(date, str(c.year)) if compatible(date, context, slack_days=45) else date


def is_planned(text: str, trig: Trigger, date: str | None, published: str | None,
               lex: TriggerLex, language: str | None = None) -> bool:
    """Tell a planned event: a cue near its trigger, or a date after publication."""
    if _cue_in_clause(lex.planned, text, trig, language, CUE_WINDOW) or _cue_in_clause(
            lex.future, text, trig, language, CUE_WINDOW):
        return True
    p, pub = parse_partial(date), parse_partial(published)
    if p is None or pub is None or p.year is None or pub.year is None:
        return False
    return _after(p.year, p.month, p.day, dt.date(pub.year, pub.month or 1, pub.day or 1))


def future_span(text: str, span: DateSpan, language: str | None) -> bool:
    """True when a date stands beside a planned-event cue in its clause ("строительство
    будет завершено в 2029 году"): a completion still to come, not a past period."""
    lex = trigger_lex(language or "en")
    probe = Trigger(start=span.start, end=span.end, type="other", text=span.text)
    return _cue_in_clause(lex.planned, text, probe, language, CUE_WINDOW) or _cue_in_clause(
        lex.future, text, probe, language, CUE_WINDOW)


def _cue_in_clause(cues: re.Pattern[str] | None, text: str, trig: Trigger,
                   language: str | None, window: int) -> bool:
    """True when a cue (a planned-event word, a verb in the future tense: "se rendra",
    "visiterà", "edecek") stands within ``window`` characters of the trigger, or is the
    trigger, in the trigger's own clause: "visitó ..., y el año que viene se firmará" is past."""
    if cues is None:
        return False
    starts = [pos for pos, _comma in clause_starts(text, language)]
    mine = sum(s <= trig.start for s in starts)
    for start, end in cue_spans(cues, text):
        near = trig.start - window <= end and start <= trig.end + window
        if near and sum(s <= start for s in starts) == mine:
            return True
    return False


def _after(year: int, month: int | None, day: int | None, pub: dt.date) -> bool:
    """True when every day the partial date can name lies after ``pub``."""
    if month is None:
        return year > pub.year
    if day is None:
        return (year, month) > (pub.year, pub.month)
    return dt.date(year, month, day) > pub


_SentenceKey = tuple[str, str | None, str | None, tuple[str, ...]]
# the last document's answer: the event stage asks for it, and on an undated page asks again
# through reference_date -> written_after (dossier.resolve.undated) for the same document
_last: tuple[_SentenceKey, list[list[DateSpan]]] | None = None


def sentence_dates(doc: Document) -> list[list[DateSpan]]:
    """Find the date expressions of every sentence of ``doc``."""
    global _last
    key = (doc.id, doc.language, doc.published, tuple(s.text for s in doc.sentences))
    last = _last
    if last is None or last[0] != key:
        last = key, [find_dates(s.text, doc.language or "en", doc.published)
                     for s in doc.sentences]
        _last = last
    return [list(spans) for spans in last[1]]  # spans are frozen; the lists are the caller's


@lru_cache(maxsize=64)  # a document asks again for each trigger and merge; pure of its text
def future_phrase(text: str, language: str | None) -> bool:
    """True when ``text`` dates something after its own writing ("next year", "l'anno prossimo")."""
    return has_relative_phrase(text, language) and any(
        s.relative and (s.date or "") > _PROBE[:len(s.date or "")]
        for s in find_dates(text, language, _PROBE))
