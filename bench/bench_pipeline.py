"""Whole-pipeline throughput: documents per CPU second per stage and end to end, peak RSS.

    python bench/bench_pipeline.py [--corpus 5k|seeds] [--copies 200] [--repeat 3]
                                   [--engines 1 2 ray] [--cli] [--startup]
                                   [--profile out.prof] [--html DIR] [--html-limit N]

Corpora (each copy made unique by a numbered last line, so its id differs):
- ``5k`` (default): the 37 development articles (examples/seeds, tests/heldout/corpus,
  tests/heldout2/corpus) grouped by language and cut or joined at paragraph boundaries into
  articles of about 5 kB (5,120 UTF-8 bytes), replicated to ``--copies``;
- ``seeds``: the five bundled seed articles replicated (9.3 kB mean).

Rows: every stage of the default pipeline, then the phases of a build (ingest, pipeline, store
write, corpus step), the whole ``build()`` in this process, and with ``--cli`` the whole
``dossier build`` command in a fresh process (start-up and model loading included). Times are
CPU seconds (user + sys) of the process doing the work, best of ``--repeat``: the machine is
shared, so wall clock measures the neighbours. ``--engines 2 ray`` adds wall-clock rows for
the process pool and the Ray engine. With ``--html`` the scrapinghub pages run through
trafilatura alone and through the pipeline, side by side.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.build import BuildReport, build, new_inputs, process, store_results  # noqa: E402
from dossier.corpus import update_corpus  # noqa: E402
from dossier.ingest.dedup import NearDuplicates  # noqa: E402, F401 - imported (SciPy) before timing
from dossier.ingest.files import iter_inputs  # noqa: E402
from dossier.ingest.sources import SourceOptions  # noqa: E402
from dossier.langid import LanguageStage  # noqa: E402
from dossier.model import Document  # noqa: E402
from dossier.pipeline import Pipeline, build_pipeline  # noqa: E402
from dossier.store import Store  # noqa: E402

DEV_FOLDERS = ("examples/seeds", "tests/heldout/corpus", "tests/heldout2/corpus")
TARGET_BYTES = 5120


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_articles(folders: list[Path]) -> list[Document]:
    """Return the text articles of ``folders`` as ingested documents."""
    return [d for d in iter_inputs(folders) if isinstance(d, Document)]


def _paragraphs(raw: str) -> list[str]:
    return [p.strip("\n") for p in raw.split("\n\n") if p.strip()]


def cut_to_size(articles: list[str], target: int = TARGET_BYTES) -> list[str]:
    """Cut or join same-language articles at paragraph boundaries into ~``target``-byte ones.

    Each language's paragraphs form one stream in article order; a piece ends at the boundary
    nearest ``target`` bytes, and a short remainder joins the piece before it.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    detect = LanguageStage()  # paragraph votes: a header line alone does not decide
    for raw in articles:
        lang = detect(Document(id="", source="", text=raw)).language or "?"
        groups[lang].extend(_paragraphs(raw))
    out: list[str] = []
    for lang in sorted(groups):
        pieces: list[list[str]] = [[]]
        size = 0
        for para in groups[lang]:
            n = len(para.encode()) + 2
            if size and abs(size + n - target) > abs(size - target):
                pieces.append([])
                size = 0
            pieces[-1].append(para)
            size += n
        if len(pieces) > 1 and size < target // 2:
            pieces[-2].extend(pieces.pop())
        out.extend("\n\n".join(p) + "\n" for p in pieces)
    return out


def corpus_texts(kind: str) -> list[str]:
    """Return the distinct article texts of corpus ``kind`` (``5k`` or ``seeds``)."""
    if kind == "seeds":
        return [d.raw for d in read_articles([ROOT / "examples" / "seeds"])]
    dev = read_articles([ROOT / f for f in DEV_FOLDERS])
    return cut_to_size([d.raw for d in dev])


def copies(texts: list[str], n: int) -> list[Document]:
    """Return ``n`` unique documents cycling through ``texts``."""
    out = []
    for i in range(n):
        raw = f"{texts[i % len(texts)].rstrip()}\n\nCopy {i}.\n"
        out.append(Document(id=f"{i:016x}", source=f"copy-{i}.txt", raw=raw))
    return out


def fresh(docs: list[Document]) -> list[Document]:
    """Return unprocessed copies of ``docs`` (stages fill documents in place)."""
    return [Document(id=d.id, source=d.source, raw=d.raw, format=d.format) for d in docs]


def time_stages(pipeline: Pipeline, docs: list[Document]) -> dict[str, float]:
    """Run the pipeline document by document; CPU seconds spent in each stage."""
    spent: dict[str, float] = defaultdict(float)
    for doc in docs:
        for stage in pipeline.stages:
            t = time.process_time()
            doc = stage(doc)
            spent[stage.name] += time.process_time() - t
    return dict(spent)


def best_of(repeat: int, run: Callable[[], dict[str, float]]) -> dict[str, float]:
    """Return the smallest value of each key over ``repeat`` runs."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        for key, value in run().items():
            best[key] = min(best.get(key, value), value)
    return best


def build_phases(folder: Path, db: Path, pipeline: Pipeline) -> dict[str, float]:
    """Do what ``build()`` does, phase by phase; CPU seconds of each and of ``build()``."""
    store, report, opts = Store(str(db)), BuildReport(), SourceOptions()
    cpu: dict[str, float] = {}
    t = time.process_time()
    todo = list(new_inputs([folder], store, opts, report))
    cpu["ingest (read files, ids, skip stored)"] = time.process_time() - t
    t = time.process_time()
    results = [i if not isinstance(i, Document) else process(i, pipeline) for i in todo]
    cpu["pipeline"] = time.process_time() - t
    t = time.process_time()
    store_results(results, store, report, opts)
    store.record_failures(report.failed)
    cpu["store write (near-duplicates, documents, facts)"] = time.process_time() - t
    t = time.process_time()
    update_corpus(store)
    cpu["corpus step (entities, events, conflicts)"] = time.process_time() - t
    store.close()
    db.unlink()
    store = Store(str(db))
    t = time.process_time()
    build([folder], store, pipeline=pipeline)
    cpu["whole build() in this process"] = time.process_time() - t
    store.close()
    db.unlink()
    return cpu


def child_cpu(cmd: list[str]) -> float:
    """Run ``cmd`` to the end; return its CPU seconds (user + sys)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # from the root of this checkout, so ``-m dossier.cli`` and ``-c`` import its dossier
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


STARTUP = ("from dossier.pipeline import build_pipeline; from dossier.model import Document; "
           "build_pipeline()(Document(id='0', source='s', raw='Putin met Tokayev in Astana.'))")


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


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=("5k", "seeds"), default="5k")
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="best of N for CPU-time rows")
    ap.add_argument("--engines", nargs="*", default=[],
                    help="worker counts (>1) and/or 'ray' for extra wall-clock build rows")
    ap.add_argument("--ray-cpus", type=int, default=2)
    ap.add_argument("--cli", action="store_true", help="time `dossier build` in a new process")
    ap.add_argument("--startup", action="store_true",
                    help="time a new process importing and loading the pipeline")
    ap.add_argument("--profile", type=Path, help="write a cProfile of one pipeline pass")
    ap.add_argument("--html", type=Path, help="scrapinghub folder (with ground-truth.json)")
    ap.add_argument("--html-limit", type=int, default=181)
    return ap.parse_args()


def _stage_rows(pipeline: Pipeline, docs: list[Document], repeat: int, kb: float) -> None:
    spent = best_of(repeat, lambda: time_stages(pipeline, fresh(docs)))
    print(row("pipeline, all stages (sum of the stages' bests)", len(docs),
              sum(spent.values()), kb))
    for name, sec in spent.items():
        print(row(f"  stage {name}", len(docs), sec, kb))


def _build_rows(docs: list[Document], pipeline: Pipeline, a: argparse.Namespace,
                kb: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for d in docs:
            (folder / d.source).write_text(d.raw, encoding="utf-8")
        db = Path(tmp) / "kb.db"
        for name, sec in best_of(a.repeat, lambda: build_phases(folder, db, pipeline)).items():
            print(row(f"build: {name}", len(docs), sec, kb), flush=True)
        if a.cli:
            cli = [sys.executable, "-m", "dossier.cli", "build", str(folder), "--db"]
            sec = min(child_cpu([*cli, str(Path(tmp) / f"cli{i}.db")]) for i in range(a.repeat))
            print(row("`dossier build` in a new process (start-up included)", len(docs), sec,
                      kb), flush=True)
        for engine in a.engines:
            _wall_build(engine, folder, Path(tmp) / f"kb-{engine}.db", len(docs), kb, a)


def _wall_build(engine: str, folder: Path, db: Path, n: int, kb: float,
                a: argparse.Namespace) -> None:
    store = Store(str(db))
    t = time.perf_counter()
    if engine == "ray":
        from dossier.scale.ray_engine import build_ray

        build_ray([folder], store, workers=a.ray_cpus)
        label = f"build, Ray engine ({a.ray_cpus} CPUs, Ray start included), wall"
    else:
        build([folder], store, workers=int(engine))
        label = f"build, local engine, {engine} workers (spawned), wall"
    print(row(label, n, time.perf_counter() - t, kb), flush=True)
    store.close()


def _html_rows(pipeline: Pipeline, folder: Path, limit: int) -> None:
    import trafilatura

    pages = html_pages(folder, limit)
    hkb = sum(len(d.raw.encode()) for d in pages) / max(len(pages), 1) / 1024
    t = time.process_time()
    for d in pages:
        trafilatura.extract(d.raw)
    print(row("trafilatura.extract alone (HTML pages)", len(pages), time.process_time() - t,
              hkb))
    spent = time_stages(pipeline, pages)
    print(row("pipeline, all stages (HTML pages)", len(pages), sum(spent.values()), hkb))


def main() -> None:
    a = _args()
    docs = copies(corpus_texts(a.corpus), a.copies)
    kb = sum(len(d.raw.encode()) for d in docs) / len(docs) / 1000  # kB = 1000 bytes
    if a.startup:
        sec = min(child_cpu([sys.executable, "-c", STARTUP]) for _ in range(a.repeat))
        print(f"start-up: import and load the pipeline, run one sentence: {sec:.2f} CPU s")
    pipeline = build_pipeline()
    pipeline(fresh(docs[:1])[0])  # load models and caches before timing
    print(f"{a.corpus} corpus: {len(docs)} documents, {kb:.2f} kB mean; CPU s, best of "
          f"{a.repeat}\n")
    print("| run | documents | CPU s | documents per CPU s | mean kB |\n|---|---|---|---|---|")
    _stage_rows(pipeline, docs, a.repeat, kb)
    if a.profile:
        cProfile.runctx("time_stages(pipeline, fresh(docs))", globals(),
                        {"pipeline": pipeline, "docs": docs}, str(a.profile))
    _build_rows(docs, pipeline, a, kb)
    if a.html and (a.html / "ground-truth.json").is_file():
        _html_rows(pipeline, a.html, a.html_limit)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB (this process), {children:.0f} MB (largest child)")


if __name__ == "__main__":
    main()
