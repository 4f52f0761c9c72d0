"""The store keeps documents and their facts whole, in transactions."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from dossier.model import (
    Conflict,
    DocAgreement,
    DocEvent,
    Document,
    Entity,
    Event,
    Evidence,
    Failure,
    Figure,
    Mention,
    Sentence,
)
from dossier.store import Store


def make_doc(doc_id: str = "abc123", source: str = "a.txt") -> Document:
    text = "Putin said trade reached $28 billion in 2024."
    return Document(
        id=doc_id, source=source, raw=text, text=text, language="en", published="2025-01-02",
        boilerplate=["Translate »"], sentences=[Sentence(start=0, end=len(text), text=text)],
        mentions=[Mention(start=0, end=5, text="Putin", type="person",
                          key="person:vladimir putin", sentence=0)],
        figures=[Figure(sentence=0, start=24, end=35, surface="$28 billion", quote=text,
                        value=28e9, unit="USD", metric="trade_turnover", period="2024",
                        speaker="person:vladimir putin", subjects=["country:RU"])],
        events=[DocEvent(type="statement", actors=["person:vladimir putin"], quote=text)],
        agreements=[DocAgreement(title="Declaration", original_title="Declaração")],
    )


def test_store_roundtrip_keeps_every_field(fresh_store: Store) -> None:
    doc = make_doc()
    fresh_store.write_documents([doc])
    back = fresh_store.get_document("abc")
    assert back is not None
    assert back.raw == doc.raw
    assert (back.figures, back.mentions, back.events, back.agreements, back.sentences) == (
        doc.figures, doc.mentions, doc.events, doc.agreements, doc.sentences)
    assert back.boilerplate == ["Translate »"]


def test_store_rewrite_is_idempotent(fresh_store: Store) -> None:
    fresh_store.write_documents([make_doc()])
    fresh_store.write_documents([make_doc()])
    assert (fresh_store.count("documents"), fresh_store.count("figures")) == (1, 1)


def test_store_failed_batch_leaves_nothing(fresh_store: Store) -> None:
    good, clash = make_doc("good1"), make_doc("dup")
    with pytest.raises(IntegrityError):  # the same id twice in one batch violates the key
        fresh_store.write_documents([good, clash, make_doc("dup")])
    assert fresh_store.count("documents") == 0
    assert fresh_store.count("figures") == 0


def test_store_failures_keep_latest_reason(fresh_store: Store) -> None:
    fresh_store.record_failures([Failure(source="x.bin", reason="binary file")])
    fresh_store.record_failures([Failure(source="x.bin", reason="empty file")])
    assert fresh_store.failures() == [Failure(source="x.bin", reason="empty file")]


def test_store_corpus_results_are_replaced_whole(fresh_store: Store) -> None:
    ent = Entity(id="e1", name="Vladimir Putin", type="person", aliases=["Putin"],
                 keys=["person:vladimir putin"], documents=["abc123"])
    ev = Event(id="v1", type="visit", date="2024-11-27", actors=["e1"], documents=["abc123"],
               evidence=[Evidence(document="abc123", quote="q")])
    conflict = Conflict(id="c1", metric="trade_turnover", measure=None, period="2024",
                        subjects=["e2"], figures=["f1", "f2"], low=27.8e9, high=28.7e9)
    fresh_store.replace_corpus(entities=[ent], events=[ev], agreements=[], conflicts=[conflict])
    fresh_store.replace_corpus(entities=[ent], events=[ev], agreements=[], conflicts=[conflict])
    assert fresh_store.entities() == [ent]
    assert fresh_store.events() == [ev]
    assert fresh_store.conflicts() == [conflict]
    assert fresh_store.entity_index() == {"person:vladimir putin": "e1"}
