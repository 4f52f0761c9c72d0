"""Event and agreement fusion over the store, block by block, with the state that lets a
build re-fuse only the blocks its new documents touch.

Fusion (:mod:`dossier.resolve.events`, :mod:`dossier.resolve.agreements`) is local: a
block (event type class or agreement kind, year placed) is fused from its own reports
alone; a floating report (no year placed) joins the best cluster of any block of its class,
as the blocks formed them, else fuses with its own page's other floating reports. So the
state kept (``fusion_*`` tables) is: each block's items and clusters before floating
reports join (packed), the entity ids its clusters name, each floating item with the
cluster it joined, and which block or page wrote each stored event and agreement.

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
from dossier.scale.kinds import Agreements, Events, Kind, Unit, pack, records_of
from dossier.store import Store

__all__ = ["FusionResult", "fuse_all", "fuse_new", "stream_pages"]

Rows = dict[str, list[dict[str, Any]]]


@dataclass(slots=True)
class FusionResult:
    """The events and agreements a fusion step wrote (all, or those of changed blocks)."""

    events: list[Event] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)


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


def fuse_all(store: Store, entity_of: Mapping[str, str],
             done: set[str]) -> tuple[FusionResult, Rows]:
    """Fuse the events and agreements of every stored document of ``done``; return them
    and the fusion state rows by table (for ``state.save_fusion``)."""
    both = kinds(entity_of)
    items: tuple[list[Any], list[Any]] = ([], [])
    for doc in stream_pages(store, done):
        page = page_of(doc)
        for kind, found in zip(both, items, strict=True):
            found += kind.items(page, doc)
    result = FusionResult()
    rows: Rows = defaultdict(list)
    result.events = _fuse_kind(both[0], items[0], rows)
    result.agreements = _fuse_kind(both[1], items[1], rows)
    result.events.sort(key=lambda e: (e.date or "", e.id))
    return result, rows


def _fuse_kind(kind: Kind, items: list[Any], rows: Rows) -> list[Any]:
    """Fuse one kind's items block by block, place the floating ones, emit the records."""
    by_block: dict[tuple[str, int], list[Any]] = defaultdict(list)
    floating: list[Any] = []
    for it in items:
        key = kind.block(it)
        (floating if key is None else by_block[key]).append(it)
    units = [Unit(kind.name(key), key, by_block[key], kind.fuse(by_block[key]))
             for key in sorted(by_block)]
    by_class: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        rows["blocks"].append(block_row(kind, u))
        rows["block_keys"] += block_key_rows(kind, u)
        by_class[u.key[0]].append(u)
    attached: dict[str, list[tuple[Any, int]]] = defaultdict(list)
    alone: dict[str, list[Any]] = defaultdict(list)
    for it, (unit, number) in zip(floating, kind.choose_all(floating, by_class), strict=True):
        rows["floats"].append(float_row(kind, it, unit, number))
        rows["float_keys"] += float_key_rows(kind, it)
        if unit is None or number is None:
            alone[kind.doc(it)].append(it)
        else:
            attached[unit].append((it, number))
    out: list[Any] = []
    for u in units:
        made = kind.emit_unit(u.groups, attached.get(u.name, []), prints=True)
        out += [x for x, _ in made]
        rows["records"] += records_of(kind, made, u.name)
    for doc in sorted(alone):
        made = kind.emit_page(alone[doc], prints=True)
        out += [x for x, _ in made]
        rows["records"] += records_of(kind, made, kind.page_unit(doc))
    return out


def block_row(kind: Kind, u: Unit) -> dict[str, Any]:
    """Return the stored row of a block (packed before any floating item joins)."""
    return {"unit": u.name, "kind": kind.code, "cls": u.key[0], "year": u.key[1],
            "data": pack((u.items, u.groups))}


def block_key_rows(kind: Kind, u: Unit) -> list[dict[str, Any]]:
    """Return the rows of the entity ids a block's clusters name."""
    keys = {kr for g in u.groups for kr in kind.group_keys(g)}
    return [{"key": k, "unit": u.name, "role": r} for k, r in sorted(keys)]


def float_row(kind: Kind, it: Any, unit: str | None, number: int | None) -> dict[str, Any]:
    """Return the stored row of a floating item and where it went."""
    return {"kind": kind.code, "document_id": kind.doc(it), "seq": it.seq, "cls": kind.cls(it),
            "sig": kind.sig(it), "unit": unit, "number": number, "data": pack(it)}


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
