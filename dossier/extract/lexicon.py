"""Load the per-language event and agreement lexicon (``dossier/lang/<code>/events.toml``)."""

from __future__ import annotations

import re
from typing import Any

from dossier import lang as langdata

__all__ = ["languages", "load_lexicon", "phrase_pattern"]


def load_lexicon(language: str) -> dict[str, Any]:
    """Return the parsed events.toml of ``language`` ({} when the language has none)."""
    return langdata.load(language, "events")


def languages() -> list[str]:
    """Return the language codes that ship an events lexicon."""
    return [code for code in langdata.languages() if langdata.load(code, "events")]


def phrase_pattern(phrases: list[str], initial_case: bool = False) -> re.Pattern[str] | None:
    """Compile lexicon phrases into one case-insensitive alternation.

    A ``*`` after a word lets it take any ending ("телефонн* разговор*" matches "телефонного
    разговора"), which is how inflected languages list a stem once instead of every case form.
    With ``initial_case`` a phrase written with a capital matches only with one: German nouns
    are capitalised, so "Treffen" (a meeting) is not "eine Entscheidung treffen".
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(w[:-1]) + r"[\w'’-]*" if w.endswith("*") else re.escape(w)
                 for w in phrase.split()]
        if initial_case and phrase[:1].isupper():
            words[0] = f"(?-i:{re.escape(phrase[0])})" + words[0][len(re.escape(phrase[0])):]
        parts.append(r"\s+".join(words) + ("" if phrase.endswith("*") else r"(?![\w])"))
    if not parts:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")", re.IGNORECASE)
