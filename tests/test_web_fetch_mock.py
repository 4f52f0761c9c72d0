"""The fetcher with httpx.MockTransport: SSRF guard, retries, backoff, pacing, robots, charset."""

from __future__ import annotations

from collections.abc import Callable

import brotli
import httpx
import pytest

from dossier.ingest.fetch import FetchConfig, Fetcher, FetchError, decode_body, media_type
from dossier.ingest.netguard import BlockedAddress, check_url, is_public_address
from dossier.ingest.web import iter_urls
from dossier.model import Document, Failure

PUBLIC = "93.184.216.34"
PAGE = ("<html lang='it'><body><p>ROMA — L'interscambio tra Italia e Kazakistan ha raggiunto "
        "15,6 miliardi di dollari.</p></body></html>")


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _resolver(table: dict[str, list[str]]) -> Callable[[str], list[str]]:
    return lambda host: table.get(host, [PUBLIC])


def _fetcher(handler: Callable[[httpx.Request], httpx.Response], fake: FakeTime,
             **config: object) -> Fetcher:
    cfg = FetchConfig(trust_env=False, **config)  # type: ignore[arg-type]
    return Fetcher(cfg, transport=httpx.MockTransport(handler), resolver=_resolver({}),
                   clock=fake.clock, sleep=fake.sleep)


def _site(pages: dict[str, httpx.Response]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return pages.get(request.url.path, httpx.Response(404))
    return handler


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
    "http://224.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
])
def test_web_fetch_ssrf_refuses_private_literals(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url, resolver=_resolver({}))


@pytest.mark.parametrize(("host", "addresses"), [
    ("localhost", None),  # the system resolver maps it to loopback
    ("intranet.example", ["93.184.216.34", "127.0.0.1"]),  # every address is checked
    ("metadata.example", ["169.254.169.254"]),
    ("v6.example", ["fe80::1"]),
])
def test_web_fetch_ssrf_refuses_hosts_resolving_locally(
    host: str, addresses: list[str] | None
) -> None:
    kwargs = {} if addresses is None else {"resolver": _resolver({host: addresses})}
    with pytest.raises(BlockedAddress, match="private, loopback"):
        check_url(f"http://{host}/news", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_web_fetch_ssrf_refuses_other_schemes(url: str) -> None:
    with pytest.raises(BlockedAddress, match="only http"):
        check_url(url, resolver=_resolver({}))


@pytest.mark.parametrize(("address", "public"), [
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
    ("127.0.0.2", False), ("::", False), ("2002:7f00:1::", False), ("fc00::1", False),
])
def test_web_fetch_ssrf_address_classes(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/", "http://10.0.0.1/"])
def test_web_fetch_ssrf_rechecks_redirects(target: str) -> None:
    fake = FakeTime()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    with _fetcher(handler, fake) as fetcher, pytest.raises(FetchError, match="private"):
        fetcher.fetch("http://news.example/story")
    assert not any(c.startswith(target) for c in calls)


@pytest.mark.parametrize("status", [503, 502, 429])
def test_web_fetch_retries_with_backoff(status: int) -> None:
    fake = FakeTime()
    answers = [httpx.Response(status), httpx.Response(status),
               httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE)]
    fetcher = _fetcher(lambda r: httpx.Response(404) if r.url.path == "/robots.txt"
                       else answers.pop(0), fake, retries=2, backoff=2.0, min_interval=0.0)
    got = fetcher.fetch("http://news.example/a")
    assert got.status == 200 and fake.sleeps == [2.0, 4.0]


@pytest.mark.parametrize("retry_after", ["7", "120"])
def test_web_fetch_honours_retry_after(retry_after: str) -> None:
    fake = FakeTime()
    answers = [httpx.Response(429, headers={"Retry-After": retry_after}),
               httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE)]
    fetcher = _fetcher(lambda r: httpx.Response(404) if r.url.path == "/robots.txt"
                       else answers.pop(0), fake, min_interval=0.0, max_backoff=60.0)
    fetcher.fetch("http://news.example/a")
    assert fake.sleeps == [min(60.0, float(retry_after))]


@pytest.mark.parametrize("retries", [0, 3])
def test_web_fetch_gives_up_after_retries(retries: int) -> None:
    fake = FakeTime()
    fetcher = _fetcher(_site({"/a": httpx.Response(500)}), fake, retries=retries, backoff=1.0,
                       min_interval=0.0)
    with pytest.raises(FetchError, match=f"after {retries + 1} attempts"):
        fetcher.fetch("http://news.example/a")


@pytest.mark.parametrize("interval", [1.0, 2.5])
def test_web_fetch_paces_requests_per_host(interval: float) -> None:
    fake = FakeTime()
    ok = httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE)
    fetcher = _fetcher(_site({"/a": ok, "/b": ok}), fake, min_interval=interval)
    fetcher.fetch("http://news.example/a")  # robots.txt, then /a after one interval
    fetcher.fetch("http://news.example/b")  # one more interval
    assert fake.sleeps == [interval, interval]
    fetcher.fetch("http://other.example/a")  # its robots.txt goes at once, then /a waits
    assert fake.sleeps == [interval, interval, interval]


@pytest.mark.parametrize(("robots_status", "allowed"), [(404, True), (403, True), (503, False)])
def test_web_fetch_robots_status_rules(robots_status: int, allowed: bool) -> None:
    fake = FakeTime()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(robots_status)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE)

    fetcher = _fetcher(handler, fake, min_interval=0.0, retries=0)
    assert fetcher.allowed("http://news.example/story") is allowed


@pytest.mark.parametrize("path", ["/a"])
def test_web_fetch_decodes_brotli(path: str) -> None:
    fake = FakeTime()
    body = brotli.compress(PAGE.encode("utf-8"))
    reply = httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8",
                                         "Content-Encoding": "br"}, content=body)
    fetcher = _fetcher(_site({path: reply}), fake, min_interval=0.0)
    assert fetcher.fetch("http://news.example" + path).text() == PAGE


@pytest.mark.parametrize(("body", "header", "expected"), [
    ("Câmara de Comércio".encode("cp1252"), "text/html; charset=ISO-8859-1", "Câmara de Comércio"),
    ("Товарооборот".encode("koi8-r"), "text/html; charset=koi8-r", "Товарооборот"),
    ("Türkiye ticaret hacmi".encode(), "text/html", "Türkiye ticaret hacmi"),
    ("<meta charset='windows-1251'><p>Товарооборот вырос</p>".encode("cp1251"), "text/html",
     "Товарооборот вырос"),
])
def test_web_fetch_charset_header_then_meta(body: bytes, header: str, expected: str) -> None:
    assert expected in decode_body(body, media_type(header)[1])


@pytest.mark.parametrize("declared", ["50000000"])
def test_web_fetch_refuses_declared_oversize(declared: str) -> None:
    fake = FakeTime()
    reply = httpx.Response(200, headers={"Content-Type": "text/html",
                                         "Content-Length": declared}, content=b"x" * 10)
    fetcher = _fetcher(_site({"/big": reply}), fake, min_interval=0.0, max_bytes=1_000_000)
    with pytest.raises(FetchError, match="declares"):
        fetcher.fetch("http://news.example/big")


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png"])
def test_web_fetch_non_html_is_failure(content_type: str) -> None:
    reply = httpx.Response(200, headers={"Content-Type": content_type}, content=b"%PDF-1.7")
    client = httpx.Client(transport=httpx.MockTransport(_site({"/doc": reply})))
    cfg = FetchConfig(min_interval=0.0, trust_env=False)
    items = list(iter_urls(["http://news.example/doc"], client=client, config=cfg,
                           resolver=_resolver({})))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert content_type in items[0].reason


@pytest.mark.parametrize("path", ["/story"])
def test_web_fetch_injected_client_gives_document(path: str) -> None:
    reply = httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, text=PAGE)
    client = httpx.Client(transport=httpx.MockTransport(_site({path: reply})))
    cfg = FetchConfig(min_interval=0.0, trust_env=False)
    items = list(iter_urls(["http://news.example" + path], client=client, config=cfg,
                           resolver=_resolver({})))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].raw == PAGE and not client.is_closed  # the caller's client stays open
