"""Streamed exports: the same bytes as the in-memory layout, batch after batch."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import update

from dossier.export import TABLES, build_export, export, records, tables
from dossier.export.json_stream import encode_items, write_object
from dossier.model import Conflict, Entity, Event, Evidence, Figure
from dossier.store import Store
from dossier.store import schema as s
from dossier.store.codec import as_data, from_data, to_data
from tests.test_store_roundtrip import make_doc

ODD_VALUES: list[Any] = [
    None, True, False, 0, -7, 2 ** 40, 2 ** 70, 1.5, 28e9, 1e16, 1e-4, 1e-5, -3.2e-9, 2.5e-7,
    1e-10, "", "line\nbreak", "two  spaces", "0.00001 in text", "e-5, in text",
    "é 漢 \u2028 \x7f \x00 \"quoted\"", [], {}, [1, "a"], {"nested": [{"x": [1.25e-6]}]},
]


def _random_record(rng: random.Random) -> dict[str, Any]:
    return {f"k{i}": rng.choice(ODD_VALUES) for i in range(rng.randint(0, 5))}


def test_json_object_matches_json_dumps_indent_one() -> None:
    rng = random.Random(7)
    for _ in range(200):
        lists = [(f"t{i}", [[_random_record(rng) for _ in range(rng.randint(0, 4))]
                            for _ in range(rng.randint(0, 3))]) for i in range(3)]
        fh = io.BytesIO()
        write_object(fh, {"format": "dossier/1"}, lists)
        whole: dict[str, Any] = {"format": "dossier/1"}
        whole.update({key: [r for batch in batches for r in batch] for key, batches in lists})
        assert fh.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1).encode()


@pytest.mark.parametrize("value", [1e-5, -9.5e-8, 0.00002, 3e-9])
def test_json_small_floats_keep_json_spelling(value: float) -> None:
    items = [{"value": value, "id": "f1e-2"}, {"value": 27.5, "id": "f2"}]
    expected = json.dumps({"t": items}, ensure_ascii=False, indent=1).encode()
    assert encode_items(items) == expected[len(b'{\n "t": ['):-len(b"\n ]\n}")]
    assert b"e-0" in encode_items(items)


def test_json_object_without_lists_or_keys() -> None:
    for head in ({}, {"format": "dossier/1"}):
        fh = io.BytesIO()
        write_object(fh, head, [])
        assert fh.getvalue() == json.dumps(head, indent=1).encode()


def _filled(store: Store, n_docs: int = 7) -> Store:
    docs = [make_doc(f"doc{i:03d}", f"s{i}.txt") for i in range(n_docs)]
    for i, d in enumerate(docs):
        d.figures = d.figures * (i % 3)  # 0, 1 or 2 figures
        d.published = None if i % 2 else f"2025-01-0{i + 1}"
    store.write_documents(docs)
    names = ["Zeta", "Alpha", "Mu", "Beta", "Alpha"]
    store.replace_corpus(
        entities=[Entity(id=f"e{i}", name=n, type="person", aliases=[n, n.upper()],
                         keys=[f"person:{n.lower()}{i}"], documents=["doc001"])
                  for i, n in enumerate(names)]
        + [Entity(id="eRU", name="Russia", type="country", keys=["country:RU"])],
        events=[Event(id=f"v{i}", type="visit", date=d, actors=["e1"], documents=["doc001"],
                      evidence=[Evidence(document="doc001", quote="q")])
                for i, d in enumerate(["2025-03", None, "2024", None, "2025-01-02"])],
        agreements=[], conflicts=[
            Conflict(id="c2", metric="gdp", measure=None, period="2024", subjects=["eRU"],
                     figures=["f1", "f2"], low=1e-5, high=2.0),
            Conflict(id="c1", metric=None, measure="x", period=None, subjects=[],
                     figures=[], low=1.0, high=3.0)])
    return store


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of two documents and four figures: every table spans several batches."""
    monkeypatch.setattr(records, "BATCH", 2)
    monkeypatch.setattr("dossier.store._CHUNK", 2)


def test_export_json_streams_the_in_memory_layout(fresh_store: Store, tmp_path: Path,
                                                  small_batches: None) -> None:
    store = _filled(fresh_store)
    data = build_export(store)
    written = export(store, "json", tmp_path / "x.json").read_bytes()
    assert written == json.dumps(data, ensure_ascii=False, indent=1).encode()
    assert [d["id"] for d in data["documents"]] == [f"doc{i:03d}" for i in range(7)]
    assert [f["id"] for f in data["figures"]][:3] == ["fdoc001-0", "fdoc002-0", "fdoc002-1"]
    assert data["agreements"] == [] and json.loads(written)["agreements"] == []


def test_export_orders_corpus_tables_like_the_store(fresh_store: Store,
                                                    small_batches: None) -> None:
    store = _filled(fresh_store)
    data = build_export(store)
    assert [e["id"] for e in data["entities"]] == [e.id for e in store.entities()]
    assert [e["name"] for e in data["entities"]][:3] == ["Alpha", "Alpha", "Beta"]
    assert [e["date"] for e in data["events"]] == [None, None, "2024", "2025-01-02", "2025-03"]
    assert data["events"] == [to_data(e) for e in store.events()]
    assert [c["id"] for c in data["conflicts"]] == ["c1", "c2"]


def test_export_figure_maps_keys_to_entity_ids(fresh_store: Store) -> None:
    store = _filled(fresh_store)
    store.replace_corpus(entities=[Entity(id="eP", name="Vladimir Putin", type="person",
                                          keys=["person:vladimir putin"])],
                         events=[], agreements=[], conflicts=[])
    fig = build_export(store)["figures"][0]
    assert (fig["speaker"], fig["subjects"], fig["document"]) == ("eP", [], "doc001")
    assert list(fig) == list(records.COLUMNS["figures"][1])


def test_export_reads_rows_of_an_older_version(fresh_store: Store) -> None:
    """A stored figure without a later field, with a removed one: defaults, key dropped."""
    store = _filled(fresh_store, 2)
    old = to_data(make_doc().figures[0])
    del old["vague"], old["direction"]
    old["retired_field"] = 1
    with store.engine.begin() as c:
        c.execute(update(s.figures).values(data=old))
    fig = build_export(store)["figures"][0]
    assert fig["vague"] is False and "retired_field" not in fig


def test_as_data_passes_current_rows_and_rebuilds_older_ones() -> None:
    event = to_data(Event(id="v1", type="visit", evidence=[Evidence(document="d", quote="q")]))
    assert as_data(Event, event) is event
    moved = dict(event, evidence=[{"quote": "q", "document": "d"}])
    assert as_data(Event, moved) == event
    missing = {k: v for k, v in event.items() if k != "status"}
    assert as_data(Event, missing) == event
    figure = to_data(make_doc().figures[0])
    assert as_data(Figure, dict(figure, extra=1)) == to_data(from_data(Figure, figure))


def test_export_csv_zip_and_folder_hold_the_same_tables(fresh_store: Store, tmp_path: Path,
                                                        small_batches: None) -> None:
    store = _filled(fresh_store)
    export(store, "csv", tmp_path / "out")
    export(store, "csv", tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        for table in TABLES:
            assert z.read(f"{table}.csv") == (tmp_path / "out" / f"{table}.csv").read_bytes()
    with (tmp_path / "out" / "entities.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["aliases"] == "Alpha|ALPHA" and len(rows) == 6
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8", newline="") as fh:
        event = next(csv.DictReader(fh))
    assert json.loads(event["evidence"]) == [{"document": "doc001", "quote": "q",
                                              "sentence": -1}]
    assert (tmp_path / "out" / "agreements.csv").read_bytes() == b"id\r\n"


def test_csv_refuses_a_field_outside_the_header(tmp_path: Path) -> None:
    batches = [[{"id": "a"}], [{"id": "b", "surprise": 1}]]
    data = {t: [] for t in TABLES} | {"documents": batches}
    with pytest.raises(ValueError, match="surprise"):
        tables.write_csv(data, tmp_path / "out")


def test_export_parquet_types_follow_the_model(fresh_store: Store, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "ROW_GROUP", 3)
    store = _filled(fresh_store)
    export(store, "parquet", tmp_path / "pq")
    figures = pq.ParquetFile(tmp_path / "pq" / "figures.parquet")
    schema = figures.schema_arrow
    assert (schema.field("value").type, schema.field("upper").type) == (pa.float64(),) * 2
    assert (schema.field("sentence").type, schema.field("vague").type) == (pa.int64(), pa.bool_())
    assert schema.field("subjects").type == pa.string()
    assert figures.metadata.num_row_groups == 2  # 3 + 3 figures
    assert pq.read_table(tmp_path / "pq" / "figures.parquet").to_pylist() == [
        {k: tables.flat(v) for k, v in f.items()} for f in build_export(store)["figures"]]
    empty = pq.read_table(tmp_path / "pq" / "agreements.parquet")
    assert empty.num_rows == 0 and "parties" in empty.column_names


def test_failed_export_leaves_no_file(fresh_store: Store, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = _filled(fresh_store)

    def broken(_store: Store) -> Any:
        yield [{"id": "v1"}]
        raise RuntimeError("database went away")

    monkeypatch.setitem(records.READERS, "events", broken)
    for fmt, out in (("json", "x.json"), ("csv", "x.zip"), ("parquet", "pq")):
        with pytest.raises(RuntimeError):
            export(store, fmt, tmp_path / out)
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.zip").exists()
    assert not (tmp_path / "pq" / "events.parquet").exists()
    assert not list(tmp_path.rglob("*.part"))
