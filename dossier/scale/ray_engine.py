"""``dossier build --engine ray``: the per-document stages as a Ray Data pipeline.

read -> clean -> extract -> write Parquet shards, then the driver stores the processed
documents in input order and runs the corpus step, exactly as the local engine does
(:func:`dossier.build.build`: same skipping of stored documents, ``--lang``/``--since``
filter, near-duplicate links, failures). Ray only replaces the process pool, so its results
equal the local engine's (tests/test_scale_ray.py compares the exports).

The driver reads the inputs (files, folders, WARC, URLs: :func:`iter_sources`) into input
shards of ``shard_size`` documents, so its memory stays bounded whatever the corpus size;
on a cluster the shard folder must be on storage every node sees (NFS, or a path that
pyarrow's filesystems resolve). Workers build the pipeline once per worker process
(``_pipeline``) and pass records as dossier/1-style JSON, which keeps the Parquet schema
flat (seq, source, doc JSON, failure reason) and readable by other tools.

Ray is an optional extra (``pip install 'dossier[ray]'``): Apache-2.0, ~70 MB wheel.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dossier.build import BuildReport, new_inputs, store_results
from dossier.ingest.sources import SourceOptions
from dossier.model import Document, Failure
from dossier.pipeline import DEFAULT_STAGES, Pipeline, StageError, build_pipeline
from dossier.store import Store
from dossier.store.codec import dumps, from_data, loads

__all__ = ["CLEAN_STAGES", "build_ray", "decode_row", "encode_row"]

CLEAN_STAGES = frozenset({"clean", "language", "published"})  # the "clean" map; rest extract
SCHEMA = pa.schema([("seq", pa.int64()), ("source", pa.string()), ("doc", pa.large_string()),
                    ("failure", pa.string())])
EMPTY = ("no article text left after cleaning (empty page, or only navigation/boilerplate)")


def encode_row(seq: int, item: Document | Failure) -> dict[str, Any]:
    """Return the Parquet row of a document (as JSON) or of a failure."""
    if isinstance(item, Failure):
        return {"seq": seq, "source": item.source, "doc": None, "failure": item.reason}
    return {"seq": seq, "source": item.source, "doc": dumps(item), "failure": None}


def decode_row(row: dict[str, Any]) -> Document | Failure:
    """Return the document or failure a Parquet row holds."""
    if row["doc"] is None:
        return Failure(source=row["source"], reason=row["failure"])
    return from_data(Document, loads(row["doc"]))


@lru_cache(maxsize=4)
def _pipeline(names: tuple[str, ...]) -> Pipeline:
    """One pipeline (and its models) per worker process, built on first use."""
    return build_pipeline(names)


def _stages(names: tuple[str, ...], part: str) -> list[Any]:
    stages = _pipeline(names).stages
    lead = 0
    while lead < len(stages) and stages[lead].name in CLEAN_STAGES:
        lead += 1
    return stages[:lead] if part == "clean" else stages[lead:]


def _run(stages: list[Any], item: Document | Failure, last: bool) -> Document | Failure:
    """Run some stages as ``Pipeline.__call__`` and ``dossier.build.process`` do."""
    if isinstance(item, Failure):
        return item
    doc = item
    for stage in stages:
        try:
            doc = stage(doc)
        except Exception as exc:  # the same failure the local engine reports
            return Failure(source=doc.source, reason=str(StageError(stage.name, doc.source,
                                                                    exc)))
    if last and not doc.text.strip():
        return Failure(source=doc.source, reason=EMPTY)
    return doc


def run_part(batch: pa.Table, names: tuple[str, ...], part: str) -> pa.Table:
    """Ray map_batches function: run the clean or extract stages over a batch of rows."""
    stages = _stages(names, part)
    rows = [encode_row(r["seq"], _run(stages, decode_row(r), part == "extract"))
            for r in batch.to_pylist()]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def build_ray(
    sources: Iterable[str | Path], store: Store, *, address: str | None = None,
    workers: int | None = None, shards: Path | None = None, shard_size: int = 256,
    force: bool = False, batch_size: int = 64, corpus: bool = True,
    options: SourceOptions | None = None, dedup: bool = True, stages: Iterable[str] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build ``sources`` into ``store`` with the per-document stages on Ray.

    ``address`` joins a running cluster ("auto", "ray://head:10001"); without it a local
    Ray starts with ``workers`` CPUs (all by default). ``shards`` keeps the input and output
    Parquet shards there (default: a temporary folder, removed after).
    """
    started = time.perf_counter()
    opts = options or SourceOptions()
    names = tuple(stages or DEFAULT_STAGES)
    report = BuildReport()
    with tempfile.TemporaryDirectory(prefix="dossier-ray-") as tmp:
        work = Path(shards) if shards else Path(tmp)
        inputs, outputs = work / "input", work / "output"
        count = _write_inputs(sources, store, opts, force, report, inputs, shard_size,
                              on_document)
        if count:
            _run_ray(inputs, outputs, names, address=address, workers=workers,
                     shard_size=shard_size)
            _store_outputs(outputs, store, opts, report, batch_size, dedup, on_document)
    store.record_failures(report.failed)
    if corpus and report.added:
        from dossier.corpus import update_corpus

        update_corpus(store, full=force)
    report.seconds = time.perf_counter() - started
    return report


def _write_inputs(sources: Iterable[str | Path], store: Store, opts: SourceOptions,
                  force: bool, report: BuildReport, folder: Path, shard_size: int,
                  on_document: Callable[[str], None] | None) -> int:
    """Read the inputs into Parquet shards (stored documents skipped); return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    count = 0
    for item in new_inputs(sources, store, opts, report, force=force,
                           on_document=on_document):
        rows.append(encode_row(count, item))
        count += 1
        if len(rows) >= shard_size:
            _write_shard(folder, rows)
    _write_shard(folder, rows)
    return count


def _write_shard(folder: Path, rows: list[dict[str, Any]]) -> None:
    if rows:
        n = len(list(folder.glob("*.parquet")))
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), folder / f"{n:06d}.parquet")
        rows.clear()


def _run_ray(inputs: Path, outputs: Path, names: tuple[str, ...], *, address: str | None,
             workers: int | None, shard_size: int) -> None:
    """Run read -> clean -> extract -> write as one streaming Ray Data job."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else workers,
                 include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # output shards follow the input order
    ctx.enable_progress_bars = False
    ds = ray.data.read_parquet(str(inputs))
    for part in ("clean", "extract"):
        ds = ds.map_batches(partial(run_part, names=names, part=part),
                            batch_format="pyarrow", batch_size=8)
    # small output shards: the driver holds one at a time while it stores them
    ds.write_parquet(str(outputs), max_rows_per_file=shard_size)


def _ordered_rows(folder: Path) -> Iterator[dict[str, Any]]:
    """Yield output rows in input order: shards by first seq, rows sorted in each shard."""
    files = sorted(folder.glob("*.parquet"))
    firsts = [(pq.read_table(f, columns=["seq"]).column("seq").to_pylist(), f) for f in files]
    for _, f in sorted((min(seqs), f) for seqs, f in firsts if seqs):
        yield from sorted(pq.read_table(f).to_pylist(), key=lambda r: r["seq"])


def _store_outputs(folder: Path, store: Store, opts: SourceOptions, report: BuildReport,
                   batch_size: int, dedup: bool,
                   on_document: Callable[[str], None] | None) -> None:
    """Store processed documents as the local engine does (filters, duplicates, batches)."""
    store_results((decode_row(row) for row in _ordered_rows(folder)), store, report, opts,
                  batch_size=batch_size, dedup=dedup, on_document=on_document)
