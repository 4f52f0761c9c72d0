"""Benchmark the number grammar and the figure stage.

Value+unit accuracy per language on the Recognizers-Text currency, percent and number cases
and on the quantulum3 English set (../shared/data/numbers), side by side with quantulum3 as
the baseline in the same run; then figure-stage documents/s on ~5 kB articles and peak memory.

    .venv/bin/python bench/bench_numbers.py [--data ../shared/data/numbers]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import resource
import time
import warnings
from collections.abc import Callable

from dossier.extract.figures import extract_figures
from dossier.model import Document
from dossier.nlp.numbers import find_quantities
from dossier.nlp.sentences import split_sentences

LANGS = {"English": "en", "Portuguese": "pt", "Italian": "it", "Spanish": "es", "French": "fr",
         "German": "de", "Turkish": "tr"}
MODELS = {"currency": "NumberWithUnit-CurrencyModel.json", "percent": "Number-PercentModel.json",
          "number": "Number-NumberModel.json"}
#: Recognizers-Text currency names -> ISO 4217 (names outside this table are skipped)
RT_CURRENCY = {
    "dollar": "USD", "dólar": "USD", "united states dollar": "USD", "dólar estadunidense": "USD",
    "dólar estadounidense": "USD", "dollar états-unis": "USD", "euro": "EUR", "pound": "GBP",
    "british pound": "GBP", "libra": "GBP", "livre": "GBP", "japanese yen": "JPY", "yen": "JPY",
    "yen japonais": "JPY", "chinese yuan": "CNY", "yuan chinois": "CNY", "turkish lira": "TRY",
    "swiss franc": "CHF", "franc suisse": "CHF", "rupee": "INR", "indian rupee": "INR",
    "canadian dollar": "CAD", "dollar canadien": "CAD", "dólar canadense": "CAD",
    "dólar canadiense": "CAD", "australian dollar": "AUD", "dollar australien": "AUD",
    "dólar australiano": "AUD", "hong kong dollar": "HKD", "mexican peso": "MXN",
}
Q3_UNITS = {"dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
            "percentage": "percent", "dimensionless": None, "kilometre": "km", "tonne": "tonne",
            "hour": "hour", "metre": "metre", "mile": "mile", "inch": "inch", "kilogram": "kg"}


def close(a: float | None, b: float) -> bool:
    """Return True when ``a`` is within 0.5 % of ``b`` (the eval tolerance)."""
    return a is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def rt_cases(root: pathlib.Path, folder: str, model: str) -> list[tuple[str, float, str | None]]:
    """Return (text, value, unit) expectations of one Recognizers-Text file."""
    path = root / "recognizers-text" / folder / MODELS[model]
    out = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        for r in case.get("Results") or []:
            res = r.get("Resolution") or {}
            raw = str(res.get("value", "")).rstrip("%")
            try:
                value = float(raw)
            except ValueError:
                continue
            if model == "currency":
                unit = RT_CURRENCY.get(str(res.get("unit", "")).lower())
                if unit is None:
                    continue
            else:
                unit = "percent" if model == "percent" else None
            out.append((case["Input"], value, unit))
    return out


def ours(lang: str) -> Callable[[str], list[tuple[float | None, str | None]]]:
    """Return a reader giving (value, unit) pairs with dossier's grammar."""
    def read(text: str) -> list[tuple[float | None, str | None]]:
        return [(q.value, None if q.unit == "count" else q.unit)
                for q in find_quantities(text, lang) + _bare(text, lang)]
    return read


def _bare(text: str, lang: str) -> list:
    """Return bare numbers too (the number model expects numbers with no noun)."""
    from dossier.nlp.numbers import scanner
    return scanner(lang).find(text, bare=True)


def quantulum() -> Callable[[str], list[tuple[float | None, str | None]]]:
    """Return a reader giving (value, unit) pairs with quantulum3 (English only)."""
    from quantulum3 import parser

    def read(text: str) -> list[tuple[float | None, str | None]]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                qs = parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs; count those as misses
            return []
        out: list[tuple[float | None, str | None]] = []
        for q in qs:
            name = q.unit.name.lower()
            unit = Q3_UNITS.get(name, name)
            if q.unit.currency_code if hasattr(q.unit, "currency_code") else False:
                unit = q.unit.currency_code
            out.append((q.value, unit))
        return out
    return read


def accuracy(cases: list[tuple[str, float, str | None]], read: Callable) -> float:
    """Return the share of expected (value, unit) pairs found in the reader's output."""
    if not cases:
        return float("nan")
    hits = 0
    for text, value, unit in cases:
        got = read(text)
        hits += any(close(v, value) and (unit is None or u == unit) for v, u in got)
    return hits / len(cases)


def q3_cases(root: pathlib.Path) -> list[tuple[str, float, str | None]]:
    """Return (text, value, unit) expectations of the quantulum3 English set."""
    out = []
    for case in json.loads((root / "quantulum3" / "quantities.json").read_text()):
        for r in case["res"]:
            unit = Q3_UNITS.get(str(r["unit"]).lower(), "?")
            if unit != "?":
                out.append((case["req"], float(r["value"]), unit))
    return out


def speed(seconds: float = 3.0) -> tuple[float, float, int]:
    """Return (documents/s for the figure stage, documents/s for the scanner, figures/doc).

    Rates are per second of this process's CPU time (one core), so other jobs on a shared
    machine do not count against them.
    """
    seeds = sorted(pathlib.Path("examples/seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    langs = ["pt", "pt", "en", "en", "it"]
    docs = []
    for text, lang in zip(texts, langs, strict=True):
        for i in range(0, len(text), 5000):
            chunk = text[i:i + 5000]
            docs.append(Document(id="b", source="b", text=chunk, language=lang,
                                 published="2025-11-12", sentences=split_sentences(chunk, lang)))
    for d in docs:  # warm the per-language caches first
        extract_figures(d)
    n = found = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for d in docs:
            found += len(extract_figures(d))
            n += 1
    stage_rate = n / (time.process_time() - start)
    m = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for d in docs:
            find_quantities(d.text, d.language)
            m += 1
    return stage_rate, m / (time.process_time() - start), found // max(n, 1)


def main() -> None:
    """Print the accuracy and speed tables."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data/numbers")
    root = pathlib.Path(ap.parse_args().data)
    q3 = quantulum()
    print("| set | language | cases | dossier | quantulum3 |")
    print("|---|---|---:|---:|---:|")
    for folder, lang in LANGS.items():
        for model in MODELS:
            cases = rt_cases(root, folder, model)
            base = f"{accuracy(cases, q3):.3f}" if lang == "en" else "n/a (en only)"
            mine = accuracy(cases, ours(lang))
            print(f"| R-T {model} | {lang} | {len(cases)} | {mine:.3f} | {base} |")
    cases = q3_cases(root)
    print(f"| quantulum3 set | en | {len(cases)} | {accuracy(cases, ours('en')):.3f} | "
          f"{accuracy(cases, q3):.3f} |")
    stage, scan, per_doc = speed()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nfigure stage: {stage:.0f} documents/s per CPU second (5 kB, one core), "
          f"scanner alone: {scan:.0f} "
          f"documents/s, {per_doc} figures/document; peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
