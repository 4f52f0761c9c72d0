"""Regions (ISO 3166-2, with derived forms) and seas, rivers, straits and canals."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage


def recognise(text: str, language: str) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc)).mentions


def found(text: str, language: str) -> set[tuple[str, str]]:
    return {(m.text, m.key) for m in recognise(text, language)}


EAST_KZ = "place:iso-KZ-63"


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("en", "A new copper plant will open in the East Kazakhstan region next year.",
     "East Kazakhstan"),
    ("de", "Die Mine liegt in Ostkasachstan, nahe der Grenze zu China.", "Ostkasachstan"),
    ("ru", "Завод построят в Восточно-Казахстанской области к 2027 году.",
     "Восточно-Казахстанской области"),
    ("kk", "Зауыт Шығыс Қазақстан облысында салынады.", "Шығыс Қазақстан"),
    ("tr", "Tesis Doğu Kazakistan bölgesinde kurulacak.", "Doğu Kazakistan"),
    ("fr", "L'usine sera construite au Kazakhstan oriental, près de la Chine.",
     "Kazakhstan oriental"),
    ("it", "Lo stabilimento sorgerà nel Kazakistan orientale entro il 2027.",
     "Kazakistan orientale"),
    ("pt", "A fábrica será construída no Cazaquistão Oriental até 2027.",
     "Cazaquistão Oriental"),
])
def test_entities_regions_compass_region_one_key(language: str, text: str,
                                                 surface: str) -> None:
    assert (surface, EAST_KZ) in found(text, language)


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("pt", "A violência em Cabo Delgado deslocou milhares de pessoas.", "Cabo Delgado"),
    ("es", "La violencia en Cabo Delgado desplazó a miles de personas.", "Cabo Delgado"),
    ("it", "Le violenze a Cabo Delgado hanno costretto migliaia di persone alla fuga.",
     "Cabo Delgado"),
])
def test_entities_regions_two_word_region_whole(language: str, text: str, surface: str) -> None:
    keys = {k for s, k in found(text, language) if s == surface}
    assert keys == {"place:iso-MZ-P"}


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("fr", "Les navires évitent la mer Rouge et passent par le cap.", "mer Rouge",
     "place:red-sea"),
    ("es", "Los buques evitan el mar Rojo desde hace meses.", "mar Rojo", "place:red-sea"),
    ("it", "Le navi evitano il Mar Rosso da mesi.", "Mar Rosso", "place:red-sea"),
    ("pt", "Os navios evitam o Mar Vermelho há meses.", "Mar Vermelho", "place:red-sea"),
    ("de", "Die Schiffe meiden seit Monaten das Rote Meer und das Roten Meer nicht.",
     "Roten Meer", "place:red-sea"),
    ("ru", "Суда обходят стороной акваторию Красного моря.", "Красного моря", "place:red-sea"),
    ("en", "Ships have avoided the Red Sea for months.", "Red Sea", "place:red-sea"),
    ("fr", "Les recettes du canal de Suez ont chuté de moitié.", "canal de Suez",
     "place:suez-canal"),
    ("de", "Die Einnahmen aus dem Suezkanal sind eingebrochen.", "Suezkanal",
     "place:suez-canal"),
    ("tr", "Süveyş Kanalı gelirleri yarı yarıya düştü.", "Süveyş Kanalı", "place:suez-canal"),
    ("tr", "Proje Basra Körfezi ile Avrupa'yı birbirine bağlayacak.", "Basra Körfezi",
     "place:persian-gulf"),
    ("it", "Il progetto collegherà il Golfo Persico all'Europa.", "Golfo Persico",
     "place:persian-gulf"),
    ("tr", "İki ülke Dicle ve Fırat Nehri üzerinde su paylaşımını görüştü.", "Dicle",
     "place:tigris"),
    ("it", "I due paesi hanno discusso della gestione del Tigri e dell'Eufrate.", "Tigri",
     "place:tigris"),
    ("ru", "Стороны обсудили распределение воды Сырдарьи и Амударьи.", "Амударьи",
     "place:amu-darya"),
    ("kk", "Тараптар Қара теңіз арқылы жүк тасымалын талқылады.", "Қара теңіз",
     "place:black-sea"),
])
def test_entities_regions_water_bodies(language: str, text: str, surface: str,
                                       key: str) -> None:
    assert (surface, key) in found(text, language)


@pytest.mark.parametrize(("language", "text"), [
    # a lower-case head alone is no name: "mer", "canal" start only longer names
    ("fr", "La mer était calme et le canal fermé pour travaux."),
    ("es", "El mar estaba en calma y el canal cerrado por obras."),
    # "Central" is a region of several countries, but alone it is a common word
    ("en", "Central banks raised rates again in May."),
])
def test_entities_regions_no_false_places(language: str, text: str) -> None:
    assert not [m for m in recognise(text, language) if m.type == "place"]


@pytest.mark.parametrize(("text", "surface", "lemma"), [
    ("Новый завод откроется в Самаркандской области в следующем году.",
     "Самаркандской области", "Самаркандская область"),
    ("Самаркандская область стала лидером по экспорту фруктов.", "Самаркандская область",
     None),
    ("Делегация посетила Ферганскую область и встретилась с фермерами.",
     "Ферганскую область", "Ферганская область"),
    ("Губернатор Ставропольского края посетил Ташкент.", "Ставропольского края",
     "Ставропольский край"),
])
def test_entities_regions_russian_adjective_region(text: str, surface: str,
                                                   lemma: str | None) -> None:
    places = {(m.text, m.lemma) for m in recognise(text, "ru") if m.type == "place"}
    assert (surface, lemma) in places


def test_entities_regions_russian_inflected_forms_share_a_key() -> None:
    keys = {m.key for t in ("Инвесторы пришли в Навоийскую область.",
                            "Навоийская область привлекла инвесторов.",
                            "В Навоийской области открыли завод.")
            for m in recognise(t, "ru") if m.type == "place"}
    assert len(keys) == 1


def test_entities_regions_russian_adjective_phrase_without_region_noun() -> None:
    # a capitalised adjective before another lower-case noun is still no name
    assert not [m for m in recognise("На Красной площади прошёл парад.", "ru")
                if m.type == "place"]
