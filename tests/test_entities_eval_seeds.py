"""Evaluation gate for entities on the seed corpus (reads ../shared; skipped without it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"entity_recall": 0.95, "entity_merge": 0.95}  # raise only


@pytest.mark.eval
@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_entities_seed_scores_reach_floor(shared_dir: Path, metric: str, floor: float) -> None:
    spec = importlib.util.spec_from_file_location("eval_entities_seeds",
                                                  ROOT / "bench" / "eval_entities_seeds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_entities_seeds", module)
    spec.loader.exec_module(module)
    scores = module.run(ROOT / "examples" / "seeds", shared_dir / "eval" / "gold" / "seeds.json")
    assert scores[metric] >= floor
