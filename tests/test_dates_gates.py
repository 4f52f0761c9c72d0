"""The cheap checks before the date patterns skip only texts those patterns cannot match."""

from __future__ import annotations

import pytest

from dossier.extract.eventdates import future_phrase, sentence_dates
from dossier.model import Document, Sentence
from dossier.nlp.dates import find_dates, has_relative_phrase


def _dates(text: str, language: str, published: str | None = None) -> list[str | None]:
    return [s.date for s in find_dates(text, language, published)]


@pytest.mark.parametrize(("language", "text", "date"), [
    ("de", "Das Abkommen vom 3.5.2024 tritt morgen in Kraft.", "2024-05-03"),
    ("en", "The memo dated 2024-05-03 was published today.", "2024-05-03"),
    ("fr", "Le texte signé le 03/05/2024 entre en vigueur.", "2024-05-03"),
])
def test_numeric_dates_found_with_every_separator(language: str, text: str, date: str) -> None:
    assert date in _dates(text, language)


@pytest.mark.parametrize(("language", "text", "date"), [
    ("en", "The envoys met on Tuesday,14 MARCH 2023 in Geneva.", "2023-03-14"),
    ("de", "Die Minister trafen sich am 14.März 2023 in Genf.", "2023-03-14"),
    ("en", "The ministers will meet again on March 14 in Geneva.", "--03-14"),
    ("it", "La commissione si riunirà il 14 marzo a Ginevra.", "--03-14"),
])
def test_month_names_after_a_comma_a_stop_or_in_capitals_are_read(language: str, text: str,
                                                                   date: str) -> None:
    assert date in _dates(text, language)


def test_month_and_year_without_a_day_found() -> None:
    assert "2021-09" in _dates("Trade rose sharply in September 2021 alone.", "en")


def test_year_without_a_month_found() -> None:
    assert "1998" in _dates("The embassy opened in 1998 after long talks.", "en")


def test_text_without_digits_still_yields_weekdays_and_relative_dates() -> None:
    found = _dates("The envoy arrived on Friday and leaves next month.", "en", "2024-05-15")
    assert "2024-05-10" in found
    assert len(found) == 2


def test_digits_without_a_date_yield_nothing() -> None:
    assert _dates("The two sides signed 12 documents worth 45 million.", "en") == []


def _doc(doc_id: str, sentences: list[str], published: str | None = "2024-05-15") -> Document:
    text = " ".join(sentences)
    out, pos = [], 0
    for s in sentences:
        out.append(Sentence(start=pos, end=pos + len(s), text=s))
        pos += len(s) + 1
    return Document(id=doc_id, source="s", text=text, sentences=out, language="en",
                    published=published)


def test_sentence_dates_answer_each_document_for_its_own_sentences() -> None:
    first = _doc("a1", ["The envoys met on 3 May 2024.", "Nothing else happened."])
    second = _doc("a1", ["The envoys met on 9 June 2023.", "Nothing else happened."])
    assert sentence_dates(first)[0][0].date == "2024-05-03"
    assert sentence_dates(second)[0][0].date == "2023-06-09"
    undated = _doc("a1", ["The envoys met on Friday.", "Nothing else."], published=None)
    assert sentence_dates(undated)[0] == []


def test_sentence_dates_lists_belong_to_the_caller() -> None:
    doc = _doc("b2", ["The envoys met on 3 May 2024.", "They met again on 7 May 2024."])
    sentence_dates(doc)[0].clear()
    assert sentence_dates(doc)[0][0].date == "2024-05-03"


def test_future_phrase_reads_the_text_each_time_it_changes() -> None:
    assert future_phrase("The ministers will meet next year in Rome.", "en")
    assert not future_phrase("The ministers met last year in Rome.", "en")


def test_future_phrase_needs_a_relative_phrase_not_a_weekday() -> None:
    assert not has_relative_phrase("The ministers will meet on Friday in Rome.", "en")
    assert not future_phrase("The ministers will meet on Friday in Rome.", "en")
    assert has_relative_phrase("Они встретятся в следующем году в Москве.", "ru")
    assert future_phrase("Они встретятся в следующем году в Москве.", "ru")


@pytest.mark.parametrize(("language", "text", "date", "end"), [
    ("en", "12 March 2024: the envoys met in Geneva.", "2024-03-12", None),
    ("en", "March 12, 2024 - the envoys met in Geneva.", "2024-03-12", None),
    ("de", "14.03.2023 unterzeichneten beide Seiten das Abkommen.", "2023-03-14", None),
    ("en", "Talks ran on 12-14 March 2024 in Geneva.", "2024-03-12", "2024-03-14"),
    ("en", "The plan covers 2019-2021 and beyond.", "2019", "2021"),
    ("en", "Version 1.2 was signed on 5 May 2021 in Rome.", "2021-05-05", None),
])
def test_dates_at_the_text_start_beside_other_numbers_and_ranges(
        language: str, text: str, date: str, end: str | None) -> None:
    found = [(s.date, s.end_date) for s in find_dates(text, language)]
    assert (date, end) in found
