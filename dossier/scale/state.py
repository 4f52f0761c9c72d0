"""Stored corpus state: per-key resolver records, blocks, documents counted, figure buckets.

Plain SQLAlchemy Core on the store's engine, inside the caller's transaction, so that the
corpus results and the state they were derived from change together. The fusion state
(``fusion_*`` tables: blocks, floating items, which block wrote which record) is read and
written for :mod:`dossier.scale.blocks` and :mod:`dossier.scale.refuse`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Text, cast, delete, func, insert, select, update

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


# Fusion state (dossier.scale.blocks, dossier.scale.refuse)

def save_fusion(c: Connection, rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Insert the fusion state rows of a full step, by table (blocks, block_keys, floats,
    float_keys, records)."""
    tables = {"blocks": s.fusion_blocks, "block_keys": s.fusion_block_keys,
              "floats": s.fusion_floats, "float_keys": s.fusion_float_keys,
              "records": s.fusion_records}
    for name, table in tables.items():
        found = rows.get(name, [])
        for i in range(0, len(found), 5000):
            c.execute(insert(table), found[i:i + 5000])


def load_block(c: Connection, unit: str) -> bytes | None:
    """Return the packed state of a block, None for a block not made yet."""
    return c.scalar(select(s.fusion_blocks.c.data).where(s.fusion_blocks.c.unit == unit))


def replace_blocks(c: Connection, blocks: list[dict[str, Any]],
                   keys: list[dict[str, Any]]) -> None:
    """Replace the state and keys of these blocks."""
    units = [b["unit"] for b in blocks]
    for part in chunks(units):
        c.execute(delete(s.fusion_blocks).where(s.fusion_blocks.c.unit.in_(part)))
        c.execute(delete(s.fusion_block_keys).where(s.fusion_block_keys.c.unit.in_(part)))
    if blocks:
        c.execute(insert(s.fusion_blocks), blocks)
    if keys:
        c.execute(insert(s.fusion_block_keys), keys)


def blocks_naming(c: Connection, code: str, keys: Collection[str],
                  roles: Collection[str] | None = None,
                  cls: str | None = None) -> dict[str, tuple[str, int]]:
    """Return unit -> (class, year) of the blocks of one kind whose clusters name any of
    these entity ids (in one of ``roles``; of class ``cls``)."""
    b, k = s.fusion_blocks, s.fusion_block_keys
    out: dict[str, tuple[str, int]] = {}
    for part in chunks(keys):
        q = (select(b.c.unit, b.c.cls, b.c.year).join(k, k.c.unit == b.c.unit)
             .where(b.c.kind == code, k.c.key.in_(part)).distinct())
        if roles is not None:
            q = q.where(k.c.role.in_(list(roles)))
        if cls is not None:
            q = q.where(b.c.cls == cls)
        out.update((r.unit, (r.cls, r.year)) for r in c.execute(q))
    return out


def blocks_of_class(c: Connection, code: str, cls: str) -> dict[str, tuple[str, int]]:
    """Return unit -> (class, year) of every block of one class."""
    b = s.fusion_blocks
    return {r.unit: (r.cls, r.year) for r in c.execute(
        select(b.c.unit, b.c.cls, b.c.year).where(b.c.kind == code, b.c.cls == cls))}


def floats(c: Connection, code: str, *, units: Collection[str] = (),
           docs: Collection[str] = (), sigs: Collection[str] = (),
           alone: bool = False) -> list[Any]:
    """Return the floating rows of one kind that joined these blocks, or of these pages
    (``alone``: only those that joined none), or with these signatures."""
    f = s.fusion_floats
    cols = (f.c.document_id, f.c.seq, f.c.sig, f.c.unit, f.c.number, f.c.data)
    out: list[Any] = []
    for column, values in ((f.c.unit, units), (f.c.document_id, docs), (f.c.sig, sigs)):
        for part in chunks(values):
            q = select(*cols).where(f.c.kind == code, column.in_(part))
            if alone:
                q = q.where(f.c.unit.is_(None))
            out.extend(c.execute(q).all())
    return out


def float_first(c: Connection, code: str, sig: str) -> Any:
    """Return one stored floating row of a signature (all go alike), None for none."""
    f = s.fusion_floats
    return c.execute(select(f.c.document_id, f.c.seq, f.c.sig, f.c.unit, f.c.number, f.c.data)
                     .where(f.c.kind == code, f.c.sig == sig).limit(1)).first()


def float_docs(c: Connection, code: str, sig: str) -> set[str]:
    """Return the documents of the floating items of a signature."""
    f = s.fusion_floats
    return set(c.scalars(select(f.c.document_id).where(f.c.kind == code, f.c.sig == sig)))


def delete_floats(c: Connection, code: str, refs: Collection[tuple[str, int]]) -> None:
    """Forget these floating items (they are placed again)."""
    f, k = s.fusion_floats, s.fusion_float_keys
    for doc, seq in refs:
        c.execute(delete(f).where(f.c.kind == code, f.c.document_id == doc, f.c.seq == seq))
        c.execute(delete(k).where(k.c.kind == code, k.c.document_id == doc, k.c.seq == seq))


def floats_by_keys(c: Connection, code: str, keys: Collection[str]) -> set[tuple[str, int]]:
    """Return (document, seq) of the floating items of one kind naming any of these raw
    keys."""
    k = s.fusion_float_keys
    out: set[tuple[str, int]] = set()
    for part in chunks(keys):
        q = select(k.c.document_id, k.c.seq).where(k.c.kind == code, k.c.key.in_(part))
        out.update((r.document_id, r.seq) for r in c.execute(q))
    return out


def float_rows(c: Connection, code: str, *, units: Collection[str] = (),
               classes: Collection[str] = (), keys: Collection[str] = (),
               roles: Collection[str] = (), cls: str | None = None) -> list[Any]:
    """Return (document_id, seq, sig, unit, number) of one floating item per signature
    among those of one kind that joined these blocks, or are of these classes, or name one
    of these raw keys in one of ``roles`` (and are of class ``cls``)."""
    f, k = s.fusion_floats, s.fusion_float_keys
    wanted: dict[str, str] = {}  # signature -> a document with an item of it
    for column, values in ((f.c.unit, units), (f.c.cls, classes)):
        for part in chunks(values):
            q = (select(f.c.sig, func.min(f.c.document_id))
                 .where(f.c.kind == code, column.in_(part)).group_by(f.c.sig))
            wanted.update((sig, doc) for sig, doc in c.execute(q))
    refs: set[tuple[str, int]] = set()
    for part in chunks(keys):  # two plain index lookups: a join lets SQLite scan by sig
        refs.update((r.document_id, r.seq) for r in c.execute(
            select(k.c.document_id, k.c.seq).where(k.c.key.in_(part), k.c.kind == code,
                                                   k.c.role.in_(list(roles)))))
    docs = {d for d, _ in refs} | set(wanted.values())
    out: dict[str, Any] = {}
    for part in chunks(docs):
        for r in c.execute(select(f.c.document_id, f.c.seq, f.c.sig, f.c.unit, f.c.number,
                                  f.c.cls).where(f.c.kind == code, f.c.document_id.in_(part))):
            if wanted.get(r.sig) == r.document_id or (
                    (r.document_id, r.seq) in refs and (cls is None or r.cls == cls)):
                out.setdefault(r.sig, r)
    return [out[sig] for sig in sorted(out)]


def float_data(c: Connection, code: str,
               refs: Collection[tuple[str, int]]) -> dict[tuple[str, int], bytes]:
    """Return the packed items of these floating (document, seq)."""
    f = s.fusion_floats
    wanted = set(refs)
    out: dict[tuple[str, int], bytes] = {}
    for part in chunks({d for d, _ in wanted}):
        for r in c.execute(select(f.c.document_id, f.c.seq, f.c.data)
                           .where(f.c.kind == code, f.c.document_id.in_(part))):
            if (r.document_id, r.seq) in wanted:
                out[(r.document_id, r.seq)] = r.data
    return out


def floats_at(c: Connection, code: str, refs: Collection[tuple[str, int]]) -> list[Any]:
    """Return the floating rows of these (document, seq)."""
    by_doc: dict[str, set[int]] = defaultdict(set)
    for doc, seq in refs:
        by_doc[doc].add(seq)
    rows = floats(c, code, docs=list(by_doc))
    return [r for r in rows if r.seq in by_doc[r.document_id]]


def set_targets(c: Connection, code: str,
                by_sig: Mapping[str, tuple[str | None, int | None]]) -> None:
    """Record where the floating items of these signatures go now."""
    f = s.fusion_floats
    for sig, (unit, number) in by_sig.items():
        c.execute(update(f).where(f.c.kind == code, f.c.sig == sig)
                  .values(unit=unit, number=number))


def record_prints(c: Connection, code: str,
                  units: Collection[str]) -> dict[str, tuple[str, str]]:
    """Return id -> (unit, fingerprint) of the records these blocks and pages wrote."""
    r = s.fusion_records
    out: dict[str, tuple[str, str]] = {}
    for part in chunks(units):
        out.update((x.id, (x.unit, x.print)) for x in c.execute(
            select(r.c.id, r.c.unit, r.c.print).where(r.c.kind == code, r.c.unit.in_(part))))
    return out


def replace_records(c: Connection, code: str, stale: Collection[str],
                    rows: list[dict[str, Any]], records: list[dict[str, Any]]) -> None:
    """Delete these events (``code`` "e") or agreements ("a"), then insert ``records``
    (rows for the events/agreements table), remembered in ``rows`` (fusion_records)."""
    table = s.events if code == "e" else s.agreements
    r = s.fusion_records
    for ids in chunks(stale):
        c.execute(delete(table).where(table.c.id.in_(ids)))
        c.execute(delete(r).where(r.c.kind == code, r.c.id.in_(ids)))
    if records:
        c.execute(insert_json(table), records)
        c.execute(insert(r), rows)


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
