"""Entity stage alone: CPU docs/s in steady state, start-up cost, and a mention dump.

    python bench/bench_entity_stage.py [--reps 8] [--dump mentions.txt]

Inputs: the seeds, tests/heldout and tests/heldout2 corpora, run through the stages before
``entities`` once. The first pass loads the gazetteer and per-language indexes (reported
apart); the best of ``--reps`` timed passes gives the steady-state rate (CPU time, so a
loaded machine reads the same). ``--dump`` writes every mention per document, to check that
a speed change leaves the output identical (``cmp`` two dumps).
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.ingest.files import iter_inputs  # noqa: E402
from dossier.model import Document  # noqa: E402
from dossier.pipeline import build_pipeline  # noqa: E402

SETS = ("examples/seeds", "tests/heldout/corpus", "tests/heldout2/corpus")


def prepared() -> tuple[list[Document], object]:
    """Documents run up to the entity stage, and the entity stage itself."""
    pipeline = build_pipeline()
    names = [s.name for s in pipeline.stages]
    k = names.index("entities")
    out = []
    for folder in SETS:
        for doc in iter_inputs([ROOT / folder]):
            if isinstance(doc, Document):
                for stage in pipeline.stages[:k]:
                    doc = stage(doc)
                out.append(doc)
    return out, pipeline.stages[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=8)
    ap.add_argument("--dump", type=Path)
    a = ap.parse_args()
    docs, stage = prepared()
    t = time.process_time()
    res = [stage(copy.copy(d)) for d in docs]  # type: ignore[operator]
    load = time.process_time() - t
    best = float("inf")
    for _ in range(a.reps):
        t = time.process_time()
        res = [stage(copy.copy(d)) for d in docs]  # type: ignore[operator]
        best = min(best, time.process_time() - t)
    kb = sum(len(d.text.encode()) for d in docs) / len(docs) / 1024
    print("| run | documents | CPU s | documents/s | mean kB |\n|---|---|---|---|---|")
    print(f"| first pass (loads gazetteer, indexes) | {len(docs)} | {load:.2f} | "
          f"{len(docs) / load:.1f} | {kb:.1f} |")
    print(f"| steady state (best of {a.reps}) | {len(docs)} | {best:.2f} | "
          f"{len(docs) / best:.1f} | {kb:.1f} |")
    print(f"\npeak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if a.dump:
        with a.dump.open("w", encoding="utf-8") as fh:
            for d in res:
                fh.write(f"## {Path(d.source).name}\n")
                for m in d.mentions:
                    fh.write(json.dumps([m.start, m.end, m.text, m.type, m.key, m.sentence,
                                         m.source, m.relation, m.lemma, m.role],
                                        ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
