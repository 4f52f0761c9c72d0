"""Datelines and bylines opening a line are cut from event arguments, by their structure, in
nine languages; a sentence that merely opens with a date or a name before a dash keeps them."""

from __future__ import annotations

import pytest

from dossier.extract.dateline import dateline_spans
from dossier.extract.eventargs import arguments
from dossier.extract.eventdates import sentence_dates
from dossier.extract.events import find_triggers
from tests.test_events_util import Entities, make_doc


def _ents(**kinds: list[str]) -> Entities:
    """Surface forms by type -> make_doc's entity table (keys from the surface)."""
    return {s: (t, f"{t}:{s.casefold()}") for t, names in
            (("person", kinds.get("p", [])), ("country", kinds.get("c", [])),
             ("place", kinds.get("pl", [])), ("organization", kinds.get("o", [])))
            for s in names}


def _kept(language: str, text: str, entities: Entities, sentence: int | None = None
          ) -> set[str]:
    """Surface forms of the mentions that stay event arguments (in one sentence or all)."""
    doc = make_doc(text, language, entities)
    dates = sentence_dates(doc)
    out: set[str] = set()
    for i, sent in enumerate(doc.sentences):
        if sentence is None or i == sentence:
            ms = [m for m in doc.mentions if m.sentence == i]
            out |= {m.text for m in arguments(doc, sent, ms, dates[i])}
    return out


def _prefix(language: str, text: str, entities: Entities) -> str:
    """The dateline the text opens with ('' when none), read on across sentences that the
    splitter cut inside it ("МОСКВА, 20 августа. | /ТАСС/.")."""
    doc = make_doc(text, language, entities)
    end = 0
    for sent, dates in zip(doc.sentences, sentence_dates(doc), strict=True):
        spans = dateline_spans(sent.text, sent.start, doc.mentions, dates, language,
                               lambda s: find_triggers(s, language))
        if not spans or spans[0][0] != 0 or sent.start > end + 1:
            break
        end = sent.start + spans[0][1]
    return text[:end].strip()


# (language, text, entities, the dateline or byline as cut)
DATELINES = [
    ("en", "MOSCOW, Nov 12 (Reuters) - Putin met Tokayev in the Kremlin.",
     _ents(pl=["MOSCOW"], o=["Reuters"], p=["Putin", "Tokayev"]), "MOSCOW, Nov 12 (Reuters) -"),
    ("en", "Jane Roe (World Wire) - Astana, 5 March 2025 — Tokayev met Putin.",
     _ents(p=["Jane Roe", "Tokayev", "Putin"], pl=["Astana"]),
     "Jane Roe (World Wire) - Astana, 5 March 2025 —"),
    ("en", "ASTANA – President Tokayev received Putin at Akorda.",
     _ents(pl=["ASTANA"], p=["Tokayev", "Putin"]), "ASTANA –"),
    ("en", "By Jane Roe | Updated 12 Nov 2025", _ents(p=["Jane Roe"]),
     "By Jane Roe | Updated 12 Nov 2025"),
    ("en", "Delhi, Aug 21 (WNS) External Affairs Minister Jaishankar met Lavrov.",
     _ents(pl=["Delhi"], o=["WNS"], p=["Jaishankar", "Lavrov"]), "Delhi, Aug 21 (WNS)"),
    ("pt", "Lisboa, 12 jun (Lusa) - Portugal e Moçambique assinaram hoje um programa.",
     _ents(pl=["Lisboa"], o=["Lusa"], c=["Portugal", "Moçambique"]), "Lisboa, 12 jun (Lusa) -"),
    ("pt", "Publicado em 23/09/2025 - 18:40 Por Rita Sousa - Brasília",
     _ents(p=["Rita Sousa"], pl=["Brasília"]),
     "Publicado em 23/09/2025 - 18:40 Por Rita Sousa - Brasília"),
    ("it", "Marco Neri (AGENZIA ESTERI) - Ankara, 3 maggio – Il ministro Tajani ha visto Fidan.",
     _ents(p=["Marco Neri", "Tajani", "Fidan"], pl=["Ankara"]),
     "Marco Neri (AGENZIA ESTERI) - Ankara, 3 maggio –"),
    ("it", "(AGI) - TUNISI, 9 MAG - Tajani ha incontrato Saied.",
     _ents(o=["AGI"], pl=["TUNISI"], p=["Tajani", "Saied"]), "(AGI) - TUNISI, 9 MAG -"),
    ("it", "Redazione ANSA ROMA 16 aprile 2025 18:12", _ents(o=["ANSA"], pl=["ROMA"]),
     "Redazione ANSA ROMA 16 aprile 2025 18:12"),
    ("es", "Madrid, 4 dic (EFE).- Sánchez y Ajanuch firmaron doce acuerdos.",
     _ents(pl=["Madrid"], o=["EFE"], p=["Sánchez", "Ajanuch"]), "Madrid, 4 dic (EFE).-"),
    ("es", "Por Ana Gil | Actualizado el 5 mar 2025 a las 10:15", _ents(p=["Ana Gil"]),
     "Por Ana Gil | Actualizado el 5 mar 2025 a las 10:15"),
    ("fr", "PARIS, 5 mars (Reuters) - Macron a reçu Merz à l'Élysée.",
     _ents(pl=["PARIS"], o=["Reuters"], p=["Macron", "Merz"]), "PARIS, 5 mars (Reuters) -"),
    ("fr", "Par Claire Dubois | Le 14/03/2025 à 09h30", _ents(p=["Claire Dubois"]),
     "Par Claire Dubois | Le 14/03/2025 à 09h30"),
    ("de", "Berlin (dpa) - Merz hat Tusk im Kanzleramt empfangen.",
     _ents(pl=["Berlin"], o=["dpa"], p=["Merz", "Tusk"]), "Berlin (dpa) -"),
    ("de", "Von Anna Schmidt | Aktualisiert am 5. März 2025, 17:58 Uhr", _ents(p=["Anna Schmidt"]),
     "Von Anna Schmidt | Aktualisiert am 5. März 2025, 17:58 Uhr"),
    ("ru", "МОСКВА, 20 августа. /ТАСС/. Путин провел переговоры с Моди.",
     _ents(pl=["МОСКВА"], o=["ТАСС"], p=["Путин", "Моди"]), "МОСКВА, 20 августа. /ТАСС/."),
    ("ru", "АСТАНА, 15 мая — РИА Новости.", _ents(pl=["АСТАНА"], o=["РИА Новости"]),
     "АСТАНА, 15 мая — РИА Новости."),
    ("tr", "ANKARA (AA) - Erdoğan, Aliyev ile görüştü.",
     _ents(pl=["ANKARA"], o=["AA"], p=["Erdoğan", "Aliyev"]), "ANKARA (AA) -"),
    ("tr", "Mehmet Kaya | 14.03.2025 - Güncelleme : 14.03.2025", _ents(p=["Mehmet Kaya"]),
     "Mehmet Kaya | 14.03.2025 - Güncelleme : 14.03.2025"),
    ("kk", "АСТАНА, 5 наурыз (ҚазАқпарат) – Тоқаев Путинмен кездесті.",
     _ents(pl=["АСТАНА"], o=["ҚазАқпарат"], p=["Тоқаев", "Путинмен"]),
     "АСТАНА, 5 наурыз (ҚазАқпарат) –"),
    ("kk", "ТОКИО, 17 маусым (Kazinform) – Бектенов Исибамен кездесті.",
     _ents(pl=["ТОКИО"], o=["Kazinform"], p=["Бектенов", "Исибамен"]),
     "ТОКИО, 17 маусым (Kazinform) –"),
]


@pytest.mark.parametrize(("language", "text", "entities", "prefix"), DATELINES)
def test_eventargs_datelines_cut_by_structure(language: str, text: str, entities: Entities,
                                               prefix: str) -> None:
    assert _prefix(language, text, entities) == prefix
    inside = {s for s in entities if text.find(s) < len(prefix)}
    assert _kept(language, text, entities) == set(entities) - inside


# (language, text, entities): a sentence that opens with a date, a name before a dash or a
# title-case headline; every name stays an argument
NOT_DATELINES = [
    ("en", "On 4 March Putin met Tokayev in Astana – their third meeting this year.",
     _ents(p=["Putin", "Tokayev"], pl=["Astana"])),
    ("en", "Putin and Tokayev met on 4 March – a day before the summit – in Astana.",
     _ents(p=["Putin", "Tokayev"], pl=["Astana"])),
    ("en", "Putin, 4 March – the Kremlin confirmed the talks with Tokayev.",
     _ents(p=["Putin", "Tokayev"])),
    ("en", "Kazakhstan – Russia's largest neighbour – signed the treaty on 4 March.",
     _ents(c=["Kazakhstan", "Russia"])),
    ("en", "Tokayev Meets Putin in Astana | 12 November 2025", _ents(p=["Tokayev", "Putin"],
                                                                     pl=["Astana"])),
    ("pt", "Lula e Montenegro reuniram-se a 12 de junho – véspera da cimeira – em Brasília.",
     _ents(p=["Lula", "Montenegro"], pl=["Brasília"])),
    ("pt", "Lula, 12 de junho – o presidente brasileiro recebeu Montenegro.",
     _ents(p=["Lula", "Montenegro"])),
    ("it", "Meloni e Tebboune si sono incontrati il 4 marzo – alla vigilia del vertice.",
     _ents(p=["Meloni", "Tebboune"])),
    ("it", "Meloni, il 4 marzo – alla vigilia del vertice – ha ricevuto Tebboune.",
     _ents(p=["Meloni", "Tebboune"])),
    ("es", "Sánchez y Ajanuch firmaron el 4 de diciembre – en Madrid – doce acuerdos.",
     _ents(p=["Sánchez", "Ajanuch"], pl=["Madrid"])),
    ("es", "Recibido por Sánchez – con honores militares – llegó Ajanuch a Madrid.",
     _ents(p=["Sánchez", "Ajanuch"], pl=["Madrid"])),
    ("fr", "Macron et Merz, le 5 mars – à la veille du sommet – ont signé un accord.",
     _ents(p=["Macron", "Merz"])),
    ("de", "Merz und Macron trafen sich am 5. März – kurz vor dem Gipfel – in Toulon.",
     _ents(p=["Merz", "Macron"], pl=["Toulon"])),
    ("de", "Bundeskanzler Merz – seit Mai im Amt – empfing Macron am 5. März.",
     _ents(p=["Merz", "Macron"])),
    ("de", "Bundeskanzler Friedrich Merz (CDU) – seit Mai im Amt – empfing Macron.",
     _ents(p=["Friedrich Merz", "Macron"])),
    ("ru", "Путин и Токаев 20 августа — в день открытия форума — провели переговоры.",
     _ents(p=["Путин", "Токаев"])),
    ("ru", "Путин, 20 августа — Кремль подтвердил переговоры с Токаевым.",
     _ents(p=["Путин", "Токаевым"])),
    ("tr", "Erdoğan ve Aliyev 12 Mart'ta – zirveden bir gün önce – Ankara'da görüştü.",
     _ents(p=["Erdoğan", "Aliyev"], pl=["Ankara"])),
    ("kk", "Тоқаев пен Мирзиёев 24 маусымда – саммит қарсаңында – келіссөз жүргізді.",
     _ents(p=["Тоқаев", "Мирзиёев"])),
]


@pytest.mark.parametrize(("language", "text", "entities"), NOT_DATELINES)
def test_eventargs_datelines_event_sentence_keeps_names(language: str, text: str,
                                                        entities: Entities) -> None:
    assert _kept(language, text, entities) == set(entities)


@pytest.mark.parametrize(("language", "text", "entities"), [
    # the splitter ends a sentence after the date; the agency opening the next one is cut
    ("kk", "Астана, 5 наурыз. ҚазАқпарат - Тоқаев Путинмен кездесті.",
     _ents(pl=["Астана"], o=["ҚазАқпарат"], p=["Тоқаев", "Путинмен"])),
    ("ru", "АСТАНА, 15 мая. Казинформ - Токаев встретился с Путиным.",
     _ents(pl=["АСТАНА"], o=["Казинформ"], p=["Токаев", "Путиным"])),
])
def test_eventargs_datelines_agency_after_split_dateline(language: str, text: str,
                                                         entities: Entities) -> None:
    people = {s for s, (kind, _) in entities.items() if kind == "person"}
    assert _kept(language, text, entities) == people


@pytest.mark.parametrize(("language", "text", "entities", "sentence", "cut"), [
    # a dateline on the line after a headline: the headline keeps its names
    ("en", "Tokayev hosts Putin in Astana\nASTANA, Nov 12 (Reuters) - The two leaders met.",
     _ents(p=["Tokayev", "Putin"], pl=["Astana", "ASTANA"], o=["Reuters"]), 1,
     {"ASTANA", "Reuters"}),
    ("ru", "Путин и Моди обсудили торговлю\nМОСКВА, 20 августа. /ТАСС/. Лидеры провели "
     "переговоры.", _ents(p=["Путин", "Моди"], pl=["МОСКВА"], o=["ТАСС"]), 1,
     {"МОСКВА", "ТАСС"}),
])
def test_eventargs_datelines_second_line(language: str, text: str, entities: Entities,
                                         sentence: int, cut: set[str]) -> None:
    doc = make_doc(text, language, entities)
    line = doc.sentences[sentence]
    assert _kept(language, text, entities, 0) == {s for s in entities
                                                  if text.find(s) < line.start}
    in_line = {m.text for m in doc.mentions if m.sentence == sentence}
    assert _kept(language, text, entities, sentence) == in_line - cut
