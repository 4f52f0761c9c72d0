"""Export the store as dossier/1 JSON, CSV (one file per table) or Parquet.

Every format streams: the records of each table come from the store in batches
(:mod:`dossier.export.records`) and are written as they come, so an export of any size
holds one batch at a time. ``build_export`` gathers the same records into one object for
callers that want it in memory (the API's snapshot, tests).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier.export import json_stream, tables
from dossier.export.records import FORMAT, TABLES, iter_batches
from dossier.store import Store

__all__ = ["FORMAT", "TABLES", "WRITERS", "build_export", "export", "write_csv", "write_json",
           "write_parquet"]


def build_export(store: Store) -> dict[str, Any]:
    """Return the whole store as one dossier/1 object."""
    data: dict[str, Any] = {"format": FORMAT}
    for table in TABLES:
        data[table] = [r for batch in iter_batches(store, table) for r in batch]
    return data


def write_json(store: Store, out: Path) -> None:
    """Write the export as one JSON file (laid out as ``json.dumps(indent=1)`` would)."""
    with tables.replacing(out) as part, part.open("wb") as fh:
        json_stream.write_object(fh, {"format": FORMAT},
                                 ((t, iter_batches(store, t)) for t in TABLES))


def write_csv(store: Store, out: Path) -> None:
    """Write one CSV per table into folder ``out`` (or a zip when it ends in .zip)."""
    tables.write_csv({t: iter_batches(store, t) for t in TABLES}, out)


def write_parquet(store: Store, out: Path) -> None:
    """Write one Parquet file per table into folder ``out``."""
    tables.write_parquet({t: iter_batches(store, t) for t in TABLES}, out)


WRITERS: dict[str, Callable[[Store, Path], None]] = {
    "json": write_json, "csv": write_csv, "parquet": write_parquet}


def export(store: Store, fmt: str, out: str | Path) -> Path:
    """Export the store in ``fmt`` (json, csv, parquet) to ``out``; return the path."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    path = Path(out)
    WRITERS[fmt](store, path)
    return path
