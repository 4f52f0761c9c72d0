"""Benchmark the number grammar and the figure stage.

Value+unit accuracy per language on the Recognizers-Text currency, percent and number cases
and on the quantulum3 English set (../shared/data/numbers), side by side with quantulum3 as
the baseline in the same run; then figure-stage documents/s (per CPU second) on the sample
and dev articles and on real web pages, and peak memory.

    .venv/bin/python bench/bench_numbers.py [--data ../shared/data/numbers] [--html DIR]
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


def _prepared(folders: list[str]) -> list[Document]:
    """Return the documents of ``folders`` run through every stage the figure stage needs."""
    from dossier.ingest.files import iter_inputs
    from dossier.pipeline import build_pipeline

    pipe = build_pipeline(["clean", "language", "published", "sentences", "entities"])
    return [pipe(d) for d in iter_inputs(folders) if isinstance(d, Document)]


def speed(folders: list[str], seconds: float = 3.0) -> tuple[int, float, float, float, float]:
    """Return (documents, figure stage docs/s, scanner docs/s, mean kB, figures/document).

    The documents go through cleaning, language, dates, sentences and entities first (the
    speakers need the people), then only the figure stage is timed. Rates are per second
    of this process's CPU time (one core), so other jobs on a shared machine do not count.
    """
    docs = _prepared(folders)
    kb = sum(len(d.text.encode()) for d in docs) / len(docs) / 1000
    found = sum(len(extract_figures(d)) for d in docs)  # warms the per-language caches too
    rates = []
    for fn in (extract_figures, lambda d: find_quantities(d.text, d.language)):
        n = 0
        start = time.process_time()
        while time.process_time() - start < seconds:
            for d in docs:
                fn(d)
                n += 1
        rates.append(n / (time.process_time() - start))
    return len(docs), rates[0], rates[1], kb, found / len(docs)


def main() -> None:
    """Print the accuracy and speed tables."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data/numbers")
    ap.add_argument("--html", default="../shared/data/extraction/scrapinghub/html",
                    help="real web pages for a second speed corpus ('' to skip)")
    args = ap.parse_args()
    root = pathlib.Path(args.data)
    corpora = {"sample + dev sets (9 languages, figure-dense)":
               ["examples/seeds", "tests/heldout/corpus", "tests/heldout2/corpus"]}
    if args.html and pathlib.Path(args.html).is_dir():
        corpora["scrapinghub web pages (mostly en)"] = [args.html]
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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\n| corpus | documents | mean kB | figures/doc | figure stage docs/s | at 5 kB "
          "| scanner docs/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, folders in corpora.items():
        n, stage, scan, kb, per_doc = speed(folders)
        print(f"| {label} | {n} | {kb:.2f} | {per_doc:.1f} | {stage:.0f} "
              f"| {stage * kb / 5:.0f} | {scan:.0f} |")
    print(f"\npeak memory {peak:.0f} MiB (accuracy part); rates per CPU second, one core; "
          "'at 5 kB' scales the rate by mean size (the cost is linear in the text)")


if __name__ == "__main__":
    main()
