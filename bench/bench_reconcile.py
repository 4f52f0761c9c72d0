"""Benchmark reconciliation: conflict accuracy on synthetic sources, build vs incremental add.

    .venv/bin/python bench/bench_reconcile.py [--sizes 1000,10000,100000] [--per-doc 8]

Synthetic corpus: every (metric, country pair, unit, period) has a true value; each document
reports a few of them the way sources do (rounded to 2-4 significant digits, "about" within
3 %, "over" a rounded-down threshold, "almost" a rounded-up one, targets and forecasts
mixed in) and 4 % of figures are wrong by a factor of 0.3-0.7 or 1.4-3. A group truly
conflicts when it holds a wrong and a right actual figure. Each size runs in a fresh
process so the peak RSS (``resource.getrusage``) is that size's own.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier.extract.direction import DIRECTIONAL
from dossier.model import Event, Figure, FigureRef
from dossier.resolve.figures import (
    GroupIndex,
    GroupKey,
    find_conflicts,
    group_figures,
    series,
    targets_vs_actuals,
    update_groups,
)
from dossier.resolve.timeline import timeline

MONEY = ("trade_turnover", "exports", "imports", "investment", "investment_stock", "gdp")
COUNTS = ("companies", "joint_projects", "students", "universities")
COUNTRIES = ("RU", "KZ", "CN", "TR", "UZ", "KG", "DE", "IT", "FR", "ES", "BR", "PT", "US")
PERIODS = [str(y) for y in range(2012, 2026)] + ["2025-01/2025-09", "2024-01/2024-06", None]
WRONG_SHARE = 0.04


def _sig(value: float, digits: int, how: str = "round") -> float:
    """Round to significant digits the way a writer does (down for "over", up for "almost")."""
    if value == 0:
        return 0.0
    scale = 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1)
    op = {"round": round, "down": math.floor, "up": math.ceil}[how]
    return float(op(value / scale) * scale)


def _report(rng: random.Random, truth: float) -> tuple[float, str]:
    """Return a value and qualifier a careful source would print for the true value."""
    roll = rng.random()
    if roll < 0.55:
        return _sig(truth, rng.choice((2, 3, 4))), "exact"
    if roll < 0.75:
        return _sig(truth * rng.uniform(0.97, 1.03), 2), "about"
    if roll < 0.92:
        return _sig(truth * rng.uniform(0.8, 1.0), 2, "down"), "more_than"
    return _sig(truth, 2, "up"), "almost"


def make_corpus(docs: int, per_doc: int, seed: int = 0) -> tuple[list[FigureRef], set[str]]:
    """Return synthetic figures and the ids of the wrong ones."""
    rng = random.Random(seed)
    pairs = [(a, b) for a in COUNTRIES for b in COUNTRIES if a < b]
    truth: dict[tuple[str, tuple[str, str], str | None], float] = {}
    refs: list[FigureRef] = []
    wrong: set[str] = set()
    for d in range(docs):
        for k in range(per_doc):
            metric = rng.choice(MONEY + COUNTS)
            pair = rng.choice(pairs[:24])  # a few pairs dominate, as in real coverage
            period = rng.choice(PERIODS)
            true = truth.setdefault((metric, pair, period), rng.uniform(1, 90) * (
                1e9 if metric in MONEY else 100))
            kind = rng.choices(("actual", "target", "forecast"), (0.85, 0.1, 0.05))[0]
            value, approx = _report(rng, true * (1.2 if kind != "actual" else 1.0))
            fid = f"f{d}-{k}"
            if kind == "actual" and rng.random() < WRONG_SHARE:
                value = _sig(true * rng.choice((rng.uniform(0.3, 0.7), rng.uniform(1.4, 3))), 3)
                approx = "exact"
                wrong.add(fid)
            fig = Figure(sentence=k, start=0, end=0, surface="", quote="", value=value,
                         unit="USD" if metric in MONEY else "count", metric=metric,
                         period=period, kind=kind, approx=approx,  # type: ignore[arg-type]
                         speaker=f"person:p{rng.randrange(50)}",
                         subjects=[f"country:{c}" for c in rng.sample(pair, 2)],
                         # one true flow per ordered pair; the direction stage reads it
                         direction=f"country:{pair[0]}>country:{pair[1]}"
                         if metric in DIRECTIONAL else None)
            refs.append(FigureRef(id=fid, document=f"d{d}", figure=fig))
    return refs, wrong


def accuracy(refs: list[FigureRef], wrong: set[str]) -> dict[str, float]:
    """Return precision and recall of conflicts against the injected errors."""
    groups = group_figures(refs, {})
    truly = {g.key for g in groups if g.kind == "actual"
             and any(r.id in wrong for r in g.figures)
             and any(r.id not in wrong for r in g.figures)}
    by_key = {g.key: g for g in groups}
    out: dict[str, float] = {"true_conflicts": len(truly)}
    for name, floor in (("any", "low"), ("high+medium", "medium"), ("high", "high")):
        found = {_key_of(c.figures[0], by_key, refs) for c in find_conflicts(
            groups, min_severity=floor)}
        hit = len(found & truly)
        out[f"{name}_p"] = hit / len(found) if found else 0.0
        out[f"{name}_r"] = hit / len(truly) if truly else 0.0
    return out


def _key_of(fid: str, by_key: dict[GroupKey, object], refs: list[FigureRef]) -> GroupKey:
    """Return the group key of a figure id (conflicts name figures, not keys)."""
    for key, group in by_key.items():
        if any(r.id == fid for r in group.figures):  # type: ignore[attr-defined]
            return key
    raise KeyError(fid)


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Return (result, seconds) of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def make_events(docs: int, seed: int = 0) -> list[Event]:
    """Return one fused event per document, dated as partially as texts date them."""
    rng = random.Random(seed)
    out = []
    for d in range(docs):
        y, m, day = rng.randrange(2000, 2026), rng.randrange(1, 13), rng.randrange(1, 29)
        date = rng.choice((f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{day:02d}",
                           f"--{m:02d}-{day:02d}", None))
        out.append(Event(id=f"v{d}", type="visit", date=date, title=f"visit {d}",
                         actors=[f"person:p{rng.randrange(50)}"], documents=[f"d{d}"]))
    return out


def run_size(docs: int, per_doc: int, add_docs: int = 10) -> dict[str, float]:
    """Measure one corpus size: full build, incremental add, targets, series, peak RSS."""
    refs, _ = make_corpus(docs + add_docs, per_doc, seed=docs)
    base, new = refs[: docs * per_doc], refs[docs * per_doc:]
    groups, t_group = timed(group_figures, base, {})
    conflicts, t_conf = timed(find_conflicts, groups)
    index = GroupIndex({})
    index.add(base)
    update, t_add = timed(index.add, new)
    touched = update.touched
    _, t_add_conf = timed(find_conflicts, touched)
    fresh = group_figures(base, {})
    _, t_update = timed(update_groups, fresh, new, {})
    _, t_targets = timed(targets_vs_actuals, base, {})
    _, t_series = timed(series, base, {}, "trade_turnover", ["country:RU", "country:KZ"])
    events = make_events(docs, seed=docs)
    _, t_timeline = timed(timeline, events, [], start="2010", entity="person:p7")
    return {
        "docs": docs, "figures": len(base), "groups": len(groups), "conflicts": len(conflicts),
        "build_s": t_group + t_conf, "docs_per_s": docs / (t_group + t_conf),
        "add_docs": add_docs, "add_touched": len(touched),
        "add_s": t_add + t_add_conf, "update_groups_s": t_update,
        "targets_s": t_targets, "series_s": t_series, "timeline_s": t_timeline,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--per-doc", type=int, default=8)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_size(a.one, a.per_doc)))
        return 0
    refs, wrong = make_corpus(2000, a.per_doc, seed=42)
    acc = accuracy(refs, wrong)
    print(f"accuracy on 2,000 synthetic documents ({len(refs):,} figures, "
          f"{int(acc['true_conflicts'])} groups with an injected error)")
    print(f"{'severity shown':16} {'precision':>9} {'recall':>7}")
    for name in ("any", "high+medium", "high"):
        print(f"{name:16} {acc[name + '_p']:9.3f} {acc[name + '_r']:7.3f}")
    print()
    cols = ("docs", "figures", "groups", "conflicts", "build_s", "docs_per_s", "add_touched",
            "add_s", "update_groups_s", "targets_s", "series_s", "timeline_s", "peak_rss_mb")
    print(" ".join(f"{c:>15}" for c in cols))
    for size in (int(s) for s in a.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--per-doc",
                              str(a.per_doc)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout)
        print(" ".join(f"{row[c]:>15,.4f}" if isinstance(row[c], float) else f"{row[c]:>15,}"
                       for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
