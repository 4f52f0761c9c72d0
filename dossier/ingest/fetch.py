"""A polite, bounded HTTP fetcher over httpx: robots.txt, per-host pacing, retries, SSRF guard.

Written here rather than using trafilatura's downloader because dossier needs what it lacks
together: an injectable client/transport/clock/sleep (tests run on 127.0.0.1 and MockTransport
without waiting), redirects followed by hand so every hop is re-checked against the SSRF
guard and robots.txt, a size cap enforced while streaming, and actionable failure reasons.

Errors: every problem is a :class:`FetchError` whose message is a Failure reason; a
:class:`~dossier.ingest.netguard.BlockedAddress` is turned into one too.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dossier import __version__
from dossier.ingest.decode import DecodeError, decode_bytes
from dossier.ingest.netguard import BlockedAddress, Resolver, check_url, system_resolver

__all__ = [
    "PROJECT_URL", "USER_AGENT", "FetchConfig", "FetchError", "Fetched", "Fetcher",
    "decode_body", "media_type",
]

PROJECT_URL = "https://github.com/dossier-kb/dossier"  # where site owners read who we are
USER_AGENT = f"dossier/{__version__} (+{PROJECT_URL})"
_ROBOTS_AGENT = "dossier"  # the product token matched against robots.txt User-agent lines
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.5,*/*;q=0.1")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
# Labels browsers decode as windows-1252 (WHATWG), so "ISO-8859-1" pages with curly quotes work.
_AS_CP1252 = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii",
                        "us-ascii", "iso_8859-1", "windows-1252", "cp1252"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class FetchError(Exception):
    """A URL that could not be fetched; the message is the Failure reason."""


class _Retryable(FetchError):
    """A transient failure (429, 5xx, timeout, network) worth another try."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(slots=True, kw_only=True)
class FetchConfig:
    """Limits and manners of the fetcher; defaults suit crawling news sites."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds per connect/read/write operation
    deadline: float = 120.0  # seconds for one whole response, against slow-drip servers
    retries: int = 2  # extra attempts after a 429/5xx/timeout/network error
    backoff: float = 1.0  # first wait in seconds, doubled each retry
    max_backoff: float = 60.0  # cap on any wait, Retry-After included
    max_redirects: int = 5
    max_bytes: int = 10_000_000  # decoded body; reading stops as soon as it is exceeded
    min_interval: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True
    allow_private: bool = False  # True lets tests (and intranets) fetch from 127.0.0.1 etc.
    trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY from the environment


@dataclass(slots=True, kw_only=True)
class Fetched:
    """A successful response: where it ended up, its media type, charset and body."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower-case, no parameters ("text/html")
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """Return the body decoded: BOM, header charset, meta charset, then detection."""
        return decode_body(self.body, self.charset)


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into (media type, charset or None)."""
    if not content_type:
        return "", None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    label = charset.strip().lower() if isinstance(charset, str) else None
    return msg.get_content_type().lower(), label


def decode_body(body: bytes, charset: str | None) -> str:
    """Decode an HTTP body: a BOM wins, then the header charset, then meta tags and detection."""
    if charset and not body.startswith(_BOMS):
        label = "cp1252" if charset.lower() in _AS_CP1252 else charset
        try:
            return body.decode(label)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown header label: fall back to the bytes themselves
    try:
        return decode_bytes(body, html=True)
    except DecodeError as exc:
        raise FetchError(str(exc)) from None


class Fetcher:
    """Fetch URLs politely and safely; one instance keeps robots.txt and pacing per host."""

    def __init__(
        self, config: FetchConfig | None = None, *, client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None, resolver: Resolver = system_resolver,
        clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config or FetchConfig()
        self._own_client = client is None
        self.client = client or httpx.Client(
            transport=transport, timeout=httpx.Timeout(self.config.timeout),
            follow_redirects=False, trust_env=self.config.trust_env,
        )
        self._resolver = resolver
        self._clock = clock
        self._sleep = sleep
        self._robots: dict[str, RobotFileParser] = {}
        self._next_turn: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client if this fetcher created it."""
        if self._own_client:
            self.client.close()

    def fetch(self, url: str, *, max_bytes: int | None = None) -> Fetched:
        """Fetch ``url`` with retries and backoff; raise FetchError saying why it failed."""
        cfg = self.config
        for attempt in range(cfg.retries + 1):
            try:
                return self._follow(url, max_bytes or cfg.max_bytes, robots=cfg.respect_robots)
            except _Retryable as exc:
                if attempt == cfg.retries:
                    raise FetchError(f"{exc} (gave up after {attempt + 1} attempts)") from None
                wait = exc.retry_after if exc.retry_after is not None else cfg.backoff * 2**attempt
                self._sleep(min(cfg.max_backoff, max(0.0, wait)))
        raise AssertionError("unreachable")  # the loop returns or raises

    def allowed(self, url: str) -> bool:
        """Tell whether robots.txt of the URL's site lets dossier fetch it (cached per site)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._robots[origin] = self._load_robots(origin)
        return robots.can_fetch(_ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> RobotFileParser:
        """Read robots.txt as RFC 9309 says: 4xx allows all, 5xx or unreachable allows nothing."""
        robots = RobotFileParser(f"{origin}/robots.txt")
        try:
            got = self._follow(f"{origin}/robots.txt", 512_000, robots=False, statuses=True)
        except _Retryable:
            robots.parse(["User-agent: *", "Disallow: /"])
            return robots
        except FetchError:
            robots.parse([])  # blocked or broken robots.txt: the page fetch decides
            return robots
        lines = [] if got.status >= 400 else got.body.decode("utf-8", "replace").splitlines()
        robots.parse(lines)
        return robots

    def _follow(
        self, url: str, max_bytes: int, *, robots: bool, statuses: bool = False
    ) -> Fetched:
        """GET ``url`` following redirects by hand, checking every hop."""
        chain: list[str] = []
        current = url
        for _ in range(self.config.max_redirects + 1):
            self._check(current, chain, robots=robots)
            chain.append(current)
            location, fetched = self._get(current, max_bytes, statuses=statuses)
            if fetched is not None:
                fetched.url = url
                return fetched
            current = location or current
        raise FetchError(f"too many redirects (more than {self.config.max_redirects}): "
                         f"{' -> '.join(chain)}")

    def _check(self, url: str, chain: list[str], *, robots: bool) -> None:
        """Refuse a hop that loops, reaches a private address or is disallowed by robots.txt."""
        if url in chain:
            raise FetchError(f"redirect loop: {' -> '.join([*chain, url])}")
        if not self.config.allow_private:
            try:
                check_url(url, self._resolver)
            except BlockedAddress as exc:
                raise FetchError(str(exc)) from None
        elif urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError(f"refusing {url!r}: only http and https are fetched")
        if robots and not self.allowed(url):
            raise FetchError(f"robots.txt of {urlsplit(url).netloc} disallows {url} for "
                             f"{_ROBOTS_AGENT!r}; pass respect_robots=False only with the site's "
                             "permission")

    def _get(
        self, url: str, max_bytes: int, *, statuses: bool
    ) -> tuple[str | None, Fetched | None]:
        """Send one GET; return (redirect target, None) or (None, response)."""
        self._wait_turn(urlsplit(url).netloc.lower())
        headers = {"User-Agent": self.config.user_agent, "Accept": _ACCEPT}
        try:
            with self.client.stream("GET", url, headers=headers, follow_redirects=False) as resp:
                if resp.status_code in _REDIRECT_STATUS and "location" in resp.headers:
                    return urljoin(str(resp.url), resp.headers["location"].strip()), None
                if resp.status_code in _RETRY_STATUS:
                    raise _Retryable(f"HTTP {resp.status_code} from {url}",
                                     _retry_after(resp.headers.get("retry-after")))
                if resp.status_code >= 400 and not statuses:
                    raise FetchError(f"HTTP {resp.status_code} from {url}; check the URL")
                return None, self._read(resp, url, max_bytes)
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.config.timeout:g}s fetching {url}") from None
        except httpx.NetworkError as exc:
            raise _Retryable(f"network error fetching {url}: {exc or type(exc).__name__}") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decompress the response from {url}: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"HTTP error fetching {url}: {exc or type(exc).__name__}") from None

    def _read(self, resp: httpx.Response, url: str, max_bytes: int) -> Fetched:
        """Read a streamed body, stopping as soon as it passes ``max_bytes`` or the deadline."""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"response from {url} declares {int(declared):,} bytes, over the "
                             f"limit of {max_bytes:,}; not downloaded")
        started = self._clock()
        body = bytearray()
        for chunk in resp.iter_bytes():  # decoded chunks: the cap also bounds gzip bombs
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"response from {url} is over the limit of {max_bytes:,} "
                                 "bytes; stopped reading")
            if self._clock() - started > self.config.deadline:
                raise _Retryable(f"response from {url} took over {self.config.deadline:g}s")
        kind, charset = media_type(resp.headers.get("content-type"))
        return Fetched(url=url, final_url=str(resp.url), status=resp.status_code,
                       content_type=kind, charset=charset, body=bytes(body),
                       headers=dict(resp.headers))

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``host`` may be contacted again (per-host minimum interval)."""
        now = self._clock()
        turn = self._next_turn.get(host, now)
        if turn > now:
            self._sleep(turn - now)
            now = turn
        self._next_turn[host] = now + self.config.min_interval


def _retry_after(value: str | None) -> float | None:
    """Return the seconds a Retry-After header asks for (delta-seconds form only)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
