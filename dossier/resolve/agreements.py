"""Fuse per-document agreements into one record per real-world document.

Agreements fuse by kind, English-glossed title similarity (rapidfuzz), date and parties;
groups whose titles gloss apart across languages join when each page names one document
of that kind and date, or when kind, parties, date and a topic concept agree.

Like events, agreements fuse in blocks (kind, year placed: ``placed_year``), in a canonical
order, so that adding a document re-fuses one block; an agreement that no year places
(named without a date: it may be an old one; or on an undated page that shows no year)
joins the first fitting group of any year, else the one dated singular document or a topic
match, else stays with its own page's.

Split from :mod:`dossier.resolve.events`, which re-exports ``fuse_agreements`` and the
helpers :mod:`dossier.scale.fusion` reuses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.extract.glossing import same_title, title_key
from dossier.extract.lexicon import load_lexicon
from dossier.extract.titles import concepts
from dossier.model import Agreement, DocAgreement, Document, Evidence
from dossier.nlp.dates import compatible, merge, parse_partial, precision
from dossier.resolve.keys import canon, stable_id
from dossier.resolve.undated import Page, page_of, placed_year

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
    members: list[tuple[Page, DocAgreement]] = field(default_factory=list)

    def add(self, item: _Item) -> None:
        """Add an agreement, merging its date and parties."""
        self.date = merge(self.date, item.ag.date) if self.date else item.ag.date
        self.keys.append(item.key)
        self.parties += [p for p in item.parties if p not in self.parties]
        self.members.append((item.page, item.ag))


@dataclass(slots=True, kw_only=True)
class _Item:
    """One page's agreement, as fusion reads it."""

    page: Page
    ag: DocAgreement
    key: str  # title key
    parties: list[str]
    seq: int = 0
    year: int | None = None  # placed_year: the block it fuses in; None: floating

    def order(self) -> tuple[int, str, int]:
        """The canonical fusion order: most precise date first, then page id, position."""
        return (-precision(self.ag.date), self.page.id, self.seq)


def _agreement_fits(g: _AgreementGroup, ag: DocAgreement, key: str, parties: list[str]) -> bool:
    if g.kind != ag.kind or not compatible(g.date, ag.date):
        return False
    # a memorandum "on cooperation" between KZ and UZ is not the DE-KZ one: both parties
    shared = len(set(parties) & set(g.parties))
    if parties and g.parties and shared < min(2, len(parties), len(g.parties)):
        return False
    return any(same_title(k, key) for k in g.keys)


def items_of(docs: Iterable[Document], entity_of: Mapping[str, str]) -> list[_Item]:
    """Return the agreements of these documents, parties as entity ids, placed in years."""
    return [it for d in docs if d.agreements
            for it in page_items(page_of(d), d.agreements, entity_of)]


def page_items(page: Page, ags: Sequence[DocAgreement], entity_of: Mapping[str, str],
               key_of: Callable[[str, str | None], str] = title_key) -> list[_Item]:
    """Return the items of one page's agreements."""
    return [make_item(page, a, i, key_of(a.original_title, page.language), entity_of)
            for i, a in enumerate(ags)]


def make_item(page: Page, ag: DocAgreement, seq: int, key: str,
              entity_of: Mapping[str, str]) -> _Item:
    """Return the item of a page's ``seq``-th agreement, parties as entity ids."""
    return _Item(page=page, ag=ag, key=key, parties=canon(ag.parties, entity_of), seq=seq,
                 year=placed_year(ag.date, page, planned=True))


def block_of(item: _Item) -> tuple[str, int] | None:
    """Return the block an agreement fuses in, None for a floating one."""
    return None if item.year is None else (item.ag.kind or "", item.year)


def fuse_agreement_block(items: Iterable[_Item]) -> list[_AgreementGroup]:
    """Fuse one block's agreements: first fit in the canonical order, then the joins."""
    groups: list[_AgreementGroup] = []
    for it in sorted(items, key=_Item.order):
        g = next((g for g in groups if _agreement_fits(g, it.ag, it.key, it.parties)), None)
        if g is None:
            g = _AgreementGroup(kind=it.ag.kind, date=it.ag.date)
            groups.append(g)
        g.add(it)
    return _join_singular(groups)


def attach_agreement(it: _Item, groups: Sequence[_AgreementGroup],
                     fits: Callable[[_AgreementGroup, _Item], bool] | None = None) -> int | None:
    """Return the number of the group a floating agreement joins, None for none: the first
    that fits, else the rules of :func:`_join_singular` for a group of one."""
    fits = fits or (lambda g, i: _agreement_fits(g, i.ag, i.key, i.parties))
    k = next((k for k, g in enumerate(groups) if fits(g, it)), None)
    if k is not None:
        return k
    one = _AgreementGroup(kind=it.ag.kind, date=it.ag.date, keys=[it.key],
                          parties=list(it.parties), members=[(it.page, it.ag)])
    only = _only_of_kind(it.page, it.ag)
    if it.ag.date is None and it.ag.kind in SINGULAR_KINDS and only:
        dated = [k for k, o in enumerate(groups) if o.kind == one.kind and o.date is not None
                 and len(set(o.parties) & set(one.parties)) >= min(2, len(one.parties))]
        return dated[0] if len(dated) == 1 and one.parties else None
    if it.ag.date is not None and only:
        k = next((k for k, o in enumerate(groups) if _singular_fit(o, one)), None)
        if k is not None:
            return k
    into = _topic_match(list(groups), one)
    return None if into is None else next(k for k, g in enumerate(groups) if g is into)


def fuse_agreements(docs: Sequence[Document], entity_of: Mapping[str, str]) -> list[Agreement]:
    """Fuse the DocAgreements of ``docs`` into one Agreement per real-world document."""
    blocks: dict[tuple[str, int], list[_Item]] = defaultdict(list)
    floating: list[_Item] = []
    for it in items_of(docs, entity_of):
        key = block_of(it)
        if key is None:
            floating.append(it)
        else:
            blocks[key].append(it)
    groups = [g for key in sorted(blocks) for g in fuse_agreement_block(blocks[key])]
    targets = [(it, attach_agreement(it, groups)) for it in floating]
    return finish_agreements(groups, targets)


def finish_agreements(groups: list[_AgreementGroup],
                      floating: Iterable[tuple[_Item, int | None]]) -> list[Agreement]:
    """Add the floating agreements to the groups they join (in the canonical order); fuse
    the others within their own page; return the agreements."""
    alone: dict[str, list[_Item]] = defaultdict(list)
    for it, k in sorted(floating, key=lambda ik: ik[0].order()):
        if k is None:
            alone[it.page.id].append(it)
        else:
            groups[k].add(it)
    groups = groups + [g for doc in sorted(alone) for g in fuse_agreement_block(alone[doc])]
    return [_agreement(g) for g in groups]


def _only_of_kind(page: Page, ag: DocAgreement) -> bool:
    """True when ``ag`` is the one agreement of its kind and date its page names."""
    return sum(kind == ag.kind and compatible(date, ag.date) for kind, date in page.kinds) == 1


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


@lru_cache(maxsize=8192)  # groups repeat titles: read each (title, language) once
def _concepts(title: str, language: str | None) -> frozenset[str]:
    return concepts(title, language)


def _topics(g: _AgreementGroup) -> tuple[frozenset[str], frozenset[str]]:
    """(concepts, years) of a group's titles, each read in its own page's language."""
    found: frozenset[str] = frozenset().union(*{_concepts(a.original_title, d.language)
                                                for d, a in g.members})
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
        # the title too: one sentence may name two documents of a kind that fuse apart
        id=stable_id("a", g.kind, g.date, first_doc.id, first.sentence, first.original_title),
        title=max(english)[2] if english else first.title, date=g.date,
        parties=list(g.parties), kind=g.kind, names=names, documents=documents,
        evidence=[Evidence(document=d.id, quote=a.quote, sentence=a.sentence)
                  for d, a in g.members],
    )
