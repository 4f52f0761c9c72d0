"""dossier: a cited, cross-checked knowledge base of bilateral relations from multilingual news.

The Python API the CLI, HTTP API and report are built on::

    from dossier import Store, build, export
    store = Store("kb.db")
    report = build(["examples/seeds"], store)
    export(store, "json", "kb.json")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Store", "__version__", "build", "build_pipeline", "export"]

if TYPE_CHECKING:
    from dossier.build import build
    from dossier.export import export
    from dossier.pipeline import build_pipeline
    from dossier.store import Store

_LAZY = {
    "Store": "dossier.store",
    "build": "dossier.build",
    "export": "dossier.export",
    "build_pipeline": "dossier.pipeline",
}


def __getattr__(name: str) -> Any:
    # Lazy: importing dossier must not load the NLP models or the database layer.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dossier' has no attribute {name!r}")
