"""Per-language knowledge, one folder per ISO 639-1 code and one TOML file per component.

``dossier/lang/it/figures.toml`` holds what the figure extractor knows of Italian; adding a
language is adding a folder of files plus tests.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=256)
def load(language: str, component: str) -> dict[str, Any]:
    """Return the parsed ``<language>/<component>.toml``, or {} when there is none."""
    path = resources.files("dossier.lang").joinpath(language, f"{component}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


def languages() -> list[str]:
    """Return the language codes that have a data folder."""
    root = resources.files("dossier.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
