"""The web UI: server-rendered pages and the JSON API in one FastAPI app."""

from __future__ import annotations

from dossier.web.app import create_app

__all__ = ["create_app"]
