"""The incremental fusion update: re-fuse the blocks new documents or renamed entities
touch, place again the floating items those blocks can change, rewrite what changed.

Exactness rests on three facts of the fusion rules (:mod:`dossier.resolve.events`):
a block's clusters depend on its own items only; a floating item's place depends only on
the clusters (before floating items join) of the blocks of its class; and an item can only
join a cluster that names one of its entity ids in the role the index records
(:meth:`Kind.candidate_keys`, :meth:`Kind.fitting_floats`). So only the floating items that
joined a re-fused block, or may fit one of its new clusters, can change place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from dossier.model import Document
from dossier.resolve.undated import Page
from dossier.scale import state as st
from dossier.scale.blocks import block_key_rows, block_row, float_key_rows, float_row
from dossier.scale.kinds import Choice, Item, Kind, Unit, unpack
from dossier.store.codec import dumps

__all__ = ["Update"]

Ref = tuple[str, int]  # (document id, position)


class Update:
    """One kind's (events' or agreements') incremental update in one transaction."""

    def __init__(self, c: Connection, kind: Kind) -> None:
        self.c = c
        self.kind = kind
        self.units: dict[str, Unit] = {}  # blocks read or re-fused in this update
        self.emit: set[str] = set()  # blocks whose records change
        self.pages: set[str] = set()  # pages whose floating leftovers change
        self.changed: dict[str, list[Any]] = {}  # re-fused block -> clusters not as before

    def run(self, docs: Sequence[tuple[Page, Document]], renamed: Mapping[str, str]) -> list[Any]:
        """Apply new documents and renamed keys (key -> entity id before); return the
        records written."""
        k = self.kind
        bounded: dict[tuple[str, int], list[Item]] = defaultdict(list)
        new_floats: list[Item] = []
        for page, doc in docs:
            for it in k.items(page, doc):
                key = k.block(it)
                (new_floats if key is None else bounded[key]).append(it)
        touched = {k.name(key): key for key in bounded}
        relabel = st.relabelled(self.c, renamed)
        hard = {key for key, old in renamed.items() if old not in relabel}
        if hard:
            touched.update(st.blocks_naming(self.c, k.code, hard | {renamed[x] for x in hard}))
        refused = [self._refuse(name, key, bounded.get(key, [])) for name, key in touched.items()]
        # an entity that only changed its id: the blocks naming it fuse alike, relabelled
        renamed_only = set(st.blocks_naming(self.c, k.code, set(relabel))) - set(touched)
        changed = refused + [self._relabel(name, relabel) for name in sorted(renamed_only)]
        st.replace_blocks(self.c, [block_row(k, u) for u in changed],
                          [r for u in changed for r in block_key_rows(k, u)])
        self.emit |= {u.name for u in changed}
        self._place(new_floats, refused, renamed)
        return self._write()

    def _relabel(self, name: str, ids: Mapping[str, str]) -> Unit:
        unit = self._load(name)
        assert unit is not None  # found by its keys
        self.kind.relabel(unit, ids)
        return unit

    def _refuse(self, name: str, key: tuple[str, int], new: list[Item]) -> Unit:
        k = self.kind
        old = self._load(name)
        items = [k.recanon(it) for it in old.items] if old else []
        unit = Unit(name, key, items + new, k.fuse(items + new))
        # a cluster with the same members naming the same ids is the same cluster: only
        # the others can draw a floating item away from where it went
        before = {k.fingerprint(g) for g in old.groups} if old else set()
        self.changed[name] = [g for g in unit.groups if k.fingerprint(g) not in before]
        self.units[name] = unit
        return unit

    def _load(self, name: str) -> Unit | None:
        if name in self.units:
            return self.units[name]
        data = st.load_block(self.c, name)
        if data is None:
            return None
        items, groups = unpack(data)
        cls, year = name.split("|")[1], int(name.rsplit("|", 1)[1])
        unit = self.units[name] = Unit(name, (cls, year), items, groups)
        return unit

    # floating items

    def _place(self, new: list[Item], refused: Sequence[Unit], renamed: Mapping[str, str]) -> None:
        """Decide again where the floating items go that the changes may move; record it.

        Floating items naming a renamed key are taken out and placed again as new ones
        (their signature may change); the others are decided once per signature.
        """
        k, c = self.kind, self.c
        if renamed:
            old = st.floats_at(c, k.code, st.floats_by_keys(c, k.code, set(renamed)))
            self.emit |= {r.unit for r in old if r.unit is not None}
            self.pages |= {r.document_id for r in old}
            st.delete_floats(c, k.code, [(r.document_id, r.seq) for r in old])
            new = new + [k.recanon(unpack(r.data)) for r in old]
        rows = self._affected(refused)
        data = st.float_data(c, k.code, [(r.document_id, r.seq) for r in rows])
        items = [k.recanon(unpack(data[(r.document_id, r.seq)])) for r in rows]
        stored: dict[str, Choice] = {}
        if k.shared_sigs:  # items of one signature go alike: a stored one tells
            wanted = {k.sig(it) for it in new} - {r.sig for r in rows}
            stored = {sig: (f.unit, f.number) for sig in wanted
                      if (f := st.float_first(c, k.code, sig)) is not None}
        fresh = [it for it in new if k.sig(it) not in stored]
        chosen = self._choose_many([*items, *fresh])
        decided = {**stored, **{k.sig(it): chosen[id(it)] for it in fresh}}
        moved: dict[str, Choice] = {}
        for r, it in zip(rows, items, strict=True):
            now = decided[r.sig] = chosen[id(it)]
            if now != (r.unit, r.number):
                moved[r.sig] = now
                self.emit |= {u for u in (r.unit, now[0]) if u is not None}
                if None in (r.unit, now[0]):  # its page's leftovers change
                    self.pages |= (st.float_docs(c, k.code, r.sig) if k.shared_sigs
                                   else {r.document_id})
        st.set_targets(c, k.code, moved)
        out = []
        for it in new:
            where = decided[k.sig(it)]
            out.append(float_row(k, it, *where))
            if where[0] is None:
                self.pages.add(k.doc(it))
            else:
                self.emit.add(where[0])
        if out:
            st.save_fusion(c, {"floats": out, "float_keys": [
                r for it in new for r in float_key_rows(k, it)]})

    def _affected(self, refused: Sequence[Unit]) -> list[Any]:
        """Return one stored floating row per signature whose place the re-fused blocks may
        change: those that joined them, and those of their class that may fit their new
        clusters."""
        k, c = self.kind, self.c
        rows = st.float_rows(c, k.code, units=[u.name for u in refused])
        by_class: dict[str, list[Unit]] = defaultdict(list)
        for u in refused:
            by_class[u.key[0]].append(u)
        for cls, units in by_class.items():
            spec = k.fitting_floats([g for u in units for g in self.changed[u.name]])
            if spec is None:
                rows += st.float_rows(c, k.code, classes=[cls])
                continue
            by_roles: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for key, roles in spec:
                by_roles[roles].add(key)
            for roles, ids in by_roles.items():
                rows += st.float_rows(c, k.code, keys=self._raw(ids), roles=roles, cls=cls)
        one: dict[str, Any] = {}
        for r in rows:
            one.setdefault(r.sig, r)
        return [one[sig] for sig in sorted(one)]

    def _raw(self, ids: set[str]) -> set[str]:
        """Entity ids and every key merged into them (floating items are stored by key)."""
        return ids | st.keys_of_entities(self.c, ids)

    def _choose_many(self, items: Sequence[Item]) -> dict[int, Choice]:
        """Return where each floating item goes (by ``id(item)``), choosing among the
        blocks of its class that name one of its entity ids (or all, for agreements)."""
        k = self.kind
        by_class: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            by_class[k.cls(it)].append(it)
        out: dict[int, Choice] = {}
        for cls, its in by_class.items():
            specs = [k.candidate_keys(it) for it in its]
            if any(spec is None for spec in specs):
                found = st.blocks_of_class(self.c, k.code, cls)
            else:
                by_roles: dict[tuple[str, ...], set[str]] = defaultdict(set)
                for spec in specs:
                    for key, roles in spec or ():
                        by_roles[roles].add(key)
                found = {}
                for roles, ids in by_roles.items():
                    found.update(st.blocks_naming(self.c, k.code, ids, roles, cls))
            # one chooser over every candidate block: a cluster an item fits names one of
            # its ids, so it lies in one of them, and the index returns only such clusters
            units = [u for name in sorted(found, key=lambda n: (found[n][1], n))
                     if (u := self._load(name)) is not None]
            choose = k.chooser(units)
            for it in its:
                out[id(it)] = choose(it)
        return out

    # records

    def _write(self) -> list[Any]:
        """Rewrite the records of the blocks and pages that changed (those whose inputs,
        told by a fingerprint, changed)."""
        k, c = self.kind, self.c
        made: list[tuple[str, Any, str]] = []  # (unit, record, fingerprint)
        units = sorted(self.emit)
        for name in units:
            data = st.load_block(c, name)  # a fresh copy: floating members are added to it
            if data is None:
                continue
            attached = [(k.recanon(unpack(r.data)), r.number)
                        for r in st.floats(c, k.code, units=[name])]
            made += [(name, *x) for x in k.emit_unit(unpack(data)[1], attached, prints=True)]
        pages = sorted(self.pages)
        by_doc: dict[str, list[Item]] = defaultdict(list)
        for r in st.floats(c, k.code, docs=pages, alone=True):
            by_doc[r.document_id].append(k.recanon(unpack(r.data)))
        for doc in pages:
            made += [(k.page_unit(doc), *x) for x in k.emit_page(by_doc.get(doc, []),
                                                                  prints=True)]
        names = units + [k.page_unit(d) for d in pages]
        before = st.record_prints(c, k.code, names)
        fresh = [(u, x, fp) for u, x, fp in made if before.get(x.id) != (u, fp)]
        stale = set(before) - {x.id for _, x, _ in made} | {x.id for _, x, _ in fresh}
        st.replace_records(c, k.code, stale,
                           [{"id": x.id, "kind": k.code, "unit": u, "print": fp}
                            for u, x, fp in fresh],
                           [_record_row(k.code, x) for _, x, _ in fresh])
        return [x for _, x, _ in fresh]


def _record_row(code: str, x: Any) -> dict[str, Any]:
    if code == "e":
        return {"id": x.id, "type": x.type, "date": x.date, "json": dumps(x)}
    return {"id": x.id, "date": x.date, "json": dumps(x)}
