"""The server-rendered pages show the knowledge base: overview, documents, conflicts, search."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import typer
from fastapi.testclient import TestClient
from rich.console import Console
from typer.testing import CliRunner

from dossier.store import Store, figure_id
from dossier.web import create_app
from tests.web_corpus import EN, IT, PT, RU, populate


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("web") / "kb.db"))
    populate(store)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def test_web_pages_overview_shows_the_summary(client: TestClient) -> None:
    html = client.get("/").text
    for expected in ("Documents by language", "Brasil Hoje", "2025-10-01 – 2025-11-14",
                     'href="/conflict/c1"', "Tokayev&#39;s state visit to Moscow",
                     "Declaration of Comprehensive Strategic Partnership"):
        assert expected in html


@pytest.mark.parametrize("doc_id,sentences", [(PT, 3), (EN, 3), (IT, 2), (RU, 2)])
def test_web_pages_document_anchors_every_sentence(client: TestClient, doc_id: str,
                                                   sentences: int) -> None:
    html = client.get(f"/doc/{doc_id}").text
    assert re.findall(r'<span class="sent[^"]*" id="s(\d+)"', html) == [
        str(i) for i in range(sentences)]


@pytest.mark.parametrize("doc_id,figure,entity_text", [
    (PT, "US$ 27,8 bilhões", "Cazaquistão"), (EN, "$28.7 billion", "Kazakhstan"),
    (IT, "26 miliardi di dollari", "Kazakistan")])
def test_web_pages_document_highlights_in_place(client: TestClient, doc_id: str, figure: str,
                                                entity_text: str) -> None:
    html = client.get(f"/doc/{doc_id}").text
    assert re.search(rf'<mark class="fig" id="{re.escape(figure_id(doc_id, 0))}"[^>]*>'
                     rf"{re.escape(figure)}</mark>", html)
    assert re.search(rf'<a class="ent ent-country" href="/entity/e2"[^>]*>{entity_text}</a>',
                     html)


@pytest.mark.parametrize("doc_id,event_sentence", [(PT, 0), (EN, 0)])
def test_web_pages_document_marks_event_sentences(client: TestClient, doc_id: str,
                                                  event_sentence: int) -> None:
    html = client.get(f"/doc/{doc_id}").text
    assert f'<span class="sent ev" id="s{event_sentence}"' in html


@pytest.mark.parametrize("doc_id,line", [(PT, "Compartilhe no WhatsApp"),
                                         (EN, "Subscribe to our newsletter")])
def test_web_pages_document_keeps_boilerplate_behind_a_toggle(client: TestClient, doc_id: str,
                                                              line: str) -> None:
    html = client.get(f"/doc/{doc_id}").text
    details = html[html.index('<details class="boilerplate"'):]
    assert line in details and line not in html[:html.index('<details class="boilerplate"')]


def test_web_pages_conflict_sets_sources_side_by_side(client: TestClient) -> None:
    html = client.get("/conflict/c1").text
    claims = html.split('<section class="claim">')[1:]
    assert len(claims) == 2
    assert f'href="/doc/{PT}#s1"' in claims[0] and "Vladimir Putin" in claims[0]
    assert f'href="/doc/{EN}#s1"' in claims[1] and "Kassym-Jomart Tokayev" in claims[1]
    assert "27.8 bn USD" in claims[0] and "28.7 bn USD" in claims[1]


@pytest.mark.parametrize("query,rows", [("", 5), ("?metric=trade_turnover", 4),
                                        ("?speaker=Putin", 1), ("?kind=target", 1),
                                        ("?subject=Kazakistan&period=2024", 3)])
def test_web_pages_figure_explorer_filters(client: TestClient, query: str, rows: int) -> None:
    html = client.get(f"/figures{query}").text
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    assert body.count("<tr") == rows
    assert f"{rows} figures" in html


def test_web_pages_figure_explorer_lists_conflicts_first(client: TestClient) -> None:
    html = client.get("/figures").text
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    classes = re.findall(r'<tr class="([^"]*)"', body)
    assert classes[:2] == ["in-conflict", "in-conflict"] and "in-conflict" not in classes[2:]


@pytest.mark.parametrize("q,languages", [("Tokayev", {"pt", "en", "it", "ru"}),
                                         ("Kremlin", {"pt", "en"}),
                                         ("cazaquistao", {"pt", "en", "it"})])  # aliases
def test_web_pages_search_finds_documents_in_each_language(client: TestClient, q: str,
                                                           languages: set[str]) -> None:
    html = client.get("/search", params={"q": q}).text
    assert set(re.findall(r'<li data-language="(\w+)"', html)) == languages


def test_web_pages_entity_lists_aliases_and_mentions(client: TestClient) -> None:
    html = client.get("/entity/e1").text
    for alias in ("Toqaev", "Токаев", "Tokayev"):
        assert f"<li>{alias}</li>" in html
    assert html.count('class="ent" href="/doc/') == 5  # 1 pt, 2 en, 1 it, 1 ru mentions


@pytest.mark.parametrize("query,count", [("", 2), ("?entity=Kazakhstan", 1),
                                         ("?from=2026", 0)])
def test_web_pages_timeline_filters(client: TestClient, query: str, count: int) -> None:
    html = client.get(f"/timeline{query}").text
    assert html.count('<span class="date">') == count


@pytest.mark.parametrize("path,status", [("/doc/none", 404), ("/entity/nobody", 404),
                                         ("/conflict/c9", 404), ("/timeline?from=soon", 422)])
def test_web_pages_errors_are_pages(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")


def test_web_pages_static_files_are_served(client: TestClient) -> None:
    assert "documentTools" in client.get("/static/dossier.js").text
    assert ".doctext" in client.get("/static/dossier.css").text


def test_web_pages_serve_command_has_help_and_defaults() -> None:
    from dossier.cli_serve import register

    app = typer.Typer()
    register(app, lambda db: Store(db), Console())
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output
    assert "Example: dossier serve" in result.output
