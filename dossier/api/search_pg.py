"""Full-text search on PostgreSQL: a ``tsvector`` GIN index, the same interface as FTS5.

The index is an expression index on ``documents`` (no extra column, no triggers: PostgreSQL
keeps it in step with every write), built with the ``simple`` configuration (no stemming:
one behaviour for all nine languages and any new one, as FTS5's ``unicode61``) over text
folded by ``dossier_fold``: ``unaccent`` when the extension can be created (it is a trusted
extension since PostgreSQL 13, so a database owner may), else lower case only. The wrapper
function is declared IMMUTABLE because ``unaccent(text)`` is not (it reads the search path),
and index expressions must be; it names its dictionary explicitly so that this holds.
Snippets are cut in Python: ``ts_headline`` would have to run on folded text to find the
accent-free matches, and would then show readers text without its accents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Connection, text

from dossier.api.search import Hit, Results, fold, split_snippet
from dossier.store import Store

__all__ = ["PostgresSearch", "ts_query"]

INDEX = "dossier_fts_idx"
_OPEN, _CLOSE = "\ue000", "\ue001"  # the match marks split_snippet understands
_WORD = re.compile(r"\w+")
_VECTOR = ("(setweight(to_tsvector('simple'::regconfig, dossier_fold(coalesce(title, ''))), 'A')"
           " || setweight(to_tsvector('simple'::regconfig, dossier_fold(coalesce(text, ''))),"
           " 'B'))")
_SNIPPET_WORDS = 24


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


def ts_query(q: str, aliases: Sequence[str] = ()) -> str:
    """Return a safe ``to_tsquery`` text: every word of ``q`` (last as a prefix), or any
    alias as a phrase; SQL folds it as it folds documents."""
    words = _WORD.findall(q)
    if not words:
        return ""
    main = " & ".join([*(_lexeme(w) for w in words[:-1]), _lexeme(words[-1]) + ":*"])
    options = [f"({main})"]
    for alias in aliases:
        alias_words = _WORD.findall(alias)
        if alias_words and fold(" ".join(alias_words)) != fold(" ".join(words)):
            options.append("(" + " <-> ".join(_lexeme(w) for w in alias_words) + ")")
    return " | ".join(dict.fromkeys(options))


def _terms(q: str, aliases: Sequence[str]) -> list[str]:
    return [q, *dict.fromkeys(a for a in aliases if fold(a) != fold(q))]


def snippet(body: str, q: str, aliases: Sequence[str] = ()) -> str:
    """Return a window of ``body`` around its first match, matched words marked."""
    words = [fold(w) for w in _WORD.findall(q)]
    exact = set(words[:-1]) | {fold(w) for a in aliases for w in _WORD.findall(a)}
    prefix = words[-1] if words else ""
    spans = list(_WORD.finditer(body))
    hit = [bool(prefix) and ((f := fold(m.group())) in exact or f.startswith(prefix))
           for m in spans]
    if not spans:
        return ""
    first = next((i for i, h in enumerate(hit) if h), 0)
    lo = max(0, first - _SNIPPET_WORDS // 3)
    hi = min(len(spans), lo + _SNIPPET_WORDS)
    out, at = [], spans[lo].start()
    for m, h in zip(spans[lo:hi], hit[lo:hi], strict=True):
        out.append(body[at:m.start()])
        out.append(f"{_OPEN}{m.group()}{_CLOSE}" if h else m.group())
        at = m.end()
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(spans) else "")


class PostgresSearch:
    """A tsvector index over the documents table of a PostgreSQL store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._ready = False
        self.unaccent = False

    def sync(self) -> bool:
        """Create the folding function and the index if missing; return True if it did."""
        if self._ready:
            return False
        with self.store.engine.begin() as c:
            c.execute(text("SELECT pg_advisory_xact_lock(hashtext('dossier_fts'))"))
            if c.execute(text("SELECT to_regprocedure('dossier_fold(text)')")).scalar() is None:
                # created once: the index depends on it, so it must never change under it
                schema = _unaccent_schema(c)
                fold_sql = (f"{schema}.unaccent('{schema}.unaccent'::regdictionary, lower($1))"
                            if schema else "lower($1)")
                c.execute(text(
                    "CREATE FUNCTION dossier_fold(text) RETURNS text LANGUAGE sql "
                    f"IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT {fold_sql} $$"))
            self.unaccent = bool(c.execute(text(
                "SELECT prosrc LIKE '%unaccent%' FROM pg_proc WHERE proname = 'dossier_fold'"))
                .scalar())
            exists = c.execute(text("SELECT to_regclass(:n)"), {"n": INDEX}).scalar()
            if exists is None:
                c.execute(text(f"CREATE INDEX {INDEX} ON documents USING GIN ({_VECTOR})"))
        self._ready = True
        return exists is None

    def search(self, q: str, *, aliases: Sequence[str] = (), language: str | None = None,
               limit: int = 20, offset: int = 0) -> Results:
        """Return the documents matching ``q`` (or one of ``aliases``), best first."""
        expr = ts_query(q, aliases)
        if not expr:
            return Results(query=q, total=0, hits=[])
        self.sync()
        where = (f"{_VECTOR} @@ query" + (" AND language = :lang" if language else ""))
        frm = "FROM documents, to_tsquery('simple'::regconfig, dossier_fold(:q)) AS query"
        args = {"q": expr, "lang": language, "limit": limit, "offset": offset}
        with self.store.engine.connect() as c:
            total = int(c.execute(text(f"SELECT count(*) {frm} WHERE {where}"), args)
                        .scalar_one())
            rows = c.execute(text(
                f"SELECT id, language, title, published, text AS body {frm} WHERE {where} "
                f"ORDER BY ts_rank_cd({_VECTOR}, query) DESC, id LIMIT :limit OFFSET :offset"),
                args).all()
        hits = []
        for r in rows:
            marked = snippet(r.body or r.title or "", q, aliases)
            hits.append(Hit(document=r.id, title=r.title, language=r.language,
                            published=r.published,
                            snippet=marked.replace(_OPEN, "").replace(_CLOSE, ""),
                            parts=split_snippet(marked)))
        return Results(query=q, total=total, hits=hits, terms=_terms(q, aliases))


def _unaccent_schema(c: Connection) -> str | None:
    """Return the schema of the unaccent extension, creating it if allowed; None if not."""
    find = text("SELECT extnamespace::regnamespace::text FROM pg_extension "
                "WHERE extname = 'unaccent'")
    found = c.execute(find).scalar()
    if found is not None:
        return str(found)
    try:
        with c.begin_nested():  # a refusal must not abort the surrounding transaction
            c.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    except Exception:  # not installed on the server, or not allowed: fold case only
        return None
    found = c.execute(find).scalar()
    return None if found is None else str(found)
