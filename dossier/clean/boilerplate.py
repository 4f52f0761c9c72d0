"""Line-level boilerplate filter for article text that was scraped off web pages.

Written here because HTML extractors (trafilatura, readability) need the page's tree; scraped
text has lost it, so each line is judged by its own form and its place on the page: repeats
(captions under every photo), link and symbol density, image file names, ad placeholders, a
head and a tail zone around the article body, and small per-language cue lists from
``dossier/lang/<code>/clean.toml`` (all languages at once: the language is not known yet).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from dossier import lang

__all__ = ["Cues", "Filtered", "filter_text", "is_body", "load_cues", "split_byline"]

_END_PUNCT = re.compile(r"[.!?…;:。！？][\"'”’»)\]]*$")
_URL = re.compile(r"https?://\S+|www\.\S+|\[[^\]]*\]\([^)]*\)")
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.I)
_IMAGE = re.compile(r"\S\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic)$", re.I)
_CITATION = re.compile(r"https?://|www\.|\bdoi:|\(\s*(?:1[89]|20)\d\d\b|\b(?:1[89]|20)\d\d\s*\)",
                       re.I)
_COUNT = re.compile(r"\(\s*\d+\s*\)")
_BULLET = re.compile(r"^\s*(?:[-•–—▪►*]|\d{1,2}[.)])\s")
# separators of menu bars and breadcrumbs: "Home | World", "Home > World", "Home  World"
_BAR = re.compile(r"\s[|›»·•>]\s|\s/\s|(?<=\S) {2,}(?=\S)")
# footers after a link box ("Subscribe to our newsletter ...", "© Agency. Republication is
# allowed ...", author notes) run to about 15 words; article paragraphs are longer
_PARAGRAPH_WORDS = 16
_MENU_RUN = 3  # consecutive short lines at the head or tail that make a menu


@dataclass(frozen=True, slots=True)
class Cues:
    """Per-language cue lists, merged over the languages loaded."""

    nav: frozenset[str] = frozenset()
    tail_markers: frozenset[str] = frozenset()
    related: frozenset[str] = frozenset()
    ads: frozenset[str] = frozenset()
    references: frozenset[str] = frozenset()
    blurbs: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    author_titles: frozenset[str] = frozenset()
    site_suffixes: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def load_cues(languages: tuple[str, ...] = ()) -> Cues:
    """Merge the ``clean.toml`` cues of ``languages`` (all languages when empty)."""
    merged: dict[str, set[str]] = {}
    for code in languages or tuple(lang.languages()):
        for name, values in lang.load(code, "clean").items():
            if isinstance(values, list):
                merged.setdefault(name, set()).update(_key(v) for v in values)
    get = lambda name: merged.get(name, set())  # noqa: E731 - a local shorthand
    return Cues(
        nav=frozenset(get("nav")), tail_markers=frozenset(get("tail_markers")),
        related=frozenset(get("related")),
        ads=frozenset(get("ads")), references=frozenset(get("references")),
        blurbs=tuple(sorted(get("blurbs"))), credits=tuple(sorted(get("credits"))),
        byline=tuple(sorted(get("byline"))), author_titles=frozenset(get("author_titles")),
        site_suffixes=tuple(sorted(get("site_suffixes"))),
    )


@dataclass(slots=True, kw_only=True)
class Filtered:
    """The filter's result: kept text, removed lines in order, references, an outlet hint."""

    text: str
    kept: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    site: str | None = None


@dataclass(slots=True)
class _Unit:
    text: str
    verdict: str = "keep"  # keep | boiler | ref
    offset: int = 0  # character offset of the unit in the input, for position rules
    key: str = field(init=False)  # _key(text): every rule compares it, so it is made once

    def __post_init__(self) -> None:
        self.key = _key(self.text)


def _key(text: str) -> str:
    """Casefold, squeeze spaces, drop counts like "(0)" and symbols at both ends."""
    # Turkish "İ" casefolds to "i" + a combining dot, which would miss "İlgili Haberler"
    text = _COUNT.sub(" ", unicodedata.normalize("NFKC", text).casefold().replace("i\u0307", "i"))
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _words(text: str) -> int:
    return len(text.split())


def is_body(text: str) -> bool:
    """Tell whether a line reads as article prose: a sentence, or long running text."""
    words = _words(text)
    return (words >= 6 and bool(_END_PUNCT.search(text.rstrip()))) or words >= 20


def _units(text: str) -> list[_Unit]:
    """Split text into lines, or into blank-separated blocks when it is hard-wrapped."""
    lines = text.split("\n")
    if _hard_wrapped(lines):
        units, offset = [], 0
        for block in re.split(r"\n[ \t\u00a0]*\n", text):
            if block.strip():
                units.append(_Unit(block.strip("\n"), offset=text.find(block, offset)))
            offset += len(block)
        return units
    units, offset = [], 0
    for line in lines:
        if line.strip():
            units.append(_Unit(line.rstrip(), offset=offset))
        offset += len(line) + 1
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    """Tell whether paragraphs span several short lines (e-mail or terminal wrapping)."""
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) < 6 or max(len(ln) for ln in filled) > 100:
        return False
    # wrapping breaks lines mid-sentence, so the next line goes on in lower case; scraped
    # pages break between blocks (headings, menus, paragraphs) that start with a capital
    continued = sum(1 for a, b in pairwise(lines)
                    if a.strip() and b.strip()[:1].islower() and not _END_PUNCT.search(a))
    return continued >= 0.3 * len(filled)


def _line_rule(text: str, cues: Cues, key: str | None = None) -> bool:
    """Tell whether a line is boilerplate wherever it stands on the page (``key``: its
    ``_key``, when the caller has it)."""
    key, words = _key(text) if key is None else key, _words(text)
    if not key:
        return True  # only symbols
    content = sum(map(str.isalnum, text))
    visible = len(text) - sum(map(str.isspace, text))
    if content < 0.5 * visible:
        return True  # separators, arrows, "* * *"
    if key in cues.nav or key in cues.ads:
        return True
    if words <= 10 and _IMAGE.search(text.strip()):
        return True
    if sum(len(m) for m in _URL.findall(text)) > 0.5 * len(text.strip()):
        return True  # bare URLs, link lists, "Source: https://..."
    stripped = text.strip()
    if words <= 4 and stripped.endswith(("...", "…")):
        return True  # "Loading...", "Reklam yükleniyor..."
    if (words <= 4 and stripped[0].islower() and not _END_PUNCT.search(stripped)
            and _key(stripped.split()[0]) not in cues.byline):
        return True  # "top of page", stray alt texts: headings start with a capital
    if words <= 80 and any(cue in key for cue in cues.blurbs):
        return True
    return _is_credit(stripped, cues)


def _is_credit(text: str, cues: Cues) -> bool:
    """Tell whether a line is a photo caption: it ends in "(Photo: X)" or opens "Photo: X"."""
    tail = re.search(r"\(([^():]{2,20}):[^()]*\)$", text)
    if tail and _key(tail.group(1)) in cues.credits:
        return True
    head = re.match(r"([^\W\d_][^:]{1,18}):", text)
    return bool(head and _key(head.group(1)) in cues.credits and _words(text) <= 25)


def _mark_references(units: list[_Unit], cues: Cues) -> None:
    """Move a reference list (a heading then citation-like lines) out of the body."""
    for i, unit in enumerate(units):
        if unit.verdict != "keep" or unit.key not in cues.references:
            continue
        j = i + 1
        while j < len(units) and _CITATION.search(units[j].text):
            units[j].verdict = "ref"
            j += 1
        if j > i + 1:
            unit.verdict = "boiler"


def _mark_repeats(units: list[_Unit]) -> None:
    """Drop lines that occur twice or more (captions); keep the first of a repeated sentence."""
    counts = Counter(u.key for u in units)
    seen: set[str] = set()
    for i, unit in enumerate(units):
        key = unit.key
        if counts[key] < 2 or unit.verdict != "keep":
            continue
        keep_first = i == 0 or (is_body(unit.text) and _words(unit.text) >= 12)
        if key in seen or not keep_first:
            unit.verdict = "boiler"
        seen.add(key)


def _mark_tail_marker(units: list[_Unit], cues: Cues, total: int) -> None:
    """Drop everything from a "Comments" / "Tags" heading in the second half on."""
    for i, unit in enumerate(units):
        if unit.offset >= total / 2 and unit.key in cues.tail_markers:
            _drop(units[i:])
            return


def _drop(units: list[_Unit]) -> None:
    for unit in units:
        if unit.verdict == "keep":
            unit.verdict = "boiler"


def _headline(text: str) -> bool:
    """Tell whether a line reads as a linked headline: short, not a sentence."""
    words = _words(text)
    return (words <= 25 and not is_body(text)) or (words <= 16 and text.rstrip().endswith("?"))


def _mark_related(units: list[_Unit], cues: Cues, total: int) -> None:
    """Drop "Read also" boxes: the cue and the headlines under it, up to the next body line.

    A box with article body after it sat inside the article, so only the box goes; a cue in
    the second half with no body after it ends the article (link lists, footers follow).
    """
    i = 0
    while i < len(units):
        if units[i].key not in cues.related:
            i += 1
            continue
        j = i + 1
        while j < len(units) and (units[j].verdict != "keep" or _headline(units[j].text)):
            j += 1
        body_after = any(u.verdict == "keep" and _paragraph(u.text) for u in units[j:])
        if not body_after and units[i].offset >= total / 2:
            _drop(units[i:])
            return
        _drop(units[i:j])
        i = j


def _paragraph(text: str) -> bool:
    """Tell whether a line is an article paragraph, longer than footer lines and author notes."""
    return is_body(text) and _words(text) >= _PARAGRAPH_WORDS


def _mark_zones(units: list[_Unit], cues: Cues) -> str | None:
    """Drop menus and site names before the first body line and short lines after the last."""
    body = [i for i, u in enumerate(units) if u.verdict == "keep" and is_body(u.text)]
    if not body:
        return None
    site = None
    head, tail = units[: body[0]], units[body[-1] + 1:]
    for unit in head:
        domain = _DOMAIN.search(unit.text)
        if unit.verdict == "keep" and domain and _words(unit.text) <= 12 and not is_body(unit.text):
            unit.verdict, site = "boiler", site or domain.group(0)
    for unit in tail:
        if unit.verdict == "keep" and ((_words(unit.text) <= 3 and not _BULLET.match(unit.text))
                                       or _labelled_widget(unit.text, cues)):
            unit.verdict = "boiler"
    for zone in (head, tail):
        _drop_menu_runs(zone, cues)
        for unit in zone:
            if unit.verdict == "keep" and _menu_bar(unit.text):
                unit.verdict = "boiler"
    if not units[body[-1]].text.rstrip().endswith(":"):  # else the tail is the article's list
        _drop_link_lists(tail)
    return site


def _menu_bar(text: str) -> bool:
    """Tell whether a line is a menu or share bar: "Home | World | Business", no figures."""
    parts = [p for p in _BAR.split(text.strip()) if p.strip()]
    return (len(parts) >= 3 and not text.lstrip().startswith("|")  # a markdown table row
            and all(_words(p) <= 3 for p in parts) and not any(c.isdigit() for c in text))


def _labelled_widget(text: str, cues: Cues) -> bool:
    """Tell whether a tail line is a labelled widget: "Tags: Russia, Kazakhstan", "Share: X"."""
    label = text.split(":", 1)[0] if ":" in text else ""
    key = _key(label)
    return bool(key) and (key in cues.tail_markers or key in cues.nav or key in cues.related)


def _drop_link_lists(tail: list[_Unit]) -> None:
    """Drop a short heading followed by two or more headlines after the body: a link list."""
    for i, unit in enumerate(tail):
        if _words(unit.text) > 5 or is_body(unit.text) or unit.text.rstrip().endswith(","):
            continue
        j = i + 1
        while j < len(tail) and _headline(tail[j].text) and _words(tail[j].text) >= 3:
            j += 1
        if j - i - 1 >= 2:
            _drop(tail[i:j])


def _menu_item(unit: _Unit, cues: Cues) -> bool:
    """Tell whether a line can be a menu entry: few words, no digits or punctuation, no byline."""
    text = unit.text.strip()
    return (_words(text) <= 4 and not _END_PUNCT.search(text) and not any(c.isdigit() for c in text)
            and text.split()[0].casefold() not in cues.byline)


def _drop_menu_runs(units: list[_Unit], cues: Cues) -> None:
    """Drop runs of three or more menu entries (lines already dropped count towards a run)."""
    run: list[_Unit] = []
    for unit in [*units, None]:
        if unit is not None and _menu_item(unit, cues):
            run.append(unit)
            continue
        if len(run) >= _MENU_RUN:
            for member in run:
                member.verdict = "boiler" if member.verdict == "keep" else member.verdict
        run = []


def filter_text(text: str, cues: Cues | None = None) -> Filtered:
    """Split scraped text into article lines, boilerplate lines and a reference list."""
    cues = cues or load_cues()
    units = _units(text)
    for unit in units:
        if _line_rule(unit.text, cues, unit.key):
            unit.verdict = "boiler"
    _mark_references(units, cues)
    _mark_repeats(units)
    _mark_related(units, cues, len(text))
    _mark_tail_marker(units, cues, len(text))
    site = _mark_zones(units, cues)
    kept = [u.text for u in units if u.verdict == "keep"]
    return Filtered(
        text="\n\n".join(kept), kept=kept, site=site,
        boilerplate=[u.text for u in units if u.verdict == "boiler"],
        references=[u.text for u in units if u.verdict == "ref"],
    )


def split_byline(line: str, cues: Cues) -> tuple[str, str | None]:
    """Split "Title by Jane Roe" into (title, author); (line, None) when there is no byline."""
    words = line.split()
    for i in range(len(words) - 2, 2, -1):
        if words[i].casefold() not in cues.byline:
            continue
        name = words[i + 1:]
        if 2 <= len(name) <= 5 and all(_name_token(w) for w in name):
            return " ".join(words[:i]), " ".join(name)
    return line, None


def _name_token(word: str) -> bool:
    """Tell whether a word can be part of a person's name: "Marie", "B.", "Jean-Luc"."""
    return word[:1].isupper() and (len(word) <= 2 or not word.isupper())
