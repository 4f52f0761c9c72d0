"""Phrase regexes (tries with a leading character class) match like flat IGNORECASE lists."""

from __future__ import annotations

import re

import pytest

from dossier.nlp.numbers.phrases import KeyedPhrases, alt


def naive(phrases: list[str]) -> re.Pattern[str]:
    """Return the slow reference: longest-first alternation, lookbehind per word phrase."""
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        star = p.endswith("*")
        body = r"[ \t\u00a0\u202f\u2009]+".join(re.escape(w) for w in p.rstrip("*").split())
        body = (r"(?<!\w)" if p[0].isalnum() else "") + body + (r"\w*" if star else "")
        parts.append(body + (r"(?!\w)" if p[-1].isalnum() or star else ""))
    return re.compile("|".join(parts), re.IGNORECASE)


CASES = [
    ("it", ["interscambi*", "scambi commerciali", "commercio", "export"],
     "L'Interscambio e gli SCAMBI  commerciali, il commercio e l'export; reexport no."),
    ("ru", ["товарооборот*", "экспорт*", "объём торговли"],
     "Товарооборот вырос, ЭКСПОРТА больше, а Объём торговли — рекорд; реэкспорт нет."),
    ("tr", ["ticaret hacmi", "ihracat*", "İthalat"],
     "Ticaret hacmi arttı, İHRACATTA rekor, ithalat düştü; dışihracat değil."),
    ("kk", ["тауар айналымы", "экспорт*"], "Тауар айналымы өсті, экспорттың үлесі артты."),
    ("fr", ["échanges commerciaux", "d'ici", "%"], "Les Échanges commerciaux d'ici 2030 : 5 %."),
    ("de", ["Handelsvolumen", "Ausfuhr*"], "Das handelsvolumen und die Ausfuhren stiegen."),
]


@pytest.mark.parametrize(("lang", "phrases", "text"), CASES)
def test_phrases_alt_matches_flat_alternation(lang: str, phrases: list[str], text: str) -> None:
    fast = [m.span() for m in re.compile(alt(phrases)).finditer(text)]
    slow = [m.span() for m in naive(phrases).finditer(text)]
    assert fast == slow and fast, lang


@pytest.mark.parametrize(("lang", "table", "text", "keys"), [
    ("en", {"exports": ["export*"], "trade": ["trade", "trade turnover"]},
     "Trade turnover and EXPORTS grew; re-exports too.", ["trade", "exports", "exports"]),
    ("pt", {"investment": ["investiment*"], "trade": ["comércio"]},
     "O comércio e os investimentos cresceram.", ["trade", "investment"]),
    ("ru", {"investment": ["инвестиц*"], "trade": ["товарооборот"]},
     "Инвестиции и товарооборот выросли.", ["investment", "trade"]),
])
def test_phrases_keyed_finds_first_key_in_order(
    lang: str, table: dict[str, list[str]], text: str, keys: list[str],
) -> None:
    found = list(KeyedPhrases(table).finditer(text))
    assert [k for _, _, k in found] == keys, lang
    assert all(text[a:b] for a, b, _ in found)
