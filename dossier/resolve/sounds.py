"""Second keys for names that cross scripts: a coarse sound key and Chinese in pinyin.

The resolver's first key (``normalize.sound``) folds the spellings romanisations disagree on
and leaves vowels alone, so "Tokayev" and "Токаев" meet but some pairs do not:
- Korean names in Russian (Kontsevich) and in English: "Ли Чжэ Мён" / "Lee Jae-myung";
- Turkic and Chinese place names through Russian, Kazakh and German: "Karabağ" / "Карабах",
  "Қорғас" / "Хоргос" / "Chorgos", "Тачэн" / "Tacheng";
- Chinese names in the Palladius system: "Дин Сюэсян" / "Ding Xuexiang".
:func:`coarse` keeps only consonant classes and the number of vowel groups, so it is used
only between forms in different scripts and with further checks (resolve/entities.py);
:func:`pinyin` respells a Cyrillic name that is made of Palladius syllables only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.nlp.entities.normalize import latin

# Letter groups -> consonant class, longest first; vowels and glides become "a".
_CLASSES: dict[str, str] = {
    "tsch": "c", "chzh": "j", "dzh": "j", "tsz": "j", "sch": "s", "tch": "c", "ch": "c",
    "zh": "j", "dj": "j", "dz": "j", "kh": "k", "gh": "k", "ph": "f", "sh": "s", "ts": "s",
    "tz": "s", "ck": "k", "ng": "n", "k": "k", "q": "k", "c": "k", "g": "k", "h": "k",
    "x": "s", "s": "s", "z": "s", "j": "j", "w": "v", "f": "f", "v": "v",
}
_CLASS = re.compile("|".join(sorted(_CLASSES, key=len, reverse=True)))
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"([^a])\1+")


@lru_cache(maxsize=65536)
def coarse(text: str) -> str:
    """Consonant classes with one 'a' per vowel group: Karabağ, Карабах give 'karabak';
    velars and h fold together (Turkish ğ, Kazakh қ and ғ, Russian х), as do the sibilants
    (Chinese x, Russian с) and affricates written j, zh, чж, цз."""
    s = latin(text).replace("-", " ")
    s = _VOWEL_RUN.sub("a", s)
    s = _CLASS.sub(lambda m: _CLASSES[m.group()], s)
    return _REPEAT.sub(r"\1", s)


def consonants(key: str) -> int:
    """Number of consonant letters in a coarse key (how much it says)."""
    return sum(1 for c in key if c.isalpha() and c != "a")


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_TURKIC_LATIN = re.compile(r"[ğışəĞİŞƏ]")


def script(text: str) -> str:
    """The spelling system a name is written in: Kazakh or Russian Cyrillic, Turkic or
    other Latin (a coarse match means something only between two of them: Қорғас and
    Хоргос, Karabağ and Karabakh)."""
    if _CYRILLIC.search(text):
        return "kaz" if _KAZAKH.search(text) else "cyrl"
    return "latn-tr" if _TURKIC_LATIN.search(text) else "latn"


# Pinyin syllables and their Palladius spelling, built from initials and finals.
_INITIALS = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
             "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
             "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с"}
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
           "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и",
           "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
           "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
           "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй",
           "ve": "юэ", "van": "юань", "vn": "юнь"}
#: zero-initial spellings (yi, wu, yu...) and the apical vowels (zi, shi)
_SPECIAL = {"yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
            "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у", "wa": "ва",
            "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь",
            "wang": "ван", "weng": "вэн", "yu": "юй", "yue": "юэ", "yuan": "юань",
            "yun": "юнь", "er": "эр", "zi": "цзы", "ci": "цы", "si": "сы", "zhi": "чжи",
            "chi": "чи", "shi": "ши", "ri": "жи", "hui": "хуэй"}
_LABIAL, _PALATAL = set("bpmf"), {"j", "q", "x"}
_RETRO = {"zh", "ch", "sh", "r", "z", "c", "s"}


def _valid(ini: str, fin: str) -> bool:
    """Whether a consonant initial and a final make a pinyin syllable (a coarse rule set:
    enough to keep Palladius readings unambiguous, not a full syllabary)."""
    if ini in _PALATAL:
        return fin.startswith(("i", "v"))
    if fin.startswith("v"):
        return ini in ("n", "l")
    if fin == "o":
        return ini in _LABIAL
    if fin.startswith("i"):
        return ini in {"b", "p", "m", "d", "t", "n", "l"} and fin != "iong"
    if fin in ("ua", "uai", "uang"):
        return ini in {"g", "k", "h", "zh", "ch", "sh"}
    if fin == "ong" or fin.startswith("u"):
        return ini not in _LABIAL or fin == "u"
    return True


@lru_cache(maxsize=1)
def _syllables() -> dict[str, str]:
    """Palladius syllable -> pinyin syllable (a syllable with no initial is spelled with
    y, w or alone, as in _SPECIAL and the bare finals a, o, e, ai, ...)."""
    table = dict.fromkeys(("а", "о", "э", "ай", "эй", "ао", "оу", "ань", "энь", "ан", "эн"), "")
    table = {cyr: fin for fin, cyr in _FINALS.items() if cyr in table}
    for ini, ci in _INITIALS.items():
        for fin, cf in _FINALS.items():
            if ini and _valid(ini, fin):
                table.setdefault(ci + cf, ini + fin.replace("v", "u" if ini in _PALATAL else "v"))
    table.update({cyr: py for py, cyr in _SPECIAL.items()})
    return table


@lru_cache(maxsize=16384)
def _word(word: str) -> str | None:
    """Pinyin of one Cyrillic word made of Palladius syllables (fewest syllables), or None."""
    table, n = _syllables(), len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            py, prev, there = table.get(word[i:j]), best[i], best[j]
            if py is not None and prev is not None and (there is None
                                                        or len(there) > len(prev) + 1):
                best[j] = [*prev, py]
    found = best[n]
    return "".join(found) if found else None


def pinyin(name: str) -> str | None:
    """'Дин Сюэсян' -> 'ding xuexiang': a Cyrillic name whose every word is made of
    Palladius syllables (Chinese names in Russian and Kazakh), else None."""
    words = name.lower().replace("ё", "е").replace("ъ", " ").replace("-", " ").split()
    if not words or not all(_CYRILLIC.search(w) for w in words):
        return None
    out = [_word(w) for w in words]
    return " ".join(o for o in out if o) if all(out) else None
