"""Cross-language agreement fusion by topic: kind, parties, date and concept/years agree."""

from __future__ import annotations

import pytest

from dossier.extract.events import EventStage
from dossier.extract.titles import concepts
from dossier.model import Document
from dossier.resolve.events import fuse_agreements
from tests.test_events_util import make_doc

KZ = ("country", "country:KZ")
JP = ("country", "country:JP")
ENTITY_OF = {"country:KZ": "e-kz", "country:JP": "e-jp"}

# Each page names two memoranda the same day between the same two countries, one on energy
# and one on migration, in its own words: titles gloss apart, topics do not.
PAGES = {
    "en": ("Astana, 17 June 2025 – Kazakhstan and Japan signed a memorandum on cooperation in "
           "the energy sector and a memorandum on labour migration.",
           {"Kazakhstan": KZ, "Japan": JP}),
    "ru": ("Астана, 17 июня 2025 года – Казахстан и Япония подписали меморандум о "
           "сотрудничестве в сфере энергетики и меморандум о трудовой миграции.",
           {"Казахстан": KZ, "Япония": JP}),
    "pt": ("Astana, 17 de junho de 2025 – O Cazaquistão e o Japão assinaram um memorando de "
           "entendimento no domínio da energia e um memorando sobre migração laboral.",
           {"Cazaquistão": KZ, "Japão": JP}),
    "es": ("Astana, 17 de junio de 2025 – Kazajistán y Japón firmaron un memorando sobre "
           "cooperación energética y un memorando sobre migración laboral.",
           {"Kazajistán": KZ, "Japón": JP}),
    "it": ("Astana, 17 giugno 2025 – Kazakistan e Giappone hanno firmato un memorandum "
           "d'intesa sulla cooperazione energetica e un memorandum sulla migrazione di lavoro.",
           {"Kazakistan": KZ, "Giappone": JP}),
    "fr": ("Astana, 17 juin 2025 – Le Kazakhstan et le Japon ont signé un mémorandum sur la "
           "coopération énergétique et un mémorandum sur la migration de travail.",
           {"Kazakhstan": KZ, "Japon": JP}),
    "de": ("Astana, 17. Juni 2025 – Kasachstan und Japan unterzeichneten ein Memorandum über "
           "die Zusammenarbeit im Energiebereich und ein Memorandum über Arbeitsmigration.",
           {"Kasachstan": KZ, "Japan": JP}),
    "tr": ("Astana, 17 Haziran 2025 – Kazakistan ve Japonya, enerji alanında işbirliği "
           "mutabakat zaptı ile işgücü göçü mutabakat zaptını imzaladı.",
           {"Kazakistan": KZ, "Japonya": JP}),
    "kk": ("Астана, 2025 жылғы 17 маусым – Қазақстан мен Жапония энергетика саласындағы "
           "ынтымақтастық туралы меморандумға және еңбек көші-қоны туралы меморандумға қол "
           "қойды.", {"Қазақстан": KZ, "Жапония": JP}),
}


def _doc(language: str) -> Document:
    text, ents = PAGES[language]
    return EventStage()(make_doc(text, language, ents, published="2025-06-17",
                                 doc_id=language))


@pytest.mark.parametrize(("a", "b"), [("en", "ru"), ("pt", "es"), ("it", "fr"), ("de", "en"),
                                      ("ru", "it"), ("fr", "pt")])
def test_fusion_topics_memoranda_pair_by_concept(a: str, b: str) -> None:
    docs = [_doc(a), _doc(b)]
    assert [len(d.agreements) for d in docs] == [2, 2]
    fused = fuse_agreements(docs, ENTITY_OF)
    assert len(fused) == 2
    assert all(sorted(f.documents) == sorted([a, b]) for f in fused)
    # each fused record holds one energy title and one migration title, never a mix
    for f in fused:
        topics = [concepts(name, ev.document) for name, ev in zip(f.names, f.evidence,
                                                                  strict=True)]
        assert len({"energy" in t for t in topics}) == 1


@pytest.mark.parametrize(("language", "title", "expected"), [
    ("pt", "Programa Estratégico de Cooperação 2026-2030", {"strategic", "y2026", "y2030"}),
    ("tr", "Petrol ve Doğal Gaz Alanında İşbirliği Mutabakat Zaptı", {"oil", "gas"}),
    ("kk", "Одақтастық қатынастарды тереңдету туралы бірлескен мәлімдеме", {"alliance", "joint"}),
    ("de", "Erklärung zur Sicherheits- und Verteidigungszusammenarbeit", {"security"}),
    ("ru", "Соглашение о взаимной защите инвестиций", {"investment"}),
    ("es", "Memorando de Entendimiento sobre Movilidad Juvenil", {"mobility", "youth"}),
])
def test_fusion_topics_concepts(language: str, title: str, expected: set[str]) -> None:
    assert concepts(title, language) == expected


@pytest.mark.parametrize(("a", "b"), [("pt", "es"), ("it", "fr")])
def test_fusion_topics_other_years_stay_apart(a: str, b: str) -> None:
    """Programmes for 2025-2027 and for 2026-2030 are two documents, whatever the words."""
    ents = {**PAGES[a][1], **PAGES[b][1]}
    titles = {"pt": "o Programa Estratégico de Cooperação {}", "es": "el Programa Estratégico "
              "de Cooperación {}", "it": "il Programma Strategico di Cooperazione {}",
              "fr": "le Programme Stratégique de Coopération {}"}
    verbs = {"pt": "assinaram", "es": "firmaron", "it": "hanno firmato", "fr": "ont signé"}
    names = {"pt": "Cazaquistão e Japão", "es": "Kazajistán y Japón",
             "it": "Kazakistan e Giappone", "fr": "Le Kazakhstan et le Japon"}
    docs = [EventStage()(make_doc(f"{names[lang]} {verbs[lang]} {titles[lang].format(years)}.",
                                  lang, ents, published="2025-06-17", doc_id=lang))
            for lang, years in ((a, "2025-2027"), (b, "2026-2030"))]
    assert len(fuse_agreements(docs, ENTITY_OF)) == 2


# (language, sentence): the same day's talks, the guest's counterpart named in an inflected
# or other-script form that the entity stage may not link to the English page's name
ALIAS_PAGES = [
    ("ru", "В четверг, 21 августа, Субраманьям Джайшанкар провел переговоры с министром "
     "иностранных дел России Сергеем Лавровым.",
     {"Субраманьям Джайшанкар": ("person", "person:jaishankar"),
      "Сергеем Лавровым": ("person", "person:sergeem lavrovym"), "России": ("country",
                                                                           "country:RU")}),
    ("fr", "Le 21 août, Jaishankar s'est entretenu avec le ministre russe Sergueï Lavrov.",
     {"Jaishankar": ("person", "person:jaishankar"),
      "Sergueï Lavrov": ("person", "person:serguei lavrov"), "russe": ("country", "country:RU")}),
]


@pytest.mark.parametrize(("language", "text", "ents"), ALIAS_PAGES)
def test_fusion_topics_same_day_talks_fuse_across_spellings(
        language: str, text: str, ents: dict[str, tuple[str, str]]) -> None:
    from dossier.resolve.events import fuse_events

    en = EventStage()(make_doc(
        "External Affairs Minister Jaishankar held talks with Russian Foreign Minister Sergey "
        "Lavrov on August 21.", "en",
        {"Jaishankar": ("person", "person:jaishankar"),
         "Sergey Lavrov": ("person", "person:sergey lavrov"),
         "Russian": ("country", "country:RU")}, published="2025-08-21", doc_id="en"))
    other = EventStage()(make_doc(text, language, ents, published="2025-08-21",
                                  doc_id=language))
    fused = fuse_events([en, other], {})
    assert len(fused) == 1 and sorted(fused[0].documents) == sorted(["en", language])
    # another day's talks with another minister stay apart
    later = EventStage()(make_doc(text.replace("21", "25"), language, ents,
                                  published="2025-08-25", doc_id="later"))
    assert len(fuse_events([en, later], {})) == 2
