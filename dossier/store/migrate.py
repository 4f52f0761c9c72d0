"""Versioned schema migrations: a ``schema_version`` row in ``info`` and ordered steps.

Why not Alembic: the schema is one SQLAlchemy ``MetaData`` shared by SQLite and
PostgreSQL, stores are opened by end users' ``dossier build`` runs (no ``alembic upgrade``
step, no ``alembic.ini`` or ``versions/`` folder to ship), and the changes so far are
additive (a column, an index, a table). Alembic would add a dependency, a second
configuration and, on SQLite, batch-mode table copies; here each step is a short function
over SQLAlchemy Core DDL that checks what exists first, so a half-known database (tables
made by ``create_all``, no version row) is brought up safely too.

``migrate(engine)`` runs on every ``Store`` open: in one transaction, under a lock
(``pg_advisory_xact_lock`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite) so that two
processes opening an old database at once migrate it once. A new step is a function added
to ``MIGRATIONS`` with the next number, and ``schema.SCHEMA_VERSION`` raised to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dossier.store import schema as s

__all__ = ["LOCK_ID", "MIGRATIONS", "migrate", "schema_version"]

VERSION_KEY = "schema_version"
LOCK_ID = 0x646F7373  # "doss": the advisory lock key for schema changes (an int8 on PG)


def _v2_near_duplicates(c: Connection) -> None:
    """Documents link near-duplicates (``duplicate_of``); MinHash signatures are stored."""
    cols = {col["name"] for col in inspect(c).get_columns("documents")}
    if "duplicate_of" not in cols:
        c.execute(text("ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR(32)"))
    frozen = MetaData()  # the tables as version 2 made them, whatever later versions change
    docs = Table("documents", frozen, Column("id", String(32), primary_key=True),
                 Column("duplicate_of", String(32)))
    Index("ix_documents_duplicate_of", docs.c.duplicate_of).create(c, checkfirst=True)
    Table("signatures", frozen,
          Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
                 primary_key=True),
          Column("hashes", LargeBinary, nullable=False))
    frozen.tables["signatures"].create(c, checkfirst=True)


def _v3_fusion_blocks(c: Connection) -> None:
    """Event and agreement fusion keep per-block state (``fusion_*`` tables, made by
    ``create_all`` after the steps). Fusion now runs in blocks, so results derived before
    are stale: forget which documents the corpus results include, and the next corpus step
    rebuilds them all (entities, events, agreements and conflicts) and writes the state."""
    if "corpus_documents" in set(inspect(c).get_table_names()):
        c.execute(text("DELETE FROM corpus_documents"))


def _v4_corpus_summaries(c: Connection) -> None:
    """Conflicts keep per-cell summaries of their figures (``figure_cells``, ``cell_stats``,
    made by ``create_all`` after the steps) instead of each figure's bucket, so that adding a
    document compares its figures with the summaries, not with every figure of their buckets.
    Results and state derived before are stale: forget which documents the corpus results
    include (the next corpus step rebuilds them all and writes the new state) and drop the
    tables the new state replaces.

    Fusion keeps one row per cluster (``fusion_clusters``, ``fusion_cluster_keys``) instead
    of one packed row per block, and floating items name the cluster they joined by its
    rank: the version-3 fusion tables are dropped and made anew by ``create_all``."""
    names = set(inspect(c).get_table_names())
    if "corpus_documents" in names:
        c.execute(text("DELETE FROM corpus_documents"))
    for old in ("figure_buckets", "conflict_buckets", "fusion_block_keys"):
        if old in names and old not in s.metadata.tables:
            c.execute(text(f"DROP TABLE {old}"))
    for changed in ("fusion_blocks", "fusion_floats", "fusion_float_keys", "fusion_records"):
        if changed in names:  # version 3's columns: state is rebuilt, so nothing is lost
            c.execute(text(f"DROP TABLE {changed}"))


Migration = Callable[[Connection], None]
# (version it brings the database to, step); version 1 is the first released schema.
MIGRATIONS: tuple[tuple[int, Migration], ...] = (
    (2, _v2_near_duplicates),
    (3, _v3_fusion_blocks),
    (4, _v4_corpus_summaries),
)


def schema_version(c: Connection) -> int | None:
    """Return the database's schema version; None for an empty database."""
    names = set(inspect(c).get_table_names())
    if "documents" not in names:
        return None
    if "info" in names:
        found = c.execute(select(s.info.c.value).where(s.info.c.key == VERSION_KEY)).scalar()
        if found is not None:
            return int(found)
    # Made before versions were recorded: version 1 lacks duplicate_of, version 2 the
    # fusion state, version 3 the conflict summaries; otherwise the tables came from
    # create_all of the current schema.
    cols = {col["name"] for col in inspect(c).get_columns("documents")}
    if "duplicate_of" not in cols:
        return 1
    if "fusion_blocks" not in names:
        return 2
    return s.SCHEMA_VERSION if "cell_stats" in names else 3


def migrate(engine: Engine) -> list[int]:
    """Bring the database to ``schema.SCHEMA_VERSION``; return the versions applied."""
    with _locked(engine) as c:
        version = schema_version(c)
        applied: list[int] = []
        if version is None:
            s.metadata.create_all(c)
        else:
            if version > s.SCHEMA_VERSION:
                raise RuntimeError(f"the database has schema version {version}, newer than "
                                   f"this dossier's {s.SCHEMA_VERSION}: upgrade dossier")
            for number, step in MIGRATIONS:
                if number > version:
                    step(c)
                    applied.append(number)
            s.metadata.create_all(c)  # tables added by this release (checkfirst)
        if version != s.SCHEMA_VERSION:
            _set_version(c, s.SCHEMA_VERSION)
        return applied


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """Yield a connection in a transaction that holds the schema lock; commit at the end."""
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            # pysqlite opens transactions only before DML; DDL must be inside one too
            c.exec_driver_sql("BEGIN IMMEDIATE")
        elif engine.dialect.name == "postgresql":
            c.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_ID})
        try:
            yield c
        except BaseException:
            c.rollback()
            raise
        c.commit()


def _set_version(c: Connection, version: int) -> None:
    values = {"key": VERSION_KEY, "value": str(version)}
    if c.dialect.name == "postgresql":
        stmt = pg_insert(s.info).values(values)
        c.execute(stmt.on_conflict_do_update(index_elements=["key"],
                                             set_={"value": stmt.excluded.value}))
    elif c.dialect.name == "sqlite":
        lite = sqlite_insert(s.info).values(values)
        c.execute(lite.on_conflict_do_update(index_elements=["key"],
                                             set_={"value": lite.excluded.value}))
    else:
        c.execute(s.info.delete().where(s.info.c.key == VERSION_KEY))
        c.execute(s.info.insert().values(values))
