"""Per-document event precision: background reports, references to the page's own visit,
wrong-type actors, datelines, figure periods, German capitalised nouns."""

from __future__ import annotations

import pytest

from dossier.extract.agreements import find_agreements
from dossier.extract.events import EventStage, find_triggers
from dossier.model import Document, Figure
from tests.test_events_util import make_doc

PUTIN = ("person", "person:vladimir putin")
XI = ("person", "person:xi jinping")
ERDOGAN = ("person", "person:recep tayyip erdogan")
TEBBOUNE = ("person", "person:abdelmadjid tebboune")
RU = ("country", "country:RU")
KZ = ("country", "country:KZ")
IT = ("country", "country:IT")
CN = ("country", "country:CN")


def _run(doc: Document) -> Document:
    return EventStage()(doc)


# (language, text, entities, published): the only event is years before the page's news
BACKGROUND = [
    ("it", "Tebboune aveva visitato l'Italia l'ultima volta nel 2022.",
     {"Tebboune": TEBBOUNE, "Italia": IT}, "2025-07-23"),
    ("en", "Tebboune last visited Italy in 2022.", {"Tebboune": TEBBOUNE, "Italy": IT},
     "2025-07-23"),
    ("ru", "Межправкомиссия России и Казахстана была создана в 1995 году.",
     {"России": RU, "Казахстана": KZ}, "2025-05-15"),
    ("de", "Tebboune besuchte Italien zuletzt im Jahr 2022.",
     {"Tebboune": TEBBOUNE, "Italien": IT}, "2025-07-23"),
    ("tr", "Tebboune, İtalya'yı en son 2022 yılında ziyaret etmişti.",
     {"Tebboune": TEBBOUNE, "İtalya": IT}, "2025-07-23"),
]


@pytest.mark.parametrize(("language", "text", "entities", "published"), BACKGROUND)
def test_events_precision_background_dropped(language: str, text: str,
                                             entities: dict[str, tuple[str, str]],
                                             published: str) -> None:
    assert _run(make_doc(text, language, entities, published=published)).events == []
    # the same sentence in a page written that year is news
    year = next(y for y in ("1995", "2022") if y in text)
    assert len(_run(make_doc(text, language, entities, published=f"{year}-12-01")).events) == 1


# (language, text): the visit itself, then a sentence that refers to it
REFERENCES = [
    ("ru", "Си Цзиньпин прибыл в Москву с государственным визитом. Путин и Си Цзиньпин "
     "провели переговоры. В ходе визита Путин подписал около 20 документов."),
    ("en", "Xi Jinping arrived in Moscow on a state visit. During the visit Putin signed 20 "
     "documents."),
    ("tr", "Xi Jinping Moskova'ya resmi ziyaret gerçekleştirdi. Ziyaret kapsamında Putin 20 "
     "belge imzaladı."),
    ("pt", "Xi Jinping fez uma visita de Estado a Moscovo. Durante a visita, Putin assinou 20 "
     "documentos."),
    ("de", "Xi Jinping kam zu einem Staatsbesuch nach Moskau. Während des Besuchs "
     "unterzeichnete Putin 20 Dokumente."),
]


@pytest.mark.parametrize(("language", "text"), REFERENCES)
def test_events_precision_reference_joins_visit(language: str, text: str) -> None:
    ents = {"Си Цзиньпин": XI, "Xi Jinping": XI, "Путин": PUTIN, "Putin": PUTIN}
    doc = _run(make_doc(text, language, ents, published="2025-05-08"))
    visits = [e for e in doc.events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].sentence == 0


# (language, text, the guessed "person" that names a document or a corridor)
WRONG_TYPE = [
    ("tr", "Erdoğan ve Aliyev Ankara'da görüştü; Şuşa Beyannamesi ele alındı.",
     "Şuşa Beyannamesi"),
    ("tr", "Erdoğan ve Aliyev Ankara'da görüştü; Orta Koridor ele alındı.", "Orta Koridor"),
    ("it", "Meloni ha incontrato Tebboune a Roma per parlare del Piano Mattei.", "Piano Mattei"),
    ("en", "Erdogan met Aliyev at the Presidential Complex in Ankara.", "Presidential Complex"),
    ("ru", "Путин встретился с Си Цзиньпином; обсуждался газопровод Сила Сибири.",
     "газопровод Сила Сибири"),
]


@pytest.mark.parametrize(("language", "text", "name"), WRONG_TYPE)
def test_events_precision_guessed_person_not_actor(language: str, text: str, name: str) -> None:
    ents = {"Erdoğan": ERDOGAN, "Erdogan": ERDOGAN, "Aliyev": ("person", "person:ilham aliyev"),
            "Meloni": ("person", "person:giorgia meloni"), "Tebboune": TEBBOUNE,
            "Путин": PUTIN, "Си Цзиньпином": XI, name: ("person", f"person:{name.lower()}")}
    doc = make_doc(text, language, ents, published="2025-03-12")
    for m in doc.mentions:
        m.source = "shape" if m.text == name else "gazetteer"
    events = _run(doc).events
    assert events and all(f"person:{name.lower()}" not in e.actors for e in events)
    assert any(len([a for a in e.actors if a.startswith("person:")]) == 2 for e in events)


@pytest.mark.parametrize(("language", "text", "titled"), [
    ("ru", "Как сообщил помощник президента РФ Юрий Ушаков, Путин провел переговоры.", True),
    ("pt", "Segundo o conselheiro diplomático Iuri Ushakov, Putin teve conversações.", True),
    ("it", "Meloni ha ricevuto a Villa Doria Pamphilj il presidente Tebboune.", False),
])
def test_events_precision_titled_guess_is_person(language: str, text: str, titled: bool) -> None:
    from dossier.extract.eventfilter import confirmed_persons

    guess = next(n for n in ("Юрий Ушаков", "Iuri Ushakov", "Villa Doria Pamphilj") if n in text)
    doc = make_doc(text, language, {guess: ("person", "person:guess")})
    doc.mentions[0].source = "shape"
    assert ("person:guess" in confirmed_persons(doc)) is titled


@pytest.mark.parametrize(("language", "text", "agency"), [
    ("tr", "ANKARA (AA) - Erdoğan, Aliyev ile Ankara'da görüştü.", "AA"),
    ("pt", "Moscovo, 08 mai 2025 (Lusa) - Putin e Xi Jinping se reuniram no Kremlin.", "Lusa"),
    ("de", "Astana (dpa) - Tokajew hat Reiche in Astana empfangen.", "dpa"),
])
def test_events_precision_agency_not_actor(language: str, text: str, agency: str) -> None:
    ents = {"Erdoğan": ERDOGAN, "Aliyev": ("person", "person:ilham aliyev"), "Putin": PUTIN,
            "Xi Jinping": XI, "Tokajew": ("person", "person:tokayev"),
            "Reiche": ("person", "person:reiche"), agency: ("organization", "org:agency")}
    events = _run(make_doc(text, language, ents, published="2025-05-08")).events
    assert events and all("org:agency" not in e.actors for e in events)


@pytest.mark.parametrize(("language", "text", "figure", "period"), [
    ("tr", "Erdoğan, ortak basın toplantısında ticaret hacminin geçen yıl 7,5 milyar dolara "
     "ulaştığını belirtti.", "7,5 milyar dolara", "2024"),
    ("en", "At a joint press conference, Aliyev said trade reached $6.9 billion in 2024.",
     "$6.9 billion", "2024"),
])
def test_events_precision_figure_period_not_event_date(language: str, text: str, figure: str,
                                                       period: str) -> None:
    doc = make_doc(text, language, {"Erdoğan": ERDOGAN, "Aliyev": ERDOGAN},
                   published="2025-03-12")
    start = text.index(figure)
    doc.figures = [Figure(sentence=0, start=start, end=start + len(figure), surface=figure,
                          quote=text, value=1.0, unit="USD", period=period)]
    events = _run(doc).events
    assert [e.type for e in events] == ["statement"] and events[0].date != period


def test_events_precision_german_verb_is_no_meeting() -> None:
    assert find_triggers('"Wir werden eine Entscheidung treffen", sagte Merz.', "de") == []
    assert [t.type for t in find_triggers("Das Treffen fand in Paris statt.", "de")] == ["meeting"]


@pytest.mark.parametrize(("language", "text", "names"), [
    ("de", "Deutschland und Frankreich wollen enger zusammenarbeiten, sagten Deutschland und "
     "Frankreich. Auch die Ukraine war Thema. Der Kanzler betonte, der Aachener Vertrag von "
     "2019 bleibe die Grundlage.", ("Deutschland", "Frankreich", "Ukraine")),
    ("fr", "La France et l'Allemagne veulent relancer leur moteur, disent la France et "
     "l'Allemagne. Ils ont évoqué l'Ukraine. Le traité d'Aix-la-Chapelle, signé en 2019, "
     "prévoit ce conseil.", ("Allemagne", "France", "Ukraine")),
])
def test_agreements_parties_from_own_sentence(language: str, text: str,
                                              names: tuple[str, str, str]) -> None:
    keys = ("country:DE", "country:FR", "country:UA")
    doc = make_doc(text, language, {n: ("country", k) for n, k in zip(names, keys, strict=True)})
    found = find_agreements(doc)
    assert [sorted(a.parties) for a in found] == [["country:DE", "country:FR"]]
