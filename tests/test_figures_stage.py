# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Figure stage: metric, period, kind, approx, speaker on hand-built documents per language."""

from __future__ import annotations

import re

import pytest

from dossier.extract.figures import FigureStage
from dossier.model import Document, Figure, Mention, Sentence

PEOPLE = {"Putin": "person:vladimir putin", "Vladimir Putin": "person:vladimir putin",
          "Tokayev": "person:kassym-jomart tokayev", "Токаев": "person:kassym-jomart tokayev",
          "Путин": "person:vladimir putin", "Tokayev'": "person:kassym-jomart tokayev"}
COUNTRIES = {"Russia": "country:RU", "Kazakhstan": "country:KZ", "Kazakistan": "country:KZ",
             "Россия": "country:RU", "Казахстан": "country:KZ", "России": "country:RU",
             "Казахстана": "country:KZ", "Rusya": "country:RU", "США": "country:US",
             "USA": "country:US", "US": "country:US", "ABD": "country:US",
             "Туркменистана": "country:TM", "Азербайджана": "country:AZ"}


def make_doc(paragraphs: list[str], lang: str, published: str | None = "2025-11-12") -> Document:
    """Build a document with one sentence per line-sentence and gazetteer mentions."""
    text = "\n\n".join(paragraphs)
    sentences: list[Sentence] = []
    pos = 0
    for p_idx, para in enumerate(paragraphs):
        for m in re.finditer(r".+?(?:[.!?]+(?=\s|$)|$)", para):
            chunk = m.group().strip()
            if chunk:
                start = pos + m.start() + (len(m.group()) - len(m.group().lstrip()))
                sentences.append(Sentence(start=start, end=start + len(chunk), text=chunk,
                                          paragraph=p_idx))
        pos += len(para) + 2
    mentions = []
    for table, typ in ((PEOPLE, "person"), (COUNTRIES, "country")):
        for name, key in table.items():
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                mentions.append(Mention(start=m.start(), end=m.end(), text=name, type=typ, key=key))  # type: ignore[arg-type]
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions = [m for i, m in enumerate(mentions) if i == 0 or m.start >= mentions[i - 1].end]
    return Document(id="d", source="d", text=text, language=lang, published=published,
                    sentences=sentences, mentions=mentions)


def figures(paragraphs: list[str], lang: str, published: str | None = "2025-11-12") -> list[Figure]:
    """Run the stage and return its figures."""
    return FigureStage()(make_doc(paragraphs, lang, published)).figures


@pytest.mark.parametrize(("lang", "text", "metric", "period"), [
    ("en", "Trade turnover in 2023 reached a record of 28 billion USD.", "trade_turnover", "2023"),
    ("en", "In the first 9 months of 2024 trade reached $20 billion.", "trade_turnover", "2024-01/2024-09"),
    ("it", "Nei primi nove mesi del 2025, l'interscambio ha toccato quota $20 miliardi.", "trade_turnover", "2025-01/2025-09"),
    ("it", "L'interscambio ha raggiunto i $27,8 miliardi di dollari USA l'anno scorso.", "trade_turnover", "2024"),
    ("pt", "O comércio bilateral atingiu 28 bilhões de dólares em 2024.", "trade_turnover", "2024"),
    ("es", "El comercio bilateral alcanzó 28.000 millones de dólares el año pasado.", "trade_turnover", "2024"),
    ("fr", "Les échanges commerciaux ont atteint 28 milliards de dollars en 2024.", "trade_turnover", "2024"),
    ("de", "Das Handelsvolumen erreichte im vergangenen Jahr 28 Milliarden Dollar.", "trade_turnover", "2024"),
    ("ru", "Товарооборот в прошлом году составил 28 млрд долларов.", "trade_turnover", "2024"),
    ("tr", "Ticaret hacmi geçen yıl 28 milyar dolara ulaştı.", "trade_turnover", "2024"),
    ("kk", "Тауар айналымы өткен жылы 28 млрд долларды құрады.", "trade_turnover", "2024"),
    ("ru", "Российские инвестиции в 2024 году составили 4 млрд долларов.", "investment", "2024"),
])
def test_figures_metric_and_period(lang: str, text: str, metric: str, period: str) -> None:
    (fig,) = figures([text], lang)
    assert (fig.metric, fig.period) == (metric, period)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia's accumulated investment in Kazakhstan stands at $27 billion."),
    ("it", "Gli investimenti ammontano a circa $27 miliardi di dollari USA."),
    ("ru", "Накопленные инвестиции России составляют 27 млрд долларов."),
    ("pt", "O investimento acumulado chega a 27 bilhões de dólares."),
])
def test_figures_investment_stock_has_no_period(lang: str, text: str) -> None:
    (fig,) = figures([text], lang)
    assert (fig.metric, fig.period) == ("investment_stock", None)


@pytest.mark.parametrize(("lang", "text", "kinds"), [
    ("en", "The sides are aiming for the 30 billion USD mark by 2025.", ["target"]),
    ("it", "L'obiettivo è portare l'interscambio a $30 miliardi di dollari USA.", ["target"]),
    ("it", "Ha fissato un obiettivo: portarlo dagli attuali $27,8 miliardi di dollari USA a $30 miliardi di dollari USA.", ["actual", "target"]),
    ("it", "Si prevede che la costruzione richiederà oltre novemila lavoratori.", ["forecast"]),
    ("pt", "A meta é alcançar 30 bilhões de dólares.", ["target"]),
    ("es", "El objetivo es alcanzar 30.000 millones de dólares.", ["target"]),
    ("fr", "L'objectif est d'atteindre 30 milliards de dollars.", ["target"]),
    ("de", "Ziel ist es, 30 Milliarden Dollar zu erreichen.", ["target"]),
    ("ru", "Цель - довести товарооборот до 30 млрд долларов.", ["target"]),
    ("tr", "Hedef, ticaret hacmini 30 milyar dolara çıkarmak.", ["target"]),
    ("kk", "Мақсат - тауар айналымын 30 млрд долларға жеткізу.", ["target"]),
    ("en", "Trade is expected to reach $30 billion.", ["forecast"]),
])
def test_figures_kind(lang: str, text: str, kinds: list[str]) -> None:
    assert [f.kind for f in figures([text], lang)] == kinds


@pytest.mark.parametrize(("lang", "paragraphs", "speaker"), [
    ("en", ["Putin said trade reached $28 billion."], "person:vladimir putin"),
    ("en", ["According to Tokayev, 170 joint projects are underway."], "person:kassym-jomart tokayev"),
    ("it", ["Putin ha sottolineato il successo.", "Egli ha evidenziato che l'interscambio ha raggiunto $27 miliardi."],
     "person:vladimir putin"),
    ("it", ["Tokayev ha fornito cifre:", "Più di 20.000 aziende operano in Kazakistan."],
     "person:kassym-jomart tokayev"),
    ("it", ["Vladimir Putin: Le Regioni", "Circa 55.000 studenti kazaki studiano in Russia."],
     "person:vladimir putin"),
    ("pt", ["Segundo Putin, 55 mil estudantes estudam na Rússia."], "person:vladimir putin"),
    ("es", ["Putin destacó que 55.000 estudiantes estudian en Rusia."], "person:vladimir putin"),
    ("fr", ["Selon Putin, 55 000 étudiants étudient en Russie."], "person:vladimir putin"),
    ("de", ["Putin sagte, 55.000 Studenten studieren in Russland."], "person:vladimir putin"),
    ("ru", ["Путин заявил, что товарооборот превысил 28 млрд долларов."], "person:vladimir putin"),
    ("tr", ["Tokayev, ticaretin 28 milyar dolara ulaştığını söyledi."], "person:kassym-jomart tokayev"),
    ("kk", ["Токаев тауар айналымы 28 млрд доллар болғанын айтты."], "person:kassym-jomart tokayev"),
])
def test_speakers_attribution(lang: str, paragraphs: list[str], speaker: str) -> None:
    figs = figures(paragraphs, lang)
    assert figs and figs[-1].speaker == speaker


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ["Putin said relations are good.", "Trade reached $28 billion in 2023."]),
    ("pt", ["Mais de 80% do petróleo do Cazaquistão é exportado através da Rússia."]),
    ("ru", ["Путин прибыл в Астану.", "Товарооборот в 2023 году составил 28 млрд долларов."]),
])
def test_speakers_writer_own_statement(lang: str, paragraphs: list[str]) -> None:
    assert [f.speaker for f in figures(paragraphs, lang)] == [None]


def test_figures_never_use_article_date_for_stock() -> None:
    (fig,) = figures(["In Kazakhstan more than 20,000 companies with Russian capital operate."], "en")
    assert (fig.unit, fig.metric, fig.period) == ("count", "companies", None)


def test_figures_relative_period_unknown_without_date() -> None:
    (fig,) = figures(["Trade turnover reached $28 billion last year."], "en", published=None)
    assert fig.period is None


def test_figures_subjects_and_quote() -> None:
    doc = make_doc(["Trade between Russia and Kazakhstan reached $28 billion in 2023."], "en")
    (fig,) = FigureStage()(doc).figures
    assert fig.subjects == ["country:RU", "country:KZ"]
    assert fig.quote == doc.sentences[0].text
    assert doc.text[fig.start:fig.end] == fig.surface == "$28 billion"


@pytest.mark.parametrize(("lang", "paragraphs", "speaker"), [
    ("ru", ["\"В прошлом году экспорт вырос до 9 млрд долларов\", — заявил Путин журналистам."], "person:vladimir putin"),
    ("ru", ["\"Мы довольны итогами года. Инвестиции превысили 3 млрд долларов\", — сказал Путин на пресс-конференции."], "person:vladimir putin"),
    ("kk", ["«Өткен жылы экспорт 5 млрд долларға жетті», – деді Токаев."], "person:kassym-jomart tokayev"),
    ("ru", ["Путин заявил, что отношения развиваются.", "По его словам, товарооборот превысил 28 млрд долларов."], "person:vladimir putin"),
    ("kk", ["Токаев қарым-қатынас жақсы екенін айтты.", "Оның сөзінше, тауар айналымы 28 млрд долларға жетті."], "person:kassym-jomart tokayev"),
    ("en", ["Tokayev said relations were strong.", "According to the president, trade reached $28 billion."], "person:kassym-jomart tokayev"),
    ("it", ["Putin ha affermato che i rapporti sono solidi.", "Secondo il presidente, l'interscambio ha superato i 28 miliardi di euro."], "person:vladimir putin"),
])
def test_speakers_quotes_and_continuations(lang: str, paragraphs: list[str], speaker: str) -> None:
    figs = figures(paragraphs, lang)
    assert figs and all(f.speaker == speaker for f in figs)


@pytest.mark.parametrize(("lang", "text", "kinds"), [
    # verb-final targets (the goal verb or noun after the amount)
    ("kk", "Біз оны 2030 жылға қарай 35 млрд долларға жеткізуді көздейміз.", ["target"]),
    ("kk", "Бұл көрсеткішті 10 млрд долларға жеткізу керек.", ["target"]),
    ("tr", "Hedefimiz, ticaret hacmimizi 2030'a kadar 15 milyar dolara çıkarmaktır.", ["target"]),
    ("tr", "Bakan, 15 milyar dolarlık ticaret hedefine ulaşmak için çalıştıklarını söyledi.", ["target"]),
    ("de", "Ziel ist es, den Handel bis 2030 auf 10 Milliarden Euro zu steigern.", ["target"]),
    ("de", "Beide Länder wollen in den kommenden Jahren 3,5 Milliarden Euro investieren.", ["target"]),
    ("de", "Die Regierung will bis 2030 rund 10 Milliarden Euro Handelsvolumen anpeilen.", ["target"]),
    ("ru", "Мы видим потенциал довести его до 35 миллиардов долларов к 2030 году.", ["target"]),
    ("fr", "Paris et Berlin investiront ensemble 3,5 milliards d'euros.", ["target"]),
    ("ru", "Стороны обсудили строительство трех угольных электростанций.", ["target"]),
    # forecasts, the cue before (also in an earlier clause) or after the amount
    ("ru", "Эксперты ожидают, что экспорт нефти останется на уровне около 108 млн тонн.", ["forecast"]),
    ("ru", "Как прогнозируется, товарооборот составит 40 млрд долларов.", ["forecast"]),
    ("tr", "Bu yıl ise 5 milyon ton civarında bir hacim beklendiğini söyledi.", ["forecast"]),
    ("de", "Die Investitionen werden auf 50 Milliarden US-Dollar geschätzt.", ["forecast"]),
    ("es", "Se prevé que el comercio alcance 25.000 millones de euros.", ["forecast"]),
    ("fr", "Les échanges devraient atteindre 200 milliards d'euros.", ["forecast"]),
    ("pt", "O comércio deverá chegar a 250 mil milhões de dólares.", ["forecast"]),
    ("kk", "Биыл 5 млн тонна жүк тасымалдануы күтілуде.", ["forecast"]),
    # a goal word for one amount does not make an earlier actual amount a target
    ("tr", "Ticaret 10 milyar dolar oldu; 15 milyar dolarlık hedefe ulaşılacak.", ["actual", "target"]),
    ("de", "Der Handel lag bei 5 Milliarden Euro; für die Anlage werden 50 Milliarden Euro erwartet, ab 2032 sollen dort 2 Millionen Tonnen entstehen.", ["actual", "forecast", "target"]),
])
def test_figures_kind_verb_final_and_fronted(lang: str, text: str, kinds: list[str]) -> None:
    assert [f.kind for f in figures([text], lang)] == kinds


@pytest.mark.parametrize(("text", "approx"), [
    ("Стороны намерены довести товарооборот до 35 млрд долларов.", "exact"),
    ("Товарооборот вырос до 6,5 млрд долларов.", "exact"),
    ("Пропускная способность составит до 15 млн тонн грузов.", "less_than"),
])
def test_figures_approx_change_verb_to(text: str, approx: str) -> None:
    assert [f.approx for f in figures([text], "ru")] == [approx]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Trade between Russia and Kazakhstan reached 28 billion US dollars in 2024."),
    ("it", "L'interscambio tra Russia e Kazakistan ha raggiunto 27 miliardi di dollari USA."),
    ("ru", "Товарооборот России и Казахстана составил 28 млрд долларов США."),
    ("tr", "Rusya ile Kazakistan arasındaki ticaret 28 milyar ABD dolarına ulaştı."),
])
def test_figures_subjects_currency_country_is_not_a_subject(lang: str, text: str) -> None:
    (fig,) = figures([text], lang)
    assert sorted(fig.subjects) == ["country:KZ", "country:RU"]


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ["Russia and Kazakhstan signed ten agreements.", "Kazakhstan's GDP grew by 5% in 2024."]),
    ("ru", ["Россия и Казахстан подписали соглашения.", "ВВП Казахстана вырос на 5% в 2024 году."]),
    # a sentence with no country takes its paragraph's
    ("en", ["Russia and Kazakhstan signed ten agreements.", "Kazakhstan is growing fast. Its GDP rose by 5% in 2024."]),
])
def test_figures_subjects_domestic_figure_keeps_one_country(lang: str, paragraphs: list[str]) -> None:
    figs = [f for f in figures(paragraphs, lang) if f.unit == "percent"]
    assert [f.subjects for f in figs] == [["country:KZ"]]


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ["Russia and Kazakhstan met in Astana.", "Kazakhstan said bilateral trade grew by 5% in 2024."]),
    ("ru", ["Россия и Казахстан провели переговоры.", "Казахстан сообщил, что взаимная торговля выросла на 5% в 2024 году."]),
    ("tr", ["Rusya ve Kazakistan görüştü.", "Kazakistan, iki ülke arasındaki ticaretin yüzde 5 arttığını açıkladı."]),
    ("pt", ["Russia e Kazakhstan reuniram-se.", "Kazakhstan disse que o comércio bilateral cresceu 5% em 2024."]),
])
def test_figures_subjects_bilateral_cue_adds_the_pair(lang: str, paragraphs: list[str]) -> None:
    figs = [f for f in figures(paragraphs, lang) if f.unit == "percent"]
    assert [sorted(f.subjects) for f in figs] == [["country:KZ", "country:RU"]]


@pytest.mark.parametrize(("text", "unit"), [
    ("Бюджет Туркменистана составил 3 млрд манатов.", "TMT"),
    ("Бюджет Азербайджана составил 3 млрд манатов.", "AZN"),
])
def test_figures_manat_follows_the_country(text: str, unit: str) -> None:
    assert [f.unit for f in figures([text], "ru")] == [unit]
