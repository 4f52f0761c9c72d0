"""Shared fixtures: fresh stores, the bundled sample, the shared evaluation folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    """Return an empty store in a temporary SQLite file."""
    store = Store(str(tmp_path / "kb.db"))
    yield store
    store.close()


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared, skipping evaluation gates where it is absent (users' checkouts)."""
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    return SHARED
