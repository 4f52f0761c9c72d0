"""The store: documents, their facts and the corpus-level results, over SQLAlchemy Core.

``Store("dossier.db")`` opens (and creates) an SQLite file; a URL such as
``postgresql+psycopg://...`` uses the same schema on PostgreSQL. Every write is one
transaction: a batch of documents lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Engine,
    Insert,
    Table,
    Text,
    bindparam,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator

from dossier.model import (
    Agreement,
    Conflict,
    DocAgreement,
    DocEvent,
    Document,
    Entity,
    Event,
    Failure,
    Figure,
    FigureRef,
    Mention,
    Paragraph,
    Sentence,
)
from dossier.store import schema as s
from dossier.store.codec import dumps, from_data, loads
from dossier.store.locks import retrying

__all__ = ["FACT_KINDS", "Store", "figure_id", "insert_json"]

FACT_KINDS = ("mentions", "figures", "events", "agreements")
_FACT_TABLES = {"mentions": (s.mentions, Mention), "figures": (s.figures, Figure),
                "events": (s.doc_events, DocEvent), "agreements": (s.doc_agreements, DocAgreement)}
_CHUNK = 500  # ids per IN clause


class _JsonText(TypeDecorator[Any]):
    """A JSON column bound from text serialised beforehand (orjson, one pass per batch)."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Any) -> None:
        """Pass the JSON text through (PostgreSQL still casts it with ``::JSON``)."""
        return None


@lru_cache(maxsize=32)
def insert_json(table: Table) -> Insert:
    """Return an INSERT whose ``data`` value is JSON text under the key ``json``."""
    return insert(table).values(data=bindparam("json", type_=_JsonText()))


_UPSERT = {"postgresql": pg_insert, "sqlite": sqlite_insert}


@lru_cache(maxsize=4)
def _upsert_documents(dialect: str) -> Any:
    """Return INSERT ... ON CONFLICT (id) DO UPDATE for documents rows (JSON text data)."""
    stmt: Any = _UPSERT[dialect](s.documents).values(data=bindparam("json",
                                                                     type_=_JsonText()))
    return stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={col.name: stmt.excluded[col.name] for col in s.documents.c if col.name != "id"})


def chunks(items: Collection[str]) -> Iterator[list[str]]:
    """Split ids into lists short enough for one IN clause."""
    seq = list(items)
    for i in range(0, len(seq), _CHUNK):
        yield seq[i:i + _CHUNK]


def figure_id(document_id: str, seq: int) -> str:
    """Return the stable id of the ``seq``-th figure of a document."""
    return f"f{document_id[:12]}-{seq}"


def _url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{db}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A dossier knowledge base in one database."""

    def __init__(self, db: str = "dossier.db", *, engine: Engine | None = None) -> None:
        self.url = _url(db)
        if "://" not in db and db != ":memory:":
            Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # another build process may hold an SQLite file for a while: wait, do not fail
        lite = {"timeout": 60} if self.url.startswith("sqlite") else {}
        self.engine = engine or create_engine(self.url, connect_args=lite)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        from dossier.store.migrate import migrate

        migrate(self.engine)  # creates a new database, upgrades an older one

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- documents -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Return True when a document with this id is stored."""
        with self.engine.connect() as c:
            return c.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first() \
                is not None

    def write_documents(self, docs: Sequence[Document],
                        signatures: dict[str, bytes] | None = None) -> None:
        """Store processed documents (replacing earlier versions) in one transaction.

        Rows are encoded before the transaction opens and each table gets one executemany
        per batch, so concurrent writers hold their locks briefly.
        """
        if not docs:
            return
        rows = [_document_row(d) for d in docs]
        facts = _fact_rows(docs)
        sources = {d.source: d.id for d in docs}
        ids = [d.id for d in docs]

        if len(set(ids)) < len(ids):  # an error in the batch itself, not a race to retry
            twice = next(i for i in ids if ids.count(i) > 1)
            raise IntegrityError("INSERT INTO documents", {"id": twice},
                                 ValueError(f"document {twice} twice in one batch"))
        # a concurrent build may write the same documents: the batch is redone then
        retrying(lambda: self._write_batch(ids, rows, facts, sources, signatures))

    def _write_batch(self, ids: list[str], rows: list[dict[str, Any]],
                     facts: list[tuple[Table, list[dict[str, Any]]]], sources: dict[str, str],
                     signatures: dict[str, bytes] | None) -> None:
        with self.engine.begin() as c:
            for part in chunks(ids):
                for table in s.DOCUMENT_TABLES:
                    c.execute(delete(table).where(table.c.document_id.in_(part)))
            if c.dialect.name in _UPSERT:  # in place: other sources of a document stay
                c.execute(_upsert_documents(c.dialect.name), rows)
            else:
                for part in chunks(ids):
                    c.execute(delete(s.documents).where(s.documents.c.id.in_(part)))
                c.execute(insert_json(s.documents), rows)
            if signatures:
                c.execute(insert(s.signatures), [{"document_id": k, "hashes": v}
                                                 for k, v in signatures.items()])
            for table, fact_rows in facts:
                if fact_rows:
                    c.execute(insert_json(table), fact_rows)
            self._point_sources(c, sources)

    @staticmethod
    def _point_sources(c: Any, sources: dict[str, str]) -> None:
        """Record source -> document and clear the sources' earlier failures."""
        names = list(sources)
        for part in chunks(names):
            c.execute(delete(s.sources).where(s.sources.c.source.in_(part)))
            c.execute(delete(s.failures).where(s.failures.c.source.in_(part)))
        c.execute(insert(s.sources), [{"source": k, "document_id": v}
                                      for k, v in sources.items()])

    def record_source(self, source: str, doc_id: str) -> None:
        """Remember that ``source`` holds the already stored document ``doc_id``."""
        def write() -> None:
            with self.engine.begin() as c:
                self._point_sources(c, {source: doc_id})

        retrying(write)

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Store why inputs could not be read (latest reason per source)."""
        if not failures:
            return
        latest = {f.source: f.reason for f in failures}

        def write() -> None:
            with self.engine.begin() as c:
                for part in chunks(list(latest)):
                    c.execute(delete(s.failures).where(s.failures.c.source.in_(part)))
                c.execute(insert(s.failures), [
                    {"source": k, "reason": v, "at": _now()} for k, v in latest.items()])

        retrying(write)

    def failures(self) -> list[Failure]:
        """Return the inputs that could not be read."""
        with self.engine.connect() as c:
            rows = c.execute(select(s.failures.c.source, s.failures.c.reason)
                             .order_by(s.failures.c.source))
            return [Failure(source=r.source, reason=r.reason) for r in rows]

    def count(self, table: str) -> int:
        """Return the number of rows of a table."""
        t = s.metadata.tables[table]
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(t)).scalar_one())

    def document_ids(self) -> list[str]:
        """Return all document ids in a stable order."""
        with self.engine.connect() as c:
            return list(c.scalars(select(s.documents.c.id).order_by(s.documents.c.id)))

    def get_document(self, doc_id: str, *, facts: bool = True) -> Document | None:
        """Return one document (by id or unique id prefix), with its facts."""
        q = select(s.documents).where(s.documents.c.id.startswith(doc_id, autoescape=True))
        with self.engine.connect() as c:
            rows = c.execute(q.limit(2)).all()
        if len(rows) != 1:
            return None
        return next(iter(self._documents_from_rows(rows, facts=facts, raw=True)))

    def iter_documents(self, *, facts: bool | Collection[str] = True, text: bool = True,
                       body: bool = True, batch: int = 500) -> Iterator[Document]:
        """Yield every stored document (in id order), with its facts.

        Light loads for corpus steps: ``facts`` may name the kinds to attach (of
        ``FACT_KINDS``); ``text=False`` leaves the text out and ``body=False`` also the
        paragraphs, sentences, boilerplate and metadata.
        """
        last = ""
        while True:
            with self.engine.connect() as c:
                rows = c.execute(_document_query(text=text, body=body)
                                 .where(s.documents.c.id > last)
                                 .order_by(s.documents.c.id).limit(batch)).all()
            if not rows:
                return
            yield from self._documents_from_rows(rows, facts=facts, raw=False)
            last = rows[-1].id

    def iter_document_columns(self, columns: Sequence[str], *,
                              batch: int = 1000) -> Iterator[list[tuple[Any, ...]]]:
        """Yield these columns of every document (in id order), a batch of tuples at a time.

        The lightest load: no text, JSON or facts, and no Document records (an export of
        100k documents spent most of its document time building them).
        """
        cols = [s.documents.c[name] for name in columns]
        last = ""
        while True:
            with self.engine.connect() as c:
                rows = c.execute(select(s.documents.c.id, *cols).where(s.documents.c.id > last)
                                 .order_by(s.documents.c.id).limit(batch)).all()
            if not rows:
                return
            yield [tuple(r)[1:] for r in rows]
            last = rows[-1].id

    def get_documents(self, ids: Sequence[str], *, facts: bool | Collection[str] = True,
                      text: bool = True) -> list[Document]:
        """Return these stored documents (in id order; unknown ids left out), with the
        facts named (all by default) and their sentences (and text unless ``text=False``)."""
        out: list[Document] = []
        with self.engine.connect() as c:
            for part in chunks(sorted(set(ids))):
                rows = c.execute(_document_query(text=text, body=True)
                                 .where(s.documents.c.id.in_(part))
                                 .order_by(s.documents.c.id)).all()
                out.extend(self._documents_from_rows(rows, facts=facts, raw=False))
        return out

    def _documents_from_rows(self, rows: Sequence[Any], *, facts: bool | Collection[str],
                             raw: bool) -> list[Document]:
        docs = [_document_from_row(r, raw=raw) for r in rows]
        kinds = FACT_KINDS if facts is True else () if facts is False else tuple(facts)
        if kinds:
            self._attach_facts(docs, kinds)
        return docs

    def _attach_facts(self, docs: list[Document], kinds: Sequence[str] = FACT_KINDS) -> None:
        by_id = {d.id: d for d in docs}
        with self.engine.connect() as c:
            for kind in kinds:
                table, cls = _FACT_TABLES[kind]
                for doc_id, data in _fact_data(c, table, list(by_id)):
                    getattr(by_id[doc_id], kind).append(from_data(cls, data))

    def iter_facts(self, kind: str, *, batch: int = 2000) -> Iterator[tuple[str, Any]]:
        """Yield (document id, record) for one kind of ``FACT_KINDS``, in document order."""
        cls = _FACT_TABLES[kind][1]
        for doc_id, data in self.iter_fact_data(kind, batch=batch):
            yield doc_id, from_data(cls, data)

    def iter_fact_data(self, kind: str, *, batch: int = 2000) -> Iterator[tuple[str, Any]]:
        """Yield (document id, decoded JSON data) for one kind of ``FACT_KINDS``, in document
        order, without building records (exports reshape the data anyway)."""
        table = _FACT_TABLES[kind][0]
        last = ""
        while True:
            with self.engine.connect() as c:
                ids = list(c.scalars(select(s.documents.c.id).where(s.documents.c.id > last)
                                     .order_by(s.documents.c.id).limit(batch)))
                if not ids:
                    return
                yield from _fact_data(c, table, ids)
            last = ids[-1]

    def iter_doc_events(self) -> Iterator[tuple[str, DocEvent]]:
        """Yield (document id, DocEvent) without loading texts, sentences or mentions."""
        return self.iter_facts("events")

    def iter_doc_agreements(self) -> Iterator[tuple[str, DocAgreement]]:
        """Yield (document id, DocAgreement) without loading texts, sentences or mentions."""
        return self.iter_facts("agreements")

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        """Yield (document id, MinHash signature bytes) in the order documents were added."""
        q = (select(s.signatures.c.document_id, s.signatures.c.hashes)
             .join(s.documents, s.documents.c.id == s.signatures.c.document_id)
             .order_by(s.documents.c.added_at, s.documents.c.id))
        with self.engine.connect() as c:
            for r in c.execute(q):
                yield r.document_id, r.hashes

    def figure_refs(self, *, duplicates: bool = False) -> list[FigureRef]:
        """Return stored figures with their ids (near-duplicate documents left out by default)."""
        q = (select(s.figures.c.id, s.figures.c.document_id,
                    cast(s.figures.c.data, Text).label("data"))
             .order_by(s.figures.c.document_id, s.figures.c.seq))
        if not duplicates:  # a syndicated copy must not count twice in conflicts
            q = q.join(s.documents, s.documents.c.id == s.figures.c.document_id).where(
                s.documents.c.duplicate_of.is_(None))
        with self.engine.connect() as c:
            rows = c.execute(q)
            return [FigureRef(id=r.id, document=r.document_id,
                              figure=from_data(Figure, loads(r.data))) for r in rows]

    # -- corpus-level results ----------------------------------------------------------------
    def replace_corpus(self, *, entities: Sequence[Entity], events: Sequence[Event],
                       agreements: Sequence[Agreement], conflicts: Sequence[Conflict]) -> None:
        """Replace the derived corpus-level results in one transaction."""
        with self.engine.begin() as c:
            for table in s.CORPUS_TABLES:
                c.execute(delete(table))
            if entities:
                c.execute(insert_json(s.entities), [
                    {"id": e.id, "name": e.name, "type": e.type, "json": dumps(e)}
                    for e in entities])
                keys = {k: e.id for e in entities for k in e.keys}
                c.execute(insert(s.entity_keys), [{"key": k, "entity_id": v}
                                                  for k, v in keys.items()])
            if events:
                c.execute(insert_json(s.events), [
                    {"id": e.id, "type": e.type, "date": e.date, "json": dumps(e)}
                    for e in events])
            if agreements:
                c.execute(insert_json(s.agreements), [
                    {"id": a.id, "date": a.date, "json": dumps(a)} for a in agreements])
            if conflicts:
                c.execute(insert_json(s.conflicts), [
                    {"id": x.id, "metric": x.metric, "json": dumps(x)} for x in conflicts])

    def entities(self) -> list[Entity]:
        """Return the canonical entities (by name)."""
        return self._load("entities", Entity)

    def events(self) -> list[Event]:
        """Return the fused events (by date, undated first)."""
        return self._load("events", Event)

    def agreements(self) -> list[Agreement]:
        """Return the fused agreements (by date, undated first)."""
        return self._load("agreements", Agreement)

    def conflicts(self) -> list[Conflict]:
        """Return the conflicts between sources."""
        return self._load("conflicts", Conflict)

    def iter_corpus_data(self, table: str) -> Iterator[list[Any]]:
        """Yield the decoded JSON data of a corpus table (entities, events, agreements,
        conflicts) in batches of up to 500 rows, in the order of the list methods above.

        The database sorts only the ids; rows are then read by id a batch at a time, so
        neither this process nor SQLite's sorter holds the table's JSON at once.
        """
        t = s.metadata.tables[table]
        with self.engine.connect() as c:
            ids = list(c.scalars(select(t.c.id).order_by(*_corpus_order(t))))
            for part in chunks(ids):
                rows = {i: data for i, data in c.execute(
                    select(t.c.id, cast(t.c.data, Text)).where(t.c.id.in_(part)))}
                yield [loads(rows[i]) for i in part if i in rows]

    def entity_index(self) -> dict[str, str]:
        """Return provisional entity key -> canonical entity id."""
        with self.engine.connect() as c:
            return {r.key: r.entity_id for r in c.execute(select(s.entity_keys))}

    def _load(self, table: str, cls: type) -> list[Any]:
        t = s.metadata.tables[table]
        with self.engine.connect() as c:
            return [from_data(cls, loads(data)) for data in
                    c.scalars(select(cast(t.c.data, Text)).order_by(*_corpus_order(t)))]


_CORPUS_ORDER = {"entities": "name", "events": "date", "agreements": "date", "conflicts": "id"}


def _corpus_order(table: Table) -> tuple[Any, ...]:
    """Return the ORDER BY of a corpus table: its sort column (NULLs first), then the id."""
    return (table.c[_CORPUS_ORDER[table.name]].asc().nulls_first(), table.c.id)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA temp_store=MEMORY")  # sorts for ORDER BY/IN off the disk
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB page cache: a corpus step re-reads tables
    cur.close()


def _document_query(*, text: bool, body: bool) -> Any:
    """Select the document columns a load needs (raw never; text and body on request)."""
    skip = {"raw", "data"} | (set() if text else {"text"})
    cols: list[Any] = [col for col in s.documents.c if col.name not in skip]
    if body:
        cols.append(cast(s.documents.c.data, Text).label("data"))
    return select(*cols)


def _fact_data(c: Any, table: Table, ids: Sequence[str]) -> Iterator[tuple[str, Any]]:
    """Yield (document id, decoded data) of a fact table for these documents, in order."""
    for part in chunks(ids):
        q = (select(table.c.document_id, cast(table.c.data, Text).label("data"))
             .where(table.c.document_id.in_(part))
             .order_by(table.c.document_id, table.c.seq))
        for doc_id, data in c.execute(q):
            yield doc_id, loads(data)


def _fact_rows(docs: Sequence[Document]) -> list[tuple[Table, list[dict[str, Any]]]]:
    """Return the fact rows of documents per table, their data as JSON text."""
    return [
        (s.mentions, [{"document_id": d.id, "seq": i, "key": m.key, "type": m.type,
                       "json": dumps(m)} for d in docs for i, m in enumerate(d.mentions)]),
        (s.figures, [{"id": figure_id(d.id, i), "document_id": d.id, "seq": i,
                      "value": f.value, "unit": f.unit, "metric": f.metric,
                      "period": f.period, "kind": f.kind, "speaker": f.speaker,
                      "json": dumps(f)} for d in docs for i, f in enumerate(d.figures)]),
        (s.doc_events, [{"document_id": d.id, "seq": i, "type": e.type, "json": dumps(e)}
                        for d in docs for i, e in enumerate(d.events)]),
        (s.doc_agreements, [{"document_id": d.id, "seq": i, "json": dumps(a)}
                            for d in docs for i, a in enumerate(d.agreements)]),
    ]


def _document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "source": d.source, "url": d.url, "title": d.title, "author": d.author,
        "outlet": d.outlet, "published": d.published, "language": d.language,
        "format": d.format, "text": d.text, "duplicate_of": d.duplicate_of,
        "raw": zlib.compress(d.raw.encode("utf-8")) if d.raw else None,
        "json": dumps({"boilerplate": d.boilerplate, "references": d.references,
                       "paragraphs": d.paragraphs, "sentences": d.sentences, "meta": d.meta}),
        "added_at": _now(),
    }


def _document_from_row(r: Any, *, raw: bool) -> Document:
    data = getattr(r, "data", None) or {}
    if isinstance(data, str | bytes):
        data = loads(data)
    return Document(
        id=r.id, source=r.source, url=r.url, title=r.title, author=r.author, outlet=r.outlet,
        published=r.published, language=r.language, format=r.format,
        text=getattr(r, "text", "") or "", duplicate_of=r.duplicate_of,
        raw=zlib.decompress(r.raw).decode("utf-8") if raw and r.raw else "",
        boilerplate=list(data.get("boilerplate", [])),
        references=list(data.get("references", [])),
        paragraphs=[from_data(Paragraph, p) for p in data.get("paragraphs", [])],
        sentences=[from_data(Sentence, x) for x in data.get("sentences", [])],
        meta=dict(data.get("meta", {})),
    )
