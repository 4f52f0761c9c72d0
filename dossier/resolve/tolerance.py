"""Tolerances: the interval of values a figure's words allow.

Written here because no library models qualifiers of reported numbers ("over", "about",
"nearly", "tens of") together with the rounding that a printed number implies.

Tolerances, chosen for a demanding analyst ("rounding" r(v) is half a unit of the last
significant digit of v, kept between 0.25 % and 5 % of v, so two exact figures always may
differ by 0.5 %: 27.8 bn -> ±0.07 bn, 28 bn -> ±0.5 bn, 1,156 -> ±2.9, 9 -> ±0.45, 20,000
-> ±1,000 because trailing zeros of a plain "20.000" do not say how it was rounded, yet a
writer who rounds 20,490 to 20,000 is not contradicting anyone; e = 0.25 % of v is the slack
at a stated threshold, since "over 28 bn" means the threshold, not a rounded value):

  exact       [v - r, v + r]           27.8 vs 28.7 disagree; 27.8 vs 28 agree (28 is rounded)
  about       v ± clamp(r', 5 %, 10 %) r' = half the last significant place; "about 28" ±1.4
  more_than   [v - e, 1.5 v]           the cap: "over 20 bn" is rarely 40 bn; 27.8 vs "over 28"
  less_than   [0, v + e]                                                    disagree
  almost      [0.9 v, v + e]
  vague       [v, 10 v]                "tens of billions" (Figure.vague)
  range       the same rules at each end (Figure.upper)
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache

from dossier.model import Figure

__all__ = ["interval", "rounding"]

ROUND_MIN, ROUND_MAX = 0.0025, 0.05  # rounding of an exact figure, as a share of its value
ABOUT_MIN, ABOUT_MAX = 0.05, 0.10  # "about", "around", "circa"
MORE_THAN_CAP = 1.5  # "over v" taken as at most 1.5 v
ALMOST_FLOOR = 0.9  # "nearly v" taken as at least 0.9 v
VAGUE_CAP = 10.0  # "tens of billions": [v, 10 v]


@lru_cache(maxsize=65536)  # reported values repeat (round numbers); Decimal parsing is slow
def _half_place(value: float) -> float:
    """Return half a unit of the last significant digit of ``value``."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)


def rounding(value: float) -> float:
    """Return how far an exact figure may be from the truth through rounding alone."""
    v = abs(value)
    return min(max(_half_place(value), ROUND_MIN * v), ROUND_MAX * v)


def _about(value: float) -> float:
    v = abs(value)
    return min(max(_half_place(value), ABOUT_MIN * v), ABOUT_MAX * v)


def interval(fig: Figure, *, capped: bool = True) -> tuple[float, float]:
    """Return the values a figure's words allow; uncapped open bounds reach infinity."""
    v = fig.value if fig.value is not None else math.nan
    u = fig.upper if fig.upper is not None and fig.upper >= v else v
    top = math.inf
    if fig.vague:
        lo, hi = v, (VAGUE_CAP * u if capped else top)
    elif fig.approx == "about":
        lo, hi = v - _about(v), u + _about(u)
    elif fig.approx == "more_than":
        lo, hi = v - ROUND_MIN * abs(v), (MORE_THAN_CAP * u if capped else top)
    elif fig.approx == "less_than":
        lo, hi = min(0.0, v), u + ROUND_MIN * abs(u)
    elif fig.approx == "almost":
        lo, hi = ALMOST_FLOOR * v, u + ROUND_MIN * abs(u)
    else:
        lo, hi = v - rounding(v), u + rounding(u)
    return (min(lo, hi), max(lo, hi))
