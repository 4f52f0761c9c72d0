"""Full-text search behaves alike on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import pytest

from dossier.api.search import SqliteSearch, search_backend
from dossier.api.search_pg import PostgresSearch, snippet, ts_query
from dossier.model import Document
from dossier.store import Store

ARTICLES = {
    "pt": ("Cazaquistão e Brasil", "O presidente do Cazaquistão visitou Brasília para "
           "assinar um acordo de cooperação agrícola com o Brasil."),
    "ru": ("Казахстан и Россия", "Президент Казахстана встретился в Астане с министром "
           "иностранных дел России и обсудил торговлю."),
    "tr": ("Türkiye ve Kazakistan", "Türkiye Dışişleri Bakanı Astana'da Kazakistan ile "
           "enerji işbirliğini görüştü."),
    "de": ("Kasachstan und Deutschland", "Der Präsident Kasachstans traf in Berlin den "
           "Bundeskanzler; beide sprachen über Rohstoffe und Wasserstoff."),
    "en": ("Kazakhstan and Japan", "Kazakhstan's foreign minister met Japanese officials "
           "in Tokyo to discuss rare earth supplies from Astana."),
}


@pytest.fixture
def store(fresh_store: Store) -> Store:
    """A store holding one short article per language."""
    fresh_store.write_documents([
        Document(id=f"doc-{lang}", source=f"{lang}.txt", title=title, text=body,
                 language=lang, format="txt", published="2025-03-01")
        for lang, (title, body) in ARTICLES.items()])
    return fresh_store


def test_pg_search_backend_for_each_database(store: Store) -> None:
    backend = search_backend(store)
    expected = PostgresSearch if store.engine.dialect.name == "postgresql" else SqliteSearch
    assert isinstance(backend, expected)


@pytest.mark.parametrize(("query", "found"), [
    ("cazaquistao", {"doc-pt"}),  # accents folded: Cazaquistão
    ("CAZAQUISTÃO", {"doc-pt"}),
    ("казахстан", {"doc-ru"}),
    ("kazakistan enerji", {"doc-tr"}),
    ("Präsident", {"doc-de"}),
    ("prasident kasachstans", {"doc-de"}),
    ("Asta", {"doc-tr", "doc-en"}),  # the last word is a prefix; Cyrillic Астане is not
    ("Brasilia", {"doc-pt"}),
    ("nonexistentword", set()),
])
def test_pg_search_finds_folded_words(store: Store, query: str, found: set[str]) -> None:
    results = search_backend(store).search(query)
    assert {h.document for h in results.hits} == found
    assert results.total == len(found)


def test_pg_search_aliases_language_and_pages(store: Store) -> None:
    backend = search_backend(store)
    aliases = ["Cazaquistão", "Казахстан", "Kasachstan", "Kazakistan"]
    everything = backend.search("Kazakhstan", aliases=aliases)
    assert {h.document for h in everything.hits} == {f"doc-{x}" for x in ARTICLES}
    assert everything.terms[0] == "Kazakhstan" and "Казахстан" in everything.terms
    only_ru = backend.search("Kazakhstan", aliases=aliases, language="ru")
    assert [h.document for h in only_ru.hits] == ["doc-ru"]
    page = backend.search("Kazakhstan", aliases=aliases, limit=2, offset=2)
    assert page.total == len(ARTICLES) and len(page.hits) == 2
    assert not {h.document for h in page.hits} & {
        h.document for h in backend.search("Kazakhstan", aliases=aliases, limit=2).hits}


def test_pg_search_snippet_marks_matches(store: Store) -> None:
    hit = search_backend(store).search("cazaquistao").hits[0]
    assert any(matched and "Cazaquist" in part for part, matched in hit.parts)
    assert "\ue000" not in hit.snippet


@pytest.mark.parametrize(("lang", "query", "marked"), [
    ("pt", "cooperacao", "cooperação"), ("ru", "министром", "министром"),
    ("tr", "isbirligini", "işbirliğini"), ("de", "wasser", "Wasserstoff"),
])
def test_pg_search_snippet_words(lang: str, query: str, marked: str) -> None:
    body = ARTICLES[lang][1]
    assert f"\ue000{marked}\ue001" in snippet(body, query)


def test_pg_search_query_text_is_safe() -> None:
    assert ts_query("") == ""
    assert ts_query("it's & | !") == "('it' & 's':*)"
    assert ts_query("Kazakh", ["Казахстан Республика"]) == (
        "('Kazakh':*) | ('Казахстан' <-> 'Республика')")
