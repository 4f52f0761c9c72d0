"""Store speed paths: pre-serialised JSON rows, light loaders, batched writes."""

from __future__ import annotations

import json

import pytest

from dossier.model import DocAgreement, DocEvent, Document, Figure, Mention
from dossier.store import Store
from dossier.store.codec import dumps, loads, to_data

TEXTS = {
    "en": "Kazakhstan and Russia signed a trade agreement in Astana on Tuesday.",
    "pt": "O Brasil e o Cazaquistão assinaram um memorando de cooperação em Brasília.",
    "ru": "Казахстан и Россия подписали соглашение о торговле в Астане во вторник.",
    "tr": "Türkiye ile Kazakistan, Ankara'da ticaret anlaşması imzaladı.",
}


def _doc(lang: str, n: int) -> Document:
    text = TEXTS[lang]
    return Document(
        id=f"{lang}{n:04d}", source=f"{lang}-{n}.txt", text=text, language=lang, format="txt",
        published=None if n % 2 else "2024-05-0" + str(1 + n % 9),
        mentions=[Mention(start=0, end=5, text=text[:5], type="country", key=f"country:K{n}",
                          sentence=0)],
        figures=[Figure(sentence=0, start=1, end=2, surface="1", quote=text, value=float(n),
                        unit="USD", metric="trade_turnover", period="2024")],
        events=[DocEvent(type="agreement", actors=["country:KZ", f"country:X{n}"], quote=text,
                         date=f"2024-05-{1 + n % 28:02d}")],
        agreements=[DocAgreement(title="Trade agreement", original_title=text[:20])],
    )


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_scale_store_dumps_equals_json(lang: str) -> None:
    doc = _doc(lang, 3)
    for record in (*doc.mentions, *doc.figures, *doc.events, *doc.agreements):
        assert loads(dumps(record)) == json.loads(json.dumps(to_data(record)))


def test_scale_store_dumps_falls_back_on_non_string_keys() -> None:
    assert loads(dumps({1: "a"})) == {"1": "a"}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_scale_store_light_loaders_match_full_load(fresh_store: Store, lang: str) -> None:
    docs = [_doc(lang, n) for n in range(7)]
    fresh_store.write_documents(docs[:4])
    fresh_store.write_documents(docs[3:])  # a rewrite in the second batch replaces it
    full = list(fresh_store.iter_documents(batch=3))
    assert [d.id for d in full] == sorted(d.id for d in docs)
    assert fresh_store.count("doc_events") == len(docs)
    events = list(fresh_store.iter_doc_events())
    assert events == [(d.id, e) for d in full for e in d.events]
    assert list(fresh_store.iter_doc_agreements()) == [(d.id, a) for d in full
                                                      for a in d.agreements]
    light = list(fresh_store.iter_documents(facts=("events",), text=False, body=False))
    assert [(d.id, d.published, d.events, d.figures, d.text) for d in light] == [
        (d.id, d.published, d.events, [], "") for d in full]
    assert fresh_store.get_documents([docs[5].id, "missing", docs[1].id]) == [
        d for d in full if d.id in {docs[1].id, docs[5].id}]


def test_scale_store_dumps_unset_slot_raises_not_crashes() -> None:
    stale = object.__new__(Mention)  # as unpickled from an older Mention: no slots set
    with pytest.raises(AttributeError):
        dumps(stale)
