"""Evaluation gate: the shared scorer on the seed corpus, with floors that only move up.

Reads ../shared (present in CI beside the checkout, absent for users: then skipped).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.build import build
from dossier.export import export
from dossier.store import Store

# Floors: raise them as extraction improves; never lower them.
FLOORS = {
    "language": 1.0,
    "published": 1.0,
    "entity_recall": 0.95,
    "entity_merge": 0.95,
    "figure_f1": 0.95,
    "figure_metric": 0.90,
    "figure_period": 0.90,
    "figure_kind": 0.90,
    "figure_approx": 0.90,
    "figure_speaker": 0.90,
    "event_recall": 0.90,
    "event_fusion": 0.90,
    "agreement_recall": 0.90,
    "agreement_fusion": 0.90,
    "conflict_recall": 0.80,
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    if not (shared / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    tmp = tmp_path_factory.mktemp("eval")
    store = Store(str(tmp / "kb.db"))
    build([shared / "corpus" / "seeds"], store)
    export(store, "json", tmp / "export.json")
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"),
                          str(shared / "eval" / "gold" / "seeds.json"), str(tmp / "export.json"),
                          "--json"], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout)
    exported = json.loads((tmp / "export.json").read_text(encoding="utf-8"))
    gold = json.loads((shared / "eval" / "gold" / "seeds.json").read_text(encoding="utf-8"))
    result["_conflicts_per_real"] = len(exported["conflicts"]) / len(gold["conflicts"])
    return result


@pytest.mark.eval
def test_eval_seeds_conflicts_do_not_flood(scores: dict[str, float]) -> None:
    assert scores["_conflicts_per_real"] <= 3.0


@pytest.mark.eval
@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_eval_seeds_meets_floor(scores: dict[str, float], metric: str, floor: float) -> None:
    assert scores[metric] is not None and scores[metric] >= floor, (
        f"{metric} = {scores[metric]} fell below its floor {floor}")
