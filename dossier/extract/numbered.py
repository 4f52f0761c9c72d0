"""Numbers that are part of a name: "the Series 3 features", "every Fortune 500 company",
"Level 2 stations". The scanner already drops numbers glued to a word ("G20", "Soyuz-5") and
after numbered labels ("Artikel 5"); this finds the spaced ones from their context.

A bare count is read as part of a name when the word right before it holds a capital letter,
is not the sentence's first word (a capital there is ordinary), is no recognised person,
place, country or organisation ("In Russia 150 companies", "Kazakistan'da 150 şirket" are
figures), and the next word is in
lower case: a title-case headline ("Sides Sign 12 Agreements") or a German noun after the
number ("Gastgeber 500 Teilnehmer") leaves the figure alone, as does a possessive ("the
Hybrid's 176 hp").
"""

from __future__ import annotations

import re

from dossier.extract.spans import SpanSet
from dossier.model import Document, Sentence
from dossier.nlp.numbers import Quantity

_WORD_BEFORE = re.compile(r"(\w[\w'’.-]*)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+(\w)")


class NumberedNames:
    """Tells the counts of one document that are part of a name."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # "other" is a capitalised name of unknown kind: a product's, as often as not
        self._entities = SpanSet((m.start, m.end) for m in doc.mentions if m.type != "other")

    def in_name(self, q: Quantity, sent: Sentence) -> bool:
        """Return True when ``q`` (in ``sent``) is a number inside a name."""
        if q.unit != "count" or not q.surface.isdigit():  # digits alone: no scale word
            return False
        text = self.doc.text
        before = _WORD_BEFORE.search(text, sent.start, q.start)
        word = before.group(1) if before else ""
        if before is None or word.islower() or word.endswith(("'s", "’s")) \
                or not text[sent.start:before.start()].strip(
                " \t\"'“”«»„()[]-–—:•*"):
            return False
        after = _WORD_AFTER.match(text, q.end, sent.end)
        if after is None or not after.group(1).islower():
            return False
        return not self._entities.overlaps(before.start(), before.end())
