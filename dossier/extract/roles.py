"""Role references: "the Russian president", "il premier", "Вице-премьердің" -> a named person.

News names a speaker once with a title ("Chilean President Tomás Rivera", "O Presidente do
Chile, Tomás Rivera") and later by the title alone. This module reads the title words
before (or in apposition after) each person mention, keeps the roles and countries they state,
and resolves a later bare title to the person holding that role. Roles and title words are
per-language data (``dossier/lang/<code>/speakers.toml``); which roles a reference may stand
for ("leader" -> president, prime minister, ...) is shared (``_common/speakers.toml``). Written
here because no NER package links titles to names across a document in these nine languages.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dossier import lang as langdata
from dossier.model import Document, Mention

_TOKEN = re.compile(r"[^\s,;:()«»\"“”„]+")
_WORD_START = re.compile(r"(?<!\w)\w")  # where a role phrase may start (its pattern's own test)
_STOPS = ";:()«»\"“”„"  # a title phrase does not run across these
_STRIP = ".!?'’"
_BACK = 120  # how far before a name its title may start
_DEPUTY = "deputy"
_COUNTERPART = "counterpart"
_WORD_CACHE = 50_000  # words remembered per language (titles and demonyms of news prose)


def _phrase_re(phrase: str) -> str:
    """Return the regex of one role phrase: spaces match any space, '*' (at a word's start or
    end) any word part, '~' any one word ("глава ~ мид": глава индийского МИД)."""
    return r"\s+".join(_word_re(w) for w in phrase.split())


def _word_re(word: str) -> str:
    """Return the regex of one word of a role phrase."""
    if word == "~":
        return r"\w+"
    head = r"\w*" if word.startswith("*") else ""
    tail = r"\w*" if word.endswith("*") and len(word) > 1 else ""
    return head + re.escape(word.strip("*")) + tail


#: (start, end, is a title word, the countries it names)
Token = tuple[int, int, bool, frozenset[str]]


@dataclass(slots=True, kw_only=True)
class RoleVocabulary:
    """Compiled role phrases and title words of one language."""

    roles: re.Pattern[str]
    names: dict[str, str]  # regex group -> role id
    titles: re.Pattern[str]
    implies: dict[str, frozenset[str]]
    demonyms: re.Pattern[str]  # "portugués", "индийского", "africano" -> group -> countries
    places: dict[str, frozenset[str]]  # regex group -> country keys (a region: several)
    words: dict[str, tuple[bool, frozenset[str]]] = field(default_factory=dict)  # word cache

    def found(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, role) of every role phrase in ``text``."""
        out = []
        for m in self.roles.finditer(text):
            group = m.lastgroup
            if group:
                out.append((m.start(), m.end(), self.names[group]))
        return out

    def word(self, word: str) -> tuple[bool, frozenset[str]]:
        """Return whether ``word`` is a title word and the countries it names (cached)."""
        got = self.words.get(word)
        if got is None:
            places = self.countries(word)
            got = (not word or bool(places) or bool(self.titles.fullmatch(word)), places)
            if len(self.words) < _WORD_CACHE:
                self.words[word] = got
        return got

    def countries(self, word: str) -> frozenset[str]:
        """Return the country keys a demonym or region adjective names (empty if none)."""
        m = self.demonyms.fullmatch(word)
        return self.places[m.lastgroup] if m and m.lastgroup else frozenset()

    def matches(self, ref_roles: frozenset[str], held: frozenset[str]) -> bool:
        """Return True when a person holding ``held`` can be meant by ``ref_roles``."""
        if held == {_COUNTERPART}:
            return True  # "his counterpart": the same office, whichever it is
        wanted: set[str] = set()
        for r in ref_roles:
            wanted |= self.implies.get(r, frozenset({r}))
        return bool(wanted & held)


def roles_of(found: list[tuple[int, int, str]]) -> frozenset[str]:
    """Return the roles stated by a title ("deputy" + "prime minister" -> deputy_prime_minister)."""
    ids = {r for _, _, r in found}
    if _DEPUTY in ids:
        others = ids - {_DEPUTY}
        ids = {r if r.startswith(_DEPUTY) else f"{_DEPUTY}_{r}" for r in others} or {_DEPUTY}
    return frozenset(ids)


@lru_cache(maxsize=32)
def role_vocabulary(language: str | None, titles: tuple[str, ...] = ()) -> RoleVocabulary:
    """Return the compiled role vocabulary of ``language`` (plus extra title words)."""
    own: dict[str, Any] = langdata.load((language or "en")[:2], "speakers")
    table: dict[str, list[str]] = own.get("roles", {})
    parts = sorted(((p, r) for r, ps in table.items() for p in ps), key=lambda x: -len(x[0]))
    names = {f"r{i}": role for i, (_, role) in enumerate(parts)}
    body = "|".join(f"(?P<r{i}>{_phrase_re(p)})" for i, (p, _) in enumerate(parts)) or "(?!x)x"
    words = sorted({*titles, *own.get("titles", [])}, key=len, reverse=True)
    title_alt = "|".join(_phrase_re(w) for w in words) or "(?!x)x"
    common = langdata.load("_common", "speakers")
    implies = {k: frozenset(v) for k, v in common.get("role_implies", {}).items()}
    demonyms, places = _demonym_table(own.get("demonyms", {}), common.get("regions", {}))
    return RoleVocabulary(
        roles=re.compile(rf"(?<!\w){_first_letters(parts)}(?:{body})(?!\w)", re.IGNORECASE),
        names=names,
        titles=re.compile(rf"(?:{title_alt})", re.IGNORECASE), implies=implies,
        demonyms=demonyms, places=places,
    )


def _first_letters(parts: list[tuple[str, str]]) -> str:
    """Return a lookahead on the letters role phrases start with ("" when one starts with a
    wildcard): the engine otherwise tries every phrase at every character of a span."""
    firsts = set()
    for phrase, _ in parts:
        words = phrase.split()
        if not words or words[0] == "~" or words[0].startswith("*"):
            return ""
        firsts.add(words[0].strip("*")[0])
    return f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])" if firsts else ""


def _demonym_table(table: dict[str, list[str]], regions: dict[str, list[str]]
                   ) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """Compile demonyms ("KZ" or a region name -> words) into one pattern and group -> keys."""
    groups, places = [], {}
    for i, (place, words) in enumerate(sorted(table.items())):
        codes = [place] if place.isupper() else regions.get(place, [])
        places[f"d{i}"] = frozenset(f"country:{c}" for c in codes)
        body = "|".join(_phrase_re(w) for w in sorted(words, key=len, reverse=True))
        groups.append(f"(?P<d{i}>{body})")
    return re.compile("|".join(groups) or "(?!x)x", re.IGNORECASE), places


@dataclass(slots=True, kw_only=True)
class RoleRef:
    """What a title says of a person: roles ("president") and countries ("country:RU")."""

    roles: frozenset[str]
    countries: frozenset[str] = frozenset()


@dataclass(slots=True)
class RoleIndex:
    """The roles each person of a document is given, and a resolver for bare titles."""

    doc: Document
    vocab: RoleVocabulary
    canon: dict[str, str]
    people: list[Mention]
    _held: dict[str, RoleRef] | None = None
    _others: list[Mention] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)
    # the same spans are read again (a quote's sentences, a title before each name): per document
    _found: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # mentions that are no speaker ("Commercio", a title read as a name) read as title words
        ids = {id(p) for p in self.people}
        self._others = sorted((m for m in self.doc.mentions if id(m) not in ids),
                              key=lambda m: m.end)
        self._ends = [m.end for m in self._others]

    @property
    def held(self) -> dict[str, RoleRef]:
        """Return the roles each person is given by a title (read once, when first needed)."""
        if self._held is None:
            self._held = self._read_titles()
        return self._held

    def _read_titles(self) -> dict[str, RoleRef]:
        """Read the title of every person mention; most documents never need it."""
        held: dict[str, RoleRef] = {}
        titled: list[tuple[Mention, RoleRef]] = []
        for p in self.people:
            ref = self._title_of(p)
            if ref is None:
                continue
            if ref.roles == {_COUNTERPART}:
                ref = _counterpart(ref, p, titled)
            titled.append((p, ref))
            key = self.canon.get(p.key, p.key)
            old = held.get(key)
            held[key] = ref if old is None else RoleRef(
                roles=old.roles | ref.roles, countries=old.countries | ref.countries)
        return held

    def _title_of(self, p: Mention) -> RoleRef | None:
        """Return the title right before ``p`` (or in apposition after it), if any."""
        lo = max(0, p.start - _BACK)
        before = self.doc.text[lo:p.start]
        cut = max(before.rfind(". "), before.rfind("\n"))  # a title stays in its sentence
        lo += cut + 1 if cut >= 0 else 0
        ref = self.title_suffix(lo, p.start)
        if ref is None and before.rstrip().endswith(",") and not any(
                lo <= q.start < p.start for q in self.people):
            lead = self.title_lead(lo, p.start)  # "The Minister of X, of Y and of Z, Name"
            ref = lead[0] if lead and self.doc.text.startswith(",", lead[1]) else None
        if ref is None:
            after = self.doc.text[p.end:p.end + _BACK]
            if after.startswith(", "):
                stop = re.search(r"[,.;:()\n]", after[2:])
                end = p.end + 2 + (stop.start() if stop else len(after) - 2)
                ref = self.title_ref(p.end + 2, end)
        return ref

    def _run(self, start: int, end: int, backward: bool = False) -> tuple[list[Token], bool]:
        """Return the run of title words from ``start`` (or back from ``end``) and whether it
        covers every word of [start, end). Stops at the first other word: most spans are
        long and only their edge is a title."""
        text = self.doc.text[start:end]
        if not backward:
            return self._forward_run(text, start)
        covered = [(start + a, start + b) for a, b, _ in self._roles_in(text)]
        found = list(_TOKEN.finditer(text))
        run: list[Token] = []
        for t in reversed(found):
            tok = self._token(start + t.start(), start + t.end(), t.group(), covered)
            if not tok[2]:
                break
            run.append(tok)
        run.reverse()
        return run, len(run) == len(found)

    def _forward_run(self, text: str, start: int) -> tuple[list[Token], bool]:
        """``_run`` from the start of ``text``, reading words and role phrases only as far as
        the run goes: a word is covered only by a phrase starting before its end, and spans
        are long while runs are short (most stop at the first word). Role phrases are tried
        only at the word starts of the words read, in order, each search going on from the
        end of the last phrase: the phrases ``finditer`` would give, without the scan of the
        rest of the span."""
        roles = self.vocab.roles
        covered: list[tuple[int, int]] = []
        run: list[Token] = []
        read = 0  # phrases starting before this offset are known
        for t in _TOKEN.finditer(text):
            pos = max(read, t.start())
            while (w := _WORD_START.search(text, pos, t.end())) is not None:
                m = roles.match(text, w.start())
                if m is None:
                    pos = w.start() + 1
                    continue
                if m.lastgroup:  # as RoleVocabulary.found
                    covered.append((start + m.start(), start + m.end()))
                pos = m.end()
            read = max(read, pos, t.end())
            tok = self._token(start + t.start(), start + t.end(), t.group(), covered)
            if not tok[2]:
                return run, False
            run.append(tok)
        return run, True

    def _roles_in(self, text: str) -> list[tuple[int, int, str]]:
        """Return the role phrases of ``text`` (remembered for this document)."""
        got = self._found.get(text)
        if got is None:
            got = self._found[text] = self.vocab.found(text)
        return got

    def _token(self, a: int, b: int, word: str, covered: list[tuple[int, int]]) -> Token:
        """Return one word as (start, end, is a title word, the countries it names)."""
        k = bisect.bisect_left(self._ends, b)  # the first mention ending at or after b
        ent = self._others[k] if k < len(self._others) and self._others[k].start <= a else None
        if ent is not None:
            return a, b, True, frozenset({ent.key}) if ent.type == "country" else frozenset()
        titled, places = self.vocab.word(word.strip(_STRIP))
        return a, b, titled or any(x <= a and b <= y for x, y in covered), places

    def title_ref(self, start: int, end: int) -> RoleRef | None:
        """Return the roles of [start, end) when it is only a title ("the Russian leader")."""
        run, whole = self._run(start, end)
        return self._ref(run) if run and whole else None

    def title_suffix(self, start: int, end: int) -> RoleRef | None:
        """Return the roles of the longest title phrase ending at ``end`` (before a name)."""
        tail = self.doc.text[start:end].rstrip()
        if tail.endswith(","):
            tail = tail[:-1]
        if not tail or tail[-1] in _STOPS:
            return None  # "Putin (...) Xi": the word before the name ends in a bracket or quote
        run, _ = self._run(start, end, backward=True)
        return self._ref(run) if run else None

    def title_prefix(self, start: int, end: int) -> RoleRef | None:
        """Return the roles of the title phrase starting at ``start`` ("Laut dem Kanzler ...")."""
        lead = self.title_lead(start, end)
        return lead[0] if lead else None

    def title_lead(self, start: int, end: int) -> tuple[RoleRef, int] | None:
        """Return the roles of the title phrase starting at ``start`` and where it ends."""
        run, _ = self._run(start, end)
        ref = self._ref(run) if run else None
        return (ref, run[-1][1]) if ref else None

    def _ref(self, toks: list[Token]) -> RoleRef | None:
        """Return the roles and countries of a run of title words (None without a role)."""
        text = self.doc.text[toks[0][0]:toks[-1][1]]
        roles = roles_of(self._roles_in(text))
        if not roles:
            return None
        return RoleRef(roles=roles, countries=frozenset(c for *_, cs in toks for c in cs))

    def resolve(self, ref: RoleRef, pos: int, last: str | None) -> str | None:
        """Return the person a title refers to at ``pos``: its holder, else the last speaker."""
        named = {self.canon.get(p.key, p.key): p.start for p in self.people if p.start < pos}
        cands = [k for k in named if k in self.held and self._fits(ref, self.held[k])]
        sure = [k for k in cands if ref.countries & self.held[k].countries]
        cands = sure or cands
        if last in cands or (last and cands and not ref.countries and last not in self.held):
            return last  # a title the last speaker was never given may still be theirs
        if cands:
            return max(cands, key=lambda k: named[k])
        if last and (last not in self.held or self._fits(ref, self.held[last])):
            return last
        return None

    def _fits(self, ref: RoleRef, held: RoleRef) -> bool:
        """Return True unless what a person holds contradicts a reference's roles or country."""
        if ref.countries and held.countries and not ref.countries & held.countries:
            return False
        return not held.roles or self.vocab.matches(ref.roles, held.roles)


def _counterpart(ref: RoleRef, p: Mention, titled: list[tuple[Mention, RoleRef]]) -> RoleRef:
    """Give "his counterpart X" the roles of the titled person named before it in its sentence."""
    host = next((r for q, r in reversed(titled) if q.sentence == p.sentence
                 and p.start - q.start < _BACK * 2 and r.roles != {_COUNTERPART}), None)
    if host is None:
        return ref
    generic = langdata.load("_common", "speakers").get("role_generic", {})
    # a national title ("External Affairs Minister") is the host's own, not the counterpart's
    return RoleRef(roles=frozenset(generic.get(r, r) for r in host.roles), countries=ref.countries)
