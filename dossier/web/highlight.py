"""Cut a document's text into sentence blocks and marked spans, for escaping templates.

Highlighting by inserting tags into article text would mean marking untrusted text as safe.
Instead the text is cut at the stored offsets into plain-text pieces, each tagged with what it
is (a figure, an entity mention); the template escapes every piece. Offsets that fall outside
the text, or spans that overlap an earlier one, are dropped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Block", "Mark", "Span", "blocks"]


@dataclass(slots=True, kw_only=True)
class Mark:
    """Something to highlight: a character range with its kind and link target."""

    start: int
    end: int
    kind: str  # "figure" or "mention"
    ref: str = ""  # figure id or entity id
    label: str = ""  # tooltip text
    css: str = ""  # extra class, e.g. the entity type


@dataclass(slots=True, kw_only=True)
class Span:
    """A piece of text, marked or plain."""

    text: str
    mark: Mark | None = None


@dataclass(slots=True, kw_only=True)
class Block:
    """A sentence (with its index) or the text between two sentences (index None)."""

    sentence: int | None
    spans: list[Span] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # event labels reported here


def _valid(marks: Sequence[Mark], size: int) -> list[Mark]:
    """Keep in-range, non-overlapping marks; figures win ties at the same start."""
    order = sorted((m for m in marks if 0 <= m.start < m.end <= size),
                   key=lambda m: (m.start, m.kind != "figure", -m.end))
    kept: list[Mark] = []
    for m in order:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _cut(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Span]:
    """Split text[start:end] at the marks that fall inside it (clipping at the edges)."""
    spans: list[Span] = []
    at = start
    for m in marks:
        a, b = max(m.start, start), min(m.end, end)
        if a >= b:
            continue
        if a > at:
            spans.append(Span(text=text[at:a]))
        spans.append(Span(text=text[a:b], mark=m))
        at = b
    if at < end:
        spans.append(Span(text=text[at:end]))
    return spans


def _ranges(size: int, sentences: Sequence[Any]) -> list[tuple[int | None, int, int]]:
    """Return (sentence index or None, start, end) covering the whole text in order."""
    out: list[tuple[int | None, int, int]] = []
    at = 0
    for i, s in sorted(enumerate(sentences), key=lambda p: p[1].start):
        start, end = max(s.start, at), min(s.end, size)
        if start >= end:
            continue
        if start > at:
            out.append((None, at, start))
        out.append((i, start, end))
        at = end
    if at < size:
        out.append((None, at, size))
    return out


def blocks(text: str, sentences: Sequence[Any], marks: Sequence[Mark],
           events: Mapping[int, list[str]] | None = None) -> list[Block]:
    """Return the text as blocks of escaped-later spans; ``events`` maps sentence -> labels."""
    kept = _valid(marks, len(text))
    events = events or {}
    out = []
    for index, start, end in _ranges(len(text), sentences):
        inside = [m for m in kept if m.start < end and m.end > start]
        labels = events.get(index, []) if index is not None else []
        out.append(Block(sentence=index, spans=_cut(text, start, end, inside), events=labels))
    return out
