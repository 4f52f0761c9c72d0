"""The Ray engine gives the local engine's results (exports compared on the seeds)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier.build import build, process
from dossier.export import build_export
from dossier.ingest.files import iter_inputs
from dossier.model import Document, Failure
from dossier.pipeline import build_pipeline
from dossier.scale.ray_engine import build_ray, decode_row, encode_row
from dossier.store import Store
from tests.conftest import SAMPLE


def _need_ray() -> Any:
    if importlib.util.find_spec("ray") is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs the Ray engine test: install the extra, pip install -e '.[ray]'")
        pytest.skip("ray is not installed (pip install -e '.[ray]' to test the Ray engine)")
    import ray

    return ray


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A local Ray instance with two CPUs for this module."""
    ray = _need_ray()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def processed() -> list[Document]:
    """The seed articles through the default pipeline."""
    pipeline = build_pipeline()
    return [d for d in (process(d, pipeline) for d in iter_inputs([SAMPLE])
                        if isinstance(d, Document)) if isinstance(d, Document)]


def test_scale_ray_rows_roundtrip(processed: list[Document]) -> None:
    assert {d.language for d in processed} >= {"pt", "en", "it"}
    for n, doc in enumerate(processed):
        row = encode_row(n, doc)
        assert row["seq"] == n and row["failure"] is None
        assert decode_row(row) == doc
    failure = Failure(source="bad.bin", reason="binary file")
    assert decode_row(encode_row(9, failure)) == failure


def _inputs(tmp_path: Path) -> Path:
    """The seeds plus inputs that fail (binary data, an empty page)."""
    folder = tmp_path / "in"
    shutil.copytree(SAMPLE, folder)
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "zz_empty.html").write_text("<html><body>   </body></html>")
    return folder


def test_scale_ray_build_equals_local(local_ray: None, tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    local, remote = Store(str(tmp_path / "local.db")), Store(str(tmp_path / "ray.db"))
    try:
        expected = build([folder], local)
        report = build_ray([folder], remote, shards=tmp_path / "shards", shard_size=2)
        assert report.added == expected.added and len(report.added) >= 5
        assert report.failed == expected.failed and expected.failed
        assert len(list((tmp_path / "shards" / "input").glob("*.parquet"))) >= 3
        assert len(list((tmp_path / "shards" / "output").glob("*.parquet"))) >= 3
        assert build_export(remote) == build_export(local)
        again = build_ray([folder], remote)
        assert again.added == [] and sorted(again.unchanged) == sorted(expected.added)
    finally:
        local.close()
        remote.close()


def test_scale_ray_cli_helper_builds(local_ray: None, tmp_path: Path) -> None:
    from dossier.cli_scale import run_build_ray

    db = str(tmp_path / "cli.db")
    report = run_build_ray([str(SAMPLE)], db, workers=2)
    store = Store(db)
    try:
        assert sorted(store.document_ids()) == sorted(report.added) and report.added
        assert store.entities() and store.events()
    finally:
        store.close()
