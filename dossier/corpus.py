"""Corpus-level steps over the store: entity resolution, event and agreement fusion, conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model import Agreement, Conflict, Entity, Event
from dossier.resolve.entities import resolve_entities
from dossier.resolve.events import fuse_agreements, fuse_events
from dossier.resolve.figures import find_conflicts, group_figures
from dossier.store import Store


@dataclass(slots=True, kw_only=True)
class CorpusResult:
    """What the corpus-level steps derived."""

    entities: list[Entity]
    events: list[Event]
    agreements: list[Agreement]
    conflicts: list[Conflict]


def update_corpus(store: Store) -> CorpusResult:
    """Recompute entities, fused events/agreements and conflicts, and store them."""
    docs = list(store.iter_documents(text=False))
    entities = resolve_entities(docs)
    index = {k: e.id for e in entities for k in e.keys}
    events = fuse_events(docs, index)
    agreements = fuse_agreements(docs, index)
    names = {e.id: e.name for e in entities}
    conflicts = find_conflicts(group_figures(store.figure_refs(), index), entity_of=index,
                               names=names)
    store.replace_corpus(entities=entities, events=events, agreements=agreements,
                         conflicts=conflicts)
    return CorpusResult(entities=entities, events=events, agreements=agreements,
                        conflicts=conflicts)
