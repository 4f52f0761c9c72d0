"""The JSON API over a hand-made multilingual store: records, filters, pagination, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.store import Store, figure_id
from dossier.web import create_app
from tests.web_corpus import EN, IT, PT, RU, XSS, populate


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("api") / "kb.db"))
    populate(store)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


@pytest.mark.parametrize("path,total", [
    ("/api/documents", 5), ("/api/entities", 5), ("/api/figures", 5), ("/api/events", 1),
    ("/api/agreements", 1), ("/api/conflicts", 1),
])
def test_api_lists_have_total_and_items(client: TestClient, path: str, total: int) -> None:
    body = client.get(path).json()
    assert (body["total"], len(body["items"]), body["offset"]) == (total, total, 0)


@pytest.mark.parametrize("limit,offset,expected", [(2, 0, 2), (2, 4, 1), (10, 5, 0)])
def test_api_documents_paginate(client: TestClient, limit: int, offset: int,
                                expected: int) -> None:
    body = client.get("/api/documents", params={"limit": limit, "offset": offset}).json()
    assert (body["total"], body["limit"], len(body["items"])) == (5, limit, expected)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}])
def test_api_pagination_rejects_bad_values(client: TestClient, params: dict[str, int]) -> None:
    assert client.get("/api/figures", params=params).status_code == 422


@pytest.mark.parametrize("language,ids", [("pt", {PT}), ("it", {IT}), ("en", {EN, XSS}),
                                          ("kk", set())])
def test_api_documents_filter_by_language(client: TestClient, language: str,
                                          ids: set[str]) -> None:
    items = client.get("/api/documents", params={"language": language}).json()["items"]
    assert {d["id"] for d in items} == ids


@pytest.mark.parametrize("entity", ["Tokayev", "Toqaev", "Токаев", "e1"])
def test_api_documents_filter_by_entity_in_any_script(client: TestClient, entity: str) -> None:
    items = client.get("/api/documents", params={"entity": entity}).json()["items"]
    assert {d["id"] for d in items} == {PT, EN, IT, RU}


def test_api_document_records_follow_the_export_format(client: TestClient) -> None:
    doc = client.get("/api/documents").json()["items"][0]
    assert {"id", "source", "title", "language", "published", "outlet", "author"} <= set(doc)


@pytest.mark.parametrize("doc_id", [PT, PT[:6]])
def test_api_document_detail_has_text_and_facts(client: TestClient, doc_id: str) -> None:
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["id"] == PT
    assert "Tokayev" in doc["text"] and doc["boilerplate"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"] and m["entity"]
    for f in doc["figures"]:
        assert doc["text"][f["start"]:f["end"]] in f["quote"]
    assert doc["events"][0]["actors"] == ["e4", "e1"]  # keys mapped to entity ids
    assert doc["agreements"][0]["parties"] == ["e3", "e2"]


@pytest.mark.parametrize("path", ["/api/documents/nope", "/api/entities/nobody",
                                  "/api/conflicts/c99"])
def test_api_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "detail" in r.json()


@pytest.mark.parametrize("name", ["Tokayev", "Toqaev", "Токаев", "e1", "kassym-jomart tokayev"])
def test_api_entity_by_any_name_lists_mentions(client: TestClient, name: str) -> None:
    e = client.get(f"/api/entities/{name}").json()
    assert e["id"] == "e1" and "Toqaev" in e["aliases"]
    assert {m["language"] for m in e["mentions"]} == {"pt", "en", "it", "ru"}
    assert all(m["text"] in {"Tokayev", "Токаев"} for m in e["mentions"])


@pytest.mark.parametrize("params,expected", [
    ({"metric": "trade_turnover"}, 4),
    ({"metric": "trade_turnover", "period": "2024"}, 3),
    ({"subject": "Russia,Kazakhstan"}, 4),
    ({"subject": ["Rússia", "Cazaquistão"]}, 4),
    ({"speaker": "Putin"}, 1),
    ({"speaker": "Tokayev", "metric": "trade_turnover"}, 1),
    ({"kind": "target"}, 1),
    ({"document": IT}, 1),
    ({"period": "2030", "kind": "actual"}, 0),
])
def test_api_figures_filter(client: TestClient, params: dict[str, object], expected: int) -> None:
    body = client.get("/api/figures", params=params).json()  # type: ignore[arg-type]
    assert body["total"] == expected


def test_api_figures_put_conflicts_first(client: TestClient) -> None:
    items = client.get("/api/figures").json()["items"]
    flags = [bool(f["conflicts"]) for f in items]
    assert flags == sorted(flags, reverse=True) and flags[0]
    assert {f["id"] for f in items if f["conflicts"]} == {figure_id(PT, 0), figure_id(EN, 0)}


def test_api_figures_without_conflicts_first_keep_document_order(client: TestClient) -> None:
    items = client.get("/api/figures", params={"conflicts_first": False}).json()["items"]
    assert [f["document"] for f in items] == sorted(f["document"] for f in items)


def test_api_figure_records_map_keys_to_entity_ids(client: TestClient) -> None:
    f = client.get("/api/figures", params={"speaker": "Putin"}).json()["items"][0]
    assert (f["speaker"], sorted(f["subjects"]), f["value"], f["unit"]) == (
        "e4", ["e2", "e3"], 27.8e9, "USD")


def test_api_conflict_detail_carries_figures(client: TestClient) -> None:
    c = client.get("/api/conflicts/c1").json()
    assert [f["id"] for f in c["figure_records"]] == c["figures"]
    assert {f["speaker"] for f in c["figure_records"]} == {"e4", "e1"}


@pytest.mark.parametrize("params,expected", [({"entity": "Putin"}, 1), ({"type": "meeting"}, 0),
                                             ({"type": "visit"}, 1)])
def test_api_events_filter(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/api/events", params=params).json()["total"] == expected


@pytest.mark.parametrize("params,expected", [
    ({}, 2), ({"from": "2025-11-12"}, 2),  # the visit ends on the 12th: it overlaps
    ({"from": "2025-11-13"}, 0), ({"to": "2025-11-11"}, 1),
    ({"entity": "Kazakhstan"}, 1), ({"entity": "Putin"}, 1), ({"from": "2026"}, 0),
])
def test_api_timeline_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/api/timeline", params=params).json()["total"] == expected


def test_api_timeline_bad_date_is_422(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"from": "next tuesday"})
    assert r.status_code == 422 and "YYYY" in r.json()["detail"]


def test_api_series_groups_sources_by_period(client: TestClient) -> None:
    body = client.get("/api/series/trade_turnover",
                      params={"subjects": "Russia,Kazakhstan"}).json()
    by_period = {p["period"]: p for p in body["items"]}
    assert sorted(by_period["2024"]["values"]) == [26e9, 27.8e9, 28.7e9]


def test_api_targets_report_the_gap(client: TestClient) -> None:
    items = client.get("/api/targets").json()["items"]
    assert items and items[0]["deadline"] == "2030" and items[0]["summary"]


def test_api_stats_count_languages_and_period(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["languages"] == {"pt": 1, "en": 2, "it": 1, "ru": 1}
    assert body["period"] == {"from": "2025-10-01", "to": "2025-11-14"}


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/entities",
              "/api/entities/{entity_id}", "/api/figures", "/api/events", "/api/agreements",
              "/api/conflicts", "/api/targets", "/api/series/{metric}", "/api/timeline",
              "/api/search"):
        assert p in paths and list(paths[p]) == ["get"]  # read-only: no write methods


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_api_has_no_write_endpoints(client: TestClient, method: str) -> None:
    assert getattr(client, method)("/api/documents").status_code == 405


def test_api_store_changes_are_seen(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "kb.db"))
    with TestClient(create_app(store)) as c:
        assert c.get("/api/documents").json()["total"] == 0
        populate(store)
        assert c.get("/api/documents").json()["total"] == 5
        assert c.get("/api/search", params={"q": "Kremlin"}).json()["total"] >= 2
    store.close()


def test_api_entity_byline_mention_has_no_context(tmp_path: Path) -> None:
    from dossier.model import Document, Entity, Mention
    from dossier.store import Store
    from dossier.web import create_app

    store = Store(str(tmp_path / "kb.db"))
    text = "Trade between the two countries grew."
    store.write_documents([Document(
        id="d1", source="a.txt", text=text, raw=text, language="en",
        mentions=[Mention(start=-1, end=-1, text="Jane Roe", type="person",
                          key="person:jane roe", source="byline")])])
    store.replace_corpus(entities=[Entity(id="e1", name="Jane Roe", type="person",
                                          keys=["person:jane roe"], documents=["d1"])],
                         events=[], agreements=[], conflicts=[])
    from fastapi.testclient import TestClient

    body = TestClient(create_app(store)).get("/api/entities/e1").json()
    assert [(m["before"], m["after"], m["source"]) for m in body["mentions"]] == [
        ("", "", "byline")]
