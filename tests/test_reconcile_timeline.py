"""Timeline: events and agreements in date order, partial dates at their month or year."""

from __future__ import annotations

import pytest

from dossier.model import Agreement, Event
from dossier.resolve.timeline import normalise_period, period_bounds, period_sort_key, timeline

ALIASES = {"person:putin": "e-putin", "person:vladimir putin": "e-putin", "place:astana": "e-ast"}

# Titles as each language's reports would give them; dates as partial as the texts are.
EVENTS = [
    ("v1", "visit", "2025-11-12", "Визит Токаева в Москву", ["person:tokayev", "person:putin"]),
    ("v2", "forum", "2025-11", "Forum interregionale a Uralsk", ["person:tokayev"]),
    ("v3", "visit", "2024-11-27", "Putin's state visit to Astana", ["person:vladimir putin"]),
    ("v4", "visit", "2026", "Visita de Putin ao Cazaquistão", ["person:putin"]),
    ("v5", "meeting", "--11-27", "Reunión de cancilleres", ["person:lavrov"]),
    ("v6", "statement", None, "Erklärung zur Energiepartnerschaft", ["person:tokayev"]),
    ("v7", "meeting", "2025", "Astana'da hükümetlerarası komisyon toplantısı", ["person:putin"]),
]
AGREEMENTS = [
    ("a1", "2025-11-12", "Declaration on a comprehensive strategic partnership", "declaration"),
    ("a2", "2025", "Бағдарлама 2026–2030", "programme"),
]


def events() -> list[Event]:
    """Return fused events with their reporting documents."""
    return [Event(id=i, type=t, date=d, title=title, actors=actors,  # type: ignore[arg-type]
                  documents=[f"doc-{i}"]) for i, t, d, title, actors in EVENTS]


def agreements() -> list[Agreement]:
    """Return fused agreements."""
    return [Agreement(id=i, date=d, title=title, kind=kind,
                      parties=["country:RU", "country:KZ"], documents=[f"doc-{i}"])
            for i, d, title, kind in AGREEMENTS]


def test_reconcile_timeline_orders_partial_dates() -> None:
    items = timeline(events(), agreements())
    assert [i.id for i in items] == ["v3", "v7", "a2", "v2", "v1", "a1", "v4", "v5", "v6"]
    precision = {i.id: i.precision for i in items}
    assert precision == {"v3": "day", "v7": "year", "a2": "year", "v2": "month", "v1": "day",
                         "a1": "day", "v4": "year", "v5": "no_year", "v6": "unknown"}
    assert next(i for i in items if i.id == "a1").documents == ["doc-a1"]


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2025", None, ["v7", "a2", "v2", "v1", "a1", "v4"]),
    ("2025-11-12", "2025-11-30", ["v7", "a2", "v2", "v1", "a1"]),  # the year and month overlap
    (None, "2024", ["v3"]),
    ("2025-12", "2025-12", ["v7", "a2"]),
])
def test_reconcile_timeline_filters_by_period(start: str | None, end: str | None,
                                              expected: list[str]) -> None:
    assert [i.id for i in timeline(events(), agreements(), start=start, end=end)] == expected


@pytest.mark.parametrize(("entity", "expected"), [
    ("e-putin", ["v3", "v7", "v1", "v4"]),  # every key of the same person
    ("person:putin", ["v3", "v7", "v1", "v4"]),
    ("country:KZ", ["a2", "a1"]),
])
def test_reconcile_timeline_filters_by_entity(entity: str, expected: list[str]) -> None:
    items = timeline(events(), agreements(), entity=entity, entity_of=ALIASES)
    assert [i.id for i in items] == expected


def test_reconcile_timeline_rejects_bad_dates() -> None:
    with pytest.raises(ValueError, match="YYYY"):
        timeline(events(), agreements(), start="last week")


@pytest.mark.parametrize(("period", "first", "last"), [
    ("2024", "2024-01-01", "2024-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2025-01/2025-09", "2025-01-01", "2025-09-30"),
    ("2025-11-12", "2025-11-12", "2025-11-12"),
])
def test_reconcile_period_bounds(period: str, first: str, last: str) -> None:
    bounds = period_bounds(period)
    assert bounds is not None
    assert (bounds[0].isoformat(), bounds[1].isoformat()) == (first, last)


@pytest.mark.parametrize("period", ["--11-27", "", None, "next year", "2025-13"])
def test_reconcile_period_bounds_unknown(period: str | None) -> None:
    assert period_bounds(period) is None


def test_reconcile_period_sort_partial_by_end() -> None:
    periods = [None, "2025", "2025-01/2025-09", "2023", "2024-01/2024-09", "2024"]
    assert sorted(periods, key=period_sort_key) == [
        "2023", "2024-01/2024-09", "2024", "2025-01/2025-09", "2025", None]


@pytest.mark.parametrize(("period", "expected"), [
    ("2024-01/2024-12", "2024"), (" 2024 ", "2024"), ("2024-01/2024-09", "2024-01/2024-09"),
    ("", None),
])
def test_reconcile_normalise_period(period: str, expected: str | None) -> None:
    assert normalise_period(period) == expected
