
"""Number grammar per language: numerals, currencies, percents, qualifiers, non-figures."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.nlp.numbers import find_quantities, parse_number

LANGS = ["en", "pt", "it", "es", "fr", "de", "ru", "tr", "kk"]


def only(text: str, lang: str):
    """Return the single quantity of ``text``."""
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("en", "Trade reached $27.8 billion last year.", 27.8e9, "USD"),
    ("en", "The fund holds 1,453 million euros.", 1453e6, "EUR"),
    ("en", "It cost £50m to build.", 50e6, "GBP"),
    ("pt", "O comércio somou R$ 5 bilhões.", 5e9, "BRL"),
    ("pt", "Foram investidos 27 mil milhões de euros.", 27e9, "EUR"),
    ("it", "l'Interscambio ha raggiunto i $27,8 miliardi di dollari USA.", 27.8e9, "USD"),
    ("it", "Un contratto da 420 milioni di rubli.", 420e6, "RUB"),
    ("es", "El comercio alcanzó 28.500 millones de dólares.", 28.5e9, "USD"),
    ("es", "Se invirtieron 27 mil millones de euros.", 27e9, "EUR"),
    ("fr", "Les échanges ont atteint 28,7 milliards de dollars.", 28.7e9, "USD"),
    ("de", "Der Handel erreichte 28,7 Mrd. US-Dollar.", 28.7e9, "USD"),
    ("de", "Die Investitionen betrugen 4 Milliarden Euro.", 4e9, "EUR"),
    ("ru", "Товарооборот составил 28,5 млрд долларов.", 28.5e9, "USD"),
    ("ru", "Бюджет проекта 1,2 трлн рублей.", 1.2e12, "RUB"),
    ("tr", "Ticaret hacmi 28,5 milyar dolara ulaştı.", 28.5e9, "USD"),
    ("kk", "Тауар айналымы 28,5 млрд долларды құрады.", 28.5e9, "USD"),
    ("kk", "Инвестиция 500 млрд теңге болды.", 500e9, "KZT"),
])
def test_numbers_currency(lang: str, text: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "Exports rose 12.5 per cent.", 12.5),
    ("pt", "O PIB cresceu 3,2 por cento.", 3.2),
    ("it", "quasi il 100% dei regolamenti", 100),
    ("es", "el 96 % de los pagos", 96),
    ("fr", "96 % des paiements", 96),
    ("de", "96 Prozent der Zahlungen", 96),
    ("ru", "доля рубля выросла до 96 процентов", 96),
    ("tr", "Ticaret yüzde 11,7 arttı.", 11.7),
    ("tr", "Ödemelerin %96'sı ulusal para birimleriyle yapılıyor.", 96),
    ("kk", "есеп айырысудың 96 пайызы ұлттық валютада", 96),
])
def test_numbers_percent(lang: str, text: str, value: float) -> None:
    q = only(text, lang)
    assert (q.value, q.unit) == (pytest.approx(value), "percent")


@pytest.mark.parametrize(("lang", "text", "value", "noun"), [
    ("en", "There are 170 joint projects.", 170, "joint"),
    ("en", "About two dozen firms took part.", 24, "firms"),
    ("pt", "cerca de 55 mil cazaquistaneses estudam na Rússia", 55000, "cazaquistaneses"),
    ("pt", "três novas escolas serão abertas", 3, "novas"),
    ("it", "operano più di 20.000 aziende a capitale russo", 20000, "aziende"),
    ("it", "l'impiego di oltre novemila lavoratori", 9000, "lavoratori"),
    ("es", "veinticinco estudiantes llegaron", 25, "estudiantes"),
    ("fr", "plus de 2 200 entreprises françaises", 2200, "entreprises"),
    ("fr", "quatre-vingt-dix étudiants", 90, "étudiants"),
    ("de", "dreiundzwanzig Studenten kamen", 23, "Studenten"),
    ("ru", "более 20 тыс. компаний работают", 20000, "компаний"),
    ("ru", "три новых школы", 3, "новых"),
    ("tr", "20 binden fazla şirket faaliyet gösteriyor", 20000, "şirket"),
    ("kk", "20 мыңнан астам компания жұмыс істейді", 20000, "компания"),
])
def test_numbers_count(lang: str, text: str, value: float, noun: str) -> None:
    q = only(text, lang)
    assert q.value == pytest.approx(value)
    assert q.unit == "count"
    assert q.noun is not None and q.noun.startswith(noun)


@pytest.mark.parametrize(("lang", "text", "approx"), [
    ("en", "more than 300 contracts", "more_than"),
    ("en", "nearly 100 companies", "almost"),
    ("en", "about $27 billion", "about"),
    ("pt", "mais de 80% do petróleo", "more_than"),
    ("it", "circa $27 miliardi di dollari USA", "about"),
    ("it", "ha superato i $28 miliardi di dollari USA", "more_than"),
    ("es", "más de 20.000 empresas", "more_than"),
    ("fr", "plus de 2 200 entreprises", "more_than"),
    ("de", "rund 4 Milliarden Euro", "about"),
    ("de", "über 2.000 Unternehmen", "more_than"),
    ("ru", "почти 100% расчетов", "almost"),
    ("ru", "более 20 тыс. компаний", "more_than"),
    ("tr", "yaklaşık 55 bin öğrenci", "about"),
    ("tr", "20'den fazla şirket", "more_than"),
    ("kk", "шамамен 55 мың студент", "about"),
])
def test_numbers_qualifier(lang: str, text: str, approx: str) -> None:
    assert only(text, lang).approx == approx


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("en", "Tens of thousands of Kazakh students", 1e4, "count"),
    ("it", "progetti del valore di decine di miliardi di dollari", 1e10, "USD"),
    ("ru", "десятки миллиардов долларов", 1e10, "USD"),
    ("de", "Zehntausende Studenten", 1e4, "count"),
    ("fr", "des dizaines de milliers d'étudiants", 1e4, "count"),
])
def test_numbers_vague_lower_bound(lang: str, text: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.vague, q.approx) == (pytest.approx(value), unit, True, "more_than")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The 21st forum took place on November 27-28, 2024 in Astana."),
    ("en", "Tokayev, 72, met the two leaders at the Soyuz-5 launch."),
    ("en", "See https://example.com/news-295356.html for details, 27/11/2024."),
    ("it", "Il 70° anniversario, 12 novembre 2025, tra i 30 e i 35 anni, Piano 2025-2027."),
    ("it", "Il Kazakistan risponde con: 1) L'approvazione di un quadro. 2) L'integrazione."),
    ("pt", "na quarta-feira (12), no dia 27 de novembro, os dois países"),
    ("es", "el 12 de noviembre de 2025 los dos presidentes"),
    ("fr", "le 21e forum, le 12 novembre 2025"),
    ("de", "am 12. November 2025 beim 21. Forum"),
    ("ru", "12 ноября 2025 года на 21-м форуме"),
    ("tr", "12 Kasım 2025 tarihinde 21. forumda"),
    ("kk", "2025 жылы 12 қарашада"),
])
def test_numbers_non_figures(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []


@pytest.mark.parametrize(("text", "decimal", "value"), [
    ("1.453", ",", 1453), ("1,453", ".", 1453), ("27,8", ",", 27.8), ("27.8", ".", 27.8),
    ("27,8", ".", 27.8), ("1.453.000,5", ",", 1453000.5), ("20,000.50", ".", 20000.5),
    ("2\u00a0200", ",", 2200), ("1.453", ".", 1.453),
])
def test_numbers_parse_locale(text: str, decimal: str, value: float) -> None:
    assert parse_number(text, decimal) == pytest.approx(value)


_LOCALES = {"en": "en", "pt": "pt_BR", "it": "it", "es": "es", "fr": "fr", "de": "de", "ru": "ru",
            "tr": "tr", "kk": "kk"}


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=10_000, max_value=10**9))
def test_numbers_babel_roundtrip(lang: str, n: int) -> None:
    text = f"{format_decimal(n, locale=_LOCALES[lang])} %"
    q = only(text, lang)
    assert q.value == pytest.approx(n)


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=9))
def test_numbers_babel_decimal_roundtrip(lang: str, whole: int, tenth: int) -> None:
    value = whole + tenth / 10
    text = f"{format_decimal(value, format='#,##0.0', locale=_LOCALES[lang])} %"
    assert only(text, lang).value == pytest.approx(value)
