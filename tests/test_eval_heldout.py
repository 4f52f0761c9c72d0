"""Evaluation gate on the held-out corpus (tests/heldout), nine languages, hand-made gold.

The gold-consistency tests use only files in the repo; the scoring gate imports the shared
scorer from ../shared/eval/score.py and is skipped where that folder is absent.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dossier.build import build
from dossier.export import export
from dossier.store import Store

HELDOUT = Path(__file__).resolve().parent / "heldout"
GOLD: dict[str, Any] = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
METRICS = {"trade_turnover", "exports", "imports", "investment", "investment_stock", "companies",
           "joint_projects", "students", "universities", "gdp", "population", "energy", "other"}

# Measured at commit 2a4fc1b plus work in progress (bench/RESULTS-heldout.md), set a little
# under. Only raise them.
FLOORS = {
    "language": 1.0,
    "published": 1.0,
    "entity_recall": 0.82,
    "entity_merge": 0.72,
    "figure_p": 0.80,
    "figure_r": 0.85,
    "figure_f1": 0.83,
    "figure_metric": 0.93,
    "figure_period": 0.70,
    "figure_kind": 0.85,
    "figure_approx": 0.86,
    "figure_speaker": 0.45,
    "event_recall": 0.70,
    "event_recall_undated": 0.95,
    "event_fusion": 0.80,
    "agreement_recall": 0.50,
    "agreement_fusion": 0.10,
    "conflict_recall": 0.70,
}


def _norm(text: str) -> str:
    """Normalise as the shared scorer does (accents, quotes, punctuation, spaces)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019\u201c\u201d\u00ab\u00bb'\"`]", "", text.casefold())
    text = re.sub(r"[^\w%$.,/-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _lines(name: str) -> list[str]:
    """Return the normalised lines of one held-out article."""
    text = (HELDOUT / "corpus" / name).read_text(encoding="utf-8")
    return [_norm(line) for line in text.splitlines()]


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_eval_heldout_gold_anchors_lie_in_one_line(name: str) -> None:
    lines = _lines(name)
    for fig in GOLD["documents"][name]["figures"]:
        assert any(_norm(fig["anchor"]) in line for line in lines), fig["anchor"]


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_eval_heldout_gold_fields_are_valid(name: str) -> None:
    doc = GOLD["documents"][name]
    assert name.startswith(doc["language"] + "_")
    for fig in doc["figures"]:
        assert fig["metric"] in METRICS and fig["kind"] in {"actual", "target", "forecast"}
        assert fig["approx"] in {"exact", "about", "more_than", "less_than", "almost"}
        assert fig["speaker"] is None or fig["speaker"] in GOLD["entities"]
    assert all(entity in GOLD["entities"] for entity in doc["entities"])


@pytest.mark.parametrize("kind", ["events", "agreements"])
def test_eval_heldout_gold_records_point_at_corpus(kind: str) -> None:
    for record in GOLD[kind]:
        for name in record.get("documents", [record.get("document")]):
            assert name in GOLD["documents"], record
        for actor in record.get("actors", []):
            assert actor in GOLD["entities"], record
        if kind == "agreements":
            assert _norm(record["anchor"]) in " ".join(_lines(record["document"]))


def _scorer(shared: Path) -> ModuleType:
    """Import the shared scorer from its file."""
    spec = importlib.util.spec_from_file_location("heldout_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def heldout_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    if not (shared / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    tmp = tmp_path_factory.mktemp("heldout")
    store = Store(str(tmp / "kb.db"))
    build([HELDOUT / "corpus"], store)
    export(store, "json", tmp / "export.json")
    store.close()
    data = json.loads((tmp / "export.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = _scorer(shared).score(GOLD, data)
    result["_conflicts_per_real"] = len(data["conflicts"]) / len(GOLD["conflicts"])
    return result


@pytest.mark.eval
@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_eval_heldout_meets_floor(
        heldout_scores: dict[str, Any], metric: str, floor: float) -> None:
    value = heldout_scores[metric]
    assert value is not None and value >= floor, f"{metric} = {value} fell below its floor {floor}"


@pytest.mark.eval
def test_eval_heldout_conflicts_do_not_flood(heldout_scores: dict[str, Any]) -> None:
    assert heldout_scores["_conflicts_per_real"] <= 3.0
