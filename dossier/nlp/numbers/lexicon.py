"""Per-language number lexicons, read from ``dossier/lang/<code>/figures.toml``.

Every phrase list in the data files becomes one precompiled regex here, so the scanner runs
a handful of regex calls per candidate number and no per-token Python loops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dossier import lang as langdata
from dossier.nlp.numbers.phrases import SPACE, alt, case_variants, trie_re

__all__ = ["SPACE", "NumberLexicon", "alt", "lexicon", "trie_re"]

#: group separators allowed in every locale (NBSP, narrow NBSP, thin space, apostrophes)
_ELIDED = "'’"


def _merge(common: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """Merge the shared lexicon into a language's own (the language wins on conflicts)."""
    out = dict(common)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass(slots=True, kw_only=True)
class NumberLexicon:
    """Compiled per-language knowledge for reading numbers and quantities."""

    language: str
    data: dict[str, Any]
    decimal: str = ","
    space_groups: bool = False
    words: dict[str, int] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, float] = field(default_factory=dict)
    #: words read as a number only before a scale word ("un", "полтора", "half a")
    multipliers: dict[str, float] = field(default_factory=dict)
    #: approximate collective numerals ("una quarantina", "une trentaine", "десяток")
    collectives: dict[str, float] = field(default_factory=dict)
    #: fractions read as a percent share ("half of", "un quinto del", "половина"), in percent
    fractions: dict[str, float] = field(default_factory=dict)
    compound_scales: bool = False
    #: scale words that also name the currency ("mdd" = millones de dólares)
    scale_currency: dict[str, str] = field(default_factory=dict)
    currency_words: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    symbols: dict[str, str] = field(default_factory=dict)
    unit_names: dict[str, str] = field(default_factory=dict)  # regex group -> unit
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: the characters a currency sign or code can end with (what "sym_before" needs to see)
    symbol_ends: frozenset[str] = frozenset()

    def section(self, name: str) -> dict[str, Any]:
        """Return one TOML table of the language file ({} when absent)."""
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    def pattern(self, name: str) -> re.Pattern[str]:
        """Return the compiled pattern ``name`` (built in :func:`lexicon`)."""
        return self.patterns[name]


def _numeral_res(lex: NumberLexicon, d: dict[str, Any]) -> dict[str, str]:
    """Return the candidate regexes: digit numerals, number words, vague amounts, 'one' + scale.

    Each starts with a plain character class (no lookbehind, no IGNORECASE) so the regex
    engine can skip ahead fast; word boundaries are checked by the scanner.
    """
    seps = r"[.,'’\u00a0\u202f\u2009" + (" " if lex.space_groups else "") + "]"
    # a leading \d (not a group) lets the regex engine jump from digit to digit
    digits = (
        rf"\d(?:\d{{0,2}}(?P<g>{seps})\d{{3}}(?!\d)(?:(?P=g)\d{{3}}(?!\d))*"
        r"(?:[.,]\d+(?!\d))?|\d*(?:[.,]\d+(?![\d]))?)"
    )
    cased = {v for w in lex.words for v in (w, w.capitalize(), w.upper())}
    first = trie_re(cased, word_start=True) if cased else r"(?!x)x"
    morph = trie_re(lex.words) if lex.words else r"(?!x)x"
    conns = alt(d.get("words", {}).get("connectors", []))
    word = rf"(?i:{morph})*"
    words = rf"{first}{word}(?:(?:{SPACE}(?:{conns}{SPACE})?|-)(?i:{morph})+)*(?!\w)"
    scale = alt(lex.scales)
    return {
        "num": digits, "word": words, "vague": rf"{alt(lex.vague, bounded=False)}(?!\w)",
        "one": rf"{alt(lex.multipliers, bounded=False)}(?={SPACE}{scale})",
        # one scan for both phrase tables; the scanner tells them apart by lookup
        "collective": alt({**lex.collectives, **lex.fractions}),
    }


def _symbol_res(lex: NumberLexicon) -> tuple[list[str], str]:
    """Return the currency signs ("$", "R$") and a regex of the letter codes ("USD", "Rs").

    Letter codes match case-sensitively at a word start: "TRY" and "Rs" are currencies,
    "try" and the end of "workers" are not.
    """
    letters = sorted((k for k in lex.symbols if re.fullmatch(r"[^\W\d_]+\.?", k)),
                     key=len, reverse=True)
    signs = [k for k in lex.symbols if k not in letters]
    codes = "|".join(re.escape(k) for k in letters) or r"(?!x)x"
    return signs, rf"(?-i:(?<![^\W\d_])(?:{codes}))"


def _compile(lex: NumberLexicon) -> None:
    """Build every pattern the scanner and the figure extractor use."""
    d = lex.data
    num = d.get("numerals", {})
    flags = re.IGNORECASE
    g = d.get("grammar", {})
    q = d.get("qualifiers", {})
    nf = d.get("nonfigure", {})
    cur = d.get("currency", {})
    words_cur = [w for ws in cur.get("words", {}).values() for w in ws]
    partitive = [*g.get("partitive", []), "d'", "d’"]
    conn = alt(partitive)
    # "de", "of" need a space after them; elided "d'" ("milliards d'euros") does not
    lead = (rf"(?:{alt([w for w in partitive if w[-1] not in _ELIDED])}{SPACE}"
            rf"|{alt([w for w in partitive if w[-1] in _ELIDED])})")
    pct = d.get("percent", {})
    quals = [w for k in ("about", "more_than", "less_than", "almost") for w in q.get(k, [])]
    space = r"[ \t\u00a0\u202f\u2009]*"
    arts = alt(g.get("articles", []))
    signs, codes = _symbol_res(lex)
    lex.symbol_ends = frozenset(
        {v for k in signs if k.strip() for v in case_variants(k.strip()[-1])}
        | {k[-1] for k in lex.symbols if k not in signs})
    for kind, rx in _numeral_res(lex, d).items():
        lex.patterns["n_" + kind] = re.compile(rx)
    pats = {
        "scale": rf"[ \t\u00a0\u202f\u2009]*{lead}?(?P<s>{alt(lex.scales)})\.?",
        "attached": r"(?P<s>bn|mn|tn|k|m|b|M|B|K|BN)(?![\w])",
        # a scale word written onto the digits: "20mila"
        "glued": rf"(?P<s>{alt(num.get('glued_scales', []), bounded=False)})(?!\w)",
        "range": rf"{SPACE}?[-–—]{SPACE}?(?P<n>\d+(?:[.,]\d+)?)(?![\d/])",
        "cur_after": rf"[ \t\u00a0\u202f\u2009]*{lead}?(?P<c>{alt(words_cur)})",
        "code_after": rf"[ \t\u00a0\u202f\u2009]*(?P<c>{alt(signs)}|{codes}(?!\w))",
        "sym_before": rf"(?P<c>{alt(signs, bounded=False)}|{codes})[ \u00a0]?$",
        "pct_after": rf"{space}(?:{alt(pct.get('after', []), bounded=False)})(?!\w)",
        "pct_before": rf"(?:{alt([*pct.get('before', []), '%'])})[ \u00a0]?$",
        "duration": rf"[ \t\u00a0\u202f\u2009]*(?:{alt(nf.get('durations', []))})",
        "month": alt(nf.get("months", [])),
        "furniture": nf.get("furniture_re") or r"(?!x)x",
        "ordinal": nf.get("ordinal_re", r"(?!x)x"),
        "stop": rf"(?:{alt(g.get('stopwords', []))})$",
        "partitive": rf"{SPACE}(?:{conn})(?:{SPACE}{arts})?{SPACE}",
        "partitive_elided": rf"{SPACE}(?:{lead})",  # before a collective's noun
        "label": rf"(?:{alt(nf.get('labels', []))})[ \t\u00a0]*$",
        "suffix": g.get("suffix_re", r"(?!x)x"),
        "noun_before": g.get("noun_before_re", r"(?!x)x") + "$",
        # "the two countries": nouns that "two" does not make a figure
        "generic": alt(g.get("generic_nouns", [])),
        "definite": rf"(?:{alt(g.get('definite_before', []))})[ \t\u00a0]+$",
        # a number that ends its clause may count a noun named before it
        "count_end": g.get("count_end_re") or r"[ \t]*(?:[,.;:!?)»“”\"\n]|$)",
        "number_of": g.get("number_of_re") or r"(?!x)x",
        "compound": rf"{SPACE}(?P<n>\d{{1,3}})(?![\d.,]\d)",
        "q_before": rf"(?P<q>{alt(quals)})(?:{SPACE}{arts})?[ \t\u00a0]*$",
        # "довести его до 35": after a verb of change, "до" is "to", not "up to"
        "change_to": rf"(?:{alt(q.get('change_verbs', []))})(?:{SPACE}[^\W\d]+){{0,3}}{SPACE}"
                     rf"(?:{alt(q.get('change_to', []))}){SPACE}?$",
        # "between 5 and 7 billion", "от 5 до 7 млрд", "5 ile 7 milyar dolar arasında"
        "between_before": rf"(?:{alt(g.get('between_before', []))})(?:{SPACE}{arts})?"
                          r"[ \t\u00a0]*(?:[$€£₽₸¥₺][ \u00a0]?)?$",
        "between": g.get("between_re") or r"(?!x)x",
        "fraction_follow": g.get("fraction_follow_re") or "",
        "fraction_ordinal": rf"(?:{alt(d.get('period', {}).get('ordinals', {}))})[ \t\u00a0-]*$",
        "q_void": q.get("void_re") or r"(?!x)x",
        "q_after": "|".join(f"(?P<{k}>{r})" for k, r in q.get("post_re", {}).items()) or r"(?!x)x",
    }
    for name, rx in pats.items():
        lex.patterns[name] = re.compile(rx, 0 if name in ("attached",) else flags)
    lex.patterns["month_before"] = re.compile(
        rf"(?:{pats['month']})(?:{SPACE}(?:de|del|dem|den)?)?[ \t\u00a0.,]*$", flags)
    lex.patterns["month_after"] = re.compile(
        rf"\.?[ \t\u00a0]*(?:(?:de|del|di)[ \t\u00a0]+)?{pats['month']}", flags)
    groups = []
    for i, (unit, names) in enumerate(d.get("units", {}).items()):
        lex.unit_names[f"u{i}"] = unit
        groups.append(f"(?P<u{i}>{alt(names)})")
    lex.patterns["unit"] = re.compile(
        rf"{space}{lead}?(?:{'|'.join(groups) or '(?!x)x'})", flags)
    for code, names in cur.get("words", {}).items():
        lex.currency_words.append((re.compile(alt(names), flags), code))


@lru_cache(maxsize=32)
def lexicon(language: str | None) -> NumberLexicon:
    """Return the compiled lexicon for ``language`` (English when it has no figures file)."""
    code = (language or "en").lower()[:2]
    own = langdata.load(code, "figures") or langdata.load("en", "figures")
    data = _merge(langdata.load("_common", "figures"), own)
    num = data.get("numerals", {})
    table = data.get("words", {}).items()
    words = {k.lower(): int(v) for k, v in table if isinstance(v, int | float)}
    for joiner in data.get("words", {}).get("joiners", []):
        words.setdefault(joiner.lower(), 0)  # "und" inside "dreiundzwanzig"
    lex = NumberLexicon(
        language=code, data=data, decimal=num.get("decimal", ","),
        space_groups=bool(num.get("space_groups", False)), words=words,
        scales={k: float(v) for k, v in data.get("scales", {}).items()},
        vague={k: float(v) for k, v in data.get("vague", {}).items()},
        multipliers={**{w: 1.0 for w in data.get("words", {}).get("before_scale", [])},
                     **{k: float(v) for k, v in data.get("multipliers", {}).items()}},
        collectives={k: float(v) for k, v in data.get("collectives", {}).items()},
        fractions={k: float(v) for k, v in data.get("fractions", {}).items()},
        compound_scales=bool(num.get("compound_scales", False)),
        scale_currency={k.lower(): str(v) for k, v in data.get("scale_currency", {}).items()},
        symbols=dict(data.get("currency", {}).get("symbols", {})),
    )
    for c in data.get("currency", {}).get("codes", []):
        lex.symbols.setdefault(c, data.get("currency", {}).get("aliases", {}).get(c, c))
    _compile(lex)
    return lex
