"""Two build processes writing to one PostgreSQL database end with the union, no crash."""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from dossier.build import build
from dossier.store import Store
from dossier.store.schema import metadata
from tests.conftest import SAMPLE, _postgres_url


def _build_into(url: str, folder: str, start: Any) -> tuple[list[str], list[str]]:
    """Build one folder into the database (in a child process, after the shared start);
    return the ids added and the failures."""
    start.wait()
    store = Store(url)
    try:
        report = build([folder], store, batch_size=1)
        return report.added, [f"{f.source}: {f.reason}" for f in report.failed]
    finally:
        store.close()


def _snapshot(store: Store) -> dict[str, Any]:
    return {"documents": store.document_ids(), "entities": store.entities(),
            "events": store.events(), "agreements": store.agreements(),
            "conflicts": store.conflicts(), "keys": store.entity_index()}


def _folders(tmp_path: Path, parts: list[slice]) -> list[str]:
    files = sorted(SAMPLE.glob("*.txt"))
    out = []
    for n, part in enumerate(parts):
        folder = tmp_path / f"in{n}"
        folder.mkdir()
        for f in files[part]:
            shutil.copy(f, folder / f.name)
        out.append(str(folder))
    return out


@pytest.mark.parametrize("parts", [[slice(0, 4), slice(1, 5)], [slice(0, 2), slice(2, 5)]],
                         ids=["overlapping", "disjoint"])
def test_pg_concurrent_builds_end_with_the_union(tmp_path: Path, parts: list[slice]) -> None:
    url = _postgres_url()
    store = Store(url)
    metadata.drop_all(store.engine)
    store.close()
    folders = _folders(tmp_path, parts)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        runs = [pool.submit(_build_into, url, f, start) for f in folders]
        start.set()
        results = [r.result(timeout=600) for r in runs]
    assert [failed for _, failed in results] == [[], []]
    added = [ids for ids, _ in results]
    reference = Store(str(tmp_path / "one.db"))
    build([SAMPLE], reference)
    store = Store(url)
    try:
        assert set().union(*added) == set(reference.document_ids())
        assert _snapshot(store) == _snapshot(reference)
        assert store.count("sources") == sum(len(list(Path(f).iterdir())) for f in folders)
    finally:
        store.close()
        reference.close()

