"""Event triggers: the per-language trigger lexicon, compiled once, and its cues.

Split from :mod:`dossier.extract.events` (which re-exports ``Trigger`` and ``find_triggers``):
reading a sentence's trigger words, their mode ("phone"), and the cues around them (planned,
cancelled, generic use, a reference to the page's own visit) is one job, separate from
finding an event's arguments and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.extract.lexicon import load_lexicon, phrase_pattern

__all__ = ["CUE_WINDOW", "Trigger", "TriggerLex", "cue_spans", "find_triggers", "generic_use",
           "in_reference", "near_cue", "trigger_lex"]

CUE_WINDOW = 40  # chars between a planned-event cue and its trigger ("will pay a visit")


@dataclass(slots=True, kw_only=True, frozen=True)
class Trigger:
    """An event trigger found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    type: str
    text: str
    mode: str | None = None
    needs_place: bool = False  # "estará em", "will be in": a visit only with a place after it


@dataclass(slots=True, frozen=True)
class TriggerLex:
    """One language's compiled trigger lexicon."""

    types: dict[str, re.Pattern[str]]
    modes: list[tuple[re.Pattern[str], str]]
    planned: re.Pattern[str] | None
    cancelled: re.Pattern[str] | None
    prepositions: frozenset[str]
    suffixes: tuple[str, ...]
    generic_after: re.Pattern[str] | None  # "forum come l'ONU": a kind of event, not one
    generic_before: re.Pattern[str] | None  # "BM gibi forumlarda"
    references: re.Pattern[str] | None  # "в ходе визита": the visit the page reports
    between: re.Pattern[str] | None  # "in der Hafenstadt Toulon": words after a locative
    idioms: re.Pattern[str] | None  # "Im Gespräch ist ...": a trigger word, no event
    future: re.Pattern[str] | None  # lower-case words in the future tense ("visitará")
    presence: re.Pattern[str] | None  # "estará em", "will be in": visits when a place follows


@lru_cache(maxsize=32)
def trigger_lex(language: str | None) -> TriggerLex:
    """Compile the trigger lexicon of ``language`` (English when it has none)."""
    return _compile(language or "en")


def _compile(language: str) -> TriggerLex:
    lex = load_lexicon(language) or load_lexicon("en")
    types: dict[str, re.Pattern[str]] = {}
    initial_case = bool(lex.get("case", {}).get("nouns_capitalised", False))
    for kind, phrases in lex.get("triggers", {}).items():
        pat = phrase_pattern(list(phrases), initial_case)
        if pat is not None:
            types[kind] = pat
    modes = []
    for phrase, mode in lex.get("modes", {}).items():
        pat = phrase_pattern([phrase])
        if pat is not None:
            modes.append((pat, str(mode)))
    place = lex.get("place", {})
    return TriggerLex(
        types=types, modes=modes, planned=phrase_pattern(lex.get("planned", {}).get("cues", [])),
        cancelled=phrase_pattern(lex.get("cancelled", {}).get("cues", [])),
        prepositions=frozenset(p.lower() for p in place.get("prepositions", [])),
        suffixes=tuple(sorted(place.get("suffixes", []), key=len, reverse=True)),
        generic_after=_edge_pattern(lex.get("generic", {}).get("after", []), after=True),
        generic_before=_edge_pattern(lex.get("generic", {}).get("before", []), after=False),
        references=phrase_pattern(lex.get("references", {}).get("cues", [])),
        between=phrase_pattern(place.get("between", [])),
        idioms=phrase_pattern(lex.get("generic", {}).get("idioms", [])),
        future=_ending_pattern(lex.get("planned", {}).get("future_endings", [])),
        presence=phrase_pattern(lex.get("presence", {}).get("visit", [])),
    )


def _ending_pattern(endings: list[str]) -> re.Pattern[str] | None:
    """Match a lower-case word ending in one of ``endings`` ("se rendra", "ziyaret edecek")."""
    if not endings:
        return None
    alt = "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?=[^\W\d_])(?-i:[^\W\d_A-ZÀ-ÞА-ЯЁ])\w*(?:{alt})(?![\w])")


def _edge_pattern(words: list[str], after: bool) -> re.Pattern[str] | None:
    """Match one of ``words`` right after (or right before) a trigger."""
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if after:
        return re.compile(rf"^[\s,]*(?:{alt})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{alt})[\s,]*$", re.IGNORECASE)


def find_triggers(text: str, language: str | None) -> list[Trigger]:
    """Find event triggers in ``text``; where triggers overlap the longest wins.

    Triggers beside a cancellation cue ("the visit was postponed") are dropped: nothing
    happened and nothing is planned.
    """
    lex = trigger_lex(language)
    found: list[Trigger] = []
    for kind, pat in lex.types.items():
        for m in pat.finditer(text):
            mode = next((md for rx, md in lex.modes if rx.fullmatch(m.group(0))), None)
            found.append(Trigger(start=m.start(), end=m.end(), type=kind, text=m.group(0),
                                 mode=mode))
    for m in lex.presence.finditer(text) if lex.presence is not None else ():
        found.append(Trigger(start=m.start(), end=m.end(), type="visit", text=m.group(0),
                             needs_place=True))
    keep: list[Trigger] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in keep):
            keep.append(t)
    return sorted((t for t in keep if not near_cue(lex.cancelled, text, t)), key=lambda t: t.start)


@lru_cache(maxsize=128)  # each trigger of a sentence asks again; a pure function of the two
def cue_spans(cues: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every match of ``cues`` in ``text``."""
    return tuple(m.span() for m in cues.finditer(text))


def near_cue(cues: re.Pattern[str] | None, text: str, trig: Trigger) -> bool:
    """True when a cue stands within CUE_WINDOW characters before or after the trigger."""
    for start, end in cue_spans(cues, text) if cues is not None else ():
        if end <= trig.start and trig.start - end <= CUE_WINDOW:
            return True
        if start >= trig.end and start - trig.end <= CUE_WINDOW:
            return True
    return False


def generic_use(lex: TriggerLex, text: str, trig: Trigger) -> bool:
    """True for a trigger used as a common noun: "in sedi come il G20", "AGİT gibi kurumlarda"."""
    after = text[trig.end:trig.end + 24]
    before = text[max(0, trig.start - 24):trig.start]
    if lex.idioms and any(start <= trig.start and trig.end <= end
                          for start, end in cue_spans(lex.idioms, text)):
        return True
    return bool((lex.generic_after and lex.generic_after.match(after))
                or (lex.generic_before and lex.generic_before.search(before)))


def in_reference(lex: TriggerLex, text: str, trig: Trigger) -> bool:
    """True for a trigger inside a reference to the current visit ("в ходе визита")."""
    return any(start <= trig.start and trig.end <= end
               for start, end in (cue_spans(lex.references, text) if lex.references else ()))
