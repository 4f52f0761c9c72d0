"""Export cost as the corpus grows: CPU seconds and peak RSS of JSON, CSV and Parquet.

    python bench/bench_export.py --sizes 10000 30000 [--folder /tmp/stores] [--db URL]

A synthetic store per size (:mod:`dossier.scale.synth`: variants of the processed seeds,
then a full corpus step) is built once in ``--folder`` and reused by later runs (building
100k documents takes tens of CPU minutes). Each export then runs in a fresh child process,
so its peak RSS (getrusage's high-water mark) is the export's own, not the builder's; CPU
seconds are the child's user+system time, best of ``--runs`` (the machine is shared: wall
time varies with the load, given beside it).
``--db`` uses a PostgreSQL database instead of SQLite files: emptied and filled unless it
already holds as many documents as the (single) size given.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = {"json": "export.json", "csv": "export-csv", "csv-zip": "export.zip",
           "parquet": "export-parquet"}


def build_store(db: str, size: int) -> None:
    """Fill an empty store with ``size`` synthetic documents and run a full corpus step."""
    from dossier.build import process
    from dossier.corpus import update_corpus
    from dossier.ingest.files import iter_inputs
    from dossier.model import Document
    from dossier.pipeline import build_pipeline
    from dossier.scale.synth import corpus
    from dossier.store import Store

    pipeline = build_pipeline()
    seeds = [d for d in (process(x, pipeline) for x in iter_inputs([ROOT / "examples/seeds"])
                         if isinstance(x, Document)) if isinstance(d, Document)]
    store = Store(db)
    for i in range(0, size, 250):
        store.write_documents(list(corpus(seeds, min(250, size - i), start=i)))
    t = time.process_time()
    update_corpus(store, full=True)
    print(f"corpus step: {time.process_time() - t:.1f} CPU s", file=sys.stderr)
    store.close()


def export_once(db: str, fmt: str, out: str) -> None:
    """Export in this (child) process and print CPU s and peak RSS MB as one line."""
    from dossier.export import export
    from dossier.store import Store

    store = Store(db)
    t, w = time.process_time(), time.perf_counter()
    export(store, fmt.split("-")[0], out)
    cpu, wall = time.process_time() - t, time.perf_counter() - w
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{cpu:.2f} {peak:.0f} {wall:.2f}")


def measure(db: str, fmt: str, out: Path, runs: int) -> tuple[float, float, float]:
    """Return the best CPU seconds, the largest peak RSS (MB) and the best wall seconds of
    ``runs`` child exports."""
    best, peak, wall = float("inf"), 0.0, float("inf")
    for _ in range(runs):
        line = subprocess.run([sys.executable, __file__, "--child", db, fmt, str(out)],
                              check=True, capture_output=True, text=True).stdout.split()
        best, peak = min(best, float(line[0])), max(peak, float(line[1]))
        wall = min(wall, float(line[2]))
    return best, peak, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--folder", default="/tmp/dossier-bench-export")
    ap.add_argument("--db", help="a PostgreSQL URL (emptied and refilled unless it holds "
                    "--sizes documents); default: SQLite files in --folder")
    ap.add_argument("--formats", nargs="+", default=list(FORMATS), choices=list(FORMATS))
    ap.add_argument("--runs", type=int, default=2, help="exports per format (best CPU s)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        export_once(*args.child)
        return
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    print("| store | documents | format | CPU s | wall s | peak RSS MB | output MB | load 1m |")
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        db = args.db or str(folder / f"synth-{size}.db")
        if args.db and _documents(args.db) != size:
            _empty_postgres(args.db)
            build_store(args.db, size)
        elif not args.db and not Path(db).exists():
            build_store(db + ".part", size)  # renamed once complete: reused by later runs
            Path(db + ".part").rename(db)
        for fmt in args.formats:
            out = folder / f"{size}-{FORMATS[fmt]}"
            cpu, peak, wall = measure(db, fmt, out, args.runs)
            kind = "PostgreSQL" if args.db else "SQLite"
            print(f"| {kind} | {size} | {fmt} | {cpu:.1f} | {wall:.1f} | {peak:.0f} "
                  f"| {_size_mb(out):.0f} | {os.getloadavg()[0]:.1f} |", flush=True)


def _documents(url: str) -> int:
    from dossier.store import Store

    store = Store(url)
    try:
        return store.count("documents")
    finally:
        store.close()


def _empty_postgres(url: str) -> None:
    from dossier.store import Store
    from dossier.store.schema import metadata

    store = Store(url)
    metadata.drop_all(store.engine)
    store.close()


def _size_mb(path: Path) -> float:
    files = [path] if path.is_file() else list(path.rglob("*"))
    return sum(f.stat().st_size for f in files if f.is_file()) / 2 ** 20


if __name__ == "__main__":
    main()
