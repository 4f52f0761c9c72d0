"""News agencies in datelines and credits, and dateline words that are not names."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage


def recognise(text: str, language: str) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc)).mentions


@pytest.mark.parametrize(("language", "text", "surface", "key"), [
    ("de", "Berlin (dpa) - Die Bundesregierung will die Zusammenarbeit ausbauen.", "dpa",
     "org:dpa"),
    ("it", "(ANSA) - MILANO, 4 GIU - Il ministro ha incontrato il suo omologo.", "ANSA",
     "org:ansa"),
    ("tr", "İSTANBUL (AA) - Dışişleri Bakanı açıklama yaptı.", "AA", "org:anadolu"),
    ("es", "Rabat, 12 ene (EFE).- El ministro marroquí recibió a su homólogo.", "EFE", "org:efe"),
    ("pt", "Lisboa, 3 mar 2025 (Lusa) - O ministro recebeu o homólogo.", "Lusa", "org:lusa"),
    ("fr", "Paris (AFP) - Le ministre a reçu son homologue.", "AFP", "org:afp"),
    ("en", "Baku, May 2, AZERTAC. The ministers discussed transport.", "AZERTAC",
     "org:azertac"),
    ("ru", "ТАШКЕНТ, 3 марта — Sputnik. Министры обсудили транспорт.", "Sputnik",
     "org:sputnik"),
    ("kk", "Алматы. 3 наурыз. ҚазАқпарат - Министрлер көлікті талқылады.", "ҚазАқпарат",
     "org:kazinform"),
    # an agency outside the list is still an organisation when a dateline names it
    ("de", "Wien (apa) - Die Regierung hat beschlossen, die Gespräche fortzusetzen.", "apa",
     "organization:apa"),
])
def test_entities_sources_agency_in_dateline(language: str, text: str, surface: str,
                                             key: str) -> None:
    found = {(m.text, m.type, m.key) for m in recognise(text, language)}
    assert (surface, "organization", key) in found


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "Ankara, March 12, AZERTAC. The presidents met.", "March"),
    ("it", "(ANSA) - ROMA, 23 LUG - Il ministro ha parlato.", "LUG"),
    ("es", "Madrid, 4 dic (EFE).- El presidente habló.", "dic"),
])
def test_entities_sources_dateline_month_is_no_name(language: str, text: str, word: str) -> None:
    assert word not in {m.text for m in recognise(text, language)}


@pytest.mark.parametrize(("language", "text", "surface"), [
    ("it", "(ANSA) - ROMA, 23 LUG - Il ministro ha parlato.", "ROMA"),
    ("tr", "BAKÜ (AA) - Bakan konuştu.", "BAKÜ"),
])
def test_entities_sources_capitalised_dateline_city_is_a_place(language: str, text: str,
                                                               surface: str) -> None:
    assert (surface, "place") in {(m.text, m.type) for m in recognise(text, language)}


@pytest.mark.parametrize("text", [
    "Foto: Kassym-Schomart Tokajew (r.) und Katherina Reiche.",
    "Der Umsatz (netto) - so der Konzern - stieg.",
])
def test_entities_sources_bracket_without_dateline_is_no_agency(text: str) -> None:
    assert not [m for m in recognise(text, "de") if m.text in ("r", "netto")]
