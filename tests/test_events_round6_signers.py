"""Round 6: a signing that names no person (passive, "the sides") takes the people of the
session it concludes, so that two reports of one signing fuse by their people."""

from __future__ import annotations

import pytest

from dossier.extract.eventargs import signers
from dossier.extract.events import EventStage
from dossier.model import DocEvent
from tests.test_events_util import make_doc

PEOPLE = {"Анна Берг": ("person", "person:anna berg"),
          "Омар Хаддад": ("person", "person:omar haddad"),
          "Anna Berg": ("person", "person:anna berg"),
          "Omar Haddad": ("person", "person:omar haddad"),
          "Норвегии": ("country", "country:NO"), "Перу": ("country", "country:PE"),
          "Norway": ("country", "country:NO"), "Peru": ("country", "country:PE")}


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Анна Берг и Омар Хаддад провели переговоры в Осло. "
           "По итогам встречи были подписаны три соглашения между Норвегии и Перу."),
    ("en", "Anna Berg held talks with Omar Haddad in Oslo. "
           "After the talks, three agreements between Norway and Peru were signed."),
])
def test_events_round6_passive_signing_takes_the_session_people(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, PEOPLE, published="2024-04-10"))
    signing = [e for e in doc.events if e.type == "agreement"]
    assert signing and {"person:anna berg", "person:omar haddad"} <= set(signing[0].actors)


def _ev(etype: str, actors: list[str], date: str | None = "2024-04-10",
        status: str = "happened") -> DocEvent:
    return DocEvent(type=etype, status=status, date=date, actors=actors,  # type: ignore[arg-type]
                    trigger="t", sentence=0, quote="q")


def test_events_round6_signing_keeps_its_own_people() -> None:
    talks = _ev("meeting", ["person:anna berg", "country:NO"])
    signing = _ev("agreement", ["person:omar haddad", "country:NO"])
    assert signers([talks, signing])[1].actors == ["person:omar haddad", "country:NO"]


def test_events_round6_signing_of_other_countries_takes_no_people() -> None:
    talks = _ev("meeting", ["person:anna berg", "country:NO", "country:PE"])
    signing = _ev("agreement", ["country:FR", "country:DE"])
    assert signers([talks, signing])[1].actors == ["country:FR", "country:DE"]


def test_events_round6_signing_of_another_day_takes_no_people() -> None:
    talks = _ev("meeting", ["person:anna berg", "country:NO"], date="2024-03-02")
    signing = _ev("agreement", ["country:NO"])
    assert signers([talks, signing])[1].actors == ["country:NO"]


def test_events_round6_planned_talks_lend_no_people() -> None:
    talks = _ev("visit", ["person:anna berg", "country:NO"], status="planned")
    signing = _ev("agreement", ["country:NO"])
    assert signers([talks, signing])[1].actors == ["country:NO"]
