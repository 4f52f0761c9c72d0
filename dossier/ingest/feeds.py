"""RSS/Atom feeds (feedparser) and XML/text sitemaps -> links to fetch, with metadata hints.

Parsing only: these functions take bytes already fetched (so feedparser never fetches on its
own) and return links plus the hints a feed gives for free (title, publication date). Sitemaps
are read with lxml with entity resolution and network access off, so a hostile sitemap cannot
read local files or make requests.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser
from lxml import etree

__all__ = ["Kind", "Link", "Sitemap", "gunzip_limited", "parse_feed", "parse_sitemap", "sniff"]

Kind = Literal["feed", "sitemap", "html", "other"]

_ROOT = re.compile(rb"<([A-Za-z][\w.:-]*)")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})
_SITEMAP_ROOTS = frozenset({b"urlset", b"sitemapindex"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_URL_LINE = re.compile(r"^https?://\S+$")


@dataclass(slots=True, kw_only=True)
class Link:
    """A page to fetch and the metadata hints its feed or sitemap gave (Document.meta keys)."""

    url: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Sitemap:
    """A parsed sitemap: article pages, and child sitemaps when it is a sitemap index."""

    pages: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def gunzip_limited(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip bytes (sitemap.xml.gz), refusing more than ``max_bytes`` of output."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ValueError(f"broken gzip data: {exc}") from None
    if len(out) > max_bytes:
        raise ValueError(f"decompresses to more than {max_bytes:,} bytes")
    return out


def sniff(data: bytes, content_type: str) -> Kind:
    """Tell a feed, a sitemap and an HTML page apart by root element, then by media type."""
    head = _strip_prolog(data[:4096])
    root = _ROOT.match(head)
    name = root.group(1).lower() if root else b""
    local = name.split(b":")[-1]
    if name in _FEED_ROOTS or local in (b"rss", b"feed") or content_type in _FEED_TYPES:
        return "feed"
    if local in _SITEMAP_ROOTS:
        return "sitemap"
    if name == b"html" or content_type in _HTML_TYPES or head.lower().startswith(b"<!doctype html"):
        return "html"
    if content_type == "text/plain" and _is_url_list(data):
        return "sitemap"
    return "other"


def _strip_prolog(head: bytes) -> bytes:
    """Drop a BOM, XML declaration, comments and whitespace before the root element."""
    head = head.lstrip(b"\xef\xbb\xbf").lstrip()
    while head.startswith((b"<?", b"<!--")):
        end = head.find(b"?>" if head.startswith(b"<?") else b"-->")
        if end < 0:
            return b""
        head = head[end + (2 if head.startswith(b"<?") else 3):].lstrip()
    return head


def _is_url_list(data: bytes) -> bool:
    """Tell whether a text body is a plain-text sitemap: one absolute URL per line."""
    lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    return bool(lines) and all(_URL_LINE.match(ln) for ln in lines[:50])


def parse_feed(data: bytes, base_url: str) -> list[Link]:
    """Return the entry links of an RSS/Atom feed with title and published-date hints."""
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    links: list[Link] = []
    for entry in parsed.entries:
        href = entry.get("link") or _first_alternate(entry)
        if not href:
            continue
        meta: dict[str, Any] = {"feed": base_url}
        if entry.get("title"):
            meta["title"] = str(entry["title"]).strip()
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            meta["published"] = time.strftime("%Y-%m-%d", stamp)
        links.append(Link(url=urljoin(base_url, str(href).strip()), meta=meta))
    return links


def _first_alternate(entry: Any) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def parse_sitemap(data: bytes, base_url: str, *, max_bytes: int = 50_000_000) -> Sitemap:
    """Parse an XML (optionally gzipped) or plain-text sitemap; raise ValueError when broken."""
    data = gunzip_limited(data, max_bytes)
    if _is_url_list(data) and not data.lstrip().startswith(b"<"):
        urls = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
        return Sitemap(pages=[Link(url=u, meta={"sitemap": base_url}) for u in urls])
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"malformed sitemap XML: {exc}") from None
    if root is None:
        raise ValueError("empty or unreadable sitemap XML")
    out = Sitemap()
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        url = urljoin(base_url, loc)
        if etree.QName(node).localname == "sitemap":
            out.sitemaps.append(url)
        else:
            out.pages.append(Link(url=url, meta=_sitemap_meta(node, base_url)))
    return out


def _sitemap_meta(node: etree._Element, base_url: str) -> dict[str, Any]:
    """Hints of a sitemap <url>: Google News title and publication date, lastmod."""
    meta: dict[str, Any] = {"sitemap": base_url}
    title = _child_text(node, "title")
    published = _child_text(node, "publication_date")
    lastmod = _child_text(node, "lastmod")
    if title:
        meta["title"] = title
    if published:
        meta["published"] = published  # the news extension's date is the publication date
    if lastmod:
        meta["lastmod"] = lastmod  # a modification date, so not a published hint
    return meta


def _child_text(node: etree._Element, name: str) -> str | None:
    """Return the stripped text of the first descendant named ``name`` (any namespace)."""
    for child in node.iter():
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = (child.text or "").strip()
            return text or None
    return None
