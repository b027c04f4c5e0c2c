"""Quantities that restate the one before them in other terms, and so share its reading: a
conversion in brackets keeps the bound ("more than 100 kilometers (60 miles)", "just under
296 hp (224 kW / 300 PS)"), and a share after "or" keeps the direction ("lost 190 points,
or 0.6%").

This module only passes a qualifier or a trend along; which words make them is decided
where the quantities are found (:mod:`~factcheck.extraction.quantities`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..intervals import DEFAULT_TOLERANCE, from_qualifier
from .tokens import Token

if TYPE_CHECKING:
    from .quantities import Found

_BOUNDS = frozenset({"approximately", "nearly", "at_least", "more_than", "at_most", "less_than"})
_TEMPERATURES = ("degree_Celsius", "degree_Fahrenheit")


def share_readings(tokens: Sequence[Token], found: list[Found], tolerance: float = DEFAULT_TOLERANCE) -> list[Found]:
    """``found`` with qualifiers passed into bracketed conversions and trends into restated
    shares, in place.

    >>> from .quantities import find_quantities
    >>> from .tokens import tokenize
    >>> toks = tokenize("the moths fly more than 100 kilometers (60 miles)")
    >>> [(f.value, f.qualifier) for f in find_quantities(toks)]
    [(100.0, 'more_than'), (60.0, 'more_than')]
    """
    for k in range(1, len(found)):
        prev, f = found[k - 1], found[k]
        gap = [t.text for t in tokens[prev.last + 1 : f.first]]
        if f.qualifier == "exact" and f.value is not None and prev.qualifier in _BOUNDS and _converts(gap, prev, f):
            iv = from_qualifier(f.value, prev.qualifier, tolerance, non_negative=f.unit not in _TEMPERATURES)
            f.qualifier, f.low, f.high, f.low_open, f.high_open = (
                prev.qualifier,
                iv.low,
                iv.high,
                iv.low_open,
                iv.high_open,
            )
        if f.trend is None and prev.trend is not None and _restates(gap):
            f.trend = prev.trend  # "lost 190 points, or 0.6%"
    return found


def _restates(gap: list[str]) -> bool:
    """ "190 points, or 0.6%": the same change counted another way, the counted noun between."""
    words = [g.lower() for g in gap]
    return len(words) <= 3 and words[-1:] == ["or"] and all(w.isalpha() or w == "," for w in words)


def _converts(gap: list[str], prev: Found, f: Found) -> bool:
    """ "100 kilometers (60 miles)", and "(224 kW / 300 PS)" after it: the same amount in
    another unit, written in brackets."""
    if f.unit is None or prev.unit is None or f.unit == prev.unit:
        return False
    return gap in (["("], ["/"])
