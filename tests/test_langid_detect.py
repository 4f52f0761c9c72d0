"""Language identification per document and per paragraph."""

from __future__ import annotations

import pytest

from dossier.langid import LanguageStage, identify
from dossier.model import Document


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The two presidents signed a declaration on strategic partnership in Moscow."),
    ("pt", "Os presidentes assinaram uma declaração de parceria estratégica em Moscou."),
    ("it", "I due presidenti hanno firmato una dichiarazione di partenariato strategico."),
    ("es", "Los dos presidentes firmaron una declaración de asociación estratégica."),
    ("fr", "Les deux présidents ont signé une déclaration de partenariat stratégique."),
    ("de", "Die Präsidenten unterzeichneten eine Erklärung zur strategischen Partnerschaft."),
    ("ru", "Президенты двух стран подписали декларацию о стратегическом партнёрстве."),
    ("tr", "İki cumhurbaşkanı stratejik ortaklık bildirisini imzaladı."),
    ("kk", "Екі елдің президенттері стратегиялық серіктестік туралы декларацияға қол қойды."),
])
def test_langid_identifies_short_news_sentences(lang: str, text: str) -> None:
    assert identify(text)[0] == lang


def test_langid_mixed_page_takes_the_majority_and_keeps_paragraph_languages() -> None:
    text = ("Tổng thống Putin thăm Kazakhstan: Những chân trời mới của quan hệ đối tác\n"
            "President Putin paid a state visit to Kazakhstan from November 27 to 28, where he "
            "held talks with his counterpart on energy, trade and transport cooperation.\n"
            "The two leaders also discussed the situation in the region and signed documents.")
    doc = LanguageStage()(Document(id="x", source="s", text=text))
    assert doc.language == "en"
    assert [p.language for p in doc.paragraphs] == ["vi", "en", "en"]


def test_langid_empty_text_uses_the_record_hint() -> None:
    doc = LanguageStage()(Document(id="x", source="s", text="", meta={"language": "it"}))
    assert doc.language == "it"
