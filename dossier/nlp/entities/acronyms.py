"""Acronyms defined in brackets: "Office national des forêts (ONF)", "ONF (Office
national des forêts)", "Норвегияның даму агенттігі (NORAD)".

The name and its acronym share one key, the acronym's ("organization:jica") unless the
gazetteer knows either, so the name in any language merges across documents with the bare
acronym. The name is found by its letters (the acronym spelled by prefixes of its words in
order, "Sectur" = SECretaría de TURismo), or, for an acronym in another script or language
(JICA after a Kazakh name, SADC after a Spanish one), by an organisation head word ending
the name. Names written in sentence case ("Agence française de développement") are taken
whole, lower-case words included. No library links acronyms across languages, hence this.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.model import Mention
from dossier.nlp.entities.config import LangConfig
from dossier.nlp.entities.gazetteer import TOKEN, load_gazetteer
from dossier.nlp.entities.normalize import fold, latin
from dossier.nlp.entities.tokens import Cand

MAX_WORDS = 9  # longest name searched before or inside the brackets
_BRACKET_AFTER = re.compile(r"[ \t]*\(\s*([^\W\d_][\w.-]{1,11})\s*\)")
_BRACKET_NAME = re.compile(r"[ \t]*\(([^()\n]{4,120})\)")
_STOP = re.compile(r"[.;:!?,\n()\"«»“”]")


def link_acronyms(cands: list[Cand], text: str, cfg: LangConfig) -> list[Cand]:
    """Give bracket-defined acronyms and their names one key; add names the capitals missed."""
    out = list(cands)
    for c in cands:
        m = c.mention
        if m.source == "demonym" or not _acronym_like(m.text):
            continue
        after = _BRACKET_NAME.match(text, m.end)
        before = text[:m.start].rstrip()
        if before.endswith("(") and text[m.end:m.end + 3].lstrip().startswith(")"):
            span = _name_before(text, text.rfind("(", 0, m.start), m.text, cfg)
        elif after is not None:
            span = _name_inside(text, after.start(1), after.end(1), m.text, cfg)
        else:
            continue
        if span is not None:
            out = _merge(out, c, span, text, cfg)
    out.sort(key=lambda x: x.mention.start)
    return out


def _acronym_like(word: str) -> bool:
    """An acronym: one word, capitals in it beyond the first letter (JICA, PEC-G, Sectur
    is written after its name only, which the bracket check ensures)."""
    return " " not in word and len(word) >= 2 and (
        sum(ch.isupper() for ch in word) >= 2 or (word[:1].isupper() and len(word) <= 8))


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(w.start(), w.end(), w.group()) for w in TOKEN.finditer(text, start, end)]


def _name_before(text: str, bracket: int, acro: str, cfg: LangConfig) -> tuple[int, int] | None:
    """The span of the name an acronym in brackets follows, or None."""
    lo = bracket
    while lo > 0 and bracket - lo < 160 and not _STOP.match(text[lo - 1]):
        lo -= 1
    words = _words(text, lo, bracket)[-MAX_WORDS:]
    for k in range(len(words) - 2, -1, -1):  # shortest name first, two words at least
        if words[k][2][:1].isupper() and _fits(words[k:], acro, cfg):
            return words[k][0], words[-1][1]
    return _headed(words, cfg)


def _name_inside(text: str, start: int, end: int, acro: str,
                 cfg: LangConfig) -> tuple[int, int] | None:
    """The span of a name written in brackets after its acronym ("AFD (Agence ...)")."""
    words = _words(text, start, end)
    if not 2 <= len(words) <= MAX_WORDS or not words[0][2][:1].isupper():
        return None
    return (words[0][0], words[-1][1]) if _fits(words, acro, cfg) else None


def _headed(words: list[tuple[int, int, str]], cfg: LangConfig) -> tuple[int, int] | None:
    """A name in another language than its acronym: from the nearest capitalised word (and
    the capitalised words and connectors before it) to the bracket, holding an organisation
    head ("Жапонияның ... агенттігі (JICA)", "Comunidad de Desarrollo ... (SADC)")."""
    caps = [k for k, w in enumerate(words) if w[2][:1].isupper()]
    if not caps:
        return None
    k = caps[-1]
    links = cfg.connectors | cfg.org_connectors
    if k == len(words) - 1:  # title case up to the bracket: back over capitals and connectors
        while k > 0 and (words[k - 1][2][:1].isupper() or (
                k > 1 and fold(words[k - 1][2]) in links and words[k - 2][2][:1].isupper())):
            k -= 1
    while k < len(words) and fold(words[k][2]) in cfg.stopwords:
        k += 1  # "A Agência ...": a capitalised article is no part of the name
    span = words[k:]
    if len(span) < 2 or not any(fold(w[2]) in cfg.org_heads for w in span):
        return None
    return span[0][0], span[-1][1]


def _fits(words: list[tuple[int, int, str]], acro: str, cfg: LangConfig) -> bool:
    """True when the acronym's letters are prefixes of the words in order (connectors may
    give a letter or none; one content word may give none)."""
    letters = fold(acro).replace("-", "").replace(".", "")
    parts = [fold(p) for w in words for p in w[2].split("-") if p]
    skip = cfg.connectors | cfg.stopwords
    return bool(parts) and parts[0][:1] == letters[:1] and \
        _spell(letters, tuple(parts), frozenset(skip))


@lru_cache(maxsize=4096)
def _spell(letters: str, parts: tuple[str, ...], skip: frozenset[str], spare: int = 1) -> bool:
    """Dynamic programme behind :func:`_fits`."""
    if not letters:
        return all(p in skip for p in parts) or (spare > 0 and len(parts) <= 1)
    if not parts:
        return False
    head, rest = parts[0], parts[1:]
    for n in range(min(len(head), len(letters)), 0, -1):
        if head[:n] == letters[:n] and _spell(letters[n:], rest, skip, spare):
            return True
    if head in skip:
        return _spell(letters, rest, skip, spare)
    return spare > 0 and _spell(letters, rest, skip, spare - 1)


def _merge(cands: list[Cand], acro: Cand, span: tuple[int, int], text: str,
           cfg: LangConfig) -> list[Cand]:
    """Put the name over ``span`` (replacing what lies inside) and key both on the acronym."""
    a, b = span
    inside = [c for c in cands if a <= c.mention.start and c.mention.end <= b and c is not acro]
    whole = next((c for c in inside if (c.mention.start, c.mention.end) == (a, b)), None)
    gaz = load_gazetteer()
    key = acro.mention.key if acro.mention.key in gaz.by_key else (
        whole.mention.key if whole is not None and whole.mention.key in gaz.by_key
        else "organization:" + latin(acro.mention.text))
    typ = gaz.by_key[key].type if key in gaz.by_key else "organization"
    m = Mention(start=a, end=b, text=text[a:b], type=typ, key=key,  # type: ignore[arg-type]
                sentence=acro.mention.sentence, source="cue")
    name = Cand(mention=m, words=[fold(w) for w in TOKEN.findall(text[a:b])])
    acro.mention.type, acro.mention.key, acro.weak = typ, key, False  # type: ignore[assignment]
    gone = {id(c) for c in inside}
    return [c for c in cands if id(c) not in gone] + [name]
