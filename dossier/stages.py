"""Built-in stages, registered through the same hook third-party plugins use.

Factories import their module lazily, so building a pipeline only loads the models of the
stages it names.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from dossier.pipeline import Registry, Stage

#: stage name -> "module:Class"
BUILTIN: dict[str, str] = {
    "clean": "dossier.clean.stage:CleanStage",
    "language": "dossier.langid:LanguageStage",
    "published": "dossier.clean.published:PublishedStage",
    "sentences": "dossier.nlp.sentences:SentenceStage",
    "entities": "dossier.nlp.entities:EntityStage",
    "figures": "dossier.extract.figures:FigureStage",
    "direction": "dossier.extract.direction:DirectionStage",
    "events": "dossier.extract.events:EventStage",
}


def _lazy(target: str) -> Any:
    def factory(**config: Any) -> Stage:
        module, cls = target.split(":")
        stage: Stage = getattr(import_module(module), cls)(**config)
        return stage

    return factory


def register(registry: Registry) -> None:
    """Register every built-in stage on ``registry``."""
    for name, target in BUILTIN.items():
        registry.register(name, _lazy(target))
