"""Name normalisation shared by the recogniser and the cross-document resolver.

Written here rather than taken from a phonetic library because the usual ones (Soundex,
Metaphone) are English-only; news names arrive in Latin, Cyrillic and Kazakh Cyrillic with
several romanisations each (Tokayev, Toqaev, Tokaïev, Токаев, Тоқаев), so the keys below
transliterate first (anyascii) and then fold the spelling variants romanisations disagree on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_PUNCT = re.compile(r"[\u2018\u2019\u201c\u201d\u00ab\u00bb'\"`.]")
_SPACES = re.compile(r"[^\w-]+")
# Romanisation variants folded to one spelling, applied in order on ascii lower case.
_PHONETIC: tuple[tuple[str, str], ...] = (
    ("kh", "h"), ("zh", "j"), ("dzh", "j"), ("dj", "j"), ("sch", "sh"), ("tsch", "ch"),
    ("tch", "ch"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("ph", "f"), ("ou", "u"),
    ("yo", "io"), ("ye", "e"), ("y", "i"), ("ij", "i"), ("ii", "i"), ("j", "j"),
)
_VOWELS = re.compile(r"[aeiou]+")
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Casefold, drop accents and quotes, squeeze spaces (same script kept)."""
    if text.isascii() and text.isalnum():  # most words: no accents, quotes or spaces
        return text.lower()
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _PUNCT.sub("", s.casefold())
    return " ".join(_SPACES.sub(" ", s).split())


@lru_cache(maxsize=65536)
def latin(text: str) -> str:
    """Transliterate to ascii Latin and fold: the normalised name used in keys."""
    return fold(anyascii(unicodedata.normalize("NFC", text)))


@lru_cache(maxsize=65536)
def phonetic(text: str) -> str:
    """Fold romanisation variants: Tokayev, Toqaev, Tokaev all give the same string."""
    s = latin(text).replace("-", " ")
    for a, b in _PHONETIC:
        s = s.replace(a, b)
    s = _REPEAT.sub(r"\1", s)
    return re.sub(r"(?<=[aeou])i(?=[aeou])", "", s)  # Tokaiev -> Tokaev


# Person names cross more scripts and romanisations than other names (Tokajew, Tokáyev,
# Mirsijojew, Mirziyoyev), so their key folds further: one alternation (no cascades) maps
# each spelling to one sound; j and y become the vowel i, z joins s, w joins v.
_SOUNDS: dict[str, str] = {
    "dzh": "i", "zh": "i", "dj": "i", "tsch": "ch", "sch": "sh", "tch": "ch", "kh": "h",
    "gh": "g", "ck": "k", "ph": "f", "ou": "u", "q": "k", "c": "k", "ch": "ch", "sh": "sh",
    "w": "v", "x": "ks", "tz": "s", "ts": "s", "z": "s", "y": "i", "j": "i",
}
_SOUND = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))
_GLIDE = re.compile(r"(?<=[aeou])i(?=[aeou])")  # Tokaiev, Mirsioiev: a glide, not a vowel


@lru_cache(maxsize=65536)
def sound(text: str) -> str:
    """Script-independent sound of a name: Tokayev, Tokajew, Toqaev, Токаев give 'tokaev'."""
    s = _SOUND.sub(lambda m: _SOUNDS[m.group()], latin(text).replace("-", " "))
    return _GLIDE.sub("", _REPEAT.sub(r"\1", s))


_COARSE = (("sh", "s"), ("ch", "t"), ("h", ""))


def skeleton(text: str) -> str:
    """Consonant skeleton of the sound form: a coarse blocking key for person names.
    sh/s, ch/t and h fold together so that Russian spellings of Japanese names (Исиба,
    Тиба) share a block with their Hepburn forms (Ishiba, Chiba)."""
    s = sound(text)
    for a, b in _COARSE:
        s = s.replace(a, b)
    return " ".join(w[0] + _VOWELS.sub("", w[1:]) for w in s.split() if w)


def romanise(text: str, rules: dict[str, str]) -> str:
    """Rewrite a name by one language's spelling rules (Turkish Cömert -> jomert) before
    :func:`latin`; ``rules`` map lower-case letter groups to their English spelling."""
    if not rules:
        return text
    pattern = _rules_pattern(tuple(sorted(rules, key=len, reverse=True)))
    return pattern.sub(lambda m: rules[m.group()], text.casefold())


@lru_cache(maxsize=64)
def _rules_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in keys))


@lru_cache(maxsize=262144)
def is_upper_acronym(token: str) -> bool:
    """True for all-caps tokens of at least two letters (TASS, ЕАЭС, MEPhI is not)."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
