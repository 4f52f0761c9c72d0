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
    agreements = fuse_agreements(docs, index)
    assert fresh_store.agreements() == sorted(
        agreements, key=lambda a: (a.date is not None, a.date or "", a.id))
    assert (result.events_written, result.agreements_written) == (
        len(fresh_store.events()), len(agreements))


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

    from dossier.scale.kinds import Agreements, Events

    quiet = copy.deepcopy(seeds[0])  # a second page with the same names and no events
    quiet.id, quiet.source, quiet.events, quiet.agreements = "f" * 16, "quiet.txt", [], []
    fresh_store.write_documents([*seeds, quiet])
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    fresh_store.write_documents(seeds)
    update_corpus(fresh_store)

    def refuse(*_args: object) -> list[object]:
        raise AssertionError("a block was re-fused although no event, agreement or key changed")

    monkeypatch.setattr(Events, "fuse", refuse)
    monkeypatch.setattr(Agreements, "fuse", refuse)
    fresh_store.write_documents([quiet])
    result = update_corpus(fresh_store)
    assert result.incremental and not result.events and not result.agreements
    assert _snapshot(fresh_store) == rebuilt


def _synthetic(seeds: list[Document], n: int, start: int = 0) -> list[Document]:
    from dossier.scale.synth import corpus

    return list(corpus(seeds, n, start=start))


@pytest.mark.parametrize("order", ["stored", "reversed", "shuffled"])
def test_corpus_incremental_synthetic_in_steps_equals_rebuild(
        fresh_store: Store, seeds: list[Document], order: str) -> None:
    import random

    docs = [*seeds, *_synthetic(seeds, 45)]
    fresh_store.write_documents(docs)
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    if order == "reversed":
        docs = docs[::-1]
    elif order == "shuffled":
        random.Random(7).shuffle(docs)
    fresh_store.write_documents(docs[:20])
    update_corpus(fresh_store)
    for i in range(20, len(docs), 7):  # one, then several documents at a time
        fresh_store.write_documents(docs[i:i + (1 if i == 20 else 7)])
        assert update_corpus(fresh_store).incremental
    fresh_store.write_documents(docs[21:27])
    update_corpus(fresh_store)
    assert _snapshot(fresh_store) == rebuilt


def test_corpus_incremental_touches_few_blocks(fresh_store: Store,
                                               seeds: list[Document]) -> None:
    docs = [*seeds, *_synthetic(seeds, 60)]
    fresh_store.write_documents(docs)
    update_corpus(fresh_store)
    events = fresh_store.events()
    dated = next(d for d in _synthetic(seeds, 5, start=500) if d.published)
    fresh_store.write_documents([dated])
    result = update_corpus(fresh_store)
    assert result.incremental
    assert 0 < len(result.events) < len(events) / 3


def _named(i: int, date: str, text: str, name: str, *, event: bool = True) -> Document:
    from dossier.model import DocEvent, Mention

    begin = text.index(name)
    events = [DocEvent(type="visit", date=date, actors=["country:KZ", "person:ana lima"])]
    return Document(id=f"{i:016x}", source=f"n{i}", language="en", published=date, text=text,
                    mentions=[Mention(start=begin, end=begin + len(name), text=name,
                                      type="person", key="person:ana lima", sentence=0)],
                    events=events if event else [])


def test_corpus_incremental_entity_renamed_only_relabels(
        fresh_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that spells a person's name in full changes her entity's id, and only that:
    the blocks naming her are relabelled, not fused again, and equal a rebuild."""
    from dossier.scale.kinds import Agreements, Events

    docs = [_named(1, "2024-05-10", "Kazakh officials met Ana Lima in May.", "Ana Lima"),
            _named(2, "2023-02-01", "Kazakh officials met Ana Lima in June.", "Ana Lima"),
            _named(3, "2024-06-01", "Ana Maria Lima spoke.", "Ana Maria Lima", event=False)]
    fresh_store.write_documents(docs)
    update_corpus(fresh_store)
    rebuilt = _snapshot(fresh_store)
    _reset(fresh_store)
    fresh_store.write_documents(docs[:2])
    update_corpus(fresh_store)
    before = {e.id for e in fresh_store.entities() if e.type == "person"}

    def refuse(*_args: object) -> list[object]:
        raise AssertionError("a block was fused again for a renamed entity")

    monkeypatch.setattr(Events, "fuse", refuse)
    monkeypatch.setattr(Agreements, "fuse", refuse)
    fresh_store.write_documents(docs[2:])
    result = update_corpus(fresh_store)
    assert {e.id for e in fresh_store.entities() if e.type == "person"} != before
    assert len(result.events) == 2  # both visits name her new id
    assert _snapshot(fresh_store) == rebuilt
