"""Round-5 event dates: a trigger takes only the date of its own clause, never one that a
subordinate clause gives another verb ("since she took office in October 2024")."""

from __future__ import annotations

import pytest

from dossier.extract.clauses import clause_starts
from dossier.extract.events import EventStage
from dossier.model import Figure
from dossier.resolve.undated import written_after
from tests.test_events_util import make_doc

A = ("person", "person:anna berg")
B = ("person", "person:omar haddad")
ENTS = {"Anna Berg": A, "Omar Haddad": B, "Анна Берг": A, "Омаром Хаддадом": B}

# (language, sentence): a visit, then a date that belongs to another verb
FOREIGN = [
    ("en", "Anna Berg paid an official visit to Omar Haddad, the first since he took office "
           "in October 2024."),
    ("es", "Anna Berg realizó una visita oficial a Omar Haddad, la primera desde que el "
           "presidente asumió el cargo en octubre de 2024."),
    ("pt", "Anna Berg, que cumpre a primeira visita de Estado a Omar Haddad desde que tomou "
           "posse, em outubro de 2024, pediu mais investimento."),
    ("it", "Anna Berg ha compiuto una visita ufficiale da Omar Haddad, la prima da quando il "
           "presidente si è insediato nell'ottobre 2024."),
    ("fr", "Anna Berg a effectué une visite officielle auprès d'Omar Haddad, la première depuis "
           "que le président a pris ses fonctions en octobre 2024."),
    ("de", "Anna Berg traf Omar Haddad zu einem Besuch, dem ersten, seitdem der Präsident im "
           "Oktober 2024 sein Amt antrat."),
    ("ru", "Анна Берг провела переговоры с Омаром Хаддадом, впервые с тех пор как президент "
           "вступил в должность в октябре 2024 года."),
]


@pytest.mark.parametrize(("language", "text"), FOREIGN)
def test_events_clauses_date_of_another_verb_is_not_taken(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, ENTS, published="2025-03-04"))
    assert doc.events, "the visit or talks must still be found"
    assert all(not (e.date or "").startswith("2024") for e in doc.events), \
        [(e.trigger, e.date) for e in doc.events]


# (language, sentence): the date stands in the trigger's own clause, beside a subordinate one
OWN = [
    ("en", "Anna Berg visited Omar Haddad on 12 May, although the two had disagreed in 2024."),
    ("es", "Anna Berg visitó a Omar Haddad el 12 de mayo, aunque ambos discreparon en 2024."),
    ("fr", "Anna Berg a rencontré Omar Haddad le 12 mai, bien que les deux se soient opposés "
           "en 2024."),
    ("de", "Anna Berg traf Omar Haddad am 12. Mai, obwohl beide 2024 gestritten hatten."),
    ("ru", "Анна Берг провела переговоры с Омаром Хаддадом 12 мая, хотя в 2024 году стороны "
           "спорили."),
]


@pytest.mark.parametrize(("language", "text"), OWN)
def test_events_clauses_own_clause_date_kept(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, ENTS, published="2025-05-20"))
    assert [e.date for e in doc.events if e.type in {"visit", "meeting"}][:1] == ["2025-05-12"]


@pytest.mark.parametrize(("language", "text", "opener"), [
    ("es", "Llegó el domingo, desde que asumió el cargo", "desde que"),
    ("pt", "O ministro, que chegou ontem", ", que"),
    ("it", "Il forum, che si terrà a Kazan", ", che"),
    ("fr", "Le ministre, qui est arrivé lundi", ", qui"),
    ("ru", "Министр, который прибыл в понедельник", ", который"),
    ("de", "Der Minister, der am Montag ankam", ", der"),
    ("en", "The minister, who arrived on Monday", ", who"),
])
def test_events_clauses_openers_found(language: str, text: str, opener: str) -> None:
    starts = [pos for pos, _comma in clause_starts(text, language)]
    assert text.index(opener) in starts


def test_events_clauses_programme_span_does_not_date_the_page() -> None:
    text = ("Los gobiernos firmaron un programa dotado con 220 millones de euros para el periodo "
            "2026-2030. El comercio sumó 450 millones de euros en 2024.")
    doc = make_doc(text, "es", {})
    doc.figures = [
        Figure(value=220e6, unit="EUR", metric="other", kind="actual", period="2030",
               sentence=0, start=0, end=1, surface="220 millones de euros",
               quote=doc.sentences[0].text),
        Figure(value=450e6, unit="EUR", metric="trade", kind="actual", period="2024",
               sentence=1, start=0, end=1, surface="450 millones de euros",
               quote=doc.sentences[1].text),
    ]
    after = written_after(doc)
    assert after is not None and after.year == 2024


# (language, sentence): a visit that has not happened yet, told by tense or a modal cue
PLANNED = [
    ("fr", "Anna Berg prévoit de se rendre chez Omar Haddad pour une visite officielle."),
    ("fr", "Anna Berg se rendra en visite officielle chez Omar Haddad."),
    ("en", "Anna Berg will travel to meet Omar Haddad for talks."),
    ("en", "Anna Berg is expected to visit Omar Haddad."),
    ("ru", "Анна Берг планирует переговоры с Омаром Хаддадом."),
    ("tr", "Anna Berg, Omar Haddad ile görüşmeyi planlıyor."),
    ("tr", "Anna Berg, Omar Haddad'ı ziyaret edecek."),
    ("de", "Anna Berg soll Omar Haddad zu Gesprächen treffen."),
    ("es", "Anna Berg realizará una visita oficial a Omar Haddad."),
    ("pt", "Anna Berg deverá visitar Omar Haddad."),
    ("pt", "Anna Berg deve fazer uma visita de Estado a Omar Haddad."),
    ("it", "Anna Berg si recherà in visita ufficiale da Omar Haddad."),
    ("it", "Anna Berg compirà una visita ufficiale da Omar Haddad."),
]


@pytest.mark.parametrize(("language", "text"), PLANNED)
def test_events_clauses_planned_from_tense_or_modal(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, {**ENTS, "Omar Haddad'ı": B},
                                published="2025-03-04"))
    assert doc.events, "the planned event must be found"
    assert {e.status for e in doc.events} == {"planned"}, [(e.trigger, e.status)
                                                           for e in doc.events]


# (language, sentence): a future verb in another clause does not make a past visit planned
PAST = [
    ("es", "Anna Berg visitó a Omar Haddad el 2 de marzo, y el año que viene se firmará otro "
           "acuerdo."),
    ("fr", "Anna Berg a rencontré Omar Haddad le 2 mars, qui se rendra à Paris en mai."),
]


@pytest.mark.parametrize(("language", "text"), PAST)
def test_events_clauses_future_in_other_clause_is_not_planned(language: str, text: str) -> None:
    doc = EventStage()(make_doc(text, language, ENTS, published="2025-03-04"))
    first = [e for e in doc.events if e.type in {"visit", "meeting"}]
    assert first and first[0].status == "happened", [(e.trigger, e.status) for e in doc.events]


C = ("country", "country:KZ")
D = ("country", "country:UZ")
NATIONS = {"Kazakhstan": C, "Uzbekistan": D, "Казахстан": C, "Узбекистан": D, "Kazakistan": C,
           "Özbekistan": D, "Kazajistán": C, "Uzbekistán": D, "Cazaquistão": C, "Usbequistão": D,
           "Kasachstan": C, "Usbekistan": D, "Ouzbékistan": D}

# (language, text): a commission session whose holders the next sentence names
COCHAIRS = [
    ("en", "The intergovernmental commission of Kazakhstan and Uzbekistan met in Tashkent on "
           "14 April. The commission is co-chaired by Anna Berg and Omar Haddad."),
    ("ru", "14 апреля в Ташкенте прошло заседание межправительственной комиссии Казахстана и "
           "Узбекистана. Сопредседателями комиссии являются Анна Берг и Омар Хаддад."),
    ("es", "La comisión intergubernamental de Kazajistán y Uzbekistán se reunió el 14 de abril. "
           "La reunión fue copresidida por Anna Berg y Omar Haddad."),
    ("fr", "La commission intergouvernementale du Kazakhstan et de l'Ouzbékistan s'est réunie le "
           "14 avril. Elle était coprésidée par Anna Berg et Omar Haddad."),
    ("de", "Die Regierungskommission von Kasachstan und Usbekistan tagte am 14. April. Die "
           "Sitzung fand unter dem Vorsitz von Anna Berg und Omar Haddad statt."),
]


@pytest.mark.parametrize(("language", "text"), COCHAIRS)
def test_events_clauses_cochairs_of_next_sentence_are_actors(language: str, text: str) -> None:
    ents = {**ENTS, **NATIONS, "Омар Хаддад": B}
    doc = EventStage()(make_doc(text, language, ents, published="2025-04-15"))
    sessions = [e for e in doc.events if e.type in {"forum", "meeting"}]
    assert sessions, [e.trigger for e in doc.events]
    assert {A[1], B[1]} <= set(sessions[0].actors), sessions[0].actors


# (language, text): the person cited as the source of the news is not a party to it
SOURCES = [
    ("ru", "Как сообщил помощник президента Омар Хаддад, Анна Берг провела переговоры в "
           "Узбекистане."),
    ("en", "According to the adviser Omar Haddad, Anna Berg held talks in Uzbekistan."),
    ("pt", "Segundo o conselheiro do governo, Omar Haddad, Anna Berg se reuniu no Usbequistão."),
    ("tr", "Omar Haddad'a göre Anna Berg Özbekistan'da görüşmeler yaptı."),
]


@pytest.mark.parametrize(("language", "text"), SOURCES)
def test_events_clauses_cited_source_is_not_actor(language: str, text: str) -> None:
    ents = {**ENTS, **NATIONS, "Омар Хаддад": B}
    doc = EventStage()(make_doc(text, language, ents, published="2025-04-15"))
    assert doc.events, "the talks must be found"
    assert all(B[1] not in e.actors for e in doc.events), [e.actors for e in doc.events]


def test_cue_spans_are_the_matches_of_the_pattern() -> None:
    from dossier.extract.triggers import cue_spans, trigger_lex

    cues = trigger_lex("en").planned
    assert cues is not None
    text = "The minister will visit Rome next month and is expected to sign a deal."
    assert cue_spans(cues, text) == tuple(m.span() for m in cues.finditer(text))
    assert cue_spans(cues, "The ministers met in Rome yesterday.") == ()
