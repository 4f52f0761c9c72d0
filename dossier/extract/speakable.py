"""Which person mentions may speak: person-looking names, never title words or common nouns.

The entity stage types a capitalised run after a title as a person ("Il ministro del
Commercio", "Officials said", "Республикасының Премьер-Министрі"); as a speaker such a mention
is worse than none. A curated (gazetteer) name always may speak; any other is dropped when its
first word (or its only word) is a common word *of this document* (it also occurs in lower
case, inflected or not: "il commercio", "officials said"), when it holds a role phrase or only
title words, when it starts in lower case ("de Economía"), or when it follows a hyphenated
country pair ("Peru-Şili Doğal Gaz Boru Hattı": a joint project, not a person). A surname
the entity stage left untyped in an inflected form ("По словам Самойленко") is added as that
person. Written here because no package tells names from common nouns in nine languages; the
document itself is the lexicon, so a new language needs no word list.
"""

from __future__ import annotations

import dataclasses
import re

from dossier.extract.roles import RoleVocabulary
from dossier.model import Document, Mention

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MIN_WORD = 4  # shorter words ("de", "Xi", "Boi") prove nothing either way
_INFLECTION = 3  # letters a case ending may add ("Оверчук" -> "Оверчука", "Исибамен")
_TRUSTED = frozenset({"gazetteer"})


@dataclasses.dataclass(slots=True)
class LowerWords:
    """Looks words up in lower case in a document's text (a capitalised name that also occurs
    in lower case is a common word); one search per distinct word, remembered."""

    text: str
    seen: dict[str, bool] = dataclasses.field(default_factory=dict)

    def common(self, word: str) -> bool:
        """Return True when ``word`` occurs in lower case, bare or with a short ending."""
        w = word.lower()
        if len(w) < _MIN_WORD or w == word:
            return False
        got = self.seen.get(w)
        if got is None:
            got = self.seen[w] = any(self._bare(i, len(w)) for i in _find_all(self.text, w))
        return got

    def _bare(self, i: int, n: int) -> bool:
        """Return True when the match at ``i`` is a whole word or one with a short ending."""
        if i and (self.text[i - 1].isalnum() or self.text[i - 1] in "'’-"):
            return False
        j = i + n
        while j < len(self.text) and self.text[j].isalnum():
            j += 1
        return j - i - n <= _INFLECTION


def _find_all(text: str, word: str) -> list[int]:
    """Return every offset of ``word`` in ``text`` (str.find: far faster than a regex here)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def speaker_people(doc: Document, titles: re.Pattern[str], vocab: RoleVocabulary
                   ) -> list[Mention]:
    """Return the person mentions of ``doc`` that may speak, in text order."""
    author = (doc.author or "").casefold()
    pairs = {m.end for m in doc.mentions
             if m.type == "country" and doc.text[max(0, m.start - 1):m.start] == "-"}
    persons = [m for m in doc.mentions if m.type == "person"
               and not (author and m.text.casefold() in author) and m.start - 1 not in pairs]
    lower = LowerWords(doc.text)
    out = [m for m in persons if m.source in _TRUSTED or _person_like(m, titles, vocab, lower)]
    out += _inflected(doc, out)
    return sorted(out, key=lambda m: m.start)


def _person_like(m: Mention, titles: re.Pattern[str], vocab: RoleVocabulary,
                 lower: LowerWords) -> bool:
    """Return True when an uncurated person mention looks like a name."""
    words = _WORD.findall(m.text)
    if not words or words[0][0].islower() or titles.match(m.text) or vocab.found(m.text):
        return False
    return not lower.common(words[0])


def _inflected(doc: Document, people: list[Mention]) -> list[Mention]:
    """Return untyped mentions that are a known surname plus a case ending, as that person."""
    surnames: dict[str, Mention] = {}
    for p in people:
        words = _WORD.findall(p.text)
        if words and len(words[-1]) >= _MIN_WORD:
            surnames.setdefault(words[-1].casefold(), p)
    if not surnames:
        return []
    out = []
    for m in doc.mentions:
        if m.type != "other" or " " in m.text:
            continue
        word = m.text.casefold()
        heads = (surnames.get(word[:-cut]) for cut in range(1, _INFLECTION + 1))
        head = next((h for h in heads if h is not None), None)
        if head is not None:
            out.append(dataclasses.replace(m, type="person", key=head.key))
    return out
