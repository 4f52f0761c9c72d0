"""Bytes -> text for ingested files: BOMs, UTF-8, HTML meta charset, then charset-normalizer.

Written here rather than left to charset-normalizer alone because on short Latin-1 pages it
ties several single-byte code pages and picks cp1250 ("São" -> "Săo"); among equally clean
candidates we prefer cp1252, the web's usual single-byte encoding (WHATWG maps latin-1 to it).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
# Labels that browsers decode as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii",
                        "us-ascii", "iso_8859-1", "windows-1252"})
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (docx/xlsx/odt?)"),
    (b"\x7fELF", "an executable"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


class DecodeError(ValueError):
    """Bytes that are not readable text; the message says why."""


def looks_binary(data: bytes) -> str | None:
    """Return why ``data`` is binary (a sentence fragment), or None if it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not text; convert it to text or HTML first"
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 legitimately hold NUL bytes
    if b"\x00" in data[:65536]:
        return "binary file (contains NUL bytes), not text"
    return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _normalizer_guess(data: bytes) -> str | None:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # Ties on chaos are common for short Latin texts; prefer cp1252 among the cleanest.
    for match in matches:
        if match.chaos <= best.chaos + 0.01 and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return str(best.encoding)


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode ``data`` to str: BOM, UTF-8, HTML meta charset, then a detected encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not "
                                  f"valid {encoding}: {exc.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[str | None] = [_meta_charset(data)] if html else []
    candidates.append(_normalizer_guess(data))
    for label in candidates:
        if not label:
            continue
        try:
            text = data.decode(label)
        except (UnicodeDecodeError, LookupError):
            continue
        if _control_share(text) < 0.05:
            return text
    raise DecodeError("could not detect the text encoding; save the file as UTF-8")


def _control_share(text: str) -> float:
    """Share of control characters other than whitespace (high for mis-decoded binaries)."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / len(text)
