"""Cutting text into escaped-later spans: offsets kept, overlaps and bad ranges dropped."""

from __future__ import annotations

import pytest

from dossier.model import Sentence
from dossier.web.highlight import Mark, blocks


def _sentences(text: str, parts: list[str]) -> list[Sentence]:
    out, at = [], 0
    for p in parts:
        start = text.index(p, at)
        out.append(Sentence(start=start, end=start + len(p), text=p))
        at = start + len(p)
    return out


def _mark(text: str, surface: str, kind: str = "mention") -> Mark:
    at = text.index(surface)
    return Mark(start=at, end=at + len(surface), kind=kind, ref=surface)


CASES = [
    ("pt", "Putin recebeu Tokayev.\n\nO comércio chegou a US$ 27,8 bilhões.",
     ["Putin recebeu Tokayev.", "O comércio chegou a US$ 27,8 bilhões."],
     ["Putin", "Tokayev"], ["US$ 27,8 bilhões"]),
    ("it", "Il presidente Tokayev è a Mosca. L'interscambio supera i 26 miliardi.",
     ["Il presidente Tokayev è a Mosca.", "L'interscambio supera i 26 miliardi."],
     ["Tokayev", "Mosca"], ["26 miliardi"]),
    ("ru", "Токаев и Путин провели переговоры. Товарооборот составил 28,7 млрд долларов.",
     ["Токаев и Путин провели переговоры.", "Товарооборот составил 28,7 млрд долларов."],
     ["Токаев", "Путин"], ["28,7 млрд долларов"]),
]


@pytest.mark.parametrize("lang,text,parts,names,numbers", CASES)
def test_web_highlight_keeps_every_character(lang: str, text: str, parts: list[str],
                                              names: list[str], numbers: list[str]) -> None:
    marks = [_mark(text, n) for n in names] + [_mark(text, n, "figure") for n in numbers]
    out = blocks(text, _sentences(text, parts), marks)
    assert "".join(sp.text for b in out for sp in b.spans) == text
    assert [b.sentence for b in out if b.sentence is not None] == list(range(len(parts)))
    marked = {sp.text: sp.mark.kind for b in out for sp in b.spans if sp.mark}
    assert marked == {**dict.fromkeys(names, "mention"), **dict.fromkeys(numbers, "figure")}


@pytest.mark.parametrize("lang,text,parts,names,numbers", CASES)
def test_web_highlight_gaps_between_sentences_are_plain(lang: str, text: str, parts: list[str],
                                                        names: list[str],
                                                        numbers: list[str]) -> None:
    out = blocks(text, _sentences(text, parts), [])
    gaps = [b for b in out if b.sentence is None]
    assert all(sp.text.strip() == "" and sp.mark is None for b in gaps for sp in b.spans)


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 500), (4, 4), (7, 2)])
def test_web_highlight_drops_marks_outside_the_text(start: int, end: int) -> None:
    text = "Tokayev visited Moscow."
    out = blocks(text, _sentences(text, [text]),
                 [Mark(start=start, end=end, kind="mention")])
    assert [sp.mark for b in out for sp in b.spans] == [None]


@pytest.mark.parametrize("first,second,winner", [
    ("figure", "mention", "figure"), ("mention", "figure", "figure")])
def test_web_highlight_overlaps_keep_one_mark(first: str, second: str, winner: str) -> None:
    text = "Trade hit 28 billion dollars."
    a = Mark(start=10, end=20, kind=first)
    b = Mark(start=10, end=28, kind=second)
    spans = [sp for blk in blocks(text, _sentences(text, [text]), [a, b]) for sp in blk.spans]
    assert [sp.mark.kind for sp in spans if sp.mark] == [winner]
    assert "".join(sp.text for sp in spans) == text


def test_web_highlight_event_labels_attach_to_their_sentence() -> None:
    text = "Putin met Tokayev. They signed a declaration."
    out = blocks(text, _sentences(text, ["Putin met Tokayev.", "They signed a declaration."]),
                 [], {1: ["agreement: declaration"]})
    assert [(b.sentence, b.events) for b in out if b.sentence is not None] == [
        (0, []), (1, ["agreement: declaration"])]
