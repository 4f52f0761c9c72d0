"""Conflict verdicts from group summaries equal the verdicts over every figure of a group,
and summaries merge: a group's summary is the merge of its parts' summaries."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from dossier.model import Figure, FigureRef
from dossier.resolve.extremes import Summary, summarize, verdict
from dossier.resolve.figures import FigureGroup, find_conflicts, summarize_group
from dossier.resolve.tolerance import interval

# --- the verdict as it was written before summaries, over all figures (the reference) ---

Span = tuple[float, float, FigureRef]


def _ref_widest(spans: Sequence[Span], across: bool) -> tuple[float, FigureRef, FigureRef] | None:
    if len(spans) < 2:
        return None
    if not across:
        top = max(spans, key=lambda s: s[0])
        bottom = min(spans, key=lambda s: s[1])
        return top[0] - bottom[1], bottom[2], top[2]
    tops: dict[str, Span] = {}
    bottoms: dict[str, Span] = {}
    for span in spans:
        doc = span[2].document
        if doc not in tops or span[0] > tops[doc][0]:
            tops[doc] = span
        if doc not in bottoms or span[1] < bottoms[doc][1]:
            bottoms[doc] = span
    best = None
    for t in sorted(tops.values(), key=lambda s: -s[0])[:2]:
        for b in sorted(bottoms.values(), key=lambda s: s[1])[:2]:
            if t[2].document != b[2].document and (best is None or t[0] - b[1] > best[0]):
                best = (t[0] - b[1], b[2], t[2])
    return best


def _ref_points(refs: list[FigureRef], share: float, across: bool) -> tuple | None:
    found = _ref_widest([(r.figure.value or 0.0, r.figure.value or 0.0, r) for r in refs],
                        across)
    if found is None:
        return None
    gap, low, high = found
    return (low, high) if gap > share * abs(high.figure.value or 0.0) else None


def _ref_judge(refs: list[FigureRef], across: bool) -> tuple | None:
    if len(refs) < 2:
        return None
    for capped, severity in ((False, "high"), (True, "medium")):
        found = _ref_widest([(*interval(r.figure, capped=capped), r) for r in refs], across)
        if found and found[0] > 0:
            return severity, (found[1], found[2])
    more = [r for r in refs if r.figure.vague or r.figure.approx == "more_than"]
    less = [r for r in refs if r.figure.approx == "less_than" and not r.figure.vague]
    exact = [r for r in refs if r.figure.approx == "exact" and not r.figure.vague
             and r.figure.upper is None]
    pair = (_ref_points(more, 0.10, across) or _ref_points(less, 0.10, across)
            or _ref_points(exact, 0.01, across))
    return ("low", pair) if pair else None


# --- random groups with many ties ------------------------------------------------------


def _figures(rng: random.Random, n: int, docs: int) -> list[FigureRef]:
    out = []
    for i in range(n):
        value = rng.choice([10.0, 10.0, 10.4, 11.0, 12.0, 15.0, 20.0, 0.0])
        fig = Figure(sentence=0, start=0, end=0, surface="", quote="", value=value, unit="USD",
                     metric="trade_turnover", period="2024",
                     approx=rng.choice(["exact", "exact", "about", "more_than", "less_than",
                                        "almost"]),  # type: ignore[arg-type]
                     vague=rng.random() < 0.1,
                     upper=value + rng.choice([1.0, 5.0]) if rng.random() < 0.15 else None,
                     measure=rng.choice([None, None, "trade", "turnover"]))
        out.append(FigureRef(id=f"f{i}", document=f"d{rng.randrange(docs)}", figure=fig))
    return out


def _group(refs: list[FigureRef], loose: bool) -> FigureGroup:
    what = "measure:trade" if loose else "trade_turnover"
    return FigureGroup(key=(what, ("a", "b"), "USD", "2024", "actual"), metric=None,
                       measure=None, subjects=("a", "b"), unit="USD", period="2024",
                       kind="actual", figures=refs)


@pytest.mark.parametrize("loose", [False, True])
@pytest.mark.parametrize("seed", range(12))
def test_summary_verdict_equals_verdict_over_all_figures(seed: int, loose: bool) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        refs = _figures(rng, rng.randrange(1, 14), rng.randrange(1, 5))
        expected = _ref_judge(refs, loose)
        found = verdict(summarize_group(_group(refs, loose)))
        got = None if found is None else (found[0], (refs[found[1][0]], refs[found[1][1]]))
        assert got == expected


def _stored(refs: list[FigureRef]) -> list[tuple]:
    """(pos, doc, ref, figure) as a stored group orders them: by (document, seq)."""
    rows = [((r.document, int(r.id[1:])), r.document, r.id, r.figure) for r in refs]
    return sorted(rows, key=lambda row: row[0])


@pytest.mark.parametrize("loose", [False, True])
@pytest.mark.parametrize("seed", range(8))
def test_summary_of_parts_merges_into_summary_of_whole(seed: int, loose: bool) -> None:
    rng = random.Random(100 + seed)
    for _ in range(30):
        refs = _figures(rng, rng.randrange(2, 16), rng.randrange(1, 6))
        parts: list[list[FigureRef]] = [[] for _ in range(rng.randrange(1, 4))]
        for r in refs:
            rng.choice(parts).append(r)
        merged = Summary(loose)
        for part in parts:
            merged = merged.merge(summarize(_stored(part), loose))
        whole = summarize(_stored(refs), loose)
        assert merged.to_data() == whole.to_data()
        assert verdict(merged) == verdict(whole)
        assert Summary.from_data(whole.to_data()) == whole


def test_summary_keeps_the_earlier_of_two_equal_figures() -> None:
    rng = random.Random(3)
    refs = _figures(rng, 2, 1)
    for r in refs:
        r.figure.value, r.figure.approx, r.figure.upper, r.figure.vague = 5.0, "exact", None, False
    summary = summarize(_stored(refs), False)
    assert summary.lanes["u"].tops[0][3] == "f0" and summary.lanes["u"].bottoms[0][3] == "f0"


def test_loose_group_disagrees_only_across_documents() -> None:
    rng = random.Random(5)
    refs = _figures(rng, 2, 1)
    refs[0].figure.value, refs[1].figure.value = 10.0, 40.0
    for r in refs:
        r.figure.approx, r.figure.upper, r.figure.vague = "exact", None, False
    assert find_conflicts([_group(refs, True)]) == []
    refs[1].document = "d9"
    assert [c.severity for c in find_conflicts([_group(refs, True)])] == ["medium"]
