"""Figure reconciliation: groups, conflicts between sources, targets against actuals, series.

No library compares approximate quantities that carry qualifiers ("over", "about", "nearly",
"tens of"), so this module writes the rules down. Each figure becomes an interval of the
values its words allow; figures about the same thing conflict when their intervals share no
point (in one dimension, pairwise overlap implies a common point, so one max/min test suffices).

Grouping (:mod:`dossier.resolve.groups`): metric (or the normalised measure when metric is
None; a measure that spells a metric, "trade turnover", counts as that metric), the set of
subject entities (canonical ids, unordered; a subset of exactly one other set joins it), unit,
period and kind. Different periods form a series, different kinds (a target, a forecast) are
never compared with actuals, USD is never compared with EUR.

Tolerances (how far a figure's words let its value stray: rounding, "about", "over", ...)
are in :mod:`dossier.resolve.tolerance`.

Severity of a conflict: ``high`` when the intervals are disjoint even with open bounds left
open (no cap); ``medium`` when only the 1.5x cap separates them; ``low`` when the intervals
meet but two bounds of the same direction differ by more than 10 % ("over 17,000" vs "over
20,000" firms): logically compatible, yet one source is stale or careless and an analyst
wants to see it (thresholds within 10 % are the usual rounding down of one true value).
Two exact figures more than 1 % apart (``EXACT_APART``) are at least ``low``: "244.8 bn"
and "240 bn" may both be honest (240 is a rounded 244.8), yet a demanding analyst wants to
see a 4.8 bn gap between two official-sounding figures; within 1 % is rounding or
conversion noise.
Groups known only by their measure words (no metric) are at most ``medium``: "almost 10
regions" taking part and "89 regions" in all share the words, not the thing.
In *loose* groups (measure words only, or a directional metric whose direction is unknown:
:func:`dossier.resolve.groups.is_loose`) only figures of different documents can conflict:
one article giving "76 of the 89 regions", or two investment figures it does not say the
way of, is describing two things, not contradicting itself.
Each disagreeing group gives exactly one conflict, with a stable id.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.model import METRICS, Conflict, Figure, FigureRef
from dossier.resolve.extremes import BOUNDS_APART, EXACT_APART, Summary, summarize, verdict
from dossier.resolve.groups import (
    FigureGroup,
    GroupIndex,
    GroupKey,
    GroupUpdate,
    base_what,
    group_figures,
    is_loose,
    update_groups,
    what_of,
)
from dossier.resolve.timeline import period_bounds, period_sort_key
from dossier.resolve.tolerance import interval, rounding

__all__ = [
    "BOUNDS_APART",
    "EXACT_APART",
    "FigureGroup",
    "GroupIndex",
    "GroupKey",
    "GroupUpdate",
    "SeriesPoint",
    "TargetGap",
    "conflict_id",
    "find_conflicts",
    "format_value",
    "group_figures",
    "interval",
    "judge_summary",
    "make_conflict",
    "rounding",
    "series",
    "sort_conflicts",
    "summarize_group",
    "targets_vs_actuals",
    "update_groups",
]

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(slots=True, kw_only=True)
class SeriesPoint:
    """The values one metric took for some subjects in one period, with their sources."""

    metric: str | None
    measure: str | None
    subjects: tuple[str, ...]
    unit: str | None
    period: str | None
    kind: str
    values: list[float]
    low: float
    high: float
    figures: list[str]
    documents: list[str]
    speakers: list[str]
    conflicting: bool = False


@dataclass(slots=True, kw_only=True)
class TargetGap:
    """A target with the latest actual before its deadline and the distance between them."""

    id: str
    metric: str | None
    measure: str | None
    subjects: tuple[str, ...]
    unit: str | None
    deadline: str | None
    target_low: float
    target_high: float
    figures: list[str]
    speakers: list[str]  # who set it
    documents: list[str]
    actual: SeriesPoint | None = None
    partial: SeriesPoint | None = None  # a later part-period actual (first 9 months, ...)
    gap_low: float | None = None
    gap_high: float | None = None
    met: bool | None = None
    summary: str = ""


# --- conflicts -------------------------------------------------------------------------


def conflict_id(key: GroupKey) -> str:
    """Return a conflict id that stays the same as long as the group key does."""
    return "c-" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:12]


def _point_values(fig: Figure) -> list[float]:
    assert fig.value is not None  # grouped figures always have a value
    return [fig.value] if fig.upper is None else [fig.value, fig.upper]


def _uniq(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def summarize_group(group: FigureGroup) -> Summary:
    """Return the summary of a group's figures in their order (refs: their indexes)."""
    first: dict[str, int] = {}
    return summarize([(i, first.setdefault(r.document, i), i, r.figure)
                      for i, r in enumerate(group.figures)], is_loose(group.key))


def _describe(ref: FigureRef, entity_of: Mapping[str, str], names: Mapping[str, str]) -> str:
    fig = ref.figure
    who = entity_of.get(fig.speaker, fig.speaker) if fig.speaker else "the writer"
    who = names.get(who, who)
    words = {"exact": "", "about": "about ", "more_than": "over ", "less_than": "under ",
             "almost": "almost "}[fig.approx]
    return f"{words}{format_value(fig.value or 0.0, fig.unit)} ({who}, {ref.document})"


def _judge(group: FigureGroup) -> tuple[str, tuple[FigureRef, FigureRef]] | None:
    """Return the severity and the two figures that disagree, or None when all agree."""
    found = verdict(summarize_group(group))
    if found is None:
        return None
    severity, (low, high) = found
    return severity, (group.figures[low], group.figures[high])


def judge_summary(key: GroupKey, summary: Summary) -> tuple[str, tuple[Any, Any]] | None:
    """Return a group's conflict severity and the refs of its two most distant figures, or
    None when they agree. Groups known only by their measure words are at most medium."""
    found = verdict(summary)
    if found is None:
        return None
    severity, pair = found
    if key[0].startswith("measure:") and severity == "high":
        severity = "medium"  # the same words ("regions") may name different things
    return severity, pair


def make_conflict(key: GroupKey, summary: Summary, severity: str,
                  pair: tuple[FigureRef, FigureRef],
                  members: Iterable[tuple[str, str, str | None]],
                  entity_of: Mapping[str, str], names: Mapping[str, str]) -> Conflict:
    """Return the conflict of a group from its summary, the two figures that disagree and
    its figures' (id, document, speaker) in the group's order."""
    what, subjects, unit, period, _ = key
    ids: list[str] = []
    docs: list[str] = []
    speakers: list[str] = []
    for fid, doc, speaker in members:
        ids.append(fid)
        docs.append(doc)
        if speaker:
            speakers.append(entity_of.get(speaker, speaker))
    reason = f"{_describe(pair[0], entity_of, names)} vs {_describe(pair[1], entity_of, names)}"
    return Conflict(
        id=conflict_id(key), metric=None if what.startswith("measure:") else base_what(what),
        measure=summary.measure[1] if summary.measure else None, period=period,
        subjects=list(subjects), figures=ids, low=summary.low, high=summary.high, unit=unit,
        speakers=_uniq(speakers), documents=_uniq(docs), severity=severity, reason=reason,
    )


def sort_conflicts(found: list[Conflict]) -> None:
    """Sort conflicts in place: most severe first, then by metric, period and id."""
    found.sort(key=lambda c: (SEVERITY_RANK[c.severity], c.metric or c.measure or "",
                              period_sort_key(c.period), c.id))


def find_conflicts(
    groups: Iterable[FigureGroup], *, kinds: Collection[str] = ("actual",),
    min_severity: str = "low", entity_of: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Return one conflict per group whose figures disagree, most severe first.

    ``entity_of`` maps speaker keys to entity ids; ``names`` maps ids to display names
    for the one-line ``reason``.
    """
    limit = SEVERITY_RANK[min_severity]
    resolve = entity_of or {}
    found = []
    for group in groups:
        if group.kind not in kinds:
            continue
        summary = summarize_group(group)
        judged = judge_summary(group.key, summary)
        if judged is None or SEVERITY_RANK[judged[0]] > limit:
            continue
        low, high = judged[1]
        members = ((r.id, r.document, r.figure.speaker) for r in group.figures)
        found.append(make_conflict(group.key, summary, judged[0],
                                   (group.figures[low], group.figures[high]), members,
                                   resolve, names or {}))
    sort_conflicts(found)
    return found


# --- series and targets ----------------------------------------------------------------


def _point(group: FigureGroup, entity_of: Mapping[str, str]) -> SeriesPoint:
    values = [v for r in group.figures for v in _point_values(r.figure)]
    speakers = (entity_of.get(s, s) for r in group.figures if (s := r.figure.speaker))
    return SeriesPoint(
        metric=group.metric, measure=group.measure, subjects=group.subjects, unit=group.unit,
        period=group.period, kind=group.kind,
        values=[r.figure.value for r in group.figures if r.figure.value is not None],
        low=min(values), high=max(values), figures=[r.id for r in group.figures],
        documents=_uniq(r.document for r in group.figures), speakers=_uniq(speakers),
        conflicting=_judge(group) is not None,
    )


def _series_key(p: SeriesPoint) -> tuple[tuple[int, str, str], tuple[str, ...], str]:
    return (period_sort_key(p.period), p.subjects, p.unit or "")


def series(
    figures: Sequence[FigureRef], entity_of: Mapping[str, str], metric: str,
    subjects: Collection[str] | None = None, *, kind: str = "actual",
) -> list[SeriesPoint]:
    """Return a metric's values by period (part periods by their end; undated last).

    ``subjects`` keeps the groups about at least those entities (ids or keys).
    """
    what = what_of(metric if metric in METRICS else None, metric)
    wanted = {entity_of.get(s, s) for s in subjects} if subjects is not None else None
    mine = [r for r in figures if what_of(r.figure.metric, r.figure.measure) == what]
    points = [_point(g, entity_of) for g in group_figures(mine, entity_of)
              if g.kind == kind and (wanted is None or wanted <= set(g.subjects))]
    return sorted(points, key=_series_key)


def _span(period: str | None) -> str:
    """Say what kind of span a period is: year, month, day, part (a range) or none."""
    if not period or period_bounds(period) is None:
        return "none"
    if "/" in period:
        return "part"
    return {4: "year", 7: "month"}.get(len(period), "day")


def _pick_actual(deadline: str | None, actuals: list[FigureGroup]
                 ) -> tuple[FigureGroup | None, FigureGroup | None]:
    """Return the latest actual of the target's span up to its deadline, and a later part."""
    end = period_bounds(deadline)
    dated = [g for g in actuals if (b := period_bounds(g.period)) and (not end or b[1] <= end[1])]
    span = _span(deadline) if end else "year"
    full = [g for g in dated if _span(g.period) == span] or [
        g for g in dated if _span(g.period) != "part"]
    key = lambda g: period_sort_key(g.period)  # noqa: E731
    best = max(full, key=key) if full else None
    later = [g for g in dated if _span(g.period) == "part" and (best is None or key(g) > key(best))]
    partial = max(later, key=key) if later else None
    if best is None and partial is None:
        best = next((g for g in actuals if g.period is None), None)
    return best, partial


def _clusters(group: FigureGroup) -> list[list[FigureRef]]:
    """Split a target group into runs of compatible values (one target said many times)."""
    refs = sorted(group.figures, key=lambda r: interval(r.figure))
    runs: list[list[FigureRef]] = []
    ceiling = -math.inf
    for ref in refs:
        lo, hi = interval(ref.figure)
        if runs and lo <= ceiling:
            runs[-1].append(ref)
            ceiling = min(ceiling, hi)
        else:
            runs.append([ref])
            ceiling = hi
    return runs


def _gap(refs: list[FigureRef], group: FigureGroup, best: FigureGroup | None,
         partial: FigureGroup | None, entity_of: Mapping[str, str],
         names: Mapping[str, str]) -> TargetGap:
    values = [v for r in refs for v in _point_values(r.figure)]
    ids = [r.id for r in refs]
    speakers = _uniq(entity_of.get(s, s) for r in refs if (s := r.figure.speaker))
    gap = TargetGap(
        id="t-" + hashlib.sha1(repr((group.key, ids[0])).encode("utf-8")).hexdigest()[:12],
        metric=group.metric, measure=group.measure, subjects=group.subjects, unit=group.unit,
        deadline=group.period, target_low=min(values), target_high=max(values), figures=ids,
        speakers=speakers, documents=_uniq(r.document for r in refs),
        actual=_point(best, entity_of) if best else None,
        partial=_point(partial, entity_of) if partial else None,
    )
    if gap.actual is not None:
        gap.gap_low = gap.target_low - gap.actual.high
        gap.gap_high = gap.target_high - gap.actual.low
        gap.met = gap.gap_high <= 0
    gap.summary = _summary(gap, names)
    return gap


def format_value(value: float, unit: str | None) -> str:
    """Write a value the way an analyst reads it: 27.8 bn USD, 20,000, 96 %."""
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            text = f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit in (None, "count"):
        return text
    return f"{text} %" if unit == "percent" else f"{text} {unit}"


def _range(low: float, high: float, unit: str | None) -> str:
    if math.isclose(low, high):
        return format_value(low, unit)
    left, right = format_value(low, None), format_value(high, unit)
    scale = left.rpartition(" ")[2] if " " in left else None
    if scale and right.split(" ")[1:2] == [scale]:  # "27.8–28.7 bn USD", one scale word
        left = left.rpartition(" ")[0]
    return f"{left}–{right}"


def _summary(gap: TargetGap, names: Mapping[str, str]) -> str:
    """Say it in one line: "30 bn USD by 2025 set by Tokayev; actual 2024: ...; gap ..."."""
    text = _range(gap.target_low, gap.target_high, gap.unit)
    text += f" by {gap.deadline}" if gap.deadline else " (no deadline)"
    if gap.speakers:
        text += " set by " + ", ".join(names.get(s, s) for s in gap.speakers)
    if gap.actual is None:
        return text + "; no actual yet"
    a = gap.actual
    text += f"; actual {a.period or 'undated'}: {_range(a.low, a.high, a.unit)}"
    if gap.partial is not None:
        p = gap.partial
        text += f" ({p.period}: {_range(p.low, p.high, p.unit)})"
    assert gap.gap_low is not None and gap.gap_high is not None
    return text + ("; met" if gap.met else f"; gap {_range(gap.gap_low, gap.gap_high, gap.unit)}")


def _same_subjects(target: FigureGroup, actual: FigureGroup) -> bool:
    """Say whether an actual's subjects may be the target's (one set within the other;
    two directed flows must go the same way)."""
    if target.key[0].endswith("@directed") and actual.key[0].endswith("@directed"):
        return target.subjects == actual.subjects
    a, b = set(target.subjects), set(actual.subjects)
    return a <= b or b <= a


def targets_vs_actuals(
    figures: Sequence[FigureRef], entity_of: Mapping[str, str], *,
    names: Mapping[str, str] | None = None,
) -> list[TargetGap]:
    """Return each target (repeats merged) with the latest actual before its deadline.

    Actuals match on metric and unit, with subjects equal or one set within the other (the
    same leniency as grouping, since extractors miss or add a subject).
    """
    groups = group_figures(figures, entity_of)
    actuals: dict[tuple[str, str | None], list[FigureGroup]] = {}
    for g in groups:
        if g.kind == "actual":
            actuals.setdefault((base_what(g.key[0]), g.unit), []).append(g)
    gaps: list[TargetGap] = []
    for g in groups:
        if g.kind != "target":
            continue
        pool = [a for a in actuals.get((base_what(g.key[0]), g.unit), [])
                if _same_subjects(g, a)]
        best, partial = _pick_actual(g.period, pool)
        gaps.extend(_gap(run, g, best, partial, entity_of, names or {}) for run in _clusters(g))
    gaps.sort(key=lambda t: (t.metric or t.measure or "", t.subjects,
                             period_sort_key(t.deadline), t.target_low))
    return gaps
