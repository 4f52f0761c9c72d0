"""Figures read from HTML tables: caption/header scale and unit, row-label period, header metric."""

from __future__ import annotations

import pytest

from dossier.clean.html import extract_html
from dossier.clean.stage import CleanStage
from dossier.extract.figures import extract_figures
from dossier.extract.tablefigures import parse_row
from dossier.model import Document
from dossier.pipeline import build_pipeline

_PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{lead}</p>
<table><caption>{caption}</caption><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>
<p>{tail}</p></article></body></html>"""


def _page(title: str, lead: str, caption: str, heads: list[str], rows: list[list[str]],
          tail: str) -> str:
    """Return a news page holding one table."""
    return _PAGE.format(
        title=title, lead=lead, caption=caption, tail=tail,
        heads="".join(f"<th>{h}</th>" for h in heads),
        rows="".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows),
    )


CASES = [
    ("en", _page(
        "Kazakhstan and Germany expand trade",
        "Trade between Kazakhstan and Germany grew strongly last year, officials in Astana said "
        "on Monday, citing figures from the national statistics bureau.",
        "Kazakhstan–Germany trade, billion USD", ["Year", "Exports", "Imports"],
        [["2022", "8.5", "15.2"], ["2023", "9.1", "17.3"]],
        "Officials expect the growth to continue as new energy projects start next year."),
     [(9.1e9, "USD", "exports", "2023"), (17.3e9, "USD", "imports", "2023")]),
    ("ru", _page(
        "Казахстан и Россия наращивают торговлю",
        "Взаимная торговля Казахстана и России в прошлом году выросла, сообщило министерство "
        "торговли и интеграции республики в понедельник.",
        "Торговля Казахстана и России, млрд долл.", ["Период", "Товарооборот", "Экспорт"],
        [["2023", "26,8", "8,8"], ["I квартал 2025", "6,1", "2,0"]],
        "В министерстве ожидают, что рост сохранится и в следующем году."),
     [(26.8e9, "USD", "trade_turnover", "2023"),
      (6.1e9, "USD", "trade_turnover", "2025-01/2025-03")]),
    ("de", _page(
        "Deutschland und Kasachstan handeln mehr",
        "Der Handel zwischen Deutschland und Kasachstan ist im vergangenen Jahr deutlich "
        "gewachsen, teilte das Statistische Bundesamt am Montag in Wiesbaden mit.",
        "Handel mit Kasachstan (Mio. EUR)", ["Jahr", "Exporte", "Importe"],
        [["2022", "2.150,4", "6.870,2"], ["2023", "2.410,7", "7.020,5"]],
        "Die Bundesregierung rechnet mit weiterem Wachstum im Rohstoffsektor."),
     [(2410.7e6, "EUR", "exports", "2023"), (7020.5e6, "EUR", "imports", "2023")]),
    ("pt", _page(
        "Brasil e Angola reforçam o comércio",
        "O comércio entre o Brasil e Angola cresceu no ano passado, informou o ministério "
        "do Desenvolvimento, Indústria e Comércio em Brasília nesta segunda-feira.",
        "Comércio Brasil–Angola (milhões de dólares)", ["Ano", "Exportações", "Importações"],
        [["2022", "1.204,5", "310,2"], ["2023", "1.398,1", "402,9"]],
        "O governo espera que o crescimento continue com novos projetos de energia."),
     [(1398.1e6, "USD", "exports", "2023"), (402.9e6, "USD", "imports", "2023")]),
]


def _run(lang: str, html: str) -> Document:
    doc = Document(id=lang, source="t", raw=html, format="html", meta={"published": "2025-06-02"})
    return next(iter(build_pipeline().run([doc])))


@pytest.mark.parametrize(("lang", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tables_figures_read_rows(lang: str, html: str, expected: list[tuple]) -> None:
    doc = _run(lang, html)
    got = {(f.value, f.unit, f.metric, f.period) for f in doc.figures}
    for value, unit, metric, period in expected:
        assert any(v is not None and abs(v - value) < 1e-3 * value and (u, m, p) == (unit, metric,
                   period) for v, u, m, p in got), (value, unit, metric, period, got)
    for f in doc.figures:  # each table figure points at its own cell in the text
        assert doc.text[f.start:f.end] == f.surface


@pytest.mark.parametrize(("lang", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tables_figures_clean_writes_rows(lang: str, html: str, expected: list[tuple]) -> None:
    doc = CleanStage()(Document(id=lang, source="t", raw=html, format="html"))
    assert "|" not in doc.text
    rows = [line for line in doc.text.split("\n") if parse_row(line)]
    assert len(rows) == 2


@pytest.mark.parametrize("sentence", [
    "He said: 5.",
    "Trade reached $9.1 billion in 2023, up 12% on the year before.",
    "Exports: strong; imports: weak.",
    "O ministro disse: as exportações cresceram 12%.",
])
def test_tables_figures_prose_is_not_a_row(sentence: str) -> None:
    assert parse_row(sentence) is None


def test_tables_figures_page_without_table_unchanged() -> None:
    html = ("<html><body><article><h1>Talks in Astana</h1><p>The presidents of Kazakhstan and "
            "Uzbekistan met in Astana on Monday and agreed to raise trade to $10 billion by "
            "2030, officials said after the talks.</p><p>They also signed agreements on water "
            "and energy cooperation, according to the presidential press service.</p>"
            "</article></body></html>")
    doc = CleanStage()(Document(id="x", source="t", raw=html, format="html"))
    assert doc.text == extract_html(html).text
    assert not any(parse_row(s) for s in doc.text.split("\n"))


def test_tables_figures_need_rows_shape() -> None:
    doc = Document(id="x", source="t", text="", language="en")
    assert extract_figures(doc) == []
