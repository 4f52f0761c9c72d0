"""The seed situation, hand-built: the five conflicts, the $30 bn target and the series."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from dossier.extract.direction import DirectionStage
from dossier.model import Document, Figure, FigureRef
from dossier.pipeline import build_pipeline
from dossier.resolve.figures import (
    find_conflicts,
    group_figures,
    series,
    targets_vs_actuals,
)

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
PUTIN, TOKAYEV = "person:vladimir putin", "person:kassym-jomart tokayev"
NAMES = {PUTIN: "Putin", TOKAYEV: "Tokayev"}
# (value, unit, metric, period, kind, approx, speaker, document, vague) as the seeds report them
SEED = [
    (28e9, "USD", "trade_turnover", "2023", "actual", "exact", None, "002", False),
    (20e9, "USD", "trade_turnover", "2024-01/2024-09", "actual", "more_than", None, "002", False),
    (30e9, "USD", "trade_turnover", "2025", "target", "exact", None, "002", False),
    (1e4, "count", "students", None, "actual", "more_than", None, "002", True),
    (170, "count", "joint_projects", None, "actual", "more_than", TOKAYEV, "003", False),
    (27.8e9, "USD", "trade_turnover", "2024", "actual", "exact", PUTIN, "004", False),
    (20e9, "USD", "trade_turnover", "2025-01/2025-09", "actual", "exact", PUTIN, "004", False),
    (27e9, "USD", "investment_stock", None, "actual", "about", PUTIN, "004", False),
    (27.8e9, "USD", "trade_turnover", "2024", "actual", "exact", TOKAYEV, "004", False),
    (30e9, "USD", "trade_turnover", None, "target", "exact", TOKAYEV, "004", False),
    (28e9, "USD", "trade_turnover", "2024", "actual", "more_than", TOKAYEV, "004", False),
    (4e9, "USD", "investment", "2024", "actual", "exact", TOKAYEV, "004", False),
    (20000, "count", "companies", None, "actual", "more_than", TOKAYEV, "004", False),
    (9, "count", "universities", None, "actual", "exact", TOKAYEV, "004", False),
    (8, "count", "universities", None, "actual", "exact", PUTIN, "004", False),
    (28.7e9, "USD", "trade_turnover", "2024", "actual", "exact", PUTIN, "004", False),
    (10e9, "USD", "investment_stock", None, "actual", "about", PUTIN, "004", False),
    (17000, "count", "companies", None, "actual", "more_than", PUTIN, "004", False),
    (70, "count", "joint_projects", None, "actual", "exact", PUTIN, "004", False),
    (55000, "count", "students", None, "actual", "about", PUTIN, "004", False),
    (28e9, "USD", "trade_turnover", "2024", "actual", "about", TOKAYEV, "004", False),
    (175, "count", "joint_projects", None, "actual", "exact", TOKAYEV, "004", False),
]
SUBJECTS = {"it": ["country:RU", "country:KZ"], "en": ["country:KZ", "country:RU"]}
# the way the seed texts say these flows go ("università russe in Kazakistan", "Kazakh students
# ... in Russia"); the direction stage reads them, see tests/test_reconcile_direction.py
FLOWS = {"investment_stock": "country:RU>country:KZ", "investment": "country:RU>country:KZ",
         "companies": "country:RU>country:KZ", "universities": "country:RU>country:KZ",
         "students": "country:KZ>country:RU"}


def seed_figures() -> list[FigureRef]:
    """Return the seed figures, subjects written in either order as the documents do."""
    out = []
    for i, (value, unit, metric, period, kind, approx, speaker, doc, vague) in enumerate(SEED):
        fig = Figure(sentence=i, start=0, end=0, surface="", quote="", value=value, unit=unit,
                     metric=metric, period=period, kind=kind, approx=approx,  # type: ignore[arg-type]
                     speaker=speaker, vague=vague, direction=FLOWS.get(metric),
                     subjects=list(SUBJECTS["it" if doc == "004" else "en"]))
        out.append(FigureRef(id=f"f{i}", document=doc, figure=fig))
    return out


def test_reconcile_seed_conflicts() -> None:
    refs = seed_figures()
    values = {r.id: r.figure.value for r in refs}
    conflicts = find_conflicts(group_figures(refs, {}))
    got = {(c.metric, c.period): (c.severity, sorted({values[f] for f in c.figures}))
           for c in conflicts}
    assert got[("trade_turnover", "2024")] == ("high", [27.8e9, 28e9, 28.7e9])
    assert got[("investment_stock", None)] == ("high", [10e9, 27e9])
    assert got[("companies", None)] == ("low", [17000, 20000])
    assert got[("universities", None)] == ("high", [8, 9])
    assert got[("joint_projects", None)] == ("high", [70, 170, 175])
    assert ("trade_turnover", "2023") not in got and ("investment", "2024") not in got
    assert len(conflicts) == len(got)  # one per group, no floods
    turnover = next(c for c in conflicts if c.period == "2024")
    assert turnover.speakers == [PUTIN, TOKAYEV] and turnover.documents == ["004"]


def test_reconcile_seed_targets() -> None:
    gaps = targets_vs_actuals(seed_figures(), {}, names=NAMES)
    assert [(g.deadline, g.target_low) for g in gaps] == [("2025", 30e9), (None, 30e9)]
    for gap in gaps:
        assert gap.actual is not None and gap.actual.period == "2024"
        assert (gap.actual.low, gap.actual.high) == (27.8e9, 28.7e9)
        assert gap.gap_low == pytest.approx(1.3e9) and gap.gap_high == pytest.approx(2.2e9)
        assert gap.met is False
    assert gaps[1].speakers == [TOKAYEV]
    assert "set by Tokayev" in gaps[1].summary and "gap 1.3–2.2 bn USD" in gaps[1].summary


def test_reconcile_seed_target_met_and_without_actual() -> None:
    refs = seed_figures()
    extra = Figure(sentence=0, start=0, end=0, surface="", quote="", value=25e9, unit="USD",
                   metric="trade_turnover", period="2024", kind="target",
                   subjects=["country:RU", "country:KZ"])
    lone = Figure(sentence=0, start=0, end=0, surface="", quote="", value=5e9, unit="USD",
                  metric="exports", period="2030", kind="target", subjects=["country:KZ"])
    refs += [FigureRef(id="t1", document="x", figure=extra),
             FigureRef(id="t2", document="x", figure=lone)]
    gaps = {g.figures[0]: g for g in targets_vs_actuals(refs, {})}
    assert gaps["t1"].met is True and gaps["t1"].actual is not None
    assert gaps["t2"].actual is None and gaps["t2"].gap_low is None


def test_reconcile_seed_series() -> None:
    points = series(seed_figures(), {}, "trade_turnover", ["country:KZ", "country:RU"])
    assert [p.period for p in points] == ["2023", "2024-01/2024-09", "2024", "2025-01/2025-09"]
    assert sorted(points[2].values) == [27.8e9, 27.8e9, 28e9, 28e9, 28.7e9]
    assert [p.conflicting for p in points] == [False, False, True, False]
    assert series(seed_figures(), {}, "trade turnover") == points  # the measure spelled out
    assert series(seed_figures(), {}, "trade_turnover", ["country:RU"]) == points  # at least
    assert series(seed_figures(), {}, "trade_turnover", ["country:CN"]) == []


def _gold_figure(doc: Document, gf: dict[str, Any]) -> Figure:
    """Place a gold figure at its anchor's number in the cleaned text (quotes and spaces
    may differ); a currency figure spans to the anchor's end ("$27 miliardi di dollari USA")."""
    words = [re.escape(w) for w in re.split(r"[\s'’]+", gf["anchor"]) if w]
    found = re.search(r"[\s'’]+".join(words), doc.text, re.I)
    start, end = (found.start(), found.end()) if found else (0, 0)
    digit = re.search(r"\d", doc.text[start:end])
    start += digit.start() if digit else 0
    end = end if gf["unit"] not in ("count", "percent", None) else start
    sentence = next((i for i, s in enumerate(doc.sentences) if s.start <= start < s.end), 0)
    return Figure(sentence=sentence, start=start, end=end,
                  surface=gf["anchor"], quote=gf["anchor"], value=gf["value"],
                  unit=gf["unit"], period=gf["period"],
                  metric=None if gf["metric"] == "other" else gf["metric"], kind=gf["kind"],
                  approx=gf["approx"], speaker=gf["speaker"])


def _load_scorer(shared: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.eval
def test_reconcile_seed_gold_conflict_recall(shared_dir: Path) -> None:
    """Given the gold figures as input (directions read from the seed texts by the direction
    stage), the exported conflicts cover the gold conflicts."""
    gold = json.loads((shared_dir / "eval" / "gold" / "seeds.json").read_text("utf-8"))
    read = build_pipeline(("clean", "language", "published", "sentences", "entities"))
    refs, figures = [], []
    for doc, data in gold["documents"].items():
        text = (SEEDS / doc).read_text("utf-8")
        document = read(Document(id=doc, source=doc, raw=text))
        document.figures = [_gold_figure(document, gf) for gf in data["figures"]]
        DirectionStage()(document)
        for i, (gf, fig) in enumerate(zip(data["figures"], document.figures, strict=True)):
            refs.append(FigureRef(id=f"{doc}#{i}", document=doc, figure=fig))
            figures.append({"id": f"{doc}#{i}", "document": doc, "value": gf["value"]})
    conflicts = find_conflicts(group_figures(refs, {}))
    export = {"documents": [], "figures": figures,
              "conflicts": [{"id": c.id, "figures": c.figures} for c in conflicts]}
    scores = _load_scorer(shared_dir).score(gold, export)
    assert scores["conflict_recall"] >= 0.8
    assert len(conflicts) <= 3 * len(gold["conflicts"])


@pytest.mark.parametrize("subjects", [["country:KZ"], ["country:KZ", "country:RU"], []])
def test_reconcile_target_finds_actual_with_partial_subjects(subjects: list[str]) -> None:
    target = Figure(sentence=0, start=0, end=0, surface="", quote="", value=30e9, unit="USD",
                    metric="trade_turnover", period=None, kind="target", subjects=subjects)
    actual = Figure(sentence=1, start=0, end=0, surface="", quote="", value=27.8e9,
                    unit="USD", metric="trade_turnover", period="2024",
                    subjects=["country:RU", "country:KZ", "country:US"])
    refs = [FigureRef(id="t", document="x", figure=target),
            FigureRef(id="a", document="y", figure=actual)]
    (gap,) = targets_vs_actuals(refs, {})
    assert gap.actual is not None and gap.actual.figures == ["a"]
    assert gap.gap_low == pytest.approx(2.2e9)
