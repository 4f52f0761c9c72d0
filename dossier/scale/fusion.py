"""Event and agreement fusion with candidate indexes: the rules of :mod:`dossier.resolve`,
without their all-pairs scans.

``dossier.resolve.events.fuse_events`` fuses each block (type class, year placed) greedily
and scores every report against every cluster of its block. A report can only join a
cluster with which it shares an actor and whose dates are compatible with its own; this
module keeps a block's clusters in an index keyed by (type class, actor, date token) and
scores only the clusters the index returns, after the clusters of the report's own page
(which win when one fits). Floating reports (no year placed) are matched the same way
against the clusters of every block of their class. Since the index returns a superset of
the clusters ``_score`` accepts, and ties break on the same cluster order, the result
equals ``fuse_events`` (tested).

Agreements: first fit among the groups of the block (one kind) with title keys and fuzzy
title comparisons computed once per distinct title (corpora repeat titles).

It reuses the private helpers of :mod:`dossier.resolve.events` and
:mod:`dossier.resolve.agreements` so that the rules live in one place; a change there that
breaks the superset argument fails ``tests/test_scale_fusion.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from dossier.model import Agreement, Document, Event
from dossier.nlp.dates import parse_partial
from dossier.resolve import agreements as agr
from dossier.resolve import events as ev
from dossier.resolve.events import type_class

__all__ = ["ClusterIndex", "Titles", "fuse_agreement_block", "fuse_agreements_indexed",
           "fuse_event_block", "fuse_events_indexed", "type_class"]

Token = tuple[object, ...]
Order = tuple[int, ...]  # a cluster's place in the tie-break order (block year, number)
_ANY = "*"


def _tokens(date: str | None) -> list[Token]:
    """Index tokens of a cluster date: by year, year-month and year-month-day ('*' unknown)."""
    p = parse_partial(date)
    y, m, d = (p.year, p.month, p.day) if p else (None, None, None)
    ys = _ANY if y is None else y
    ms = _ANY if m is None else m
    ds = _ANY if d is None else d
    return [("y", ys), ("m", ys, ms), ("d", ys, ms, ds)]


def _wanted(date: str | None) -> list[Token] | None:
    """Tokens of the clusters a report date may be compatible with; None: any cluster."""
    p = parse_partial(date)
    if p is None or p.year is None:
        return None
    years = (p.year, _ANY)
    if p.month is None:
        return [("y", y) for y in years]
    if p.day is None:
        return [("m", y, m) for y in years for m in (p.month, _ANY)]
    out: list[Token] = [("d", y, m, d) for y in years for m in (p.month, _ANY)
                        for d in (p.day - 1, p.day, p.day + 1, _ANY)]
    # a neighbouring month is compatible across its boundary (31 Oct vs 1 Nov)
    out += [("m", y, m) for y in years for m in (p.month - 1, p.month + 1)]
    return out


class ClusterIndex:
    """Clusters by (type class, actor, date token); a date token "all" stands for any date.

    A report that names persons only fits clusters that share one of its persons or name
    none (``actors_fit``), so it looks up its persons in ``by_actor`` and its other actors
    only among clusters that had no persons when indexed (``no_person``). Clusters are
    numbered by the caller; :meth:`best` breaks ties on the smallest :data:`Order`.
    """

    def __init__(self) -> None:
        self.by_actor: dict[tuple[str, str, Token], set[int]] = defaultdict(set)
        self.no_person: dict[tuple[str, str, Token], set[int]] = defaultdict(set)
        self.clusters: list[ev._Cluster] = []
        self.orders: list[Order] = []

    def add(self, c: ev._Cluster, order: Order) -> int:
        """Index a new cluster; return its number."""
        self.clusters.append(c)
        self.orders.append(order)
        self.put(len(self.clusters) - 1)
        return len(self.clusters) - 1

    def put(self, k: int) -> None:
        """Index a cluster after it changed (entries only grow; stale ones are harmless)."""
        c = self.clusters[k]
        cls = type_class(c.type)
        toks = [("all",), *_tokens(c.date), *(_tokens(c.end_date) if c.end_date else [])]
        for a in c.actors:
            for t in toks:
                self.by_actor[(cls, a, t)].add(k)
                if not c.persons:
                    self.no_person[(cls, a, t)].add(k)

    def candidates(self, rep: ev._Report) -> set[int]:
        """Return a superset of the clusters ``_score`` may accept for this report."""
        cls = type_class(rep.event.type)
        wanted = _wanted(rep.event.date)
        end = _wanted(rep.event.end_date) if rep.event.end_date else []
        toks: list[Token] = [("all",)] if wanted is None or end is None else [*wanted, *end]
        found: set[int] = set()
        lookups = ((self.by_actor, rep.persons), (self.no_person, rep.actors)) \
            if rep.persons else ((self.by_actor, rep.actors),)
        for table, keys in lookups:
            for a in keys:
                for t in toks:
                    found |= table.get((cls, a, t), set())
        return found

    def best(self, rep: ev._Report) -> tuple[float, int] | None:
        """Return (score, number) of the cluster a floating report joins: the best score,
        the smallest order on ties; None when none fits."""
        found: tuple[float, Order, int] | None = None
        for k in self.candidates(rep):
            s = ev._score(rep, self.clusters[k])
            if s is None:
                continue
            neg = tuple(-x for x in self.orders[k])
            if found is None or (s, neg) > (found[0], found[1]):
                found = (s, neg, k)
        return None if found is None else (found[0], found[2])


def fuse_event_block(reports: Iterable[ev._Report]) -> list[ev._Cluster]:
    """``events.fuse_block``, scoring only the clusters of the report's page and the
    clusters the index returns."""
    index = ClusterIndex()
    clusters = index.clusters
    by_doc: dict[str, set[int]] = defaultdict(set)
    for rep in sorted(reports, key=ev._Report.order):
        k = None
        own = by_doc.get(rep.doc.id)
        if own:  # an event of its own page wins over any other: try those first
            k = ev.best_cluster(rep, ((j, clusters[j]) for j in own))
        if k is None:
            k = ev.best_cluster(rep, ((j, clusters[j]) for j in index.candidates(rep)))
        if k is None:
            k = index.add(ev._Cluster(type=rep.event.type, date=None, end_date=None), (0,))
        clusters[k].add(rep)
        index.put(k)  # tokens only grow: stale ones are filtered by _score
        by_doc[rep.doc.id].add(k)
    return clusters


def fuse_events_indexed(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Event]:
    """Fuse the DocEvents of ``docs`` exactly as ``fuse_events`` does, scoring few clusters."""
    return events_from_reports(ev.reports_of(docs, entity_of))


def events_from_reports(reports: Iterable[ev._Report]) -> list[Event]:
    """Fuse reports block by block, then place the floating ones."""
    blocks: dict[tuple[str, int], list[ev._Report]] = defaultdict(list)
    floating: list[ev._Report] = []
    for rep in reports:
        if rep.year is None:
            floating.append(rep)
        else:
            blocks[(type_class(rep.event.type), rep.year)].append(rep)
    clusters: list[ev._Cluster] = []
    index = ClusterIndex()
    for cls, year in sorted(blocks):
        for k, c in enumerate(fuse_event_block(blocks[(cls, year)])):
            index.add(c, (year, k))
            clusters.append(c)
    targets = []
    for rep in floating:
        found = index.best(rep)
        targets.append((rep, None if found is None else found[1]))
    return ev.finish(clusters, targets)


class Titles:
    """Title keys and fuzzy title matches, computed once per distinct title."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str | None], str] = {}
        self.same: dict[tuple[str, str], bool] = {}

    def key(self, title: str, language: str | None) -> str:
        """Return the title key of a title (as ``title_key``)."""
        found = self.keys.get((title, language))
        if found is None:
            found = self.keys[(title, language)] = agr.title_key(title, language)
        return found

    def match(self, a: str, b: str) -> bool:
        """Return ``same_title(a, b)``."""
        found = self.same.get((a, b))
        if found is None:
            found = self.same[(a, b)] = agr.same_title(a, b)
        return found

    def fits(self, g: agr._AgreementGroup, it: agr._Item) -> bool:
        """``_agreement_fits`` with cached title matches."""
        if g.kind != it.ag.kind or not agr.compatible(g.date, it.ag.date):
            return False
        shared = len(set(it.parties) & set(g.parties))
        if it.parties and g.parties and shared < min(2, len(it.parties), len(g.parties)):
            return False
        return any(self.match(k, it.key) for k in dict.fromkeys(g.keys))


def fuse_agreement_block(items: Iterable[agr._Item], titles: Titles) -> list[agr._AgreementGroup]:
    """``agreements.fuse_agreement_block`` with cached title comparisons."""
    groups: list[agr._AgreementGroup] = []
    distinct: list[set[str]] = []
    for it in sorted(items, key=agr._Item.order):
        k = next((k for k, g in enumerate(groups) if g.kind == it.ag.kind
                  and agr.compatible(g.date, it.ag.date) and _parties_fit(g, it)
                  and any(titles.match(t, it.key) for t in distinct[k])), None)
        if k is None:
            k = len(groups)
            groups.append(agr._AgreementGroup(kind=it.ag.kind, date=it.ag.date))
            distinct.append(set())
        groups[k].add(it)
        distinct[k].add(it.key)
    return agr._join_singular(groups)


def _parties_fit(g: agr._AgreementGroup, it: agr._Item) -> bool:
    shared = len(set(it.parties) & set(g.parties))
    return not (it.parties and g.parties and shared < min(2, len(it.parties), len(g.parties)))


def fuse_agreements_indexed(docs: Sequence[Document],
                            entity_of: Mapping[str, str]) -> list[Agreement]:
    """Fuse agreements exactly as ``fuse_agreements`` does, comparing far fewer titles."""
    titles = Titles()
    items = [it for d in docs if d.agreements for it in agr.page_items(
        ev.page_of(d), d.agreements, entity_of, key_of=titles.key)]
    return agreements_from_items(items, titles)


def agreements_from_items(items: Iterable[agr._Item], titles: Titles) -> list[Agreement]:
    """Fuse agreements block by block, then place the floating ones."""
    blocks: dict[tuple[str, int], list[agr._Item]] = defaultdict(list)
    floating: list[agr._Item] = []
    for it in items:
        key = agr.block_of(it)
        if key is None:
            floating.append(it)
        else:
            blocks[key].append(it)
    groups: list[agr._AgreementGroup] = []
    by_kind: dict[str | None, list[int]] = defaultdict(list)
    for key in sorted(blocks):
        for g in fuse_agreement_block(blocks[key], titles):
            by_kind[g.kind].append(len(groups))
            groups.append(g)
    targets = []
    for it in floating:
        mine = by_kind.get(it.ag.kind, [])  # other kinds never fit
        k = agr.attach_agreement(it, [groups[j] for j in mine], titles.fits)
        targets.append((it, None if k is None else mine[k]))
    return agr.finish_agreements(groups, targets)
