"""The FastAPI application: JSON API, HTML pages and vendored static files, read-only."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.api.catalog import Catalog
from dossier.api.routes import api_router
from dossier.api.search import search_backend
from dossier.store import Store
from dossier.web.pages import page_router

__all__ = ["create_app"]

HERE = Path(__file__).resolve().parent
# Article text is untrusted: scripts and styles only from this server, no plugins or frames.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    return Jinja2Templates(env=env)


def create_app(store: Store, *, title: str = "dossier") -> FastAPI:
    """Return the read-only web app (pages, /api/ and /openapi.json) over ``store``."""
    app = FastAPI(title=f"{title} API", version="1", docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a dossier knowledge base; records "
                              "are shaped like the dossier/1 export.")
    catalog = Catalog(store)
    search = search_backend(store)
    templates = _templates()
    app.include_router(api_router(catalog, search))
    app.include_router(page_router(catalog, search, templates))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def headers(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def lookup_failed(request: Request, exc: Exception) -> Response:
        # KeyError's str() adds quotes; the message itself is the first argument
        return _error(request, templates, 404, str(exc.args[0]) if exc.args else str(exc))

    async def bad_value(request: Request, exc: Exception) -> Response:
        return _error(request, templates, 422, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return _error(request, templates, exc.status_code, str(exc.detail))

    app.add_exception_handler(LookupError, lookup_failed)
    app.add_exception_handler(ValueError, bad_value)
    app.add_exception_handler(StarletteHTTPException, http_error)
    return app


def _error(request: Request, templates: Jinja2Templates, status: int, detail: str) -> Response:
    """Answer JSON under /api/ and an HTML page elsewhere."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": detail}, status_code=status)
    response: HTMLResponse = templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status)
    return response
