# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Number grammar, round 2: elided partitives, compound and suffixed numerals, collectives,
multipliers, inherited currencies, labels, abbreviated datelines, postposed qualifiers."""

from __future__ import annotations

import pytest

from dossier.nlp.numbers import find_quantities


def only(text: str, lang: str):
    """Return the single quantity of ``text``."""
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("fr", "Les deux pays investiront 2,4 milliards d'euros dans l'hydrogène.", 2.4e9, "EUR"),
    ("fr", "Le contrat porte sur 800 millions d’euros.", 800e6, "EUR"),
    ("fr", "Un prêt de 300 millions de dollars a été signé.", 300e6, "USD"),
    ("it", "Un accordo da 12 miliardi d'euro è stato firmato.", 12e9, "EUR"),
])
def test_numbers_elided_partitive_currency(lang: str, text: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("lang", "text", "value", "approx"), [
    ("tr", "Türkiye'de 3 bin 200 Kazak öğrenci okuyor.", 3200, "exact"),
    ("tr", "Ülkede 1 bin 750'yi aşkın şirket faaliyet gösteriyor.", 1750, "more_than"),
    ("tr", "Bölgede 12 bin 400'den fazla işçi çalışıyor.", 12400, "more_than"),
    ("kk", "Елімізде 2\u00a0300-ден астам бірлескен кәсіпорын жұмыс істейді.", 2300, "more_than"),
    ("kk", "Биыл 40-қа жуық жоба іске қосылды.", 40, "almost"),
])
def test_numbers_compound_and_suffixed_counts(lang: str, text: str, value: float, approx: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.approx) == (pytest.approx(value), "count", approx)


@pytest.mark.parametrize(("lang", "text", "value", "noun"), [
    ("it", "Sono stati firmati una trentina di accordi commerciali.", 30, "accordi"),
    ("fr", "Une vingtaine d'entreprises allemandes ont fait le déplacement.", 20, "entreprises"),
    ("fr", "Une quinzaine de ministres participaient au conseil.", 15, "ministres"),
    ("es", "Una decena de empresas españolas se instalarán en Tánger.", 10, "empresas"),
    ("pt", "Uma dezena de acordos foi assinada em Brasília.", 10, "acordos"),
    ("ru", "В регионе работает около десятка совместных предприятий.", 10, "совместных"),
])
def test_numbers_collective_is_about(lang: str, text: str, value: float, noun: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.approx) == (pytest.approx(value), "count", "about")
    assert q.noun is not None and q.noun.startswith(noun)


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("ru", "В стране работают более полутора тысяч компаний.", 1500),
    ("ru", "Объём инвестиций достиг полутора миллиардов долларов.", 1.5e9),
    ("de", "Mehr als anderthalb Millionen Touristen kamen ins Land.", 1.5e6),
    ("en", "Half a million tourists visited the country.", 5e5),
    ("kk", "Елге бір жарым миллион турист келді.", 1.5e6),
])
def test_numbers_multiplier_before_scale(lang: str, text: str, value: float) -> None:
    assert only(text, lang).value == pytest.approx(value)


@pytest.mark.parametrize(("lang", "text", "values"), [
    ("ru", "Товарооборот составил 12,4 млрд долларов, к 2030 году его планируют увеличить до 20 миллиардов.", [(12.4e9, "USD"), (20e9, "USD")]),
    ("en", "Exports rose to $3.1 billion and should reach 5 billion by 2030.", [(3.1e9, "USD"), (5e9, "USD")]),
    ("it", "L'export vale 4 miliardi di euro. Nel 2030 saranno 6 miliardi di persone.", [(4e9, "EUR"), (6e9, "count")]),
])
def test_numbers_inherit_currency_in_sentence(lang: str, text: str, values: list[tuple[float, str]]) -> None:
    got = [(q.value, q.unit) for q in find_quantities(text, lang)]
    assert got == [(pytest.approx(v), u) for v, u in values]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Согласно пункту 7 и статье 12 соглашения стороны обмениваются данными."),
    ("de", "Nach Artikel 5 des Vertrags gilt die Regel weiter."),
    ("en", "Under Article 9 of the charter, members consult each other."),
    ("it", "ROMA, 14 SET - Il ministro ha incontrato l'omologo."),
    ("es", "Rabat, 3 feb (EFE).- El ministro llegó a la capital."),
    ("pt", "Lisboa, 21 jan 2025 (Lusa) - O primeiro-ministro chegou."),
    ("fr", "Lecture 6 min. Le sommet s'est ouvert hier."),
    ("fr", "au cours des trois prochaines années, les deux pays coopéreront"),
    ("kk", "Жаңа жылу электр орталығы салынады."),
])
def test_numbers_labels_datelines_durations_not_figures(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "approx"), [
    ("tr", "İhracat 9 milyar doları aştı.", "more_than"),
    ("tr", "Ticaret hacmi 6 milyar doları geçti.", "more_than"),
    ("kk", "Инвестиция көлемі 800 млрд теңгеден асады.", "more_than"),
    ("ru", "Запасы оцениваются примерно в 7 млрд долларов.", "about"),
    ("fr", "près de 1 500 entreprises françaises", "almost"),
])
def test_numbers_qualifiers_round2(lang: str, text: str, approx: str) -> None:
    assert only(text, lang).approx == approx


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gas deliveries reached 12 billion cubic metres."),
    ("ru", "Поставки газа достигли 12 млрд кубометров."),
    ("it", "Le forniture sono arrivate a 12 miliardi di metri cubi."),
])
def test_numbers_cubic_metres_unit(lang: str, text: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit) == (pytest.approx(12e9), "m3")
