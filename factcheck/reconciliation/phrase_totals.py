"""The total of the coordinated phrase a figure is a part of.

"50 guards and seven police officers were held" gives two figures and, between the lines, a
third: 57 held. Another report that says "57 guards were held", or "almost 60 guards and
police", or "seven officers" against "57", speaks of that total, not of the part: an editor
reads 50 against 57 as a part beside its whole (or a report that named the whole by its
largest part), never as two counts of one group that disagree. A figure whose phrase adds up
to what the other side says is therefore not compared with it as the same quantity, nor as a
part larger than its whole, nor as more released than held.

Only phrases whose parts are all comparable, of one unit and one event, have a total
("one dead and 30 injured" adds nothing up)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..intervals import Interval
from .identity import subject_relation
from .keys import Facet
from .positions import claim_interval


def with_phrase_totals(facets: Iterable[Facet], tolerance: float) -> list[Facet]:
    """The facets, each part of a coordinated phrase carrying the phrase's total."""
    facets = list(facets)
    members: dict[str, list[Facet]] = defaultdict(list)
    for f in facets:
        if f.claim.parts_group:
            members[f.claim.parts_group].append(f)
    totals: dict[str, Interval] = {}
    for group, parts in members.items():
        if len(parts) < 2 or len({f.unit for f in parts}) > 1 or len({f.event for f in parts}) > 1:
            continue
        total = Interval.point(0)
        for f in parts:
            total = total + claim_interval(f.claim, tolerance)
        totals[group] = total
    if not totals:
        return facets
    return [
        replace(f, phrase_total=totals[g], phrase_covers=_covers(f, members[g]))
        if (g := f.claim.parts_group) is not None and g in totals
        else f
        for f in facets
    ]


def _covers(f: Facet, parts: Sequence[Facet]) -> bool:
    """Every part of ``f``'s phrase is of ``f``'s class or narrower."""
    return all(p is f or subject_relation(p.classes, f.classes) in ("same", "part") for p in parts)


def names_phrase_total(f: Facet, other: Interval) -> bool:
    """``other`` is the total of the phrase ``f`` is a part of: 57 against "50 guards and
    seven police officers"."""
    return f.phrase_total is not None and f.phrase_total.overlaps(other)


def without_phrase_parts(side: Sequence[Facet], other: Interval) -> list[Facet]:
    """The claims of ``side`` that are not parts of a phrase whose total is ``other``."""
    return [f for f in side if not names_phrase_total(f, other)]
