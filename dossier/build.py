"""Build a store from sources: ingest, run the pipeline per document, then the corpus steps."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossier.ingest.files import iter_inputs
from dossier.model import Document, Failure
from dossier.pipeline import Pipeline, StageError, build_pipeline
from dossier.store import Store


@dataclass(slots=True, kw_only=True)
class BuildReport:
    """What a build did: documents added, unchanged and failed (with reasons)."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
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


def build(
    sources: Iterable[str | Path], store: Store, *, pipeline: Pipeline | None = None,
    force: bool = False, batch_size: int = 64, corpus: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> BuildReport:
    """Ingest ``sources`` into ``store``; re-running on the same input changes nothing."""
    started = time.perf_counter()
    pipeline = pipeline or build_pipeline()
    report = BuildReport()
    batch: list[Document] = []
    seen: set[str] = set()

    def flush() -> None:
        if batch:
            store.write_documents(batch)
            report.added.extend(d.id for d in batch)
            batch.clear()

    for item in iter_inputs(sources):
        if isinstance(item, Failure):
            report.failed.append(item)
        elif item.id in seen or (not force and store.has_document(item.id)):
            if item.id not in seen:
                store.record_source(item.source, item.id)
            report.unchanged.append(item.id)
        else:
            result = process(item, pipeline)
            if isinstance(result, Failure):
                report.failed.append(result)
            else:
                seen.add(result.id)
                batch.append(result)
                if len(batch) >= batch_size:
                    flush()
        if on_document is not None:
            on_document(getattr(item, "source", ""))
    flush()
    store.record_failures(report.failed)
    if corpus and report.added:
        from dossier.corpus import update_corpus

        update_corpus(store)
    report.seconds = time.perf_counter() - started
    return report
