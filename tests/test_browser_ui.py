"""The web UI in a real browser: Playwright driving Debian's Chromium against a live server.

Skipped with a reason when Chromium or Playwright is missing, except under ``CI=true``, where
a missing browser is a failure. Screenshots go to tests/artifacts/ (kept by CI, not in git).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dossier.build import build
from dossier.store import Store
from dossier.web import create_app
from tests.conftest import ROOT, SAMPLE
from tests.web_corpus import XSS, populate

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _require_browser() -> None:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"{CHROMIUM} (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[dev]')")
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving one store in a background thread on a free localhost port."""

    def __init__(self, store: Store) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        """Return the base URL."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    _require_browser()
    store = Store(str(tmp_path_factory.mktemp("browser-seeds") / "kb.db"))
    report = build([SAMPLE], store)
    assert not report.failed
    with LiveServer(store) as server:
        yield server
    store.close()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    _require_browser()
    store = Store(str(tmp_path_factory.mktemp("browser-xss") / "kb.db"))
    populate(store)
    with LiveServer(store) as server:
        yield server
    store.close()


class Watched:
    """A page with its console errors, uncaught exceptions and dialogs recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str, *, full_page: bool = True) -> None:
        """Save a screenshot into tests/artifacts/."""
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        """Close the context."""
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()
    assert w.errors == [], f"console errors: {w.errors}"


def test_browser_overview_to_conflict_to_source_sentence(seed_server: LiveServer,
                                                         watched: Watched) -> None:
    page = watched.page
    page.goto(seed_server.url + "/")
    assert page.locator("h1").inner_text() == "Overview"
    langs = page.locator("#languages td:first-child").all_inner_texts()
    assert {"pt", "en", "it"} <= set(langs)
    watched.shot("overview")

    first = page.locator("#conflicts li a[href^='/conflict/']").first
    first.click()
    page.wait_for_url(re.compile(r"/conflict/[^/]+$"))
    claims = page.locator("#conflict-figures .claim")
    assert claims.count() >= 2
    values = claims.locator(".value").all_inner_texts()
    assert len(set(values)) >= 2  # the sources disagree
    watched.shot("conflict")

    source = claims.first.locator(".source a")
    quote = claims.first.locator("blockquote").inner_text()
    href = source.get_attribute("href") or ""
    assert re.fullmatch(r"/doc/\w+#s\d+", href)
    source.click()
    page.wait_for_url(re.compile(r"/doc/\w+#s\d+$"))
    sentence = page.locator(href[href.index("#"):])
    assert sentence.is_visible()
    assert " ".join(sentence.inner_text().split()) == " ".join(quote.split())
    assert sentence.locator("mark.fig").count() >= 1  # the figure is highlighted in place
    assert page.evaluate("document.querySelector(':target') !== null")
    watched.shot("source-sentence", full_page=False)  # the view the link lands on


def test_browser_search_finds_tokayev_in_three_languages(seed_server: LiveServer,
                                                         watched: Watched) -> None:
    page = watched.page
    page.goto(seed_server.url + "/")
    page.locator("header input[name=q]").fill("Tokayev")
    page.locator("header input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Tokayev"))
    languages = page.locator("#hits > li").evaluate_all(
        "items => items.map(i => i.dataset.language)")
    assert {"pt", "en", "it"} <= set(languages)
    assert page.locator("#hits mark").count() >= len(languages)
    watched.shot("search-tokayev")
    page.locator("#hits > li a.doc").first.click()
    page.wait_for_url(re.compile(r"/doc/\w+$"))
    assert page.locator("#doctext").inner_text().strip()


def test_browser_document_toggles_boilerplate_and_layers(seed_server: LiveServer,
                                                         watched: Watched) -> None:
    page = watched.page
    page.goto(seed_server.url + "/search?q=Tokayev&language=pt")
    page.locator("#hits > li a.doc").first.click()
    page.wait_for_url(re.compile(r"/doc/\w+$"))
    details = page.locator("#boilerplate")
    button = page.locator("#toggle-boilerplate")
    assert button.inner_text() == "Show removed lines" and not details.get_attribute("open")
    button.click()
    assert details.get_attribute("open") is not None
    assert button.inner_text() == "Hide removed lines"
    assert page.locator("#doctext .ent").count() > 0
    page.locator("input[data-layer=ent]").uncheck()
    assert "hide-ent" in (page.locator("#doctext").get_attribute("class") or "")
    watched.shot("document-boilerplate")


def test_browser_figure_explorer_filters_by_metric(seed_server: LiveServer,
                                                   watched: Watched) -> None:
    page = watched.page
    page.goto(seed_server.url + "/figures")
    page.locator("select[name=metric]").select_option("trade_turnover")
    page.wait_for_url(re.compile(r"metric=trade_turnover"))
    rows = page.locator("#figures tbody tr")
    assert rows.count() > 0
    assert set(rows.locator("td:first-child").all_inner_texts()) == {"trade_turnover"}
    watched.shot("figures-trade")


@pytest.mark.parametrize("path", [f"/doc/{XSS}", "/entity/e5", "/search?q=alert", "/",
                                  "/figures"])
def test_browser_hostile_text_never_runs(hostile_server: LiveServer, watched: Watched,
                                         path: str) -> None:
    page = watched.page
    page.goto(hostile_server.url + path)
    page.wait_for_load_state("load")
    assert watched.dialogs == []
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    if path.startswith("/doc/"):
        assert "<script>alert(1)</script>" in page.locator("#doc-title").inner_text()
        watched.shot("hostile-document")

