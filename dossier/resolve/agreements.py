"""Fuse per-document agreements into one record per real-world document.

Agreements fuse by kind, English-glossed title similarity (rapidfuzz), date and parties;
groups whose titles gloss apart across languages join when each page names one document
of that kind and date, or when kind, parties, date and a topic concept agree.

Split from :mod:`dossier.resolve.events`, which re-exports ``fuse_agreements`` and the
helpers :mod:`dossier.scale.fusion` reuses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dossier.extract.glossing import same_title, title_key
from dossier.extract.lexicon import load_lexicon
from dossier.extract.titles import concepts
from dossier.model import Agreement, DocAgreement, Document, Evidence
from dossier.nlp.dates import compatible, merge, parse_partial, precision
from dossier.resolve.keys import canon, stable_id

__all__ = ["SINGULAR_KINDS", "fuse_agreements"]

#: Kinds a summit signs one of (a visit has one declaration, many agreements): an undated
#: mention of one ("expects to adopt a declaration") can join the dated one.
SINGULAR_KINDS = frozenset({"declaration", "treaty"})


@dataclass(slots=True, kw_only=True)
class _AgreementGroup:
    kind: str | None
    date: str | None
    keys: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    members: list[tuple[Document, DocAgreement]] = field(default_factory=list)


def _agreement_fits(g: _AgreementGroup, ag: DocAgreement, key: str, parties: list[str]) -> bool:
    if g.kind != ag.kind or not compatible(g.date, ag.date):
        return False
    # a memorandum "on cooperation" between KZ and UZ is not the DE-KZ one: both parties
    shared = len(set(parties) & set(g.parties))
    if parties and g.parties and shared < min(2, len(parties), len(g.parties)):
        return False
    return any(same_title(k, key) for k in g.keys)


def fuse_agreements(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Agreement]:
    """Fuse the DocAgreements of ``docs`` into one Agreement per real-world document."""
    items = [(d, a) for d in docs for a in d.agreements]
    items.sort(key=lambda da: -precision(da[1].date))
    groups: list[_AgreementGroup] = []
    for doc, ag in items:
        key = title_key(ag.original_title, doc.language)
        parties = canon(ag.parties, entity_of)
        g = next((g for g in groups if _agreement_fits(g, ag, key, parties)), None)
        if g is None:
            g = _AgreementGroup(kind=ag.kind, date=ag.date)
            groups.append(g)
        g.date = merge(g.date, ag.date) if g.date else ag.date
        g.keys.append(key)
        g.parties += [p for p in parties if p not in g.parties]
        g.members.append((doc, ag))
    return [_agreement(g) for g in _join_singular(groups)]


def _only_of_kind(doc: Document, ag: DocAgreement) -> bool:
    """True when ``ag`` is the one agreement of its kind and date its document names."""
    return sum(a.kind == ag.kind and compatible(a.date, ag.date) for a in doc.agreements) == 1


def _join_singular(groups: list[_AgreementGroup]) -> list[_AgreementGroup]:
    """Join groups whose titles do not match across languages but that can only be one document.

    "Совместное заявление ..." and "uma declaração conjunta ..." gloss apart, yet each page
    names a single declaration, signed the same day by the same two countries. Both groups
    must be dated, of one kind, share their parties, and each member must be the only
    agreement of that kind and date in its page.
    """
    out: list[_AgreementGroup] = []
    for g in sorted(groups, key=lambda g: g.date is None):
        if (g.date is None and g.kind in SINGULAR_KINDS
                and all(_only_of_kind(d, a) for d, a in g.members)):
            # "expects to adopt a declaration" with no date: the one dated declaration between
            # the same parties that other pages report signed
            fits = [o for o in out if o.kind == g.kind and o.date is not None
                    and len(set(o.parties) & set(g.parties)) >= min(2, len(g.parties))]
            if len(fits) == 1 and g.parties:
                fits[0].members += g.members
                fits[0].keys += g.keys
                continue
        elif g.date is not None and all(_only_of_kind(d, a) for d, a in g.members):
            into = next((o for o in out if _singular_fit(o, g)), None)
            if into is not None:
                _absorb(into, g)
                continue
        into = _topic_match(out, g)
        if into is not None:
            _absorb(into, g)
            continue
        out.append(g)
    return out


def _absorb(into: _AgreementGroup, g: _AgreementGroup) -> None:
    into.date = merge(into.date, g.date) if into.date else g.date
    into.keys += g.keys
    into.parties += [p for p in g.parties if p not in into.parties]
    into.members += g.members


def _topics(g: _AgreementGroup) -> tuple[frozenset[str], frozenset[str]]:
    """(concepts, years) of a group's titles, each read in its own page's language."""
    found: frozenset[str] = frozenset().union(*(concepts(a.original_title, d.language)
                                                for d, a in g.members))
    years = frozenset(c for c in found if c.startswith("y"))
    return found - years, years


def _topic_match(out: list[_AgreementGroup], g: _AgreementGroup) -> _AgreementGroup | None:
    """The group naming the same document as ``g`` in another language, or None.

    Titles that gloss apart ("Programa Estratégico de Parceria 2031-2035", "Programa
    Estratégico de Asociación para los años 2031-2035"; "Ortak Bildiri", "бірлескен
    мәлімдеме") still share a kind, both parties, a compatible date and a topic: a concept
    from the per-language glossaries, or the years the title covers. Years that differ
    ("2025-2027" and "2026-2030") tell two documents apart. The group sharing most wins.
    """
    concepts_g, years_g = _topics(g)
    docs_g = {d.id for d, _ in g.members}
    best: tuple[int, int] | None = None
    for k, o in enumerate(out):
        if (o.kind != g.kind or not compatible(o.date, g.date) or not o.parties
                or not g.parties or docs_g & {d.id for d, _ in o.members}):
            continue
        shared = len(set(o.parties) & set(g.parties))
        if shared < min(2, len(o.parties), len(g.parties)):
            continue
        concepts_o, years_o = _topics(o)
        if years_o and years_g and years_o != years_g:
            continue
        overlap = len(concepts_o & concepts_g) + len(years_o & years_g)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, k)
    return out[best[1]] if best is not None else None


def _singular_fit(a: _AgreementGroup, b: _AgreementGroup) -> bool:
    docs_a = {d.id for d, _ in a.members}
    docs_b = {d.id for d, _ in b.members}
    if (a.kind != b.kind or a.date is None or b.date is None or docs_a & docs_b
            or not all(_only_of_kind(d, x) for d, x in a.members)):
        return False
    pa, pb = parse_partial(a.date), parse_partial(b.date)
    if pa is None or pb is None or not compatible(a.date, b.date):
        return False
    # a year alone ties two pages only when it is all either says ("Vertrag von 2019")
    if (pa.month is None) != (pb.month is None):
        return False
    shared = len(set(a.parties) & set(b.parties))
    return shared >= min(2, len(a.parties), len(b.parties)) and shared > 0


def _head_final(language: str | None) -> bool:
    return bool(load_lexicon(language or "en").get("agreements", {}).get("head_final", False))


def _agreement(g: _AgreementGroup) -> Agreement:
    # an English page names the document in English; glosses from head-first languages
    # keep the title's own order more often than reordered head-final ones
    english = [(d.language == "en" or not _head_final(d.language), len(a.title), a.title)
               for d, a in g.members if a.title != a.original_title or d.language == "en"]
    first_doc, first = g.members[0]
    names: list[str] = []
    documents: list[str] = []
    for d, a in g.members:
        if a.original_title not in names:
            names.append(a.original_title)
        if d.id not in documents:
            documents.append(d.id)
    return Agreement(
        id=stable_id("a", g.kind, g.date, first_doc.id, first.sentence),
        title=max(english)[2] if english else first.title, date=g.date,
        parties=list(g.parties), kind=g.kind, names=names, documents=documents,
        evidence=[Evidence(document=d.id, quote=a.quote, sentence=a.sentence)
                  for d, a in g.members],
    )
