"""Score the pipeline on the held-out corpus (tests/heldout) and print a table.

    .venv/bin/python bench/eval_heldout.py [--scorer ../shared/eval/score.py]

Prints every score of the shared scorer, documents/s of the whole build and peak memory.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from dossier.build import build
from dossier.export import export
from dossier.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "heldout" / "corpus"
GOLD = ROOT / "tests" / "heldout" / "gold.json"


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("dossier_shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Build, export and score the held-out corpus; print the table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    args = ap.parse_args()
    scorer = load_scorer(Path(args.scorer))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "kb.db"))
        start = time.perf_counter()
        build([CORPUS], store)
        seconds = time.perf_counter() - start
        export(store, "json", Path(tmp) / "export.json")
        store.close()
        data = json.loads((Path(tmp) / "export.json").read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    scores = scorer.score(gold, data)
    print(f"| {'score':22} | value |\n|{'-' * 24}|-------|")
    for key, value in scores.items():
        if not key.startswith("_"):
            print(f"| {key:22} | {'-' if value is None else f'{value:.3f}'} |")
    docs = len(gold["documents"])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{docs} documents in {seconds:.1f} s ({docs / seconds:.2f} docs/s, models loaded "
          f"included); peak memory {peak_mb:.0f} MB")
    counts = scores["_counts"]
    print(f"figures: {counts['figures_gold']} in gold, {counts['figures_pred']} exported; "
          f"conflicts exported {len(data.get('conflicts', []))} for {len(gold['conflicts'])} real")
    return 0


if __name__ == "__main__":
    sys.exit(main())
