"""Cross-document entity resolution: one canonical Entity per real-world thing.

Gazetteer keys (``country:KZ``, ``place:524901``, ``org:eaeu``) are already canonical across
languages and scripts. Other keys are merged with union-find inside blocks, never over all
pairs: persons by the consonant skeleton of their surname (Tokayev = Toqaev = Токаев), then
surname-only keys into the one full name they fit; other types by their phonetic name.
Written here because the linkers on PyPI (dedupe, splink) need training data or a database.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pycountry
from rapidfuzz import fuzz

from dossier.model import Document, Entity, EntityType
from dossier.nlp.entities.config import load_config
from dossier.nlp.entities.evidence import lower_words, short_name
from dossier.nlp.entities.gazetteer import load_gazetteer
from dossier.nlp.entities.normalize import latin, phonetic, romanise, skeleton, sound

_VOWELS = re.compile(r"[aeiou]+")
NAME_SIMILARITY = 88  # rapidfuzz ratio on phonetic forms for two spellings of one name
_GAZ_PREFIXES = ("country:", "org:", "place:")


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
    return key in load_gazetteer().by_key, len(key)


def _collect(docs: Sequence[Document]) -> dict[str, _KeyInfo]:
    """Gather surface forms and documents per key; a demonym is a relation, not an alias."""
    infos: dict[str, _KeyInfo] = {}
    for doc in docs:
        lower: frozenset[str] | None = None
        for m in doc.mentions:
            info = infos.setdefault(m.key, _KeyInfo(key=m.key, type=m.type))
            if m.relation == "demonym":
                info.demonyms[m.text] += 1
            else:
                info.forms[m.text] += 1
                if m.lemma:
                    info.lemmas[m.lemma] += 1
            info.documents.add(doc.id)  # a demonym refers to the country, so it counts here
            if m.type == "person" and m.relation is None:
                rules = load_config(doc.language).romanisation
                if rules:
                    info.variants[romanise(m.lemma or m.text, rules)] += 1
            if m.type == "organization" and m.source == "cue":
                lower = lower_words(doc.text) if lower is None else lower
                short = _short_alias(m.text, doc.language, lower)
                if short:
                    info.short[short] += 1
    return infos


def _short_alias(name: str, language: str | None, lower: frozenset[str]) -> str | None:
    """Short alias of an organisation named after a person or place (an alias only: a lone
    "Lomonosov" may be the scientist, so it is never merged on this)."""
    cfg = load_config(language)
    links = cfg.connectors | frozenset(cfg.demonyms)
    return short_name(name, cfg.org_heads, links, cfg.not_names | cfg.stopwords, lower)


def _name_tokens(info: _KeyInfo) -> list[str]:
    """Name words of a key without its type prefix."""
    return info.key.split(":", 1)[1].replace("-", " ").split()


def _spellings(info: _KeyInfo) -> list[list[str]]:
    """Sound tokens of the key's name and of its forms respelled by their language's rules
    (Turkish 'Cömert' is 'Jomart'; Spanish 'Ajanuch' is 'Akhanuch')."""
    out = [sound(" ".join(_name_tokens(info))).split()]
    out.extend(sound(v).split() for v in info.variants)
    return [t for t in out if t]


def _merge_persons(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Merge spellings of one person; attach lone surnames to the one full name they fit."""
    persons = [i for i in infos.values()
               if i.type == "person" and not i.key.startswith(_GAZ_PREFIXES)]
    blocks: dict[str, list[_KeyInfo]] = defaultdict(list)
    for p in persons:
        toks = _name_tokens(p)
        if toks:  # dossier.scale.entities blocks the same way: keep the two in step
            blocks[skeleton(toks[-1])].append(p)
    for block in blocks.values():
        spelled = {p.key: _spellings(p) for p in block}
        full = [p for p in block if len(_name_tokens(p)) >= 2]
        for i, a in enumerate(full):
            for b in full[i + 1:]:
                if any(_same_person(x, y) for x in spelled[a.key] for y in spelled[b.key]
                       if len(x) >= 2 and len(y) >= 2):
                    uf.union(a.key, b.key)
        for p in block:
            if len(_name_tokens(p)) == 1:
                last = spelled[p.key][0][-1]
                fits = {uf.find(f.key) for f in full if _similar(spelled[f.key][0][-1], last)}
                if len(fits) == 1:  # an ambiguous surname stays on its own
                    uf.union(fits.pop(), p.key)


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


def _merge_names(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Merge non-person keys whose phonetic names are equal, within one type."""
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


def _merge_forms(infos: dict[str, _KeyInfo], uf: _UnionFind) -> None:
    """Keys of different types with one surface form: a weak 'other' joins the typed one."""
    typed: dict[str, str] = {}
    for info in infos.values():
        if info.type != "other":
            for form in info.forms:
                typed.setdefault(latin(form), info.key)
    for info in infos.values():
        if info.type == "other":
            target = next((typed[latin(f)] for f in info.forms if latin(f) in typed), None)
            if target is not None:
                uf.union(target, info.key)


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
