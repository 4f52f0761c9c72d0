"""Clauses of a sentence, so an event takes only the date of its own verb.

"Orellana viajó ... en visita de trabajo, la segunda ... desde que el canciller asumió el cargo en
marzo de 2019": the date belongs to "asumió", not to the visit. A full parser is not needed
(nor shipped for Kazakh): clause openers from the per-language lexicon (``[clauses]`` in
``events.toml``: subordinating conjunctions anywhere, relative pronouns and coordinating
conjunctions only after a comma) cut the sentence into clauses, and a trigger takes the dates
of its own clause; a sentence-initial main clause ("On 12 May, the ministers, who met ...")
and a relative clause opened right after the trigger noun ("the visit, which took place on
12 May") govern it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.extract.triggers import Trigger
from dossier.nlp.dates import DateSpan

__all__ = ["clause_starts", "tied_dates"]

ATTACHED = 60  # chars between a trigger and a relative clause that still describe the trigger


@lru_cache(maxsize=32)
def _openers(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(openers anywhere, openers after a comma) of ``language``; (None, None) without data."""
    sec = load_lexicon(language).get("clauses", {})
    anywhere = phrase_pattern(list(sec.get("openers", [])))
    after = phrase_pattern(list(sec.get("after_comma", [])))
    comma = re.compile(r"[,;:–—]\s*(?:" + after.pattern + ")", re.IGNORECASE) if after else None
    return anywhere, comma


@lru_cache(maxsize=64)  # asked for each trigger and date of a sentence; pure of its text
def clause_starts(text: str, language: str | None) -> tuple[tuple[int, bool], ...]:
    """(offset, after a comma) where a clause opened by a subordinator, a relative or a
    conjunction begins."""
    anywhere, comma = _openers(language or "en")
    starts = {(m.start(), False) for m in anywhere.finditer(text)} if anywhere else set()
    if comma is not None:
        starts |= {(m.start(), True) for m in comma.finditer(text)}
    return tuple(sorted(starts))


def tied_dates(spans: list[DateSpan], trig: Trigger, text: str,
               language: str | None) -> list[DateSpan]:
    """The dates of ``spans`` that can date ``trig``: those of its own clause, of a clause
    opened right after it, else those of a sentence-initial main clause before it."""
    found = clause_starts(text, language)
    if not found:
        return spans
    starts = [pos for pos, _comma in found]

    def clause(pos: int) -> int:
        return sum(s <= pos for s in starts)

    mine = clause(trig.start)
    own = {mine}
    # "the forum, "Shaping the Future", which will be held in Kazan in June 2026": a relative
    # clause right after the trigger's noun phrase describes the event itself
    nxt = next(((k, c) for k, (pos, c) in enumerate(found, 1) if pos >= trig.end), None)
    if nxt is not None and nxt[1] and found[nxt[0] - 1][0] - trig.end <= ATTACHED:
        own.add(nxt[0])
    tied = [s for s in spans if clause(s.start) in own]
    if tied or mine == 0 or starts[0] == 0:
        return tied
    return [s for s in spans if clause(s.start) == 0]
