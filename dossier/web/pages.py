"""Server-rendered pages over the same catalog and queries as the JSON API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dossier import query
from dossier.api.catalog import Catalog, paginate
from dossier.api.details import document_detail, entity_detail
from dossier.api.search import SearchBackend
from dossier.model import FIGURE_KINDS, METRICS
from dossier.resolve.figures import format_value
from dossier.web.highlight import Mark, blocks

__all__ = ["page_router"]

Text = Annotated[str | None, Query()]
PAGE = 50


def _marks(detail: dict[str, Any], snap_name: Any) -> list[Mark]:
    marks = [Mark(start=f["start"], end=f["end"], kind="figure", ref=f["id"],
                  label=_figure_label(f))
             for f in detail["figures"] if isinstance(f.get("start"), int)]
    marks += [Mark(start=m["start"], end=m["end"], kind="mention", ref=m.get("entity") or "",
                   label=f"{m['type']}: {snap_name(m.get('entity')) or m['key']}",
                   css=f"ent-{m['type']}") for m in detail["mentions"]]
    return marks


def _figure_label(f: dict[str, Any]) -> str:
    value = format_value(f["value"], f.get("unit")) if f.get("value") is not None else "?"
    what = f.get("metric") or f.get("measure") or "figure"
    return f"{what}: {value} ({f.get('period') or 'no period'}, {f.get('kind')})"


def _event_labels(detail: dict[str, Any]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for kind, records in (("event", detail["events"]), ("agreement", detail["agreements"])):
        for r in records:
            label = r.get("type") or kind
            out.setdefault(r.get("sentence", -1), []).append(f"{label}: {r.get('title') or ''}")
    return out


def page_router(catalog: Catalog, search: SearchBackend, templates: Jinja2Templates
                ) -> APIRouter:
    """Return the HTML page routes."""
    pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    def render(request: Request, name: str, **context: Any) -> Any:
        snap = catalog.snapshot()
        return templates.TemplateResponse(request, name, {
            "name": snap.name, "fmt": format_value, "doc_of": snap.documents.get, **context})

    @pages.get("/")
    def overview(request: Request) -> Any:
        snap = catalog.snapshot()
        return render(request, "overview.html", counts=snap.counts(),
                      languages=snap.languages().most_common(),
                      outlets=snap.outlets().most_common(), period=snap.period(),
                      conflicts=catalog.conflicts(),
                      targets=catalog.derived("targets", lambda: query.targets(catalog.store)),
                      timeline=catalog.derived("timeline",
                                               lambda: query.timeline(catalog.store))[:PAGE])

    @pages.get("/doc/{doc_id}")
    def document(request: Request, doc_id: str) -> Any:
        detail = document_detail(catalog, doc_id)
        if detail is None:
            raise HTTPException(404, f"no single document with id {doc_id!r}")
        snap = catalog.snapshot()
        cut = blocks(detail["text"], _Sentences.of(detail["sentences"]),
                     _marks(detail, snap.name), _event_labels(detail))
        return render(request, "document.html", doc=detail, blocks=cut)

    @pages.get("/entities")
    def entities(request: Request, q: Text = None, type: Text = None) -> Any:
        return render(request, "entities.html", entities=catalog.entities(type=type, q=q)[:500],
                      q=q or "", type=type or "")

    @pages.get("/entity/{entity_id}")
    def entity(request: Request, entity_id: str) -> Any:
        detail = entity_detail(catalog, entity_id)
        if detail is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return render(request, "entity.html", entity=detail)

    @pages.get("/figures")
    def figures(request: Request, metric: Text = None, subject: Text = None,
                period: Text = None, speaker: Text = None, kind: Text = None,
                document: Text = None, offset: Annotated[int, Query(ge=0)] = 0) -> Any:
        subjects = [x.strip() for x in (subject or "").split(",") if x.strip()]
        found = catalog.figures(metric=metric, subjects=subjects, period=period,
                                speaker=speaker, kind=kind, document=document)
        form = {"metric": metric or "", "subject": subject or "", "period": period or "",
                "speaker": speaker or "", "kind": kind or "", "document": document or ""}
        return render(request, "figures.html", page=paginate(found, PAGE, offset), form=form,
                      metrics=METRICS, kinds=FIGURE_KINDS)

    @pages.get("/conflicts")
    def conflicts(request: Request) -> Any:
        return render(request, "conflicts.html", conflicts=catalog.conflicts())

    @pages.get("/conflict/{conflict_id}")
    def conflict(request: Request, conflict_id: str) -> Any:
        snap = catalog.snapshot()
        found = snap.conflicts.get(conflict_id)
        if found is None:
            raise HTTPException(404, f"no conflict {conflict_id!r}")
        figures = [snap.figure(f) for f in found["figures"] if f in snap.figures]
        return render(request, "conflict.html", conflict=found, figures=figures)

    @pages.get("/timeline")
    def timeline(request: Request, start: Annotated[str | None, Query(alias="from")] = None,
                 end: Annotated[str | None, Query(alias="to")] = None,
                 entity: Text = None) -> Any:
        items = query.timeline(catalog.store, start=start or None, end=end or None,
                               entity=entity or None)
        return render(request, "timeline.html", items=items,
                      form={"from": start or "", "to": end or "", "entity": entity or ""})

    @pages.get("/search")
    def search_page(request: Request, q: Text = None, language: Text = None,
                    offset: Annotated[int, Query(ge=0)] = 0) -> Any:
        results = None
        if q and q.strip():
            results = search.search(q, aliases=catalog.aliases(q), language=language or None,
                                    limit=PAGE, offset=offset)
        languages = sorted(catalog.snapshot().languages())
        return render(request, "search.html", q=q or "", language=language or "",
                      results=results, languages=languages, offset=offset, size=PAGE)

    return pages


class _Sentences:
    """Sentence offsets from the API record, shaped like ``model.Sentence`` for ``blocks``."""

    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    @classmethod
    def of(cls, records: list[dict[str, int]]) -> list[_Sentences]:
        """Wrap sentence records."""
        return [cls(r["start"], r["end"]) for r in records]
