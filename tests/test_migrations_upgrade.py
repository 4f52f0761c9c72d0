"""Schema migrations: a version-1 database (made by hand) is upgraded on open, on both backends."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    inspect,
    select,
)

from dossier.store import Store
from dossier.store import schema as s
from dossier.store.migrate import migrate, schema_version
from tests.conftest import _postgres_url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty database (an SQLite file, or PostgreSQL emptied first)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    url = _postgres_url()
    engine = create_engine(url)
    s.metadata.drop_all(engine)
    engine.dispose()
    yield url


def _make_v1(engine: Engine) -> None:
    """Create the first released schema's core tables and one stored document."""
    v1 = MetaData()
    docs = Table("documents", v1,
                 Column("id", String(32), primary_key=True),
                 Column("source", Text, nullable=False), Column("url", Text),
                 Column("title", Text), Column("author", Text), Column("outlet", Text),
                 Column("published", String(10), index=True),
                 Column("language", String(8), index=True),
                 Column("format", String(8), nullable=False),
                 Column("text", Text, nullable=False), Column("raw", LargeBinary),
                 Column("data", JSON, nullable=False),
                 Column("added_at", String(32), nullable=False, index=True))
    mentions = Table("mentions", v1, Column("document_id", String(32), primary_key=True),
                     Column("seq", Integer, primary_key=True),
                     Column("key", Text, nullable=False, index=True),
                     Column("type", String(16), nullable=False),
                     Column("data", JSON, nullable=False))
    Table("info", v1, Column("key", String(64), primary_key=True),
          Column("value", Text, nullable=False))
    v1.create_all(engine)
    text = "Cazaquistão e Brasil assinaram um acordo em Astana."
    with engine.begin() as c:
        c.execute(insert(docs), [{
            "id": "old0001", "source": "old.txt", "title": "Acordo", "published": "2023-04-02",
            "language": "pt", "format": "txt", "text": text,
            "raw": zlib.compress(text.encode()), "added_at": "2024-01-01T00:00:00+00:00",
            "data": {"boilerplate": [], "references": [], "paragraphs": [],
                     "sentences": [{"start": 0, "end": len(text), "text": text}],
                     "meta": {}}}])
        c.execute(insert(mentions), [{
            "document_id": "old0001", "seq": 0, "key": "country:KZ", "type": "country",
            "data": {"start": 0, "end": 11, "text": "Cazaquistão", "type": "country",
                     "key": "country:KZ", "sentence": 0}}])


def test_migrations_upgrade_v1_to_current(empty_url: str) -> None:
    engine = create_engine(empty_url)
    _make_v1(engine)
    with engine.connect() as c:
        assert schema_version(c) == 1
    engine.dispose()
    store = Store(empty_url)
    try:
        with store.engine.connect() as c:
            assert schema_version(c) == s.SCHEMA_VERSION
            names = set(inspect(c).get_table_names())
            cols = {col["name"] for col in inspect(c).get_columns("documents")}
            indexes = {ix["name"] for ix in inspect(c).get_indexes("documents")}
        assert set(s.metadata.tables) <= names
        assert "duplicate_of" in cols and "ix_documents_duplicate_of" in indexes
        old = store.get_document("old0001")
        assert old is not None and old.duplicate_of is None
        assert [m.key for m in old.mentions] == ["country:KZ"]
        assert old.raw.startswith("Cazaquistão")
        new = old.__class__(id="new0002", source="new.txt", text=old.text, language="pt",
                            format="txt", duplicate_of="old0001")
        store.write_documents([new], {"new0002": b"\x01\x02"})
        assert list(store.iter_signatures()) == [("new0002", b"\x01\x02")]
        assert migrate(store.engine) == []  # a second open finds nothing to do
    finally:
        store.close()


def test_migrations_new_database_is_current(empty_url: str) -> None:
    store = Store(empty_url)
    try:
        with store.engine.connect() as c:
            assert schema_version(c) == s.SCHEMA_VERSION
            assert c.execute(select(s.info.c.value).where(
                s.info.c.key == "schema_version")).scalar() == str(s.SCHEMA_VERSION)
    finally:
        store.close()


def test_migrations_refuse_newer_database(empty_url: str) -> None:
    Store(empty_url).close()
    engine = create_engine(empty_url)
    with engine.begin() as c:
        c.execute(s.info.update().where(s.info.c.key == "schema_version").values(value="99"))
    with pytest.raises(RuntimeError, match="newer"):
        migrate(engine)
    engine.dispose()


def test_migrations_concurrent_opens_migrate_once(empty_url: str) -> None:
    engine = create_engine(empty_url)
    _make_v1(engine)
    engine.dispose()
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        own = create_engine(empty_url)
        try:
            results.append(migrate(own))
        except BaseException as exc:  # reported below: a thread cannot fail the test itself
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=open_one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [[], [], [2, 3, 4]]


def test_migrations_v2_store_rebuilds_corpus_then_updates(empty_url: str) -> None:
    """A version-2 store (corpus results without fusion state) is rebuilt by its next
    corpus step, then updated incrementally."""
    from dossier.corpus import update_corpus
    from dossier.model import DocEvent, Document

    def page(i: int, day: int) -> Document:
        date = f"2024-05-{day:02d}"
        return Document(id=f"{i:016x}", source=f"s{i}", language="en", published=date,
                        events=[DocEvent(type="visit", date=date,
                                         actors=["country:KZ", "country:UZ", "person:ana lima"])])

    store = Store(empty_url)
    try:
        store.write_documents([page(1, 10)])
        update_corpus(store)
        with store.engine.begin() as c:  # what a version-2 database holds
            for table in s.FUSION_TABLES:
                table.drop(c)
            c.execute(s.info.update().where(s.info.c.key == "schema_version").values(value="2"))
    finally:
        store.close()
    store = Store(empty_url)
    try:
        with store.engine.connect() as c:
            assert schema_version(c) == s.SCHEMA_VERSION
        assert not update_corpus(store).incremental  # stale results: rebuilt
        store.write_documents([page(2, 11)])
        assert update_corpus(store).incremental
        assert [e.documents for e in store.events()] == [["0000000000000001",
                                                          "0000000000000002"]]
    finally:
        store.close()
