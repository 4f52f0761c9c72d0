"""Digit numerals: reading "1.453", "27,8", "1,453" with a language's decimal mark, and
telling which decimal mark a text uses (Spanish is written "6,8" in Spain, "6.8" in Mexico).
"""

from __future__ import annotations

import re

_DECIMAL_EVIDENCE = re.compile(
    r"\d(?<![\d.,]\d)\d{0,2}(?P<m>[.,])(?:\d(?![\d]|[.,]\d)|\d\d(?=[ \u00a0]?%))")


def parse_number(text: str, decimal: str = ",") -> float:
    """Parse a digit numeral written with ``decimal`` as the locale's decimal mark."""
    seps = [c for c in text if not c.isdigit()]
    if not seps:
        return float(text)
    kinds = list(dict.fromkeys(seps))
    if len(kinds) == 2:
        dec = seps[-1]
        return float("".join(c for c in text[: text.rindex(dec)] if c.isdigit()) + "."
                     + text[text.rindex(dec) + 1:])
    sep = kinds[0]
    head, _, tail = text.rpartition(sep)
    if len(seps) > 1 or sep not in ".," or (len(tail) == 3 and (sep != decimal or tail == "000")):
        return float("".join(c for c in text if c.isdigit()))
    return float(head.replace(sep, "") + "." + tail)


def decimal_mark(text: str, default: str) -> str:
    """Return the decimal mark ``text`` uses: the language's, unless the text shows the other.

    Spanish is written "6,8" in Spain and "6.8" in Mexico; an ambiguous "4,100" is read by
    the text's unambiguous decimals (one decimal digit, or two before a percent sign).
    """
    other = "." if default == "," else ","
    if other not in text:
        return default
    seen_other = False
    for m in _DECIMAL_EVIDENCE.finditer(text):
        if m.group("m") == default:
            return default  # one decimal written the language's way settles it
        seen_other = True
    return other if seen_other else default
