"""Article text is untrusted: every page escapes it, and the server sends a strict CSP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from dossier.store import Store
from dossier.web import create_app
from tests.web_corpus import IMG, SCRIPT, XSS, populate

PAGES = ["/", f"/doc/{XSS}", "/entity/e5", "/entities", "/entities?q=img", "/figures",
         f"/figures?document={XSS}", "/search?q=alert", "/search?q=onerror", "/timeline",
         "/conflicts", "/conflict/c1", f"/search?q={SCRIPT}", f"/doc/{SCRIPT}",
         f"/entity/{IMG}", f"/figures?speaker={IMG}"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(str(tmp_path_factory.mktemp("xss") / "kb.db"))
    populate(store)
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


@pytest.mark.parametrize("path", PAGES)
def test_web_security_pages_escape_payloads(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "onerror=alert(1)>" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")


@pytest.mark.parametrize("path,shown", [
    (f"/doc/{XSS}", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("/entity/e5", "&lt;img src=x onerror=alert(1)&gt;"),
    ("/search?q=alert", "&lt;script&gt;"),
])
def test_web_security_payloads_are_shown_as_text(client: TestClient, path: str,
                                                 shown: str) -> None:
    assert shown in client.get(path).text


@pytest.mark.parametrize("path", ["/", f"/doc/{XSS}", "/api/documents", "/nowhere"])
def test_web_security_headers_forbid_inline_script(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_web_security_api_returns_payloads_as_json_strings(client: TestClient) -> None:
    r = client.get(f"/api/documents/{XSS}")
    assert r.headers["content-type"].startswith("application/json")
    assert SCRIPT in r.json()["title"]


def test_web_security_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    for path in PAGES[:6]:
        html = client.get(path).text
        assert "http://" not in html.replace("http://127.0.0.1", "")
        assert "https://" not in html and "//cdn" not in html


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True),
                                           ("::1", True), ("0.0.0.0", False),
                                           ("192.168.1.5", False), ("example.org", False)])
def test_web_security_serve_warns_off_loopback(host: str, loopback: bool) -> None:
    from dossier.cli_serve import is_loopback

    assert is_loopback(host) is loopback
