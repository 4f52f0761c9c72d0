"""The stage registry and the pipeline's order check."""

from __future__ import annotations

from typing import ClassVar

import pytest

from dossier.model import Document
from dossier.pipeline import (
    DEFAULT_STAGES,
    Pipeline,
    PipelineError,
    Registry,
    StageError,
    check_order,
    default_registry,
)


class Upper:
    name: ClassVar[str] = "upper"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("title",)

    def __call__(self, doc: Document) -> Document:
        doc.title = doc.text.upper()
        return doc


class Clean:
    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = ("text",)

    def __call__(self, doc: Document) -> Document:
        doc.text = doc.raw.strip()
        return doc


class Broken(Upper):
    name: ClassVar[str] = "broken"

    def __call__(self, doc: Document) -> Document:
        raise ValueError("bad input")


def test_pipeline_rejects_stage_before_what_it_requires() -> None:
    with pytest.raises(PipelineError, match="'upper' requires text"):
        Pipeline([Upper(), Clean()])


def test_pipeline_runs_stages_in_order() -> None:
    doc = Pipeline([Clean(), Upper()])(Document(id="x", source="s", raw="  hi "))
    assert (doc.text, doc.title) == ("hi", "HI")


def test_pipeline_failure_names_stage_and_source() -> None:
    with pytest.raises(StageError, match=r"stage 'broken' failed on a\.txt: ValueError: bad input"):
        Pipeline([Clean(), Broken()])(Document(id="x", source="a.txt", raw="x"))


@pytest.mark.parametrize("name", ["nope", ""])
def test_registry_unknown_stage_lists_known(name: str) -> None:
    registry = Registry()
    registry.register("clean", Clean)
    with pytest.raises(PipelineError, match="known stages: clean"):
        registry.create(name)


def test_registry_refuses_duplicate_names() -> None:
    registry = Registry()
    registry.register("clean", Clean)
    with pytest.raises(PipelineError, match="already registered"):
        registry.register("clean", Clean)


def test_registries_are_independent() -> None:
    a, b = Registry(), Registry()
    a.register("clean", Clean)
    assert b.names() == []


def test_default_registry_holds_every_default_stage() -> None:
    assert set(DEFAULT_STAGES) <= set(default_registry(load_plugins=False).names())


def test_default_stage_order_is_valid() -> None:
    registry = default_registry(load_plugins=False)
    check_order([registry.create(n) for n in DEFAULT_STAGES])
