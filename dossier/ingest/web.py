"""URLs -> Documents: article pages, RSS/Atom feeds (each entry fetched) and sitemaps.

The lead's build calls :func:`iter_urls` beside :func:`dossier.ingest.files.iter_inputs`; both
yield ``Document | Failure`` and never raise for a bad input. Document ids are the same
content ids as for files (``content_id`` of the decoded HTML), so a page read from a WARC, a
file or the web is one document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from dossier.ingest.feeds import Link, gunzip_limited, parse_feed, parse_sitemap, sniff
from dossier.ingest.fetch import FetchConfig, Fetched, Fetcher, FetchError
from dossier.ingest.files import content_id
from dossier.ingest.netguard import Resolver, system_resolver
from dossier.ingest.walls import detect_wall
from dossier.model import Document, Failure

__all__ = ["UrlLimits", "iter_urls", "page_document", "read_url_list"]


@dataclass(slots=True, kw_only=True)
class UrlLimits:
    """Bounds on one :func:`iter_urls` call, so a huge sitemap cannot run away."""

    max_pages: int = 1000  # article pages fetched per call
    max_sitemap_depth: int = 3  # sitemap index -> sitemap -> ... nesting
    max_sitemap_bytes: int = 50_000_000  # the sitemaps.org limit (uncompressed)


@dataclass(slots=True)
class _Run:
    """State of one iter_urls call: the fetcher, limits, and pages already fetched."""

    fetcher: Fetcher
    limits: UrlLimits
    seen: set[str]
    walls: bool
    pages: int = 0
    visited: set[str] = field(default_factory=set)


def iter_urls(
    urls: Iterable[str], *, client: httpx.Client | None = None, allow_private: bool = False,
    config: FetchConfig | None = None, transport: httpx.BaseTransport | None = None,
    fetcher: Fetcher | None = None, limits: UrlLimits | None = None,
    seen: set[str] | None = None, detect_walls: bool = True, resolver: Resolver = system_resolver,
) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for every article page reachable from ``urls``.

    Each URL may be an article, an RSS/Atom feed (every entry's link is fetched) or a sitemap
    (indexes recursed up to ``limits.max_sitemap_depth``). ``seen`` holds page URLs already
    ingested; they are skipped and new ones added, which makes repeated feed polls incremental.
    """
    cfg = dataclasses.replace(config or FetchConfig(), allow_private=allow_private)
    own = fetcher is None
    fetcher = fetcher or Fetcher(cfg, client=client, transport=transport, resolver=resolver)
    run = _Run(fetcher=fetcher, limits=limits or UrlLimits(), walls=detect_walls,
               seen=seen if seen is not None else set())
    try:
        for url in urls:
            url = url.strip()
            if url and not url.startswith("#"):
                yield from _source(run, url, depth=0)
    finally:
        if own:
            fetcher.close()


def read_url_list(path: str | Path) -> list[str]:
    """Return the URLs of a ``--urls`` file: one per line, blank lines and # comments skipped."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def page_document(
    got: Fetched, source: str, meta: dict[str, Any] | None = None, *, walls: bool = True
) -> Document | Failure:
    """Turn a fetched HTML page into a Document, or a Failure for walls and undecodable bytes."""
    try:
        html = got.text()
    except FetchError as exc:
        return Failure(source=source, reason=str(exc))
    if not html.strip():
        return Failure(source=source, reason="empty page")
    if walls and (why := detect_wall(html)):
        return Failure(source=source, reason=why)
    meta = dict(meta or {})
    if got.final_url != source:
        meta["requested_url"] = source
    return Document(id=content_id(html), source=source, raw=html, format="html",
                    url=got.final_url, meta=meta)


def _source(run: _Run, url: str, *, depth: int) -> Iterator[Document | Failure]:
    """Fetch a URL given by the user or a sitemap index and dispatch on what it is."""
    if url in run.visited:
        return
    run.visited.add(url)
    try:
        got = run.fetcher.fetch(url)
        if got.body.startswith(b"\x1f\x8b"):  # sitemap.xml.gz served without Content-Encoding
            got.body = gunzip_limited(got.body, run.limits.max_sitemap_bytes)
    except (FetchError, ValueError) as exc:
        yield Failure(source=url, reason=str(exc))
        return
    kind = sniff(got.body[:4096], got.content_type)
    if kind == "feed":
        yield from _feed(run, got)
    elif kind == "sitemap":
        yield from _sitemap(run, got, depth)
    elif kind == "html":
        run.seen.add(url)
        yield page_document(got, url, walls=run.walls)
    else:
        yield Failure(source=url, reason=f"not an HTML page, feed or sitemap (content type "
                                         f"{got.content_type or 'unknown'!r})")


def _feed(run: _Run, got: Fetched) -> Iterator[Document | Failure]:
    """Fetch every entry of an RSS/Atom feed."""
    links = parse_feed(got.body, got.final_url)
    if not links:
        yield Failure(source=got.url, reason="feed holds no entries with links (malformed XML, "
                                             "or not an RSS/Atom feed)")
    for link in links:
        yield from _page(run, link)


def _sitemap(run: _Run, got: Fetched, depth: int) -> Iterator[Document | Failure]:
    """Fetch the pages of a sitemap and recurse into a sitemap index, up to the depth limit."""
    try:
        sitemap = parse_sitemap(got.body, got.final_url, max_bytes=run.limits.max_sitemap_bytes)
    except ValueError as exc:
        yield Failure(source=got.url, reason=f"cannot read sitemap: {exc}")
        return
    if sitemap.sitemaps and depth >= run.limits.max_sitemap_depth:
        yield Failure(source=got.url, reason=f"sitemap index nested deeper than "
                                             f"{run.limits.max_sitemap_depth} levels; not followed")
    elif sitemap.sitemaps:
        for child in sitemap.sitemaps:
            yield from _source(run, child, depth=depth + 1)
    for link in sitemap.pages:
        yield from _page(run, link)


def _page(run: _Run, link: Link) -> Iterator[Document | Failure]:
    """Fetch one article page named by a feed or sitemap, unless seen or over the page budget."""
    if link.url in run.seen or link.url in run.visited:
        return
    run.visited.add(link.url)
    if run.pages >= run.limits.max_pages:
        if run.pages == run.limits.max_pages:  # say it once, not for every skipped link
            run.pages += 1
            yield Failure(source=link.url, reason=f"page limit of {run.limits.max_pages} "
                                                  "reached; remaining links not fetched")
        return
    run.pages += 1
    try:
        got = run.fetcher.fetch(link.url)
    except FetchError as exc:
        yield Failure(source=link.url, reason=str(exc))
        return
    kind = sniff(got.body[:4096], got.content_type)
    if kind != "html":
        yield Failure(source=link.url, reason=f"linked page is not HTML (content type "
                                              f"{got.content_type or 'unknown'!r})")
        return
    run.seen.add(link.url)
    yield page_document(got, link.url, link.meta, walls=run.walls)
