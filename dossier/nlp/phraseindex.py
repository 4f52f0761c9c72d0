"""Find where lexicon phrases may start in one pass over a text, not one regex scan per list.

A phrase regex built by :func:`dossier.nlp.numbers.phrases.alt` costs about 40 ns a
character of text, because Python's ``re`` stops at every letter that may open a phrase and
tests it: with a few such lists per text that is a large share of the figure stage. Here the
case-folded text is read once by an Aho-Corasick automaton (``ahocorasick-rs``) of the first
words of every list; the words found at word starts are sorted into the lists they may open,
and each list's own regex then only *confirms* a phrase at those offsets
(:func:`matches_at`). That gives exactly what ``finditer`` gives provided every place the
regex can match starts with one of its first words at a word start, as ``alt`` phrases led
by a letter do (:attr:`PhraseKeys.indexable` says when not).

Case folding follows ``re.IGNORECASE``: one character for one (offsets stay those of the
text), and the letters ``re`` treats as equal beyond upper and lower case ("ı" and "i",
"ſ" and "s", final and medial sigma) folded together, so a candidate is never missed.
Without ``ahocorasick-rs`` installed, :class:`StartFinder` is unavailable and callers scan
with their regexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

try:  # Apache-2.0, a ~0.4 MB wheel; optional at run time: callers fall back to regex scans
    import ahocorasick_rs
except ImportError:  # pragma: no cover - the dependency is declared; this is a safety net
    ahocorasick_rs = None  # type: ignore[assignment]

#: characters ``re.IGNORECASE`` matches with another letter beyond its upper and lower case
#: (the table of ``re._casefix``), each mapped to one representative
_EXOTIC_FOLD = str.maketrans({
    "ſ": "s", "µ": "μ", "ς": "σ", "ϐ": "β", "ϵ": "ε", "ϑ": "θ", "ϰ": "κ", "ϖ": "π", "ϱ": "ρ",
    "ϕ": "φ", "\u0345": "ι", "ι": "ι", "ΐ": "ΐ", "ΰ": "ΰ", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о",
    "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ", "ᲇ": "ѣ", "ᲈ": "ꙋ", "ẛ": "ṡ", "ﬅ": "ﬆ",
})
_SPECIAL = re.compile("[İı" + "".join(chr(c) for c in _EXOTIC_FOLD) + "]")
#: a "letter" is what ``re`` counts as a word character other than a digit or "_" (letters,
#: and numerals such as "²" that are not digits); a word is a run of letters
_LETTERS = re.compile(r"[^\W\d_]+")
_MEMO_MAX = 200_000


def fold(text: str) -> str:
    """Return ``text`` lowercased the way ``re.IGNORECASE`` compares, one character for one."""
    if text.isascii() or not _SPECIAL.search(text):
        return text.lower()
    # "İ" is the one letter whose lowercase is two characters
    return text.replace("İ", "i").lower().replace("ı", "i").translate(_EXOTIC_FOLD)


def _run(word: str) -> str:
    """Return the letters ``word`` starts with ("" when it starts with none)."""
    m = _LETTERS.match(word)
    return m.group() if m else ""


class PhraseKeys:
    """The folded first words of a phrase list: which words of a text may open a phrase.

    ``exact`` words open a phrase only as a whole word ("half" of "half a", "tens" when the
    phrase must end there); ``stems`` open one as a word's beginning ("bilateral*"); ``test``
    decides any word that starts with one of ``heads`` ("novemila" is made of number words).
    ``indexable`` is False when some phrase does not start with a letter: scan then.
    """

    __slots__ = ("exact", "heads", "indexable", "stems", "test")

    def __init__(self, exact: Iterable[str] = (), stems: Iterable[str] = (), *,
                 test: Callable[[str], bool] | None = None, heads: Iterable[str] = (),
                 indexable: bool = True) -> None:
        self.exact = frozenset(exact)
        self.stems = tuple(sorted(set(stems)))
        self.test = test
        self.heads = frozenset(heads)
        self.indexable = indexable

    @classmethod
    def of(cls, phrases: Iterable[str], *, whole: bool = True) -> PhraseKeys:
        """Return the keys of an ``alt()`` phrase list (trailing ``*``: any word ending).

        ``whole``: the pattern lets a one-word phrase match only a whole word (``alt`` with
        ``bounded``, or a pattern that requires a space or a non-word character after it).
        """
        exact: set[str] = set()
        stems: set[str] = set()
        indexable = True
        for phrase in {str(p) for p in phrases if str(p).strip()}:
            star = phrase.endswith("*") and len(phrase) > 1
            body = fold(phrase[:-1] if star else phrase).split()
            run = _run(body[0])
            if not run:
                indexable = False
            elif len(body) == 1 and run == body[0] and (star or not whole):
                stems.add(run)
            else:
                exact.add(run)  # the first word ends before the phrase does
        return cls(exact, stems, indexable=indexable)

    def keys(self) -> frozenset[str]:
        """Return the strings a word opening a phrase starts with."""
        return self.exact | frozenset(self.stems) | self.heads

    def accepts(self, word: str) -> bool:
        """Return True when the folded ``word`` may open a phrase of the list."""
        return word in self.exact or (bool(self.stems) and word.startswith(self.stems)) or (
            self.test is not None and self.test(word))


class StartFinder:
    """Offsets of the words that may open a phrase, for several lists, in one pass."""

    __slots__ = ("_automaton", "_lists", "_memo", "names")

    def __init__(self, lists: dict[str, PhraseKeys]) -> None:
        if ahocorasick_rs is None or not all(k.indexable for k in lists.values()):
            raise ValueError("phrase lists that cannot be indexed (or no ahocorasick-rs)")
        self.names = list(lists)
        self._lists = list(lists.values())
        keys = sorted(frozenset().union(*(k.keys() for k in self._lists)) - {""})
        # the longest key at each word start: a word start is never inside an earlier key
        # (keys are letters only), so no word start is hidden by a longer match before it
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self._memo: dict[str, int] = {}  # word -> bits of the lists it may open

    def starts(self, low: str) -> dict[str, list[int]]:
        """Return, per list, the sorted offsets in the folded text ``low`` where a word that
        may open one of its phrases starts."""
        out: list[list[int]] = [[] for _ in self._lists]
        memo = self._memo
        if len(memo) > _MEMO_MAX:  # a memo of the words seen, not a store
            memo.clear()
        n = len(low)
        for _, start, end in self._automaton.find_matches_as_indexes(low):
            if start and low[start - 1].isalpha():
                continue  # inside a word
            word = low[start:end] if end == n or not low[end].isalpha() else \
                _LETTERS.match(low, start).group()  # type: ignore[union-attr]
            bits = memo.get(word)
            if bits is None:
                bits = memo[word] = sum(1 << i for i, k in enumerate(self._lists)
                                        if k.accepts(word))
            i = 0
            while bits:
                if bits & 1:
                    out[i].append(start)
                bits >>= 1
                i += 1
        return dict(zip(self.names, out, strict=True))


def start_finder(lists: dict[str, PhraseKeys]) -> StartFinder | None:
    """Return a finder for ``lists``, or None when they must be scanned with their regexes."""
    try:
        return StartFinder(lists)
    except ValueError:
        return None


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]
               ) -> Iterator[re.Match[str]]:
    """Yield what ``pattern.finditer(text)`` yields, trying only the sorted ``starts``.

    The same matches, provided every place the pattern can match is among ``starts``: each
    match is the first at or after the end of the one before it.
    """
    end = 0
    for i in starts:
        if i < end:
            continue
        if m := pattern.match(text, i):
            yield m
            end = max(m.end(), i + 1)
