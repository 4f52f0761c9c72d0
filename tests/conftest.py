"""Shared fixtures: fresh stores, the bundled sample, the shared evaluation folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"


PG_ENV = "DOSSIER_TEST_POSTGRES"  # e.g. postgresql+psycopg://dossier:dossier@127.0.0.1/dossier_test


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the store tests on PostgreSQL too: set {PG_ENV} (.ci/run does)")
        pytest.skip(f"no PostgreSQL server for this run (set {PG_ENV} to test against one)")
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Return an empty store: an SQLite file, or a real PostgreSQL database emptied first."""
    if request.param == "sqlite":
        store = Store(str(tmp_path / "kb.db"))
    else:
        from dossier.store.schema import metadata

        url = _postgres_url()
        store = Store(url)
        metadata.drop_all(store.engine)
        metadata.create_all(store.engine)
    yield store
    store.close()


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared, skipping evaluation gates where it is absent (users' checkouts)."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    return SHARED
