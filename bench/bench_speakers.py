"""Speaker attribution speed: documents/s and peak memory of ``assign_speakers``.

    .venv/bin/python bench/bench_speakers.py [FOLDER ...]   (default: held-out corpus + seeds)

Stages up to ``entities`` run once (not timed); the speaker pass is timed over several rounds.
Accuracy (figure_speaker) comes from the shared scorer, see bench/RESULTS-speakers.md.
"""

from __future__ import annotations

import resource
import sys
import time

from dossier.extract.speakers import assign_speakers
from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline

ROUNDS = 20


def main(paths: list[str]) -> None:
    """Print one table row per language and a total."""
    pipe = build_pipeline(("clean", "language", "published", "sentences", "entities"))
    docs = [pipe(d) for d in iter_inputs(paths) if isinstance(d, Document)]
    by_lang: dict[str, list[Document]] = {}
    for d in docs:
        by_lang.setdefault(d.language or "?", []).append(d)
    print("| language | docs | kB | attributed sentences | docs/s (CPU) |")
    print("|---|---|---|---|---|")
    for code, group in sorted({**by_lang, "all": docs}.items()):
        said = sum(sum(1 for s in assign_speakers(d) if s) for d in group)  # warm caches
        t0 = time.process_time()
        for _ in range(ROUNDS):
            for d in group:
                assign_speakers(d)
        dt = time.process_time() - t0
        kb = sum(len(d.text) for d in group) / 1000
        print(f"| {code} | {len(group)} | {kb:.0f} | {said} | {ROUNDS * len(group) / dt:.0f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MB (including the entity stage)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/heldout/corpus", "examples/seeds"])
