"""Sentence splitting per language, with abbreviations that do not end a sentence."""

from __future__ import annotations

import pytest

from dossier.nlp.sentences import split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Mr. Smith met Dr. Jones in Washington. They talked.",
     ["Mr. Smith met Dr. Jones in Washington.", "They talked."]),
    ("pt", "O Sr. Silva chegou em 12 de nov. de 2024. Ele falou com a imprensa.",
     ["O Sr. Silva chegou em 12 de nov. de 2024.", "Ele falou com a imprensa."]),
    ("es", "El Sr. García llegó a Madrid. La reunión duró dos horas.",
     ["El Sr. García llegó a Madrid.", "La reunión duró dos horas."]),
    ("it", "Il Sig. Rossi è arrivato a Roma. Ha parlato con il Dott. Bianchi.",
     ["Il Sig. Rossi è arrivato a Roma.", "Ha parlato con il Dott. Bianchi."]),
    ("fr", "M. Dupont est arrivé à Paris. Il a parlé à Mme Martin.",
     ["M. Dupont est arrivé à Paris.", "Il a parlé à Mme Martin."]),
    ("de", "Der Umsatz lag bei 3 Mrd. Euro. Das ist z. B. viel.",
     ["Der Umsatz lag bei 3 Mrd. Euro.", "Das ist z. B. viel."]),
    ("ru", "Товарооборот вырос на 5 тыс. тонн. Об этом сообщил министр.",
     ["Товарооборот вырос на 5 тыс. тонн.", "Об этом сообщил министр."]),
    ("kk", "2023 ж. Қазақстан мен Ресей арасындағы тауар айналымы 28 млрд доллар болды. "
     "Бұл рекорд.",
     ["2023 ж. Қазақстан мен Ресей арасындағы тауар айналымы 28 млрд доллар болды.",
      "Бұл рекорд."]),
    ("tr", "Dr. Yılmaz Ankara'ya geldi. Toplantı iki saat sürdü.",
     ["Dr. Yılmaz Ankara'ya geldi.", "Toplantı iki saat sürdü."]),
])
def test_sentences_split_respects_abbreviations(lang: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text, lang)] == expected


def test_sentences_lines_are_boundaries_and_offsets_point_into_text() -> None:
    text = "Heading without stop\n\n  First  sentence here. Second one!\nList item: 1.453 deals"
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == [
        "Heading without stop", "First  sentence here.", "Second one!", "List item: 1.453 deals"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


def test_sentences_unknown_language_falls_back() -> None:
    assert len(split_sentences("Một câu. Hai câu.", "vi")) == 2


def test_sentences_offsets_hold_across_runs_of_spaces_and_tabs() -> None:
    text = "  The envoys  met in Oslo.   They signed\ta memo.  \nTalks   resume   soon.  "
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == [
        "The envoys  met in Oslo.", "They signed\ta memo.", "Talks   resume   soon."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
