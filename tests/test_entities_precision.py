"""Precision rules: layout capitals (headings, labels), clause-initial and common words."""

from __future__ import annotations

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.entities.evidence import short_name, weak_regions
from dossier.nlp.sentences import SentenceStage


def recognise(text: str, language: str) -> list[Mention]:
    """Run sentence splitting and the entity stage on one text."""
    doc = Document(id="t", source="t", text=text, language=language)
    return EntityStage()(SentenceStage()(doc)).mentions


@pytest.mark.parametrize(("language", "text", "word"), [
    ("it", "La Crescita Economica Colossale\n\nIl presidente ha parlato a lungo dell'economia.",
     "Crescita Economica"),
    ("pt", "Os Desafios Comuns da Região\n\nO ministro falou sobre os desafios da região.",
     "Desafios Comuns"),
    ("es", "Las Nuevas Rutas Comerciales\n\nEl ministro habló de las rutas del comercio.",
     "Nuevas Rutas"),
    ("fr", "Les Grands Chantiers Communs\n\nLe ministre a parlé des chantiers en cours.",
     "Grands Chantiers"),
])
def test_entities_heading_words_need_support(language: str, text: str, word: str) -> None:
    assert all(word not in m.text for m in recognise(text, language))


@pytest.mark.parametrize(("language", "text", "word"), [
    ("it", "Energia Nucleare: Ha annunciato la firma di accordi con Rosatom.", "Nucleare"),
    ("it", "Anniversari: Ha citato il settantesimo anniversario del cosmodromo.", "Anniversari"),
    ("pt", "Comércio Bilateral: O volume cresceu no ano passado.", "Comércio"),
    ("en", "Energy Security: The two sides agreed to expand pipelines.", "Energy"),
    ("es", "Transporte Ferroviario: Las partes acordaron ampliar la red.", "Transporte"),
])
def test_entities_list_labels_are_not_names(language: str, text: str, word: str) -> None:
    assert all(word not in m.text for m in recognise(text, language))


@pytest.mark.parametrize(("language", "text", "word"), [
    ("it", "Il Kazakistan risponde con due misure: 1) Sostenere le importazioni. 2) Creare una "
           "produzione nazionale.", "Creare"),
    ("en", "The ancients used to say, “Even chopsticks and bowls can collide,” he wrote.", "Even"),
    ("it", "Tecnologia e Spazio: Continua la stretta collaborazione nel cosmodromo.", "Continua"),
    ("fr", "Il a conclu : « Ensemble nous irons plus loin », a-t-il dit.", "Ensemble"),
])
def test_entities_clause_initial_word_is_not_a_name(language: str, text: str, word: str) -> None:
    assert all(m.text != word for m in recognise(text, language))


@pytest.mark.parametrize(("language", "text", "word"), [
    ("it", "L'anno delle Professioni Artigiane è dedicato alle professioni artigiane del paese.",
     "Professioni Artigiane"),
    ("pt", "A Inteligência Artificial muda tudo; a inteligência artificial já chegou às escolas.",
     "Inteligência Artificial"),
    ("es", "Se abrirá un Consulado General en Aktau el próximo año.", "Consulado General"),
    ("it", "Si aprirà un Consolato Generale russo ad Aktau.", "Consolato Generale"),
    ("en", "Central Asian media outlets considered this an offensive move.", "Central Asian"),
    ("en", "Transit corridors such as the North-South railway route were expanded.", "North-South"),
])
def test_entities_common_word_phrases_are_not_names(language: str, text: str, word: str) -> None:
    assert all(m.text != word for m in recognise(text, language))


@pytest.mark.parametrize(("language", "text", "name"), [
    ("it", "Il Forum Interregionale\n\nIl progetto federale russo \"Professionalitet\" crea "
           "cluster educativi.", "Professionalitet"),
    ("pt", "Notas da Redação\n\n*Lisa Marie B. Bastos é pesquisadora do LabGRIMA", "LabGRIMA"),
    ("pt", "Artigo de opinião por Lisa Marie B. Bastos sobre a visita.", "Lisa Marie B. Bastos"),
    ("it", "Ha citato la filiale presso l'Università Nazionale Kazaka Al-Farabi di Almaty.",
     "Università Nazionale Kazaka Al-Farabi"),
    ("it", "L'Organizzazione Internazionale per la Lingua Russa è stata istituita ad Astana.",
     "Organizzazione Internazionale per la Lingua Russa"),
    ("en", "Putin spoke in Moscow. Vladimir Putin then left.", "Vladimir Putin"),
])
def test_entities_real_names_survive_the_rules(language: str, text: str, name: str) -> None:
    assert name in {m.text for m in recognise(text, language)}


@pytest.mark.parametrize(("text", "kinds"), [
    ("Title Of A Section\n\nBody text goes on here, and ends.", ["heading"]),
    ("Energia Nucleare: ha annunciato la firma di accordi molto importanti per tutti.", ["label"]),
    ("A long sentence that ends properly, as body text usually does in the news.", []),
])
def test_entities_weak_regions_cover_headings_and_labels(text: str, kinds: list[str]) -> None:
    regions = weak_regions(text)
    assert len(regions) == len(kinds)
    if kinds == ["label"]:
        assert text[regions[0][0]:regions[0][1]] == "Energia Nucleare"


@pytest.mark.parametrize(("name", "links", "expected"), [
    ("Istituto di Scienza e Tecnologia di Skolkovo", {"di"}, "Skolkovo"),
    ("Università Nazionale Kazaka Al-Farabi", {"kazaka"}, "Al-Farabi"),
    ("Ministry of Foreign Affairs", {"of"}, None),
    ("Ministero della Difesa", {"della"}, None),
])
def test_entities_short_name_of_organisation(name: str, links: set[str],
                                             expected: str | None) -> None:
    heads = frozenset({"istituto", "universita", "ministry", "ministero"})
    common = frozenset({"foreign", "nazionale"})
    lower = frozenset({"difesa", "scienza"})
    assert short_name(name, heads, frozenset(links), common, lower) == expected
