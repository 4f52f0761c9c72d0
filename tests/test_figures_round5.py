# ruff: noqa: E501  (tables of sentences read better unwrapped)
"""Figure stage, round 5: a contrast ends the reach of an earlier kind cue; more kind and
metric cues (pt "são esperadas", tr "hazırlan-", it "importa", de "Warenhandel"); fr
"compte" alone is "has", not "intends"."""

from __future__ import annotations

import pytest

from dossier.extract.figures import FigureStage
from dossier.model import Figure
from tests.test_figures_stage import make_doc


def last(text: str, lang: str) -> Figure:
    figs = FigureStage()(make_doc([text], lang, "2025-06-20")).figures
    assert figs, "no figure"
    return figs[-1]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La révision du traité est prévue en juin 2026, alors que les droits de douane de 25 % restent en vigueur."),
    ("en", "A review of the treaty is expected next June, while tariffs of 25% remain in force."),
    ("es", "Se prevé revisar el tratado en junio, mientras que los aranceles del 25% siguen vigentes."),
    ("de", "Eine Überprüfung ist für Juni geplant, während Zölle von 25 Prozent weiter gelten."),
    ("it", "La revisione è prevista a giugno, mentre i dazi del 25% restano in vigore."),
    ("pt", "A revisão está prevista para junho, enquanto as tarifas de 25% continuam em vigor."),
])
def test_figures_contrast_stops_an_earlier_forecast_cue(lang: str, text: str) -> None:
    assert last(text, lang).kind == "actual"


@pytest.mark.parametrize(("lang", "text", "kind"), [
    ("pt", "No fórum de Lisboa são esperadas cerca de 300 empresas dos dois países.", "forecast"),
    ("tr", "Şirketler bölgeye 2 milyar dolar yatırım yapmaya hazırlanıyor.", "forecast"),
    ("fr", "La région y compte à elle seule plus de 150 entreprises.", "actual"),
    ("fr", "Le groupe compte investir 2 milliards d'euros dans le pays.", "target"),
])
def test_figures_kind_cues_round5(lang: str, text: str, kind: str) -> None:
    assert last(text, lang).kind == kind


@pytest.mark.parametrize(("lang", "text", "metric"), [
    ("it", "La Spagna importa dal Marocco soprattutto ortofrutta, per circa 3 miliardi di euro l'anno.", "imports"),
    ("it", "L'Italia esporta in Tunisia macchinari per 2 miliardi di euro.", "exports"),
    ("de", "Der deutsch-polnische Warenhandel belief sich 2024 auf 170 Milliarden Euro.", "trade_turnover"),
])
def test_figures_metric_cues_round5(lang: str, text: str, metric: str) -> None:
    assert last(text, lang).metric == metric


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In the first nine months of this year, trade grew to 4 billion dollars."),
    ("es", "En los primeros nueve meses de este año, el comercio llegó a 4.000 millones de dólares."),
    ("pt", "Nos primeiros nove meses deste ano, o comércio chegou a 4 mil milhões de euros."),
    ("it", "Nei primi nove mesi di quest'anno l'interscambio ha raggiunto 4 miliardi di euro."),
    ("fr", "Au cours des neuf premiers mois de cette année, les échanges ont atteint 4 milliards d'euros."),
    ("de", "In den ersten neun Monaten dieses Jahres erreichte der Handel 4 Milliarden Euro."),
    ("ru", "За девять месяцев текущего года товарооборот достиг 4 млрд долларов."),
    ("tr", "Bu yılın ilk dokuz ayında ticaret hacmi 4 milyar dolara ulaştı."),
    ("kk", "Биылғы тоғыз айда тауар айналымы 4 млрд долларға жетті."),
])
def test_figures_first_months_of_this_year_take_the_publication_year(lang: str, text: str) -> None:
    fig = FigureStage()(make_doc([text], lang, "2025-11-07")).figures[-1]
    assert fig.period == "2025-01/2025-09"


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "No primeiro trimestre de 2025, as vendas caíram 8,3% em relação ao mesmo período de 2024."),
    ("es", "En el primer trimestre de 2025, las ventas cayeron un 8,3% respecto al mismo periodo de 2024."),
    ("en", "In the first quarter of 2025, sales fell 8.3% compared with the same period of 2024."),
    ("ru", "В первом квартале 2025 года продажи упали на 8,3% по сравнению с аналогичным периодом 2024 года."),
    ("tr", "2025'in ilk çeyreğinde satışlar 2024'ün aynı dönemine göre yüzde 8,3 düştü."),
])
def test_figures_the_base_of_a_comparison_is_not_the_period(lang: str, text: str) -> None:
    fig = FigureStage()(make_doc([text], lang, "2025-06-20")).figures[-1]
    assert fig.period == "2025-01/2025-03"


@pytest.mark.parametrize(("lang", "text", "kind"), [
    ("ru", "Строительство дороги протяженностью 224 км будет завершено в 2029 году.", "actual"),
    ("en", "The construction of a 300 km pipeline will be completed in 2028.", "actual"),
    ("pt", "A construção de uma linha de 150 km deve terminar em 2027.", "actual"),
    ("ru", "Планируется строительство 40 новых школ.", "target"),
    ("en", "The deal covers the construction of 800 schools.", "target"),
    ("tr", "Bölgede 12 yeni okul inşa edilecek.", "target"),
])
def test_figures_building_makes_counts_targets_not_sizes(lang: str, text: str, kind: str) -> None:
    assert last(text, lang).kind == kind
