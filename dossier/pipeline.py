"""Stage registry, order check and the single-process runner.

A stage is a callable ``Document -> Document`` with a ``name`` and the Document fields it
``requires`` and ``assigns``. Stages are registered by name in a :class:`Registry` instance
(no global registry: each caller builds its own with :func:`default_registry`). Third-party
stages plug in through the ``dossier.stages`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, ClassVar, Protocol, runtime_checkable

from dossier.model import Document

#: Fields a freshly ingested Document carries before any stage runs.
INGESTED_FIELDS: frozenset[str] = frozenset({"id", "source", "raw", "format", "url", "meta"})


@runtime_checkable
class Stage(Protocol):
    """A pipeline step: reads ``requires`` fields of a Document, sets ``assigns`` fields."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[..., Stage]


class PipelineError(ValueError):
    """A pipeline that cannot run: unknown stage or a stage before what it needs."""


class StageError(RuntimeError):
    """A stage failed on one document; names the stage and the document."""

    def __init__(self, stage: str, source: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on {source}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.source = source


class Registry:
    """Stage factories by name."""

    def __init__(self) -> None:
        self._factories: dict[str, StageFactory] = {}

    def register(self, name: str, factory: StageFactory) -> None:
        """Register a stage factory under ``name`` (replacing none silently)."""
        if name in self._factories:
            raise PipelineError(f"stage {name!r} is already registered")
        self._factories[name] = factory

    def names(self) -> list[str]:
        """Return the registered stage names."""
        return sorted(self._factories)

    def create(self, name: str, **config: Any) -> Stage:
        """Build the stage registered as ``name`` with its config."""
        try:
            factory = self._factories[name]
        except KeyError:
            known = ", ".join(self.names())
            raise PipelineError(f"unknown stage {name!r}; known stages: {known}") from None
        return factory(**config)


def check_order(stages: Iterable[Stage], available: Iterable[str] = INGESTED_FIELDS) -> None:
    """Raise PipelineError if a stage requires a field no earlier stage assigns."""
    have = set(available)
    for stage in stages:
        missing = [f for f in stage.requires if f not in have]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"assigns; put a stage that assigns them before it"
            )
        have.update(stage.assigns)


@dataclass(slots=True)
class Pipeline:
    """An ordered, checked list of stages run on one document at a time."""

    stages: list[Stage]

    def __post_init__(self) -> None:
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        """Return the stage names in order."""
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # report which stage broke on which input, keep going
                raise StageError(stage.name, doc.source, exc) from exc
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run every stage over each document, lazily."""
        for doc in docs:
            yield self(doc)


DEFAULT_STAGES: tuple[str, ...] = (
    "clean", "language", "published", "sentences", "entities", "figures", "direction", "events",
)


def default_registry(load_plugins: bool = True) -> Registry:
    """Return a fresh registry holding the built-in stages (and installed plugins)."""
    from dossier import stages  # built-ins register through the same hook as plugins

    registry = Registry()
    stages.register(registry)
    if load_plugins:
        for ep in entry_points(group="dossier.stages"):
            ep.load()(registry)
    return registry


def build_pipeline(
    names: Iterable[str] = DEFAULT_STAGES, registry: Registry | None = None,
    config: dict[str, dict[str, Any]] | None = None,
) -> Pipeline:
    """Build a checked pipeline from stage names."""
    registry = registry or default_registry()
    config = config or {}
    return Pipeline([registry.create(n, **config.get(n, {})) for n in names])
