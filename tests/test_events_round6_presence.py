"""Events round 6: "will be in <place>" reports a visit; "will be in force" does not."""

from __future__ import annotations

import pytest

from dossier.extract.events import detect_events
from tests.test_events_util import make_doc

ENTITIES = {"Ivanova": ("person", "person:ivanova"), "Dakar": ("place", "place:dakar")}


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "O Presidente Ivanova estará em Dakar a 14 de dezembro para a cimeira."),
    ("es", "La presidenta Ivanova estará en Dakar el 14 de diciembre para la cumbre."),
    ("it", "La presidente Ivanova sarà a Dakar il 14 dicembre per il vertice."),
    ("fr", "La présidente Ivanova sera à Dakar le 14 décembre pour le sommet."),
    ("en", "President Ivanova will be in Dakar on 14 December for the summit."),
    ("ru", "Президент Ivanova будет в Dakar 14 декабря на саммите."),
])
def test_events_being_in_a_place_is_a_planned_visit(language: str, text: str) -> None:
    events = detect_events(make_doc(text, language, ENTITIES, published="2025-11-20"))
    visits = [e for e in events if e.type == "visit"]
    assert [(e.status, e.date, e.place) for e in visits] == [
        ("planned", "2025-12-14", "place:dakar")]


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "Segundo Ivanova, o acordo estará em vigor a 14 de dezembro."),
    ("en", "Ivanova said the agreement will be in force on 14 December."),
])
def test_events_being_in_no_place_is_no_visit(language: str, text: str) -> None:
    events = detect_events(make_doc(text, language, ENTITIES, published="2025-11-20"))
    assert [e for e in events if e.type == "visit"] == []
