"""Fast regexes for lexicon phrase lists (cue words, reporting verbs, scale words).

Written here because the obvious form, a flat IGNORECASE alternation with a lookbehind per
phrase, makes Python's regex engine try every phrase at every text position (about a
microsecond a character). These builders give the engine what it needs to skip ahead: a
trie (one branch per first letter), and a plain character class as the very first item,
which ``re`` uses to jump to candidate positions when the pattern is compiled without
IGNORECASE. Case-insensitivity is scoped inside each pattern, so the result means the same
with or without the flag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

SPACE = r"[ \t\u00a0\u202f\u2009]+"
#: one lookbehind, placed after a first character already consumed: "no word character
#: before that character" (the same test as a leading (?<!\w))
AFTER_WORD_START = r"(?<!\w[\w\W])"
_STAR, _BOUND = "\x01", "\x02"  # trie tokens: "any word ending", "end of word"
_TOKEN_RE = {" ": SPACE, _STAR: r"\w*", _BOUND: r"(?!\w)"}
#: characters that IGNORECASE matches with a letter beyond its upper and lower case
_FOLD_EXTRA = {"i": "ıİ", "s": "ſ", "k": "\u212a", "ı": "iI", "å": "\u212b"}


def _fold(ch: str) -> str:
    """Return ``ch`` lowercased when that keeps it one character."""
    low = ch.lower()
    return low if len(low) == 1 else ch


def case_variants(ch: str) -> str:
    """Return every character IGNORECASE may match with ``ch`` (a superset is fine)."""
    out = {ch, *_FOLD_EXTRA.get(ch, "")}
    for v in (ch.lower(), ch.upper(), ch.title(), ch.casefold()):
        if len(v) == 1:
            out.add(v)
    return "".join(sorted(out))


def _tokens(phrase: str, bounded: bool) -> list[str]:
    """Return the trie tokens of one phrase: characters, spaces, ending and boundary marks."""
    star = phrase.endswith("*") and len(phrase) > 1
    stem = phrase[:-1] if star else phrase
    out: list[str] = []
    for i, part in enumerate(stem.split()):
        if i:
            out.append(" ")
        out.extend(_fold(ch) for ch in part)
    if star:
        out.append(_STAR)
    if bounded and (phrase[-1].isalnum() or phrase.endswith("*")):
        out.append(_BOUND)
    return out


def _order(tok: str) -> tuple[int, str]:
    """Sort key of trie branches: letters, then spaces, then ending marks (longest first)."""
    return ({" ": 1, _STAR: 2, _BOUND: 3}.get(tok, 0), tok)


def _build(node: dict[str, Any]) -> str:
    """Return the regex of a trie node's subtree."""
    branches = [(_TOKEN_RE.get(tok) or re.escape(tok)) + _build(sub)
                for tok, sub in sorted(node.items(), key=lambda kv: _order(kv[0])) if tok]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def alt(phrases: Any, *, bounded: bool = True) -> str:
    """Return a case-insensitive regex for any of ``phrases`` (longer ones preferred).

    Spaces in a phrase match any run of spaces; a trailing ``*`` any word ending; with
    ``bounded``, phrases that are words only match whole words.
    """
    root: dict[str, Any] = {}
    for p in {str(p) for p in phrases or () if str(p).strip()}:
        node = root
        for tok in _tokens(p, bounded):
            node = node.setdefault(tok, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _dispatch(root, bounded, case_insensitive=True)


def _dispatch(root: dict[str, Any], bounded: bool, *, case_insensitive: bool) -> str:
    """Return ``[first chars]`` + word-start test + one lookbehind-led branch per first char.

    The leading class lets ``re`` jump to candidate positions; the word-start test comes
    before the branches because most positions inside words fail it at once.
    """
    groups: dict[bool, list[str]] = {True: [], False: []}
    for ch, sub in sorted(root.items()):
        if ch:
            groups[bounded and ch.isalnum()].append(f"(?<={re.escape(ch)}){_build(sub)}")
    chars = {v for ch in root if ch for v in (case_variants(ch) if case_insensitive else ch)}
    parts = []
    for word, branches in ((True, groups[True]), (False, groups[False])):
        if branches:
            body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
            if case_insensitive:
                body = f"(?i:{body})"
            parts.append((AFTER_WORD_START if word else "") + body)
    tail = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    # the class consumes the first character; the lookbehinds re-read it
    return f"(?:[{re.escape(''.join(sorted(chars)))}]{tail})"


def trie_re(words: Any, *, word_start: bool = False) -> str:
    """Return a case-sensitive regex for any of ``words`` (only at word starts if asked)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _dispatch(root, word_start, case_insensitive=False)


class KeyedPhrases:
    """Phrase lists under keys, found the way ``(?P<k1>...)|(?P<k2>...)`` would find them.

    One combined pattern finds the leftmost phrase fast; the key is the first (in table
    order) whose own pattern matches there, and that pattern gives the end.
    """

    __slots__ = ("_any", "_each")

    def __init__(self, table: dict[str, list[str]]) -> None:
        items = [(k, list(v)) for k, v in table.items() if v]
        self._any = re.compile(alt([p for _, v in items for p in v]))
        self._each = [(k, re.compile(alt(v))) for k, v in items]

    def finditer(self, text: str, pos: int = 0,
                 endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, key) of the phrases in ``text[pos:endpos]``, left to right."""
        end = len(text) if endpos is None else endpos
        while m := self._any.search(text, pos, end):
            start = m.start()
            for key, rx in self._each:
                if km := rx.match(text, start, end):
                    yield start, km.end(), key
                    pos = max(km.end(), start + 1)
                    break
            else:  # unreachable in practice: some phrase matched here
                pos = start + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> str | None:
        """Return the key of the first phrase in ``text[pos:endpos]``, or None."""
        return next((key for _, _, key in self.finditer(text, pos, endpos)), None)
