"""The death toll a figure was reported with, as a clock for figures with no time of
their own.

Most figures in a breaking story carry no time: "Nearly 3,000 people were also wounded",
"about 6 people are missing". An editor dates them by what the same report says next to
them: an article giving 413 dead is of the moment the national toll was 413, so its
injured figure is that moment's injured figure too. Two reports whose national tolls
agree give their other figures at one moment; a report with the higher toll gives them
later, because a toll only grows.

A clock is the national death toll of the figure's own report: the one its own sentence
gives ("413 muertos y 2.000 heridos"), else the highest the report gives: a toll only
grows, so a report is of the moment of its highest toll, and its other figures are of
that moment unless the sentence that gives them says otherwise. Only tolls placed at
country level, of the report's own moment (no background event, no other year), are
clocks; a toll the report's words mark as earlier or revised dates only its sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..intervals import Interval
from .agreement import FIELDS, Comparison
from .keys import Facet, with_clock
from .positions import claim_interval
from .timeline import partitive, provisional

Reading = Literal["same", "before", "after"]

CLOSE = 1 / 3
"""Relative distance (to the larger figure) under which two figures of unknown order are
two versions of one count (2,527 and 2,068 injured; 117 and 86 dead in one city) rather
than two moments or two scopes of it (77 and 246 dead, hours apart; 25 at a school and
217 nationwide)."""

CLOCK_EVENT = "killed"
"""The cumulative count read as the story's clock: the death toll."""


@dataclass(frozen=True, slots=True)
class Clock:
    """The national toll a figure was reported with: its key, interval and wording."""

    key: str
    interval: Interval
    text: str
    moves: bool = True
    """Whether the story's reports give this toll more than one value: a toll that stayed
    the same through the coverage (one dead, from the first report to the last) dates
    nothing, though two reports of it still agree."""


def is_clock(f: Facet) -> bool:
    """A national death toll of its report's own moment, in whole people."""
    if f.event != CLOCK_EVENT or not f.cumulative:
        return False  # the cheap tests first: most figures are no death toll
    q = f.claim.quantity
    ends = [v for v in (q.value, q.low, q.high) if v is not None]
    return (
        bool(ends)
        and all(float(v).is_integer() for v in ends)
        and f.event == CLOCK_EVENT
        and f.cumulative
        and f.anchor is None
        and f.background is None
        and not f.era
        and f.place is not None
        and f.place.kind == "country"
        # placed in the country by the text, or by nothing: not a town's share joined to it
        and (f.claim.place is None or f.claim.place.kind == "country")
        and not f.claim.comparative
        # "cuatro de ellas eran mujeres": a part of a group named before, not the toll
        and not partitive(f.claim)
    )


def with_clocks(facets: Iterable[Facet], tolerance: float) -> list[Facet]:
    """The facets, each carrying the clock of its report (None when its report gives no
    national toll). A toll carries no clock of its own: it is the clock. A toll its report
    places nowhere and gives far below its national toll is left out (a part of no known
    place)."""
    return clocks_read(facets, tolerance)[0]


def clocks_read(
    facets: Iterable[Facet], tolerance: float, clocks: Sequence[bool] | None = None
) -> tuple[list[Facet], set[str], dict[str, set[tuple[float | None, float | None]]]]:
    """``with_clocks``, with what it read across reports: the story's toll key in each
    country, and the readings of the reports' own tolls by key (whether a toll moves); a
    facet's clock depends on these and on its own report's facets alone. ``clocks``:
    ``is_clock`` of each facet, where the caller knows it."""
    facets = list(facets)
    # each facet tested once, the cheap fields first (most figures are no death toll)
    clocks = (
        [f.event == CLOCK_EVENT and f.cumulative and is_clock(f) for f in facets] if clocks is None else list(clocks)
    )
    main, tolls, tops, values = _state(facets, clocks, tolerance)
    out = []
    # a clock is made once per toll: it reads the toll alone (and the readings of every
    # report's toll), and the figures of a report share its toll
    made: dict[int, Clock] = {}
    for f, clock in zip(facets, clocks, strict=True):
        found = tolls.get(f.document)
        if not found:
            out.append(f)
            continue
        top = tops.get(f.document)
        if clock:
            if not _unplaced_part(f, top, found):
                out.append(f)
        else:
            beside = [t for t in found if t.sentence_start == f.sentence_start]
            toll = max(beside, key=_height) if beside else top
            if toll is None:
                out.append(f)
            else:
                made_clock = made.get(id(toll))
                if made_clock is None:
                    reading = _reading(toll, tolerance)
                    moves = len(values[toll.key] | {(reading.low, reading.high)}) > 1
                    made_clock = made[id(toll)] = Clock(toll.key, reading, toll.claim.quantity.text, moves)
                out.append(with_clock(f, made_clock))
    return out, main, values


def _state(
    facets: list[Facet], clocks: list[bool], tolerance: float
) -> tuple[set[str], dict[str, list[Facet]], dict[str, Facet], dict[str, set[tuple[float | None, float | None]]]]:
    main = _main_tolls([f for f, clock in zip(facets, clocks, strict=True) if clock])
    tolls: dict[str, list[Facet]] = defaultdict(list)
    for f, clock in zip(facets, clocks, strict=True):
        if clock and f.key in main:
            tolls[f.document].append(f)
    # each report's own moment: its highest toll, but not one its words mark as earlier
    # or revised ("revised down from 248", "earlier reports of 77")
    tops = {
        doc: max(own, key=_height)
        for doc, found in tolls.items()
        if (own := [t for t in found if t.order not in ("earlier", "correction") or _provisional_own(t)])
    }
    values: dict[str, set[tuple[float | None, float | None]]] = defaultdict(set)
    for each in tops.values():
        iv = _reading(each, tolerance)
        values[each.key].add((iv.low, iv.high))
    return main, tolls, tops, values


def _provisional_own(t: Facet) -> bool:
    """A toll marked earlier only by calling itself provisional ("un saldo preliminar de
    120"): its report's current toll."""
    return t.order == "earlier" and provisional(t.claim)


def _unplaced_part(f: Facet, top: Facet | None, tolls: list[Facet]) -> bool:
    """A toll its report places nowhere, far below every other national toll the same
    report gives (``top`` is the highest), counts a part the text does not name (a street,
    a building): "cuatro muertos" in a report of 120 dead is no rival to another report's
    national toll, and no part of a known place either, so it is compared with nothing.
    A toll close to another of its report's tolls is a version of the toll, not a part
    ("46 confirmed dead" in a report that also gives 48, and an estimate of 120)."""
    if top is None or top is f or (f.claim.place is not None and f.claim.place.stated) or f.order is not None:
        return False
    part = f.claim.quantity
    high = part.high if part.high is not None else part.value
    if high is None:
        return False
    others = [_height(t)[0] for t in tolls if t is not f]
    return all(whole > 0 and whole - high > CLOSE * whole for whole in others)


def _reading(f: Facet, tolerance: float) -> Interval:
    """The toll a clock shows: "at least 27" shows 27, not every toll above it."""
    iv = claim_interval(f.claim, tolerance)
    low = iv.low if iv.low is not None else iv.high
    high = iv.high if iv.high is not None else iv.low
    return Interval(low, high)


def _height(f: Facet) -> tuple[float, str]:
    q = f.claim.quantity
    return (q.low if q.low is not None else q.value or 0.0, f.claim_id)


def _main_tolls(tolls: list[Facet]) -> set[str]:
    """The story's toll in each country: of the national death-toll keys of a country,
    the one the most reports give ("people killed" rather than "migrants killed" when
    more reports count people). ``tolls``: the facets ``is_clock`` holds to be tolls."""
    reports: dict[str, set[str]] = defaultdict(set)
    country: dict[str, str] = {}
    for f in tolls:
        if f.place is not None:
            reports[f.key].add(f.source)
            country[f.key] = f.place.key
    best: dict[str, str] = {}
    for key in sorted(reports):
        c = country[key]
        if c not in best or len(reports[key]) > len(reports[best[c]]):
            best[c] = key
    return set(best.values())


def read(a: Clock | None, b: Clock | None) -> Reading | None:
    """How the moment of clock ``a`` stands to ``b``: the same when their tolls agree,
    before when ``a``'s toll is lower; None when either is missing or they count
    different tolls.

    >>> k = "killed|person|count|country:Ecuador|"
    >>> read(Clock(k, Interval(413, 413), "413"), Clock(k, Interval(413, 413), "413"))
    'same'
    >>> read(Clock(k, Interval(233, 233), "233"), Clock(k, Interval(413, 413), "413"))
    'before'
    """
    if a is None or b is None or a.key != b.key:
        return None
    if a.interval.overlaps(b.interval):
        return "same"
    if a.interval.high is not None and b.interval.low is not None and a.interval.high < b.interval.low:
        return "before"
    if b.interval.high is not None and a.interval.low is not None and b.interval.high < a.interval.low:
        return "after"
    return None


def by_clock(c: Comparison, a: Facet, b: Facet) -> Comparison:
    """The comparison with the time of two undated figures that two reports give with one
    national toll (``clocks``) read as one moment. Not inside one report (its figures
    share its toll whatever their moments), not for tolls themselves (a toll's moment is
    its own figure, the very thing compared), and not by a toll that never changed
    through the coverage (it dates nothing)."""
    t = FIELDS.index("time")
    if c.levels[t] != "unknown" or a.document == b.document:
        return c
    if a.clock is None or b.clock is None or not (a.clock.moves and b.clock.moves):
        return c
    if a.clock.key != b.clock.key or CLOCK_EVENT in (a.event, b.event):
        return c
    if not a.clock.interval.overlaps(b.clock.interval):
        return c
    levels = (*c.levels[:t], "same", *c.levels[t + 1 :])
    words = (*c.words[:t], f"both given with a national death toll of {a.clock.text}", *c.words[t + 1 :])
    return Comparison(levels, words, c.document)
