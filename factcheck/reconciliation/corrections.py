"""A report's own correction carried to its other mentions of the corrected figure.

"Authorities revised the death toll ... down to 275 from 288 ... Of the 275 dead, 88 had been
identified": the first figure's words call it a correction (``timeline.order_mark``), the
second's say nothing, yet it is the same corrected toll. Against another report's 288 the
second would read as a stale, lower toll; it is the report's correction, which supersedes
the 288 rather than contradicting it (``classify._judge``)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping

from .keys import Facet

__all__ = ["corrected_values"]


def corrected_values(facets: Mapping[str, Facet]) -> dict[str, Facet]:
    """``facets`` (by claim id) with each unmarked figure of a report that equals the new
    value of a correction the same report states of the same event and class marked a
    correction too. A change written as a pair ("down to 275 from 288") gives its new value; a single
    figure called corrected ("corrected to 275") gives its own."""
    # by report, event and class: one report may place its correction ("in Odisha") and its
    # later mention ("of the 275 dead") at different levels
    corrected: dict[tuple[str, str, frozenset[str]], set[float]] = defaultdict(set)
    for f in facets.values():
        if f.order != "correction":
            continue
        value = _new_value(f)
        if value is not None:
            corrected[(f.document, f.event, f.classes)].add(value)
    if not corrected:
        return dict(facets)
    out: dict[str, Facet] = {}
    for cid, f in facets.items():
        values = corrected.get((f.document, f.event, f.classes))
        q = f.claim.quantity
        if values and f.order is None and q.qualifier == "exact" and q.value in values:
            f = dataclasses.replace(f, order="correction")
        out[cid] = f
    return out


def _new_value(f: Facet) -> float | None:
    q = f.claim.quantity
    if q.qualifier == "range" and q.trend is not None:
        # "down to 275 from 288": the figure it went to
        return q.low if q.trend == "down" else q.high
    return q.value if q.qualifier == "exact" else None
