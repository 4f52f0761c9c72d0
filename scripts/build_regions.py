"""Regions (ISO 3166-2 subdivisions) for the gazetteer, with forms derived per language.

Imported by scripts/build_gazetteer.py. pycountry ships the subdivision names in their local
romanisation ("Shyghys Qazaqstan oblysy") and translations into some languages; news writes
regions in its own language, so forms are added by general rules:
- the generic word dropped ("Provinz Ostkasachstan" -> "Ostkasachstan");
- compass regions named after their country ("Kazakhstan oriental") written in every
  language from the country's CLDR name ("East Kazakhstan", "Doğu Kazakistan",
  "Шығыс Қазақстан", "Cazaquistão Oriental");
- Russian "<adjective> область / край" names in their case forms (Восточно-Казахстанской
  области).
"""

from __future__ import annotations

import gettext
import re

import pycountry
from babel import Locale

#: generic words of subdivision names, dropped to give the short form
GENERIC = {"oblysy", "oblast'", "oblast", "oblasty", "region", "provinz", "province",
           "provincie", "viloyati", "governorate", "regione", "região", "región", "région",
           "provincia", "província", "wilajet", "obwód", "ili"}
#: French compass adjectives (as pycountry writes them) -> direction
COMPASS_FR = {"oriental": "E", "orientale": "E", "occidental": "W", "occidentale": "W",
              "septentrional": "N", "septentrionale": "N", "méridional": "S",
              "méridionale": "S"}
#: language -> (template, direction words E W N S); {C} the country, {D} the direction
COMPASS = {
    "en": ("{D} {C}", ("East", "West", "North", "South")),
    "fr": ("{C} {D}", ("oriental", "occidental", "septentrional", "méridional")),
    "it": ("{C} {D}", ("orientale", "occidentale", "settentrionale", "meridionale")),
    "es": ("{C} {D}", ("Oriental", "Occidental", "Septentrional", "Meridional")),
    "pt": ("{C} {D}", ("Oriental", "Ocidental", "Setentrional", "Meridional")),
    "tr": ("{D} {C}", ("Doğu", "Batı", "Kuzey", "Güney")),
    "kk": ("{D} {C}", ("Шығыс", "Батыс", "Солтүстік", "Оңтүстік")),
    "de": ("{D}{c}", ("Ost", "West", "Nord", "Süd")),
}
#: Russian adjective + head: the case forms of "<adj>ая область" and "<adj>ий край"
RU_CASES = {
    "область": [("ая", "область"), ("ой", "области"), ("ую", "область"), ("ой", "областью")],
    "край": [("ий", "край"), ("ого", "края"), ("ому", "краю"), ("им", "краем"),
             ("ом", "крае")],
}
#: Kazakh romanised compass words of local names ("Batys Qazaqstan oblysy")
COMPASS_LOCAL = {"shyghys": "E", "batys": "W", "soltüstik": "N", "ongtüstik": "S"}
#: one-word forms that are common words in some language, never a region alone
COMMON = {"central", "centrale", "centre", "center", "centro", "merkezi", "capital",
          "capitale", "north", "south", "east", "west", "nord", "sud", "est", "ouest", "norte",
          "sur", "este", "oeste", "western", "eastern", "northern", "southern", "coast",
          "littoral", "lakes", "upper", "lower", "interior", "frontier", "island", "islands",
          "mountain", "plateau", "valley", "savanes", "plateaux", "maritime", "highlands"}
_RU_NAME = re.compile(r"^(\S+?)(ая|ий) (область|край)$")
Row = tuple[str, str, str, list[str]]


def _short(name: str) -> str | None:
    """The name without its generic word ("Provinz Ostkasachstan" -> "Ostkasachstan")."""
    words = name.replace(",", " ").split()
    kept = [w for w in words if w.casefold() not in GENERIC]
    return " ".join(kept) if kept and len(kept) < len(words) else None


def _ru_cases(name: str) -> list[str]:
    """Case forms of a Russian adjective region name."""
    m = _RU_NAME.match(name)
    if m is None:
        return []
    stem, _, head = m.groups()
    return [f"{stem}{end} {noun}" for end, noun in RU_CASES[head]]


def _compass(forms: set[str], country: str, territories: dict[str, dict[str, str]]
             ) -> dict[str, str]:
    """Forms of a compass region in every language, from its French form."""
    fr = territories["fr"].get(country, "")
    for form in forms:
        head, _, adj = form.rpartition(" ")
        first, *rest = (_short(form) or form).split()
        direction = COMPASS_FR.get(adj) if head == fr else None
        if direction is None and len(rest) == 1:
            direction = COMPASS_LOCAL.get(first.casefold())
        if direction is not None:
            k = "EWNS".index(direction)
            out = {}
            for lang, (tpl, words) in COMPASS.items():
                c = territories.get(lang, {}).get(country)
                if c:
                    out[lang] = tpl.format(D=words[k], C=c, c=c.lower())
            return out
    return {}


def _keep(form: str, famous: bool) -> bool:
    """A one-word form only for a region known in several languages (no "Central")."""
    if len(form) < 3 or not form[0].isupper() or any(c in form for c in ",/()"):
        return False
    if form.casefold() in COMMON:
        return False
    return " " in form or "-" in form or (famous and len(form) >= 6)


def regions(langs: tuple[str, ...]) -> list[Row]:
    """Rows for every ISO 3166-2 subdivision, with translations and derived forms."""
    trans = {}
    for lang in langs:
        try:
            trans[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                              languages=[lang])
        except OSError:
            continue
    territories = {lang: dict(Locale(lang).territories) for lang in {*langs, *COMPASS}}
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        local = sub.name
        translated = {lang: t.gettext(local) for lang, t in trans.items()}
        translated = {k: v for k, v in translated.items() if v != local}
        forms = {local, *translated.values()}
        compass = _compass(forms, sub.country_code, territories)
        forms |= set(compass.values())
        forms |= {s for f in list(forms) if (s := _short(f))}
        if "ru" in translated:
            forms |= set(_ru_cases(translated["ru"]))
        famous = len(set(translated.values())) >= 2
        kept = sorted(f for f in forms if _keep(f, famous))
        if kept:
            canon = compass.get("en") or translated.get("en") or _short(local) or local
            rows.append((f"place:iso-{sub.code}", "place", canon, kept))
    return rows
