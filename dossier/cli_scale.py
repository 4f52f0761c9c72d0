"""CLI pieces for the Ray engine: ``dossier build --engine ray [--address ADDR]``.

``cli.py`` (the lead's) owns ``build``; it adds the two options below and hands
``--engine ray`` to :func:`run_build_ray`, so Ray stays an optional import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from dossier.build import BuildReport
from dossier.ingest.sources import SourceOptions
from dossier.store import Store

__all__ = ["ENGINES", "AddressOption", "EngineOption", "run_build_ray"]

ENGINES = ("local", "ray")
EngineOption = Annotated[str, typer.Option(
    help="Where the per-document stages run: local (--workers processes) or ray.")]
AddressOption = Annotated[str | None, typer.Option(
    help="Ray cluster to join with --engine ray ('auto', or ray://HEAD:10001); without it a "
         "local Ray starts with --workers CPUs.")]


def run_build_ray(sources: list[str], db: str, *, address: str | None = None,
                  workers: int = 1, force: bool = False,
                  options: SourceOptions | None = None,
                  on_document: Callable[[str], None] | None = None) -> BuildReport:
    """Build with the Ray engine; a clear error when Ray is not installed."""
    try:
        import ray  # noqa: F401

        from dossier.scale.ray_engine import build_ray
    except ImportError as exc:
        raise typer.BadParameter("--engine ray needs Ray: pip install 'dossier[ray]'",
                                 param_hint="--engine") from exc
    store = Store(db)
    try:
        return build_ray(list(sources), store,
                         address=address, workers=workers if workers > 1 else None,
                         force=force, options=options, on_document=on_document)
    finally:
        store.close()
