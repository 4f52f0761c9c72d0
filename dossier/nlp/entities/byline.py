"""The byline author as an entity of the document.

The clean stage reads the author from the byline (``Document.author``) and may remove a pure
byline line from the text. Byline lines are layout (short, no final stop), so the recogniser
drops the capitals there; gold sets still count the author as a person of the document. The
author is therefore added here: at its occurrence in the text when it still occurs, else as a
mention with ``start = end = -1`` (no span to highlight) so that resolution still counts it.
"""

from __future__ import annotations

import re

from dossier.model import Document, EntityType, Mention
from dossier.nlp.entities.config import LangConfig
from dossier.nlp.entities.gazetteer import Gazetteer, tokens
from dossier.nlp.entities.normalize import fold
from dossier.nlp.entities.tokens import name_key

__all__ = ["NO_SPAN", "add_authors", "author_names"]

NO_SPAN = -1  # offsets of an author whose byline line is no longer in the text
_SPLIT = re.compile(r"\s*(?:[,;&/|]|\s-\s)\s*")
MAX_WORDS = 5  # longer "names" are a sentence the byline reader took in


def author_names(author: str, cfg: LangConfig) -> list[str]:
    """The names in a byline's author ("Ana Lima e João Reis", "A. Roe, B. Doe")."""
    out: list[str] = []
    for part in _SPLIT.split(author.strip()):
        words = part.split()
        # split at a coordinator between two names ("Ana Lima e João Reis")
        cut = [k for k, w in enumerate(words) if fold(w) in cfg.coordinators]
        pieces = [" ".join(words[a + 1:b]) for a, b in zip([-1, *cut], [*cut, len(words)],
                                                            strict=True)]
        out.extend(p for p in pieces if _namelike(p))
    return out


def _namelike(name: str) -> bool:
    """Capitalised words, at least one of two letters: a name, not a role or a date."""
    words = name.split()
    return 0 < len(words) <= MAX_WORDS and all(w[0].isupper() for w in words) \
        and any(sum(c.isalpha() for c in w) >= 2 for w in words)


def add_authors(doc: Document, mentions: list[Mention], cfg: LangConfig,
                gaz: Gazetteer) -> list[Mention]:
    """Return ``mentions`` with the byline author(s) of ``doc`` added as person mentions."""
    if not doc.author:
        return mentions
    for name in author_names(doc.author, cfg):
        typ, key = _type_key(name, cfg, gaz)
        if typ is None or any(m.key == key for m in mentions):
            continue  # no author a country names; a name the text already has stays as is
        mentions = _place(doc, mentions, name, typ, key)
    return mentions


def _type_key(name: str, cfg: LangConfig, gaz: Gazetteer) -> tuple[EntityType | None, str]:
    """A known agency or person keeps its gazetteer key; a place is no author."""
    hit = gaz.exact.get(name) or gaz.find(tuple(tokens(name)))
    if hit is None:
        return "person", name_key("person", name, cfg)
    if hit.type in ("person", "organization"):
        return hit.type, hit.key  # type: ignore[return-value]
    return None, ""


def _place(doc: Document, mentions: list[Mention], name: str, typ: EntityType,
           key: str) -> list[Mention]:
    """Add the author at its first occurrence (replacing what overlaps it), else unplaced."""
    at = doc.text.find(name)
    if at < 0:  # the byline line was removed: no span, the author still counts
        return [*mentions, Mention(start=NO_SPAN, end=NO_SPAN, text=name, type=typ, key=key,
                                   sentence=NO_SPAN, source="byline")]
    end = at + len(name)
    si = next((k for k, s in enumerate(doc.sentences) if s.start <= at < s.end), NO_SPAN)
    kept = [m for m in mentions if not (m.start < end and at < m.end)]
    kept.append(Mention(start=at, end=end, text=name, type=typ, key=key, sentence=si,
                        source="byline"))
    kept.sort(key=lambda m: (m.start < 0, m.start, m.end))
    return kept
