"""Full-text search across languages: SQLite FTS5 now, any backend behind one protocol.

The store's schema (``dossier.store.schema``) is shared and database-neutral, so the search
index lives here and is created on demand: an FTS5 table with the accent-insensitive
``unicode61 remove_diacritics 2`` tokenizer ("Cazaquistão" and "cazaquistao" meet), kept
in step with the documents table by triggers. PostgreSQL uses a ``tsvector`` GIN index
(:mod:`dossier.api.search_pg`); other databases use :class:`ScanSearch`. A query that
names an entity also matches its aliases in every language and script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import text

from dossier.store import Store

__all__ = ["Hit", "Results", "ScanSearch", "SearchBackend", "SqliteSearch", "fold",
           "fts_query", "search_backend", "split_snippet"]

TABLE = "dossier_fts"
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks: cannot clash with article text
_WORD = re.compile(r"\w+")
# Triggers keep the index exact however documents are written (a rewrite in the same second
# as the first write included), without the store knowing the index exists.
_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(doc_id UNINDEXED, "
    "language UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {TABLE} (doc_id, language, title, body) VALUES "
    "(new.id, new.language, coalesce(new.title, ''), coalesce(new.text, '')); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON documents BEGIN "
    f"DELETE FROM {TABLE} WHERE doc_id = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE ON documents BEGIN "
    f"DELETE FROM {TABLE} WHERE doc_id = old.id; "
    f"INSERT INTO {TABLE} (doc_id, language, title, body) VALUES "
    "(new.id, new.language, coalesce(new.title, ''), coalesce(new.text, '')); END",
)


@dataclass(slots=True, kw_only=True)
class Hit:
    """One matching document with a snippet split into (text, matched) parts."""

    document: str
    title: str | None
    language: str | None
    published: str | None
    snippet: str
    parts: list[tuple[str, bool]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Results:
    """A page of hits with the total number of matching documents."""

    query: str
    total: int
    hits: list[Hit]
    terms: list[str] = field(default_factory=list)  # what was searched after alias expansion


class SearchBackend(Protocol):
    """What the API needs from a search index."""

    def search(self, q: str, *, aliases: Sequence[str] = (), language: str | None = None,
               limit: int = 20, offset: int = 0) -> Results:
        """Return the documents matching ``q`` (or one of ``aliases``), best first."""
        ...


def fold(value: str) -> str:
    """Casefold and strip accents (how the FTS tokenizer compares words)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _phrase(words: Sequence[str]) -> str:
    return '"' + " ".join(words) + '"'


def fts_query(q: str, aliases: Sequence[str] = ()) -> str:
    """Return a safe FTS5 query: every word of ``q`` (last as a prefix), or any alias phrase."""
    words = _WORD.findall(q)
    if not words:
        return ""
    main = " ".join(_phrase([w]) for w in words[:-1]) + f" {_phrase([words[-1]])}*"
    options = [f"({main.strip()})"]
    for alias in aliases:
        alias_words = _WORD.findall(alias)
        if alias_words and fold(" ".join(alias_words)) != fold(" ".join(words)):
            options.append(_phrase(alias_words))
    return " OR ".join(dict.fromkeys(options))


def _terms(q: str, aliases: Sequence[str]) -> list[str]:
    """Return the query and the aliases that differ from it."""
    return [q, *dict.fromkeys(a for a in aliases if fold(a) != fold(q))]


def split_snippet(marked: str) -> list[tuple[str, bool]]:
    """Split a snippet carrying private-use match marks into (text, matched) parts."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", marked)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


class SqliteSearch:
    """An FTS5 index beside the store's tables, kept in step by triggers on ``documents``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._ready = False

    def sync(self) -> int:
        """Create the index and its triggers if missing; return how many documents it indexed."""
        if self._ready:
            return 0
        with self.store.engine.begin() as c:
            exists = c.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?",
                                       (TABLE,)).first()
            for statement in _DDL:
                c.exec_driver_sql(statement)
            added = 0
            if exists is None:  # first use on this store: index what is already there
                added = c.exec_driver_sql(
                    f"INSERT INTO {TABLE} (doc_id, language, title, body) "
                    "SELECT id, language, coalesce(title, ''), coalesce(text, '') "
                    "FROM documents").rowcount
        self._ready = True
        return max(added, 0)

    def search(self, q: str, *, aliases: Sequence[str] = (), language: str | None = None,
               limit: int = 20, offset: int = 0) -> Results:
        """Return the documents matching ``q`` (or one of ``aliases``), best first."""
        expr = fts_query(q, aliases)
        if not expr:
            return Results(query=q, total=0, hits=[])
        self.sync()
        where = f"{TABLE} MATCH :q" + (f" AND {TABLE}.language = :lang" if language else "")
        args = {"q": expr, "lang": language, "limit": limit, "offset": offset}
        with self.store.engine.connect() as c:
            total = c.execute(text(f"SELECT count(*) FROM {TABLE} WHERE {where}"), args)
            rows = c.execute(text(
                f"SELECT {TABLE}.doc_id, {TABLE}.language, d.title, d.published, "
                f"snippet({TABLE}, 3, '{_OPEN}', '{_CLOSE}', '…', 24) AS snip FROM {TABLE} "
                f"JOIN documents AS d ON d.id = {TABLE}.doc_id WHERE {where} "
                f"ORDER BY bm25({TABLE}) LIMIT :limit OFFSET :offset"), args).all()
            count = int(total.scalar_one())
        hits = [Hit(document=r.doc_id, title=r.title, language=r.language,
                    published=r.published, snippet=r.snip.replace(_OPEN, "").replace(_CLOSE, ""),
                    parts=split_snippet(r.snip)) for r in rows]
        return Results(query=q, total=count, hits=hits, terms=_terms(q, aliases))


class ScanSearch:
    """A portable fallback: accent-folded substring scan over every document."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, q: str, *, aliases: Sequence[str] = (), language: str | None = None,
               limit: int = 20, offset: int = 0) -> Results:
        """Return the documents whose title or text contains ``q`` or an alias."""
        needles = [fold(x) for x in [q, *aliases] if x.strip()]
        hits = []
        for doc in self.store.iter_documents(facts=False):
            if language and doc.language != language:
                continue
            body = fold(f"{doc.title or ''}\n{doc.text}")
            at = min((body.find(n) for n in needles if n in body), default=-1)
            if at >= 0:
                snippet = doc.text[max(0, at - 60):at + 100]
                hits.append(Hit(document=doc.id, title=doc.title, language=doc.language,
                                published=doc.published, snippet=snippet,
                                parts=[(snippet, False)]))
        return Results(query=q, total=len(hits), hits=hits[offset:offset + limit],
                       terms=_terms(q, aliases))


def search_backend(store: Store) -> SearchBackend:
    """Return the best search backend for the store's database."""
    if store.engine.dialect.name == "sqlite":
        return SqliteSearch(store)
    if store.engine.dialect.name == "postgresql":
        from dossier.api.search_pg import PostgresSearch  # it imports this module

        return PostgresSearch(store)
    return ScanSearch(store)
