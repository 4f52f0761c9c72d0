"""Incremental corpus updates equal a full rebuild on the same documents."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.build import process
from dossier.corpus import update_corpus
from dossier.ingest.files import iter_inputs
from dossier.model import Document
from dossier.pipeline import build_pipeline
from dossier.store import Store
from dossier.store.schema import metadata
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    """The bundled seed articles (pt, pt, en, en, it), processed once."""
    pipeline = build_pipeline()
    docs = [process(d, pipeline) for d in iter_inputs([SAMPLE]) if isinstance(d, Document)]
    return sorted((d for d in docs if isinstance(d, Document)), key=lambda d: d.source)


def _snapshot(store: Store) -> dict[str, Any]:
    return {"entities": store.entities(), "events": store.events(),
            "agreements": store.agreements(), "conflicts": store.conflicts(),
            "keys": store.entity_index()}


def _reset(store: Store) -> None:
    metadata.drop_all(store.engine)
    metadata.create_all(store.engine)


@pytest.mark.parametrize("first", [(0, 1, 2), (2, 3, 4), (0, 4), (4,)])
def test_corpus_incremental_equals_rebuild(fresh_store: Store, seeds: list[Document],
                                           first: tuple[int, ...]) -> None:
    fresh_store.write_documents(seeds)
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    assert rebuilt["entities"] and rebuilt["events"] and rebuilt["conflicts"]
    _reset(fresh_store)
    fresh_store.write_documents([seeds[i] for i in first])
    assert not update_corpus(fresh_store).incremental
    for i, doc in enumerate(seeds):
        if i not in first:
            fresh_store.write_documents([doc])
            assert update_corpus(fresh_store).incremental
    assert _snapshot(fresh_store) == rebuilt


def test_corpus_incremental_two_at_once(fresh_store: Store, seeds: list[Document]) -> None:
    fresh_store.write_documents(seeds)
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    fresh_store.write_documents(seeds[:3])
    update_corpus(fresh_store)
    fresh_store.write_documents(seeds[3:])
    result = update_corpus(fresh_store)
    assert result.incremental
    assert _snapshot(fresh_store) == rebuilt


def test_corpus_incremental_nothing_new_changes_nothing(fresh_store: Store,
                                                        seeds: list[Document]) -> None:
    fresh_store.write_documents(seeds[:2])
    update_corpus(fresh_store)
    before = _snapshot(fresh_store)
    assert update_corpus(fresh_store).incremental
    assert _snapshot(fresh_store) == before


def test_corpus_full_flag_rebuilds(fresh_store: Store, seeds: list[Document]) -> None:
    fresh_store.write_documents(seeds[:2])
    update_corpus(fresh_store)
    assert not update_corpus(fresh_store, full=True).incremental


@pytest.mark.parametrize("copies", [0, 60])
def test_corpus_full_equals_reference_resolvers(fresh_store: Store, seeds: list[Document],
                                                copies: int) -> None:
    from dossier.resolve.entities import entity_index, resolve_entities
    from dossier.resolve.events import fuse_agreements, fuse_events
    from dossier.scale.synth import corpus

    docs = sorted([*seeds, *corpus(seeds, copies)], key=lambda d: d.id)
    fresh_store.write_documents(docs)
    result = update_corpus(fresh_store)
    assert not result.incremental
    entities = resolve_entities(docs)
    index = entity_index(entities)
    assert fresh_store.entities() == sorted(entities, key=lambda e: (e.name, e.id))
    assert fresh_store.events() == sorted(fuse_events(docs, index),
                                          key=lambda e: (e.date is not None, e.date or "", e.id))
    assert result.agreements == fuse_agreements(docs, index)


@pytest.mark.parametrize("strip", ["events", "agreements", "both"])
def test_corpus_incremental_without_new_events_equals_rebuild(
        fresh_store: Store, seeds: list[Document], strip: str) -> None:
    import copy

    last = copy.deepcopy(seeds[-1])
    if strip in ("events", "both"):
        last.events = []
    if strip in ("agreements", "both"):
        last.agreements = []
    docs = [*seeds[:-1], last]
    fresh_store.write_documents(docs)
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    fresh_store.write_documents(docs[:-1])
    update_corpus(fresh_store)
    fresh_store.write_documents([last])
    assert update_corpus(fresh_store).incremental
    assert _snapshot(fresh_store) == rebuilt


def test_corpus_incremental_skips_fusion_when_nothing_to_fuse(
        fresh_store: Store, seeds: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    import dossier.corpus as corpus_module

    quiet = copy.deepcopy(seeds[0])  # a second page with the same names and no events
    quiet.id, quiet.source, quiet.events, quiet.agreements = "f" * 16, "quiet.txt", [], []
    fresh_store.write_documents([*seeds, quiet])
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    fresh_store.write_documents(seeds)
    update_corpus(fresh_store)

    def refuse(*_args: object) -> list[object]:
        raise AssertionError("fusion re-ran although no event, agreement or key changed")

    monkeypatch.setattr(corpus_module, "fuse_events_indexed", refuse)
    monkeypatch.setattr(corpus_module, "fuse_agreements_indexed", refuse)
    fresh_store.write_documents([quiet])
    assert update_corpus(fresh_store).incremental
    assert _snapshot(fresh_store) == rebuilt
