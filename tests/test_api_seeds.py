"""The API and pages over a store built from the bundled seed articles (full pipeline)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dossier.build import build
from dossier.export import build_export
from dossier.store import Store
from dossier.web import create_app
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, TestClient]]:
    store = Store(str(tmp_path_factory.mktemp("seeds-api") / "kb.db"))
    report = build([SAMPLE], store)
    assert (len(report.added), report.failed) == (5, [])
    with TestClient(create_app(store)) as client:
        yield store, client
    store.close()


def _all(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        body = client.get(path, params={**params, "limit": 7, "offset": len(items)}).json()
        items.extend(body["items"])
        if len(items) >= body["total"] or not body["items"]:
            return items


@pytest.mark.parametrize("table,path", [("documents", "/api/documents"),
                                        ("entities", "/api/entities"),
                                        ("events", "/api/events"),
                                        ("agreements", "/api/agreements")])
def test_api_seeds_records_equal_the_export(seeds: tuple[Store, TestClient], table: str,
                                           path: str) -> None:
    store, client = seeds
    exported = {r["id"]: r for r in build_export(store)[table]}
    served = {r["id"]: r for r in _all(client, path)}
    assert served == exported


def test_api_seeds_figures_equal_the_export_plus_conflicts(
        seeds: tuple[Store, TestClient]) -> None:
    store, client = seeds
    data = build_export(store)
    served = {f["id"]: f for f in _all(client, "/api/figures")}
    assert {k: {x: v for x, v in f.items() if x != "conflicts"} for k, f in served.items()} == {
        f["id"]: f for f in data["figures"]}
    for c in data["conflicts"]:
        assert all(c["id"] in served[fid]["conflicts"] for fid in c["figures"])


def test_api_seeds_documents_cover_three_languages(seeds: tuple[Store, TestClient]) -> None:
    _, client = seeds
    langs = {d["language"] for d in _all(client, "/api/documents")}
    assert {"pt", "en", "it"} <= langs


def test_api_seeds_document_offsets_point_into_the_text(
        seeds: tuple[Store, TestClient]) -> None:
    _, client = seeds
    for d in _all(client, "/api/documents"):
        doc = client.get(f"/api/documents/{d['id']}").json()
        text = doc["text"]
        for m in doc["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for f in doc["figures"]:
            s = doc["sentences"][f["sentence"]]
            assert s["start"] <= f["start"] < f["end"] <= s["end"]


@pytest.mark.parametrize("q", ["Tokayev", "tokayev"])
def test_api_seeds_search_tokayev_reaches_pt_en_it(seeds: tuple[Store, TestClient],
                                                   q: str) -> None:
    _, client = seeds
    body = client.get("/api/search", params={"q": q, "limit": 50}).json()
    assert {h["language"] for h in body["items"]} >= {"pt", "en", "it"}
    assert body["total"] == len(body["items"])


def test_api_seeds_timeline_is_in_date_order(seeds: tuple[Store, TestClient]) -> None:
    _, client = seeds
    dates = [i["date"] for i in _all(client, "/api/timeline") if i["date"]
             and re.fullmatch(r"\d{4}(-\d\d){0,2}", i["date"])]
    assert dates == sorted(dates, key=lambda d: (d + "-00-00")[:10])


def test_api_seeds_every_conflict_link_lands_on_a_sentence(
        seeds: tuple[Store, TestClient]) -> None:
    _, client = seeds
    conflicts = _all(client, "/api/conflicts")
    assert conflicts, "the seeds disagree on some figures"
    for c in conflicts:
        html = client.get(f"/conflict/{c['id']}").text
        links = re.findall(r'href="/doc/(\w+)#s(\d+)"', html)
        assert len(links) == len(c["figures"])
        for doc_id, sentence in links:
            assert f'id="s{sentence}"' in client.get(f"/doc/{doc_id}").text


def test_api_seeds_every_page_renders(seeds: tuple[Store, TestClient]) -> None:
    _, client = seeds
    paths = ["/", "/figures", "/conflicts", "/timeline", "/entities", "/search?q=Putin"]
    paths += [f"/doc/{d['id']}" for d in _all(client, "/api/documents")]
    paths += [f"/entity/{e['id']}" for e in _all(client, "/api/entities")[:40]]
    for path in paths:
        assert client.get(path).status_code == 200, path
