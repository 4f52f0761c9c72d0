"""Tolerances: when do two figures about the same thing agree, and how badly do they not."""

from __future__ import annotations

import math

import pytest

from dossier.model import Figure, FigureRef
from dossier.resolve.figures import find_conflicts, group_figures, interval, rounding

RU_KZ = ["country:RU", "country:KZ"]


def ref(fid: str, value: float, approx: str = "exact", *, unit: str = "USD",
        quote: str = "", vague: bool = False, upper: float | None = None) -> FigureRef:
    """Build a stored 2024 trade-turnover figure as an extractor would hand it over."""
    fig = Figure(sentence=0, start=0, end=0, surface=str(value), quote=quote, value=value,
                 unit=unit, metric="trade_turnover", period="2024", approx=approx,  # type: ignore[arg-type]
                 subjects=list(RU_KZ), vague=vague, upper=upper)
    return FigureRef(id=fid, document=f"doc-{fid}", figure=fig)


def severity(*refs: FigureRef) -> str | None:
    """Return the severity of the one conflict among refs, or None when they agree."""
    conflicts = find_conflicts(group_figures(refs, {}))
    assert len(conflicts) <= 1
    return conflicts[0].severity if conflicts else None


@pytest.mark.parametrize(("value", "expected"), [
    (27.8e9, 0.0025 * 27.8e9),  # floor: half the last place (0.05 bn) is under 0.25 %
    (28e9, 0.5e9),  # rounded to whole billions
    (1156, 0.5 * 1156 / 200),  # half a unit: the 0.25 % floor (2.89) beats 0.5
    (9, 0.05 * 9),  # cap: a count of 9 is not 8.5
    (20000, 0.05 * 20000),  # trailing zeros do not say how it was rounded
])
def test_reconcile_rounding_follows_significant_digits(value: float, expected: float) -> None:
    assert math.isclose(rounding(value), expected, rel_tol=1e-9)


@pytest.mark.parametrize(("approx", "vague", "low", "high"), [
    ("exact", False, 95.0, 105.0),  # a round 100 may be rounded: the 5 % cap
    ("about", False, 90.0, 110.0),
    ("more_than", False, 99.75, 150.0),
    ("less_than", False, 0.0, 100.25),
    ("almost", False, 90.0, 100.25),
    ("more_than", True, 100.0, 1000.0),
])
def test_reconcile_interval_per_qualifier(approx: str, vague: bool, low: float,
                                          high: float) -> None:
    lo, hi = interval(ref("f", 100.0, approx, vague=vague).figure)
    assert (round(lo, 6), round(hi, 6)) == (low, high)


def test_reconcile_interval_of_range_widens_both_ends() -> None:
    lo, hi = interval(ref("f", 20e9, "about", upper=25e9).figure)
    assert lo < 20e9 and hi > 25e9


@pytest.mark.parametrize(("a", "b", "expected"), [
    (("27.8", 27.8e9, "exact"), ("28.7", 28.7e9, "exact"), "high"),
    (("27.8", 27.8e9, "exact"), ("28", 28e9, "exact"), None),  # 28 is 27.8 rounded
    (("28", 28e9, "exact"), ("28.7", 28.7e9, "exact"), "high"),
    (("about 28", 28e9, "about"), ("28.7", 28.7e9, "exact"), None),
    (("about 10", 10e9, "about"), ("about 27", 27e9, "about"), "high"),
    (("about 9", 9e9, "about"), ("about 10", 10e9, "about"), None),
    (("27.8", 27.8e9, "exact"), ("over 28", 28e9, "more_than"), "high"),
    (("over 20", 20e9, "more_than"), ("27", 27e9, "exact"), None),
    (("over 10", 10e9, "more_than"), ("27", 27e9, "exact"), "medium"),  # only the cap
    (("over 17k", 17000, "more_than"), ("over 20k", 20000, "more_than"), "low"),
    (("under 5", 5e9, "less_than"), ("under 8", 8e9, "less_than"), "low"),
    (("almost 100", 100, "almost"), ("96", 96, "exact"), None),
    (("almost 100", 100, "almost"), ("80", 80, "exact"), "high"),
    (("under 5", 5e9, "less_than"), ("7", 7e9, "exact"), "high"),
    (("8", 8, "exact"), ("9", 9, "exact"), "high"),
    (("18,000", 18000, "exact"), ("20,000", 20000, "exact"), "high"),
    (("20,490", 20490, "exact"), ("20,000", 20000, "exact"), "low"),  # rounded, yet 2.4 % apart
    (("244.8", 244.8e9, "exact"), ("240", 240e9, "exact"), "low"),  # Russia–China 2024, 2 %
    (("27.8", 27.8e9, "exact"), ("27.9", 27.9e9, "exact"), None),  # 0.4 %: within rounding
    (("about 240", 240e9, "about"), ("244.8", 244.8e9, "exact"), None),  # "about" allows it
    (("over 22", 22e9, "more_than"), ("over 23", 23e9, "more_than"), None),  # within 10 %
    (("over 170", 170, "more_than"), ("175", 175, "exact"), None),
    (("70", 70, "exact"), ("175", 175, "exact"), "high"),
])
def test_reconcile_pair_agreement(a: tuple[str, float, str], b: tuple[str, float, str],
                                  expected: str | None) -> None:
    unit = "USD" if a[1] > 1e6 else "count"
    first = ref("a", a[1], a[2], unit=unit, quote=a[0])
    second = ref("b", b[1], b[2], unit=unit, quote=b[0])
    assert severity(first, second) == expected
    assert severity(second, first) == expected  # order never matters


def test_reconcile_vague_lower_bound_meets_values_within_ten_times() -> None:
    tens = ref("t", 10e9, "more_than", vague=True, quote="tens of billions of dollars")
    assert severity(tens, ref("x", 50e9)) is None
    assert severity(tens, ref("y", 5e9)) == "high"


def test_reconcile_conflict_spread_and_reason() -> None:
    refs = [ref("a", 27.8e9), ref("b", 28e9, "about"), ref("c", 28.7e9)]
    (conflict,) = find_conflicts(group_figures(refs, {}))
    assert (conflict.low, conflict.high) == (27.8e9, 28.7e9)
    assert conflict.figures == ["a", "b", "c"]
    assert "27.8 bn" in conflict.reason and "28.7 bn" in conflict.reason


def test_reconcile_min_severity_hides_low_conflicts() -> None:
    refs = [ref("a", 17000, "more_than", unit="count"), ref("b", 20000, "more_than",
                                                             unit="count")]
    groups = group_figures(refs, {})
    assert len(find_conflicts(groups)) == 1
    assert find_conflicts(groups, min_severity="medium") == []
