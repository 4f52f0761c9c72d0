"""Person keys merged across documents: spellings, scripts, short forms.

Split from :mod:`dossier.resolve.entities`, which collects the key records (``_KeyInfo``)
these functions read. Keys are compared only inside *blocks* (:func:`person_blocks`, which
the incremental resolver of ``dossier.scale.entities`` stores too), never over all pairs:
- two full names merge when their sound tokens agree (``_same_person``: the same surname
  and compatible given names), when one adds a second surname ("Claudia Sheinbaum Pardo"),
  or, written in two scripts, when every word has one coarse sound (sounds.py: "Lee
  Jae-myung" / "Ли Чжэ Мён"); two different first names never merge;
- a lone name joins the one full name it is the surname of, the leading surname of a
  double surname, the name before a particle ("Lula" of "Lula da Silva"), or the family
  name written first (Chinese, Korean and Vietnamese names: "Lee", "Ding").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz

from dossier import lang as langdata
from dossier.nlp.entities.normalize import latin, skeleton, sound
from dossier.nlp.entities.persons import family_first
from dossier.resolve.sounds import coarse, consonants, script

if TYPE_CHECKING:
    from collections import Counter

_VOWELS = re.compile(r"[aeiou]+")
NAME_SIMILARITY = 88  # rapidfuzz ratio on phonetic forms for two spellings of one name
#: a coarse key says little below this many consonants ("Li Na"): no merge on it alone
COARSE_MIN_CONSONANTS = 4
_GAZ_PREFIXES = ("country:", "org:", "place:")


class _Info(Protocol):
    """The fields of the resolver's key record read here."""

    key: str
    type: str
    forms: Counter[str]
    variants: Counter[str]


class _Union(Protocol):
    def find(self, k: str) -> str: ...
    def union(self, a: str, b: str) -> None: ...


@dataclass(slots=True, eq=False)  # hashed by identity: _spellings caches one per key
class _Person:
    """A person key's spellings: sound tokens, latin tokens and scripts."""

    key: str
    spelled: list[list[str]]  # sound tokens of the key's name and of its respelled forms
    raw: list[list[str]]  # latin tokens of the same
    scripts: frozenset[str]

    @property
    def size(self) -> int:
        return len(self.raw[0])


def name_tokens(key: str) -> list[str]:
    """Name words of a key without its type prefix."""
    return key.split(":", 1)[1].replace("-", " ").split()


def _person(info: _Info) -> _Person:
    scripts = frozenset(script(f) for f in info.forms) or frozenset({"latn"})
    return _spellings(info.key, tuple(info.variants), scripts)


@lru_cache(maxsize=65536)
def _spellings(key: str, variants: tuple[str, ...], scripts: frozenset[str]) -> _Person:
    """A key's spellings (cached: the merges and the block index read them several times)."""
    forms = dict.fromkeys([" ".join(name_tokens(key)),
                           *(" ".join(latin(v).replace("-", " ").split()) for v in variants)])
    raw = [f.split() for f in forms if f]
    spelled = [sound(" ".join(r)).split() for r in raw]
    return _Person(key=key, spelled=spelled, raw=raw, scripts=scripts)


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    """Name particles of every language ("da", "de", "van", "bin"), latin and sound forms."""
    words: set[str] = set()
    for code in langdata.languages():
        words.update(latin(str(w)) for w in langdata.load(code, "entities").get("connectors", []))
    return frozenset(words | {sound(w) for w in words})


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Family names written first (Chinese, Korean, Vietnamese) in any script: latin and
    sound forms."""
    names = family_first()
    return frozenset(names | {sound(n) for n in names})


def _short_forms(tokens: list[str], double: bool = True) -> list[str]:
    """The words a lone name may stand for: the surname; with three words or more, the one
    before it (the first of two surnames, "Sheinbaum" of "Claudia Sheinbaum Pardo"); the
    word before a particle ("Lula" of "Lula da Silva"); a family name written first."""
    if len(tokens) < 2:
        return tokens
    out = [tokens[-1]]
    names = [t for t in tokens if t not in _connectors()]
    if double and len(names) >= 3:
        out.append(names[-2])
    out.extend(tokens[k - 1] for k in range(2, len(tokens))
               if tokens[k] in _connectors() and tokens[k - 1] not in _connectors())
    if tokens[0] in family_names():
        out.append(tokens[0])
    return out


def person_blocks(info: _Info) -> set[str]:
    """Blocking keys of a person key (scale/entities.py stores them): full names are
    compared within "p|" (surname skeleton, and the first of two surnames) and "pc|"
    (coarse surname) blocks; a lone name looks for the full names it may stand for in the
    "ps|" and "psc|" blocks of their short forms."""
    return set(_blocks(_person(info)))


@lru_cache(maxsize=65536)
def _blocks(p: _Person) -> frozenset[str]:
    out: set[str] = set()
    for sp, raw in zip(p.spelled, p.raw, strict=True):
        if len(sp) == 1:
            out.add("ps|" + skeleton(sp[0]))
            if consonants(k := coarse(raw[0])) >= 3:
                out.add("psc|" + k)
            continue
        out.add("p|" + skeleton(sp[-1]))
        names = [t for t in sp if t not in _connectors()]
        if len(names) >= 3:  # "Claudia Sheinbaum Pardo" meets "Claudia Sheinbaum"
            out.add("p|" + skeleton(names[-2]))
        if consonants(k := coarse(raw[-1])) >= 2:
            out.add("pc|" + k)
        out.update("ps|" + skeleton(t) for t in _short_forms(sp))
        out.update("psc|" + k for t in _short_forms(raw) if consonants(k := coarse(t)) >= 3)
    return frozenset(out)


def merge_persons(infos: Mapping[str, _Info], uf: _Union) -> None:
    """Merge spellings of one person; attach lone names to the one full name they fit."""
    persons = {i.key: _person(i) for i in infos.values()
               if i.type == "person" and not i.key.startswith(_GAZ_PREFIXES)}
    keys_blocks = {k: _blocks(p) for k, p in persons.items()}
    full_blocks: dict[str, list[_Person]] = {}
    short_blocks: dict[str, list[_Person]] = {}
    for key, p in persons.items():
        if p.size >= 2:
            for blk in keys_blocks[key]:
                into = short_blocks if blk.startswith("ps") else full_blocks
                into.setdefault(blk, []).append(p)
    seen: set[tuple[str, str]] = set()  # a pair shares several blocks: compared once
    for name, block in sorted(full_blocks.items(), key=lambda kv: not kv[0].startswith("p|")):
        # a coarse block only adds the coarse route, between two scripts (sounds.py)
        same = _same_scripts if name.startswith("pc|") else _same
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if uf.find(a.key) == uf.find(b.key) or (a.key, b.key) in seen:
                    continue
                seen.add((a.key, b.key))
                if same(a, b):
                    uf.union(a.key, b.key)
    for key, p in persons.items():  # after every full-name merge: fits are counted as roots
        if p.size == 1:
            fits = {uf.find(f.key) for blk in keys_blocks[key] for f in short_blocks.get(blk, ())
                    if _fits(p, f)}
            if len(fits) == 1:  # an ambiguous surname stays on its own
                uf.union(fits.pop(), key)


def lone_fits(info: _Info, candidates: Iterable[_Info]) -> set[str]:
    """Keys of the full person names among ``candidates`` whose short form an untyped word
    is, sound for sound and not as the first of two surnames: a word the recogniser could
    not type ("Trump" after "l'amministrazione") is held to a stricter test than a lone
    name typed as a person ("Industry" is no spelling of "Indústria", "Petrol" no surname
    of a misread "Ham Petrol Boru")."""
    words = [sp[0] for sp in _person(info).spelled]
    out = set()
    for c in candidates:
        if c.type != "person" or len(name_tokens(c.key)) < 2:
            continue
        names = {s for sp in _person(c).spelled for s in _short_forms(sp, double=False)}
        if any(w in names for w in words):
            out.add(c.key)
    return out


def _fits(lone: _Person, full: _Person) -> bool:
    """A lone name that is one of the full name's short forms, in some spelling."""
    shorts = [s for sp in full.spelled for s in _short_forms(sp)]
    if any(_similar(sp[0], s) for sp in lone.spelled for s in shorts):
        return True
    if lone.scripts & full.scripts:
        return False
    keys = {coarse(s) for r in full.raw for s in _short_forms(r)}
    return any(consonants(k) >= 3 and k in keys for k in (coarse(r[0]) for r in lone.raw))


def _same(a: _Person, b: _Person) -> bool:
    """Two full names of one person, in any of their spellings."""
    if any(_same_person(x, y) or _double_surname(x, y)
           for x in a.spelled for y in b.spelled if len(x) >= 2 and len(y) >= 2):
        return True
    return _same_scripts(a, b)


def _same_scripts(a: _Person, b: _Person) -> bool:
    """Two full names in two spelling systems with one coarse sound, word for word."""
    return not (a.scripts & b.scripts) and any(_same_coarse(x, y) for x in a.raw for y in b.raw)


def _same_coarse(a: list[str], b: list[str]) -> bool:
    """Every word with one coarse sound, in the same order ("Ли Чжэ Мён" / "Lee Jae-myung")."""
    if len(a) != len(b) or len(a) < 2:
        return False
    ka, kb = [coarse(t) for t in a], [coarse(t) for t in b]
    return ka == kb and sum(consonants(k) for k in ka) >= COARSE_MIN_CONSONANTS


def _double_surname(a: list[str], b: list[str]) -> bool:
    """One name adds a second surname to the other ("Claudia Sheinbaum Pardo")."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 >= 3 and _same_person(short, long[:-1])


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name word, as sounds (Tokayev, Toqaev, Tokaïev)."""
    return a == b or fuzz.ratio(a, b) >= NAME_SIMILARITY


def _similar_given(a: str, b: str) -> bool:
    """Two spellings of one given name; long names may differ in vowels only (Mohammed,
    Muhammed, Mehmet: transliterations disagree on vowels, rarely on consonants)."""
    if _similar(a, b):
        return True
    ca, cb = (w[0] + _VOWELS.sub("", w[1:]) for w in (a, b))
    return ca == cb and len(ca) >= 4


def _same_person(a: list[str], b: list[str]) -> bool:
    """Same surname and compatible given names (sound tokens): an initial fits; so does the
    same first given name ('Kassym-Jomart' ~ 'Kasım Cömert') or one list inside the other
    ('Tayyip Erdoğan' ~ 'Recep Tayyip Erdoğan'); two different names do not (two Smiths)."""
    if not _similar(a[-1], b[-1]):
        return False
    ga, gb = sorted((a[:-1], b[:-1]), key=len)
    if len(ga[0]) == 1 or len(gb[0]) == 1:
        return ga[0][0] == gb[0][0]
    if _similar_given(ga[0], gb[0]) or _similar(" ".join(ga), " ".join(gb)):
        return True
    return all(any(_similar(x, y) for y in gb) for x in ga)
