"""Base forms (lemmas) of inflected person names: "Сергеем Лавровым" -> "Сергей Лавров".

Russian and Kazakh decline names, so one person turns up as several strings; the base form
is the alias the resolver merges on and exports. A full morphological analyser (pymorphy)
covers Russian only and guesses poorly on foreign names (Нарендры, Исибамен), so the rules
here are per-language suffix rewrites from ``entities.toml``:
``given_lemma_rules`` for given names, ``surname_lemma_rules`` for the last word. A rule
tagged "known" applies only when its result is a listed given name (``given_names``), since
"-а" is a genitive of Владимир but the nominative of Нарендра; a rule tagged "declined"
applies to the surname only when a given name in the same mention was declined, since a
lone "Захарова" may be a woman's nominative; a given-name rule tagged "pair" applies only
when the surname was declined (both words agree in case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A rewrite rule: pattern on the lower-case word, replacement, condition ("", "known",
#: "declined", "pair").
Rule = tuple[re.Pattern[str], str, str]


@dataclass(slots=True, frozen=True)
class LemmaRules:
    """One language's rules for person-name base forms."""

    given: tuple[Rule, ...] = ()
    surname: tuple[Rule, ...] = ()
    given_names: frozenset[str] = frozenset()  # lower-case nominatives
    female_given: tuple[str, ...] = ()  # endings of female given names ("а", "я")

    def __bool__(self) -> bool:
        return bool(self.given or self.surname)


def parse_rules(raw: object) -> tuple[Rule, ...]:
    """Compile [pattern, replacement, (condition)] rows read from TOML."""
    rows = raw if isinstance(raw, list) else []
    return tuple((re.compile(str(r[0])), str(r[1]), str(r[2]) if len(r) > 2 else "")
                 for r in rows)


def _recase(word: str, new: str) -> str:
    """Give the rewritten lower-case word the capitals of the original (Касым-Жомарт)."""
    head = "".join(w if w.lower() == n else n for w, n in zip(word, new, strict=False))
    return head + new[len(head):]


def _rewrite(word: str, rules: tuple[Rule, ...], known: frozenset[str], allowed: str) -> str:
    """Apply the first rule whose pattern and condition hold; the word unchanged if none.
    Conditional rules ("declined", "pair") apply only when ``allowed`` names them."""
    low = word.lower()
    for pattern, repl, cond in rules:
        if cond not in ("", "known", allowed):
            continue
        new = pattern.sub(repl, low)
        if new == low or (cond == "known" and new not in known):
            continue
        return _recase(word, new)
    return word


def person_lemma(name: str, rules: LemmaRules) -> str:
    """Base form of a person name; the name itself when no rule applies."""
    words = name.split()
    if not rules or not words or any(w.isupper() and len(w) > 1 for w in words):
        return name
    given = [_rewrite(w, rules.given, rules.given_names, "") for w in words[:-1]]
    declined = given != words[:-1]
    # "Мария Захарова": a female given name in the nominative keeps the surname as it is
    female = bool(given) and not declined and rules.female_given != () \
        and given[-1].lower().endswith(rules.female_given) \
        and given[-1].lower() not in rules.given_names
    last = words[-1] if female else \
        _rewrite(words[-1], rules.surname, frozenset(), "declined" if declined else "")
    if last != words[-1]:  # "Субраманьямом Джайшанкаром": both words in the same case
        given = [_rewrite(g, rules.given, rules.given_names, "pair") if g == w else g
                 for g, w in zip(given, words[:-1], strict=True)]
    return " ".join([*given, last])


def stem_lemma(surface: str, stem: str, base: str) -> str:
    """Base form of an inflected gazetteer word: the surface's first ``len(stem)`` letters
    (its own capitals and script) and the rest of the folded base name (Москвы -> Москва)."""
    if not base.startswith(stem) or len(stem) > len(surface):
        return surface
    return surface[:len(stem)] + base[len(stem):]
