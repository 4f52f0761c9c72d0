# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Number grammar, round 4: numbers written in parts, glued scales, Indian and Mexican
notations, the text's own decimal mark, currencies of Africa/Asia/Latin America, "two" as a
figure, nouns named before a clause-final number, page furniture."""

from __future__ import annotations

import pytest

from dossier.nlp.numbers import find_quantities
from dossier.nlp.numbers.numerals import decimal_mark


def only(text: str, lang: str):
    """Return the single quantity of ``text``."""
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("es", "El intercambio comercial llegó a 8 mil 750 millones de dólares el año pasado.", 8.75e9, "USD"),
    ("es", "La inversión sumó 1 mil 20 millones de dólares en el trimestre.", 1.02e9, "USD"),
    ("tr", "İki ülke arasındaki ticaret 2 milyar 400 milyon dolara yükseldi.", 2.4e9, "USD"),
    ("tr", "Proje için 1 milyar 75 milyon avro ayrıldı.", 1.075e9, "EUR"),
    ("ru", "Товарооборот вырос до 4 млрд 600 млн долларов.", 4.6e9, "USD"),
    ("ru", "Объём инвестиций составил 1 миллиард 250 миллионов рублей.", 1.25e9, "RUB"),
    ("kk", "Тауар айналымы 3 млрд 200 млн долларға жетті.", 3.2e9, "USD"),
    ("en", "Exports reached 2 billion 300 million dollars in 2023.", 2.3e9, "USD"),
])
def test_numbers_written_in_parts(lang: str, text: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("lang", "text", "value", "unit"), [
    ("es", "Las remesas alcanzaron 650 mdd en enero.", 650e6, "USD"),
    ("es", "El proyecto costará 2.5 mmdd, según la cancillería.", 2.5e9, "USD"),
    ("en", "The fund will disburse Rs 1,200 crore to exporters.", 12e9, "INR"),
    ("en", "Farmers received ₹450 crore in subsidies.", 4.5e9, "INR"),
    ("it", "Lo stabilimento impiegherà 3mila operai.", 3000, "count"),
    ("it", "Il fondo vale 2mld di euro.", 2e9, "EUR"),
])
def test_numbers_regional_notations(lang: str, text: str, value: float, unit: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_numbers_lakh_counts_people() -> None:
    q = only("Nearly 2.5 lakh pilgrims visited the shrine.", "en")
    assert (q.value, q.unit, q.approx) == (pytest.approx(250000), "count", "almost")
    assert (q.noun or "").startswith("pilgrims")


@pytest.mark.parametrize(("text", "default", "mark"), [
    ("El PIB creció 3.2 por ciento y la inversión llegó a 4,100 mdd.", ",", "."),
    ("El PIB creció 3,2% y el comercio 4.100 millones.", ",", ","),
    ("Die Sitzung beginnt um 10.30 Uhr; 4.100 Euro.", ",", ","),
    ("Exports grew 2,5% while imports rose 1,25%.", ".", ","),
    ("Exports grew 2.5% to 4,100 tonnes.", ".", "."),
])
def test_numbers_decimal_mark_of_the_text(text: str, default: str, mark: str) -> None:
    assert decimal_mark(text, default) == mark


def test_numbers_mexican_thousands_comma() -> None:
    found = find_quantities("La economía creció 1.8 por ciento; la inversión llegó a 3,250 millones de dólares.", "es")
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(1.8), "percent"), (pytest.approx(3.25e9), "USD")]


@pytest.mark.parametrize(("lang", "text", "unit"), [
    ("de", "Warschau beziffert die Kosten auf 2,3 Milliarden Złoty.", "PLN"),
    ("en", "The loan of 900 million zlotys was approved.", "PLN"),
    ("pt", "O banco concedeu 500 milhões de meticais às empresas.", "MZN"),
    ("es", "El crédito asciende a 2.000 millones de meticales.", "MZN"),
    ("fr", "Le programme est doté de 3 milliards de dirhams.", "MAD"),
    ("ru", "Япония выделит 40 млрд иен на проект.", "JPY"),
    ("kk", "Жапония 25 млрд иена несие береді.", "JPY"),
    ("it", "Il Cairo ha stanziato 6 miliardi di sterline egiziane per il porto.", "EGP"),
    ("fr", "Le Caire a débloqué 2 milliards de livres égyptiennes.", "EGP"),
    ("tr", "Kahire 10 milyar Mısır lirası harcadı.", "EGP"),
    ("pt", "Luanda aprovou 80 mil milhões de kwanzas para estradas.", "AOA"),
    ("es", "El acuerdo prevé 300 millones de pesos mexicanos.", "MXN"),
    ("en", "Pretoria set aside 12 billion rand for the port.", "ZAR"),
    ("en", "Jakarta budgeted 5 trillion rupiah for the line.", "IDR"),
    ("ru", "Экспорт в Индию оценивается в 500 млрд рупий.", "INR"),
    ("de", "Seoul stellt 800 Milliarden Won bereit.", "KRW"),
])
def test_numbers_currencies_round4(lang: str, text: str, unit: str) -> None:
    assert only(text, lang).unit == unit


def test_numbers_lowercase_code_is_not_a_currency() -> None:
    found = find_quantities("They will try 3 times; the workers 500 strong.", "en")
    assert all(q.unit not in ("TRY", "INR") for q in found)


@pytest.mark.parametrize(("lang", "text", "values"), [
    # a count of people after an amount of money keeps its own unit
    ("pt", "O investimento soma 3,4 mil milhões de euros e cerca de 12 mil portugueses vivem no país.", [(3.4e9, "EUR"), (12000, "count")]),
    ("es", "La inversión fue de 900 millones de euros y unos 40 mil españoles residen allí.", [(900e6, "EUR"), (40000, "count")]),
    # an amount in billions after one in euros is still euros
    ("fr", "Un plan de 6 milliards d'euros, dont 4 milliards sous forme de dons.", [(6e9, "EUR"), (4e9, "EUR")]),
])
def test_numbers_inherited_currency_needs_no_noun(lang: str, text: str, values: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text, lang)] == [(pytest.approx(v), u) for v, u in values]


@pytest.mark.parametrize(("lang", "text", "noun"), [
    ("en", "The airline flies two daily routes to the capital.", "daily routes"),
    ("de", "Beide Konzerne betreiben zwei Raffinerien im Land.", "Raffinerien"),
    ("it", "La società gestisce due stabilimenti in Puglia.", "stabilimenti"),
    ("pt", "A empresa abriu dois escritórios em Luanda.", "escritórios"),
    ("es", "La naviera opera dos terminales en Veracruz.", "terminales"),
    ("fr", "Le groupe exploite deux usines au Maroc.", "usines"),
])
def test_numbers_two_counts_a_noun(lang: str, text: str, noun: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.noun) == (2, "count", noun)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Officials of two countries met in Geneva."),
    ("en", "The two leaders discussed energy."),
    ("de", "Zwei Länder unterzeichneten das Abkommen."),
    ("it", "Sono stati individuati due settori prioritari."),
    ("pt", "Os dois discutiram a cooperação."),
    ("es", "Dos países firmaron el acuerdo."),
    ("fr", "Les deux dirigeants se sont entretenus."),
    ("ru", "Две страны подписали соглашение."),
    ("kk", "Екі ел келісімге қол қойды."),
    ("kk", "Өткізу қабілетін екі есеге арттыру жоспарлануда."),
    ("tr", "İki ülke anlaşma imzaladı."),
])
def test_numbers_two_generic_is_not_a_figure(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []


@pytest.mark.parametrize(("text", "noun"), [
    ("Der Konzern baut fünf neue Raffinerien.", "neue Raffinerien"),
    ("Im Land arbeiten 300 deutsche Firmen.", "deutsche Firmen"),
])
def test_numbers_german_noun_phrase_needs_a_capital(text: str, noun: str) -> None:
    assert only(text, "de").noun == noun


@pytest.mark.parametrize(("lang", "text", "value", "noun"), [
    ("it", "Le imprese tedesche attive in Egitto sono oltre 200.", 200, "imprese"),
    ("es", "Las empresas españolas instaladas en Marruecos son unas 1.500.", 1500, "empresas"),
    ("de", "Die Regierung will die Zahl der Windparks bis 2030 auf 120 steigern.", 120, "Windparks"),
    ("de", "Ziel ist es, die Zahl der Stipendien auf 300 zu erhöhen.", 300, "Stipendien"),
    ("en", "The number of joint ventures has grown to 85.", 85, "joint"),
])
def test_numbers_noun_named_before_the_number(lang: str, text: str, value: float, noun: str) -> None:
    q = only(text, lang)
    assert (q.value, q.unit, q.noun) == (pytest.approx(value), "count", noun)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Abonnez-vous pour 1 € le premier mois\nLecture 4 min."),
    ("en", "Subscribe now: first month for $1\n5 min read"),
    ("de", "Jetzt abonnieren: 4 Wochen für 1 Euro\nLesezeit 3 Min."),
    ("it", "Abbonati: il primo mese a 1 euro\nTempo di lettura: 4 minuti"),
    ("es", "Suscríbete por 1 euro el primer mes\n3 min de lectura"),
    ("pt", "Assine por R$ 1,90 no primeiro mês\nTempo de leitura: 4 min"),
    ("ru", "Подпишитесь: первый месяц за 1 рубль\nВремя чтения 3 мин"),
    ("tr", "Abone olun: ilk ay 1 TL\n4 dk okuma"),
    ("kk", "Арнаға жазылыңыз: 1 айға 500 теңге"),
])
def test_numbers_page_furniture_is_not_a_figure(lang: str, text: str) -> None:
    assert find_quantities(text, lang) == []
