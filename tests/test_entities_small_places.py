"""Small GeoNames towns named by common-looking words need a locative cue: German nouns
("Zahlen", "Uran", "Ende") and short words ("Yen") are no towns on their own."""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage


def places(text: str, language: str) -> set[str]:
    doc = Document(id="t", source="t", text=text, language=language)
    found = EntityStage()(SentenceStage()(doc)).mentions
    return {m.text for m in found if m.type == "place"}


@pytest.mark.parametrize(("language", "text", "word"), [
    ("de", "Die Zahlen sind noch bescheiden, sagte der Minister.", "Zahlen"),
    ("de", "Kasachstan förderte im Jahr etwa 23.300 Tonnen Uran für den Export.", "Uran"),
    ("de", "Die Lizenzen sollen bis Ende 2026 auf 500 steigen.", "Ende"),
    ("de", "Die Bank gewährte ein Darlehen über 12 Mrd. Yen für das Projekt.", "Yen"),
    ("en", "The bank granted a loan of 12 billion Yen for the project.", "Yen"),
])
def test_entities_small_places_common_words_are_no_towns(language: str, text: str,
                                                         word: str) -> None:
    assert word not in places(text, language)


@pytest.mark.parametrize(("language", "text", "town"), [
    ("de", "Toulon (dpa) - Die Minister trafen sich am Mittag.", "Toulon"),
    ("de", "Die Delegation reiste weiter nach Karaganda und Aktau.", "Karaganda"),
    ("de", "Die Gespräche fanden in Tokio statt.", "Tokio"),
    ("en", "The ministers met in Aktau on Monday.", "Aktau"),
])
def test_entities_small_places_towns_with_cues_stay(language: str, text: str,
                                                    town: str) -> None:
    assert town in places(text, language)
