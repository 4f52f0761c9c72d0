"""Convert typed records to JSON-ready dicts and back (for JSON columns and exports).

``dumps``/``loads`` use orjson, which serialises (slotted) dataclasses natively in C: the
store writes tens of fact rows per document, and ``json.dumps(to_data(x))`` was most of the
cost of writing them.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from functools import lru_cache
from typing import Any, TypeVar

import orjson

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    """Return a JSON-ready structure for a dataclass record (recursively)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    return obj


def _dataclass_in(tp: Any) -> type | None:
    """Return the dataclass inside ``list[X]`` / ``X | None`` / ``X``, if any."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp
    for arg in typing.get_args(tp):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=128)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))  # TypeError: not a dataclass


def _record(obj: Any) -> dict[str, Any]:
    """orjson's hook for dataclasses: a dict read with getattr, one level at a time."""
    names = _field_names(type(obj))  # type: ignore[arg-type]
    return {name: getattr(obj, name) for name in names}


def dumps(obj: Any) -> str:
    """Return the JSON text of a record (as ``json.dumps(to_data(obj))`` would encode it).

    Dataclasses go through ``_record`` rather than orjson's native reader: that one reads
    slots directly and crashes the interpreter on an unset slot (a record unpickled from
    an older version of its class), where getattr raises. Still 7x faster than json.
    """
    try:
        return orjson.dumps(obj, default=_record,
                            option=orjson.OPT_PASSTHROUGH_DATACLASS).decode("utf-8")
    except TypeError:  # what orjson refuses (non-str keys, huge ints): the portable path
        return json.dumps(to_data(obj), ensure_ascii=False)


def loads(text: str | bytes) -> Any:
    """Parse JSON text."""
    return orjson.loads(text)


@lru_cache(maxsize=64)
def _plan(cls: Any) -> tuple[tuple[str, type | None, bool], ...]:
    """Return, per field: its name, the nested dataclass (if any), and whether it is a list."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _dataclass_in(hints[f.name]), typing.get_origin(hints[f.name]) is list)
                 for f in dataclasses.fields(cls))


@lru_cache(maxsize=64)
def _flat_names(cls: Any) -> frozenset[str] | None:
    """Return the field names of a class without nested records (None if it has some)."""
    plan = _plan(cls)
    return None if any(inner for _, inner, _ in plan) else frozenset(n for n, _, _ in plan)


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    """Build a ``cls`` record from :func:`to_data` output, ignoring unknown keys."""
    if _flat_names(cls) is not None:  # type: ignore[arg-type]
        try:  # the common case: keys are the fields, values need no conversion
            return cls(**data)
        except TypeError:  # an unknown key (a field since removed): the general path
            pass
    kwargs: dict[str, Any] = {}
    for name, inner, is_list in _plan(cls):  # type: ignore[arg-type]
        if name not in data:
            continue
        value = data[name]
        if inner is not None and value is not None:
            if is_list:
                value = [from_data(inner, v) for v in value]
            elif isinstance(value, dict):
                value = from_data(inner, value)
        kwargs[name] = value
    return cls(**kwargs)



@lru_cache(maxsize=64)
def _nested(cls: Any) -> tuple[tuple[str, type, bool], ...]:
    """Return the fields of ``cls`` that hold records: name, record class, list or not."""
    return tuple((n, inner, is_list) for n, inner, is_list in _plan(cls) if inner is not None)


def _conforms(cls: Any, data: Any) -> bool:
    """Return True when ``data`` has exactly the fields of ``cls``, in order, nested too."""
    if not isinstance(data, dict) or tuple(data) != _field_names(cls):
        return False
    for name, inner, is_list in _nested(cls):
        value = data[name]
        if value is not None and not (all(_conforms(inner, v) for v in value) if is_list
                                      else _conforms(inner, value)):
            return False
    return True


def as_data(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Return ``to_data(from_data(cls, data))`` without building the record where possible.

    Rows written by this version already hold every field in order: they are returned as
    they are (an export reads hundreds of thousands). Older rows (a field since added,
    removed or moved) go through the record, which fills defaults and drops unknown keys.
    """
    if _conforms(cls, data):
        return data
    out: dict[str, Any] = to_data(from_data(cls, data))
    return out
