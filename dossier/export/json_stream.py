"""Write the dossier/1 JSON export piece by piece, byte for byte as ``json.dumps`` laid it out.

The export was ``json.dumps(data, ensure_ascii=False, indent=1)`` of the whole corpus in
memory; with ``indent`` set, CPython encodes in pure Python. Here each batch of records is
encoded by orjson with two-space indentation and re-indented to json's one-space layout at
the records' depth, with one ``bytes.replace`` per level: every line break in orjson's
output is structural (string values escape theirs), so the leading spaces of a line are its
depth and nothing else.

orjson and json agree on every string, integer and float except floats below 1e-4 in
magnitude (orjson writes ``0.00001`` and ``1e-7`` where json writes ``1e-05`` and
``1e-07``), integers beyond 64 bits (orjson refuses them) and NaN and infinities (which
the store, written by orjson, cannot hold). A record whose encoding may hold such a float,
or that orjson refuses, is encoded by ``json`` instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any

import orjson

# orjson's spellings of a float below 1e-4 where json writes an exponent like 1e-05:
# "0.00001", or a one-digit exponent ("1e-7") before the "," or line break that follows a
# value. Text that merely looks like one only sends its batch down the slower path. Two
# plain patterns: each starts with a literal the regex engine can skip ahead to.
_SMALL_DECIMAL = b"0.0000"
_SHORT_EXPONENT = re.compile(rb"e-\d[,\n]")


def _reindent(text: bytes) -> bytes:
    """Turn orjson's indentation of a list (two spaces a level) into json's ``indent=1``
    for a list that is a value of a top-level object (one space a level, one level in).

    A line at level L has 2L spaces and needs L + 1. Each pass takes one space off every
    line of level k and deeper (k = 2, 3, ...), which are the lines with at least k + 2
    spaces once the shallower levels are done: L - 1 passes leave a line at L + 1.
    A pass that finds no such line ends it (levels nest, so none deeper is left either).
    """
    level = 2
    while True:
        shorter = text.replace(b"\n" + b" " * (level + 2), b"\n" + b" " * (level + 1))
        if len(shorter) == len(text):
            return text
        text, level = shorter, level + 1


def _json_record(record: Any) -> bytes:
    """Encode one record with ``json`` itself, as an item of a top-level object's list."""
    text = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
    return b"\n  " + text.replace(b"\n", b"\n  ")


def _encode_list(records: list[Any]) -> bytes | None:
    """Encode the items with orjson, or return None where json would write them otherwise."""
    try:
        text = orjson.dumps(records, option=orjson.OPT_INDENT_2)
    except TypeError:
        return None
    if _SMALL_DECIMAL in text or _SHORT_EXPONENT.search(text):
        return None
    return _reindent(text)[1:-2]  # the list's own "[" and "\n]" dropped


def encode_items(records: list[Any]) -> bytes:
    """Return the items of a list that is a value of a top-level object as
    ``json.dumps(obj, indent=1)`` writes them: each on its own line, two levels in, comma
    separated, without the brackets."""
    if not records:
        return b""
    text = _encode_list(records)
    if text is None:  # record by record: most may still go through orjson
        text = b",".join(_encode_list([r]) or _json_record(r) for r in records)
    return text


def write_object(fh: IO[bytes], head: dict[str, Any],
                 lists: Iterable[tuple[str, Iterable[list[Any]]]]) -> None:
    """Write a JSON object: the scalar keys of ``head``, then each named list from its
    batches, laid out as ``json.dumps(obj, ensure_ascii=False, indent=1)`` would."""
    fh.write(b"{")
    sep = b"\n "
    for key, value in head.items():
        fh.write(sep + _key(key) + json.dumps(value, ensure_ascii=False).encode("utf-8"))
        sep = b",\n "
    for key, batches in lists:
        fh.write(sep + _key(key) + b"[")
        empty = True
        for batch in batches:
            if batch:
                fh.write((b"" if empty else b",") + encode_items(batch))
                empty = False
        fh.write(b"]" if empty else b"\n ]")
        sep = b",\n "
    fh.write(b"}" if sep == b"\n " else b"\n}")


def _key(key: str) -> bytes:
    return json.dumps(key, ensure_ascii=False).encode("utf-8") + b": "
