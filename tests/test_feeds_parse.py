"""Feeds and sitemaps: sniffing, entries with hints, sitemap forms, hostile XML; the watch loop."""

from __future__ import annotations

import gzip

import pytest

from dossier.ingest.feeds import gunzip_limited, parse_feed, parse_sitemap, sniff
from dossier.ingest.watch import parse_interval, watch

BASE = "https://news.example/"
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Notizie</title>
<entry><title>Italia e Kazakistan firmano un accordo</title>
<link rel="alternate" href="/2025/03/11/accordo.html"/><id>urn:1</id>
<published>2025-03-11T08:30:00+01:00</published><updated>2025-03-12T08:30:00Z</updated></entry>
<entry><title>Senza data</title><link href="https://news.example/senza-data"/><id>urn:2</id>
</entry></feed>"""
RSS = """<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости
</title><item><title>Товарооборот вырос</title><link>https://news.example/ru/1</link>
<pubDate>Mon, 10 Mar 2025 10:00:00 +0300</pubDate></item>
<item><title>Без ссылки</title></item></channel></rss>"""
SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-1.xml</loc></sitemap>
<sitemap><loc>/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"""
NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/tr/ticaret</loc><lastmod>2025-03-09</lastmod><news:news>
<news:publication_date>2025-03-08T10:00:00+03:00</news:publication_date>
<news:title>Ticaret hacmi 6,4 milyar dolara ulaştı</news:title></news:news></url>
<url><loc>https://news.example/de/handel</loc></url></urlset>"""
XXE_SITEMAP = """<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/&xxe;
</loc></url></urlset>"""


@pytest.mark.parametrize(("data", "content_type", "kind"), [
    (ATOM.encode(), "application/xml", "feed"),
    (RSS.encode("cp1251"), "text/xml", "feed"),
    (b"<!-- c --><rss version='2.0'></rss>", "text/html", "feed"),  # mislabelled feed
    (SITEMAP_INDEX.encode(), "application/xml", "sitemap"),
    (NEWS_SITEMAP.encode(), "text/xml", "sitemap"),
    (b"https://news.example/a\nhttps://news.example/b\n", "text/plain", "sitemap"),
    ("<!DOCTYPE html><html><body><p>Olá</p></body></html>".encode(), "text/html", "html"),
    ("<html lang='kk'><p>Сауда</p></html>".encode(), "", "html"),
    (b"%PDF-1.7", "application/pdf", "other"),
])
def test_feeds_sniff(data: bytes, content_type: str, kind: str) -> None:
    assert sniff(data, content_type) == kind


@pytest.mark.parametrize("feed", ["atom"])
def test_feeds_atom_entries_with_hints(feed: str) -> None:
    links = parse_feed(ATOM.encode(), BASE + "feed.atom")
    assert [lk.url for lk in links] == ["https://news.example/2025/03/11/accordo.html",
                                        "https://news.example/senza-data"]
    assert links[0].meta["title"] == "Italia e Kazakistan firmano un accordo"
    assert links[0].meta["published"] == "2025-03-11"  # published, not updated
    assert "published" not in links[1].meta


@pytest.mark.parametrize("encoding", ["cp1251"])
def test_feeds_rss_in_legacy_encoding(encoding: str) -> None:
    links = parse_feed(RSS.encode(encoding), BASE + "rss")
    assert [(lk.url, lk.meta["title"]) for lk in links] == [
        ("https://news.example/ru/1", "Товарооборот вырос")]
    assert links[0].meta["published"] == "2025-03-10"


@pytest.mark.parametrize("data", [b"<rss><channel><item><title>x", b"not xml at all"])
def test_feeds_broken_feed_gives_no_links(data: bytes) -> None:
    assert parse_feed(data, BASE) == []


@pytest.mark.parametrize("gz", [False, True])
def test_feeds_sitemap_index(gz: bool) -> None:
    data = gzip.compress(SITEMAP_INDEX.encode()) if gz else SITEMAP_INDEX.encode()
    sitemap = parse_sitemap(data, BASE + "sitemap.xml")
    assert sitemap.sitemaps == ["https://news.example/sitemap-1.xml",
                                "https://news.example/sitemap-2.xml.gz"]
    assert sitemap.pages == []


@pytest.mark.parametrize("name", ["news"])
def test_feeds_news_sitemap_hints(name: str) -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP.encode(), BASE + "news.xml")
    assert [p.url for p in sitemap.pages] == ["https://news.example/tr/ticaret",
                                              "https://news.example/de/handel"]
    first = sitemap.pages[0].meta
    assert first["title"] == "Ticaret hacmi 6,4 milyar dolara ulaştı"
    assert first["published"].startswith("2025-03-08") and first["lastmod"] == "2025-03-09"
    assert "published" not in sitemap.pages[1].meta


@pytest.mark.parametrize("text", ["https://news.example/a\n\nhttps://news.example/b\n"])
def test_feeds_text_sitemap(text: str) -> None:
    pages = parse_sitemap(text.encode(), BASE + "sitemap.txt").pages
    assert [p.url for p in pages] == ["https://news.example/a", "https://news.example/b"]


@pytest.mark.parametrize("doc", [XXE_SITEMAP])
def test_feeds_sitemap_does_not_resolve_entities(doc: str) -> None:
    pages = parse_sitemap(doc.encode(), BASE).pages
    assert all("root:" not in p.url for p in pages)


@pytest.mark.parametrize("limit", [1000])
def test_feeds_gunzip_limit(limit: int) -> None:
    bomb = gzip.compress(b"\0" * (limit * 50))
    with pytest.raises(ValueError, match="more than"):
        gunzip_limited(bomb, limit)
    assert gunzip_limited(b"plain", limit) == b"plain"


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("90", 90), ("90s", 90),
                                               ("1.5h", 5400), ("1d", 86400), (" 2H ", 7200)])
def test_feeds_watch_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "15x", "-5m", "0s", "quarter"])
def test_feeds_watch_interval_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


class Clock:
    """A fake clock; each round of work takes ``work`` seconds."""

    def __init__(self, work: float) -> None:
        self.now = 0.0
        self.work = work
        self.sleeps: list[float] = []
        self.starts: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def run(self, feeds: object) -> int:
        self.starts.append(self.now)
        self.now += self.work
        return len(self.starts)


@pytest.mark.parametrize(("work", "starts"), [(10.0, [0.0, 900.0, 1800.0]),
                                              (1000.0, [0.0, 1000.0, 2000.0])])
def test_feeds_watch_keeps_period(work: float, starts: list[float]) -> None:
    clock = Clock(work)
    results = watch(["https://news.example/feed"], 900, clock.run, clock=lambda: clock.now,
                    sleep=clock.sleep, rounds=3)
    assert results == [1, 2, 3] and clock.starts == starts


@pytest.mark.parametrize("rounds", [3])
def test_feeds_watch_survives_failing_round(rounds: int) -> None:
    clock = Clock(1.0)
    errors: list[BaseException] = []

    def flaky(feeds: object) -> int:
        n = clock.run(feeds)
        if n == 2:
            raise OSError("network down")
        return n

    results = watch(["f"], 60, flaky, clock=lambda: clock.now, sleep=clock.sleep,
                    rounds=rounds, on_error=errors.append)
    assert results == [1, 3] and [str(e) for e in errors] == ["network down"]
    with pytest.raises(OSError):
        watch(["f"], 60, lambda f: (_ for _ in ()).throw(OSError("x")), clock=lambda: 0.0,
              sleep=clock.sleep, rounds=1)
