"""Corpus-level steps over the store: entity resolution, event and agreement fusion, conflicts.

``update_corpus(store)`` brings the corpus results up to date with the stored documents.
The first time (or with ``full=True``) it derives everything from all documents, reading
them a batch at a time; after that it is incremental (:mod:`dossier.scale`): only the
entity keys that can change are re-resolved, only the figure buckets that new figures (or
renamed entities) touch are regrouped for conflicts, and only the fusion blocks (event type
class or agreement kind, year) that new reports or renamed entities touch are re-fused
(:mod:`dossier.scale.blocks`). The results equal a full rebuild on the same documents
(tests/test_corpus_incremental.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from dossier.model import Agreement, Conflict, Document, Entity, Event, FigureRef
from dossier.resolve.entities import resolve_entities
from dossier.resolve.figures import conflict_id, find_conflicts
from dossier.resolve.groups import FigureGroup, GroupIndex
from dossier.scale import state as st
from dossier.scale.blocks import fuse_all, fuse_new
from dossier.scale.entities import IdCollision, KeyStat, collect_stats, resolve_stats
from dossier.store import Store, figure_id, insert_json
from dossier.store import schema as s
from dossier.store.codec import dumps
from dossier.store.locks import corpus_lock


@dataclass(slots=True, kw_only=True)
class CorpusResult:
    """What the corpus-level steps (re)wrote: all results, or after an incremental update
    the entities, conflicts, events and agreements that changed. A full step leaves the
    events and agreements in the store only (``events_written``, ``agreements_written``
    count them): holding a large corpus's records would bound its memory by the corpus."""

    entities: list[Entity]
    events: list[Event]
    agreements: list[Agreement]
    conflicts: list[Conflict]
    incremental: bool = False
    events_written: int = 0
    agreements_written: int = 0


def update_corpus(store: Store, *, full: bool = False) -> CorpusResult:
    """Bring entities, fused events/agreements and conflicts up to date, and store them.

    Pass ``full=True`` after documents were replaced in place (``build --force``): the
    incremental path only knows which documents are new.
    """
    with corpus_lock(store.engine):  # concurrent builds: one corpus step at a time
        with store.engine.connect() as c:
            incremental = not full and st.has_state(c)
            new = st.new_documents(c) if incremental else []
        if incremental:
            try:
                return _incremental(store, new)
            except _Rebuild:
                pass
        return _full(store)


class _Rebuild(Exception):
    """The incremental path cannot give the rebuild's answer here; rebuild instead."""


def _full(store: Store) -> CorpusResult:
    """Derive everything from the stored documents, reading them a batch at a time."""
    stats: dict[str, KeyStat] = {}
    loaded: list[str] = []
    # the resolver reads the text (short org aliases): one batch in memory, not the corpus
    for doc in store.iter_documents(facts=("mentions",), batch=200):
        for key, rec in collect_stats([doc]).items():
            if key in stats:
                stats[key].merge(rec)
            else:
                stats[key] = rec
        loaded.append(doc.id)
    done = set(loaded)  # a concurrent build may add documents meanwhile: not these
    with store.engine.connect() as c:
        mentioned = {k: ds & done for k, ds in st.documents_of_keys(c, stats).items()}
    try:
        entities = resolve_stats(list(stats.values()), mentioned)
    except IdCollision:  # two entities named alike: the resolver's own tie-break decides
        entities = resolve_entities([d for d in store.iter_documents() if d.id in done])
    index = {k: e.id for e in entities for k in e.keys}
    # State is written as each part is done, and freed: the documents counted come last, so
    # a step cut short leaves a store whose next step rebuilds everything.
    with store.engine.begin() as c:
        for table in s.STATE_TABLES:
            c.execute(delete(table))
        st.save_stats(c, stats.values())
    del stats, mentioned
    conflicts, conflict_buckets = _all_conflicts(store, index, entities, done)
    store.replace_corpus(entities=entities, events=[], agreements=[], conflicts=conflicts)
    # fusion writes the events, agreements and its state itself, a block at a time
    fused = fuse_all(store, index, done)
    with store.engine.begin() as c:
        if conflict_buckets:
            c.execute(insert(s.conflict_buckets), conflict_buckets)
        st.mark_counted(c, loaded)
    return CorpusResult(entities=entities, events=[], agreements=[], conflicts=conflicts,
                        events_written=fused.written_events,
                        agreements_written=fused.written_agreements)


def _all_conflicts(store: Store, index: dict[str, str], entities: Sequence[Entity],
                   done: set[str]) -> tuple[list[Conflict], list[dict[str, str]]]:
    """Group every figure and find the conflicts, a slice of buckets at a time (figures
    group only within their bucket): store the figures' buckets, return the conflicts and
    their bucket rows. Memory holds one slice of figures, not the corpus's."""
    for refs in st.iter_figure_refs(store.engine):
        with store.engine.begin() as c:
            st.save_buckets(c, [r for r in refs if r.document in done])
    names = {e.id: e.name for e in entities}
    conflicts: list[Conflict] = []
    rows: list[dict[str, str]] = []
    with store.engine.connect() as c:
        for part in st.bucket_slices(c):
            groups = GroupIndex(index)
            groups.add(st.figures_in_buckets(c, part))
            found = _conflicts(groups.groups(), index, names)
            bucket = {conflict_id(g.key): st.json_bucket(g.bucket) for g in groups.groups()}
            rows += [{"conflict_id": x.id, "bucket": bucket[x.id]} for x in found]
            conflicts += found
    return conflicts, rows


def _conflicts(groups: Iterable[FigureGroup], index: dict[str, str],
               names: dict[str, str]) -> list[Conflict]:
    return find_conflicts(groups, entity_of=index, names=names)


def _save_conflict_buckets(c: Connection, groups: Iterable[FigureGroup],
                           conflicts: Sequence[Conflict]) -> None:
    bucket = {conflict_id(g.key): st.json_bucket(g.bucket) for g in groups}
    if conflicts:
        c.execute(insert(s.conflict_buckets), [{"conflict_id": x.id, "bucket": bucket[x.id]}
                                               for x in conflicts])


def _incremental(store: Store, new_ids: list[str]) -> CorpusResult:
    docs = [d for i in new_ids if (d := store.get_document(i)) is not None]
    with store.engine.begin() as c:
        entities, renamed = _update_entities(c, docs)
        index = {r.key: r.entity_id for r in c.execute(select(s.entity_keys))}
        names = dict(st.entity_names(c))
        conflicts = _update_conflicts(c, docs, set(renamed), index, names)
        st.mark_counted(c, new_ids)
        # fusion reads events, agreements and entity ids: re-fuse the blocks new reports or
        # renamed keys touch (nothing when there are none)
        fused = fuse_new(c, docs, renamed, index)
    return CorpusResult(entities=entities, events=fused.events, agreements=fused.agreements,
                        conflicts=conflicts, incremental=True,
                        events_written=len(fused.events),
                        agreements_written=len(fused.agreements))


def _closure(c: Connection, stats: dict[str, KeyStat]) -> dict[str, KeyStat]:
    """Extend ``stats`` (merged records of the new keys) to every key whose entity may change."""
    from dossier.scale.entities import blocks_of

    frontier = set(stats)
    done: set[str] = set()
    while frontier:
        done |= frontier
        blocks = {b for k in frontier for b in blocks_of(stats[k])}
        more = st.keys_in_blocks(c, blocks) | frontier
        more |= st.keys_of_entities(c, set(st.entity_keys_of(c, more).values()))
        frontier = more - done
        stats.update(st.load_stats(c, frontier))
    return stats


def _update_entities(c: Connection,
                     docs: Sequence[Document]) -> tuple[list[Entity], dict[str, str]]:
    """Re-resolve the keys new documents can change; return the new entities and the keys
    whose entity id changed, with the id before."""
    new = collect_stats(docs)
    stats = st.load_stats(c, new)
    for key, rec in new.items():
        old = stats.get(key)
        if old is None:
            stats[key] = rec
            continue
        if rec.first < old.first and rec.info.type != old.info.type:
            raise _Rebuild  # the key's type (and so its blocks) changes
        old.merge(rec)
    stats = _closure(c, stats)
    before = st.entity_keys_of(c, stats)
    old_ids = set(before.values())
    taken = set(c.scalars(select(s.entities.c.id))) - old_ids
    try:
        entities = resolve_stats(list(stats.values()), st.documents_of_keys(c, stats),
                                 taken=taken)
    except IdCollision as exc:
        raise _Rebuild from exc
    for part in st.chunks(old_ids):
        c.execute(delete(s.entities).where(s.entities.c.id.in_(part)))
    for part in st.chunks(stats):
        c.execute(delete(s.entity_keys).where(s.entity_keys.c.key.in_(part)))
    _insert_entities(c, entities)
    st.save_stats(c, stats.values())
    after = {k: e.id for e in entities for k in e.keys}
    return entities, {k: v for k, v in before.items() if after.get(k) != v}


def _insert_entities(c: Connection, entities: Sequence[Entity]) -> None:
    if entities:
        c.execute(insert_json(s.entities), [{"id": e.id, "name": e.name, "type": e.type,
                                        "json": dumps(e)} for e in entities])
        c.execute(insert(s.entity_keys), [{"key": k, "entity_id": e.id}
                                          for e in entities for k in e.keys])


def _update_conflicts(c: Connection, docs: Sequence[Document], renamed: set[str],
                      index: dict[str, str], names: dict[str, str]) -> list[Conflict]:
    """Regroup the buckets that new figures or renamed entities touch; replace their
    conflicts."""
    refs = [FigureRef(id=figure_id(d.id, i), document=d.id, figure=f)
            for d in docs for i, f in enumerate(d.figures)]
    st.save_buckets(c, refs)
    touched = {b for r in refs if (b := st.bucket_of(r))}
    if renamed:
        touched |= st.buckets_of_documents(
            c, {d for ds in st.documents_of_keys(c, renamed).values() for d in ds})
    groups = GroupIndex(index)
    groups.add(st.figures_in_buckets(c, touched))
    conflicts = _conflicts(groups.groups(), index, names)
    stale = st.conflicts_of_buckets(c, touched)
    for part in st.chunks(stale):
        c.execute(delete(s.conflicts).where(s.conflicts.c.id.in_(part)))
        c.execute(delete(s.conflict_buckets).where(s.conflict_buckets.c.conflict_id.in_(part)))
    if conflicts:
        c.execute(insert_json(s.conflicts), [{"id": x.id, "metric": x.metric, "json": dumps(x)}
                                        for x in conflicts])
    _save_conflict_buckets(c, groups.groups(), conflicts)
    return conflicts
