"""Entity recognition per language, from news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage

# (language, text, expected (surface, type, key)); keys are the provisional keys: a person in
# the curated list (data/gazetteer/persons.toml) gets its English key in every script.
CASES = [
    ("en", "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow "
           "on Tuesday. Tokayev said the Eurasian Economic Union (EAEU) remains a priority.",
     [("Kassym-Jomart Tokayev", "person", "person:kassym-jomart tokayev"),
      ("Tokayev", "person", "person:kassym-jomart tokayev"),
      ("Moscow", "place", "place:524901"), ("EAEU", "organization", "org:eaeu")]),
    ("pt", "O presidente do Cazaquistão, Kassym-Jomart Tokayev, recebeu Vladimir Putin em Astana. "
           "Putin destacou o papel da União Econômica da Eurásia.",
     [("Cazaquistão", "country", "country:KZ"), ("Putin", "person", "person:vladimir putin"),
      ("União Econômica da Eurásia", "organization", "org:eaeu")]),
    ("it", "Il Presidente russo Vladimir Putin ha accolto a Mosca il suo omologo kazako "
           "Kassym-Jomart Tokayev. Tokayev ha ricordato il ruolo dell'ONU.",
     [("Mosca", "place", "place:524901"), ("ONU", "organization", "org:un"),
      ("Tokayev", "person", "person:kassym-jomart tokayev")]),
    ("es", "El presidente ruso, Vladímir Putin, recibió en Moscú a su homólogo kazajo, "
           "Kasim-Yomart Tokáyev. Tokáyev dijo que la OTAN no es una amenaza.",
     [("Vladímir Putin", "person", "person:vladimir putin"), ("Moscú", "place", "place:524901"),
      ("Tokáyev", "person", "person:kassym-jomart tokayev"), ("OTAN", "organization", "org:nato")]),
    ("fr", "Le président russe Vladimir Poutine a reçu à Moscou son homologue kazakh Kassym-Jomart "
           "Tokaïev. Tokaïev a déclaré que l'Union économique eurasiatique progresse.",
     [("Moscou", "place", "place:524901"), ("Tokaïev", "person", "person:kassym-jomart tokayev"),
      ("Union économique eurasiatique", "organization", "org:eaeu")]),
    ("de", "Der russische Präsident Wladimir Putin empfing in Moskau den kasachischen Präsidenten "
           "Kassym-Schomart Tokajew. Die Zusammenarbeit mit Kasachstan wachse, sagte Putin.",
     [("Moskau", "place", "place:524901"), ("Kasachstan", "country", "country:KZ"),
      ("Kassym-Schomart Tokajew", "person", "person:kassym-jomart tokayev"),
      ("Putin", "person", "person:vladimir putin")]),
    ("ru", "Президент России Владимир Путин провёл переговоры с президентом Казахстана "
           "Касым-Жомартом Токаевым в Москве. Токаев заявил, что ЕАЭС остаётся приоритетом.",
     [("России", "country", "country:RU"), ("Казахстана", "country", "country:KZ"),
      ("Москве", "place", "place:524901"), ("Токаев", "person", "person:kassym-jomart tokayev"),
      ("ЕАЭС", "organization", "org:eaeu")]),
    ("tr", "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Rusya Devlet Başkanı Vladimir Putin ile "
           "Moskova'da görüştü. Tokayev, Avrasya Ekonomik Birliği'nin önemini vurguladı.",
     [("Kazakistan", "country", "country:KZ"), ("Rusya", "country", "country:RU"),
      ("Moskova", "place", "place:524901"), ("Vladimir Putin", "person", "person:vladimir putin"),
      ("Avrasya Ekonomik Birliği", "organization", "org:eaeu")]),
    ("kk", "Қазақстан Президенті Қасым-Жомарт Тоқаев Мәскеуде Ресей Президенті Владимир Путинмен "
           "кездесті. Тоқаев ЕАЭО аясындағы ынтымақтастықты атап өтті.",
     [("Қазақстан", "country", "country:KZ"), ("Ресей", "country", "country:RU"),
      ("Мәскеуде", "place", "place:524901"), ("Тоқаев", "person", "person:kassym-jomart tokayev"),
      ("ЕАЭО", "organization", "org:eaeu")]),
]


def recognise(text: str, language: str) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc)).mentions


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_entities_finds_typed_keys(language: str, text: str,
                                   expected: list[tuple[str, str, str]]) -> None:
    found = {(m.text, m.type, m.key) for m in recognise(text, language) if m.relation is None}
    for item in expected:
        assert item in found


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_entities_offsets_point_into_text(language: str, text: str, expected: object) -> None:
    for m in recognise(text, language):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("language", "text", "word", "code"), [
    ("it", "Il Presidente kazako ha incontrato il ministro russo.", "kazako", "KZ"),
    ("pt", "O óleo russo é bombeado para a Ásia.", "russo", "RU"),
    ("en", "The Kazakh delegation arrived on Monday.", "Kazakh", "KZ"),
    ("fr", "La délégation russe est arrivée lundi.", "russe", "RU"),
    ("ru", "Российская делегация прибыла в понедельник.", "Российская", "RU"),
])
def test_entities_demonym_is_a_relation(language: str, text: str, word: str, code: str) -> None:
    hits = [m for m in recognise(text, language) if m.text == word]
    assert hits and hits[0].key == f"country:{code}" and hits[0].relation == "demonym"


@pytest.mark.parametrize(("language", "text", "word"), [
    ("it", "Presidente, la situazione è difficile.", "Presidente"),
    ("pt", "O Presidente chegou ontem ao palácio.", "Presidente"),
    ("it", "Visita di Stato al Cremlino del Presidente kazako.", "Visita di Stato"),
    ("en", "The President arrived in the capital.", "President"),
])
def test_entities_common_words_are_not_entities(language: str, text: str, word: str) -> None:
    mentions = recognise(text, language)
    assert all(word not in m.text for m in mentions if m.type in ("person", "organization"))


@pytest.mark.parametrize(("language", "text", "word"), [
    ("de", "Die Regierung plant eine Reform der Zusammenarbeit im Energiebereich.", "Reform"),
    ("de", "Nach dem Treffen sprach man über Handel und Investitionen.", "Handel"),
])
def test_entities_german_nouns_need_evidence(language: str, text: str, word: str) -> None:
    assert all(m.text != word for m in recognise(text, language))


@pytest.mark.parametrize(("language", "text", "parts"), [
    ("en", "Kazakhstan-Russia relations are strong.", ["Kazakhstan", "Russia"]),
])
def test_entities_splits_hyphenated_country_pairs(language: str, text: str,
                                                  parts: list[str]) -> None:
    assert [m.text for m in recognise(text, language)][:2] == parts


@pytest.mark.parametrize(("language", "text"), [
    ("en", "John Smith met Jane Smith in Astana. Later, Smith left for Almaty."),
])
def test_entities_ambiguous_surname_keeps_its_own_key(language: str, text: str) -> None:
    keys = {m.text: m.key for m in recognise(text, language)}
    assert keys["John Smith"] != keys["Jane Smith"]
    assert keys["Smith"] not in (keys["John Smith"], keys["Jane Smith"])
