"""Route what the user names to the right reader: files and folders, WARC archives, URLs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier.ingest.files import iter_inputs
from dossier.model import Document, Failure

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(slots=True, kw_only=True)
class SourceOptions:
    """How network and archive sources are read."""

    allow_private: bool = False  # let the fetcher reach private/loopback addresses (tests)
    lang: str | None = None  # keep only documents in this language (ISO 639-1)
    since: str | None = None  # keep only documents published on or after YYYY-MM-DD
    seen_urls: set[str] = field(default_factory=set)  # page URLs already ingested (watch)


def is_url(source: str | Path) -> bool:
    """Tell whether a source is an http(s) URL."""
    return str(source).lower().startswith(("http://", "https://"))


def is_warc(source: str | Path) -> bool:
    """Tell whether a source is a WARC/ARC archive file."""
    return str(source).lower().endswith(WARC_SUFFIXES)


def iter_sources(sources: Iterable[str | Path], options: SourceOptions | None = None
                 ) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for all the sources hold: files, then WARCs, then URLs."""
    opts = options or SourceOptions()
    given = list(sources)
    urls = [str(s) for s in given if is_url(s)]
    warcs = [s for s in given if not is_url(s) and is_warc(s)]
    paths = [s for s in given if not is_url(s) and not is_warc(s)]
    if paths:
        yield from iter_inputs(paths)
    if warcs:
        from dossier.ingest.warc import iter_warc

        yield from iter_warc(warcs, lang=opts.lang, since=opts.since)
    if urls:
        from dossier.ingest.web import iter_urls

        yield from iter_urls(urls, allow_private=opts.allow_private, seen=opts.seen_urls)
