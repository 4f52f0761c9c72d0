"""Typed records passed between pipeline stages and kept in the store.

Document-level records (Mention, Figure, DocEvent, DocAgreement) refer to entities by a
provisional *entity key* (``Mention.key``, e.g. ``"country:KZ"`` or ``"person:vladimir putin"``)
that the per-document recogniser assigns. The corpus-level resolver (``dossier.resolve``)
merges keys into canonical :class:`Entity` records; exports map keys to entity ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

EntityType = Literal["person", "country", "organization", "place", "other"]
FigureKind = Literal["actual", "target", "forecast"]
Approx = Literal["exact", "about", "more_than", "less_than", "almost"]
EventType = Literal["visit", "meeting", "agreement", "forum", "statement", "other"]
EventStatus = Literal["happened", "planned"]

FIGURE_KINDS: tuple[str, ...] = get_args(FigureKind)
METRICS: tuple[str, ...] = (
    "trade_turnover", "exports", "imports", "investment", "investment_stock", "companies",
    "joint_projects", "students", "universities", "gdp", "population", "energy",
)


@dataclass(slots=True, kw_only=True)
class Sentence:
    """A sentence of the cleaned text: character offsets into ``Document.text``."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(slots=True, kw_only=True)
class Paragraph:
    """A paragraph of the cleaned text with its own detected language."""

    start: int
    end: int
    language: str | None = None


@dataclass(slots=True, kw_only=True)
class Mention:
    """A named-entity mention in one document (offsets into ``Document.text``)."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str  # provisional entity key, resolved across documents by dossier.resolve
    sentence: int = -1
    source: str = ""  # which recogniser layer found it: gazetteer, model, cue, ...
    role: str | None = None  # e.g. "actor" for a capital standing for its government
    relation: str | None = None  # e.g. "demonym" -> key refers to the country
    lemma: str | None = None  # base form of an inflected name ("Лавровым" -> "Лавров")


@dataclass(slots=True, kw_only=True)
class Figure:
    """One mention of a quantity, with what it measures, when, and who said it."""

    sentence: int  # index into Document.sentences
    start: int  # offsets of the number's surface form in Document.text
    end: int
    surface: str
    quote: str  # the whole sentence
    value: float | None
    unit: str | None
    measure: str | None = None
    metric: str | None = None
    period: str | None = None
    kind: FigureKind = "actual"
    approx: Approx = "exact"
    speaker: str | None = None  # entity key
    subjects: list[str] = field(default_factory=list)  # entity keys
    upper: float | None = None  # upper bound for ranges
    vague: bool = False  # "tens of billions": value is a lower bound
    # a flow's way, set by the direction stage: "origin>destination" entity keys
    # ("country:RU>country:KZ"), "a<>b" for a stated two-way total, None when unknown
    direction: str | None = None


@dataclass(slots=True, kw_only=True)
class Evidence:
    """A quote supporting an event or agreement, in the original language."""

    document: str
    quote: str
    sentence: int = -1


@dataclass(slots=True, kw_only=True)
class DocEvent:
    """An event as reported in one document (before cross-document fusion)."""

    type: EventType
    status: EventStatus = "happened"
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; --MM-DD when the year is unknown
    end_date: str | None = None
    place: str | None = None  # entity key
    actors: list[str] = field(default_factory=list)  # entity keys
    title: str = ""
    plover: str | None = None
    trigger: str = ""
    sentence: int = -1
    quote: str = ""


@dataclass(slots=True, kw_only=True)
class DocAgreement:
    """A named document signed or adopted, as reported in one document."""

    title: str  # English where the lexicon allows, else the original
    original_title: str
    date: str | None = None
    parties: list[str] = field(default_factory=list)  # entity keys
    kind: str | None = None  # declaration, programme, treaty, memorandum, plan, agreement
    sentence: int = -1
    quote: str = ""


@dataclass(slots=True, kw_only=True)
class Document:
    """One article, from raw input to extracted facts."""

    id: str
    source: str
    raw: str = ""  # decoded input (HTML or text) before cleaning
    format: str = "text"  # text, html, json
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, None when the page does not say
    language: str | None = None
    text: str = ""  # cleaned main text
    boilerplate: list[str] = field(default_factory=list)  # removed lines, kept for inspection
    references: list[str] = field(default_factory=list)  # reference lists kept apart
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[DocEvent] = field(default_factory=list)
    agreements: list[DocAgreement] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # metadata hints from the input
    duplicate_of: str | None = None  # an earlier near-duplicate (syndicated copy, wire story)


@dataclass(slots=True, kw_only=True)
class Entity:
    """A canonical real-world entity, resolved across documents, languages and scripts."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # provisional keys merged into it
    related: dict[str, str] = field(default_factory=dict)  # e.g. demonym relations


@dataclass(slots=True, kw_only=True)
class Event:
    """One real-world event, fused across the documents that report it."""

    id: str
    type: EventType
    status: EventStatus = "happened"
    date: str | None = None
    end_date: str | None = None
    place: str | None = None  # entity key
    actors: list[str] = field(default_factory=list)
    title: str = ""
    plover: str | None = None
    documents: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Agreement:
    """One real-world agreement, fused across documents and languages."""

    id: str
    title: str
    date: str | None = None
    parties: list[str] = field(default_factory=list)
    kind: str | None = None
    names: list[str] = field(default_factory=list)  # titles as written in each document
    documents: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class FigureRef:
    """A stored figure addressed by document and position (for corpus-level steps)."""

    id: str
    document: str
    figure: Figure


@dataclass(slots=True, kw_only=True)
class Conflict:
    """Figures about the same measure, subjects and period that disagree."""

    id: str
    metric: str | None
    measure: str | None
    period: str | None
    subjects: list[str]
    figures: list[str]  # figure ids
    low: float
    high: float
    unit: str | None = None
    speakers: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    # high: no common value; medium: only the cap on open bounds separates them;
    # low: compatible bounds that still differ ("over 17,000" vs "over 20,000")
    severity: str = "high"
    reason: str = ""  # the two figures that disagree most, in words


@dataclass(slots=True, kw_only=True)
class Failure:
    """An input that could not be read: which one and why."""

    source: str
    reason: str
