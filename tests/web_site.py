"""A news site on 127.0.0.1 for the web-ingestion tests: articles, feed, sitemaps, traps.

Served by ``http.server`` in a thread on a random port. The handler records hits and bytes
sent on the server object, so tests can check that a size limit stopped the download early.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import brotli
import pytest

ARTICLES: dict[str, tuple[str, str]] = {
    "en": ("Kazakhstan and Italy sign energy deal", (
        "ROME — Kazakhstan and Italy signed a memorandum on energy cooperation on Tuesday, "
        "as President Kassym-Jomart Tokayev met Prime Minister Giorgia Meloni at Palazzo Chigi. "
        "The two leaders said bilateral trade reached $15.6 billion last year and set a target "
        "of $20 billion by 2030.\n\n"
        "Italian companies already run more than 250 joint ventures in Kazakhstan, officials "
        "said, most of them in oil and gas, engineering and agriculture. Eni and the national "
        "company KazMunayGas agreed to study a new gas processing plant in the west of the "
        "country, while the ministers of transport discussed a freight corridor across the "
        "Caspian Sea that would shorten deliveries to European ports by about ten days. "
        "The talks also covered student exchanges, with 400 scholarships a year promised.")),
    "pt": ("Brasil e Cazaquistão ampliam comércio", (
        "BRASÍLIA — O Brasil e o Cazaquistão assinaram nesta quarta-feira um acordo de "
        "cooperação agrícola durante a visita do chanceler cazaque à capital brasileira. "
        "O comércio bilateral somou US$ 480 milhões em 2024, segundo o Itamaraty.\n\n"
        "Os dois governos pretendem dobrar esse valor até 2028, com exportações de carne, "
        "café e máquinas agrícolas e importações de fertilizantes.")),
    "it": ("Italia e Kazakistan, firmato accordo sui trasporti", (
        "ROMA — L'Italia e il Kazakistan hanno firmato martedì un accordo sui trasporti durante "
        "la visita del presidente Tokayev a Roma. L'interscambio commerciale ha raggiunto 15,6 "
        "miliardi di dollari nel 2024.\n\n"
        "Le imprese italiane attive nel Paese centroasiatico sono oltre 250, ha ricordato il "
        "ministro degli Esteri.")),
    "de": ("Deutschland und Kasachstan vereinbaren Rohstoffpartnerschaft", (
        "BERLIN — Deutschland und Kasachstan haben am Montag eine Partnerschaft für seltene "
        "Erden unterzeichnet. Der Handel zwischen beiden Ländern stieg im vergangenen Jahr auf "
        "rund 3,8 Milliarden Euro.\n\n"
        "Mehr als 600 Unternehmen mit deutscher Beteiligung sind in Kasachstan tätig.")),
    "ru": ("Казахстан и Россия обсудили товарооборот", (
        "АСТАНА — Президенты Казахстана и России в понедельник обсудили развитие торговли. "
        "Товарооборот между странами в 2024 году составил 27,8 миллиарда долларов.\n\n"
        "Стороны договорились увеличить поставки зерна и расширить транспортные коридоры.")),
    "kk": ("Қазақстан мен Түркия сауданы арттырады", (
        "АСТАНА — Қазақстан мен Түркия арасындағы тауар айналымы өткен жылы 6,4 миллиард "
        "долларға жетті. Екі ел басшылары сейсенбі күні кездесті.\n\n"
        "Тараптар 2030 жылға қарай бұл көрсеткішті 10 миллиард долларға жеткізуді көздейді.")),
    "tr": ("Türkiye ile Kazakistan ticaret hedefini yükseltti", (
        "ANKARA — Türkiye ile Kazakistan arasındaki ticaret hacmi geçen yıl 6,4 milyar dolara "
        "ulaştı. Cumhurbaşkanları salı günü Ankara'da bir araya geldi.\n\n"
        "Taraflar 10 milyar dolarlık yeni ticaret hedefini teyit etti.")),
}
COOKIE_BANNER = ('<div id="cookie-banner"><p>We use cookies to improve your experience. '
                 '<button>Accept all</button> <button>Reject all</button></p></div>')
CONSENT_PAGE = ("<!DOCTYPE html><html lang='fr'><head><title>Votre vie privée</title></head>"
                "<body><div class='didomi-popup'><h2>Nous respectons votre vie privée</h2>"
                "<p>Nous utilisons des cookies pour mesurer l'audience et personnaliser les "
                "contenus.</p><button>Tout accepter</button><button>Continuer sans accepter"
                "</button></div></body></html>")
PAYWALL_PAGE = ("<!DOCTYPE html><html lang='es'><head><title>Exclusiva</title></head><body>"
                "<h1>España y Kazajistán firman un acuerdo</h1><p>MADRID — España y Kazajistán "
                "firmaron el lunes un acuerdo de cooperación.</p><div class='paywall'><p>Este "
                "contenido es exclusivo para suscriptores. Suscríbete para seguir leyendo.</p>"
                "</div></body></html>")
LATIN1_PAGE = ("<html><head><meta charset='iso-8859-1'><title>Comércio</title></head><body>"
               "<p>SÃO PAULO - O comércio entre o Brasil e Portugal cresceu 12% em 2024, "
               "segundo a Câmara de Comércio luso-brasileira.</p></body></html>")
HUGE_SIZE = 50 * 1024 * 1024


def article_html(code: str, *, banner: bool = False) -> str:
    """Return the HTML page of the article in language ``code``."""
    title, text = ARTICLES[code]
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f'<!DOCTYPE html><html lang="{code}"><head><meta charset="utf-8"><title>{title}'
            f'</title><meta property="article:published_time" content="2025-03-1{len(code)}">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
            f"{paragraphs}</article>{COOKIE_BANNER if banner else ''}<script>alert(1)</script>"
            "</body></html>")


def rss(base: str, codes: list[str]) -> str:
    """Return an RSS 2.0 feed linking to the articles of ``codes``."""
    items = "".join(
        f"<item><title>{ARTICLES[c][0]}</title><link>{base}/news/{c}.html</link>"
        f"<pubDate>Tue, 1{i} Mar 2025 09:00:00 GMT</pubDate></item>"
        for i, c in enumerate(codes))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News'
            f"</title><link>{base}/</link>{items}</channel></rss>")


def sitemap_index(base: str) -> str:
    """Return a sitemap index pointing at the news sitemap."""
    return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
            f'schemas/sitemap/0.9"><sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>'
            "</sitemapindex>")


def news_sitemap(base: str, codes: list[str]) -> str:
    """Return a Google News sitemap of the articles of ``codes``."""
    urls = "".join(
        f"<url><loc>{base}/news/{c}.html</loc><news:news><news:publication_date>2025-03-0{i + 1}"
        f"</news:publication_date><news:title>{ARTICLES[c][0]}</news:title></news:news></url>"
        for i, c in enumerate(codes))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
            'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{urls}</urlset>")


@dataclass(slots=True)
class Reply:
    """What a route answers: status, headers and body bytes."""

    status: int
    headers: dict[str, str]
    body: bytes


def route(path: str, base: str) -> Reply | None:
    """Return the reply for a path of the static part of the site."""
    html = "text/html; charset=utf-8"
    if path.startswith("/news/") and path.endswith(".html"):
        code = path[6:-5]
        if code in ARTICLES:
            return Reply(200, {"Content-Type": html}, article_html(code).encode())
    static: dict[str, tuple[str, bytes]] = {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/private/secret.html": (html, article_html("en").encode()),
        "/banner.html": (html, article_html("en", banner=True).encode()),
        "/feed.xml": ("application/rss+xml", rss(base, ["en", "pt", "it"]).encode()),
        "/sitemap.xml": ("application/xml", sitemap_index(base).encode()),
        "/sitemap-news.xml": ("application/xml", news_sitemap(base, ["de", "ru", "kk"]).encode()),
        "/consent.html": (html, CONSENT_PAGE.encode()),
        "/paywall.html": (html, PAYWALL_PAGE.encode()),
        "/latin1.html": ("text/html", LATIN1_PAGE.encode("latin-1")),
    }
    if path in static:
        kind, body = static[path]
        return Reply(200, {"Content-Type": kind}, body)
    if path == "/gzip.html":
        body = gzip.compress(article_html("tr").encode())
        return Reply(200, {"Content-Type": html, "Content-Encoding": "gzip"}, body)
    if path == "/br.html":
        body = brotli.compress(article_html("de").encode())
        return Reply(200, {"Content-Type": html, "Content-Encoding": "br"}, body)
    redirects = {"/loop/a": "/loop/b", "/loop/b": "/loop/a", "/moved": "/news/it.html",
                 "/to-private": "/private/secret.html"}
    if path in redirects:
        return Reply(302, {"Location": redirects[path]}, b"")
    return None


class Handler(BaseHTTPRequestHandler):
    """Serve the site; dynamic routes (slow, huge, flaky) are handled here."""

    server: SiteServer

    def do_GET(self) -> None:
        self.server.hits[self.path] += 1
        self.server.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow.html":
            time.sleep(1.5)
        if self.path == "/huge.html":
            self._huge()
            return
        if self.path == "/flaky.html" and self.server.hits[self.path] <= 2:
            self._send(Reply(503, {"Retry-After": "3"}, b"busy"))
            return
        reply = route("/news/en.html" if self.path in ("/slow.html", "/flaky.html") else self.path,
                      self.server.base)
        self._send(reply or Reply(404, {"Content-Type": "text/plain"}, b"not found"))

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _huge(self) -> None:
        """Stream 50 MB without Content-Length, counting what actually left the server."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        try:
            while self.server.huge_sent < HUGE_SIZE:
                self.wfile.write(chunk)
                self.server.huge_sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass


class SiteServer(ThreadingHTTPServer):
    """The test site server, with counters the tests read."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.huge_sent = 0

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client closing early (timeouts, size limit) is expected here


@pytest.fixture
def site() -> Iterator[SiteServer]:
    """Start the test site on a random port of 127.0.0.1."""
    server = SiteServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
