"""Read the knowledge base: the one Python API under the CLI, the HTTP API and the report."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from dossier.model import Conflict, Entity
from dossier.resolve.figures import SeriesPoint, TargetGap, targets_vs_actuals
from dossier.resolve.figures import series as _series
from dossier.resolve.timeline import TimelineItem
from dossier.resolve.timeline import timeline as _timeline
from dossier.store import Store

__all__ = [
    "conflicts", "entities", "find_entity", "names", "series", "subject_ids", "targets",
    "timeline",
]


def _fold(text: str) -> str:
    """Casefold and strip accents: how names typed by users are matched."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def names(store: Store) -> dict[str, str]:
    """Return entity id -> canonical name."""
    return {e.id: e.name for e in store.entities()}


def entities(store: Store, *, type: str | None = None, search: str | None = None
             ) -> list[Entity]:
    """Return entities, optionally of one type and matching a name or alias fragment."""
    wanted = _fold(search) if search else None
    out = []
    for e in store.entities():
        if type and e.type != type:
            continue
        if wanted and not any(wanted in _fold(n) for n in [e.name, *e.aliases]):
            continue
        out.append(e)
    return sorted(out, key=lambda e: (-len(e.documents), e.name))


def find_entity(store: Store, name: str) -> Entity | None:
    """Return the entity whose name or an alias is ``name`` (else the best partial match)."""
    wanted = _fold(name)
    candidates = store.entities()
    for e in candidates:
        if e.id == name or any(_fold(n) == wanted for n in [e.name, *e.aliases]):
            return e
    partial = [e for e in candidates if any(wanted in _fold(n) for n in [e.name, *e.aliases])]
    return max(partial, key=lambda e: len(e.documents)) if partial else None


def subject_ids(store: Store, subjects: Sequence[str] | None) -> list[str] | None:
    """Return the entity ids of names (or ids); LookupError names the one not found."""
    if not subjects:
        return None
    ids = []
    for s in subjects:
        e = find_entity(store, s)
        if e is None:
            raise LookupError(f"no entity named {s!r}; see `dossier entities --search {s}`")
        ids.append(e.id)
    return ids


def conflicts(store: Store) -> list[Conflict]:
    """Return the conflicts between sources, most severe first."""
    return store.conflicts()


def targets(store: Store) -> list[TargetGap]:
    """Return each target with the latest actual before its deadline and the gap."""
    return targets_vs_actuals(store.figure_refs(), store.entity_index(), names=names(store))


def series(store: Store, metric: str, subjects: Sequence[str] | None = None
           ) -> list[SeriesPoint]:
    """Return a metric's values by period; ``subjects`` are entity names or ids."""
    return _series(store.figure_refs(), store.entity_index(), metric,
                   subject_ids(store, subjects))


def timeline(store: Store, *, start: str | None = None, end: str | None = None,
             entity: str | None = None) -> list[TimelineItem]:
    """Return events and agreements in date order, optionally for one entity."""
    entity_id = None
    if entity:
        found = find_entity(store, entity)
        if found is None:
            raise LookupError(f"no entity named {entity!r}")
        entity_id = found.id
    return _timeline(store.events(), store.agreements(), start=start, end=end,
                     entity=entity_id, entity_of=store.entity_index())
