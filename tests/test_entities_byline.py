"""The byline author (Document.author, read by the clean stage) is a person of the document."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.entities.byline import author_names
from dossier.nlp.entities.config import load_config
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import resolve_entities


def recognise(text: str, language: str, author: str | None) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text with a byline author."""
    doc = Document(id="t", source="t", text=text, language=language, author=author)
    return EntityStage()(SentenceStage()(doc)).mentions


# (language, byline line still in the text, body, author)
BYLINES = [
    ("en", "By Maria Johnson in Politics on 3 May 2025",
     "The ministers discussed transport corridors and trade.", "Maria Johnson"),
    ("pt", "Publicado em 12/03/2025 - 10:15 Por Carla Mendes - Repórter",
     "Os ministros discutiram o comércio bilateral.", "Carla Mendes"),
    ("it", "di Marco Bianchi", "I ministri hanno discusso di commercio.", "Marco Bianchi"),
    ("es", "Por Lucía Fernández | 4 de mayo de 2025",
     "Los ministros hablaron del comercio bilateral.", "Lucía Fernández"),
    ("fr", "Par Julien Moreau | Le 12/05/2025 à 17h45",
     "Les ministres ont discuté du commerce.", "Julien Moreau"),
    ("de", "Von Stefan Wagner | 12.05.2025", "Die Minister sprachen über den Handel.",
     "Stefan Wagner"),
    ("tr", "Mehmet Kaya | 08.05.2025 - Güncelleme : 08.05.2025",
     "Bakanlar ticareti görüştü.", "Mehmet Kaya"),
    ("ru", "Автор: Анна Смирнова, 12 мая 2025", "Министры обсудили торговлю.",
     "Анна Смирнова"),
    ("kk", "Авторы: Айгүл Сәрсенова | 12.05.2025", "Министрлер сауданы талқылады.",
     "Айгүл Сәрсенова"),
]


@pytest.mark.parametrize(("language", "byline", "body", "author"), BYLINES)
def test_entities_byline_author_at_its_occurrence(language: str, byline: str, body: str,
                                                  author: str) -> None:
    text = f"{byline}\n\n{body}"
    found = [m for m in recognise(text, language, author) if m.type == "person"]
    assert [(m.text, m.start) for m in found] == [(author, text.index(author))]
    assert found[0].start >= 0 and text[found[0].start:found[0].end] == author


@pytest.mark.parametrize(("language", "byline", "body", "author"), BYLINES)
def test_entities_byline_author_removed_from_text(language: str, byline: str, body: str,
                                                  author: str) -> None:
    found = [m for m in recognise(body, language, author) if m.type == "person"]
    assert [(m.text, m.start, m.end, m.source) for m in found] == [(author, -1, -1, "byline")]


@pytest.mark.parametrize(("language", "text", "author"), [
    ("en", "Foreign Minister Maria Johnson met her counterpart in Astana.", "Maria Johnson"),
    ("it", "Secondo Marco Bianchi, il commercio è cresciuto del 10%.", "Marco Bianchi"),
    ("ru", "Как заявила Анна Смирнова, торговля выросла на 10%.", "Анна Смирнова"),
])
def test_entities_byline_author_named_in_text_not_doubled(language: str, text: str,
                                                          author: str) -> None:
    found = [m for m in recognise(text, language, author) if m.type == "person"]
    assert len(found) == 1 and found[0].source != "byline"


@pytest.mark.parametrize(("language", "author", "names"), [
    ("pt", "Ana Lima e João Reis", ["Ana Lima", "João Reis"]),
    ("en", "Jane Roe, John Doe", ["Jane Roe", "John Doe"]),
    ("de", "Anna Weber und Paul Klein", ["Anna Weber", "Paul Klein"]),
    ("ru", "Анна Смирнова и Иван Петров", ["Анна Смирнова", "Иван Петров"]),
    ("fr", "Julien Moreau | Le 12/05/2025", ["Julien Moreau"]),
    ("en", "staff reporter", []),
])
def test_entities_byline_author_names(language: str, author: str, names: list[str]) -> None:
    assert author_names(author, load_config(language)) == names


@pytest.mark.parametrize(("language", "author", "key"), [
    ("fr", "AFP", "org:afp"),  # an agency credited as the author stays an organisation
    ("de", "Berlin", None),  # a place is no author
])
def test_entities_byline_author_known_names(language: str, author: str,
                                            key: str | None) -> None:
    found = [m for m in recognise("Die Minister sprachen.", language, author)
             if m.source == "byline"]
    assert [m.key for m in found] == ([key] if key else [])


def test_entities_byline_author_unplaced_resolves() -> None:
    doc = Document(id="d1", source="d1", text="Les ministres ont discuté du commerce.",
                   language="fr", author="Julien Moreau")
    doc = EntityStage()(SentenceStage()(doc))
    entities = resolve_entities([doc])
    names = {e.name: e.documents for e in entities}
    assert names.get("Julien Moreau") == ["d1"]
