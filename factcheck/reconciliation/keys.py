"""The quantity key: which claims measure the same thing.

Two claims are comparable when their key matches: what happened (``event_class``), what
is counted (subject classes), the unit's dimension, where (the place's identity) and, for
a figure about an earlier event, that event's year. When a figure holds (its as-of time)
is not part of the key: it decides how two figures under one key relate (the same
moment, an update, a stale repeat), which is the classifier's job.

A measure with a unit (a distance, a depth) has no event; its key is the dimension and
the reference place it is measured from ("50 km from the capital")."""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.events import is_cumulative
from ..models import Claim, Place
from .identity import subject_classes
from .timeline import Moment, measure_anchor, moment, order_mark

_MEASURE_EVENT = "measured"
"""The event class given to a measure (a distance, a depth, a speed): it happens to
nothing, it is measured."""

_DIMENSION_SUBJECT = {"meter": "distance", "second": "duration", "meter / second": "speed", "kilogram": "mass"}


@dataclass(frozen=True, slots=True)
class Facet:
    """What reconciliation needs to know of a claim, computed once per claim."""

    claim: Claim
    event: str
    classes: frozenset[str]
    unit: str | None
    place: Place | None
    anchor: str | None
    background: int | None
    """The year of the earlier event a background figure is about (0: year unknown)."""
    era: str
    """A stated year other than the report's own ("in 2021") or a period ("in recent
    years"): such figures are compared only with figures of the same year or period."""
    cumulative: bool
    moment: Moment
    order: str | None
    """"earlier", "later" or "correction": what the words around the figure say of it."""
    source: str
    """The copy group of the claim's document: copies of one story are one source."""

    @property
    def key(self) -> str:
        """The quantity key as a stable string, for grouping and fingerprints."""
        return "|".join(
            (
                self.event,
                "+".join(sorted(self.classes)),
                self.unit or "count",
                _place_key(self.place) if self.anchor is None else "from:" + self.anchor,
                f"bg{self.background}" if self.background is not None else self.era,
            )
        )

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


def _place_key(place: Place | None) -> str:
    return place.key if place is not None else "-"


def event_class(claim: Claim) -> str | None:
    """The claim's event class: the extracted ``event_class``, else its event word's class."""
    return claim.event_class or claim.event


def facet(claim: Claim, source: str | None = None) -> Facet | None:
    """The facet of a claim, or None when the claim asserts nothing comparable: a
    comparative ("3,000 more than"), no bounds, a count with no event or no subject, or a
    measure with no reference place.

    >>> from factcheck.extraction import extract_text
    >>> [f.key for f in map(facet, extract_text("At least 31 people were killed in Chile.")) if f]
    ['killed|person|count|country:Chile|']
    """
    q = claim.quantity
    if claim.comparative or (q.low is None and q.high is None):
        return None
    if q.unit is not None:
        if q.base_unit in (None, "percent") or q.base_unit not in _DIMENSION_SUBJECT:
            return None
        anchor = measure_anchor(claim)
        if anchor is None:
            return None
        event, classes = _MEASURE_EVENT, frozenset({_DIMENSION_SUBJECT[q.base_unit]})
        cumulative = False
    else:
        anchor = None
        ev = event_class(claim)
        subject = claim.subject_class or claim.subject
        if not ev or not subject:
            return None
        event, classes = ev, subject_classes(subject.lower())
        cumulative = claim.cumulative or is_cumulative(ev)
    background = None
    if claim.background is not None:
        background = claim.background.year or 0
    return Facet(
        claim=claim,
        event=event,
        classes=classes,
        unit=q.base_unit,
        place=claim.place,
        anchor=anchor,
        background=background,
        era=_era(claim),
        cumulative=cumulative,
        moment=moment(claim),
        order=order_mark(claim),
        source=source or claim.document,
    )


def _era(claim: Claim) -> str:
    """ "y2021" for a figure stated for a year other than its report's, "period" for a
    figure over a period ("in recent years"), else empty."""
    t = claim.time
    if t is None:
        return ""
    if t.period:
        return "period"
    if t.year is not None and t.date is None and (claim.published is None or t.year != claim.published.year):
        return f"y{t.year}"
    return ""
