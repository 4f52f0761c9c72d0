"""Acronyms defined in brackets share one key with their name, in either order, in
sentence case, across scripts; persons with a party in brackets are left alone."""

from __future__ import annotations

import pytest

from dossier.model import Document
from dossier.nlp.entities import EntityStage
from dossier.nlp.sentences import SentenceStage
from dossier.resolve.entities import resolve_entities


def analyse(text: str, language: str, doc_id: str = "t") -> Document:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id=doc_id, source=doc_id, text=text, language=language)
    return EntityStage()(SentenceStage()(doc))


@pytest.mark.parametrize(("language", "text", "name", "acro"), [
    ("fr", "Dans ce domaine, l'Agence française de développement (AFD) a accordé un prêt.",
     "Agence française de développement", "AFD"),
    ("fr", "Le financement de l'AFD (Agence française de développement) a été confirmé.",
     "Agence française de développement", "AFD"),
    ("en", "The Japan International Cooperation Agency (JICA) confirmed a loan.",
     "Japan International Cooperation Agency", "JICA"),
    ("es", "Según datos de la Secretaría de Turismo (Sectur), llegaron más turistas.",
     "Secretaría de Turismo", "Sectur"),
    ("pt", "O Banco Nacional de Desenvolvimento Econômico e Social (BNDES) estuda o crédito.",
     "Banco Nacional de Desenvolvimento Econômico e Social", "BNDES"),
    ("pt", "Muitos estudam pelo Programa de Estudantes-Convênio de Graduação (PEC-G).",
     "Programa de Estudantes-Convênio de Graduação", "PEC-G"),
    ("kk", "Жобаларды Жапонияның халықаралық ынтымақтастық агенттігі (JICA) қаржыландырады.",
     "Жапонияның халықаралық ынтымақтастық агенттігі", "JICA"),
    ("es", "El presidente habló de la Comunidad de Desarrollo de África Austral (SADC).",
     "Comunidad de Desarrollo de África Austral", "SADC"),
])
def test_entities_acronyms_share_key_with_name(language: str, text: str, name: str,
                                               acro: str) -> None:
    keys = {m.text: m.key for m in analyse(text, language).mentions}
    assert name in keys and keys[name] == keys.get(acro), keys


@pytest.mark.parametrize(("language", "text", "person"), [
    ("de", "Bundeskanzler Friedrich Merz (CDU) empfing den Gast.", "Friedrich Merz"),
    ("pt", "O deputado João Silva (PSD) votou contra.", "João Silva"),
])
def test_entities_acronyms_party_after_person_stays_apart(language: str, text: str,
                                                          person: str) -> None:
    got = {m.text: m for m in analyse(text, language).mentions}
    assert got[person].type == "person"


def test_resolve_entities_acronym_merges_names_across_languages() -> None:
    docs = [analyse("The Japan International Cooperation Agency (JICA) confirmed a loan.",
                    "en", "a"),
            analyse("Жобаларды Жапонияның халықаралық ынтымақтастық агенттігі (JICA) "
                    "қаржыландырады.", "kk", "b"),
            analyse("Finanziert wird das über die japanische Entwicklungsagentur JICA.", "de",
                    "c")]
    jica = [e for e in resolve_entities(docs) if "JICA" in e.aliases]
    assert len(jica) == 1 and set(jica[0].documents) == {"a", "b", "c"}
    assert jica[0].name == "Japan International Cooperation Agency"
