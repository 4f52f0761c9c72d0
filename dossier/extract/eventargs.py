"""Event arguments: which mentions of a sentence can be an event's actors, and its place.

Split from :mod:`dossier.extract.events`: the subject/object window around a trigger, the
look-back to earlier sentences for a pronoun subject, and locatives ("in Astana", "в Москве")
are rules over the entity stage's mentions, independent of how triggers and dates are read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dossier.extract.dateline import dateline_spans
from dossier.extract.eventfilter import agency_byline, not_actor
from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.extract.triggers import Trigger, TriggerLex, find_triggers
from dossier.model import DocEvent, Document, Mention, Sentence
from dossier.nlp.dates import DateSpan, compatible

__all__ = ["arguments", "chairs", "cited_source", "nearest", "persons_of", "place_of",
           "sentence_mentions", "signers", "trigger_actors"]

ACTOR_TYPES = ("person", "country", "organization")
PLACE_TYPES = ("place", "country")
LOOKBACK = 2  # sentences searched backwards for actors when a trigger's sentence names none
ACTOR_WINDOW = 150  # chars around a trigger where its subject and object stand
PLACE_WORDS = 3  # words before a place name searched for a locative preposition
SOURCE_GAP = 60  # chars between "according to" and the name it cites (titles between)


def nearest(items: list[Any], pos: int, key: Any) -> Any:
    return min(items, key=lambda x: abs(key(x) - pos)) if items else None


def sentence_mentions(doc: Document) -> list[list[Mention]]:
    """Group ``doc.mentions`` by sentence index (by offsets where the index is unset)."""
    out: list[list[Mention]] = [[] for _ in doc.sentences]
    for m in doc.mentions:
        idx = m.sentence
        if not 0 <= idx < len(out):
            idx = next((i for i, s in enumerate(doc.sentences) if s.start <= m.start < s.end), -1)
        if idx >= 0:
            out[idx].append(m)
    return out


def _actors(mentions: list[Mention]) -> list[str]:
    keys: list[str] = []
    for m in mentions:
        if (m.type in ACTOR_TYPES or m.role == "actor") and m.key not in keys:
            keys.append(m.key)
    return keys


def place_of(doc: Document, sent: Sentence, mentions: list[Mention], trig: Trigger,
           lex: TriggerLex) -> str | None:
    """Return the key of a place introduced by a locative ("in Astana", "в Москве")."""
    cands: list[Mention] = []
    for m in mentions:
        after = doc.text[m.end:m.end + 4]
        # "Russian press", "in Russia-Kazakhstan relations": adjectives, not places
        if m.type not in PLACE_TYPES or m.relation == "demonym" or after.startswith(("-", "–")):
            continue
        before = doc.text[max(sent.start, m.start - 30):m.start].split()[-PLACE_WORDS:]
        if _locative(before, lex) or (
                lex.suffixes and (m.text.lower().endswith(lex.suffixes)
                                  or after.lower().startswith(lex.suffixes))):
            cands.append(m)
    if not cands:
        return None
    best = sorted(cands, key=lambda m: (m.type != "place", abs(m.start - sent.start - trig.start)))
    return best[0].key


def _locative(before: list[str], lex: TriggerLex) -> bool:
    """True when the words before a place end in a locative: "in Astana", or "in der
    Hafenstadt Toulon" through the lexicon's articles and place nouns."""
    for w in reversed(before):
        word = w.lower().strip(",")
        if word in lex.prepositions:
            return True
        if not (lex.between and lex.between.fullmatch(word)):
            return False
    return False


def trigger_actors(by_sent: list[list[Mention]], i: int, sent: Sentence, trig: Trigger,
                    triggers: list[Trigger]) -> list[str]:
    """Actors of one trigger: the entities nearer to it than to another trigger of its type
    (countries and organisations only within ACTOR_WINDOW characters: people chair and sign
    from afar in long sentences, lists of organisations do not), else the sentence's, else
    (a pronoun subject) those of the sentences just before."""
    same = [t for t in triggers if t.type == trig.type]
    near = [m for m in by_sent[i]
            if nearest(same, m.start - sent.start, lambda t: t.start) is trig
            and (m.type == "person"
                 or _distance(m.start - sent.start, m.end - sent.start, trig) <= ACTOR_WINDOW)]
    actors = _actors(near) or _actors(by_sent[i])
    back = i
    while not actors and back > 0 and i - back < LOOKBACK:
        back -= 1
        actors = _actors(by_sent[back])
    return actors


def _distance(start: int, end: int, trig: Trigger) -> int:
    return max(0, trig.start - end, start - trig.end)


def arguments(doc: Document, sent: Sentence, mentions: list[Mention],
               found: list[DateSpan], persons: set[str] | None = None) -> list[Mention]:
    """The mentions that can be an event's arguments: not the page's author, not a byline or
    dateline opening a line ("Gianna Lodi (NOTIZIE DAL MONDO) - Lima, 4 marzo –", see
    :mod:`dossier.extract.dateline`), no document, project or building names, and only
    people the page shows to be people."""
    author = _fold_name(doc.author or "")
    lang = doc.language or "en"
    heads = [(sent.start + a, sent.start + b) for a, b in dateline_spans(
        sent.text, sent.start, mentions, found, lang, lambda s: find_triggers(s, lang))]
    return [m for m in mentions if not any(a <= m.start < b for a, b in heads)
            and not agency_byline(doc.text, sent.start, m)
            and not (author and m.type == "person" and _fold_name(m.text) in author)
            and not (persons is not None and m.type == "person" and m.key not in persons)
            and not not_actor(m, lang) and not cited_source(doc.text, m, lang)]


PAIR_ROLE_WINDOW = 60  # chars before a name where its title stands ("el ministro ..., X")


@lru_cache(maxsize=32)
def _pair_cues(language: str) -> re.Pattern[str] | None:
    return phrase_pattern(list(load_lexicon(language).get("actors", {}).get("pairs", [])))


def pair_subject(text: str, trig: Trigger, language: str) -> str | None:
    """The role stem of "the two leaders", "ambos cancilleres", "оба лидера" standing before
    the trigger ("lead", "cancille", "лиде"), None without one: the pair acts, whoever
    else the sentence names."""
    cues = _pair_cues(language)
    hit = next((m for m in cues.finditer(text) if m.end() <= trig.start), None) \
        if cues is not None else None
    if hit is None:
        return None
    role = hit.group(0).split()[-1].casefold()
    return role[:max(4, len(role) - 3)]


def main_pair(by_sent: list[list[Mention]], text: str, role: str) -> list[str]:
    """The pair a "the two ministers" subject names: people the page gives that role
    ("El canciller Juan Ramón de la Fuente"), then its most named people."""
    counts: dict[str, int] = {}
    titled: list[str] = []
    people = [m for mentions in by_sent for m in mentions if m.type == "person"]
    for k, m in enumerate(people):
        counts[m.key] = counts.get(m.key, 0) + 1
        # the title right before this name, no other name between ("El canciller X y el
        # ministro ... Y": "canciller" is X's)
        since = max(m.start - PAIR_ROLE_WINDOW, people[k - 1].end if k else 0, 0)
        if m.key not in titled and re.search(rf"(?<!\w){re.escape(role)}",
                                             text[since:m.start].casefold()):
            titled.append(m.key)
    ranked = sorted(counts, key=lambda k: -counts[k])  # stable: first named first on ties
    pair = titled[:2] + [k for k in ranked if k not in titled[:2]]
    return pair[:2] if len(pair) >= 2 else []


@lru_cache(maxsize=32)
def _actor_cues(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None,
                                        re.Pattern[str] | None]:
    """(source cues before a name, after a name, co-chair cues) of ``language``."""
    sec = load_lexicon(language).get("actors", {})
    after = phrase_pattern(list(sec.get("sources_after", [])))
    return (phrase_pattern(list(sec.get("sources_before", []))),
            re.compile(r"^(?:['’]?\w{0,4})\s+(?:" + after.pattern + ")", re.IGNORECASE)
            if after else None,
            phrase_pattern(list(sec.get("cochairs", []))))


def cited_source(text: str, m: Mention, language: str) -> bool:
    """True for a person cited as the source of the report ("according to X", "как сообщил
    помощник президента X", "X'e göre"): who said it, not who took part."""
    before, after, _chairs = _actor_cues(language)
    if m.type != "person":
        return False  # "secondo Rosatom": an organisation quoted may still be a party
    if after is not None and after.match(text[m.end:m.end + SOURCE_GAP]):
        return True
    if before is None:
        return False
    head = text[max(0, m.start - SOURCE_GAP):m.start]
    # "segundo o porta-voz do Itamaraty, Paulo Mendes, houve ...": a comma between only
    # where the name stands in apposition, closed by a comma of its own
    closed = text[m.end:m.end + 2].lstrip().startswith(",")
    return any(not re.search(r"[.;:!?«»\"()]", tail := head[c.end():])
               and ("," not in tail or closed) for c in before.finditer(head))


def chairs(mentions: list[Mention], text: str, language: str) -> list[str]:
    """The people a sentence names as a session's holders ("Сопредседателями ... являются X и
    Y", "The commission is co-chaired by X and Y"), or none without such a cue."""
    _before, _after, cues = _actor_cues(language)
    if cues is None or not cues.search(text):
        return []
    return _actors([m for m in mentions if m.type == "person"])


def _fold_name(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").split())


def persons_of(keys: list[str]) -> list[str]:
    return [k for k in keys if k.startswith("person:")]


SIGNER_HOSTS = ("meeting", "visit", "forum")  # the sessions a page's signings conclude


def signers(events: list[DocEvent]) -> list[DocEvent]:
    """Give a signing that names no person ("По итогам заседания подписано 7 документов",
    "foram assinados", "the two sides signed") the people of the session it concludes: the
    latest happened meeting, visit or forum before it on the page, of a compatible date,
    that names people and no other countries."""
    for i, ev in enumerate(events):
        if ev.type != "agreement" or ev.status != "happened" or persons_of(ev.actors):
            continue
        host = next((h for h in reversed(events[:i]) if h.type in SIGNER_HOSTS
                     and h.status == "happened" and persons_of(h.actors)
                     and compatible(h.date, ev.date)
                     and _same_parties(ev.actors, h.actors)), None)
        if host is not None:
            ev.actors = ev.actors + [k for k in persons_of(host.actors) if k not in ev.actors]
    return events


def _same_parties(a: list[str], b: list[str]) -> bool:
    """True unless both name countries and share none (France and Germany signing after
    talks of Norway's and Peru's leaders is another signing)."""
    ca, cb = ({k for k in keys if k.startswith("country:")} for keys in (a, b))
    return not (ca and cb) or bool(ca & cb)
