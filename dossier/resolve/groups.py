"""Figure groups: which figures are about the same thing, built at once or incrementally.

A *bucket* holds the figures with the same metric (or normalised measure), unit, period and
kind. Inside a bucket, figures go by their subject set (canonical entity ids, unordered):
each maximal subject set is a group, and a figure whose subjects are a subset of exactly one
maximal set joins that group. Extractors often miss one side of a pair ("trade reached $28.7
bn" names only Kazakhstan) or add noise, so strict set equality would split one figure from
its peers; a subset shared by several pairs ({KZ} under {RU, KZ} and {CN, KZ}) stays alone,
since it cannot be told which pair it is about. Risk, documented: a country total with one
subject joins the only pair in its bucket.

Directional metrics (investment, firms, students, exports...: ``DIRECTIONAL``) are split
by the figure's flow (:attr:`Figure.direction`, set by :mod:`dossier.extract.direction`):
"Russian investment in Kazakhstan" and "Kazakh investment in Russia" are different things,
so a directed figure goes into a bucket of directed figures with *ordered* subjects
(origin, destination); a stated two-way total ("mutual investment") into a bucket of its
own; a figure whose direction is unknown into a third, since it cannot be told which flow it
is (an unknown-direction group is *loose*: see :func:`is_loose`).

Incremental adds (:class:`GroupIndex`) touch only the buckets the new figures fall into, and
only regroup a bucket when a new subject set appears in it; otherwise a figure is appended to
its group. This module is separate from :mod:`dossier.resolve.figures` to keep each short.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from dossier.extract.direction import DIRECTIONAL
from dossier.model import METRICS, Figure, FigureRef
from dossier.resolve.timeline import normalise_period

__all__ = [
    "BucketKey",
    "FigureGroup",
    "GroupIndex",
    "GroupKey",
    "GroupUpdate",
    "base_what",
    "flow_of",
    "group_figures",
    "is_loose",
    "update_groups",
]

#: (what, subjects, unit, period, kind); what is a metric or "measure:<normalised words>",
#: with "@directed", "@mutual" or "@unknown" after a directional metric
GroupKey = tuple[str, tuple[str, ...], str | None, str | None, str]
#: (what, unit, period, kind): a group key without its subjects
BucketKey = tuple[str, str | None, str | None, str]
Subjects = tuple[str, ...]


@dataclass(slots=True, kw_only=True)
class FigureGroup:
    """Figures about the same metric, subjects, unit, period and kind."""

    key: GroupKey
    metric: str | None
    measure: str | None
    subjects: tuple[str, ...]
    unit: str | None
    period: str | None
    kind: str
    figures: list[FigureRef] = field(default_factory=list)

    @property
    def bucket(self) -> BucketKey:
        """Return the key without subjects."""
        what, _, unit, period, kind = self.key
        return (what, unit, period, kind)


@dataclass(slots=True, kw_only=True)
class GroupUpdate:
    """What an incremental add changed: current groups touched and group keys retired."""

    touched: list[FigureGroup]
    retired: list[GroupKey]


def _norm_words(text: str) -> str:
    """Casefold, strip accents and punctuation: how measures are compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def what_of(metric: str | None, measure: str | None) -> str | None:
    """Return the metric, or a metric spelled by the measure, or the normalised measure."""
    if metric:
        return metric
    if not measure:
        return None
    words = _norm_words(measure)
    as_metric = words.replace(" ", "_")
    if as_metric in METRICS:
        return as_metric
    return f"measure:{words}" if words else None


def flow_of(fig: Figure) -> str | None:
    """Return directed, mutual or unknown for a directional metric's figure, else None."""
    if fig.metric not in DIRECTIONAL:
        return None
    if not fig.direction:
        return "unknown"
    return "mutual" if "<>" in fig.direction else "directed"


def base_what(what: str) -> str:
    """Return a group's metric or measure without its flow ("investment@directed")."""
    return what.partition("@")[0]


def is_loose(key: GroupKey) -> bool:
    """Say whether a group is known only loosely: by its measure words, or a directional
    metric with no known direction. Two figures of one article in such a group are most
    likely two different things ("76 of the 89 regions"; inflows and outflows)."""
    what = key[0]
    return what.startswith("measure:") or what.endswith("@unknown")


def _unit(unit: str | None) -> str | None:
    """Compare currency codes and unit words case-insensitively."""
    if not unit:
        return None
    unit = unit.strip()
    return unit.upper() if len(unit) == 3 and unit.isalpha() and unit.isupper() else unit.lower()


def _place(ref: FigureRef, entity_of: Mapping[str, str]) -> tuple[BucketKey, Subjects] | None:
    """Return a figure's bucket and subject set, or None without a value or a measure."""
    fig = ref.figure
    what = what_of(fig.metric, fig.measure)
    if fig.value is None or what is None:
        return None
    flow = flow_of(fig)
    if flow == "directed" and fig.direction:  # ordered: origin, destination
        subjects = tuple(entity_of.get(s, s) for s in fig.direction.split(">"))
    else:
        subjects = tuple(sorted({entity_of.get(s, s) for s in fig.subjects}))
    if flow:
        what = f"{what}@{flow}"
    return (what, _unit(fig.unit), normalise_period(fig.period), fig.kind), subjects


def attach(sets: Iterable[Subjects]) -> dict[Subjects, Subjects]:
    """Map each subject set to its group's: the one maximal superset, else itself."""
    frozen = {s: frozenset(s) for s in sets}
    maximal = [s for s, f in frozen.items() if not any(f < g for g in frozen.values())]
    out = {}
    for s, f in frozen.items():
        supersets = [m for m in maximal if f <= frozen[m]]
        out[s] = supersets[0] if len(supersets) == 1 else s
    return out


@dataclass(slots=True)
class _Bucket:
    refs: list[tuple[Subjects, FigureRef]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    target: dict[Subjects, Subjects] = field(default_factory=dict)
    groups: dict[Subjects, FigureGroup] = field(default_factory=dict)

    def regroup(self, key: BucketKey) -> None:
        """Rebuild this bucket's groups after a new subject set arrived."""
        self.target = attach(s for s, _ in self.refs)
        self.groups = {}
        what, unit, period, kind = key
        for subjects, ref in self.refs:
            to = self.target[subjects]
            group = self.groups.get(to)
            if group is None:
                group = self.groups[to] = FigureGroup(
                    key=(what, to, unit, period, kind), unit=unit, period=period, kind=kind,
                    metric=None if what.startswith("measure:") else base_what(what),
                    measure=None,
                    subjects=to)
            group.figures.append(ref)
            group.measure = group.measure or ref.figure.measure


@dataclass(slots=True)
class GroupIndex:
    """Figure groups kept by bucket, so that adding documents touches only their buckets."""

    entity_of: Mapping[str, str]
    buckets: dict[BucketKey, _Bucket] = field(default_factory=dict)

    def add(self, new: Iterable[FigureRef]) -> GroupUpdate:
        """Add figures (repeated ids are skipped); return the groups touched and retired."""
        dirty: dict[BucketKey, list[GroupKey]] = {}
        touched: dict[GroupKey, FigureGroup] = {}
        for ref in new:
            placed = _place(ref, self.entity_of)
            if placed is None:
                continue
            key, subjects = placed
            bucket = self.buckets.setdefault(key, _Bucket())
            if ref.id in bucket.ids:
                continue
            bucket.ids.add(ref.id)
            bucket.refs.append((subjects, ref))
            if key in dirty:
                continue
            if subjects in bucket.target:  # a known subject set: append, no regrouping
                group = bucket.groups[bucket.target[subjects]]
                group.figures.append(ref)
                group.measure = group.measure or ref.figure.measure
                touched[group.key] = group
            else:
                dirty[key] = [g.key for g in bucket.groups.values()]
        retired: list[GroupKey] = []
        for key, old in dirty.items():
            bucket = self.buckets[key]
            bucket.regroup(key)
            now = {g.key: g for g in bucket.groups.values()}
            retired.extend(k for k in old if k not in now)
            touched.update(now)
        return GroupUpdate(touched=[touched[k] for k in touched if k not in retired],
                           retired=retired)

    def groups(self) -> list[FigureGroup]:
        """Return every group."""
        return [g for b in self.buckets.values() for g in b.groups.values()]


def group_figures(
    figures: Sequence[FigureRef], entity_of: Mapping[str, str],
) -> list[FigureGroup]:
    """Group figures by metric, subjects (unordered, subsets attached), unit, period, kind."""
    index = GroupIndex(entity_of)
    index.add(figures)
    return index.groups()


def _fits(subjects: Subjects, groups: list[FigureGroup]) -> FigureGroup | None:
    """Return the one group a subject set joins without regrouping, else None."""
    exact = [g for g in groups if g.subjects == subjects]
    if exact:
        return exact[0]
    mine = set(subjects)
    if any(set(g.subjects) == mine for g in groups):  # the reverse flow: a group of its own
        return None
    supersets = [g for g in groups if mine < set(g.subjects)]
    grows = any(set(g.subjects) < mine for g in groups)  # it would swallow a group
    return supersets[0] if len(supersets) == 1 and not grows else None


def update_groups(
    existing: list[FigureGroup], new: Sequence[FigureRef], entity_of: Mapping[str, str],
) -> list[FigureGroup]:
    """Return the groups with new figures added (touched groups are copies, not mutated).

    A figure whose subject set fits one group is appended to a copy of it; a bucket where
    a new subject set changes the grouping is rebuilt from its figures.
    """
    placed = [(p, ref) for ref in new if (p := _place(ref, entity_of))]
    wanted = {bucket for (bucket, _), _ in placed}
    by_bucket: dict[BucketKey, list[FigureGroup]] = {}
    out: dict[GroupKey, FigureGroup] = {}
    for group in existing:
        out[group.key] = group
        if group.bucket in wanted:
            by_bucket.setdefault(group.bucket, []).append(group)
    dirty: dict[BucketKey, list[FigureRef]] = {}
    copied: set[GroupKey] = set()
    for (bucket, subjects), ref in placed:
        fit = None if bucket in dirty else _fits(subjects, by_bucket.get(bucket, []))
        if fit is None:
            dirty.setdefault(bucket, []).append(ref)
            continue
        if fit.key not in copied:
            copied.add(fit.key)
            out[fit.key] = replace(fit, figures=list(fit.figures))
            by_bucket[bucket] = [out[g.key] for g in by_bucket[bucket]]
        target = out[fit.key]
        if all(r.id != ref.id for r in target.figures):
            target.figures.append(ref)
            target.measure = target.measure or ref.figure.measure
    for bucket, refs in dirty.items():
        index = GroupIndex(entity_of)
        for group in by_bucket.get(bucket, []):
            index.add(out.pop(group.key).figures)
        index.add(refs)
        out.update((g.key, g) for g in index.groups())
    return list(out.values())
