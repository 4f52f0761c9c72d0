"""English word order and case for glossed agreement titles.

The agreement lexicons gloss a title word by word (or phrase by phrase); this module turns the
glosses into an English title: in languages whose adjectives follow the noun (pt, it, es, fr)
"cooperação energética" becomes "energy cooperation" and "Piano Mattei" "Mattei Plan"; an
article before a name goes ("per l'Africa" -> "for Africa"); the result is in title case
("Agreement on the Mutual Protection of Investments"). No translation model ships in a wheel
small enough for nine languages, and titles are a closed, formulaic vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dossier.extract.lexicon import load_lexicon

__all__ = ["POSTPOSITIONS", "Chunk", "Kind", "concepts", "english_order", "head_first",
           "title_case"]

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

Kind = Literal["noun", "adj", "name", "link", "num"]
#: English words a title keeps in lower case (unless first).
MINOR = frozenset({"on", "of", "the", "and", "to", "a", "an", "for", "between", "in", "at",
                   "by", "with", "from", "or", "until", "into"})


@dataclass(slots=True, frozen=True)
class Chunk:
    """One glossed piece of a title: its English text and what it is."""

    text: str
    kind: Kind


def english_order(chunks: list[Chunk], adjectives_after: bool) -> list[str]:
    """Put glossed chunks in English order.

    With ``adjectives_after`` an adjective or a name right after a noun (or after such an
    adjective) moves before that noun: "cooperazione economica bilaterale" -> "bilateral
    economic cooperation"; an article right before a name is dropped ("for Africa").
    """
    out: list[Chunk] = []
    noun_at: int | None = None  # where the noun phrase an adjective may precede begins
    for ch in chunks:
        if adjectives_after and ch.kind in ("adj", "name") and noun_at is not None:
            out.insert(noun_at, ch)
            continue
        if (adjectives_after and ch.kind == "name" and out
                and out[-1].text.casefold() == "the"):
            out.pop()  # "per l'Africa": Romance articles before names
        noun_at = len(out) if ch.kind == "noun" else None
        out.append(ch)
    return [c.text for c in out]


def title_case(words: list[str]) -> str:
    """Join English words in title case; minor words stay lower case except the first."""
    out = []
    for k, phrase in enumerate(words):
        for j, w in enumerate(phrase.split()):
            first = k == 0 and j == 0
            if w.casefold() in MINOR and not first:
                out.append(w.casefold())
            elif w[:1].islower():
                out.append(w[:1].upper() + w[1:])
            else:
                out.append(w)
    return " ".join(out)


POSTPOSITIONS = frozenset({"on", "for", "of", "in the field of", "between"})


def head_first(mods: list[str], head: str) -> list[str]:
    """Reorder a head-final gloss into English: the head, then "on" and its modifiers.

    Postpositions follow what they govern ("ауыл шаруашылығы саласындағы әріптестік туралы
    келісім" = agriculture | in the field of, partnership | on, agreement): each
    closes a phrase that English opens with it, nearest the head first -> "Memorandum on
    cooperation in the field of water resources".
    """
    phrases: list[list[str]] = []
    cur: list[str] = []
    for word in mods:
        if word in POSTPOSITIONS:
            phrases.append([word, *cur])
            cur = []
        else:
            cur.append(word)
    out = [head]
    if cur:
        out += ["on", *cur]
    for phrase in reversed(phrases):
        out += phrase if len(phrase) > 1 else []
    return out


@lru_cache(maxsize=32)
def _concept_table(language: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Exact words and stems ("energ*") of ``language`` -> English concept names."""
    table = load_lexicon(language).get("agreements", {}).get("concepts", {})
    exact: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for concept, words in table.items():
        for w in words:
            w = _fold(w)
            if w.endswith("*"):
                stems.append((w[:-1], concept))
            else:
                exact[w] = concept
    return exact, tuple(sorted(stems, key=lambda kv: len(kv[0]), reverse=True))


def _fold(text: str) -> str:
    return text.casefold().replace("\u0307", "").replace("’", "'")


def concepts(title: str, language: str | None) -> frozenset[str]:
    """Language-independent topic keys of an agreement title: concepts and years.

    "Programa Estratégico de Parceria 2031-2035" and "Programa Estratégico de Asociación
    para los años 2031-2035" both give {strategic, y2031, y2035}; "Memorandum on energy"
    and "меморандум в сфере энергетики" both give {energy}. Words come from the per-language
    ``[agreements.concepts]`` table (exact words and "stem*" entries).
    """
    exact, stems = _concept_table(language or "en")
    out = {f"y{y}" for y in YEAR.findall(title)}
    for word in WORDS.findall(title):
        w = _fold(word)
        hit = exact.get(w) or next((c for stem, c in stems if w.startswith(stem)), None)
        if hit is not None:
            out.add(hit)
    return frozenset(out)
