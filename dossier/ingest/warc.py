"""WARC/ARC archives (warcio) -> Documents: HTML responses, streamed record by record.

Common Crawl news WARCs hold one HTTP response per record. We keep status-200 HTML responses,
decode them exactly as the web fetcher does (so an archived page and the same page fetched
live get the same content id), and take WARC-Target-URI as url and source. WARC-Date is the
crawl time, kept only as the ``meta["warc_date"]`` hint, never as the publication date.

Filtering by language and date happens twice: :func:`prefilter` is a cheap pre-pipeline check
on what the markup and URL declare (``<html lang>``, ``article:published_time``, a date in the
URL) that drops records which clearly fail, and :func:`matches` is the precise check on the
processed Document (detected language, published date) that the build applies after the
pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import brotli
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed

from dossier.ingest.fetch import FetchError, decode_body, media_type
from dossier.ingest.files import content_id
from dossier.ingest.walls import detect_wall
from dossier.model import Document, Failure

__all__ = [
    "WarcStats", "declared_date", "declared_language", "iter_warc", "matches", "prefilter",
]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
_META_LANG = re.compile(
    r"<meta\b[^>]*?(?:http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']?og:locale)"
    r"[^>]*?content\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
_META_DATE = re.compile(
    r"(?:article:published_time|datePublished|pubdate|publish[-_]?date)[\"']?\s*"
    r"(?:content\s*=|:)\s*[\"']?(\d{4}-\d{2}-\d{2})", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/._-]|$)")


class _Brotli:
    """brotli.Decompressor shaped like zlib's, as warcio's readers expect.

    warcio's own "br" hook sets an attribute on brotli.Decompressor, which Brotli >= 1.1 (a C
    type without __dict__) refuses, so every br-encoded record would fail to read.
    """

    def __init__(self) -> None:
        self._inner = brotli.Decompressor()
        self.unused_data = b""  # brotli streams are never multi-member

    def decompress(self, data: bytes) -> bytes:
        """Return the next piece of decompressed output."""
        return bytes(self._inner.process(data))


_DECOMPRESSORS = {**BufferedReader.DECOMPRESSORS, "br": _Brotli}


class _Reader(BufferedReader):
    """warcio's decompressing reader with a working brotli (no change to warcio's globals)."""

    DECOMPRESSORS = _DECOMPRESSORS


class _Chunked(ChunkedDataReader):
    """warcio's de-chunking reader with a working brotli."""

    DECOMPRESSORS = _DECOMPRESSORS


def _content_stream(record: Any) -> Any:
    """Return the record's payload with chunking and Content-Encoding undone."""
    encoding = (record.http_headers.get_header("content-encoding") or "").strip().lower()
    decomp = encoding if encoding in _DECOMPRESSORS else None
    if (record.http_headers.get_header("transfer-encoding") or "").lower() == "chunked":
        return _Chunked(record.raw_stream, decomp_type=decomp)
    if decomp:
        return _Reader(record.raw_stream, decomp_type=decomp)
    return record.raw_stream


@dataclass(slots=True, kw_only=True)
class WarcStats:
    """Counts of one ingestion: records seen, HTML kept, skipped by type/status or prefilter."""

    records: int = 0
    kept: int = 0
    not_html: int = 0
    filtered: int = 0
    failed: int = 0


def iter_warc(
    paths: Iterable[str | Path], *, lang: str | None = None, since: str | None = None,
    detect_walls: bool = True, max_bytes: int = 10_000_000, stats: WarcStats | None = None,
) -> Iterator[Document | Failure]:
    """Yield a Document per HTML response in WARC/ARC files (gzipped or not), else a Failure.

    ``lang`` (ISO 639-1) and ``since`` (YYYY-MM-DD) drop records whose markup or URL clearly
    say otherwise; apply :func:`matches` after the pipeline for the precise filter.
    """
    stats = stats if stats is not None else WarcStats()
    for given in paths:
        yield from _iter_file(Path(given), lang, since, detect_walls, max_bytes, stats)


def _iter_file(
    path: Path, lang: str | None, since: str | None, walls: bool, max_bytes: int,
    stats: WarcStats,
) -> Iterator[Document | Failure]:
    """Stream one archive; an unreadable file or a truncated tail becomes one Failure."""
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                item = _record(record, path, lang, since, walls, max_bytes, stats)
                if item is not None:
                    yield item
    except OSError as exc:
        stats.failed += 1
        yield Failure(source=str(path), reason=f"cannot read archive: {exc.strerror or exc}")
    except ArchiveLoadFailed as exc:
        stats.failed += 1
        yield Failure(source=str(path), reason=f"not a readable WARC/ARC file (or truncated): "
                                               f"{exc.msg}")


def _record(
    record: Any, path: Path, lang: str | None, since: str | None, walls: bool, max_bytes: int,
    stats: WarcStats,
) -> Document | Failure | None:
    """Turn one archive record into a Document, a Failure, or None when it is not wanted."""
    if record.rec_type != "response":
        return None
    stats.records += 1
    uri = (record.rec_headers.get_header("WARC-Target-URI")
           or f"{path.name}#{record.rec_headers.get_header('WARC-Record-ID')}")
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        stats.not_html += 1
        return None
    kind, charset = media_type(http.get_header("Content-Type"))
    if kind not in _HTML_TYPES:
        stats.not_html += 1
        return None
    try:
        body = _content_stream(record).read(max_bytes + 1)
        if len(body) > max_bytes:
            raise FetchError(f"record is over the limit of {max_bytes:,} bytes")
        html = decode_body(body, charset)
    except Exception as exc:  # a broken record (bad chunking/compression) must not stop the file
        stats.failed += 1
        return Failure(source=uri, reason=f"unreadable record in {path.name}: {exc}")
    if (lang or since) and not prefilter(html, uri, lang=lang, since=since):
        stats.filtered += 1
        return None
    if walls and (why := detect_wall(html)):
        stats.failed += 1
        return Failure(source=uri, reason=why)
    stats.kept += 1
    meta: dict[str, Any] = {"warc_file": path.name}
    if warc_date := record.rec_headers.get_header("WARC-Date"):
        meta["warc_date"] = warc_date  # crawl time: a lower bound hint, not the publication date
    return Document(id=content_id(html), source=uri, raw=html, format="html", url=uri, meta=meta)


def declared_language(html: str) -> str | None:
    """Return the primary language subtag the page declares (html lang, meta), lower-case."""
    head = html[:8192]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).lower() if match else None


def declared_date(html: str, url: str | None) -> str | None:
    """Return a YYYY-MM-DD publication date from page metadata or the URL, if any."""
    match = _META_DATE.search(html[:65536])
    if match:
        return match.group(1)
    url_match = _URL_DATE.search(url or "")
    return "-".join(url_match.groups()) if url_match else None


def prefilter(html: str, url: str | None, *, lang: str | None = None,
              since: str | None = None) -> bool:
    """Tell whether a page may pass ``lang``/``since``: False only when its markup says not."""
    if lang:
        declared = declared_language(html)
        if declared and declared != lang.lower():
            return False
    if since:
        date = declared_date(html, url)
        if date and date < since:
            return False
    return True


def matches(doc: Document, *, lang: str | None = None, since: str | None = None,
            keep_undated: bool = False) -> bool:
    """Tell whether a processed Document passes ``--lang`` and ``--since`` (precise filter)."""
    if lang and doc.language != lang.lower():
        return False
    if since:
        if doc.published is None:
            return keep_undated
        return doc.published >= since
    return True
