"""Which sentences may name a speaker: one scan of a document for every speaker cue.

:class:`~dossier.extract.speakers.SpeakerFinder` asks every sentence for reporting verbs,
"according to" cues before and after a name, "according to him" and "according to" any
source: five phrase scans per sentence, though most sentences (60-85 % in news and web pages)
hold none of them and so cannot speak. Here one trie of all those phrases, and the
language's source regex, run once over the document's sentences joined by newlines; a
sentence with no hit is known to have no speaker of its own, and the finder skips it.

The scan finds every hit the per-sentence scans find (it may find more, which costs only
time): the phrases never match a newline, and a newline looks to their word-boundary tests
exactly like the start or end of a sentence's own string. The source regex runs in
multi-line mode, so its ``^`` and ``$`` still match at each sentence's edges; a match is
counted for every sentence it touches. One case differs: an "according to" cue ending right
at a name that follows it without a space passes its end-of-word test only on the text cut
before the name, so a sentence with a name glued to a word character before it always counts.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from dossier.model import Document
from dossier.nlp.numbers.phrases import alt

_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=32)
def _scanners(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Return the trie of every speaker cue phrase and the multi-line source regex."""
    from dossier.extract.speakers import speaker_data  # speakers imports this module

    s = speaker_data(language)
    phrases = [p for key in ("reporting", "according", "according_after", "according_self")
               for p in s.get(key) or ()]
    source = s.get("source_re")
    return (re.compile(alt(phrases)),  # alt() is case-insensitive within
            re.compile(source, re.IGNORECASE | re.MULTILINE) if source else None)


def cue_sentences(doc: Document) -> list[bool]:
    """Return, for each sentence of ``doc``, whether it holds any speaker cue (see above)."""
    sents = doc.sentences
    joined = "\n".join(s.text for s in sents)
    starts, at = [], 0
    for s in sents:
        starts.append(at)
        at += len(s.text) + 1
    flags = [False] * len(sents)
    phrases, source = _scanners(doc.language)
    for m in phrases.finditer(joined):
        _mark(flags, starts, m.start(), m.end())
    if source is not None:
        for m in source.finditer(joined):
            _mark(flags, starts, m.start(), m.end())
    text, bounds = doc.text, [s.start for s in sents]
    for name in doc.mentions:  # a name glued to the word before it (see the docstring)
        at = name.start
        if at and _WORD_CHAR.match(text, at - 1):
            i = bisect.bisect_right(bounds, at) - 1
            if i >= 0 and at < sents[i].end:
                flags[i] = True
    return flags


def _mark(flags: list[bool], starts: list[int], a: int, b: int) -> None:
    """Flag every sentence that the joined-text span [a, b) touches (its newline included)."""
    i = bisect.bisect_right(starts, a) - 1
    j = bisect.bisect_right(starts, max(a, b - 1)) - 1
    for k in range(max(i, 0), j + 1):
        flags[k] = True

