"""Safe concurrent builds: retry transactions that lost a race, serialise the corpus step.

Two ``dossier build`` processes may write the same document (overlapping inputs) into one
PostgreSQL database. A batch deletes then inserts its documents, so the second writer of an
id waits for the first and then fails with a unique violation (or a deadlock, when batches
overlap in different orders); re-running the batch deletes the committed copy and writes its
own (the same content: ids are content hashes). The corpus step reads and rewrites derived
tables wholesale, so it runs under a PostgreSQL session advisory lock (an ``flock`` on a
lock file beside an SQLite database) rather than under SERIALIZABLE transactions, which
would abort it for every concurrent document batch.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

__all__ = ["CORPUS_LOCK_ID", "corpus_lock", "retrying", "transient"]

T = TypeVar("T")
CORPUS_LOCK_ID = 0x636F7270  # "corp": the advisory lock key of the corpus step
# unique violation, serialization failure, deadlock detected (PostgreSQL SQLSTATEs)
_RETRY_STATES = frozenset({"23505", "40001", "40P01"})


def transient(exc: BaseException) -> bool:
    """Tell whether a database error came from a concurrent writer (worth a retry)."""
    if not isinstance(exc, DBAPIError):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    if state is not None:
        return state in _RETRY_STATES
    return "database is locked" in str(exc.orig)  # SQLite: another process holds the file


def retrying(fn: Callable[[], T], *, attempts: int = 8, pause: float = 0.05) -> T:
    """Run ``fn`` (one whole transaction), again after a transient error, with backoff."""
    for attempt in range(attempts):
        try:
            return fn()
        except DBAPIError as exc:
            if attempt == attempts - 1 or not transient(exc):
                raise
            time.sleep(pause * (2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")  # the loop returns or raises


@contextmanager
def corpus_lock(engine: Engine) -> Iterator[None]:
    """Hold the corpus-step lock of this database (other processes wait for it)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as c:
            c.execute(text("SELECT pg_advisory_lock(:k)"), {"k": CORPUS_LOCK_ID})
            c.commit()  # a session lock: no transaction left open while the step runs
            try:
                yield
            finally:
                c.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": CORPUS_LOCK_ID})
                c.commit()
        return
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:":
        yield
        return
    with _file_lock(Path(f"{path}.lock")):
        yield


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: one process per SQLite file is the documented setup
        yield
        return
    with path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
