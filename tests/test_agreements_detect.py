"""Named agreements per document: titles, English glosses, kinds, dates, parties."""

from __future__ import annotations

import pytest

from dossier.extract.agreements import find_agreements
from tests.test_events_util import make_doc

RU = ("country", "country:RU")
KZ = ("country", "country:KZ")

# (language, sentence, original title, kind, English title or None when it stays original)
NAMED = [
    ("it", "I due presidenti hanno firmato la Dichiarazione sul Partenariato Strategico "
     "Globale e Alleanza.", "Dichiarazione sul Partenariato Strategico Globale e Alleanza",
     "declaration", "Declaration on the Comprehensive Strategic Partnership and Alliance"),
    ("pt", "Os presidentes assinaram a Declaração de Parceria Estratégica Abrangente entre os "
     "dois países.", "Declaração de Parceria Estratégica Abrangente", "declaration",
     "Declaration on Comprehensive Strategic Partnership"),
    ("en", "The two leaders signed the Treaty on Good-Neighbourliness and Alliance in Moscow.",
     "Treaty on Good-Neighbourliness and Alliance", "treaty", None),
    ("es", "Ambos gobiernos firmaron el Memorando de Entendimiento sobre Cooperación "
     "Energética.", "Memorando de Entendimiento sobre Cooperación Energética", "memorandum",
     "Memorandum of Understanding on Energy Cooperation"),
    ("fr", "Les deux pays ont signé le Traité d'Amitié et de Coopération.",
     "Traité d'Amitié et de Coopération", "treaty", "Treaty of Friendship and of Cooperation"),
    ("de", "Beide Seiten unterzeichneten das Abkommen über die Zusammenarbeit im "
     "Energiebereich.", "Abkommen über die Zusammenarbeit im Energiebereich", "agreement",
     None),
    ("ru", "Стороны подписали Договор о добрососедстве и союзничестве.",
     "Договор о добрососедстве и союзничестве", "treaty",
     "Treaty on Good Neighbourliness and Alliance"),
    ("tr", "İki lider Kapsamlı Stratejik Ortaklık ve İttifak Deklarasyonu'nu imzaladı.",
     "Kapsamlı Stratejik Ortaklık ve İttifak Deklarasyonu'nu", "declaration",
     "Declaration on Comprehensive Strategic Partnership and Alliance"),
    ("kk", "Келіссөздер қорытындысы бойынша екі ел басшылары жан-жақты стратегиялық "
     "әріптестік және одақтастық туралы декларацияға қол қойды.",
     "жан-жақты стратегиялық әріптестік және одақтастық туралы декларацияға", "declaration",
     "Declaration on Comprehensive Strategic Partnership and Alliance"),
    ("kk", "Тараптар жан-жақты стратегиялық әріптестік туралы декларацияға қол қойды.",
     "жан-жақты стратегиялық әріптестік туралы декларацияға", "declaration",
     "Declaration on Comprehensive Strategic Partnership"),
    ("it", "Le parti hanno siglato un Piano d'Azione Congiunto per il trasferimento delle "
     "tigri dell'Amur.", "Piano d'Azione Congiunto per il trasferimento delle tigri dell'Amur",
     "plan", None),
]


@pytest.mark.parametrize(("language", "text", "original", "kind", "english"), NAMED)
def test_agreements_detect_named(language: str, text: str, original: str, kind: str,
                                 english: str | None) -> None:
    found = find_agreements(make_doc(text, language, {"Moscow": ("place", "place:524901")}))
    assert [a.original_title for a in found] == [original]
    assert found[0].kind == kind and found[0].quote == text
    assert found[0].title == (english or original)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The two countries signed 47 documents worth $22 billion."),
    ("en", "Relations rest on more than 300 contracts and agreements."),
    ("pt", "Foi aprovado um grande pacote de documentos interestaduais."),
    ("it", "È stato siglato un pacchetto di accordi intergovernativi."),
    ("pt", "A cooperação energética, ainda de acordo com Putin, cresce."),
    ("en", "Kazakhstan holds the Collective Security Treaty Organization presidency."),
    ("it", "Sulla base dei risultati è stato preparato un Memorandum che mira a nuovi livelli."),
    ("en", "The two sides signed an agreement."),
])
def test_agreements_detect_ignores_vague(language: str, text: str) -> None:
    ents = {"Collective Security Treaty Organization": ("organization", "org:csto")}
    assert find_agreements(make_doc(text, language, ents)) == []


@pytest.mark.parametrize("language", ["it", "pt"])
def test_agreements_detect_repeats_merge_and_date(language: str) -> None:
    text = {
        "it": ("I Documenti Firmati (12 novembre 2025)\n"
               "Il risultato è stata la firma della Dichiarazione sul Partenariato Strategico "
               "Globale tra Russia e Kazakistan.\n"
               "Putin ha detto che la dichiarazione sul partenariato strategico globale "
               "firmata a Mosca rafforza i legami."),
        "pt": ("Rússia e Cazaquistão assinaram, em 12 de novembro de 2025, a Declaração de "
               "Parceria Estratégica Abrangente.\n"
               "A partir da assinatura da declaração de parceria estratégica, as relações "
               "melhoram."),
    }[language]
    ents = {"Russia": RU, "Rússia": RU, "Kazakistan": KZ, "Cazaquistão": KZ}
    found = find_agreements(make_doc(text, language, ents))
    assert len(found) == 1
    assert found[0].date == "2025-11-12"
    assert set(found[0].parties) == {"country:RU", "country:KZ"}
    assert found[0].original_title[0].isupper()


CN = ("country", "country:CN")
UZ = ("country", "country:UZ")

# (language, two sentences: a signing, then a list without a verb; the titles listed)
LISTED = [
    ("ru", "В ходе визита Россия и Китай подписали около 20 документов. Среди них — соглашение "
     "о взаимной защите инвестиций и меморандум о сотрудничестве в области лунной станции.",
     ["соглашение о взаимной защите инвестиций",
      "меморандум о сотрудничестве в области лунной станции"]),
    ("es", "España y Marruecos firmaron catorce acuerdos y memorandos de entendimiento. Entre "
     "ellos destaca un plan de acción conjunto en materia de migración.",
     ["plan de acción conjunto en materia de migración"]),
    ("en", "Russia and China signed about 20 documents. Among them is an agreement on the "
     "mutual protection of investments.", ["agreement on the mutual protection of investments"]),
]


@pytest.mark.parametrize(("language", "text", "titles"), LISTED)
def test_agreements_detect_listed_after_signing(language: str, text: str,
                                                titles: list[str]) -> None:
    ents = {"Россия": RU, "Китай": CN, "Russia": RU, "China": CN, "España": ("country",
            "country:ES"), "Marruecos": ("country", "country:MA")}
    found = find_agreements(make_doc(text, language, ents))
    assert sorted(a.original_title for a in found) == sorted(titles)


# (language, sentence): counted or plural heads name a set of documents, not one
COUNTED = [
    ("it", "Al termine dei colloqui sono stati firmati una quarantina di accordi e memorandum "
     "d'intesa in settori strategici."),
    ("es", "Ambos ejecutivos firmaron catorce acuerdos y memorandos de entendimiento."),
    ("en", "The two sides signed several agreements and memoranda on energy."),
    ("ru", "Стороны подписали около 20 соглашений."),
]


@pytest.mark.parametrize(("language", "text"), COUNTED)
def test_agreements_detect_counted_sets_are_not_agreements(language: str, text: str) -> None:
    assert find_agreements(make_doc(text, language, {})) == []


# (language, sentence, title, kind): joint statements, head-final case endings, name adjectives
SHAPES = [
    ("ru", "Путин и Си Цзиньпин подписали Совместное заявление Российской Федерации и "
     "Китайской Народной Республики.",
     "Совместное заявление Российской Федерации и Китайской Народной Республики", "declaration"),
    ("tr", "Toplantının sonunda Şuşa Beyannamesi'nin uygulanmasına ilişkin Ortak Bildiri "
     "imzalandı.", "Şuşa Beyannamesi'nin uygulanmasına ilişkin Ortak Bildiri", "declaration"),
    ("de", "Der Kanzler betonte, der Aachener Vertrag von 2019 bleibe die Grundlage.",
     "Aachener Vertrag von 2019", "treaty"),
    ("kk", "Сапар барысында Дарбаза – Мақтаарал теміржолын салу туралы үкіметаралық келісімге "
     "қол қойылды.", "Дарбаза – Мақтаарал теміржолын салу туралы үкіметаралық келісімге",
     "agreement"),
    ("fr", "Les deux dirigeants ont adopté un agenda économique commun pour la compétitivité.",
     "agenda économique commun pour la compétitivité", "agenda"),
]


@pytest.mark.parametrize(("language", "text", "title", "kind"), SHAPES)
def test_agreements_detect_title_shapes(language: str, text: str, title: str, kind: str) -> None:
    found = find_agreements(make_doc(text, language, {}))
    assert [(a.original_title, a.kind) for a in found] == [(title, kind)]


@pytest.mark.parametrize(("language", "text", "date"), [
    ("de", "Der Kanzler betonte, der Aachener Vertrag von 2019 bleibe die Grundlage.", "2019"),
    ("fr", "Le traité d'Aix-la-Chapelle, signé en 2019, reste la base.", "2019"),
    ("kk", "Тараптар 2030 жылға дейінгі экономикалық ынтымақтастық бағдарламасына қол қойды.",
     "2025-06-24"),
])
def test_agreements_detect_date_is_not_a_deadline(language: str, text: str, date: str) -> None:
    found = find_agreements(make_doc("Астана, 24 маусым 2025 –\n" + text if language == "kk"
                                     else text, language, {}, published="2025-06-24"))
    assert [a.date for a in found] == [date]


@pytest.mark.parametrize("language", ["it"])
def test_agreements_detect_named_policy_without_signing_is_skipped(language: str) -> None:
    assert find_agreements(make_doc("Gas e Piano Mattei al centro del vertice", language,
                                    {})) == []


@pytest.mark.parametrize(("language", "title", "english"), [
    ("kk", "су ресурстары саласындағы ынтымақтастық туралы меморандумға",
     "Memorandum on Cooperation in the Field of Water Resources"),
    ("kk", "2025–2030 жылдарға арналған экономикалық ынтымақтастық бағдарламасына",
     "Programme on Economic Cooperation for 2025–2030 Years"),
    ("tr", "Kapsamlı Stratejik Ortaklık ve İttifak Deklarasyonu",
     "Declaration on Comprehensive Strategic Partnership and Alliance"),
])
def test_agreements_detect_head_final_gloss_reorders_postpositions(language: str, title: str,
                                                                   english: str) -> None:
    from dossier.extract.agreements import gloss

    assert gloss(title, language) == (english, True)
