"""Cross-document fusion: one Event / Agreement per real event or document."""

from __future__ import annotations

import pytest

from dossier.extract.events import EventStage
from dossier.model import Document
from dossier.resolve.events import fuse_agreements, fuse_events, place_country
from tests.test_events_util import make_doc

ENTITY_OF = {
    "person:vladimir putin": "e-putin", "person:putin": "e-putin",
    "person:kassym-jomart tokayev": "e-tokayev", "person:qasym-zhomart toqaev": "e-tokayev",
    "country:RU": "e-ru", "country:KZ": "e-kz", "place:524901": "e-moscow",
    "place:1526273": "e-astana", "place:kremlin": "e-kremlin",
}
PUTIN = ("person", "person:vladimir putin")
TOKAYEV = ("person", "person:kassym-jomart tokayev")
TOQAEV = ("person", "person:qasym-zhomart toqaev")
KZ = ("country", "country:KZ")
RU = ("country", "country:RU")
ASTANA = ("place", "place:1526273")
MOSCOW = ("place", "place:524901")
KREMLIN = ("place", "place:kremlin")


def _doc(doc_id: str, language: str, text: str, ents: dict[str, tuple[str, str]],
         published: str | None = None) -> Document:
    return EventStage()(make_doc(text, language, ents, published=published, doc_id=doc_id))


def _visit_2024() -> list[Document]:
    return [
        _doc("pt", "pt", "Ao chegar em Astana no dia 27 de novembro, Vladimir Putin é recebido "
             "por Toqaev em sua visita de estado ao Cazaquistão.",
             {"Astana": ASTANA, "Vladimir Putin": PUTIN, "Toqaev": TOQAEV,
              "Cazaquistão": KZ}),
        _doc("en", "en", "At the invitation of Kassym-Jomart Tokayev, Russian President "
             "Vladimir Putin paid a state visit to Kazakhstan from November 27-28.",
             {"Kassym-Jomart Tokayev": TOKAYEV, "Vladimir Putin": PUTIN, "Kazakhstan": KZ},
             published="2024-11-27"),
        _doc("it", "it", "Il presidente Vladimir Putin ha effettuato una visita di stato ad "
             "Astana il 27 novembre 2024, accolto da Tokayev.",
             {"Vladimir Putin": PUTIN, "Astana": ASTANA, "Tokayev": TOKAYEV}),
    ]


def _visit_2025() -> list[Document]:
    return [
        _doc("it25", "it", "Mosca, Cremlino, 12 novembre – Vladimir Putin ha accolto Kassym-"
             "Jomart Tokayev al Cremlino per la sua visita di stato.",
             {"Vladimir Putin": PUTIN, "Kassym-Jomart Tokayev": TOKAYEV, "Cremlino": KREMLIN},
             published="2025-11-12"),
        _doc("en25", "en", "In comments published ahead of his state visit to Moscow, Kassym-"
             "Jomart Tokayev praised Vladimir Putin.",
             {"Moscow": MOSCOW, "Kassym-Jomart Tokayev": TOKAYEV, "Vladimir Putin": PUTIN}),
    ]


@pytest.mark.parametrize("languages", [("pt", "en", "it")])
def test_fusion_events_same_visit_in_three_languages(languages: tuple[str, ...]) -> None:
    docs = _visit_2024()
    assert tuple(d.language for d in docs) == languages
    visits = [e for e in fuse_events(docs, ENTITY_OF) if e.type == "visit"]
    assert len(visits) == 1
    ev = visits[0]
    assert sorted(ev.documents) == sorted(languages)
    assert ev.date == "2024-11-27"  # the Portuguese report's "27 de novembro" gets its year
    assert {"e-putin", "e-tokayev"} <= set(ev.actors)
    assert {x.document for x in ev.evidence} == set(languages)


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_fusion_events_visits_a_year_apart_stay_apart(order: str) -> None:
    docs = _visit_2024() + _visit_2025()
    if order == "reverse":
        docs.reverse()
    visits = sorted((e for e in fuse_events(docs, ENTITY_OF) if e.type == "visit"),
                    key=lambda e: e.date or "")
    assert [v.date for v in visits] == ["2024-11-27", "2025-11-12"]
    assert sorted(visits[1].documents) == ["en25", "it25"]  # undated, but Moscow is Russia


@pytest.mark.parametrize("language", ["it"])
def test_fusion_events_planned_visit_next_year_is_separate(language: str) -> None:
    invite = _doc("inv", language, "Kassym-Jomart Tokayev ha invitato Vladimir Putin a "
                  "effettuare una visita di stato in Kazakistan l'anno prossimo.",
                  {"Kassym-Jomart Tokayev": TOKAYEV, "Vladimir Putin": PUTIN, "Kazakistan": KZ},
                  published="2025-11-12")
    docs = [*_visit_2025(), invite]
    visits = {e.date: e for e in fuse_events(docs, ENTITY_OF) if e.type == "visit"}
    assert set(visits) == {"2025-11-12", "2026"}
    assert visits["2026"].status == "planned" and visits["2026"].documents == ["inv"]


@pytest.mark.parametrize("language", ["en"])
def test_fusion_events_ids_are_stable(language: str) -> None:
    first = [e.id for e in fuse_events(_visit_2024(), ENTITY_OF)]
    again = [e.id for e in fuse_events(_visit_2024(), ENTITY_OF)]
    assert first == again and len(set(first)) == len(first)


@pytest.mark.parametrize("language", ["pt"])
def test_fusion_events_other_leaders_do_not_fuse(language: str) -> None:
    lavrov = ("person", "person:sergei lavrov")
    lav = _doc("lav", "en", "Russian Foreign Minister Sergei Lavrov visited Kazakhstan on "
               "November 27, 2024.", {"Sergei Lavrov": lavrov, "Kazakhstan": KZ})
    docs = [*_visit_2024(), lav]
    visits = [e for e in fuse_events(docs, ENTITY_OF) if e.type == "visit"]
    assert len(visits) == 2


@pytest.mark.parametrize(("pt_title", "it_title"), [
    ("Declaração de Parceria Estratégica Abrangente",
     "Dichiarazione sul Passaggio delle Relazioni a un nuovo Livello di Partenariato "
     "Strategico Globale e Alleanza"),
])
def test_fusion_agreements_across_languages(pt_title: str, it_title: str) -> None:
    ents = {"Rússia": RU, "Cazaquistão": KZ, "Russia": RU, "Kazakistan": KZ}
    docs = [
        _doc("pt", "pt", f"Rússia e Cazaquistão assinaram, na quarta-feira (12), a {pt_title} "
             "no Kremlin.", ents),
        _doc("it", "it", f"Russia e Kazakistan hanno firmato il 12 novembre 2025 la {it_title}.",
             ents),
        _doc("it2", "it", "Russia e Kazakistan hanno firmato il 12 novembre 2025 il Programma "
             "Comprensivo per la Cooperazione Economica per il 2026–2030.", ents),
    ]
    fused = fuse_agreements(docs, ENTITY_OF)
    decl = [a for a in fused if a.kind == "declaration"]
    assert len(fused) == 2 and len(decl) == 1
    assert sorted(decl[0].documents) == ["it", "pt"]
    assert decl[0].date == "2025-11-12" and set(decl[0].parties) == {"e-ru", "e-kz"}
    assert decl[0].title.startswith("Declaration")
    assert len(decl[0].names) == 2


@pytest.mark.parametrize(("key", "country"), [
    ("place:524901", "RU"), ("country:KZ", "KZ"), ("place:kremlin", "RU"), ("org:un", None),
])
def test_fusion_events_place_country(key: str, country: str | None) -> None:
    assert place_country(key) == country


CN = ("country", "country:CN")
UZ = ("country", "country:UZ")


@pytest.mark.parametrize(("ru_text", "pt_text"), [
    ("Путин и Си Цзиньпин подписали Совместное заявление Российской Федерации и Китайской "
     "Народной Республики о дальнейшем углублении отношений.",
     "Putin e Xi assinaram uma declaração conjunta sobre o aprofundamento da parceria "
     "estratégica entre a Rússia e a China."),
])
def test_fusion_agreements_one_per_page_join(ru_text: str, pt_text: str) -> None:
    """Titles that gloss apart still fuse when each page names one declaration, that day,
    between the same countries; a third page's declaration between others stays apart."""
    ents = {"Российской Федерации": RU, "Китайской": CN, "Rússia": RU, "China": CN,
            "Cazaquistão": KZ, "Uzbequistão": UZ}
    entity_of = {**ENTITY_OF, "country:CN": "e-cn", "country:UZ": "e-uz"}
    docs = [
        _doc("ru", "ru", "МОСКВА, 8 мая – " + ru_text, ents, published="2025-05-08"),
        _doc("pt", "pt", "Moscovo, 8 de maio de 2025 – " + pt_text, ents, published="2025-05-08"),
        _doc("pt2", "pt", "Astana, 8 de maio de 2025 – O Cazaquistão e o Uzbequistão assinaram "
             "uma declaração conjunta sobre a cooperação hídrica.", ents,
             published="2025-05-08"),
    ]
    decl = [a for a in fuse_agreements(docs, entity_of) if a.kind == "declaration"]
    assert sorted(sorted(a.documents) for a in decl) == [["pt", "ru"], ["pt2"]]


@pytest.mark.parametrize(("language", "text", "date"), [
    ("es", "Madrid, 4 dic (EFE).- Pedro Sánchez y Aziz Ajanuch presidieron la Reunión de Alto "
     "Nivel. Las exportaciones crecieron un 6,4 % entre enero y septiembre de 2025.",
     "2025-12-04"),
    ("tr", "Hakan Fidan, Murat Nurtleu ile 3 Nisan'da Ankara'da bir araya geldi. Yük miktarı "
     "Ocak 2025'te arttı.", "2025-04-03"),
])
def test_fusion_events_undated_page_takes_implied_year(language: str, text: str,
                                                       date: str) -> None:
    """A page without a publication date dates "4 dic" after the latest month it reports."""
    ents = {"Pedro Sánchez": ("person", "person:pedro sanchez"),
            "Aziz Ajanuch": ("person", "person:aziz ajanuch"),
            "Hakan Fidan": ("person", "person:hakan fidan"),
            "Murat Nurtleu": ("person", "person:murat nurtleu")}
    events = fuse_events([_doc("d", language, text, ents)], ENTITY_OF)
    assert [e.date for e in events] == [date]
    # the estimate follows what the page reports, not the current year
    assert [e.date for e in fuse_events([_doc("d", language, text.replace("2025", "2023"),
                                              ents)], ENTITY_OF)] == [date.replace("2025",
                                                                                   "2023")]


@pytest.mark.parametrize("language", ["en"])
def test_fusion_agreements_planned_declaration_joins_signed(language: str) -> None:
    """"Plans to sign a declaration" (no date) joins the one declaration signed between the
    same countries; an undated agreement does not join a dated one (a visit signs many)."""
    ents = {"Russia": RU, "Kazakhstan": KZ, "Rússia": RU, "Cazaquistão": KZ}
    docs = [
        _doc("pt", "pt", "Moscovo, 12 de novembro de 2025 – Rússia e Cazaquistão assinaram a "
             "Declaração de Parceria Estratégica Abrangente e o acordo sobre energia.", ents,
             published="2025-11-12"),
        _doc("en", language, "Kazakhstan plans to sign a declaration elevating relations with "
             "Russia and an agreement on the Russian language.", ents),
    ]
    fused = fuse_agreements(docs, ENTITY_OF)
    decl = [a for a in fused if a.kind == "declaration"]
    assert len(decl) == 1 and sorted(decl[0].documents) == ["en", "pt"]
    assert all(len(a.documents) == 1 for a in fused if a.kind == "agreement")
