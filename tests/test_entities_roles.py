"""Metonyms that act (role="actor") and role phrases resolved to the one person they name."""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.nlp.entities import EntityStage, resolve_role
from dossier.nlp.sentences import SentenceStage


def run(text: str, language: str) -> Document:
    """Sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc))


@pytest.mark.parametrize(("language", "text", "actors"), [
    ("en", "Moscow and Astana agreed on Tuesday to expand trade.", {"Moscow", "Astana"}),
    ("en", "The Kremlin has announced new talks with Kazakhstan.", {"Kremlin"}),
    ("ru", "Москва и Астана договорились расширить торговлю.", {"Москва", "Астана"}),
    ("fr", "Le Kremlin a annoncé de nouvelles discussions avec Astana.", {"Kremlin"}),
    ("it", "Mosca e Astana hanno firmato un accordo sul transito.", {"Mosca", "Astana"}),
    ("pt", "Moscou e Astana assinaram um acordo de cooperação.", {"Moscou", "Astana"}),
    ("es", "Moscú y Astaná firmaron un acuerdo de cooperación.", {"Moscú"}),
    ("de", "Moskau und Astana vereinbarten eine engere Zusammenarbeit.", {"Moskau", "Astana"}),
    ("tr", "Kazakistan ve Rusya anlaştı.", {"Kazakistan", "Rusya"}),
])
def test_entities_metonym_subject_is_actor(language: str, text: str, actors: set[str]) -> None:
    found = {m.text for m in run(text, language).mentions if m.role == "actor"}
    assert actors <= found


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Putin arrived in Moscow on Tuesday and Astana hosted the forum."),
    ("it", "Il presidente è arrivato a Mosca, dove ha firmato un accordo."),
    ("ru", "Путин прибыл в Москву, где подписал соглашение."),
])
def test_entities_place_as_setting_is_not_actor(language: str, text: str) -> None:
    assert all(m.role is None for m in run(text, language).mentions if m.text != "Astana")


@pytest.mark.parametrize(("language", "text", "role_word", "person"), [
    ("it", "Il presidente russo Vladimir Putin ha accolto il presidente kazako Kassym-Jomart "
           "Tokayev. Il presidente russo ha poi parlato ai giornalisti.", "russo",
     "person:vladimir putin"),
    ("en", "Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev. "
           "The Kazakh president said the talks were useful.", "Kazakh",
     "person:kassym-jomart tokayev"),
    ("ru", "Президент России Владимир Путин встретился с президентом Казахстана. "
           "Позже президент России сказал, что доволен.", "России", "person:vladimir putin"),
    ("fr", "Le président russe Vladimir Poutine a reçu son homologue. Le président russe a "
           "ensuite parlé.", "russe", "person:vladimir putin"),
])
def test_entities_resolve_role_names_the_one_person(language: str, text: str, role_word: str,
                                                    person: str) -> None:
    doc = run(text, language)
    last = max(i for i, m in enumerate(doc.mentions) if m.text == role_word)
    assert resolve_role(doc, last) == person


@pytest.mark.parametrize(("language", "text", "role_word"), [
    # two Russian presidents named: the phrase is ambiguous
    ("en", "Russian President Vladimir Putin and former Russian President Dmitry Medvedev spoke. "
           "The Russian president then left.", "Russian"),
    # a minister is not a president
    ("it", "Il presidente russo Vladimir Putin è arrivato. Il ministro russo ha parlato.", "russo"),
])
def test_entities_resolve_role_refuses_when_unsure(language: str, text: str,
                                                   role_word: str) -> None:
    doc = run(text, language)
    last = max(i for i, m in enumerate(doc.mentions) if m.text == role_word)
    assert resolve_role(doc, last) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The Russian President said the talks were useful."),
    ("it", "Il Presidente russo ha dichiarato che i colloqui sono stati utili."),
    ("ru", "Российский лидер заявил, что переговоры были полезными."),
])
def test_entities_title_and_demonym_without_name_is_no_person(language: str, text: str) -> None:
    assert not [m for m in run(text, language).mentions if m.type == "person"]
