"""build() over every kind of source: feeds and articles over HTTP, WARC archives, filters,
and near-duplicates linked rather than counted twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.build import build
from dossier.export import build_export
from dossier.ingest.sources import SourceOptions
from dossier.store import Store
from tests.test_warc_ingest import _site_records, _write
from tests.web_site import SiteServer, site

__all__ = ["site"]  # the fixture, imported so pytest finds it



def local() -> SourceOptions:
    """Options for the test site on 127.0.0.1 (fresh: the seen-URL set is per watch)."""
    return SourceOptions(allow_private=True)


def test_build_feed_url_fetches_each_entry(site: SiteServer, tmp_path: Path) -> None:
    store = Store(str(tmp_path / "kb.db"))
    report = build([site.base + "/feed.xml"], store, options=local())
    assert (len(report.added), report.failed) == (3, [])
    langs = sorted(d.language or "" for d in store.iter_documents(facts=False, text=False))
    assert langs == ["en", "it", "pt"]
    again = build([site.base + "/feed.xml"], store, options=local())
    assert (len(again.added), len(again.unchanged)) == (0, 3)


def test_build_refuses_private_addresses_by_default(site: SiteServer, tmp_path: Path) -> None:
    report = build([site.base + "/news/en.html"], Store(str(tmp_path / "kb.db")))
    assert report.added == []
    assert "private" in report.failed[0].reason or "loopback" in report.failed[0].reason


def test_build_lang_filter_keeps_one_language(site: SiteServer, tmp_path: Path) -> None:
    options = SourceOptions(allow_private=True, lang="it")
    report = build([site.base + "/feed.xml"], Store(str(tmp_path / "kb.db")), options=options)
    assert (len(report.added), len(report.filtered)) == (1, 2)


def test_build_warc_gives_the_same_documents_as_http(site: SiteServer, tmp_path: Path) -> None:
    pages = ["/news/ru.html", "/news/de.html"]
    live = Store(str(tmp_path / "live.db"))
    build([site.base + p for p in pages], live, options=local())
    warc = _write(tmp_path / "pages.warc.gz", _site_records(site.base, pages))
    archived = Store(str(tmp_path / "warc.db"))
    report = build([warc], archived)
    assert len(report.added) == 2
    assert live.document_ids() == archived.document_ids()
    strip = [{k: v for k, v in f.items() if k != "id"} for f in build_export(live)["figures"]]
    assert strip == [{k: v for k, v in f.items() if k != "id"}
                     for f in build_export(archived)["figures"]]


ARTICLE = ("Kazakhstan and Russia agreed on Tuesday to expand trade, President Tokayev said after "
           "talks in Moscow with President Putin. Bilateral trade reached $27.8 billion last "
           "year, Tokayev said, and the two sides aim for $30 billion. Russian companies run "
           "more than 20,000 businesses in Kazakhstan, and the two leaders discussed gas "
           "supplies, nuclear power and transport corridors across the Caspian region.\n")


def test_build_links_near_duplicates_across_builds(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (second / "copy.txt").write_text(ARTICLE + "Reporting by the newsroom.\n", encoding="utf-8")
    store = Store(str(tmp_path / "kb.db"))
    build([first], store)
    report = build([second], Store(str(tmp_path / "kb.db")))  # a new process, same store
    (copy_id, original), = report.duplicates.items()
    assert original == store.document_ids()[store.document_ids().index(original)]
    assert {r.document for r in store.figure_refs()} == {original}
    assert len({r.document for r in store.figure_refs(duplicates=True)}) == 2
    exported = {d["id"]: d for d in build_export(store)["documents"]}
    assert exported[copy_id]["duplicate_of"] == original
    assert json.dumps(exported)  # the export stays serialisable


@pytest.mark.parametrize(("since", "added"), [("2025-04-01", 0), ("2025-03-12", 2)])
def test_build_since_filter(site: SiteServer, tmp_path: Path, since: str, added: int) -> None:
    options = SourceOptions(allow_private=True, since=since)
    pages = [site.base + "/news/ru.html", site.base + "/news/de.html"]
    report = build(pages, Store(str(tmp_path / "kb.db")), options=options)
    assert len(report.added) == added
