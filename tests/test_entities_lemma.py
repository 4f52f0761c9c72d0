"""Base forms of inflected names: declined Russian and Kazakh person names and inflected
gazetteer words get their nominative as lemma, the key of the nominative, and the resolver
exports the lemma as an alias and merges on it."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.entities.config import load_config
from dossier.nlp.entities.lemma import person_lemma
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import resolve_entities


def analyse(text: str, language: str, doc_id: str = "t") -> Document:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id=doc_id, source=doc_id, text=text, language=language)
    return EntityStage()(SentenceStage()(doc))


def mention(doc: Document, text: str) -> Mention:
    return next(m for m in doc.mentions if m.text == text)


@pytest.mark.parametrize(("language", "name", "base"), [
    ("ru", "Сергеем Лавровым", "Сергей Лавров"),
    ("ru", "Нарендры Моди", "Нарендра Моди"),
    ("ru", "Владимира Путина", "Владимир Путин"),
    ("ru", "Алексея Оверчука", "Алексей Оверчук"),
    ("ru", "Дмитрия Пескова", "Дмитрий Песков"),
    ("ru", "Марии Захаровой", "Мария Захарова"),
    ("ru", "Касым-Жомартом Токаевым", "Касым-Жомарт Токаев"),
    ("ru", "Субраманьямом Джайшанкаром", "Субраманьям Джайшанкар"),
    ("kk", "Сигэру Исибамен", "Сигэру Исиба"),
    ("kk", "Олжас Бектеновке", "Олжас Бектенов"),
    ("kk", "Садыр Жапаровпен", "Садыр Жапаров"),
])
def test_entities_lemma_declined_person_names(language: str, name: str, base: str) -> None:
    assert person_lemma(name, load_config(language).lemma_rules) == base


@pytest.mark.parametrize(("language", "name"), [
    ("ru", "Мария Захарова"),  # a woman's nominative, not a genitive of Захаров
    ("ru", "Нарендра Моди"),  # a nominative in -а, not a genitive of "Нарендр"
    ("ru", "Валентина Матвиенко"),
    ("ru", "Сергей Шойгу"),
    ("kk", "Такеши Харада"),  # -да ends the name; it is no locative here
    ("en", "Sergei Lavrovym"),  # languages without rules leave names as they are
])
def test_entities_lemma_nominatives_stay(language: str, name: str) -> None:
    assert person_lemma(name, load_config(language).lemma_rules) == name


@pytest.mark.parametrize(("language", "text", "inflected", "base"), [
    ("ru", "Министр провёл переговоры с главой МИД России Сергеем Лавровым.",
     "Сергеем Лавровым", "Сергей Лавров"),
    ("ru", "Состоялся телефонный разговор президента Владимира Путина и премьер-министра "
     "Нарендры Моди.", "Нарендры Моди", "Нарендра Моди"),
    ("kk", "Токиода ол Жапония Премьер-Министрі Сигэру Исибамен келіссөз жүргізді.",
     "Сигэру Исибамен", "Сигэру Исиба"),
])
def test_entities_lemma_set_on_mentions(language: str, text: str, inflected: str,
                                        base: str) -> None:
    doc = analyse(text, language)
    m = mention(doc, inflected)
    nominative = analyse(f"{base} выступил.", language)
    assert m.lemma == base and m.type == "person"
    assert m.key == next(x.key for x in nominative.mentions if x.text == base)


@pytest.mark.parametrize(("language", "text", "inflected", "base"), [
    ("kk", "Мемлекет басшысы қонақты Астанада қарсы алды.", "Астанада", "Астана"),
    ("kk", "Президент Мәскеуге ресми сапармен барды.", "Мәскеуге", "Мәскеу"),
    ("ru", "Делегация прибыла из Москвы вчера вечером.", "Москвы", "Москва"),
])
def test_entities_lemma_inflected_gazetteer_word(language: str, text: str, inflected: str,
                                                 base: str) -> None:
    assert mention(analyse(text, language), inflected).lemma == base


@pytest.mark.parametrize(("language", "text", "other"), [
    ("ru", "Глава МИД Индии провёл переговоры с Сергеем Лавровым в Москве.",
     "Sergey Lavrov met the Indian minister in Moscow."),
    ("kk", "Олжас Бектенов Сигэру Исибамен келіссөз жүргізді.",
     "Prime Minister Shigeru Ishiba met Olzhas Bektenov in Tokyo."),
    ("ru", "Премьер-министр Сигэру Исиба заявил о новых проектах.",
     "Prime Minister Shigeru Ishiba announced new projects."),
])
def test_resolve_entities_lemma_alias_merges_across_scripts(language: str, text: str,
                                                            other: str) -> None:
    docs = [analyse(text, language, "a"), analyse(other, "en", "b")]
    persons = [e for e in resolve_entities(docs) if e.type == "person"]
    both = [e for e in persons if set(e.documents) == {"a", "b"}]
    assert both, [(e.name, e.aliases, e.documents) for e in persons]
