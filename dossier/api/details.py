"""Whole-record views for one document or entity, in dossier/1 shapes with entity ids.

The store keeps document facts under provisional entity keys; the export maps them to entity
ids only for figures. These views map mentions, doc-level events and agreements the same way
so a client never sees a provisional key without its entity id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dossier.api.catalog import Catalog, Record
from dossier.model import Document
from dossier.store import figure_id
from dossier.store.codec import to_data

__all__ = ["document_detail", "entity_detail", "entity_ids"]

_CONTEXT = 80  # characters of context either side of an entity mention


def entity_ids(keys: list[str], index: Mapping[str, str]) -> list[str]:
    """Map provisional keys to entity ids, dropping unknown keys and repeats."""
    return list(dict.fromkeys(index[k] for k in keys if k in index))


def _mapped(record: Any, index: Mapping[str, str], *key_fields: str) -> Record:
    data: Record = to_data(record)
    for name in key_fields:
        value = data.get(name)
        if isinstance(value, list):
            data[name] = entity_ids(value, index)
        elif value is not None:
            data[name] = index.get(value)
    return data


def document_detail(catalog: Catalog, doc_id: str) -> Record | None:
    """Return a document with its text, sentences, boilerplate and every fact, or None."""
    doc = catalog.store.get_document(doc_id)
    if doc is None:
        return None
    snap = catalog.snapshot()
    index = catalog.store.entity_index()
    base = snap.documents.get(doc.id) or {"id": doc.id, "source": doc.source}
    return {
        **base,
        "text": doc.text,
        "boilerplate": doc.boilerplate,
        "references": doc.references,
        "sentences": [{"start": x.start, "end": x.end, "paragraph": x.paragraph}
                      for x in doc.sentences],
        "mentions": [{**to_data(m), "entity": index.get(m.key)} for m in doc.mentions],
        "figures": [{**(snap.figure(fid) if fid in snap.figures else to_data(f)),
                     "start": f.start, "end": f.end} for fid, f in _figures(doc)],
        "events": [_mapped(e, index, "actors", "place") for e in doc.events],
        "agreements": [_mapped(a, index, "parties") for a in doc.agreements],
    }


def _figures(doc: Document) -> list[tuple[str, Any]]:
    return [(figure_id(doc.id, i), f) for i, f in enumerate(doc.figures)]


def entity_detail(catalog: Catalog, entity_id: str) -> Record | None:
    """Return an entity with every mention in context, its events and agreements, or None."""
    snap = catalog.snapshot()
    entity = snap.entities.get(entity_id)
    if entity is None:
        return None
    keys = {k for k, v in catalog.store.entity_index().items() if v == entity_id}
    mentions = []
    for doc_id in entity.get("documents", []):
        doc = catalog.store.get_document(doc_id, facts=True)
        if doc is None:
            continue
        for m in doc.mentions:
            if m.key in keys:
                placed = m.start >= 0  # a byline author removed from the text has no place
                mentions.append({
                    "document": doc.id, "language": doc.language, "sentence": m.sentence,
                    "start": m.start, "end": m.end, "text": m.text, "source": m.source,
                    "before": doc.text[max(0, m.start - _CONTEXT):m.start] if placed else "",
                    "after": doc.text[m.end:m.end + _CONTEXT] if placed else ""})
    return {**entity, "keys": sorted(keys), "mentions": mentions,
            "events": catalog.events(entity=entity_id),
            "agreements": catalog.agreements(entity=entity_id)}
