"""Sides of a disagreement: claims whose intervals share a value form one position.

A claim's interval is recomputed here from its value and qualifier with the configured
tolerance, in base units, so the tolerance is a setting and not baked into extraction."""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import itemgetter

from ..findings import Position
from ..intervals import Interval, from_qualifier
from ..models import Claim, Quantity
from ..units import to_base


def claim_interval(claim: Claim, tolerance: float) -> Interval:
    """The interval a claim stands for, in base units.

    >>> from factcheck.extraction import extract_text
    >>> a, b = extract_text("It lasted less than 2 days, or less than 48 hours.")
    >>> claim_interval(a, 0.1) == claim_interval(b, 0.1)
    True
    """
    # asked about 15 times per claim in a reconciliation (sides, pairs, cores): the interval
    # of each quantity record is kept by its identity (records are frozen, and claims of
    # equal figures share theirs: ``sharing``), the record held with it so that its id
    # names no other record while the entry stands
    q = claim.quantity
    known = _INTERVALS.get(id(q))
    if known is not None and known[0] is q and known[1] == tolerance:
        return known[2]
    iv = _interval(q, tolerance)
    if len(_INTERVALS) >= _KEPT:
        _INTERVALS.clear()
    _INTERVALS[id(q)] = (q, tolerance, iv)
    return iv


_KEPT = 1 << 17
"""Intervals kept at most (about 30 MB at full); past it the table starts again."""

_INTERVALS: dict[int, tuple[Quantity, float, Interval]] = {}


def _interval(q: Quantity, tolerance: float) -> Interval:
    if q.value is not None and q.qualifier not in ("exact", "range", "vague"):
        iv = from_qualifier(q.value, q.qualifier, tolerance, non_negative=(q.low or 0) >= 0)
    elif q.qualifier == "range" and q.trend is not None and q.low is not None and q.high is not None:
        # a change ("rose from 40 to 57", "revised down to 38 from 42") asserts its new figure
        new = q.high if q.trend == "up" else q.low
        iv = Interval(new, new)
    else:
        iv = Interval(q.low, q.high, q.low_open, q.high_open)
    if q.unit is None:
        return iv
    factor = to_base(1.0, q.unit)[0]
    if q.unit in ("degree_Celsius", "degree_Fahrenheit"):
        return Interval(q.base_low, q.base_high)
    return iv.scaled(factor)


def independent_sources(claims: Sequence[Claim]) -> int:
    """How many independent sources stand behind claims: one per outlet and attribution,
    so the same article repeating a figure three times counts once per source it names."""
    return len({((c.outlet or c.document), (c.source.name.lower() if c.source else "")) for c in claims})


def cluster(claims: Sequence[Claim], tolerance: float) -> list[tuple[Interval, list[Claim]]]:
    """Group claims into positions: sorted by lower bound, a claim joins the current
    position while it overlaps what all its members share. Deterministic for any input
    order because claims are sorted by interval, then by id."""
    # sorted by (lo, hi, id), ties in input order: the index after them decides first, so
    # that the records themselves are never compared
    keyed = []
    for k, c in enumerate(claims):
        iv = claim_interval(c, tolerance)
        low = -math.inf if iv.low is None else iv.low
        keyed.append((low, math.inf if iv.high is None else iv.high, c.id, k, iv, c))
    keyed.sort(key=_ORDER)
    out: list[tuple[Interval, list[Claim]]] = []
    for _, _, _, _, iv, claim in keyed:
        if out and out[-1][0].overlaps(iv):
            shared, members = out[-1]
            lo = max((shared.lo, shared.low_open), (iv.lo, iv.low_open))
            hi = min((shared.hi, not shared.high_open), (iv.hi, not iv.high_open))
            members.append(claim)  # the position's own list, made below for it alone
            out[-1] = (
                Interval(
                    None if lo[0] == float("-inf") else lo[0],
                    None if hi[0] == float("inf") else hi[0],
                    lo[1],
                    not hi[1],
                ),
                members,
            )
        else:
            out.append((iv, [claim]))
    return out


_ORDER = itemgetter(0, 1, 2, 3)


def label(claims: Sequence[Claim]) -> str:
    """How a position reads: its figures as written, most common first."""
    seen: dict[str, int] = {}
    for c in claims:
        seen[c.quantity.text] = seen.get(c.quantity.text, 0) + 1
    return " / ".join(sorted(seen, key=lambda t: (-seen[t], t))[:3])


def in_time_order(c: Claim) -> tuple[str, str, int]:
    """How a position orders its claims: by published day, document and offset."""
    return (str(c.published or ""), c.document, c.quantity.start)


def position(claims: Sequence[Claim], iv: Interval, role: str = "value") -> Position:
    ordered = sorted(claims, key=in_time_order)
    return Position(
        role=role,
        label=label(ordered),
        low=iv.low,
        high=iv.high,
        claims=ordered,
        sources=independent_sources(ordered),
    )
