"""Quote spans across sentence boundaries: « », “ ”, „ “, " ", ‹ ›, and dialogue dashes.

A quotation often runs over several sentences and names its speaker only after the last one
(«... . ...», – деді Скляр) or before the first (Putin said: "... . ..."). The sentence
splitter cuts such a quote apart, so the speaker finder needs the spans. Written here
because quote pairing is a few lines of stack logic; no package does it for nine languages.
"""

from __future__ import annotations

import re

#: opening quote -> the closing quotes that end it ("“" closes „ in German, opens in English)
PAIRS: dict[str, str] = {"«": "»", "„": "“”\"", "“": "”\"", '"': '"', "‹": "›"}
_QUOTES = frozenset("".join(PAIRS) + "".join(PAIRS.values()))
_DASHES = ("—", "–", "―")
_QUOTE_RE = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the outermost closed quotes in ``text[start:end]`` as (open, close + 1) offsets."""
    end = len(text) if end is None else end
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for m in _QUOTE_RE.finditer(text, start, end):  # the regex skips the text between quotes
        ch, i = m.group(), m.start()
        if stack and ch in PAIRS[stack[-1][0]]:
            _, at = stack.pop()
            if not stack:
                spans.append((at, i + 1))
        elif ch in PAIRS and len(stack) < 3:
            stack.append((ch, i))
    return spans


def is_dialogue(paragraph: str) -> bool:
    """Return True for a paragraph of direct speech opened by a dash ("— Мы готовы, — сказал")."""
    t = paragraph.lstrip()
    return t.startswith(_DASHES) and t[1:2].isspace()
