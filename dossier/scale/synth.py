"""Synthetic corpora for scale benchmarks: processed seed documents copied with variations.

Running the whole pipeline to make a 100k-document store would measure the per-document
stages again (``bench/bench_pipeline.py`` does that); the corpus-level steps only need
realistic stored facts. Each copy gets its own id, person names drawn from a generated pool
(so the number of entities grows with the corpus, with near-duplicate spellings), dates
shifted by whole years and months, and figures scaled, so that events, entities and
conflicts keep their shape without collapsing onto the seeds' few records.
"""

from __future__ import annotations

import hashlib
import pickle
import random
import re
from collections.abc import Iterator, Sequence

from dossier.model import Document

_SYLLABLES = ("ka", "ra", "to", "mi", "ne", "sa", "lo", "vi", "de", "bo", "ru", "ta", "ze",
              "ko", "li", "na", "po", "se", "du", "ma", "ri", "go", "fe", "zu")
_FIRST = ("anna", "boris", "carla", "dmitri", "elena", "farid", "giulia", "hasan", "ines",
          "jorge", "kairat", "laura", "marat", "nina", "oleg", "paulo", "rita", "sergei")
_DATE = re.compile(r"^(\d{4})((?:-\d{2}){0,2})$")


def surname(n: int) -> str:
    """Return the ``n``-th generated surname (three syllables and an ending)."""
    s = len(_SYLLABLES)
    parts = [_SYLLABLES[(n // s ** k) % s] for k in range(3)]
    return "".join(parts) + ("ov", "enko", "es", "i")[n % 4]


def _shift(date: str | None, years: int) -> str | None:
    m = _DATE.match(date or "")
    return f"{int(m.group(1)) + years}{m.group(2)}" if m else date


def _person(key: str, rng: random.Random, pool: int, names: dict[str, str]) -> str:
    if key not in names:
        names[key] = f"person:{rng.choice(_FIRST)} {surname(rng.randrange(pool))}"
    return names[key]


def variant(doc: Document, i: int, *, pool: int = 3000) -> Document:
    """Return copy ``i`` of a processed document, with its own id, names, dates and figures."""
    rng = random.Random(i)
    out = pickle.loads(pickle.dumps(doc))  # a deep copy, 20x faster than copy.deepcopy
    out.id = hashlib.sha1(f"{doc.id}:{i}".encode()).hexdigest()[:16]
    out.source = f"synthetic:{i}:{doc.source}"
    years = rng.randrange(-12, 1)
    names: dict[str, str] = {}

    def key_of(k: str) -> str:
        return _person(k, rng, pool, names) if k.startswith("person:") else k

    for m in out.mentions:
        if m.key.startswith("person:"):
            m.key = key_of(m.key)
            m.text = m.key.split(":", 1)[1].title()
    scale = 1 + rng.randrange(-30, 31) / 100
    for f in out.figures:
        f.value = None if f.value is None else round(f.value * scale, 2)
        f.period = _shift(f.period, years)
        f.speaker = key_of(f.speaker) if f.speaker else None
        f.subjects = [key_of(k) for k in f.subjects]
    for e in out.events:
        e.date, e.end_date = _shift(e.date, years), _shift(e.end_date, years)
        e.actors = [key_of(k) for k in e.actors]
    for a in out.agreements:
        a.date = _shift(a.date, years)
        a.parties = [key_of(k) for k in a.parties]
    out.published = _shift(out.published, years)
    return out


def corpus(seeds: Sequence[Document], n: int, *, start: int = 0) -> Iterator[Document]:
    """Yield ``n`` variants of the processed ``seeds`` (copy numbers from ``start``)."""
    for i in range(start, start + n):
        yield variant(seeds[i % len(seeds)], i)
