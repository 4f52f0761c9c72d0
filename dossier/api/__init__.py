"""The read-only JSON API: dossier/1 records over HTTP, with filters, pagination and search."""

from __future__ import annotations

from dossier.api.catalog import Catalog, Page, Snapshot, paginate
from dossier.api.routes import api_router
from dossier.api.search import SearchBackend, search_backend

__all__ = ["Catalog", "Page", "SearchBackend", "Snapshot", "api_router", "paginate",
           "search_backend"]
