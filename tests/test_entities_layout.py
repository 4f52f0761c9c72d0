"""Heading lines and list labels are weak regions; prose lines are not."""

from __future__ import annotations

from dossier.nlp.entities.evidence import lower_words, weak_regions


def _regions(text: str) -> list[str]:
    return [text[a:b] for a, b in weak_regions(text)]


def test_label_before_a_colon_in_a_finished_sentence_is_weak() -> None:
    text = "Cooperazione Energetica: le parti hanno firmato un accordo sul gas."
    assert _regions(text) == ["Cooperazione Energetica"]


def test_short_line_without_final_stop_is_a_heading() -> None:
    text = "Nuove Rotte Commerciali\nLe parti hanno firmato un accordo sul gas."
    assert _regions(text) == ["Nuove Rotte Commerciali"]


def test_prose_and_symbol_lines_are_not_weak() -> None:
    assert _regions("Die Minister trafen sich am Montag in Berlin.\n* * *\n") == []


def test_lower_words_are_the_folded_lower_case_words() -> None:
    assert lower_words("Die Außenminister trafen sich in Köln; köln und Ära.") == frozenset(
        {"trafen", "sich", "in", "koln", "und"})
