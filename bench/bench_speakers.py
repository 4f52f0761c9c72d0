"""Speaker attribution speed: documents/s and peak memory of ``assign_speakers``.

    .venv/bin/python bench/bench_speakers.py [FOLDER ...]   (default: held-out corpus + seeds)

Stages up to ``entities`` run once (not timed); the speaker pass is timed over several rounds,
then the figure stage with and without it (the speakers' share of that stage). Accuracy
(figure_speaker) comes from the shared scorer, see bench/RESULTS-speakers.md.
"""

from __future__ import annotations

import resource
import sys
import time

import dossier.extract.figures as figures_module
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
    whole = _figure_stage(docs)
    figures_module.assign_speakers = lambda d: [None] * len(d.sentences)  # type: ignore[assignment]
    bare = _figure_stage(docs)
    figures_module.assign_speakers = assign_speakers
    print(f"\nfigure stage {whole * 1000:.0f} ms per pass over all, {bare * 1000:.0f} ms without "
          f"speakers: speakers take {(whole - bare) / whole:.0%} of it")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB (including the entity stage)")


def _figure_stage(docs: list[Document]) -> float:
    """Return the CPU seconds of one figure-extraction pass over ``docs`` (mean of rounds)."""
    for d in docs:
        figures_module.extract_figures(d)
    t0 = time.process_time()
    for _ in range(ROUNDS // 2):
        for d in docs:
            figures_module.extract_figures(d)
    return (time.process_time() - t0) / (ROUNDS // 2)


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/heldout/corpus", "tests/heldout2/corpus", "examples/seeds"])
