"""Export the store as dossier/1 JSON, CSV (one file per table) or Parquet."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dossier.store import Store, figure_id
from dossier.store.codec import to_data

FORMAT = "dossier/1"
TABLES = ("documents", "entities", "figures", "events", "agreements", "conflicts")


def _ids(keys: list[str], index: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        eid = index.get(k)
        if eid and eid not in out:
            out.append(eid)
    return out


def build_export(store: Store) -> dict[str, Any]:
    """Return the whole store as one dossier/1 object."""
    index = store.entity_index()
    documents: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for d in store.iter_documents(facts=("figures",), text=False, body=False):
        documents.append({
            "id": d.id, "source": d.source, "title": d.title, "language": d.language,
            "published": d.published, "outlet": d.outlet, "author": d.author, "url": d.url,
            "duplicate_of": d.duplicate_of,
        })
        for i, f in enumerate(d.figures):
            figures.append({
                "id": figure_id(d.id, i), "document": d.id, "quote": f.quote,
                "value": f.value, "unit": f.unit, "measure": f.measure, "metric": f.metric,
                "period": f.period, "kind": f.kind, "approx": f.approx,
                "speaker": index.get(f.speaker) if f.speaker else None,
                "subjects": _ids(f.subjects, index), "surface": f.surface,
                "upper": f.upper, "vague": f.vague, "sentence": f.sentence,
            })
    entities = [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
                 "documents": e.documents} for e in store.entities()]
    events = [to_data(e) for e in store.events()]
    agreements = [to_data(a) for a in store.agreements()]
    conflicts = [to_data(c) for c in store.conflicts()]
    return {"format": FORMAT, "documents": documents, "entities": entities,
            "figures": figures, "events": events, "agreements": agreements,
            "conflicts": conflicts}


def _flat(value: Any) -> Any:
    """Flatten a value for one CSV/Parquet cell: lists of scalars joined, the rest as JSON."""
    if isinstance(value, list):
        if all(isinstance(v, str | int | float) for v in value):
            return "|".join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _rows(data: dict[str, Any], table: str) -> tuple[list[str], list[dict[str, Any]]]:
    rows = [{k: _flat(v) for k, v in r.items()} for r in data[table]]
    columns: list[str] = []
    for r in rows:
        columns.extend(k for k in r if k not in columns)
    return columns, rows


def write_json(data: dict[str, Any], out: Path) -> None:
    """Write the export as one JSON file."""
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_csv(data: dict[str, Any], out: Path) -> None:
    """Write one CSV per table into folder ``out`` (or a zip when it ends in .zip)."""
    files: dict[str, str] = {}
    for table in TABLES:
        columns, rows = _rows(data, table)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns or ["id"])
        writer.writeheader()
        writer.writerows(rows)
        files[f"{table}.csv"] = buf.getvalue()
    if out.suffix == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                z.writestr(name, text)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")


def write_parquet(data: dict[str, Any], out: Path) -> None:
    """Write one Parquet file per table into folder ``out``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        columns, rows = _rows(data, table)
        cols = {c: [r.get(c) for r in rows] for c in columns} or {"id": []}
        pq.write_table(pa.table({k: pa.array(v, type=_arrow_type(v)) for k, v in cols.items()}),
                       out / f"{table}.parquet")


def _arrow_type(values: list[Any]) -> Any:
    import pyarrow as pa

    kinds = {type(v) for v in values if v is not None}
    if kinds <= {int, float} and float in kinds:
        return pa.float64()
    if kinds == {int}:
        return pa.int64()
    if kinds == {bool}:
        return pa.bool_()
    return pa.string()


WRITERS = {"json": write_json, "csv": write_csv, "parquet": write_parquet}


def export(store: Store, fmt: str, out: str | Path) -> Path:
    """Export the store in ``fmt`` (json, csv, parquet) to ``out``; return the path."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    path = Path(out)
    WRITERS[fmt](build_export(store), path)
    return path
