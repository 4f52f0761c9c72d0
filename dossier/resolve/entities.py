"""Cross-document entity resolution: one canonical Entity per real-world thing.

Gazetteer keys (``country:KZ``, ``place:524901``, ``org:eaeu``) are already canonical across
languages and scripts. Other keys are merged with union-find inside blocks (:func:`blocks`),
never over all pairs: persons by their spellings and short forms (persons.py: Tokayev =
Toqaev = Токаев, Дин Сюэсян = Ding Xuexiang, "Lula" of "Lula da Silva"); other types by
their phonetic name, and unknown places written in two scripts by a coarse sound (sounds.py:
Қорғас = Хоргос); an untyped word joins what it names ("Trump"). Written here because the
linkers on PyPI (dedupe, splink) need training data or a database.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from dossier.model import Document, Entity, EntityType
from dossier.nlp.entities.config import LangConfig, load_config
from dossier.nlp.entities.evidence import lower_words, short_name
from dossier.nlp.entities.gazetteer import load_gazetteer
from dossier.nlp.entities.normalize import latin, phonetic, romanise
from dossier.resolve.persons import (
    NAME_SIMILARITY,
    lone_fits,
    merge_persons,
    name_tokens,
    person_blocks,
)
from dossier.resolve.sounds import coarse, consonants, pinyin, script

__all__ = ["NAME_SIMILARITY", "blocks", "entity_id", "entity_index", "resolve_entities"]

_GAZ_PREFIXES = ("country:", "org:", "place:")
_ABBREVIATION = re.compile(r"(?:\w\.)+\w")
_GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
#: types whose unknown names may merge on a coarse sound across scripts (Karabağ, Карабах)
_COARSE_TYPES = ("place", "other")
#: a coarse key of fewer consonants says too little to merge two places on
_PLACE_MIN_CONSONANTS = 3


@dataclass(slots=True)
class _KeyInfo:
    """What the documents say about one provisional key."""

    key: str
    type: str
    forms: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    demonyms: Counter[str] = field(default_factory=Counter)
    short: Counter[str] = field(default_factory=Counter)  # "Skolkovo" of a longer org name
    variants: Counter[str] = field(default_factory=Counter)  # respelled person forms
    lemmas: Counter[str] = field(default_factory=Counter)  # base forms of inflected forms


class _UnionFind:
    """Union-find over keys (path halving)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the gazetteer key (or the longer name) stays the root
            if _rank(rb) > _rank(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _rank(key: str) -> tuple[bool, int]:
    return _known(key), len(key)


@lru_cache(maxsize=1)
def case_forms() -> dict[str, str]:
    """Russian and Kazakh case forms of multi-word country and region names -> their base
    form (written by scripts/build_gazetteer.py beside the names the matcher reads)."""
    text = (_GAZETTEER / "case_forms.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def _known(key: str) -> bool:
    """A gazetteer key (unknown places are keyed "place:<name>" too)."""
    return key in load_gazetteer().by_key


def _collect(docs: Sequence[Document]) -> dict[str, _KeyInfo]:
    """Gather surface forms and documents per key; a demonym is a relation, not an alias."""
    infos: dict[str, _KeyInfo] = {}
    for doc in docs:
        lower: frozenset[str] | None = None
        cfg = load_config(doc.language)
        for m in doc.mentions:
            info = infos.setdefault(m.key, _KeyInfo(key=m.key, type=m.type))
            if m.relation == "demonym":
                info.demonyms[m.text] += 1
            else:
                info.forms[_dotted(m.text, doc.text[m.end:m.end + 1])] += 1
                if m.lemma:
                    info.lemmas[m.lemma] += 1
            info.documents.add(doc.id)  # a demonym refers to the country, so it counts here
            if m.relation is None:
                _respell(info, m.lemma or m.text, m.type, cfg)
                if m.lemma is None and (base := case_forms().get(m.text)) is not None:
                    info.lemmas[base] += 1  # "Турецкой Республики": "Турецкая Республика"
            if m.type == "organization" and m.source == "cue":
                lower = lower_words(doc.text) if lower is None else lower
                short = _short_alias(m.text, doc.language, lower)
                if short:
                    info.short[short] += 1
    return infos


def _dotted(form: str, after: str) -> str:
    """An abbreviation with its last full stop ("U.S." is matched as the words U, S)."""
    return form + "." if after == "." and _ABBREVIATION.fullmatch(form) else form


def _respell(info: _KeyInfo, text: str, typ: str, cfg: LangConfig) -> None:
    """Record other spellings of a form, which the merges compare: a person's respelled by
    the language's rules (Turkish 'Cömert' is 'Jomart') or read as Palladius pinyin ('Дин
    Сюэсян' is 'Ding Xuexiang'), with a declined lone surname's base form as an alias
    ('Эрдогана' of 'Реджеп Тайип Эрдоган'); an unknown place's respelled (German
    'Chorgos' is 'Khorgos') and without its case ending ('Карабаха')."""
    if typ == "person":
        if cfg.romanisation:
            info.variants[romanise(text, cfg.romanisation)] += 1
        if (py := pinyin(text)) is not None:
            info.variants[py] += 1
        base = _declined_surname(info.key, text, cfg)
        if base is not None:
            info.lemmas[base] += 1
    elif typ in _COARSE_TYPES and not _known(info.key):
        if cfg.romanisation:
            info.variants[romanise(text, cfg.romanisation)] += 1
        if " " not in text:
            info.variants.update(text[: len(text) - len(e)] for e in cfg.case_endings
                                 if text.endswith(e) and len(text) - len(e) >= 4)


def _declined_surname(key: str, text: str, cfg: LangConfig) -> str | None:
    """The base form of a lone declined surname that a full name's key ends in."""
    tokens = name_tokens(key)
    if len(tokens) < 2 or " " in text or not cfg.case_endings:
        return None
    return next((text[: len(text) - len(e)] for e in cfg.case_endings
                 if text.endswith(e) and latin(text[: len(text) - len(e)]) == tokens[-1]), None)


def _short_alias(name: str, language: str | None, lower: frozenset[str]) -> str | None:
    """Short alias of an organisation named after a person or place (an alias only: a lone
    "Lomonosov" may be the scientist, so it is never merged on this)."""
    cfg = load_config(language)
    links = cfg.connectors | frozenset(cfg.demonyms)
    return short_name(name, cfg.org_heads, links, cfg.not_names | cfg.stopwords, lower)


def _merge_persons(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Merge spellings of one person (persons.py)."""
    merge_persons(infos, uf)


def _merge_names(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Merge non-person keys whose phonetic names are equal, within one type; then unknown
    places whose forms in two scripts have one coarse sound (Karabağ, Карабах)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for info in infos.values():
        if info.type != "person" and not info.key.startswith(_GAZ_PREFIXES):
            groups[(info.type, phonetic(info.key.split(":", 1)[1]))].append(info.key)
        elif info.type != "person":
            for form in info.forms:  # an unknown key spelled like a gazetteer name joins it
                groups[(info.type, phonetic(form))].append(info.key)
    for keys in groups.values():
        for k in keys[1:]:
            uf.union(keys[0], k)
    _merge_coarse(infos, uf)


def _coarse_keys(info: _KeyInfo) -> list[tuple[str, str, str]]:
    """(coarse key, script, form) of an unknown place's forms and respellings."""
    if info.type not in _COARSE_TYPES or _known(info.key):
        return []
    out = []
    for form in dict.fromkeys([*info.forms, *info.variants]):
        key = coarse(form)
        if " " not in key and consonants(key) >= _PLACE_MIN_CONSONANTS:
            out.append((key, script(form), form))
    return out


def _merge_coarse(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Unknown one-word places (or untyped words) written in two scripts with one coarse
    sound join ("Қорғас", "Хоргос", German "Chorgos"); a group spelled in one script only is
    left alone (Latin "Bakhty" and "Bakti" may be two villages)."""
    groups: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for info in infos.values():
        for key, scr, form in _coarse_keys(info):
            groups[key].append((info.key, scr, form))
    by_variant: dict[str, set[str]] = defaultdict(set)  # key -> variants that joined
    by_form: set[str] = set()  # keys that joined with a form of their own
    for members in groups.values():
        if len({scr for _, scr, _ in members}) < 2:
            continue
        keys = sorted({k for k, _, _ in members}, key=lambda k: (infos[k].type != "place", k))
        for k in keys[1:]:
            uf.union(keys[0], k)
        for k, _, form in members:
            if form in infos[k].forms:
                by_form.add(k)
            elif any(f.startswith(form) for f in infos[k].forms):
                by_variant[k].add(form)
    for k, forms in by_variant.items():  # "Карабаха" joined as "Карабах": an alias
        if k not in by_form:
            infos[k].lemmas.update(forms)


def _merge_forms(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Keys of different types with one surface form: a weak 'other' joins the typed one;
    an untyped lone word that is the surname of one person joins that person ("Trump")."""
    typed: dict[str, str] = {}
    for info in infos.values():
        if info.type != "other":
            for form in info.forms:
                typed.setdefault(latin(form), info.key)
    others = [i for i in infos.values() if i.type == "other"]
    surnames: dict[str, list[_KeyInfo]] = defaultdict(list)
    if any(len(name_tokens(i.key)) == 1 for i in others):
        for i in infos.values():
            if i.type == "person" and len(name_tokens(i.key)) >= 2:
                for b in person_blocks(i):
                    surnames[b].append(i)
    for info in others:
        target = next((typed[latin(f)] for f in info.forms if latin(f) in typed), None)
        if target is None and len(name_tokens(info.key)) == 1:
            near = {i.key: i for b in person_blocks(info) for i in surnames.get(b, ())}
            fits = {uf.find(k) for k in lone_fits(info, near.values())}
            target = fits.pop() if len(fits) == 1 else None
        if target is not None:
            uf.union(target, info.key)


def blocks(info: _KeyInfo) -> set[str]:
    """The blocks a key falls into: keys merge only within one (dossier.scale.entities
    stores them, so that new documents re-resolve only the keys they can change)."""
    gaz = info.key.startswith(_GAZ_PREFIXES)
    name = info.key.split(":", 1)[1]
    out = {"f|" + latin(f) for f in info.forms}
    if info.type == "person" and not gaz:
        out |= person_blocks(info)
    elif info.type != "person" and not gaz:
        out.add(f"n|{info.type}|{phonetic(name)}")
    elif info.type != "person":
        out.update(f"n|{info.type}|{phonetic(f)}" for f in info.forms)
    out.update("c|" + key for key, _, _ in _coarse_keys(info))
    if info.type == "other" and len(name_tokens(info.key)) == 1:
        out |= person_blocks(info)
    return out


def _canonical(key: str, members: list[_KeyInfo]) -> tuple[str, str]:
    """Canonical (name, type): the gazetteer's English name, else the commonest longest form."""
    entry = load_gazetteer().by_key.get(key)
    if entry is not None:
        return entry.name, entry.type
    forms: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for m in members:
        forms.update(m.forms)
        types[m.type] += sum(m.forms.values())
    latin_first = sorted(forms, key=lambda f: (f.isascii(), len(f.split()), forms[f], f),
                         reverse=True)
    typ = next((t for t, _ in types.most_common() if t != "other"), "other")
    return (latin_first[0] if latin_first else key.split(":", 1)[1]), typ


def _english_aliases(key: str) -> list[str]:
    """English official names of a country (Russian Federation) from iso-codes."""
    if not key.startswith("country:"):
        return []
    c = pycountry.countries.get(alpha_2=key.split(":", 1)[1])
    names = [getattr(c, a, None) for a in ("name", "official_name", "common_name")] if c else []
    return [n for n in names if n and "," not in n]


def entity_id(typ: str, name: str) -> str:
    """Stable id: 'e' and a short hash of type and canonical name."""
    return "e" + hashlib.sha1(f"{typ}\x1f{name}".encode()).hexdigest()[:10]


def resolve_entities(docs: Sequence[Document]) -> list[Entity]:
    """Resolve the provisional mention keys of ``docs`` into canonical entities."""
    infos = _collect(docs)
    uf = _UnionFind(infos)
    _merge_persons(infos, uf)
    _merge_names(infos, uf)
    _merge_forms(infos, uf)
    clusters: dict[str, list[_KeyInfo]] = defaultdict(list)
    for info in infos.values():
        clusters[uf.find(info.key)].append(info)
    entities: list[Entity] = []
    used: set[str] = set()
    for root, members in clusters.items():
        docs_seen = sorted({d for m in members for d in m.documents})
        name, typ = _canonical(root, members)
        eid = entity_id(typ, name)
        while eid in used:  # two entities with one name (two different Smiths)
            eid = entity_id(typ, name + root)
            root += "'"
        used.add(eid)
        entities.append(_entity(eid, name, typ, members, docs_seen, root))
    entities.sort(key=lambda e: (-len(e.documents), e.name))
    return entities


def _entity(eid: str, name: str, typ: str, members: list[_KeyInfo], docs: list[str],
            root: str) -> Entity:
    forms = Counter[str]()
    demonyms = Counter[str]()
    for m in members:
        forms.update(m.forms)
        demonyms.update(m.demonyms)
    short = Counter[str]()
    lemmas = Counter[str]()
    for m in members:
        short.update(m.short)
        lemmas.update(m.lemmas)
    aliases = [name, *(f for f, _ in forms.most_common()), *(f for f, _ in lemmas.most_common()),
               *_english_aliases(root.rstrip("'")), *(f for f, _ in short.most_common())]
    related = {"demonyms": ", ".join(sorted(demonyms))} if demonyms else {}
    etype: EntityType = typ  # type: ignore[assignment]
    return Entity(id=eid, name=name, type=etype, aliases=list(dict.fromkeys(aliases)),
                  documents=docs, keys=sorted(m.key for m in members), related=related)


def entity_index(entities: Iterable[Entity]) -> dict[str, str]:
    """Map every provisional key to the id of the entity it was merged into."""
    return {k: e.id for e in entities for k in e.keys}
