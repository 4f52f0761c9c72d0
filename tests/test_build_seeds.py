"""End to end on the bundled sample: build, rebuild (idempotent), export, golden file."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from dossier.build import build
from dossier.export import build_export
from dossier.store import Store
from tests.conftest import ROOT, SAMPLE

GOLDEN = ROOT / "tests" / "golden" / "seeds_documents.json"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("seeds") / "kb.db"))
    report = build([SAMPLE], store)
    assert (len(report.added), report.failed) == (5, [])
    return store


def _documents(store: Store) -> list[dict[str, object]]:
    out = []
    for d in store.iter_documents(facts=False):
        out.append({"source": Path(d.source).name, "language": d.language,
                    "published": d.published, "title": d.title,
                    "text_sha1": hashlib.sha1(d.text.encode("utf-8")).hexdigest()})
    return sorted(out, key=lambda r: str(r["source"]))


def test_build_seeds_languages(seed_store: Store) -> None:
    langs = {Path(d.source).name[:3]: d.language
             for d in seed_store.iter_documents(facts=False, text=False)}
    assert langs == {"000": "pt", "001": "pt", "002": "en", "003": "en", "004": "it"}


def test_build_seeds_rebuild_changes_nothing(seed_store: Store) -> None:
    before = json.dumps(build_export(seed_store), sort_keys=True)
    report = build([SAMPLE], seed_store)
    assert (len(report.added), len(report.unchanged), report.failed) == (0, 5, [])
    assert json.dumps(build_export(seed_store), sort_keys=True) == before


def test_build_seeds_matches_golden_documents(seed_store: Store) -> None:
    got = _documents(seed_store)
    if os.environ.get("DOSSIER_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
