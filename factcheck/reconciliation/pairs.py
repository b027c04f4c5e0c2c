"""Findings as pairs: each finding is one disagreement between two positions of one
quantity key, classified and explained, with the provenance of both sides.

Inside a key, claims whose intervals share a value form a position (see ``positions``).
Two disjoint positions make a finding when the classifier says they are one (a conflict,
a stale repeat, a possibly different event) or an update worth showing. So that an
editor is not shown every pair of a toll that grew through fifteen reports, updates and
figures of unknown order are paired only with their neighbours in value; figures that
cannot both be true at one moment are paired whatever lies between them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import replace

from ..config import Settings
from ..findings import Evidence, Finding, FindingKind, Position
from ..intervals import Interval
from ..models import Claim
from .classify import Verdict, classify_pair
from .describe import title, what, when, where, who
from .estimates import estimate
from .fingerprint import claim_figures, fingerprint
from .keys import Facet
from .positions import claim_interval, cluster, in_time_order, label
from .timeline import Moment, least_days_apart

MEASURE_TOLERANCE = 0.05
"""Relative half-width given to a measure written as exact ("19 km deep"): agencies and
outlets round distances and depths, so 19 km and 20 km are the same depth."""


def interval(f: Facet, settings: Settings) -> Interval:
    """A facet's interval; exact measures get the measure tolerance."""
    iv = claim_interval(f.claim, settings.tolerance)
    if f.anchor is not None and f.claim.quantity.qualifier == "exact" and iv.low is not None and iv.high is not None:
        width = abs(iv.low) * MEASURE_TOLERANCE
        return Interval(iv.low - width, iv.high + width)
    return iv


def sides_of(facets: Sequence[Facet], settings: Settings) -> list[tuple[Interval, list[Facet]]]:
    """Positions of one key: facets whose intervals share a value, lowest first."""
    if len(facets) == 1:  # most keys: one side, what ``cluster`` gives one claim
        f = facets[0]
        return [(claim_interval(_widened(f, settings), settings.tolerance), [f])]
    by_id = {f.claim_id: f for f in facets}
    widened = [_widened(f, settings) for f in facets]
    return [(iv, [by_id[c.id] for c in claims]) for iv, claims in cluster(widened, settings.tolerance)]


def _widened(f: Facet, settings: Settings) -> Claim:
    if f.anchor is None or f.claim.quantity.qualifier != "exact":
        return f.claim
    # an exact measure clusters as the interval the measure tolerance gives it
    iv = interval(f, settings)
    q = f.claim.quantity
    factor = (q.base_value / q.value) if q.value and q.base_value is not None else 1.0
    low = None if iv.low is None else iv.low / factor
    high = None if iv.high is None else iv.high / factor
    wide = q.model_copy(update={"qualifier": "range", "low": low, "high": high})
    return f.claim.model_copy(update={"quantity": wide})


def narrowed(
    facets: list[Facet], iv: Interval, settings: Settings, side: tuple[Interval, list[Facet]] | None = None
) -> tuple[Interval, list[Facet]]:
    """A side cut down to the claims a verdict rests on, with the interval they share.
    ``side``: the side ``facets`` were taken from (``sides_of``), when the caller has it."""
    if side is not None and len(facets) == len(side[1]):
        # every claim of the side (each at most once): clustering them again gives the side
        # itself, its claims in its order and its interval (a cluster is made the same way
        # from its first claim on, whatever claims lie outside it)
        return side[0], list(side[1])
    sides = sides_of(facets, settings)
    return sides[0] if len(sides) == 1 else (iv, facets)


def pair_finding(
    kind: FindingKind,
    key: str,
    topic: str,
    verdict: Verdict,
    a: tuple[Interval, list[Facet]],
    b: tuple[Interval, list[Facet]],
    settings: Settings,
    roles: tuple[str, str] = ("value", "value"),
) -> Finding:
    """One finding between two sides, with its words, evidence and fingerprint."""
    positions: list[Position] = []
    for (iv, facets), role in zip((a, b), roles, strict=True):
        # ``described(position(...), facets[0], sources=...)`` made as one record: its claims
        # in ``position``'s order, its copy groups counted as sources, its sides in words
        ordered = sorted([f.claim for f in facets], key=in_time_order)
        head = facets[0]
        positions.append(
            Position(
                role=role,
                label=label(ordered),
                low=iv.low,
                high=iv.high,
                claims=ordered,
                sources=len({f.source for f in facets}),
                what=what(head),
                where=where(head.place, head.anchor),
                when=when(ordered),
                who=who(ordered),
            )
        )
    claims = [c for p in positions for c in p.claims]
    dates = sorted({c.published for c in claims if c.published})
    gap = a[0].gap(b[0])
    # each distinct moment once (copies of a story repeat them): the same least
    apart = least_days_apart(_moments(a[1]), _moments(b[1]))
    evidence = Evidence(
        order=verdict.order,
        dates=dates,
        days_apart=apart,
        gap=gap if gap != float("inf") else None,
        scope=topic,
        frame=a[1][0].event,
        events=sorted({c.event for c in claims if c.event}),
        claimers=sorted({n for p in positions for n in p.who}),
        notes=list(verdict.notes),
    )
    return Finding(
        id=fingerprint(kind, key, positions),
        kind=kind,
        classification=verdict.classification,
        severity=verdict.severity,
        title=title(topic, positions[0], positions[1], verdict.rule),
        reason=verdict.rule,
        quantity=topic,
        positions=positions,
        evidence=evidence,
        estimate=estimate(positions, settings.policy),
        topic=topic,
        rule=verdict.rule,
    )


def _moments(facets: Sequence[Facet]) -> list[Moment]:
    # equal moments once, by their fields (a tuple hashes in C, a dataclass in Python)
    distinct: dict[tuple[object, ...], Moment] = {}
    for f in facets:
        m = f.moment
        distinct.setdefault((m.date, m.precision, m.basis), m)
    return list(distinct.values())


def topic_of(f: Facet) -> str:
    """The key in words: "Ecuador, person killed"."""
    return f"{where(f.place, f.anchor)}, {what(f)}"


def has_focus(facets: Iterable[Facet], focus: Set[str] | None) -> bool:
    """Some facet is of a claim in ``focus`` (always true without a focus)."""
    return focus is None or any(f.claim_id in focus for f in facets)


def value_findings(
    groups: dict[str, list[Facet]], settings: Settings, focus: Set[str] | None = None, shared: Sides | None = None
) -> Iterable[Finding]:
    """Pairwise findings inside each quantity key.

    With ``focus`` (claim ids), only inside the keys that hold a focus claim, and there the
    pairs of sides one of which holds one, plus any other pair that could give a finding
    with the same id: a finding's id is its key and figures (``fingerprint``), a pair of
    archived sides whose figures include a focus finding's can take its id first, and the
    first one found stands, as in the full run. ``shared``: the keys' sides, shared with
    the other steps that read them (``Sides`` of ``groups``)."""
    # with a focus, only the keys that hold a focus claim (``Sides.holding``), in key order
    keys = sorted(groups) if focus is None else sorted(_holding(groups, focus, shared))
    for key in keys:
        facets = groups[key]
        if len(facets) < 2:
            continue
        sides = sides_of(facets, settings) if shared is None else shared[key]
        if len(sides) < 2:
            continue
        topic = topic_of(facets[0])
        pairs = [(i, j) for i in range(len(sides)) for j in range(i + 1, len(sides))]
        if focus is None:
            for i, j in pairs:
                if (f := _value_finding(key, topic, sides, i, j, settings)) is not None:
                    yield f
            continue
        marked = [has_focus(side[1], focus) for side in sides]
        found = {(i, j): _value_finding(key, topic, sides, i, j, settings) for i, j in pairs if marked[i] or marked[j]}
        shown = [
            (claim_figures(f.positions[0].claims), claim_figures(f.positions[1].claims)) for f in found.values() if f
        ]
        if not shown:
            continue  # nothing about a focus claim here, and nothing that could shadow it
        figures = (
            [claim_figures(f.claim for f in side[1]) for side in sides]
            if shared is None
            else [shared.figures(key, i) for i in range(len(sides))]  # made once for the steps that ask
        )
        for i, j in pairs:
            if (i, j) in found:
                finding = found[(i, j)]
            elif any((x <= figures[i] and y <= figures[j]) or (x <= figures[j] and y <= figures[i]) for x, y in shown):
                finding = _value_finding(key, topic, sides, i, j, settings)
            else:
                continue
            if finding is not None:
                yield finding


def _holding(groups: dict[str, list[Facet]], focus: Set[str], shared: Sides | None) -> Set[str]:
    """The keys of ``groups`` that hold a focus claim (``shared``'s, when given)."""
    if shared is not None:
        return shared.holding(focus)
    return {k for k, v in groups.items() if has_focus(v, focus)}


def _value_finding(
    key: str, topic: str, sides: list[tuple[Interval, list[Facet]]], i: int, j: int, settings: Settings
) -> Finding | None:
    """The finding between sides ``i`` and ``j`` (``i`` lower) of one key, if any."""
    low, high = sides[i], sides[j]
    if low[0].overlaps(high[0]) or low[0].gap(high[0]) == 0:
        # 9,000 against "more than 9,000": sides that meet at an open end differ by no
        # figure anyone wrote
        return None
    if _parts_of_one_phrase(low[1], high[1]) or _separate_incidents(low[1], high[1]):
        return None
    judged = classify_pair(low[1], high[1], settings)
    if judged is None:
        return None
    verdict, lows, highs = judged
    adjacent = j == i + 1
    if not adjacent and (verdict.classification == "update" or verdict.weak):
        return None
    if verdict.severity == "error" and any(f.joined is not None for f in (*lows, *highs)):
        # a side whose event or subject was not read joined this quantity by its pairing
        # score: the text alone does not prove the two measure one thing
        note = "one side joined this quantity by its pairing score, not by its own words"
        verdict = replace(verdict, severity="warning", notes=(*verdict.notes, note))
    return pair_finding(
        "value_conflict",
        key,
        topic,
        verdict,
        narrowed(lows, low[0], settings, low),
        narrowed(highs, high[0], settings, high),
        settings,
    )


def _parts_of_one_phrase(a: Sequence[Facet], b: Sequence[Facet]) -> bool:
    """ "four car bombs and three explosive devices": parts of one phrase never conflict."""
    ga = {f.claim.parts_group for f in a}
    gb = {f.claim.parts_group for f in b}
    return len(ga) == 1 and None not in ga and ga == gb


def _separate_incidents(a: Sequence[Facet], b: Sequence[Facet]) -> bool:
    """Inside one article, unattributed figures at the document's default place ("5 were
    killed in a bus crash ... 12 were killed in a shooting") are most often separate
    incidents. One article disagrees with itself when the figures are tied to a stated
    place, when different named sources give them, or when its words order them."""
    facets = [*a, *b]
    if len({f.source for f in facets}) > 1:
        return False
    if any(f.order is not None for f in facets):
        return False
    if all(f.place is not None and f.place.stated for f in facets):
        return False
    sources = [{f.claim.source.name.lower() for f in side if f.claim.source} for side in (a, b)]
    return not (all(sources) and len(set().union(*sources)) > 1)


class Sides:
    """The sides of each key (``sides_of``), computed when first asked for: the steps that
    read them (values, parts and wholes, chains) share one."""

    def __init__(self, groups: dict[str, list[Facet]], settings: Settings, holding: Set[str] | None = None) -> None:
        self._groups = groups
        self._settings = settings
        # the keys that hold a focus claim, when the caller knows them (``holding``)
        self._holding = holding
        self._sides: dict[str, list[tuple[Interval, list[Facet]]]] = {}
        self._marked: dict[str, list[bool]] = {}
        self._figures: dict[tuple[str, int], set[str]] = {}
        self._reach: dict[str, tuple[float, float]] = {}

    def __getitem__(self, key: str) -> list[tuple[Interval, list[Facet]]]:
        found = self._sides.get(key)
        if found is None:
            found = self._sides[key] = sides_of(self._groups[key], self._settings)
        return found

    def holding(self, focus: Set[str]) -> Set[str]:
        """The keys that hold a claim of ``focus`` (one focus a run), made once for the
        steps that ask (value findings, parts and wholes, chains), or as given: an archive
        knows where its draft's few claims went, without a pass over every key."""
        if self._holding is None:
            self._holding = {k for k, v in self._groups.items() if has_focus(v, focus)}
        return self._holding

    def reach(self, key: str) -> tuple[float, float]:
        """The highest lower bound of the sides of ``key`` and their lowest upper bound: no
        side of a key whose highest lower bound is below another's lowest upper bound
        ``exceeds`` any side of that one."""
        found = self._reach.get(key)
        if found is None:
            sides = self[key]
            if len(sides) == 1:
                iv = sides[0][0]
                found = (iv.lo, iv.hi)
            else:
                found = (max(iv.lo for iv, _ in sides), min(iv.hi for iv, _ in sides))
            self._reach[key] = found
        return found

    def marked(self, key: str, index: int, focus: Set[str]) -> bool:
        """Side ``index`` of ``key`` holds a claim of ``focus``."""
        flags = self._marked.get(key)
        if flags is None:
            flags = self._marked[key] = [has_focus(side[1], focus) for side in self[key]]
        return flags[index]

    def figures(self, key: str, index: int) -> set[str]:
        """The figures of side ``index`` of ``key``, as the fingerprint sees them (made once:
        a focused check asks for those of one side against every side of related keys)."""
        found = self._figures.get((key, index))
        if found is None:
            found = self._figures[(key, index)] = claim_figures(f.claim for f in self[key][index][1])
        return found
