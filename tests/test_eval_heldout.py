"""Evaluation gates on the held-out corpora (tests/heldout, tests/heldout2, tests/heldout3),
nine languages, hand-made gold. heldout2 and heldout3 were written by people who never saw the
code or the earlier sets, and kept hidden from the engineers until their first measurement
(bench/RESULTS-heldout2.md, bench/RESULTS-heldout3.md).

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

HERE = Path(__file__).resolve().parent
GOLDS: dict[str, dict[str, Any]] = {
    name: json.loads((HERE / name / "gold.json").read_text(encoding="utf-8"))
    for name in ("heldout", "heldout2", "heldout3")}
METRICS = {"trade_turnover", "exports", "imports", "investment", "investment_stock", "companies",
           "joint_projects", "students", "universities", "gdp", "population", "energy", "other"}

# Set a little under the measured scores (bench/RESULTS-heldout*.md). Only raise them.
FLOORS: dict[str, dict[str, float]] = {"heldout": {
    "language": 1.0,
    "published": 1.0,
    "entity_recall": 0.92,  # entities round 4: 0.940
    "entity_merge": 0.90,  # entities round 4: 0.923
    "figure_p": 0.95,  # figures round 4: 1.000 (page furniture)
    "figure_r": 0.97,  # figures round 4: 1.000
    "figure_f1": 0.96,
    "figure_metric": 0.97,  # figures round 4: 1.000
    "figure_period": 0.95,  # figures round 4: 1.000
    "figure_kind": 0.97,  # figures round 4: 1.000
    "figure_approx": 0.97,  # figures round 4: 1.000
    "figure_speaker": 0.90,  # speakers round 2: 0.952
    "event_recall": 0.70,
    "event_recall_undated": 0.95,
    "event_fusion": 0.80,
    "agreement_recall": 0.50,
    "agreement_fusion": 0.10,
    "conflict_recall": 0.70,
}, "heldout2": {
    "language": 1.0,
    "published": 1.0,
    "entity_recall": 0.89,  # entities round 6: 0.905 (curated institutions, official names)
    "entity_merge": 0.86,  # entities round 6: 0.876 (case forms of curated names)
    "figure_p": 0.94,  # figures round 4: 0.968 (the rest: link lists, cleaning)
    "figure_r": 0.95,  # figures round 4: 0.973 (the rest: pt_02 cut at "Leia também")
    "figure_f1": 0.95,  # figures round 4: 0.971 (numbers in parts, currencies, "two")
    "figure_metric": 0.97,  # figures round 4: 1.000
    "figure_period": 0.96,  # figures round 4: 1.000 (deadlines, fiscal years, same year)
    "figure_kind": 0.96,  # figures round 4: 0.995
    "figure_approx": 0.96,  # figures round 4: 1.000
    "figure_speaker": 0.90,  # speakers round 2: demonym titles, honorifics, "selon lui" (0.92-1.0)
    "event_recall": 0.89,  # events round 6: 0.912 (committee sessions, undated pages' year)
    "event_fusion": 0.84,  # events round 5: undated pages not dated by a programme span
    "agreement_recall": 0.85,
    "agreement_fusion": 0.50,  # events round 4: cross-language topic fusion
    "conflict_recall": 0.85,  # figures round 4: 1.000 (deals, compared countries)
}, "heldout3": {  # blind first run in brackets (bench/RESULTS-heldout3.md); then tuned
    "language": 1.0,
    "published": 0.98,  # 1.000 (blind 0.909)
    "entity_recall": 0.79,  # 0.810 (blind 0.782)
    "entity_merge": 0.71,  # 0.735 (blind 0.559)
    "figure_p": 0.94,  # 0.960 (blind 0.906)
    "figure_r": 0.95,  # 0.971 (blind 0.954)
    "figure_f1": 0.95,  # 0.965 (blind 0.929)
    "figure_metric": 0.90,  # 0.923 (blind 0.882)
    "figure_period": 0.93,  # 0.955 (blind 0.851)
    "figure_kind": 0.93,  # 0.958 (blind 0.927)
    "figure_approx": 0.98,  # 1.000 (blind 0.970)
    "figure_speaker": 0.85,  # 0.880 (blind 0.778)
    "event_recall": 0.70,  # 0.735 (blind 0.559)
    "event_recall_undated": 0.85,  # 0.882 (blind 0.765)
    "event_fusion": 0.63,  # 0.682 (blind 0.136)
    "agreement_recall": 0.84,  # 0.872 (blind 0.872)
    "agreement_fusion": 0.40,  # 0.429 (blind 0.429)
    "conflict_recall": 0.95,  # 1.000 (blind 0.889)
}}
SETS = sorted(GOLDS)
DOCS = [(s, name) for s in SETS for name in sorted(GOLDS[s]["documents"])]


def _norm(text: str) -> str:
    """Normalise as the shared scorer does (accents, quotes, punctuation, spaces)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019\u201c\u201d\u00ab\u00bb'\"`]", "", text.casefold())
    text = re.sub(r"[^\w%$.,/-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _lines(corpus: str, name: str) -> list[str]:
    """Return the normalised lines of one held-out article."""
    text = (HERE / corpus / "corpus" / name).read_text(encoding="utf-8")
    return [_norm(line) for line in text.splitlines()]


@pytest.mark.parametrize(("corpus", "name"), DOCS)
def test_eval_heldout_gold_anchors_lie_in_one_line(corpus: str, name: str) -> None:
    lines = _lines(corpus, name)
    for fig in GOLDS[corpus]["documents"][name]["figures"]:
        assert any(_norm(fig["anchor"]) in line for line in lines), fig["anchor"]


@pytest.mark.parametrize(("corpus", "name"), DOCS)
def test_eval_heldout_gold_fields_are_valid(corpus: str, name: str) -> None:
    GOLD = GOLDS[corpus]
    doc = GOLD["documents"][name]
    assert name.startswith(doc["language"] + "_")
    for fig in doc["figures"]:
        assert fig["metric"] in METRICS and fig["kind"] in {"actual", "target", "forecast"}
        assert fig["approx"] in {"exact", "about", "more_than", "less_than", "almost"}
        assert fig["speaker"] is None or fig["speaker"] in GOLD["entities"]
    assert all(entity in GOLD["entities"] for entity in doc["entities"])


@pytest.mark.parametrize("corpus", SETS)
@pytest.mark.parametrize("kind", ["events", "agreements"])
def test_eval_heldout_gold_records_point_at_corpus(corpus: str, kind: str) -> None:
    GOLD = GOLDS[corpus]
    for record in GOLD[kind]:
        for name in record.get("documents", [record.get("document")]):
            assert name in GOLD["documents"], record
        for actor in record.get("actors", []):
            assert actor in GOLD["entities"], record
        if kind == "agreements":
            assert _norm(record["anchor"]) in " ".join(_lines(corpus, record["document"]))


def _scorer(shared: Path) -> ModuleType:
    """Import the shared scorer from its file."""
    spec = importlib.util.spec_from_file_location("heldout_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=SETS)
def heldout_scores(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    shared = HERE.parent.parent / "shared"
    if not (shared / "eval" / "score.py").is_file():
        pytest.skip("../shared is not beside this checkout (evaluation gates only run in CI)")
    corpus: str = request.param
    tmp = tmp_path_factory.mktemp(corpus)
    store = Store(str(tmp / "kb.db"))
    build([HERE / corpus / "corpus"], store)
    export(store, "json", tmp / "export.json")
    store.close()
    data = json.loads((tmp / "export.json").read_text(encoding="utf-8"))
    gold = GOLDS[corpus]
    result: dict[str, Any] = _scorer(shared).score(gold, data)
    result["_conflicts_per_real"] = len(data["conflicts"]) / len(gold["conflicts"])
    return corpus, result


@pytest.mark.eval
def test_eval_heldout_meets_floors(heldout_scores: tuple[str, dict[str, Any]]) -> None:
    corpus, scores = heldout_scores
    low = {m: (scores[m], floor) for m, floor in FLOORS[corpus].items()
           if scores[m] is None or scores[m] < floor}
    assert not low, f"{corpus}: below floor (score, floor): {low}"


@pytest.mark.eval
def test_eval_heldout_conflicts_do_not_flood(heldout_scores: tuple[str, dict[str, Any]]) -> None:
    assert heldout_scores[1]["_conflicts_per_real"] <= 3.0
