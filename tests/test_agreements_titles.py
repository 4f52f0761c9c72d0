"""English agreement titles: phrase glossary, genitives (ru), adjective and name order
(pt, it, es, fr), compounds (de), title case."""

from __future__ import annotations

import pytest

from dossier.extract.agreements import gloss
from dossier.extract.titles import Chunk, english_order, title_case

TITLES = [
    ("ru", "Соглашение о взаимной защите инвестиций",
     "Agreement on the Mutual Protection of Investments"),
    ("ru", "Программа экономического сотрудничества на 2025–2030 годы",
     "Programme of Economic Cooperation for 2025–2030 Years"),
    ("ru", "Договор о союзнических отношениях", "Treaty on Allied Relations"),
    ("it", "Programma Comprensivo per la Cooperazione Economica per il 2026–2030",
     "Comprehensive Programme for Economic Cooperation for 2026–2030"),
    ("it", "dichiarazione congiunta sul Piano Mattei per l'Africa",
     "Joint Declaration on the Mattei Plan for Africa"),
    ("pt", "Memorando de Entendimento sobre Cooperação Energética",
     "Memorandum of Understanding on Energy Cooperation"),
    ("pt", "acordo sobre a proteção recíproca de investimentos",
     "Agreement on the Reciprocal Protection of Investments"),
    ("es", "plan de acción conjunto en materia de migración y seguridad fronteriza",
     "Joint Action Plan on Migration and Border Security"),
    ("es", "memorando de entendimiento sobre cooperación energética",
     "Memorandum of Understanding on Energy Cooperation"),
    ("fr", "traité d'Aix-la-Chapelle", "Treaty of Aix-la-Chapelle"),
    ("fr", "accord de coopération économique", "Agreement of Economic Cooperation"),
    ("de", "Wirtschaftsagenda für Wettbewerbsfähigkeit und Souveränität",
     "Economic Agenda for Competitiveness and Sovereignty"),
    ("de", "Aachener Vertrag", "Aachen Treaty"),
]


@pytest.mark.parametrize(("language", "title", "english"), TITLES)
def test_agreements_titles_english(language: str, title: str, english: str) -> None:
    assert gloss(title, language) == (english, True)


@pytest.mark.parametrize(("language", "title"), [
    ("pt", "Memorando de Entendimento sobre Cooperação Xyzética"),  # unknown capitalised word
    ("ru", "соглашение о строительстве железной дороги Дарбаза – Мактаарал"),  # Cyrillic name
])
def test_agreements_titles_unknown_words_keep_original(language: str, title: str) -> None:
    assert gloss(title, language)[1] is False


def test_agreements_titles_order_and_case() -> None:
    chunks = [Chunk("cooperation", "noun"), Chunk("economic", "adj"), Chunk("bilateral", "adj"),
              Chunk("for", "link"), Chunk("the", "link"), Chunk("Africa", "name")]
    assert english_order(chunks, adjectives_after=True) == [
        "bilateral", "economic", "cooperation", "for", "Africa"]
    assert english_order(chunks, adjectives_after=False)[:3] == [
        "cooperation", "economic", "bilateral"]
    assert title_case(["agreement", "on the", "protection", "of", "investments"]) == \
        "Agreement on the Protection of Investments"
