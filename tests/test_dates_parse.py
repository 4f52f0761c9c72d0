"""Date expressions -> partial ISO dates: unknown parts stay unknown."""

from __future__ import annotations

import pytest

from dossier.nlp.dates import compatible, find_dates, merge, precision


def _first(text: str, language: str, published: str | None = None) -> tuple[str | None,
                                                                              str | None]:
    spans = find_dates(text, language, published)
    assert spans, f"no date found in {text!r}"
    best = max(spans, key=lambda s: precision(s.date))
    return best.date, best.end_date


@pytest.mark.parametrize(("language", "text", "date"), [
    ("en", "The talks took place on 12 November 2025 in Moscow.", "2025-11-12"),
    ("en", "The talks took place on November 12, 2025 in Moscow.", "2025-11-12"),
    ("pt", "O encontro ocorreu em 12 de novembro de 2025, em Moscou.", "2025-11-12"),
    ("it", "I colloqui si sono svolti il 12 novembre 2025 al Cremlino.", "2025-11-12"),
    ("es", "La reunión se celebró el 12 de noviembre de 2025 en Moscú.", "2025-11-12"),
    ("fr", "Les entretiens ont eu lieu le 12 novembre 2025 à Moscou.", "2025-11-12"),
    ("de", "Die Gespräche fanden am 12. November 2025 in Moskau statt.", "2025-11-12"),
    ("ru", "Переговоры прошли 12 ноября 2025 года в Москве.", "2025-11-12"),
    ("tr", "Görüşme 12 Kasım 2025 tarihinde Moskova'da yapıldı.", "2025-11-12"),
    ("kk", "Келіссөздер 2025 жылғы 12 қарашада Мәскеуде өтті.", "2025-11-12"),
])
def test_dates_parse_full_date(language: str, text: str, date: str) -> None:
    assert _first(text, language)[0] == date


@pytest.mark.parametrize(("language", "text", "date"), [
    ("pt", "Ao chegar em Astana no dia 27 de novembro, Putin foi recebido.", "--11-27"),
    ("it", "Mosca, Cremlino, 12 novembre – Il Presidente ha dato il benvenuto.", "--11-12"),
    ("en", "Lavrov arrived on November 3 for talks.", "--11-03"),
    ("ru", "Визит состоялся 27 ноября.", "--11-27"),
    ("de", "Der Besuch fand am 27. November statt.", "--11-27"),
    ("pt", "Os presidentes assinaram, na quarta-feira (12), a declaração.", "---12"),
])
def test_dates_parse_without_year_stays_partial(language: str, text: str, date: str) -> None:
    assert _first(text, language, published=None)[0] == date


@pytest.mark.parametrize(("language", "text", "published", "date"), [
    ("it", "Mosca, Cremlino, 12 novembre – Il Presidente ha dato il benvenuto.", "2025-11-12",
     "2025-11-12"),
    ("pt", "Os presidentes assinaram, na quarta-feira (12), a declaração.", "2025-11-13",
     "2025-11-12"),
    ("en", "Lavrov visited Astana earlier this month.", "2024-11-27", "2024-11"),
    ("en", "Putin will visit Kazakhstan next year.", "2025-11-12", "2026"),
    ("it", "Putin visiterà il Kazakistan l'anno prossimo.", "2025-11-12", "2026"),
    ("ru", "Путин посетит Казахстан в следующем году.", "2025-11-12", "2026"),
    ("es", "El rey visitará China el próximo año.", "2025-11-12", "2026"),
    ("tr", "Erdoğan gelecek yıl Astana'yı ziyaret edecek.", "2025-11-12", "2026"),
    ("kk", "Президент келесі жылы Мәскеуге барады.", "2025-11-12", "2026"),
])
def test_dates_parse_year_from_publication(language: str, text: str, published: str,
                                           date: str) -> None:
    assert _first(text, language, published)[0] == date


@pytest.mark.parametrize(("language", "text", "published"), [
    ("pt", "Ao chegar em Astana no dia 27 de novembro, Putin foi recebido.", "2025-06-01"),
    ("en", "Lavrov arrived on March 3 for talks.", "2025-11-12"),
])
def test_dates_parse_far_from_publication_keeps_year_unknown(language: str, text: str,
                                                              published: str) -> None:
    assert _first(text, language, published)[0].startswith("--")  # type: ignore[union-attr]


@pytest.mark.parametrize(("language", "text", "published", "start", "end"), [
    ("en", "Putin paid a state visit to Kazakhstan from November 27-28.", "2024-11-27",
     "2024-11-27", "2024-11-28"),
    ("fr", "Macron a effectué une visite d'État du 26 au 28 mai 2024.", None,
     "2024-05-26", "2024-05-28"),
    ("ru", "Визит прошёл 27–28 ноября 2024 года.", None, "2024-11-27", "2024-11-28"),
    ("it", "La visita si è svolta l'11 e 12 novembre 2025.", None, "2025-11-11", "2025-11-12"),
])
def test_dates_parse_ranges(language: str, text: str, published: str | None, start: str,
                            end: str) -> None:
    assert _first(text, language, published) == (start, end)


@pytest.mark.parametrize("language", ["en", "it"])
def test_dates_parse_relative_needs_publication(language: str) -> None:
    text = {"en": "He visited earlier this month.", "it": "È arrivato il mese scorso."}[language]
    assert find_dates(text, language, None) == []


@pytest.mark.parametrize(("a", "b", "ok"), [
    ("--11-27", "2024-11-27", True),
    ("--11-27", "2024-11-12", False),
    ("---12", "2025-11-12", True),
    ("2024-11", "2024-11-27", True),
    ("2026", "2025-11-12", False),
    ("2024-11-27", "2024-11-28", True),
    ("2024-10-31", "2024-11-01", True),
    (None, "2025-11-12", True),
])
def test_dates_parse_compatible(a: str | None, b: str, ok: bool) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


@pytest.mark.parametrize(("a", "b", "merged"), [
    ("--11-27", "2024-11-27", "2024-11-27"),
    ("---12", "2025-11-12", "2025-11-12"),
    ("2024-11", "2024-11-27", "2024-11-27"),
    ("--11-27", "2024", "2024-11-27"),
    (None, "2024", "2024"),
])
def test_dates_parse_merge_keeps_known_parts(a: str | None, b: str, merged: str) -> None:
    assert merge(a, b) == merged


# (language, text, year that is a deadline or a name, not when something happened)
NOT_DATES = [
    ("ru", "Стороны подписали программу сотрудничества до 2030 года.", "2030"),
    ("kk", "Тараптар 2030 жылға дейінгі бағдарламаға қол қойды.", "2030"),
    ("tr", "Ticaret hacmini 2030 yılına kadar 15 milyar dolara çıkarmayı hedefliyoruz.", "2030"),
    ("en", "They aim to double trade by 2030.", "2030"),
    ("de", "Bis 2030 soll der Handel verdoppelt werden.", "2030"),
    ("es", "Firmaron un memorando sobre la candidatura para el Mundial 2030 en Rabat.", "2030"),
    ("fr", "Les deux pays visent 100 milliards d'ici 2030.", "2030"),
]


@pytest.mark.parametrize(("language", "text", "year"), NOT_DATES)
def test_dates_parse_deadline_and_name_years_are_flagged(language: str, text: str,
                                                         year: str) -> None:
    spans = [s for s in find_dates(text, language, None) if s.date == year]
    assert spans and all(s.target for s in spans)


# (language, text, year that does date an event)
REAL_YEARS = [
    ("de", "Der Aachener Vertrag von 2019 bleibe die Grundlage.", "2019"),
    ("de", "Im Jahr 2024 stieg der Handel.", "2024"),
    ("ru", "Договор был подписан в 2022 году.", "2022"),
    ("en", "In 2024 trade grew by a fifth.", "2024"),
]


@pytest.mark.parametrize(("language", "text", "year"), REAL_YEARS)
def test_dates_parse_plain_years_are_dates(language: str, text: str, year: str) -> None:
    spans = [s for s in find_dates(text, language, None) if s.date == year]
    assert spans and not any(s.target for s in spans)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Der Kanzler sagte, die Beziehungen mit Frankreich seien eng."),
    ("pt", "O sex appeal da proposta e o ter de decidir."),
    ("fr", "La mer et le mar de la ville."),
    ("tr", "Toplantı per se önemliydi."),
])
def test_dates_parse_weekday_abbreviations_are_words(language: str, text: str) -> None:
    assert find_dates(text, language, "2025-08-29") == []
