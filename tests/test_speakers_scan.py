# ruff: noqa: E501  (tables of real-style sentences read better unwrapped)
"""Speakers: the one-pass cue scan skips only sentences that cannot speak (same speakers)."""

from __future__ import annotations

import re

import pytest

from dossier.extract.speakers import SpeakerFinder, assign_speakers
from dossier.extract.speakerscan import cue_sentences
from dossier.model import Document, Mention, Sentence

NAMES = {"Putin": "vladimir putin", "Путин": "vladimir putin", "Оверчук": "aleksei overchuk",
         "Merz": "friedrich merz", "Reiche": "katherina reiche", "Erdoğan": "recep tayyip erdogan",
         "Fidan": "hakan fidan", "Meloni": "giorgia meloni", "Xi": "xi jinping"}


def glued_doc(sentences: list[list[str]], lang: str, sep: str = " ") -> Document:
    """Build a document of paragraphs of sentences joined by ``sep`` (no space: glued)."""
    text, sents, mentions = "", [], []
    for p, para in enumerate(sentences):
        if text:
            text += "\n\n"
        for k, s in enumerate(para):
            if k:
                text += sep
            sents.append(Sentence(start=len(text), end=len(text) + len(s), text=s, paragraph=p))
            text += s
    for name, key in NAMES.items():
        for m in re.finditer(rf"{re.escape(name)}(?!\w)", text):
            mentions.append(Mention(start=m.start(), end=m.end(), text=name, type="person",
                                    key="person:" + key))
    mentions.sort(key=lambda m: m.start)
    return Document(id="d", source="d", text=text, language=lang, sentences=sents,
                    mentions=mentions)


def unscanned(doc: Document) -> list[str | None]:
    """Return the speakers with every sentence tested in full (no cue scan)."""
    finder = SpeakerFinder(doc)
    finder._cued = [True] * len(doc.sentences)
    return finder.assign()


def test_speakers_scan_flags_sentences_with_a_cue_only() -> None:
    doc = glued_doc([["Trade grew by 5% last year.", "Putin said it would grow.", "Prices rose by 3%.",
                      "According to the ministry, exports fell."]], "en")
    assert cue_sentences(doc) == [False, True, False, True]


def test_speakers_scan_finds_a_source_at_the_start_of_a_glued_sentence() -> None:
    # "(?:^|\s)По оценкам": the sentence's own start, though a full stop stands before it
    doc = glued_doc([["Путин заявил, что торговля растёт.", "По оценкам экспертов, товарооборот вырос на 5%."]], "ru", sep="")
    assert cue_sentences(doc) == [True, True]
    assert assign_speakers(doc) == ["person:vladimir putin", None]


def test_speakers_scan_counts_a_name_glued_to_the_word_before_it() -> None:
    doc = glued_doc([["Trade grew by 5% last year.", "The visit ofPutin went well."]], "en")
    assert cue_sentences(doc) == [False, True]


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", [["Putin said trade grew by 5%.", "It reached $6.9 billion.", "Prices rose."],
            ["According to him, exports fell by 3%.", "The weather was fine."],
            ["Xi, who met Putin on Tuesday, said trade grew by 5%.", "Nobody knows."]]),
    ("ru", [["Путин заявил, что торговля растёт.", "По его словам, товарооборот вырос на 5%."],
            ["Погода была хорошей.", "По оценкам экспертов, экспорт вырос на 3%."],
            ["— Товарооборот вырос на 10%.", "Это хороший результат, — сказал Оверчук."]]),
    ("de", [["„Der Handel wuchs um 11 Prozent“, sagte Reiche.", "Das sei ein gutes Zeichen."],
            ["Laut dem Kanzler Merz investieren beide Länder 3,5 Mrd. Euro.", "Es regnete."]]),
    ("tr", [["Hakan Fidan açıklama yaptı.", "Fidan'a göre ticaret hacmi 10,4 milyar dolar oldu."],
            ["Hava güzeldi.", "Erdoğan, ticaretin yüzde 5 arttığını söyledi."]]),
    ("it", [["«L'interscambio ha superato i 14 miliardi. È un record», ha detto Meloni.", "Piove."]]),
])
@pytest.mark.parametrize("sep", [" ", ""])
def test_speakers_scan_gives_the_speakers_of_a_full_reading(lang: str, paragraphs: list[list[str]], sep: str) -> None:
    doc = glued_doc(paragraphs, lang, sep)
    assert assign_speakers(doc) == unscanned(doc)
    assert any(assign_speakers(doc))
