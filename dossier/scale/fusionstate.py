"""Stored fusion state: blocks, their clusters one row each, the entity ids the clusters
name, floating items and where they went, which cluster or page wrote each record.

Plain SQLAlchemy Core inside the caller's transaction, for :mod:`dossier.scale.blocks`
(the full step) and :mod:`dossier.scale.refuse` (the incremental update). A cluster is
named by its block (``unit``) and its ``rank``, stable while its block is fused again;
so that one new report rewrites the rows of the clusters it changes, not its block's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from dossier.store import chunks
from dossier.store import schema as s

__all__ = ["Ref", "add_blocks", "block_clusters", "block_of", "blocks_naming", "clear_spill",
           "cluster_data", "clusters_naming", "clusters_of_class", "delete_floats",
           "float_docs", "float_first", "float_rows", "floats_alone", "floats_at",
           "floats_by_keys", "floats_in", "iter_alone", "record_prints", "replace_clusters",
           "replace_records", "save", "set_targets", "spill", "spilled", "spilled_units"]

Ref = tuple[str, str]  # (block, cluster rank)

_TABLES = {"blocks": s.fusion_blocks, "clusters": s.fusion_clusters,
           "cluster_keys": s.fusion_cluster_keys, "floats": s.fusion_floats,
           "float_keys": s.fusion_float_keys, "records": s.fusion_records}


def save(c: Connection, rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Insert fusion state rows by table (blocks, clusters, cluster_keys, floats,
    float_keys, records)."""
    for name, table in _TABLES.items():
        found = rows.get(name, [])
        for i in range(0, len(found), 2000):
            c.execute(insert(table), found[i:i + 2000])


# the full step's spill: items by block, written as documents are read

def spill(c: Connection, parts: Mapping[str, bytes]) -> None:
    """Store packed item lists by block (or ``~<kind>`` for floating items)."""
    if parts:
        c.execute(insert(s.fusion_spill), [{"unit": u, "data": d} for u, d in parts.items()])


def spilled_units(c: Connection) -> list[str]:
    """Return the blocks (and floating lists) spilled, sorted."""
    return sorted(c.scalars(select(s.fusion_spill.c.unit).distinct()))


def spilled(c: Connection, unit: str) -> Iterator[bytes]:
    """Yield the packed item lists spilled for one block, in the order written."""
    t = s.fusion_spill
    ids = list(c.scalars(select(t.c.id).where(t.c.unit == unit).order_by(t.c.id)))
    for i in ids:
        data = c.scalar(select(t.c.data).where(t.c.id == i))
        if data is not None:
            yield data


def clear_spill(c: Connection) -> None:
    """Forget the spilled items."""
    c.execute(delete(s.fusion_spill))


# clusters

def block_clusters(c: Connection, unit: str) -> list[Any]:
    """Return (rank, print, data) of every cluster of a block."""
    t = s.fusion_clusters
    return list(c.execute(select(t.c.rank, t.c.print, t.c.data).where(t.c.unit == unit)))


def cluster_data(c: Connection, refs: Collection[Ref]) -> dict[Ref, bytes]:
    """Return the packed (items, cluster) of these clusters."""
    t = s.fusion_clusters
    out: dict[Ref, bytes] = {}
    by_unit: dict[str, list[str]] = defaultdict(list)
    for unit, rank in refs:
        by_unit[unit].append(rank)
    for unit, ranks in by_unit.items():
        for part in chunks(ranks):
            out.update(((unit, r.rank), r.data) for r in c.execute(
                select(t.c.rank, t.c.data).where(t.c.unit == unit, t.c.rank.in_(part))))
    return out


def block_of(c: Connection, unit: str) -> tuple[str, int] | None:
    """Return (class, year) of a stored block, None for none."""
    b = s.fusion_blocks
    row = c.execute(select(b.c.cls, b.c.year).where(b.c.unit == unit)).first()
    return None if row is None else (row.cls, row.year)


def replace_clusters(c: Connection, stale: Collection[Ref], rows: list[dict[str, Any]],
                     keys: list[dict[str, Any]]) -> None:
    """Delete these clusters (and their keys); insert the new rows."""
    t, k = s.fusion_clusters, s.fusion_cluster_keys
    by_unit: dict[str, list[str]] = defaultdict(list)
    for unit, rank in stale:
        by_unit[unit].append(rank)
    for unit, ranks in by_unit.items():
        for part in chunks(ranks):
            c.execute(delete(t).where(t.c.unit == unit, t.c.rank.in_(part)))
            c.execute(delete(k).where(k.c.unit == unit, k.c.rank.in_(part)))
    save(c, {"clusters": rows, "cluster_keys": keys})


def clusters_naming(c: Connection, code: str, keys: Collection[str],
                    roles: Collection[str] | None = None,
                    cls: str | None = None) -> dict[Ref, int]:
    """Return (block, rank) -> year of the clusters of one kind that name any of these
    entity ids (in one of ``roles``; of class ``cls``)."""
    k = s.fusion_cluster_keys
    out: dict[Ref, int] = {}
    for part in chunks(keys):
        q = select(k.c.unit, k.c.rank, k.c.year).where(k.c.kind == code, k.c.key.in_(part))
        if roles is not None:
            q = q.where(k.c.role.in_(list(roles)))
        if cls is not None:
            q = q.where(k.c.cls == cls)
        out.update(((r.unit, r.rank), r.year) for r in c.execute(q))
    return out


def clusters_of_class(c: Connection, code: str, cls: str) -> dict[Ref, int]:
    """Return (block, rank) -> year of every cluster of one class."""
    b, t = s.fusion_blocks, s.fusion_clusters
    q = (select(t.c.unit, t.c.rank, b.c.year).join(b, b.c.unit == t.c.unit)
         .where(b.c.kind == code, b.c.cls == cls))
    return {(r.unit, r.rank): r.year for r in c.execute(q)}


def blocks_naming(c: Connection, code: str, keys: Collection[str]) -> dict[str, tuple[str, int]]:
    """Return block -> (class, year) of the blocks whose clusters name these entity ids."""
    k = s.fusion_cluster_keys
    out: dict[str, tuple[str, int]] = {}
    for part in chunks(keys):
        q = (select(k.c.unit, k.c.cls, k.c.year)
             .where(k.c.kind == code, k.c.key.in_(part)).distinct())
        out.update((r.unit, (r.cls, r.year)) for r in c.execute(q))
    return out


def add_blocks(c: Connection, rows: list[dict[str, Any]]) -> None:
    """Record blocks not stored yet."""
    b = s.fusion_blocks
    known: set[str] = set()
    for part in chunks([r["unit"] for r in rows]):
        known.update(c.scalars(select(b.c.unit).where(b.c.unit.in_(part))))
    save(c, {"blocks": [r for r in rows if r["unit"] not in known]})


# floating items

_FLOAT = (s.fusion_floats.c.document_id, s.fusion_floats.c.seq, s.fusion_floats.c.sig,
          s.fusion_floats.c.unit, s.fusion_floats.c.cluster)


def floats_in(c: Connection, code: str, refs: Collection[Ref], data: bool = False) -> list[Any]:
    """Return the floating rows of one kind that joined these clusters."""
    f = s.fusion_floats
    cols = (*_FLOAT, f.c.data) if data else _FLOAT
    by_unit: dict[str, list[str]] = defaultdict(list)
    for unit, rank in refs:
        by_unit[unit].append(rank)
    out: list[Any] = []
    for unit, ranks in by_unit.items():
        for part in chunks(ranks):
            out.extend(c.execute(select(*cols).where(f.c.unit == unit, f.c.cluster.in_(part),
                                                     f.c.kind == code)).all())
    return out


def floats_alone(c: Connection, code: str, docs: Collection[str]) -> list[Any]:
    """Return the floating rows (with data) of these pages that joined no cluster."""
    f = s.fusion_floats
    out: list[Any] = []
    for part in chunks(docs):
        out.extend(c.execute(select(*_FLOAT, f.c.data).where(
            f.c.kind == code, f.c.document_id.in_(part), f.c.unit.is_(None))).all())
    return out


def iter_alone(c: Connection, code: str, batch: int = 2000) -> Iterator[list[Any]]:
    """Yield the floating rows (with data) that joined no cluster, whole pages at a time."""
    f = s.fusion_floats
    last = ""
    while True:
        docs = list(c.scalars(select(f.c.document_id).where(
            f.c.kind == code, f.c.unit.is_(None), f.c.document_id > last).distinct()
            .order_by(f.c.document_id).limit(batch)))
        if not docs:
            return
        yield floats_alone(c, code, docs)
        last = docs[-1]


def float_first(c: Connection, code: str, sig: str) -> Any:
    """Return one stored floating row of a signature (all go alike), None for none."""
    f = s.fusion_floats
    return c.execute(select(*_FLOAT).where(f.c.kind == code, f.c.sig == sig).limit(1)).first()


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


def floats_by_keys(c: Connection, code: str, keys: Collection[str],
                   roles: Collection[str] | None = None) -> set[tuple[str, int]]:
    """Return (document, seq) of the floating items of one kind naming any of these raw
    keys (in one of ``roles``)."""
    k = s.fusion_float_keys
    out: set[tuple[str, int]] = set()
    for part in chunks(keys):
        q = select(k.c.document_id, k.c.seq).where(k.c.kind == code, k.c.key.in_(part))
        if roles is not None:
            q = q.where(k.c.role.in_(list(roles)))
        out.update((r.document_id, r.seq) for r in c.execute(q))
    return out


def floats_at(c: Connection, code: str, refs: Collection[tuple[str, int]],
              data: bool = False, any_seq: bool = False) -> list[Any]:
    """Return the floating rows of these (document, seq) (``any_seq``: of these pages)."""
    f = s.fusion_floats
    cols = (*_FLOAT, f.c.cls, f.c.data) if data else (*_FLOAT, f.c.cls)
    by_doc: dict[str, set[int]] = defaultdict(set)
    for doc, seq in refs:
        by_doc[doc].add(seq)
    out: list[Any] = []
    for part in chunks(by_doc):
        for r in c.execute(select(*cols).where(f.c.kind == code, f.c.document_id.in_(part))):
            if any_seq or r.seq in by_doc[r.document_id]:
                out.append(r)
    return out


def float_rows(c: Connection, code: str, *, refs: Collection[Ref] = (),
               classes: Collection[str] = (), keys: Collection[str] = (),
               roles: Collection[str] = (), cls: str | None = None) -> list[Any]:
    """Return one floating row per signature among those of one kind that joined these
    clusters, or are of these classes, or name one of these raw keys in one of ``roles``
    (and are of class ``cls``)."""
    f, k = s.fusion_floats, s.fusion_float_keys
    out: dict[str, Any] = {}
    for r in floats_in(c, code, refs):
        out.setdefault(r.sig, r)
    for part in chunks(classes):
        wanted = dict(c.execute(select(f.c.sig, func.min(f.c.document_id)).where(
            f.c.kind == code, f.c.cls.in_(part)).group_by(f.c.sig)).all())
        for r in floats_at(c, code, [(d, -1) for d in set(wanted.values())], any_seq=True):
            if wanted.get(r.sig) == r.document_id:
                out.setdefault(r.sig, r)
    refs_k: set[tuple[str, int]] = set()
    for part in chunks(keys):  # two plain index lookups: a join lets SQLite scan by sig
        refs_k.update((r.document_id, r.seq) for r in c.execute(
            select(k.c.document_id, k.c.seq).where(k.c.key.in_(part), k.c.kind == code,
                                                   k.c.role.in_(list(roles)))))
    for r in floats_at(c, code, refs_k):
        if cls is None or r.cls == cls:
            out.setdefault(r.sig, r)
    return [out[sig] for sig in sorted(out)]


def set_targets(c: Connection, code: str,
                by_sig: Mapping[str, tuple[str | None, str | None]]) -> None:
    """Record where the floating items of these signatures go now."""
    f = s.fusion_floats
    for sig, (unit, rank) in by_sig.items():
        c.execute(update(f).where(f.c.kind == code, f.c.sig == sig)
                  .values(unit=unit, cluster=rank))


# records

def record_prints(c: Connection, code: str,
                  units: Collection[str]) -> dict[str, tuple[str, str]]:
    """Return id -> (unit, fingerprint) of the records these clusters and pages wrote."""
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
    from dossier.store import insert_json

    table = s.events if code == "e" else s.agreements
    r = s.fusion_records
    for ids in chunks(stale):
        c.execute(delete(table).where(table.c.id.in_(ids)))
        c.execute(delete(r).where(r.c.kind == code, r.c.id.in_(ids)))
    for i in range(0, len(records), 2000):
        c.execute(insert_json(table), records[i:i + 2000])
        c.execute(insert(r), rows[i:i + 2000])
