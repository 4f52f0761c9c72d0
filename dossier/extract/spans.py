"""Which of many fixed spans overlap a given one: sorted starts, bisect, and the longest
span's length as the reach back (testing every span per query is quadratic)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanSet:
    """Half-open character spans ``[start, end)``, asked whether any overlaps another."""

    __slots__ = ("_ends", "_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._ends = [b for _, b in ordered]
        self._reach = max((b - a for a, b in ordered), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when some span overlaps ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start - self._reach)
        hi = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return any(start < b for b in self._ends[lo:hi])
