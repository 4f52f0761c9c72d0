"""Fuse per-document events and agreements into one record per real-world event or document.

Events: greedy clustering, most precisely dated reports first, so that an undated or yearless
report ("27 de novembro") joins the cluster whose date it fits and inherits the year. Two
reports fuse when their types are compatible, dates compatible, and they share actors;
place (by country: Moscow and the Kremlin are both in Russia), date detail and the other
events of the same document break ties. Visits and meetings fuse with each other: talks
between the same leaders on the visit's dates are how half the press reports a state visit,
and one record per trip is what a reader of the dossier wants. Signings, forums and
statements stay separate events, because each has its own date, place and outcome.

Fusion is local, so that adding a document re-fuses a block, not the corpus
(:mod:`dossier.scale.fusion`, ``dossier.corpus``):

- a report is placed in a year (:func:`dossier.resolve.undated.placed_year`: its own, else
  its page's) and fused only with the reports of its type class placed in the same year
  (dates of different years never fuse anyway), in a canonical order (most precise date
  first, then document id and position), so the result does not depend on the order in
  which documents were stored;
- a report first joins an event its own page already reports, if one fits: a page's "the
  leaders met" is the meeting that page named;
- a "floating" report (a plan without a date, or any report of an undated page that
  shows no year) may join the best event of any year (scored against the events the year
  blocks formed); failing that it fuses only with its own page's floating reports.

Agreements fuse in :mod:`dossier.resolve.agreements` (re-exported here, with the helpers
:mod:`dossier.scale.fusion` reuses) by the same blocks.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from anyascii import anyascii

from dossier.extract.eventdates import future_phrase
from dossier.extract.glossing import same_title as same_title
from dossier.extract.glossing import title_key as title_key
from dossier.model import DocEvent, Document, Event, Evidence
from dossier.nlp.dates import compatible, merge, parse_partial, precision

# dossier.scale.fusion reads these names from this module since before the split
from dossier.resolve.agreements import SINGULAR_KINDS as SINGULAR_KINDS
from dossier.resolve.agreements import _agreement as _agreement
from dossier.resolve.agreements import _AgreementGroup as _AgreementGroup
from dossier.resolve.agreements import _join_singular as _join_singular
from dossier.resolve.agreements import fuse_agreements
from dossier.resolve.keys import canon, place_country, stable_id
from dossier.resolve.undated import Page, page_of, placed_year, written_after, year_after

__all__ = ["fuse_agreements", "fuse_events", "place_country", "type_class", "written_after"]

_canon = canon  # the name dossier.scale.fusion reads

CONSULT_TYPES = frozenset({"visit", "meeting"})
TYPE_RANK = {"visit": 0, "agreement": 1, "forum": 2, "meeting": 3, "statement": 4, "other": 5}


def type_class(event_type: str) -> str:
    """Return the class of event types that may fuse together (visits with meetings)."""
    return "consult" if event_type in CONSULT_TYPES else event_type


@dataclass(slots=True, kw_only=True)
class _Report:
    doc: Page
    event: DocEvent
    actors: list[str]
    place: str | None
    country: str | None
    persons: list[str] = field(default_factory=list)
    seq: int = 0  # the event's position in its document
    year: int | None = None  # placed_year: the block it fuses in; None: floating

    def order(self) -> tuple[int, str, int]:
        """The canonical fusion order: most precise date first, then page id, position."""
        return (-precision(self.event.date), self.doc.id, self.seq)


@dataclass(slots=True, kw_only=True)
class _Cluster:
    type: str
    date: str | None
    end_date: str | None
    reports: list[_Report] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    persons: list[str] = field(default_factory=list)
    raw_persons: list[tuple[str, str]] = field(default_factory=list)  # (key, entity)
    docs: set[str] = field(default_factory=set)

    def add(self, rep: _Report) -> None:
        """Add a report, merging its date, actors and place."""
        self.reports.append(rep)
        self.docs.add(rep.doc.id)
        raw = [k for k in rep.event.actors if k.startswith("person:")]
        self.raw_persons += [p for p in zip(raw, rep.persons, strict=False)
                             if p not in self.raw_persons]
        self.date = merge(self.date, rep.event.date) if self.date else rep.event.date
        if rep.event.end_date and precision(rep.event.end_date) > precision(self.end_date):
            self.end_date = merge(rep.event.end_date, self.date)
        if TYPE_RANK.get(rep.event.type, 9) < TYPE_RANK.get(self.type, 9):
            self.type = rep.event.type
        self.actors += [a for a in rep.actors if a not in self.actors]
        self.persons += [a for a in rep.persons if a not in self.persons]
        if rep.place:
            self.places.add(rep.place)
        if rep.country:
            self.countries.add(rep.country)


def actors_fit(a: Sequence[str], b: Sequence[str], persons_a: Sequence[str],
               persons_b: Sequence[str], alias: int = 0) -> bool:
    """Tell whether two actor lists can be one event's: shared actors, and a shared person
    when both name people (two countries alone do not make Lavrov's visit Putin's).

    ``alias`` counts further people the two sides name in forms that only spell apart
    ("Сергеем Лавровым" / "Sergey Lavrov"); they count only beside one person shared as is.
    """
    people = len(set(persons_a) & set(persons_b))
    alias = alias if people else 0
    shared = len(set(a) & set(b)) + alias
    if shared == 0 or shared < min(2, len(a), len(b)):
        return False
    # Tokayev's call with Putin is not Xi's visit to Putin: where both sides name two
    # people, both must be shared
    people += alias
    return not (persons_a and persons_b and people < min(2, len(persons_a), len(persons_b)))


def _name_tokens(key: str) -> list[str]:
    name = anyascii(key.split(":", 1)[-1]).casefold()
    return [t for t in re.split(r"[\s.'-]+", name) if t]


def _same_name(a: str, b: str) -> bool:
    """Tell whether two person keys spell one name: every word of the shorter name starts
    like a word of the other (inflection and script aside: "lavrovym" ~ "lavrov")."""
    ta, tb = sorted((_name_tokens(a), _name_tokens(b)), key=len)
    if len(ta) < 2 and len(tb) > len(ta):
        return False  # "Abdel" alone names nobody in particular
    return bool(ta) and all(any(_prefix(x, y) >= min(4, len(x), len(y)) for y in tb) for x in ta)


def _prefix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n


def _aliases(rep: _Report, c: _Cluster) -> int:
    """People of a same-day report and cluster that are one person spelt apart."""
    pa, pc = parse_partial(rep.event.date), parse_partial(c.date)
    if (pa is None or pc is None or None in (pa.month, pa.day, pc.month, pc.day)
            or not compatible(rep.event.date, c.date)):
        return 0  # a day and month on both sides ("21 августа" and "Aug 21")
    mine = [k for k in rep.event.actors if k.startswith("person:")]
    mine = [k for k, e in zip(mine, rep.persons, strict=False) if e not in c.persons]
    theirs = [k for k, e in c.raw_persons if e not in rep.persons]
    return sum(any(_same_name(k, o) or _part_of(k, o) for o in theirs) for k in mine)


def _part_of(a: str, b: str) -> bool:
    """Tell a one-word name that is a whole word of the other's ("Mark" / "Mark Carney"): a
    partial name, which counts only as an alias beside a person both reports share."""
    ta, tb = sorted((_name_tokens(a), _name_tokens(b)), key=len)
    return len(ta) == 1 and len(tb) > 1 and len(ta[0]) >= 3 and ta[0] in tb


def _dates_fit(a: DocEvent, c: _Cluster) -> bool:
    """Compatible dates, where a date may fall anywhere in the cluster's span."""
    if compatible(a.date, c.date):
        return True
    if c.end_date and compatible(a.date, c.end_date):
        return True
    return bool(a.end_date) and compatible(a.end_date, c.date)


def _shared_parts(a: str | None, b: str | None) -> int:
    pa, pb = parse_partial(a), parse_partial(b)
    if pa is None or pb is None:
        return 0
    return sum(x is not None and x == y for x, y in ((pa.year, pb.year), (pa.month, pb.month),
                                                     (pa.day, pb.day)))


def _score(rep: _Report, c: _Cluster) -> float | None:
    """Score how well a report fits a cluster; None when it cannot belong to it."""
    ev = rep.event
    if ev.type != c.type and not ({ev.type, c.type} <= CONSULT_TYPES
                                  or any(r.event.type == ev.type for r in c.reports)):
        return None
    if not _dates_fit(ev, c):
        return None
    if not actors_fit(rep.actors, c.actors, rep.persons, c.persons, _aliases(rep, c)):
        return None
    if _plan_apart(rep, c):
        return None
    shared = len(set(rep.actors) & set(c.actors))
    score = shared / max(len(rep.actors), 1) + 2 * _shared_parts(ev.date, c.date)
    if rep.place and (c.places or c.countries):
        fits = rep.place in c.places or (rep.country is not None and rep.country in c.countries)
        score += 2 if fits else -2
    anchor = rep.doc.anchor
    if ev.date is None and anchor is not None and c.date is not None:
        score += 1 if compatible(anchor, c.date) and _shared_parts(anchor, c.date) else -1
    score += 0.5 * (ev.type == c.type) + 0.5 * (ev.status == _status(c))
    return score


def _plan_apart(rep: _Report, c: _Cluster) -> bool:
    """True when a plan "for next year" meets what happened (or the reverse): an invitation
    to a return visit is another event, even when no page dates it."""
    status = _status(c)
    if rep.event.status == status:
        return False
    plans = [rep] if rep.event.status == "planned" else c.reports
    return any(future_phrase(r.event.quote, r.doc.language) for r in plans)


def _status(c: _Cluster) -> str:
    return "happened" if any(r.event.status == "happened" for r in c.reports) else "planned"


def reports_of(docs: Iterable[Document], entity_of: Mapping[str, str]) -> list[_Report]:
    """Return the reports of these documents' events, actors as entity ids, placed in years."""
    out = []
    for d in docs:
        if d.events:
            out += page_reports(page_of(d), d.events, entity_of)
    return out


def page_reports(page: Page, events: Sequence[DocEvent],
                 entity_of: Mapping[str, str]) -> list[_Report]:
    """Return the reports of one page's events."""
    return [make_report(page, e, i, entity_of) for i, e in enumerate(events)]


def make_report(page: Page, e: DocEvent, seq: int, entity_of: Mapping[str, str]) -> _Report:
    """Return the report of a page's ``seq``-th event, actors as entity ids."""
    return _Report(doc=page, event=e, actors=canon(e.actors, entity_of),
                   place=entity_of.get(e.place, e.place) if e.place else None,
                   country=place_country(e.place), seq=seq,
                   year=placed_year(e.date, page, planned=e.status == "planned"),
                   persons=canon([k for k in e.actors if k.startswith("person:")], entity_of))


def best_cluster(rep: _Report, candidates: Iterable[tuple[int, _Cluster]],
                 own_first: bool = True) -> int | None:
    """Return the number of the cluster ``rep`` joins: the best score, an event of its own
    page first (``own_first``), the earliest on ties; None when none fits."""
    best: tuple[bool, float, int] | None = None
    for k, c in candidates:
        s = _score(rep, c)
        if s is not None:
            key = (own_first and rep.doc.id in c.docs, s, -k)
            if best is None or key > best:
                best = key
    return None if best is None else -best[2]


def fuse_block(reports: Iterable[_Report]) -> list[_Cluster]:
    """Fuse the reports of one block greedily, in the canonical order."""
    clusters: list[_Cluster] = []
    for rep in sorted(reports, key=_Report.order):
        k = best_cluster(rep, enumerate(clusters))
        if k is None:
            k = len(clusters)
            clusters.append(_Cluster(type=rep.event.type, date=None, end_date=None))
        clusters[k].add(rep)
    return clusters


def fuse_events(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Event]:
    """Fuse the DocEvents of ``docs`` into one Event per real event (entity ids as actors)."""
    blocks: dict[tuple[str, int], list[_Report]] = defaultdict(list)
    floating: list[_Report] = []
    for rep in reports_of(docs, entity_of):
        if rep.year is None:
            floating.append(rep)
        else:
            blocks[(type_class(rep.event.type), rep.year)].append(rep)
    clusters = [c for key in sorted(blocks) for c in fuse_block(blocks[key])]
    targets = {id(r): best_cluster(r, enumerate(clusters), own_first=False) for r in floating}
    return finish(clusters, [(r, targets[id(r)]) for r in floating])


def finish(clusters: list[_Cluster], floating: Iterable[tuple[_Report, int | None]]) -> list[Event]:
    """Add the floating reports to the clusters they join (numbers into ``clusters``, in the
    canonical order); fuse the others within their own page; return the sorted events."""
    alone: dict[str, list[_Report]] = defaultdict(list)
    for rep, k in sorted(floating, key=lambda rk: rk[0].order()):
        if k is None:
            alone[rep.doc.id].append(rep)
        else:
            clusters[k].add(rep)
    clusters = clusters + [c for doc in sorted(alone) for c in fuse_block(alone[doc])]
    return sorted(emit(clusters), key=lambda e: (e.date or "", e.id))


def emit(clusters: Iterable[_Cluster]) -> list[Event]:
    """Return the events of fused clusters (yearless ones dated from their pages)."""
    out = []
    for c in clusters:
        _date_undated(c)
        out.append(_event(c))
    return out


def _date_undated(c: _Cluster) -> None:
    """Give a cluster that no report dates with a year the year its undated pages imply.

    Only after fusion, so a year stated by any fused report wins over the estimate; only
    pages without a publication date are estimated (dated pages already resolved theirs).
    """
    p = parse_partial(c.date)
    if p is None or p.year is not None or p.month is None:
        return
    guesses = set()
    for r in c.reports:
        if r.doc.published:
            return
        guesses.add(year_after(c.date, r.doc.after))
    if len(guesses) == 1:
        date = guesses.pop()
        if date != c.date:
            c.end_date = year_after(c.end_date, c.reports[0].doc.after)
            c.date = date


def _event(c: _Cluster) -> Event:
    reps = sorted(c.reports, key=lambda r: (TYPE_RANK.get(r.event.type, 9),
                                            -precision(r.event.date)))
    first = reps[0]
    documents: list[str] = []
    for r in c.reports:
        if r.doc.id not in documents:
            documents.append(r.doc.id)
    # A city or landmark says more than the country around it: prefer reports whose place
    # key is not a country's, then the place most reports give.
    cities = Counter(r.place for r in reps
                     if r.place and not (r.event.place or "").startswith("country:"))
    places = cities or Counter(r.place for r in reps if r.place)
    place = places.most_common(1)[0][0] if places else None
    return Event(
        # the first report's position too: one sentence may report two events that fuse
        # apart (a plan and what happened, placed in different blocks)
        id=stable_id("v", c.type, c.date, first.doc.id, first.event.sentence, first.seq),
        type=c.type,  # type: ignore[arg-type]
        status=_status(c),  # type: ignore[arg-type]
        date=c.date, end_date=c.end_date if c.end_date != c.date else None, place=place,
        actors=list(c.actors), title=first.event.title, plover=first.event.plover,
        documents=documents,
        evidence=[Evidence(document=r.doc.id, quote=r.event.quote, sentence=r.event.sentence)
                  for r in c.reports],
    )

