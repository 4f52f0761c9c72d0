"""Build a store from sources: ingest, run the pipeline per document, then the corpus steps."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.ingest.sources import SourceOptions, iter_sources
from dossier.model import Document, Failure
from dossier.pipeline import DEFAULT_STAGES, Pipeline, StageError, build_pipeline

if TYPE_CHECKING:  # imported where used: a spawned worker imports this module and needs
    # neither the store (SQLAlchemy) nor the near-duplicate index (datasketch loads SciPy),
    # about a second and a half of start-up per worker process
    from dossier.ingest.dedup import NearDuplicates
    from dossier.store import Store


@dataclass(slots=True, kw_only=True)
class BuildReport:
    """What a build did: documents added, unchanged and failed (with reasons)."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    filtered: list[str] = field(default_factory=list)  # outside --lang / --since
    duplicates: dict[str, str] = field(default_factory=dict)  # id -> earlier near-duplicate
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def read(self) -> int:
        """Return how many documents were read (added or unchanged)."""
        return len(self.added) + len(self.unchanged)


def process(doc: Document, pipeline: Pipeline) -> Document | Failure:
    """Run the pipeline on one document; a failure names the input and the reason."""
    try:
        doc = pipeline(doc)
    except StageError as exc:
        return Failure(source=doc.source, reason=str(exc))
    if not doc.text.strip():
        return Failure(source=doc.source, reason="no article text left after cleaning "
                       "(empty page, or only navigation/boilerplate)")
    return doc


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(stage_names: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE  # one pipeline (and its models) per worker process
    _WORKER_PIPELINE = build_pipeline(stage_names)


def _work(doc: Document) -> Document | Failure:
    assert _WORKER_PIPELINE is not None
    return process(doc, _WORKER_PIPELINE)


def _results(todo: Iterable[Document | Failure], pipeline: Pipeline | None, workers: int,
             chunk: int) -> Iterator[Document | Failure]:
    """Run the pipeline over documents (passing failures through), in order."""
    if workers <= 1:
        local = pipeline or build_pipeline()
        for item in todo:
            yield item if isinstance(item, Failure) else process(item, local)
        return
    names = tuple(pipeline.names) if pipeline else DEFAULT_STAGES
    ctx = multiprocessing.get_context("spawn")  # no fork of loaded models or DB connections
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(names,)) as pool:
        pending: list[Document | Failure] = []
        for item in todo:
            pending.append(item)
            if len(pending) >= chunk:
                yield from _run_chunk(pool, pending)
                pending = []
        yield from _run_chunk(pool, pending)


def _run_chunk(pool: ProcessPoolExecutor, items: list[Document | Failure]
               ) -> Iterator[Document | Failure]:
    docs = [i for i in items if isinstance(i, Document)]
    done = iter(pool.map(_work, docs, chunksize=4))
    for item in items:
        yield item if isinstance(item, Failure) else next(done)


def build(
    sources: Iterable[str | Path], store: Store, *, pipeline: Pipeline | None = None,
    force: bool = False, batch_size: int = 64, corpus: bool = True, workers: int = 1,
    options: SourceOptions | None = None, dedup: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> BuildReport:
    """Ingest ``sources`` into ``store``; re-running on the same input changes nothing.

    Sources are files, folders, WARC archives or http(s) URLs (articles, feeds, sitemaps).
    ``workers`` > 1 runs the per-document stages in that many processes, with the same
    results as one process (documents are written in input order). Near-duplicates of
    earlier documents (syndicated copies) are stored but linked, not counted in conflicts.
    """
    started = time.perf_counter()
    opts = options or SourceOptions()
    report = BuildReport()
    todo = new_inputs(sources, store, opts, report, force=force, on_document=on_document)
    results = _results(todo, pipeline, workers, batch_size * max(workers, 1))
    store_results(results, store, report, opts, batch_size=batch_size, dedup=dedup,
                  on_document=on_document)
    store.record_failures(report.failed)
    if corpus and report.added:
        from dossier.corpus import update_corpus

        update_corpus(store, full=force)  # --force rewrites documents in place
    report.seconds = time.perf_counter() - started
    return report


def _wanted(doc: Document, opts: SourceOptions) -> bool:
    """Apply ``--lang`` / ``--since`` to a processed document (undated ones are kept out)."""
    if opts.lang and doc.language != opts.lang.lower():
        return False
    return not (opts.since and (doc.published is None or doc.published < opts.since))


def load_duplicates(store: Store) -> NearDuplicates:
    """Return the near-duplicate index of the stored documents (from their signatures)."""
    from dossier.ingest.dedup import NearDuplicates

    index = NearDuplicates()
    for doc_id, hashes in store.iter_signatures():
        index.insert_signature(doc_id, hashes)
    return index


def _link_duplicate(doc: Document, near: NearDuplicates, signatures: dict[str, bytes],
                    report: BuildReport) -> None:
    earlier = near.add(doc.id, doc.text)
    if earlier:
        doc.duplicate_of = earlier[0]
        report.duplicates[doc.id] = earlier[0]
    packed = near.signature_bytes(doc.id)
    if packed is not None:
        signatures[doc.id] = packed


def store_results(results: Iterable[Document | Failure], store: Store, report: BuildReport,
                  opts: SourceOptions, *, batch_size: int = 64, dedup: bool = True,
                  on_document: Callable[[str], None] | None = None) -> None:
    """Store processed documents in batches: filters, near-duplicate links, failures.

    Every engine (local processes, Ray) ends here, so they store identically.
    """
    near = load_duplicates(store) if dedup else None
    batch: list[Document] = []
    signatures: dict[str, bytes] = {}

    def flush() -> None:
        if batch:
            store.write_documents(batch, signatures)
            report.added.extend(d.id for d in batch)
            batch.clear()
            signatures.clear()

    for result in results:
        if isinstance(result, Failure):
            report.failed.append(result)
        elif not _wanted(result, opts):
            report.filtered.append(result.id)
        else:
            if near is not None:
                _link_duplicate(result, near, signatures, report)
            batch.append(result)
            if len(batch) >= batch_size:
                flush()
        if on_document is not None:
            on_document(result.source)
    flush()


def new_inputs(sources: Iterable[str | Path], store: Store, opts: SourceOptions,
               report: BuildReport, *, force: bool = False,
               on_document: Callable[[str], None] | None = None,
               ) -> Iterator[Document | Failure]:
    """Yield the inputs still to process; stored or repeated documents count as unchanged.

    Every engine reads its inputs through here, so re-running changes nothing anywhere.
    """
    seen: set[str] = set()
    for item in iter_sources(sources, opts):
        if isinstance(item, Document) and (
                item.id in seen or (not force and store.has_document(item.id))):
            if item.id not in seen:
                store.record_source(item.source, item.id)
            report.unchanged.append(item.id)
            if on_document is not None:
                on_document(item.source)
            continue
        if isinstance(item, Document):
            seen.add(item.id)
        yield item
