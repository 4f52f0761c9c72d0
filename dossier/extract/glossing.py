"""Agreement titles in English: the per-language agreement lexicon, glossing and title keys.

Split from :mod:`dossier.extract.agreements` (which re-exports ``gloss``, ``same_title`` and
``title_key``): compiling the lexicon and glossing a title word by word into English is used
both where titles are found in a page and where agreements fuse across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.extract.titles import Chunk, Kind, english_order, head_first, title_case

__all__ = ["AgreementLex", "agreement_lex", "fold", "gloss", "gloss_word", "is_cap",
           "same_title", "title_key", "tokens"]

SAME_TITLE = 85  # rapidfuzz token_set_ratio of glossed titles naming one document
TOKEN = re.compile(r"[^\W_]+(?:[-–][^\W_]+)*['’]?|[,.;:()«»\"“”!?]")
YEAR_WORD = re.compile(r"(?:19|20)\d\d")
ENGLISH_STOP = frozenset({"on", "of", "the", "and", "to", "a", "an", "for", "between", "in",
                          "at", "by", "with", "from"})


@dataclass(slots=True, frozen=True)
class AgreementLex:
    """One language's compiled agreement lexicon."""

    heads: list[tuple[re.Pattern[str], str, str]]  # pattern, kind, English head
    any_head: re.Pattern[str] | None  # all heads at once: most sentences name no document
    plurals: re.Pattern[str] | None  # heads naming a set ("agreements"): counted, never kept
    sign: re.Pattern[str] | None
    idioms: re.Pattern[str] | None
    links: frozenset[str]
    stops: frozenset[str]
    head_final: bool
    glossary: dict[tuple[str, ...], str]
    glossary_len: int
    stems: list[tuple[str, str]]  # glossary keys written "stem*", longest first
    preps: frozenset[str]  # locative prepositions ("в 2022 году" ends a title)
    counts: frozenset[str]  # count words before a head: "una quarantina di accordi"
    prefix_suffixes: tuple[str, ...]  # name adjectives before a head: "Aachener Vertrag"
    adjectives_after: bool  # "cooperazione economica": English puts the adjective first
    adjectives: re.Pattern[str] | None  # words that are such adjectives ("economic*")
    genitive: tuple[str, ...]  # endings of a genitive after a head: "of" ("программа ...ого")
    conjunctions: frozenset[str]  # "und", "ile", "және": a second document may follow
    topic_links: frozenset[str]  # head-final: "ilişkin", "туралы" end the topic before a head


@lru_cache(maxsize=32)
def agreement_lex(language: str) -> AgreementLex:
    """Compile the agreement lexicon of ``language`` (English when it has none)."""
    lex = load_lexicon(language) or load_lexicon("en")
    sec: dict[str, Any] = lex.get("agreements", {})
    heads = []
    for phrase, (kind, english) in sorted(sec.get("heads", {}).items(),
                                          key=lambda kv: len(kv[0]), reverse=True):
        pat = phrase_pattern([phrase])
        if pat is not None:
            heads.append((pat, str(kind), str(english)))
    if sec.get("compounds", False):
        heads += _compound_heads(sec.get("heads", {}))
    sign = phrase_pattern(list(lex.get("triggers", {}).get("agreement", []))
                          + list(sec.get("adopt", [])))
    entries = sec.get("glossary", {})
    glossary = {tuple(fold(k).split()): str(v) for k, v in entries.items()
                if not k.endswith("*")}
    stems = sorted(((fold(k[:-1]), str(v)) for k, v in entries.items() if k.endswith("*")),
                   key=lambda kv: len(kv[0]), reverse=True)
    any_head = phrase_pattern(list(sec.get("heads", {})))
    if any_head is not None and sec.get("compounds", False):
        # "Investitionskooperationsprogramm": a head closing a compound word is a head too
        any_head = re.compile("|".join([any_head.pattern] + [p.pattern for p, _k, _e in heads
                                                             if p.pattern.startswith(COMPOUND)]),
                              re.IGNORECASE)
    return AgreementLex(
        heads=heads, any_head=any_head, sign=sign,
        plurals=phrase_pattern(list(sec.get("plurals", []))),
        idioms=phrase_pattern(list(sec.get("idioms", []))),
        links=frozenset(fold(w) for w in sec.get("links", [])),
        stops=frozenset(fold(w) for w in sec.get("stops", [])),
        head_final=bool(sec.get("head_final", False)), glossary=glossary,
        glossary_len=max((len(k) for k in glossary), default=1), stems=stems,
        counts=frozenset(fold(w) for w in sec.get("counts", [])),
        preps=frozenset(fold(w) for w in lex.get("place", {}).get("prepositions", [])),
        prefix_suffixes=tuple(sec.get("prefix_suffixes", [])),
        adjectives_after=bool(sec.get("adjectives_after", False)),
        adjectives=phrase_pattern([fold(w) for w in sec.get("adjectives", [])]),
        genitive=tuple(sec.get("genitive_endings", [])),
        conjunctions=frozenset(fold(w) for w in sec.get("conjunctions", [])),
        topic_links=frozenset(fold(w) for w in sec.get("topic_links", [])),
    )


COMPOUND = r"(?<![\w])[^\W\d_]{3,}?"  # a compound's first part, before a head word
COMPOUND_ENDINGS = r"(?:e?s|e|en|n)?(?![\w])"  # case and plural endings of a compound head


def _compound_heads(entries: dict[str, Any]) -> list[tuple[re.Pattern[str], str, str]]:
    """Patterns for compounds that end in a one-word head ("Investitionskooperations-
    programm", "Grenzabkommen"), after the listed heads: a listed compound keeps its own
    English ("Freihandelsabkommen"), any other takes its head's ("Programme")."""
    out = []
    for phrase, (kind, english) in sorted(entries.items(), key=lambda kv: len(kv[0]),
                                          reverse=True):
        if " " in phrase:
            continue
        stem = re.escape(phrase.rstrip("*").casefold())
        out.append((re.compile(COMPOUND + stem + COMPOUND_ENDINGS, re.IGNORECASE), str(kind),
                    str(english)))
    return out


def fold(text: str) -> str:
    # casefold turns Turkish "İ" into "i" + combining dot; drop the dot so "İttifak" matches
    return text.casefold().replace("\u0307", "").replace("’", "'").strip()


def is_cap(tok: str) -> bool:
    # "dell'Amur" (the name after the apostrophe), "Beyannamesi'nin" (a case ending after it)
    return any(p[:1].isupper() or p[:1].isdigit() for p in re.split("['’]", tok) if p)


def tokens(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in TOKEN.finditer(text):
        out.append(m)
    return out


def gloss_word(word: str, alex: AgreementLex) -> str | None:
    """English for one word: the glossary, then its stems ("партнерств*" for any case)."""
    folded = fold(word)
    hit = alex.glossary.get((folded,))
    if hit is not None:
        return hit
    return next((eng for stem, eng in alex.stems if folded.startswith(stem)), None)


def gloss(title: str, language: str | None, head: tuple[int, str] | None = None) -> tuple[str,
                                                                                          bool]:
    """Gloss ``title`` into English; return (English title, every word was known).

    Phrases of the glossary first, then words and stems; names written with a capital in a
    lower-case title pass through ("sul Fondo Rossi per l'Oceania"); then English word order
    and title case (:mod:`dossier.extract.titles`).
    """
    alex = agreement_lex(language or "en")
    if alex.head_final:  # Turkish case endings after an apostrophe: "Deklarasyonu'nu"
        title = re.sub(r"(?<=\w)['’]\w+", "", title)
    words = [m.group(0) for m in tokens(title) if m.group(0)[:1].isalnum()]
    folded = [fold(w) for w in words]
    # capitals mark names only in a title written in lower case ("traité de Saint-Malo")
    names_ok = any(w[:1].islower() and f not in alex.links
                   for w, f in zip(words, folded, strict=True))
    out: list[Chunk] = []
    known = True
    i = 0
    while i < len(words):
        for n in range(min(alex.glossary_len, len(words) - i), 0, -1):
            eng = alex.glossary.get(tuple(folded[i:i + n]))
            if eng is not None:
                out.append(Chunk(eng, _kind(folded[i], n, alex)))
                i += n
                break
        else:
            head_eng = _head_english(words[i], alex)
            word_eng = head_eng or gloss_word(words[i], alex)
            if head_eng and i + 1 < len(words) and _genitive(folded[i + 1], alex):
                head_eng += " of"  # "Программа экономического сотрудничества"
            if word_eng and head_eng:
                word_eng = head_eng
            if word_eng:
                out.append(Chunk(word_eng, "noun" if head_eng else _kind(folded[i], 1, alex)))
            elif words[i][:1].isdigit():
                out.append(Chunk(words[i], "num"))
            elif names_ok and i and is_cap(words[i]) and words[i].isascii():
                out.append(Chunk(words[i], "name"))
            else:
                out.append(Chunk(words[i], "noun"))
                known = False
            i += 1
    english = english_order(out, alex.adjectives_after)
    if alex.head_final and len(english) > 1:
        english = head_first(english[:-1], english[-1])
    return title_case(english), known


def _genitive(folded: str, alex: AgreementLex) -> bool:
    """True for a content word in the genitive right after a head (per-language endings)."""
    return folded not in alex.links and folded.endswith(alex.genitive) if alex.genitive \
        else False


def _kind(folded: str, n: int, alex: AgreementLex) -> Kind:
    """What a glossed source word is: a link word, an adjective that follows its noun, a noun."""
    if n == 1 and folded in alex.links:
        return "link"
    if n == 1 and alex.adjectives and alex.adjectives.fullmatch(folded):
        return "adj"
    return "noun"


def _head_english(word: str, alex: AgreementLex) -> str | None:
    for pat, _kind, english in alex.heads:
        if pat.fullmatch(word):
            return english
    return None


def title_key(title: str, language: str | None) -> str:
    """Normalised English gloss of a title, for comparing titles across languages."""
    text, _ = gloss(title, language)
    words = [w for w in anyascii(text).casefold().replace("-", " ").split()
             if w.isalnum() and w not in ENGLISH_STOP]
    return " ".join(words)


def same_title(a: str, b: str) -> bool:
    """Tell whether two title keys name one document (one may be a shortened form)."""
    ta, tb = set(a.split()), set(b.split())
    ya, yb = {w for w in ta if YEAR_WORD.fullmatch(w)}, {w for w in tb if YEAR_WORD.fullmatch(w)}
    if ya and yb and ya != yb:
        return False  # the programme for 2025-2027 is not the one for 2026-2030
    if min(len(ta), len(tb)) >= 3 and (ta <= tb or tb <= ta):
        return True
    return fuzz.token_set_ratio(a, b) >= SAME_TITLE
