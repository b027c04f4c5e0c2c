"""How every human-facing format writes a number, a date and a label: numbers without
scientific notation and in the unit the text used, dates at the precision they are known
("March 2023", never the 1st of the month), and never an internal label such as
``raw:venezuelan`` or a grouping key."""

from __future__ import annotations

import datetime as dt
import math
import re

from ..models import Claim, Precision

_INTERNAL = re.compile(r"\braw:|\b(?:country|province|city|facility|region|unknown):\?(?:<)?")
"""Internal prefixes the reconciler uses in keys: a class it could not name (``raw:``) and
place keys (``facility:?<Cuenca``)."""


def clean(text: str | None) -> str:
    """``text`` without internal labels, for people to read.

    >>> clean("raw:venezuelan killed in Ciudad Juárez")
    'venezuelan killed in Ciudad Juárez'
    >>> clean(None)
    ''
    """
    text = text or ""
    # every label ends in a colon: most text has none to take out
    return (_INTERNAL.sub("", text) if ":" in text else text).strip()


def number(x: float | None) -> str:
    """A figure as people write it: thousands separated, no exponent, at most four
    significant digits after the point.

    >>> number(28970.0), number(31500), number(2.5), number(None), number(0.000012)
    ('28,970', '31,500', '2.5', '∞', '0.000012')
    """
    if x is None or not math.isfinite(x):
        return "∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    text = f"{x:.4g}"
    if "e" in text:  # a tiny figure: written out, trailing zeros dropped
        text = f"{x:.12f}".rstrip("0").rstrip(".")
    return text


def _scale(c: Claim) -> float | None:
    """Base units per unit of the text ("29 km": 1000), when the claim has both."""
    q = c.quantity
    if q.base_value and q.value:
        return q.base_value / q.value
    return None


def measure(x: float | None, c: Claim | None = None) -> str:
    """A bound ``x`` held in base units, written in the unit ``c`` used.

    >>> from factcheck import Document, extract
    >>> c = extract(Document(id="a", body="The quake struck 29 km from the town."))[0]
    >>> measure(29000.0, c)
    '29 km'
    """
    if c is None or x is None or not math.isfinite(x):
        return number(x)
    scale = _scale(c)
    unit = c.quantity.unit_text or c.quantity.unit
    if scale is None or not unit or c.quantity.base_unit is None:
        return number(x)
    return f"{number(x / scale)} {unit}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date(day: dt.date | None, precision: Precision | None = "day") -> str:
    """A date at the precision it is known.

    >>> date(dt.date(2023, 3, 1), "month"), date(dt.date(2023, 3, 28)), date(dt.date(2023, 1, 1), "year")
    ('March 2023', '28 March 2023', '2023')
    >>> date(None)
    'undated'
    """
    if day is None:
        return "undated"
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def iso(day: dt.date | None, precision: Precision | None = "day") -> str:
    """A date in ISO 8601 at its precision, for machine formats: '2023-03', '2023'.

    >>> iso(dt.date(2023, 3, 1), "month")
    '2023-03'
    """
    if day is None:
        return ""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def qualifier(name: str) -> str:
    """A qualifier name in words ('at_least' -> 'at least'; 'exact' says nothing).

    >>> qualifier("at_least"), qualifier("exact")
    ('at least', '')
    """
    return "" if name == "exact" else name.replace("_", " ")
