"""The indexed event fusion gives exactly the clusters of the reference fusion."""

from __future__ import annotations

import pytest

from dossier.build import process
from dossier.ingest.files import iter_inputs
from dossier.model import DocAgreement, DocEvent, Document
from dossier.pipeline import build_pipeline
from dossier.resolve.entities import entity_index, resolve_entities
from dossier.resolve.events import fuse_agreements, fuse_events
from dossier.scale.fusion import fuse_agreements_indexed, fuse_events_indexed
from dossier.scale.synth import corpus, surname
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    """The bundled seed articles (pt, pt, en, en, it), processed once."""
    pipeline = build_pipeline()
    docs = [process(d, pipeline) for d in iter_inputs([SAMPLE]) if isinstance(d, Document)]
    return [d for d in docs if isinstance(d, Document)]


@pytest.mark.parametrize("copies", [0, 40, 150])
def test_scale_fusion_equals_reference(seeds: list[Document], copies: int) -> None:
    docs = sorted([*seeds, *corpus(seeds, copies)], key=lambda d: d.id)
    index = entity_index(resolve_entities(docs))
    assert fuse_events_indexed(docs, index) == fuse_events(docs, index)


def _doc(i: int, lang: str, *events: DocEvent) -> Document:
    return Document(id=f"{i:016x}", source=f"s{i}", language=lang, events=list(events))


@pytest.mark.parametrize(("lang", "a", "b"), [
    ("en", "2024-10-31", "2024-11-01"),  # across a month boundary
    ("ru", "2024-11-27", "--11-28"),  # yearless report
    ("kk", "2024", "2024-11-27"),  # year only
    ("tr", None, "2024-11-27"),  # undated
    ("de", "2024-11-27", "2023-11-27"),  # different years never fuse
])
def test_scale_fusion_dates_like_reference(lang: str, a: str | None, b: str) -> None:
    actors = ["country:KZ", "country:RU"]
    docs = [_doc(1, lang, DocEvent(type="visit", date=a, actors=actors)),
            _doc(2, lang, DocEvent(type="meeting", date=b, actors=actors)),
            _doc(3, lang, DocEvent(type="statement", date=b, actors=actors))]
    assert fuse_events_indexed(docs, {}) == fuse_events(docs, {})


def test_scale_synth_variants_differ(seeds: list[Document]) -> None:
    docs = list(corpus(seeds, 20))
    assert len({d.id for d in docs}) == 20
    assert len({surname(n) for n in range(500)}) == 500
    persons = {m.key for d in docs for m in d.mentions if m.type == "person"}
    assert len(persons) > len({m.key for d in seeds for m in d.mentions if m.type == "person"})


@pytest.mark.parametrize("copies", [0, 40, 150])
def test_scale_fusion_agreements_equal_reference(seeds: list[Document], copies: int) -> None:
    docs = sorted([*seeds, *corpus(seeds, copies)], key=lambda d: d.id)
    index = entity_index(resolve_entities(docs))
    fused = fuse_agreements_indexed(docs, index)
    assert fused == fuse_agreements(docs, index)
    assert copies == 0 or len(fused) < sum(len(d.agreements) for d in docs)


AGREEMENTS = [  # (language, original title, kind, date)
    ("en", "Memorandum of Understanding on Energy Cooperation", "memorandum", "2024-11-27"),
    ("ru", "Меморандум о взаимопонимании в области энергетического сотрудничества",
     "memorandum", "2024-11-27"),
    ("pt", "memorando de entendimento sobre cooperação energética", "memorandum", "2024-11"),
    ("tr", "enerji işbirliği mutabakat zaptı", "memorandum", None),
    ("de", "Abkommen über die Vermeidung der Doppelbesteuerung", "agreement", "2019"),
    ("kk", "Стратегиялық әріптестік туралы шарт", "treaty", "2024-11-27"),
    ("it", "dichiarazione congiunta", "declaration", "2024-11-27"),
    ("fr", "déclaration commune", "declaration", "2024-11-27"),
    ("es", "acuerdo sobre la doble imposición", "agreement", None),
]


@pytest.mark.parametrize("parties", [["country:KZ", "country:RU"], ["country:KZ"], []])
def test_scale_fusion_agreements_languages_like_reference(parties: list[str]) -> None:
    docs = [Document(id=f"{i:016x}", source=f"s{i}", language=lang, agreements=[
        DocAgreement(title=title, original_title=title, kind=kind, date=date,
                     parties=parties[: 1 + i % 2])])
        for i, (lang, title, kind, date) in enumerate(AGREEMENTS * 2)]
    assert fuse_agreements_indexed(docs, {}) == fuse_agreements(docs, {})
