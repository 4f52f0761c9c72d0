"""The page header of scraped text: the article's title and author, and which lines are bylines.

Written here because scraped text has lost the page's markup (``<h1>``, ``rel=author``): the
title is the first substantial headline-like line between the page furniture and the body, and
the author comes from a byline ("By Jane Roe", "Par X | Le 12/05", "Автор: ...") or a bare name
line under the title. Cue words, academic titles and site-name endings come from
``dossier/lang/<code>/clean.toml``. A name that the article talks about is its subject, never its
author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.clean.boilerplate import Cues, is_body, split_byline
from dossier.clean.boilerplate import _key as key

__all__ = ["Header", "find_header"]

_SEPARATOR = re.compile(r"\s(?:[|›»·•>/]|--?|–|—)\s")  # menu bars, breadcrumbs, "Name | date"
_TITLE_SEPARATOR = re.compile(r"\s[|›»·•>]\s|\S {2,}\S")  # "Site | Section", "Menu  News"
_QUOTED = re.compile(r"«[^«»]*»")
_TOKEN_EDGE = ".,;:()[]«»\"'“”„"
_MIN_TITLE_WORDS = 5  # shorter head lines are mostly site names; one is taken only as fallback
_NEAR_BODY = 3  # a bare name line may follow the lead paragraph ("Lead. / Jane Roe / Body.")


@dataclass(slots=True, kw_only=True)
class Header:
    """The header found in the article lines: title, author, and byline lines to drop."""

    title: str | None = None
    author: str | None = None
    bylines: list[int] = field(default_factory=list)  # indices into the lines given


def find_header(lines: list[str], cues: Cues) -> Header:
    """Find title and author among the kept lines of a page (in page order)."""
    first_body = next((i for i, line in enumerate(lines) if is_body(line)), len(lines))
    header = Header()
    title_at = _title_index(lines[:first_body], cues)
    if title_at is not None:
        title = " ".join(lines[title_at].split())
        header.title, header.author = split_byline(title, cues)
        if header.author and _subject(header.author, lines, {title_at}, cues):
            header.title, header.author = title, None
    if header.author is None:
        _find_byline(lines, cues, first_body, -1 if title_at is None else title_at, header)
    return header


def _title_index(head: list[str], cues: Cues) -> int | None:
    """Return the first substantial headline-like line, else the last one before the body."""
    fallback = None
    for i, line in enumerate(head):
        text = " ".join(line.split())
        if not _headline_like(text, cues):
            continue
        if _letter_words(text) >= _MIN_TITLE_WORDS:
            return i
        fallback = i if _letter_words(text) >= 2 else fallback
    return fallback


def _headline_like(text: str, cues: Cues) -> bool:
    """Tell whether a head line can be the title: no menu, date, byline or site-name line."""
    words = text.split()
    unquoted = _QUOTED.sub("Q", text)  # "un partenariat « stratégique »" holds no separator
    if not 1 <= len(words) <= 30 or text.endswith((":", ";", ",")) or _TITLE_SEPARATOR.search(
            unquoted):
        return False
    if sum(c.isalpha() for c in text) < len(text) / 2:
        return False  # a date or figure line
    if key(words[0]) in cues.byline or _bare_name(text, cues):
        return False
    return not _site_name(text, cues)


def _site_name(text: str, cues: Cues) -> bool:
    """Tell whether a short line names the site: "The Astana Times", "... News Agency"."""
    folded = key(text)
    return len(text.split()) <= 7 and any(
        folded == s or folded.endswith(" " + s) for s in cues.site_suffixes)


def _letter_words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def _find_byline(lines: list[str], cues: Cues, first_body: int, title_at: int,
                 header: Header) -> None:
    """Fill the author from a cued byline near the head or the end, or a bare name line."""
    near = range(title_at + 1, min(len(lines), first_body + _NEAR_BODY + 1))
    tail = range(max(first_body + 1, len(lines) - 3), len(lines))
    for i in [*near, *(i for i in tail if i not in near)]:
        line = " ".join(lines[i].split())
        if is_body(line) and len(line.split()) > 25:
            continue
        name = _cued_name(line, cues)
        if name is None and (title_at < i < first_body or i == first_body + 1 >= 2):
            name = _bare_name(line, cues)
            name = None if name and _common_words(name, lines) else name
        if name and not _subject(name, lines, {i}, cues):
            header.author = name
            if _pure_byline(line, name, cues):
                header.bylines.append(i)
            return


def _cued_name(line: str, cues: Cues) -> str | None:
    """Return the name after a byline cue at the line's start or after a separator or time."""
    words = line.split()
    for i, word in enumerate(words):
        if key(word) not in cues.byline:
            continue
        if i and any(c.isalpha() for c in words[i - 1]) and words[i - 1][-1] not in "|-–—:/)":
            continue  # "visit by Vladimir Putin": a phrase, not a byline
        name = _name_at(words[i + 1:], cues)
        if name:
            return name
    return None


def _bare_name(line: str, cues: Cues) -> str | None:
    """Return a name standing alone on a line, or before "| date" ("Jane Roe | 08.05.2025")."""
    first = _SEPARATOR.split(line, maxsplit=1)
    rest = first[1] if len(first) > 1 else ""
    if rest and not any(c.isdigit() for c in rest):
        return None
    words = first[0].split()
    name = _name_at(words, cues)
    return name if name and len(name.split()) == len(words) else None


def _name_at(words: list[str], cues: Cues) -> str | None:
    """Return the person's name that opens ``words`` (2 to 4 names, titles dropped)."""
    while words and key(words[0]) in cues.author_titles:
        words = words[1:]
    name: list[str] = []
    for word in words:
        token = word.strip(_TOKEN_EDGE)
        if not token or not _name_token(token):
            break
        name.append(token)
        if len(name) > 4:
            return None
        if word.rstrip(".").endswith((",", ";", ":", "|", ")")):
            break  # "Jane Roe, Reuters": the name ends here
    scripts = {"cyr" if re.search(r"[\u0400-\u04ff]", t) else "lat" for t in name}
    if not 2 <= len(name) <= 4 or len(scripts) > 1 or _site_name(" ".join(name), cues):
        return None
    return " ".join(name)


def _name_token(token: str) -> bool:
    """Tell whether a token can be part of a person's name: "Marie", "B.", "Jean-Luc"."""
    letters = [c for c in token if c.isalpha()]
    if not letters or not token[0].isupper() or any(c.isdigit() for c in token):
        return False
    return len(letters) <= 1 or not token.isupper()  # "TRT", "ANSA" are outlets


def _subject(name: str, lines: list[str], skip: set[int | None], cues: Cues) -> bool:
    """Tell whether the article talks about ``name`` (its surname outside byline/bio lines)."""
    surname = re.compile(rf"(?<!\w){re.escape(name.split()[-1].casefold())}")
    for i, line in enumerate(lines):
        if i in skip or _opens_with(line, name, cues):
            continue  # "*Jane Roe is a researcher at ...", "Dr. Jane Roe ist ...": a bio line
        if surname.search(line.casefold()):
            return True
    return False


def _opens_with(line: str, name: str, cues: Cues) -> bool:
    """Tell whether a line opens with ``name``, after symbols and academic titles."""
    words = line.lstrip("*•-–—#> \t").split()
    while words and key(words[0]) in cues.author_titles:
        words = words[1:]
    return " ".join(words).startswith(name)


def _common_words(name: str, lines: list[str]) -> bool:
    """Tell whether a word of ``name`` occurs in lower case in the text: a heading, no name."""
    text = " ".join(lines)
    return any(re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", text)
               for w in name.split() if len(w) > 2)


def _pure_byline(line: str, name: str, cues: Cues) -> bool:
    """Tell whether a line holds only a byline (no date a later stage needs)."""
    if any(c.isdigit() for c in line):
        return False
    rest = line.replace(name, " ")
    return all(key(w) in cues.byline or key(w) in cues.author_titles or not key(w)
               for w in rest.split())
