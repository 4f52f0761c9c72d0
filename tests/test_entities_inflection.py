"""Case-inflected languages: inflected names end runs, merge with their base form, and
capitalised first words of common phrases are no names."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage


def recognise(text: str, language: str) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc)).mentions


@pytest.mark.parametrize(("language", "text", "person", "place"), [
    ("kk", "Министр Ерлан Сапаров Астанада шетелдік инвесторлармен кездесті.", "Ерлан Сапаров",
     "Астанада"),
    ("kk", "Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада қонақты қабылдады.",
     "Қасым-Жомарт Тоқаев", "Ақордада"),
    ("tr", "Bakan Ahmet Yılmaz Ankara'da yabancı yatırımcılarla görüştü.", "Ahmet Yılmaz",
     "Ankara"),
])
def test_entities_inflection_case_word_ends_the_name(language: str, text: str, person: str,
                                                     place: str) -> None:
    found = {(m.text, m.type) for m in recognise(text, language)}
    assert (person, "person") in found and (place, "place") in found


@pytest.mark.parametrize(("language", "text", "base", "inflected"), [
    ("ru", "Министр Владимир Зеленский прибыл. Журналисты спросили Зеленского о планах.",
     "Владимир Зеленский", "Зеленского"),
    ("ru", "Министр Бахыт Султанов прибыл. Позже с Султановым встретились.", "Бахыт Султанов",
     "Султановым"),
    ("tr", "Bakan Ahmet Yılmaz geldi. Yılmaz'ın açıklaması dikkat çekti.", "Ahmet Yılmaz",
     "Yılmaz"),
    ("de", "Bundeskanzler Friedrich Merz kam an. Der Besuch von Merz' Delegation war lang.",
     "Friedrich Merz", "Merz"),
])
def test_entities_inflection_surname_takes_full_name_key(language: str, text: str, base: str,
                                                         inflected: str) -> None:
    keys = {m.text: m.key for m in recognise(text, language)}
    assert keys.get(inflected) == keys[base]


@pytest.mark.parametrize(("text", "word"), [
    ("Лидеры приняли участие в заседании Высшего Евразийского экономического совета.",
     "Высшего Евразийского"),
    ("Парад прошёл на Красной площади в Москве.", "Красной"),
    ("Делегации обсудили вопросы Международного валютного сотрудничества.", "Международного"),
])
def test_entities_inflection_capitalised_adjective_opens_a_phrase(text: str, word: str) -> None:
    assert word not in {m.text for m in recognise(text, "ru")}


@pytest.mark.parametrize(("language", "text", "key"), [
    ("de", "Frankreichs Präsident sprach in Berlin.", "country:FR"),
    ("tr", "Kazakistanla ticaret hacmi arttı.", "country:KZ"),
    ("tr", "Türkiye, Kazakistan'la anlaşma imzaladı.", "country:KZ"),
    ("ru", "Товарооборот с Казахстаном вырос.", "country:KZ"),
    ("kk", "Ресеймен сауда көлемі өсті.", "country:RU"),
])
def test_entities_inflection_country_case_forms(language: str, text: str, key: str) -> None:
    assert key in {m.key for m in recognise(text, language)}
