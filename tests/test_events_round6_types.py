"""Round 6: a bilateral or intergovernmental summit is a meeting (a visit's class in fusion),
a summit of an organisation stays a forum; the same summit reported in two languages fuses."""

from __future__ import annotations

import pytest

from dossier.extract.triggers import find_triggers
from dossier.model import DocEvent, Document
from dossier.resolve.events import fuse_events


@pytest.mark.parametrize(("language", "text", "etype"), [
    ("fr", "Anna Berg et Omar Haddad ont coprésidé le 3e Sommet intergouvernemental.", "meeting"),
    ("it", "Al termine del terzo vertice intergovernativo a Napoli.", "meeting"),
    ("en", "The two leaders held the first bilateral summit in Oslo.", "meeting"),
    ("de", "Beim bilateralen Gipfeltreffen in Wien sprachen beide.", "meeting"),
    ("ru", "На двустороннем саммите в Минске стороны обсудили торговлю.", "meeting"),
    ("pt", "A cimeira luso-cabo-verdiana decorreu na Praia.", "meeting"),
    ("es", "La cumbre bilateral se celebró en Lima.", "meeting"),
    ("fr", "Anna Berg a participé au sommet de l'Union africaine.", "forum"),
    ("en", "Anna Berg attended the summit of the Arctic Council.", "forum"),
])
def test_events_round6_summit_types(language: str, text: str, etype: str) -> None:
    assert [t.type for t in find_triggers(text, language)] == [etype]


def _doc(doc_id: str, language: str, ev: DocEvent) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", language=language,
                    published="2024-04-10", text=ev.quote, events=[ev])


def test_events_round6_summit_fuses_with_the_talks_of_another_report() -> None:
    actors = ["person:anna berg", "person:omar haddad", "country:NO", "country:PE"]
    summit = DocEvent(type="meeting", status="happened", date="2024-04-10", actors=actors,
                      trigger="sommet intergouvernemental", sentence=0,
                      quote="Anna Berg et Omar Haddad ont coprésidé le sommet intergouvernemental.")
    talks = DocEvent(type="visit", status="happened", date="2024-04-10", actors=actors,
                     trigger="visita di Stato", sentence=0,
                     quote="Omar Haddad, in visita di Stato, ha incontrato Anna Berg.")
    events = fuse_events([_doc("a", "fr", summit), _doc("b", "it", talks)], {})
    assert [sorted(e.documents) for e in events] == [["a", "b"]]


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "В Минске прошло заседание Комитета по сотрудничеству."),
    ("kk", "Минскіде ынтымақтастық комитетінің 5-отырысы өтті."),
    ("de", "In Wien fand die dritte Sitzung des Komitees statt."),
    ("en", "The fourth session of the joint committee opened in Oslo."),
    ("pt", "A II Sessão da Comissão Mista decorreu em Maputo."),
])
def test_events_round6_committee_session_is_a_meeting(language: str, text: str) -> None:
    assert "meeting" in {t.type for t in find_triggers(text, language)}


def _signing(doc_id: str, persons: list[str]) -> Document:
    ev = DocEvent(type="agreement", status="happened", date="2024-04-10",
                  actors=[*persons, "country:NO", "country:PE"], trigger="signed", sentence=0,
                  quote="They signed a plan.")
    return _doc(doc_id, "en", ev)


def test_events_round6_partial_name_fuses_beside_a_shared_person() -> None:
    # "Anna" is Anna Berg where both reports name Omar Haddad on the same day
    docs = [_signing("a", ["person:anna", "person:omar haddad"]),
            _signing("b", ["person:anna berg", "person:omar haddad"])]
    assert [sorted(e.documents) for e in fuse_events(docs, {})] == [["a", "b"]]


def test_events_round6_partial_name_alone_does_not_fuse() -> None:
    # no person shared as is: "Anna" alone names nobody in particular
    docs = [_signing("a", ["person:anna", "person:luis roca"]),
            _signing("b", ["person:anna berg", "person:omar haddad"])]
    assert len(fuse_events(docs, {})) == 2
