"""Grouping: which figures are about the same thing, across documents and languages."""

from __future__ import annotations

import random

import pytest

from dossier.model import Figure, FigureRef
from dossier.resolve.figures import (
    GroupIndex,
    conflict_id,
    find_conflicts,
    group_figures,
    update_groups,
)

# The same 2024 Russia–Kazakhstan turnover as reported in each language we read.
QUOTES = {
    "en": ("Trade between Kazakhstan and Russia reached $27.8 billion last year.", 27.8e9),
    "pt": ("O comércio entre a Rússia e o Cazaquistão chegou a 28,7 bilhões de dólares.", 28.7e9),
    "it": ("L'interscambio commerciale ha raggiunto i $27,8 miliardi di dollari USA.", 27.8e9),
    "es": ("El comercio bilateral alcanzó los 28.700 millones de dólares en 2024.", 28.7e9),
    "fr": ("Les échanges commerciaux ont atteint 27,8 milliards de dollars en 2024.", 27.8e9),
    "de": ("Der Handelsumsatz erreichte 2024 rund 28,7 Milliarden US-Dollar.", 28.7e9),
    "ru": ("Товарооборот в 2024 году составил 27,8 млрд долларов.", 27.8e9),
    "tr": ("İki ülke arasındaki ticaret hacmi 2024'te 28,7 milyar dolara ulaştı.", 28.7e9),
    "kk": ("2024 жылы тауар айналымы 27,8 млрд долларды құрады.", 27.8e9),
}
ALIASES = {"country:RU": "e-ru", "country:RUS": "e-ru", "country:KZ": "e-kz",
           "gpe:kazakhstan": "e-kz"}


def ref(fid: str, value: float | None, *, doc: str = "d1", metric: str | None = "trade_turnover",
        measure: str | None = None, unit: str | None = "USD", period: str | None = "2024",
        kind: str = "actual", approx: str = "exact", subjects: list[str] | None = None,
        quote: str = "") -> FigureRef:
    """Build a stored figure."""
    fig = Figure(sentence=0, start=0, end=0, surface="", quote=quote, value=value, unit=unit,
                 measure=measure, metric=metric, period=period, kind=kind,  # type: ignore[arg-type]
                 approx=approx, subjects=subjects if subjects is not None  # type: ignore[arg-type]
                 else ["country:RU", "country:KZ"])
    return FigureRef(id=fid, document=doc, figure=fig)


@pytest.mark.parametrize("lang", sorted(QUOTES))
def test_reconcile_groups_across_languages_and_subject_order(lang: str) -> None:
    quote, value = QUOTES[lang]
    other = "it" if lang != "it" else "en"
    mine = ref(f"f-{lang}", value, doc=f"doc-{lang}", quote=quote,
               subjects=["gpe:kazakhstan", "country:RUS"])
    theirs = ref(f"f-{other}", QUOTES[other][1], doc=f"doc-{other}", quote=QUOTES[other][0],
                 subjects=["country:RU", "country:KZ"])
    groups = group_figures([mine, theirs], ALIASES)
    assert len(groups) == 1
    assert groups[0].subjects == ("e-kz", "e-ru")
    conflicts = find_conflicts(groups)
    assert len(conflicts) == (value != QUOTES[other][1])


@pytest.mark.parametrize(("field", "a", "b"), [
    ("period", "2023", "2024"),  # a series, not a conflict
    ("kind", "target", "actual"),  # a target is not a conflicting actual
    ("kind", "forecast", "actual"),
    ("unit", "USD", "EUR"),  # never compare currencies
    ("metric", "exports", "imports"),
    ("subjects", ["country:RU", "country:KZ"], ["country:RU", "country:UZ"]),
])
def test_reconcile_never_groups_different(field: str, a: object, b: object) -> None:
    first = ref("a", 28e9, **{field: a})  # type: ignore[arg-type]
    second = ref("b", 10e9, **{field: b})  # type: ignore[arg-type]
    groups = group_figures([first, second], {})
    assert len(groups) == 2
    assert find_conflicts(groups, kinds=("actual", "target", "forecast")) == []


@pytest.mark.parametrize(("measure_a", "measure_b"), [
    ("Russian universities' branches", "russian universities branches"),
    ("Kazakh students in Russia", "KAZAKH STUDENTS IN RUSSIA"),
    ("gas transit volume", "Gas-transit volume"),
])
def test_reconcile_groups_same_measure_without_metric(measure_a: str, measure_b: str) -> None:
    a = ref("a", 8, doc="d1", metric=None, measure=measure_a, unit="count", period=None)
    b = ref("b", 9, doc="d2", metric=None, measure=measure_b, unit="count", period=None)
    groups = group_figures([a, b], {})
    assert len(groups) == 1 and groups[0].metric is None
    assert [c.severity for c in find_conflicts(groups)] == ["medium"]  # words, not a metric


def test_reconcile_measure_spelling_a_metric_joins_that_metric() -> None:
    a = ref("a", 27.8e9, metric="trade_turnover")
    b = ref("b", 28.7e9, metric=None, measure="Trade turnover")
    (group,) = group_figures([a, b], {})
    assert group.metric == "trade_turnover"


def test_reconcile_skips_figures_without_value_or_measure() -> None:
    groups = group_figures([ref("a", None), ref("b", 5.0, metric=None, measure=None)], {})
    assert groups == []


def test_reconcile_whole_year_range_is_that_year() -> None:
    a = ref("a", 27.8e9, period="2024-01/2024-12")
    b = ref("b", 28.7e9, period="2024")
    (group,) = group_figures([a, b], {})
    assert group.period == "2024"


def synthetic(n: int, seed: int) -> list[FigureRef]:
    """Return n figures over a few metrics, pairs and years, some of them disagreeing."""
    rng = random.Random(seed)
    pairs = [["country:RU", "country:KZ"], ["country:KZ", "country:CN"],
             ["country:TR", "country:KZ"], ["country:RU"], ["country:TR"], [],
             ["country:RU", "country:KZ", "country:US"]]
    out = []
    for i in range(n):
        base = 1e9 * (1 + rng.randrange(5))
        out.append(ref(f"f{i}", base * rng.choice([1.0, 1.0, 1.6]), doc=f"d{i // 4}",
                       metric=rng.choice(["exports", "imports", "investment"]),
                       period=str(rng.randrange(2019, 2025)), subjects=rng.choice(pairs)))
    return out


@pytest.mark.parametrize(("seed", "cut"), [(1, 300), (2, 390), (3, 50), (4, 399)])
def test_reconcile_incremental_equals_full_build(seed: int, cut: int) -> None:
    figures = synthetic(400, seed)
    full = group_figures(figures, {})
    grown = group_figures(figures[:cut], {})
    grown = update_groups(grown, figures[cut:], {})
    assert {g.key: [r.id for r in g.figures] for g in grown} == {
        g.key: [r.id for r in g.figures] for g in full}
    assert [c.id for c in find_conflicts(grown)] == [c.id for c in find_conflicts(full)]


def test_reconcile_incremental_touches_only_new_groups() -> None:
    index = GroupIndex({})
    index.add([ref("a", 27.8e9), ref("b", 20e9, period="2023")])
    update = index.add([ref("c", 28.7e9), ref("a", 27.8e9)])  # "a" is a repeat
    assert [g.period for g in update.touched] == ["2024"] and update.retired == []
    assert [r.id for r in update.touched[0].figures] == ["a", "c"]
    (conflict,) = find_conflicts(update.touched)
    assert conflict.id == conflict_id(update.touched[0].key)


def test_reconcile_incremental_new_subject_set_regroups_its_bucket() -> None:
    index = GroupIndex({})
    index.add([ref("a", 27.8e9, subjects=["country:KZ"])])
    update = index.add([ref("b", 28.7e9, subjects=["country:KZ", "country:RU"])])
    assert [g.subjects for g in update.touched] == [("country:KZ", "country:RU")]
    assert update.retired == [("trade_turnover", ("country:KZ",), "USD", "2024", "actual")]
    assert [r.id for r in update.touched[0].figures] == ["a", "b"]


def test_reconcile_conflict_ids_are_stable_across_runs_and_order() -> None:
    figures = synthetic(200, 7)
    first = [c.id for c in find_conflicts(group_figures(figures, {}))]
    second = [c.id for c in find_conflicts(group_figures(list(reversed(figures)), {}))]
    assert first and first == second


@pytest.mark.parametrize(("kinds", "expected"), [
    (("actual",), []),
    (("actual", "target"), ["target"]),
])
def test_reconcile_targets_compared_only_when_asked(kinds: tuple[str, ...],
                                                    expected: list[str]) -> None:
    refs = [ref("a", 30e9, kind="target", period="2025"),
            ref("b", 50e9, kind="target", period="2025")]
    groups = group_figures(refs, {})
    assert [g.kind for g in groups for _ in find_conflicts([g], kinds=kinds)] == expected


def test_reconcile_conflict_names_speakers_and_documents() -> None:
    a = ref("a", 8, doc="d-it", unit="count", metric="universities", period=None)
    b = ref("b", 9, doc="d-pt", unit="count", metric="universities", period=None)
    a.figure.speaker, b.figure.speaker = "person:putin", "person:tokayev"
    aliases = {"person:putin": "e1", "person:tokayev": "e2"}
    (conflict,) = find_conflicts(group_figures([a, b], aliases), entity_of=aliases,
                                 names={"e1": "Vladimir Putin"})
    assert conflict.speakers == ["e1", "e2"] and conflict.documents == ["d-it", "d-pt"]
    assert "Vladimir Putin" in conflict.reason and "e2" in conflict.reason


@pytest.mark.parametrize(("lang", "partial"), [
    ("it", ["country:KZ"]),  # "l'interscambio ha raggiunto i $28,7 miliardi": one side named
    ("pt", []),  # no subject found at all
    ("en", ["country:KZ", "country:RU", "country:US"]),  # noise: "US dollars" as a subject
])
def test_reconcile_subset_of_one_pair_joins_it(lang: str, partial: list[str]) -> None:
    full = ref("full", 27.8e9, subjects=["country:RU", "country:KZ"], quote=QUOTES["en"][0])
    other = ref(lang, 28.7e9, subjects=partial, quote=QUOTES[lang][0])
    groups = group_figures([full, other], {})
    assert len(groups) == 1 and len(find_conflicts(groups)) == 1


def test_reconcile_subset_of_two_pairs_stays_alone() -> None:
    refs = [ref("a", 27.8e9, subjects=["country:RU", "country:KZ"]),
            ref("b", 18e9, subjects=["country:CN", "country:KZ"]),
            ref("c", 81e9, subjects=["country:KZ"])]  # which pair? neither can be told
    groups = group_figures(refs, {})
    assert sorted(len(g.figures) for g in groups) == [1, 1, 1]
    assert find_conflicts(groups) == []


@pytest.mark.parametrize("seed", [5, 6])
def test_reconcile_index_add_equals_full_build(seed: int) -> None:
    figures = synthetic(400, seed)
    index = GroupIndex({})
    for start in range(0, 400, 37):  # documents arriving in small batches
        index.add(figures[start:start + 37])
    full = {g.key: [r.id for r in g.figures] for g in group_figures(figures, {})}
    assert {g.key: [r.id for r in g.figures] for g in index.groups()} == full
