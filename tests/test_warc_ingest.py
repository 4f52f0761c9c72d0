"""WARC/ARC ingestion: archived responses give the same Documents as the live pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.ingest.fetch import FetchConfig
from dossier.ingest.warc import WarcStats, iter_warc, matches, prefilter
from dossier.ingest.web import iter_urls
from dossier.model import Document, Failure
from tests.web_site import SiteServer, route, site

__all__ = ["site"]

PAGES = ["/news/en.html", "/news/ru.html", "/news/kk.html", "/gzip.html", "/br.html",
         "/latin1.html"]
WARC_DATE = "2025-04-01T08:00:00Z"


def _write(path: Path, records: list[tuple[str, str, list[tuple[str, str]], bytes]],
           *, gz: bool = True) -> Path:
    """Write (url, status line, headers, body) responses, each after its request record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, status, headers, body in records:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), length=0,
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [], protocol="",
                                              is_http_request=True))
            writer.write_record(request)
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            # a known length keeps warcio from spooling to a temp file it never closes
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               length=len(body), http_headers=http,
                                               warc_headers_dict={"WARC-Date": WARC_DATE})
            writer.write_record(record)
    return path


def _site_records(base: str, paths: list[str]) -> list[tuple[str, str, list[tuple[str, str]],
                                                               bytes]]:
    out = []
    for path in paths:
        reply = route(path, base)
        assert reply is not None
        out.append((base + path, f"{reply.status} OK", list(reply.headers.items()), reply.body))
    return out


@pytest.mark.parametrize("gz", [True, False])
def test_warc_same_ids_as_http(site: SiteServer, tmp_path: Path, gz: bool) -> None:
    cfg = FetchConfig(min_interval=0.0, trust_env=False)
    live = list(iter_urls([site.base + p for p in PAGES], allow_private=True, config=cfg))
    warc = _write(tmp_path / "pages.warc.gz", _site_records(site.base, PAGES), gz=gz)
    archived = list(iter_warc([warc]))
    assert all(isinstance(d, Document) for d in live + archived), live + archived
    assert [d.id for d in archived] == [d.id for d in live]  # type: ignore[union-attr]
    assert [d.url for d in archived] == [site.base + p for p in PAGES]  # type: ignore[union-attr]


@pytest.mark.parametrize("gz", [True])
def test_warc_date_is_only_a_hint(tmp_path: Path, gz: bool) -> None:
    warc = _write(tmp_path / "a.warc.gz", _site_records("http://news.example", ["/news/it.html"]))
    (doc,) = iter_warc([warc])
    assert isinstance(doc, Document)
    assert doc.meta["warc_date"] == WARC_DATE and "published" not in doc.meta
    assert doc.source == doc.url == "http://news.example/news/it.html" and doc.format == "html"


@pytest.mark.parametrize(("status", "headers"), [
    ("404 Not Found", [("Content-Type", "text/html")]),
    ("301 Moved Permanently", [("Location", "/x"), ("Content-Type", "text/html")]),
    ("200 OK", [("Content-Type", "image/png")]),
    ("200 OK", [("Content-Type", "application/javascript")]),
])
def test_warc_skips_non_html_and_non_200(tmp_path: Path, status: str,
                                         headers: list[tuple[str, str]]) -> None:
    records = [("http://news.example/x", status, headers, b"<html><p>x</p></html>"),
               *_site_records("http://news.example", ["/news/pt.html"])]
    stats = WarcStats()
    items = list(iter_warc([_write(tmp_path / "b.warc.gz", records)], stats=stats))
    assert [i.url for i in items if isinstance(i, Document)] == ["http://news.example/news/pt.html"]
    assert stats.records == 2 and stats.kept == 1 and stats.not_html == 1


@pytest.mark.parametrize(("lang", "kept"), [("ru", ["ru"]), ("kk", ["kk"]), ("en", ["en"]),
                                             ("fr", [])])
def test_warc_lang_prefilter(tmp_path: Path, lang: str, kept: list[str]) -> None:
    paths = ["/news/en.html", "/news/ru.html", "/news/kk.html"]
    warc = _write(tmp_path / "c.warc.gz", _site_records("http://news.example", paths))
    docs = [d for d in iter_warc([warc], lang=lang) if isinstance(d, Document)]
    assert [d.url.split("/")[-1][:2] for d in docs if d.url] == kept


@pytest.mark.parametrize(("since", "count"), [("2025-01-01", 2), ("2025-03-12", 1),
                                              ("2026-01-01", 0)])
def test_warc_since_prefilter(tmp_path: Path, since: str, count: int) -> None:
    # article_html dates each page 2025-03-1<len(code)>: both "en" and "ru" say 2025-03-12
    html = route("/news/en.html", "http://x")
    assert html is not None
    old = html.body.replace(b"2025-03-12", b"2025-02-01")
    records = [("http://news.example/a", "200 OK", [("Content-Type", "text/html")], old),
               ("http://news.example/b", "200 OK", [("Content-Type", "text/html")], html.body)]
    items = list(iter_warc([_write(tmp_path / "d.warc.gz", records)], since=since))
    assert len(items) == count


@pytest.mark.parametrize("path", ["/consent.html", "/paywall.html"])
def test_warc_walls_are_failures(tmp_path: Path, path: str) -> None:
    warc = _write(tmp_path / "e.warc.gz", _site_records("http://news.example", [path]))
    (item,) = iter_warc([warc])
    assert isinstance(item, Failure) and item.source == "http://news.example" + path


@pytest.mark.parametrize("content", [b"this is not an archive\n" * 10, b""])
def test_warc_unreadable_file_is_failure(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(content)
    items = list(iter_warc([bad, tmp_path / "missing.warc.gz"]))
    assert all(isinstance(i, Failure) for i in items)
    assert any("missing.warc.gz" in i.source for i in items)


@pytest.mark.parametrize("code", ["en", "ru"])
def test_warc_reads_arc_files(tmp_path: Path, code: str) -> None:
    reply = route(f"/news/{code}.html", "http://x")
    assert reply is not None
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + reply.body
    url = f"http://news.example/news/{code}.html"
    desc = b"1 0 dossier\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://t.arc 0.0.0.0 20250401080000 text/plain {len(desc)}\n".encode()
    rec = f"{url} 93.184.216.34 20250401080000 text/html {len(http)}\n".encode()
    arc = tmp_path / "t.arc"
    arc.write_bytes(head + desc + b"\n" + rec + http + b"\n")
    docs = [d for d in iter_warc([arc]) if isinstance(d, Document)]
    assert [d.url for d in docs] == [url]


@pytest.mark.parametrize(("html", "url", "lang", "since", "keep"), [
    ("<html lang='pt-BR'>", "http://a/x", "pt", None, True),
    ("<html lang='pt-BR'>", "http://a/x", "es", None, False),
    ("<html>", "http://a/x", "es", None, True),  # nothing declared: the precise filter decides
    ("<html>", "http://a/2024/05/01/x", None, "2025-01-01", False),
    ("<html>", "http://a/2025/05/01/x", None, "2025-01-01", True),
    ('<meta property="article:published_time" content="2023-01-09T10:00">', "http://a/",
     None, "2024-01-01", False),
])
def test_warc_prefilter_cases(html: str, url: str, lang: str | None, since: str | None,
                              keep: bool) -> None:
    assert prefilter(html, url, lang=lang, since=since) is keep


@pytest.mark.parametrize(("language", "published", "keep"), [
    ("it", "2025-03-12", True), ("en", "2025-03-12", False), ("it", "2024-12-31", False),
    ("it", None, False),
])
def test_warc_matches_after_pipeline(language: str, published: str | None, keep: bool) -> None:
    doc = Document(id="x", source="s", language=language, published=published)
    assert matches(doc, lang="it", since="2025-01-01") is keep
    assert matches(doc) is True
