"""Weekdays beside a written date: one date, the written one (events round 6).

A weekday whose name begins like a month abbreviation ("Martes", "Mardi", "martedì" start
with "Mar") must not hide the day-month date after it, and a weekday written beside a date
does not resolve to the last such day before publication.
"""

from __future__ import annotations

import pytest

from dossier.nlp.dates import find_dates

PUBLISHED = "2025-03-05"  # a Wednesday


@pytest.mark.parametrize(("language", "text", "date"), [
    ("es", "El Martes 4 de marzo los ministros se reunieron en Lima.", "2025-03-04"),
    ("es", "La cumbre será el martes 11 de marzo en Quito.", "2025-03-11"),
    ("fr", "Mardi 11 mars, le ministre recevra son homologue.", "2025-03-11"),
    ("it", "Martedì 11 marzo il ministro incontrerà il suo omologo.", "2025-03-11"),
    ("pt", "Na terça-feira, 11 de março, o ministro recebe o homólogo.", "2025-03-11"),
    ("de", "Am Samstag, den 8. März, reist die Ministerin nach Rom.", "2025-03-08"),
    ("en", "The talks open on Saturday, March 8, in Vienna.", "2025-03-08"),
    ("ru", "В субботу, 8 марта, министр прилетит в Баку.", "2025-03-08"),
    ("tr", "Bakan 8 Mart Cumartesi günü Bakü'ye gidecek.", "2025-03-08"),
])
def test_dates_weekday_beside_date_gives_the_written_date(language: str, text: str,
                                                          date: str) -> None:
    spans = find_dates(text, language, PUBLISHED)
    assert [s.date for s in spans] == [date]


def test_dates_weekday_alone_still_resolves_backwards() -> None:
    spans = find_dates("Los ministros se reunieron el martes en Lima.", "es", PUBLISHED)
    assert [s.date for s in spans] == ["2025-03-04"]


def test_dates_weekday_in_another_sentence_is_not_joined() -> None:
    spans = find_dates("They met on Saturday. March 8 is a holiday.", "en", PUBLISHED)
    assert [s.date for s in spans] == ["2025-03-01", "2025-03-08"]


def test_dates_month_abbreviation_word_without_date_hides_nothing() -> None:
    # "Mar(co) 12" is no month-first date; "12 marzo 2025" after it is
    spans = find_dates("Marco 12 marzo 2025 firmò.", "it", None)
    assert [s.date for s in spans] == ["2025-03-12"]
