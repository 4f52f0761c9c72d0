"""A small hand-made multilingual store for the API, web and browser tests.

Documents are written in the style of real news in pt, en, it and ru, with offsets computed
from the text (never typed by hand), plus one hostile document whose title, text and entity
name carry HTML/JS payloads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.model import (
    Agreement,
    Conflict,
    DocAgreement,
    DocEvent,
    Document,
    Entity,
    Event,
    Evidence,
    Figure,
    Mention,
    Sentence,
)
from dossier.store import Store, figure_id

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

PT, EN, IT, RU, XSS = "d0pt0000000001", "d1en0000000002", "d2it0000000003", "d3ru0000000004", \
    "d4xs0000000005"

NAMES: dict[str, tuple[str, str]] = {  # key -> (entity id, type)
    "person:kassym-jomart tokayev": ("e1", "person"), "country:KZ": ("e2", "country"),
    "country:RU": ("e3", "country"), "person:vladimir putin": ("e4", "person"),
    "other:evil": ("e5", "other"),
}


@dataclass(slots=True, kw_only=True)
class Spec:
    """A document to build: sentences, names to mark and figures to read."""

    id: str
    language: str
    title: str
    published: str
    outlet: str
    sentences: list[str]
    names: dict[str, str]  # surface -> entity key
    figures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def _sentence_of(doc: Document, offset: int) -> int:
    return next(i for i, s in enumerate(doc.sentences) if s.start <= offset < s.end)


def build_document(spec: Spec) -> Document:
    """Return a Document whose offsets are computed from its text."""
    text, sentences = "", []
    for raw in spec.sentences:
        if text:
            text += "\n\n" if raw.startswith("¶") else " "
        raw = raw.lstrip("¶")
        sentences.append(Sentence(start=len(text), end=len(text) + len(raw), text=raw))
        text += raw
    doc = Document(id=spec.id, source=f"corpus/{spec.id}.txt", raw=text, text=text,
                   title=spec.title, language=spec.language, published=spec.published,
                   outlet=spec.outlet, sentences=sentences, boilerplate=spec.boilerplate)
    for surface, key in spec.names.items():
        at = text.find(surface)
        while at >= 0:
            doc.mentions.append(Mention(start=at, end=at + len(surface), text=surface,
                                        type=NAMES[key][1], key=key,  # type: ignore[arg-type]
                                        sentence=_sentence_of(doc, at)))
            at = text.find(surface, at + 1)
    doc.mentions.sort(key=lambda m: m.start)
    for f in spec.figures:
        at = text.index(f["surface"])
        i = _sentence_of(doc, at)
        doc.figures.append(Figure(sentence=i, start=at, end=at + len(f["surface"]),
                                  quote=sentences[i].text, **f))
    for e in spec.events:
        i = _sentence_of(doc, text.index(e.pop("anchor")))
        doc.events.append(DocEvent(sentence=i, quote=sentences[i].text, **e))
    for a in spec.agreements:
        i = _sentence_of(doc, text.index(a.pop("anchor")))
        doc.agreements.append(DocAgreement(sentence=i, quote=sentences[i].text, **a))
    return doc


TRADE = {"unit": "USD", "measure": "trade turnover", "metric": "trade_turnover",
         "period": "2024", "subjects": ["country:RU", "country:KZ"]}

SPECS = [
    Spec(id=PT, language="pt", title="Rússia e Cazaquistão fortalecem laços", outlet="Brasil Hoje",
         published="2025-11-13", names={"Tokayev": "person:kassym-jomart tokayev",
                                        "Putin": "person:vladimir putin",
                                        "Cazaquistão": "country:KZ", "Rússia": "country:RU"},
         sentences=["Os presidentes Vladimir Putin e Kassym-Jomart Tokayev assinaram a "
                    "Declaração de Parceria Estratégica no Kremlin.",
                    "¶Segundo Putin, o comércio entre a Rússia e o Cazaquistão chegou a "
                    "US$ 27,8 bilhões em 2024.",
                    "A meta é alcançar US$ 30 bilhões até 2030."],
         figures=[{"surface": "US$ 27,8 bilhões", "value": 27.8e9,
                   "speaker": "person:vladimir putin", **TRADE},
                  {"surface": "US$ 30 bilhões", "value": 30e9, "kind": "target",
                   **{**TRADE, "period": "2030"}}],
         events=[{"type": "agreement", "date": "2025-11-12", "title": "Signing in Moscow",
                  "actors": ["person:vladimir putin", "person:kassym-jomart tokayev"],
                  "anchor": "assinaram"}],
         agreements=[{"title": "Declaration of Comprehensive Strategic Partnership",
                      "original_title": "Declaração de Parceria Estratégica",
                      "parties": ["country:RU", "country:KZ"], "anchor": "Declaração"}],
         boilerplate=["Compartilhe no WhatsApp", "Leia também: outras notícias"]),
    Spec(id=EN, language="en", title="Tokayev visits Moscow", outlet="Astana Times",
         published="2025-11-12", names={"Tokayev": "person:kassym-jomart tokayev",
                                        "Putin": "person:vladimir putin",
                                        "Kazakhstan": "country:KZ", "Russia": "country:RU"},
         sentences=["President Tokayev arrived in Moscow on a state visit on Tuesday.",
                    "Trade between Kazakhstan and Russia reached $28.7 billion in 2024, "
                    "Tokayev said.",
                    "¶Putin welcomed the guest at the Kremlin."],
         figures=[{"surface": "$28.7 billion", "value": 28.7e9,
                   "speaker": "person:kassym-jomart tokayev", **TRADE}],
         events=[{"type": "visit", "date": "2025-11-11", "title": "Tokayev's state visit",
                  "actors": ["person:kassym-jomart tokayev"], "anchor": "arrived"}],
         boilerplate=["Subscribe to our newsletter"]),
    Spec(id=IT, language="it", title="Il presidente Tokayev a Mosca", outlet="Notizie Est",
         published="2025-11-14", names={"Tokayev": "person:kassym-jomart tokayev",
                                        "Kazakistan": "country:KZ", "Russia": "country:RU"},
         sentences=["Il presidente del Kazakistan Tokayev ha incontrato i vertici russi.",
                    "L'interscambio con la Russia ha superato i 26 miliardi di dollari."],
         figures=[{"surface": "26 miliardi di dollari", "value": 26e9, "approx": "more_than",
                   **TRADE}]),
    Spec(id=RU, language="ru", title="Токаев и Путин обсудили торговлю", outlet="Вести",
         published="2025-11-12", names={"Токаев": "person:kassym-jomart tokayev",
                                        "Путин": "person:vladimir putin"},
         sentences=["Токаев и Путин провели переговоры в Кремле.",
                    "Стороны обсудили энергетику и транспорт."]),
    Spec(id=XSS, language="en", title=f"Hostile {SCRIPT} title {IMG}", outlet=f"Out{IMG}",
         published="2025-10-01", names={IMG: "other:evil", "Kazakhstan": "country:KZ"},
         sentences=[f"This text carries {SCRIPT} inside it.",
                    f"An entity named {IMG} met Kazakhstan officials in 2025."],
         figures=[{"surface": "2025", "value": 2025, "unit": "count", "measure": f"m{SCRIPT}"}],
         boilerplate=[f"Share {SCRIPT}"]),
]


def entities(docs: list[Document]) -> list[Entity]:
    """Return the canonical entities with aliases and documents from the mentions."""
    canonical = {"e1": "Kassym-Jomart Tokayev", "e2": "Kazakhstan", "e3": "Russia",
                 "e4": "Vladimir Putin", "e5": IMG}
    out = {eid: Entity(id=eid, name=canonical[eid], type=t, keys=[k])  # type: ignore[arg-type]
           for k, (eid, t) in NAMES.items()}
    out["e1"].aliases.append("Toqaev")
    for d in docs:
        for m in d.mentions:
            e = out[NAMES[m.key][0]]
            if m.text not in e.aliases:
                e.aliases.append(m.text)
            if d.id not in e.documents:
                e.documents.append(d.id)
    return list(out.values())


def populate(store: Store) -> list[Document]:
    """Write the documents and corpus-level records into ``store``; return the documents."""
    docs = [build_document(s) for s in _fresh_specs()]
    store.write_documents(docs)
    trade = [figure_id(PT, 0), figure_id(EN, 0), figure_id(IT, 0)]
    store.replace_corpus(
        entities=entities(docs),
        events=[Event(id="v1", type="visit", date="2025-11-11", end_date="2025-11-12",
                      actors=["e1", "e4"], title="Tokayev's state visit to Moscow",
                      documents=[EN, PT],
                      evidence=[Evidence(document=EN, quote=docs[1].sentences[0].text,
                                         sentence=0)])],
        agreements=[Agreement(id="a1", title="Declaration of Comprehensive Strategic "
                              "Partnership", date="2025-11-12", parties=["e3", "e2"],
                              documents=[PT], evidence=[Evidence(
                                  document=PT, quote=docs[0].sentences[0].text, sentence=0)])],
        conflicts=[Conflict(id="c1", metric="trade_turnover", measure="trade turnover",
                            period="2024", subjects=["e3", "e2"], figures=trade[:2],
                            low=27.8e9, high=28.7e9, unit="USD", speakers=["e4", "e1"],
                            documents=[PT, EN], reason="27.8 bn USD (Putin) vs 28.7 bn USD")],
    )
    return docs


def _fresh_specs() -> list[Spec]:
    """Return deep copies of SPECS (build_document consumes the anchors)."""
    import copy

    return copy.deepcopy(SPECS)
