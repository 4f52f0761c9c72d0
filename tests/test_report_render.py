"""The briefing renders every section, cites quotes, escapes untrusted text, embeds charts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import (
    Conflict,
    Document,
    Entity,
    Event,
    Evidence,
    Figure,
    Sentence,
)
from dossier.report import write_report
from dossier.store import Store, figure_id

EVIL = '<script>alert(1)</script><img src=x onerror=alert(1)>'


def _doc(doc_id: str, lang: str, quote: str, value: float, approx: str,
         speaker: str | None) -> Document:
    return Document(
        id=doc_id, source=f"{doc_id}.txt", raw=quote, text=quote, language=lang,
        published="2025-11-12", title=f"Title {EVIL}", url="javascript:alert(1)",
        sentences=[Sentence(start=0, end=len(quote), text=quote)],
        figures=[
            Figure(sentence=0, start=0, end=4, surface="$28 bn", quote=quote, value=value,
                   unit="USD", metric="trade_turnover", period="2024", approx=approx,  # type: ignore[arg-type]
                   speaker=speaker, subjects=["country:RU", "country:KZ"]),
            Figure(sentence=0, start=0, end=4, surface="$30 bn", quote=quote, value=30e9,
                   unit="USD", metric="trade_turnover", period="2025", kind="target",
                   speaker=speaker, subjects=["country:RU", "country:KZ"]),
        ])


@pytest.fixture
def store(fresh_store: Store) -> Store:
    docs = [_doc("aaaa1111", "it", f"Il volume ha raggiunto $27,8 miliardi. {EVIL}", 27.8e9,
                 "exact", "person:vladimir putin"),
            _doc("bbbb2222", "en", "Trade reached about $28.7 billion last year.", 28.7e9,
                 "exact", None)]
    fresh_store.write_documents(docs)
    fresh_store.replace_corpus(
        entities=[
            Entity(id="e1", name="Vladimir Putin", type="person", aliases=["Putin", EVIL],
                   keys=["person:vladimir putin"], documents=["aaaa1111"]),
            Entity(id="e2", name="Russia", type="country", aliases=["Russia", "Russia"],
                   keys=["country:RU"], documents=["aaaa1111", "bbbb2222"]),
            Entity(id="e3", name="Kazakhstan", type="country", aliases=["Kazakistan"],
                   keys=["country:KZ"], documents=["aaaa1111", "bbbb2222"])],
        events=[Event(id="v1", type="visit", date="2025-11-11", actors=["e1"],
                      title=f"State visit {EVIL}", documents=["aaaa1111"],
                      evidence=[Evidence(document="aaaa1111", quote="Visita di Stato.")])],
        agreements=[],
        conflicts=[Conflict(id="c1", metric="trade_turnover", measure=None, period="2024",
                            subjects=["e2", "e3"], low=27.8e9, high=28.7e9, unit="USD",
                            figures=[figure_id("aaaa1111", 0), figure_id("bbbb2222", 0)],
                            reason="27.8 vs 28.7")])
    return fresh_store


def test_report_html_has_sections_charts_and_quotes(store: Store, tmp_path: Path) -> None:
    html = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    for section in ("summary", "timeline", "figures", "conflicts", "targets", "entities",
                    "sources"):
        assert f'<section id="{section}">' in html
    assert html.count("<svg") >= 2  # timeline and trade turnover charts, inline
    assert "Il volume ha raggiunto $27,8 miliardi." in html
    assert 'id="c-c1"' in html and "27.8 vs 28.7" in html


def test_report_html_escapes_untrusted_text(store: Store, tmp_path: Path) -> None:
    html = write_report(store, tmp_path / "r.html", charts=False).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_report_html_needs_no_network(store: Store, tmp_path: Path) -> None:
    html = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html


def test_report_subject_filter_keeps_matching_figures(store: Store, tmp_path: Path) -> None:
    md = write_report(store, tmp_path / "r.md", fmt="md",
                      subjects=["Kazakistan", "Russia"]).read_text(encoding="utf-8")
    assert "## Where sources disagree" in md and "$27,8 miliardi" in md
    with pytest.raises(LookupError, match="no entity named 'Atlantis'"):
        write_report(store, tmp_path / "x.md", fmt="md", subjects=["Atlantis"])


def test_report_markdown_escapes_table_syntax(store: Store, tmp_path: Path) -> None:
    md = write_report(store, tmp_path / "r.md", fmt="md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert "| 2024 | 27.8 bn USD | actual | Vladimir Putin |" in md
