# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Figure stage, round 4: deadlines make targets, modal verbs make forecasts, fiscal years,
"the same year", a year after a closing quote, fronted periods, "since 2005" stocks,
populations, energy volumes, repeated amounts, and qualifiers that are not qualifiers."""

from __future__ import annotations

import re

import pytest

from dossier.extract.figures import FigureStage
from dossier.extract.periods import period_finder
from dossier.model import Figure, Mention
from tests.test_figures_stage import make_doc

#: country names these tests use beyond the shared helper's (kept local: no shared state)
EXTRA = {"India": "country:IN", "Japan": "country:JP", "Russland": "country:RU"}


def figures(paragraphs: list[str], lang: str, published: str | None = "2025-11-12") -> list[Figure]:
    """Run the stage on a hand-built document with the extra country mentions."""
    doc = make_doc(paragraphs, lang, published)
    for name, key in EXTRA.items():
        for m in re.finditer(rf"(?<!\w){name}(?!\w)", doc.text):
            doc.mentions.append(Mention(start=m.start(), end=m.end(), text=name, type="country", key=key))
    doc.mentions.sort(key=lambda m: m.start)
    return FigureStage()(doc).figures


def one(paragraphs: list[str], lang: str, published: str | None = "2025-06-20"):
    """Return the last figure of the document."""
    figs = figures(paragraphs, lang, published)
    assert figs, "no figure"
    return figs[-1]


@pytest.mark.parametrize(("lang", "text", "period"), [
    ("it", "L'accordo prevede la formazione di 3.000 tecnici entro il 2028.", "2028"),
    ("fr", "Le programme prévoit la formation de 2 000 ingénieurs d'ici 2029.", "2029"),
    ("de", "Das Gesetz sieht vor, dass bis 2030 höchstens 40 Prozent der Importe aus einem Land stammen.", "2030"),
    ("de", "Die Regierung kündigte an, die Zahl der Bohrlizenzen bis Ende 2027 auf 300 zu erhöhen.", "2027"),
    ("es", "El plan contempla la formación de 1.200 maestros hasta 2027.", "2027"),
    ("ru", "Стороны рассчитывают к 2030 году выйти на уровень 15 млрд долларов.", "2030"),
    ("en", "The deal envisages training 4,000 nurses by 2028.", "2028"),
])
def test_figures_deadline_makes_a_target(lang: str, text: str, period: str) -> None:
    fig = one([text], lang)
    assert (fig.kind, fig.period) == ("target", period)


def test_figures_deadline_does_not_override_a_dated_actual() -> None:
    figs = figures(["In 2024, trade reached $5 billion and should double by 2030."], "en")
    assert (figs[0].kind, figs[0].period) == ("actual", "2024")


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O país poderá exportar 8 milhões de toneladas de carvão por ano."),
    ("es", "El país prevé exportar 5 millones de toneladas de cobre al año."),
    ("it", "Il porto potrebbe movimentare 10 milioni di container all'anno."),
    ("fr", "La centrale pourrait produire 1 200 mégawatts."),
    ("en", "The pact could allow about 20,000 workers to move."),
    ("de", "Das Projekt könnte 5.000 Arbeitsplätze schaffen."),
    ("pt", "As parcerias podem gerar R$ 3 bilhões em negócios."),
    ("es", "El corredor puede mover 8 millones de toneladas al año."),
])
def test_figures_modal_verb_makes_a_forecast(lang: str, text: str) -> None:
    assert one([text], lang).kind == "forecast"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Форум барысында жалпы сомасы 2,5 млрд долларды құрайтын 15 келісімге қол қойылады деп күтілуде."),
    ("tr", "Ziyarette toplam değeri 2 milyar dolar olan 12 anlaşmanın imzalanması bekleniyor."),
])
def test_figures_verb_final_cue_governs_every_figure(lang: str, text: str) -> None:
    figs = figures([text], lang)
    assert [f.kind for f in figs] == ["forecast", "forecast"]


@pytest.mark.parametrize(("lang", "text", "period"), [
    ("en", "In the financial year 2023-24, India's exports to Russia stood at USD 4.3 billion.", "2023-04/2024-03"),
    ("en", "India's imports from Russia were USD 61 billion in FY2023-24.", "2023-04/2024-03"),
    ("ru", "В 2023/24 финансовом году экспорт Индии в Россию составил 4,3 млрд долларов.", "2023-04/2024-03"),
    ("de", "Im Geschäftsjahr 2023/24 erreichte der Umsatz 5 Milliarden Euro.", "2023/2024"),
])
def test_figures_fiscal_year(lang: str, text: str, period: str) -> None:
    paras = [text] if "Umsatz" in text else [text + " India Russia"]
    assert one(paras, lang).period == period


def test_figures_fronted_period_reaches_every_figure() -> None:
    figs = figures(["In 2023, imports from Russia stood at about USD 61 billion, while exports amounted to only USD 4 billion."], "en")
    assert [f.period for f in figs] == ["2023", "2023"]


@pytest.mark.parametrize(("lang", "paragraphs", "period"), [
    ("it", ["Secondo Ankara l'interscambio ha toccato 18 miliardi di dollari nel 2023.", "Baghdad parla invece di 15 miliardi di dollari nello stesso anno."], "2023"),
    ("en", ["Ankara said trade hit $18 billion in 2023.", "Baghdad gave a lower figure of $15 billion for the same year."], "2023"),
    ("ru", ["По данным Москвы, товарооборот в 2023 году составил 10 млрд долларов.", "Ташкент называет 9 млрд долларов в том же году."], "2023"),
])
def test_figures_same_year_takes_the_last_named_year(lang: str, paragraphs: list[str], period: str) -> None:
    assert one(paragraphs, lang).period == period


def test_figures_year_after_a_closing_quote() -> None:
    fig = one(['Il ministro ha parlato di un interscambio che "ha superato i 12 miliardi di dollari" nel 2023.'], "it")
    assert fig.period == "2023"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Korean firms have invested more than $3 billion in the country since 2008."),
    ("de", "Koreanische Firmen haben seit 2008 über 3 Milliarden US-Dollar im Land investiert."),
    ("kk", "2008 жылдан бері корей инвесторлары елге 3 млрд доллардан астам инвестиция салған."),
    ("es", "Las empresas coreanas han invertido más de 3.000 millones de dólares desde 2008."),
])
def test_figures_since_year_is_a_stock(lang: str, text: str) -> None:
    fig = one([text], lang)
    assert (fig.metric, fig.period) == ("investment_stock", None)


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O país tem uma população de mais de 30 milhões de pessoas."),
    ("tr", "Yaklaşık 6 milyon nüfusa sahip ülke büyüyor."),
])
def test_figures_population(lang: str, text: str) -> None:
    assert one([text], lang).metric == "population"


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O país poderá exportar 8 milhões de toneladas de gás natural liquefeito por ano."),
    ("en", "The terminal will export 5 million tonnes of liquefied natural gas a year."),
])
def test_figures_energy_volume_exported_is_energy(lang: str, text: str) -> None:
    assert one([text], lang).metric == "energy"


def test_figures_repeated_amount_takes_first_metric() -> None:
    figs = figures(["Both sides reaffirmed the goal of USD 50 billion in bilateral trade by 2030.",
                    '"The USD 50 billion target is achievable," the minister said.'], "en")
    assert [(f.metric, f.kind) for f in figs] == [("trade_turnover", "target")] * 2


@pytest.mark.parametrize(("lang", "text", "approx"), [
    ("de", "Die Bank hat ein Darlehen über 20 Milliarden Yen zugesagt.", "exact"),
    ("de", "Firmen haben seit 2010 über 2 Milliarden Euro investiert.", "more_than"),
    ("de", "Der Handel hat die Marke von 90 Milliarden Euro überschritten.", "more_than"),
    ("pt", "As trocas ultrapassaram os 900 milhões de euros em 2024.", "more_than"),
    ("es", "La comunidad peruana ronda las 5.000 personas.", "about"),
    ("tr", "Her yıl 2 milyon tona yakın pamuk ihraç ediliyor.", "almost"),
])
def test_figures_qualifiers_round4(lang: str, text: str, approx: str) -> None:
    assert one([text], lang).approx == approx


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("kk", "2024 жылдың алғашқы жартысында экспорт 5 пайызға өсті.", "2024-01/2024-06"),
])
def test_periods_first_half_kk(lang: str, text: str, want: str) -> None:
    assert want in [p.period for p in period_finder(lang).find(text, "2025-01-10")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Trade grew fast. Twelve commercial agreements worth a total of $2.1 billion were signed."),
    ("de", "Der Handel wuchs. Es wurden 12 Vereinbarungen über insgesamt 2,1 Milliarden US-Dollar unterzeichnet."),
    ("ru", "Товарооборот вырос. Подписано 12 соглашений на сумму 2,1 млрд долларов."),
    ("kk", "Тауар айналымы өсті. Жалпы сомасы 2,1 млрд долларды құрайтын 12 келісімге қол қойылды."),
])
def test_figures_value_of_deals_is_not_trade(lang: str, text: str) -> None:
    money = [f for f in figures([text], lang) if f.unit == "USD"]
    assert money and money[0].metric is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "«Unser Handel mit Russland hat 2024 die Marke von 90 Milliarden Euro überschritten – mehr als mit Kazakhstan», sagte er."),
    ("en", "Our trade with Russia reached $90 billion in 2024, more than with Kazakhstan, he said."),
])
def test_figures_compared_country_is_not_a_subject(lang: str, text: str) -> None:
    assert "country:KZ" not in one([text], lang).subjects
