"""Evaluation gate: main-text F1 of the clean stage on the scrapinghub benchmark pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

#: measured 0.959 (bench/RESULTS-cleaning.md); re-pin only upward
F1_FLOOR = 0.95
BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_cleaning.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_cleaning", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("predicted", "gold", "f1"), [
    ("a b c", "a b c", 1.0), ("a b", "a b c d", 2 / 3), ("", "a", 0.0), ("x y", "a b", 0.0)])
def test_clean_eval_token_f1(predicted: str, gold: str, f1: float) -> None:
    assert _bench().prf(predicted, gold)[2] == pytest.approx(f1)


@pytest.mark.eval
def test_clean_eval_scrapinghub_f1_floor(shared_dir: Path) -> None:
    data = shared_dir / "data" / "extraction" / "scrapinghub"
    if not (data / "ground-truth.json").is_file():
        pytest.skip("scrapinghub benchmark data is absent")
    result = _bench().run_variant("clean", data)
    assert result["pages"] == 181
    assert result["f1"] >= F1_FLOOR
