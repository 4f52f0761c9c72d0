# ruff: noqa: E501  (tables of sentences read better unwrapped)
"""Number grammar, round 5: numbers in parts in Spanish and Portuguese, times and year
ranges next to each other, reading times in page furniture, more qualifiers."""

from __future__ import annotations

import pytest

from dossier.nlp.numbers import find_quantities


def read(text: str, lang: str) -> list[tuple[str, float, str | None, str]]:
    return [(q.surface, q.value, q.unit, q.approx) for q in find_quantities(text, lang)]


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("es", "En el estado operan 3 mil 400 empresas con capital chileno.", 3400),
    ("es", "La feria recibió a 1 mil 250 visitantes extranjeros.", 1250),
    ("pt", "O programa já atendeu 4 mil 700 estudantes angolanos.", 4700),
])
def test_numbers_thousands_then_a_remainder_are_one_number(lang: str, text: str,
                                                          value: float) -> None:
    assert [v for _, v, _, _ in read(text, lang)] == [value]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Con 2 mil trabajadores y 300 tiendas, la cadena crece."),
    ("pt", "Com 2 mil funcionários e 300 lojas, a rede cresce."),
])
def test_numbers_two_numbers_joined_by_a_word_stay_two(lang: str, text: str) -> None:
    assert [v for _, v, _, _ in read(text, lang)] == [2000, 300]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Published: Mar. 3, 2025 - 09:41   Updated: Mar. 3, 2025 - 17:02"),
    ("fr", "Mis à jour le 4 mars 2025 à 7 h 15"),
    ("fr", "Publié à 18h30, modifié à 19h05"),
    ("es", "Por Redacción | Lunes 3 de marzo de 2025 | Lectura de 6 min"),
    ("pt", "Leitura de 3 min"),
    ("it", "Lettura di 5 min"),
    ("fr", "Lecture de 4 min"),
])
def test_numbers_times_and_reading_times_are_no_quantities(lang: str, text: str) -> None:
    assert read(text, lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Exports in 2024-25 reached 5 billion dollars."),
    ("fr", "Les échanges 2024-2025 ont atteint 5 milliards d'euros."),
])
def test_numbers_year_ranges_are_still_masked(lang: str, text: str) -> None:
    assert [v for _, v, _, _ in read(text, lang)] == [5e9]


@pytest.mark.parametrize(("lang", "text", "approx"), [
    ("de", "Der Umsatz wuchs um gut 12 Prozent.", "more_than"),
    ("es", "La inflación fue de más del 150% el año anterior.", "more_than"),
    ("it", "Le vendite sono cresciute superando le 40mila unità.", "more_than"),
    ("it", "Il fatturato si è attestato attorno ai 12 miliardi di euro.", "about"),
    ("it", "Gli investimenti sono intorno agli 8 miliardi di euro.", "about"),
    ("pt", "A comunidade portuguesa ronda os 80 mil cidadãos.", "about"),
    ("pt", "As vendas rondam 3 mil milhões de euros.", "about"),
])
def test_numbers_qualifiers_round5(lang: str, text: str, approx: str) -> None:
    assert [a for _, _, _, a in read(text, lang)] == [approx]


@pytest.mark.parametrize(("lang", "text", "unit"), [
    ("pt", 'A linha subiu para 2 mil milhões de euros. "Já foram aprovados 30 projetos, no valor de 1,4 mil milhões", disse.', "EUR"),
    ("en", "Trade reached $5 billion last year. Loans added another 2 billion, he said.", "USD"),
    ("en", "Trade reached $5 billion last year.\nThe country has 2 billion people.", "count"),
])
def test_numbers_billions_take_the_paragraphs_currency(lang: str, text: str, unit: str) -> None:
    assert read(text, lang)[-1][2] == unit


def test_numbers_millions_do_not_take_an_earlier_sentences_currency() -> None:
    assert [u for _, _, u, _ in read("As trocas somaram 3 mil milhões de euros. O país tem 36 milhões.", "pt")] == ["EUR"]


@pytest.mark.parametrize(("lang", "text", "noun"), [
    ("it", 'Secondo il ministro, le aziende tedesche attive nel Paese sono "circa 120".', "aziende"),
    ("es", "Según la Cámara, las empresas chilenas en el país son «unas 90».", "empresas"),
    ("pt", 'Segundo ele, as empresas angolanas em Portugal são "cerca de 70".', "empresas"),
])
def test_numbers_noun_before_a_quoted_number_is_counted(lang: str, text: str, noun: str) -> None:
    found = find_quantities(text, lang)
    assert [(q.unit, q.noun) for q in found] == [("count", noun)]
