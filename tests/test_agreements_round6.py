"""Agreement titles, events round 6: where one document's name ends and the next begins.

Invented sentences in several languages; each rule's cases fail with the rule switched off.
"""

from __future__ import annotations

import pytest

from dossier.extract.agreements import find_agreements
from tests.test_events_util import make_doc


def _titles(text: str, language: str) -> list[str]:
    return [a.original_title for a in find_agreements(make_doc(text, language, {}))]


@pytest.mark.parametrize(("language", "text", "titles"), [
    # a capitalised word after "and" opens the next document, its head a word or two on
    ("ru", "Стороны подписали меморандум о поставках зерна и Совместный план действий по "
     "развитию туризма.", ["меморандум о поставках зерна", "план действий по развитию туризма"]),
    ("en", "The ministers signed a memorandum on fisheries and a Joint Action Plan for 2026.",
     ["memorandum on fisheries", "Action Plan for 2026"]),
])
def test_agreements_capitalised_word_after_and_opens_next_document(
        language: str, text: str, titles: list[str]) -> None:
    assert sorted(_titles(text, language)) == sorted(titles)


def test_agreements_head_qualified_by_a_name_stays_inside_the_title() -> None:
    text = ("Министры подписали план мероприятий по выполнению Минской декларации о "
            "партнёрстве.")
    assert _titles(text, "ru") == [
        "план мероприятий по выполнению Минской декларации о партнёрстве"]


@pytest.mark.parametrize(("language", "text", "title"), [
    ("ru", "Напомним, что Ташкентская декларация была подписана в 2019 году.",
     "Ташкентская декларация"),
    ("de", "Der Hamburger Vertrag wurde 2019 unterzeichnet.", "Hamburger Vertrag"),
])
def test_agreements_name_adjective_and_head_alone_are_a_title(language: str, text: str,
                                                               title: str) -> None:
    assert _titles(text, language) == [title]


@pytest.mark.parametrize("text", [
    "Стороны договорились провести заседание комиссии в Минске до конца года.",
    "Подписание документов планируется осенью.",
])
def test_agreements_russian_verbs_are_no_heads(text: str) -> None:
    assert _titles(text, "ru") == []


@pytest.mark.parametrize(("language", "text", "title"), [
    # past a topic postposition every word up to the clause's edge is the topic
    ("tr", "Toplantıda, tarım ürünlerinin ihracatına ilişkin mutabakat zaptı imzalandı.",
     "tarım ürünlerinin ihracatına ilişkin mutabakat zaptı"),
    ("tr", "Bakanlar, balıkçılık konusunda bir mutabakat zaptı imzaladı.",
     "balıkçılık konusunda bir mutabakat zaptı"),
    ("kk", "Кездесуде ауыл шаруашылығы өнімдерін экспорттау туралы меморандумға қол қойылды.",
     "ауыл шаруашылығы өнімдерін экспорттау туралы меморандумға"),
    # ... but not the subject that signs
    ("kk", "Екі елдің басшылары ауыл шаруашылығы өнімдерін экспорттау туралы меморандумға "
     "қол қойды.", "ауыл шаруашылығы өнімдерін экспорттау туралы меморандумға"),
])
def test_agreements_head_final_topic_runs_to_the_clause_edge(language: str, text: str,
                                                              title: str) -> None:
    assert _titles(text, language) == [title]


def test_agreements_particle_between_capitalised_words_stays_in_the_title() -> None:
    text = ("İki lider, Ekonomik İlişkilerin Daha da Geliştirilmesine İlişkin Ortak Bildiri'yi "
            "imzaladı.")
    assert _titles(text, "tr") == [
        "Ekonomik İlişkilerin Daha da Geliştirilmesine İlişkin Ortak Bildiri'yi"]


@pytest.mark.parametrize(("text", "title"), [
    ("Beide Seiten unterzeichneten ein Fischereikooperationsprogramm 2026–2028.",
     "Fischereikooperationsprogramm 2026–2028"),
    ("Die Minister unterzeichneten das Grenzabkommen zwischen Kasachstan und Usbekistan.",
     "Grenzabkommen zwischen Kasachstan und Usbekistan"),
])
def test_agreements_german_compound_ending_in_a_head_is_a_head(text: str, title: str) -> None:
    assert _titles(text, "de") == [title]


def test_agreements_german_word_holding_plan_is_no_head() -> None:
    assert _titles("Die Stadtplanung wurde unterzeichnet und verabschiedet.", "de") == []


@pytest.mark.parametrize(("language", "text", "date"), [
    ("de", "So auch am vergangenen Donnerstag in Minsk, wo die Minister tagten. Unterzeichnet "
     "wurde ein Abkommen über den Bau einer Brücke.", "2025-11-06"),
    ("en", "The ministers met in Minsk on Thursday. They signed an agreement on the "
     "construction of a bridge.", "2025-11-06"),
    ("es", "Los ministros se reunieron el jueves en Minsk. Firmaron un acuerdo sobre la "
     "construcción de un puente.", "2025-11-06"),
])
def test_agreements_signing_sentence_takes_the_day_of_the_sentence_before(
        language: str, text: str, date: str) -> None:
    found = find_agreements(make_doc(text, language, {}, published="2025-11-10"))
    assert [a.date for a in found] == [date]


def test_agreements_no_day_carried_from_long_before() -> None:
    text = ("Officials said the bridge had long been awaited by both countries. The ministers "
            "first met in Minsk on 2 March 2024. They signed an agreement on the construction "
            "of a bridge.")
    found = find_agreements(make_doc(text, "en", {}, published="2025-11-10"))
    assert [a.date for a in found] == [None]
