"""Curated people: heads of state and government and foreign ministers in many scripts.

Sound rules (``normalize.sound``) fold most romanisations of a name, but not Palladius
Cyrillic for Chinese names (Си Цзиньпин = Xi Jinping) or Turkish and German renderings of
Kazakh first names; ``dossier/data/gazetteer/persons.toml`` lists those spellings. The
gazetteer indexes them for recognition and :func:`curated_person` maps any spelling whose
sound matches to one key, so documents in different scripts share it before resolution.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from dossier.nlp.entities.normalize import fold, latin, sound

PERSONS = Path(__file__).resolve().parents[2] / "data" / "gazetteer" / "persons.toml"
FAMILY_FIRST = PERSONS.with_name("family_first.toml")


def person_key(name: str) -> str:
    """Provisional key of a person name: 'person:' and its folded ascii words."""
    return "person:" + " ".join(latin(fold(w)) for w in name.split())


def curated_persons() -> Iterator[tuple[str, str, list[str]]]:
    """(key, canonical name, all spellings) of each curated person."""
    data = tomllib.loads(PERSONS.read_text(encoding="utf-8"))
    for item in data.get("person", []):
        yield person_key(item["name"]), item["name"], [item["name"], *item.get("names", [])]


@lru_cache(maxsize=1)
def _sound_index() -> dict[str, str]:
    """Sound of every curated spelling -> the person's key (first listed wins)."""
    index: dict[str, str] = {}
    for key, _, names in curated_persons():
        for n in names:
            index.setdefault(sound(n), key)
    return index


def curated_person(name: str) -> str | None:
    """Key of the curated person a full name (any script, uninflected) sounds like."""
    return _sound_index().get(sound(name)) if " " in name.strip() else None


@lru_cache(maxsize=1)
def family_first() -> frozenset[str]:
    """Folded ascii forms of family names written before the given name (Chinese, Korean,
    Vietnamese, in Latin and Cyrillic): "Ding" of "Ding Xuexiang" is his surname."""
    data = tomllib.loads(FAMILY_FIRST.read_text(encoding="utf-8"))
    return frozenset(latin(fold(str(n))) for group in data.values()
                     for n in group.get("names", []))
