"""CSV (one file per table, in a folder or a zip) and Parquet (one file per table), streamed.

Records arrive in batches from :mod:`dossier.export.records` and leave the same way: CSV
rows are written as they come, Parquet gets a row group per ``ROW_GROUP`` rows. Lists of
scalars become ``a|b|c`` and nested values JSON text, in both formats.

Parquet columns take their type from the model field behind them (float, int, bool, else
text), so every export of every store has the same schema, an empty table included; the
values decide nothing (the export once guessed each column's type from all its values).
"""

from __future__ import annotations

import csv
import io
import json
import typing
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from dossier.export.records import COLUMNS, TABLES, Record

ROW_GROUP = 50_000  # rows per Parquet row group: columnar pages, one group's rows in memory


def flat(value: Any) -> Any:
    """Flatten a value for one CSV/Parquet cell: lists of scalars joined, the rest as JSON."""
    if isinstance(value, list):
        try:  # the common case, a list of strings, joined in one C call
            return "|".join(value)
        except TypeError:
            pass
        if all(isinstance(v, str | int | float) for v in value):
            return "|".join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def nested_columns(table: str) -> frozenset[str]:
    """Return the columns of a table whose model field holds lists or mappings: the only
    cells that need :func:`flat` (the others are written as they are, a cell at a time
    being most of a tabular export's cost)."""
    cls, columns = COLUMNS[table]
    hints = typing.get_type_hints(cls)
    return frozenset(c for c in columns if _holds_many(hints.get(c)))


def _holds_many(hint: Any) -> bool:
    if typing.get_origin(hint) in (list, dict):
        return True
    return any(_holds_many(arg) for arg in typing.get_args(hint))


def _cells(records: list[Record], columns: list[str], nested: frozenset[str]
           ) -> Iterator[Sequence[Any]]:
    """Yield each record's cells in column order ("" for a missing key, like DictWriter)."""
    get = itemgetter(*columns) if len(columns) > 1 else lambda r: (r[columns[0]],)
    many = [i for i, c in enumerate(columns) if c in nested]
    known = set(columns)
    for r in records:
        if r.keys() != known:
            if r.keys() - known:  # DictWriter's refusal: a value would be lost
                raise ValueError(f"record fields not in the header: {sorted(r.keys() - known)}")
            yield [flat(r.get(k, "")) for k in columns]
            continue
        row = list(get(r))
        for i in many:
            row[i] = flat(row[i])
        yield row


def _write_csv_table(fh: IO[str], table: str, batches: Iterable[list[Record]]) -> None:
    """Write one table: the header from the first record's keys ("id" when there is none)."""
    writer = csv.writer(fh)
    nested = nested_columns(table)
    columns: list[str] = []
    for batch in batches:
        if not batch:
            continue
        if not columns:
            columns = list(batch[0])
            writer.writerow(columns)
        writer.writerows(_cells(batch, columns, nested))
    if not columns:
        writer.writerow(["id"])


def write_csv(tables: dict[str, Iterable[list[Record]]], out: Path) -> None:
    """Write one CSV per table into folder ``out``, or into a zip when it ends in .zip."""
    if out.suffix == ".zip":
        with replacing(out) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
            for table in TABLES:
                # force_zip64: the size is unknown while streaming and may pass 2 GiB
                with z.open(f"{table}.csv", "w", force_zip64=True) as raw, \
                        io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                    _write_csv_table(fh, table, tables[table])
        return
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        with replacing(out / f"{table}.csv") as part, \
                part.open("w", encoding="utf-8", newline="") as fh:
            _write_csv_table(fh, table, tables[table])


def write_parquet(tables: dict[str, Iterable[list[Record]]], out: Path) -> None:
    """Write one Parquet file per table into folder ``out``."""
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        schema = arrow_schema(table)
        with replacing(out / f"{table}.parquet") as part, \
                pq.ParquetWriter(part, schema) as writer:
            nested = nested_columns(table)
            for rows in _row_groups(tables[table]):
                writer.write_table(_arrow_table(rows, schema, nested),
                                   row_group_size=ROW_GROUP)


def _row_groups(batches: Iterable[list[Record]]) -> Iterator[list[Record]]:
    rows: list[Record] = []
    for batch in batches:
        rows.extend(batch)
        if len(rows) >= ROW_GROUP:
            yield rows
            rows = []
    if rows:
        yield rows


def _arrow_table(rows: list[Record], schema: Any, nested: frozenset[str]) -> Any:
    import pyarrow as pa

    def column(name: str) -> list[Any]:
        values = [r.get(name) for r in rows]
        return [flat(v) for v in values] if name in nested else values

    return pa.table({f.name: pa.array(column(f.name), type=f.type) for f in schema},
                    schema=schema)


def arrow_schema(table: str) -> Any:
    """Return the Arrow schema of a table: each column typed after its model field."""
    import pyarrow as pa

    cls, columns = COLUMNS[table]
    hints = typing.get_type_hints(cls)
    return pa.schema([(c, _arrow_type(hints.get(c, str))) for c in columns])


def _arrow_type(hint: Any) -> Any:
    import pyarrow as pa

    kinds = set(typing.get_args(hint) or (hint,)) - {type(None)}
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds and kinds <= {int, float}:
        return pa.float64()
    return pa.string()  # text, and lists or records flattened to text


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Write to a temporary file beside ``path`` and put it in place only once complete,
    so that a failed export leaves no half-written file behind."""
    part = path.with_name(path.name + ".part")
    try:
        yield part
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
