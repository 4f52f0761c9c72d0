"""Events round 6: a sentence without a date of its own reports the day of the sentence
before it in the same paragraph, when that day lies a few days before the page's date."""

from __future__ import annotations

import pytest

from dossier.extract.events import detect_events
from tests.test_events_util import make_doc

PEOPLE = {"Ivanov": ("person", "person:ivanov"), "Petrov": ("person", "person:petrov")}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "On Thursday, Ivanov and Petrov met in Minsk. The two ministers signed a "
     "memorandum on fisheries."),
    ("de", "Am vergangenen Donnerstag trafen sich Ivanov und Petrov in Minsk. Unterzeichnet "
     "wurde ein Memorandum über die Fischerei."),
])
def test_events_signing_takes_the_day_of_the_meeting_before(language: str, text: str) -> None:
    events = detect_events(make_doc(text, language, PEOPLE, published="2025-11-10"))
    signing = [e for e in events if e.type == "agreement"]
    assert signing and all(e.date == "2025-11-06" for e in signing)


def test_events_day_of_another_paragraph_is_not_carried() -> None:
    text = ("On Thursday, Ivanov and Petrov met in Minsk.\n\nThe two ministers signed a "
            "memorandum on fisheries.")
    events = detect_events(make_doc(text, "en", PEOPLE, published="2025-11-10"))
    signing = [e for e in events if e.type == "agreement"]
    assert signing and all(e.date != "2025-11-06" for e in signing)
