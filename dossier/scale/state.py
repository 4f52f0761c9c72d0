"""Stored corpus state: per-key resolver records, blocks, documents counted, figure buckets.

Plain SQLAlchemy Core on the store's engine, inside the caller's transaction, so that the
corpus results and the state they were derived from change together.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Text, cast, delete, insert, select

from dossier.model import Figure, FigureRef
from dossier.resolve import groups as grp
from dossier.scale.entities import KeyStat, blocks_of
from dossier.store import chunks, insert_json
from dossier.store import schema as s
from dossier.store.codec import dumps, from_data, loads


def has_state(c: Connection) -> bool:
    """Tell whether the corpus state was written (by a full update)."""
    return c.execute(select(s.corpus_documents.c.document_id).limit(1)).first() is not None


def new_documents(c: Connection) -> list[str]:
    """Return the stored documents the corpus results do not include yet."""
    q = select(s.documents.c.id).where(
        ~s.documents.c.id.in_(select(s.corpus_documents.c.document_id)))
    return list(c.scalars(q.order_by(s.documents.c.id)))


def load_stats(c: Connection, keys: Collection[str]) -> dict[str, KeyStat]:
    """Return the stored records of these keys."""
    out = {}
    for part in chunks(keys):
        for r in c.execute(select(s.key_stats).where(s.key_stats.c.key.in_(part))):
            out[r.key] = KeyStat.from_data(r.key, r.type, r.first, r.data)
    return out


def keys_in_blocks(c: Connection, blocks: Collection[str]) -> set[str]:
    """Return the stored keys that fall into any of these blocks."""
    out: set[str] = set()
    for part in chunks(blocks):
        out.update(c.scalars(select(s.key_blocks.c.key).where(s.key_blocks.c.block.in_(part))))
    return out


def entity_keys_of(c: Connection, keys: Collection[str]) -> dict[str, str]:
    """Return key -> entity id for these keys."""
    out: dict[str, str] = {}
    for part in chunks(keys):
        out.update((r.key, r.entity_id) for r in c.execute(
            select(s.entity_keys).where(s.entity_keys.c.key.in_(part))))
    return out


def keys_of_entities(c: Connection, ids: Collection[str]) -> set[str]:
    """Return every key merged into these entities."""
    out: set[str] = set()
    for part in chunks(ids):
        out.update(c.scalars(select(s.entity_keys.c.key)
                             .where(s.entity_keys.c.entity_id.in_(part))))
    return out


def documents_of_keys(c: Connection, keys: Collection[str]) -> dict[str, set[str]]:
    """Return key -> ids of the documents that mention it."""
    out: dict[str, set[str]] = defaultdict(set)
    for part in chunks(keys):
        q = select(s.mentions.c.key, s.mentions.c.document_id).where(
            s.mentions.c.key.in_(part)).distinct()
        for r in c.execute(q):
            out[r.key].add(r.document_id)
    return out


def save_stats(c: Connection, stats: Iterable[KeyStat]) -> None:
    """Replace the records and blocks of these keys."""
    rows = list(stats)
    keys = [st.key for st in rows]
    for part in chunks(keys):
        c.execute(delete(s.key_stats).where(s.key_stats.c.key.in_(part)))
        c.execute(delete(s.key_blocks).where(s.key_blocks.c.key.in_(part)))
    if rows:
        c.execute(insert_json(s.key_stats), [{"key": st.key, "type": st.info.type,
                                              "first": st.first, "json": dumps(st.to_data())}
                                        for st in rows])
        blocks = [{"block": b, "key": st.key} for st in rows for b in sorted(blocks_of(st))]
        if blocks:
            c.execute(insert(s.key_blocks), blocks)


def mark_counted(c: Connection, ids: Collection[str]) -> None:
    """Record that the corpus results include these documents."""
    if ids:
        c.execute(insert(s.corpus_documents), [{"document_id": i} for i in ids])


def json_bucket(bucket: grp.BucketKey) -> str:
    """Return a bucket key as text."""
    return json.dumps(list(bucket), ensure_ascii=False)


def bucket_of(ref: FigureRef) -> str | None:
    """Return a figure's group bucket as text (entity-independent), None when ungrouped."""
    placed = grp._place(ref, {})
    return json_bucket(placed[0]) if placed else None


def save_buckets(c: Connection, refs: Iterable[FigureRef]) -> None:
    """Remember the bucket of each grouped figure."""
    rows = [{"figure_id": r.id, "bucket": b} for r in refs if (b := bucket_of(r))]
    if rows:
        c.execute(insert(s.figure_buckets), rows)


def figures_in_buckets(c: Connection, buckets: Collection[str]) -> list[FigureRef]:
    """Return the stored figures of these buckets, in store order."""
    out: list[Any] = []
    for part in chunks(buckets):
        q = (select(s.figures.c.id, s.figures.c.document_id, s.figures.c.seq,
                    cast(s.figures.c.data, Text).label("data"))
             .join(s.figure_buckets, s.figure_buckets.c.figure_id == s.figures.c.id)
             .where(s.figure_buckets.c.bucket.in_(part)))
        out.extend(c.execute(q).all())
    out.sort(key=lambda r: (r.document_id, r.seq))
    return [FigureRef(id=r.id, document=r.document_id, figure=from_data(Figure, loads(r.data)))
            for r in out]


def buckets_of_documents(c: Connection, ids: Collection[str]) -> set[str]:
    """Return the buckets of the figures of these documents."""
    out: set[str] = set()
    for part in chunks(ids):
        q = (select(s.figure_buckets.c.bucket)
             .join(s.figures, s.figure_buckets.c.figure_id == s.figures.c.id)
             .where(s.figures.c.document_id.in_(part)))
        out.update(c.scalars(q))
    return out


def conflicts_of_buckets(c: Connection, buckets: Collection[str]) -> set[str]:
    """Return the ids of the stored conflicts found in these buckets."""
    out: set[str] = set()
    for part in chunks(buckets):
        out.update(c.scalars(select(s.conflict_buckets.c.conflict_id)
                             .where(s.conflict_buckets.c.bucket.in_(part))))
    return out


def entity_names(c: Connection) -> Mapping[str, str]:
    """Return entity id -> display name."""
    return {r.id: r.name for r in c.execute(select(s.entities.c.id, s.entities.c.name))}
