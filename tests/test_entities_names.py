"""Multi-word person names: particles ("de la", "al-") stay inside, a town's name inside a
person's name or after a title is no place, and a lone surname takes the full name's key
even where a gazetteer knows the word as a country."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import resolve_entities


def analyse(text: str, language: str, doc_id: str = "t") -> Document:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id=doc_id, source=doc_id, text=text, language=language)
    return EntityStage()(SentenceStage()(doc))


def found(text: str, language: str) -> dict[str, Mention]:
    return {m.text: m for m in analyse(text, language).mentions}


@pytest.mark.parametrize(("language", "text", "name"), [
    ("es", "El canciller Juan Ramón de la Fuente recibió al ministro en la capital.",
     "Juan Ramón de la Fuente"),
    ("it", "Il ministro è stato ricevuto dal presidente Abdel Fattah al-Sisi al Cairo.",
     "Abdel Fattah al-Sisi"),
    ("en", "Prime Minister Mohammed Shia al-Sudani arrived in Ankara on Thursday.",
     "Mohammed Shia al-Sudani"),
    ("tr", "Irak Başbakanı Muhammed Şiya es-Sudani Ankara'ya geldi.",
     "Muhammed Şiya es-Sudani"),
    ("de", "Die Präsidentin Ursula von der Leyen sprach in Brüssel.", "Ursula von der Leyen"),
    ("fr", "Le ministre Jean-Yves Le Drian a rencontré son homologue.", "Jean-Yves Le Drian"),
])
def test_entities_names_particles_stay_inside(language: str, text: str, name: str) -> None:
    got = found(text, language)
    assert name in got and got[name].type == "person", sorted(got)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("tr", "Cumhurbaşkanı Erdoğan, Başbakan Sudani ile görüştü.", "Sudani"),
    ("it", "Il traffico passa dal valico di Ibrahim Khalil ogni giorno.", "Khalil"),
    ("ru", "Состоялся разговор президента Владимира Путина с премьером.", "Владимира"),
])
def test_entities_names_person_context_beats_gazetteer(language: str, text: str,
                                                       word: str) -> None:
    places = [m for m in analyse(text, language).mentions if m.type in ("place", "country")]
    assert all(word not in m.text for m in places), [(m.text, m.key) for m in places]


@pytest.mark.parametrize(("language", "text", "lone", "full"), [
    ("pt", "O primeiro-ministro Luís Montenegro recebeu o Presidente. Montenegro disse que "
     "as relações são boas.", "Montenegro", "Luís Montenegro"),
    ("es", "El canciller Juan Ramón de la Fuente habló ayer. De la Fuente, de 73 años, "
     "señaló la meta.", "De la Fuente", "Juan Ramón de la Fuente"),
    ("tr", "Irak Başbakanı Muhammed Şiya es-Sudani geldi. Sudani, açıklama yaptı.",
     "Sudani", "Muhammed Şiya es-Sudani"),
    ("kk", "Премьер-Министр Сигэру Исиба келді. Кездесуде Исибаны қонақтар күтті.",
     "Исибаны", "Сигэру Исиба"),
    ("pt", "O presidente Luiz Inácio Lula da Silva viajou. Lula deve visitar Angola.",
     "Lula", "Luiz Inácio Lula da Silva"),
])
def test_entities_names_lone_surname_takes_full_key(language: str, text: str, lone: str,
                                                    full: str) -> None:
    got = found(text, language)
    assert got[lone].type == "person" and got[lone].key == got[full].key


@pytest.mark.parametrize(("a", "la", "b", "lb"), [
    ("Il primo ministro iracheno Mohammed Shia al-Sudani è arrivato.", "it",
     "Irak Başbakanı Muhammed Şiya es-Sudani geldi.", "tr"),
    ("Il ministro è stato ricevuto dal presidente Abdel Fattah al-Sisi.", "it",
     "Le ministre s'est entretenu avec le président Abdel-Fattah Al-Sissi.", "fr"),
])
def test_resolve_entities_transliterated_given_names_merge(a: str, la: str, b: str,
                                                          lb: str) -> None:
    docs = [analyse(a, la, "a"), analyse(b, lb, "b")]
    persons = [e for e in resolve_entities(docs) if e.type == "person"]
    assert any(set(e.documents) == {"a", "b"} for e in persons), \
        [(e.name, e.documents) for e in persons]


@pytest.mark.parametrize(("a", "b"), [
    ("Minister Maria Rossi spoke.", "Minister Mario Rossi spoke."),
    ("President Daniel Chapo spoke.", "President Filipe Chapo spoke."),
])
def test_resolve_entities_different_given_names_stay_apart(a: str, b: str) -> None:
    docs = [analyse(a, "en", "a"), analyse(b, "en", "b")]
    persons = [e for e in resolve_entities(docs) if e.type == "person"]
    assert len(persons) == 2, [(e.name, e.documents) for e in persons]
