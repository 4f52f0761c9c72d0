"""The dossier/1 records of each table, streamed from the store in batches.

Every writer (JSON, CSV, Parquet, the API's in-memory snapshot) reads the same batches, so
the formats cannot drift apart, and none of them holds more than one batch of a table.
Records are built from the stored JSON data as decoded, without the typed model records in
between (``codec.as_data`` normalises rows written by older versions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from typing import Any, TypeVar

from dossier.model import Agreement, Conflict, Document, Entity, Event, Figure
from dossier.store import Store, figure_id
from dossier.store.codec import as_data

FORMAT = "dossier/1"
TABLES = ("documents", "entities", "figures", "events", "agreements", "conflicts")
BATCH = 1000  # documents per batch; figures come by about 2000, corpus rows by 500

Record = dict[str, Any]
T = TypeVar("T")


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


# Per table: the model class whose field types the columns have, and the columns in order.
COLUMNS: dict[str, tuple[type, tuple[str, ...]]] = {
    "documents": (Document, ("id", "source", "title", "language", "published", "outlet",
                             "author", "url", "duplicate_of")),
    "entities": (Entity, ("id", "name", "type", "aliases", "documents")),
    "figures": (Figure, ("id", "document", "quote", "value", "unit", "measure", "metric",
                         "period", "kind", "approx", "speaker", "subjects", "surface",
                         "upper", "vague", "sentence")),
    "events": (Event, _names(Event)),
    "agreements": (Agreement, _names(Agreement)),
    "conflicts": (Conflict, _names(Conflict)),
}


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield lists of up to ``size`` items."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ids(keys: list[str], index: Mapping[str, str]) -> list[str]:
    """Map entity keys to entity ids, unknown keys left out, each id once, in order."""
    out: list[str] = []
    for k in keys:
        eid = index.get(k)
        if eid and eid not in out:
            out.append(eid)
    return out


def documents(store: Store) -> Iterator[list[Record]]:
    """Yield the document records (by id): their columns, never the text or the facts."""
    names = COLUMNS["documents"][1]
    for rows in store.iter_document_columns(names, batch=BATCH):
        yield [dict(zip(names, row, strict=True)) for row in rows]


def _figure(doc_id: str, seq: int, f: dict[str, Any], index: Mapping[str, str]) -> Record:
    """Return the export record of one stored figure (KeyError: a field it lacks)."""
    speaker, subjects = f["speaker"], f["subjects"]
    return {
        "id": figure_id(doc_id, seq), "document": doc_id, "quote": f["quote"],
        "value": f["value"], "unit": f["unit"], "measure": f["measure"],
        "metric": f["metric"], "period": f["period"], "kind": f["kind"],
        "approx": f["approx"], "speaker": index.get(speaker) if speaker else None,
        "subjects": _ids(subjects, index) if subjects else [], "surface": f["surface"],
        "upper": f["upper"], "vague": f["vague"], "sentence": f["sentence"],
    }


def figures(store: Store) -> Iterator[list[Record]]:
    """Yield the figure records (by document, then position), entity keys mapped to ids."""
    index = store.entity_index()
    out: list[Record] = []
    doc, seq = "", 0
    for doc_id, data in store.iter_fact_data("figures"):
        seq = seq + 1 if doc_id == doc else 0  # the figure's position in its document
        doc = doc_id
        try:  # the record reads only the fields it shows: a current row has them all
            out.append(_figure(doc_id, seq, data, index))
        except KeyError:  # a row of an older version: its defaults filled in
            out.append(_figure(doc_id, seq, as_data(Figure, data), index))
        if len(out) >= 2 * BATCH:
            yield out
            out = []
    if out:
        yield out


def entities(store: Store) -> Iterator[list[Record]]:
    """Yield the entity records (by name): what the export shows, not the merged keys."""
    for batch in store.iter_corpus_data("entities"):
        rows = [as_data(Entity, e) for e in batch]
        yield [{"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"],
                "documents": e["documents"]} for e in rows]


def _corpus(table: str, cls: type) -> Callable[[Store], Iterator[list[Record]]]:
    def read(store: Store) -> Iterator[list[Record]]:
        for batch in store.iter_corpus_data(table):
            yield [as_data(cls, r) for r in batch]

    read.__doc__ = f"Yield the {table} records, every field, in the store's order."
    return read


READERS: dict[str, Callable[[Store], Iterator[list[Record]]]] = {
    "documents": documents, "entities": entities, "figures": figures,
    "events": _corpus("events", Event), "agreements": _corpus("agreements", Agreement),
    "conflicts": _corpus("conflicts", Conflict),
}


def iter_batches(store: Store, table: str) -> Iterator[list[Record]]:
    """Yield the records of one table of ``TABLES`` in export order, in batches."""
    return READERS[table](store)
