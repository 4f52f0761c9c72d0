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
from dossier.scale import fusionstate as fs
from dossier.scale import state as st
from dossier.scale.blocks import (
    block_row,
    cluster_rows,
    float_key_rows,
    float_row,
    record_row,
)
from dossier.scale.kinds import Choice, Item, Kind, Unit, unpack
from dossier.scale.placing import choose_many

__all__ = ["Update"]


def _name(ref: fs.Ref) -> str:
    """The records' unit of a cluster: ``<block>#<rank>``."""
    return f"{ref[0]}#{ref[1]}"


class Update:
    """One kind's (events' or agreements') incremental update in one transaction."""

    def __init__(self, c: Connection, kind: Kind) -> None:
        self.c = c
        self.kind = kind
        self.emit: set[fs.Ref] = set()  # clusters whose records change
        self.pages: set[str] = set()  # pages whose floating leftovers change
        self.changed: dict[str, list[Any]] = {}  # re-fused block -> clusters not as before
        self.gone: set[fs.Ref] = set()  # clusters changed or no more: their floats move

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
            touched.update(fs.blocks_naming(self.c, k.code, hard | {renamed[x] for x in hard}))
        refused = [self._refuse(name, key, bounded.get(key, []))
                   for name, key in sorted(touched.items())]
        # an entity that only changed its id: the clusters naming it fuse alike, relabelled
        self._relabel(relabel, set(touched))
        self._place(new_floats, refused, renamed)
        return self._write()

    def _relabel(self, ids: Mapping[str, str], skip: set[str]) -> None:
        k = self.kind
        refs = [r for r in fs.clusters_naming(self.c, k.code, set(ids)) if r[0] not in skip]
        for (unit, rank), data in sorted(fs.cluster_data(self.c, refs).items()):
            items, g = unpack(data)
            key = fs.block_of(self.c, unit)
            assert key is not None  # a stored cluster's block
            u = Unit(unit, key, items, [g], [items], [rank])
            k.relabel(u, ids)
            rows, keys = cluster_rows(k, u, [0])
            fs.replace_clusters(self.c, [(unit, rank)], rows, keys)
            self.emit.add((unit, rank))

    def _refuse(self, name: str, key: tuple[str, int], new: list[Item]) -> Unit:
        """Fuse a block again with its new items; store the clusters that changed."""
        k = self.kind
        stored = fs.block_clusters(self.c, name)
        items = [k.recanon(it) for r in stored for it in unpack(r.data)[0]]
        unit = k.make_unit(name, key, items + new)
        # a cluster with the same members naming the same ids is the same cluster: only
        # the others can draw a floating item away from where it went
        before = {r.rank: r.print for r in stored}
        same = {i for i, (g, rank) in enumerate(zip(unit.groups, unit.ranks, strict=True))
                if before.get(rank) == k.fingerprint(g)}
        kept = {unit.ranks[i] for i in same}
        stale = [(name, rank) for rank in before if rank not in kept]
        fresh = [i for i in range(len(unit.groups)) if i not in same]
        rows, keys = cluster_rows(k, unit, fresh)
        fs.replace_clusters(self.c, stale, rows, keys)
        if not stored:
            fs.add_blocks(self.c, [block_row(k, unit)])
        self.changed[name] = [unit.groups[i] for i in fresh]
        self.gone |= set(stale)
        self.emit |= set(stale) | {(name, unit.ranks[i]) for i in fresh}
        return unit

    # floating items

    def _place(self, new: list[Item], refused: Sequence[Unit], renamed: Mapping[str, str]) -> None:
        """Decide again where the floating items go that the changes may move; record it.

        Floating items naming a renamed key are taken out and placed again as new ones
        (their signature may change); the others are decided once per signature.
        """
        k, c = self.kind, self.c
        if renamed:
            old = fs.floats_at(c, k.code, fs.floats_by_keys(c, k.code, set(renamed)), data=True)
            self.emit |= {(r.unit, r.cluster) for r in old if r.unit is not None}
            self.pages |= {r.document_id for r in old}
            fs.delete_floats(c, k.code, [(r.document_id, r.seq) for r in old])
            new = new + [k.recanon(unpack(r.data)) for r in old]
        rows = self._affected(refused)
        data = {(r.document_id, r.seq): r.data for r in fs.floats_at(
            c, k.code, [(r.document_id, r.seq) for r in rows], data=True)}
        items = [k.recanon(unpack(data[(r.document_id, r.seq)])) for r in rows]
        stored: dict[str, Choice] = {}
        if k.shared_sigs:  # items of one signature go alike: a stored one tells
            wanted = {k.sig(it) for it in new} - {r.sig for r in rows}
            stored = {sig: (f.unit, f.cluster) for sig in wanted
                      if (f := fs.float_first(c, k.code, sig)) is not None}
        fresh = [it for it in new if k.sig(it) not in stored]
        chosen = choose_many(c, k, [*items, *fresh])
        decided = {**stored, **{k.sig(it): chosen[id(it)] for it in fresh}}
        moved: dict[str, Choice] = {}
        for r, it in zip(rows, items, strict=True):
            now = decided[r.sig] = chosen[id(it)]
            if now != (r.unit, r.cluster):
                moved[r.sig] = now
                self.emit |= {(str(u), str(x)) for u, x in ((r.unit, r.cluster), now)
                              if u is not None}
                if None in (r.unit, now[0]):  # its page's leftovers change
                    self.pages |= (fs.float_docs(c, k.code, r.sig) if k.shared_sigs
                                   else {r.document_id})
        fs.set_targets(c, k.code, moved)
        out = []
        for it in new:
            where = decided[k.sig(it)]
            out.append(float_row(k, it, *where))
            if where[0] is None:
                self.pages.add(k.doc(it))
            else:
                self.emit.add((where[0], str(where[1])))
        if out:
            fs.save(c, {"floats": out, "float_keys": [
                r for it in new for r in float_key_rows(k, it)]})

    def _affected(self, refused: Sequence[Unit]) -> list[Any]:
        """Return one stored floating row per signature whose place the re-fused blocks may
        change: those that joined a cluster that changed, and those of their class that
        may fit their new clusters."""
        k, c = self.kind, self.c
        rows = fs.float_rows(c, k.code, refs=self.gone)
        by_class: dict[str, list[Unit]] = defaultdict(list)
        for u in refused:
            if self.changed[u.name]:
                by_class[u.key[0]].append(u)
        for cls, units in by_class.items():
            spec = k.fitting_floats([g for u in units for g in self.changed[u.name]])
            if spec is None:
                rows += fs.float_rows(c, k.code, classes=[cls])
                continue
            by_roles: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for key, roles in spec:
                by_roles[roles].add(key)
            for roles, ids in by_roles.items():
                rows += fs.float_rows(c, k.code, keys=self._raw(ids), roles=roles, cls=cls)
        one: dict[str, Any] = {}
        for r in rows:
            one.setdefault(r.sig, r)
        return [one[sig] for sig in sorted(one)]

    def _raw(self, ids: set[str]) -> set[str]:
        """Entity ids and every key merged into them (floating items are stored by key)."""
        return ids | st.keys_of_entities(self.c, ids)

    # records

    def _write(self) -> list[Any]:
        """Rewrite the records of the clusters and pages that changed (those whose inputs,
        told by a fingerprint, changed)."""
        k, c = self.kind, self.c
        made: list[tuple[str, Any, str]] = []  # (unit, record, fingerprint)
        refs = sorted(self.emit)
        data = fs.cluster_data(c, refs)  # fresh copies: floating members are added to them
        attached: dict[fs.Ref, list[tuple[Item, int]]] = defaultdict(list)
        for r in fs.floats_in(c, k.code, refs, data=True):
            attached[(r.unit, r.cluster)].append((k.recanon(unpack(r.data)), 0))
        for ref in refs:
            if ref in data:
                g = unpack(data[ref])[1]
                made += [(_name(ref), *x) for x in k.emit_unit([g], attached[ref], prints=True)]
        pages = sorted(self.pages)
        by_doc: dict[str, list[Item]] = defaultdict(list)
        for r in fs.floats_alone(c, k.code, pages):
            by_doc[r.document_id].append(k.recanon(unpack(r.data)))
        for doc in pages:
            made += [(k.page_unit(doc), *x) for x in k.emit_page(by_doc.get(doc, []),
                                                                  prints=True)]
        names = [_name(r) for r in refs] + [k.page_unit(d) for d in pages]
        before = fs.record_prints(c, k.code, names)
        fresh = [(u, x, fp) for u, x, fp in made if before.get(x.id) != (u, fp)]
        stale = set(before) - {x.id for _, x, _ in made} | {x.id for _, x, _ in fresh}
        fs.replace_records(c, k.code, stale,
                           [{"id": x.id, "kind": k.code, "unit": u, "print": fp}
                            for u, x, fp in fresh],
                           [record_row(k.code, x) for _, x, _ in fresh])
        return [x for _, x, _ in fresh]

