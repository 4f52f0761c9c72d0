"""Number words: split a written numeral into lexicon morphemes and add them up.

"novemila" = nove + mila, "dreiundzwanzig" = drei + und + zwanzig, "two hundred and fifty" =
two + hundred + fifty. One generic evaluator serves every language; the morphemes live in the
``[words]`` table of each ``figures.toml``.
"""

from __future__ import annotations

import re

from dossier.nlp.phraseindex import PhraseKeys, fold

_SPLIT = re.compile(r"[\s\u00a0]+")


def segment(word: str, morphemes: frozenset[str], longest: int) -> list[str] | None:
    """Split ``word`` into morphemes (fewest pieces), or None when it cannot be split."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for j in range(min(n, i + longest), i, -1):
            piece = word[i:j]
            if piece in morphemes:
                cand = [*here, piece]
                old = best[j]
                if old is None or len(cand) < len(old):
                    best[j] = cand
    return best[n]


def evaluate(values: list[int]) -> int:
    """Add up morpheme values the way numerals compose (hundreds and thousands multiply)."""
    total = current = 0
    for v in values:
        if v == 0:
            continue
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            if current == 0 and total:
                total *= v  # "mil milhões": a scale word scaling what came before
            else:
                total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current


class WordNumbers:
    """Parser of one language's written numerals, with a small memo of words already seen."""

    __slots__ = ("_connectors", "_longest", "_memo", "_morphemes", "_words")

    def __init__(self, words: dict[str, int], connectors: list[str]) -> None:
        self._words = {k.lower(): v for k, v in words.items()}
        self._morphemes = frozenset(self._words)
        self._longest = max((len(m) for m in self._morphemes), default=1)
        self._connectors = frozenset(c.lower() for c in connectors)
        self._memo: dict[str, int | None] = {}

    def parse(self, text: str) -> int | None:
        """Return the value of a written numeral such as "novemila" or "twenty-five", or None."""
        key = text.lower()
        if key in self._memo:
            return self._memo[key]
        values: list[int] = []
        result: int | None = None
        for token in _SPLIT.split(key.replace("-", "")):  # "quatre-vingt-dix" as one word
            if not token or token in self._connectors:
                continue
            parts = segment(token, self._morphemes, self._longest)
            if parts is None:
                break
            values.extend(self._words[p] for p in parts)
        else:
            result = evaluate(values) if values else None
        if len(self._memo) < 10000:  # bounded: a memo, not a store
            self._memo[key] = result
        return result


def number_word_keys(words: dict[str, int]) -> PhraseKeys:
    """Return the keys that find where a written numeral may start in a text's word index.

    A numeral's first word is made of morphemes wholly (the scanner's regex takes the first
    in its lower, capitalised or upper case, the rest in any case); a morpheme with a hyphen
    ("quatre-vingt") is cut at it, as the word index cuts the text.
    """
    def head(piece: str) -> str:
        return piece.split("-")[0] if not piece.isalpha() else piece

    morphemes = frozenset(head(fold(w)) for w in words) - {""}
    firsts = frozenset(head(fold(v)) for w in words for v in (w, w.capitalize(), w.upper()))
    longest = max((len(m) for m in morphemes), default=1)

    def is_numeral(word: str) -> bool:
        return any(word.startswith(f) and segment(word[len(f):], morphemes, longest) is not None
                   for f in firsts if f)

    return PhraseKeys(test=is_numeral, heads=firsts - {""}, indexable=all(
        w[:1].isalpha() and all(p.isalpha() for p in w.split("-")) for w in words))
