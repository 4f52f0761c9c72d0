"""Gather what the briefing shows from the store, through the same query API as the CLI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier import query
from dossier.model import Agreement, Conflict, Document, Entity, Event, FigureRef
from dossier.resolve.figures import SeriesPoint, TargetGap
from dossier.resolve.timeline import TimelineItem, period_bounds
from dossier.store import Store


@dataclass(slots=True, kw_only=True)
class FigureRow:
    """A figure as the report cites it."""

    id: str
    document: str
    quote: str
    surface: str
    value: float | None
    unit: str | None
    metric: str | None
    measure: str | None
    period: str | None
    kind: str
    approx: str
    speaker: str | None  # canonical name
    subjects: list[str]


@dataclass(slots=True, kw_only=True)
class MetricBlock:
    """One metric: its series, its targets and the figures behind them."""

    metric: str
    unit: str | None
    points: list[SeriesPoint]
    targets: list[TargetGap]
    figures: list[FigureRow]


@dataclass(slots=True, kw_only=True)
class ReportData:
    """Everything the HTML and Markdown briefings render."""

    title: str
    subjects: list[str]
    start: str | None
    end: str | None
    documents: list[Document]
    languages: Counter[str]
    outlets: Counter[str]
    period: tuple[str | None, str | None]
    counts: dict[str, int]
    timeline: list[TimelineItem]
    metrics: list[MetricBlock]
    conflicts: list[Conflict]
    conflict_figures: dict[str, list[FigureRow]]
    targets: list[TargetGap]
    planned: list[TimelineItem]
    entities: list[Entity]
    names: dict[str, str]
    figures: dict[str, FigureRow] = field(default_factory=dict)
    evidence: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # item -> (doc, quote)


def _in_period(period: str | None, start: str | None, end: str | None) -> bool:
    if not (start or end):
        return True
    bounds = period_bounds(period)
    if bounds is None:
        return True  # undated stocks stay: they are about "now"
    lo, hi = period_bounds(start), period_bounds(end)
    return (lo is None or bounds[1] >= lo[0]) and (hi is None or bounds[0] <= hi[1])


def _row(ref: FigureRef, index: dict[str, str], names: dict[str, str]) -> FigureRow:
    f = ref.figure
    speaker = index.get(f.speaker) if f.speaker else None
    return FigureRow(
        id=ref.id, document=ref.document, quote=f.quote, surface=f.surface, value=f.value,
        unit=f.unit, metric=f.metric, measure=f.measure, period=f.period, kind=f.kind,
        approx=f.approx, speaker=names.get(speaker, speaker) if speaker else None,
        subjects=[names.get(index.get(s, s), s) for s in f.subjects],
    )


def _keep_subjects(ids: Sequence[str], wanted: set[str] | None) -> bool:
    return wanted is None or wanted <= set(ids)


def gather(store: Store, *, subjects: Sequence[str] | None = None, start: str | None = None,
           end: str | None = None, title: str | None = None) -> ReportData:
    """Collect the report's content, filtered by subjects (names) and period."""
    names = query.names(store)
    index = store.entity_index()
    wanted = set(query.subject_ids(store, subjects) or []) if subjects else None
    refs = [r for r in store.figure_refs()
            if _keep_subjects([index.get(s, s) for s in r.figure.subjects], wanted)
            and _in_period(r.figure.period, start, end)]
    rows = {r.id: _row(r, index, names) for r in refs}
    docs = list(store.iter_documents(facts=False, text=False))
    dates = sorted(d.published for d in docs if d.published)
    events, agreements = store.events(), store.agreements()
    items = query.timeline(store, start=start, end=end)
    if wanted:
        items = [i for i in items if wanted & set(i.entities) or not i.entities]
    metrics = _metric_blocks(refs, index, rows, query.targets(store))
    conflicts = [c for c in store.conflicts() if c.figures and all(f in rows for f in c.figures)]
    return ReportData(
        title=title or _default_title(subjects, store.entities()), subjects=list(subjects or []),
        start=start,
        end=end, documents=docs, languages=Counter(d.language or "?" for d in docs),
        outlets=Counter(d.outlet or "(unknown outlet)" for d in docs),
        period=(dates[0] if dates else None, dates[-1] if dates else None),
        counts={"documents": len(docs), "entities": len(store.entities()),
                "figures": len(rows), "events": len(events), "agreements": len(agreements),
                "conflicts": len(conflicts)},
        timeline=items, metrics=metrics, conflicts=conflicts,
        conflict_figures={c.id: [rows[f] for f in c.figures] for c in conflicts},
        targets=[t for b in metrics for t in b.targets],
        planned=[i for i in items if i.status == "planned"],
        entities=sorted(store.entities(), key=lambda e: (-len(e.documents), e.name)),
        names=names, figures=rows, evidence=_evidence(events, agreements),
    )


def _metric_blocks(refs: list[FigureRef], index: dict[str, str], rows: dict[str, FigureRow],
                   targets: list[TargetGap]) -> list[MetricBlock]:
    by_metric: dict[str, list[FigureRef]] = {}
    for r in refs:
        if r.figure.metric:
            by_metric.setdefault(r.figure.metric, []).append(r)
    from dossier.resolve.figures import series

    blocks = []
    for metric, mine in sorted(by_metric.items(), key=lambda kv: -len(kv[1])):
        units = Counter(r.figure.unit for r in mine)
        blocks.append(MetricBlock(
            metric=metric, unit=units.most_common(1)[0][0],
            points=series(mine, index, metric),
            targets=[t for t in targets if t.metric == metric
                     and any(f in rows for f in t.figures)],
            figures=[rows[r.id] for r in mine]))
    return blocks


def _evidence(events: list[Event], agreements: list[Agreement]
              ) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for item in events:
        out[item.id] = [(e.document, e.quote) for e in item.evidence]
    for agreement in agreements:
        out[agreement.id] = [(e.document, e.quote) for e in agreement.evidence]
    return out


def _default_title(subjects: Sequence[str] | None, entities: list[Entity]) -> str:
    """Name the dossier after its subjects, else the two countries most documents mention."""
    if not subjects:
        countries = sorted((e for e in entities if e.type == "country"),
                           key=lambda e: (-len(e.documents), e.name))
        subjects = [e.name for e in countries[:2]]
    return f"Dossier: {' – '.join(subjects)}" if subjects else "Dossier"
