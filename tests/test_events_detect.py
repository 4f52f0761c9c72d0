"""Per-document events: triggers per language, actors, place, date, planned vs happened."""

from __future__ import annotations

import pytest

from dossier.extract.events import EventStage, find_triggers
from tests.test_events_util import make_doc

PUTIN = ("person", "person:vladimir putin")
TOKAYEV = ("person", "person:kassym-jomart tokayev")
KZ = ("country", "country:KZ")
RU = ("country", "country:RU")
MOSCOW = ("place", "place:524901")
ASTANA = ("place", "place:1526273")

# (language, sentence, entities, type, date, place)
VISITS = [
    ("en", "Russian President Vladimir Putin paid a state visit to Kazakhstan on November 27, "
     "2024.", {"Vladimir Putin": PUTIN, "Kazakhstan": KZ}, "2024-11-27", "country:KZ"),
    ("pt", "O presidente Vladimir Putin fez uma visita de Estado ao Cazaquistão em 27 de "
     "novembro de 2024.", {"Vladimir Putin": PUTIN, "Cazaquistão": KZ}, "2024-11-27",
     "country:KZ"),
    ("it", "Il Presidente kazako Tokayev è giunto a Mosca per una visita di stato il 12 "
     "novembre 2025.", {"Tokayev": TOKAYEV, "Mosca": MOSCOW}, "2025-11-12", "place:524901"),
    ("es", "El presidente Tokayev realizó una visita de Estado a Moscú el 12 de noviembre de "
     "2025.", {"Tokayev": TOKAYEV, "Moscú": MOSCOW}, "2025-11-12", "place:524901"),
    ("fr", "Le président Tokaïev a effectué une visite d'État à Moscou le 12 novembre 2025.",
     {"Tokaïev": TOKAYEV, "Moscou": MOSCOW}, "2025-11-12", "place:524901"),
    ("de", "Präsident Tokajew reiste am 12. November 2025 zu einem Staatsbesuch nach Moskau.",
     {"Tokajew": TOKAYEV, "Moskau": MOSCOW}, "2025-11-12", "place:524901"),
    ("ru", "Президент Казахстана Токаев 12 ноября 2025 года прибыл с государственным визитом "
     "в Москву.", {"Токаев": TOKAYEV, "Казахстана": KZ, "Москву": MOSCOW}, "2025-11-12",
     "place:524901"),
    ("tr", "Kazakistan Cumhurbaşkanı Tokayev 12 Kasım 2025 tarihinde Moskova'ya resmi bir "
     "ziyaret gerçekleştirdi.", {"Tokayev": TOKAYEV, "Kazakistan": KZ, "Moskova": MOSCOW},
     "2025-11-12", "place:524901"),
    ("kk", "Қазақстан Президенті Тоқаев 2025 жылғы 12 қарашада Мәскеуге мемлекеттік сапармен "
     "барды.", {"Тоқаев": TOKAYEV, "Қазақстан": KZ, "Мәскеу": MOSCOW}, "2025-11-12",
     "place:524901"),
]


@pytest.mark.parametrize(("language", "text", "entities", "date", "place"), VISITS)
def test_events_detect_visit(language: str, text: str, entities: dict[str, tuple[str, str]],
                             date: str, place: str) -> None:
    doc = EventStage()(make_doc(text, language, entities))
    visits = [e for e in doc.events if e.type == "visit"]
    assert len(visits) == 1
    ev = visits[0]
    assert ev.date == date and ev.place == place and ev.status == "happened"
    assert ev.plover == "CONSULT:visit"
    assert entities and set(k for _, k in entities.values() if not k.startswith("place:")) \
        <= set(ev.actors)
    assert ev.quote == doc.sentences[ev.sentence].text


@pytest.mark.parametrize(("language", "text", "etype"), [
    ("en", "Putin and Tokayev held talks in the Kremlin.", "meeting"),
    ("en", "Putin and Tokayev signed a joint statement.", "statement"),
    ("pt", "Putin e Tokayev assinaram a declaração.", "agreement"),
    ("it", "Putin e Tokayev hanno partecipato al Forum interregionale.", "forum"),
    ("es", "Putin y Tokayev mantuvieron conversaciones en Moscú.", "meeting"),
    ("fr", "Putin et Tokaïev ont participé au sommet de l'OTSC.", "forum"),
    ("de", "Putin und Tokajew führten Gespräche im Kreml.", "meeting"),
    ("ru", "Путин и Токаев провели переговоры в Кремле.", "meeting"),
    ("tr", "Putin ve Tokayev Kremlin'de bir araya geldi.", "meeting"),
    ("kk", "Путин мен Тоқаев Кремльде келіссөздер жүргізді.", "meeting"),
    ("ru", "Путин и Токаев подписали декларацию.", "agreement"),
    ("tr", "Putin ve Tokayev deklarasyonu imzaladı.", "agreement"),
    ("kk", "Путин мен Тоқаев декларацияға қол қойды.", "agreement"),
])
def test_events_detect_trigger_types(language: str, text: str, etype: str) -> None:
    assert etype in {t.type for t in find_triggers(text, language)}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Putin and Tokayev held a telephone conversation on Tuesday."),
    ("ru", "Путин и Токаев провели телефонный разговор."),
    ("it", "Putin e Tokayev hanno avuto una conversazione telefonica."),
])
def test_events_detect_phone_call_mode(language: str, text: str) -> None:
    ents = {"Putin": PUTIN, "Tokayev": TOKAYEV, "Токаев": TOKAYEV, "Путин": PUTIN}
    doc = EventStage()(make_doc(text, language, ents, published="2025-11-13"))
    assert [e.plover for e in doc.events] == ["CONSULT:phone"]


@pytest.mark.parametrize(("language", "text", "date"), [
    ("en", "Tokayev invited Putin to pay a state visit to Kazakhstan next year.", "2026"),
    ("it", "Tokayev ha invitato Putin a effettuare una visita di stato in Kazakistan l'anno "
     "prossimo.", "2026"),
    ("pt", "Putin visitará o Cazaquistão no próximo ano, a convite de Tokayev.", "2026"),
    ("es", "Putin visitará Kazajistán el próximo año por invitación de Tokayev.", "2026"),
    ("fr", "Poutine se rendra au Kazakhstan l'année prochaine, à l'invitation de Tokaïev.",
     "2026"),
    ("de", "Putin wird Kasachstan im nächsten Jahr einen Staatsbesuch abstatten.", "2026"),
    ("ru", "Путин посетит Казахстан с государственным визитом в следующем году.", "2026"),
    ("tr", "Putin gelecek yıl Kazakistan'a resmi bir ziyaret gerçekleştirecek.", "2026"),
    ("kk", "Путин келесі жылы Қазақстанға мемлекеттік сапармен келеді.", "2026"),
    ("en", "In comments published ahead of his state visit to Moscow, Tokayev praised Putin.",
     None),
])
def test_events_detect_planned(language: str, text: str, date: str | None) -> None:
    ents = {n: PUTIN for n in ("Putin", "Путин", "Poutine")}
    ents.update({n: TOKAYEV for n in ("Tokayev", "Tokaïev")})
    doc = EventStage()(make_doc(text, language, ents, published="2025-11-12"))
    visits = [e for e in doc.events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].status == "planned" and visits[0].date == date


@pytest.mark.parametrize(("language", "text"), [
    ("en", "At the invitation of Tokayev, Putin paid a state visit to Kazakhstan on November "
     "27."),
    ("it", "Su invito di Tokayev, Putin ha effettuato una visita di stato in Kazakistan il 27 "
     "novembre."),
    ("ru", "По приглашению Токаева Путин 27 ноября посетил Казахстан с государственным "
     "визитом."),
])
def test_events_detect_past_visit_is_happened(language: str, text: str) -> None:
    ents = {"Putin": PUTIN, "Путин": PUTIN, "Tokayev": TOKAYEV, "Токаева": TOKAYEV}
    doc = EventStage()(make_doc(text, language, ents, published="2024-11-28"))
    visits = [e for e in doc.events if e.type == "visit"]
    assert len(visits) == 1
    assert visits[0].status == "happened" and visits[0].date == "2024-11-27"


@pytest.mark.parametrize("language", ["it"])
def test_events_detect_heading_dates_section(language: str) -> None:
    text = ("I Colloqui Ufficiali e i Documenti Firmati (12 novembre 2025)\n"
            "I Presidenti Putin e Tokayev si sono incontrati al Cremlino per colloqui formali.")
    doc = EventStage()(make_doc(text, language, {"Putin": PUTIN, "Tokayev": TOKAYEV}))
    meetings = [e for e in doc.events if e.type == "meeting"]
    assert [e.date for e in meetings] == ["2025-11-12"]


@pytest.mark.parametrize("language", ["it", "en"])
def test_events_detect_repeats_merge(language: str) -> None:
    text = {
        "it": ("Visita di Stato al Cremlino del Presidente Tokayev\n"
               "Mosca, 12 novembre – Putin ha accolto Tokayev per la sua visita di stato.\n"
               "Visita di Stato al Cremlino del Presidente Tokayev\n"
               "Tokayev ha invitato Putin a una visita di stato l'anno prossimo."),
        "en": ("Tokayev's state visit to Moscow\n"
               "Moscow, November 12 – Putin welcomed Tokayev on his state visit.\n"
               "Tokayev's state visit to Moscow\n"
               "Tokayev invited Putin to pay a state visit next year."),
    }[language]
    doc = EventStage()(make_doc(text, language, {"Putin": PUTIN, "Tokayev": TOKAYEV},
                                published="2025-11-12"))
    visits = sorted((e.date or "", e.status) for e in doc.events if e.type == "visit")
    assert visits == [("2025-11-12", "happened"), ("2026", "planned")]


@pytest.mark.parametrize("language", ["en", "pt"])
def test_events_detect_needs_actors(language: str) -> None:
    text = {"en": "The visit takes place at a critical moment.",
            "pt": "A visita ocorre em um momento crítico."}[language]
    assert EventStage()(make_doc(text, language, {})).events == []


@pytest.mark.parametrize(("language", "text"), [
    ("en", "A French minister has cancelled a planned visit to Kazakhstan."),
    ("en", "Putin rejected an offer of talks with Tokayev."),
    ("it", "La visita di Putin in Kazakistan è stata annullata."),
    ("es", "La visita de Putin a Kazajistán fue aplazada."),
    ("fr", "La visite de Poutine au Kazakhstan a été reportée."),
    ("de", "Der Besuch von Putin in Kasachstan wurde abgesagt."),
    ("ru", "Визит Путина в Казахстан был отменён."),
    ("tr", "Putin'in Kazakistan ziyareti ertelendi."),
    ("pt", "A visita de Putin ao Cazaquistão foi cancelada."),
])
def test_events_detect_cancelled_is_no_event(language: str, text: str) -> None:
    ents = {n: PUTIN for n in ("Putin", "Путина", "Poutine")}
    ents.update({"Tokayev": TOKAYEV, "Kazakhstan": KZ})
    assert EventStage()(make_doc(text, language, ents)).events == []


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Москва, 12 ноября. Путин и Токаев провели переговоры в рамках государственного "
     "визита.\nТокаев пригласил Путина посетить Казахстан с государственным визитом в "
     "следующем году."),
    ("en", "Moscow, November 12. Putin and Tokayev held talks during the state visit.\n"
     "Tokayev invited Putin to pay a state visit to Kazakhstan next year."),
])
def test_events_detect_invitation_without_publication_date(language: str, text: str) -> None:
    ents = {n: PUTIN for n in ("Putin", "Путин", "Путина")}
    ents.update({n: TOKAYEV for n in ("Tokayev", "Токаев")})
    doc = EventStage()(make_doc(text, language, ents, published=None))
    visits = sorted((e.status, e.date or "") for e in doc.events if e.type == "visit")
    assert visits == [("happened", "--11-12"), ("planned", "")]


UN = ("organization", "org:un")
SCO = ("organization", "org:sco")

# (language, sentence): the trigger is a common noun before or after a list of organisations
GENERIC = [
    ("it", "I due Paesi coordinano le loro posizioni in forum come l'ONU e la SCO."),
    ("en", "The two countries coordinate positions in forums such as the UN and the SCO."),
    ("es", "Ambos países coordinan sus posiciones en foros como la ONU y la SCO."),
    ("tr", "İki ülke ONU ve SCO gibi forumlarda tutumlarını koordine ediyor."),
    ("ru", "Страны координируют позиции на форумах, таких как ООН и ШОС."),
]


@pytest.mark.parametrize(("language", "text"), GENERIC)
def test_events_detect_generic_nouns_are_not_events(language: str, text: str) -> None:
    ents = {"ONU": UN, "UN": UN, "ООН": UN, "SCO": SCO, "ШОС": SCO}
    doc = EventStage()(make_doc(text, language, ents, published="2025-11-12"))
    assert [e for e in doc.events if e.type == "forum"] == []


@pytest.mark.parametrize(("language", "text", "author"), [
    ("it", "Patrizia Boi (BRICS) - Mosca, 12 novembre – Il Presidente Vladimir Putin ha "
     "accolto Tokayev per una visita di stato.", "Patrizia Boi"),
    ("en", "By John Smith - Moscow, November 12 – Vladimir Putin received Tokayev on a state "
     "visit.", "John Smith"),
])
def test_events_detect_byline_is_not_an_actor(language: str, text: str, author: str) -> None:
    ents = {author: ("person", f"person:{author.lower()}"), "Vladimir Putin": PUTIN,
            "Tokayev": TOKAYEV, "BRICS": ("organization", "org:brics")}
    doc = make_doc(text, language, ents, published="2025-11-12")
    doc.author = author
    visits = [e for e in EventStage()(doc).events if e.type == "visit"]
    assert len(visits) == 1
    assert f"person:{author.lower()}" not in visits[0].actors
    assert "org:brics" not in visits[0].actors and PUTIN[1] in visits[0].actors


# (language, sentence): a reception is a meeting, dated by its own day
RECEIVED = [
    ("de", "Ministerin Reiche ist am 14. Oktober in Astana von Präsident Tokajew empfangen "
     "worden.", "--10-14"),
    ("tr", "Cumhurbaşkanı Erdoğan, 3 Nisan'da Tokayev'i kabul etti.", "--04-03"),
]


@pytest.mark.parametrize(("language", "text", "date"), RECEIVED)
def test_events_detect_reception_is_a_meeting(language: str, text: str, date: str) -> None:
    ents = {"Reiche": ("person", "person:reiche"), "Tokajew": TOKAYEV, "Tokayev": TOKAYEV,
            "Erdoğan": ("person", "person:erdogan"), "Astana": ASTANA}
    doc = EventStage()(make_doc(text, language, ents))
    assert [(e.type, e.date) for e in doc.events] == [("meeting", date)]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Rosatom said the sides will sign agreements on a nuclear plant."),
    ("it", "Secondo Rosatom i Paesi sono vicini alla firma di accordi per una centrale nucleare."),
])
def test_events_detect_planned_mention_without_anchor_is_dropped(language: str,
                                                                 text: str) -> None:
    ents = {"Rosatom": ("organization", "org:rosatom")}
    doc = EventStage()(make_doc(text, language, ents, published="2025-11-12"))
    assert doc.events == []
    # the same plan with a date of its own is an event
    dated = text.replace("Rosatom", "Rosatom, il 3 dicembre 2025," if language == "it"
                         else "Rosatom, on 3 December 2025,", 1)
    doc = EventStage()(make_doc(dated, language, ents, published="2025-11-12"))
    assert [e.status for e in doc.events] == ["planned"]
