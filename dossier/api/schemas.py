"""Response models: the dossier/1 export records, declared for the OpenAPI schema.

Each model lists the fields the export format fixes; ``extra="allow"`` keeps the further keys
the export adds (the format allows them), so a response is exactly the export's record.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class DocumentOut(_Record):
    """A document's metadata (dossier/1 ``documents[]``)."""

    id: str
    source: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


class EntityOut(_Record):
    """A canonical entity (dossier/1 ``entities[]``)."""

    id: str
    name: str
    type: str
    aliases: list[str] = []
    documents: list[str] = []


class FigureOut(_Record):
    """A figure (dossier/1 ``figures[]``) with the conflicts it takes part in."""

    id: str
    document: str
    quote: str
    value: float | None = None
    unit: str | None = None
    measure: str | None = None
    metric: str | None = None
    period: str | None = None
    kind: str = "actual"
    approx: str = "exact"
    speaker: str | None = None
    subjects: list[str] = []
    conflicts: list[str] = []


class EvidenceOut(_Record):
    """A supporting quote in its original language."""

    document: str
    quote: str


class EventOut(_Record):
    """A fused event (dossier/1 ``events[]``)."""

    id: str
    type: str
    status: str = "happened"
    date: str | None = None
    end_date: str | None = None
    place: str | None = None
    actors: list[str] = []
    title: str = ""
    documents: list[str] = []
    evidence: list[EvidenceOut] = []


class AgreementOut(_Record):
    """A fused agreement (dossier/1 ``agreements[]``)."""

    id: str
    title: str
    date: str | None = None
    parties: list[str] = []
    documents: list[str] = []
    evidence: list[EvidenceOut] = []


class ConflictOut(_Record):
    """Figures that disagree (dossier/1 ``conflicts[]``)."""

    id: str
    metric: str | None = None
    period: str | None = None
    subjects: list[str] = []
    figures: list[str] = []


class _Page(BaseModel):
    total: int
    limit: int
    offset: int


class DocumentPage(_Page):
    """A page of documents."""

    items: list[DocumentOut]


class EntityPage(_Page):
    """A page of entities."""

    items: list[EntityOut]


class FigurePage(_Page):
    """A page of figures."""

    items: list[FigureOut]


class EventPage(_Page):
    """A page of events."""

    items: list[EventOut]


class AgreementPage(_Page):
    """A page of agreements."""

    items: list[AgreementOut]


class ConflictPage(_Page):
    """A page of conflicts."""

    items: list[ConflictOut]


class RecordPage(_Page):
    """A page of records (targets, series points, timeline items)."""

    items: list[dict[str, object]]


class HitOut(BaseModel):
    """A search hit: the document and a snippet around the match."""

    document: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    snippet: str
    parts: list[tuple[str, bool]] = []


class SearchPage(_Page):
    """A page of search hits."""

    query: str
    terms: list[str] = []
    items: list[HitOut]
