"""Quantities as intervals: the one place that says what a qualifier means as a range of
values, and when two ranges agree.

"at least 31" is [31, ∞); "more than 5" is [5, ∞), as reporters use it of a source's 5
(data/qualifier_classes.yaml); "approximately 120" is a tolerance band around 120;
"dozens" is the interval its table gives. Two claims agree when their
intervals share a value; the gap between them is how far apart they are when they do not."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from . import vocabulary

DEFAULT_TOLERANCE = 0.1
"""Relative half-width of "approximately": ±10% covers the rounding reporters apply to
figures in the hundreds and thousands ("about 120" for 113 or 127) without making
"about 120" agree with 57. Configurable in ``[tool.factcheck] tolerance``."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed, half-open or open interval; ``None`` bounds are unbounded."""

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @property
    def lo(self) -> float:
        return -math.inf if self.low is None else self.low

    @property
    def hi(self) -> float:
        return math.inf if self.high is None else self.high

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both.

        >>> Interval(5, None).overlaps(Interval.point(6)), Interval(5, None, low_open=True).overlaps(Interval.point(5))
        (True, False)
        """
        # the higher lower bound, open if either is open where they are equal, against the
        # lower upper bound likewise (written out: this is called for every pair of claims)
        a = -math.inf if self.low is None else self.low
        b = -math.inf if other.low is None else other.low
        if a > b:
            lo, lo_open = a, self.low_open
        elif a < b:
            lo, lo_open = b, other.low_open
        else:
            lo, lo_open = a, self.low_open or other.low_open
        a = math.inf if self.high is None else self.high
        b = math.inf if other.high is None else other.high
        if a < b:
            hi, hi_open = a, self.high_open
        elif a > b:
            hi, hi_open = b, other.high_open
        else:
            hi, hi_open = a, self.high_open or other.high_open
        if lo < hi:
            return True
        return lo == hi and not lo_open and not hi_open

    def gap(self, other: Interval) -> float:
        """Distance between the nearest bounds (0 when they overlap or touch).

        >>> Interval.point(57).gap(Interval(108, 132))
        51.0
        """
        if self.overlaps(other):
            return 0.0
        return float(max(other.lo - self.hi, self.lo - other.hi, 0.0))

    def exceeds(self, other: Interval) -> bool:
        """True when every value here is larger than every value of ``other`` (a part that
        cannot fit in its whole)."""
        if self.lo > other.hi:
            return True
        return self.lo == other.hi and (self.low_open or other.high_open)

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high, self.low_open or other.low_open, self.high_open or other.high_open)

    def scaled(self, factor: float) -> Interval:
        return Interval(
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
            self.low_open,
            self.high_open,
        )

    def describe(self) -> str:
        """The interval in mathematical notation, for reports.

        >>> Interval(31, None).describe(), Interval(108, 132).describe()
        ('[31, ∞)', '[108, 132]')
        """

        def fmt(x: float | None, inf: str) -> str:
            if x is None:
                return inf
            return str(int(x)) if float(x).is_integer() else f"{x:g}"

        return (
            ("(" if self.low_open or self.low is None else "[")
            + fmt(self.low, "-∞")
            + ", "
            + fmt(self.high, "∞")
            + (")" if self.high_open or self.high is None else "]")
        )


@cache
def _qualifier_table() -> dict[str, vocabulary.Qualifier]:
    return dict(vocabulary.qualifiers().qualifiers)


def from_qualifier(
    value: float, qualifier: str, tolerance: float = DEFAULT_TOLERANCE, non_negative: bool = True
) -> Interval:
    """The interval a qualified number stands for.

    >>> from_qualifier(120, "approximately").describe(), from_qualifier(48, "less_than").describe()
    ('[108, 132]', '[0, 48]')
    >>> from_qualifier(5, "nearly").describe(), from_qualifier(31, "at_least").describe()
    ('[4.5, 5]', '[31, ∞)')
    """
    if qualifier in ("exact", "range", "vague"):
        return Interval.point(value)
    rule = _qualifier_table()[qualifier]
    if rule.tolerance == "symmetric":
        width = abs(value) * tolerance
        return Interval(value - width, value + width)
    if rule.tolerance == "below":
        return Interval(value - abs(value) * tolerance, value)
    low = None if rule.low is None else value * rule.low
    high = None if rule.high is None else value * rule.high
    if low is None and non_negative and value >= 0:
        low = 0.0
    return Interval(low, high, rule.open_low, rule.open_high)
