"""A cached, read-only view of the store shaped as dossier/1 records, with filters.

The HTTP API and the web pages answer many small questions about the same data. Building the
dossier/1 export (``dossier.export.build_export``) once per store state and indexing it keeps
every record exactly as the export shapes it, and makes each request a dictionary lookup. The
snapshot is rebuilt when the store changes (row counts or the newest document changed).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select

from dossier import query
from dossier.api.search import fold
from dossier.export import build_export
from dossier.store import Store
from dossier.store import schema as s

__all__ = ["Catalog", "Page", "Snapshot", "paginate"]

Record = dict[str, Any]
T = TypeVar("T")
_SEVERITY = {"high": 0, "medium": 1, "low": 2}
_COUNTED = ("documents", "figures", "entities", "events", "agreements", "conflicts")


@dataclass(slots=True, kw_only=True)
class Page:
    """One page of records with the total before pagination."""

    total: int
    limit: int
    offset: int
    items: list[Record]


def paginate(records: Sequence[Record], limit: int, offset: int) -> Page:
    """Return records[offset:offset+limit] with the total count."""
    return Page(total=len(records), limit=limit, offset=offset,
                items=list(records[offset:offset + limit]))


@dataclass(slots=True, kw_only=True)
class Snapshot:
    """The dossier/1 export of one store state, indexed by id."""

    data: dict[str, Any]
    documents: dict[str, Record] = field(default_factory=dict)
    entities: dict[str, Record] = field(default_factory=dict)
    figures: dict[str, Record] = field(default_factory=dict)
    conflicts: dict[str, Record] = field(default_factory=dict)
    conflicts_of: dict[str, list[str]] = field(default_factory=dict)  # figure id -> conflicts

    @classmethod
    def of(cls, data: dict[str, Any]) -> Snapshot:
        """Index an export object."""
        snap = cls(data=data)
        snap.documents = {d["id"]: d for d in data["documents"]}
        snap.entities = {e["id"]: e for e in data["entities"]}
        snap.figures = {f["id"]: f for f in data["figures"]}
        snap.conflicts = {c["id"]: c for c in data["conflicts"]}
        for c in data["conflicts"]:
            for fid in c.get("figures", []):
                snap.conflicts_of.setdefault(fid, []).append(c["id"])
        return snap

    def name(self, entity_id: str | None) -> str:
        """Return an entity's canonical name (its id when unknown)."""
        if not entity_id:
            return ""
        entity = self.entities.get(entity_id)
        return str(entity["name"]) if entity else entity_id

    def figure(self, figure_id: str) -> Record:
        """Return a figure record with the conflicts it takes part in."""
        return {**self.figures[figure_id], "conflicts": self.conflicts_of.get(figure_id, [])}

    def counts(self) -> dict[str, int]:
        """Return the number of records of each kind."""
        return {k: len(self.data[k]) for k in _COUNTED}

    def languages(self) -> Counter[str]:
        """Return documents per language."""
        return Counter(d.get("language") or "unknown" for d in self.data["documents"])

    def outlets(self) -> Counter[str]:
        """Return documents per outlet."""
        return Counter(d.get("outlet") or "unknown" for d in self.data["documents"])

    def period(self) -> tuple[str | None, str | None]:
        """Return the first and last publication dates."""
        dates = sorted(d["published"] for d in self.data["documents"] if d.get("published"))
        return (dates[0], dates[-1]) if dates else (None, None)


class Catalog:
    """Answers read questions over one store, rebuilding its snapshot when the store changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._mark: tuple[Any, ...] | None = None
        self._snapshot: Snapshot | None = None
        self._derived: dict[str, Any] = {}  # query results valid for the current snapshot

    def mark(self) -> tuple[Any, ...]:
        """Return a cheap fingerprint of the store state."""
        # figures are left out: counting them scans every figure row, and they only change
        # with their documents, whose newest stamp and count are already in the mark
        counts = [select(func.count()).select_from(s.metadata.tables[t]).scalar_subquery()
                  for t in _COUNTED if t != "figures"]
        with self.store.engine.connect() as c:  # one round trip
            row = c.execute(select(func.max(s.documents.c.added_at), *counts)
                            .select_from(s.documents)).one()
        return tuple(row)

    def snapshot(self) -> Snapshot:
        """Return the indexed export of the current store state."""
        mark = self.mark()
        with self._lock:
            if self._snapshot is None or mark != self._mark:
                self._snapshot = Snapshot.of(build_export(self.store))
                self._mark = mark
                self._derived = {}
            return self._snapshot

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """Return ``compute()``, computed once per store state (targets, the full timeline)."""
        self.snapshot()
        if key not in self._derived:
            self._derived[key] = compute()
        result: T = self._derived[key]
        return result

    def entity_id(self, name: str | None) -> str | None:
        """Return the id of the entity named ``name`` (id, name or alias); LookupError if none."""
        if not name:
            return None
        if name in self.snapshot().entities:
            return name
        found = query.find_entity(self.store, name)
        if found is None:
            raise LookupError(f"no entity named {name!r}")
        return found.id

    def aliases(self, q: str) -> list[str]:
        """Return every alias of the entities whose name or an alias is exactly ``q``."""
        wanted = fold(q.strip())
        out: list[str] = []
        for e in self.snapshot().data["entities"]:
            names = [e["name"], *e.get("aliases", [])]
            if wanted and any(fold(n) == wanted for n in names):
                out.extend(n for n in names if n not in out)
        return out

    # -- filters -------------------------------------------------------------------------
    def documents(self, *, language: str | None = None, outlet: str | None = None,
                  entity: str | None = None) -> list[Record]:
        """Return document records, optionally of one language, outlet or mentioning one entity."""
        snap = self.snapshot()
        wanted = None
        if entity:
            eid = self.entity_id(entity)
            wanted = set(snap.entities[eid]["documents"]) if eid in snap.entities else set()
        return [d for d in snap.data["documents"]
                if (not language or d.get("language") == language)
                and (not outlet or d.get("outlet") == outlet)
                and (wanted is None or d["id"] in wanted)]

    def entities(self, *, type: str | None = None, q: str | None = None) -> list[Record]:
        """Return entity records, most documented first."""
        snap = self.snapshot()
        found = query.entities(self.store, type=type, search=q)
        return [snap.entities[e.id] for e in found if e.id in snap.entities]

    def figures(self, *, metric: str | None = None, subjects: Iterable[str] = (),
                period: str | None = None, speaker: str | None = None,
                kind: str | None = None, document: str | None = None,
                conflicts_first: bool = True) -> list[Record]:
        """Return figure records matching every filter; those in conflicts first."""
        snap = self.snapshot()
        subject_ids = {self.entity_id(x) for x in subjects if x}
        speaker_id = self.entity_id(speaker) if speaker else None
        out = []
        for fid, f in snap.figures.items():
            if metric and f.get("metric") != metric:
                continue
            if kind and f.get("kind") != kind:
                continue
            if period and not str(f.get("period") or "").startswith(period):
                continue
            if speaker_id and f.get("speaker") != speaker_id:
                continue
            if document and not f["document"].startswith(document):
                continue
            if not subject_ids <= set(f.get("subjects") or []):
                continue
            out.append(snap.figure(fid))
        if conflicts_first:  # stable sort keeps document order within each group
            out.sort(key=lambda f: not f["conflicts"])
        return out

    def events(self, *, type: str | None = None, entity: str | None = None,
               status: str | None = None) -> list[Record]:
        """Return fused event records, optionally of one type, status or actor."""
        eid = self.entity_id(entity) if entity else None
        return [e for e in self.snapshot().data["events"]
                if (not type or e.get("type") == type)
                and (not status or e.get("status") == status)
                and (eid is None or eid in e.get("actors", []) or e.get("place") == eid)]

    def agreements(self, *, entity: str | None = None) -> list[Record]:
        """Return fused agreement records, optionally with one party."""
        eid = self.entity_id(entity) if entity else None
        return [a for a in self.snapshot().data["agreements"]
                if eid is None or eid in a.get("parties", [])]

    def conflicts(self, *, metric: str | None = None) -> list[Record]:
        """Return conflict records, optionally about one metric."""
        found = [c for c in self.snapshot().data["conflicts"]
                 if not metric or c.get("metric") == metric]
        return sorted(found, key=lambda c: _SEVERITY.get(c.get("severity", ""), 3))
