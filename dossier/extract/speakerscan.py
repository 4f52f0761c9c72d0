"""Which sentences may name a speaker: one scan of a document for every speaker cue phrase.

:class:`~dossier.extract.speakers.SpeakerFinder` asks every sentence for reporting verbs,
"according to" cues before and after a name and "according to him": four phrase regexes per
sentence, though most sentences (60-85 % in news and web pages) hold none of them and so
cannot speak. Here one Aho-Corasick automaton (``ahocorasick-rs``, as in
:mod:`dossier.nlp.phraseindex`) holds one word of every such phrase (its longest: "словам"
of "по словам", the stem of "заявил*") and reads the document's case-folded sentences once;
each sentence gets the bits of the lists whose words it holds, and the finder runs only
those lists' regexes, and none on a sentence without bits. The regexes scan at about 60 ns
a character (they stop at every letter that may open a phrase), the automaton at about 20.

No regex match is lost (some bits are set in vain, which costs only time): a phrase match
holds its word, which :func:`~dossier.nlp.phraseindex.fold` keeps at the same offsets as
``re`` IGNORECASE compares it; a word is dropped only where the phrase's own pattern needs a
word boundary (before its first letter, after its last unless it is a stem); sentences are
joined by newlines, which phrases never cross and which word-boundary tests read like the
start or end of a sentence's own string; all overlapping hits are read. One case differs: an
"according to" cue that ends right at a name written without a space passes its end-of-word
test only on the text cut before the name, so a sentence holding a name glued to a word
character before it gets every bit. The "according to" any source regex (``source_re``) is
free-form, so it is not scanned here: the finder reads it only where it matters.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import ahocorasick_rs

from dossier.model import Document
from dossier.nlp.phraseindex import fold

#: the bit of each phrase list in a sentence's cue bits
REPORTING, ACCORDING, AFTER, SELF = 1, 2, 4, 8
ALL = REPORTING | ACCORDING | AFTER | SELF
_LISTS = {"reporting": REPORTING, "according": ACCORDING, "according_after": AFTER,
          "according_self": SELF}
_WORD_CHAR = re.compile(r"\w")

#: a key word's (length, needs a word start, needs a word end, list bits)
Key = tuple[int, bool, bool, int]


@lru_cache(maxsize=32)
def _automaton(language: str | None) -> tuple[ahocorasick_rs.AhoCorasick, list[Key]] | None:
    """Return the automaton of one word of every speaker cue phrase of ``language``."""
    from dossier.extract.speakers import speaker_data  # speakers imports this module

    data = speaker_data(language)
    keys: dict[str, Key] = {}
    for name, bit in _LISTS.items():
        for phrase in (str(p) for p in data.get(name) or () if str(p).strip()):
            word, start, end = phrase_key(phrase)
            if not word:
                raise ValueError(f"speaker cue {phrase!r} holds no word to scan for")
            _, old_start, old_end, bits = keys.get(word, (0, True, True, 0))
            # a boundary only every phrase of the word needs; the lists of all of them
            keys[word] = (len(word), old_start and start, old_end and end, bits | bit)
    if not keys:
        return None
    words = sorted(keys)
    auto = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
    return auto, [keys[w] for w in words]


def phrase_key(phrase: str) -> tuple[str, bool, bool]:
    """Return the folded longest word of a cue phrase (as ``alt()`` reads it: a trailing "*"
    is any word ending) and whether the phrase's pattern puts a word boundary before and
    after it."""
    words = phrase.split()
    stem = phrase.endswith("*") and len(phrase) > 1
    if stem:
        words[-1] = words[-1][:-1]
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    start = i > 0 or word[:1].isalnum()  # alt() tests a word start before a letter only
    end = i < len(words) - 1 or (not stem and word[-1:].isalnum())
    return fold(word), start, end


def cue_sentences(doc: Document) -> list[int]:
    """Return, for each sentence of ``doc``, the bits of the cue lists it may hold (see above)."""
    sents = doc.sentences
    bits = [0] * len(sents)
    found = _automaton(doc.language)
    if found is None or not sents:
        return bits
    auto, keys = found
    joined = "\n".join(s.text for s in sents)  # a newline reads like a string's end
    starts, at = [], 0
    for s in sents:
        starts.append(at)
        at += len(s.text) + 1
    last = len(joined) - 1
    wordchar = _WORD_CHAR.match
    for k, begin, end in auto.find_matches_as_indexes(fold(joined), overlapping=True):
        _, need_start, need_end, lists = keys[k]
        if (need_start and begin and wordchar(joined, begin - 1)) \
                or (need_end and end <= last and wordchar(joined, end)):
            continue
        i = bisect.bisect_right(starts, begin) - 1
        bits[i] |= lists
    _glued_names(doc, bits)
    return bits


def _glued_names(doc: Document, bits: list[int]) -> None:
    """Give every bit to the sentences holding a mention glued to a word character before it."""
    text, sents = doc.text, doc.sentences
    bounds = [s.start for s in sents]
    for name in doc.mentions:
        at = name.start
        if at and _WORD_CHAR.match(text, at - 1):
            i = bisect.bisect_right(bounds, at) - 1
            if i >= 0 and at < sents[i].end:
                bits[i] = ALL
