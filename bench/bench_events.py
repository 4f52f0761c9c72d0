"""Benchmark the event-type detector on PLOVER gold sentences, and the event stage's speed.

    .venv/bin/python bench/bench_events.py [--shared ../shared] [--markdown]

Gold: ``../shared/data/events/PLOVER_GSR_CAMEO.txt`` (English PLOVER records) and
``spanish_protest_plover_validation.xml`` (Spanish sentences with PLOVER codes). Each gold
sentence is run through ``find_triggers``; the first trigger's type is mapped to PLOVER
(visit/meeting/forum -> CONSULT, agreement -> AGREE, statement/none -> no code). dossier
codes only CONSULT and AGREE; for every other PLOVER type the right answer is "no code",
so those rows report how often dossier stays silent (its false-alarm rate is the rest).
Speed: the events stage on the seed articles (after the upstream stages), documents/s.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.extract.events import PLOVER, EventStage, find_triggers
from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline

COVERED = ("CONSULT", "AGREE")


def english_records(path: Path) -> list[tuple[str, str]]:
    """(text, PLOVER type) pairs of the English gold file (documentation records skipped)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [(r["text"], r["event"]) for r in records if r.get("text") and r.get("event")]


def spanish_records(path: Path) -> list[tuple[str, str]]:
    """(text, PLOVER type) pairs of the Spanish validation file (first coding per sentence)."""
    out = []
    raw = path.read_text(encoding="utf-8")
    for block in re.findall(r"<Sentence .*?</Sentence>", raw, flags=re.S):
        code = re.search(r'plover="([A-Z]+)"', block)
        text = re.search(r"<Text>\s*(.*?)\s*</Text>", block, flags=re.S)
        if code and text:
            out.append((" ".join(text.group(1).split()), code.group(1)))
    return out


def predict(text: str, language: str) -> str:
    """The PLOVER code of the first trigger in ``text``, or "none"."""
    for trig in find_triggers(text, language):
        code = PLOVER.get(trig.type)
        if code:
            return code.split(":")[0]
    return "none"


def type_table(records: list[tuple[str, str]], language: str) -> list[tuple[str, int, float,
                                                                             str]]:
    """Rows (gold type, n, share right, what right means) per gold PLOVER type."""
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for text, gold in records:
        by_type[gold][predict(text, language)] += 1
    rows = []
    for gold, preds in sorted(by_type.items()):
        n = sum(preds.values())
        if gold in COVERED:
            rows.append((gold, n, preds[gold] / n, "detected as " + gold))
        else:
            rows.append((gold, n, preds["none"] / n, "not covered: no code given"))
    return rows


def precision(records: list[tuple[str, str]], language: str) -> dict[str, tuple[int, float]]:
    """Per predicted code: how many predictions, share whose gold type agrees."""
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for text, gold in records:
        pred = predict(text, language)
        if pred != "none":
            hits[pred][0] += 1
            hits[pred][1] += pred == gold
    return {k: (n, ok / n) for k, (n, ok) in hits.items()}


def speed(shared: Path, repeat: int = 20) -> tuple[int, float]:
    """Documents per second of the events stage alone on the pre-processed seed articles."""
    upstream = build_pipeline(["clean", "language", "published", "sentences", "entities"])
    docs = [upstream(d) for d in iter_inputs([shared / "corpus" / "seeds"])
            if isinstance(d, Document)]
    stage = EventStage()
    stage(docs[0])  # load lexicons before timing
    started = time.perf_counter()
    for _ in range(repeat):
        for d in docs:
            stage(d)
    return len(docs) * repeat, len(docs) * repeat / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = ap.parse_args(argv)
    data = Path(args.shared) / "data" / "events"
    sets = {"en": english_records(data / "PLOVER_GSR_CAMEO.txt"),
            "es": spanish_records(data / "spanish_protest_plover_validation.xml")}
    bar = "|" if args.markdown else " "
    for lang, records in sets.items():
        print(f"\n{lang}: {len(records)} gold sentences")
        print(f"{bar} gold type {bar} n {bar} share right {bar} meaning {bar}")
        if args.markdown:
            print("|---|---:|---:|---|")
        for gold, n, share, meaning in type_table(records, lang):
            print(f"{bar} {gold} {bar} {n} {bar} {share:.2f} {bar} {meaning} {bar}")
        right = sum(predict(t, lang) == (g if g in COVERED else "none") for t, g in records)
        print(f"  overall type accuracy (uncovered types right when no code): "
              f"{right / len(records):.3f}")
        for code, (n, prec) in sorted(precision(records, lang).items()):
            print(f"  predicted {code}: {n} sentences, precision {prec:.2f}")
    n, rate = speed(Path(args.shared))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nevents stage: {n} documents, {rate:.1f} documents/s; peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
