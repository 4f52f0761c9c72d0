# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Periods per language: quarters, halves, month ranges, year to date, last year, deadlines."""

from __future__ import annotations

import pytest

from dossier.extract.periods import PeriodMention, period_finder


def periods(lang: str, text: str, published: str | None) -> list[str | None]:
    """Return the period values found in ``text``."""
    return [p.period for p in period_finder(lang).find(text, published)]


def spans(lang: str, text: str, published: str | None) -> list[PeriodMention]:
    """Return the period mentions found in ``text``."""
    return period_finder(lang).find(text, published)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Trade rose 4% in the first quarter of 2025, officials said.", "2025-01/2025-03"),
    ("en", "Exports fell in Q3 2024 to $2 billion.", "2024-07/2024-09"),
    ("pt", "No primeiro trimestre de 2025, as exportações cresceram 3%.", "2025-01/2025-03"),
    ("it", "Nel terzo trimestre del 2024 l'interscambio è salito a 4 miliardi.", "2024-07/2024-09"),
    ("es", "En el segundo trimestre de 2025 el comercio creció un 5%.", "2025-04/2025-06"),
    ("fr", "Au premier trimestre 2025, les exportations ont reculé de 3,1 %.", "2025-01/2025-03"),
    ("de", "Im ersten Quartal 2025 stieg der Handel um 7 Prozent.", "2025-01/2025-03"),
    ("de", "Im 4. Quartal 2024 wuchs der Umsatz auf 2 Mrd. Euro.", "2024-10/2024-12"),
    ("ru", "В первом квартале 2025 года взаимная торговля выросла на 4,6%.", "2025-01/2025-03"),
    ("ru", "В IV квартале 2024 года экспорт составил 3 млрд долларов.", "2024-10/2024-12"),
    ("tr", "2025 yılının ilk çeyreğinde ticaret yüzde 8 arttı.", "2025-01/2025-03"),
    ("tr", "2024'ün son çeyreğinde ihracat 2 milyar dolara ulaştı.", "2024-10/2024-12"),
    ("kk", "2025 жылдың бірінші тоқсанында тауар айналымы 6,5 млрд долларға жетті.", "2025-01/2025-03"),
])
def test_periods_quarter(lang: str, text: str, want: str) -> None:
    assert want in periods(lang, text, "2025-11-12")


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "In the first half of 2025 trade grew by 6%.", "2025-01/2025-06"),
    ("pt", "No primeiro semestre de 2025 o comércio cresceu 6%.", "2025-01/2025-06"),
    ("it", "Nel primo semestre del 2025 l'export è cresciuto del 6%.", "2025-01/2025-06"),
    ("es", "En el segundo semestre de 2024 las ventas subieron un 4%.", "2024-07/2024-12"),
    ("fr", "Au premier semestre 2025, les échanges ont progressé de 6 %.", "2025-01/2025-06"),
    ("de", "Im ersten Halbjahr 2025 stieg der Handel um 6 Prozent.", "2025-01/2025-06"),
    ("ru", "За первое полугодие 2025 года товарооборот вырос на 6%.", "2025-01/2025-06"),
    ("tr", "2025 yılının ilk yarısında ticaret yüzde 6 arttı.", "2025-01/2025-06"),
    ("kk", "2025 жылдың бірінші жартыжылдығында сауда 6 пайызға өсті.", "2025-01/2025-06"),
])
def test_periods_half(lang: str, text: str, want: str) -> None:
    assert want in periods(lang, text, "2025-11-12")


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "From January to May 2025 exports rose 9%.", "2025-01/2025-05"),
    ("en", "In January-May 2025 exports rose 9%.", "2025-01/2025-05"),
    ("pt", "Entre janeiro e abril de 2025, o comércio caiu 7,5%.", "2025-01/2025-04"),
    ("it", "Da gennaio a maggio 2025 l'interscambio è cresciuto del 9%.", "2025-01/2025-05"),
    ("es", "Entre enero y septiembre de 2025 las exportaciones crecieron un 6,4%.", "2025-01/2025-09"),
    ("es", "De enero a mayo de 2025 el comercio subió un 3%.", "2025-01/2025-05"),
    ("fr", "De janvier à mai 2025, les échanges ont progressé de 4 %.", "2025-01/2025-05"),
    ("de", "Von Januar bis Mai 2025 stieg der Handel um 4 Prozent.", "2025-01/2025-05"),
    ("ru", "За январь–май 2025 года взаимная торговля выросла на 9,3%.", "2025-01/2025-05"),
    ("ru", "С января по март 2025 года экспорт вырос на 2%.", "2025-01/2025-03"),
    ("tr", "2025 ocak-mayıs döneminde ticaret yüzde 9 arttı.", "2025-01/2025-05"),
    ("kk", "2025 жылғы қаңтар-мамыр айларында сауда 9,3 пайызға өсті.", "2025-01/2025-05"),
])
def test_periods_month_range(lang: str, text: str, want: str) -> None:
    assert want in periods(lang, text, "2025-11-12")


@pytest.mark.parametrize(("lang", "text", "published", "want"), [
    ("tr", "Ocak-şubat döneminde iki ülke arasındaki ticaret yüzde 11,7 arttı.", "2025-03-12", "2025-01/2025-02"),
    ("kk", "Биылғы қаңтар-мамыр айларында өзара сауда 9,3 пайызға өскен.", "2025-06-24", "2025-01/2025-05"),
    ("ru", "В первом квартале этого года экспорт вырос на 3%.", "2025-06-01", "2025-01/2025-03"),
    ("en", "In the first quarter of last year exports rose 3%.", "2025-06-01", "2024-01/2024-03"),
    # a stretch that ends after the publication month is last year's
    ("de", "Von Januar bis November stieg der Handel um 4 Prozent.", "2025-02-10", "2024-01/2024-11"),
])
def test_periods_stretch_year_from_context(lang: str, text: str, published: str, want: str) -> None:
    assert periods(lang, text, published)[0] == want


@pytest.mark.parametrize(("lang", "text"), [
    ("tr", "Ocak-şubat döneminde ticaret yüzde 11,7 arttı."),
    ("fr", "Au premier trimestre, les exportations ont reculé de 3,1 %."),
])
def test_periods_stretch_without_year_or_date_is_unknown(lang: str, text: str) -> None:
    assert periods(lang, text, None) == [None]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "So far this year trade has grown by 5%."),
    ("pt", "Desde o início do ano, o comércio cresceu 5%."),
    ("it", "Dall'inizio dell'anno l'interscambio è cresciuto del 5%."),
    ("es", "En lo que va de año el comercio ha crecido un 5%."),
    ("fr", "Depuis le début de l'année, les échanges ont progressé de 5 %."),
    ("de", "Seit Jahresbeginn ist der Handel um 5 Prozent gewachsen."),
    ("ru", "С начала года товарооборот вырос на 5%."),
    ("tr", "Yılbaşından bu yana ticaret yüzde 5 arttı."),
    ("kk", "Жыл басынан бері сауда 5 пайызға өсті."),
])
def test_periods_so_far_this_year(lang: str, text: str) -> None:
    assert periods(lang, text, "2025-07-20") == ["2025-01/2025-07"]
    assert periods(lang, text, None) == [None]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Last year trade reached $5 billion."),
    ("pt", "No ano passado, o comércio atingiu 5 mil milhões de dólares."),
    ("it", "L'anno scorso l'interscambio ha raggiunto 5 miliardi di euro."),
    ("es", "El año pasado el comercio alcanzó 5.000 millones de euros."),
    ("fr", "L'an dernier, les échanges ont atteint 5 milliards d'euros."),
    ("de", "Im vergangenen Jahr erreichte der Handel 5 Mrd. Euro."),
    ("ru", "В прошлом году товарооборот составил 5 млрд долларов."),
    ("tr", "Geçen yıl ticaret 5 milyar dolara ulaştı."),
    ("kk", "Өткен жылы тауар айналымы 5 млрд долларды құрады."),
])
def test_periods_last_year(lang: str, text: str) -> None:
    assert periods(lang, text, "2025-03-01") == ["2024"]
    assert periods(lang, text, None) == [None]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "They aim to raise trade to $10 billion by 2030."),
    ("it", "L'obiettivo è portarlo a 10 miliardi entro il 2030."),
    ("ru", "Стороны намерены довести товарооборот до 10 млрд долларов к 2030 году."),
    ("tr", "Hedefimiz ticaret hacmini 2030'a kadar 10 milyar dolara çıkarmak."),
    ("tr", "Ticaret hacmini 2030 yılına kadar 10 milyar dolara çıkarmayı hedefliyoruz."),
    ("kk", "2030 жылға қарай тауар айналымын 10 млрд долларға жеткізуді көздейміз."),
])
def test_periods_deadline(lang: str, text: str) -> None:
    found = [p for p in spans(lang, text, "2025-03-01") if p.by]
    assert [p.period for p in found] == ["2030"]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "In May 2025 exports rose to $1 billion.", ["2025-05"]),
    ("en", "On 12 May 2025 the two sides signed 20 agreements.", ["2025"]),
    ("ru", "В мае 2025 года экспорт вырос до 1 млрд долларов.", ["2025-05"]),
    ("ru", "12 мая 2025 года стороны подписали 20 соглашений.", ["2025"]),
])
def test_periods_single_month_not_a_day(lang: str, text: str, want: list[str]) -> None:
    assert periods(lang, text, None) == want
