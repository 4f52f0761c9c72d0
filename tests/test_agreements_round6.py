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
