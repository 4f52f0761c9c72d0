"""Poll feeds on a fixed period (``dossier watch FEED... --every 15m``), testable without waiting.

The loop only schedules: ``run_once_callback(feeds)`` does the work (the lead's build over
:func:`dossier.ingest.web.iter_urls` with a shared ``seen`` set, so each poll fetches only new
entries). Clock and sleep are injected, so tests drive the loop with a fake clock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["parse_interval", "watch"]

T = TypeVar("T")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Return seconds for "90", "90s", "15m", "1.5h" or "1d"; raise ValueError otherwise."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f"cannot read interval {text!r}; write e.g. 90s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds <= 0:
        raise ValueError(f"interval {text!r} must be positive")
    return seconds


def watch(
    feeds: Sequence[str], every_seconds: float, run_once_callback: Callable[[Sequence[str]], T],
    *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None, on_error: Callable[[BaseException], None] | None = None,
) -> list[T]:
    """Call ``run_once_callback(feeds)`` every ``every_seconds`` (start to start), ``rounds`` times.

    ``rounds=None`` loops until interrupted (KeyboardInterrupt ends it quietly). A round that
    raises is passed to ``on_error`` and the loop goes on; without ``on_error`` it stops the loop.
    A round that overruns the period is followed at once by the next, without catching up.
    """
    if every_seconds <= 0:
        raise ValueError("every_seconds must be positive")
    results: list[T] = []
    done = 0
    try:
        while rounds is None or done < rounds:
            started = clock()
            try:
                results.append(run_once_callback(feeds))
            except Exception as exc:  # one bad poll (network down) must not end a long watch
                if on_error is None:
                    raise
                on_error(exc)
            done += 1
            if rounds is not None and done >= rounds:
                break
            wait = every_seconds - (clock() - started)
            if wait > 0:
                sleep(wait)
    except KeyboardInterrupt:
        pass
    return results
