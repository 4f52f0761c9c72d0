"""Score entity recognition + resolution on a corpus folder with the shared scorer.

    .venv/bin/python bench/eval_entities_seeds.py [CORPUS] [GOLD]

Runs ingest -> clean -> language -> sentences -> entities -> resolve_entities and prints
entity_recall and entity_merge from ../shared/eval/score.py (a development signal), plus the
gold names each document misses.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline
from dossier.resolve.entities import resolve_entities

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STAGES = ("clean", "language", "published", "sentences", "entities")


def export(docs: list[Document]) -> dict[str, object]:
    """A dossier/1 export holding documents and entities only."""
    entities = resolve_entities(docs)
    return {
        "format": "dossier/1",
        "documents": [{"id": d.id, "source": d.source, "language": d.language,
                       "published": d.published} for d in docs],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
                      "documents": e.documents} for e in entities],
    }


def run(corpus: Path, gold_path: Path) -> dict[str, float]:
    """Build the export for ``corpus`` and score it against ``gold_path``."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pipeline = build_pipeline(STAGES)
    docs = [pipeline(d) for d in iter_inputs([str(corpus)]) if isinstance(d, Document)]
    data = export(docs)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result: dict[str, float] = score.score(gold, data)
    ex = score.Export(data)
    for d in docs:
        key = score.doc_key(d.source)
        names = set().union(*(ex.names[e["id"]] for e in data["entities"]  # type: ignore[union-attr]
                              if d.id in e["documents"]))
        missed = [n for n in gold["documents"].get(key, {}).get("entities", [])
                  if not score.gold_names(gold, n) & names]
        print(f"{key} ({d.language}): missed {missed}")
    return result


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "seeds"
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED / "eval" / "gold" / "seeds.json"
    s = run(corpus, gold)
    print(f"entity_recall {s['entity_recall']}  entity_merge {s['entity_merge']}")
