"""The web ingestion against a real HTTP server on 127.0.0.1 (started by the test)."""

from __future__ import annotations

import pytest

from dossier.ingest.fetch import USER_AGENT, FetchConfig
from dossier.ingest.files import content_id
from dossier.ingest.web import UrlLimits, iter_urls
from dossier.model import Document, Failure
from tests.web_site import ARTICLES, HUGE_SIZE, SiteServer, article_html, site

__all__ = ["site"]  # the fixture, imported so pytest finds it

FAST = FetchConfig(timeout=0.3, retries=1, backoff=0.0, min_interval=0.0, trust_env=False)


def _fetch(urls: list[str], **kwargs: object) -> list[Document | Failure]:
    kwargs.setdefault("config", FAST)
    return list(iter_urls(urls, allow_private=True, **kwargs))  # type: ignore[arg-type]


def _one(site: SiteServer, path: str, **kwargs: object) -> Document | Failure:
    items = _fetch([site.base + path], **kwargs)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_web_fetch_article_in_each_language(site: SiteServer, code: str) -> None:
    doc = _one(site, f"/news/{code}.html")
    assert isinstance(doc, Document), doc
    assert doc.format == "html"
    assert doc.url == doc.source == f"{site.base}/news/{code}.html"
    assert ARTICLES[code][1].split("\n\n")[0] in doc.raw
    assert doc.id == content_id(article_html(code))


@pytest.mark.parametrize("code", ["en", "kk"])
def test_web_fetch_sends_honest_user_agent(site: SiteServer, code: str) -> None:
    _one(site, f"/news/{code}.html")
    assert site.agents and all(a == USER_AGENT for a in site.agents)
    assert USER_AGENT.startswith("dossier/") and "+http" in USER_AGENT


@pytest.mark.parametrize("path", ["/feed.xml"])
def test_web_fetch_feed_fetches_each_entry_with_hints(site: SiteServer, path: str) -> None:
    items = _fetch([site.base + path])
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"{site.base}/news/{c}.html" for c in ("en", "pt", "it")]
    assert [d.meta["title"] for d in docs] == [ARTICLES[c][0] for c in ("en", "pt", "it")]
    assert [d.meta["published"] for d in docs] == ["2025-03-10", "2025-03-11", "2025-03-12"]
    assert all(d.meta["feed"] == site.base + path for d in docs)


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-news.xml"])
def test_web_fetch_sitemap_recurses_index(site: SiteServer, path: str) -> None:
    docs = [i for i in _fetch([site.base + path]) if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"{site.base}/news/{c}.html" for c in ("de", "ru", "kk")]
    assert docs[0].meta["published"] == "2025-03-01"


@pytest.mark.parametrize("depth", [0])
def test_web_fetch_sitemap_depth_limit(site: SiteServer, depth: int) -> None:
    items = _fetch([site.base + "/sitemap.xml"], limits=UrlLimits(max_sitemap_depth=depth))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "nested deeper" in items[0].reason


@pytest.mark.parametrize("limit", [1, 2])
def test_web_fetch_page_limit(site: SiteServer, limit: int) -> None:
    items = _fetch([site.base + "/feed.xml"], limits=UrlLimits(max_pages=limit))
    assert sum(isinstance(i, Document) for i in items) == limit
    assert any(isinstance(i, Failure) and "page limit" in i.reason for i in items)


@pytest.mark.parametrize("path", ["/private/secret.html", "/to-private"])
def test_web_fetch_respects_robots(site: SiteServer, path: str) -> None:
    item = _one(site, path)
    assert isinstance(item, Failure) and "robots.txt" in item.reason
    assert site.hits["/private/secret.html"] == 0
    assert site.hits["/robots.txt"] == 1  # cached per site, fetched once


@pytest.mark.parametrize("path", ["/private/secret.html"])
def test_web_fetch_robots_can_be_ignored(site: SiteServer, path: str) -> None:
    config = FetchConfig(respect_robots=False, min_interval=0.0, trust_env=False)
    assert isinstance(_one(site, path, config=config), Document)


@pytest.mark.parametrize("path", ["/slow.html"])
def test_web_fetch_slow_endpoint_times_out(site: SiteServer, path: str) -> None:
    item = _one(site, path)
    assert isinstance(item, Failure) and "timed out" in item.reason
    assert "2 attempts" in item.reason and site.hits[path] == 2


@pytest.mark.parametrize("limit", [1_000_000, 4_000_000])
def test_web_fetch_huge_body_stops_early(site: SiteServer, limit: int) -> None:
    config = FetchConfig(max_bytes=limit, min_interval=0.0, trust_env=False)
    item = _one(site, "/huge.html", config=config)
    assert isinstance(item, Failure) and "over the limit" in item.reason
    assert site.huge_sent < HUGE_SIZE // 2  # the client hung up long before 50 MB


@pytest.mark.parametrize("path", ["/loop/a"])
def test_web_fetch_redirect_loop_fails(site: SiteServer, path: str) -> None:
    item = _one(site, path)
    assert isinstance(item, Failure) and "redirect loop" in item.reason


@pytest.mark.parametrize("path", ["/moved"])
def test_web_fetch_follows_redirect(site: SiteServer, path: str) -> None:
    doc = _one(site, path)
    assert isinstance(doc, Document)
    assert doc.source == site.base + path and doc.url == site.base + "/news/it.html"
    assert doc.meta["requested_url"] == site.base + path


@pytest.mark.parametrize(("path", "cue"), [("/consent.html", "consent"),
                                           ("/paywall.html", "paywall")])
def test_web_fetch_walls_are_failures(site: SiteServer, path: str, cue: str) -> None:
    item = _one(site, path)
    assert isinstance(item, Failure) and cue in item.reason


@pytest.mark.parametrize("path", ["/banner.html"])
def test_web_fetch_cookie_banner_over_article_is_kept(site: SiteServer, path: str) -> None:
    assert isinstance(_one(site, path), Document)


@pytest.mark.parametrize(("path", "code"), [("/gzip.html", "tr"), ("/br.html", "de")])
def test_web_fetch_decodes_compressed(site: SiteServer, path: str, code: str) -> None:
    doc = _one(site, path)
    assert isinstance(doc, Document)
    assert doc.id == content_id(article_html(code))


@pytest.mark.parametrize("path", ["/latin1.html"])
def test_web_fetch_charset_from_meta(site: SiteServer, path: str) -> None:
    doc = _one(site, path)
    assert isinstance(doc, Document)
    assert "SÃO PAULO" in doc.raw and "Câmara de Comércio" in doc.raw


@pytest.mark.parametrize("path", ["/missing.html"])
def test_web_fetch_404_is_failure(site: SiteServer, path: str) -> None:
    item = _one(site, path)
    assert isinstance(item, Failure) and "HTTP 404" in item.reason


@pytest.mark.parametrize("path", ["/feed.xml"])
def test_web_fetch_seen_makes_polls_incremental(site: SiteServer, path: str) -> None:
    seen: set[str] = set()
    first = _fetch([site.base + path], seen=seen)
    second = _fetch([site.base + path], seen=seen)
    assert len(first) == 3 and second == []
    assert site.hits["/news/en.html"] == 1 and site.hits[path] == 2


@pytest.mark.parametrize("path", ["/news/en.html"])
def test_web_fetch_default_refuses_loopback(site: SiteServer, path: str) -> None:
    items = list(iter_urls([site.base + path], config=FAST))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "127.0.0.1" in items[0].reason and "--allow-private" in items[0].reason
    assert site.hits[path] == 0
