"""The JSON API under /api/: read-only, filtered and paginated dossier/1 records."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from dossier import query
from dossier.api import schemas
from dossier.api.catalog import Catalog, paginate
from dossier.api.details import document_detail, entity_detail
from dossier.api.search import SearchBackend
from dossier.model import METRICS
from dossier.store.codec import to_data

__all__ = ["api_router"]

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Records to skip.")]
Text = Annotated[str | None, Query()]


def _page(records: list[Any], limit: int, offset: int) -> dict[str, Any]:
    page = paginate(records, limit, offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset,
            "items": page.items}


def api_router(catalog: Catalog, search: SearchBackend) -> APIRouter:
    """Return the /api router over one catalog and search backend."""
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/documents", response_model=schemas.DocumentPage)
    def documents(language: Text = None, outlet: Text = None, entity: Text = None,
                  limit: Limit = 50, offset: Offset = 0) -> Any:
        """List documents, filtered by language, outlet or an entity they mention."""
        found = catalog.documents(language=language, outlet=outlet, entity=entity)
        return _page(found, limit, offset)

    @api.get("/documents/{doc_id}")
    def document(doc_id: str) -> Any:
        """Return one document (id or unique prefix) with text, mentions, figures, events."""
        found = document_detail(catalog, doc_id)
        if found is None:
            raise HTTPException(404, f"no single document with id {doc_id!r}")
        return found

    @api.get("/entities", response_model=schemas.EntityPage)
    def entities(type: Text = None, q: Annotated[str | None, Query(
                     description="Name or alias fragment, any language.")] = None,
                 limit: Limit = 50, offset: Offset = 0) -> Any:
        """List canonical entities, most documented first."""
        return _page(catalog.entities(type=type, q=q), limit, offset)

    @api.get("/entities/{entity_id}")
    def entity(entity_id: str) -> Any:
        """Return one entity (id, name or alias) with its mentions in context."""
        found = entity_detail(catalog, catalog.entity_id(entity_id) or entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return found

    @api.get("/figures", response_model=schemas.FigurePage)
    def figures(
        metric: Annotated[str | None, Query(description=f"One of {', '.join(METRICS)}.")] = None,
        subject: Annotated[list[str] | None, Query(
            description="Entity id or name; repeat or comma-separate for several.")] = None,
        period: Annotated[str | None, Query(description="Period or its prefix: 2024.")] = None,
        speaker: Text = None, kind: Text = None, document: Text = None,
        conflicts_first: bool = True, limit: Limit = 50, offset: Offset = 0,
    ) -> Any:
        """List figures matching every filter; figures in conflicts first."""
        subjects = [x.strip() for s in subject or [] for x in s.split(",") if x.strip()]
        found = catalog.figures(metric=metric, subjects=subjects, period=period,
                                speaker=speaker, kind=kind, document=document,
                                conflicts_first=conflicts_first)
        return _page(found, limit, offset)

    @api.get("/events", response_model=schemas.EventPage)
    def events(type: Text = None, status: Text = None, entity: Text = None,
               limit: Limit = 50, offset: Offset = 0) -> Any:
        """List fused events, filtered by type, status or an actor/place."""
        return _page(catalog.events(type=type, status=status, entity=entity), limit, offset)

    @api.get("/agreements", response_model=schemas.AgreementPage)
    def agreements(entity: Text = None, limit: Limit = 50, offset: Offset = 0) -> Any:
        """List fused agreements, optionally with one party."""
        return _page(catalog.agreements(entity=entity), limit, offset)

    @api.get("/conflicts", response_model=schemas.ConflictPage)
    def conflicts(metric: Text = None, limit: Limit = 50, offset: Offset = 0) -> Any:
        """List conflicts between sources, most severe first."""
        return _page(catalog.conflicts(metric=metric), limit, offset)

    @api.get("/conflicts/{conflict_id}")
    def conflict(conflict_id: str) -> Any:
        """Return one conflict with its figures in full."""
        snap = catalog.snapshot()
        found = snap.conflicts.get(conflict_id)
        if found is None:
            raise HTTPException(404, f"no conflict {conflict_id!r}")
        return {**found, "figure_records": [snap.figure(f) for f in found["figures"]
                                            if f in snap.figures]}

    @api.get("/targets", response_model=schemas.RecordPage)
    def targets(limit: Limit = 50, offset: Offset = 0) -> Any:
        """List targets with the latest actual before their deadline and the gap."""
        found = catalog.derived("targets", lambda: query.targets(catalog.store))
        return _page(to_data(found), limit, offset)

    @api.get("/series/{metric}", response_model=schemas.RecordPage)
    def series(metric: str, subjects: Annotated[str | None, Query(
                   description="Comma-separated names or ids: Russia,Kazakhstan.")] = None,
               limit: Limit = 100, offset: Offset = 0) -> Any:
        """Return a metric's values by period, with every source's value."""
        wanted = [x.strip() for x in subjects.split(",") if x.strip()] if subjects else None
        return _page(to_data(query.series(catalog.store, metric, wanted)), limit, offset)

    @api.get("/timeline", response_model=schemas.RecordPage)
    def timeline(start: Annotated[str | None, Query(alias="from")] = None,
                 end: Annotated[str | None, Query(alias="to")] = None,
                 entity: Text = None, limit: Limit = 100, offset: Offset = 0) -> Any:
        """List events and agreements in date order (from/to: YYYY[-MM[-DD]])."""
        items = query.timeline(catalog.store, start=start, end=end, entity=entity)
        return _page(to_data(items), limit, offset)

    @api.get("/search", response_model=schemas.SearchPage)
    def search_(q: Annotated[str, Query(min_length=1, max_length=200)],
                language: Text = None, limit: Limit = 20, offset: Offset = 0) -> Any:
        """Search every document's title and text; a named entity matches all its aliases."""
        found = search.search(q, aliases=catalog.aliases(q), language=language,
                              limit=limit, offset=offset)
        return {"query": q, "terms": found.terms, "total": found.total, "limit": limit,
                "offset": offset, "items": to_data(found.hits)}

    @api.get("/stats")
    def stats() -> Any:
        """Return counts, documents by language and outlet, and the period covered."""
        snap = catalog.snapshot()
        first, last = snap.period()
        return {"counts": snap.counts(), "languages": dict(snap.languages()),
                "outlets": dict(snap.outlets()), "period": {"from": first, "to": last}}

    return api
