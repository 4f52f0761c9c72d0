"""Layout and case evidence against capitalised spans that are not names.

News pages capitalise for typography as much as for names: section titles in Title Case
("La Crescita Economica Colossale"), list-item labels before a colon ("Energia Nucleare:"),
words after an opening quote or a list number. Capitals there are weak evidence, so the
recogniser marks candidates in these places as needing support elsewhere in the body. No
library models page layout for NER, hence this small module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise

from dossier.nlp.entities.gazetteer import TOKEN
from dossier.nlp.entities.normalize import fold

HEADING_MAX_WORDS = 14  # longer lines without final punctuation are prose cut by the cleaner
LABEL_MAX_WORDS = 6  # "Relazioni Umanitarie e Culturali:" is a label; a long clause is not
#: Opening quotes, colons, bullets and dashes: the next word starts a clause. Brackets are
#: not here: "(EFE)", "(Blue-Collar Professions)" hold names, rarely a sentence.
CLAUSE_OPENERS = frozenset("\"“«„‘‚‹:•*—–;")
QUOTE_CLOSERS = frozenset("\"”»’›")
_LIST_NUMBER = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-z])[.)]\s*$")
_FINAL = re.compile(r"[.!?…]['\"”’»)\]]*\s*$")
_LINE = re.compile(r"[^\n]+")
#: A news dateline: "Berlin (dpa) -", "(ANSA) - ROMA", "ANKARA (AA) -": the bracket names the
#: agency, whatever its case ("dpa" is written in lower case).
_DATELINE = re.compile(r"(?m)^[^\S\n]*([^\W\d_][^\n()]{0,40}?)?\(([^\W\d_][\w.-]{1,14})\)"
                       r"[^\S\n]*[-–—]")

Region = tuple[int, int]
_END = 1 << 62  # sorts after every region end in a bisect on (start, end) pairs


def opens_clause(gap: str) -> bool:
    """True when the text between two words starts a new clause (quote, colon, list number)."""
    return any(c in CLAUSE_OPENERS for c in gap) or bool(_LIST_NUMBER.search(gap))


def closes_quote(gap: str) -> bool:
    """True when the text after a word closes a quotation."""
    return any(c in QUOTE_CLOSERS for c in gap)


def mixed_case(name: str) -> bool:
    """Inner capitals after lower case (EuroChem, LabGRIMA, McDonald): a name, not layout."""
    return any(a.islower() and b.isupper() for a, b in pairwise(name))


def weak_regions(text: str) -> list[Region]:
    """Spans of heading lines and list-item labels, where capitals are layout, not names."""
    out: list[Region] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if _FINAL.search(line):  # most lines: prose, no heading; only a label may be there
            if TOKEN.search(line) is None:
                continue
        else:
            words = TOKEN.findall(line)
            if not words:
                continue
            if len(words) <= HEADING_MAX_WORDS:
                out.append((m.start(), m.end()))
                continue
        colon = line.find(":")
        if colon > 0 and len(TOKEN.findall(line[:colon])) <= LABEL_MAX_WORDS \
                and not line[:colon].rstrip().endswith(("http", "https")):
            out.append((m.start(), m.start() + colon))
    return out


def dateline_sources(text: str) -> list[tuple[str, Region]]:
    """(first word of the place before it, span) of agency names in the brackets of news
    datelines ("Toulon (dpa) -"); the caller checks that the word is a place."""
    out = []
    for m in _DATELINE.finditer(text):
        words = TOKEN.findall(m.group(1) or "")
        out.append((words[0] if words else "", m.span(2)))
    return out


def inside(start: int, end: int, regions: list[Region]) -> bool:
    """True when [start, end) lies in one of the (sorted, disjoint) regions."""
    # bisect on the starts: a document has hundreds of lines and thousands of candidates
    k = bisect_right(regions, (start, _END)) - 1
    return k >= 0 and end <= regions[k][1]


def lower_words(text: str) -> frozenset[str]:
    """Folded words the document writes in lower case: common words, not names."""
    return frozenset(map(fold, set(filter(str.islower, TOKEN.findall(text)))))


def all_common(words: Iterable[str], lower: frozenset[str], skip: frozenset[str],
               suffixes: tuple[str, ...]) -> bool:
    """True when every content word is written lower case elsewhere or has a common-noun
    ending ("Professioni Artigiane", "Intelligenza Artificiale")."""
    content = [w for w in words if w not in skip]
    return bool(content) and all(
        w in lower or (len(w) > 5 and suffixes and w.endswith(suffixes)) for w in content)


def short_name(name: str, heads: frozenset[str], links: frozenset[str],
               common: frozenset[str], lower: frozenset[str]) -> str | None:
    """The proper-name tail of an organisation name after a connector or adjective
    ("Istituto di Fisica e Ottica di Arcetri" -> "Arcetri"), used as a short alias.

    ``links`` are connectors and demonyms the tail may follow; ``common`` words (titles,
    heads, months) and words the document writes in lower case never make a tail."""
    words = TOKEN.findall(name)
    k = len(words)
    while k > 0 and words[k - 1][0].isupper() and fold(words[k - 1]) not in common | heads \
            and fold(words[k - 1]) not in lower and fold(words[k - 1]) not in links:
        k -= 1
    if k == len(words) or k < 2 or fold(words[k - 1]) not in links:
        return None
    if not {fold(w) for w in words[:k]} & heads:
        return None
    start = name.rfind(words[k])
    return name[start:] if start > 0 else None
