"""Hand-built Documents for the event, agreement, date and fusion tests (no entity model)."""

from __future__ import annotations

import re

import pytest

from dossier.model import Document, Mention
from dossier.nlp.sentences import split_sentences

Entities = dict[str, tuple[str, str]]  # surface form -> (type, key)


def make_doc(text: str, language: str, entities: Entities, *, published: str | None = None,
             doc_id: str = "d1") -> Document:
    """Build a Document with sentences and the given entity mentions, as the stages would."""
    sentences = split_sentences(text, language)
    mentions = []
    for surface, (etype, key) in entities.items():
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}", text):
            idx = next(i for i, s in enumerate(sentences) if s.start <= m.start() < s.end)
            mentions.append(Mention(start=m.start(), end=m.end(), text=surface,
                                    type=etype, key=key, sentence=idx))  # type: ignore[arg-type]
    mentions.sort(key=lambda m: m.start)
    return Document(id=doc_id, source=f"{doc_id}.txt", language=language, published=published,
                    text=text, sentences=sentences, mentions=mentions)


@pytest.mark.parametrize("language", ["en"])
def test_events_util_builds_mentions(language: str) -> None:
    doc = make_doc("Putin met Tokayev.\nThen he left.", language,
                   {"Putin": ("person", "person:putin"), "Tokayev": ("person", "person:tokayev")})
    assert [m.key for m in doc.mentions] == ["person:putin", "person:tokayev"]
    assert len(doc.sentences) == 2
