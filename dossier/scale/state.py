"""Stored corpus state: per-key resolver records, blocks, documents counted, figure buckets.

Plain SQLAlchemy Core on the store's engine, inside the caller's transaction, so that the
corpus results and the state they were derived from change together. The fusion state
(``fusion_*`` tables) is read and written by :mod:`dossier.scale.fusionstate`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Text, cast, delete, func, insert, select

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


def iter_figure_refs(engine: Engine, batch: int = 500) -> Iterator[list[FigureRef]]:
    """Yield the stored figures (near-duplicate documents left out), the figures of
    ``batch`` documents at a time, in (document, seq) order."""
    d, f = s.documents, s.figures
    last = ""
    while True:
        with engine.connect() as c:
            ids = list(c.scalars(select(d.c.id).where(d.c.id > last, d.c.duplicate_of.is_(None))
                                 .order_by(d.c.id).limit(batch)))
            if not ids:
                return
            rows = c.execute(select(f.c.id, f.c.document_id, cast(f.c.data, Text).label("data"))
                             .where(f.c.document_id.in_(ids))
                             .order_by(f.c.document_id, f.c.seq)).all()
        yield [FigureRef(id=r.id, document=r.document_id,
                         figure=from_data(Figure, loads(r.data))) for r in rows]
        last = ids[-1]


def bucket_slices(c: Connection, size: int = 20000) -> Iterator[list[str]]:
    """Yield the stored figure buckets in slices of about ``size`` figures."""
    b = s.figure_buckets
    part: list[str] = []
    count = 0
    counts = c.execute(select(b.c.bucket, func.count()).group_by(b.c.bucket)
                       .order_by(b.c.bucket)).all()
    for bucket, n in counts:
        part.append(bucket)
        count += n
        if count >= size:
            yield part
            part, count = [], 0
    if part:
        yield part


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


# Entity ids that fusion relabels (dossier.scale.refuse)

def relabelled(c: Connection, renamed: Mapping[str, str]) -> dict[str, str]:
    """Return old id -> new id of the entities that only changed their id: every key they
    had moved to one new entity, which has no other key (fusion compares ids only for
    equality, so it fuses their reports alike)."""
    by_old: dict[str, set[str]] = defaultdict(set)
    for key, old in renamed.items():
        by_old[old].add(key)
    now = entity_keys_of(c, renamed)
    out: dict[str, str] = {}
    for old, keys in by_old.items():
        new = {now.get(k) for k in keys}
        if len(new) != 1 or keys_of_entities(c, {old}):  # split, or some key kept it
            continue
        target = new.pop()
        if target is not None and keys_of_entities(c, {target}) == keys:
            out[old] = target
    return out
