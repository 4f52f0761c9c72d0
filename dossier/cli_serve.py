"""The ``serve`` command: the web UI and JSON API over a store, bound to localhost."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console

from dossier.store import Store

__all__ = ["is_loopback", "register"]


def is_loopback(host: str) -> bool:
    """Return True when ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer, open_store: Callable[[str], Store], console: Console) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command("serve")
    def serve_cmd(
        db: Annotated[str, typer.Option("--db", help="Database file or URL.")] = "dossier.db",
        host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 exposes it to the "
                                          "network.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    ) -> None:
        """Serve the web UI and the read-only JSON API (/api/, /openapi.json).

        Example: dossier serve --db kb.db --port 8000
        """
        import uvicorn

        from dossier.web import create_app

        store = open_store(db)
        if not is_loopback(host):
            console.print(f"[yellow]warning[/]: binding {host} serves the knowledge base to "
                          "other machines; it has no authentication (read-only).")
        console.print(f"serving {db} on http://{host}:{port}/  (API: /api/, schema: "
                      "/openapi.json; Ctrl+C stops)", highlight=False)
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
