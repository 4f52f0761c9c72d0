"""Derived forms of country and macro-region names, for scripts/build_gazetteer.py.

CLDR and iso-codes give each country one short and one official name per language; the
press also writes:
- the official names iso-codes files under an inverted English key ("Korea, Republic of"
  -> "Republic of Korea", "Корея Республикасы", "Kore Cumhuriyeti");
- the common compass names of macro-regions ("North Africa", "Nord Africa", "Afrique du
  Nord", "Norte de África"), where CLDR has the formal "Northern Africa";
- the case forms of multi-word names in Russian ("Республики Казахстан", "Южной Кореи",
  "Центральной Азии") and Kazakh ("Корея Республикасына", "Орталық Азиядағы"), which the
  matcher's one-word case endings cannot reach;
- the Cyrillic initialisms of official names (КНР, США, ОАЭ, ҚР, РБ).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from babel.languages import get_official_languages

Row = tuple[str, str, str, list[str]]

#: direction letter of the CLDR sub-regions named "<Compass> <continent>" in English
_EN_COMPASS = {"Northern": "N", "Southern": "S", "Eastern": "E", "Western": "W"}
#: language -> templates ({D} the direction word, {C} the continent, {c} lower case) and
#: the direction words N S E W, as the press writes macro-regions
PRESS_COMPASS: dict[str, tuple[tuple[str, ...], tuple[str, str, str, str]]] = {
    "en": (("{D} {C}",), ("North", "South", "East", "West")),
    "fr": (("{C} {D}",), ("du Nord", "du Sud", "de l'Est", "de l'Ouest")),
    "it": (("{C} del {D}", "{D} {C}"), ("Nord", "Sud", "Est", "Ovest")),
    "es": (("{C} del {D}", "{D} de {C}"), ("Norte", "Sur", "Este", "Oeste")),
    "pt": (("{C} do {D}", "{D} da {C}"), ("Norte", "Sul", "Leste", "Oeste")),
    "de": (("{D}{c}",), ("Nord", "Süd", "Ost", "West")),
    "ru": (("{D} {C}",), ("Северная", "Южная", "Восточная", "Западная")),
    "tr": (("{D} {C}",), ("Kuzey", "Güney", "Doğu", "Batı")),
    "kk": (("{D} {C}",), ("Солтүстік", "Оңтүстік", "Шығыс", "Батыс")),
}


def invert_designation(english: str, name: str) -> str | None:
    """'Korea, Republic of' -> 'Republic of Korea' (and the same for its translations),
    when the English tail is a designation ('Republic of'); None for lists ('Bonaire, Sint
    Eustatius and Saba'), qualifiers ('Province of China', 'British')."""
    _, sep, tail = english.partition(", ")
    if not sep:
        return name
    if not tail.endswith((" of", " of the")):
        return None
    t_head, t_sep, t_tail = name.partition(", ")
    return f"{t_tail} {t_head}" if t_sep else name


def comma_head(english: str, name: str) -> str | None:
    """The short name before the comma ('Korea' of 'Korea, Republic of'), in any language."""
    if not english.endswith((" of", " of the")):
        return None  # "Virgin Islands, British": the head names two territories
    head, sep, _ = name.partition(", ")
    return head if sep else None


def press_regions(en_name: str, continents: dict[str, dict[str, str]],
                  codes: dict[str, str]) -> dict[str, set[str]]:
    """Press forms of a CLDR sub-region named '<Compass> <continent>' ("Northern Africa"),
    per language; ``codes`` maps CLDR region names in English to their codes."""
    first, _, rest = en_name.partition(" ")
    direction = _EN_COMPASS.get(first)
    cont = codes.get(rest)
    if direction is None or cont is None or not rest:
        return {}
    k = "NSEW".index(direction)
    out: dict[str, set[str]] = {}
    for lang, (templates, words) in PRESS_COMPASS.items():
        c = continents.get(lang, {}).get(cont)
        if c:
            out[lang] = {t.format(D=words[k], C=c, c=c.lower()) for t in templates}
    return out


# Russian declension of a name's leading adjectives and head noun (the words after the
# head are a genitive or an apposition and stay: "Республики Казахстан", "Штатов Америки").
# Cases in order: genitive, dative, accusative, instrumental, prepositional.
_RU_ADJ = (("ая", ("ой", "ой", "ую", "ой", "ой")), ("яя", ("ей", "ей", "юю", "ей", "ей")),
           ("ый", ("ого", "ому", "ый", "ым", "ом")), ("ой", ("ого", "ому", "ой", "ым", "ом")),
           ("кий", ("кого", "кому", "кий", "ким", "ком")),
           ("ий", ("его", "ему", "ий", "им", "ем")), ("ое", ("ого", "ому", "ое", "ым", "ом")),
           ("ее", ("его", "ему", "ее", "им", "ем")), ("ые", ("ых", "ым", "ые", "ыми", "ых")),
           ("ие", ("их", "им", "ие", "ими", "их")))
_RU_NOUN = (("ия", ("ии", "ии", "ию", "ией", "ии")),
            ("ка", ("ки", "ке", "ку", "кой", "ке")), ("га", ("ги", "ге", "гу", "гой", "ге")),
            ("ха", ("хи", "хе", "ху", "хой", "хе")), ("а", ("ы", "е", "у", "ой", "е")),
            ("я", ("и", "е", "ю", "ей", "е")), ("о", ("а", "у", "о", "ом", "е")),
            ("ты", ("тов", "там", "ты", "тами", "тах")), ("й", ("я", "ю", "й", "ем", "е")))
_RU_CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _ru_word(word: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str] | None:
    """The five oblique forms of one word by the first ending of ``table`` it has."""
    head, dash, last = word.rpartition("-")
    low = last.lower()
    for end, forms in table:
        if low.endswith(end):
            stem = last[: len(last) - len(end)]
            return [f"{head}{dash}{stem}{f}" for f in forms]
    return None


def ru_cases(name: str) -> list[str]:
    """Oblique case forms of a multi-word Russian name ("Южная Корея" -> "Южной Кореи", ...)."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() or w == "и" for w in words):
        return []
    declined: list[list[str]] = []
    for i, w in enumerate(words):
        forms = _ru_word(w, _RU_ADJ) if i < len(words) - 1 else None
        if forms is not None:
            declined.append(forms)
            continue
        forms = _ru_word(w, _RU_NOUN)
        if forms is None and _RU_CONSONANT.search(w.lower()):
            forms = [w + e for e in ("а", "у", "", "ом", "е")]  # "Восток", "Союз"
        if forms is None:
            return []
        declined.append(forms)
        rest = words[i + 1:]
        return sorted({" ".join([*(d[c] for d in declined), *rest]) for c in range(5)} - {name})
    return []


# Kazakh case endings of a name's last word, chosen by vowel harmony and its last sound;
# after a possessive ("Республикасы", "Штаттары") the pronominal n joins the ending.
_KK_BACK, _KK_FRONT = set("аоұыяу"), set("әөүіеэ")
_KK_VOWELS = set("аәеэиоөұүыіюяу")
_KK_SONORANT = set("мнң")
_KK_VOICED = set("лрйзж")


def _kk_endings(word: str, possessive: bool) -> list[str]:
    low = word.lower()
    back = next((c in _KK_BACK for c in reversed(low) if c in _KK_BACK | _KK_FRONT), True)
    a, y, g = ("а", "ы", "ғ") if back else ("е", "і", "г")
    if possessive:
        return [f"н{y}ң", f"н{a}", "н", f"нд{a}", f"н{a}н", "мен", f"нд{a}{g}{y}"]
    last = low[-1]
    if last in _KK_VOWELS:
        return [f"н{y}ң", f"{g}{a}", f"н{y}", f"д{a}", f"д{a}н", "мен", f"д{a}{g}{y}"]
    if last in _KK_SONORANT:
        return [f"н{y}ң", f"{g}{a}", f"д{y}", f"д{a}", f"н{a}н", "мен", f"д{a}{g}{y}"]
    if last in _KK_VOICED:
        ins = "бен" if last in "зж" else "мен"
        return [f"д{y}ң", f"{g}{a}", f"д{y}", f"д{a}", f"д{a}н", ins, f"д{a}{g}{y}"]
    k = "қ" if back else "к"
    return [f"т{y}ң", f"{k}{a}", f"т{y}", f"т{a}", f"т{a}н", "пен", f"т{a}{g}{y}"]


def kk_cases(name: str) -> list[str]:
    """Case forms of a multi-word Kazakh name ("Корея Республикасы" -> "...Республикасына")."""
    words = name.split()
    if len(words) < 2 or not all(w[-1:].isalpha() for w in words):
        return []
    last = words[-1]
    possessive = last.lower().endswith(("сы", "сі", "ы", "і"))
    return [f"{name}{e}" for e in _kk_endings(last, possessive)]


#: function words skipped in an initialism ("Босния и Герцеговина")
_LINKS = {"и", "және"}


def initialism(name: str) -> str | None:
    """Cyrillic initials of an official name (Китайская Народная Республика -> КНР)."""
    letters = []
    for word in name.split():
        if word.lower() in _LINKS:
            continue
        for part in word.split("-"):
            if not part[:1].isupper() or not re.match(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]", part):
                return None
            letters.append(part[0])
    return "".join(letters) if 2 <= len(letters) <= 4 else None


def initialisms(official: Iterable[tuple[str, str, str]]) -> dict[str, set[str]]:
    """Initialisms of (code, language, multi-word name) for the country whose official
    language it is (ҚР in Kazakh, РФ and РБ in Russian): a domestic usage, and one that two
    such countries share (РК: Kazakhstan and Kyrgyzstan in Russian) goes to neither. Foreign
    ones in use (КНР, ОАЭ) are few and curated: most generated ones are words (МИР, НДС)."""
    by_abbr: dict[tuple[str, str], set[str]] = {}
    for code, lang, name in official:
        abbr = initialism(name)
        if abbr is not None and lang in get_official_languages(code, de_facto=True):
            by_abbr.setdefault((lang, abbr), set()).add(code)
    out: dict[str, set[str]] = {}
    for (_, abbr), codes in by_abbr.items():
        if len(codes) == 1:
            out.setdefault(codes.pop(), set()).add(abbr)
    return out


@dataclass(slots=True)
class Derived:
    """What one row derives: extra names, case forms (form -> base) and the multi-word
    Cyrillic names initialisms are made of, as (language, name)."""

    extra: set[str] = field(default_factory=set)
    cases: dict[str, str] = field(default_factory=dict)
    multi: list[tuple[str, str]] = field(default_factory=list)
    press: dict[str, set[str]] = field(default_factory=dict)

    def add_press(self, press: dict[str, set[str]]) -> None:
        """Compass names of a macro-region (declined below, in Russian and Kazakh)."""
        self.press = press
        self.extra.update(n for found in press.values() for n in found)

    def add_official(self, country: Any, trans: dict[str, Any],
                     by_lang: dict[str, set[str]]) -> None:
        """Official names and their translations into ``by_lang``; an inverted English key
        ("Korea, Republic of") is turned round and its short head kept as an extra."""
        official = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
        for o in filter(None, official):
            for lang, name in [("en", o), *((lg, t.gettext(o)) for lg, t in trans.items())]:
                full = name if "," not in o else invert_designation(o, name)
                if full is not None and (full == name or full[:1].isupper()):
                    by_lang.setdefault(lang, set()).add(full)
                if (head := comma_head(o, name)) is not None:
                    self.extra.add(head)

    def add_cases(self, by_lang: dict[str, set[str]]) -> None:
        """Case forms of the Russian and Kazakh names, and the initialism sources."""
        code_names = ((lang, by_lang.get(lang, set()) | self.press.get(lang, set()))
                      for lang in ("ru", "kk"))
        for lang, names in code_names:
            cases = ru_cases if lang == "ru" else kk_cases
            for n in names:
                self.cases.update((f, n) for f in cases(n))
        self.extra.update(self.cases)
        self.multi = [(lang, n) for lang in ("ru", "kk", "uk") for n in by_lang.get(lang, ())
                      if " " in n]


def _squash(name: str) -> str:
    """A name compared across rows: case, accents, spaces and hyphens ignored."""
    s = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in s if c.isalnum())


def with_derived(rows: list[Row], derived: dict[str, Derived],
                 curated: list[tuple[str, str, str, str]]) -> tuple[list[Row], dict[str, str]]:
    """Add the derived names and initialisms that name no other row, curated entry or
    another row's derived form ("Sud Africa" is South Africa before it is a part of
    Africa); return the rows and the kept case forms with their base forms. ``curated``
    holds (key, name, type, canonical name) of the curated entries: the case forms of a
    curated name go to its entry ("Орталық Азиядағы" to the curated Central Asia), in a
    row of their own."""
    rows = [*rows, *_curated_rows(derived, curated)]
    owner: dict[str, set[str]] = {}
    for key, n in [*((k, n) for k, _, _, names in rows for n in names),
                   *((k, n) for k, n, _, _ in curated)]:
        owner.setdefault(_squash(n), set()).add(key)
    abbrs = initialisms((key.split(":", 1)[1], lang, n) for key, d in derived.items()
                        for lang, n in d.multi)
    claims: dict[str, set[str]] = {}
    extras = {key: d.extra | abbrs.get(key.split(":", 1)[1], set()) for key, d in derived.items()}
    for key, extra in extras.items():
        for n in extra:
            claims.setdefault(_squash(n), set()).add(key)
    out, cases = [], {}
    for key, typ, canon, names in rows:
        kept = {n for n in extras[key] if owner.get(_squash(n), {key}) <= {key}
                and claims[_squash(n)] == {key}}
        cases.update((f, b) for f, b in derived[key].cases.items() if f in kept)
        if names or kept:
            out.append((key, typ, canon, sorted(set(names) | kept)))
    return out, cases


def _curated_rows(derived: dict[str, Derived],
                  curated: list[tuple[str, str, str, str]]) -> list[Row]:
    """Move the case forms of curated names to their curated keys; empty rows for those."""
    by_name = {}
    meta = {}
    for key, name, typ, canon in curated:
        by_name.setdefault(_squash(name), key)
        meta[key] = (typ, canon)
    moved: dict[str, Derived] = {}
    for key, d in list(derived.items()):
        for form, base in list(d.cases.items()):
            target = by_name.get(_squash(base))
            if target is not None and target != key:
                del d.cases[form]
                d.extra.discard(form)
                m = moved.setdefault(target, Derived())
                m.cases[form] = base
                m.extra.add(form)
    out = []
    for key, d in moved.items():
        if key in derived:  # a curated key with a row of its own takes them there
            derived[key].cases.update(d.cases)
            derived[key].extra.update(d.extra)
        else:
            derived[key] = d
            out.append((key, *meta[key], []))
    return out
