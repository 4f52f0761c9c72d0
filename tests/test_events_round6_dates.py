"""Round 6: dates of undated pages (no publication date): the latest day the page shows past
is the latest of all its evidence, a completion still to come is no evidence, and a weekday
under a yearless dateline resolves only in a year the page writes."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.extract.eventdates import sentence_dates, undated_spans
from dossier.extract.events import EventStage
from dossier.model import Document, Figure
from dossier.resolve.undated import written_after
from tests.test_events_util import make_doc


def _figure(doc: Document, sentence: int, surface: str, period: str) -> Figure:
    return Figure(value=1.0, unit="USD", metric="trade", kind="actual", period=period,
                  sentence=sentence, start=0, end=1, surface=surface,
                  quote=doc.sentences[sentence].text)


def test_events_round6_written_after_takes_the_latest_evidence() -> None:
    # a treaty recalled with its day (2019) and trade of the first quarter of 2024: the page
    # is from after March 2024, not after June 2019
    text = ("Договор был подписан 12 июня 2019 года. "
            "Товарооборот за первые три месяца 2024 года вырос на 7%.")
    doc = make_doc(text, "ru", {})
    doc.figures = [_figure(doc, 1, "7%", "2024-01/2024-03")]
    assert written_after(doc) == dt.date(2024, 3, 31)


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Торговля выросла на 5% в 2023 году. Мост будет завершен в 2031 году, сообщил он."),
    ("en", "Trade grew by 5% in 2023. The bridge will be completed in 2031, he said."),
])
def test_events_round6_future_completion_is_no_past_period(language: str, text: str) -> None:
    doc = make_doc(text, language, {})
    doc.figures = [_figure(doc, 0, "5%", "2023"), _figure(doc, 1, "2031", "2031")]
    assert written_after(doc) == dt.date(2023, 12, 31)


RU_PAGE = ("Казань, 14 марта. Городской вестник.\n\n"
           "Министр Анна Берг в пятницу провела переговоры с Омаром Хаддадом.\n\n"
           "Товарооборот в 2024 году составил 3 млрд долларов, а за январь 2025 года вырос.")
RU_ENTITIES = {"Анна Берг": ("person", "person:anna berg"),
               "Омаром Хаддадом": ("person", "person:omar haddad")}


def _ru_page(text: str) -> Document:
    doc = make_doc(text, "ru", RU_ENTITIES)
    last = len(doc.sentences) - 1
    doc.figures = [_figure(doc, last, "3 млрд долларов", "2024")]
    if "2025" in text:
        doc.figures.append(_figure(doc, last, "вырос", "2025-01"))
    return doc


def test_events_round6_weekday_under_yearless_dateline_in_the_written_year() -> None:
    # written after January 2025: 14 March 2025, a Friday; "в пятницу" is that day
    doc = EventStage()(_ru_page(RU_PAGE))
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert [e.date for e in meetings] == ["2025-03-14"]


def test_events_round6_weekday_stays_yearless_without_a_written_year() -> None:
    # only 2024 is written, so the dateline's year (2025 at the earliest) is a guess: the
    # weekday names no day and the event keeps the dateline's yearless day
    text = RU_PAGE.replace(", а за январь 2025 года вырос", "")
    doc = _ru_page(text)
    spans = sentence_dates(doc)
    assert undated_spans(doc, spans) == spans
    meetings = [e for e in EventStage()(doc).events if e.type == "meeting"]
    assert [e.date for e in meetings] == ["--03-14"]


def test_events_round6_dated_page_keeps_its_spans() -> None:
    text = "Paris, 12 septembre. Anna Berg a rencontré jeudi Omar Haddad."
    doc = make_doc(text, "fr", {}, published="2024-09-12")
    spans = sentence_dates(doc)
    assert undated_spans(doc, spans) == spans


def test_events_round6_weekday_before_a_yearless_english_dateline() -> None:
    text = ("LISBON, Sept. 12 (Wire) - Anna Berg met Omar Haddad on Thursday.\n\n"
            "Exports rose 4% in the first half of 2024.")
    doc = make_doc(text, "en", {"Anna Berg": ("person", "person:anna berg"),
                                "Omar Haddad": ("person", "person:omar haddad")})
    doc.figures = [_figure(doc, 1, "4%", "2024-01/2024-06")]
    meetings = [e for e in EventStage()(doc).events if e.type == "meeting"]
    assert [e.date for e in meetings] == ["2024-09-12"]  # 12 September 2024 was a Thursday
