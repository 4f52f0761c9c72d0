"""Publication date from metadata, a dateline near the top, or the URL; never a guessed year."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean.published import PublishedStage, find_published, from_meta, from_url
from dossier.clean.stage import CleanStage
from dossier.model import Document

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [("en", "MOSCOW, Nov 12 (Reuters) - Russia said it would raise gas supplies.\n\nThe "
            "declaration, signed on 12 November 2025, covers energy.", "2025-11-12"),
     ("en", "Posted 11/27/2024\n\nThe minister said the talks went well.", "2024-11-27"),
     ("en", "Posted 03/04/2024\n\nThe minister said the talks went well.", None),
     ("pt", "Publicado em 03/04/2024\n\nO ministro disse que as conversas correram bem.",
      "2024-04-03"),
     ("it", "Mosca, Cremlino, 12 novembre – Il Presidente ha accolto il suo omologo.\n\n"
            "I colloqui ufficiali (12 novembre 2025)", "2025-11-12"),
     ("ru", "Москва, 12 ноября 2025 года — Президент России провёл переговоры.", "2025-11-12"),
     ("es", "Madrid, 5 de marzo de 2024 (EFE).- El presidente se reunió hoy.", "2024-03-05"),
     ("fr", "Paris, le 4 février 2025 – Le président a reçu son homologue.", "2025-02-04"),
     ("de", "BERLIN, 3. März 2025 (dpa) - Der Kanzler trifft den Präsidenten.", "2025-03-03"),
     ("kk", "Астана, 12 қараша 2025 жыл – Президент Тоқаев.", "2025-11-12"),
     ("tr", "ANKARA, 12 Kasım – Cumhurbaşkanı Kazakistan'ı ziyaret etti.", None),
     ("pt", "Ao chegar em Astana no dia 27 de novembro, Putin é recebido por Toqaev.", None),
     ("es", "Por Redacción | Jueves 6 de marzo de 2025 | Lectura de 6 min\n\nEl canciller llegó.",
      "2025-03-06"),
     ("fr", "Par Léa Martin · Publié le lundi 3 mars 2025 · Mis à jour à 18 h 02 · 5 min\n\n"
            "La ministre est arrivée.", "2025-03-03"),
     ("en", "The leaders met on 12 November 2025 in Moscow to sign a declaration on strategic "
            "partnership and alliance between the two countries, officials said.", None)],
)
def test_published_dateline(lang: str, text: str, expected: str | None) -> None:
    assert find_published(text, language=lang) == expected


def test_published_dateline_only_near_the_top() -> None:
    text = "Putin visited Astana, officials said. " * 30 + "\n\n27/11/2024\n"
    assert find_published(text, language="en") is None
    assert find_published(text, language="en", top=5000) == "2024-11-27"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [("2025-11-12T10:00:00+03:00", None, "2025-11-12"), ("2025-11-12", None, "2025-11-12"),
     ("Tue, 12 Nov 2025 10:00:00 GMT", None, "2025-11-12"),
     ("12 novembre 2025", "it", "2025-11-12"), ("12 ноября 2025", "ru", "2025-11-12"),
     ("2 hours ago", "en", None), ("November 2025", "en", None), ("2025-02-30", None, None),
     ("", None, None)],
)
def test_published_from_meta(value: str, lang: str | None, expected: str | None) -> None:
    assert from_meta(value, lang) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://astanatimes.com/2025/11/kazakhstan-russia-sign/", None),
     ("https://example.com/news/2025/11/12/putin-visit", "2025-11-12"),
     ("https://example.com/2024-11-27-putin-visit.html", "2024-11-27"), (None, None)],
)
def test_published_from_url(url: str | None, expected: str | None) -> None:
    assert from_url(url) == expected


def test_published_metadata_wins_over_text_and_url() -> None:
    doc = Document(id="x", source="s", text="27/11/2024\n\nText.", meta={"published": "2024-11-28"},
                   url="https://e.com/2024/11/26/a")
    assert PublishedStage()(doc).published == "2024-11-28"
    doc.meta = {}
    assert PublishedStage()(doc).published == "2024-11-27"
    doc.text = "Text without a date."
    assert PublishedStage()(doc).published == "2024-11-26"


@pytest.mark.parametrize(
    ("prefix", "lang", "expected"),
    [("000", "pt", None), ("001", "pt", None), ("002", "en", "2024-11-27"), ("003", "en", None),
     ("004", "it", "2025-11-12")],
)
def test_published_seeds(prefix: str, lang: str, expected: str | None) -> None:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    doc = CleanStage()(Document(id=prefix, source=str(path), raw=path.read_text("utf-8")))
    doc.language = lang
    assert PublishedStage()(doc).published == expected
