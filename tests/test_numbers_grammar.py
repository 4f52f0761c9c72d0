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


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "Half of the students study in Russia.", 50.0),
    ("en", "A third of exports go to China.", 33.3333),
    ("pt", "55 mil estudam na Rússia, metade deles com bolsas.", 50.0),
    ("it", "Un quinto del commercio estero passa per la Russia.", 20.0),
    ("es", "La mitad de las exportaciones va a Europa.", 50.0),
    ("fr", "La moitié des échanges passe par le port.", 50.0),
    ("de", "Die Hälfte der Exporte geht nach China.", 50.0),
    ("ru", "Половина студентов учится в России.", 50.0),
    ("ru", "Треть экспорта приходится на нефть.", 33.3333),
    ("tr", "Öğrencilerin yarısı burslu okuyor.", 50.0),
    ("kk", "Студенттердің жартысы Ресейде оқиды.", 50.0),
])
def test_numbers_fraction_is_a_percent_share(lang: str, text: str, value: float) -> None:
    got = [(q.value, q.unit) for q in find_quantities(text, lang) if q.unit == "percent"]
    assert got == [(value, "percent")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In the first half of 2025 trade rose."),
    ("en", "The talks lasted half an hour."),
    ("ru", "В первой половине 2025 года торговля выросла."),
    ("de", "In der ersten Hälfte des Jahres 2025 stieg der Handel."),
    ("tr", "2025'in ilk yarısında ticaret arttı."),
])
def test_numbers_fraction_period_or_idiom_is_not_a_share(lang: str, text: str) -> None:
    assert [q for q in find_quantities(text, lang) if q.unit == "percent"] == []


@pytest.mark.parametrize(("lang", "text", "unit"), [
    ("en", "Investment could reach between 5 and 7 billion dollars.", "USD"),
    ("en", "Investment could reach between $5 billion and $7 billion.", "USD"),
    ("pt", "O investimento pode chegar entre 5 e 7 mil milhões de dólares.", "USD"),
    ("it", "L'investimento sarà tra 5 e 7 miliardi di euro.", "EUR"),
    ("es", "La inversión será de entre 5 y 7 millones de euros.", "EUR"),
    ("fr", "L'investissement sera compris entre 5 et 7 milliards d'euros.", "EUR"),
    ("de", "Die Investitionen liegen zwischen 5 und 7 Milliarden Euro.", "EUR"),
    ("ru", "Инвестиции составят от 5 до 7 млрд долларов.", "USD"),
    ("tr", "Yatırımın 5 ile 7 milyar dolar arasında olması bekleniyor.", "USD"),
    ("kk", "Инвестиция көлемі 5 пен 7 млрд доллар аралығында болады.", "USD"),
])
def test_numbers_between_range(lang: str, text: str, unit: str) -> None:
    (q,) = find_quantities(text, lang)
    scale = 1e6 if lang == "es" else 1e9
    assert (q.value, q.upper, q.unit) == (5 * scale, 7 * scale, unit)


@pytest.mark.parametrize(("lang", "text", "unit"), [
    ("ru", "Товарооборот составил 10 млрд сомов.", "KGS"),
    ("ru", "Бюджет вырос до 5 трлн сумов.", "UZS"),
    ("ru", "Экспорт достиг 3 млрд манатов.", "AZN"),
    ("ru", "Сделка оценена в 2 млрд лир.", "TRY"),
    ("ru", "Кредит в 1 млрд юаней.", "CNY"),
    ("ru", "Контракт на 4 млрд рупий.", "INR"),
    ("kk", "Жоба құны 5 млрд теңге.", "KZT"),
    ("en", "The deal is worth 4 billion rupees.", "INR"),
    ("en", "Revenue reached 3 billion manats.", "AZN"),
    ("en", "The fund holds 2 billion yuan.", "CNY"),
    ("tr", "Yatırım 5 milyar TL oldu.", "TRY"),
    ("tr", "Bütçe 3 milyar manat oldu.", "AZN"),
    ("de", "Das Projekt kostet 2 Mrd. Lira.", "TRY"),
    ("fr", "Le budget atteint 3 milliards de manats.", "AZN"),
    ("es", "El proyecto cuesta 4.000 millones de rupias.", "INR"),
    ("it", "Il progetto vale 5 miliardi di som.", "KGS"),
    ("pt", "O projeto custa 2 mil milhões de liras turcas.", "TRY"),
])
def test_numbers_currency_words_of_the_region(lang: str, text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text, lang)] == [unit]
