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
GOLDEN_FACTS = ROOT / "tests" / "golden" / "seeds_facts.json"


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


def _facts(store: Store) -> dict[str, list[str]]:
    """Summarise the extracted facts as sorted lines (ids replaced by names and file names)."""
    data = build_export(store)
    name = {e["id"]: e["name"] for e in data["entities"]}
    doc = {d["id"]: Path(d["source"]).name[:3] for d in data["documents"]}
    figs = {f["id"]: f for f in data["figures"]}
    return {
        "figures": sorted(
            f"{doc[f['document']]} {f['value']:g} {f['unit']} {f['metric']} {f['period']} "
            f"{f['kind']} {f['approx']} {name.get(f['speaker'] or '')} | {f['surface']}"
            for f in data["figures"]),
        "events": sorted(
            f"{e['type']} {e['status']} {e['date']} {e['end_date']} "
            f"{name.get(e['place'] or '')} {sorted(doc[d] for d in e['documents'])}"
            for e in data["events"]),
        "agreements": sorted(f"{a['date']} {a['title']} {sorted(doc[d] for d in a['documents'])}"
                             for a in data["agreements"]),
        "conflicts": sorted(
            f"{c['metric']} {c['period']} {sorted(name[s] for s in c['subjects'])} "
            f"{sorted(figs[i]['value'] for i in c['figures'])}" for c in data["conflicts"]),
    }


def test_build_seeds_matches_golden_facts(seed_store: Store) -> None:
    got = _facts(seed_store)
    if os.environ.get("DOSSIER_UPDATE_GOLDEN") == "1":
        GOLDEN_FACTS.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    want = json.loads(GOLDEN_FACTS.read_text(encoding="utf-8"))
    for table in want:
        assert got[table] == want[table], f"{table} changed; if intended, regenerate with " \
            "DOSSIER_UPDATE_GOLDEN=1 and review the diff"


def test_build_with_workers_gives_identical_results(seed_store: Store, tmp_path: Path) -> None:
    store = Store(str(tmp_path / "workers.db"))
    report = build([SAMPLE], store, workers=2, batch_size=2)
    assert (len(report.added), report.failed) == (5, [])
    assert json.dumps(build_export(store), sort_keys=True) == json.dumps(
        build_export(seed_store), sort_keys=True)
