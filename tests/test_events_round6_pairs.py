"""Events round 6: "the two leaders", "ambos cancilleres" as a subject name the page's pair
(people the page gives that title first, then its most named people), not the names of the
clause after the verb."""

from __future__ import annotations

import pytest

from dossier.extract.events import detect_events
from tests.test_events_util import make_doc

PEOPLE = {"Ivanov": ("person", "person:ivanov"), "Petrov": ("person", "person:petrov"),
          "Sidorov": ("person", "person:sidorov"), "Oslo": ("place", "place:oslo"),
          "Norway": ("country", "country:NO"), "NORDPACT": ("organization", "org:nordpact")}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "President Ivanov received President Petrov in Oslo on Monday. Ivanov praised "
     "Petrov. The two leaders last spoke by phone on 12 August, when they discussed the "
     "review of the Nordic pact, known in Norway as NORDPACT."),
    ("es", "El presidente Ivanov recibió al presidente Petrov en Oslo el lunes. Ivanov elogió "
     "a Petrov. Los dos mandatarios hablaron por teléfono el 12 de agosto, cuando trataron "
     "la revisión del pacto nórdico, conocido en Norway como NORDPACT."),
])
def test_events_pair_subject_names_the_pages_two_people(language: str, text: str) -> None:
    events = detect_events(make_doc(text, language, PEOPLE, published="2025-09-18"))
    call = next(e for e in events if e.date == "2025-08-12")
    assert {"person:ivanov", "person:petrov"} <= set(call.actors)
    assert "org:nordpact" not in call.actors


def test_events_pair_subject_prefers_people_with_that_title() -> None:
    text = ("El canciller Sidorov y su homólogo, el canciller Petrov, se reunieron en Oslo "
            "el lunes con el presidente Ivanov. Ivanov habló de comercio. Ivanov habló de "
            "energía. Ambos cancilleres firmaron un memorando sobre pesca.")
    events = detect_events(make_doc(text, "es", PEOPLE, published="2025-09-18"))
    signing = next(e for e in events if e.type == "agreement")
    assert {"person:sidorov", "person:petrov"} <= set(signing.actors)
    assert "person:ivanov" not in signing.actors
