"""Event and agreement fusion over the store, block by block, with the state that lets a
build re-fuse only the blocks its new documents touch.

Fusion (:mod:`dossier.resolve.events`, :mod:`dossier.resolve.agreements`) is local: a
block (event type class or agreement kind, year placed) is fused from its own reports
alone; a floating report (no year placed) joins the best cluster of any block of its class,
as the blocks formed them, else fuses with its own page's other floating reports. So the
state kept (``fusion_*`` tables, :mod:`dossier.scale.fusionstate`) is: each block's
clusters before floating reports join (one packed row each, with its items), the entity ids
each cluster names, each floating item with the cluster it joined, and which cluster or page
wrote each stored event and agreement.

The full step holds one block at a time: items are spilled to the store by block as the
documents are read, each block is then fused alone, floating items are placed by the
cluster index (:mod:`dossier.scale.placing`) and records are written cluster by cluster.

:func:`fuse_all` is the full step; :func:`fuse_new` the incremental update
(:mod:`dossier.scale.refuse`). Their results equal ``fuse_events``/``fuse_agreements`` on
the same documents (tests/test_corpus_incremental.py, tests/test_scale_fusion.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from dossier.model import Agreement, Document, Event
from dossier.resolve.undated import page_of
from dossier.scale import fusion as fu
from dossier.scale import fusionstate as fs
from dossier.scale.kinds import Agreements, Choice, Events, Kind, Unit, pack, unpack
from dossier.scale.placing import choose_many
from dossier.store import Store
from dossier.store.codec import dumps

__all__ = ["FusionResult", "fuse_all", "fuse_new", "stream_pages"]

Rows = dict[str, list[dict[str, Any]]]


@dataclass(slots=True)
class FusionResult:
    """The events and agreements an incremental step wrote (those of changed clusters and
    pages); after a full step, how many it wrote (the records are in the store)."""

    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    written_events: int = 0
    written_agreements: int = 0


def stream_pages(store: Store, done: set[str] | None = None) -> Iterator[Document]:
    """Yield every stored document with events or agreements (of ``done``), as fusion reads
    them: no text; undated pages with sentences and figures (``written_after`` reads them)."""
    batch: list[Document] = []
    for doc in store.iter_documents(facts=("events", "agreements"), text=False, body=False):
        if (done is None or doc.id in done) and (doc.events or doc.agreements):
            batch.append(doc)
        if len(batch) >= 200:
            yield from with_bodies(store, batch)
            batch = []
    yield from with_bodies(store, batch)


def with_bodies(store: Store, docs: list[Document]) -> list[Document]:
    """Return these documents, the undated ones loaded again with sentences and figures."""
    undated = [d.id for d in docs if d.published is None]
    full = {d.id: d for d in store.get_documents(
        undated, facts=("figures", "events", "agreements"), text=False)} if undated else {}
    return [full.get(d.id, d) for d in docs]


def kinds(entity_of: Mapping[str, str]) -> tuple[Events, Agreements]:
    """Return the rules of events and agreements over one entity index."""
    titles = fu.Titles()
    return Events(entity_of, titles), Agreements(entity_of, titles)


_SPILL = 20000  # items held before they are written to the spill table


def fuse_all(store: Store, entity_of: Mapping[str, str], done: set[str]) -> FusionResult:
    """Fuse the events and agreements of every stored document of ``done`` and store them
    with the fusion state; return how many records were written (the records themselves
    stay in the store: memory holds one block at a time, not the corpus's reports).

    Items are spilled to the store by block as documents are read; then each block is
    fused alone, the floating items are placed by index, and the records written."""
    both = kinds(entity_of)
    buffered: dict[str, list[Any]] = defaultdict(list)
    count = 0
    with store.engine.begin() as c:
        fs.clear_spill(c)
    for doc in stream_pages(store, done):
        page = page_of(doc)
        for kind in both:
            for it in kind.items(page, doc):
                key = kind.block(it)
                buffered[f"~{kind.code}" if key is None else kind.name(key)].append(it)
                count += 1
        if count >= _SPILL:
            _spill(store, buffered)
            buffered, count = defaultdict(list), 0
    _spill(store, buffered)
    del buffered
    result = FusionResult()
    with store.engine.begin() as c:
        for kind in both:
            _fuse_blocks(c, kind)
            _place_floats(c, kind)
            written = _write_all(c, kind)
            if kind.code == "e":
                result.written_events = written
            else:
                result.written_agreements = written
        fs.clear_spill(c)
    return result


def _spill(store: Store, buffered: Mapping[str, list[Any]]) -> None:
    with store.engine.begin() as c:
        fs.spill(c, {unit: pack(items) for unit, items in buffered.items()})


def _fuse_blocks(c: Connection, kind: Kind) -> None:
    """Fuse each spilled block of one kind and store its clusters."""
    for unit in fs.spilled_units(c):
        if unit.startswith("~") or not unit.startswith(f"{kind.code}|"):
            continue
        items = [it for data in fs.spilled(c, unit) for it in unpack(data)]
        key = kind.block(items[0])
        assert key is not None  # spilled by block
        u = kind.make_unit(unit, key, items)
        rows, keys = cluster_rows(kind, u, range(len(u.groups)))
        fs.save(c, {"blocks": [block_row(kind, u)], "clusters": rows, "cluster_keys": keys})


def _place_floats(c: Connection, kind: Kind) -> None:
    """Place the spilled floating items of one kind, a spilled part at a time."""
    decided: dict[str, Choice] = {}  # signature -> where (items of one go alike)
    for data in fs.spilled(c, f"~{kind.code}"):
        items = unpack(data)
        todo = [it for it in items if kind.sig(it) not in decided]
        first = {kind.sig(it): it for it in reversed(todo)}
        chosen = choose_many(c, kind, list(first.values()))
        decided.update({sig: chosen[id(it)] for sig, it in first.items()})
        fs.save(c, {"floats": [float_row(kind, it, *decided[kind.sig(it)]) for it in items],
                    "float_keys": [r for it in items for r in float_key_rows(kind, it)]})
        if not kind.shared_sigs:
            decided.clear()  # one item per signature: nothing to remember


def _write_all(c: Connection, kind: Kind) -> int:
    """Emit and store the record of every cluster (floating items joined) and every page's
    floating leftovers; return how many were written."""
    written = 0
    for unit in fs.spilled_units(c):
        if not unit.startswith(f"{kind.code}|"):
            continue
        rows = fs.block_clusters(c, unit)
        attached: dict[str, list[tuple[Any, int]]] = defaultdict(list)
        for r in fs.floats_in(c, kind.code, [(unit, x.rank) for x in rows], data=True):
            attached[r.cluster].append((unpack(r.data), 0))
        made = []
        for x in rows:
            _, g = unpack(x.data)
            made += [(f"{unit}#{x.rank}", *m)
                     for m in kind.emit_unit([g], attached.get(x.rank, []), prints=True)]
        written += _store_records(c, kind, made)
    for part in fs.iter_alone(c, kind.code):
        by_doc: dict[str, list[Any]] = defaultdict(list)
        for r in part:
            by_doc[r.document_id].append(unpack(r.data))
        made = [(kind.page_unit(doc), *m) for doc in sorted(by_doc)
                for m in kind.emit_page(by_doc[doc], prints=True)]
        written += _store_records(c, kind, made)
    return written


def _store_records(c: Connection, kind: Kind, made: list[tuple[str, Any, str]]) -> int:
    fs.replace_records(c, kind.code, (), [{"id": x.id, "kind": kind.code, "unit": u,
                                           "print": fp} for u, x, fp in made],
                       [record_row(kind.code, x) for _, x, _ in made])
    return len(made)


def record_row(code: str, x: Any) -> dict[str, Any]:
    """Return the events (``code`` "e") or agreements table row of a record."""
    if code == "e":
        return {"id": x.id, "type": x.type, "date": x.date, "json": dumps(x)}
    return {"id": x.id, "date": x.date, "json": dumps(x)}


def block_row(kind: Kind, u: Unit) -> dict[str, Any]:
    """Return the stored row of a block."""
    return {"unit": u.name, "kind": kind.code, "cls": u.key[0], "year": u.key[1]}


def cluster_rows(kind: Kind, u: Unit, which: Iterable[int]) -> tuple[list[dict[str, Any]],
                                                                     list[dict[str, Any]]]:
    """Return the stored rows of these clusters of a block (before any floating item
    joins) and of the entity ids they name."""
    rows: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    for i in which:
        g, rank = u.groups[i], u.ranks[i]
        rows.append({"unit": u.name, "rank": rank, "print": kind.fingerprint(g),
                     "data": pack((u.members[i], g))})
        keys += [{"key": k, "role": r, "unit": u.name, "rank": rank, "kind": kind.code,
                  "cls": u.key[0], "year": u.key[1]} for k, r in sorted(kind.group_keys(g))]
    return rows, keys


def float_row(kind: Kind, it: Any, unit: str | None, rank: str | None) -> dict[str, Any]:
    """Return the stored row of a floating item and where it went."""
    return {"kind": kind.code, "document_id": kind.doc(it), "seq": it.seq, "cls": kind.cls(it),
            "sig": kind.sig(it), "unit": unit, "cluster": rank, "data": pack(it)}


def float_key_rows(kind: Kind, it: Any) -> list[dict[str, Any]]:
    """Return the rows of the raw keys a floating item names."""
    return [{"key": k, "kind": kind.code, "document_id": kind.doc(it), "seq": it.seq, "role": r}
            for k, r in sorted(kind.float_keys(it))]


def fuse_new(c: Connection, new: Iterable[Document], renamed: Mapping[str, str],
             entity_of: Mapping[str, str]) -> FusionResult:
    """Bring the stored events and agreements up to date with new documents and renamed
    entity keys (key -> its entity id before), inside the caller's transaction; return the
    records rewritten."""
    from dossier.scale.refuse import Update

    docs = [(page_of(d), d) for d in new if d.events or d.agreements]
    events, agreements = kinds(entity_of)
    return FusionResult(events=Update(c, events).run(docs, renamed),
                        agreements=Update(c, agreements).run(docs, renamed))
