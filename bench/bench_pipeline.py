"""Whole-pipeline throughput: documents/s and peak RSS, per stage and end to end.

    python bench/bench_pipeline.py [--copies 200] [--html ../shared/data/extraction/scrapinghub]
                                   [--engines 1 2 ray]

Inputs: the bundled seed articles replicated (each copy made unique by a numbered line so
its id differs) and, when given, the gzipped HTML pages of the scrapinghub benchmark, with
trafilatura alone on the same pages side by side (the floor of any pipeline that reads HTML).
Times are wall-clock on this machine, one process; peak RSS from getrusage.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.build import build  # noqa: E402
from dossier.ingest.files import iter_inputs  # noqa: E402
from dossier.model import Document  # noqa: E402
from dossier.pipeline import Pipeline, build_pipeline  # noqa: E402
from dossier.store import Store  # noqa: E402


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seed_copies(n: int) -> list[Document]:
    """Return ``n`` unique documents made from the bundled seeds."""
    seeds = [d for d in iter_inputs([ROOT / "examples" / "seeds"]) if isinstance(d, Document)]
    out = []
    for i in range(n):
        s = seeds[i % len(seeds)]
        raw = f"{s.raw}\n\nCopy {i}."
        out.append(Document(id=f"{i:016x}", source=f"{s.source}#{i}", raw=raw, format=s.format))
    return out


def time_stages(pipeline: Pipeline, docs: list[Document]) -> dict[str, float]:
    """Run the pipeline document by document, timing each stage."""
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for stage in pipeline.stages:
            t = time.perf_counter()
            doc = stage(doc)
            spent[stage.name] += time.perf_counter() - t
    return dict(spent)


def html_pages(folder: Path, limit: int) -> list[Document]:
    """Return the scrapinghub pages as HTML documents."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    docs = []
    for key in sorted(truth)[:limit]:
        path = folder / "html" / f"{key}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            docs.append(Document(id=key[:16], source=str(path), raw=html, format="html"))
    return docs


def row(name: str, n: int, seconds: float, kb: float) -> str:
    rate = n / seconds if seconds else float("inf")
    return f"| {name} | {n} | {seconds:.2f} | {rate:.1f} | {kb:.1f} |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--html", type=Path, default=ROOT.parent / "shared" / "data" / "extraction"
                    / "scrapinghub")
    ap.add_argument("--html-limit", type=int, default=181)
    ap.add_argument("--engines", nargs="+", default=["1"],
                    help="local worker counts and/or 'ray' to build with, one row each")
    ap.add_argument("--ray-cpus", type=int, default=2)
    a = ap.parse_args()
    pipeline = build_pipeline()
    docs = seed_copies(a.copies)
    kb = sum(len(d.raw.encode()) for d in docs) / len(docs) / 1024
    pipeline(seed_copies(1)[0])  # load models before timing

    print("| run | documents | seconds | documents/s | mean kB |\n|---|---|---|---|---|")
    cpu = time.process_time()
    spent = time_stages(pipeline, seed_copies(a.copies))
    cpu = time.process_time() - cpu
    total = sum(spent.values())
    print(row("pipeline, all stages (seeds)", a.copies, total, kb))
    print(row("pipeline, all stages (seeds), per CPU second", a.copies, cpu, kb))
    for name, sec in spent.items():
        print(row(f"  stage {name}", a.copies, sec, kb))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for d in docs:
            (folder / f"{d.id}.txt").write_text(d.raw, encoding="utf-8")
        for engine in a.engines:
            store = Store(str(Path(tmp) / f"kb-{engine}.db"))
            t, cpu = time.perf_counter(), time.process_time()
            if engine == "ray":
                from dossier.scale.ray_engine import build_ray

                build_ray([folder], store, workers=a.ray_cpus)
                label = f"build, Ray engine ({a.ray_cpus} CPUs, Ray start included)"
            else:
                build([folder], store, pipeline=pipeline if engine == "1" else None,
                      workers=int(engine))
                label = f"build, local engine, {engine} worker(s)"
            print(row(f"{label}: ingest + pipeline + store + corpus", a.copies,
                      time.perf_counter() - t, kb), flush=True)
            if engine == "1":
                print(row("  the same, per CPU second of this process", a.copies,
                          time.process_time() - cpu, kb), flush=True)
            store.close()

    if (a.html / "ground-truth.json").is_file():
        import trafilatura

        pages = html_pages(a.html, a.html_limit)
        hkb = sum(len(d.raw.encode()) for d in pages) / max(len(pages), 1) / 1024
        t = time.perf_counter()
        for d in pages:
            trafilatura.extract(d.raw)
        print(row("trafilatura.extract alone (HTML pages)", len(pages), time.perf_counter() - t,
                  hkb))
        spent = time_stages(pipeline, pages)
        print(row("pipeline, all stages (HTML pages)", len(pages), sum(spent.values()), hkb))
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
