"""Cost as the corpus grows: write, full corpus step, adding one document, conflicts, export.

    python bench/bench_scale.py [--sizes 1000 10000] [--db postgresql+psycopg://...]
    python bench/bench_scale.py --sizes 100000 --keep /tmp/scale --fill-only   # fill once,
    python bench/bench_scale.py --sizes 100000 --keep /tmp/scale               # then time

Stores are filled with synthetic variants of the processed seed articles
(:mod:`dossier.scale.synth`: own ids, person names from a generated pool, shifted dates,
scaled figures), so the corpus-level steps see a growing corpus without re-running the
per-document stages (``bench/bench_pipeline.py`` measures those). Times are wall-clock, one
process, with the 1-minute load average beside them (the machine is shared); peak RSS from
getrusage (a high-water mark: it only grows through the run). ``--keep DIR`` keeps the filled
SQLite stores in DIR and reuses a store already filled there (writing 100k documents takes
about ten CPU minutes; the corpus steps can then be timed again, in a fresh process, without
refilling): the steps after writing run on a copy, so the filled store stays as written.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.build import process  # noqa: E402
from dossier.corpus import update_corpus  # noqa: E402
from dossier.export import export  # noqa: E402
from dossier.ingest.files import iter_inputs  # noqa: E402
from dossier.model import Document  # noqa: E402
from dossier.pipeline import build_pipeline  # noqa: E402
from dossier.resolve.figures import find_conflicts  # noqa: E402
from dossier.resolve.groups import GroupIndex  # noqa: E402
from dossier.scale.synth import corpus  # noqa: E402
from dossier.store import Store  # noqa: E402


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def row(size: int, step: str, docs: int, seconds: float) -> str:
    rate = f"{docs / seconds:.1f}" if seconds and docs else "-"
    line = (f"| {size} | {step} | {docs} | {seconds:.2f} | {_cpu[0]:.2f} | {rate} "
            f"| {peak_rss_mb():.0f} | {os.getloadavg()[0]:.1f} |")
    print(line, flush=True)  # as it comes: a 100k run takes long
    return line


_cpu = [0.0]  # CPU seconds of the last timed step (the machine is shared: wall time varies)


def timed(fn):  # type: ignore[no-untyped-def]
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    _cpu[0] = time.process_time() - c
    return out, time.perf_counter() - t


def conflicts_alone(store: Store) -> int:
    """Group every stored figure and detect conflicts (what a full corpus step does)."""
    index = store.entity_index()
    groups = GroupIndex(index)
    groups.add(store.figure_refs())
    names = {e.id: e.name for e in store.entities()}
    return len(find_conflicts(groups.groups(), entity_of=index, names=names))


def open_store(db: str | None, folder: Path, size: int) -> Store:
    """Return an empty store: an SQLite file in ``folder``, or the PostgreSQL ``db`` emptied."""
    if db is None:
        return Store(str(folder / f"scale-{size}.db"))
    from dossier.store.schema import metadata

    store = Store(db)
    metadata.drop_all(store.engine)
    store.close()
    return Store(db)


def fill(seeds: list[Document], size: int, folder: Path, db: str | None) -> tuple[Store, str]:
    """Return a store with ``size`` synthetic documents and the row that timed writing them;
    with ``--keep`` a store filled before is copied instead of written again."""
    kept = folder / f"scale-{size}.filled.db"
    if db is None and kept.exists():
        work = folder / f"scale-{size}.db"
        for stale in (work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
            stale.unlink(missing_ok=True)  # a run cut short leaves them: they are not the copy's
        shutil.copyfile(kept, work)
        return Store(str(work)), f"| {size} | write documents | {size} | (filled before) |"
    store = open_store(db, folder, size)
    _, secs = timed(lambda: [store.write_documents(list(corpus(seeds, 250, start=i)))
                             for i in range(0, size, 250)])
    line = row(size, "write documents", size, secs)
    if db is None:
        store.close()
        shutil.copyfile(folder / f"scale-{size}.db", kept)
        store = Store(str(folder / f"scale-{size}.db"))
    return store, line


def one_size(seeds: list[Document], size: int, folder: Path, db: str | None,
             fill_only: bool = False) -> list[str]:
    """Fill a store with ``size`` documents and time each corpus step."""
    store, line = fill(seeds, size, folder, db)
    rows = [line]
    if fill_only:
        store.close()
        return rows
    _, secs = timed(lambda: update_corpus(store, full=True))
    rows.append(row(size, "corpus step, full", size, secs))
    _, secs = timed(lambda: conflicts_alone(store))
    rows.append(row(size, "conflict detection, all figures", size, secs))
    for n, label in ((1, "add 1 document (corpus step)"), (10, "add 10 documents")):
        store.write_documents(list(corpus(seeds, n, start=size + n * 7919)))
        result, secs = timed(lambda: update_corpus(store))
        assert result.incremental
        rows.append(row(size, label, n, secs))
    _, secs = timed(lambda: export(store, "json", folder / f"export-{size}.json"))
    rows.append(row(size, "export json", store.count("documents"), secs))
    store.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--db", help="a PostgreSQL URL (emptied first!); default: SQLite files")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the filled SQLite stores here")
    ap.add_argument("--fill-only", action="store_true", help="only fill the stores (--keep)")
    args = ap.parse_args()
    pipeline = build_pipeline()
    seeds = [d for d in (process(d, pipeline) for d in iter_inputs([ROOT / "examples/seeds"])
                         if isinstance(d, Document)) if isinstance(d, Document)]
    print("| store size | step | documents | seconds | CPU s | docs/s | peak RSS MB | load 1m |")
    print("|---|---|---|---|---|---|---|---|")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            one_size(seeds, size, args.keep, args.db, args.fill_only)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            one_size(seeds, size, Path(tmp), args.db)


if __name__ == "__main__":
    main()
