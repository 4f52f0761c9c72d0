"""Exports: dossier/1 JSON with every list, CSV per table, Parquet per table."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dossier.export import TABLES, export
from dossier.model import Entity
from dossier.store import Store
from tests.test_store_roundtrip import make_doc


@pytest.fixture
def filled(fresh_store: Store) -> Store:
    fresh_store.write_documents([make_doc()])
    fresh_store.replace_corpus(
        entities=[Entity(id="e1", name="Vladimir Putin", type="person", aliases=["Putin"],
                         keys=["person:vladimir putin"], documents=["abc123"]),
                  Entity(id="e2", name="Russia", type="country", keys=["country:RU"])],
        events=[], agreements=[], conflicts=[])
    return fresh_store


def test_export_json_has_format_and_every_list(filled: Store, tmp_path: Path) -> None:
    data = json.loads(export(filled, "json", tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["format"] == "dossier/1"
    assert all(isinstance(data[t], list) for t in TABLES)
    fig = data["figures"][0]
    assert (fig["value"], fig["unit"], fig["speaker"], fig["subjects"]) == (
        28e9, "USD", "e1", ["e2"])
    assert data["documents"][0]["published"] == "2025-01-02"


def test_export_csv_folder_and_zip(filled: Store, tmp_path: Path) -> None:
    export(filled, "csv", tmp_path / "out")
    with (tmp_path / "out" / "figures.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["metric"] == "trade_turnover"
    export(filled, "csv", tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        assert set(z.namelist()) == {f"{t}.csv" for t in TABLES}


def test_export_parquet_tables(filled: Store, tmp_path: Path) -> None:
    export(filled, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "entities.parquet")
    assert table.column("name").to_pylist() == ["Russia", "Vladimir Putin"]


def test_export_unknown_format_is_refused(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="json, csv, parquet"):
        export(filled, "xml", tmp_path / "x.xml")
