"""Consent/cookie walls and paywall stubs: pages that are not the article they claim to be.

A fetched page that is only a cookie dialog or a subscription teaser would otherwise be stored
as an article (its few sentences would even yield entities). A page counts as a wall when it
has little article text (words in ``<p>`` elements outside consent/paywall containers) and
shows a cue from ``dossier/lang/<code>/web.toml``. Cues of every language are used at once
because the page language is only known after cleaning; a cookie banner above a full article
does not make it a wall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from dossier import lang

__all__ = ["WallCues", "detect_wall", "wall_cues"]

#: class/id fragments of consent-manager boxes (OneTrust, Didomi, Quantcast, Complianz...).
#: Paywall classes are not listed: sites wrap the whole article in class="paywall".
_CONSENT_BOX = re.compile(
    r"cookie|consent|gdpr|\bcmp|onetrust|didomi|sp_message|cmplz|usercentrics|truste", re.I,
)
_BOX_MAX_WORDS = 300  # a "consent" element holding more text is a page wrapper, not a dialog
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head")
_FREE_FALSE = re.compile(r'"isAccessibleForFree"\s*:\s*"?false"?', re.I)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class WallCues:
    """Casefolded cue phrases of every language: consent dialogs and paywall stubs."""

    consent: tuple[str, ...]
    paywall: tuple[str, ...]


@lru_cache(maxsize=1)
def wall_cues() -> WallCues:
    """Return the cues of every language that has a ``web.toml``."""
    consent: set[str] = set()
    paywall: set[str] = set()
    for code in lang.languages():
        data = lang.load(code, "web")
        consent.update(c.casefold() for c in data.get("consent", []))
        paywall.update(c.casefold() for c in data.get("paywall", []))
    return WallCues(consent=tuple(sorted(consent)), paywall=tuple(sorted(paywall)))


def detect_wall(
    page: str, *, min_words: int = 120, full_words: int = 300, cues: WallCues | None = None
) -> str | None:
    """Return why ``page`` is a consent wall or paywall stub (a Failure reason), else None."""
    root = _parse(page)
    if root is None:
        return None
    words = _article_words(root)  # counted first: most pages are long, and cue scans are slow
    flagged_paid = bool(_FREE_FALSE.search(page)) and words < full_words
    if words >= min_words and not flagged_paid:
        return None
    cues = cues or wall_cues()
    visible = " ".join(root.itertext()).casefold()
    paywall = next((c for c in cues.paywall if c in visible), None)
    if paywall or flagged_paid:
        why = f'cue "{paywall}"' if paywall else 'isAccessibleForFree is false'
        return (f"paywall stub, not an article: {words} words of article text and {why}; "
                "fetch it with a subscription or find another source")
    consent = next((c for c in cues.consent if c in visible), None)
    if consent:
        return (f"consent/cookie wall, not an article: {words} words of article text and cue "
                f'"{consent}"; the site shows the article only after consent in a browser')
    return None


def _parse(page: str) -> etree._Element | None:
    """Parse HTML and drop what a reader never sees; None when it is not HTML at all."""
    try:
        root = lxml_html.document_fromstring(page.encode("utf-8"), parser=_utf8_parser())
    except (etree.ParserError, ValueError):
        return None
    for bad in root.xpath("|".join(f"//{tag}" for tag in _INVISIBLE)):
        if bad.getparent() is not None:  # the root itself cannot be dropped
            bad.drop_tree()
    return root


def _article_words(root: etree._Element) -> int:
    """Count words in paragraphs outside consent boxes (body text when there is no <p>)."""
    boxed: set[etree._Element] = set()
    for el in root.iter("div", "section", "aside", "form", "dialog", "footer", "p"):
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if (marker.strip() and _CONSENT_BOX.search(marker)
                and len(_WORD.findall(el.text_content())) < _BOX_MAX_WORDS):
            boxed.update(el.iter("p"))
    paragraphs = root.xpath("//p")
    nodes = paragraphs if paragraphs else root.xpath("//body")
    return sum(len(_WORD.findall(n.text_content())) for n in nodes if n not in boxed)


def _utf8_parser() -> lxml_html.HTMLParser:
    """Return a fresh UTF-8 parser (lxml reads bytes without meta charset as Latin-1)."""
    return lxml_html.HTMLParser(encoding="utf-8")  # fresh: lxml parsers are not thread-safe
