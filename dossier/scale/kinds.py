"""What block fusion needs to know of events and of agreements, behind one interface.

:mod:`dossier.scale.blocks` (the full step) and :mod:`dossier.scale.refuse` (the
incremental update) run the same steps for both: place items in blocks, fuse a block,
choose where a floating item goes, emit records. :class:`Events` and :class:`Agreements`
supply the rules (from :mod:`dossier.scale.fusion`, which follows :mod:`dossier.resolve`)
and the keys the stored state is searched by.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dossier.model import Agreement, Document, Event
from dossier.resolve import agreements as agr
from dossier.resolve import events as ev
from dossier.resolve.undated import Page, placed_year
from dossier.scale import fusion as fu

__all__ = ["Agreements", "Events", "Kind", "Unit", "pack", "records_of", "unpack"]

Key = tuple[str, int]  # (type class or kind, year)
Choice = tuple[str | None, str | None]  # (block joined, cluster rank), or (None, None)
Cand = tuple[str, str, Any]  # (block, cluster rank, group): a candidate cluster
Item = Any  # ev._Report or agr._Item
Group = Any  # ev._Cluster or agr._AgreementGroup


@dataclass(slots=True)
class Unit:
    """One block: its key, stored name, items and the groups fused from them (before any
    floating item joins)."""

    name: str
    key: Key
    items: list[Item]
    groups: list[Group]
    members: list[list[Item]] = field(default_factory=list)  # each group's own items
    ranks: list[str] = field(default_factory=list)  # each group's stable name in the block


def pack(obj: object) -> bytes:
    """Serialise fusion state (pickled: it is this process's own objects, never input)."""
    return zlib.compress(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> Any:
    """Read state written by :func:`pack`."""
    return pickle.loads(zlib.decompress(data))  # written by pack only, never input


class Kind:
    """The rules of one kind of fused record; see :class:`Events`, :class:`Agreements`."""

    code = ""
    shared_sigs = False  # whether items of several pages may share a signature

    def __init__(self, entity_of: Mapping[str, str], titles: fu.Titles) -> None:
        self.entity_of = entity_of
        self.titles = titles

    def items(self, page: Page, doc: Document) -> list[Item]:
        """Return a document's items."""
        raise NotImplementedError

    def recanon(self, it: Item) -> Item:
        """Return the item again, its entity keys mapped by the current index."""
        raise NotImplementedError

    def block(self, it: Item) -> Key | None:
        """Return the block an item fuses in, None for a floating one."""
        raise NotImplementedError

    def cls(self, it: Item) -> str:
        """Return the type class or kind of an item (its blocks' first key part)."""
        raise NotImplementedError

    def fuse(self, items: Iterable[Item]) -> list[Group]:
        """Fuse one block's items."""
        raise NotImplementedError

    def make_unit(self, name: str, key: Key, items: list[Item]) -> Unit:
        """Fuse a block's items; return it with each group's items and rank."""
        groups = self.fuse(items)
        members = [self.cluster_items(g, items) for g in groups]
        ranks = [self.rank(g, m) for g, m in zip(groups, members, strict=True)]
        return Unit(name, key, items, groups, members, ranks)

    def doc(self, it: Item) -> str:
        """Return the id of an item's document."""
        raise NotImplementedError

    def chooser(self, cands: Sequence[Cand]) -> Callable[[Item], Choice]:
        """Return a function that places floating items among these clusters of one class,
        given in the tie-break order (block year, rank)."""
        raise NotImplementedError

    def rank(self, g: Group, items: Sequence[Item]) -> str:
        """Return a cluster's rank: its stable name in its block, which sorts as the block's
        fusion lists its clusters (``items``: the cluster's own items)."""
        raise NotImplementedError

    def cluster_items(self, g: Group, items: Sequence[Item]) -> list[Item]:
        """Return the items of a block (``items``) that a group of it holds."""
        raise NotImplementedError

    def add(self, g: Group, it: Item) -> None:
        """Add a floating item to the group it joins."""
        g.add(it)

    def emit(self, groups: list[Group]) -> list[Any]:
        """Return the records of fused groups (floating members added)."""
        raise NotImplementedError

    def group_keys(self, g: Group) -> set[tuple[str, str]]:
        """Return (entity id, role) of a group, to find candidate blocks by."""
        raise NotImplementedError

    def float_keys(self, it: Item) -> set[tuple[str, str]]:
        """Return (raw key, role) of a floating item, to find it by."""
        raise NotImplementedError

    def candidate_keys(self, it: Item) -> list[tuple[str, tuple[str, ...]]] | None:
        """Return (entity id, roles) whose blocks may hold a group a floating item fits;
        None: every block of its class."""
        raise NotImplementedError

    def fitting_floats(self, groups: Sequence[Group]) -> list[tuple[str, tuple[str, ...]]] | None:
        """Return (entity id, roles of floating items) of the floating items that may fit
        one of these groups; None: every floating item of the class."""
        raise NotImplementedError

    def sig(self, it: Item) -> str:
        """Return a signature shared by floating items that always go to the same place."""
        return f"{self.doc(it)}:{it.seq}"

    # shared helpers

    def name(self, key: Key) -> str:
        """Return a block's stored name."""
        return f"{self.code}|{key[0]}|{key[1]}"

    def page_unit(self, doc: str) -> str:
        """Return the stored name of a page's floating leftovers."""
        return f"f{self.code}|{doc}"

    def emit_unit(self, groups: list[Group], attached: Iterable[tuple[Item, int]],
                  prints: bool = False) -> list[Any]:
        """Add the floating items that joined (in the canonical order); emit the records,
        or with ``prints`` (record, fingerprint) pairs."""
        for it, k in sorted(attached, key=lambda ik: ik[0].order()):
            self.add(groups[k], it)
        records = self.emit(groups)
        if not prints:
            return records
        return list(zip(records, (self.fingerprint(g) for g in groups), strict=True))

    def emit_page(self, items: Iterable[Item], prints: bool = False) -> list[Any]:
        """Fuse one page's floating items that joined nothing; emit the records."""
        return self.emit_unit(self.fuse(items), [], prints)

    def members(self, g: Group) -> list[Item]:
        """Return the items of a group, in the order they joined it."""
        raise NotImplementedError

    def fingerprint(self, g: Group) -> str:
        """A digest of what a group's record is made from: its members, in order, with the
        entity ids they name (a record is a function of these)."""
        parts = [(self.doc(it), it.seq, self.ids(it)) for it in self.members(g)]
        return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()

    def ids(self, it: Item) -> tuple[object, ...]:
        """Return the entity ids an item names."""
        raise NotImplementedError

    def relabel(self, unit: Unit, ids: Mapping[str, str]) -> None:
        """Rename entity ids in a block's items and groups (entities that changed id)."""
        raise NotImplementedError


class Events(Kind):
    """Events: reports fused into clusters."""

    code = "e"

    def items(self, page: Page, doc: Document) -> list[Item]:
        return ev.page_reports(page, doc.events, self.entity_of)

    def recanon(self, it: Item) -> Item:
        return ev.make_report(it.doc, it.event, it.seq, self.entity_of)

    def block(self, it: Item) -> Key | None:
        return None if it.year is None else (self.cls(it), it.year)

    def cls(self, it: Item) -> str:
        return ev.type_class(it.event.type)

    def fuse(self, items: Iterable[Item]) -> list[Group]:
        return fu.fuse_event_block(items)

    def doc(self, it: Item) -> str:
        return str(it.doc.id)

    def chooser(self, cands: Sequence[Cand]) -> Callable[[Item], Choice]:
        index = fu.ClusterIndex()
        where: list[tuple[str, str]] = []
        for i, (unit, rank, c) in enumerate(cands):
            index.add(c, (i,))  # the given order breaks ties
            where.append((unit, rank))

        def choose(it: Item) -> Choice:
            found = index.best(it)
            return (None, None) if found is None else where[found[1]]
        return choose

    def rank(self, g: Group, items: Sequence[Item]) -> str:
        # clusters are listed as made: by the canonical order of the report that made it
        return _order_text(g.reports[0].order())

    def cluster_items(self, g: Group, items: Sequence[Item]) -> list[Item]:
        return list(g.reports)

    def emit(self, groups: list[Group]) -> list[Any]:
        return ev.emit(groups)

    def members(self, g: Group) -> list[Item]:
        return list(g.reports)

    def ids(self, it: Item) -> tuple[object, ...]:
        return (tuple(it.actors), tuple(it.persons), it.place)

    def relabel(self, unit: Unit, ids: Mapping[str, str]) -> None:
        def m(xs: list[str]) -> list[str]:
            return [ids.get(x, x) for x in xs]
        for r in unit.items:
            r.actors, r.persons = m(r.actors), m(r.persons)
            r.place = ids.get(r.place, r.place) if r.place else r.place
        for c in unit.groups:
            c.actors, c.persons = m(c.actors), m(c.persons)
            c.places = {ids.get(x, x) for x in c.places}
            c.raw_persons = [(k, ids.get(e, e)) for k, e in c.raw_persons]

    def group_keys(self, g: Group) -> set[tuple[str, str]]:
        out = {(p, "l") for p in g.places}
        if g.persons:
            return out | {(p, "p") for p in g.persons} | {(a, "x") for a in g.actors}
        return out | {(a, "a") for a in g.actors}

    def float_keys(self, it: Item) -> set[tuple[str, str]]:
        e = it.event
        persons = [k for k in e.actors if k.startswith("person:")]
        out = {(e.place, "l")} if e.place else set()
        if persons:
            return out | {(p, "p") for p in persons} | {(a, "x") for a in e.actors}
        return out | {(a, "a") for a in e.actors}

    def candidate_keys(self, it: Item) -> list[tuple[str, tuple[str, ...]]] | None:
        # actors_fit: with persons, a shared person or a cluster naming none; else any actor
        if it.persons:
            return [(p, ("p",)) for p in it.persons] + [(a, ("a",)) for a in it.actors]
        return [(a, ("p", "a", "x")) for a in it.actors]

    def fitting_floats(self, groups: Sequence[Group]) -> list[tuple[str, tuple[str, ...]]] | None:
        out: set[tuple[str, tuple[str, ...]]] = set()
        for g in groups:
            if g.persons:  # fits reports sharing a person, or naming none but an actor
                out |= {(p, ("p",)) for p in g.persons} | {(a, ("a",)) for a in g.actors}
            else:  # fits any report sharing an actor
                out |= {(a, ("p", "a", "x")) for a in g.actors}
        return sorted(out)


class Agreements(Kind):
    """Agreements: items fused into groups by kind, title, date and parties."""

    code = "a"
    shared_sigs = True

    def items(self, page: Page, doc: Document) -> list[Item]:
        return agr.page_items(page, doc.agreements, self.entity_of, key_of=self.titles.key)

    def recanon(self, it: Item) -> Item:
        return agr.make_item(it.page, it.ag, it.seq, it.key, self.entity_of)

    def block(self, it: Item) -> Key | None:
        return agr.block_of(it)

    def cls(self, it: Item) -> str:
        return it.ag.kind or ""

    def fuse(self, items: Iterable[Item]) -> list[Group]:
        return fu.fuse_agreement_block(items, self.titles)

    def doc(self, it: Item) -> str:
        return str(it.page.id)

    def chooser(self, cands: Sequence[Cand]) -> Callable[[Item], Choice]:
        where = [(unit, rank) for unit, rank, _ in cands]
        groups = [g for _, _, g in cands]

        def choose(it: Item) -> Choice:
            k = agr.attach_agreement(it, groups, self.titles.fits)
            return (None, None) if k is None else where[k]
        return choose

    def emit(self, groups: list[Group]) -> list[Any]:
        return [agr._agreement(g) for g in groups]

    def rank(self, g: Group, items: Sequence[Item]) -> str:
        # _join_singular lists dated groups first, each part as made (by its first item)
        return f"{int(g.date is None)}{_order_text(items[0].order())}"

    def cluster_items(self, g: Group, items: Sequence[Item]) -> list[Item]:
        by_ag = {id(it.ag): it for it in items}
        return [by_ag[id(a)] for _, a in g.members]

    def fingerprint(self, g: Group) -> str:
        parts = [(p.id, a.original_title, a.date, a.kind, a.sentence, a.quote)
                 for p, a in g.members]
        return hashlib.sha1(repr((parts, g.parties, g.date, g.kind)).encode()).hexdigest()

    def relabel(self, unit: Unit, ids: Mapping[str, str]) -> None:
        for it in unit.items:
            it.parties = [ids.get(x, x) for x in it.parties]
        for g in unit.groups:
            g.parties = [ids.get(x, x) for x in g.parties]

    def float_keys(self, it: Item) -> set[tuple[str, str]]:
        return {(p, "a") for p in it.ag.parties}

    def group_keys(self, g: Group) -> set[tuple[str, str]]:
        return {(p, "a") for p in g.parties} if g.parties else {("", "n")}

    def candidate_keys(self, it: Item) -> list[tuple[str, tuple[str, ...]]] | None:
        # an item naming parties fits (first fit, the singular and topic rules) only a group
        # sharing one, or one naming none; an item naming none may fit any group of its kind
        if not it.parties:
            return None
        out: list[tuple[str, tuple[str, ...]]] = [(p, ("a",)) for p in it.parties]
        return [*out, ("", ("n",))]

    def fitting_floats(self, groups: Sequence[Group]) -> list[tuple[str, tuple[str, ...]]] | None:
        return None

    def sig(self, it: Item) -> str:
        """Agreements of one kind, date, title, parties and language go alike (corpora
        repeat them), unless their page also names agreements with a year (the join rules
        keep two of one page's agreements apart)."""
        page = it.page
        own = any(placed_year(d, page, planned=True) is not None for _, d in page.kinds)
        only = agr._only_of_kind(page, it.ag)
        return repr((it.ag.kind, it.ag.date, it.key, it.ag.original_title, page.language,
                     tuple(it.parties), only, page.id if own else None))


def _order_text(order: tuple[int, str, int]) -> str:
    """A canonical fusion order (-precision, page id, position) as text that sorts alike."""
    return f"{3 + order[0]}|{order[1]}|{order[2]:06d}"


def records_of(kind: Kind, made: Sequence[tuple[Event | Agreement, str]],
               unit: str) -> list[dict[str, str]]:
    """Return the rows that remember which block or page wrote these records (pairs of
    record and fingerprint)."""
    return [{"id": r.id, "kind": kind.code, "unit": unit, "print": fp} for r, fp in made]
