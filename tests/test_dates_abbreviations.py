"""A month abbreviation is a date only as a word of its own ("Ara 2025"), never the start of
another word ("arasında 2025", "marcha 2025")."""

from __future__ import annotations

import pytest

from dossier.nlp.dates import find_dates


@pytest.mark.parametrize(("language", "text"), [
    ("tr", "İmzalanan belgeler arasında 2025-2027 Dönemi Eylem Planı da yer aldı."),
    ("es", "La marcha 2025 reunió a miles de personas."),
    ("en", "The Mayor 2024 award went to the city."),
])
def test_dates_abbreviations_not_inside_words(language: str, text: str) -> None:
    assert all(precision_month(s.date) is None for s in find_dates(text, language))


@pytest.mark.parametrize(("language", "text", "date"), [
    ("tr", "Anlaşma Aralık 2024 tarihinde imzalandı.", "2024-12"),
    ("ru", "Соглашение подписано в ноябре 2024 года.", "2024-11"),
    ("de", "Der Vertrag wurde im Okt. 2024 unterzeichnet.", "2024-10"),
])
def test_dates_abbreviations_full_months_still_match(language: str, text: str,
                                                      date: str) -> None:
    assert date in [s.date for s in find_dates(text, language)]


def precision_month(date: str | None) -> str | None:
    """The month part of an ISO-like date, None when it has none."""
    parts = (date or "").lstrip("-").split("-")
    return parts[1] if len(parts) >= 2 and (date or "")[:1] != "-" else None
