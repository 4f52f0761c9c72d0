"""The clean stage: HTML main text with paragraphs and metadata, normalisation, fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean.stage import CleanStage, normalise
from dossier.ingest.files import iter_inputs
from dossier.model import Document

DATA = Path(__file__).parent / "data" / "ingest"


def _clean(name: str, **meta: str) -> Document:
    doc = next(iter(iter_inputs([DATA / name])))
    assert isinstance(doc, Document)
    doc.meta.update(meta)
    return CleanStage()(doc)


@pytest.mark.parametrize(
    ("name", "keep", "drop"),
    [("it_latin1.html",
      ["è arrivato al Cremlino", "La crescita economica", "superato i 28 miliardi di dollari"],
      ["Iscriviti alla nostra newsletter", "Tutti i diritti riservati", "Economia"]),
     ("ru_cp1251.html", ["прибыл в Астану с государственным визитом", "28 миллиардов долларов"],
      ["Главная", "Все права защищены"]),
     ("pt_utf8.html", ["Cerca de 55 mil cazaquistaneses", "Três novas escolas"],
      ["Deixe seu comentário"])],
)
def test_stage_html_main_text(name: str, keep: list[str], drop: list[str]) -> None:
    doc = _clean(name)
    for text in keep:
        assert text in doc.text
    for text in drop:
        assert text not in doc.text


@pytest.mark.parametrize("name", ["it_latin1.html", "ru_cp1251.html", "pt_utf8.html"])
def test_stage_html_keeps_paragraph_breaks(name: str) -> None:
    paragraphs = _clean(name).text.split("\n\n")
    assert len(paragraphs) >= 3
    assert all(p.strip() and "\n" not in p for p in paragraphs)


def test_stage_html_metadata_and_date() -> None:
    doc = _clean("it_latin1.html")
    assert doc.title == "Visita di Stato a Mosca"
    assert doc.author == "Giulia Bianchi"
    assert doc.outlet == "Notizie Esteri"
    assert doc.meta["published"] == "2025-11-12"


def test_stage_record_metadata_wins_over_html() -> None:
    doc = _clean("it_latin1.html", published="2025-11-13", title="Titolo del record")
    assert doc.meta["published"] == "2025-11-13" and doc.title == "Titolo del record"


def test_stage_page_without_date_gets_none() -> None:
    assert "published" not in _clean("pt_utf8.html").meta


@pytest.mark.parametrize(
    "html",
    ["<html><body><div>Президент прибыл в Астану с визитом, сообщили в Кремле.</div></body>",
     "<html><body><td>Il Presidente è arrivato a Mosca per una visita di Stato.</td></body>"],
)
def test_stage_html_fallback_when_extractor_finds_nothing(html: str) -> None:
    doc = CleanStage()(Document(id="x", source="s", raw=html, format="html"))
    assert doc.text.strip() and "<" not in doc.text


def test_stage_empty_html_leaves_text_empty() -> None:
    doc = CleanStage()(Document(id="x", source="s", raw="<html><body></body></html>",
                                format="html"))
    assert doc.text == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb\rc", "a\nb\nc"), ("a\n\n\n\n\nb", "a\n\nb"), ("x  \t\ny\u00a0", "x\ny"),
     ("10\u00a0000 тонн и 5\u202f000", "10\u00a0000 тонн и 5\u202f000"),
     ("Cazaquista\u0303o", "Cazaquistão")],
)
def test_stage_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "title"),
    [("Kazakhstan and Russia to elevate ties\n\nKazakh President Tokayev has announced plans to "
      "sign a declaration in Moscow.", "Kazakhstan and Russia to elevate ties"),
     ("Президент России прибыл в Астану с государственным визитом, сообщили в Кремле.\nВторой.",
      None)],
)
def test_stage_plain_text_title(raw: str, title: str | None) -> None:
    doc = CleanStage()(Document(id="x", source="s", raw=raw))
    assert doc.title == title
    assert raw.split("\n")[0] in doc.text  # the title line stays in the text
