"""The "clean" stage: raw HTML or scraped text -> article text, boilerplate, references, hints."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from dossier.clean.boilerplate import Filtered, filter_text, load_cues
from dossier.clean.header import find_header
from dossier.model import Document

__all__ = ["CleanStage", "normalise"]

def normalise(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line; keep inner nbsp."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


@dataclass(slots=True)
class CleanStage:
    """Extract article text from HTML (trafilatura) or filter scraped text line by line."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw", "format")
    assigns: ClassVar[tuple[str, ...]] = (
        "text", "boilerplate", "references", "title", "author", "outlet",
    )

    # trafilatura mode (bench/RESULTS-cleaning.md): "recall" keeps the most article text (recall
    # 0.983, F1 0.959); "precision" scores a higher F1 (0.965) but drops more sentences, and
    # missed sentences cost figures and events downstream
    mode: str = "recall"
    filter_html: bool = False  # also run the line filter over trafilatura's output (no gain)

    def __call__(self, doc: Document) -> Document:
        meta = doc.meta
        title = author = outlet = None
        if doc.format == "html":
            # imported here: trafilatura and lxml cost a process a fifth of a second at
            # start-up, and a corpus of text files never needs them
            from dossier.clean.html import extract_html, fallback_text
            from dossier.ingest.tables import replace_markdown_tables

            page = extract_html(doc.raw, url=doc.url, mode=self.mode)
            if page.date and not meta.get("published"):
                meta["published"] = page.date
            title, author, outlet = page.title, page.author, page.sitename
            # Markdown table rows -> "Caption — Row: Header: value." lines figures can read
            page.text = replace_markdown_tables(page.text, doc.raw)
            if page.text and not self.filter_html:
                result = Filtered(text=page.text, kept=page.text.split("\n\n"))
            else:
                result = filter_text(normalise(page.text or fallback_text(doc.raw)))
        else:
            result = filter_text(normalise(doc.raw))
        header = find_header(result.kept, load_cues())
        if header.bylines:  # a line holding only "By Jane Roe" is page furniture, not article
            drop = set(header.bylines)
            result.boilerplate.extend(result.kept[i] for i in sorted(drop))
            result.kept = [line for i, line in enumerate(result.kept) if i not in drop]
            result.text = "\n\n".join(result.kept)
        doc.text = normalise(result.text)
        doc.boilerplate = result.boilerplate
        doc.references = result.references
        doc.title = meta.get("title") or title or header.title
        doc.author = meta.get("author") or author or header.author
        doc.outlet = meta.get("outlet") or outlet or result.site or _domain(doc.url)
        return doc


def _domain(url: str | None) -> str | None:
    """Return the host of a URL without "www.", as a last-resort outlet name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
