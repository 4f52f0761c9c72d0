"""JSON records (news-please, trafilatura, common crawl dumps) -> text and metadata hints."""

from __future__ import annotations

from typing import Any

__all__ = ["META_FIELDS", "TEXT_FIELDS", "record_to_document"]

#: record fields holding the article, first non-empty wins; "html" is always markup
TEXT_FIELDS: tuple[str, ...] = ("text", "maintext", "content", "body", "html")
#: Document.meta key -> record fields that may hold it, first non-empty wins
META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("date_publish", "date_published", "published", "datePublished", "date"),
    "language": ("language", "lang"),
    "author": ("authors", "author"),
    "outlet": ("source_domain", "site", "sitename", "outlet"),
}

Parsed = tuple[str, str | None, str | None, dict[str, Any]]


def record_to_document(record: Any, source: str) -> Parsed | str:
    """Return (raw, format or None to detect, url, meta) for a record, or why it is unusable."""
    if not isinstance(record, dict):
        return f"record is a JSON {type(record).__name__}, not an object with a text field"
    field, raw = _text(record)
    if field is None:
        fields = ", ".join(TEXT_FIELDS)
        return f"record has no text field (expected a non-empty one of: {fields})"
    meta = {key: value for key, names in META_FIELDS.items()
            if (value := _first_string(record, names)) is not None}
    url = _first_string(record, ("url", "link", "source_url"))
    return raw, "html" if field == "html" else None, url, meta


def _text(record: dict[str, Any]) -> tuple[str | None, str]:
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(v for v in value if v.strip())  # a list of paragraphs
        if isinstance(value, str) and value.strip():
            return name, value
    return None, ""


def _first_string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """Return the first non-empty string (lists of names joined) among ``names``."""
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(_name(v) for v in value if _name(v))
        elif isinstance(value, dict):
            value = _name(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _name(value: Any) -> str:
    """Return an author/outlet name from a string or a {"name": ...} object."""
    if isinstance(value, dict):
        value = value.get("name", "")
    return value.strip() if isinstance(value, str) else ""
