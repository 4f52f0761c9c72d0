"""Round-4 event rules: phone calls and meetings in nine languages, part-of-month dates,
idioms that hold a trigger word, and a planned weekday that lies after publication."""

from __future__ import annotations

import pytest

from dossier.extract.events import EventStage
from dossier.nlp.dates import find_dates
from tests.test_events_util import make_doc

A = ("person", "person:anna berg")
B = ("person", "person:omar haddad")
ENTS = {"Anna Berg": A, "Omar Haddad": B}

# (language, sentence): a call or a meeting between the two, on 28 April
CALLS = [
    ("fr", "Anna Berg s'était entretenue par téléphone avec Omar Haddad le 28 avril."),
    ("fr", "Anna Berg s'était entretenu avec Omar Haddad le 28 avril."),
    ("de", "Anna Berg und Omar Haddad hatten am 28. April telefoniert."),
    ("pt", "Anna Berg se reuniu no dia 28 de abril com Omar Haddad."),
    ("es", "Anna Berg y Omar Haddad hablaron por teléfono el 28 de abril."),
    ("it", "Il 28 aprile Anna Berg ha telefonato a Omar Haddad."),
    ("ru", "28 апреля Анна Берг и Омар Хаддад провели телефонный разговор."),
    ("tr", "Anna Berg, 28 Nisan'da Omar Haddad ile telefonda görüştü."),
    ("kk", "28 сәуірде Анна Берг Омар Хаддадпен телефон арқылы сөйлесті."),
    ("en", "Anna Berg spoke on the phone with Omar Haddad on April 28."),
]


@pytest.mark.parametrize(("language", "text"), CALLS)
def test_events_round4_calls_and_meetings(language: str, text: str) -> None:
    ents = {**ENTS, "Анна Берг": A, "Омар Хаддад": B, "Омар Хаддадпен": B}
    doc = EventStage()(make_doc(text, language, ents, published="2025-05-12"))
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert meetings, [e.trigger for e in doc.events]
    assert meetings[0].date == "2025-04-28"


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Mitte Oktober"), ("es", "a mediados de octubre"), ("ru", "в середине октября"),
    ("tr", "ekim ortasında"), ("kk", "қазан айының ортасында"), ("fr", "à la mi-octobre"),
    ("en", "in mid-October"), ("it", "a metà ottobre"), ("pt", "em meados de outubro"),
])
def test_events_round4_mid_month(language: str, text: str) -> None:
    assert [s.date for s in find_dates(text, language, "2025-11-03")] == ["2025-10"]
    # the bare month name ("October") names no date by itself
    assert find_dates(text.split()[-1].split("-")[-1], language, "2025-11-03") == []


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Im Gespräch ist nach Angaben von Anna Berg ein Hilfsfonds für Omar Haddad."),
    ("en", "A fund for Omar Haddad is under discussion, Anna Berg said."),
])
def test_events_round4_idioms_are_no_meeting(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, ENTS, published="2025-11-03"))
    assert [e for e in doc.events if e.type == "meeting"] == []


def test_events_round4_planned_weekday_is_the_coming_one() -> None:
    # published on Thursday 21 August 2025: "on Friday" is the 22nd when it is still ahead
    text = "Anna Berg is scheduled to address the business forum with Omar Haddad on Friday."
    doc = EventStage()(make_doc(text, "en", ENTS, published="2025-08-21"))
    assert [e.date for e in doc.events if e.type == "forum"] == ["2025-08-22"]
    past = "Anna Berg addressed the business forum with Omar Haddad on Friday."
    doc = EventStage()(make_doc(past, "en", ENTS, published="2025-08-21"))
    assert [e.date for e in doc.events if e.type == "forum"] == ["2025-08-15"]
