"""Convert typed records to JSON-ready dicts and back (for JSON columns and exports)."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

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


@lru_cache(maxsize=64)
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dataclass_in(tp: Any) -> type | None:
    """Return the dataclass inside ``list[X]`` / ``X | None`` / ``X``, if any."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp
    for arg in typing.get_args(tp):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    """Build a ``cls`` record from :func:`to_data` output, ignoring unknown keys."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        inner = _dataclass_in(hints[f.name])
        if inner is not None and value is not None:
            origin = typing.get_origin(hints[f.name])
            if origin is list:
                value = [from_data(inner, v) for v in value]
            elif not isinstance(origin, types.UnionType) or isinstance(value, dict):
                value = from_data(inner, value) if isinstance(value, dict) else value
        kwargs[f.name] = value
    return cls(**kwargs)
