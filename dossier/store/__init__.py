"""The store: documents, their facts and the corpus-level results, over SQLAlchemy Core.

``Store("dossier.db")`` opens (and creates) an SQLite file; a URL such as
``postgresql+psycopg://...`` uses the same schema on PostgreSQL. Every write is one
transaction: a batch of documents lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select

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
from dossier.store.codec import from_data, to_data

__all__ = ["Store", "figure_id"]


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
        self.engine = engine or create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        s.metadata.create_all(self.engine)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- documents -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Return True when a document with this id is stored."""
        with self.engine.connect() as c:
            return c.execute(select(s.documents.c.id).where(s.documents.c.id == doc_id)).first() \
                is not None

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return which of ``ids`` are stored."""
        wanted = list(ids)
        found: set[str] = set()
        with self.engine.connect() as c:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                found.update(c.scalars(select(s.documents.c.id).where(s.documents.c.id.in_(chunk))))
        return found

    def write_documents(self, docs: Sequence[Document],
                        signatures: dict[str, bytes] | None = None) -> None:
        """Store processed documents (replacing earlier versions) in one transaction."""
        with self.engine.begin() as c:
            ids = [d.id for d in docs]
            for table in s.DOCUMENT_TABLES:
                c.execute(delete(table).where(table.c.document_id.in_(ids)))
            c.execute(delete(s.documents).where(s.documents.c.id.in_(ids)))
            c.execute(insert(s.documents), [_document_row(d) for d in docs])
            if signatures:
                c.execute(insert(s.signatures), [{"document_id": k, "hashes": v}
                                                 for k, v in signatures.items()])
            for d in docs:
                self._write_facts(c, d)
                c.execute(delete(s.sources).where(s.sources.c.source == d.source))
                c.execute(insert(s.sources), [{"source": d.source, "document_id": d.id}])
                c.execute(delete(s.failures).where(s.failures.c.source == d.source))

    @staticmethod
    def _write_facts(c: Any, d: Document) -> None:
        if d.mentions:
            c.execute(insert(s.mentions), [
                {"document_id": d.id, "seq": i, "key": m.key, "type": m.type, "data": to_data(m)}
                for i, m in enumerate(d.mentions)])
        if d.figures:
            c.execute(insert(s.figures), [
                {"id": figure_id(d.id, i), "document_id": d.id, "seq": i, "value": f.value,
                 "unit": f.unit, "metric": f.metric, "period": f.period, "kind": f.kind,
                 "speaker": f.speaker, "data": to_data(f)}
                for i, f in enumerate(d.figures)])
        if d.events:
            c.execute(insert(s.doc_events), [
                {"document_id": d.id, "seq": i, "type": e.type, "data": to_data(e)}
                for i, e in enumerate(d.events)])
        if d.agreements:
            c.execute(insert(s.doc_agreements), [
                {"document_id": d.id, "seq": i, "data": to_data(a)}
                for i, a in enumerate(d.agreements)])

    def record_source(self, source: str, doc_id: str) -> None:
        """Remember that ``source`` holds the already stored document ``doc_id``."""
        with self.engine.begin() as c:
            c.execute(delete(s.sources).where(s.sources.c.source == source))
            c.execute(insert(s.sources), [{"source": source, "document_id": doc_id}])
            c.execute(delete(s.failures).where(s.failures.c.source == source))

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Store why inputs could not be read (latest reason per source)."""
        if not failures:
            return
        with self.engine.begin() as c:
            gone = [f.source for f in failures]
            c.execute(delete(s.failures).where(s.failures.c.source.in_(gone)))
            c.execute(insert(s.failures), [
                {"source": f.source, "reason": f.reason, "at": _now()} for f in failures])

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

    def iter_documents(self, *, facts: bool = True, text: bool = True,
                       batch: int = 500) -> Iterator[Document]:
        """Yield every stored document (in id order), with its facts."""
        cols = [col for col in s.documents.c if col.name != "raw" and (text or col.name != "text")]
        last = ""
        while True:
            with self.engine.connect() as c:
                rows = c.execute(select(*cols).where(s.documents.c.id > last)
                                 .order_by(s.documents.c.id).limit(batch)).all()
            if not rows:
                return
            yield from self._documents_from_rows(rows, facts=facts, raw=False)
            last = rows[-1].id

    def _documents_from_rows(self, rows: Sequence[Any], *, facts: bool,
                             raw: bool) -> list[Document]:
        docs = [_document_from_row(r, raw=raw) for r in rows]
        if facts:
            self._attach_facts(docs)
        return docs

    def _attach_facts(self, docs: list[Document]) -> None:
        by_id = {d.id: d for d in docs}
        ids = list(by_id)
        with self.engine.connect() as c:
            for table, attr, cls in ((s.mentions, "mentions", Mention),
                                     (s.figures, "figures", Figure),
                                     (s.doc_events, "events", DocEvent),
                                     (s.doc_agreements, "agreements", DocAgreement)):
                q = (select(table.c.document_id, table.c.data)
                     .where(table.c.document_id.in_(ids)).order_by(table.c.document_id,
                                                                   table.c.seq))
                for r in c.execute(q):
                    getattr(by_id[r.document_id], attr).append(from_data(cls, r.data))

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
        q = (select(s.figures.c.id, s.figures.c.document_id, s.figures.c.data)
             .order_by(s.figures.c.document_id, s.figures.c.seq))
        if not duplicates:  # a syndicated copy must not count twice in conflicts
            q = q.join(s.documents, s.documents.c.id == s.figures.c.document_id).where(
                s.documents.c.duplicate_of.is_(None))
        with self.engine.connect() as c:
            rows = c.execute(q)
            return [FigureRef(id=r.id, document=r.document_id, figure=from_data(Figure, r.data))
                    for r in rows]

    # -- corpus-level results ----------------------------------------------------------------
    def replace_corpus(self, *, entities: Sequence[Entity], events: Sequence[Event],
                       agreements: Sequence[Agreement], conflicts: Sequence[Conflict]) -> None:
        """Replace the derived corpus-level results in one transaction."""
        with self.engine.begin() as c:
            for table in s.CORPUS_TABLES:
                c.execute(delete(table))
            if entities:
                c.execute(insert(s.entities), [
                    {"id": e.id, "name": e.name, "type": e.type, "data": to_data(e)}
                    for e in entities])
                keys = {k: e.id for e in entities for k in e.keys}
                c.execute(insert(s.entity_keys), [{"key": k, "entity_id": v}
                                                  for k, v in keys.items()])
            if events:
                c.execute(insert(s.events), [
                    {"id": e.id, "type": e.type, "date": e.date, "data": to_data(e)}
                    for e in events])
            if agreements:
                c.execute(insert(s.agreements), [
                    {"id": a.id, "date": a.date, "data": to_data(a)} for a in agreements])
            if conflicts:
                c.execute(insert(s.conflicts), [
                    {"id": x.id, "metric": x.metric, "data": to_data(x)} for x in conflicts])

    def entities(self) -> list[Entity]:
        """Return the canonical entities."""
        return self._load(s.entities, Entity, s.entities.c.name)

    def events(self) -> list[Event]:
        """Return the fused events."""
        return self._load(s.events, Event, s.events.c.date)

    def agreements(self) -> list[Agreement]:
        """Return the fused agreements."""
        return self._load(s.agreements, Agreement, s.agreements.c.date)

    def conflicts(self) -> list[Conflict]:
        """Return the conflicts between sources."""
        return self._load(s.conflicts, Conflict, s.conflicts.c.id)

    def entity_index(self) -> dict[str, str]:
        """Return provisional entity key -> canonical entity id."""
        with self.engine.connect() as c:
            return {r.key: r.entity_id for r in c.execute(select(s.entity_keys))}

    def _load(self, table: Any, cls: type, order: Any) -> list[Any]:
        with self.engine.connect() as c:
            return [from_data(cls, r.data)
                    for r in c.execute(select(table.c.data).order_by(order, table.c.id))]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "source": d.source, "url": d.url, "title": d.title, "author": d.author,
        "outlet": d.outlet, "published": d.published, "language": d.language,
        "format": d.format, "text": d.text, "duplicate_of": d.duplicate_of,
        "raw": zlib.compress(d.raw.encode("utf-8")) if d.raw else None,
        "data": {"boilerplate": d.boilerplate, "references": d.references,
                 "paragraphs": to_data(d.paragraphs), "sentences": to_data(d.sentences),
                 "meta": d.meta},
        "added_at": _now(),
    }


def _document_from_row(r: Any, *, raw: bool) -> Document:
    data = r.data or {}
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
