"""Group summaries: the few figures a conflict verdict depends on.

A verdict (:func:`dossier.resolve.figures.find_conflicts`) compares extremes of a group: the
highest lower bound against the lowest upper bound of the figures' intervals (uncapped, then
capped), and the highest against the lowest value among the "over" bounds, the "under"
bounds and the exact figures. So a :class:`Summary` keeps, for each of these five *lanes*,
the top and the bottom figure, with the group's size, value range and first measure words:
enough to judge the group and to update the verdict when figures are added, without the
group's other figures. Summaries merge (the summary of a union of figures is the merge of
their summaries), so a group made of several subject-set cells
(:mod:`dossier.resolve.groups`) is judged from its cells' summaries
(:mod:`dossier.scale.figstate`).

In a *loose* group only figures of different documents may disagree; the best pair is among
the two documents with the highest lower bounds and the two with the lowest upper bounds,
so a loose lane keeps two documents per side (a document's best figure each). Merging keeps
that exact: a document among the two best of a union is among the two best of the part its
best figure came from.

Ties go to the figure first in the group's order. Each entry carries its position ``pos``
in that order and a document key ``doc`` that orders documents as their first figures do:
for a stored group, listed in (document, seq) order, ``pos`` is (document id, seq) and
``doc`` the document id; for a list in memory, the index and the index of the document's
first figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dossier.model import Figure
from dossier.resolve.tolerance import interval

__all__ = ["BOUNDS_APART", "EXACT_APART", "Entry", "Lane", "Summary", "summarize", "verdict"]

BOUNDS_APART = 0.10  # same-direction thresholds further apart than this are a low conflict
EXACT_APART = 0.01  # exact figures further apart than this (share of the larger) are low

#: (value, pos, doc, ref): a figure's bound or value in a lane, its place in the group's
#: order, its document's key, and what names the figure (an index or a figure id)
Entry = tuple[float, Any, Any, Any]
LANES = ("u", "c", "m", "l", "x")  # uncapped, capped, over-bounds, under-bounds, exact


@dataclass(slots=True)
class Lane:
    """The figures of one lane that can be an extreme: ``tops`` by highest value (lower
    bounds), ``bottoms`` by lowest value (upper bounds), best first."""

    count: int = 0
    tops: list[Entry] = field(default_factory=list)
    bottoms: list[Entry] = field(default_factory=list)

    def add(self, top: Entry, bottom: Entry, loose: bool) -> None:
        """Add one figure's entries."""
        self.count += 1
        if loose:
            self.tops = _best([*self.tops, top], -1.0)
            self.bottoms = _best([*self.bottoms, bottom], 1.0)
            return
        if not self.tops or (-top[0], top[1]) < (-self.tops[0][0], self.tops[0][1]):
            self.tops = [top]
        if not self.bottoms or (bottom[0], bottom[1]) < (self.bottoms[0][0],
                                                         self.bottoms[0][1]):
            self.bottoms = [bottom]

    def merge(self, other: Lane, loose: bool) -> Lane:
        """Return the lane of both lanes' figures (disjoint sets of figures)."""
        if loose:
            return Lane(self.count + other.count, _best([*self.tops, *other.tops], -1.0),
                        _best([*self.bottoms, *other.bottoms], 1.0))
        tops = sorted([*self.tops, *other.tops], key=lambda e: (-e[0], e[1]))[:1]
        bottoms = sorted([*self.bottoms, *other.bottoms], key=lambda e: (e[0], e[1]))[:1]
        return Lane(self.count + other.count, tops, bottoms)

    def widest(self, loose: bool) -> tuple[float, Entry, Entry] | None:
        """Return (gap, bottom, top): the top's value minus the bottom's, the widest pair
        (of different documents when ``loose``)."""
        if self.count < 2:
            return None
        if not loose:
            top, bottom = self.tops[0], self.bottoms[0]
            return top[0] - bottom[0], bottom, top
        best: tuple[float, Entry, Entry] | None = None
        for t in self.tops:
            for b in self.bottoms:
                if t[2] != b[2] and (best is None or t[0] - b[0] > best[0]):
                    best = (t[0] - b[0], b, t)
        return best


def _best(entries: list[Entry], sign: float) -> list[Entry]:
    """Return the two best documents' entries (``sign`` -1: highest value first), each
    document's best entry (the first in order among equals), documents ranked by value,
    then by their order."""
    per: dict[Any, Entry] = {}
    for e in entries:
        cur = per.get(e[2])
        if cur is None or (sign * e[0], e[1]) < (sign * cur[0], cur[1]):
            per[e[2]] = e
    return sorted(per.values(), key=lambda e: (sign * e[0], e[2]))[:2]


@dataclass(slots=True)
class Summary:
    """What a group's verdict and its conflict's range and measure depend on."""

    loose: bool
    n: int = 0
    low: float = float("inf")  # the lowest and highest stated value (ranges: both ends)
    high: float = float("-inf")
    measure: tuple[Any, str] | None = None  # (pos, words) of the first figure with words
    lanes: dict[str, Lane] = field(default_factory=dict)

    def add(self, pos: Any, doc: Any, ref: Any, fig: Figure) -> None:
        """Add one figure (grouped figures have a value)."""
        self.n += 1
        if fig.value is not None:
            values = (fig.value,) if fig.upper is None else (fig.value, fig.upper)
            self.low, self.high = min(self.low, *values), max(self.high, *values)
        if fig.measure and (self.measure is None or pos < self.measure[0]):
            self.measure = (pos, fig.measure)
        for lane, (lo, hi) in _lanes(fig):
            self.lanes.setdefault(lane, Lane()).add((lo, pos, doc, ref), (hi, pos, doc, ref),
                                                    self.loose)

    def merge(self, other: Summary) -> Summary:
        """Return the summary of both summaries' figures (disjoint sets of figures)."""
        measure = min((m for m in (self.measure, other.measure) if m is not None),
                      key=lambda m: m[0], default=None)
        lanes = dict(self.lanes)
        for name, lane in other.lanes.items():
            lanes[name] = lanes[name].merge(lane, self.loose) if name in lanes else lane
        return Summary(self.loose, self.n + other.n, min(self.low, other.low),
                       max(self.high, other.high), measure, lanes)

    def to_data(self) -> list[Any]:
        """Return the summary as JSON-ready lists (``pos`` and ``doc`` must be JSON too)."""
        lanes = {k: [v.count, [list(e) for e in v.tops], [list(e) for e in v.bottoms]]
                 for k, v in self.lanes.items()}
        measure = list(self.measure) if self.measure else None
        return [self.loose, self.n, self.low, self.high, measure, lanes]

    @classmethod
    def from_data(cls, data: list[Any]) -> Summary:
        """Return a summary written by :meth:`to_data` (list positions become tuples)."""
        loose, n, low, high, measure, lanes = data
        return cls(loose, n, low, high,
                   (_tuple(measure[0]), measure[1]) if measure else None,
                   {k: Lane(count, [_entry(e) for e in tops], [_entry(e) for e in bottoms])
                    for k, (count, tops, bottoms) in lanes.items()})


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _entry(e: list[Any]) -> Entry:
    return (e[0], _tuple(e[1]), e[2], e[3])


def _lanes(fig: Figure) -> Iterable[tuple[str, tuple[float, float]]]:
    """Yield (lane, (bound for the top side, bound for the bottom side)) of a figure."""
    yield "u", interval(fig, capped=False)
    yield "c", interval(fig, capped=True)
    v = fig.value or 0.0
    if fig.vague or fig.approx == "more_than":
        yield "m", (v, v)
    elif fig.approx == "less_than":
        yield "l", (v, v)
    if fig.approx == "exact" and not fig.vague and fig.upper is None:
        yield "x", (v, v)


def summarize(figures: Sequence[tuple[Any, Any, Any, Figure]], loose: bool) -> Summary:
    """Return the summary of (pos, doc, ref, figure) in the group's order."""
    out = Summary(loose)
    for pos, doc, ref, fig in figures:
        out.add(pos, doc, ref, fig)
    return out


def verdict(summary: Summary) -> tuple[str, tuple[Any, Any]] | None:
    """Return the severity and the refs of the two figures that disagree most (the lower
    first), or None when the group's figures agree.

    high: the intervals share no point even with open bounds left open; medium: only the
    cap on open bounds separates them; low: two same-direction bounds more than
    ``BOUNDS_APART`` apart, or two exact figures more than ``EXACT_APART`` apart.
    """
    if summary.n < 2:
        return None
    loose = summary.loose
    for name, severity in (("u", "high"), ("c", "medium")):
        found = summary.lanes[name].widest(loose)
        if found and found[0] > 0:
            return severity, (found[1][3], found[2][3])
    for name, share in (("m", BOUNDS_APART), ("l", BOUNDS_APART), ("x", EXACT_APART)):
        lane = summary.lanes.get(name)
        found = lane.widest(loose) if lane else None
        if found and found[0] > share * abs(found[2][0]):
            return "low", (found[1][3], found[2][3])
    return None
