"""Golden check of the seed events and agreements with the shared scorer (needs ../shared)."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline
from dossier.resolve.events import fuse_agreements, fuse_events

STAGES = ["clean", "language", "published", "sentences", "entities", "events"]
FLOOR = 0.8


def _score(shared: Path, docs: list[Document]) -> dict[str, Any]:
    """Export events and agreements the dossier/1 way and score them with ../shared/eval."""
    resolver = pytest.importorskip("dossier.resolve.entities")
    entities = resolver.resolve_entities(docs)
    entity_of = {k: e.id for e in entities for k in e.keys}
    data = {
        "format": "dossier/1",
        "documents": [{"id": d.id, "source": d.source, "language": d.language,
                       "published": d.published} for d in docs],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
                      "documents": e.documents} for e in entities],
        "events": [dataclasses.asdict(e) for e in fuse_events(docs, entity_of)],
        "agreements": [dataclasses.asdict(a) for a in fuse_agreements(docs, entity_of)],
        "figures": [], "conflicts": [],
    }
    spec = importlib.util.spec_from_file_location("dossier_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((shared / "eval" / "gold" / "seeds.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = scorer.score(gold, data)
    return result


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, Any]:
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    if not (shared / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    pipeline = build_pipeline(STAGES)
    docs = [pipeline(d) for d in iter_inputs([shared / "corpus" / "seeds"])
            if isinstance(d, Document)]
    return _score(shared, docs)


@pytest.mark.eval
@pytest.mark.parametrize("metric", ["event_recall", "event_fusion", "agreement_recall",
                                    "agreement_fusion"])
def test_events_seeds_meet_floor(seed_scores: dict[str, Any], metric: str) -> None:
    assert seed_scores[metric] is not None and seed_scores[metric] >= FLOOR, (
        f"{metric} = {seed_scores[metric]} is below {FLOOR}")
