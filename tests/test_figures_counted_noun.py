# ruff: noqa: E501  (tables of sentences read better unwrapped)
"""The counted noun after a run of adjectives: found by words, not characters, so long
words (Russian, Kazakh, Turkish) reach it as short ones do."""

from __future__ import annotations

import pytest

from dossier.extract.figures import FigureStage
from tests.test_figures_stage import make_doc


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Сегодня в стране работают 150 крупных и средних российских энергетических компаний."),
    ("kk", "Бүгінде елде 150 ірі және орта қазақстандық энергетикалық компания жұмыс істейді."),
    ("tr", "Bugün ülkede 150 büyük ve orta ölçekli Türk enerji şirketi faaliyet gösteriyor."),
    ("it", "Nel paese operano oggi 150 grandi e medie imprese italiane del settore energetico."),
    ("es", "En el país operan hoy 150 grandes y medianas empresas españolas del sector energético."),
    ("en", "Today 150 large and medium-sized Italian energy companies operate in the country."),
])
def test_figures_count_of_companies_after_adjectives(lang: str, text: str) -> None:
    figs = FigureStage()(make_doc([text], lang, "2025-06-20")).figures
    assert [(f.value, f.unit, f.metric) for f in figs] == [(150.0, "count", "companies")]


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В 2024 году 150 российских туристов посетили выставку крупных энергетических компаний."),
    ("en", "Some 150 tourists from the region visited the fair of the big energy companies."),
])
def test_figures_count_noun_far_away_is_not_what_is_counted(lang: str, text: str) -> None:
    figs = FigureStage()(make_doc([text], lang, "2025-06-20")).figures
    assert [f.metric for f in figs if f.value == 150] == [None]


@pytest.mark.parametrize(("text", "metric"), [
    ("In Kasachstan sind heute 150 deutsche Energieunternehmen tätig.", "companies"),
    ("Derzeit studieren 300 kasachische Austauschstudenten in Deutschland.", "students"),
    ("Das Netz umfasst 40 Partnerhochschulen in beiden Ländern.", "universities"),
    ("Beide Seiten gründeten 12 Gemeinschaftsunternehmen.", None),  # joint ventures
    ("Die Ausstellung zeigte 4000 Besucher aus dem Ausland.", None),
])
def test_figures_german_compound_ending_in_a_counted_noun(text: str, metric: str | None) -> None:
    figs = FigureStage()(make_doc([text], "de", "2025-06-20")).figures
    assert [f.metric for f in figs if f.unit == "count"] == [metric]
